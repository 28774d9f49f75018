//! The one error type of the library. Every failure of a call is one of these
//! variants; the JavaScript binding turns it into an `Error` whose `code` is
//! [`Error::code`].

use crate::issue::{Issue, IssueCode};

/// Every [`Error::code`], in the order of the enum and of [`SHAPES`], which
/// it is read from: the TypeScript union of codes is generated from it.
pub const CODES: [&str; 11] = {
    let mut codes = [""; 11];
    let mut i = 0;
    while i < codes.len() {
        codes[i] = SHAPES[i].code;
        i += 1;
    }
    codes
};

/// What an error of one code carries beyond what every error has (code,
/// message, retryable, attempts, deliveryUnknown, cause): the TypeScript
/// interface of each code is generated from it, and a test checks
/// [`Error::details`] against it.
#[derive(Debug)]
pub struct Shape {
    /// The [`Error::code`].
    pub code: &'static str,
    /// The TypeScript interface's name.
    pub name: &'static str,
    /// When an error has this code.
    pub doc: &'static str,
    /// Each property by its JavaScript name, and whether it is always there.
    pub details: &'static [(&'static str, bool)],
}

/// One [`Shape`] per code, in the order of [`CODES`].
pub const SHAPES: [Shape; 11] = [
    Shape {
        code: "validation",
        name: "ValidationError",
        doc: "The client found problems in the request; nothing was sent.",
        details: &[("issues", true)],
    },
    Shape {
        code: "config",
        name: "ConfigError",
        doc: "A bad option of the client, a call or a validator, or a freed client; nothing was sent.",
        details: &[("issues", true)],
    },
    Shape {
        code: "unauthorized",
        name: "UnauthorizedError",
        doc: "HTTP 401, or the server refused the token or the vendor.",
        details: &[("status", true), ("serverMessage", true)],
    },
    Shape {
        code: "rate_limited",
        name: "RateLimitedError",
        doc: "HTTP 429: the server's throttle.",
        details: &[
            ("status", true),
            ("serverMessage", true),
            ("retryAfterMs", false),
        ],
    },
    Shape {
        code: "api",
        name: "ApiError",
        doc: "The server refused the request in its own terms: a `failed` answer, a WhatsApp error, or a 422 with field errors.",
        details: &[
            ("status", true),
            ("serverMessage", true),
            ("issues", true),
            ("whatsappCode", false),
        ],
    },
    Shape {
        code: "not_found",
        name: "NotFoundError",
        doc: "What the call asked about does not exist: a message status of an unknown message, an unknown campaign uid.",
        details: &[("status", true), ("serverMessage", true)],
    },
    Shape {
        code: "http",
        name: "HttpError",
        doc: "A non-2xx answer that is not the API's JSON (a proxy page, a 404).",
        details: &[("status", true), ("serverMessage", false)],
    },
    Shape {
        code: "timeout",
        name: "TimeoutError",
        doc: "No answer within the time limit; the request may have been delivered.",
        details: &[],
    },
    Shape {
        code: "aborted",
        name: "AbortedError",
        doc: "The caller's `AbortSignal` ended the call; `cause` is the signal's reason.",
        details: &[],
    },
    Shape {
        code: "network",
        name: "NetworkError",
        doc: "No answer at all: the connection failed; `cause` is what `fetch` threw.",
        details: &[],
    },
    Shape {
        code: "invalid_response",
        name: "InvalidResponseError",
        doc: "A 2xx answer that is not the API's JSON.",
        details: &[("status", true)],
    },
];

/// A property of an error beyond those every error has, with its value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Detail<'a> {
    /// The HTTP status.
    Status(u16),
    /// The server's own message.
    ServerMessage(&'a str),
    /// Field issues.
    Issues(&'a [Issue]),
    /// The WhatsApp error code.
    WhatsappCode(u32),
    /// How long the server asked to wait.
    RetryAfterMs(u64),
}

impl Detail<'_> {
    /// The property's JavaScript name.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Status(_) => "status",
            Self::ServerMessage(_) => "serverMessage",
            Self::Issues(_) => "issues",
            Self::WhatsappCode(_) => "whatsappCode",
            Self::RetryAfterMs(_) => "retryAfterMs",
        }
    }
}

