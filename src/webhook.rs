//! The webhook WhatsJet posts to a vendor's URL, read into typed events.
//!
//! The server posts one JSON shape for everything (see the README's
//! "Webhook events"): a `contact`, a `message` and Meta's raw
//! `whatsapp_webhook_payload`, with an empty array `[]` where it means
//! nothing. [`parse`] checks that shape, turns those `[]` into `null`, keeps
//! the server's field names and adds `type`: `"message"`, `"status"` or
//! `"contact"`. The server signs nothing, so a receiver puts a secret in its
//! URL and checks it with [`secret_matches`].

use subtle::ConstantTimeEq;

use crate::error::Error;
use crate::issue::{Issue, IssueCode};
use crate::json::{self, Map, Value};

/// Largest body accepted, in bytes of JSON. Meta caps its webhook payloads
/// at 3 MB and WhatsJet adds a few hundred bytes around one.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// What an event is about: the `type` added to the payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// An incoming message, a button or list reply, or an echo of a reply
    /// sent from the WhatsApp Business app: `message.status` is null.
    Message,
    /// A sent message moved on: `message.status` is sent, delivered, read
    /// or failed.
    Status,
    /// A contact was created (`contact.status` "new") or updated through
    /// the API ("updated"); `message` is null.
    Contact,
}

impl EventKind {
    /// The `type` as it appears in the event.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Message => "message",
            Self::Status => "status",
            Self::Contact => "contact",
        }
    }
}

/// A webhook payload, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// What the event is about.
    pub kind: EventKind,
    /// The payload with `type` first, `[]` as `null`, the server's keys kept.
    pub payload: Value,
}

/// What a field must hold.
#[derive(Clone, Copy)]
enum Want {
    /// A string; absent or null is `required`.
    Text,
    /// A string or null; may be absent.
    TextOrNull,
    /// `true` or `false`; absent or null is `required`.
    Bool,
    /// An object; absent or null is `required`.
    Object,
    /// An object, `null` or `[]` (which becomes `null`); absent is `required`.
    ObjectOrNothing,
}

const TOP: &[(&str, Want)] = &[
    ("contact", Want::Object),
    ("message", Want::ObjectOrNothing),
    ("whatsapp_webhook_payload", Want::ObjectOrNothing),
];

const CONTACT: &[(&str, Want)] = &[
    ("status", Want::Text),
    ("phone_number", Want::Text),
    ("uid", Want::Text),
    ("first_name", Want::TextOrNull),
    ("last_name", Want::TextOrNull),
    ("email", Want::TextOrNull),
    ("language_code", Want::TextOrNull),
    ("country", Want::TextOrNull),
];

const MESSAGE: &[(&str, Want)] = &[
    ("whatsapp_business_phone_number_id", Want::TextOrNull),
    ("whatsapp_message_id", Want::Text),
    ("replied_to_whatsapp_message_id", Want::TextOrNull),
    ("is_new_message", Want::Bool),
    ("body", Want::TextOrNull),
    ("status", Want::TextOrNull),
    ("media", Want::ObjectOrNothing),
];

const MEDIA: &[(&str, Want)] = &[
    ("type", Want::Text),
    ("link", Want::TextOrNull),
    ("caption", Want::TextOrNull),
    ("mime_type", Want::TextOrNull),
    ("file_name", Want::TextOrNull),
    ("original_filename", Want::TextOrNull),
];

/// The `message.status` of a status event.
pub const STATUSES: [&str; 4] = ["sent", "delivered", "read", "failed"];
/// The `contact.status` of a contact event.
pub const CONTACT_STATUSES: [&str; 2] = ["new", "updated"];

