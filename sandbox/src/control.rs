//! `/__sandbox/...`: routes for tests and the demo page to inspect and steer
//! the sandbox. Never rate-limited, never recorded.

use hyper::Method;
use serde::Deserialize;
use serde_json::json;

use crate::faults::FaultSpec;
use crate::input::parse_form;
use crate::reply::{self, Reply};
use crate::seed;
use crate::state::{
    lock, AppState, FROM_PHONE_NUMBER_IDS, INACTIVE_VENDOR, NOT_ALLOWED_RECIPIENT,
    NO_API_PLAN_TOKEN, SETUP_INCOMPLETE_VENDOR,
};
use crate::templates::TEMPLATES;
use crate::validation::text_of;
use crate::webhook::{self, Incoming};

const ROUTES: &[(&str, &str, &str)] = &[
    (
        "GET",
        "/__sandbox/info",
        "vendor uid, token, base URL, phone number ids, templates, special values",
    ),
    (
        "GET",
        "/__sandbox/requests?since=SEQ",
        "API requests received, oldest first",
    ),
    ("DELETE", "/__sandbox/requests", "forget recorded requests"),
    (
        "POST",
        "/__sandbox/reset",
        "clear requests, contacts, messages, faults, rate-limit counters; restore settings",
    ),
    ("GET", "/__sandbox/config", "current settings"),
    (
        "POST",
        "/__sandbox/config",
        "change settings: {rate_limit, rate_limit_window_secs, vendor_uid, token, webhook_url}",
    ),
    (
        "POST",
        "/__sandbox/incoming",
        "a contact writes: {phone_number, body | button, replied_to?, vendor_uid?}, posted as a webhook",
    ),
    ("GET", "/__sandbox/webhooks", "webhook posts made, oldest first"),
    ("GET", "/__sandbox/faults", "pending faults"),
    ("POST", "/__sandbox/faults", "queue a fault"),
    ("DELETE", "/__sandbox/faults", "drop pending faults"),
    (
        "GET",
        "/__sandbox/contacts?seeded=1",
        "contacts made by API requests (with seeded=1: the seeded ones too)",
    ),
    ("GET", "/__sandbox/messages", "message logs"),
    (
        "POST",
        "/__sandbox/message-status",
        "set and hold a message's status: {log_uid|wamid, status}",
    ),
    (
        "POST",
        "/__sandbox/contacts",
        "add generated contacts to a vendor: {count, vendor_uid?}",
    ),
    (
        "POST",
        "/__sandbox/test-contact",
        "set or clear a vendor's campaign test contact: {phone_number|null, vendor_uid?}",
    ),
    ("GET", "/__sandbox/clock", "the sandbox's time"),
    (
        "POST",
        "/__sandbox/clock",
        "pause, resume or advance the sandbox's time: {paused?, advance_secs?}",
    ),
];

/// A control request that cannot be carried out: `{"error": ...}`.
struct Refusal {
    status: u16,
    message: String,
}

fn error(status: u16, message: impl Into<String>) -> Refusal {
    Refusal {
        status,
        message: message.into(),
    }
}

impl Refusal {
    fn into_reply(self) -> Reply {
        reply::json(self.status, &json!({ "error": self.message }))
    }
}

fn ok(value: serde_json::Value) -> Reply {
    reply::json(200, &value)
}

