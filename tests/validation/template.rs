//! `sendTemplateMessage`: the name, the language, every parameter, and the
//! rules across them (numbering, a complete header, several header kinds).

use serde_json::{json, Map, Value};
use whatsjet::IssueCode::*;
use whatsjet::{Kind, WarningCode::SeveralHeaders};

use crate::common::serde;
use crate::{
    body, codes, invalid, issue_codes, location, merge, one_issue, p, send_template, valid, w,
    warning_codes, DIGITS,
};

#[test]
fn template_name_is_lowercase_digits_and_underscores() {
    for good in [
        "order_update",
        "order_update_2",
        "a",
        "x".repeat(512).as_str(),
    ] {
        valid(
            Kind::SendTemplateMessage,
            send_template(json!({ "template_name": good })),
        );
    }
    for bad in [
        "Order_Update",
        "order-update",
        "order update",
        "ordér",
        "order.update",
    ] {
        let issue = one_issue(
            Kind::SendTemplateMessage,
            send_template(json!({ "template_name": bad })),
        );
        assert_eq!(
            (issue.path.as_str(), issue.code),
            ("template_name", InvalidFormat),
            "{bad}"
        );
    }
    assert_eq!(
        one_issue(Kind::SendTemplateMessage, send_template(json!({"template_name": "Order"}))).message,
        "template_name may contain only lower-case letters, digits and underscores, as WhatsApp names templates."
    );
    let issue = one_issue(
        Kind::SendTemplateMessage,
        send_template(json!({"template_name": "x".repeat(513)})),
    );
    assert_eq!(
        (issue.path.as_str(), issue.code),
        ("template_name", TooLong)
    );
    assert_eq!(
        one_issue(
            Kind::SendTemplateMessage,
            send_template(json!({"template_name": ""}))
        )
        .code,
        Required
    );
}

#[test]
fn template_language_is_a_whatsapp_language_code() {
    for good in ["en", "en_US", "pt_BR", "fil", "zh_HK"] {
        valid(
            Kind::SendTemplateMessage,
            send_template(json!({ "template_language": good })),
        );
    }
    for bad in ["EN", "en_us", "english", "e", "en_USA", "en US"] {
        let issue = one_issue(
            Kind::SendTemplateMessage,
            send_template(json!({ "template_language": bad })),
        );
        assert_eq!(
            (issue.path.as_str(), issue.code),
            ("template_language", InvalidFormat),
            "{bad}"
        );
    }
    assert_eq!(
        one_issue(
            Kind::SendTemplateMessage,
            send_template(json!({"template_language": null}))
        )
        .code,
        Required
    );
    assert_eq!(
        one_issue(
            Kind::SendTemplateMessage,
            send_template(json!({"template_language": ""}))
        )
        .message,
        "template_language must not be empty."
    );
}

#[test]
fn template_language_with_a_dash_gets_an_underscore_hint() {
    let issue = one_issue(
        Kind::SendTemplateMessage,
        send_template(json!({"template_language": "en-US"})),
    );
    assert_eq!(
        (issue.path.as_str(), issue.code),
        ("template_language", InvalidFormat)
    );
    assert_eq!(
        issue.message,
        "template_language must be a WhatsApp language code such as en, en_US or pt_BR (use an underscore: en_US)."
    );
    assert_eq!(
        one_issue(
            Kind::SendTemplateMessage,
            send_template(json!({"template_language": "EN"}))
        )
        .message,
        "template_language must be a WhatsApp language code such as en, en_US or pt_BR."
    );
}

#[test]
fn body_parameters_accept_text_and_numbers() {
    let b = body(
        Kind::SendTemplateMessage,
        send_template(
            json!({"field_1": "Johan", "field_2": 42, "field_3": 3.5, "field_4": "a    b"}),
        ),
    );
    assert_eq!(b["field_1"], "Johan");
    assert_eq!(b["field_2"], "42");
    assert_eq!(b["field_3"], "3.5");
    assert_eq!(b["field_4"], "a    b");
}

