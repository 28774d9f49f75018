//! Hostile input: huge, deeply nested, oddly keyed or odd unicode values are
//! refused cleanly or kept, never a panic; validation leaves its input alone.

use serde_json::{json, Map, Value};
use whatsjet::IssueCode::*;
use whatsjet::{IssueCode, Kind, WarningCode};

use crate::common::core;
use crate::{
    body, codes, create_contact, expect_contact_issue, expect_contact_valid, invalid, issue_codes,
    location, merge, no_options, normalized_phone, one_issue, p, send_media, send_message,
    send_template, update_contact, validate, validate_field, w, warning_codes, PHONE,
};

fn nested_object(depth: usize) -> Value {
    let mut v = json!("leaf");
    for _ in 0..depth {
        let mut m = Map::new();
        m.insert("a".to_owned(), v);
        v = Value::Object(m);
    }
    v
}

fn nested_array(depth: usize) -> Value {
    let mut v = json!("leaf");
    for _ in 0..depth {
        v = Value::Array(vec![v]);
    }
    v
}

/// A valid payload of each kind and every path it can carry a value at, with
/// the code a 1,000,000-character "x" there gets (`None`: accepted).
fn huge_string_expectations() -> Vec<(Kind, Value, &'static str, Option<IssueCode>)> {
    let contact_paths = [
        ("contact.first_name", Some(TooLong)),
        ("contact.last_name", Some(TooLong)),
        ("contact.email", Some(TooLong)),
        ("contact.country", Some(TooLong)),
        ("contact.language_code", Some(TooLong)),
        ("contact.groups", Some(TooLong)),
        ("contact.custom_fields.BDay", None),
    ];
    let mut out = Vec::new();
    let sends = [
        (
            Kind::SendMessage,
            send_message(json!({})),
            vec![("message_body", Some(TooLong))],
        ),
        (
            Kind::SendMediaMessage,
            send_media(json!({"media_type": "document"})),
            vec![
                ("media_type", Some(InvalidChoice)),
                ("media_url", Some(TooLong)),
                ("caption", Some(TooLong)),
                ("file_name", Some(TooLong)),
            ],
        ),
        (
            Kind::SendTemplateMessage,
            send_template(json!({})),
            vec![
                ("template_name", Some(TooLong)),
                ("template_language", Some(InvalidFormat)),
                ("header_image", Some(TooLong)),
                ("header_field_1", Some(TooLong)),
                ("field_1", Some(TooLong)),
                ("button_0", Some(TooLong)),
                ("copy_code", Some(TooLong)),
            ],
        ),
    ];
    for (kind, base, fields) in sends {
        for (path, code) in fields
            .into_iter()
            .chain([
                ("phone_number", Some(InvalidPhone)),
                ("from_phone_number_id", Some(InvalidFormat)),
            ])
            .chain(contact_paths)
        {
            out.push((kind, base.clone(), path, code));
        }
    }
    for path in [
        "phone_number",
        "first_name",
        "last_name",
        "email",
        "country",
        "language_code",
        "groups",
    ] {
        let code = if path == "phone_number" {
            InvalidPhone
        } else {
            TooLong
        };
        out.push((
            Kind::CreateContact,
            create_contact(json!({})),
            path,
            Some(code),
        ));
        if path != "phone_number" {
            out.push((
                Kind::UpdateContact,
                update_contact(json!({})),
                path,
                Some(code),
            ));
        }
    }
    out.push((
        Kind::CreateContact,
        create_contact(json!({})),
        "custom_fields.BDay",
        None,
    ));
    out.push((
        Kind::UpdateContact,
        update_contact(json!({})),
        "custom_fields.BDay",
        None,
    ));
    out.push((
        Kind::UpdateContact,
        update_contact(json!({})),
        "whatsapp_opt_out",
        Some(InvalidType),
    ));
    out.push((
        Kind::UpdateContact,
        update_contact(json!({})),
        "enable_ai_bot",
        Some(InvalidType),
    ));
    out
}

