//! Validation and normalisation of the five requests: `validate` and
//! `validate_field`, pinned against the API description (000_….txt) and the
//! field rules of REFERENCE.md.

use serde_json::{json, Map, Value};
use whatsjet::json::ToJson;
use whatsjet::validate::{self, validate_field as core_validate_field, Invalid, Options, Valid};
use whatsjet::{Issue, IssueCode, Kind, Warning, WarningCode};

use IssueCode::*;

/// What people type, and what the server must receive.
const PHONE: &str = "+91 98765 43210";
const DIGITS: &str = "919876543210";
const FROM_ID: &str = "100000000000001";

// ---------------------------------------------------------------- helpers

/// A `json!` value as the core's JSON (structurally, so depth is kept).
fn core(v: &Value) -> whatsjet::json::Value {
    use whatsjet::json::Value as C;
    match v {
        Value::Null => C::Null,
        Value::Bool(b) => C::Bool(*b),
        Value::Number(n) => whatsjet::json::parse(&n.to_string()).unwrap(),
        Value::String(s) => C::String(s.clone()),
        Value::Array(items) => C::Array(items.iter().map(core).collect()),
        Value::Object(m) => C::Object(m.iter().map(|(k, v)| (k.clone(), core(v))).collect()),
    }
}

/// The core's JSON as a `json!` value, to compare.
fn serde(v: &impl ToJson) -> Value {
    serde_json::from_str(&v.to_json_string()).unwrap()
}

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

fn field_issues(kind: Kind, path: &str, value: Value) -> Vec<(String, IssueCode)> {
    codes(&validate_field(kind, path, &value, &no_options()))
}

fn seed_contact() -> Value {
    json!({
        "first_name": "Johan",
        "last_name": "Doe",
        "email": "johndoe@doamin.com",
        "country": "india",
        "language_code": "en",
        "groups": "examplegroup1,examplegroup2",
    })
}

fn nested_array(depth: usize) -> Value {
    let mut v = json!("leaf");
    for _ in 0..depth {
        v = Value::Array(vec![v]);
    }
    v
}

fn nested_object(depth: usize) -> Value {
    let mut v = json!("leaf");
    for _ in 0..depth {
        let mut m = Map::new();
        m.insert("a".to_owned(), v);
        v = Value::Object(m);
    }
    v
}

// ------------------------------------------------- the API's own examples

#[test]
fn seed_send_message_validates_to_the_exact_body() {
    let payload = json!({
        "from_phone_number_id": FROM_ID,
        "phone_number": PHONE,
        "message_body": "your message body",
        "contact": merge(seed_contact(), json!({"custom_fields": {"BDay": "2025-09-04"}})),
    });
    let v = valid(Kind::SendMessage, payload);
    assert_eq!(
        serde(&v.body),
        json!({
            "from_phone_number_id": FROM_ID,
            "phone_number": DIGITS,
            "message_body": "your message body",
            "contact": {
                "first_name": "Johan",
                "last_name": "Doe",
                "email": "johndoe@doamin.com",
                "country": "india",
                "language_code": "en",
                "groups": "examplegroup1,examplegroup2",
                "custom_fields": {"BDay": "2025-09-04"}
            }
        })
    );
    assert_eq!(v.warnings, vec![]);
}

#[test]
fn seed_send_media_message_validates_to_the_exact_body() {
    let url = "https://images.pexels.com/photos/276267/pexels-photo-276267.jpeg?auto=compress&cs=tinysrgb&w=1260&h=750&dpr=2";
    let payload = json!({
        "from_phone_number_id": FROM_ID,
        "phone_number": PHONE,
        "media_type": "document",
        "media_url": url,
        "caption": "your capation for image or video media types",
        "file_name": "your file name for document",
        "contact": seed_contact(),
    });
    let v = valid(Kind::SendMediaMessage, payload);
    assert_eq!(
        serde(&v.body),
        json!({
            "from_phone_number_id": FROM_ID,
            "phone_number": DIGITS,
            "media_type": "document",
            "media_url": url,
            "caption": "your capation for image or video media types",
            "file_name": "your file name for document",
            "contact": seed_contact(),
        })
    );
    // The example's file name has no extension.
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("file_name", WarningCode::MissingExtension)]
    );
}

