//! The one place that talks HTTP: a POST through gloo-net's `fetch`, bounded
//! by the caller's `AbortSignal` and a time limit, that hands back status,
//! `Retry-After` and body for [`crate::answer::parse`] to judge. A non-2xx
//! status is not an error here.

use gloo_net::http::Request;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::answer::MAX_ANSWER_BYTES;
use crate::error::Error;

#[wasm_bindgen]
extern "C" {
    // Bound here rather than through web-sys so no unstable web-sys API is
    // needed; both exist in current browsers, workers and Node 20.
    #[wasm_bindgen(js_namespace = AbortSignal, js_name = timeout)]
    fn abort_after(ms: u32) -> AbortSignal;
    #[wasm_bindgen(js_namespace = AbortSignal, js_name = any)]
    fn abort_on_any(signals: &js_sys::Array) -> AbortSignal;
}

/// What came back.
pub struct Received {
    /// HTTP status.
    pub status: u16,
    /// `Retry-After`, when present.
    pub retry_after: Option<String>,
    /// The body as text.
    pub body: String,
}

/// POSTs `body` as JSON to `url`.
pub async fn post_json(
    url: &str,
    authorization: &str,
    body: String,
    signal: Option<&AbortSignal>,
    timeout_ms: u32,
) -> Result<Received, Error> {
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(Error::Aborted);
    }
    let timer = abort_after(timeout_ms);
    let combined = match signal {
        Some(s) => abort_on_any(&js_sys::Array::of2(s, &timer)),
        None => timer.clone(),
    };
    // Which signal fired tells an abort from a timeout from a network failure.
    let failed = |e: gloo_net::Error| {
        if signal.is_some_and(AbortSignal::aborted) {
            Error::Aborted
        } else if timer.aborted() {
            Error::Timeout { timeout_ms }
        } else {
            Error::Network {
                message: match e {
                    gloo_net::Error::JsError(js) => js.message,
                    other => other.to_string(),
                },
            }
        }
    };
    let response = Request::post(url)
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .abort_signal(Some(&combined))
        .body(body)
        .map_err(failed)?
        .send()
        .await
        .map_err(failed)?;
    let status = response.status();
    let headers = response.headers();
    let declared: Option<usize> = headers.get("content-length").and_then(|v| v.trim().parse().ok());
    if declared.is_some_and(|n| n > MAX_ANSWER_BYTES) {
        return Err(Error::InvalidResponse {
            status,
            message: format!("the answer is larger than {MAX_ANSWER_BYTES} bytes"),
        });
    }
    let retry_after = headers.get("retry-after");
    let body = response.text().await.map_err(failed)?;
    Ok(Received {
        status,
        retry_after,
        body,
    })
}
