//! Reading the server's answers (`answer::parse`): every recorded answer in
//! sandbox/answers/*.json, one test a file against the `expect` it states,
//! and what a real server or a proxy in front of it can send besides. Also
//! the codes and retry rules of `Error`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::{json, Value};
use whatsjet::answer::{parse, Answer, MAX_ANSWER_BYTES};
use whatsjet::{Error, Issue, IssueCode};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sandbox/answers");
/// A fixed "now" (2023-11-14T22:13:20Z) for answers that need a clock.
const NOW_MS: f64 = 1_700_000_000_000.0;

/// Registers plain test functions: one left out is dead code, which the
/// build refuses under `-D warnings`.
macro_rules! tests {
    ($($name:ident),* $(,)?) => {
        vec![$(Trial::test(stringify!($name), || {
            $name();
            Ok(())
        })),*]
    };
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = fixture_trials();
    trials.extend(tests![
        a_send_answered_with_another_number_keeps_that_number,
        a_success_with_a_misleading_message_is_still_success,
        invalid_token_is_unauthorized_with_status_200,
        invalid_vendor_is_unauthorized_with_status_200,
        inactive_vendor_is_unauthorized_with_status_200,
        plan_without_api_access_is_unauthorized_with_status_401,
        throttled_429_is_rate_limited_with_the_retry_after,
        validation_422_lists_the_field_errors,
        duplicate_contact_422_is_an_issue_on_phone_number,
        whatsapp_error_131030_carries_its_code,
        whatsapp_error_132000_carries_its_code,
        failed_envelopes_with_status_200_are_api_errors,
        not_found_404_is_an_http_error,
        proxy_502_is_an_http_error_that_is_not_retried,
        service_unavailable_503_is_retryable,
        other_server_faults_are_http_errors_that_are_not_retried,
        a_2xx_html_page_is_an_invalid_response,
        a_2xx_empty_body_is_an_invalid_response,
        a_2xx_json_without_result_is_an_invalid_response,
        a_2xx_with_an_unknown_result_is_an_invalid_response,
        truncated_json_is_an_invalid_response,
        a_body_over_one_mebibyte_is_refused_unread,
        a_body_of_exactly_one_mebibyte_is_read,
        success_with_empty_array_data_is_accepted,
        unknown_keys_are_kept_in_the_envelope,
        a_proto_key_in_data_is_an_ordinary_key,
        a_byte_order_mark_before_the_json_is_ignored,
        failed_with_status_2xx_other_than_200_is_still_a_refusal,
        the_server_message_is_trimmed,
        a_failed_envelope_without_message_is_an_api_error_with_empty_message,
        auth_refusals_are_recognised_in_any_case,
        status_401_is_unauthorized_whatever_the_body,
        a_422_with_field_errors_maps_laravel_messages_to_codes,
        a_non_2xx_without_the_api_shape_is_an_http_error,
        retry_after_in_seconds,
        retry_after_as_an_http_date,
        a_throttled_html_page_is_still_rate_limited,
        hostile_bodies_never_panic,
        every_error_has_its_stable_code,
        only_answers_the_server_certainly_did_not_act_on_are_retryable,
        error_accessors_expose_status_message_and_issues,
        error_messages_read_as_sentences,
    ]);
    libtest_mimic::run(&args, trials).exit();
}

// ---------------------------------------------------------------- helpers

/// One recorded answer: what the transport would hand to `parse`.
struct Fixture {
    status: u16,
    retry_after: Option<String>,
    body: String,
    /// The JSON body, when the fixture has one.
    json: Option<Value>,
    /// What `parse` should make of it (see sandbox/answers/README.md).
    expect: Value,
}

fn fixture_path(name: &str) -> PathBuf {
    Path::new(FIXTURES).join(format!("{name}.json"))
}

