//! The log of API requests that tests read back from `/__sandbox/requests`.

use std::collections::{BTreeMap, VecDeque};

use serde::Serialize;
use serde_json::value::RawValue;

/// Recorded bodies are cut here so a benchmark cannot fill memory.
const MAX_BODY: usize = 64 * 1024;
/// Oldest entries are dropped past this many (their seq numbers are kept).
const MAX_ENTRIES: usize = 10_000;

#[derive(Serialize)]
pub struct Recorded {
    pub seq: u64,
    pub method: String,
    pub path: String,
    pub query: String,
    pub headers: BTreeMap<String, String>,
    pub body: String,
    /// The body as sent when it is JSON (key order kept), else null; also
    /// null when the body was truncated.
    pub json: Option<Box<RawValue>>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub body_truncated: bool,
}

pub struct Recorder {
    next_seq: u64,
    entries: VecDeque<Recorded>,
}

impl Default for Recorder {
    fn default() -> Self {
        Recorder {
            next_seq: 1,
            entries: VecDeque::new(),
        }
    }
}

impl Recorder {
    /// Adds one request. `body` is None when it was not read (over the size
    /// cap), which records an empty, truncated body.
    pub fn record(
        &mut self,
        method: &str,
        path: &str,
        query: &str,
        headers: BTreeMap<String, String>,
        body: Option<&[u8]>,
    ) -> u64 {
        let raw = body.unwrap_or_default();
        // A body too big to keep is not kept as JSON either.
        let json = std::str::from_utf8(raw)
            .ok()
            .filter(|text| text.len() <= MAX_BODY)
            .filter(|text| !text.trim().is_empty())
            .and_then(|text| serde_json::from_str::<Box<RawValue>>(text).ok());
        let truncated = body.is_none() || raw.len() > MAX_BODY;
        let kept = &raw[..raw.len().min(MAX_BODY)];
        let seq = self.next_seq;
        self.next_seq += 1;
        if self.entries.len() >= MAX_ENTRIES {
            self.entries.pop_front();
        }
        self.entries.push_back(Recorded {
            seq,
            method: method.to_string(),
            path: path.to_string(),
            query: query.to_string(),
            headers,
            body: String::from_utf8_lossy(kept).into_owned(),
            json,
            body_truncated: truncated,
        });
        seq
    }

    /// Entries with `seq > after`.
    pub fn since(&self, after: u64) -> Vec<&Recorded> {
        self.entries.iter().filter(|r| r.seq > after).collect()
    }

    pub fn clear(&mut self) {
        *self = Recorder::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_json_order_and_numbers() {
        let mut r = Recorder::default();
        r.record(
            "POST",
            "/api/x",
            "",
            BTreeMap::new(),
            Some(br#"{"z":1,"a":2}"#),
        );
        r.record("POST", "/api/x", "a=1", BTreeMap::new(), Some(b"{bad"));
        let out = serde_json::to_string(&r.since(0)).unwrap();
        assert!(out.contains(r#""seq":1"#));
        assert!(out.contains(r#""json":{"z":1,"a":2}"#));
        assert!(out.contains(r#""body":"{bad","json":null"#));
        assert!(!out.contains("body_truncated"));
        r.clear();
        assert_eq!(r.record("GET", "/", "", BTreeMap::new(), None), 1);
    }
}