/// The example's body and button parameters with its location header (a
/// template has one header; the example lists every kind at once).
fn seed_template_parameters() -> Value {
    json!({
        "from_phone_number_id": FROM_ID,
        "phone_number": PHONE,
        "template_name": "your_template_name",
        "template_language": "en",
        "location_latitude": "22.22",
        "location_longitude": "22.22",
        "location_name": "{first_name}",
        "location_address": "{country}",
        "field_1": "{Age}",
        "field_2": "{full_name}",
        "field_3": "{first_name}",
        "field_4": "{last_name}",
        "button_0": "{email}",
        "button_1": "{phone_number}",
        "copy_code": "YourCode",
        "contact": seed_contact(),
    })
}

#[test]
fn seed_send_template_message_validates_to_the_exact_body() {
    let v = valid(Kind::SendTemplateMessage, seed_template_parameters());
    assert_eq!(
        serde(&v.body),
        json!({
            "from_phone_number_id": FROM_ID,
            "phone_number": DIGITS,
            "template_name": "your_template_name",
            "template_language": "en",
            "location_latitude": "22.22",
            "location_longitude": "22.22",
            "location_name": "{first_name}",
            "location_address": "{country}",
            "field_1": "{Age}",
            "field_2": "{full_name}",
            "field_3": "{first_name}",
            "field_4": "{last_name}",
            "button_0": "{email}",
            "button_1": "{phone_number}",
            "copy_code": "YourCode",
            "contact": seed_contact(),
        })
    );
    assert_eq!(v.warnings, vec![]);
}

#[test]
fn seed_template_header_variants_each_validate() {
    let base = || {
        let mut p = seed_template_parameters();
        for k in [
            "location_latitude",
            "location_longitude",
            "location_name",
            "location_address",
        ] {
            p.as_object_mut().unwrap().remove(k);
        }
        p
    };
    let image = "https://cdn.pixabay.com/photo/2015/01/07/15/51/woman-591576_1280.jpg";
    let video =
        "http://commondatastorage.googleapis.com/gtv-videos-bucket/sample/ForBiggerEscapes.mp4";

    let v = valid(
        Kind::SendTemplateMessage,
        with(base(), json!({"header_image": image})),
    );
    assert_eq!(v.body["header_image"], image);
    assert_eq!(v.warnings, vec![]);

    let v = valid(
        Kind::SendTemplateMessage,
        with(base(), json!({"header_video": video})),
    );
    assert_eq!(v.body["header_video"], video);
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("header_video", WarningCode::InsecureUrl)]
    );

    let v = valid(
        Kind::SendTemplateMessage,
        with(
            base(),
            json!({"header_document": video, "header_document_name": "{full_name}"}),
        ),
    );
    assert_eq!(v.body["header_document"], video);
    assert_eq!(v.body["header_document_name"], "{full_name}");

    let v = valid(
        Kind::SendTemplateMessage,
        with(base(), json!({"header_field_1": "{full_name}"})),
    );
    assert_eq!(v.body["header_field_1"], "{full_name}");
}

#[test]
fn seed_template_with_every_header_at_once_is_refused_as_several_headers() {
    let payload = with(
        seed_template_parameters(),
        json!({
            "header_image": "https://cdn.pixabay.com/photo/2015/01/07/15/51/woman-591576_1280.jpg",
            "header_video": "http://commondatastorage.googleapis.com/gtv-videos-bucket/sample/ForBiggerEscapes.mp4",
            "header_document": "http://commondatastorage.googleapis.com/gtv-videos-bucket/sample/ForBiggerEscapes.mp4",
            "header_document_name": "{full_name}",
            "header_field_1": "{full_name}",
        }),
    );
    let e = invalid(Kind::SendTemplateMessage, payload);
    assert_eq!(
        codes(&e.issues),
        vec![
            p("header_video", InvalidFormat),
            p("header_document", InvalidFormat),
            p("header_field_1", InvalidFormat),
            p("location_latitude", InvalidFormat),
        ]
    );
    assert_eq!(
        e.issues[0].message,
        "header_video cannot be given with header_image: a template has at most one header."
    );
}

#[test]
fn seed_create_contact_validates_to_the_exact_body() {
    let payload = json!({
        "phone_number": PHONE,
        "first_name": "Johan",
        "last_name": "Doe",
        "email": "johndoe@doamin.com",
        "country": "india",
        "language_code": "en",
        "groups": "examplegroup1,examplegroup2",
        "custom_fields": {"BDay": "2025-09-01"},
    });
    let v = valid(Kind::CreateContact, payload);
    assert_eq!(
        serde(&v.body),
        json!({
            "phone_number": DIGITS,
            "first_name": "Johan",
            "last_name": "Doe",
            "email": "johndoe@doamin.com",
            "country": "india",
            "language_code": "en",
            "groups": "examplegroup1,examplegroup2",
            "custom_fields": {"BDay": "2025-09-01"},
        })
    );
    assert_eq!(v.warnings, vec![]);
}