fn read_fixture(path: &Path) -> Result<Fixture, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let status = file["status"].as_u64().ok_or("no status")? as u16;
    let retry_after = file["headers"]
        .get("retry-after")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let (body, json) = match (file.get("body"), file.get("body_text")) {
        (Some(b), None) => (b.to_string(), Some(b.clone())),
        (None, Some(Value::String(t))) => (t.clone(), None),
        _ => return Err("needs exactly one of body and body_text".into()),
    };
    let expect = file.get("expect").cloned().ok_or("no expect")?;
    Ok(Fixture {
        status,
        retry_after,
        body,
        json,
        expect,
    })
}

fn fixture(name: &str) -> Fixture {
    read_fixture(&fixture_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn parse_answer(f: &Fixture) -> Result<Value, Error> {
    parse(
        &Answer {
            status: f.status,
            retry_after: f.retry_after.as_deref(),
            body: &f.body,
        },
        NOW_MS,
    )
    .map(|v| common::serde(&v))
}

fn parse_fixture(name: &str) -> Result<Value, Error> {
    parse_answer(&fixture(name))
}

fn answer(status: u16, body: &str) -> Result<Value, Error> {
    parse(
        &Answer {
            status,
            retry_after: None,
            body,
        },
        NOW_MS,
    )
    .map(|v| common::serde(&v))
}

fn answer_with_retry(status: u16, retry_after: &str, body: &str) -> Result<Value, Error> {
    parse(
        &Answer {
            status,
            retry_after: Some(retry_after),
            body,
        },
        NOW_MS,
    )
    .map(|v| common::serde(&v))
}

fn err(r: Result<Value, Error>) -> Error {
    match r {
        Err(e) => e,
        Ok(v) => panic!("expected an error, got {v}"),
    }
}

fn invalid_response(status: u16, message: &str) -> Error {
    Error::InvalidResponse {
        status,
        message: message.to_owned(),
    }
}

fn unauthorized(status: u16, message: &str) -> Error {
    Error::Unauthorized {
        status,
        server_message: message.to_owned(),
    }
}

fn api(status: u16, message: &str, whatsapp_code: Option<u32>) -> Error {
    Error::Api {
        status,
        server_message: message.to_owned(),
        issues: Vec::new(),
        whatsapp_code,
    }
}

/// Issues sorted by path: the order of keys in a JSON object is not kept.
fn sorted(mut issues: Vec<Issue>) -> Vec<Issue> {
    issues.sort_by(|a, b| a.path.cmp(&b.path));
    issues
}

// ------------------------------------------------------ recorded answers

/// One test a file of sandbox/answers/, named after it.
fn fixture_trials() -> Vec<Trial> {
    let mut paths: Vec<PathBuf> = fs::read_dir(FIXTURES)
        .map(|dir| dir.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "json"));
    paths.sort();
    if paths.is_empty() {
        // A moved or empty directory must not pass as no tests.
        return vec![Trial::test("fixture::directory", || {
            Err(format!("no fixtures in {FIXTURES}").into())
        })];
    }
    paths
        .into_iter()
        .map(|path| {
            let stem = path.file_stem().unwrap_or_default().to_string_lossy();
            Trial::test(format!("fixture::{stem}"), move || check_fixture(&path))
        })
        .collect()
}

/// Parses a fixture and compares the outcome with its `expect`.
fn check_fixture(path: &Path) -> Result<(), Failed> {
    let f = read_fixture(path)?;
    let outcome = parse_answer(&f);
    let expect = &f.expect;
    let known: &[&str] = if expect.get("result").is_some() {
        &["result"]
    } else {
        &[
            "error",
            "retryable",
            "whatsapp_code",
            "retry_after_ms",
            "issues",
        ]
    };
    let unknown: Vec<&String> = expect
        .as_object()
        .ok_or("expect is not an object")?
        .keys()
        .filter(|k| !known.contains(&k.as_str()))
        .collect();
    if !unknown.is_empty() {
        return Err(format!("unknown keys in expect: {unknown:?}").into());
    }
    if expect.get("result").is_some() {
        if expect["result"] != "success" {
            return Err(format!(
                "expect.result must be \"success\", not {}",
                expect["result"]
            )
            .into());
        }
        // A success gives the envelope back exactly.
        return match (outcome, f.json) {
            (Ok(got), Some(body)) if got == body => Ok(()),
            (outcome, _) => Err(format!("expected the body exactly, got {outcome:?}").into()),
        };
    }
    let e = match outcome {
        Err(e) => e,
        Ok(v) => return Err(format!("expected an error, got {v}").into()),
    };
    let (whatsapp_code, retry_after_ms) = match &e {
        Error::Api { whatsapp_code, .. } => (whatsapp_code.map(u64::from), None),
        Error::RateLimited { retry_after_ms, .. } => (None, *retry_after_ms),
        _ => (None, None),
    };
    let issues: Vec<String> = sorted(e.issues().to_vec())
        .iter()
        .map(|i| format!("{}: {}", i.path, i.code.as_str()))
        .collect();
    let got = json!({
        "error": e.code(),
        "retryable": e.retryable(),
        "status": e.status(),
        "server_message": e.server_message(),
        "whatsapp_code": whatsapp_code,
        "retry_after_ms": retry_after_ms,
        "issues": issues,
    });
    let message = f.json.as_ref().and_then(|b| b["message"].as_str());
    let want = json!({
        "error": expect["error"],
        "retryable": expect["retryable"],
        "status": f.status,
        "server_message": message.map(str::trim),
        "whatsapp_code": expect["whatsapp_code"],
        "retry_after_ms": expect["retry_after_ms"],
        "issues": expect.get("issues").unwrap_or(&json!([])),
    });
    if got == want {
        Ok(())
    } else {
        Err(format!("got  {got}\nwant {want}").into())
    }
}

fn a_send_answered_with_another_number_keeps_that_number() {
    let envelope = parse_fixture("send-answered-with-other-number").unwrap();
    assert_eq!(envelope["data"]["phone_number"], "5511912345678");
    assert_eq!(envelope["data"]["status"], "accepted");
}

fn a_success_with_a_misleading_message_is_still_success() {
    let envelope = parse_fixture("send-template-success-held").unwrap();
    assert_eq!(envelope["result"], "success");
    assert_eq!(
        envelope["message"],
        "Message held for quality assessment, it may sent or dropped at this point."
    );
}

fn invalid_token_is_unauthorized_with_status_200() {
    assert_eq!(
        parse_fixture("auth-invalid-token"),
        Err(unauthorized(200, "Invalid Token"))
    );
}

fn invalid_vendor_is_unauthorized_with_status_200() {
    assert_eq!(
        parse_fixture("auth-invalid-vendor"),
        Err(unauthorized(200, "Invalid Vendor"))
    );
}

fn inactive_vendor_is_unauthorized_with_status_200() {
    assert_eq!(
        parse_fixture("auth-vendor-inactive"),
        Err(unauthorized(200, "Vendor account is not in active state"))
    );
}

fn plan_without_api_access_is_unauthorized_with_status_401() {
    assert_eq!(
        parse_fixture("plan-without-api-access"),
        Err(unauthorized(
            401,
            "API access is not available in your plan, please upgrade your subscription plan."
        ))
    );
}

fn throttled_429_is_rate_limited_with_the_retry_after() {
    let e = err(parse_fixture("throttled-429"));
    assert_eq!(
        e,
        Error::RateLimited {
            status: 429,
            retry_after_ms: Some(37_000),
            server_message: "Too Many Attempts.".to_owned(),
        }
    );
    assert!(e.retryable());
    assert_eq!(e.code(), "rate_limited");
}

fn validation_422_lists_the_field_errors() {
    let Error::Api {
        status,
        server_message,
        issues,
        whatsapp_code,
    } = err(parse_fixture("validation-422"))
    else {
        panic!("expected an api error");
    };
    assert_eq!(status, 422);
    assert_eq!(
        server_message,
        "The phone number field is required. (and 1 more error)"
    );
    assert_eq!(whatsapp_code, None);
    assert_eq!(
        sorted(issues),
        vec![
            Issue::new(
                "message_body",
                IssueCode::Required,
                "The message body field is required."
            ),
            Issue::new(
                "phone_number",
                IssueCode::Required,
                "The phone number field is required."
            ),
        ]
    );
}

fn duplicate_contact_422_is_an_issue_on_phone_number() {
    let e = err(parse_fixture("validation-422-duplicate-contact"));
    assert_eq!(
        e,
        Error::Api {
            status: 422,
            server_message: "The phone number has already been taken.".to_owned(),
            issues: vec![Issue::new(
                "phone_number",
                IssueCode::InvalidFormat,
                "The phone number has already been taken."
            )],
            whatsapp_code: None,
        }
    );
    assert!(!e.retryable());
    assert_eq!(e.issues().len(), 1);
}

fn whatsapp_error_131030_carries_its_code() {
    let e = err(parse_fixture("whatsapp-error-131030"));
    assert_eq!(
        e,
        api(
            400,
            "(#131030) Recipient phone number not in allowed list  Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again.",
            Some(131030)
        )
    );
    assert!(!e.retryable());
}

fn whatsapp_error_132000_carries_its_code() {
    let e = err(parse_fixture("whatsapp-error-132000"));
    assert_eq!(
        e,
        api(
            400,
            "(#132000) Number of parameters does not match the expected number of params body: number of localizable_params (2) does not match the expected number of params (3)",
            Some(132000)
        )
    );
}

fn failed_envelopes_with_status_200_are_api_errors() {
    let cases = [
        (
            "template-not-found",
            "Template for the selected language not found in the system, if you have created template recently on Facebook please sync templates again.",
        ),
        ("from-number-not-available", "from phone number not available."),
        ("setup-incomplete", "Please complete your WhatsApp Cloud API Setup first"),
        ("update-contact-not-found", "Contact not found."),
        ("update-contact-nothing-to-update", "Nothing to update contact information."),
    ];
    for (name, message) in cases {
        let e = err(parse_fixture(name));
        assert_eq!(e, api(200, message, None), "{name}");
        assert_eq!(e.code(), "api");
        assert!(!e.retryable(), "{name}");
    }
}

fn not_found_404_is_an_http_error() {
    let e = err(parse_fixture("not-found-404"));
    assert_eq!(
        e,
        Error::Http {
            status: 404,
            server_message: None
        }
    );
    assert!(!e.retryable());
}

fn proxy_502_is_an_http_error_that_is_not_retried() {
    let e = err(parse_fixture("proxy-502"));
    assert_eq!(
        e,
        Error::Http {
            status: 502,
            server_message: None
        }
    );
    assert!(!e.retryable());
    assert_eq!(e.code(), "http");
}

// ------------------------------------------------ other answers, by status

fn service_unavailable_503_is_retryable() {
    let e = err(answer(503, "<html><body>Service Unavailable</body></html>"));
    assert_eq!(
        e,
        Error::Http {
            status: 503,
            server_message: None
        }
    );
    assert!(e.retryable());
    let e = err(answer(503, r#"{"message":"Service Unavailable"}"#));
    assert_eq!(
        e,
        Error::Http {
            status: 503,
            server_message: Some("Service Unavailable".to_owned())
        }
    );
    assert!(e.retryable());
}

fn other_server_faults_are_http_errors_that_are_not_retried() {
    for status in [500, 502, 504, 405, 403, 419] {
        let e = err(answer(status, r#"{"message":"Server Error"}"#));
        assert_eq!(
            e,
            Error::Http {
                status,
                server_message: Some("Server Error".to_owned())
            }
        );
        assert!(!e.retryable(), "{status}");
    }
}

fn a_2xx_html_page_is_an_invalid_response() {
    assert_eq!(
        answer(200, "<!DOCTYPE html><html><body>Login</body></html>"),
        Err(invalid_response(200, "the body is not JSON"))
    );
}

fn a_2xx_empty_body_is_an_invalid_response() {
    assert_eq!(
        answer(200, ""),
        Err(invalid_response(200, "the body is empty"))
    );
    assert_eq!(
        answer(204, "  \r\n"),
        Err(invalid_response(204, "the body is empty"))
    );
}

fn a_2xx_json_without_result_is_an_invalid_response() {
    for body in [
        r#"{"message":"ok","data":{}}"#,
        "[]",
        "null",
        "\"success\"",
        "42",
    ] {
        assert_eq!(
            answer(200, body),
            Err(invalid_response(200, "the JSON has no result")),
            "{body}"
        );
    }
}

fn a_2xx_with_an_unknown_result_is_an_invalid_response() {
    assert_eq!(
        answer(200, r#"{"result":"pending","data":{}}"#),
        Err(invalid_response(200, "unexpected result \"pending\""))
    );
    // Only the start of a long value is quoted.
    let long = "r".repeat(100);
    let e = err(answer(200, &format!(r#"{{"result":"{long}"}}"#)));
    assert_eq!(
        e,
        invalid_response(200, &format!("unexpected result \"{}\"", "r".repeat(40)))
    );
    // A result that is not a string is no result.
    assert_eq!(
        answer(200, r#"{"result":true}"#),
        Err(invalid_response(200, "the JSON has no result"))
    );
}

fn truncated_json_is_an_invalid_response() {
    let full = serde_json::to_string(&fixture("send-success").json.unwrap()).unwrap();
    for cut in [1, full.len() / 2, full.len() - 1] {
        assert_eq!(
            answer(200, &full[..cut]),
            Err(invalid_response(200, "the body is not JSON")),
            "{cut}"
        );
    }
}

fn a_body_over_one_mebibyte_is_refused_unread() {
    let padding = "x".repeat(MAX_ANSWER_BYTES);
    let big = format!(r#"{{"result":"success","message":"ok","data":{{"pad":"{padding}"}}}}"#);
    assert!(big.len() > MAX_ANSWER_BYTES);
    for status in [200, 500] {
        assert_eq!(
            answer(status, &big),
            Err(invalid_response(
                status,
                "the answer is larger than 1048576 bytes"
            ))
        );
    }
    assert_eq!(MAX_ANSWER_BYTES, 1024 * 1024);
}

fn a_body_of_exactly_one_mebibyte_is_read() {
    let head = r#"{"result":"success","message":"ok","data":{"pad":""#;
    let tail = r#""}}"#;
    let pad = "x".repeat(MAX_ANSWER_BYTES - head.len() - tail.len());
    let body = format!("{head}{pad}{tail}");
    assert_eq!(body.len(), MAX_ANSWER_BYTES);
    let envelope = answer(200, &body).unwrap();
    assert_eq!(envelope["data"]["pad"].as_str().unwrap().len(), pad.len());
}

fn success_with_empty_array_data_is_accepted() {
    let body = r#"{"result":"success","message":"Done","data":[]}"#;
    assert_eq!(
        answer(200, body),
        Ok(json!({"result": "success", "message": "Done", "data": []}))
    );
}

fn unknown_keys_are_kept_in_the_envelope() {
    let body = json!({
        "result": "success",
        "message": "Message processed",
        "request_id": "abc",
        "data": {"log_uid": "l", "status": "accepted", "new_key": {"nested": [1, 2]}},
    });
    assert_eq!(answer(200, &body.to_string()), Ok(body));
}

fn a_proto_key_in_data_is_an_ordinary_key() {
    let body = r#"{"result":"success","message":"ok","data":{"__proto__":{"admin":true},"constructor":"x","contact_uid":"c"}}"#;
    let envelope = answer(200, body).unwrap();
    assert_eq!(envelope["data"]["__proto__"], json!({"admin": true}));
    assert_eq!(envelope["data"]["constructor"], "x");
    assert_eq!(envelope["data"]["contact_uid"], "c");
}

fn a_byte_order_mark_before_the_json_is_ignored() {
    let body = "\u{feff}{\"result\":\"success\",\"data\":{}}";
    assert_eq!(
        answer(200, body),
        Ok(json!({"result": "success", "data": {}}))
    );
}

fn failed_with_status_2xx_other_than_200_is_still_a_refusal() {
    assert_eq!(
        answer(
            201,
            r#"{"result":"failed","message":"Contact not found.","data":[]}"#
        ),
        Err(api(201, "Contact not found.", None))
    );
}

fn the_server_message_is_trimmed() {
    assert_eq!(
        answer(
            200,
            r#"{"result":"failed","message":"  Invalid Token \n","data":[]}"#
        ),
        Err(unauthorized(200, "Invalid Token"))
    );
}

fn a_failed_envelope_without_message_is_an_api_error_with_empty_message() {
    assert_eq!(
        answer(200, r#"{"result":"failed"}"#),
        Err(api(200, "", None))
    );
}

fn auth_refusals_are_recognised_in_any_case() {
    for message in ["INVALID TOKEN", "invalid token.", "Invalid vendor uid"] {
        let body = json!({"result": "failed", "message": message, "data": []}).to_string();
        assert_eq!(
            answer(200, &body),
            Err(unauthorized(200, message)),
            "{message}"
        );
    }
    // A WhatsApp error that mentions a token is not the client's token.
    let message = "(#190) Invalid OAuth access token";
    let body = json!({"result": "failed", "message": message, "data": []}).to_string();
    assert_eq!(answer(400, &body), Err(api(400, message, Some(190))));
}

fn status_401_is_unauthorized_whatever_the_body() {
    assert_eq!(answer(401, ""), Err(unauthorized(401, "Unauthorized")));
    assert_eq!(
        answer(401, "<html>Unauthorized</html>"),
        Err(unauthorized(401, "Unauthorized"))
    );
    assert_eq!(
        answer(401, r#"{"message":"Unauthenticated."}"#),
        Err(unauthorized(401, "Unauthenticated."))
    );
}

fn a_422_with_field_errors_maps_laravel_messages_to_codes() {
    let body = json!({
        "message": "The given data was invalid.",
        "errors": {
            "contact.email": ["The contact.email must be a valid email address."],
            "media_url": ["The media url format is invalid.", "The media url must be a valid URL."],
            "media_type": ["The selected media type is invalid."],
            "message_body": ["The message body may not be greater than 4096 characters."],
            "phone_number": ["The phone number format is invalid."],
            "whatsapp_opt_out": ["The whatsapp opt out field must be true or false."],
            "location_latitude": ["The location latitude must be between -90 and 90."],
            "odd": "A single string, not a list.",
            "ignored": 5,
        }
    })
    .to_string();
    let Error::Api { status, issues, .. } = err(answer(422, &body)) else {
        panic!("expected an api error");
    };
    assert_eq!(status, 422);
    let got: Vec<(String, IssueCode)> = sorted(issues)
        .into_iter()
        .map(|i| (i.path, i.code))
        .collect();
    let p = |path: &str, code| (path.to_owned(), code);
    assert_eq!(
        got,
        vec![
            p("contact.email", IssueCode::InvalidEmail),
            p("location_latitude", IssueCode::OutOfRange),
            p("media_type", IssueCode::InvalidChoice),
            p("media_url", IssueCode::InvalidFormat),
            p("media_url", IssueCode::InvalidUrl),
            p("message_body", IssueCode::TooLong),
            p("odd", IssueCode::InvalidFormat),
            p("phone_number", IssueCode::InvalidPhone),
            p("whatsapp_opt_out", IssueCode::InvalidType),
        ]
    );
}

fn a_non_2xx_without_the_api_shape_is_an_http_error() {
    assert_eq!(
        answer(422, r#"{"message":"Unprocessable"}"#),
        Err(Error::Http {
            status: 422,
            server_message: Some("Unprocessable".to_owned())
        })
    );
    assert_eq!(
        answer(500, "[1,2,3]"),
        Err(Error::Http {
            status: 500,
            server_message: None
        })
    );
}

// ------------------------------------------------------------ Retry-After

fn retry_after_in_seconds() {
    let body = r#"{"message":"Too Many Attempts."}"#;
    let retry = |v: &str| match err(answer_with_retry(429, v, body)) {
        Error::RateLimited { retry_after_ms, .. } => retry_after_ms,
        other => panic!("{other:?}"),
    };
    assert_eq!(retry("37"), Some(37_000));
    assert_eq!(retry(" 2 "), Some(2_000));
    assert_eq!(retry("0"), Some(0));
    assert_eq!(retry("soon"), None);
    assert_eq!(retry("-3"), None);
    assert_eq!(retry("1.5"), None);
    assert_eq!(retry(""), None);
    // Absurd values saturate instead of overflowing.
    assert_eq!(retry("99999999999999999999999"), Some(u64::MAX));
}

fn retry_after_as_an_http_date() {
    // 1445412480 = Wed, 21 Oct 2015 07:28:00 GMT
    let date = "Wed, 21 Oct 2015 07:28:00 GMT";
    let at_ms = 1_445_412_480_000.0;
    let body = r#"{"message":"Too Many Attempts."}"#;
    let parse_at = |now: f64| {
        parse(
            &Answer {
                status: 429,
                retry_after: Some(date),
                body,
            },
            now,
        )
    };
    assert_eq!(
        parse_at(at_ms - 90_000.0),
        Err(Error::RateLimited {
            status: 429,
            retry_after_ms: Some(90_000),
            server_message: "Too Many Attempts.".to_owned(),
        })
    );
    // A date in the past means now.
    match err(parse_at(at_ms + 5_000.0).map(|v| common::serde(&v))) {
        Error::RateLimited { retry_after_ms, .. } => assert_eq!(retry_after_ms, Some(0)),
        other => panic!("{other:?}"),
    }
}

fn a_throttled_html_page_is_still_rate_limited() {
    let e = err(answer_with_retry(
        429,
        "12",
        "<html><body>Too Many Attempts.</body></html>",
    ));
    assert_eq!(
        e,
        Error::RateLimited {
            status: 429,
            retry_after_ms: Some(12_000),
            server_message: "Too Many Attempts.".to_owned(),
        }
    );
    assert_eq!(
        err(answer(429, "")),
        Error::RateLimited {
            status: 429,
            retry_after_ms: None,
            server_message: "Too Many Attempts.".to_owned(),
        }
    );
}

// ------------------------------------------------------- hostile answers

fn hostile_bodies_never_panic() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_object = format!(
        r#"{{"result":"success","data":{}1{}}}"#,
        r#"{"a":"#.repeat(10_000),
        "}".repeat(10_000)
    );
    let bodies = [
        deep.as_str(),
        deep_object.as_str(),
        "\u{0}",
        "{\"result\":\"failed\",\"message\":\"(#\"}",
        "{\"result\":\"failed\",\"message\":\"(#99999999999999999999)\"}",
        "{\"result\":\"failed\",\"message\":\"(#é)\"}",
        "{\"result\":\"failed\",\"message\":\"é(#131030)é\"}",
        "{\"result\":\"failed\",\"message\":5}",
        "{\"errors\":{\"phone_number\":[1,null,{}]}}",
        "{\"result\":\"success\",\"data\":1e400}",
        "\u{feff}\u{feff}",
        "\"\\ud800\"",
    ];
    for body in bodies {
        for status in [200, 400, 422, 429, 500] {
            let _ = answer(status, body);
        }
    }
    // And what they give.
    assert_eq!(
        answer(200, &deep),
        Err(invalid_response(200, "the body is not JSON"))
    );
    assert_eq!(
        answer(400, "{\"result\":\"failed\",\"message\":\"é(#131030)é\"}"),
        Err(api(400, "é(#131030)é", Some(131030)))
    );
    assert_eq!(
        answer(
            400,
            "{\"result\":\"failed\",\"message\":\"(#99999999999999999999)\"}"
        ),
        Err(api(400, "(#99999999999999999999)", None))
    );
    assert_eq!(
        answer(422, "{\"errors\":{\"phone_number\":[1,null,{}]}}"),
        Err(Error::Api {
            status: 422,
            server_message: String::new(),
            issues: vec![],
            whatsapp_code: None
        })
    );
}

// ------------------------------------------------------------ Error codes

fn every_variant() -> Vec<(Error, &'static str, bool)> {
    vec![
        (Error::Validation { issues: vec![] }, "validation", false),
        (Error::Config { issues: vec![] }, "config", false),
        (unauthorized(200, "Invalid Token"), "unauthorized", false),
        (
            Error::RateLimited {
                status: 429,
                retry_after_ms: None,
                server_message: "Too Many Attempts.".into(),
            },
            "rate_limited",
            true,
        ),
        (api(400, "(#131030) x", Some(131030)), "api", false),
        (
            Error::NotFound {
                status: 404,
                server_message: String::new(),
            },
            "not_found",
            false,
        ),
        (
            Error::Http {
                status: 503,
                server_message: None,
            },
            "http",
            true,
        ),
        (
            Error::Http {
                status: 502,
                server_message: None,
            },
            "http",
            false,
        ),
        (
            Error::Http {
                status: 500,
                server_message: None,
            },
            "http",
            false,
        ),
        (Error::Timeout { timeout_ms: 30_000 }, "timeout", false),
        (Error::Aborted, "aborted", false),
        (
            Error::Network {
                message: "offline".into(),
                connected: true,
            },
            "network",
            false,
        ),
        (
            invalid_response(200, "the body is empty"),
            "invalid_response",
            false,
        ),
    ]
}

fn every_error_has_its_stable_code() {
    for (e, code, _) in every_variant() {
        assert_eq!(e.code(), code, "{e:?}");
    }
}

fn only_answers_the_server_certainly_did_not_act_on_are_retryable() {
    for (e, _, retryable) in every_variant() {
        assert_eq!(e.retryable(), retryable, "{e:?}");
    }
}

fn error_accessors_expose_status_message_and_issues() {
    let e = err(parse_fixture("validation-422"));
    assert_eq!(e.status(), Some(422));
    assert_eq!(
        e.server_message(),
        Some("The phone number field is required. (and 1 more error)")
    );
    assert_eq!(e.issues().len(), 2);
    assert_eq!(Error::Aborted.status(), None);
    assert_eq!(Error::Aborted.server_message(), None);
    assert_eq!(
        Error::Http {
            status: 404,
            server_message: None
        }
        .server_message(),
        None
    );
    assert!(Error::Timeout { timeout_ms: 1 }.issues().is_empty());
}

fn error_messages_read_as_sentences() {
    assert_eq!(
        err(parse_fixture("throttled-429")).to_string(),
        "rate limited by the server; retry after 37 s"
    );
    assert_eq!(
        err(parse_fixture("auth-invalid-token")).to_string(),
        "unauthorized: Invalid Token"
    );
    assert_eq!(
        err(parse_fixture("not-found-404")).to_string(),
        "HTTP 404 from the server without an API answer"
    );
    let issues = vec![
        Issue::new(
            "phone_number",
            IssueCode::Required,
            "phone_number is required.",
        ),
        Issue::new(
            "message_body",
            IssueCode::Required,
            "message_body is required.",
        ),
    ];
    assert_eq!(
        Error::Validation { issues }.to_string(),
        "phone_number is required. (and 1 more issue)"
    );
    assert_eq!(
        Error::Timeout { timeout_ms: 30_000 }.to_string(),
        "no answer within 30000 ms; the request may have been delivered"
    );
}