#[test]
fn body_parameters_may_be_numbered_beyond_four() {
    let mut extra = Map::new();
    for n in 1..=12 {
        extra.insert(format!("field_{n}"), json!(format!("v{n}")));
    }
    let b = body(
        Kind::SendTemplateMessage,
        send_template(Value::Object(extra)),
    );
    assert_eq!(b["field_12"], "v12");
    assert_eq!(b["field_10"], "v10");
}

#[test]
fn body_parameters_refuse_what_whatsapp_refuses() {
    let cases = [
        (json!(""), Required, "field_1 must not be empty."),
        (json!("   "), Required, "field_1 must not be empty."),
        (
            json!("a\nb"),
            InvalidFormat,
            "field_1 must not contain a newline or a tab: WhatsApp refuses them in template parameters.",
        ),
        (
            json!("a\tb"),
            InvalidFormat,
            "field_1 must not contain a newline or a tab: WhatsApp refuses them in template parameters.",
        ),
        (
            json!("a\r\nb"),
            InvalidFormat,
            "field_1 must not contain a newline or a tab: WhatsApp refuses them in template parameters.",
        ),
        (
            json!("a     b"),
            InvalidFormat,
            "field_1 must not contain more than 4 spaces in a row: WhatsApp refuses them in template parameters.",
        ),
        (json!(true), InvalidType, "field_1 must be a string; got a boolean."),
        (json!({"a": 1}), InvalidType, "field_1 must be a string; got an object."),
        (
            json!("x".repeat(1025)),
            TooLong,
            "field_1 must be at most 1024 characters; it has 1025.",
        ),
    ];
    for (value, code, message) in cases {
        let issue = one_issue(
            Kind::SendTemplateMessage,
            send_template(json!({ "field_1": value })),
        );
        assert_eq!(
            (issue.path.as_str(), issue.code, issue.message.as_str()),
            ("field_1", code, message)
        );
    }
    valid(
        Kind::SendTemplateMessage,
        send_template(json!({"field_1": "x".repeat(1024)})),
    );
}

#[test]
fn header_text_parameter_is_at_most_60_characters() {
    valid(
        Kind::SendTemplateMessage,
        send_template(json!({"header_field_1": "h".repeat(60)})),
    );
    let issue = one_issue(
        Kind::SendTemplateMessage,
        send_template(json!({"header_field_1": "h".repeat(61)})),
    );
    assert_eq!(
        (issue.path.as_str(), issue.code),
        ("header_field_1", TooLong)
    );
    assert_eq!(
        issue.message,
        "header_field_1 must be at most 60 characters; it has 61."
    );
}

#[test]
fn button_parameters_are_numbered_from_zero() {
    let b = body(
        Kind::SendTemplateMessage,
        send_template(json!({"button_0": "abc", "button_2": 7})),
    );
    assert_eq!(b["button_0"], "abc");
    assert_eq!(b["button_2"], "7");
    assert_eq!(
        one_issue(
            Kind::SendTemplateMessage,
            send_template(json!({"button_1": "a\nb"}))
        )
        .code,
        InvalidFormat
    );
}

#[test]
fn copy_code_is_short_letters_digits_dash_underscore() {
    for good in [
        json!("YourCode"),
        json!("SAVE-10_x"),
        json!("A".repeat(15)),
        json!(1234),
    ] {
        valid(
            Kind::SendTemplateMessage,
            send_template(json!({ "copy_code": good })),
        );
    }
    assert_eq!(
        body(
            Kind::SendTemplateMessage,
            send_template(json!({"copy_code": 1234}))
        )["copy_code"],
        "1234"
    );
    for bad in ["SAVE 10", "SAVE!", "código", "a.b"] {
        let issue = one_issue(
            Kind::SendTemplateMessage,
            send_template(json!({ "copy_code": bad })),
        );
        assert_eq!(
            (issue.path.as_str(), issue.code),
            ("copy_code", InvalidFormat),
            "{bad}"
        );
    }
    assert_eq!(
        one_issue(
            Kind::SendTemplateMessage,
            send_template(json!({"copy_code": "SAVE 10"}))
        )
        .message,
        "copy_code may contain only letters, digits, - and _."
    );
    let issue = one_issue(
        Kind::SendTemplateMessage,
        send_template(json!({"copy_code": "A".repeat(16)})),
    );
    assert_eq!(
        (issue.code, issue.message.as_str()),
        (
            TooLong,
            "copy_code must be at most 15 characters; it has 16."
        )
    );
    assert_eq!(
        one_issue(
            Kind::SendTemplateMessage,
            send_template(json!({"copy_code": ""}))
        )
        .code,
        Required
    );
}

