//! The payload as a whole: its shape, the order of issues, null as absent,
//! wrong types, and keys the request does not have.

use serde_json::{json, Value};
use whatsjet::IssueCode::*;
use whatsjet::Kind;

use crate::common::serde;
use crate::{
    body, codes, create_contact, invalid, issue_codes, one_issue, p, send_media, send_message,
    send_template, update_contact, valid, DIGITS, PHONE,
};

#[test]
fn non_object_payloads_give_one_invalid_type_issue_at_the_root() {
    for kind in Kind::ALL {
        for (payload, got) in [
            (json!("hello"), "a string"),
            (json!(42), "a number"),
            (json!([1, 2]), "an array"),
            (Value::Null, "null"),
            (json!(true), "a boolean"),
        ] {
            let e = invalid(kind, payload);
            assert_eq!(codes(&e.issues), vec![p("", InvalidType)], "{kind:?}");
            assert_eq!(
                e.issues[0].message,
                format!("A {} request must be an object; got {got}.", kind.name())
            );
        }
    }
}

#[test]
fn every_issue_is_reported_in_field_order() {
    let e = invalid(Kind::SendMessage, json!({}));
    assert_eq!(
        codes(&e.issues),
        vec![p("phone_number", Required), p("message_body", Required)]
    );
    assert_eq!(e.issues[0].message, "phone_number is required.");
    assert_eq!(e.issues[1].message, "message_body is required.");

    assert_eq!(
        issue_codes(Kind::SendMediaMessage, json!({})),
        vec![
            p("phone_number", Required),
            p("media_type", Required),
            p("media_url", Required),
        ]
    );
    assert_eq!(
        issue_codes(Kind::SendTemplateMessage, json!({})),
        vec![
            p("phone_number", Required),
            p("template_name", Required),
            p("template_language", Required),
        ]
    );
    assert_eq!(
        issue_codes(Kind::CreateContact, json!({})),
        vec![p("phone_number", Required)]
    );

    // Problems in several fields, including nested ones, all at once.
    let e = invalid(
        Kind::SendMessage,
        json!({
            "phone_number": "abc",
            "message_body": "",
            "contact": {"email": "a@b", "first_name": "x".repeat(151)},
        }),
    );
    assert_eq!(
        codes(&e.issues),
        vec![
            p("phone_number", InvalidPhone),
            p("message_body", Required),
            p("contact.first_name", TooLong),
            p("contact.email", InvalidEmail),
        ]
    );
}

#[test]
fn null_means_absent() {
    let v = valid(
        Kind::SendMessage,
        json!({
            "phone_number": PHONE,
            "message_body": "Hi",
            "from_phone_number_id": null,
            "contact": {"first_name": null, "email": "a@example.com"},
            "phone": null,
        }),
    );
    assert_eq!(
        serde(&v.body),
        json!({"phone_number": DIGITS, "message_body": "Hi", "contact": {"email": "a@example.com"}})
    );

    assert_eq!(
        issue_codes(
            Kind::SendMessage,
            json!({"phone_number": null, "message_body": null})
        ),
        vec![p("phone_number", Required), p("message_body", Required)]
    );
    assert_eq!(
        body(
            Kind::CreateContact,
            create_contact(json!({"custom_fields": {"BDay": null, "Age": "3"}}))
        ),
        json!({"phone_number": DIGITS, "custom_fields": {"Age": "3"}})
    );
}

#[test]
fn wrong_types_are_invalid_type_issues() {
    let e = invalid(
        Kind::SendMessage,
        json!({"phone_number": 919876543210u64, "message_body": ["hi"], "contact": "Johan"}),
    );
    assert_eq!(
        codes(&e.issues),
        vec![
            p("phone_number", InvalidType),
            p("message_body", InvalidType),
            p("contact", InvalidType),
        ]
    );
    assert_eq!(
        e.issues[0].message,
        "phone_number must be a string; got a number."
    );
    assert_eq!(
        e.issues[1].message,
        "message_body must be a string; got an array."
    );
    assert_eq!(
        e.issues[2].message,
        "contact must be an object; got a string."
    );
}

#[test]
fn unknown_keys_are_reported_with_a_suggestion() {
    let e = invalid(
        Kind::SendMessage,
        json!({"phone": PHONE, "messageBody": "Hi"}),
    );
    assert_eq!(
        codes(&e.issues),
        vec![
            p("phone_number", Required),
            p("message_body", Required),
            p("messageBody", UnknownField),
            p("phone", UnknownField),
        ]
    );
    assert_eq!(
        e.issues[2].message,
        "messageBody is not a field of sendMessage; did you mean message_body?"
    );
    assert_eq!(
        e.issues[3].message,
        "phone is not a field of sendMessage; did you mean phone_number?"
    );
}