/// Everything that can go wrong, from a bad argument to a server that did not
/// answer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The client found problems in the request; nothing was sent.
    #[error("{}", validation_summary(.issues))]
    Validation {
        /// Every problem found, not just the first.
        issues: Vec<Issue>,
    },
    /// Bad options: of the client, of a call, or of a validator. The same
    /// bad option is this same error wherever it is given.
    #[error("{}", validation_summary(.issues))]
    Config {
        /// What is wrong, each at the option's name (`timeoutMs`).
        issues: Vec<Issue>,
    },
    /// HTTP 401, or a `failed` answer about the token or the vendor.
    #[error("unauthorized: {server_message}")]
    Unauthorized {
        /// The HTTP status (200 for the server's token and vendor checks).
        status: u16,
        /// The server's own words.
        server_message: String,
    },
    /// HTTP 429.
    #[error("rate limited by the server{}", retry_hint(*.retry_after_ms))]
    RateLimited {
        /// Always 429.
        status: u16,
        /// How long the server asked to wait, from `Retry-After`.
        retry_after_ms: Option<u64>,
        /// The server's own words.
        server_message: String,
    },
    /// The server refused the request in its own terms: a `failed` envelope,
    /// a WhatsApp error, or a 422 with field errors.
    #[error("the server refused the request: {server_message}")]
    Api {
        /// The HTTP status.
        status: u16,
        /// The server's own words.
        server_message: String,
        /// Field errors of a 422 answer, keyed by the request's paths.
        issues: Vec<Issue>,
        /// The WhatsApp error code found as `(#NNNNNN)` in the message.
        whatsapp_code: Option<u32>,
    },
    /// The server says what the call asked about does not exist.
    #[error("not found{}{server_message}", if .server_message.is_empty() { "" } else { ": " })]
    NotFound {
        /// The HTTP status (200 for "Message not found.", 404 for a campaign).
        status: u16,
        /// The server's own words (a 404's may be empty).
        server_message: String,
    },
    /// A non-2xx answer that is not the API's JSON (a proxy page, a 404).
    #[error("HTTP {status} from the server without an API answer")]
    Http {
        /// The HTTP status.
        status: u16,
        /// The `message` of a JSON error body, when there was one.
        server_message: Option<String>,
    },
    /// No answer within the time limit.
    #[error("no answer within {timeout_ms} ms; the request may have been delivered")]
    Timeout {
        /// The limit that was reached.
        timeout_ms: u32,
    },
    /// The caller's `AbortSignal` ended the call.
    #[error("the call was aborted")]
    Aborted,
    /// No answer at all: the connection failed.
    #[error("network error: {message}{}", if *.connected { "; the request may have been delivered" } else { "" })]
    Network {
        /// What the platform said.
        message: String,
        /// Whether a connection may have been made (and the request sent).
        connected: bool,
    },
    /// A 2xx answer that is not the API's JSON.
    #[error("the server's answer is not the API's JSON: {message}")]
    InvalidResponse {
        /// The HTTP status.
        status: u16,
        /// What is wrong with it.
        message: String,
    },
}

fn validation_summary(issues: &[Issue]) -> String {
    match issues {
        [] => "invalid input".to_owned(),
        [one] => one.message.clone(),
        [first, rest @ ..] => {
            let more = rest.len();
            format!(
                "{} (and {} more issue{})",
                first.message,
                more,
                if more == 1 { "" } else { "s" }
            )
        }
    }
}

fn retry_hint(ms: Option<u64>) -> String {
    match ms {
        Some(ms) => format!("; retry after {} s", ms.div_ceil(1000)),
        None => String::new(),
    }
}

