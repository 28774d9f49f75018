//! The outgoing webhook: when a receiver URL is set (`--webhook-url` or
//! `/__sandbox/config`), the sandbox POSTs what a WhatsJet server would:
//! each status change of every accepted message as the clock reaches it,
//! contacts created or updated through the API, and the incoming messages
//! and button replies a test asks for (`/__sandbox/incoming`). The shape is
//! the server's, `[]` where it means nothing included; like the server it
//! signs nothing, retries nothing and ignores the answer.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper::{Request, Uri};
use hyper_util::rt::TokioIo;
use serde::Serialize;
use serde_json::{json, Value};

use crate::clock::Millis;
use crate::state::{lock, AppState};
use crate::store::{Contact, MessageLog};

/// How often the clock is looked at for status changes.
const TICK: Duration = Duration::from_millis(50);
/// A receiver that does not answer within this is given up on.
const POST_TIMEOUT: Duration = Duration::from_secs(5);
/// The WhatsApp Business Account id in Meta's part of the payload.
const WABA_ID: &str = "200000000000001";
/// The number behind the default sender, as Meta's metadata shows it.
const DISPLAY_PHONE_NUMBER: &str = "15550000001";

/// One POST made: what, where, and how the receiver answered.
#[derive(Debug, Clone, Serialize)]
pub struct Delivery {
    pub seq: u64,
    pub url: String,
    pub body: Value,
    /// The receiver's HTTP status; null when it could not be reached.
    pub status: Option<u16>,
    pub error: Option<String>,
}

/// Events waiting to be posted, and the posts made.
#[derive(Debug, Default)]
pub struct Outbox {
    queued: Vec<Value>,
    delivered: Vec<Delivery>,
}

impl Outbox {
    pub fn push(&mut self, event: Value) {
        self.queued.push(event);
    }

