//! The API endpoints under `/api/{vendorUid}/`.

use hyper::{HeaderMap, Method};
use serde::Serialize;
use serde_json::Value;

use crate::answers;
use crate::assign::{self, Tags};
use crate::auth;
use crate::campaigns;
use crate::clock::{iso, Millis};
use crate::input::{self, percent_decode, Input};
use crate::interactive;
use crate::reads;
use crate::reply::{self, Reply};
use crate::state::{lock, AppState, FROM_PHONE_NUMBER_IDS, NOT_ALLOWED_RECIPIENT};
use crate::store::{MessageLog, Store, UpdateOutcome};
use crate::templates;
use crate::validation::{text_of, Validator};
use crate::whatsapp;
use whatsjet::call;
use whatsjet::routes::ROUTES;
use whatsjet::Kind;

/// A request's route: a row of the client's route table and the decoded
/// path parameter of the routes that have one.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub vendor_uid: String,
    pub kind: Kind,
    /// `{phoneNumber}` of contact/update, `{campaignUid}` of campaign-status.
    pub param: Option<String>,
}

impl Route {
    fn is_get(&self) -> bool {
        self.kind.route().method == call::Method::Get
    }

    /// The methods the route answers, for the 405's `Allow` header.
    pub fn allowed(&self) -> &'static str {
        if self.is_get() {
            "GET, HEAD"
        } else {
            "POST"
        }
    }

    pub fn accepts(&self, method: &Method) -> bool {
        if self.is_get() {
            method == Method::GET || method == Method::HEAD
        } else {
            method == Method::POST
        }
    }

    /// Sends and message-status check the plan and the WhatsApp setup; the
    /// other routes do not.
    fn checks_plan(&self) -> bool {
        matches!(
            self.kind,
            Kind::SendMessage
                | Kind::SendMediaMessage
                | Kind::SendTemplateMessage
                | Kind::SendInteractiveMessage
                | Kind::SendCarouselTemplateMessage
                | Kind::GetMessageStatus
        )
    }
}

/// Matches `/api/{vendorUid}/...` against the client's route table; a
/// trailing slash is ignored.
pub fn route(path: &str) -> Option<Route> {
    let rest = path.strip_prefix("/api/")?;
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let (vendor, tail) = rest.split_once('/')?;
    let vendor_uid = percent_decode(vendor, false);
    if vendor_uid.is_empty() {
        return None;
    }
    ROUTES.iter().find_map(|row| {
        let param = if row.path_field.is_some() {
            // One non-empty segment after the route's path.
            let segment = tail.strip_prefix(row.path)?;
            if segment.is_empty() || segment.contains('/') {
                return None;
            }
            Some(percent_decode(segment, false))
        } else if tail == row.path {
            None
        } else {
            return None;
        };
        Some(Route {
            vendor_uid: vendor_uid.clone(),
            kind: row.kind,
            param,
        })
    })
}

pub struct ApiRequest<'a> {
    /// The URL path as sent, for the paginator's links.
    pub path: &'a str,
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

pub const NO_DATA: [(); 0] = [];