#[test]
fn placeholders_are_accepted_in_every_template_value() {
    let payload = send_template(merge(
        location(json!("{lat}"), json!("{long}")),
        json!({
            "field_1": "{first_name}",
            "field_2": "Dear {full_name}",
            "button_0": "{phone_number}",
            "copy_code": "{coupon_code_for_this_customer}",
        }),
    ));
    let b = body(Kind::SendTemplateMessage, payload);
    assert_eq!(b["location_latitude"], "{lat}");
    assert_eq!(b["location_longitude"], "{long}");
    assert_eq!(b["field_2"], "Dear {full_name}");
    assert_eq!(b["copy_code"], "{coupon_code_for_this_customer}");
}

#[test]
fn coordinates_are_sent_as_decimal_strings() {
    let cases = [
        (json!(22), json!(22), "22.0", "22.0"),
        (json!("22"), json!("-73"), "22.0", "-73.0"),
        (json!(22.5), json!(-73.25), "22.5", "-73.25"),
        (json!("22.22"), json!("22.22"), "22.22", "22.22"),
        (json!(-90), json!(180), "-90.0", "180.0"),
        (json!("90.000"), json!("-180"), "90.000", "-180.0"),
        (json!(0), json!("0.0"), "0.0", "0.0"),
    ];
    for (lat, long, lat_out, long_out) in cases {
        let b = body(
            Kind::SendTemplateMessage,
            send_template(location(lat.clone(), long.clone())),
        );
        assert_eq!(
            (&b["location_latitude"], &b["location_longitude"]),
            (&json!(lat_out), &json!(long_out)),
            "{lat} {long}"
        );
    }
}

#[test]
fn coordinates_out_of_range_or_malformed_are_refused() {
    let issue = one_issue(
        Kind::SendTemplateMessage,
        send_template(location(json!(90.5), json!(0))),
    );
    assert_eq!(
        (issue.path.as_str(), issue.code),
        ("location_latitude", OutOfRange)
    );
    assert_eq!(
        issue.message,
        "location_latitude must be between -90 and 90."
    );
    let issue = one_issue(
        Kind::SendTemplateMessage,
        send_template(location(json!(0), json!("-180.5"))),
    );
    assert_eq!(
        (issue.path.as_str(), issue.code),
        ("location_longitude", OutOfRange)
    );
    assert_eq!(
        issue.message,
        "location_longitude must be between -180 and 180."
    );
    for bad in ["1e3", "22,5", "22.", ".5", "+22", " 22", "abc", "", "٢٢"] {
        let issue = one_issue(
            Kind::SendTemplateMessage,
            send_template(location(json!(bad), json!(0))),
        );
        assert_eq!(
            (issue.path.as_str(), issue.code),
            ("location_latitude", InvalidFormat),
            "{bad:?}"
        );
    }
    assert_eq!(
        one_issue(
            Kind::SendTemplateMessage,
            send_template(location(json!("1e3"), json!(0)))
        )
        .message,
        "location_latitude must be a decimal number such as 22.22."
    );
    assert_eq!(
        one_issue(
            Kind::SendTemplateMessage,
            send_template(location(json!(true), json!(0)))
        )
        .code,
        InvalidType
    );
}

