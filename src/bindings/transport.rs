//! The core's [`Transport`] in JS: a request sent with the global `fetch`
//! (headers and answer through web-sys's types), bounded by the caller's
//! `AbortSignal` and a time limit, handing back status, `Retry-After` and
//! body for [`crate::answer::parse`] to judge (a non-2xx status is not an
//! error here); the abortable wait between two attempts; the clock and
//! `Math.random`. A failure keeps what JS gave as its `cause`.
//!
//! Not through gloo-net: its `send()` and `text()` turn a rejection that is
//! not an `Error` (as `controller.abort("reason")` gives) into a panic, drop
//! the `cause` that tells a refused connection from a broken one, and send
//! a `Request` object, whose body Node's fetch streams; what was left of it
//! (the status and two headers) cost the module 0.4 KB gzip more than
//! web-sys alone (benches/size-check.mjs).

use js_sys::{Function, JsString, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use crate::answer::{MAX_ANSWER_BYTES, TOO_LARGE};
use crate::call::{Failure, Request, Response, Transport};
use crate::error::Error;
use crate::{json, retry};

/// The transport of one call: the client's headers and the call's signal.
pub struct Fetch {
    headers: JsValue,
    signal: Option<AbortSignal>,
}

impl Fetch {
    /// A transport sending with these headers, ended by `signal`.
    pub fn new(headers: JsValue, signal: Option<AbortSignal>) -> Self {
        Self { headers, signal }
    }

    fn aborted_failure(&self) -> Failure<JsValue> {
        Failure {
            error: Error::Aborted,
            cause: self
                .signal
                .as_ref()
                .and_then(|s| Reflect::get(s, &JsValue::from_str("reason")).ok())
                .filter(|r| !r.is_undefined()),
        }
    }
}

impl Transport for Fetch {
    type Body = JsString;
    type Cause = JsValue;

    async fn send(
        &self,
        request: &Request,
        timeout_ms: u32,
    ) -> Result<Response<JsString>, Failure<JsValue>> {
        match fetch(request, &self.headers, self.signal.as_ref(), timeout_ms).await {
            Err(f) if f.error == Error::Aborted => Err(self.aborted_failure()),
            other => other,
        }
    }

    async fn sleep(&self, ms: u64) -> Result<(), Failure<JsValue>> {
        sleep(ms, self.signal.as_ref())
            .await
            .map_err(|_| self.aborted_failure())
    }

    fn aborted(&self) -> Option<Failure<JsValue>> {
        is_aborted(self.signal.as_ref()).then(|| self.aborted_failure())
    }

    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }

    fn random(&self) -> f64 {
        js_sys::Math::random()
    }
}

#[wasm_bindgen]
extern "C" {
    // Globals of browsers, workers and Node alike; bound here so that no
    // `window` is needed.
    // `fetch(url, init)`, not `fetch(new Request(...))`: Node's fetch streams
    // the body of a Request object, which costs a fifth of the throughput.
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(url: &str, init: &web_sys::RequestInit) -> Promise;
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsString) -> Result<JsValue, JsValue>;
}

/// A success answer as a JS object: `JSON.parse` of the body as received,
/// which `answer::parse` has read already; this saves writing it out again.
/// `None` if JS cannot parse it (a byte-order mark, say).
pub fn parse_in_js(body: &JsString) -> Option<JsValue> {
    json_parse(body).ok()
}

/// `signal.aborted`, read so that a throwing getter (an object that only
/// pretends to be a signal) is an error rather than an exception.
fn aborted_checked(signal: &AbortSignal) -> Result<bool, JsValue> {
    Reflect::get(signal, &JsValue::from_str("aborted")).map(|v| v.as_bool() == Some(true))
}

/// Whether the caller's signal has fired. A signal whose `aborted` cannot be
/// read counts as fired, so the call ends instead of failing somewhere else.
pub fn is_aborted(signal: Option<&AbortSignal>) -> bool {
    signal.is_some_and(|s| aborted_checked(s).unwrap_or(true))
}

