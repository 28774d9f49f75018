//! `sendTemplateMessage` with the template's definition: exactly what the
//! server derives from it (ROUTES-7x.md, "How the server derives a
//! template's required parameters"), and a malformed definition.

use serde_json::{json, Value};
use whatsjet::validate::{Options, TemplateDefinition};
use whatsjet::IssueCode::*;
use whatsjet::WarningCode::IgnoredField;
use whatsjet::{Issue, Kind};

use crate::common::core;
use crate::{codes, invalid_with, p, send_template, valid_with, validate_field, w, warning_codes};

/// The issue's example: a text header, a body with two parameters, a URL
/// button after a quick reply, and a copy-code button.
fn order_update() -> Value {
    json!({
        "name": "order_update",
        "language": "en",
        "components": [
            { "type": "HEADER", "format": "TEXT", "text": "Order {{1}}" },
            { "type": "BODY", "text": "Hi {{1}}, order {{2}} has shipped. {{2}} again." },
            { "type": "FOOTER", "text": "Thanks" },
            { "type": "BUTTONS", "buttons": [
                { "type": "QUICK_REPLY", "text": "Stop" },
                { "type": "URL", "text": "Track", "url": "https://x.example/{{1}}" },
                { "type": "URL", "text": "Shop", "url": "https://x.example/shop" },
                { "type": "COPY_CODE", "example": "SAVE10" }
            ] }
        ]
    })
}

fn with_template(template: Value) -> Options {
    Options {
        template: Some(TemplateDefinition::parse(&core(&template)).unwrap()),
        ..Options::default()
    }
}

fn header(format: &str) -> Value {
    json!({
        "name": "order_update",
        "language": "en",
        "components": [{ "type": "HEADER", "format": format }]
    })
}

fn parse_error(template: Value) -> Issue {
    TemplateDefinition::parse(&core(&template)).unwrap_err()
}

#[test]
fn every_parameter_the_template_uses_is_required_at_its_field() {
    let invalid = invalid_with(
        Kind::SendTemplateMessage,
        &send_template(json!({})),
        &with_template(order_update()),
    );
    assert_eq!(
        codes(&invalid.issues),
        vec![
            p("header_field_1", Required),
            p("field_1", Required),
            p("field_2", Required),
            p("button_1", Required),
            p("copy_code", Required),
        ]
    );
    let messages: Vec<&str> = invalid.issues.iter().map(|i| i.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "header_field_1 is required by the template's text header.",
            "field_1 is required by the template's body.",
            "field_2 is required by the template's body.",
            "button_1 is required by the template's URL button.",
            "copy_code is required by the template's copy-code button.",
        ]
    );
}

#[test]
fn a_complete_request_is_valid_and_parameters_the_template_does_not_use_are_warnings() {
    let valid = valid_with(
        Kind::SendTemplateMessage,
        &send_template(json!({
            "header_field_1": "A-17",
            "field_1": "Johan",
            "field_2": "A-17",
            "field_3": "unused",
            "button_1": "A-17",
            "button_2": "unused",
            "copy_code": "SAVE10",
            "header_image": "https://x.example/a.png"
        })),
        &with_template(order_update()),
    );
    assert_eq!(
        warning_codes(&valid.warnings),
        vec![
            w("button_2", IgnoredField),
            w("field_3", IgnoredField),
            w("header_image", IgnoredField),
        ]
    );
    assert_eq!(
        valid.warnings[1].message,
        "field_3 is not used by the template order_update: the server ignores it."
    );
}

#[test]
fn each_header_format_requires_its_own_fields() {
    for (format, fields) in [
        ("IMAGE", &["header_image"][..]),
        ("VIDEO", &["header_video"][..]),
        ("DOCUMENT", &["header_document", "header_document_name"][..]),
        (
            "LOCATION",
            &[
                "location_latitude",
                "location_longitude",
                "location_name",
                "location_address",
            ][..],
        ),
    ] {
        let invalid = invalid_with(
            Kind::SendTemplateMessage,
            &send_template(json!({})),
            &with_template(header(format)),
        );
        let expected: Vec<(String, String)> = fields
            .iter()
            .map(|f| {
                (
                    f.to_string(),
                    format!("{f} is required by the template's header."),
                )
            })
            .collect();
        let got: Vec<(String, String)> = invalid
            .issues
            .iter()
            .inspect(|i| assert_eq!(i.code, Required))
            .map(|i| (i.path.clone(), i.message.clone()))
            .collect();
        assert_eq!(got, expected, "{format}");
    }
}