/// Checks the fields of `table` in `object`, whose path is `prefix`, and
/// turns each `[]` that means nothing into `null`.
fn check(object: &mut Map, prefix: &str, table: &[(&str, Want)], issues: &mut Vec<Issue>) {
    for &(key, want) in table {
        let value = object.get_mut(key);
        let ok = match (&value, want) {
            (None, Want::TextOrNull) => true,
            (Some(Value::Null), Want::TextOrNull | Want::ObjectOrNothing) => true,
            (Some(Value::String(_)), Want::Text | Want::TextOrNull) => true,
            (Some(Value::Bool(_)), Want::Bool) => true,
            (Some(Value::Object(_)), Want::Object | Want::ObjectOrNothing) => true,
            (Some(Value::Array(items)), Want::ObjectOrNothing) => items.is_empty(),
            _ => false,
        };
        if ok {
            if let Some(v @ Value::Array(_)) = value {
                *v = Value::Null;
            }
            continue;
        }
        let path = format!("{prefix}{key}");
        let (code, what) = match (value, want) {
            (None | Some(Value::Null), _) => (IssueCode::Required, "is required"),
            (_, Want::Text) => (IssueCode::InvalidType, "must be a string"),
            (_, Want::TextOrNull) => (IssueCode::InvalidType, "must be a string or null"),
            (_, Want::Bool) => (IssueCode::InvalidType, "must be true or false"),
            (_, Want::Object) => (IssueCode::InvalidType, "must be an object"),
            (_, Want::ObjectOrNothing) => (IssueCode::InvalidType, "must be an object, [] or null"),
        };
        let message = format!("{path} {what}.");
        issues.push(Issue::new(path, code, message));
    }
}

/// The object at `key` of `object`, if it is one.
fn object_at<'a>(object: &'a mut Map, key: &str) -> Option<&'a mut Map> {
    match object.get_mut(key) {
        Some(Value::Object(map)) => Some(map),
        _ => None,
    }
}

/// The string at `key`, if it is one.
fn text_at<'a>(object: Option<&'a mut Map>, key: &str) -> Option<&'a str> {
    object?.get(key)?.as_str()
}

fn choice(issues: &mut Vec<Issue>, path: &str, allowed: &[&str]) {
    let message = format!("{path} must be one of {}.", allowed.join(", "));
    issues.push(Issue::new(path, IssueCode::InvalidChoice, message));
}

fn invalid(code: IssueCode, message: &str) -> Error {
    Error::invalid("", code, message)
}

/// A `validation` error when a body of `bytes` is over [`MAX_BYTES`].
pub fn check_size(bytes: usize) -> Result<(), Error> {
    if bytes > MAX_BYTES {
        return Err(invalid(
            IssueCode::TooLong,
            "The webhook body is over 4 MiB, far more than WhatsJet posts.",
        ));
    }
    Ok(())
}

/// Reads the text of a webhook POST.
///
/// A key written twice counts with its last value, as with `JSON.parse`.
pub fn parse(text: &str) -> Result<Event, Error> {
    check_size(text.len())?;
    // Only the last of repeated keys is ever read, so the reader that does not
    // merge them serves, and the validators build links no second reader.
    let value = json::parse_stringified(text.trim_start_matches('\u{feff}')).map_err(|e| {
        invalid(
            IssueCode::InvalidFormat,
            match e {
                json::ParseError::Syntax => "The webhook body is not JSON.",
                json::ParseError::TooDeep => "The webhook body is nested too deeply.",
            },
        )
    })?;
    from_value(value)
}