#[test]
fn seed_update_contact_validates_to_the_exact_body() {
    let payload = json!({
        "first_name": "Johan",
        "last_name": "Doe",
        "email": "johndoe@doamin.com",
        "country": "91",
        "language_code": "mr",
        "whatsapp_opt_out": false,
        "enable_ai_bot": true,
        "groups": "examplegroup1,examplegroup9",
        "custom_fields": {"BDay": "2025-09-04"},
    });
    let v = valid(Kind::UpdateContact, payload.clone());
    assert_eq!(serde(&v.body), payload);
    assert_eq!(v.warnings, vec![]);
}

// ----------------------------------------------------- payload structure

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
            p("contact.email", InvalidEmail),
            p("contact.first_name", TooLong),
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
        "contact must be an object of contact details; got a string."
    );
}

// ---------------------------------------------------------- unknown keys

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

// ------------------------------------------------- from_phone_number_id

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
        json!(""),
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

// ----------------------------------------------------------- message_body

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

// ------------------------------------------------------------------ media

#[test]
fn media_type_is_one_of_four() {
    for t in ["image", "video", "audio", "document"] {
        assert_eq!(
            body(
                Kind::SendMediaMessage,
                send_media(json!({ "media_type": t }))
            )["media_type"],
            t
        );
    }
    for bad in ["gif", "Image", "IMAGE", "", "sticker"] {
        let issue = one_issue(
            Kind::SendMediaMessage,
            send_media(json!({ "media_type": bad })),
        );
        assert_eq!(
            (issue.path.as_str(), issue.code),
            ("media_type", InvalidChoice),
            "{bad}"
        );
    }
    assert_eq!(
        one_issue(
            Kind::SendMediaMessage,
            send_media(json!({"media_type": "gif"}))
        )
        .message,
        "media_type must be one of image, video, audio, document; got \"gif\"."
    );
}

#[test]
fn media_url_is_an_absolute_http_url() {
    for good in [
        "https://example.com/a.jpg",
        "https://example.com:8443/path/a.jpg?x=1&y=2#frag",
        "HTTPS://EXAMPLE.COM/A.JPG",
        "https://127.0.0.1/a.png",
        "https://[::1]:8080/a.png",
    ] {
        let v = valid(
            Kind::SendMediaMessage,
            send_media(json!({ "media_url": good })),
        );
        assert_eq!(v.body["media_url"], good);
        assert_eq!(v.warnings, vec![], "{good}");
    }
    for bad in [
        "example.com/a.jpg",
        "/a.jpg",
        "ftp://example.com/a.jpg",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "https://",
        "https:///a.jpg",
        "https://exa mple.com/a.jpg",
        "https://example.com/a b.jpg",
        "https://x.com:port/a.jpg",
        "data:image/png;base64,AAAA",
        "https://evil.com\\@example.com/a.jpg",
        "https://example.com\\a.jpg",
    ] {
        let issue = one_issue(
            Kind::SendMediaMessage,
            send_media(json!({ "media_url": bad })),
        );
        assert_eq!(
            (issue.path.as_str(), issue.code),
            ("media_url", InvalidUrl),
            "{bad}"
        );
    }
    assert_eq!(
        one_issue(Kind::SendMediaMessage, send_media(json!({"media_url": "/a.jpg"}))).message,
        "media_url must be an absolute http(s) URL that WhatsApp can fetch, such as https://example.com/photo.jpg."
    );
    assert_eq!(
        one_issue(
            Kind::SendMediaMessage,
            send_media(json!({"media_url": " "}))
        )
        .code,
        Required
    );
    let long = format!("https://example.com/{}", "a".repeat(2048));
    assert_eq!(
        one_issue(
            Kind::SendMediaMessage,
            send_media(json!({ "media_url": long }))
        )
        .code,
        TooLong
    );
}

#[test]
fn plain_http_media_url_is_a_warning() {
    let v = valid(
        Kind::SendMediaMessage,
        send_media(json!({"media_url": "http://example.com/a.jpg"})),
    );
    assert_eq!(v.body["media_url"], "http://example.com/a.jpg");
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("media_url", WarningCode::InsecureUrl)]
    );
    assert_eq!(
        v.warnings[0].message,
        "media_url is a plain http URL; WhatsApp fetches media over https in practice."
    );
}