/// `payload` with `value` set at dotted `path` (creating objects on the way).
fn set_path(mut payload: Value, path: &str, value: Value) -> Value {
    let mut cur = &mut payload;
    let parts: Vec<&str> = path.split('.').collect();
    for part in &parts[..parts.len() - 1] {
        let map = cur.as_object_mut().unwrap();
        cur = map.entry(part.to_string()).or_insert_with(|| json!({}));
    }
    cur.as_object_mut()
        .unwrap()
        .insert(parts[parts.len() - 1].to_owned(), value);
    payload
}

#[test]
fn a_million_character_string_in_every_field_is_refused_cleanly() {
    let huge = "x".repeat(1_000_000);
    for (kind, base, path, code) in huge_string_expectations() {
        let payload = set_path(base, path, json!(huge));
        match (validate(kind, &payload, &no_options()), code) {
            (Ok(_), None) => {}
            (Err(e), Some(code)) => {
                assert_eq!(codes(&e.issues), vec![p(path, code)], "{kind:?} {path}");
                // Messages quote at most an excerpt of the value.
                assert!(e.issues[0].message.len() < 300, "{kind:?} {path}");
            }
            (r, _) => panic!(
                "{kind:?} {path}: unexpected {:?}",
                r.map(|_| ()).map_err(|e| codes(&e.issues))
            ),
        }
        let field = validate_field(kind, path, &json!(huge), &no_options());
        assert_eq!(
            codes(&field),
            code.map(|c| vec![p(path, c)]).unwrap_or_default(),
            "{kind:?} {path}"
        );
    }
}

#[test]
fn a_million_digit_phone_and_coordinate_are_refused_cleanly() {
    let digits = "9".repeat(1_000_000);
    let issue = normalized_phone(&digits, &no_options()).unwrap_err();
    assert_eq!(
        issue.message,
        "phone_number has too many digits (1000000); with its country code a number has at most 15."
    );
    let e = invalid(
        Kind::SendTemplateMessage,
        send_template(location(json!(digits), json!("1".repeat(1_000_000)))),
    );
    assert_eq!(
        codes(&e.issues),
        vec![
            p("location_latitude", OutOfRange),
            p("location_longitude", OutOfRange)
        ]
    );
    let emoji = "😀".repeat(1_000_000);
    assert_eq!(
        one_issue(
            Kind::SendMessage,
            send_message(json!({ "message_body": emoji }))
        )
        .message,
        "message_body must be at most 4096 characters; it has 1000000."
    );
}

#[test]
fn a_million_character_key_is_unknown_without_suggestion() {
    let key = "k".repeat(1_000_000);
    let issue = one_issue(Kind::SendMessage, send_message(json!({ key.clone(): "v" })));
    assert_eq!(issue.code, UnknownField);
    assert_eq!(issue.path, key);
    assert!(!issue.message.contains("did you mean"));
}