/// Reads a webhook payload already parsed from JSON.
pub fn from_value(value: Value) -> Result<Event, Error> {
    let Value::Object(mut top) = value else {
        return Err(invalid(
            IssueCode::InvalidType,
            "The webhook body must be a JSON object.",
        ));
    };
    let mut issues = Vec::new();
    check(&mut top, "", TOP, &mut issues);
    if let Some(contact) = object_at(&mut top, "contact") {
        check(contact, "contact.", CONTACT, &mut issues);
    }
    if let Some(message) = object_at(&mut top, "message") {
        check(message, "message.", MESSAGE, &mut issues);
        if let Some(media) = object_at(message, "media") {
            check(media, "message.media.", MEDIA, &mut issues);
        }
    }
    // The status decides the kind; a missing or mistyped one, or a bad
    // `message`, is already an issue.
    let kind = match top.get("message") {
        Some(Value::Object(_)) => match text_at(object_at(&mut top, "message"), "status") {
            None => Some(EventKind::Message),
            Some(s) if STATUSES.contains(&s) => Some(EventKind::Status),
            Some(_) => {
                choice(&mut issues, "message.status", &STATUSES);
                None
            }
        },
        Some(Value::Null) => match text_at(object_at(&mut top, "contact"), "status") {
            Some(s) if CONTACT_STATUSES.contains(&s) => Some(EventKind::Contact),
            Some(_) => {
                choice(&mut issues, "contact.status", &CONTACT_STATUSES);
                None
            }
            None => None,
        },
        _ => None,
    };
    match kind {
        Some(kind) if issues.is_empty() => {
            let mut payload = Map::with_capacity(top.len() + 1);
            payload.push("type", Value::from(kind.as_str()));
            // Moved, not cloned: the module has no deep copy of a value to link.
            for (key, value) in top.iter_mut().filter(|(k, _)| *k != "type") {
                payload.push(std::mem::take(key), std::mem::take(value));
            }
            Ok(Event {
                kind,
                payload: Value::Object(payload),
            })
        }
        _ => Err(Error::Validation { issues }),
    }
}