#[test]
fn caption_is_at_most_1024_characters() {
    valid(
        Kind::SendMediaMessage,
        send_media(json!({"caption": "c".repeat(1024)})),
    );
    let issue = one_issue(
        Kind::SendMediaMessage,
        send_media(json!({"caption": "c".repeat(1025)})),
    );
    assert_eq!((issue.path.as_str(), issue.code), ("caption", TooLong));
    assert_eq!(
        issue.message,
        "caption must be at most 1024 characters; it has 1025."
    );
}

#[test]
fn caption_for_audio_is_ignored_with_a_warning() {
    let v = valid(
        Kind::SendMediaMessage,
        send_media(json!({"media_type": "audio", "caption": "listen"})),
    );
    assert_eq!(v.body["caption"], "listen");
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("caption", WarningCode::IgnoredField)]
    );
    assert_eq!(v.warnings[0].message, "caption is ignored for audio.");
    for t in ["image", "video", "document"] {
        let v = valid(
            Kind::SendMediaMessage,
            send_media(json!({"media_type": t, "caption": "c", "file_name": null})),
        );
        assert_eq!(v.warnings, vec![], "{t}");
    }
}

#[test]
fn file_name_is_for_documents_only() {
    for t in ["image", "video", "audio"] {
        let v = valid(
            Kind::SendMediaMessage,
            send_media(json!({"media_type": t, "file_name": "a.pdf"})),
        );
        assert_eq!(
            warning_codes(&v.warnings),
            vec![w("file_name", WarningCode::IgnoredField)],
            "{t}"
        );
        assert_eq!(
            v.warnings[0].message,
            format!("file_name is used only for documents; it is ignored for {t}.")
        );
    }
}

#[test]
fn document_file_name_without_extension_is_a_warning() {
    for name in ["report", "report.", ".pdf"] {
        let v = valid(
            Kind::SendMediaMessage,
            send_media(json!({"media_type": "document", "file_name": name})),
        );
        assert_eq!(
            warning_codes(&v.warnings),
            vec![w("file_name", WarningCode::MissingExtension)],
            "{name}"
        );
    }
    let v = valid(
        Kind::SendMediaMessage,
        send_media(json!({"media_type": "document", "file_name": "report.pdf"})),
    );
    assert_eq!(v.warnings, vec![]);
    assert_eq!(v.body["file_name"], "report.pdf");
    assert_eq!(
        one_issue(
            Kind::SendMediaMessage,
            send_media(json!({"media_type": "document", "file_name": " "}))
        )
        .code,
        Required
    );
}

// --------------------------------------------------------------- template

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
    // A wrong header is still a second header.
    assert_eq!(
        issue_codes(
            Kind::SendTemplateMessage,
            send_template(
                json!({"header_image": "nope", "header_video": "https://example.com/a.mp4"})
            )
        ),
        vec![
            p("header_image", InvalidUrl),
            p("header_video", InvalidFormat)
        ]
    );
    // null is absent for these rules too.
    valid(
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
}

