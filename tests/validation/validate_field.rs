//! `validate_field`: one field by its path, as a form checks it, in
//! agreement with `validate`.

use serde_json::{json, Value};
use whatsjet::IssueCode::*;
use whatsjet::{IssueCode, Kind};

use crate::{codes, invalid, no_options, options_with, p, validate_field, PHONE};

fn field_issues(kind: Kind, path: &str, value: Value) -> Vec<(String, IssueCode)> {
    codes(&validate_field(kind, path, &value, &no_options()))
}

#[test]
fn validate_field_checks_one_field() {
    assert_eq!(
        field_issues(Kind::SendMessage, "phone_number", json!("abc")),
        vec![p("phone_number", InvalidPhone)]
    );
    assert_eq!(
        field_issues(Kind::SendMessage, "phone_number", json!(PHONE)),
        vec![]
    );
    assert_eq!(
        field_issues(Kind::SendMessage, "phone_number", Value::Null),
        vec![p("phone_number", Required)]
    );
    assert_eq!(
        field_issues(Kind::SendMessage, "message_body", json!("")),
        vec![p("message_body", Required)]
    );
    assert_eq!(
        field_issues(Kind::SendMessage, "message_body", json!("I <3 you")),
        vec![]
    );
    assert_eq!(
        field_issues(Kind::SendMessage, "contact", Value::Null),
        vec![]
    );
    assert_eq!(
        field_issues(Kind::SendMediaMessage, "media_type", json!("gif")),
        vec![p("media_type", InvalidChoice)]
    );
    assert_eq!(
        field_issues(Kind::SendTemplateMessage, "location_latitude", json!(91)),
        vec![p("location_latitude", OutOfRange)]
    );
}

#[test]
fn validate_field_knows_nested_and_numbered_paths() {
    assert_eq!(
        field_issues(Kind::SendMessage, "contact.email", json!("a@b")),
        vec![p("contact.email", InvalidEmail)]
    );
    let issues = validate_field(
        Kind::SendMessage,
        "contact.email",
        &json!("a@b"),
        &no_options(),
    );
    assert_eq!(
        issues[0].message,
        "contact.email must be an e-mail address such as name@example.com."
    );
    assert_eq!(
        field_issues(Kind::SendMessage, "contact.email", json!("a@example.com")),
        vec![]
    );
    assert_eq!(
        field_issues(Kind::SendTemplateMessage, "field_7", json!("x")),
        vec![]
    );
    assert_eq!(
        field_issues(Kind::SendTemplateMessage, "field_7", json!("a\nb")),
        vec![p("field_7", InvalidFormat)]
    );
    assert_eq!(
        field_issues(
            Kind::SendTemplateMessage,
            "header_field_1",
            json!("h".repeat(61))
        ),
        vec![p("header_field_1", TooLong)]
    );
    assert_eq!(
        field_issues(Kind::SendTemplateMessage, "button_0", json!(5)),
        vec![]
    );
    assert_eq!(
        field_issues(Kind::CreateContact, "custom_fields.BDay", json!(true)),
        vec![p("custom_fields.BDay", InvalidType)]
    );
    assert_eq!(
        field_issues(
            Kind::CreateContact,
            "custom_fields.BDay",
            json!("2025-01-01")
        ),
        vec![]
    );
    assert_eq!(
        field_issues(Kind::SendMessage, "contact.custom_fields.BDay", json!(7)),
        vec![]
    );
    assert_eq!(
        field_issues(Kind::SendMessage, "contact.custom_fields.BDay", json!([])),
        vec![p("contact.custom_fields.BDay", InvalidType)]
    );
}

#[test]
fn validate_field_refuses_paths_the_kind_does_not_have() {
    let cases = [
        (Kind::CreateContact, "contact.email"),
        (Kind::SendMessage, "custom_fields.X"),
        (Kind::SendMessage, "email"),
        (Kind::SendMessage, "field_1"),
        (Kind::SendMessage, "contact.phone_number"),
        (Kind::SendMessage, "contact.first_name.x"),
        (Kind::SendMessage, "contact.custom_fields."),
        (Kind::SendTemplateMessage, "field_0"),
        (Kind::CreateContact, "custom_fields."),
        (Kind::CreateContact, "whatsapp_opt_out"),
        (Kind::SendMessage, ""),
    ];
    for (kind, path) in cases {
        let issues = validate_field(kind, path, &json!("x"), &no_options());
        assert_eq!(
            codes(&issues),
            vec![p(path, UnknownField)],
            "{kind:?} {path}"
        );
    }
    assert_eq!(
        validate_field(
            Kind::CreateContact,
            "contact.email",
            &json!("a@example.com"),
            &no_options()
        )[0]
        .message,
        "contact.email is not a field of createContact."
    );
}

#[test]
fn validate_field_of_update_takes_the_path_number() {
    assert_eq!(
        field_issues(Kind::UpdateContact, "phone_number", json!(PHONE)),
        vec![]
    );
    assert_eq!(
        field_issues(Kind::UpdateContact, "phone_number", json!("0987")),
        vec![p("phone_number", InvalidPhone)]
    );
    assert_eq!(
        field_issues(Kind::UpdateContact, "phone_number", Value::Null),
        vec![p("phone_number", Required)]
    );
    let india = options_with(Some("91"), None);
    assert_eq!(
        validate_field(
            Kind::UpdateContact,
            "phone_number",
            &json!("098765 43210"),
            &india
        ),
        vec![]
    );
    assert_eq!(
        field_issues(Kind::UpdateContact, "whatsapp_opt_out", json!("true")),
        vec![p("whatsapp_opt_out", InvalidType)]
    );
    assert_eq!(
        field_issues(Kind::UpdateContact, "country", json!("91")),
        vec![]
    );
    assert_eq!(
        field_issues(Kind::CreateContact, "country", json!("91")),
        vec![p("country", InvalidFormat)]
    );
}

#[test]
fn validate_field_agrees_with_validate() {
    let payload = json!({
        "phone_number": "0123",
        "message_body": "x".repeat(5000),
        "contact": {"email": "nope", "groups": 3, "custom_fields": {"A": {}}},
    });
    let whole = invalid(Kind::SendMessage, payload).issues;
    let mut piecewise = Vec::new();
    piecewise.extend(validate_field(
        Kind::SendMessage,
        "phone_number",
        &json!("0123"),
        &no_options(),
    ));
    piecewise.extend(validate_field(
        Kind::SendMessage,
        "message_body",
        &json!("x".repeat(5000)),
        &no_options(),
    ));
    piecewise.extend(validate_field(
        Kind::SendMessage,
        "contact.email",
        &json!("nope"),
        &no_options(),
    ));
    piecewise.extend(validate_field(
        Kind::SendMessage,
        "contact.groups",
        &json!(3),
        &no_options(),
    ));
    // Nested fields come in the table's order, as the request's own do.
    piecewise.extend(validate_field(
        Kind::SendMessage,
        "contact.custom_fields.A",
        &json!({}),
        &no_options(),
    ));
    assert_eq!(whole, piecewise);
}
