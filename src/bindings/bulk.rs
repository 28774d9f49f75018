//! `WhatsJetClient.sendBulk`: reads every row and option now, runs
//! [`bulk::run`] over one fetch transport, and writes each outcome as
//! `{ index, status, reply | error }`.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::client::{promise, read_signal, reply_js, Client, Open};
use super::transport::Fetch;
use super::{read_json, read_options, throw, to_js, to_js_error};
use crate::bulk::{self, Outcome, Pace};
use crate::call::{self, Request};
use crate::config::CallSettings;
use crate::error::Error;
use crate::issue::IssueCode;

#[wasm_bindgen(js_class = WhatsJetClient)]
impl Client {
    /// `sendBulk(kind, payloads, options)`.
    #[wasm_bindgen(js_name = sendBulk, skip_typescript)]
    pub fn send_bulk(&self, kind: JsValue, payloads: JsValue, options: JsValue) -> js_sys::Promise {
        let run = self
            .open()
            .and_then(|open| Run::read(open, &kind, &payloads, &options));
        promise(async move {
            let run = run.map_err(throw)?;
            let transport = Fetch::new(run.headers, run.signal);
            let report = |p: bulk::Progress| {
                if let Some(f) = &run.on_progress {
                    let counts = format!(
                        r#"{{"done":{},"total":{},"sent":{},"failed":{}}}"#,
                        p.done, p.total, p.sent, p.failed
                    );
                    // A throwing callback must not stop the sends.
                    let _ = f.call1(&JsValue::UNDEFINED, &to_js(&counts));
                }
            };
            let outcomes = bulk::run(&transport, &run.rows, &run.settings, run.pace, report).await;
            let out = Array::new();
            for (index, outcome) in outcomes.into_iter().enumerate() {
                let row = Object::new();
                let set = |key: &str, value: &JsValue| {
                    let _ = Reflect::set(&row, &JsValue::from_str(key), value);
                };
                set("index", &JsValue::from(index as u32));
                let status = match outcome {
                    Outcome::Sent(reply) => {
                        set("reply", &reply_js(reply));
                        "sent"
                    }
                    Outcome::Failed(failure) => {
                        set("error", &to_js_error(&failure));
                        "failed"
                    }
                    Outcome::NotSent => "not_sent",
                };
                set("status", &JsValue::from_str(status));
                out.push(&row);
            }
            Ok(out.into())
        })
    }
}

/// A run as read from the arguments.
struct Run {
    rows: Vec<Result<Request, Error>>,
    settings: CallSettings,
    pace: Pace,
    signal: Option<web_sys::AbortSignal>,
    on_progress: Option<Function>,
    headers: JsValue,
}

impl Run {
    fn read(
        open: &Open,
        kind: &JsValue,
        payloads: &JsValue,
        options: &JsValue,
    ) -> Result<Self, Error> {
        let kind = bulk::read_kind(kind.as_string().as_deref())?;
        let (pace, settings) = bulk::read_options(&read_options(options)?, &open.config.call)?;
        let signal = read_signal(options)?;
        let on_progress = match Reflect::get(options, &JsValue::from_str("onProgress")) {
            Ok(f) if f.is_function() => Some(f.unchecked_into()),
            Ok(f) if f.is_undefined() || f.is_null() => None,
            _ if !options.is_object() => None,
            _ => {
                return Err(Error::config(
                    "onProgress",
                    IssueCode::InvalidType,
                    "onProgress must be a function.",
                ))
            }
        };
        let not_rows = || {
            Error::invalid(
                "payloads",
                IssueCode::InvalidType,
                "payloads must be an array or another iterable of request bodies.",
            )
        };
        if payloads.is_string() {
            return Err(not_rows());
        }
        let mut rows = Vec::new();
        for item in js_sys::try_iter(payloads)
            .ok()
            .flatten()
            .ok_or_else(not_rows)?
        {
            let payload = item.map_err(|_| not_rows())?;
            rows.push(
                read_json(&payload, "payload")
                    .and_then(|p| call::prepare(&open.config, kind, None, p)),
            );
        }
        Ok(Self {
            rows,
            settings,
            pace,
            signal,
            on_progress,
            headers: open.headers.clone(),
        })
    }
}
