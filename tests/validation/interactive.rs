//! `sendInteractiveMessage`: reply buttons, a URL button, a list; the
//! header; what the route cannot use.

use serde_json::{json, Value};
use whatsjet::IssueCode::*;
use whatsjet::Kind;
use whatsjet::WarningCode::{IgnoredField, InsecureUrl};

use crate::{
    body, codes, invalid, issue_codes, no_options, one_issue, options_with, p, valid, valid_with,
    validate_field, w, warning_codes, with, DIGITS, PHONE,
};

const K: Kind = Kind::SendInteractiveMessage;

fn interactive(extra: Value) -> Value {
    with(
        json!({"phone_number": PHONE, "body_text": "Pick one", "buttons": ["Yes", "No"]}),
        extra,
    )
}

fn row(n: usize) -> Value {
    json!({"id": format!("r{n}"), "row_id": format!("row-{n}"), "title": format!("Row {n}"), "description": "More"})
}

fn list(rows_per_section: &[usize]) -> Value {
    let sections: Vec<Value> = rows_per_section
        .iter()
        .enumerate()
        .map(|(s, &n)| {
            json!({"id": format!("s{s}"), "title": format!("Section {s}"), "rows": (0..n).map(row).collect::<Vec<_>>()})
        })
        .collect();
    json!({"interactive_type": "list", "buttons": null, "list_data": {"button_text": "Choose", "sections": sections}})
}

#[test]
fn minimal_buttons_are_sent_as_the_servers_object() {
    assert_eq!(
        body(K, interactive(json!({}))),
        json!({"phone_number": DIGITS, "body_text": "Pick one", "buttons": {"1": "Yes", "2": "No"}})
    );
    // The object form is sent unchanged, so a body validates to itself.
    assert_eq!(
        body(K, interactive(json!({"buttons": {"1": "Yes", "2": "No"}})))["buttons"],
        json!({"1": "Yes", "2": "No"})
    );
}

#[test]
fn the_seed_example_with_a_text_header_is_sent_as_given() {
    let example = json!({"phone_number":"919800000000","interactive_type":"button",
        "header_type":"text","header_text":"Hi","body_text":"Pick one",
        "footer_text":"ACME","buttons":{"1":"Yes","2":"No"}});
    let v = valid(K, example.clone());
    assert_eq!(crate::common::serde(&v.body), example);
    assert_eq!(v.warnings, vec![]);
}

#[test]
fn buttons_are_one_to_three_unique_labels_of_at_most_20_characters() {
    let issue = one_issue(K, interactive(json!({"buttons": ["A", "B", "C", "D"]})));
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        (
            "buttons",
            OutOfRange,
            "buttons must have 1 to 3 items; it has 4."
        )
    );
    let issue = one_issue(K, interactive(json!({"buttons": []})));
    assert_eq!((issue.path.as_str(), issue.code), ("buttons", Required));
    let issue = one_issue(K, interactive(json!({"buttons": ["Yes", "x".repeat(21)]})));
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        (
            "buttons.1",
            TooLong,
            "buttons.1 must be at most 20 characters; it has 21."
        )
    );
    let issue = one_issue(K, interactive(json!({"buttons": {"1": "Yes", "2": "Yes"}})));
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        (
            "buttons.2",
            InvalidFormat,
            "buttons.2 repeats a label: button labels must be unique."
        )
    );
    assert_eq!(
        issue_codes(K, interactive(json!({"buttons": ["Yes", " "]}))),
        vec![p("buttons.1", Required)]
    );
    let issue = one_issue(K, interactive(json!({"buttons": {"2": "No"}})));
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        (
            "buttons.1",
            Required,
            "buttons.1 is required: the first button."
        )
    );
    let issue = one_issue(K, interactive(json!({"buttons": {"1": "Yes", "4": "No"}})));
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        (
            "buttons.4",
            UnknownField,
            "buttons.4 is not a button: the keys are 1, 2 and 3."
        )
    );
    let issue = one_issue(K, interactive(json!({"buttons": "Yes,No"})));
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        (
            "buttons",
            InvalidType,
            "buttons must be an object of \"1\" to \"3\" or an array; got a string."
        )
    );
    assert_eq!(
        codes(&validate_field(
            K,
            "buttons.2",
            &json!("x".repeat(21)),
            &no_options()
        )),
        vec![p("buttons.2", TooLong)]
    );
}