#[test]
fn location_fields_are_required_together() {
    let e = invalid(
        Kind::SendTemplateMessage,
        send_template(json!({"location_latitude": "22.22"})),
    );
    assert_eq!(
        codes(&e.issues),
        vec![
            p("location_longitude", Required),
            p("location_name", Required),
            p("location_address", Required),
        ]
    );
    assert_eq!(
        e.issues[0].message,
        "location_longitude is required with location_latitude: a location header needs all four location fields."
    );
    assert_eq!(
        issue_codes(
            Kind::SendTemplateMessage,
            send_template(json!({"location_name": "Office"}))
        ),
        vec![
            p("location_latitude", Required),
            p("location_longitude", Required),
            p("location_address", Required),
        ]
    );
}

#[test]
fn an_invalid_location_field_is_not_also_reported_missing() {
    let e = invalid(
        Kind::SendTemplateMessage,
        send_template(location(json!("90.5"), json!("22"))),
    );
    assert_eq!(codes(&e.issues), vec![p("location_latitude", OutOfRange)]);
}

#[test]
fn header_document_needs_its_name() {
    let issue = one_issue(
        Kind::SendTemplateMessage,
        send_template(json!({"header_document": "https://example.com/a.pdf"})),
    );
    assert_eq!(
        (issue.path.as_str(), issue.code),
        ("header_document_name", Required)
    );
    assert_eq!(
        issue.message,
        "header_document_name is required with header_document."
    );
}

#[test]
fn body_parameters_are_numbered_without_gaps() {
    let issue = one_issue(
        Kind::SendTemplateMessage,
        send_template(json!({"field_1": "a", "field_3": "c"})),
    );
    assert_eq!((issue.path.as_str(), issue.code), ("field_2", Required));
    assert_eq!(
        issue.message,
        "field_2 is required because field_3 is given: body parameters are numbered from 1 without gaps."
    );
    assert_eq!(
        issue_codes(
            Kind::SendTemplateMessage,
            send_template(json!({"field_4": "d"}))
        ),
        vec![
            p("field_1", Required),
            p("field_2", Required),
            p("field_3", Required)
        ]
    );
    // Buttons are positions among all buttons: gaps are normal.
    valid(
        Kind::SendTemplateMessage,
        send_template(json!({"button_2": "x"})),
    );
}

#[test]
fn an_invalid_body_parameter_is_not_also_reported_as_a_gap() {
    let e = invalid(
        Kind::SendTemplateMessage,
        send_template(json!({"field_1": "", "field_2": "b"})),
    );
    assert_eq!(codes(&e.issues), vec![p("field_1", Required)]);
    assert_eq!(e.issues[0].message, "field_1 must not be empty.");
}

#[test]
fn an_invalid_field_still_counts_as_given_for_cross_field_rules() {
    // The document URL is wrong, and its name is still missing.
    assert_eq!(
        issue_codes(
            Kind::SendTemplateMessage,
            send_template(json!({"header_document": "ftp://x.com/a.pdf"}))
        ),
        vec![
            p("header_document", InvalidUrl),
            p("header_document_name", Required)
        ]
    );
    // null is absent for these rules too.
    let v = valid(
        Kind::SendTemplateMessage,
        send_template(json!({"field_1": "a", "header_image": "https://example.com/a.jpg"}))
            .as_object()
            .cloned()
            .map(|mut m| {
                m.insert("field_3".into(), Value::Null);
                m.insert("header_video".into(), Value::Null);
                m.insert("location_name".into(), Value::Null);
                Value::Object(m)
            })
            .unwrap(),
    );
    assert_eq!(v.warnings, vec![]);
}

