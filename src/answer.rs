//! Reading the server's answer: success envelope, `failed` envelope, Laravel
//! validation errors, rate limiting, or something that is not the API at all.
//!
//! A call succeeded only when the status is 2xx **and** `result` is
//! `"success"`; the server answers most failures with HTTP 200. `message` is
//! for people and is never branched on, except to tell the token and vendor
//! checks (which have no other mark) from other refusals.

use crate::json::{decimal, Map, Value};

use crate::error::Error;
use crate::issue::{Issue, IssueCode};
use crate::routes::Route;

/// Answers larger than this are refused unread: no answer of the API comes
/// near it, and parsing an unbounded body could exhaust memory.
pub const MAX_ANSWER_BYTES: usize = 1 << 20;

/// Why an answer over [`MAX_ANSWER_BYTES`] is refused; written out rather
/// than formatted, as the transport says it too.
pub const TOO_LARGE: &str = "the answer is larger than 1048576 bytes";

/// What the transport read off the wire.
#[derive(Clone, Copy, Debug)]
pub struct Answer<'a> {
    /// HTTP status.
    pub status: u16,
    /// The `Retry-After` header, if any.
    pub retry_after: Option<&'a str>,
    /// The body as text.
    pub body: &'a str,
}

/// Turns an answer into the success envelope or the matching [`Error`].
/// `now_ms` (milliseconds since the Unix epoch) resolves an HTTP-date
/// `Retry-After`.
pub fn parse(answer: &Answer, now_ms: f64) -> Result<Value, Error> {
    let status = answer.status;
    if answer.body.len() > MAX_ANSWER_BYTES {
        return Err(Error::InvalidResponse {
            status,
            message: TOO_LARGE.to_owned(),
        });
    }
    let json: Option<Value> = crate::json::parse(answer.body.trim_start_matches('\u{feff}')).ok();
    let object = json.as_ref().and_then(Value::as_object);
    let message = object
        .and_then(|o| o.get("message"))
        .and_then(Value::as_str)
        .map(|m| m.trim().to_owned());

    if status == 429 {
        return Err(Error::RateLimited {
            status,
            retry_after_ms: answer.retry_after.and_then(|v| retry_after_ms(v, now_ms)),
            server_message: message.unwrap_or_else(|| "Too Many Attempts.".to_owned()),
        });
    }
    if status == 401 {
        return Err(Error::Unauthorized {
            status,
            server_message: message.unwrap_or_else(|| "Unauthorized".to_owned()),
        });
    }
    let result = object
        .and_then(|o| o.get("result"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let result = result.as_deref();
    let errors = object
        .and_then(|o| o.get("errors"))
        .and_then(Value::as_object)
        .map(laravel_issues);
    if (200..300).contains(&status) {
        return match (result, json) {
            (Some("success"), Some(envelope)) => Ok(envelope),
            (Some("failed"), _) => Err(refusal(status, message.unwrap_or_default())),
            (Some(other), _) => Err(Error::InvalidResponse {
                status,
                message: format!(
                    "unexpected result \"{}\"",
                    other.chars().take(40).collect::<String>()
                ),
            }),
            (None, Some(_)) => Err(Error::InvalidResponse {
                status,
                message: "the JSON has no result".to_owned(),
            }),
            (None, None) if answer.body.trim().is_empty() => Err(Error::InvalidResponse {
                status,
                message: "the body is empty".to_owned(),
            }),
            (None, None) => Err(Error::InvalidResponse {
                status,
                message: "the body is not JSON".to_owned(),
            }),
        };
    }
    if result == Some("failed") {
        return Err(refusal(status, message.unwrap_or_default()));
    }
    if let Some(issues) = errors {
        return Err(Error::Api {
            status,
            server_message: message.unwrap_or_default(),
            issues,
            whatsapp_code: None,
        });
    }
    Err(Error::Http {
        status,
        server_message: message,
    })
}

/// The server's words when a change was already so.
pub const NO_CHANGES: &str = "No changes";

/// What a call of `route` ends with, from [`parse`]'s reading: on the routes
/// that change membership, the envelope gains `changed` and "No changes"
/// resolves with `changed: false` (the state is as asked, so a repeated call
/// is no error); a `failed` 404, or the route's own not-found message, is
/// [`Error::NotFound`].
pub fn for_route(route: &Route, parsed: Result<Value, Error>) -> Result<Value, Error> {
    match parsed {
        Ok(Value::Object(mut envelope)) if route.no_changes_is_success => {
            envelope.insert("changed", Value::Bool(true));
            Ok(Value::Object(envelope))
        }
        Err(Error::Api { server_message, .. })
            if route.no_changes_is_success && server_message == NO_CHANGES =>
        {
            let mut envelope = Map::new();
            envelope.push("result", Value::String("failed".to_owned()));
            envelope.push("message", Value::String(server_message));
            envelope.push("data", Value::Array(Vec::new()));
            envelope.push("changed", Value::Bool(false));
            Ok(Value::Object(envelope))
        }
        Err(Error::Api {
            status,
            server_message,
            ..
        }) if status == 404 || route.not_found_message == Some(server_message.as_str()) => {
            Err(Error::NotFound {
                status,
                server_message,
            })
        }
        other => other,
    }
}

/// A `failed` envelope: the token and vendor checks, or any other refusal.
fn refusal(status: u16, message: String) -> Error {
    let lower = message.to_ascii_lowercase();
    let auth = lower.starts_with("invalid token")
        || lower.starts_with("invalid vendor")
        || lower.contains("vendor account is not")
        || lower.contains("api access is not available");
    if auth {
        Error::Unauthorized {
            status,
            server_message: message,
        }
    } else {
        Error::Api {
            status,
            whatsapp_code: whatsapp_code(&message),
            server_message: message,
            issues: Vec::new(),
        }
    }
}

/// The number in `(#131030)` inside a server message.
pub fn whatsapp_code(message: &str) -> Option<u32> {
    let start = message.find("(#")? + 2;
    let rest = &message[start..];
    let end = rest.find(')')?;
    let digits = &rest[..end];
    if digits.len() > 9 {
        return None;
    }
    decimal(digits).map(|n| n as u32)
}

/// Laravel's `errors` object (`{"contact.email": ["The …"]}`) as issues with
/// the same paths.
fn laravel_issues(errors: &Map) -> Vec<Issue> {
    let mut issues = Vec::new();
    for (path, messages) in errors {
        let messages: Vec<&str> = match messages {
            Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
            Value::String(s) => vec![s.as_str()],
            _ => Vec::new(),
        };
        for message in messages {
            issues.push(Issue::new(
                path.as_str(),
                laravel_code(path, message),
                message,
            ));
        }
    }
    issues
}

/// Laravel's messages follow its rule names; map the common ones to codes.
fn laravel_code(path: &str, message: &str) -> IssueCode {
    let m = message.to_ascii_lowercase();
    if m.contains("is required") || m.contains("must be present") {
        IssueCode::Required
    } else if path.ends_with("phone_number") && !m.contains("already been taken") {
        IssueCode::InvalidPhone
    } else if m.contains("valid email") {
        IssueCode::InvalidEmail
    } else if m.contains("valid url") {
        IssueCode::InvalidUrl
    } else if m.contains("selected") && m.contains("invalid") {
        IssueCode::InvalidChoice
    } else if m.contains("greater than") && m.contains("character") {
        IssueCode::TooLong
    } else if m.contains("must be a string")
        || m.contains("must be an array")
        || m.contains("must be true or false")
        || m.contains("must be a number")
    {
        IssueCode::InvalidType
    } else if m.contains("between") || m.contains("greater than") || m.contains("less than") {
        IssueCode::OutOfRange
    } else {
        IssueCode::InvalidFormat
    }
}

/// `Retry-After` as milliseconds: delta-seconds, or an HTTP date relative to
/// `now_ms` (a date in the past means now).
pub fn retry_after_ms(value: &str, now_ms: f64) -> Option<u64> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        let secs = decimal(value).unwrap_or(u64::MAX);
        return Some(secs.saturating_mul(1000));
    }
    let at_ms = http_date_ms(value)?;
    Some((at_ms - now_ms).max(0.0) as u64)
}

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`, the only HTTP date form
/// servers may send) as milliseconds since the Unix epoch. Written out
/// because `httpdate` goes through `SystemTime`, which costs the wasm build
/// more than this whole function.
fn http_date_ms(value: &str) -> Option<f64> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (_weekday, rest) = value.split_once(", ")?;
    let parts: Vec<&str> = rest.split(' ').collect();
    let [day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str, len: usize| -> Option<i64> {
        (s.len() == len).then(|| decimal(s))?.map(|n| n as i64)
    };
    let (day, year) = (number(day, 2)?, number(year, 4)?);
    let month = MONTHS.iter().position(|m| m == month)? as i64 + 1;
    let hms: Vec<i64> = time
        .split(':')
        .map(|p| number(p, 2))
        .collect::<Option<_>>()?;
    let [h, m, sec] = hms.as_slice() else {
        return None;
    };
    if !(1..=31).contains(&day) || *h > 23 || *m > 59 || *sec > 60 {
        return None;
    }
    // Days from 1970-01-01 to the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(((days * 86_400 + h * 3_600 + m * 60 + sec) * 1_000) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whatsapp_codes() {
        assert_eq!(
            whatsapp_code(" (#131030) Recipient phone number not in allowed list"),
            Some(131030)
        );
        assert_eq!(
            whatsapp_code("(#132000) Number of parameters"),
            Some(132000)
        );
        assert_eq!(whatsapp_code("no code"), None);
        assert_eq!(whatsapp_code("(#abc)"), None);
        assert_eq!(whatsapp_code("(#"), None);
        assert_eq!(whatsapp_code("(#)"), None);
        assert_eq!(whatsapp_code("(#+131030)"), None);
        assert_eq!(whatsapp_code("(#999999999)"), Some(999_999_999));
        assert_eq!(whatsapp_code("(#1000000000)"), None);
    }

    #[test]
    fn the_size_refusal_names_the_limit() {
        assert_eq!(
            TOO_LARGE,
            format!("the answer is larger than {MAX_ANSWER_BYTES} bytes")
        );
    }

    #[test]
    fn retry_after_forms() {
        assert_eq!(retry_after_ms("37", 0.0), Some(37_000));
        assert_eq!(retry_after_ms(" 2 ", 0.0), Some(2_000));
        // 784111777 = Sun, 06 Nov 1994 08:49:37 GMT
        let date = "Sun, 06 Nov 1994 08:49:37 GMT";
        assert_eq!(
            retry_after_ms(date, 784_111_777_000.0 - 5_000.0),
            Some(5_000)
        );
        assert_eq!(retry_after_ms(date, 784_111_777_000.0 + 9_000.0), Some(0));
        assert_eq!(retry_after_ms("soon", 0.0), None);
        assert_eq!(http_date_ms("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0.0));
        assert_eq!(
            http_date_ms("Sat, 28 Nov 2026 05:00:00 GMT"),
            Some(1_795_842_000_000.0)
        );
        assert_eq!(
            http_date_ms("Tue, 29 Feb 2028 23:59:59 GMT"),
            Some(1_835_481_599_000.0)
        );
        assert_eq!(http_date_ms("Sunday, 06-Nov-94 08:49:37 GMT"), None);
        assert_eq!(http_date_ms("Sun, 06 Nov 1994 08:49:37 UTC"), None);
        assert_eq!(http_date_ms("Sun, 6 Nov 1994 08:49:37 GMT"), None);
        assert_eq!(retry_after_ms("-3", 0.0), None);
    }

    fn read(kind: crate::request::Kind, status: u16, body: &str) -> Result<String, Error> {
        let answer = Answer {
            status,
            retry_after: None,
            body,
        };
        for_route(kind.route(), parse(&answer, 0.0)).map(|v| {
            use crate::json::ToJson;
            v.to_json_string()
        })
    }

    #[test]
    fn a_change_route_says_whether_it_changed_anything() {
        use crate::request::Kind;
        for kind in [
            Kind::AssignGroups,
            Kind::UnassignGroups,
            Kind::AssignLabels,
            Kind::UnassignLabels,
            Kind::AssignTeamMember,
        ] {
            assert_eq!(
                read(kind, 200, r#"{"result":"success","message":"Groups assigned successfully.","data":[]}"#),
                Ok(r#"{"result":"success","message":"Groups assigned successfully.","data":[],"changed":true}"#.to_owned())
            );
            assert_eq!(
                read(
                    kind,
                    200,
                    r#"{"result":"failed","message":"No changes","data":[]}"#
                ),
                Ok(
                    r#"{"result":"failed","message":"No changes","data":[],"changed":false}"#
                        .to_owned()
                )
            );
            assert_eq!(
                read(
                    kind,
                    200,
                    r#"{"result":"failed","message":"Invalid groups uid.","data":[]}"#
                ),
                Err(Error::Api {
                    status: 200,
                    server_message: "Invalid groups uid.".into(),
                    issues: vec![],
                    whatsapp_code: None
                })
            );
        }
        // Elsewhere "No changes" stays a refusal, and success is untouched.
        assert_eq!(
            read(
                Kind::UpdateContact,
                200,
                r#"{"result":"failed","message":"No changes","data":[]}"#
            ),
            Err(Error::Api {
                status: 200,
                server_message: "No changes".into(),
                issues: vec![],
                whatsapp_code: None
            })
        );
        assert_eq!(
            read(
                Kind::SendMessage,
                200,
                r#"{"result":"success","message":"m","data":{}}"#
            ),
            Ok(r#"{"result":"success","message":"m","data":{}}"#.to_owned())
        );
    }

    #[test]
    fn not_found_is_its_own_error() {
        use crate::request::Kind;
        assert_eq!(
            read(
                Kind::GetMessageStatus,
                200,
                r#"{"result":"failed","message":"Message not found.","data":[]}"#
            ),
            Err(Error::NotFound {
                status: 200,
                server_message: "Message not found.".into()
            })
        );
        assert_eq!(
            read(
                Kind::GetCampaignStatus,
                404,
                r#"{"result":"failed","message":"","data":[]}"#
            ),
            Err(Error::NotFound {
                status: 404,
                server_message: String::new()
            })
        );
        // The same words on another route are a refusal; a 404 page is HTTP.
        assert_eq!(
            read(
                Kind::SendMessage,
                200,
                r#"{"result":"failed","message":"Message not found.","data":[]}"#
            ),
            Err(Error::Api {
                status: 200,
                server_message: "Message not found.".into(),
                issues: vec![],
                whatsapp_code: None
            })
        );
        assert_eq!(
            read(Kind::GetCampaignStatus, 404, "<html>Not Found</html>"),
            Err(Error::Http {
                status: 404,
                server_message: None
            })
        );
        assert_eq!(
            Error::NotFound {
                status: 404,
                server_message: String::new()
            }
            .to_string(),
            "not found"
        );
        assert_eq!(
            Error::NotFound {
                status: 200,
                server_message: "Message not found.".into()
            }
            .to_string(),
            "not found: Message not found."
        );
    }
}
