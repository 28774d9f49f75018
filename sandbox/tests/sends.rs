//! send-interactive-message and send-carousel-template-message: answered
//! like the other sends, with the server's and WhatsApp's own checks.

mod common;

use common::*;
use serde_json::{json, Value};

const BUTTONS: &str = r#"{"phone_number":"918000000002","interactive_type":"button",
    "header_type":"text","header_text":"Hi","body_text":"Pick one","footer_text":"ACME",
    "buttons":{"1":"Yes","2":"No"}}"#;

fn with(base: &str, patch: Value) -> String {
    let mut body: Value = serde_json::from_str(base).unwrap();
    for (key, value) in patch.as_object().unwrap() {
        body[key] = value.clone();
    }
    body.to_string()
}

fn card(media_type: &str, url: &str) -> Value {
    json!({"media_type": media_type, "media_url": url,
           "body_example_fields": {"1": "{first_name}"},
           "button_type": {"0": "QUICK_REPLY"}, "quick_reply_button_payload": "more"})
}

fn carousel(cards: Vec<Value>) -> String {
    json!({"phone_number": "918000000002", "template_name": "product_carousel",
           "template_language": "en", "field_1": "Ravi", "carousel_templates": cards})
    .to_string()
}

#[test]
fn interactive_buttons_are_sent_like_the_other_sends() {
    let sb = Sandbox::start();
    let r = sb.api("contact/send-interactive-message", BUTTONS);
    assert_eq!(r.status, 200);
    let body = r.json();
    assert_eq!(body["message"], "Message processed");
    let data = &body["data"];
    assert_eq!(
        field_names(data),
        ["contact_uid", "log_uid", "phone_number", "status", "wamid"]
    );
    assert_eq!(data["contact_uid"], "c1000000-0000-4000-8000-000000000002");
    assert_eq!(data["phone_number"], "918000000002");
    assert_eq!(data["status"], "accepted");
    let logged = &sb.get_json("/__sandbox/messages")[0];
    assert_eq!(logged["type"], "interactive");
    assert_eq!(logged["content"], "Pick one");
    // Its status is read like any other.
    let status = sb.api_get(&format!(
        "contact/message-status?log_uid={}",
        data["log_uid"].as_str().unwrap()
    ));
    assert_eq!(status.json()["data"]["status"], "accepted");
}

#[test]
fn interactive_cta_url_and_list_succeed_and_ignore_the_sender() {
    let sb = Sandbox::start();
    let cta = json!({"phone_number": "918000000001", "interactive_type": "cta_url",
                     "body_text": "See the offer", "from_phone_number_id": "999",
                     "cta_url": {"display_text": "Open", "url": "https://example.com/o"}});
    let r = sb.api("contact/send-interactive-message", &cta.to_string());
    assert_eq!(r.json()["result"], "success", "{}", r.text());
    let list = json!({"phone_number": "918000000001", "interactive_type": "list",
                      "body_text": "Choose", "list_data": {"button_text": "Menu", "sections": [
                          {"id": "s1", "title": "Shirts", "rows": [
                              {"id": "r1", "row_id": "r1", "title": "Blue", "description": "Cotton"}]}]}});
    let r = sb.api("contact/send-interactive-message", &list.to_string());
    assert_eq!(r.json()["result"], "success", "{}", r.text());
}

#[test]
fn interactive_failures_are_the_servers() {
    let sb = Sandbox::start();
    let same = with(BUTTONS, json!({"buttons": {"1": "Yes", "2": "Yes"}}));
    assert_eq!(
        sb.api("contact/send-interactive-message", &same).json(),
        fixture_body("interactive-buttons-not-unique")
    );
    // The route cannot create a contact.
    let with_contact = with(BUTTONS, json!({"contact": {"first_name": "Ravi"}}));
    assert_eq!(
        sb.api("contact/send-interactive-message", &with_contact)
            .json(),
        json!({"result": "failed", "message": "Failed to send message", "data": []})
    );
    let r = sb.api(
        "contact/send-interactive-message",
        r#"{"phone_number":"918000000002","header_type":"text","buttons":{"2":"No"}}"#,
    );
    assert_eq!(r.status, 422);
    assert_eq!(
        r.json()["errors"],
        json!({"body_text": ["The body text field is required."],
               "header_text": ["The header text field is required when header type is text."],
               "buttons.1": ["The buttons.1 field is required."]})
    );
    let long = with(BUTTONS, json!({"buttons": {"1": "A label of 21 letters"}}));
    let r = sb.api("contact/send-interactive-message", &long);
    assert_eq!(
        r.json()["errors"],
        json!({"buttons.1": ["The buttons.1 field must not be greater than 20 characters."]})
    );
    let r = sb.api(
        "contact/send-interactive-message",
        &with(BUTTONS, json!({"header_type": "image"})),
    );
    assert_eq!(
        r.json()["errors"],
        json!({"media_link": ["The media link field is required when header type is image."]})
    );
}

