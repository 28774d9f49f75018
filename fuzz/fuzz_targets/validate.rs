//! Any JSON, as any request kind: validation never panics, every valid
//! request normalises to a body that validates again to itself, and
//! `validate_field` agrees on each field it accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whatsjet::json::{self, Map, Value};
use whatsjet::validate::{validate, validate_field, Options};
use whatsjet::Kind;

/// Keys of every request, so that non-JSON input still reaches the rules.
const KEYS: &[&str] = &[
    "phone_number",
    "message_body",
    "media_type",
    "media_url",
    "caption",
    "file_name",
    "template_name",
    "template_language",
    "field_1",
    "field_3",
    "header_field_1",
    "button_0",
    "copy_code",
    "location_latitude",
    "location_longitude",
    "location_name",
    "location_address",
    "header_document",
    "header_document_name",
    "first_name",
    "email",
    "country",
    "language_code",
    "groups",
    "from_phone_number_id",
    "phone_number_or_email",
    "username_or_email",
    "log_uid",
    "campaignUid",
    "interactive_type",
    "header_type",
    "header_text",
    "body_text",
    "contact_group",
    "timezone",
    "schedule_at",
    "expire_at",
    "restrict_by_templated_contact_language",
];

/// JSON as it is; other bytes as an object whose known keys get the
/// 0xFF-separated pieces of the input as string values.
fn payload(data: &[u8]) -> Value {
    if let Some(v) = std::str::from_utf8(data)
        .ok()
        .and_then(|t| json::parse(t).ok())
    {
        return v;
    }
    let mut map = Map::new();
    for (i, piece) in data.split(|b| *b == 0xFF).enumerate() {
        let value = String::from_utf8_lossy(piece).into_owned();
        map.insert(KEYS[i % KEYS.len()], Value::String(value));
    }
    Value::Object(map)
}

fuzz_target!(|data: &[u8]| {
    let payload = payload(data);
    let options = Options {
        default_country_code: Some("91".into()),
        ..Options::default()
    };
    for kind in Kind::ALL {
        if let Ok(valid) = validate(kind, &payload, &options) {
            let body = Value::Object(valid.body.clone());
            let again = validate(kind, &body, &options).expect("a normalised body is valid");
            assert_eq!(again.body, valid.body, "normalisation is idempotent");
            if let Some(phone) = valid.body.get("phone_number").and_then(Value::as_str) {
                assert!(
                    (9..=15).contains(&phone.len()) && phone.bytes().all(|b| b.is_ascii_digit())
                );
            }
        }
        if let Value::Object(map) = &payload {
            for (key, value) in map {
                let _ = validate_field(kind, key, value, &options);
            }
        }
    }
});
