//! A template's definition in WhatsApp's own format (`{ name, language,
//! components }`, as WhatsApp Manager shows it), read into the parameters
//! the server derives from it (ROUTES-7x.md, "How the server derives a
//! template's required parameters").

use crate::issue::{Issue, IssueCode};
use crate::json::{Map, Value};
use crate::messages::Msg;

/// What a template requires of a send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateDefinition {
    /// The template's name, which `template_name` must match.
    pub name: String,
    /// Its language code, which `template_language` must match.
    pub language: String,
    /// Each parameter the server requires, with the part of the template
    /// that needs it, in the order of the components.
    pub required: Vec<(String, Msg)>,
}

impl TemplateDefinition {
    /// Whether the template uses the request field `key`.
    pub fn uses(&self, key: &str) -> bool {
        self.required.iter().any(|(k, _)| k == key)
    }

    /// Reads a definition; a malformed one is one issue, its path under
    /// `template` (`template.components.2.type`).
    pub fn parse(value: &Value) -> Result<Self, Issue> {
        let map = object(value, "template")?;
        let mut required = Vec::new();
        let Some(Value::Array(components)) = map.get("components") else {
            return Err(malformed("template.components", Msg::TypeArray));
        };
        for (i, component) in components.iter().enumerate() {
            let at = &format!("template.components.{i}");
            let component = object(component, at)?;
            let text = text(component, at)?;
            // Other types (FOOTER, ...) take no parameters.
            match string(component, at, "type")? {
                "HEADER" => {
                    let named: &[&str] = match string(component, at, "format")? {
                        "TEXT" => {
                            for n in placeholders(text) {
                                required.push(numbered("header_field_", n, Msg::PartTextHeader));
                            }
                            &[]
                        }
                        "IMAGE" => &["header_image"],
                        "VIDEO" => &["header_video"],
                        "DOCUMENT" => &["header_document", "header_document_name"],
                        "LOCATION" => &[
                            "location_latitude",
                            "location_longitude",
                            "location_name",
                            "location_address",
                        ],
                        _ => return Err(malformed(&format!("{at}.format"), Msg::TypeHeaderFormat)),
                    };
                    for key in named {
                        required.push(((*key).to_owned(), Msg::PartHeader));
                    }
                }
                "BODY" => {
                    for n in placeholders(text) {
                        required.push(numbered("field_", n, Msg::PartBody));
                    }
                }
                "BUTTONS" => {
                    let Some(Value::Array(buttons)) = component.get("buttons") else {
                        return Err(malformed(&format!("{at}.buttons"), Msg::TypeArray));
                    };
                    // The server counts every button, whatever its type.
                    for (i, button) in buttons.iter().enumerate() {
                        let at = &format!("{at}.buttons.{i}");
                        let button = object(button, at)?;
                        match string(button, at, "type")? {
                            "URL" if placeholders(url(button, at)?).contains(&1) => {
                                required.push(numbered("button_", i, Msg::PartUrlButton))
                            }
                            "COPY_CODE" => {
                                required.push(("copy_code".to_owned(), Msg::PartCopyCodeButton))
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(Self {
            name: string(map, "template", "name")?.to_owned(),
            language: string(map, "template", "language")?.to_owned(),
            required,
        })
    }
}

/// The numbers of the `{{N}}` placeholders in `text`, ascending, once each.
/// A byte scan and a presence table rather than a substring search and a
/// sort, which would bring their own code into the module.
fn placeholders(text: &str) -> Vec<usize> {
    let mut seen = Vec::new();
    // Split at each `{`, an empty piece after the first is a `{{`.
    let mut after_braces = false;
    for (i, rest) in text.as_bytes().split(|&b| b == b'{').enumerate() {
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let open = after_braces;
        after_braces = i > 0 && rest.is_empty();
        if open && (1..=4).contains(&digits) && rest[digits..].starts_with(b"}}") {
            let n = rest[..digits]
                .iter()
                .fold(0, |n, b| n * 10 + usize::from(b - b'0'));
            if seen.len() <= n {
                seen.resize(n + 1, false);
            }
            seen[n] = true;
        }
    }
    (0..seen.len()).filter(|&n| seen[n]).collect()
}

fn numbered(prefix: &str, n: usize, part: Msg) -> (String, Msg) {
    (format!("{prefix}{n}"), part)
}

fn malformed(path: &str, what: Msg) -> Issue {
    Issue::of(
        path,
        IssueCode::InvalidType,
        Msg::InvalidTypeTemplate.with("expected", what),
    )
}

fn object<'a>(value: &'a Value, path: &str) -> Result<&'a Map, Issue> {
    value
        .as_object()
        .ok_or_else(|| malformed(path, Msg::TypeObject))
}

fn string<'a>(map: &'a Map, at: &str, key: &str) -> Result<&'a str, Issue> {
    map.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| malformed(&format!("{at}.{key}"), Msg::TypeString))
}

/// A component's `text`, which may be left out (a header without
/// parameters).
fn text<'a>(map: &'a Map, at: &str) -> Result<&'a str, Issue> {
    optional(map, at, "text")
}

fn url<'a>(map: &'a Map, at: &str) -> Result<&'a str, Issue> {
    optional(map, at, "url")
}

fn optional<'a>(map: &'a Map, at: &str, key: &str) -> Result<&'a str, Issue> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(""),
        _ => string(map, at, key),
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn placeholders_are_numbered_ones_once_each_in_order() {
        assert_eq!(
            placeholders("{5}} Hi {{2}}, {{1}} and {{2}} {{name}} {{}} {{3 {4}} {{{6}}"),
            vec![1usize, 2, 6]
        );
        assert_eq!(placeholders("no parameters"), Vec::<usize>::new());
    }
}