impl Error {
    /// The stable machine-readable code callers branch on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Validation { .. } => "validation",
            Self::Config { .. } => "config",
            Self::Unauthorized { .. } => "unauthorized",
            Self::RateLimited { .. } => "rate_limited",
            Self::Api { .. } => "api",
            Self::NotFound { .. } => "not_found",
            Self::Http { .. } => "http",
            Self::Timeout { .. } => "timeout",
            Self::Aborted => "aborted",
            Self::Network { .. } => "network",
            Self::InvalidResponse { .. } => "invalid_response",
        }
    }

    /// Whether this one failure proves the server did not act on the
    /// request (a 429, a 503, a connection never made). Whether a whole call
    /// can be sent again also depends on its earlier attempts:
    /// [`crate::call::CallError::retryable`], which is what JS reports.
    pub fn retryable(&self) -> bool {
        match self {
            Self::RateLimited { .. } => true,
            Self::Http { status, .. } => *status == 503,
            Self::Network { connected, .. } => !connected,
            _ => false,
        }
    }

    /// The HTTP status, when there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Unauthorized { status, .. }
            | Self::RateLimited { status, .. }
            | Self::Api { status, .. }
            | Self::NotFound { status, .. }
            | Self::Http { status, .. }
            | Self::InvalidResponse { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The server's own message, when it sent one.
    pub fn server_message(&self) -> Option<&str> {
        match self {
            Self::Unauthorized { server_message, .. }
            | Self::RateLimited { server_message, .. }
            | Self::Api { server_message, .. }
            | Self::NotFound { server_message, .. } => Some(server_message),
            Self::Http { server_message, .. } => server_message.as_deref(),
            _ => None,
        }
    }

    /// Field issues (client validation, bad options, or a 422's `errors`).
    pub fn issues(&self) -> &[Issue] {
        match self {
            Self::Validation { issues } | Self::Config { issues } | Self::Api { issues, .. } => {
                issues
            }
            _ => &[],
        }
    }

    /// What this error carries beyond its code and message, as its
    /// [`Shape`] lists.
    pub fn details(&self) -> Vec<Detail<'_>> {
        let mut out = Vec::new();
        if let Some(status) = self.status() {
            out.push(Detail::Status(status));
        }
        if let Some(message) = self.server_message() {
            out.push(Detail::ServerMessage(message));
        }
        if let Self::Validation { issues } | Self::Config { issues } | Self::Api { issues, .. } =
            self
        {
            out.push(Detail::Issues(issues));
        }
        match self {
            Self::Api {
                whatsapp_code: Some(code),
                ..
            } => out.push(Detail::WhatsappCode(*code)),
            Self::RateLimited {
                retry_after_ms: Some(ms),
                ..
            } => out.push(Detail::RetryAfterMs(*ms)),
            _ => {}
        }
        out
    }

    /// A bad option: one issue at the option's name.
    pub(crate) fn config(path: &str, code: IssueCode, message: impl Into<String>) -> Self {
        Self::Config {
            issues: vec![Issue::new(path, code, message)],
        }
    }

    /// One issue of a request, as a validation error.
    pub(crate) fn invalid(path: &str, code: IssueCode, message: impl Into<String>) -> Self {
        Self::Validation {
            issues: vec![Issue::new(path, code, message)],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One error of each variant; the `match` fails to compile when a
    /// variant is added, so `CODES` cannot miss one.
    fn one_of_each() -> Vec<Error> {
        let all = vec![
            Error::Validation { issues: vec![] },
            Error::Config { issues: vec![] },
            Error::Unauthorized {
                status: 401,
                server_message: String::new(),
            },
            Error::RateLimited {
                status: 429,
                retry_after_ms: None,
                server_message: String::new(),
            },
            Error::Api {
                status: 200,
                server_message: String::new(),
                issues: vec![],
                whatsapp_code: None,
            },
            Error::NotFound {
                status: 404,
                server_message: String::new(),
            },
            Error::Http {
                status: 404,
                server_message: None,
            },
            Error::Timeout { timeout_ms: 1 },
            Error::Aborted,
            Error::Network {
                message: String::new(),
                connected: false,
            },
            Error::InvalidResponse {
                status: 200,
                message: String::new(),
            },
        ];
        for e in &all {
            match e {
                Error::Validation { .. }
                | Error::Config { .. }
                | Error::Unauthorized { .. }
                | Error::RateLimited { .. }
                | Error::Api { .. }
                | Error::NotFound { .. }
                | Error::Http { .. }
                | Error::Timeout { .. }
                | Error::Aborted
                | Error::Network { .. }
                | Error::InvalidResponse { .. } => {}
            }
        }
        all
    }

    /// `one_of_each`, then the same errors with every optional part set.
    fn one_of_each_both_ways() -> Vec<Error> {
        let mut all = one_of_each();
        all.extend([
            Error::RateLimited {
                status: 429,
                retry_after_ms: Some(1000),
                server_message: String::new(),
            },
            Error::Api {
                status: 400,
                server_message: String::new(),
                issues: vec![],
                whatsapp_code: Some(131030),
            },
            Error::Http {
                status: 500,
                server_message: Some(String::new()),
            },
            Error::Network {
                message: String::new(),
                connected: true,
            },
        ]);
        all
    }

    #[test]
    fn every_error_carries_what_its_shape_declares() {
        for e in one_of_each_both_ways() {
            let shape = SHAPES.iter().find(|s| s.code == e.code()).unwrap();
            let names: Vec<&str> = e.details().iter().map(Detail::name).collect();
            for name in &names {
                assert!(
                    shape.details.iter().any(|(n, _)| n == name),
                    "{} has {name}, which its shape does not declare",
                    e.code()
                );
            }
            for (name, always) in shape.details {
                if *always {
                    assert!(names.contains(name), "{} lacks {name}", e.code());
                }
            }
        }
        let optional_seen: Vec<(&str, &str)> = one_of_each_both_ways()
            .iter()
            .flat_map(|e| {
                let code = e.code();
                e.details()
                    .into_iter()
                    .map(move |d| (code, d.name()))
                    .collect::<Vec<_>>()
            })
            .collect();
        for shape in &SHAPES {
            for (name, _) in shape.details {
                assert!(
                    optional_seen.contains(&(shape.code, name)),
                    "{} never carries {name}",
                    shape.code
                );
            }
        }
    }

    #[test]
    fn shapes_follow_codes() {
        let codes: Vec<&str> = SHAPES.iter().map(|s| s.code).collect();
        assert_eq!(codes, CODES);
    }

    #[test]
    fn codes_lists_every_variant_once_in_order() {
        let codes: Vec<&str> = one_of_each().iter().map(Error::code).collect();
        assert_eq!(codes, CODES);
    }

    #[test]
    fn a_config_error_reads_like_its_first_issue() {
        let e = Error::config(
            "timeoutMs",
            IssueCode::OutOfRange,
            "timeoutMs must be positive.",
        );
        assert_eq!(e.to_string(), "timeoutMs must be positive.");
        assert_eq!(e.issues()[0].path, "timeoutMs");
    }
}
