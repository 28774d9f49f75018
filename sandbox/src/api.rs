//! The API endpoints under `/api/{vendorUid}/`.

use hyper::{HeaderMap, Method};
use serde::Serialize;
use serde_json::Value;

use crate::answers;
use crate::auth;
use crate::clock::now_iso;
use crate::input::{self, percent_decode, Input};
use crate::reply::{self, Reply};
use crate::state::{lock, AppState, FROM_PHONE_NUMBER_IDS, NOT_ALLOWED_RECIPIENT};
use crate::store::{MessageLog, UpdateOutcome};
use crate::templates;
use crate::validation::{text_of, Validator};
use crate::whatsapp;

#[derive(Debug, Clone, PartialEq)]
pub enum Endpoint {
    SendMessage,
    SendMediaMessage,
    SendTemplateMessage,
    CreateContact,
    /// The decoded `{phoneNumber}` path segment.
    UpdateContact(String),
    MessageStatus,
}

impl Endpoint {
    /// The methods the route answers, for the 405's `Allow` header.
    pub fn allowed(&self) -> &'static str {
        match self {
            Endpoint::MessageStatus => "GET, HEAD",
            _ => "POST",
        }
    }

    pub fn accepts(&self, method: &Method) -> bool {
        match self {
            Endpoint::MessageStatus => method == Method::GET || method == Method::HEAD,
            _ => method == Method::POST,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub vendor_uid: String,
    pub endpoint: Endpoint,
}

/// Matches `/api/{vendorUid}/contact/...`; a trailing slash is ignored.
pub fn route(path: &str) -> Option<Route> {
    let rest = path.strip_prefix("/api/")?;
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let segments: Vec<String> = rest.split('/').map(|s| percent_decode(s, false)).collect();
    let (vendor_uid, tail) = segments.split_first()?;
    if vendor_uid.is_empty() {
        return None;
    }
    let tail: Vec<&str> = tail.iter().map(String::as_str).collect();
    let endpoint = match tail.as_slice() {
        ["contact", "send-message"] => Endpoint::SendMessage,
        ["contact", "send-media-message"] => Endpoint::SendMediaMessage,
        ["contact", "send-template-message"] => Endpoint::SendTemplateMessage,
        ["contact", "create"] => Endpoint::CreateContact,
        ["contact", "update", phone] if !phone.is_empty() => {
            Endpoint::UpdateContact(phone.to_string())
        }
        ["contact", "message-status"] => Endpoint::MessageStatus,
        _ => return None,
    };
    Some(Route {
        vendor_uid: vendor_uid.clone(),
        endpoint,
    })
}

pub struct ApiRequest<'a> {
    pub headers: &'a HeaderMap,
    pub query: &'a str,
    pub body: &'a [u8],
}

/// The server's envelope; `data` is an object, or `[]` on many failures.
#[derive(Serialize)]
struct Envelope<'a, T: Serialize> {
    result: &'a str,
    message: &'a str,
    data: T,
}

const NO_DATA: [(); 0] = [];

fn envelope<T: Serialize>(status: u16, result: &str, message: &str, data: T) -> Reply {
    reply::json(
        status,
        &Envelope {
            result,
            message,
            data,
        },
    )
}

#[derive(Serialize)]
struct SendData<'a> {
    log_uid: &'a str,
    contact_uid: &'a str,
    phone_number: &'a str,
    wamid: &'a str,
    status: &'a str,
}

#[derive(Serialize)]
struct CreatedContact<'a> {
    contact_uid: &'a str,
    first_name: Option<&'a str>,
    last_name: Option<&'a str>,
    phone_number: &'a str,
    language_code: Option<&'a str>,
    country: Option<&'a str>,
}

#[derive(Serialize)]
struct ContactUid<'a> {
    contact_uid: &'a str,
}

#[derive(Serialize)]
struct StatusData<'a> {
    status: &'a str,
    created_at: &'a str,
    updated_at: &'a str,
}