pub fn envelope<T: Serialize>(status: u16, result: &str, message: &str, data: T) -> Reply {
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
pub struct SendData<'a> {
    pub log_uid: &'a str,
    pub contact_uid: &'a str,
    pub phone_number: &'a str,
    pub wamid: &'a str,
    pub status: &'a str,
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
    if let Err(answer) = auth::check(
        &settings,
        &route.vendor_uid,
        request.headers,
        request.query,
        route.checks_plan(),
    ) {
        return reply::fixture(answer);
    }
    let content_type = request
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok());
    let input = input::parse(content_type, request.body, request.query);
    let vendor = route.vendor_uid.as_str();
    let now = lock(&state.clock).now();
    let host = request
        .headers
        .get("host")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("127.0.0.1");
    let url = format!("http://{host}{}", request.path.trim_end_matches('/'));
    let mut guard = lock(&state.store);
    let store = &mut *guard;
    let param = route.param.as_deref().unwrap_or_default();
    // Webhook events of this request, queued once the store is let go.
    let mut events = Vec::new();
    let answer = match route.kind {
        Kind::SendMessage => send(store, vendor, &input, SendKind::Text, now),
        Kind::SendMediaMessage => send(store, vendor, &input, SendKind::Media, now),
        Kind::SendTemplateMessage => send(store, vendor, &input, SendKind::Template, now),
        Kind::CreateContact => create_contact(store, vendor, &input, now, &mut events),
        Kind::UpdateContact => update_contact(store, vendor, param, &input, now, &mut events),
        Kind::GetMessageStatus => message_status(store, &input, now),
        Kind::ListTemplates => reads::templates(&input, &url),
        Kind::ListContacts => reads::contacts(store.vendor(vendor), &input, &url),
        Kind::GetContact => reads::contact(store.vendor(vendor), &input),
        Kind::ListGroups => reads::groups(store.vendor(vendor), &input, &url),
        Kind::ListLabels => reads::labels(store.vendor(vendor), &input, &url),
        Kind::AssignGroups => assign::tags(store.vendor(vendor), &input, Tags::Groups, true, now),
        Kind::UnassignGroups => {
            assign::tags(store.vendor(vendor), &input, Tags::Groups, false, now)
        }
        Kind::AssignLabels => assign::tags(store.vendor(vendor), &input, Tags::Labels, true, now),
        Kind::UnassignLabels => {
            assign::tags(store.vendor(vendor), &input, Tags::Labels, false, now)
        }
        Kind::AssignTeamMember => assign::team_member(store.vendor(vendor), &input, now),
        Kind::SendInteractiveMessage => send(store, vendor, &input, SendKind::Interactive, now),
        Kind::SendCarouselTemplateMessage => send(store, vendor, &input, SendKind::Carousel, now),
        Kind::ScheduleCampaign => campaigns::schedule(store, vendor, &input, now),
        Kind::ListCampaigns => campaigns::list(store.vendor(vendor), &input, &url),
        Kind::GetCampaignStatus => campaigns::status(store.vendor(vendor), param, now),
    };
    drop(guard);
    for event in events {
        crate::webhook::queue(state, event);
    }
    answer
}

/// The contact fields' rules, for `contact/create`/`update` (prefix "") and
/// the `contact{}` of the send endpoints (prefix "contact.").
pub fn contact_rules(v: &mut Validator, prefix: &str) {
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
    Interactive,
    Carousel,
}

pub fn text(input: &Input, key: &str) -> Option<String> {
    input.get(key).and_then(text_of)
}

fn send(store: &mut Store, vendor: &str, input: &Input, kind: SendKind, now: Millis) -> Reply {
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
        SendKind::Interactive => interactive::rules(&mut v, input),
        SendKind::Carousel => {
            v.field("template_name").required().max(512);
            v.field("template_language").required().max(20);
            interactive::carousel_rules(&mut v, input);
        }
    }
    v.field("contact").object();
    contact_rules(&mut v, "contact.");
    if let Err(errors) = v.finish() {
        return errors.into_reply();
    }

    let from = match text(input, "from_phone_number_id") {
        // The interactive route ignores the field.
        _ if kind == SendKind::Interactive => FROM_PHONE_NUMBER_IDS[0].to_string(),
        None => FROM_PHONE_NUMBER_IDS[0].to_string(),
        Some(id) if FROM_PHONE_NUMBER_IDS.contains(&id.as_str()) => id,
        Some(_) => return reply::fixture("from-number-not-available"),
    };
    if kind == SendKind::Interactive {
        if let Some(reply) = interactive::check(input) {
            return reply;
        }
    }
    let template = if matches!(kind, SendKind::Template | SendKind::Carousel) {
        let name = text(input, "template_name").unwrap_or_default();
        let language = text(input, "template_language").unwrap_or_default();
        match templates::find(&name, &language) {
            Some(t) => Some(t),
            None => return reply::fixture("template-not-found"),
        }
    } else {
        None
    };
    if kind == SendKind::Carousel {
        if let Some(reply) = interactive::carousel_check(input) {
            return reply;
        }
    }

    let requested = text(input, "phone_number").unwrap_or_default();
    let resolved = whatsapp::resolve_number(&requested);
    let details = match input.get("contact") {
        Some(Value::Object(details)) => details.clone(),
        _ => Input::new(),
    };
    // The server creates the contact before it asks WhatsApp to deliver, so
    // the contact exists even when WhatsApp then refuses the message.
    let contact = store.contact_for_send(vendor, &requested, &resolved, &details, now);

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
        SendKind::Template | SendKind::Carousel => (
            if kind == SendKind::Template {
                "template"
            } else {
                "carousel"
            },
            template
                .map(|t| format!("{}/{}", t.name, t.language))
                .unwrap_or_default(),
            // The real server's template success messages are swapped.
            answers::message("send-template-success-held"),
        ),
        SendKind::Interactive => (
            "interactive",
            text(input, "body_text").unwrap_or_default(),
            answers::message("send-success"),
        ),
    };
    log_send(
        store,
        &contact.contact_uid,
        &resolved,
        kind_name,
        content,
        from,
        &message,
        now,
    )
}

