//! Validation and normalisation of every request: `validate` and
//! `validate_field`, pinned against the API description (000_….txt), the
//! field rules of REFERENCE.md and the routes of ROUTES-7x.md. One file a request kind or concern (`phone`,
//! `template`, `hostile`, ...); the helpers they share are here.

#[path = "../common/mod.rs"]
mod common;

mod assign;
mod campaign;
mod carousel;
mod contact;
mod fields;
mod hostile;
mod interactive;
mod locale;
mod media;
mod phone;
mod queries;
mod seeds;
mod sender;
mod template;
mod template_aware;
mod text;
mod update;
mod validate_field;

use common::{core, serde};
use serde_json::{json, Value};
use whatsjet::validate::{self, validate_field as core_validate_field, Invalid, Options, Valid};
use whatsjet::{Issue, IssueCode, Kind, Warning, WarningCode};

/// What people type, and what the server must receive.
const PHONE: &str = "+91 98765 43210";
const DIGITS: &str = "919876543210";
const FROM_ID: &str = "100000000000001";

fn validate(kind: Kind, payload: &Value, options: &Options) -> Result<Valid, Invalid> {
    validate::validate(kind, &core(payload), options)
}

fn validate_field(kind: Kind, path: &str, value: &Value, options: &Options) -> Vec<Issue> {
    core_validate_field(kind, path, &core(value), options)
}

fn no_options() -> Options {
    Options::default()
}

fn options_with(cc: Option<&str>, from: Option<&str>) -> Options {
    Options {
        default_country_code: cc.map(str::to_owned),
        from_phone_number_id: from.map(str::to_owned),
        template: None,
        locale: None,
    }
}

fn valid_with(kind: Kind, payload: &Value, options: &Options) -> Valid {
    match validate(kind, payload, options) {
        Ok(v) => v,
        Err(e) => panic!("expected {kind:?} to be valid, got issues {:#?}", e.issues),
    }
}

fn valid(kind: Kind, payload: Value) -> Valid {
    valid_with(kind, &payload, &no_options())
}

/// The body that would be sent.
fn body(kind: Kind, payload: Value) -> Value {
    serde(&valid(kind, payload).body)
}

fn invalid(kind: Kind, payload: Value) -> Invalid {
    invalid_with(kind, &payload, &no_options())
}

fn invalid_with(kind: Kind, payload: &Value, options: &Options) -> Invalid {
    match validate(kind, payload, options) {
        Err(e) => e,
        Ok(v) => panic!("expected {kind:?} to be invalid, got body {:#?}", v.body),
    }
}

/// (path, code) of every issue, in order.
fn codes(issues: &[Issue]) -> Vec<(String, IssueCode)> {
    issues.iter().map(|i| (i.path.clone(), i.code)).collect()
}

fn issue_codes(kind: Kind, payload: Value) -> Vec<(String, IssueCode)> {
    codes(&invalid(kind, payload).issues)
}

/// The single issue of an invalid payload.
fn one_issue(kind: Kind, payload: Value) -> Issue {
    let issues = invalid(kind, payload).issues;
    assert_eq!(
        issues.len(),
        1,
        "expected exactly one issue, got {issues:#?}"
    );
    issues.into_iter().next().unwrap()
}

fn warning_codes(warnings: &[Warning]) -> Vec<(String, WarningCode)> {
    warnings.iter().map(|w| (w.path.clone(), w.code)).collect()
}

fn p(path: &str, code: IssueCode) -> (String, IssueCode) {
    (path.to_owned(), code)
}

fn w(path: &str, code: WarningCode) -> (String, WarningCode) {
    (path.to_owned(), code)
}

/// `base` with the keys of `extra` set (a `null` in `extra` removes the key).
fn with(mut base: Value, extra: Value) -> Value {
    let map = base.as_object_mut().expect("base is an object");
    for (k, v) in extra.as_object().expect("extra is an object") {
        if v.is_null() {
            map.remove(k);
        } else {
            map.insert(k.clone(), v.clone());
        }
    }
    base
}

fn send_message(extra: Value) -> Value {
    with(
        json!({"phone_number": PHONE, "message_body": "Hello"}),
        extra,
    )
}

fn send_media(extra: Value) -> Value {
    with(
        json!({"phone_number": PHONE, "media_type": "image", "media_url": "https://example.com/photo.jpg"}),
        extra,
    )
}

fn send_template(extra: Value) -> Value {
    with(
        json!({"phone_number": PHONE, "template_name": "order_update", "template_language": "en"}),
        extra,
    )
}

fn create_contact(extra: Value) -> Value {
    with(json!({"phone_number": PHONE}), extra)
}

/// An update that sets `groups`, so it carries no `groups_cleared` warning.
fn update_contact(extra: Value) -> Value {
    with(json!({"first_name": "Johan", "groups": "vip"}), extra)
}

fn location(lat: Value, long: Value) -> Value {
    json!({
        "location_latitude": lat,
        "location_longitude": long,
        "location_name": "Office",
        "location_address": "MG Road",
    })
}

fn merge(a: Value, b: Value) -> Value {
    with(a, b)
}

/// The phone number as the body of a send carries it.
fn normalized_phone(input: &str, options: &Options) -> Result<String, Issue> {
    let payload = send_message(json!({ "phone_number": input }));
    match validate(Kind::SendMessage, &payload, options) {
        Ok(v) => Ok(v.body["phone_number"].as_str().unwrap().to_owned()),
        Err(mut e) => {
            assert_eq!(e.issues.len(), 1, "{:#?}", e.issues);
            Err(e.issues.remove(0))
        }
    }
}

/// A create body, or a send body with the same fields under `contact`; and
/// the prefix of their paths.
fn contact_forms(fields: Value) -> [(Kind, Value, &'static str); 4] {
    [
        (Kind::CreateContact, create_contact(fields.clone()), ""),
        (
            Kind::SendMessage,
            send_message(json!({ "contact": fields.clone() })),
            "contact.",
        ),
        (
            Kind::SendMediaMessage,
            send_media(json!({ "contact": fields.clone() })),
            "contact.",
        ),
        (
            Kind::SendTemplateMessage,
            send_template(json!({ "contact": fields })),
            "contact.",
        ),
    ]
}

/// The contact details as sent: the create body, or `contact{}` of a send.
fn contact_out(kind: Kind, body: &whatsjet::json::Map) -> Value {
    if kind == Kind::CreateContact {
        serde(body)
    } else {
        serde(&body["contact"])
    }
}

fn expect_contact_issue(fields: Value, field: &str, code: IssueCode) {
    for (kind, payload, prefix) in contact_forms(fields) {
        let issue = one_issue(kind, payload);
        assert_eq!(
            (issue.path.as_str(), issue.code),
            (format!("{prefix}{field}").as_str(), code),
            "{kind:?}"
        );
    }
}

fn expect_contact_valid(fields: Value, key: &str, out: Value) {
    for (kind, payload, _) in contact_forms(fields) {
        let v = valid(kind, payload);
        assert_eq!(contact_out(kind, &v.body)[key], out, "{kind:?}");
    }
}