#[test]
fn deeply_nested_values_in_every_field_are_type_errors() {
    let deep_array = nested_array(200);
    let deep_object = nested_object(200);
    let cases = [
        (
            Kind::SendMessage,
            send_message(json!({})),
            "message_body",
            "message_body",
        ),
        (
            Kind::SendMessage,
            send_message(json!({})),
            "phone_number",
            "phone_number",
        ),
        (
            Kind::SendMessage,
            send_message(json!({})),
            "from_phone_number_id",
            "from_phone_number_id",
        ),
        (
            Kind::SendMediaMessage,
            send_media(json!({})),
            "media_url",
            "media_url",
        ),
        (
            Kind::SendTemplateMessage,
            send_template(json!({})),
            "field_1",
            "field_1",
        ),
        (
            Kind::SendTemplateMessage,
            send_template(json!({})),
            "copy_code",
            "copy_code",
        ),
        (
            Kind::SendMessage,
            send_message(json!({})),
            "contact.custom_fields.BDay",
            "contact.custom_fields.BDay",
        ),
        (
            Kind::CreateContact,
            create_contact(json!({})),
            "custom_fields.BDay",
            "custom_fields.BDay",
        ),
        (
            Kind::UpdateContact,
            update_contact(json!({})),
            "enable_ai_bot",
            "enable_ai_bot",
        ),
    ];
    for deep in [&deep_array, &deep_object] {
        for (kind, base, path, issue_path) in cases.clone() {
            let e = invalid(kind, set_path(base, path, deep.clone()));
            assert_eq!(
                codes(&e.issues),
                vec![p(issue_path, InvalidType)],
                "{kind:?} {path}"
            );
        }
    }
    // Where an array or object is the right shape, the depth shows one level down.
    assert_eq!(
        issue_codes(
            Kind::CreateContact,
            create_contact(json!({ "groups": deep_array.clone() }))
        ),
        vec![p("groups.0", InvalidType)]
    );
    assert_eq!(
        issue_codes(
            Kind::CreateContact,
            create_contact(json!({ "custom_fields": deep_object.clone() }))
        ),
        vec![p("custom_fields.a", InvalidType)]
    );
    assert_eq!(
        issue_codes(
            Kind::SendMessage,
            send_message(json!({ "contact": deep_object.clone() }))
        ),
        vec![p("contact.a", UnknownField)]
    );
    // And as the whole payload.
    for kind in Kind::ALL {
        assert_eq!(
            codes(&invalid(kind, deep_array.clone()).issues),
            vec![p("", InvalidType)]
        );
        let e = invalid(kind, deep_object.clone());
        assert!(codes(&e.issues).contains(&p("a", UnknownField)), "{kind:?}");
    }
    assert!(
        validate_field(Kind::SendMessage, "contact", &deep_object, &no_options())
            .iter()
            .all(|i| i.code == UnknownField)
    );
}

#[test]
fn odd_keys_are_unknown_fields() {
    let payload = send_message(json!({
        "": 1,
        "📞": PHONE,
        "phone_number\u{200b}": PHONE,
        "\u{202e}message_body": "x",
        "ﾌｨｰﾙﾄﾞ": "x",
        "a.b": "x",
    }));
    let e = invalid(Kind::SendMessage, payload);
    let mut got = codes(&e.issues);
    got.sort_by(|a, b| a.0.cmp(&b.0));
    let mut expected: Vec<_> = [
        "",
        "📞",
        "phone_number\u{200b}",
        "\u{202e}message_body",
        "ﾌｨｰﾙﾄﾞ",
        "a.b",
    ]
    .into_iter()
    .map(|k| p(k, UnknownField))
    .collect();
    expected.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(got, expected);
    let zw = e
        .issues
        .iter()
        .find(|i| i.path == "phone_number\u{200b}")
        .unwrap();
    assert!(
        zw.message.ends_with("did you mean phone_number?"),
        "{}",
        zw.message
    );
    // Odd keys in nested objects too.
    assert_eq!(
        issue_codes(
            Kind::SendMessage,
            send_message(json!({"contact": {"": "x", "😀": "y"}}))
        ),
        vec![p("contact.", UnknownField), p("contact.😀", UnknownField)]
    );
    // Custom field names may be any non-blank text.
    assert_eq!(
        body(
            Kind::CreateContact,
            create_contact(json!({"custom_fields": {"Geburtstag 🎂": "1.1."}}))
        )["custom_fields"],
        json!({"Geburtstag 🎂": "1.1."})
    );
}

