//! Many sends of one kind: each row through [`call::run`] as a single send
//! would go (so retried only as it would be, never twice), at most
//! `concurrency` at a time, and every attempt, retries included, paced to
//! `ratePerMinute`. A 429 with `Retry-After` pauses the whole run. A row
//! that failed validation is a failed outcome and never stops the others.
//! The host hears of a row right before its first request leaves (so a
//! journal can record it first) and again when it ends.
//!
//! The pace is one attempt per `60 s / ratePerMinute`: then no 60-second
//! window, sliding or the server's fixed one, holds more than the rate, and
//! there is no burst of the whole minute's budget that a server counting
//! per second would refuse.

use std::cell::Cell;
use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::task::Poll;

use crate::call::{self, CallError, Failure, Reply, Request, Transport};
use crate::config::{self, CallSettings};
use crate::error::Error;
use crate::json::Value;
use crate::request::Kind;

/// The kinds `sendBulk` takes.
pub const KINDS: [Kind; 5] = [
    Kind::SendMessage,
    Kind::SendMediaMessage,
    Kind::SendTemplateMessage,
    Kind::SendInteractiveMessage,
    Kind::SendCarouselTemplateMessage,
];

/// Default `ratePerMinute`: the server's own throttle.
pub const DEFAULT_RATE_PER_MINUTE: u32 = 60;
/// Default `concurrency`.
pub const DEFAULT_CONCURRENCY: u32 = 4;

/// How fast a run may go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pace {
    /// Most attempts in any 60 seconds.
    pub rate_per_minute: u32,
    /// Most requests in flight at once.
    pub concurrency: u32,
}

impl Default for Pace {
    fn default() -> Self {
        Self {
            rate_per_minute: DEFAULT_RATE_PER_MINUTE,
            concurrency: DEFAULT_CONCURRENCY,
        }
    }
}

/// The kind a caller named, if it is one `sendBulk` takes.
pub fn read_kind(name: Option<&str>) -> Result<Kind, Error> {
    Kind::parse_among(name, &KINDS, "kind")
}

/// Every option of `sendBulk`, for the message about an unknown one.
const OPTION_NAMES: [&str; 10] = [
    "ratePerMinute",
    "concurrency",
    "onSend",
    "onProgress",
    "signal",
    "timeoutMs",
    "maxRetries",
    "maxRetryDelayMs",
    "retryUnknownDelivery",
    "template",
];

/// Reads `sendBulk`'s options: the pace, and the per-call options of every
/// row over the client's. `onSend` and `onProgress` are the host's to read.
pub fn read_options(
    options: &Value,
    defaults: &CallSettings,
) -> Result<(Pace, CallSettings), Error> {
    let mut pace = Pace::default();
    if let Value::Object(map) = options {
        for (name, max, slot) in [
            ("ratePerMinute", 600_000, &mut pace.rate_per_minute),
            ("concurrency", 64, &mut pace.concurrency),
        ] {
            if let Some(n) = config::whole_number(map, name, 1, max, "")? {
                *slot = n;
            }
        }
    }
    // The call options read the rest; the callbacks are the host's.
    let settings =
        config::read_call_options_among(options, defaults, &OPTION_NAMES, "a sendBulk option")?;
    Ok((pace, settings))
}

/// How one row ended.
#[derive(Debug)]
pub enum Outcome<B, C> {
    /// The server accepted it.
    Sent(Reply<B>),
    /// Refused before sending, or the call failed; the error says whether it
    /// may have been delivered all the same.
    Failed(CallError<C>),
    /// Never sent: the run was aborted first.
    NotSent,
}

/// The counts after a row ended.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Rows ended, sent or failed.
    pub done: usize,
    /// Rows in the run.
    pub total: usize,
    /// Rows sent.
    pub sent: usize,
    /// Rows failed.
    pub failed: usize,
}

