//! `WhatsJetClient.sendBulk`: reads every row and option now, runs
//! [`bulk::run`] over one fetch transport, calls `onSend` and `onProgress`,
//! and writes each outcome as `{ index, status, reply | error }`.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::client::{promise, read_signal, reply_js, Client, Open};
use super::transport::Fetch;
use super::{read_json, read_options, throw, to_js_error};
use crate::bulk::{self, Outcome, Pace};
use crate::call::{self, Request};
use crate::config::{self, CallSettings};
use crate::error::Error;
use crate::issue::IssueCode;

#[wasm_bindgen(js_class = WhatsJetClient)]
impl Client {
    /// `sendBulk(kind, payloads, options)`.
    #[wasm_bindgen(js_name = sendBulk, skip_typescript)]
    pub fn send_bulk(&self, kind: JsValue, payloads: JsValue, options: JsValue) -> js_sys::Promise {
        let run = self.open().map_err(throw).and_then(|open| {
            let mut run = Run::read(open, &kind, &payloads, &options).map_err(|e| open.throw(e))?;
            // The rows refused before sending get the messages option's texts.
            let locale = open.config.locale.as_deref();
            for row in &mut run.rows {
                if let Err(Error::Validation { issues }) = row {
                    super::call_message_functions(&open.messages, issues, &mut [], locale)?;
                }
            }
            Ok(run)
        });
        promise(async move {
            let run = run?;
            let transport = Fetch::new(run.headers, run.signal);
            let out = Array::new();
            for index in 0..run.rows.len() {
                out.push(&outcome_js(index, Outcome::NotSent));
            }
            let on_send = |index: usize| {
                let Some(f) = &run.on_send else { return true };
                let row = Object::new();
                let _ = Reflect::set(&row, &"index".into(), &JsValue::from(index as u32));
                // A throw keeps the row from being sent.
                f.call1(&JsValue::UNDEFINED, &row).is_ok()
            };
            let ended = |index: usize, outcome, p: bulk::Progress| {
                let outcome = outcome_js(index, outcome);
                out.set(index as u32, outcome.clone());
                if let Some(f) = &run.on_progress {
                    // Set one by one: formatting the numbers into JSON costs
                    // the module more.
                    let counts = Object::new();
                    for (key, value) in [
                        ("done", p.done),
                        ("total", p.total),
                        ("sent", p.sent),
                        ("failed", p.failed),
                    ] {
                        let _ = Reflect::set(&counts, &key.into(), &(value as u32).into());
                    }
                    let _ = Reflect::set(&counts, &"outcome".into(), &outcome);
                    // A throwing callback must not stop the sends.
                    let _ = f.call1(&JsValue::UNDEFINED, &counts);
                }
            };
            bulk::run(
                &transport,
                &run.rows,
                &run.settings,
                run.pace,
                on_send,
                ended,
            )
            .await;
            Ok(out.into())
        })
    }
}

/// `{ index, status, reply | error }`.
fn outcome_js(index: usize, outcome: Outcome<js_sys::JsString, JsValue>) -> JsValue {
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
    row.into()
}

/// A run as read from the arguments.
struct Run {
    rows: Vec<Result<Request, Error>>,
    settings: CallSettings,
    pace: Pace,
    signal: Option<web_sys::AbortSignal>,
    on_send: Option<Function>,
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
        let options_value = read_options(options)?;
        let (pace, settings) = bulk::read_options(&options_value, &open.config.call)?;
        // Every row of a template send is checked against the one template.
        let template = config::read_call_template(&options_value, open.config.locale.as_deref())?;
        let signal = read_signal(options)?;
        let on_send = read_callback(options, "onSend")?;
        let on_progress = read_callback(options, "onProgress")?;
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
                read_json(&payload, "payload").and_then(|p| {
                    call::prepare_with(&open.config, kind, None, p, template.clone())
                }),
            );
        }
        Ok(Self {
            rows,
            settings,
            pace,
            signal,
            on_send,
            on_progress,
            headers: open.headers.clone(),
        })
    }
}

/// The function at `options[name]`, if there is one.
fn read_callback(options: &JsValue, name: &str) -> Result<Option<Function>, Error> {
    match Reflect::get(options, &JsValue::from_str(name)) {
        Ok(f) if f.is_function() => Ok(Some(f.unchecked_into())),
        Ok(f) if f.is_undefined() || f.is_null() => Ok(None),
        _ if !options.is_object() => Ok(None),
        _ => Err(Error::config(
            name,
            IssueCode::InvalidType,
            format!("{name} must be a function."),
        )),
    }
}