#[test]
fn a_template_has_at_most_one_header() {
    let issue = one_issue(
        Kind::SendTemplateMessage,
        send_template(
            json!({"header_image": "https://example.com/a.jpg", "header_video": "https://example.com/a.mp4"}),
        ),
    );
    assert_eq!(
        (issue.path.as_str(), issue.code),
        ("header_video", InvalidFormat)
    );
    assert_eq!(
        issue.message,
        "header_video cannot be given with header_image: a template has at most one header."
    );
    let e = invalid(
        Kind::SendTemplateMessage,
        send_template(merge(
            location(json!(1), json!(2)),
            json!({"header_field_1": "Hi"}),
        )),
    );
    assert_eq!(
        codes(&e.issues),
        vec![p("location_latitude", InvalidFormat)]
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

// ------------------------------------------------------- contact fields

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

#[test]
fn names_are_at_most_150_characters() {
    for key in ["first_name", "last_name"] {
        expect_contact_valid(json!({ key: "n".repeat(150) }), key, json!("n".repeat(150)));
        expect_contact_issue(json!({ key: "n".repeat(151) }), key, TooLong);
    }
    let issue = one_issue(
        Kind::CreateContact,
        create_contact(json!({"first_name": "n".repeat(151)})),
    );
    assert_eq!(
        issue.message,
        "first_name must be at most 150 characters; it has 151."
    );
    expect_contact_valid(
        json!({"first_name": "Zoë 李"}),
        "first_name",
        json!("Zoë 李"),
    );
}

#[test]
fn email_is_a_real_address() {
    for good in [
        "johndoe@doamin.com",
        "a.b+tag@mail.example.co.in",
        "o'neil@x.io",
        "x_y-z@a-b.org",
    ] {
        expect_contact_valid(json!({ "email": good }), "email", json!(good));
    }
    for bad in [
        "a@b",
        "johndoe",
        "@example.com",
        "a@.com",
        "a..b@x.com",
        "a@x.c",
        "a b@x.com",
        "",
    ] {
        expect_contact_issue(json!({ "email": bad }), "email", InvalidEmail);
    }
    assert_eq!(
        one_issue(Kind::CreateContact, create_contact(json!({"email": "a@b"}))).message,
        "email must be an e-mail address such as name@example.com."
    );
    assert_eq!(
        one_issue(
            Kind::SendMessage,
            send_message(json!({"contact": {"email": "a@b"}}))
        )
        .message,
        "contact.email must be an e-mail address such as name@example.com."
    );
}

#[test]
fn email_is_at_most_255_characters() {
    let at_limit = format!("{}@example.com", "a".repeat(243));
    assert_eq!(at_limit.len(), 255);
    expect_contact_valid(
        json!({ "email": at_limit.clone() }),
        "email",
        json!(at_limit),
    );
    let over = format!("{}@example.com", "a".repeat(244));
    expect_contact_issue(json!({ "email": over }), "email", TooLong);
}

#[test]
fn country_on_create_must_be_a_name() {
    expect_contact_valid(json!({"country": "India"}), "country", json!("India"));
    expect_contact_valid(
        json!({"country": "United States"}),
        "country",
        json!("United States"),
    );
    for bad in ["91", "+91", "India 91", " "] {
        expect_contact_issue(json!({ "country": bad }), "country", InvalidFormat);
    }
    assert_eq!(
        one_issue(Kind::CreateContact, create_contact(json!({"country": "91"}))).message,
        "country must be a country name such as India when a contact is created (a dialling code works only on update)."
    );
}

#[test]
fn country_on_update_may_be_a_name_code_or_dialling_code() {
    for good in ["India", "IN", "91", "+91"] {
        assert_eq!(
            body(
                Kind::UpdateContact,
                update_contact(json!({ "country": good }))
            )["country"],
            good
        );
    }
    assert_eq!(
        one_issue(
            Kind::UpdateContact,
            update_contact(json!({"country": "c".repeat(151)}))
        )
        .code,
        TooLong
    );
}

#[test]
fn language_code_is_letters_digits_dash_underscore() {
    for good in ["en", "en-GB", "pt_BR", "mr", "zh-Hant-TW"] {
        expect_contact_valid(
            json!({ "language_code": good }),
            "language_code",
            json!(good),
        );
    }
    for bad in ["en GB", "en.GB", "fr!", "日本"] {
        expect_contact_issue(
            json!({ "language_code": bad }),
            "language_code",
            InvalidFormat,
        );
    }
    assert_eq!(
        one_issue(
            Kind::CreateContact,
            create_contact(json!({"language_code": "en GB"}))
        )
        .message,
        "language_code may contain only letters, digits, - and _, such as en."
    );
}

#[test]
fn groups_are_trimmed_around_commas_and_joined() {
    let cases = [
        (json!("a, b"), "a,b"),
        (json!(" a ,b , c "), "a,b,c"),
        (json!("a,,b,"), "a,b"),
        (json!(["a", "b"]), "a,b"),
        (json!([" a ", "b c"]), "a,b c"),
        (
            json!("examplegroup1,examplegroup2"),
            "examplegroup1,examplegroup2",
        ),
        (json!("single"), "single"),
    ];
    for (groups, out) in cases {
        expect_contact_valid(json!({ "groups": groups }), "groups", json!(out));
    }
}

#[test]
fn groups_refuse_other_shapes() {
    expect_contact_issue(json!({"groups": 5}), "groups", InvalidType);
    expect_contact_issue(json!({"groups": {"a": 1}}), "groups", InvalidType);
    expect_contact_issue(json!({"groups": ["a", 1]}), "groups.1", InvalidType);
    expect_contact_issue(json!({"groups": ["a,b"]}), "groups.0", InvalidFormat);
    expect_contact_issue(
        json!({"groups": format!("ok,{}", "g".repeat(256))}),
        "groups",
        TooLong,
    );
    expect_contact_valid(
        json!({"groups": "g".repeat(255)}),
        "groups",
        json!("g".repeat(255)),
    );
    let issue = one_issue(
        Kind::CreateContact,
        create_contact(json!({"groups": ["a,b"]})),
    );
    assert_eq!(
        issue.message,
        "groups item 0 contains a comma, which separates group titles."
    );
    let issue = one_issue(Kind::CreateContact, create_contact(json!({"groups": 5})));
    assert_eq!(
        issue.message,
        "groups must be a comma-separated string or an array of strings; got a number."
    );
}

#[test]
fn custom_fields_are_an_object_of_strings() {
    let fields = json!({"custom_fields": {"BDay": "2025-09-04", "Age": 42, "Score": 9.5}});
    expect_contact_valid(
        fields,
        "custom_fields",
        json!({"BDay": "2025-09-04", "Age": "42", "Score": "9.5"}),
    );
    expect_contact_issue(
        json!({"custom_fields": {"Vip": true}}),
        "custom_fields.Vip",
        InvalidType,
    );
    expect_contact_issue(
        json!({"custom_fields": {"Obj": {"a": 1}}}),
        "custom_fields.Obj",
        InvalidType,
    );
    expect_contact_issue(
        json!({"custom_fields": {"Arr": ["a"]}}),
        "custom_fields.Arr",
        InvalidType,
    );
    expect_contact_issue(
        json!({"custom_fields": "BDay=1"}),
        "custom_fields",
        InvalidType,
    );
    expect_contact_issue(
        json!({"custom_fields": {"": "x"}}),
        "custom_fields.",
        InvalidFormat,
    );
    assert_eq!(
        one_issue(
            Kind::CreateContact,
            create_contact(json!({"custom_fields": {"Vip": true}}))
        )
        .message,
        "custom_fields.Vip must be a string; got a boolean."
    );
    assert_eq!(
        one_issue(
            Kind::SendMessage,
            send_message(json!({"contact": {"custom_fields": {"Vip": true}}}))
        )
        .message,
        "contact.custom_fields.Vip must be a string; got a boolean."
    );
}

#[test]
fn all_contact_issues_are_collected() {
    let e = invalid(
        Kind::CreateContact,
        json!({
            "phone_number": "0",
            "first_name": "n".repeat(151),
            "email": "a@b",
            "country": "91",
            "language_code": "e n",
            "groups": 1,
            "custom_fields": {"A": false},
        }),
    );
    assert_eq!(
        codes(&e.issues),
        vec![
            p("phone_number", InvalidPhone),
            p("first_name", TooLong),
            p("email", InvalidEmail),
            p("country", InvalidFormat),
            p("language_code", InvalidFormat),
            p("groups", InvalidType),
            p("custom_fields.A", InvalidType),
        ]
    );
}

// ----------------------------------------------------------------- update

#[test]
fn update_flags_are_booleans() {
    let b = body(
        Kind::UpdateContact,
        update_contact(json!({"whatsapp_opt_out": true, "enable_ai_bot": false})),
    );
    assert_eq!(
        (&b["whatsapp_opt_out"], &b["enable_ai_bot"]),
        (&json!(true), &json!(false))
    );
    for key in ["whatsapp_opt_out", "enable_ai_bot"] {
        for bad in [json!("true"), json!(1), json!(0), json!("false")] {
            let issue = one_issue(Kind::UpdateContact, update_contact(json!({ key: bad })));
            assert_eq!((issue.path.as_str(), issue.code), (key, InvalidType));
        }
    }
    assert_eq!(
        one_issue(
            Kind::UpdateContact,
            update_contact(json!({"whatsapp_opt_out": "true"}))
        )
        .message,
        "whatsapp_opt_out must be true or false; got a string."
    );
}

#[test]
fn an_empty_update_is_one_required_issue_at_the_root() {
    for empty in [json!({}), json!({"first_name": null, "groups": null})] {
        let e = invalid(Kind::UpdateContact, empty);
        assert_eq!(codes(&e.issues), vec![p("", Required)]);
        assert_eq!(
            e.issues[0].message,
            "An update needs at least one field to change."
        );
        assert_eq!(e.warnings, vec![]);
    }
}

#[test]
fn an_update_without_groups_warns_that_groups_are_cleared() {
    let v = valid(Kind::UpdateContact, json!({"first_name": "Johan"}));
    assert_eq!(serde(&v.body), json!({"first_name": "Johan"}));
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("groups", WarningCode::GroupsCleared)]
    );
    assert_eq!(
        v.warnings[0].message,
        "groups is not set: the server removes the contact from all its groups on an update without groups."
    );
    let v = valid(
        Kind::UpdateContact,
        json!({"first_name": "Johan", "groups": ["a"]}),
    );
    assert_eq!(v.warnings, vec![]);
}

