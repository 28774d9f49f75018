//! When a failed call is sent again, and when it must not be.
//!
//! A WhatsJet send has no idempotency key: once a request has left, a retry
//! can message the person twice. So only failures that prove the server did
//! not act are retried (429, 503 with `Retry-After`, a connection that was
//! never made); a timeout, a 5xx or a broken answer means the message may
//! have been delivered, and is retried only when the caller accepts
//! duplicates (`retryUnknownDelivery`).

use crate::error::Error;

/// First backoff step; each retry doubles it, up to `max_delay_ms`.
pub const BASE_DELAY_MS: u64 = 500;
/// Default number of retries after the first request.
pub const DEFAULT_MAX_RETRIES: u32 = 2;
/// Default longest wait between two requests.
pub const DEFAULT_MAX_DELAY_MS: u64 = 60_000;

/// How a client retries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first request (0 = never retry).
    pub max_retries: u32,
    /// Longest wait; a `Retry-After` beyond it ends the call at once.
    pub max_delay_ms: u64,
    /// Also retry failures after which the message may have been delivered.
    pub retry_unknown_delivery: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: DEFAULT_MAX_RETRIES,
            max_delay_ms: DEFAULT_MAX_DELAY_MS,
            retry_unknown_delivery: false,
        }
    }
}

/// What to do after a failed request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Wait this long, then send again.
    RetryAfter(u64),
    /// End the call with this failure.
    GiveUp,
}

/// Whether the request may have reached the server and been acted on.
pub fn delivery_unknown(error: &Error) -> bool {
    match error {
        Error::Timeout { .. } | Error::InvalidResponse { .. } => true,
        Error::Network { connected, .. } => *connected,
        Error::Http { status, .. } => *status >= 500 && *status != 503,
        _ => false,
    }
}

/// Decides after the `attempts`-th request failed with `error`.
/// `retry_after_ms` is the answer's `Retry-After`; `jitter` is uniform in
/// [0, 1) and spreads backoff waits ("full jitter").
pub fn decide(
    policy: &RetryPolicy,
    error: &Error,
    retry_after_ms: Option<u64>,
    attempts: u32,
    jitter: f64,
) -> Decision {
    if attempts > policy.max_retries {
        return Decision::GiveUp;
    }
    let backoff = || {
        let step = BASE_DELAY_MS.saturating_mul(1 << (attempts - 1).min(20));
        let cap = step.min(policy.max_delay_ms) as f64;
        Decision::RetryAfter((cap * jitter.clamp(0.0, 1.0)) as u64)
    };
    let wait = |ms: u64| {
        if ms > policy.max_delay_ms {
            Decision::GiveUp
        } else {
            Decision::RetryAfter(ms)
        }
    };
    match error {
        Error::RateLimited { .. } => retry_after_ms.map_or_else(backoff, wait),
        Error::Http { status: 503, .. } => retry_after_ms.map_or(Decision::GiveUp, wait),
        Error::Network {
            connected: false, ..
        } => backoff(),
        e if policy.retry_unknown_delivery && delivery_unknown(e) => backoff(),
        _ => Decision::GiveUp,
    }
}

/// Node's codes for a connection that was never made, so nothing was sent.
/// Browsers give no code: their network failures count as unknown.
pub fn connect_failed(code: &str) -> bool {
    matches!(
        code,
        "ECONNREFUSED"
            | "ENOTFOUND"
            | "EAI_AGAIN"
            | "EHOSTUNREACH"
            | "ENETUNREACH"
            | "EADDRNOTAVAIL"
            | "UND_ERR_CONNECT_TIMEOUT"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn http(status: u16) -> Error {
        Error::Http {
            status,
            server_message: None,
        }
    }
    fn limited() -> Error {
        Error::RateLimited {
            status: 429,
            retry_after_ms: None,
            server_message: String::new(),
        }
    }
    fn network(connected: bool) -> Error {
        Error::Network {
            message: "fetch failed".into(),
            connected,
        }
    }
    const P: RetryPolicy = RetryPolicy {
        max_retries: 2,
        max_delay_ms: 60_000,
        retry_unknown_delivery: false,
    };

    #[test]
    fn retries_only_what_was_not_acted_on() {
        assert_eq!(
            decide(&P, &limited(), Some(2_000), 1, 0.5),
            Decision::RetryAfter(2_000)
        );
        assert_eq!(
            decide(&P, &limited(), None, 1, 0.5),
            Decision::RetryAfter(250)
        );
        assert_eq!(
            decide(&P, &limited(), None, 2, 0.5),
            Decision::RetryAfter(500)
        );
        assert_eq!(
            decide(&P, &http(503), Some(1_000), 1, 0.0),
            Decision::RetryAfter(1_000)
        );
        assert_eq!(decide(&P, &http(503), None, 1, 0.5), Decision::GiveUp);
        assert_eq!(
            decide(&P, &network(false), None, 1, 1.0),
            Decision::RetryAfter(500)
        );
        for e in [
            http(500),
            http(502),
            http(504),
            network(true),
            Error::Timeout { timeout_ms: 1 },
            Error::Aborted,
        ] {
            assert_eq!(decide(&P, &e, None, 1, 0.5), Decision::GiveUp, "{e:?}");
        }
        assert_eq!(decide(&P, &http(404), None, 1, 0.5), Decision::GiveUp);
    }

    #[test]
    fn stops_after_max_retries_and_at_long_waits() {
        assert_eq!(decide(&P, &limited(), Some(1), 3, 0.5), Decision::GiveUp);
        assert_eq!(
            decide(&P, &limited(), Some(60_001), 1, 0.5),
            Decision::GiveUp
        );
        let never = RetryPolicy {
            max_retries: 0,
            ..P
        };
        assert_eq!(
            decide(&never, &limited(), Some(1), 1, 0.5),
            Decision::GiveUp
        );
        let short = RetryPolicy {
            max_delay_ms: 300,
            ..P
        };
        assert_eq!(
            decide(&short, &limited(), None, 2, 1.0),
            Decision::RetryAfter(300)
        );
    }

    #[test]
    fn unknown_delivery_is_retried_only_on_request() {
        let brave = RetryPolicy {
            retry_unknown_delivery: true,
            ..P
        };
        assert_eq!(
            decide(&brave, &http(502), None, 1, 1.0),
            Decision::RetryAfter(500)
        );
        assert_eq!(
            decide(&brave, &Error::Timeout { timeout_ms: 1 }, None, 2, 1.0),
            Decision::RetryAfter(1_000)
        );
        assert_eq!(
            decide(&brave, &Error::Aborted, None, 1, 1.0),
            Decision::GiveUp
        );
        assert!(delivery_unknown(&http(500)));
        assert!(!delivery_unknown(&http(503)));
        assert!(delivery_unknown(&network(true)));
        assert!(!delivery_unknown(&network(false)));
        assert!(!delivery_unknown(&limited()));
    }

    #[test]
    fn connection_codes() {
        assert!(connect_failed("ECONNREFUSED"));
        assert!(!connect_failed("ECONNRESET"));
        assert!(!connect_failed("UND_ERR_SOCKET"));
    }
}