#[test]
fn odd_unicode_in_values_is_kept_or_refused_cleanly() {
    let rtl = "\u{200f}مرحبا\u{200e} \u{200b}\u{2066}x\u{2069}\u{feff}";
    assert_eq!(
        body(
            Kind::SendMessage,
            send_message(json!({ "message_body": rtl }))
        )["message_body"],
        rtl
    );
    expect_contact_valid(
        json!({"first_name": "\u{202e}nhoJ"}),
        "first_name",
        json!("\u{202e}nhoJ"),
    );
    // Bidi marks and zero-width spaces copied along from a chat app are dropped.
    assert_eq!(
        normalized_phone("\u{202a}+91 98765 43210\u{202c}", &no_options()).unwrap(),
        "919876543210"
    );
    assert_eq!(
        normalized_phone("+91 98765 43210\u{200b}", &no_options()).unwrap(),
        "919876543210"
    );
    // Non-ASCII digits are not digits for the server.
    assert_eq!(
        normalized_phone("+٩١ ٩٨٧٦٥ ٤٣٢١٠", &no_options())
            .unwrap_err()
            .code,
        InvalidPhone
    );
    assert_eq!(
        normalized_phone("＋９１９８７６５４３２１０", &no_options())
            .unwrap_err()
            .code,
        InvalidPhone
    );
    expect_contact_issue(
        json!({"email": "a\u{200b}@example.com"}),
        "email",
        InvalidEmail,
    );
    assert_eq!(
        one_issue(
            Kind::SendTemplateMessage,
            send_template(json!({"template_name": "ｏrder"}))
        )
        .code,
        InvalidFormat
    );
    assert_eq!(
        one_issue(
            Kind::SendTemplateMessage,
            send_template(location(json!("２２"), json!(1)))
        )
        .code,
        InvalidFormat
    );
    assert_eq!(
        one_issue(
            Kind::SendMediaMessage,
            send_media(json!({"media_url": "https://exa\u{200b}mple.com/a.jpg"}))
        )
        .code,
        InvalidUrl
    );
    assert_eq!(
        one_issue(
            Kind::SendMediaMessage,
            send_media(json!({"media_type": "image\u{200b}"}))
        )
        .code,
        InvalidChoice
    );
}

#[test]
fn odd_urls_never_panic() {
    for url in [
        "https://[::1]é/a.jpg",
        "https://[::1]😀",
        "https://[::1]:é",
        "https://[",
        "https://[]",
        "https://[::1",
        "https://é@",
        "https://@",
        "https://😀.com/a.jpg",
        "http://:80",
        "https://a:b@c.com:1/",
    ] {
        let payload = send_media(json!({ "media_url": url }));
        match validate(Kind::SendMediaMessage, &payload, &no_options()) {
            Ok(v) => assert_eq!(v.body["media_url"], url),
            Err(e) => assert_eq!(codes(&e.issues), vec![p("media_url", InvalidUrl)], "{url}"),
        }
    }
    assert_eq!(
        one_issue(
            Kind::SendMediaMessage,
            send_media(json!({"media_url": "https://[::1]é/a.jpg"}))
        )
        .code,
        InvalidUrl
    );
}