#[test]
fn unknown_contact_keys_suggest_the_full_path() {
    let issue = one_issue(
        Kind::SendMessage,
        send_message(json!({"contact": {"firstName": "Johan"}})),
    );
    assert_eq!(issue.path, "contact.firstName");
    assert_eq!(issue.code, UnknownField);
    assert_eq!(
        issue.message,
        "contact.firstName is not a field of contact; did you mean contact.first_name?"
    );
}

#[test]
fn unknown_keys_without_a_close_match_have_no_suggestion() {
    let issue = one_issue(Kind::SendMessage, send_message(json!({"text": "Hi"})));
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        ("text", UnknownField, "text is not a field of sendMessage.")
    );
}

#[test]
fn camel_case_and_typo_keys_of_every_kind_are_suggested() {
    let cases = [
        (
            Kind::SendMediaMessage,
            send_media(json!({"mediaUrl": "x"})),
            "mediaUrl",
            "media_url",
        ),
        (
            Kind::SendMediaMessage,
            send_media(json!({"fileName": "a.pdf"})),
            "fileName",
            "file_name",
        ),
        (
            Kind::SendTemplateMessage,
            send_template(json!({"templateName": "x"})),
            "templateName",
            "template_name",
        ),
        (
            Kind::SendTemplateMessage,
            send_template(json!({"field1": "x"})),
            "field1",
            "field_1",
        ),
        (
            Kind::SendTemplateMessage,
            send_template(json!({"headerField1": "x"})),
            "headerField1",
            "header_field_1",
        ),
        (
            Kind::CreateContact,
            create_contact(json!({"firstName": "x"})),
            "firstName",
            "first_name",
        ),
        (
            Kind::CreateContact,
            create_contact(json!({"customFields": {}})),
            "customFields",
            "custom_fields",
        ),
        (
            Kind::UpdateContact,
            update_contact(json!({"enableAiBot": true})),
            "enableAiBot",
            "enable_ai_bot",
        ),
        (
            Kind::UpdateContact,
            update_contact(json!({"whatsapp_opt_uot": true})),
            "whatsapp_opt_uot",
            "whatsapp_opt_out",
        ),
    ];
    for (kind, payload, key, suggestion) in cases {
        let issue = one_issue(kind, payload);
        assert_eq!((issue.path.as_str(), issue.code), (key, UnknownField));
        assert!(
            issue
                .message
                .ends_with(&format!("did you mean {suggestion}?")),
            "{}",
            issue.message
        );
    }
}

#[test]
fn numbered_template_keys_that_the_server_does_not_read_are_unknown() {
    for key in [
        "field_0",
        "field_01",
        "field_1a",
        "button_-1",
        "field_99999",
    ] {
        let issue = one_issue(
            Kind::SendTemplateMessage,
            send_template(json!({ key: "x" })),
        );
        assert_eq!((issue.path.as_str(), issue.code), (key, UnknownField));
        // Never suggest the very key that was refused.
        assert!(
            !issue.message.contains(&format!("did you mean {key}?")),
            "{}",
            issue.message
        );
    }
    // Numbered keys belong to templates only.
    assert_eq!(
        one_issue(Kind::SendMessage, send_message(json!({"field_1": "x"}))).code,
        UnknownField
    );
}

#[test]
fn phone_number_in_an_update_body_points_to_the_path() {
    let issue = one_issue(
        Kind::UpdateContact,
        update_contact(json!({"phone_number": PHONE})),
    );
    assert_eq!(issue.path, "phone_number");
    assert_eq!(issue.code, UnknownField);
    assert_eq!(
        issue.message,
        "phone_number is not a field of an update: the number goes in the path, as updateContact(phoneNumber, fields)."
    );
}

#[test]
fn keys_of_one_kind_are_unknown_in_another() {
    assert_eq!(
        issue_codes(
            Kind::CreateContact,
            create_contact(json!({"whatsapp_opt_out": true, "contact": {}}))
        ),
        vec![
            p("contact", UnknownField),
            p("whatsapp_opt_out", UnknownField)
        ]
    );
    assert_eq!(
        issue_codes(
            Kind::SendMessage,
            send_message(json!({"contact": {"whatsapp_opt_out": true, "phone_number": "1"}}))
        ),
        vec![
            p("contact.phone_number", UnknownField),
            p("contact.whatsapp_opt_out", UnknownField),
        ]
    );
    assert_eq!(
        issue_codes(
            Kind::SendMessage,
            send_message(json!({"caption": "x", "email": "a@example.com"}))
        ),
        vec![p("caption", UnknownField), p("email", UnknownField)]
    );
}