/// Whether `signal` is a working `AbortSignal` (and not, say, an object
/// made from its prototype, whose methods throw).
pub fn is_usable_signal(signal: &AbortSignal) -> bool {
    match aborted_checked(signal) {
        Ok(true) => true,
        Ok(false) => Reflect::get(signal, &JsValue::from_str("throwIfAborted"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .is_some_and(|f| f.call0(signal).is_ok()),
        Err(_) => false,
    }
}

/// The abort of one request: by its time limit or by the caller's signal,
/// through one `AbortController` (cheaper in Node than `AbortSignal.timeout`
/// joined with `AbortSignal.any`). Dropping it clears the timer and the
/// listener, so neither outlives the request.
struct RequestAbort<'a> {
    controller: web_sys::AbortController,
    abort: Function,
    timer: JsValue,
    caller: Option<&'a AbortSignal>,
}

impl<'a> RequestAbort<'a> {
    fn new(caller: Option<&'a AbortSignal>, timeout_ms: u32) -> Result<Self, Error> {
        let controller = web_sys::AbortController::new().map_err(|_| Error::Aborted)?;
        let abort = Reflect::get(&controller, &JsValue::from_str("abort"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or(Error::Aborted)?
            .bind0(&controller);
        let timer = set_timeout(&abort, f64::from(timeout_ms));
        let this = Self {
            controller,
            abort,
            timer,
            caller,
        };
        if let Some(s) = caller {
            s.add_event_listener_with_callback("abort", &this.abort)
                .map_err(|_| Error::Aborted)?;
        }
        Ok(this)
    }

    fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// Whether the time limit (and not the caller) ended the request.
    fn timed_out(&self) -> bool {
        self.controller.signal().aborted() && !is_aborted(self.caller)
    }
}

impl Drop for RequestAbort<'_> {
    fn drop(&mut self) {
        clear_timeout(&self.timer);
        if let Some(s) = self.caller {
            let _ = s.remove_event_listener_with_callback("abort", &self.abort);
        }
    }
}

/// The headers of every request, as a plain object for `RequestInit`.
pub fn request_headers(authorization: &str) -> JsValue {
    let headers = js_sys::Object::new();
    for (name, value) in crate::call::headers(authorization) {
        let _ = Reflect::set(
            &headers,
            &JsValue::from_str(name),
            &JsValue::from_str(value),
        );
    }
    headers.into()
}

/// Sends `request`. The caller checks `signal` beforehand, so an `Aborted`
/// from here means the request had started.
async fn fetch(
    request: &Request,
    headers: &JsValue,
    signal: Option<&AbortSignal>,
    timeout_ms: u32,
) -> Result<Response<JsString>, Failure<JsValue>> {
    let abort = RequestAbort::new(signal, timeout_ms)?;
    let failed = |raw: JsValue| failure(raw, &abort, timeout_ms);
    let init = web_sys::RequestInit::new();
    init.set_method(request.method.as_str());
    init.set_headers(headers);
    // Only a POST has a body.
    if let Some(body) = &request.body {
        init.set_body(&JsValue::from_str(body));
    }
    init.set_signal(Some(&abort.signal()));
    let raw = JsFuture::from(global_fetch(&request.url, &init))
        .await
        .map_err(failed)?;
    let raw: web_sys::Response = raw.unchecked_into();
    let status = raw.status();
    let headers = raw.headers();
    // `Headers.get` throws only for a name that is not a header name.
    let header = |name: &str| headers.get(name).ok().flatten();
    let too_large = || {
        Failure::from(Error::InvalidResponse {
            status,
            message: TOO_LARGE.to_owned(),
        })
    };
    // `usize::from_str` took a leading `+` too.
    let declared = header("content-length").and_then(|v| {
        let v = v.trim();
        json::decimal(v.strip_prefix('+').unwrap_or(v))
    });
    if declared.is_some_and(|n| n > MAX_ANSWER_BYTES as u64) {
        // Close the connection instead of downloading what will be refused
        // (aborting, unlike `body.cancel()`, leaves no promise to reject).
        abort.controller.abort();
        return Err(too_large());
    }
    let retry_after = header("retry-after");
    let text = raw.text().map_err(failed)?;
    let text: JsString = JsFuture::from(text).await.map_err(failed)?.unchecked_into();
    // Measured before it is copied into wasm memory, which never shrinks.
    if text.length() as usize > MAX_ANSWER_BYTES {
        return Err(too_large());
    }
    Ok(Response {
        status,
        retry_after,
        body: String::from(&text),
        host_body: text,
    })
}

/// Tells an abort from a timeout from a network failure, and a connection
/// that was never made (nothing sent) from one that broke. What fetch threw
/// is a network failure's cause; an abort's is the signal's reason, which
/// [`Fetch::send`] gives it, and a timeout has none (what fetch threw is our
/// own timer's abort, which would tell the caller nothing).
fn failure(raw: JsValue, abort: &RequestAbort, timeout_ms: u32) -> Failure<JsValue> {
    if is_aborted(abort.caller) {
        Failure::from(Error::Aborted)
    } else if abort.timed_out() {
        Failure::from(Error::Timeout { timeout_ms })
    } else {
        Failure {
            error: network_error(&raw),
            cause: Some(raw),
        }
    }
}

fn network_error(raw: &JsValue) -> Error {
    let get = |v: &JsValue, key: &str| {
        if v.is_object() {
            Reflect::get(v, &JsValue::from_str(key)).ok()
        } else {
            None
        }
    };
    let message = get(raw, "message")
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "fetch failed".to_owned());
    let code = get(raw, "cause")
        .and_then(|c| get(&c, "code"))
        .and_then(|c| c.as_string());
    match code {
        Some(code) => Error::Network {
            connected: !retry::connect_failed(&code),
            message: format!("{message} ({code})"),
        },
        None => Error::Network {
            message,
            connected: true,
        },
    }
}

/// Waits `ms`, or less if `signal` aborts (then `Aborted`).
async fn sleep(ms: u64, signal: Option<&AbortSignal>) -> Result<(), Error> {
    let mut timer = JsValue::UNDEFINED;
    let mut wake: Option<Function> = None;
    // `new_typed`, as js-sys's futures use, so that the module imports one
    // `Promise` constructor rather than two.
    let wait = Promise::new_typed(
        &mut |resolve: Function<fn(JsValue) -> js_sys::Undefined>, _| {
            let resolve: Function = resolve.unchecked_into();
            timer = set_timeout(&resolve, ms as f64);
            if let Some(s) = signal {
                let _ = s.add_event_listener_with_callback("abort", &resolve);
            }
            wake = Some(resolve);
        },
    );
    if !is_aborted(signal) {
        let _ = JsFuture::from(wait).await;
    }
    clear_timeout(&timer);
    if let (Some(s), Some(f)) = (signal, wake) {
        let _ = s.remove_event_listener_with_callback("abort", &f);
    }
    if is_aborted(signal) {
        Err(Error::Aborted)
    } else {
        Ok(())
    }
}
