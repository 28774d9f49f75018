//! One call: a request built from a validated payload, sent through a
//! [`Transport`] (what only the host can do: send, sleep, tell the time,
//! draw a random number, know whether the caller gave up) as many times as
//! [`retry::decide`] allows, and ended by a reply or a [`CallError`].
//!
//! No JavaScript here: the wasm binding's transport is `fetch`, and the
//! tests below drive every retry rule with a fake transport and clock.

use crate::answer::{self, Answer};
use crate::bulk::Pacer;
use crate::config::{CallSettings, ClientConfig};
use crate::error::Error;
use crate::issue::{Issue, IssueCode};
use crate::json::{Map, ToJson, Value};
use crate::request::Kind;
use crate::retry::{self, Decision};
use crate::routes::{Carry, List};
use crate::validate::{self, phone, TemplateDefinition};

/// An HTTP method of the API.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// A read; its parameters are in the query string.
    Get,
    /// A write; its body is JSON.
    Post,
}

impl Method {
    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// A request ready to send: the same on every attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// The route it goes to, which says how to read its answer.
    pub kind: Kind,
    /// GET or POST.
    pub method: Method,
    /// The full URL, query string included.
    pub url: String,
    /// The JSON body of a POST.
    pub body: Option<String>,
}

impl Request {
    /// A POST of `body` (JSON text) to `url`.
    pub fn post(kind: Kind, url: String, body: String) -> Self {
        Self {
            kind,
            method: Method::Post,
            url,
            body: Some(body),
        }
    }

    /// A GET of `url` with `query` appended, each name and value
    /// percent-encoded (`+` and `&` in a value stay data).
    pub fn get(kind: Kind, url: String, query: &[(impl AsRef<str>, impl AsRef<str>)]) -> Self {
        let mut url = url;
        for (i, (name, value)) in query.iter().enumerate() {
            url.push(if i == 0 && !url.contains('?') {
                '?'
            } else {
                '&'
            });
            percent_encode(&mut url, name.as_ref());
            url.push('=');
            percent_encode(&mut url, value.as_ref());
        }
        Self {
            kind,
            method: Method::Get,
            url,
            body: None,
        }
    }
}