/// Sends every row. `ended(index, outcome, counts)` gets each row that was
/// sent or failed as it ends; a row it never gets is [`Outcome::NotSent`].
///
/// `on_send(index)` runs once per row, after its turn and right before its
/// first request leaves (never for an invalid row or one that ends
/// unsent); if it returns `false` the row is not sent: it ends unsent.
pub async fn run<T: Transport>(
    transport: &T,
    rows: &[Result<Request, Error>],
    settings: &CallSettings,
    pace: Pace,
    on_send: impl Fn(usize) -> bool,
    ended: impl Fn(usize, Outcome<T::Body, T::Cause>, Progress),
) {
    let pacer = Pacer::new(pace.rate_per_minute);
    let next_row = Cell::new(0);
    let counts = Cell::new(Progress {
        total: rows.len(),
        ..Progress::default()
    });
    let worker = || async {
        while transport.aborted().is_none() {
            let i = next_row.get();
            let Some(row) = rows.get(i) else { break };
            next_row.set(i + 1);
            let outcome = match row {
                Err(invalid) => Outcome::Failed(CallError::before_sending(invalid.clone())),
                // The row's first turn is taken here, so that the host hears
                // of the row after it and before the request leaves; the
                // call's first `ready` comes before anything else runs, and
                // gets it back.
                Ok(request) => match pacer.ready(transport).await {
                    Err(_) => Outcome::NotSent,
                    Ok(()) if !on_send(i) => Outcome::NotSent,
                    Ok(()) => {
                        pacer.held.set(true);
                        let result = call::run_paced(transport, request, settings, Some(&pacer));
                        let result = result.await;
                        // Unused only if `on_send` aborted the run.
                        pacer.held.set(false);
                        match result {
                            Ok(reply) => Outcome::Sent(reply),
                            // The server never acted on it.
                            Err(e) if matches!(e.error, Error::Aborted) && !e.delivery_unknown => {
                                Outcome::NotSent
                            }
                            Err(e) => Outcome::Failed(e),
                        }
                    }
                },
            };
            let mut c = counts.get();
            match outcome {
                Outcome::Sent(_) => c.sent += 1,
                Outcome::Failed(_) => c.failed += 1,
                Outcome::NotSent => continue,
            }
            c.done += 1;
            counts.set(c);
            ended(i, outcome, c);
        }
    };
    let mut workers: Vec<Option<Pin<Box<_>>>> = (0..pace.concurrency.max(1))
        .map(|_| Some(Box::pin(worker())))
        .collect();
    // Each wake polls every worker: a handful, so no executor is needed.
    poll_fn(|cx| {
        for slot in &mut workers {
            if slot
                .as_mut()
                .is_some_and(|w| w.as_mut().poll(cx).is_ready())
            {
                *slot = None;
            }
        }
        if workers.iter().all(Option::is_none) {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
}

/// The turns of a run's requests: one per `60 s / ratePerMinute`, none
/// while a 429's `Retry-After` lasts.
#[derive(Debug)]
pub struct Pacer {
    interval_ms: f64,
    /// When the next request may leave.
    next_ms: Cell<f64>,
    /// Until when a 429 stopped the run.
    paused_until_ms: Cell<f64>,
    /// Turns given out, and the turn whose request leaves next.
    tickets: Cell<u64>,
    serving: Cell<u64>,
    /// A turn already waited for, which the next `ready` returns at once.
    held: Cell<bool>,
}

impl Pacer {
    /// Turns for `rate_per_minute` requests a minute.
    pub fn new(rate_per_minute: u32) -> Self {
        Self {
            interval_ms: 60_000.0 / f64::from(rate_per_minute.max(1)),
            next_ms: Cell::new(f64::MIN),
            paused_until_ms: Cell::new(f64::MIN),
            tickets: Cell::new(0),
            serving: Cell::new(0),
            held: Cell::new(false),
        }
    }

    /// Lets no request leave before `ms` (on the transport's clock).
    pub fn pause_until(&self, ms: f64) {
        self.paused_until_ms.set(self.paused_until_ms.get().max(ms));
    }

    /// Waits for the next turn. Turns are taken in the order asked for, so
    /// rows leave in input order and an abort leaves the last ones unsent.
    pub async fn ready<T: Transport>(&self, transport: &T) -> Result<(), Failure<T::Cause>> {
        if self.held.replace(false) {
            return Ok(());
        }
        let ticket = self.tickets.get();
        self.tickets.set(ticket + 1);
        loop {
            let now = transport.now_ms();
            let ahead = (ticket - self.serving.get()) as f64;
            let at = self.next_ms.get().max(self.paused_until_ms.get()) + ahead * self.interval_ms;
            if ahead == 0.0 && at <= now {
                self.serving.set(ticket + 1);
                self.next_ms.set(now + self.interval_ms);
                return Ok(());
            }
            transport.sleep((at - now).max(1.0).ceil() as u64).await?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::call::Response;
    use crate::config::ClientConfig;
    use crate::issue::IssueCode;
    use crate::json;
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::task::{Context, Waker};

    /// A server `latency_ms` away on a simulated clock: `sleep` really
    /// waits (until the driver moves the clock), so workers overlap as they
    /// would in a browser, and the test reads every attempt's time.
    struct Sim {
        now: Cell<f64>,
        /// Deadlines of pending sleeps, for the driver to move the clock to.
        timers: RefCell<Vec<f64>>,
        latency_ms: f64,
        /// Answers by phone number, in order; then 200.
        script: RefCell<HashMap<String, Vec<Scripted>>>,
        /// (start, phone number) of every request.
        sent: RefCell<Vec<(f64, String)>>,
        in_flight: Cell<usize>,
        most_in_flight: Cell<usize>,
        abort_at: Option<f64>,
    }

    /// A status and its `Retry-After`.
    type Scripted = (u16, Option<&'static str>);

    const OK: &str =
        r#"{"result":"success","message":"Message processed","data":{"status":"accepted"}}"#;

    fn sim(latency_ms: f64) -> Sim {
        Sim {
            now: Cell::new(0.0),
            timers: RefCell::default(),
            latency_ms,
            script: RefCell::default(),
            sent: RefCell::default(),
            in_flight: Cell::new(0),
            most_in_flight: Cell::new(0),
            abort_at: None,
        }
    }

    impl Sim {
        fn answer(&self, phone: &str, answers: &[Scripted]) {
            self.script
                .borrow_mut()
                .insert(phone.to_owned(), answers.to_vec());
        }

        /// Waits until the clock reaches `until`, or the caller aborts.
        async fn until(&self, until: f64) -> Result<(), Failure<()>> {
            poll_fn(|_| {
                if let Some(aborted) = self.aborted() {
                    return Poll::Ready(Err(aborted));
                }
                if self.now.get() >= until {
                    return Poll::Ready(Ok(()));
                }
                let mut timers = self.timers.borrow_mut();
                timers.push(until);
                timers.extend(self.abort_at);
                Poll::Pending
            })
            .await
        }

        fn times(&self) -> Vec<f64> {
            self.sent.borrow().iter().map(|(t, _)| *t).collect()
        }

        /// The phone number of every request, in order.
        fn phones(&self) -> Vec<String> {
            self.sent.borrow().iter().map(|(_, p)| p.clone()).collect()
        }
    }

    impl Transport for Sim {
        type Body = ();
        type Cause = ();

        async fn send(&self, request: &Request, _: u32) -> Result<Response<()>, Failure<()>> {
            let body = json::parse(request.body.as_deref().unwrap_or("")).unwrap();
            let phone = body
                .get("phone_number")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            self.sent.borrow_mut().push((self.now.get(), phone.clone()));
            self.in_flight.set(self.in_flight.get() + 1);
            self.most_in_flight
                .set(self.most_in_flight.get().max(self.in_flight.get()));
            let done = self.until(self.now.get() + self.latency_ms).await;
            self.in_flight.set(self.in_flight.get() - 1);
            done?;
            let (status, retry_after) = match self.script.borrow_mut().get_mut(&phone) {
                Some(answers) if !answers.is_empty() => answers.remove(0),
                _ => (200, None),
            };
            Ok(Response {
                status,
                retry_after: retry_after.map(str::to_owned),
                body: if status == 200 { OK } else { "{}" }.to_owned(),
                host_body: (),
            })
        }

        async fn sleep(&self, ms: u64) -> Result<(), Failure<()>> {
            self.until(self.now.get() + ms as f64).await
        }

        fn aborted(&self) -> Option<Failure<()>> {
            self.abort_at
                .filter(|at| self.now.get() >= *at)
                .map(|_| Failure::from(Error::Aborted))
        }

        fn now_ms(&self) -> f64 {
            self.now.get()
        }

        fn random(&self) -> f64 {
            0.5
        }
    }

    /// Runs `future`, moving the clock to the next deadline whenever
    /// every task waits.
    fn drive<F: Future>(sim: &Sim, future: F) -> F::Output {
        let mut future = std::pin::pin!(future);
        let mut cx = Context::from_waker(Waker::noop());
        loop {
            if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
                return out;
            }
            let next = sim
                .timers
                .take()
                .into_iter()
                .filter(|t| *t > sim.now.get())
                .fold(f64::INFINITY, f64::min);
            assert!(next.is_finite(), "every task waits, and on nothing");
            sim.now.set(next);
        }
    }

    fn client() -> ClientConfig {
        ClientConfig::from_options(
            &json::parse(r#"{"baseUrl":"https://example.com/api","vendorUid":"v","token":"t"}"#)
                .unwrap(),
        )
        .unwrap()
    }

    /// A text to 9190000000NN for each `n`.
    fn rows(numbers: impl IntoIterator<Item = u32>) -> Vec<Result<Request, Error>> {
        numbers
            .into_iter()
            .map(|n| {
                let body = json::parse(&format!(
                    r#"{{"phone_number":"91900000{n:04}","message_body":"hi"}}"#
                ))
                .unwrap();
                call::prepare(&client(), Kind::SendMessage, None, body)
            })
            .collect()
    }

    /// What a row that failed validation holds.
    fn invalid_phone() -> Error {
        Error::invalid("phone_number", IssueCode::InvalidPhone, "bad")
    }

    fn phone(n: u32) -> String {
        format!("91900000{n:04}")
    }

    fn pace(rate_per_minute: u32, concurrency: u32) -> Pace {
        Pace {
            rate_per_minute,
            concurrency,
        }
    }

    type Outcomes = Vec<Outcome<(), ()>>;

    /// What the host heard: each `on_send` as (row, requests sent before
    /// it), and each row that ended as (row, counts).
    #[derive(Debug, Default)]
    struct Heard {
        announced: Vec<(usize, usize)>,
        ended: Vec<(usize, Progress)>,
    }

    /// Runs `rows`, the host letting a row go when `allow` says so.
    fn run_with(
        sim: &Sim,
        rows: &[Result<Request, Error>],
        pace: Pace,
        allow: impl Fn(usize) -> bool,
    ) -> (Outcomes, Heard) {
        let heard = RefCell::new(Heard::default());
        let on_send = |i| {
            let before = sim.sent.borrow().len();
            heard.borrow_mut().announced.push((i, before));
            allow(i)
        };
        let out = RefCell::new(Vec::from_iter(rows.iter().map(|_| Outcome::NotSent)));
        let ended = |i, outcome, p| {
            out.borrow_mut()[i] = outcome;
            heard.borrow_mut().ended.push((i, p));
        };
        let settings = CallSettings::default();
        drive(sim, run(sim, rows, &settings, pace, on_send, ended));
        (out.into_inner(), heard.into_inner())
    }

    fn run_all(sim: &Sim, rows: &[Result<Request, Error>], pace: Pace) -> (Outcomes, Heard) {
        run_with(sim, rows, pace, |_| true)
    }

    /// The rows `on_send` was called for, in order.
    fn announced_rows(heard: &Heard) -> Vec<usize> {
        heard.announced.iter().map(|(i, _)| *i).collect()
    }

    /// Each outcome as `sent`, `failed <code> <attempts> <deliveryUnknown>` or `not_sent`.
    fn summary(outcomes: &Outcomes) -> Vec<String> {
        outcomes
            .iter()
            .map(|o| match o {
                Outcome::Sent(_) => "sent".to_owned(),
                Outcome::Failed(e) => format!(
                    "failed {} {} {}",
                    e.error.code(),
                    e.attempts,
                    e.delivery_unknown
                ),
                Outcome::NotSent => "not_sent".to_owned(),
            })
            .collect()
    }

    #[test]
    fn attempts_leave_one_per_interval_of_the_rate() {
        let s = sim(100.0);
        let (outcomes, _) = run_all(&s, &rows(0..5), pace(60, 4));
        assert_eq!(summary(&outcomes), ["sent"; 5]);
        assert_eq!(s.times(), [0.0, 1_000.0, 2_000.0, 3_000.0, 4_000.0]);
    }

    #[test]
    fn no_sixty_seconds_hold_more_attempts_than_the_rate() {
        let s = sim(20.0);
        // Retries count: one row is throttled twice without `Retry-After`.
        s.answer(&phone(3), &[(429, None), (429, None)]);
        let (outcomes, _) = run_all(&s, &rows(0..40), pace(12, 8));
        assert_eq!(summary(&outcomes), ["sent"; 40]);
        let times = s.times();
        assert_eq!(times.len(), 42);
        for (i, start) in times.iter().enumerate() {
            let in_window = times[i..].iter().filter(|t| **t < start + 60_000.0).count();
            assert!(in_window <= 12, "{in_window} attempts from {start} ms");
        }
        // One every 5 s: 42 attempts take 205 s.
        assert_eq!(times.last(), Some(&205_000.0));
    }

    #[test]
    fn a_429_pauses_the_whole_run_for_its_retry_after() {
        let s = sim(100.0);
        let mut s = s;
        s.latency_ms = 150.0;
        s.answer(&phone(1), &[(429, Some("10"))]);
        let (outcomes, _) = run_all(&s, &rows(0..4), pace(600, 4));
        assert_eq!(summary(&outcomes), ["sent"; 4]);
        // Rows leave every 100 ms; the 429 comes back at 250 ms, after row
        // 2 left, and nothing leaves until 10.25 s: then row 3, which asked
        // for its turn first, and the retry of row 1.
        assert_eq!(
            *s.sent.borrow(),
            [
                (0.0, phone(0)),
                (100.0, phone(1)),
                (200.0, phone(2)),
                (10_250.0, phone(3)),
                (10_350.0, phone(1)),
            ]
        );
    }

    #[test]
    fn no_more_requests_in_flight_than_the_concurrency() {
        let s = sim(5_000.0);
        let (outcomes, _) = run_all(&s, &rows(0..7), pace(600_000, 3));
        assert_eq!(summary(&outcomes), ["sent"; 7]);
        assert_eq!(s.most_in_flight.get(), 3);
        assert_eq!(s.now.get(), 15_000.0);
    }

    #[test]
    fn outcomes_keep_the_input_order_and_a_bad_row_stops_nothing() {
        let s = sim(100.0);
        // Row 0 is slow to fail, so rows end out of order.
        s.answer(&phone(0), &[(500, None)]);
        let mut rows = rows(0..4);
        rows[2] = Err(invalid_phone());
        let (outcomes, heard) = run_all(&s, &rows, pace(600_000, 2));
        assert_eq!(
            summary(&outcomes),
            [
                "failed http 1 true",
                "sent",
                "failed validation 0 false",
                "sent"
            ]
        );
        // Nothing is sent twice, and the bad row is never sent.
        assert_eq!(s.phones(), [phone(0), phone(1), phone(3)]);
        let p = |done, sent, failed| Progress {
            done,
            total: 4,
            sent,
            failed,
        };
        // Row 0 fails at 100 ms; its worker takes row 2, which fails at once.
        assert_eq!(
            heard.ended,
            [
                (0, p(1, 0, 1)),
                (2, p(2, 0, 2)),
                (1, p(3, 1, 2)),
                (3, p(4, 2, 2))
            ]
        );
    }

    #[test]
    fn on_send_comes_once_per_row_right_before_its_first_request() {
        let s = sim(100.0);
        // Row 1 is throttled once and retried; row 3 fails after leaving.
        s.answer(&phone(1), &[(429, Some("1"))]);
        s.answer(&phone(3), &[(500, None)]);
        let mut rows = rows(0..5);
        rows[2] = Err(invalid_phone());
        let (outcomes, heard) = run_all(&s, &rows, pace(600, 2));
        assert_eq!(
            summary(&outcomes),
            [
                "sent",
                "sent",
                "failed validation 0 false",
                "failed http 1 true",
                "sent"
            ]
        );
        // Row 4 asked for its turn before the retry of row 1 did.
        assert_eq!(
            s.phones(),
            [phone(0), phone(1), phone(3), phone(4), phone(1)]
        );
        // Once per row that left, retries not again, the invalid row never;
        // each time the very next request to leave is that row's.
        assert_eq!(heard.announced, [(0, 0), (1, 1), (3, 2), (4, 3)]);
    }

    #[test]
    fn a_row_the_host_refuses_is_never_sent_and_ends_not_sent() {
        let s = sim(100.0);
        let (outcomes, heard) = run_with(&s, &rows(0..3), pace(600_000, 1), |i| i != 1);
        assert_eq!(summary(&outcomes), ["sent", "not_sent", "sent"]);
        assert_eq!(s.phones(), [phone(0), phone(2)]);
        assert_eq!(announced_rows(&heard), [0, 1, 2]);
        let p = |done, sent| Progress {
            done,
            total: 3,
            sent,
            failed: 0,
        };
        assert_eq!(heard.ended, [(0, p(1, 1)), (2, p(2, 2))]);
    }

    #[test]
    fn an_abort_while_waiting_for_a_turn_leaves_the_rest_not_sent() {
        let mut s = sim(100.0);
        s.abort_at = Some(2_500.0);
        let (outcomes, heard) = run_all(&s, &rows(0..6), pace(60, 2));
        assert_eq!(
            summary(&outcomes),
            ["sent", "sent", "sent", "not_sent", "not_sent", "not_sent"]
        );
        assert_eq!(s.times(), [0.0, 1_000.0, 2_000.0]);
        // It ends at the abort, not at the next turn.
        assert_eq!(s.now.get(), 2_500.0);
        assert_eq!(heard.ended.len(), 3);
        // The host hears of no row that never left.
        assert_eq!(announced_rows(&heard), [0, 1, 2]);
    }

    #[test]
    fn an_abort_during_a_request_leaves_that_one_unknown() {
        let mut s = sim(1_000.0);
        s.abort_at = Some(500.0);
        let (outcomes, heard) = run_all(&s, &rows(0..3), pace(600_000, 1));
        assert_eq!(
            summary(&outcomes),
            ["failed aborted 1 true", "not_sent", "not_sent"]
        );
        assert_eq!(heard.announced, [(0, 0)]);
    }

    #[test]
    fn options_default_to_the_server_throttle_and_are_checked() {
        let defaults = CallSettings::default();
        let read = |text: &str| read_options(&json::parse(text).unwrap(), &defaults);
        assert_eq!(read("null").unwrap(), (pace(60, 4), defaults));
        let (p, settings) =
            read(r#"{"ratePerMinute":6000,"concurrency":16,"timeoutMs":500,"signal":{}}"#).unwrap();
        assert_eq!(p, pace(6_000, 16));
        assert_eq!(settings.timeout_ms, 500);
        for (text, path) in [
            (r#"{"ratePerMinute":0}"#, "ratePerMinute"),
            (r#"{"concurrency":65}"#, "concurrency"),
            (r#"{"concurrency":"4"}"#, "concurrency"),
            (r#"{"timeoutMs":0}"#, "timeoutMs"),
            (r#"{"rate":5}"#, "rate"),
        ] {
            let e = read(text).unwrap_err();
            assert_eq!((e.code(), e.issues()[0].path.as_str()), ("config", path));
        }
        let e = read(r#"{"ratePerMinute":0}"#).unwrap_err();
        assert_eq!(e.issues()[0].code, IssueCode::OutOfRange);
        assert_eq!(
            e.issues()[0].message,
            "ratePerMinute must be a whole number from 1 to 600000."
        );
        let e = read(r#"{"concurrency":"4"}"#).unwrap_err();
        assert_eq!(e.issues()[0].code, IssueCode::InvalidType);
        // An unknown option is told every option of sendBulk.
        assert_eq!(
            read(r#"{"rate":5}"#).unwrap_err().issues()[0].message,
            "rate is not a sendBulk option; the options are ratePerMinute, concurrency, onSend, onProgress, signal, timeoutMs, maxRetries, maxRetryDelayMs, retryUnknownDelivery, template."
        );
        assert_eq!(
            read(r#"{"RatePerMinute":5}"#).unwrap_err().issues()[0].message,
            "RatePerMinute is not a sendBulk option; did you mean ratePerMinute?"
        );
        assert_eq!(&OPTION_NAMES[4..], config::CALL_OPTION_NAMES);
    }

    #[test]
    fn only_the_sends_are_bulk_kinds() {
        assert_eq!(
            read_kind(Some("sendCarouselTemplateMessage")),
            Ok(Kind::SendCarouselTemplateMessage)
        );
        let e = read_kind(Some("createContact")).unwrap_err();
        assert_eq!(e.issues()[0].message, "kind must be one of sendMessage, sendMediaMessage, sendTemplateMessage, sendInteractiveMessage, sendCarouselTemplateMessage.");
    }
}
