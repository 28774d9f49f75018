//! `message_body`: not blank, at most 4096 characters, sent unchanged; text
//! the server would strip as HTML is a warning.

use serde_json::json;
use whatsjet::IssueCode::*;
use whatsjet::{Kind, WarningCode};

use crate::{body, codes, invalid, one_issue, p, send_message, valid, w, warning_codes};

#[test]
fn message_body_must_not_be_empty_or_blank() {
    for blank in ["", "   ", "\n\t "] {
        let issue = one_issue(
            Kind::SendMessage,
            send_message(json!({ "message_body": blank })),
        );
        assert_eq!(
            (issue.path.as_str(), issue.code),
            ("message_body", Required)
        );
        assert_eq!(issue.message, "message_body must not be empty.");
    }
}

#[test]
fn message_body_is_at_most_4096_characters() {
    let v = valid(
        Kind::SendMessage,
        send_message(json!({"message_body": "a".repeat(4096)})),
    );
    assert_eq!(v.body["message_body"].as_str().unwrap().len(), 4096);
    let issue = one_issue(
        Kind::SendMessage,
        send_message(json!({"message_body": "a".repeat(4097)})),
    );
    assert_eq!((issue.path.as_str(), issue.code), ("message_body", TooLong));
    assert_eq!(
        issue.message,
        "message_body must be at most 4096 characters; it has 4097."
    );
}

#[test]
fn message_body_length_counts_characters_not_bytes() {
    // 4 bytes each in UTF-8, 2 UTF-16 units each: still 1 character.
    valid(
        Kind::SendMessage,
        send_message(json!({"message_body": "😀".repeat(4096)})),
    );
    valid(
        Kind::SendMessage,
        send_message(json!({"message_body": "é".repeat(4096)})),
    );
    let issue = one_issue(
        Kind::SendMessage,
        send_message(json!({"message_body": "😀".repeat(4097)})),
    );
    assert_eq!(issue.code, TooLong);
    assert_eq!(
        issue.message,
        "message_body must be at most 4096 characters; it has 4097."
    );
}

#[test]
fn message_body_is_sent_unchanged() {
    let text = "  Hello *bold* _it_\nline 2 — ünïcödé 😀  ";
    assert_eq!(
        body(
            Kind::SendMessage,
            send_message(json!({"message_body": text}))
        )["message_body"],
        text
    );
}

#[test]
fn html_like_text_is_a_warning_not_an_error() {
    let v = valid(
        Kind::SendMessage,
        send_message(json!({"message_body": "I <3 you"})),
    );
    assert_eq!(v.body["message_body"], "I <3 you");
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("message_body", WarningCode::HtmlStripped)]
    );
    assert_eq!(
        v.warnings[0].message,
        "message_body contains \"<\" followed by text: the server strips HTML-like tags, so that part would be lost."
    );
    let v = valid(
        Kind::SendMessage,
        send_message(json!({"message_body": "<b>bold</b>"})),
    );
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("message_body", WarningCode::HtmlStripped)]
    );
    // A lone "<" before a space or at the end is left alone by strip_tags.
    for fine in ["1 < 2", "ends with <", "a > b"] {
        let v = valid(
            Kind::SendMessage,
            send_message(json!({ "message_body": fine })),
        );
        assert_eq!(v.warnings, vec![], "{fine}");
    }
}

#[test]
fn warnings_are_kept_when_the_request_is_invalid() {
    let e = invalid(
        Kind::SendMessage,
        json!({"phone_number": "abc", "message_body": "I <3 you"}),
    );
    assert_eq!(codes(&e.issues), vec![p("phone_number", InvalidPhone)]);
    assert_eq!(
        warning_codes(&e.warnings),
        vec![w("message_body", WarningCode::HtmlStripped)]
    );
}