/// The headers of every request, in the order they are sent;
/// `authorization` is `Bearer {token}` (or a preview's mask).
pub fn headers(authorization: &str) -> [(&'static str, &str); 3] {
    [
        ("Authorization", authorization),
        ("Content-Type", "application/json"),
        ("Accept", "application/json"),
    ]
}

/// Appends `text` to `url` with every byte but RFC 3986's unreserved
/// characters percent-encoded, so a value cannot change the path or the
/// query. Written here rather than taken from the percent-encoding crate,
/// whose code and 768-byte table cost the module 0.9 KB gzip for this loop.
pub fn percent_encode(url: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            url.push(char::from(b));
        } else {
            url.push('%');
            url.push(char::from(HEX[usize::from(b >> 4)]));
            url.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

/// What came back from one request.
#[derive(Clone, Debug)]
pub struct Response<B> {
    /// HTTP status.
    pub status: u16,
    /// The `Retry-After` header, if any.
    pub retry_after: Option<String>,
    /// The body as text.
    pub body: String,
    /// The host's own copy of the body (in wasm, the JS string it came as),
    /// handed back with a success so the host need not write it out again.
    pub host_body: B,
}

/// A failure the transport saw, with the host's own cause (in wasm, the
/// fetch `TypeError` or the signal's reason) for the caller to inspect.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure<C> {
    /// What went wrong, in the library's terms.
    pub error: Error,
    /// The original error, where there is one.
    pub cause: Option<C>,
}

impl<C> From<Error> for Failure<C> {
    fn from(error: Error) -> Self {
        Self { error, cause: None }
    }
}

/// What only the host can do. One transport serves one call, so it may hold
/// the call's abort signal.
#[allow(async_fn_in_trait)] // used only single-threaded, in wasm and in tests
pub trait Transport {
    /// The host's copy of an answer's body.
    type Body;
    /// The host's original failure.
    type Cause;

    /// Sends one request, bounded by `timeout_ms`. A non-2xx answer is an
    /// `Ok`: [`answer::parse`] judges it.
    async fn send(
        &self,
        request: &Request,
        timeout_ms: u32,
    ) -> Result<Response<Self::Body>, Failure<Self::Cause>>;
    /// Waits `ms`; fails with [`Error::Aborted`] if the caller gives up.
    async fn sleep(&self, ms: u64) -> Result<(), Failure<Self::Cause>>;
    /// An [`Error::Aborted`] failure if the caller has given up.
    fn aborted(&self) -> Option<Failure<Self::Cause>>;
    /// Milliseconds since the Unix epoch (for an HTTP-date `Retry-After`).
    fn now_ms(&self) -> f64;
    /// Uniform in [0, 1), for backoff jitter.
    fn random(&self) -> f64;
}

/// A successful call: the success envelope, and the host's copy of its text.
#[derive(Clone, Debug)]
pub struct Reply<B> {
    /// `{ result: "success", message, data }` as read (with `changed` on the
    /// routes that report it).
    pub envelope: Value,
    /// The body as the host received it.
    pub host_body: B,
    /// Whether `host_body` is the envelope as it is, so that the host may
    /// read its own copy instead of the envelope written out again.
    pub host_body_is_envelope: bool,
}

/// How a call ended when it failed.
#[derive(Clone, Debug, PartialEq)]
pub struct CallError<C> {
    /// The failure of its last request (or why none was sent).
    pub error: Error,
    /// How many requests were sent.
    pub attempts: u32,
    /// Whether any request of the call may have been delivered.
    pub delivery_unknown: bool,
    /// The host's original error, where there is one.
    pub cause: Option<C>,
}

impl<C> CallError<C> {
    /// A call that failed before anything was sent.
    pub fn before_sending(error: Error) -> Self {
        Self {
            error,
            attempts: 0,
            delivery_unknown: false,
            cause: None,
        }
    }

    /// Whether the same call can be made again without risking a second
    /// delivery: the last failure proves the server did not act, and no
    /// earlier attempt may have been delivered. JS's `retryable` is this.
    pub fn retryable(&self) -> bool {
        self.error.retryable() && !self.delivery_unknown
    }

    fn after(failure: Failure<C>, attempts: u32, delivery_unknown: bool) -> Self {
        Self {
            error: failure.error,
            attempts,
            delivery_unknown,
            cause: failure.cause,
        }
    }
}

/// The request of a call of `kind`: the payload validated and normalised
/// with the client's defaults, sent as the route's body or query.
/// `argument` is the method's first argument where the route has one: the
/// path's last segment (`updateContact`'s phone number, a campaign uid) or
/// the one field of a lookup (`getContact`); its issue is reported with the
/// payload's.
pub fn prepare(
    config: &ClientConfig,
    kind: Kind,
    argument: Option<&Value>,
    payload: Value,
) -> Result<Request, Error> {
    prepare_with(config, kind, argument, payload, None)
}

/// [`prepare`], checking a template send against the template's definition.
pub fn prepare_with(
    config: &ClientConfig,
    kind: Kind,
    argument: Option<&Value>,
    payload: Value,
    template: Option<TemplateDefinition>,
) -> Result<Request, Error> {
    let route = kind.route();
    let mut payload = match payload {
        // A list's query and a lookup's payload may be left out.
        Value::Null if route.method == Method::Get => Value::Object(Map::new()),
        other => other,
    };
    let mut issues = Vec::new();
    let mut segment = None;
    let named = route.argument_field.or(route.path_field);
    match (named, argument, &mut payload) {
        (Some("phone_number"), Some(phone), _) => match phone_segment(config, kind, phone) {
            Ok(n) => segment = Some(n),
            Err(mut issue) => {
                // Validation puts the body's issues in the locale's words.
                issue.localize(config.locale.as_deref());
                issues.push(issue)
            }
        },
        (Some(field), Some(value), Value::Object(map)) => map.insert(field, value.clone()),
        _ => {}
    }
    let options = validate::Options {
        template,
        ..config.validate_options()
    };
    let mut body = match validate::validate_owned(kind, payload, &options) {
        Ok(valid) if issues.is_empty() => valid.body,
        Ok(_) => return Err(Error::Validation { issues }),
        Err(invalid) => {
            issues.extend(invalid.issues);
            return Err(Error::Validation { issues });
        }
    };
    if let (Some(field), None) = (route.path_field, &segment) {
        segment = body.remove(field).map(|v| scalar_text(&v));
    }
    let mut url = config.url(kind, None);
    if let Some(segment) = segment {
        percent_encode(&mut url, &segment);
    }
    Ok(match route.carry {
        Carry::Body => Request::post(kind, url, Value::Object(body).to_json_string()),
        Carry::Query => {
            let pairs: Vec<(&String, String)> =
                body.iter().map(|(k, v)| (k, scalar_text(v))).collect();
            Request::get(kind, url, &pairs)
        }
    })
}

/// `updateContact`'s phone number, the last segment of its path.
fn phone_segment(config: &ClientConfig, kind: Kind, phone: &Value) -> Result<String, Issue> {
    match phone.as_str() {
        Some(s) => phone::normalize(s, config.default_country_code.as_deref(), "phone_number"),
        None => Err(Issue::new(
            "phone_number",
            IssueCode::InvalidType,
            format!(
                "phone_number (the first argument of {}) must be a string.",
                kind.name()
            ),
        )),
    }
}

/// A validated value as query or path text: strings as they are, numbers as
/// written.
fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.as_str().to_owned(),
        Value::Bool(b) => b.to_string(),
        other => other.to_json_string(),
    }
}

