//! The templates "synced" into the sandbox, and the checks WhatsApp applies to
//! the parameters of a template message.

use serde::Serialize;

use crate::input::Input;
use crate::validation::text_of;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Header {
    None,
    Text,
    Image,
    Video,
    Document,
    Location,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Button {
    /// A URL button with a variable at this 0-based position: `button_<index>`.
    UrlVariable(usize),
    /// A copy-code button: `copy_code`.
    CopyCode,
    /// A quick reply button: no parameter.
    QuickReply,
}

#[derive(Debug, Serialize)]
pub struct Template {
    pub name: &'static str,
    pub language: &'static str,
    pub header: Header,
    /// Number of `{{N}}` placeholders in the body: `field_1` ... `field_N`.
    pub body_params: usize,
    pub buttons: &'static [Button],
}

impl Template {
    /// The parameters a request must carry for this template.
    pub fn required_params(&self) -> Vec<String> {
        let mut params: Vec<String> = match self.header {
            Header::None => vec![],
            Header::Text => vec!["header_field_1".into()],
            Header::Image => vec!["header_image".into()],
            Header::Video => vec!["header_video".into()],
            Header::Document => vec!["header_document".into(), "header_document_name".into()],
            Header::Location => vec![
                "location_latitude".into(),
                "location_longitude".into(),
                "location_name".into(),
                "location_address".into(),
            ],
        };
        params.extend((1..=self.body_params).map(|n| format!("field_{n}")));
        for button in self.buttons {
            match button {
                Button::UrlVariable(index) => params.push(format!("button_{index}")),
                Button::CopyCode => params.push("copy_code".into()),
                Button::QuickReply => {}
            }
        }
        params
    }
}

const fn template(
    name: &'static str,
    language: &'static str,
    header: Header,
    body_params: usize,
    buttons: &'static [Button],
) -> Template {
    Template {
        name,
        language,
        header,
        body_params,
        buttons,
    }
}

pub const TEMPLATES: &[Template] = &[
    template("hello_world", "en", Header::None, 0, &[]),
    template("order_update", "en_US", Header::None, 2, &[]),
    template("order_update", "pt_BR", Header::None, 2, &[]),
    template("promo_image", "en", Header::Image, 1, &[Button::QuickReply]),
    template("product_video", "en", Header::Video, 1, &[]),
    template("invoice_document", "en", Header::Document, 1, &[]),
    template("store_location", "en", Header::Location, 0, &[]),
    template("welcome_text_header", "en", Header::Text, 1, &[]),
    template("coupon_code", "en", Header::None, 1, &[Button::CopyCode]),
    template(
        "track_order",
        "en",
        Header::None,
        1,
        &[Button::UrlVariable(0)],
    ),
    template("appointment_reminder", "en", Header::None, 5, &[]),
    // The carousel: its cards come with the request (carousel_templates).
    template("product_carousel", "en", Header::None, 1, &[]),
];

/// The templates the sandbox's WhatsApp account has besides the approved
/// ones: (name, language, status). They cannot be sent and are not listed.
pub const NOT_APPROVED: &[(&str, &str, &str)] = &[
    ("spring_sale", "en", "PENDING"),
    ("old_offer", "en", "REJECTED"),
];

/// 2026-04-01T09:00:00Z: when the templates were synced.
const SYNCED_AT: crate::clock::Millis = 1_775_034_000_000;

/// A row of the template list.
#[derive(Debug, Serialize)]
pub struct Listed {
    #[serde(rename = "_id")]
    pub id: u64,
    #[serde(rename = "_uid")]
    pub uid: String,
    pub status: &'static str,
    pub template_name: &'static str,
    pub template_id: String,
    pub category: &'static str,
    pub language: &'static str,
    pub created_at: String,
    pub updated_at: String,
}

fn category(name: &str) -> &'static str {
    match name {
        "promo_image" | "product_video" | "coupon_code" | "product_carousel" | "spring_sale"
        | "old_offer" => "MARKETING",
        _ => "UTILITY",
    }
}

/// Every template with its status, approved ones first, in sync order.
pub fn listed() -> Vec<Listed> {
    TEMPLATES
        .iter()
        .map(|t| (t.name, t.language, "APPROVED"))
        .chain(NOT_APPROVED.iter().copied())
        .enumerate()
        .map(|(i, (name, language, status))| {
            let n = i as u64 + 1;
            Listed {
                id: n,
                uid: format!("d1000000-0000-4000-8000-{n:012}"),
                status,
                template_name: name,
                template_id: (1_000_000_000_000_000 + n).to_string(),
                category: category(name),
                language,
                created_at: crate::clock::iso(SYNCED_AT),
                updated_at: crate::clock::iso(SYNCED_AT),
            }
        })
        .collect()
}

/// Name and language must both match, case-sensitively, as on the server.
pub fn find(name: &str, language: &str) -> Option<&'static Template> {
    TEMPLATES
        .iter()
        .find(|t| t.name == name && t.language == language)
}

/// WhatsApp's error text as the server relays it: ` (#code) title detail`.
pub fn whatsapp_error(code: u32, title: &str, detail: &str) -> String {
    format!(" (#{code}) {title} {detail}")
}

pub fn param_count_mismatch(given: usize, expected: usize) -> String {
    whatsapp_error(
        132000,
        "Number of parameters does not match the expected number of params",
        &format!(
            "body: number of localizable_params ({given}) does not match the expected number of params ({expected})"
        ),
    )
}

