//! `from_phone_number_id`: the client's default on sends, digits only, and
//! empty for the server's default number.

use serde_json::json;
use whatsjet::IssueCode::*;
use whatsjet::Kind;

use crate::common::serde;
use crate::{
    body, codes, create_contact, no_options, one_issue, options_with, p, send_media, send_message,
    send_template, update_contact, valid, valid_with, validate_field, with, DIGITS, FROM_ID,
};

#[test]
fn from_phone_number_id_falls_back_to_the_client_option_on_sends() {
    let options = options_with(None, Some("100000000000002"));
    for (kind, payload) in [
        (Kind::SendMessage, send_message(json!({}))),
        (Kind::SendMediaMessage, send_media(json!({}))),
        (Kind::SendTemplateMessage, send_template(json!({}))),
    ] {
        let v = valid_with(kind, &payload, &options);
        assert_eq!(
            v.body["from_phone_number_id"], "100000000000002",
            "{kind:?}"
        );
        // The request's own id wins over the option.
        let own = with(payload, json!({"from_phone_number_id": FROM_ID}));
        let v = valid_with(kind, &own, &options);
        assert_eq!(v.body["from_phone_number_id"], FROM_ID, "{kind:?}");
    }
}

#[test]
fn from_phone_number_id_is_absent_without_request_or_option() {
    for (kind, payload) in [
        (Kind::SendMessage, send_message(json!({}))),
        (Kind::SendMediaMessage, send_media(json!({}))),
        (Kind::SendTemplateMessage, send_template(json!({}))),
    ] {
        let v = valid(kind, payload);
        assert!(
            !v.body.contains_key("from_phone_number_id"),
            "{kind:?}: {:?}",
            v.body
        );
    }
}

#[test]
fn an_empty_from_phone_number_id_is_the_default_number_and_left_out() {
    // The server reads `from_phone_number_id ?: default`.
    for blank in ["", "  ", "\t"] {
        let v = valid(
            Kind::SendMessage,
            send_message(json!({ "from_phone_number_id": blank })),
        );
        assert_eq!(
            serde(&v.body),
            json!({"phone_number": DIGITS, "message_body": "Hello"}),
            "{blank:?}"
        );
        assert_eq!(v.warnings, vec![], "{blank:?}");
    }
}

#[test]
fn an_empty_from_phone_number_id_takes_the_client_default() {
    let options = options_with(None, Some("100000000000002"));
    for (kind, payload) in [
        (Kind::SendMessage, send_message(json!({}))),
        (Kind::SendMediaMessage, send_media(json!({}))),
        (Kind::SendTemplateMessage, send_template(json!({}))),
    ] {
        let blank = with(payload, json!({"from_phone_number_id": "  "}));
        let v = valid_with(kind, &blank, &options);
        assert_eq!(
            v.body["from_phone_number_id"], "100000000000002",
            "{kind:?}"
        );
        assert_eq!(v.warnings, vec![], "{kind:?}");
    }
}

#[test]
fn an_empty_from_phone_number_id_is_no_issue_field_by_field() {
    for blank in ["", "   "] {
        assert_eq!(
            validate_field(
                Kind::SendTemplateMessage,
                "from_phone_number_id",
                &json!(blank),
                &no_options()
            ),
            vec![]
        );
    }
    let issues = validate_field(
        Kind::SendTemplateMessage,
        "from_phone_number_id",
        &json!("abc"),
        &no_options(),
    );
    assert_eq!(
        codes(&issues),
        vec![p("from_phone_number_id", InvalidFormat)]
    );
}

#[test]
fn from_phone_number_id_is_not_added_to_contact_requests() {
    let options = options_with(None, Some("100000000000002"));
    let v = valid_with(Kind::CreateContact, &create_contact(json!({})), &options);
    assert_eq!(serde(&v.body), json!({"phone_number": DIGITS}));
    let v = valid_with(Kind::UpdateContact, &update_contact(json!({})), &options);
    assert_eq!(
        serde(&v.body),
        json!({"first_name": "Johan", "groups": "vip"})
    );
    // Nor accepted there.
    assert_eq!(
        one_issue(
            Kind::CreateContact,
            create_contact(json!({"from_phone_number_id": FROM_ID}))
        )
        .code,
        UnknownField
    );
}

#[test]
fn from_phone_number_id_must_be_digits() {
    assert_eq!(
        body(
            Kind::SendMessage,
            send_message(json!({"from_phone_number_id": 100000000000001u64}))
        )["from_phone_number_id"],
        "100000000000001"
    );
    for bad in [
        json!("abc"),
        json!(" 100000000000001"),
        json!("12 34"),
        json!("1".repeat(33)),
        json!(-5),
    ] {
        let issue = one_issue(
            Kind::SendMessage,
            send_message(json!({ "from_phone_number_id": bad })),
        );
        assert_eq!(
            (issue.path.as_str(), issue.code),
            ("from_phone_number_id", InvalidFormat)
        );
    }
    assert_eq!(
        one_issue(Kind::SendMessage, send_message(json!({"from_phone_number_id": "abc"}))).message,
        "from_phone_number_id must be the digits of a WhatsApp phone number id, such as 100000000000001."
    );
    assert_eq!(
        one_issue(
            Kind::SendMessage,
            send_message(json!({"from_phone_number_id": true}))
        )
        .code,
        InvalidType
    );
}
