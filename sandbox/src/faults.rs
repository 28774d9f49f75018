//! Queued faults: answers that a real network, proxy or overloaded server
//! gives, applied to the next matching API requests.

use std::collections::{BTreeMap, VecDeque};
use std::time::Duration;

use bytes::Bytes;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::answers;
use crate::reply::{self, Reply, SandboxBody};

#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Answer with status/headers/body/json/answer; with none of those, wait
    /// `delay_ms` and then answer normally (a slow server).
    #[default]
    Respond,
    /// Never answer; the connection stays open until the client leaves.
    Hang,
    /// Read the request, then close the connection without a byte.
    DropBeforeResponse,
    /// Promise the whole body in Content-Length, send half, close.
    DropMidBody,
    /// A complete response whose JSON body is only its first half.
    TruncateJson,
    /// The status with a zero-length body.
    EmptyBody,
    /// A JSON-looking body of `size_bytes` (5 MiB by default).
    HugeBody,
}

const DEFAULT_HUGE: usize = 5 * 1024 * 1024;
const MAX_HUGE: usize = 64 * 1024 * 1024;
const MAX_DELAY_MS: u64 = 10 * 60 * 1000;

fn one() -> u32 {
    1
}

/// One queued fault, as posted to `/__sandbox/faults`; in the pending list
/// `times` is what is left.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FaultSpec {
    #[serde(default = "one")]
    pub times: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_contains: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json: Option<Box<RawValue>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay_ms: Option<u64>,
    #[serde(default)]
    pub action: Action,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_bytes: Option<usize>,
}

impl FaultSpec {
    /// Rejects specs that could not be applied as written.
    pub fn check(&self) -> Result<(), String> {
        if self.times == 0 {
            return Err("times must be at least 1".into());
        }
        if let Some(status) = self.status {
            if !(100..=599).contains(&status) {
                return Err(format!("status {status} is not an HTTP status"));
            }
        }
        if self.body.is_some() && self.json.is_some() {
            return Err("give body or json, not both".into());
        }
        if let Some(name) = &self.answer {
            if answers::get(name).is_none() {
                return Err(format!(
                    "unknown answer {name:?}; known: {}",
                    answers::names().join(", ")
                ));
            }
        }
        if self.size_bytes.is_some_and(|s| s > MAX_HUGE) {
            return Err(format!("size_bytes is capped at {MAX_HUGE}"));
        }
        Ok(())
    }

    fn matches(&self, path: &str) -> bool {
        self.path_contains
            .as_deref()
            .is_none_or(|part| path.contains(part))
    }

    fn has_answer(&self) -> bool {
        self.status.is_some() || self.body.is_some() || self.json.is_some() || self.answer.is_some()
    }
}

#[derive(Default)]
pub struct FaultQueue {
    pending: VecDeque<FaultSpec>,
}

impl FaultQueue {
    pub fn push(&mut self, spec: FaultSpec) {
        self.pending.push_back(spec);
    }

    /// The first queued fault matching `path`, used up once.
    pub fn take(&mut self, path: &str) -> Option<FaultSpec> {
        let index = self.pending.iter().position(|f| f.matches(path))?;
        let fault = &mut self.pending[index];
        fault.times -= 1;
        let applied = fault.clone();
        if fault.times == 0 {
            self.pending.remove(index);
        }
        Some(applied)
    }

    pub fn pending(&self) -> &VecDeque<FaultSpec> {
        &self.pending
    }

    pub fn clear(&mut self) {
        self.pending.clear();
    }
}

/// What the server does with a faulted request.
pub enum Outcome {
    Reply(Reply),
    /// Answer normally (after the delay).
    PassThrough,
    Hang,
    Drop,
}

/// Status, headers and body a fault answers with, before its action shapes
/// them; `default_body` fills in when the spec gives none.
fn payload(spec: &FaultSpec, default_body: Option<&str>) -> (u16, Vec<(String, String)>, Bytes) {
    let (mut status, mut headers, mut body) = match spec.answer.as_deref().and_then(answers::get) {
        Some(answer) => (answer.status, answer.headers.clone(), answer.body.clone()),
        None => (200, Vec::new(), Bytes::new()),
    };
    if let Some(json) = &spec.json {
        body = Bytes::from(answers::minify_json(json.get()));
        headers.retain(|(k, _)| !k.eq_ignore_ascii_case("content-type"));
        headers.push(("content-type".into(), reply::JSON.into()));
    } else if let Some(text) = &spec.body {
        body = Bytes::from(text.clone());
        headers.retain(|(k, _)| !k.eq_ignore_ascii_case("content-type"));
        headers.push(("content-type".into(), "text/plain; charset=utf-8".into()));
    } else if spec.answer.is_none() {
        if let Some(default) = default_body {
            body = Bytes::from(default.to_string());
            headers.push(("content-type".into(), reply::JSON.into()));
        }
    }
    if let Some(s) = spec.status {
        status = s;
    }
    headers.extend(spec.headers.iter().map(|(k, v)| (k.clone(), v.clone())));
    (status, headers, body)
}

