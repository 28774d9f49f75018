//! Connections and request dispatch: preflight, control routes, the API
//! (recording, faults, routing, rate limit) and static files.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{HeaderMap, Method, Request};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;

use crate::api::{self, ApiRequest};
use crate::control;
use crate::faults::{self, Outcome};
use crate::ratelimit::Verdict;
use crate::reply::{self, Reply};
use crate::state::{lock, AppState};
use crate::static_files;

/// Request bodies over this are refused with 413 (and not read).
pub const MAX_BODY: usize = 2 * 1024 * 1024;

/// Returned to hyper to close a connection without answering: hyper drops
/// the connection when the service fails, writing nothing.
#[derive(Debug)]
pub struct CloseConnection(&'static str);

impl std::fmt::Display for CloseConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for CloseConnection {}

/// Accepts connections until `shutdown` resolves.
pub async fn run(listener: TcpListener, state: Arc<AppState>, shutdown: impl Future<Output = ()>) {
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    let _ = stream.set_nodelay(true);
                    tokio::spawn(serve_connection(stream, peer, state.clone()));
                }
                // Out of file descriptors and the like: wait instead of spinning.
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            },
            _ = &mut shutdown => break,
        }
    }
}

async fn serve_connection(stream: tokio::net::TcpStream, peer: SocketAddr, state: Arc<AppState>) {
    let service = service_fn(move |request| handle(state.clone(), peer, request));
    let connection = http1::Builder::new()
        .timer(TokioTimer::new())
        .serve_connection(TokioIo::new(stream), service);
    // Errors here are clients going away or drop faults doing their job.
    let _ = connection.await;
}

/// Laravel's `expectsJson()`, near enough: the 429 and 405 answers are
/// JSON only for clients that ask for it.
pub fn wants_json(headers: &HeaderMap) -> bool {
    let accept = headers
        .get("accept")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let ajax = headers
        .get("x-requested-with")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("XMLHttpRequest"));
    accept.contains("/json") || accept.contains("+json") || ajax
}

/// Logs the end of a hanging request.
struct HangGuard {
    quiet: bool,
    path: String,
}

impl Drop for HangGuard {
    fn drop(&mut self) {
        if !self.quiet {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "[whatsjet-sandbox] hanging request to {} ended: client went away",
                self.path
            );
        }
    }
}

enum BodyError {
    TooLarge,
    ClientGone,
}

/// Bodies over the cap are still read and thrown away up to this size, so
/// that the 413 reaches the client: closing a socket with unread data makes
/// the kernel send a reset, which can destroy the answer in flight.
const DRAIN_LIMIT: u64 = 16 * 1024 * 1024;
/// A client that stops sending mid-body is given up on after this.
const BODY_TIMEOUT: Duration = Duration::from_secs(60);

async fn read_body(headers: &HeaderMap, body: Incoming) -> Result<Bytes, BodyError> {
    let declared = headers
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|len| len > DRAIN_LIMIT) {
        return Err(BodyError::TooLarge);
    }
    tokio::time::timeout(BODY_TIMEOUT, collect_capped(body))
        .await
        .unwrap_or(Err(BodyError::ClientGone))
}

async fn collect_capped(mut body: Incoming) -> Result<Bytes, BodyError> {
    let mut kept = Vec::new();
    let mut total = 0u64;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| BodyError::ClientGone)?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        total += data.len() as u64;
        if total > DRAIN_LIMIT {
            break;
        }
        if total <= MAX_BODY as u64 {
            kept.extend_from_slice(&data);
        }
    }
    if total > MAX_BODY as u64 {
        Err(BodyError::TooLarge)
    } else {
        Ok(Bytes::from(kept))
    }
}

fn log(
    state: &AppState,
    peer: SocketAddr,
    method: &Method,
    path: &str,
    outcome: &str,
    started: Instant,
) {
    if state.quiet {
        return;
    }
    use std::io::Write;
    // stderr may be closed by whoever started us; never panic over a log line.
    let _ = writeln!(
        std::io::stderr(),
        "[whatsjet-sandbox] {} {method} {path} -> {outcome} ({:.1} ms)",
        peer.ip(),
        started.elapsed().as_secs_f64() * 1000.0
    );
}

async fn handle(
    state: Arc<AppState>,
    peer: SocketAddr,
    request: Request<Incoming>,
) -> Result<Reply, CloseConnection> {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let result = if method == Method::OPTIONS {
        // Preflights: not recorded, not rate-limited.
        Ok(reply::preflight())
    } else if path == "/__sandbox" || path.starts_with("/__sandbox/") {
        Ok(control_request(&state, request).await)
    } else if path == "/api" || path.starts_with("/api/") {
        api_request(&state, peer, request, started).await
    } else {
        let host = request
            .headers()
            .get("host")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        Ok(static_files::serve(&state, &method, &path, host.as_deref()).await)
    };
    match result {
        Ok(mut reply) => {
            reply::add_cors(&mut reply);
            log(
                &state,
                peer,
                &method,
                &path,
                reply.status().as_str(),
                started,
            );
            Ok(reply)
        }
        Err(close) => {
            log(&state, peer, &method, &path, close.0, started);
            Err(close)
        }
    }
}