/// Logs an accepted send and answers with its success envelope.
#[allow(clippy::too_many_arguments)]
pub fn log_send(
    store: &mut Store,
    contact_uid: &str,
    phone_number: &str,
    kind: &'static str,
    content: String,
    from_phone_number_id: String,
    message: &str,
    now: Millis,
) -> Reply {
    let log = MessageLog {
        log_uid: crate::ids::uuid(),
        wamid: crate::ids::wamid(phone_number),
        contact_uid: contact_uid.to_string(),
        phone_number: phone_number.to_string(),
        kind,
        content,
        from_phone_number_id,
        status: "accepted".into(),
        status_held: false,
        announced: "accepted",
        created_ms: now,
        created_at: iso(now),
        updated_at: iso(now),
    };
    let reply = envelope(
        200,
        "success",
        message,
        SendData {
            log_uid: &log.log_uid,
            contact_uid: &log.contact_uid,
            phone_number: &log.phone_number,
            wamid: &log.wamid,
            status: &log.status,
        },
    );
    store.log_message(log);
    reply
}

fn create_contact(
    store: &mut Store,
    vendor: &str,
    input: &Input,
    now: Millis,
    events: &mut Vec<Value>,
) -> Reply {
    // One lock (the caller's) over check and insert, so two racing creates
    // cannot both pass.
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
    let contact = store.create_contact(vendor, &phone, input, now);
    events.push(crate::webhook::contact_event(&contact, "new"));
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

fn update_contact(
    store: &mut Store,
    vendor: &str,
    phone: &str,
    input: &Input,
    now: Millis,
    events: &mut Vec<Value>,
) -> Reply {
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
    match store.update_contact(vendor, phone, input, now) {
        UpdateOutcome::Updated(uid) => {
            if let Some(contact) = store.contact(vendor, phone) {
                events.push(crate::webhook::contact_event(contact, "updated"));
            }
            envelope(
                200,
                "success",
                &answers::message("update-contact-success"),
                ContactUid { contact_uid: &uid },
            )
        }
        UpdateOutcome::NothingToUpdate(uid) => envelope(
            200,
            "failed",
            &answers::message("update-contact-nothing-to-update"),
            ContactUid { contact_uid: &uid },
        ),
        UpdateOutcome::NotFound => reply::fixture("update-contact-not-found"),
    }
}

/// By `log_uid`, else by `wamid`; the status moves on with the clock.
fn message_status(store: &mut Store, input: &Input, now: Millis) -> Reply {
    let log_uid = text(input, "log_uid");
    let wamid = text(input, "wamid");
    if log_uid.is_none() && wamid.is_none() {
        return reply::fixture("message-status-required");
    }
    // log_uid wins: a wamid beside an unknown log_uid is not looked at.
    let found = match &log_uid {
        Some(uid) => store.message_mut(Some(uid), None, now),
        None => store.message_mut(None, wamid.as_deref(), now),
    };
    match found {
        Some(m) => envelope(
            200,
            "success",
            &answers::message("message-status-success"),
            StatusData {
                status: &m.status,
                created_at: &m.created_at,
                updated_at: &m.updated_at,
            },
        ),
        None => reply::fixture("message-status-not-found"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes() {
        let r = route("/api/v1/contact/send-message").unwrap();
        assert_eq!(r.vendor_uid, "v1");
        assert_eq!(r.kind, Kind::SendMessage);
        let r = route("/api/v/contact/update/%2B919876543210/").unwrap();
        assert_eq!(
            (r.kind, r.param.as_deref()),
            (Kind::UpdateContact, Some("+919876543210"))
        );
        let r = route("/api/v/campaign-status/abc").unwrap();
        assert_eq!(
            (r.kind, r.param.as_deref()),
            (Kind::GetCampaignStatus, Some("abc"))
        );
        assert_eq!(route("/api/v/contacts").unwrap().kind, Kind::ListContacts);
        assert_eq!(route("/api/v/contact").unwrap().kind, Kind::GetContact);
        assert_eq!(route("/api/v/campaign").unwrap().kind, Kind::ListCampaigns);
        assert!(route("/api/v/contact/update/").is_none());
        assert!(route("/api/v/campaign-status/a/b").is_none());
        assert!(route("/api//contact/create").is_none());
        assert!(route("/api/v/contact/nope").is_none());
        assert!(route("/api/v/contact/create/extra").is_none());
    }
}