#[test]
fn several_header_kinds_are_a_warning_and_every_field_is_sent() {
    let v = valid(
        Kind::SendTemplateMessage,
        send_template(
            json!({"header_image": "https://example.com/a.jpg", "header_video": "https://example.com/a.mp4"}),
        ),
    );
    assert_eq!(
        serde(&v.body),
        json!({
            "phone_number": DIGITS,
            "template_name": "order_update",
            "template_language": "en",
            "header_image": "https://example.com/a.jpg",
            "header_video": "https://example.com/a.mp4",
        })
    );
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("header_video", SeveralHeaders)]
    );
    assert_eq!(
        v.warnings[0].message,
        "header_image and header_video are headers of different kinds: a template has one header at most, so the server uses the one the template has and ignores the others."
    );

    // The warning sits at the second kind; the message names each kind.
    let v = valid(
        Kind::SendTemplateMessage,
        send_template(merge(
            location(json!(1), json!(2)),
            json!({"header_field_1": "Hi", "header_document": "https://example.com/a.pdf", "header_document_name": "a.pdf"}),
        )),
    );
    assert_eq!(v.body["location_latitude"], "1.0");
    assert_eq!(v.body["header_field_1"], "Hi");
    assert_eq!(v.body["header_document"], "https://example.com/a.pdf");
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("header_field_1", SeveralHeaders)]
    );
    assert_eq!(
        v.warnings[0].message,
        "header_document, header_field_1 and location_latitude are headers of different kinds: a template has one header at most, so the server uses the one the template has and ignores the others."
    );
}

#[test]
fn each_of_several_headers_keeps_its_own_checks() {
    let e = invalid(
        Kind::SendTemplateMessage,
        send_template(json!({"header_image": "nope", "header_video": "https://example.com/a.mp4"})),
    );
    assert_eq!(codes(&e.issues), vec![p("header_image", InvalidUrl)]);
    assert_eq!(
        warning_codes(&e.warnings),
        vec![w("header_video", SeveralHeaders)]
    );

    let e = invalid(
        Kind::SendTemplateMessage,
        send_template(merge(
            location(json!("90.5"), json!("22")),
            json!({"header_field_1": "x".repeat(61), "header_document": "ftp://x.com/a.pdf", "header_document_name": "a.pdf"}),
        )),
    );
    assert_eq!(
        codes(&e.issues),
        vec![
            p("header_document", InvalidUrl),
            p("location_latitude", OutOfRange),
            p("header_field_1", TooLong),
        ]
    );
    assert_eq!(
        warning_codes(&e.warnings),
        vec![w("header_field_1", SeveralHeaders)]
    );
}

#[test]
fn an_incomplete_header_among_several_is_a_warning() {
    // The template may use the image, so a missing document name or
    // location field is refused only by a template that has that header.
    let v = valid(
        Kind::SendTemplateMessage,
        send_template(json!({
            "header_image": "https://example.com/a.jpg",
            "header_document": "https://example.com/a.pdf",
            "location_name": "Office",
        })),
    );
    assert_eq!(
        serde(&v.body),
        json!({
            "phone_number": DIGITS,
            "template_name": "order_update",
            "template_language": "en",
            "header_image": "https://example.com/a.jpg",
            "header_document": "https://example.com/a.pdf",
            "location_name": "Office",
        })
    );
    assert_eq!(
        warning_codes(&v.warnings),
        vec![
            w("header_document", SeveralHeaders),
            w("header_document_name", SeveralHeaders),
            w("location_latitude", SeveralHeaders),
            w("location_longitude", SeveralHeaders),
            w("location_address", SeveralHeaders),
        ]
    );
    assert_eq!(
        v.warnings[1].message,
        "header_document_name is not given: the server refuses the request if the template's header is the document one."
    );
    assert_eq!(
        v.warnings[2].message,
        "location_latitude is not given: the server refuses the request if the template's header is the location one."
    );
}

#[test]
fn header_urls_follow_the_url_rule() {
    for key in ["header_image", "header_video"] {
        let issue = one_issue(
            Kind::SendTemplateMessage,
            send_template(json!({ key: "not a url" })),
        );
        assert_eq!((issue.path.as_str(), issue.code), (key, InvalidUrl));
    }
}