#[test]
fn interactive_whatsapp_limits_are_its_131009() {
    let sb = Sandbox::start();
    let rows: Vec<Value> = (0..11)
        .map(|i| json!({"id": i, "row_id": i, "title": "t", "description": "d"}))
        .collect();
    let list = json!({"phone_number": "918000000001", "interactive_type": "list",
                      "body_text": "Choose", "list_data": {"button_text": "Menu",
                      "sections": [{"id": "s", "title": "S", "rows": rows}]}});
    let r = sb.api("contact/send-interactive-message", &list.to_string());
    assert_eq!(r.status, 400);
    assert_eq!(
        r.json(),
        json!({"result": "failed",
               "message": " (#131009) Parameter value is not valid action: a list has at most 10 rows",
               "data": []})
    );
    let footer = with(BUTTONS, json!({"footer_text": "f".repeat(61)}));
    let r = sb.api("contact/send-interactive-message", &footer);
    assert_eq!(
        r.json()["message"],
        " (#131009) Parameter value is not valid footer: text is longer than 60 characters"
    );
}

#[test]
fn carousel_is_answered_like_a_template_send() {
    let sb = Sandbox::start();
    let cards = vec![
        card("image", "https://example.com/1.jpg"),
        card("video", "https://example.com/2.mp4"),
    ];
    let r = sb.api("contact/send-carousel-template-message", &carousel(cards));
    assert_eq!(r.status, 200, "{}", r.text());
    let body = r.json();
    assert_eq!(
        body["message"],
        "Message held for quality assessment, it may sent or dropped at this point."
    );
    assert_eq!(body["data"]["phone_number"], "918000000002");
    let logged = &sb.get_json("/__sandbox/messages")[0];
    assert_eq!(
        (&logged["type"], &logged["content"]),
        (&json!("carousel"), &json!("product_carousel/en"))
    );
}

#[test]
fn carousel_failures() {
    let sb = Sandbox::start();
    let one = carousel(vec![card("image", "https://example.com/1.jpg")]);
    let r = sb.api("contact/send-carousel-template-message", &one);
    assert_eq!(r.status, 422);
    assert_eq!(
        r.json(),
        json!({"message": "The carousel templates field must have at least 2 items.",
               "errors": {"carousel_templates": ["The carousel templates field must have at least 2 items."]}})
    );
    let bad = carousel(vec![
        card("image", "https://example.com/1.jpg"),
        card("document", "https://example.com/2.pdf"),
    ]);
    assert_eq!(
        sb.api("contact/send-carousel-template-message", &bad)
            .json(),
        fixture_body("carousel-invalid-media")
    );
    let no_url = carousel(vec![
        card("image", "https://example.com/1.jpg"),
        card("image", "nope"),
    ]);
    assert_eq!(
        sb.api("contact/send-carousel-template-message", &no_url)
            .json(),
        json!({"result": "failed", "message": "Invalid media.", "data": []})
    );
    let eleven = carousel(vec![card("image", "https://example.com/1.jpg"); 11]);
    let r = sb.api("contact/send-carousel-template-message", &eleven);
    assert_eq!(r.status, 400);
    assert_eq!(
        r.json()["message"],
        " (#131009) Parameter value is not valid carousel: a carousel has at most 10 cards"
    );
    let mut unknown: Value = serde_json::from_str(&carousel(vec![
        card("image", "https://example.com/1.jpg"),
        card("image", "https://example.com/2.jpg"),
    ]))
    .unwrap();
    unknown["template_name"] = json!("no_such_template");
    assert_eq!(
        sb.api(
            "contact/send-carousel-template-message",
            &unknown.to_string()
        )
        .json(),
        fixture_body("template-not-found")
    );
}
