//! Laravel-style validation: rules, messages and the 422 answer.
//!
//! Messages use Laravel 10+'s English wording; the attribute name is the key
//! with underscores turned into spaces (nested keys keep their dots:
//! "The contact.email field must be a valid email address.").

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use crate::input::Input;
use crate::reply::{self, Reply};

/// Errors in the order the rules ran, like Laravel's MessageBag.
#[derive(Debug, Default)]
pub struct Errors {
    fields: Vec<(String, Vec<String>)>,
}

impl Errors {
    pub fn add(&mut self, key: &str, message: String) {
        match self.fields.iter_mut().find(|(k, _)| k == key) {
            Some((_, messages)) => messages.push(message),
            None => self.fields.push((key.to_string(), vec![message])),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// "<first error> (and N more error[s])", as ValidationException::summarize.
    pub fn summary(&self) -> String {
        let mut all = self.fields.iter().flat_map(|(_, m)| m.iter());
        let first = all.next().cloned().unwrap_or_default();
        match all.count() {
            0 => first,
            1 => format!("{first} (and 1 more error)"),
            n => format!("{first} (and {n} more errors)"),
        }
    }

    pub fn into_reply(self) -> Reply {
        reply::json(422, &Laravel422 { errors: &self })
    }

    #[cfg(test)]
    pub fn messages(&self, key: &str) -> Vec<String> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, m)| m.clone())
            .unwrap_or_default()
    }
}

struct Laravel422<'a> {
    errors: &'a Errors,
}

impl Serialize for Laravel422<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("message", &self.errors.summary())?;
        map.serialize_entry("errors", &OrderedErrors(self.errors))?;
        map.end()
    }
}

struct OrderedErrors<'a>(&'a Errors);

impl Serialize for OrderedErrors<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.fields.len()))?;
        for (key, messages) in &self.0.fields {
            map.serialize_entry(key, messages)?;
        }
        map.end()
    }
}

/// "phone_number" → "phone number".
pub fn attribute(key: &str) -> String {
    key.replace('_', " ")
}

/// Runs rules over an input, collecting errors.
pub struct Validator<'a> {
    input: &'a Input,
    pub errors: Errors,
}

impl<'a> Validator<'a> {
    pub fn new(input: &'a Input) -> Self {
        Validator {
            input,
            errors: Errors::default(),
        }
    }

    /// Starts the rules of one (possibly dotted) key.
    pub fn field<'v>(&'v mut self, key: &'v str) -> Field<'v, 'a> {
        let value = lookup(self.input, key);
        Field {
            validator: self,
            key,
            value,
            done: false,
        }
    }

    pub fn finish(self) -> Result<(), Errors> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }
}

/// A value at a dotted path; null counts as absent, as in Laravel.
fn lookup<'a>(input: &'a Input, key: &str) -> Option<&'a Value> {
    let mut parts = key.split('.');
    let mut value = input.get(parts.next()?)?;
    for part in parts {
        value = value.as_object()?.get(part)?;
    }
    (!value.is_null()).then_some(value)
}

/// Text of a scalar: strings as they are, numbers as PHP would print them.
pub fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The rules of one field. Every rule but `required` passes an absent value
/// (Laravel's rules are not implicit); a value of the wrong type stops the
/// remaining rules so that one mistake gives one message.
pub struct Field<'v, 'a> {
    validator: &'v mut Validator<'a>,
    key: &'v str,
    value: Option<&'a Value>,
    done: bool,
}

impl Field<'_, '_> {
    fn fail(&mut self, message: String) {
        self.validator.errors.add(self.key, message);
    }

    fn attr(&self) -> String {
        attribute(self.key)
    }

    /// The value as text, or None when absent; reports a non-text value.
    fn text(&mut self) -> Option<String> {
        if self.done {
            return None;
        }
        let value = self.value?;
        match text_of(value) {
            Some(text) => Some(text),
            None => {
                let message = format!("The {} field must be a string.", self.attr());
                self.fail(message);
                self.done = true;
                None
            }
        }
    }

    /// Laravel's `required`: an empty array counts as missing too.
    pub fn required(mut self) -> Self {
        if self
            .value
            .is_none_or(|v| v.as_array().is_some_and(Vec::is_empty))
        {
            let message = format!("The {} field is required.", self.attr());
            self.fail(message);
            self.done = true;
        }
        self
    }

    pub fn string(mut self) -> Self {
        self.text();
        self
    }

    pub fn max(mut self, max: usize) -> Self {
        if let Some(text) = self.text() {
            if text.chars().count() > max {
                let message = format!(
                    "The {} field must not be greater than {max} characters.",
                    self.attr()
                );
                self.fail(message);
            }
        }
        self
    }

    /// The API's phone number rules: `doesnt_start_with:+,0|digits_between:9,15`.
    pub fn phone_number(mut self) -> Self {
        if let Some(text) = self.text() {
            if text.starts_with('+') || text.starts_with('0') {
                let message = format!(
                    "The {} field must not start with one of the following: +, 0.",
                    self.attr()
                );
                self.fail(message);
            }
            if !is_phone_digits(&text) {
                let message = format!("The {} field must be between 9 and 15 digits.", self.attr());
                self.fail(message);
            }
        }
        self
    }

    pub fn one_of(mut self, allowed: &[&str]) -> Self {
        if let Some(text) = self.text() {
            if !allowed.contains(&text.as_str()) {
                let message = format!("The selected {} is invalid.", self.attr());
                self.fail(message);
            }
        }
        self
    }