#[test]
fn a_header_text_parameter_over_60_characters_is_too_long() {
    let invalid = invalid_with(
        Kind::SendTemplateMessage,
        &send_template(json!({
            "header_field_1": "x".repeat(61),
            "field_1": "Johan",
            "field_2": "A-17",
            "button_1": "A-17",
            "copy_code": "SAVE10"
        })),
        &with_template(order_update()),
    );
    assert_eq!(codes(&invalid.issues), vec![p("header_field_1", TooLong)]);
}

#[test]
fn a_name_or_language_other_than_the_template_s_is_refused_at_its_field() {
    let invalid = invalid_with(
        Kind::SendTemplateMessage,
        &send_template(json!({ "template_name": "welcome", "template_language": "en_US" })),
        &with_template(header("IMAGE")),
    );
    let got: Vec<(&str, _, &str)> = invalid
        .issues
        .iter()
        .map(|i| (i.path.as_str(), i.code, i.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "template_name",
                InvalidChoice,
                "template_name must be order_update, as in the template; got welcome."
            ),
            (
                "template_language",
                InvalidChoice,
                "template_language must be en, as in the template; got en_US."
            ),
            (
                "header_image",
                Required,
                "header_image is required by the template's header."
            ),
        ]
    );
}

#[test]
fn a_field_with_its_own_issue_is_not_also_reported_missing() {
    let invalid = invalid_with(
        Kind::SendTemplateMessage,
        &send_template(json!({ "header_image": "not a url" })),
        &with_template(header("IMAGE")),
    );
    assert_eq!(codes(&invalid.issues), vec![p("header_image", InvalidUrl)]);
}

#[test]
fn validate_field_reports_a_required_parameter_and_a_mismatching_name() {
    let options = with_template(order_update());
    let kind = Kind::SendTemplateMessage;
    assert_eq!(
        validate_field(kind, "field_2", &Value::Null, &options),
        vec![Issue::new(
            "field_2",
            Required,
            "field_2 is required by the template's body."
        )]
    );
    assert_eq!(
        codes(&validate_field(
            kind,
            "template_name",
            &json!("welcome"),
            &options
        )),
        vec![p("template_name", InvalidChoice)]
    );
    assert_eq!(
        validate_field(kind, "field_3", &Value::Null, &options),
        vec![]
    );
    assert_eq!(
        validate_field(kind, "template_name", &json!("order_update"), &options),
        vec![]
    );
}

#[test]
fn without_a_template_the_parameters_are_not_required() {
    valid_with(
        Kind::SendTemplateMessage,
        &send_template(json!({})),
        &Options::default(),
    );
}

#[test]
fn a_malformed_definition_is_one_issue_at_its_path() {
    let cases = [
        (json!("order_update"), "template", InvalidType),
        (
            json!({ "language": "en", "components": [] }),
            "template.name",
            InvalidType,
        ),
        (
            json!({ "name": "a", "language": 1, "components": [] }),
            "template.language",
            InvalidType,
        ),
        (
            json!({ "name": "a", "language": "en" }),
            "template.components",
            InvalidType,
        ),
        (
            json!({ "name": "a", "language": "en", "components": [{ "type": "BODY" }, {}, { "text": "x" }] }),
            "template.components.1.type",
            InvalidType,
        ),
        (
            json!({ "name": "a", "language": "en", "components": [{ "type": "HEADER", "format": "GIF" }] }),
            "template.components.0.format",
            InvalidType,
        ),
        (
            json!({ "name": "a", "language": "en", "components": [{ "type": "BUTTONS", "buttons": [{ "type": "URL", "url": 7 }] }] }),
            "template.components.0.buttons.0.url",
            InvalidType,
        ),
    ];
    for (template, path, code) in cases {
        let issue = parse_error(template);
        assert_eq!((issue.path.as_str(), issue.code), (path, code));
    }
    assert_eq!(
        parse_error(
            json!({ "name": "a", "language": "en", "components": [{ "type": "BODY" }, { "type": 2 }] })
        ),
        Issue::new(
            "template.components.1.type",
            InvalidType,
            "template.components.1.type must be a string, as in WhatsApp's template format."
        )
    );
}