fn with_headers(mut reply: Reply, headers: &[(String, String)]) -> Reply {
    for (name, value) in headers {
        reply::set_header(&mut reply, name, value);
    }
    reply
}

/// A success envelope, as something worth cutting in half.
fn success_body() -> String {
    answers::get("send-success")
        .map(|a| String::from_utf8_lossy(&a.body).into_owned())
        .unwrap_or_else(|| r#"{"result":"success","message":"Message processed","data":[]}"#.into())
}

/// `{"result":"success","message":"xxxx…","data":[]}` of exactly `size` bytes
/// (or the bare frame, if `size` is smaller than it).
fn huge_json(size: usize) -> Bytes {
    let head = br#"{"result":"success","message":""#;
    let tail = br#"","data":[]}"#;
    let pad = size.saturating_sub(head.len() + tail.len());
    let mut body = Vec::with_capacity(head.len() + pad + tail.len());
    body.extend_from_slice(head);
    body.resize(head.len() + pad, b'x');
    body.extend_from_slice(tail);
    Bytes::from(body)
}

pub async fn apply(spec: &FaultSpec) -> Outcome {
    if let Some(ms) = spec.delay_ms {
        tokio::time::sleep(Duration::from_millis(ms.min(MAX_DELAY_MS))).await;
    }
    match spec.action {
        Action::Respond if !spec.has_answer() => Outcome::PassThrough,
        Action::Respond => {
            let (status, headers, body) = payload(spec, None);
            let mut reply = reply::empty(status);
            *reply.body_mut() = SandboxBody::full(body);
            Outcome::Reply(with_headers(reply, &headers))
        }
        Action::Hang => Outcome::Hang,
        Action::DropBeforeResponse => Outcome::Drop,
        Action::EmptyBody => {
            let (status, mut headers, _) = payload(spec, None);
            if !headers
                .iter()
                .any(|(k, _)| k.eq_ignore_ascii_case("content-type"))
            {
                headers.insert(0, ("content-type".into(), reply::JSON.into()));
            }
            Outcome::Reply(with_headers(reply::empty(status), &headers))
        }
        Action::TruncateJson => {
            let (status, headers, body) = payload(spec, Some(&success_body()));
            let half = body.slice(..body.len() / 2);
            let mut reply = reply::bytes(status, reply::JSON, half);
            reply = with_headers(reply, &headers);
            Outcome::Reply(reply)
        }
        Action::DropMidBody => {
            let (status, headers, body) = payload(spec, Some(&success_body()));
            let full = body.len().max(2);
            let mut reply = reply::empty(status);
            reply::set_header(&mut reply, "content-type", reply::JSON);
            reply = with_headers(reply, &headers);
            reply::set_header(&mut reply, "content-length", &full.to_string());
            *reply.body_mut() = SandboxBody::cut(body.slice(..body.len() / 2));
            Outcome::Reply(reply)
        }
        Action::HugeBody => {
            let (status, headers, _) = payload(spec, None);
            let body = huge_json(spec.size_bytes.unwrap_or(DEFAULT_HUGE));
            let reply = reply::bytes(status, reply::JSON, body);
            Outcome::Reply(with_headers(reply, &headers))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(json: &str) -> FaultSpec {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn queue_order_and_matching() {
        let mut q = FaultQueue::default();
        q.push(spec(r#"{"path_contains":"create","status":500}"#));
        q.push(spec(r#"{"times":2,"status":502}"#));
        assert_eq!(
            q.take("/api/v/contact/send-message").unwrap().status,
            Some(502)
        );
        assert_eq!(q.take("/api/v/contact/create").unwrap().status, Some(500));
        assert_eq!(q.take("/api/v/contact/create").unwrap().status, Some(502));
        assert!(q.take("/api/v/contact/create").is_none());
    }

    #[test]
    fn checks() {
        assert!(spec(r#"{"answer":"throttled-429"}"#).check().is_ok());
        assert!(spec(r#"{"answer":"nope"}"#).check().is_err());
        assert!(spec(r#"{"times":0}"#).check().is_err());
        assert!(spec(r#"{"status":1000}"#).check().is_err());
        assert!(serde_json::from_str::<FaultSpec>(r#"{"stauts":500}"#).is_err());
        assert!(serde_json::from_str::<FaultSpec>(r#"{"action":"explode"}"#).is_err());
    }

    #[test]
    fn huge_is_exact_json() {
        let body = huge_json(1000);
        assert_eq!(body.len(), 1000);
        assert!(serde_json::from_slice::<serde_json::Value>(&body).is_ok());
    }
}