/// Parses a JSON body, treating an empty one as `{}`.
fn body<'a, T: Deserialize<'a>>(raw: &'a [u8]) -> Result<T, Refusal> {
    let raw: &[u8] = if raw.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        raw
    };
    serde_json::from_slice(raw).map_err(|e| error(400, format!("bad JSON body: {e}")))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigPatch {
    rate_limit: Option<u32>,
    rate_limit_window_secs: Option<u64>,
    vendor_uid: Option<String>,
    token: Option<String>,
    /// `""` turns the webhook off.
    webhook_url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IncomingMessage {
    phone_number: String,
    body: Option<String>,
    button: Option<String>,
    replied_to: Option<String>,
    vendor_uid: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClockChange {
    paused: Option<bool>,
    advance_secs: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewContacts {
    count: u32,
    vendor_uid: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TestContact {
    phone_number: Option<String>,
    vendor_uid: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusChange {
    log_uid: Option<String>,
    wamid: Option<String>,
    status: String,
}

pub fn handle(
    state: &AppState,
    method: &Method,
    path: &str,
    query: &str,
    raw: &[u8],
    host: &str,
) -> Reply {
    let route = path.trim_end_matches('/');
    let result = match (method.as_str(), route) {
        ("GET", "/__sandbox") | ("GET", "/__sandbox/info") => Ok(info(state, host)),
        ("GET", "/__sandbox/requests") => {
            let since = parse_form(query)
                .get("since")
                .and_then(text_of)
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            Ok(reply::json(200, &lock(&state.recorder).since(since)))
        }
        ("DELETE", "/__sandbox/requests") => {
            lock(&state.recorder).clear();
            Ok(ok(json!({ "result": "ok" })))
        }
        ("POST", "/__sandbox/reset") => {
            state.reset();
            Ok(ok(json!({ "result": "ok", "config": state.settings() })))
        }
        ("GET", "/__sandbox/config") => Ok(ok(json!(state.settings()))),
        ("POST", "/__sandbox/config") => config(state, raw),
        ("GET", "/__sandbox/faults") => Ok(reply::json(200, lock(&state.faults).pending())),
        ("POST", "/__sandbox/faults") => add_fault(state, raw),
        ("DELETE", "/__sandbox/faults") => {
            lock(&state.faults).clear();
            Ok(ok(json!({ "result": "ok" })))
        }
        ("GET", "/__sandbox/contacts") => {
            // What the tests' own requests made; the seeds only on request.
            let seeded = parse_form(query).get("seeded").and_then(text_of);
            let with_seeds = seeded.as_deref() == Some("1");
            let store = lock(&state.store);
            let contacts: Vec<_> = store
                .contacts()
                .into_iter()
                .filter(|(_, c)| with_seeds || !c.seeded)
                .map(|(vendor, c)| {
                    let mut contact = json!(c);
                    // The switch under the name contact/update gives it.
                    contact["enable_ai_bot"] = json!(!c.disable_ai_bot);
                    json!({ "vendor_uid": vendor, "contact": contact })
                })
                .collect();
            Ok(ok(json!(contacts)))
        }
        ("POST", "/__sandbox/contacts") => add_contacts(state, raw),
        ("POST", "/__sandbox/test-contact") => set_test_contact(state, raw),
        ("GET", "/__sandbox/messages") => {
            let now = lock(&state.clock).now();
            Ok(reply::json(200, lock(&state.store).messages(now)))
        }
        ("GET", "/__sandbox/clock") => Ok(clock_reply(state)),
        ("POST", "/__sandbox/clock") => change_clock(state, raw),
        ("POST", "/__sandbox/message-status") => set_status(state, raw),
        ("POST", "/__sandbox/incoming") => incoming(state, raw),
        ("GET", "/__sandbox/webhooks") => Ok(reply::json(200, lock(&state.outbox).delivered())),
        (_, r)
            if ROUTES
                .iter()
                .any(|(_, p, _)| p.split('?').next() == Some(r))
                || r == "/__sandbox" =>
        {
            Err(error(405, format!("{method} is not supported here")))
        }
        _ => Err(error(
            404,
            "unknown sandbox route; GET /__sandbox/info lists them",
        )),
    };
    result.unwrap_or_else(Refusal::into_reply)
}

fn info(state: &AppState, host: &str) -> Reply {
    let settings = state.settings();
    let routes: Vec<_> = ROUTES
        .iter()
        .map(|(m, p, what)| json!({ "method": m, "path": p, "does": what }))
        .collect();
    let templates: Vec<_> = TEMPLATES
        .iter()
        .map(|t| {
            json!({
                "name": t.name,
                "language": t.language,
                "header": t.header,
                "required_params": t.required_params(),
            })
        })
        .collect();
    ok(json!({
        "base_url": format!("http://{host}/api"),
        "vendor_uid": settings.vendor_uid,
        "token": settings.token,
        "rate_limit": settings.rate_limit,
        "from_phone_number_ids": FROM_PHONE_NUMBER_IDS,
        "templates": templates,
        "special": {
            "inactive_vendor_uid": INACTIVE_VENDOR,
            "setup_incomplete_vendor_uid": SETUP_INCOMPLETE_VENDOR,
            "no_api_plan_token": NO_API_PLAN_TOKEN,
            "not_allowed_recipient": NOT_ALLOWED_RECIPIENT,
            "number_resolution": "55AA + 8 digits gains a 9 (5511912345678); 52 + 10 digits becomes 521 + 10 digits",
        },
        "seed": seed_info(),
        "routes": routes,
    }))
}

/// What every vendor starts with (see `seed.rs`).
fn seed_info() -> serde_json::Value {
    let groups: Vec<_> = seed::GROUPS
        .iter()
        .map(|(uid, title, description)| json!({"_uid": uid, "title": title, "description": description}))
        .collect();
    let labels: Vec<_> = seed::LABELS
        .iter()
        .map(|(uid, title, _, _)| json!({"_uid": uid, "title": title}))
        .collect();
    let contacts: Vec<_> = seed::CONTACTS
        .iter()
        .map(|c| {
            json!({"_uid": c.uid, "wa_id": c.wa_id, "first_name": c.first_name,
                   "last_name": c.last_name, "email": c.email, "groups": c.groups,
                   "labels": c.labels})
        })
        .collect();
    let team: Vec<_> = seed::TEAM
        .iter()
        .map(|m| json!({"users__id": m.id, "email": m.email, "mobile_number": m.mobile_number, "active": m.active}))
        .collect();
    json!({
        "groups": groups,
        "labels": labels,
        "contacts": contacts,
        "test_contact": seed::TEST_CONTACT,
        "team_members": team,
        "templates_not_approved": crate::templates::NOT_APPROVED,
    })
}

fn config(state: &AppState, raw: &[u8]) -> Result<Reply, Refusal> {
    let patch: ConfigPatch = body(raw)?;
    if let Some(url) = patch.webhook_url.as_deref().filter(|u| !u.is_empty()) {
        webhook::check_url(url).map_err(|e| error(400, e))?;
    }
    {
        let mut settings = lock(&state.settings);
        if let Some(limit) = patch.rate_limit {
            settings.rate_limit = limit;
        }
        if let Some(secs) = patch.rate_limit_window_secs {
            if secs == 0 {
                return Err(error(400, "rate_limit_window_secs must be at least 1"));
            }
            settings.rate_limit_window_secs = secs;
        }
        if let Some(uid) = patch.vendor_uid {
            settings.vendor_uid = uid;
        }
        if let Some(token) = patch.token {
            settings.token = token;
        }
        if let Some(url) = patch.webhook_url {
            settings.webhook_url = (!url.is_empty()).then_some(url);
        }
    }
    // New limits start from fresh windows, so tests see exact counts.
    lock(&state.limiter).clear();
    Ok(ok(json!(state.settings())))
}

fn add_fault(state: &AppState, raw: &[u8]) -> Result<Reply, Refusal> {
    let spec: FaultSpec = body(raw)?;
    spec.check().map_err(|e| error(400, e))?;
    let mut faults = lock(&state.faults);
    faults.push(spec);
    Ok(ok(
        json!({ "result": "ok", "pending": faults.pending().len() }),
    ))
}

fn set_status(state: &AppState, raw: &[u8]) -> Result<Reply, Refusal> {
    let change: StatusChange = body(raw)?;
    const STATUSES: &[&str] = &["accepted", "sent", "delivered", "read", "failed"];
    if !STATUSES.contains(&change.status.as_str()) {
        return Err(error(
            400,
            format!("status must be one of {}", STATUSES.join(", ")),
        ));
    }
    let now = lock(&state.clock).now();
    let mut store = lock(&state.store);
    let message = store
        .message_mut(change.log_uid.as_deref(), change.wamid.as_deref(), now)
        .ok_or_else(|| error(404, "no message with that log_uid or wamid"))?;
    message.status = change.status;
    message.status_held = true;
    message.updated_at = crate::clock::iso(now);
    Ok(reply::json(200, &*message))
}

fn clock_reply(state: &AppState) -> Reply {
    let clock = lock(&state.clock);
    ok(json!({
        "now": crate::clock::iso(clock.now()),
        "now_ms": clock.now(),
        "paused": clock.is_paused(),
    }))
}

fn change_clock(state: &AppState, raw: &[u8]) -> Result<Reply, Refusal> {
    let change: ClockChange = body(raw)?;
    let advance_ms = match change.advance_secs {
        None => 0,
        Some(secs) if secs.is_finite() && secs >= 0.0 => (secs * 1000.0).round() as u64,
        Some(_) => return Err(error(400, "advance_secs must be a number >= 0")),
    };
    {
        let mut clock = lock(&state.clock);
        match change.paused {
            Some(true) => clock.pause(),
            Some(false) => clock.resume(),
            None => {}
        }
        clock.advance(advance_ms);
    }
    Ok(clock_reply(state))
}

/// Any number, even one with no contact ("Test contact does not found"),
/// or null for none ("Test Contact missing, …").
fn set_test_contact(state: &AppState, raw: &[u8]) -> Result<Reply, Refusal> {
    let request: TestContact = body(raw)?;
    let vendor_uid = vendor_or_default(state, request.vendor_uid);
    let mut store = lock(&state.store);
    store.vendor(&vendor_uid).test_contact = request.phone_number.clone();
    Ok(ok(
        json!({ "result": "ok", "test_contact": request.phone_number }),
    ))
}

/// Contacts `917000000001`, `917000000002`, … named "Sample 1", "Sample 2", …
fn add_contacts(state: &AppState, raw: &[u8]) -> Result<Reply, Refusal> {
    let request: NewContacts = body(raw)?;
    if request.count > 10_000 {
        return Err(error(400, "count must be at most 10000"));
    }
    let vendor_uid = vendor_or_default(state, request.vendor_uid);
    let now = lock(&state.clock).now();
    let mut store = lock(&state.store);
    let vendor = store.vendor(&vendor_uid);
    let mut added = 0;
    let mut n = 0u64;
    while added < request.count {
        n += 1;
        let phone = format!("91700{n:07}");
        if vendor.contacts.contains_key(&phone) {
            continue;
        }
        let details = json!({"first_name": "Sample", "last_name": n.to_string()});
        let details = details.as_object().cloned().unwrap_or_default();
        vendor.create_contact(&phone, &details, now);
        added += 1;
    }
    Ok(ok(
        json!({ "result": "ok", "total": vendor.contacts.len() }),
    ))
}

/// A contact of the vendor writes to it: a text (`body`) or a press of a
/// reply button (`button`, under `replied_to` or else the last message sent
/// to that number), posted to the webhook at once.
fn incoming(state: &AppState, raw: &[u8]) -> Result<Reply, Refusal> {
    let request: IncomingMessage = body(raw)?;
    if state.settings().webhook_url.is_none() {
        return Err(error(
            409,
            "no webhook_url is set: POST /__sandbox/config first",
        ));
    }
    let vendor_uid = vendor_or_default(state, request.vendor_uid);
    let now = lock(&state.clock).now();
    let mut store = lock(&state.store);
    store.vendor(&vendor_uid);
    let contact = store
        .contact(&vendor_uid, &request.phone_number)
        .cloned()
        .ok_or_else(|| error(404, "no contact with that phone_number"))?;
    let last_sent = store
        .messages(now)
        .iter()
        .rev()
        .find(|m| m.phone_number == contact.phone_number)
        .map(|m| m.wamid.clone());
    drop(store);
    let what = match (&request.body, &request.button) {
        (Some(text), None) => Incoming::Text(text),
        (None, Some(title)) => Incoming::Button {
            title,
            replied_to: request.replied_to.as_deref().or(last_sent.as_deref()),
        },
        _ => return Err(error(400, "give exactly one of body and button")),
    };
    let wamid = crate::ids::wamid(&contact.phone_number);
    let event = webhook::incoming_event(&contact, &what, &wamid, now);
    let replied_to = event["message"]["replied_to_whatsapp_message_id"].clone();
    webhook::queue(state, event);
    Ok(ok(json!({
        "result": "ok",
        "whatsapp_message_id": wamid,
        "replied_to_whatsapp_message_id": replied_to,
    })))
}

/// The vendor a control names, or the sandbox's own.
fn vendor_or_default(state: &AppState, uid: Option<String>) -> String {
    uid.unwrap_or_else(|| state.settings().vendor_uid)
}