#[test]
fn blank_update_values_warn_that_they_clear() {
    let v = valid(
        Kind::UpdateContact,
        json!({"first_name": "", "last_name": "", "email": "", "country": "", "language_code": "", "groups": ""}),
    );
    assert_eq!(
        serde(&v.body),
        json!({"first_name": "", "last_name": "", "email": "", "country": "", "language_code": "", "groups": ""})
    );
    assert_eq!(
        warning_codes(&v.warnings),
        [
            "first_name",
            "last_name",
            "email",
            "country",
            "language_code",
            "groups"
        ]
        .map(|f| w(f, WarningCode::BlankClearsValue))
        .to_vec()
    );
    assert_eq!(
        v.warnings[0].message,
        "first_name is empty: the server removes the contact's current value."
    );
    // Blank groups given as an array or of only separators clear too.
    let v = valid(
        Kind::UpdateContact,
        json!({"first_name": "J", "groups": [" ", ""]}),
    );
    assert_eq!(v.body["groups"], "");
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("groups", WarningCode::BlankClearsValue)]
    );
}

#[test]
fn blank_values_on_create_are_not_clearing_warnings() {
    let v = valid(
        Kind::CreateContact,
        create_contact(json!({"first_name": ""})),
    );
    assert_eq!(v.warnings, vec![]);
}