/// Whether the secret a request carries is the receiver's, compared in
/// constant time so that its answer time does not tell an attacker how much
/// of a guess was right. Only the length can show. An empty `expected` is a
/// `config` error: it would let every request without a secret through.
pub fn secret_matches(received: &str, expected: &str) -> Result<bool, Error> {
    if expected.is_empty() {
        return Err(Error::config(
            "expected",
            IssueCode::Required,
            "expected must be the secret, not empty.",
        ));
    }
    Ok(received.as_bytes().ct_eq(expected.as_bytes()).into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::ToJson;

    const STATUS: &str = r#"{"contact":{"status":"existing","phone_number":"919800000000","uid":"c-1","first_name":"Asha","last_name":null,"email":null,"language_code":"en","country":"India"},"message":{"whatsapp_business_phone_number_id":"100000000000001","whatsapp_message_id":"wamid.1","replied_to_whatsapp_message_id":null,"is_new_message":false,"body":null,"status":"delivered","media":null},"whatsapp_webhook_payload":{"object":"whatsapp_business_account"}}"#;

    fn issues(text: &str) -> Vec<(String, &'static str)> {
        match parse(text) {
            Err(Error::Validation { issues }) => issues
                .into_iter()
                .map(|i| (i.path, i.code.as_str()))
                .collect(),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    fn pairs(list: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        list.iter().map(|(p, c)| (p.to_string(), *c)).collect()
    }

    #[test]
    fn a_status_event_gets_its_type_first_and_keeps_every_field() {
        let event = parse(STATUS).unwrap();
        assert_eq!(event.kind, EventKind::Status);
        assert_eq!(
            event.payload.to_json_string(),
            format!(r#"{{"type":"status",{}"#, &STATUS[1..])
        );
    }

    #[test]
    fn an_incoming_text_has_its_empty_media_array_made_null() {
        let text = STATUS
            .replace(r#""is_new_message":false"#, r#""is_new_message":true"#)
            .replace(
                r#""body":null,"status":"delivered","media":null"#,
                r#""body":"Hi","status":null,"media":[]"#,
            );
        let event = parse(&text).unwrap();
        assert_eq!(event.kind, EventKind::Message);
        let message = event.payload.get("message").unwrap();
        assert_eq!(message.get("media"), Some(&Value::Null));
        assert_eq!(message.get("body"), Some(&Value::from("Hi")));
    }

    #[test]
    fn a_contact_event_has_null_message_and_meta_payload() {
        let text = r#"{"contact":{"status":"new","phone_number":"919800000000","uid":"c-1"},"message":[],"whatsapp_webhook_payload":[]}"#;
        let event = parse(text).unwrap();
        assert_eq!(event.kind, EventKind::Contact);
        assert_eq!(
            event.payload.to_json_string(),
            r#"{"type":"contact","contact":{"status":"new","phone_number":"919800000000","uid":"c-1"},"message":null,"whatsapp_webhook_payload":null}"#
        );
        // Its own output reads back the same.
        assert_eq!(
            parse(&event.payload.to_json_string()).unwrap().payload,
            event.payload
        );
    }

    #[test]
    fn media_of_an_incoming_image_is_checked_field_by_field() {
        let text = STATUS.replace(
            r#""status":"delivered","media":null"#,
            r#""status":null,"media":{"type":"image","link":7,"caption":null}"#,
        );
        assert_eq!(
            issues(&text),
            pairs(&[("message.media.link", "invalid_type")])
        );
    }

    #[test]
    fn every_wrong_or_missing_part_is_an_issue_at_its_path() {
        let text = r#"{"contact":{"status":"existing","phone_number":919800000000},"message":{"whatsapp_message_id":null,"is_new_message":"yes","body":["x"],"media":[1]},"whatsapp_webhook_payload":"raw"}"#;
        assert_eq!(
            issues(text),
            pairs(&[
                ("whatsapp_webhook_payload", "invalid_type"),
                ("contact.phone_number", "invalid_type"),
                ("contact.uid", "required"),
                ("message.whatsapp_message_id", "required"),
                ("message.is_new_message", "invalid_type"),
                ("message.body", "invalid_type"),
                ("message.media", "invalid_type"),
            ])
        );
        assert_eq!(
            issues("{}"),
            pairs(&[
                ("contact", "required"),
                ("message", "required"),
                ("whatsapp_webhook_payload", "required")
            ])
        );
    }

    #[test]
    fn an_unknown_status_is_an_invalid_choice() {
        let text = STATUS.replace(r#""status":"delivered""#, r#""status":"seen""#);
        assert_eq!(
            issues(&text),
            pairs(&[("message.status", "invalid_choice")])
        );
        let contact = r#"{"contact":{"status":"existing","phone_number":"1","uid":"u"},"message":[],"whatsapp_webhook_payload":[]}"#;
        assert_eq!(
            issues(contact),
            pairs(&[("contact.status", "invalid_choice")])
        );
    }

    #[test]
    fn what_is_not_a_payload_is_one_issue_on_the_whole_body() {
        for (text, code) in [
            ("", "invalid_format"),
            ("{\"contact\":", "invalid_format"),
            ("[]", "invalid_type"),
            ("\"text\"", "invalid_type"),
            ("null", "invalid_type"),
        ] {
            assert_eq!(issues(text), pairs(&[("", code)]), "{text:?}");
        }
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(issues(&deep), pairs(&[("", "invalid_format")]));
        let huge = format!(r#"{{"x":"{}"}}"#, "a".repeat(MAX_BYTES));
        assert_eq!(issues(&huge), pairs(&[("", "too_long")]));
    }

    #[test]
    fn secrets_match_only_when_equal() {
        assert_eq!(secret_matches("s3cret-abc", "s3cret-abc"), Ok(true));
        assert_eq!(secret_matches("s3cret-abd", "s3cret-abc"), Ok(false));
        assert_eq!(secret_matches("s3cret", "s3cret-abc"), Ok(false));
        assert_eq!(secret_matches("", "s3cret-abc"), Ok(false));
        let empty = secret_matches("", "").unwrap_err();
        assert_eq!(empty.code(), "config");
        assert_eq!(empty.issues()[0].path, "expected");
    }
}