pub fn handle(state: &AppState, route: &Route, request: &ApiRequest) -> Reply {
    let settings = state.settings();
    if let Err(answer) = auth::check(&settings, &route.vendor_uid, request.headers, request.query) {
        return reply::fixture(answer);
    }
    let content_type = request
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok());
    let input = input::parse(content_type, request.body, request.query);
    let vendor = route.vendor_uid.as_str();
    match &route.endpoint {
        Endpoint::SendMessage => send(state, vendor, &input, SendKind::Text),
        Endpoint::SendMediaMessage => send(state, vendor, &input, SendKind::Media),
        Endpoint::SendTemplateMessage => send(state, vendor, &input, SendKind::Template),
        Endpoint::CreateContact => create_contact(state, vendor, &input),
        Endpoint::UpdateContact(phone) => update_contact(state, vendor, phone, &input),
        Endpoint::MessageStatus => message_status(state, &input),
    }
}

/// The contact fields' rules, for `contact/create`/`update` (prefix "") and
/// the `contact{}` of the send endpoints (prefix "contact.").
fn contact_rules(v: &mut Validator, prefix: &str) {
    let key = |name: &str| format!("{prefix}{name}");
    v.field(&key("first_name")).max(150);
    v.field(&key("last_name")).max(150);
    v.field(&key("email")).email().max(255);
    v.field(&key("country")).max(255);
    v.field(&key("language_code")).code_chars().max(20);
    v.field(&key("groups")).max(10_000);
    v.field(&key("custom_fields")).object();
}

#[derive(Clone, Copy, PartialEq)]
enum SendKind {
    Text,
    Media,
    Template,
}

fn text(input: &Input, key: &str) -> Option<String> {
    input.get(key).and_then(text_of)
}

fn send(state: &AppState, vendor: &str, input: &Input, kind: SendKind) -> Reply {
    let mut v = Validator::new(input);
    v.field("from_phone_number_id").string();
    v.field("phone_number").required().phone_number();
    match kind {
        SendKind::Text => {
            v.field("message_body").required().max(4096);
        }
        SendKind::Media => {
            v.field("media_type")
                .required()
                .one_of(&["image", "video", "audio", "document"]);
            v.field("media_url").required().url();
            v.field("caption").max(1024);
            v.field("file_name").max(255);
        }
        SendKind::Template => {
            v.field("template_name").required().max(512);
            v.field("template_language").required().max(20);
        }
    }
    v.field("contact").object();
    contact_rules(&mut v, "contact.");
    if let Err(errors) = v.finish() {
        return errors.into_reply();
    }

    let from = match text(input, "from_phone_number_id") {
        None => FROM_PHONE_NUMBER_IDS[0].to_string(),
        Some(id) if FROM_PHONE_NUMBER_IDS.contains(&id.as_str()) => id,
        Some(_) => return reply::fixture("from-number-not-available"),
    };
    let template = if kind == SendKind::Template {
        let name = text(input, "template_name").unwrap_or_default();
        let language = text(input, "template_language").unwrap_or_default();
        match templates::find(&name, &language) {
            Some(t) => Some(t),
            None => return reply::fixture("template-not-found"),
        }
    } else {
        None
    };

    let requested = text(input, "phone_number").unwrap_or_default();
    let resolved = whatsapp::resolve_number(&requested);
    let details = match input.get("contact") {
        Some(Value::Object(details)) => details.clone(),
        _ => Input::new(),
    };
    // The server creates the contact before it asks WhatsApp to deliver, so
    // the contact exists even when WhatsApp then refuses the message.
    let contact = lock(&state.store).contact_for_send(vendor, &requested, &resolved, &details);

    if resolved == NOT_ALLOWED_RECIPIENT {
        return reply::fixture("whatsapp-error-131030");
    }
    if let Some(template) = template {
        if let Err(message) = templates::check_params(template, input) {
            return envelope(400, "failed", &message, NO_DATA);
        }
    }

    let (kind_name, content, message) = match kind {
        SendKind::Text => (
            "text",
            text(input, "message_body").unwrap_or_default(),
            answers::message("send-success"),
        ),
        SendKind::Media => (
            "media",
            format!(
                "{} {}",
                text(input, "media_type").unwrap_or_default(),
                text(input, "media_url").unwrap_or_default()
            ),
            answers::message("send-success"),
        ),
        SendKind::Template => (
            "template",
            template
                .map(|t| format!("{}/{}", t.name, t.language))
                .unwrap_or_default(),
            // The real server's template success messages are swapped.
            answers::message("send-template-success-held"),
        ),
    };
    let now = now_iso();
    let log = MessageLog {
        log_uid: crate::ids::uuid(),
        wamid: crate::ids::wamid(&resolved),
        contact_uid: contact.contact_uid.clone(),
        phone_number: resolved.clone(),
        kind: kind_name,
        content,
        from_phone_number_id: from,
        status: "accepted".into(),
        created_at: now.clone(),
        updated_at: now,
    };
    let reply = envelope(
        200,
        "success",
        &message,
        SendData {
            log_uid: &log.log_uid,
            contact_uid: &log.contact_uid,
            phone_number: &log.phone_number,
            wamid: &log.wamid,
            status: &log.status,
        },
    );
    lock(&state.store).log_message(log);
    reply
}