// ----------------------------------------------------------------- phones

#[test]
fn phone_numbers_of_many_countries_are_normalised() {
    let cases = [
        ("+1 (415) 555-2671", "14155552671"),              // USA
        ("+1 415.555.2671", "14155552671"),                // USA, dots
        ("001 416 555 0123", "14165550123"),               // Canada, 00 prefix
        ("+44 20 7946 0958", "442079460958"),              // UK, London
        ("+44 7700 900123", "447700900123"),               // UK, mobile
        ("+91 98765 43210", "919876543210"),               // India
        ("+91-98765-43210", "919876543210"),               // India, dashes
        ("0091 98765 43210", "919876543210"),              // India, 00 prefix
        ("919876543210", "919876543210"),                  // already normal
        ("+55 11 91234-5678", "5511912345678"),            // Brazil
        ("+55 (11) 1234-5678", "551112345678"),            // Brazil, landline
        ("+52 1 55 1234 5678", "5215512345678"),           // Mexico, old mobile
        ("+52 55 1234 5678", "525512345678"),              // Mexico
        ("+49 30 901820", "4930901820"),                   // Germany
        ("+49 151 23456789", "4915123456789"),             // Germany, mobile
        ("+971 50 123 4567", "971501234567"),              // UAE
        ("+234 803 123 4567", "2348031234567"),            // Nigeria
        ("+7 916 123-45-67", "79161234567"),               // Russia
        ("+33 1 23 45 67 89", "33123456789"),              // France
        ("+39 06 6982 0000", "390669820000"),              // Italy (keeps its 0)
        ("+86 139 1234 5678", "8613912345678"),            // China
        ("+81 90-1234-5678", "819012345678"),              // Japan
        ("+62 812 3456 7890", "6281234567890"),            // Indonesia
        ("+27 82 123 4567", "27821234567"),                // South Africa
        ("+254 712 345678", "254712345678"),               // Kenya
        ("+966 50 123 4567", "966501234567"),              // Saudi Arabia
        ("+63 917 123 4567", "639171234567"),              // Philippines
        ("+61 412 345 678", "61412345678"),                // Australia
        ("+65 6123 4567", "6561234567"),                   // Singapore
        ("+852 2123 4567", "85221234567"),                 // Hong Kong
        ("+92 300 1234567", "923001234567"),               // Pakistan
        ("+20 10 1234 5678", "201012345678"),              // Egypt
        ("  +91\u{a0}98765\u{a0}43210  ", "919876543210"), // no-break spaces
        ("+91/98765/43210", "919876543210"),
    ];
    for (input, out) in cases {
        assert_eq!(
            normalized_phone(input, &no_options()),
            Ok(out.to_owned()),
            "{input}"
        );
    }
}

#[test]
fn a_national_leading_zero_uses_the_default_country_code() {
    let india = options_with(Some("91"), None);
    assert_eq!(
        normalized_phone("098765 43210", &india),
        Ok(DIGITS.to_owned())
    );
    assert_eq!(
        normalized_phone("09876543210", &india),
        Ok(DIGITS.to_owned())
    );
    let uk = options_with(Some("44"), None);
    assert_eq!(
        normalized_phone("020 7946 0958", &uk),
        Ok("442079460958".to_owned())
    );
    // International forms are not touched by the default.
    assert_eq!(
        normalized_phone("+1 415 555 2671", &india),
        Ok("14155552671".to_owned())
    );
    assert_eq!(
        normalized_phone("0044 20 7946 0958", &india),
        Ok("442079460958".to_owned())
    );
}