    pub fn delivered(&self) -> &[Delivery] {
        &self.delivered
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

/// A URL the sandbox can post to: plain http (it has no TLS).
pub fn check_url(url: &str) -> Result<(), String> {
    let uri: Uri = url
        .parse()
        .map_err(|_| format!("webhook URL {url:?} is not a URL"))?;
    if uri.scheme_str() != Some("http") || uri.host().is_none() {
        return Err(format!(
            "webhook URL {url:?} must be http://HOST[:PORT]/PATH"
        ));
    }
    Ok(())
}

fn contact_part(contact: &Contact, status: &str) -> Value {
    json!({
        "status": status,
        "phone_number": contact.phone_number,
        "uid": contact.contact_uid,
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "email": contact.email,
        "language_code": contact.language_code,
        "country": contact.country,
    })
}

/// Meta's webhook body around one `value`.
fn meta(phone_number_id: &str, value: Value) -> Value {
    let mut value = value;
    value["messaging_product"] = json!("whatsapp");
    value["metadata"] = json!({
        "display_phone_number": DISPLAY_PHONE_NUMBER,
        "phone_number_id": phone_number_id,
    });
    json!({
        "object": "whatsapp_business_account",
        "entry": [{"id": WABA_ID, "changes": [{"field": "messages", "value": value}]}],
    })
}

fn timestamp(now: Millis) -> String {
    (now / 1000).to_string()
}

/// A message moved on to `status`.
pub fn status_event(contact: &Contact, message: &MessageLog, status: &str, now: Millis) -> Value {
    json!({
        "contact": contact_part(contact, "existing"),
        "message": {
            "whatsapp_business_phone_number_id": message.from_phone_number_id,
            "whatsapp_message_id": message.wamid,
            "replied_to_whatsapp_message_id": null,
            "is_new_message": false,
            "body": null,
            "status": status,
            "media": null,
        },
        "whatsapp_webhook_payload": meta(&message.from_phone_number_id, json!({
            "statuses": [{
                "id": message.wamid,
                "status": status,
                "timestamp": timestamp(now),
                "recipient_id": message.phone_number,
            }],
        })),
    })
}

/// What a contact wrote: a text, or the title of the reply button it
/// pressed under the message `replied_to`.
pub enum Incoming<'a> {
    Text(&'a str),
    Button {
        title: &'a str,
        replied_to: Option<&'a str>,
    },
}

/// A message from `contact` to the default sender.
pub fn incoming_event(contact: &Contact, what: &Incoming, wamid: &str, now: Millis) -> Value {
    let sender = crate::state::FROM_PHONE_NUMBER_IDS[0];
    let mut raw = json!({
        "from": contact.phone_number,
        "id": wamid,
        "timestamp": timestamp(now),
    });
    let (body, replied_to) = match what {
        Incoming::Text(text) => {
            raw["type"] = json!("text");
            raw["text"] = json!({ "body": text });
            (*text, None)
        }
        Incoming::Button { title, replied_to } => {
            raw["type"] = json!("interactive");
            raw["interactive"] = json!({
                "type": "button_reply",
                "button_reply": { "id": title.to_lowercase(), "title": title },
            });
            if let Some(id) = replied_to {
                raw["context"] = json!({ "from": DISPLAY_PHONE_NUMBER, "id": id });
            }
            (*title, *replied_to)
        }
    };
    let name = [&contact.first_name, &contact.last_name]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    json!({
        "contact": contact_part(contact, "existing"),
        "message": {
            "whatsapp_business_phone_number_id": sender,
            "whatsapp_message_id": wamid,
            "replied_to_whatsapp_message_id": replied_to,
            "is_new_message": true,
            "body": body,
            "status": null,
            // The server's "no media".
            "media": [],
        },
        "whatsapp_webhook_payload": meta(sender, json!({
            "contacts": [{ "profile": { "name": name }, "wa_id": contact.phone_number }],
            "messages": [raw],
        })),
    })
}

/// A contact created (`"new"`) or updated (`"updated"`) through the API.
pub fn contact_event(contact: &Contact, status: &str) -> Value {
    json!({
        "contact": contact_part(contact, status),
        "message": [],
        "whatsapp_webhook_payload": [],
    })
}

/// Queues an event, if a receiver is set.
pub fn queue(state: &AppState, event: Value) {
    if state.settings().webhook_url.is_some() {
        lock(&state.outbox).push(event);
    }
}

/// Posts the events as they come, in order, until the process ends.
pub async fn run(state: Arc<AppState>) {
    let mut seq = 0;
    loop {
        tokio::time::sleep(TICK).await;
        let url = state.settings().webhook_url;
        let now = lock(&state.clock).now();
        // Taken every tick, so that a receiver set later gets only what
        // happens from then on.
        let changes = lock(&state.store).status_changes(now);
        let queued = std::mem::take(&mut lock(&state.outbox).queued);
        let Some(url) = url else { continue };
        let events = changes
            .iter()
            .map(|(contact, message, status)| status_event(contact, message, status, now))
            .chain(queued);
        for body in events {
            seq += 1;
            let outcome = post(&url, &body).await;
            let (status, error) = match outcome {
                Ok(status) => (Some(status), None),
                Err(e) => (None, Some(e)),
            };
            lock(&state.outbox).delivered.push(Delivery {
                seq,
                url: url.clone(),
                body,
                status,
                error,
            });
        }
    }
}

async fn post(url: &str, body: &Value) -> Result<u16, String> {
    let attempt = async {
        let uri: Uri = url.parse().map_err(|_| "not a URL".to_string())?;
        let host = uri.host().ok_or("no host")?.to_string();
        let port = uri.port_u16().unwrap_or(80);
        let stream = tokio::net::TcpStream::connect((host.trim_matches(['[', ']']), port))
            .await
            .map_err(|e| e.to_string())?;
        let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| e.to_string())?;
        tokio::spawn(connection);
        let path = uri.path_and_query().map_or("/", |p| p.as_str());
        let authority = uri.authority().map_or(host.clone(), |a| a.to_string());
        let request = Request::post(path)
            .header("host", authority)
            .header("content-type", "application/json")
            .header("user-agent", "whatsjet-sandbox")
            .body(Full::new(Bytes::from(body.to_string())))
            .map_err(|e| e.to_string())?;
        let answer = sender
            .send_request(request)
            .await
            .map_err(|e| e.to_string())?;
        Ok(answer.status().as_u16())
    };
    tokio::time::timeout(POST_TIMEOUT, attempt)
        .await
        .unwrap_or_else(|_| {
            Err(format!(
                "the receiver did not answer within {} s",
                POST_TIMEOUT.as_secs()
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_must_be_plain_http() {
        assert!(check_url("http://127.0.0.1:9/hook?secret=x").is_ok());
        assert!(check_url("https://example.com/hook").is_err());
        assert!(check_url("127.0.0.1:9").is_err());
        assert!(check_url("not a url").is_err());
    }
}