    pub fn url(mut self) -> Self {
        if let Some(text) = self.text() {
            if !is_url(&text) {
                let message = format!("The {} field must be a valid URL.", self.attr());
                self.fail(message);
            }
        }
        self
    }

    pub fn email(mut self) -> Self {
        if let Some(text) = self.text() {
            if !is_email(&text) {
                let message = format!("The {} field must be a valid email address.", self.attr());
                self.fail(message);
            }
        }
        self
    }

    /// `regex:/^[a-zA-Z0-9_-]+$/` as used for language codes.
    pub fn code_chars(mut self) -> Self {
        if let Some(text) = self.text() {
            if !text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                let message = format!("The {} field format is invalid.", self.attr());
                self.fail(message);
            }
        }
        self
    }

    /// Laravel's `boolean`: true, false, 0, 1, "0", "1".
    pub fn boolean(mut self) -> Self {
        if let Some(value) = self.value {
            if !self.done && as_bool(value).is_none() {
                let message = format!("The {} field must be true or false.", self.attr());
                self.fail(message);
            }
        }
        self
    }

    /// Laravel's `array`, which for JSON input means an object here.
    pub fn object(self) -> Self {
        self.array_of(Value::is_object)
    }

    /// Laravel's `array` for a JSON list.
    pub fn list(self) -> Self {
        self.array_of(Value::is_array)
    }

    /// A value that PHP would decode to an array; other types stop the
    /// field's other rules.
    fn array_of(mut self, is: fn(&Value) -> bool) -> Self {
        if let Some(value) = self.value {
            if !self.done && !is(value) {
                let message = format!("The {} field must be an array.", self.attr());
                self.fail(message);
                self.done = true;
            }
        }
        self
    }

    /// `unique`: fails when `taken` says the text is already in use.
    pub fn unique(mut self, taken: impl Fn(&str) -> bool) -> Self {
        if let Some(text) = self.text() {
            if taken(&text) {
                let message = format!("The {} has already been taken.", self.attr());
                self.fail(message);
            }
        }
        self
    }
}

/// Digits only, 9 to 15 of them (E.164's cap).
pub fn is_phone_digits(text: &str) -> bool {
    (9..=15).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

pub fn as_bool(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::Number(n) if n.as_u64() == Some(0) => Some(false),
        Value::Number(n) if n.as_u64() == Some(1) => Some(true),
        Value::String(s) if s == "0" => Some(false),
        Value::String(s) if s == "1" => Some(true),
        _ => None,
    }
}

/// An absolute URL: a scheme, `://`, a host, and no whitespace.
pub fn is_url(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once("://") else {
        return false;
    };
    let scheme_ok = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    scheme_ok
        && !host.is_empty()
        && !host.starts_with(':')
        && !text.chars().any(char::is_whitespace)
}

/// `local@domain` with one `@`, no whitespace and a domain of non-empty
/// labels (RFC-style validation accepts a dotless domain too).
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain.split('.').all(|label| !label.is_empty())
        && text.len() <= 255
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn input(value: Value) -> Input {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn summary_counts_messages() {
        let mut e = Errors::default();
        e.add("a", "A.".into());
        assert_eq!(e.summary(), "A.");
        e.add("b", "B.".into());
        assert_eq!(e.summary(), "A. (and 1 more error)");
        e.add("b", "B2.".into());
        assert_eq!(e.summary(), "A. (and 2 more errors)");
    }

    #[test]
    fn phone_rules() {
        let data = input(
            json!({"a": "+919876543210", "b": "0919876543210", "c": "12345678", "d": 919876543210u64}),
        );
        let mut v = Validator::new(&data);
        v.field("a").required().phone_number();
        v.field("b").required().phone_number();
        v.field("c").required().phone_number();
        v.field("d").required().phone_number();
        v.field("e").required().phone_number();
        let e = v.finish().unwrap_err();
        assert_eq!(e.messages("a").len(), 2);
        assert_eq!(
            e.messages("b"),
            vec!["The b field must not start with one of the following: +, 0."]
        );
        assert_eq!(
            e.messages("c"),
            vec!["The c field must be between 9 and 15 digits."]
        );
        assert!(e.messages("d").is_empty());
        assert_eq!(e.messages("e"), vec!["The e field is required."]);
    }

    #[test]
    fn nested_keys_and_422_shape() {
        let data = input(json!({"contact": {"email": "nope"}}));
        let mut v = Validator::new(&data);
        v.field("phone_number").required();
        v.field("contact.email").email();
        let reply = v.finish().unwrap_err();
        let body = serde_json::to_string(&Laravel422 { errors: &reply }).unwrap();
        assert_eq!(
            body,
            r#"{"message":"The phone number field is required. (and 1 more error)","errors":{"phone_number":["The phone number field is required."],"contact.email":["The contact.email field must be a valid email address."]}}"#
        );
    }

    #[test]
    fn urls_and_emails() {
        assert!(is_url("https://example.com/a.jpg?x=1"));
        assert!(is_url("http://localhost:8080/x"));
        assert!(!is_url("example.com/a.jpg"));
        assert!(!is_url("https://"));
        assert!(!is_url("https://exa mple.com"));
        assert!(is_email("johndoe@doamin.com"));
        assert!(!is_email("johndoe"));
        assert!(!is_email("a@b@c"));
        assert!(!is_email("a@.com"));
    }
}