#[test]
fn a_national_leading_zero_without_default_country_code_is_refused() {
    let issue = normalized_phone("098765 43210", &no_options()).unwrap_err();
    assert_eq!(
        (issue.path.as_str(), issue.code),
        ("phone_number", InvalidPhone)
    );
    assert_eq!(
        issue.message,
        "phone_number starts with 0, a national prefix: write it with its country code (such as 919876543210) or set defaultCountryCode."
    );
}

#[test]
fn phone_numbers_that_cannot_be_dialled_are_refused() {
    let cases = [
        ("abc", "phone_number may contain only digits, spaces, dashes, dots, parentheses and a leading +; it contains \"a\"."),
        ("91 98765 4321O", "phone_number may contain only digits, spaces, dashes, dots, parentheses and a leading +; it contains \"O\"."),
        ("91+9876543210", "phone_number may have a + only at the start."),
        ("++919876543210", "phone_number may have a + only at the start."),
        ("---", "phone_number has no digits."),
        ("+9198765", "phone_number has 7 digits; with its country code a number has 9 to 15."),
        ("91987654", "phone_number has 8 digits; with its country code a number has 9 to 15."),
        ("9198765432101234", "phone_number has 16 digits; with its country code a number has at most 15."),
        ("+0919876543210", "phone_number has a 0 after the international prefix: write the country code there."),
        ("00 0919876543210", "phone_number has a 0 after the international prefix: write the country code there."),
        ("999876543210", "phone_number does not start with a country calling code (999…): write the number with its country code, such as 919876543210."),
        ("+280 123456789", "phone_number does not start with a country calling code (280…): write the number with its country code, such as 919876543210."),
    ];
    for (input, message) in cases {
        let issue = normalized_phone(input, &options_with(Some("91"), None)).unwrap_err();
        assert_eq!(
            (issue.path.as_str(), issue.code),
            ("phone_number", InvalidPhone),
            "{input}"
        );
        assert_eq!(issue.message, message, "{input}");
    }
}

#[test]
fn phone_number_limits_are_9_to_15_digits() {
    assert_eq!(
        normalized_phone("919876543", &no_options()),
        Ok("919876543".to_owned())
    );
    assert_eq!(
        normalized_phone("919876543210123", &no_options()),
        Ok("919876543210123".to_owned())
    );
}

#[test]
fn assigned_country_codes_are_accepted_and_others_refused() {
    for good in [
        "14155552671",
        "79161234567",
        "442079460958",
        "919876543210",
        "971501234567",
        "5511912345678",
        "525512345678",
    ] {
        assert_eq!(normalized_phone(good, &no_options()), Ok(good.to_owned()));
    }
    for bad in ["999876543210", "2801234567", "4251234567", "6991234567"] {
        assert_eq!(
            normalized_phone(bad, &no_options()).unwrap_err().code,
            InvalidPhone,
            "{bad}"
        );
    }
}

#[test]
fn blank_phone_numbers_are_required() {
    for blank in ["", "   "] {
        let issue = normalized_phone(blank, &no_options()).unwrap_err();
        assert_eq!(
            (issue.code, issue.message.as_str()),
            (Required, "phone_number is required.")
        );
    }
}

#[test]
fn the_phone_of_create_is_normalised_too() {
    assert_eq!(
        body(
            Kind::CreateContact,
            json!({"phone_number": "+44 (20) 7946-0958"})
        )["phone_number"],
        "442079460958"
    );
    let e = invalid_with(
        Kind::CreateContact,
        &json!({"phone_number": "020 7946 0958"}),
        &no_options(),
    );
    assert!(e.issues[0].message.contains("defaultCountryCode"));
}

// ------------------------------------------------------- validate_field

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
    // Keys of an object come in their sorted order.
    piecewise.extend(validate_field(
        Kind::SendMessage,
        "contact.custom_fields.A",
        &json!({}),
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
    assert_eq!(whole, piecewise);
}

// ---------------------------------------------------------- hostile input

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
        "phone_number has 1000000 digits; with its country code a number has at most 15."
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
    assert_eq!(issues, ["field_1", "header_document"], "{issues:?}");
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