fn create_contact(state: &AppState, vendor: &str, input: &Input) -> Reply {
    // One lock over check and insert, so two racing creates cannot both pass.
    let mut store = lock(&state.store);
    let mut v = Validator::new(input);
    v.field("phone_number")
        .required()
        .phone_number()
        .unique(|phone| store.contact(vendor, phone).is_some());
    contact_rules(&mut v, "");
    if let Err(errors) = v.finish() {
        return errors.into_reply();
    }
    let phone = text(input, "phone_number").unwrap_or_default();
    let contact = store.create_contact(vendor, &phone, input);
    envelope(
        200,
        "success",
        &answers::message("create-contact-success"),
        CreatedContact {
            contact_uid: &contact.contact_uid,
            first_name: contact.first_name.as_deref(),
            last_name: contact.last_name.as_deref(),
            phone_number: &contact.phone_number,
            language_code: contact.language_code.as_deref(),
            country: contact.country.as_deref(),
        },
    )
}

fn update_contact(state: &AppState, vendor: &str, phone: &str, input: &Input) -> Reply {
    // The path's number is checked with the same rules, reported under
    // `phone_number`.
    let mut checked = input.clone();
    checked.insert("phone_number".into(), Value::String(phone.to_string()));
    let mut v = Validator::new(&checked);
    v.field("phone_number").required().phone_number();
    contact_rules(&mut v, "");
    v.field("whatsapp_opt_out").boolean();
    v.field("enable_ai_bot").boolean();
    if let Err(errors) = v.finish() {
        return errors.into_reply();
    }
    match lock(&state.store).update_contact(vendor, phone, input) {
        UpdateOutcome::Updated(uid) => envelope(
            200,
            "success",
            &answers::message("update-contact-success"),
            ContactUid { contact_uid: &uid },
        ),
        UpdateOutcome::NothingToUpdate(uid) => envelope(
            200,
            "failed",
            &answers::message("update-contact-nothing-to-update"),
            ContactUid { contact_uid: &uid },
        ),
        UpdateOutcome::NotFound => reply::fixture("update-contact-not-found"),
    }
}

fn message_status(state: &AppState, input: &Input) -> Reply {
    let mut v = Validator::new(input);
    v.field("log_uid").required_without("wamid").string();
    v.field("wamid").required_without("log_uid").string();
    if let Err(errors) = v.finish() {
        return errors.into_reply();
    }
    let log_uid = text(input, "log_uid");
    let wamid = text(input, "wamid");
    let mut store = lock(&state.store);
    match store.message_mut(log_uid.as_deref(), wamid.as_deref()) {
        Some(m) => envelope(
            200,
            "success",
            "Message status",
            StatusData {
                status: &m.status,
                created_at: &m.created_at,
                updated_at: &m.updated_at,
            },
        ),
        None => envelope(200, "failed", "Message log not found.", NO_DATA),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes() {
        let r = route("/api/v1/contact/send-message").unwrap();
        assert_eq!(r.vendor_uid, "v1");
        assert_eq!(r.endpoint, Endpoint::SendMessage);
        assert_eq!(
            route("/api/v/contact/update/%2B919876543210/")
                .unwrap()
                .endpoint,
            Endpoint::UpdateContact("+919876543210".into())
        );
        assert!(route("/api/v/contact/update/").is_none());
        assert!(route("/api//contact/create").is_none());
        assert!(route("/api/v/contact/nope").is_none());
        assert!(route("/api/v/contact/create/extra").is_none());
    }
}
