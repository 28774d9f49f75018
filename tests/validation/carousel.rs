//! `sendCarouselTemplateMessage`: the template fields of a send and 2 to 10
//! cards.

use serde_json::{json, Value};
use whatsjet::IssueCode::*;
use whatsjet::Kind;

use crate::{
    body, codes, invalid, issue_codes, no_options, one_issue, options_with, p, valid_with,
    validate_field, with, DIGITS, FROM_ID, PHONE,
};

const K: Kind = Kind::SendCarouselTemplateMessage;

fn card(n: usize) -> Value {
    json!({
        "media_type": "image",
        "media_url": format!("https://example.com/{n}.jpg"),
        "body_example_fields": ["{first_name}", n],
        "button_type": {"0": "QUICK_REPLY", "1": "URL"},
    })
}

fn carousel(extra: Value) -> Value {
    with(
        json!({
            "phone_number": PHONE,
            "template_name": "autumn_sale",
            "template_language": "en_US",
            "carousel_templates": [card(1), card(2)],
        }),
        extra,
    )
}

#[test]
fn a_minimal_carousel_is_sent_with_its_cards_values_as_text() {
    let v = valid_with(K, &carousel(json!({})), &options_with(None, Some(FROM_ID)));
    assert_eq!(
        crate::common::serde(&v.body),
        json!({
            "from_phone_number_id": FROM_ID,
            "phone_number": DIGITS,
            "template_name": "autumn_sale",
            "template_language": "en_US",
            "carousel_templates": [
                {"media_type": "image", "media_url": "https://example.com/1.jpg", "body_example_fields": ["{first_name}", "1"], "button_type": {"0": "QUICK_REPLY", "1": "URL"}},
                {"media_type": "image", "media_url": "https://example.com/2.jpg", "body_example_fields": ["{first_name}", "2"], "button_type": {"0": "QUICK_REPLY", "1": "URL"}},
            ],
        })
    );
}

#[test]
fn a_full_carousel_keeps_contact_body_parameters_and_optional_card_fields() {
    let mut second = card(2);
    second["media_type"] = json!("video");
    second["body_example_fields"] = json!({"1": "Ada"});
    second["quick_reply_button_payload"] = json!("more-2");
    second["button_example_field"] = json!("sale-2");
    let sent = body(
        K,
        carousel(json!({
            "from_phone_number_id": "",
            "field_1": "Ada",
            "contact": {"first_name": "Ada", "groups": ["vip", "autumn"]},
            "carousel_templates": [card(1), second.clone()],
        })),
    );
    assert_eq!(sent["carousel_templates"][1], second);
    assert_eq!(sent["field_1"], "Ada");
    assert_eq!(
        sent["contact"],
        json!({"first_name": "Ada", "groups": "vip,autumn"})
    );
    assert_eq!(sent.get("from_phone_number_id"), None);
}

#[test]
fn two_to_ten_cards() {
    let issue = one_issue(K, carousel(json!({"carousel_templates": [card(1)]})));
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        (
            "carousel_templates",
            OutOfRange,
            "carousel_templates must have 2 to 10 items; it has 1."
        )
    );
    let eleven: Vec<Value> = (0..11).map(card).collect();
    assert_eq!(
        issue_codes(K, carousel(json!({ "carousel_templates": eleven }))),
        vec![p("carousel_templates", OutOfRange)]
    );
    let ten: Vec<Value> = (0..10).map(card).collect();
    valid_with(
        K,
        &carousel(json!({ "carousel_templates": ten })),
        &no_options(),
    );
    assert_eq!(
        issue_codes(K, carousel(json!({"carousel_templates": null}))),
        vec![p("carousel_templates", Required)]
    );
}

#[test]
fn each_card_has_its_media_values_and_button_kinds() {
    let e = invalid(
        K,
        carousel(json!({"carousel_templates": [
            {"media_type": "audio", "media_url": "photo.jpg", "body_example_fields": "Ada", "button_type": {"0": "CALL"}},
            {"media_type": "image", "media_url": "https://example.com/2.jpg"},
        ]})),
    );
    assert_eq!(
        codes(&e.issues),
        vec![
            p("carousel_templates.0.media_type", InvalidChoice),
            p("carousel_templates.0.media_url", InvalidUrl),
            p("carousel_templates.0.body_example_fields", InvalidType),
            p("carousel_templates.0.button_type.0", InvalidChoice),
            p("carousel_templates.1.body_example_fields", Required),
            p("carousel_templates.1.button_type", Required),
        ]
    );
    assert_eq!(
        e.issues[0].message,
        "carousel_templates.0.media_type must be one of image, video; got \"audio\"."
    );
    assert_eq!(
        e.issues[2].message,
        "carousel_templates.0.body_example_fields must be an object or an array; got a string."
    );
    assert_eq!(
        e.issues[3].message,
        "carousel_templates.0.button_type.0 must be one of QUICK_REPLY, URL, PHONE_NUMBER; got \"CALL\"."
    );
    let mut bad = card(1);
    bad["body_example_fields"] = json!(["a\nb"]);
    assert_eq!(
        issue_codes(K, carousel(json!({"carousel_templates": [bad, card(2)]}))),
        vec![p(
            "carousel_templates.0.body_example_fields.0",
            InvalidFormat
        )]
    );
    assert_eq!(
        codes(&validate_field(
            K,
            "carousel_templates.0.media_url",
            &json!("nope"),
            &no_options()
        )),
        vec![p("carousel_templates.0.media_url", InvalidUrl)]
    );
    assert_eq!(
        codes(&validate_field(
            K,
            "carousel_templates.3.button_type.1",
            &json!("URL"),
            &no_options()
        )),
        vec![]
    );
}

#[test]
fn carousel_body_parameters_follow_the_template_rules() {
    assert_eq!(
        issue_codes(K, carousel(json!({"field_2": "x"}))),
        vec![p("field_1", Required)]
    );
    // The cards carry the header and buttons: the top level has none.
    assert_eq!(
        issue_codes(
            K,
            carousel(json!({"header_image": "https://example.com/a.jpg", "button_0": "x"}))
        ),
        vec![p("button_0", UnknownField), p("header_image", UnknownField)]
    );
    assert_eq!(
        issue_codes(K, carousel(json!({"template_name": "Autumn"}))),
        vec![p("template_name", InvalidFormat)]
    );
}