#[test]
fn what_the_interactive_type_needs_is_required_and_the_rest_ignored() {
    let issue = one_issue(K, interactive(json!({"buttons": null})));
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        (
            "buttons",
            Required,
            "buttons is required when interactive_type is button."
        )
    );
    let issue = one_issue(
        K,
        interactive(json!({"interactive_type": "cta_url", "buttons": null})),
    );
    assert_eq!(
        (issue.path.as_str(), issue.message.as_str()),
        (
            "cta_url",
            "cta_url is required when interactive_type is cta_url."
        )
    );
    let issue = one_issue(K, interactive(json!({"interactive_type": "list"})));
    assert_eq!(issue.path, "list_data");
    let v = valid(
        K,
        interactive(
            json!({"interactive_type": "cta_url", "cta_url": {"display_text": "Open", "url": "https://example.com/o/1"}}),
        ),
    );
    assert_eq!(warning_codes(&v.warnings), vec![w("buttons", IgnoredField)]);
    assert_eq!(
        v.warnings[0].message,
        "buttons is ignored when interactive_type is cta_url."
    );
    // An invalid type is its own issue, not also a missing part.
    assert_eq!(
        issue_codes(
            K,
            interactive(json!({"interactive_type": "carousel", "buttons": null}))
        ),
        vec![p("interactive_type", InvalidChoice)]
    );
}

#[test]
fn a_url_button_has_a_short_label_and_an_absolute_url() {
    let payload = interactive(json!({
        "interactive_type": "cta_url", "buttons": null,
        "cta_url": {"display_text": "Track order", "url": "https://example.com/o/1"},
    }));
    assert_eq!(
        body(K, payload)["cta_url"],
        json!({"display_text": "Track order", "url": "https://example.com/o/1"})
    );
    assert_eq!(
        issue_codes(
            K,
            interactive(
                json!({"interactive_type": "cta_url", "buttons": null, "cta_url": {"display_text": "", "url": "example.com", "urll": 1}})
            )
        ),
        vec![
            p("cta_url.display_text", Required),
            p("cta_url.url", InvalidUrl),
            p("cta_url.urll", UnknownField),
        ]
    );
    let e = invalid(
        K,
        interactive(
            json!({"interactive_type": "cta_url", "buttons": null, "cta_url": {"displayText": "Go"}}),
        ),
    );
    assert_eq!(
        codes(&e.issues),
        vec![
            p("cta_url.display_text", Required),
            p("cta_url.url", Required),
            p("cta_url.displayText", UnknownField),
        ]
    );
    assert_eq!(
        e.issues[2].message,
        "cta_url.displayText is not a field of cta_url; did you mean cta_url.display_text?"
    );
    let v = valid(
        K,
        interactive(
            json!({"interactive_type": "cta_url", "buttons": null, "cta_url": {"display_text": "Go", "url": "http://example.com"}}),
        ),
    );
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("cta_url.url", InsecureUrl)]
    );
}

#[test]
fn a_list_is_sent_as_given_with_every_field_required() {
    let payload = interactive(list(&[2, 1]));
    let sent = body(K, payload.clone());
    assert_eq!(sent["list_data"], payload["list_data"]);
    assert_eq!(sent["interactive_type"], "list");
    assert_eq!(sent.get("buttons"), None);
    let e = invalid(
        K,
        interactive(
            json!({"interactive_type": "list", "buttons": null, "list_data": {"sections": [{"rows": [{}]}]}}),
        ),
    );
    assert_eq!(
        codes(&e.issues),
        vec![
            p("list_data.button_text", Required),
            p("list_data.sections.0.id", Required),
            p("list_data.sections.0.title", Required),
            p("list_data.sections.0.rows.0.id", Required),
            p("list_data.sections.0.rows.0.row_id", Required),
            p("list_data.sections.0.rows.0.title", Required),
            p("list_data.sections.0.rows.0.description", Required),
        ]
    );
    assert_eq!(
        e.issues[6].message,
        "list_data.sections.0.rows.0.description is required."
    );
}