/// The page a list's query starts at: its `page`, or 1.
pub fn first_page(query: &Value) -> u64 {
    match query.get("page") {
        Some(Value::Number(n)) => n.as_u64().filter(|&p| p > 0).unwrap_or(1),
        _ => 1,
    }
}

/// A list's query asking for page `page` (a query left out asks for it
/// alone).
pub fn page_query(query: &Value, page: u64) -> Value {
    let mut map = match query {
        Value::Object(map) => map.clone(),
        _ => Map::new(),
    };
    map.insert("page", Value::Number(page.into()));
    Value::Object(map)
}

/// The items of one page of a list route's answer, and the number of the
/// next page if there is one. A page without items ends the list whatever
/// its paginator says, so a wrong `last_page` cannot loop forever.
pub fn page_items(envelope: &Value, list: &List, asked: u64) -> (Vec<Value>, Option<u64>) {
    let page = envelope
        .get("data")
        .and_then(|d| d.get(list.key))
        .and_then(Value::as_object);
    let number = |key: &str| match page.and_then(|p| p.get(key)) {
        Some(Value::Number(n)) => n.as_u64(),
        _ => None,
    };
    let items = match page.and_then(|p| p.get("data")) {
        Some(Value::Array(items)) => items.clone(),
        _ => Vec::new(),
    };
    let current = number("current_page").unwrap_or(asked).max(asked);
    let next = match number("last_page") {
        Some(last) if current < last && !items.is_empty() => Some(current + 1),
        _ => None,
    };
    (items, next)
}

/// Sends `request` until an answer, or until [`retry::decide`] gives up.
pub async fn run<T: Transport>(
    transport: &T,
    request: &Request,
    settings: &CallSettings,
) -> Result<Reply<T::Body>, CallError<T::Cause>> {
    run_paced(transport, request, settings, None).await
}