#[test]
fn extreme_numbers_are_handled() {
    let b = body(
        Kind::SendTemplateMessage,
        send_template(
            json!({"field_1": 1e308, "field_2": u64::MAX, "field_3": -0.0, "field_4": i64::MIN, "button_0": 0.1}),
        ),
    );
    assert_eq!(b["field_1"], "1e+308");
    assert_eq!(b["field_2"], "18446744073709551615");
    assert_eq!(b["field_3"], "-0.0");
    assert_eq!(b["field_4"], "-9223372036854775808");
    assert_eq!(b["button_0"], "0.1");

    assert_eq!(
        one_issue(
            Kind::SendTemplateMessage,
            send_template(location(json!(1e308), json!(0)))
        )
        .code,
        InvalidFormat
    );
    assert_eq!(
        one_issue(
            Kind::SendTemplateMessage,
            send_template(location(json!(u64::MAX), json!(0)))
        )
        .code,
        OutOfRange
    );
    assert_eq!(
        one_issue(
            Kind::SendTemplateMessage,
            send_template(location(json!(i64::MIN), json!(0)))
        )
        .code,
        OutOfRange
    );
    let b = body(
        Kind::SendTemplateMessage,
        send_template(location(json!(-0.0), json!(-0.0))),
    );
    assert_eq!(
        (&b["location_latitude"], &b["location_longitude"]),
        (&json!("-0.0"), &json!("-0.0"))
    );

    assert_eq!(
        one_issue(
            Kind::SendTemplateMessage,
            send_template(json!({"copy_code": -0.0}))
        )
        .code,
        InvalidFormat
    );
    assert_eq!(
        one_issue(
            Kind::SendTemplateMessage,
            send_template(json!({"copy_code": u64::MAX}))
        )
        .code,
        TooLong
    );
    assert_eq!(
        one_issue(
            Kind::SendTemplateMessage,
            send_template(json!({"copy_code": 1e5}))
        )
        .code,
        InvalidFormat
    );
    assert_eq!(
        body(
            Kind::SendTemplateMessage,
            send_template(json!({"copy_code": 99999}))
        )["copy_code"],
        "99999"
    );

    assert_eq!(
        body(
            Kind::SendMessage,
            send_message(json!({"from_phone_number_id": u64::MAX}))
        )["from_phone_number_id"],
        "18446744073709551615"
    );
    for n in [json!(1e308), json!(-0.0), json!(i64::MIN)] {
        assert_eq!(
            one_issue(
                Kind::SendMessage,
                send_message(json!({ "from_phone_number_id": n.clone() }))
            )
            .code,
            InvalidFormat,
            "{n}"
        );
        assert_eq!(
            one_issue(
                Kind::SendMessage,
                send_message(json!({ "message_body": n.clone() }))
            )
            .code,
            InvalidType
        );
        assert_eq!(
            one_issue(
                Kind::SendMessage,
                send_message(json!({ "phone_number": n }))
            )
            .code,
            InvalidType
        );
    }
    assert_eq!(
        body(
            Kind::CreateContact,
            create_contact(json!({"custom_fields": {"a": 1e308, "b": u64::MAX, "c": -0.0}}))
        )["custom_fields"],
        json!({"a": "1e+308", "b": "18446744073709551615", "c": "-0.0"})
    );
}

#[test]
fn validation_is_deterministic_and_does_not_change_the_input() {
    let payload = send_template(merge(
        location(json!(22), json!("22")),
        json!({"contact": {"groups": "a, b"}, "field_1": 5}),
    ));
    let before = payload.clone();
    let first = validate(Kind::SendTemplateMessage, &payload, &no_options());
    let second = validate(Kind::SendTemplateMessage, &payload, &no_options());
    assert_eq!(first, second);
    assert_eq!(payload, before);
}

#[test]
fn rules_across_fields_see_fields_whose_values_were_moved_into_the_body() {
    // Each field is valid on its own, so its value moves into the body; the
    // template's header and update rules must still count it as given.
    let template = json!({
        "phone_number": PHONE,
        "template_name": "invoice_document",
        "template_language": "en",
        "header_document": "https://example.com/a.pdf",
        "header_document_name": "a.pdf",
        "header_image": "https://example.com/a.jpg",
        "field_2": "x",
    });
    let issues = invalid_paths(Kind::SendTemplateMessage, &template);
    assert_eq!(issues, ["field_1"], "{issues:?}");
    // Both headers count, and the document's name is not reported missing.
    let warnings = validate(Kind::SendTemplateMessage, &template, &no_options())
        .err()
        .map(|e| warning_codes(&e.warnings));
    assert_eq!(
        warnings,
        Some(vec![w("header_document", WarningCode::SeveralHeaders)])
    );
    let update = json!({ "first_name": "Ada" });
    let owned = validate::validate_owned(Kind::UpdateContact, core(&update), &no_options());
    assert_eq!(owned, validate(Kind::UpdateContact, &update, &no_options()));
    assert!(owned.is_ok());
}

fn invalid_paths(kind: Kind, payload: &Value) -> Vec<String> {
    match validate(kind, payload, &no_options()) {
        Ok(_) => panic!("expected {kind:?} to be invalid"),
        Err(e) => e.issues.into_iter().map(|i| i.path).collect(),
    }
}
