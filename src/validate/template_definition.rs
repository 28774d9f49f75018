//! A template's definition in WhatsApp's own format (`{ name, language,
//! components }`, as WhatsApp Manager shows it), read into the parameters
//! the server derives from it (ROUTES-7x.md, "How the server derives a
//! template's required parameters").

use crate::issue::{Issue, IssueCode};
use crate::json::{Map, Value};

/// What a template requires of a send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateDefinition {
    /// The template's name, which `template_name` must match.
    pub name: String,
    /// Its language code, which `template_language` must match.
    pub language: String,
    /// Each parameter the server requires, with the reason shown when it is
    /// missing, in the order of the components.
    pub required: Vec<(String, String)>,
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
        let name = string(map, "template", "name")?;
        let language = string(map, "template", "language")?;
        let components = match map.get("components") {
            Some(Value::Array(items)) => items,
            _ => return Err(refuse(
                "template.components",
                "must be an array of components such as { type: \"BODY\", text: \"Hi {{1}}\" }.",
            )),
        };
        let mut required = Vec::new();
        for (i, component) in components.iter().enumerate() {
            let at = format!("template.components.{i}");
            let component = object(component, &at)?;
            // Other types (FOOTER, ...) take no parameters.
            match string(component, &at, "type")? {
                "HEADER" => header(component, &at, &mut required)?,
                "BODY" => {
                    for n in placeholders(optional_text(component, &at, "text")?) {
                        required.push((
                            format!("field_{n}"),
                            format!("the template's body has {{{{{n}}}}}"),
                        ));
                    }
                }
                "BUTTONS" => buttons(component, &at, &mut required)?,
                _ => {}
            }
        }
        Ok(Self {
            name: name.to_owned(),
            language: language.to_owned(),
            required,
        })
    }
}

fn header(component: &Map, at: &str, required: &mut Vec<(String, String)>) -> Result<(), Issue> {
    let mut need = |keys: &[&str], what: &str| {
        for key in keys {
            required.push((
                (*key).to_owned(),
                format!("the template's header is {what}"),
            ));
        }
    };
    match string(component, at, "format")? {
        "TEXT" => {
            for n in placeholders(optional_text(component, at, "text")?) {
                required.push((
                    format!("header_field_{n}"),
                    format!("the template's header has {{{{{n}}}}}"),
                ));
            }
        }
        "IMAGE" => need(&["header_image"], "an image"),
        "VIDEO" => need(&["header_video"], "a video"),
        "DOCUMENT" => need(&["header_document", "header_document_name"], "a document"),
        "LOCATION" => need(
            &[
                "location_latitude",
                "location_longitude",
                "location_name",
                "location_address",
            ],
            "a location",
        ),
        _ => {
            return Err(Issue::new(
                format!("{at}.format"),
                IssueCode::InvalidChoice,
                format!("{at}.format must be TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION."),
            ))
        }
    }
    Ok(())
}

fn buttons(component: &Map, at: &str, required: &mut Vec<(String, String)>) -> Result<(), Issue> {
    let Some(Value::Array(buttons)) = component.get("buttons") else {
        return Err(refuse(
            &format!("{at}.buttons"),
            "must be an array of buttons.",
        ));
    };
    // The server counts every button, whatever its type.
    for (i, button) in buttons.iter().enumerate() {
        let at = format!("{at}.buttons.{i}");
        let button = object(button, &at)?;
        match string(button, &at, "type")? {
            "URL" if placeholders(optional_text(button, &at, "url")?).contains(&1) => required.push((
                format!("button_{i}"),
                format!("the template's button {i} is a URL with {{{{1}}}}"),
            )),
            "COPY_CODE" => required.push((
                "copy_code".to_owned(),
                "the template has a copy-code button".to_owned(),
            )),
            _ => {}
        }
    }
    Ok(())
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

fn refuse(path: &str, rest: &str) -> Issue {
    Issue::new(path, IssueCode::InvalidType, format!("{path} {rest}"))
}

fn object<'a>(value: &'a Value, path: &str) -> Result<&'a Map, Issue> {
    value.as_object().ok_or_else(|| {
        refuse(
            path,
            "must be an object in WhatsApp's format, such as { name, language, components }.",
        )
    })
}

fn string<'a>(map: &'a Map, at: &str, key: &str) -> Result<&'a str, Issue> {
    match map.get(key) {
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(refuse(&format!("{at}.{key}"), "must be a string.")),
        None => Err(Issue::new(
            format!("{at}.{key}"),
            IssueCode::Required,
            format!("{at}.{key} is required."),
        )),
    }
}

/// A text that may be left out (a header without parameters).
fn optional_text<'a>(map: &'a Map, at: &str, key: &str) -> Result<&'a str, Issue> {
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
            placeholders("Hi {{2}}, {{1}} and {{2}} {{name}} {{}} {{3"),
            vec![1usize, 2, 6]
        );
        assert_eq!(placeholders("no parameters"), Vec::<usize>::new());
    }
}