/// [`run`], each attempt waiting its turn at `pacer`, which learns of a
/// 429's `Retry-After`: the calls of a [`crate::bulk`] run share one.
pub async fn run_paced<T: Transport>(
    transport: &T,
    request: &Request,
    settings: &CallSettings,
    pacer: Option<&Pacer>,
) -> Result<Reply<T::Body>, CallError<T::Cause>> {
    let route = request.kind.route();
    let mut attempts = 0;
    let mut delivery_unknown = false;
    loop {
        if let Some(aborted) = transport.aborted() {
            return Err(CallError::after(aborted, attempts, delivery_unknown));
        }
        if let Some(pacer) = pacer {
            if let Err(aborted) = pacer.ready(transport).await {
                return Err(CallError::after(aborted, attempts, delivery_unknown));
            }
        }
        attempts += 1;
        let (failure, retry_after) = match transport.send(request, settings.timeout_ms).await {
            Ok(response) => {
                let now = transport.now_ms();
                let answer = Answer {
                    status: response.status,
                    retry_after: response.retry_after.as_deref(),
                    body: &response.body,
                };
                match answer::for_route(route, answer::parse(&answer, now)) {
                    Ok(envelope) => {
                        return Ok(Reply {
                            envelope,
                            host_body: response.host_body,
                            host_body_is_envelope: !route.no_changes_is_success,
                        })
                    }
                    // A 429's wait is in its error; a 503's only here.
                    Err(error) => (
                        Failure::from(error),
                        answer
                            .retry_after
                            .and_then(|v| answer::retry_after_ms(v, now)),
                    ),
                }
            }
            Err(failure) => (failure, None),
        };
        if let (Some(p), Some(ms), Error::RateLimited { .. }) = (pacer, retry_after, &failure.error)
        {
            p.pause_until(transport.now_ms() + ms as f64);
        }
        // An abort mid-request leaves the request's fate unknown too.
        delivery_unknown |=
            retry::delivery_unknown(&failure.error) || failure.error == Error::Aborted;
        match retry::decide(
            &settings.retry,
            &failure.error,
            retry_after,
            attempts,
            transport.random(),
        ) {
            Decision::RetryAfter(ms) => {
                if let Err(aborted) = transport.sleep(ms).await {
                    return Err(CallError::after(aborted, attempts, delivery_unknown));
                }
            }
            Decision::GiveUp => return Err(CallError::after(failure, attempts, delivery_unknown)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_keeps_only_unreserved_characters() {
        use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
        const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
            .remove(b'-')
            .remove(b'.')
            .remove(b'_')
            .remove(b'~');
        let every_char: String = (0u32..0x800).filter_map(char::from_u32).collect();
        for text in [every_char.as_str(), "a b&c=d/é~-._?#+%", "\u{1F600}", ""] {
            let mut ours = String::new();
            percent_encode(&mut ours, text);
            assert_eq!(ours, utf8_percent_encode(text, UNRESERVED).to_string());
        }
        let mut url = String::from("x?q=");
        percent_encode(&mut url, "a b&c");
        assert_eq!(url, "x?q=a%20b%26c");
    }
    use crate::retry::RetryPolicy;
    use std::cell::{Cell, RefCell};
    use std::collections::VecDeque;

    /// What the fake server does with one request.
    enum Step {
        Answer(u16, Option<&'static str>, &'static str),
        Fail(Error, &'static str),
        /// The caller aborts while this request is in flight.
        AbortDuring,
    }

    /// A scripted server, a clock that only sleeping moves, and a caller
    /// who may abort at a set moment.
    struct Fake {
        steps: RefCell<VecDeque<Step>>,
        sent: RefCell<Vec<(Request, u32)>>,
        slept: RefCell<Vec<u64>>,
        clock_ms: Cell<f64>,
        aborted: Cell<bool>,
        abort_while_sleeping: bool,
    }

    const OK: &str =
        r#"{"result":"success","message":"Message processed","data":{"status":"sent"}}"#;
    const THROTTLED: &str = r#"{"message":"Too Many Attempts."}"#;
    /// 2026-12-01T00:00:00Z
    const START_MS: f64 = 1_796_083_200_000.0;

    fn fake(steps: Vec<Step>) -> Fake {
        Fake {
            steps: RefCell::new(steps.into()),
            sent: RefCell::default(),
            slept: RefCell::default(),
            clock_ms: Cell::new(START_MS),
            aborted: Cell::new(false),
            abort_while_sleeping: false,
        }
    }

    fn refused() -> Step {
        Step::Fail(
            Error::Network {
                message: "fetch failed (ECONNREFUSED)".into(),
                connected: false,
            },
            "TypeError: fetch failed",
        )
    }

    impl Transport for Fake {
        type Body = &'static str;
        type Cause = &'static str;

        async fn send(
            &self,
            request: &Request,
            timeout_ms: u32,
        ) -> Result<Response<&'static str>, Failure<&'static str>> {
            self.sent.borrow_mut().push((request.clone(), timeout_ms));
            match self
                .steps
                .borrow_mut()
                .pop_front()
                .expect("an unscripted request")
            {
                Step::Answer(status, retry_after, body) => Ok(Response {
                    status,
                    retry_after: retry_after.map(str::to_owned),
                    body: body.to_owned(),
                    host_body: body,
                }),
                Step::Fail(error, cause) => Err(Failure {
                    error,
                    cause: Some(cause),
                }),
                Step::AbortDuring => {
                    self.aborted.set(true);
                    Err(Failure {
                        error: Error::Aborted,
                        cause: Some("reason: user left"),
                    })
                }
            }
        }

        async fn sleep(&self, ms: u64) -> Result<(), Failure<&'static str>> {
            self.slept.borrow_mut().push(ms);
            if self.abort_while_sleeping {
                self.aborted.set(true);
            }
            match self.aborted() {
                Some(aborted) => Err(aborted),
                None => {
                    self.clock_ms.set(self.clock_ms.get() + ms as f64);
                    Ok(())
                }
            }
        }

        fn aborted(&self) -> Option<Failure<&'static str>> {
            self.aborted.get().then_some(Failure {
                error: Error::Aborted,
                cause: Some("reason: user left"),
            })
        }

        fn now_ms(&self) -> f64 {
            self.clock_ms.get()
        }

        fn random(&self) -> f64 {
            0.5
        }
    }

    fn request() -> Request {
        Request::post(
            Kind::SendMessage,
            "https://example.com/api/v/contact/send-message".into(),
            r#"{"phone_number":"919876543210","message_body":"hi"}"#.into(),
        )
    }

    fn run_with(
        t: &Fake,
        settings: CallSettings,
    ) -> Result<Reply<&'static str>, CallError<&'static str>> {
        pollster::block_on(run(t, &request(), &settings))
    }

    fn run_default(t: &Fake) -> Result<Reply<&'static str>, CallError<&'static str>> {
        run_with(t, CallSettings::default())
    }

    fn brave() -> CallSettings {
        CallSettings {
            retry: RetryPolicy {
                retry_unknown_delivery: true,
                ..RetryPolicy::default()
            },
            ..CallSettings::default()
        }
    }

    #[test]
    fn a_success_is_one_request_and_no_wait() {
        let t = fake(vec![Step::Answer(200, None, OK)]);
        let reply = run_default(&t).unwrap();
        assert_eq!(reply.host_body, OK);
        assert_eq!(reply.envelope.to_json_string(), OK);
        assert_eq!(*t.sent.borrow(), vec![(request(), 30_000)]);
        assert!(t.slept.borrow().is_empty());
    }

    #[test]
    fn a_429_waits_its_retry_after_in_seconds_then_sends_the_same_request() {
        let t = fake(vec![
            Step::Answer(429, Some("2"), THROTTLED),
            Step::Answer(200, None, OK),
        ]);
        assert!(run_default(&t).is_ok());
        assert_eq!(*t.slept.borrow(), vec![2_000]);
        let sent = t.sent.borrow();
        assert_eq!(sent.len(), 2);
        assert_eq!(sent[0], sent[1]);
    }

    #[test]
    fn an_http_date_retry_after_is_read_against_the_transport_clock() {
        // START_MS + 3 s.
        let t = fake(vec![
            Step::Answer(429, Some("Tue, 01 Dec 2026 00:00:03 GMT"), THROTTLED),
            Step::Answer(200, None, OK),
        ]);
        assert!(run_default(&t).is_ok());
        assert_eq!(*t.slept.borrow(), vec![3_000]);
    }

    #[test]
    fn a_429_without_retry_after_backs_off_with_jitter_doubling_each_time() {
        let t = fake(vec![
            Step::Answer(429, None, THROTTLED),
            Step::Answer(429, None, THROTTLED),
            Step::Answer(200, None, OK),
        ]);
        assert!(run_default(&t).is_ok());
        // Half (the fake's random) of 500 ms, then of 1000 ms.
        assert_eq!(*t.slept.borrow(), vec![250, 500]);
    }

    #[test]
    fn retries_stop_at_max_retries_and_the_last_error_is_kept() {
        let t = fake(vec![refused(), refused(), refused()]);
        let e = run_default(&t).unwrap_err();
        assert_eq!(e.attempts, 3);
        assert_eq!(e.error.code(), "network");
        assert_eq!(e.cause, Some("TypeError: fetch failed"));
        assert!(!e.delivery_unknown);
        assert!(e.retryable());
        assert_eq!(*t.slept.borrow(), vec![250, 500]);
    }

    #[test]
    fn a_retry_after_beyond_max_retry_delay_ends_the_call_at_once() {
        let t = fake(vec![Step::Answer(429, Some("120"), THROTTLED)]);
        let e = run_default(&t).unwrap_err();
        assert_eq!(
            e.error,
            Error::RateLimited {
                status: 429,
                retry_after_ms: Some(120_000),
                server_message: "Too Many Attempts.".into()
            }
        );
        assert_eq!(e.attempts, 1);
        assert!(e.retryable());
        assert!(t.slept.borrow().is_empty());
    }

    #[test]
    fn a_503_is_retried_only_with_retry_after() {
        let t = fake(vec![Step::Answer(503, None, "")]);
        let e = run_default(&t).unwrap_err();
        assert_eq!((e.attempts, e.retryable()), (1, true));
        let t = fake(vec![
            Step::Answer(503, Some("1"), ""),
            Step::Answer(200, None, OK),
        ]);
        assert!(run_default(&t).is_ok());
        assert_eq!(*t.slept.borrow(), vec![1_000]);
    }

    #[test]
    fn what_may_have_been_delivered_is_not_sent_again() {
        for step in [
            Step::Answer(500, None, "oops"),
            Step::Answer(200, None, "<html>"),
            Step::Fail(Error::Timeout { timeout_ms: 30_000 }, "AbortError"),
            Step::Fail(
                Error::Network {
                    message: "fetch failed (ECONNRESET)".into(),
                    connected: true,
                },
                "TypeError: fetch failed",
            ),
        ] {
            let t = fake(vec![step]);
            let e = run_default(&t).unwrap_err();
            assert_eq!(t.sent.borrow().len(), 1, "{:?}", e.error);
            assert!(e.delivery_unknown, "{:?}", e.error);
            assert!(!e.retryable(), "{:?}", e.error);
        }
    }

    #[test]
    fn retry_unknown_delivery_retries_them_and_the_call_stays_unknown() {
        let t = fake(vec![
            Step::Answer(502, None, "bad gateway"),
            Step::Answer(429, Some("120"), THROTTLED),
        ]);
        let e = run_with(&t, brave()).unwrap_err();
        assert_eq!(e.attempts, 2);
        assert_eq!(e.error.code(), "rate_limited");
        // The 429 alone would be safe to retry; the 502 before it may have
        // delivered the message.
        assert!(e.error.retryable());
        assert!(e.delivery_unknown);
        assert!(!e.retryable());
    }

    #[test]
    fn an_abort_before_sending_sends_nothing() {
        let t = fake(vec![]);
        t.aborted.set(true);
        let e = run_default(&t).unwrap_err();
        assert_eq!(
            e,
            CallError {
                error: Error::Aborted,
                attempts: 0,
                delivery_unknown: false,
                cause: Some("reason: user left")
            }
        );
    }

    #[test]
    fn an_abort_during_a_request_leaves_its_delivery_unknown() {
        let t = fake(vec![Step::AbortDuring]);
        let e = run_default(&t).unwrap_err();
        assert_eq!(e.error, Error::Aborted);
        assert_eq!(e.cause, Some("reason: user left"));
        assert_eq!((e.attempts, e.delivery_unknown), (1, true));
    }

    #[test]
    fn an_abort_while_waiting_ends_the_call_without_another_request() {
        let mut t = fake(vec![Step::Answer(429, Some("5"), THROTTLED)]);
        t.abort_while_sleeping = true;
        let e = run_default(&t).unwrap_err();
        assert_eq!(e.error, Error::Aborted);
        assert_eq!((e.attempts, e.delivery_unknown), (1, false));
        assert_eq!(t.sent.borrow().len(), 1);
    }

    #[test]
    fn max_retries_zero_never_retries() {
        let settings = CallSettings {
            retry: RetryPolicy {
                max_retries: 0,
                ..RetryPolicy::default()
            },
            timeout_ms: 1_234,
        };
        let t = fake(vec![Step::Answer(429, Some("1"), THROTTLED)]);
        let e = run_with(&t, settings).unwrap_err();
        assert_eq!(e.attempts, 1);
        assert_eq!(t.sent.borrow()[0].1, 1_234);
    }

    #[test]
    fn a_get_carries_its_query_percent_encoded() {
        let r = Request::get(
            Kind::ListContacts,
            "https://example.com/api/v/contact".into(),
            &[
                ("phone_number_or_email", "a+b&c=d@example.com"),
                ("page", "2"),
            ],
        );
        assert_eq!(r.method.as_str(), "GET");
        assert_eq!(
            r.url,
            "https://example.com/api/v/contact?phone_number_or_email=a%2Bb%26c%3Dd%40example.com&page=2"
        );
        assert_eq!(r.body, None);
        let r = Request::get(
            Kind::ListContacts,
            "https://x.test/a?x=1".into(),
            &[("é", " ")],
        );
        assert_eq!(r.url, "https://x.test/a?x=1&%C3%A9=%20");
    }

    #[test]
    fn prepare_reports_the_path_number_with_the_body_issues() {
        let config = ClientConfig::from_options(
            &crate::json::parse(
                r#"{"baseUrl":"https://example.com/api","vendorUid":"v","token":"t"}"#,
            )
            .unwrap(),
        )
        .unwrap();
        let body = crate::json::parse(r#"{"email":"not-an-email"}"#).unwrap();
        let e = prepare(&config, Kind::UpdateContact, Some(&Value::Null), body).unwrap_err();
        let paths: Vec<&str> = e.issues().iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, ["phone_number", "email"]);
        assert_eq!(
            e.issues()[0].message,
            "phone_number (the first argument of updateContact) must be a string."
        );
        let phone = Value::String("+91 98765-43210".into());
        let r = prepare(
            &config,
            Kind::UpdateContact,
            Some(&phone),
            crate::json::parse(r#"{"first_name":"Ada"}"#).unwrap(),
        )
        .unwrap();
        assert_eq!(
            r,
            Request::post(
                Kind::UpdateContact,
                "https://example.com/api/v/contact/update/919876543210".into(),
                r#"{"first_name":"Ada"}"#.into()
            )
        );
    }

    #[test]
    fn the_path_numbers_issue_speaks_the_clients_locale_as_the_body_issues_do() {
        let config = ClientConfig::from_options(
            &crate::json::parse(
                r#"{"baseUrl":"https://example.com/api","vendorUid":"v","token":"t","locale":{"locale":"xx","messages":{"invalid_phone.too_few_digits":"{path}: {count} digits","invalid_email":"{path}: no e-mail"}}}"#,
            )
            .unwrap(),
        )
        .unwrap();
        let body = crate::json::parse(r#"{"email":"x@"}"#).unwrap();
        let phone = Value::String("12345".into());
        let e = prepare(&config, Kind::UpdateContact, Some(&phone), body).unwrap_err();
        let messages: Vec<&str> = e.issues().iter().map(|i| i.message.as_str()).collect();
        assert_eq!(messages, ["phone_number: 5 digits", "email: no e-mail"]);
    }

    #[test]
    fn pages_follow_the_paginator_and_stop_on_an_empty_page() {
        let list = Kind::ListContacts.route().list.unwrap();
        let page = |current: u64, last: u64, items: &str| {
            crate::json::parse(&format!(
                r#"{{"result":"success","message":"","data":{{"contactList":{{"current_page":{current},"last_page":{last},"data":[{items}]}}}}}}"#
            ))
            .unwrap()
        };
        let (items, next) = page_items(&page(1, 3, r#"{"_uid":"a"},{"_uid":"b"}"#), &list, 1);
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].get("_uid").and_then(Value::as_str), Some("b"));
        assert_eq!(next, Some(2));
        assert_eq!(page_items(&page(3, 3, r#"{"_uid":"c"}"#), &list, 3).1, None);
        // A paginator that claims more pages but lists nothing ends the list.
        assert_eq!(page_items(&page(2, 9, ""), &list, 2), (vec![], None));
        // A page number going backwards cannot restart the list.
        assert_eq!(page_items(&page(1, 9, "1"), &list, 5).1, Some(6));
        // Not the API's shape: no items, no next page.
        let odd = crate::json::parse(r#"{"result":"success","data":[]}"#).unwrap();
        assert_eq!(page_items(&odd, &list, 1), (vec![], None));
        // Groups are under the server's `contactList` key too.
        let groups = Kind::ListGroups.route().list.unwrap();
        assert_eq!(page_items(&page(1, 2, "1"), &groups, 1).1, Some(2));
    }

    #[test]
    fn a_page_query_keeps_the_rest_of_the_query() {
        let query = crate::json::parse(r#"{"search_term":"a&b","page":3}"#).unwrap();
        assert_eq!(first_page(&query), 3);
        assert_eq!(
            page_query(&query, 4).to_json_string(),
            r#"{"search_term":"a&b","page":4}"#
        );
        assert_eq!(first_page(&Value::Null), 1);
        assert_eq!(
            page_query(&Value::Null, 2).to_json_string(),
            r#"{"page":2}"#
        );
    }

    fn client() -> ClientConfig {
        ClientConfig::from_options(
            &crate::json::parse(
                r#"{"baseUrl":"https://example.com/api","vendorUid":"v","token":"t","defaultCountryCode":"91"}"#,
            )
            .unwrap(),
        )
        .unwrap()
    }

    fn json(text: &str) -> Value {
        crate::json::parse(text).unwrap()
    }

    #[test]
    fn a_list_sends_its_query_string_and_no_body() {
        let r = prepare(
            &client(),
            Kind::ListContacts,
            None,
            json(r#"{"search_term":"a&b=c/../d","page":2,"page_size":50}"#),
        )
        .unwrap();
        assert_eq!(
            r,
            Request {
                kind: Kind::ListContacts,
                method: Method::Get,
                // In the order of the field table.
                url: "https://example.com/api/v/contacts?page=2&page_size=50&search_term=a%26b%3Dc%2F..%2Fd"
                    .into(),
                body: None,
            }
        );
        // Left out, the query is empty.
        let r = prepare(&client(), Kind::ListGroups, None, Value::Null).unwrap();
        assert_eq!(r.url, "https://example.com/api/v/contact/groups");
        // A bad query is refused before anything is sent.
        let e = prepare(
            &client(),
            Kind::ListLabels,
            None,
            json(r#"{"page_size":1001}"#),
        )
        .unwrap_err();
        assert_eq!(e.issues()[0].path, "page_size");
    }

    #[test]
    fn get_contact_sends_its_one_argument_normalised() {
        let arg = Value::String("098765 43210".into());
        let r = prepare(&client(), Kind::GetContact, Some(&arg), Value::Null).unwrap();
        assert_eq!(
            r.url,
            "https://example.com/api/v/contact?phone_number_or_email=919876543210"
        );
        let arg = Value::String("ada@example.com".into());
        let r = prepare(&client(), Kind::GetContact, Some(&arg), Value::Null).unwrap();
        assert_eq!(
            r.url,
            "https://example.com/api/v/contact?phone_number_or_email=ada%40example.com"
        );
        assert_eq!(r.method, Method::Get);
        let e = prepare(&client(), Kind::GetContact, Some(&Value::Null), Value::Null).unwrap_err();
        assert_eq!(e.issues()[0].path, "phone_number_or_email");
    }

    #[test]
    fn a_campaign_uid_ends_the_path_and_cannot_change_it() {
        let uid = Value::String("d1000000-0000-4000-8000-000000000001".into());
        let r = prepare(&client(), Kind::GetCampaignStatus, Some(&uid), Value::Null).unwrap();
        assert_eq!(
            r.url,
            "https://example.com/api/v/campaign-status/d1000000-0000-4000-8000-000000000001"
        );
        assert_eq!(r.body, None);
        for bad in ["../contacts", "a/b", "a?b", ""] {
            let arg = Value::String(bad.into());
            let e =
                prepare(&client(), Kind::GetCampaignStatus, Some(&arg), Value::Null).unwrap_err();
            assert_eq!(e.issues()[0].path, "campaignUid", "{bad:?}");
        }
    }

    #[test]
    fn change_routes_post_their_body() {
        let r = prepare(
            &client(),
            Kind::AssignGroups,
            None,
            json(r#"{"contacts_uid":["c1","c1","c2"],"groups_uid":["g1"]}"#),
        )
        .unwrap();
        assert_eq!(r.method, Method::Post);
        assert_eq!(r.url, "https://example.com/api/v/contact/assign-groups");
        assert_eq!(
            r.body.as_deref(),
            Some(r#"{"contacts_uid":["c1","c2"],"groups_uid":["g1"]}"#)
        );
    }
}