fn missing(component: &str, param: &str) -> String {
    whatsapp_error(
        131008,
        "Required parameter is missing",
        &format!("{component}: parameter {param} is missing"),
    )
}

fn invalid(component: &str, detail: &str) -> String {
    whatsapp_error(
        131009,
        "Parameter value is not valid",
        &format!("{component}: {detail}"),
    )
}

fn param(input: &Input, key: &str) -> Option<String> {
    input.get(key).and_then(text_of)
}

/// "22.5" yes, "22" no: WhatsApp wants a decimal point.
fn decimal_in(text: &str, limit: f64) -> bool {
    text.contains('.')
        && text
            .parse::<f64>()
            .is_ok_and(|v| v.is_finite() && v.abs() <= limit)
}

/// Checks the request's parameters against the template, in the order
/// WhatsApp reads the components (header, body, buttons); the first problem
/// is the answer's message.
pub fn check_params(template: &Template, input: &Input) -> Result<(), String> {
    match template.header {
        Header::None => {}
        Header::Text => match param(input, "header_field_1") {
            None => return Err(missing("header", "header_field_1")),
            Some(v) if v.chars().count() > 60 => {
                return Err(invalid(
                    "header",
                    "header_field_1 is longer than 60 characters",
                ))
            }
            Some(_) => {}
        },
        Header::Image | Header::Video | Header::Document => {
            let key = match template.header {
                Header::Image => "header_image",
                Header::Video => "header_video",
                _ => "header_document",
            };
            if param(input, key).is_none() {
                return Err(missing("header", key));
            }
            if template.header == Header::Document && param(input, "header_document_name").is_none()
            {
                return Err(missing("header", "header_document_name"));
            }
        }
        Header::Location => {
            for key in [
                "location_latitude",
                "location_longitude",
                "location_name",
                "location_address",
            ] {
                if param(input, key).is_none() {
                    return Err(missing("header", key));
                }
            }
            for (key, limit) in [("location_latitude", 90.0), ("location_longitude", 180.0)] {
                if !param(input, key).is_some_and(|v| decimal_in(&v, limit)) {
                    return Err(invalid(
                        "header",
                        &format!(
                            "{key} must be a decimal number with a decimal point within ±{limit}"
                        ),
                    ));
                }
            }
        }
    }

    let body: Vec<String> = (1..=template.body_params)
        .filter_map(|n| param(input, &format!("field_{n}")))
        .collect();
    if body.len() != template.body_params {
        return Err(param_count_mismatch(body.len(), template.body_params));
    }
    if body
        .iter()
        .any(|v| v.contains(['\n', '\t']) || v.contains("     "))
    {
        return Err(whatsapp_error(
            132018,
            "There was an issue with the parameters in your template.",
            "body: Param text cannot have new-line/tab characters or more than 4 consecutive spaces",
        ));
    }

    for button in template.buttons {
        match button {
            Button::UrlVariable(index) => {
                let key = format!("button_{index}");
                if param(input, &key).is_none() {
                    return Err(missing("button", &key));
                }
            }
            Button::CopyCode => match param(input, "copy_code") {
                None => return Err(missing("button", "copy_code")),
                Some(code)
                    if code.chars().count() > 15
                        || !code
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
                {
                    return Err(invalid(
                        "button",
                        "copy_code must be at most 15 letters, digits, '-' or '_'",
                    ))
                }
                Some(_) => {}
            },
            Button::QuickReply => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn input(value: serde_json::Value) -> Input {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn mismatch_message_matches_fixture() {
        assert_eq!(
            param_count_mismatch(2, 3),
            crate::answers::message("whatsapp-error-132000")
        );
    }

    #[test]
    fn body_count() {
        let t = find("order_update", "en_US").unwrap();
        assert!(check_params(t, &input(json!({"field_1": "a", "field_2": "b"}))).is_ok());
        let err = check_params(t, &input(json!({"field_2": "b", "field_3": "c"}))).unwrap_err();
        assert!(
            err.contains("(#132000)") && err.contains("(1)") && err.contains("(2)"),
            "{err}"
        );
        assert!(find("order_update", "en").is_none());
        assert!(find("Order_update", "en_US").is_none());
    }

    #[test]
    fn headers_and_buttons() {
        let t = find("store_location", "en").unwrap();
        let ok = json!({"location_latitude": "22.22", "location_longitude": "-22.5",
                        "location_name": "n", "location_address": "a"});
        assert!(check_params(t, &input(ok.clone())).is_ok());
        let mut bad = ok.clone();
        bad["location_latitude"] = json!("22");
        assert!(check_params(t, &input(bad))
            .unwrap_err()
            .contains("(#131009)"));
        let mut gone = ok;
        gone.as_object_mut().unwrap().remove("location_name");
        assert!(check_params(t, &input(gone))
            .unwrap_err()
            .starts_with(" (#131008) Required parameter is missing"));

        let t = find("coupon_code", "en").unwrap();
        assert!(check_params(t, &input(json!({"field_1": "x"})))
            .unwrap_err()
            .contains("copy_code"));
        assert!(check_params(t, &input(json!({"field_1": "x", "copy_code": "SAVE-10"}))).is_ok());
        assert_eq!(t.required_params(), vec!["field_1", "copy_code"]);
    }
}