async fn control_request(state: &AppState, request: Request<Incoming>) -> Reply {
    let (parts, body) = request.into_parts();
    let body = match read_body(&parts.headers, body).await {
        Ok(body) => body,
        Err(BodyError::TooLarge) => return reply::payload_too_large(),
        Err(BodyError::ClientGone) => Bytes::new(),
    };
    let host = parts
        .headers
        .get("host")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("127.0.0.1");
    control::handle(
        state,
        &parts.method,
        parts.uri.path(),
        parts.uri.query().unwrap_or(""),
        &body,
        host,
    )
}

fn recorded_headers(headers: &HeaderMap) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for (name, value) in headers {
        let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
        out.entry(name.as_str().to_string())
            .and_modify(|v| {
                v.push_str(", ");
                v.push_str(&value);
            })
            .or_insert(value);
    }
    out
}

async fn api_request(
    state: &AppState,
    peer: SocketAddr,
    request: Request<Incoming>,
    started: Instant,
) -> Result<Reply, CloseConnection> {
    let (parts, body) = request.into_parts();
    let path = parts.uri.path();
    let query = parts.uri.query().unwrap_or("");
    let body = match read_body(&parts.headers, body).await {
        Ok(body) => Some(body),
        Err(BodyError::TooLarge) => None,
        Err(BodyError::ClientGone) => return Err(CloseConnection("client went away")),
    };
    lock(&state.recorder).record(
        parts.method.as_str(),
        path,
        query,
        recorded_headers(&parts.headers),
        body.as_deref(),
    );
    let Some(body) = body else {
        return Ok(reply::payload_too_large());
    };

    // Faults stand for the network and proxies in front of the server, so
    // they come before routing and the rate limiter.
    let fault = lock(&state.faults).take(path);
    if let Some(fault) = fault {
        match faults::apply(&fault).await {
            Outcome::Reply(reply) => return Ok(reply),
            Outcome::Drop => return Err(CloseConnection("fault: dropped before response")),
            Outcome::Hang => {
                log(state, peer, &parts.method, path, "fault: hanging", started);
                // hyper drops this future when the client closes the
                // connection; the guard's log line shows that it did.
                let _guard = HangGuard {
                    quiet: state.quiet,
                    path: path.to_string(),
                };
                let never = std::future::pending::<Infallible>().await;
                match never {}
            }
            Outcome::PassThrough => {}
        }
    }

    let Some(route) = api::route(path) else {
        return Ok(reply::not_found());
    };
    if !route.accepts(&parts.method) {
        return Ok(method_not_allowed(
            &parts.method,
            path,
            route.allowed(),
            wants_json(&parts.headers),
        ));
    }
    let settings = state.settings();
    let verdict = lock(&state.limiter).hit(
        peer.ip(),
        settings.rate_limit,
        settings.window(),
        Instant::now(),
    );
    let mut reply = match verdict {
        Verdict::Limited { limit, retry_after } => {
            too_many_attempts(wants_json(&parts.headers), limit, retry_after)
        }
        Verdict::Allowed { .. } | Verdict::Unlimited => api::handle(
            state,
            &route,
            &ApiRequest {
                path,
                headers: &parts.headers,
                query,
                body: &body,
            },
        ),
    };
    if let Verdict::Allowed { limit, remaining } = verdict {
        reply::set_header(&mut reply, "x-ratelimit-limit", &limit.to_string());
        reply::set_header(&mut reply, "x-ratelimit-remaining", &remaining.to_string());
    }
    Ok(reply)
}

/// Laravel's 429: JSON for clients that accept it, its error page otherwise.
fn too_many_attempts(json: bool, limit: u32, retry_after: u64) -> Reply {
    let mut reply = if json {
        reply::bytes(429, reply::JSON, r#"{"message":"Too Many Attempts."}"#)
    } else {
        reply::html(
            429,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Too Many Requests</title>\n</head>\n<body>\n<div>429 | Too Many Requests</div>\n</body>\n</html>\n",
        )
    };
    reply::set_header(&mut reply, "retry-after", &retry_after.to_string());
    reply::set_header(&mut reply, "x-ratelimit-limit", &limit.to_string());
    reply::set_header(&mut reply, "x-ratelimit-remaining", "0");
    reply
}

/// Laravel's 405 for a known route called with another method.
fn method_not_allowed(method: &Method, path: &str, allowed: &str, json: bool) -> Reply {
    let mut reply = if json {
        let message = format!(
            "The {method} method is not supported for route {}. Supported methods: {allowed}.",
            path.trim_start_matches('/')
        );
        reply::json(405, &serde_json::json!({ "message": message }))
    } else {
        reply::html(
            405,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Method Not Allowed</title>\n</head>\n<body>\n<div>405 | Method Not Allowed</div>\n</body>\n</html>\n",
        )
    };
    reply::set_header(&mut reply, "allow", allowed);
    reply
}
