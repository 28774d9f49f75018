//! What the server and WhatsApp check in interactive (buttons, link, list)
//! and carousel sends, beyond what every send checks.

use serde_json::Value;

use crate::api::{envelope, text, NO_DATA};
use crate::input::Input;
use crate::reply::{self, Reply};
use crate::templates::whatsapp_error;
use crate::validation::{is_url, text_of, Validator};

const MEDIA_HEADERS: &[&str] = &["image", "video", "document"];

fn interactive_type(input: &Input) -> String {
    text(input, "interactive_type").unwrap_or_else(|| "button".into())
}

fn required_when(v: &mut Validator, key: &str, other: &str, value: &str) {
    let message = format!(
        "The {} field is required when {} is {value}.",
        crate::validation::attribute(key),
        crate::validation::attribute(other)
    );
    v.errors.add(key, message);
}

/// The 422 rules of send-interactive-message.
pub fn rules(v: &mut Validator, input: &Input) {
    v.field("interactive_type")
        .one_of(&["button", "cta_url", "list"]);
    v.field("body_text").required().string();
    v.field("footer_text").string();
    v.field("header_type")
        .one_of(&["text", "image", "video", "document"]);
    let header_type = text(input, "header_type");
    match header_type.as_deref() {
        Some("text") if text(input, "header_text").is_none() => {
            required_when(v, "header_text", "header_type", "text");
        }
        Some(media) if MEDIA_HEADERS.contains(&media) => {
            if text(input, "media_link").is_none() {
                required_when(v, "media_link", "header_type", media);
            } else {
                v.field("media_link").url();
            }
        }
        _ => {}
    }
    match interactive_type(input).as_str() {
        "button" => {
            v.field("buttons").required().object();
            if input.get("buttons").is_some_and(Value::is_object) {
                v.field("buttons.1").required().max(20);
                v.field("buttons.2").max(20);
                v.field("buttons.3").max(20);
            }
        }
        "cta_url" => {
            v.field("cta_url").required().object();
            if input.get("cta_url").is_some_and(Value::is_object) {
                v.field("cta_url.display_text").required().max(20);
                v.field("cta_url.url").required().url();
            }
        }
        "list" => {
            v.field("list_data").required().object();
            if input.get("list_data").is_some_and(Value::is_object) {
                v.field("list_data.button_text").required().string();
                v.field("list_data.sections").required();
            }
        }
        _ => {}
    }
}

fn invalid(detail: &str) -> Reply {
    envelope(
        400,
        "failed",
        &whatsapp_error(131009, "Parameter value is not valid", detail),
        NO_DATA,
    )
}

fn longer_than(input: &Input, key: &str, max: usize) -> bool {
    text(input, key).is_some_and(|t| t.chars().count() > max)
}

/// The server's and WhatsApp's checks once the rules pass.
/// A refusal, or None when the send may go on.
pub fn check(input: &Input) -> Option<Reply> {
    // The server cannot create a contact from this route.
    if input.get("contact").is_some_and(|c| !c.is_null()) {
        return Some(reply::fixture("interactive-failed-to-send"));
    }
    if interactive_type(input) == "button" {
        let labels: Vec<String> = ["1", "2", "3"]
            .iter()
            .filter_map(|k| input.get("buttons")?.get(*k).and_then(text_of))
            .collect();
        let mut unique = labels.clone();
        unique.sort();
        unique.dedup();
        if unique.len() != labels.len() {
            return Some(reply::fixture("interactive-buttons-not-unique"));
        }
    }
    if longer_than(input, "body_text", 1024) {
        return Some(invalid("body: text is longer than 1024 characters"));
    }
    if longer_than(input, "footer_text", 60) {
        return Some(invalid("footer: text is longer than 60 characters"));
    }
    if longer_than(input, "header_text", 60) {
        return Some(invalid("header: text is longer than 60 characters"));
    }
    if interactive_type(input) == "list" {
        return check_list(input.get("list_data"));
    }
    None
}

/// WhatsApp's limits on a list message.
fn check_list(list: Option<&Value>) -> Option<Reply> {
    let long = |v: Option<&Value>, max: usize| {
        v.and_then(text_of).is_some_and(|t| t.chars().count() > max)
    };
    let list = list?;
    if long(list.get("button_text"), 20) {
        return Some(invalid("action: button text is longer than 20 characters"));
    }
    let sections = list
        .get("sections")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut rows = 0;
    for section in &sections {
        if long(section.get("title"), 24) {
            return Some(invalid(
                "action: section title is longer than 24 characters",
            ));
        }
        for row in section
            .get("rows")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            rows += 1;
            if long(row.get("title"), 24) {
                return Some(invalid("action: row title is longer than 24 characters"));
            }
            if long(row.get("description"), 72) {
                return Some(invalid(
                    "action: row description is longer than 72 characters",
                ));
            }
        }
    }
    if rows > 10 {
        return Some(invalid("action: a list has at most 10 rows"));
    }
    None
}

/// The 422 rules of send-carousel-template-message's cards.
pub fn carousel_rules(v: &mut Validator, input: &Input) {
    v.field("carousel_templates").required().list();
    if let Some(Value::Array(cards)) = input.get("carousel_templates") {
        if cards.len() < 2 {
            v.errors.add(
                "carousel_templates",
                "The carousel templates field must have at least 2 items.".into(),
            );
        }
    }
}

/// Every card needs an image or video by URL; WhatsApp takes at most 10.
pub fn carousel_check(input: &Input) -> Option<Reply> {
    let cards = input
        .get("carousel_templates")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for card in &cards {
        let media_type = card.get("media_type").and_then(text_of);
        let url = card.get("media_url").and_then(text_of);
        let media_ok = matches!(media_type.as_deref(), Some("image" | "video"));
        if !media_ok || !url.is_some_and(|u| is_url(&u)) {
            return Some(reply::fixture("carousel-invalid-media"));
        }
    }
    if cards.len() > 10 {
        return Some(invalid("carousel: a carousel has at most 10 cards"));
    }
    None
}