#[test]
fn list_limits_are_whatsapps() {
    let mut payload = interactive(list(&[4]));
    payload["list_data"]["button_text"] = json!("x".repeat(21));
    payload["list_data"]["sections"][0]["title"] = json!("x".repeat(25));
    payload["list_data"]["sections"][0]["rows"][3]["title"] = json!("x".repeat(25));
    payload["list_data"]["sections"][0]["rows"][2]["description"] = json!("x".repeat(73));
    assert_eq!(
        issue_codes(K, payload),
        vec![
            p("list_data.button_text", TooLong),
            p("list_data.sections.0.title", TooLong),
            p("list_data.sections.0.rows.2.description", TooLong),
            p("list_data.sections.0.rows.3.title", TooLong),
        ]
    );
    let issue = one_issue(K, interactive(list(&[6, 5])));
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        (
            "list_data.sections",
            TooLong,
            "list_data has 11 rows; WhatsApp allows at most 10 in all sections together."
        )
    );
    valid(K, interactive(list(&[6, 4])));
    assert_eq!(
        issue_codes(K, interactive(list(&[11]))),
        vec![p("list_data.sections.0.rows", OutOfRange)]
    );
    assert_eq!(
        codes(&validate_field(
            K,
            "list_data.sections.0.rows.3.title",
            &json!("x".repeat(25)),
            &no_options()
        )),
        vec![p("list_data.sections.0.rows.3.title", TooLong)]
    );
    assert_eq!(
        codes(&validate_field(
            K,
            "list_data.sections.0.rows.3.colour",
            &json!("red"),
            &no_options()
        )),
        vec![p("list_data.sections.0.rows.3.colour", UnknownField)]
    );
    assert_eq!(
        codes(&validate_field(
            K,
            "list_data.sections.x.title",
            &json!("A"),
            &no_options()
        )),
        vec![p("list_data.sections.x.title", UnknownField)]
    );
}

#[test]
fn the_header_type_needs_its_text_or_media_link() {
    let v = valid(
        K,
        interactive(json!({"header_type": "image", "media_link": "https://example.com/a.jpg"})),
    );
    assert_eq!(v.body["media_link"], "https://example.com/a.jpg");
    let issue = one_issue(K, interactive(json!({"header_type": "text"})));
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        (
            "header_text",
            Required,
            "header_text is required when header_type is text."
        )
    );
    assert_eq!(
        issue_codes(K, interactive(json!({"header_type": "video"}))),
        vec![p("media_link", Required)]
    );
    let v = valid(K, interactive(json!({"header_text": "Hi"})));
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("header_text", IgnoredField)]
    );
    assert_eq!(
        v.warnings[0].message,
        "header_text is ignored when header_type is not given."
    );
    assert_eq!(
        issue_codes(
            K,
            interactive(json!({"header_type": "text", "header_text": "x".repeat(61)}))
        ),
        vec![p("header_text", TooLong)]
    );
    assert_eq!(
        issue_codes(
            K,
            interactive(json!({"body_text": "x".repeat(1025), "footer_text": "y".repeat(61)}))
        ),
        vec![p("body_text", TooLong), p("footer_text", TooLong)]
    );
    assert_eq!(
        issue_codes(K, interactive(json!({"body_text": null}))),
        vec![p("body_text", Required)]
    );
}

#[test]
fn a_contact_cannot_be_created_here_and_the_sender_is_ignored() {
    let issue = one_issue(K, interactive(json!({"contact": {"first_name": "Ada"}})));
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        (
            "contact",
            UnknownField,
            "contact cannot be used with sendInteractiveMessage: the server cannot create a contact from this route. Create the contact first."
        )
    );
    // Neither the given sender nor the client's default is sent.
    let v = valid_with(
        K,
        &interactive(json!({"from_phone_number_id": "100000000000001"})),
        &options_with(None, Some("100000000000002")),
    );
    assert_eq!(v.body.get("from_phone_number_id"), None);
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("from_phone_number_id", IgnoredField)]
    );
    assert_eq!(
        v.warnings[0].message,
        "from_phone_number_id is ignored by sendInteractiveMessage; it is left out."
    );
}
