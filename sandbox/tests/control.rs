//! Rate limiting, CORS, the control routes, faults, static files and
//! process behaviour.

mod common;

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use common::*;
use serde_json::{json, Value};

const SEND: &str = r#"{"phone_number":"919876543210","message_body":"hi"}"#;

#[test]
fn rate_limit_answers_429_with_retry_after() {
    let sb = Sandbox::start_with(&["--rate-limit", "3"]);
    for remaining in ["2", "1", "0"] {
        let r = sb.api("contact/send-message", SEND);
        assert_eq!(r.status, 200);
        assert_eq!(r.header("x-ratelimit-limit"), Some("3"));
        assert_eq!(r.header("x-ratelimit-remaining"), Some(remaining));
    }
    let r = sb.api("contact/send-message", SEND);
    assert_eq!(r.status, 429);
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.text(), r#"{"message":"Too Many Attempts."}"#);
    let retry: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((55..=60).contains(&retry), "{retry}");
    assert_eq!(r.header("x-ratelimit-limit"), Some("3"));
    assert_eq!(r.header("x-ratelimit-remaining"), Some("0"));

    // Without Accept: application/json the 429 is an HTML page.
    let r = sb.request(
        "POST",
        &format!("/api/{VENDOR}/contact/create"),
        &[],
        Some(b"{}"),
    );
    assert_eq!(r.status, 429);
    assert_eq!(r.header("content-type"), Some("text/html; charset=UTF-8"));
    assert!(r.text().contains("Too Many Requests"));
    assert!(r.header("retry-after").is_some());

    // Control routes and preflights are never limited.
    assert_eq!(
        sb.request("GET", "/__sandbox/requests", &[], None).status,
        200
    );
    let pre = sb.request(
        "OPTIONS",
        &format!("/api/{VENDOR}/contact/create"),
        &[],
        None,
    );
    assert_eq!(pre.status, 204);

    // Changing the limit at run time starts fresh windows; 0 turns it off.
    let r = sb.post_control("/__sandbox/config", r#"{"rate_limit":0}"#);
    assert_eq!(r.json()["rate_limit"], 0);
    let r = sb.api("contact/send-message", SEND);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("x-ratelimit-limit"), None);
}

#[test]
fn rate_limit_window_ends_after_retry_after() {
    let sb = Sandbox::start_with(&["--rate-limit", "1"]);
    sb.post_control("/__sandbox/config", r#"{"rate_limit_window_secs":1}"#);
    assert_eq!(sb.api("contact/send-message", SEND).status, 200);
    let r = sb.api("contact/send-message", SEND);
    assert_eq!(r.status, 429);
    assert_eq!(r.header("retry-after"), Some("1"));
    std::thread::sleep(Duration::from_millis(1100));
    assert_eq!(sb.api("contact/send-message", SEND).status, 200);
}

#[test]
fn cors_preflight_and_headers() {
    let sb = Sandbox::start();
    let r = sb.request(
        "OPTIONS",
        &format!("/api/{VENDOR}/contact/send-message"),
        &[
            ("Origin", "http://localhost:5173"),
            ("Access-Control-Request-Method", "POST"),
            (
                "Access-Control-Request-Headers",
                "authorization, content-type",
            ),
        ],
        None,
    );
    assert_eq!(r.status, 204);
    assert!(r.body.is_empty());
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert_eq!(
        r.header("access-control-allow-methods"),
        Some("GET, POST, OPTIONS")
    );
    assert_eq!(
        r.header("access-control-allow-headers"),
        Some("Authorization, Content-Type, Accept")
    );
    assert_eq!(r.header("access-control-max-age"), Some("86400"));

    for r in [
        sb.api("contact/send-message", SEND),
        sb.request("GET", "/__sandbox/requests", &[], None),
        sb.request("GET", "/nope", &[], None),
    ] {
        assert_eq!(r.header("access-control-allow-origin"), Some("*"));
        assert_eq!(
            r.header("access-control-expose-headers"),
            Some("Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining")
        );
    }
    // The preflight was not recorded; the send was.
    let recorded = sb.get_json("/__sandbox/requests");
    assert_eq!(recorded.as_array().unwrap().len(), 1);
    assert_eq!(recorded[0]["method"], "POST");
}

#[test]
fn requests_are_recorded_in_order_with_headers_and_body() {
    let sb = Sandbox::start();
    let body = r#"{"phone_number":"919876543210","message_body":"hi","z":1,"a":2}"#;
    sb.api("contact/send-message", body);
    sb.api_as(VENDOR, "wrong", "contact/create", "{oops");
    sb.request(
        "GET",
        &format!("/api/{VENDOR}/contact/message-status?log_uid=x&b=%20"),
        &[],
        None,
    );

    let r = sb.request("GET", "/__sandbox/requests", &[], None);
    // Key order of a recorded entry, and the JSON body as sent.
    assert!(r.text().starts_with(r#"[{"seq":1,"method":"POST","path":"/api/sandbox-vendor/contact/send-message","query":"","headers":{"#));
    assert!(r
        .text()
        .contains(r#""json":{"phone_number":"919876543210","message_body":"hi","z":1,"a":2}"#));
    let recorded = r.json();
    assert_eq!(recorded.as_array().unwrap().len(), 3);
    let first = &recorded[0];
    assert_eq!(first["seq"], 1);
    assert_eq!(first["body"], body);
    assert_eq!(first["headers"]["authorization"], "Bearer sandbox-token");
    assert_eq!(first["headers"]["content-type"], "application/json");
    assert_eq!(first["headers"]["host"], "sandbox.test");
    let second = &recorded[1];
    assert_eq!(second["seq"], 2);
    assert_eq!(second["path"], "/api/sandbox-vendor/contact/create");
    assert_eq!(second["body"], "{oops");
    assert_eq!(second["json"], Value::Null);
    let third = &recorded[2];
    assert_eq!(third["method"], "GET");
    assert_eq!(third["query"], "log_uid=x&b=%20");
    assert_eq!(third["body"], "");

    let since = sb.get_json("/__sandbox/requests?since=2");
    assert_eq!(since.as_array().unwrap().len(), 1);
    assert_eq!(since[0]["seq"], 3);
}

#[test]
fn reset_clears_everything_and_restores_config() {
    let sb = Sandbox::start_with(&["--rate-limit", "2"]);
    sb.api("contact/create", r#"{"phone_number":"919876543210"}"#);
    sb.api("contact/send-message", SEND);
    sb.post_control("/__sandbox/config", r#"{"rate_limit":50}"#);
    sb.fault(r#"{"status":500,"times":3}"#);
    assert_eq!(
        sb.get_json("/__sandbox/faults").as_array().unwrap().len(),
        1
    );

    let r = sb.post_control("/__sandbox/reset", "");
    assert_eq!(r.status, 200);
    assert_eq!(sb.get_json("/__sandbox/requests"), json!([]));
    assert_eq!(sb.get_json("/__sandbox/contacts"), json!([]));
    assert_eq!(sb.get_json("/__sandbox/messages"), json!([]));
    assert_eq!(sb.get_json("/__sandbox/faults"), json!([]));
    assert_eq!(sb.get_json("/__sandbox/config")["rate_limit"], 2);
    // The contact is gone (create works again) and counters restarted.
    let r = sb.api("contact/create", r#"{"phone_number":"919876543210"}"#);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("x-ratelimit-remaining"), Some("1"));
    assert_eq!(sb.get_json("/__sandbox/requests")[0]["seq"], 1);
}

#[test]
fn control_rejects_bad_input() {
    let sb = Sandbox::start();
    for spec in [
        r#"{"stauts":500}"#,
        r#"{"action":"explode"}"#,
        r#"{"answer":"no-such-fixture"}"#,
        r#"{"times":0}"#,
        "not json",
    ] {
        let r = sb.post_control("/__sandbox/faults", spec);
        assert_eq!(r.status, 400, "{spec}");
        assert!(r.json()["error"].is_string());
    }
    assert_eq!(
        sb.post_control("/__sandbox/config", r#"{"nope":1}"#).status,
        400
    );
    assert_eq!(sb.request("GET", "/__sandbox/nope", &[], None).status, 404);
    assert_eq!(sb.request("GET", "/__sandbox/reset", &[], None).status, 405);
    let info = sb.get_json("/__sandbox/info");
    assert_eq!(info["vendor_uid"], "sandbox-vendor");
    assert_eq!(info["token"], "sandbox-token");
    assert_eq!(info["base_url"], "http://sandbox.test/api");
    assert_eq!(
        info["from_phone_number_ids"],
        json!(["100000000000001", "100000000000002"])
    );
}

#[test]
fn fault_respond_variants_in_order_and_recorded() {
    let sb = Sandbox::start();
    sb.fault(r#"{"answer":"proxy-502"}"#);
    sb.fault(r#"{"status":503,"headers":{"retry-after":"7"},"body":"down"}"#);
    sb.fault(r#"{"path_contains":"contact/create","json":{"z":1,"a":[1, 2]},"status":500}"#);
    sb.fault(r#"{"answer":"throttled-429","status":429}"#);
    assert_eq!(
        sb.get_json("/__sandbox/faults").as_array().unwrap().len(),
        4
    );

    // The create fault is skipped by sends, so sends take the others in order.
    let r = sb.api("contact/send-message", SEND);
    assert_eq!(r.status, 502);
    assert_eq!(r.header("content-type"), Some("text/html"));
    assert!(r.text().contains("502 Bad Gateway"));
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));

    let r = sb.api("contact/send-message", SEND);
    assert_eq!(r.status, 503);
    assert_eq!(r.header("retry-after"), Some("7"));
    assert_eq!(r.text(), "down");

    let r = sb.api("contact/send-message", SEND);
    assert_eq!(r.status, 429);
    assert_eq!(r.header("retry-after"), Some("37"));
    assert_eq!(r.json(), json!({"message": "Too Many Attempts."}));

    let r = sb.api("contact/create", r#"{"phone_number":"919876543210"}"#);
    assert_eq!(r.status, 500);
    assert_eq!(r.text(), r#"{"z":1,"a":[1,2]}"#);

    // Queue empty: normal answers again; all five were recorded.
    assert_eq!(sb.api("contact/send-message", SEND).status, 200);
    assert_eq!(sb.get_json("/__sandbox/faults"), json!([]));
    assert_eq!(
        sb.get_json("/__sandbox/requests").as_array().unwrap().len(),
        5
    );
}

#[test]
fn fault_times_and_delay_pass_through() {
    let sb = Sandbox::start();
    sb.fault(r#"{"times":2,"status":500,"json":{"message":"Server Error"}}"#);
    assert_eq!(sb.get_json("/__sandbox/faults")[0]["times"], 2);
    assert_eq!(sb.api("contact/send-message", SEND).status, 500);
    assert_eq!(sb.get_json("/__sandbox/faults")[0]["times"], 1);
    assert_eq!(sb.api("contact/send-message", SEND).status, 500);
    assert_eq!(sb.api("contact/send-message", SEND).status, 200);

    // A delay alone slows the normal answer down.
    sb.fault(r#"{"delay_ms":400}"#);
    let started = Instant::now();
    let r = sb.api("contact/send-message", SEND);
    assert!(started.elapsed() >= Duration::from_millis(400));
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["result"], "success");
}

#[test]
fn fault_drop_before_response_sends_nothing() {
    let sb = Sandbox::start();
    sb.fault(r#"{"action":"drop_before_response"}"#);
    let request = request_bytes(
        "POST",
        &format!("/api/{VENDOR}/contact/send-message"),
        &[("Content-Type", "application/json")],
        Some(SEND.as_bytes()),
    );
    let answer = sb.exchange(&request).unwrap();
    assert!(answer.is_empty(), "{:?}", String::from_utf8_lossy(&answer));
    assert_eq!(
        sb.get_json("/__sandbox/requests").as_array().unwrap().len(),
        1
    );
    // The next request is answered normally.
    assert_eq!(sb.api("contact/send-message", SEND).status, 200);
}

#[test]
fn fault_drop_mid_body_cuts_the_body_short() {
    let sb = Sandbox::start();
    sb.fault(r#"{"action":"drop_mid_body"}"#);
    let request = request_bytes(
        "POST",
        &format!("/api/{VENDOR}/contact/send-message"),
        &[("Content-Type", "application/json")],
        Some(SEND.as_bytes()),
    );
    let raw = sb.exchange(&request).unwrap();
    let r = Response::parse(&raw).expect("status line and headers arrive");
    assert_eq!(r.status, 200);
    let promised: usize = r.header("content-length").unwrap().parse().unwrap();
    assert!(!r.body.is_empty());
    assert!(r.body.len() < promised, "{} of {promised}", r.body.len());
    assert_eq!(r.body.len(), promised / 2);
}

#[test]
fn fault_truncate_json_is_complete_but_invalid() {
    let sb = Sandbox::start();
    sb.fault(r#"{"action":"truncate_json"}"#);
    let r = sb.api("contact/send-message", SEND);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    let length: usize = r.header("content-length").unwrap().parse().unwrap();
    assert_eq!(length, r.body.len());
    assert!(r.text().starts_with(r#"{"result":"success""#));
    assert!(serde_json::from_slice::<Value>(&r.body).is_err());

    sb.fault(r#"{"action":"truncate_json","json":{"result":"failed","message":"abcdefgh"}}"#);
    let r = sb.api("contact/send-message", SEND);
    // 40 bytes of JSON, so the first 20.
    assert_eq!(r.text(), r#"{"result":"failed",""#);
}

#[test]
fn fault_empty_body() {
    let sb = Sandbox::start();
    sb.fault(r#"{"action":"empty_body"}"#);
    let r = sb.api("contact/send-message", SEND);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-length"), Some("0"));
    assert!(r.body.is_empty());
    sb.fault(r#"{"action":"empty_body","status":502}"#);
    assert_eq!(sb.api("contact/send-message", SEND).status, 502);
}

#[test]
fn fault_huge_body() {
    let sb = Sandbox::start();
    sb.fault(r#"{"action":"huge_body"}"#);
    let r = sb.api("contact/send-message", SEND);
    assert_eq!(r.status, 200);
    assert_eq!(r.body.len(), 5 * 1024 * 1024);
    assert_eq!(r.header("content-length"), Some("5242880"));
    assert!(serde_json::from_slice::<Value>(&r.body).is_ok());

    sb.fault(r#"{"action":"huge_body","size_bytes":1000}"#);
    assert_eq!(sb.api("contact/send-message", SEND).body.len(), 1000);
}

#[test]
fn fault_hang_never_answers() {
    let sb = Sandbox::start();
    sb.fault(r#"{"action":"hang"}"#);
    let mut stream = sb.connect();
    stream
        .set_read_timeout(Some(Duration::from_millis(800)))
        .unwrap();
    stream
        .write_all(&request_bytes(
            "POST",
            &format!("/api/{VENDOR}/contact/send-message"),
            &[("Content-Type", "application/json")],
            Some(SEND.as_bytes()),
        ))
        .unwrap();
    let mut buf = [0u8; 64];
    let err = stream.read(&mut buf).expect_err("no answer expected");
    assert!(matches!(
        err.kind(),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
    ));
    drop(stream);
    // Other connections are unaffected.
    assert_eq!(sb.api("contact/send-message", SEND).status, 200);
    assert_eq!(
        sb.get_json("/__sandbox/requests").as_array().unwrap().len(),
        2
    );
}

#[test]
fn bodies_over_2_mb_get_413() {
    let sb = Sandbox::start();
    let big = vec![b' '; 2 * 1024 * 1024 + 1];
    let r = sb.request(
        "POST",
        &format!("/api/{VENDOR}/contact/send-message"),
        &[("Content-Type", "application/json")],
        Some(&big),
    );
    assert_eq!(r.status, 413);
    let recorded = sb.get_json("/__sandbox/requests");
    assert_eq!(recorded[0]["body_truncated"], true);
    // Just under the cap is read (and fails validation as usual).
    let ok = vec![b' '; 2 * 1024 * 1024];
    let r = sb.request(
        "POST",
        &format!("/api/{VENDOR}/contact/send-message"),
        &[
            ("Content-Type", "application/json"),
            ("Authorization", "Bearer sandbox-token"),
        ],
        Some(&ok),
    );
    assert_eq!(r.status, 422);
}

#[test]
fn garbage_never_kills_the_server() {
    let sb = Sandbox::start();
    for raw in [
        &b"GARBAGE\r\n\r\n"[..],
        b"POST /api/x HTTP/1.1\r\nContent-Length: nope\r\n\r\n",
        b"GET /%ff%fe/../x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"POST /api/sandbox-vendor/contact/update/%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer sandbox-token\r\nContent-Type: application/json\r\nContent-Length: 4\r\n\r\nnull",
    ] {
        let _ = sb.exchange(raw);
    }
    let weird = [
        r#"{"phone_number":[1],"message_body":{"a":1},"contact":"x"}"#,
        r#"{"phone_number":9.5e300,"message_body":true}"#,
        r#"{"phone_number":"٩١٩٨٧٦٥٤٣٢١٠","message_body":"\u0000"}"#,
    ];
    for body in weird {
        let r = sb.api("contact/send-message", body);
        assert_eq!(r.status, 422, "{body}: {}", r.text());
    }
    assert_eq!(sb.api("contact/send-message", SEND).status, 200);
}

#[test]
fn static_files_with_content_types_and_no_traversal() {
    let www = temp_dir("www");
    let pkg = temp_dir("pkg");
    std::fs::write(www.join("index.html"), "<h1>demo</h1>").unwrap();
    std::fs::write(www.join("app.mjs"), "export {}").unwrap();
    std::fs::write(www.join("style.css"), "body{}").unwrap();
    std::fs::write(pkg.join("whatsjet_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(pkg.join("whatsjet.js"), "export default 1").unwrap();
    std::fs::write(pkg.join("whatsjet.d.ts"), "export {}").unwrap();
    std::fs::write(pkg.join("package.json"), "{}").unwrap();
    let sb = Sandbox::start_with(&[
        "--static-dir",
        www.to_str().unwrap(),
        "--pkg-dir",
        pkg.to_str().unwrap(),
    ]);
    let cases = [
        ("/", "text/html; charset=utf-8", &b"<h1>demo</h1>"[..]),
        ("/index.html", "text/html; charset=utf-8", b"<h1>demo</h1>"),
        ("/app.mjs", "text/javascript; charset=utf-8", b"export {}"),
        ("/style.css", "text/css; charset=utf-8", b"body{}"),
        (
            "/pkg/whatsjet_bg.wasm",
            "application/wasm",
            b"\0asm\x01\0\0\0",
        ),
        (
            "/pkg/whatsjet.js",
            "text/javascript; charset=utf-8",
            b"export default 1",
        ),
        (
            "/pkg/whatsjet.d.ts",
            "text/plain; charset=utf-8",
            b"export {}",
        ),
        ("/pkg/package.json", "application/json", b"{}"),
    ];
    for (path, content_type, body) in cases {
        let r = sb.request("GET", path, &[], None);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-type"), Some(content_type), "{path}");
        assert_eq!(r.body, body, "{path}");
    }
    for path in [
        "/missing.js",
        "/../../../etc/passwd",
        "/pkg/../index.html",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/pkg/..%2f..%2fetc/passwd",
    ] {
        let r = sb.request("GET", path, &[], None);
        assert_eq!(r.status, 404, "{path}");
    }
    let _ = std::fs::remove_dir_all(www);
    let _ = std::fs::remove_dir_all(pkg);
}

#[test]
fn builtin_page_when_static_dir_has_no_index() {
    let empty = temp_dir("empty");
    let sb = Sandbox::start_with(&["--static-dir", empty.to_str().unwrap()]);
    let r = sb.request("GET", "/", &[], None);
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    let text = r.text();
    assert!(text.contains("sandbox is running"));
    assert!(text.contains("http://sandbox.test/api"));
    assert!(text.contains("sandbox-vendor"));
    assert!(text.contains("sandbox-token"));
    let _ = std::fs::remove_dir_all(empty);
}

#[test]
fn startup_lines_and_custom_credentials() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_whatsjet-sandbox"))
        .args([
            "--port",
            "0",
            "--vendor-uid",
            "v-1",
            "--token",
            "t-1",
            "--quiet",
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = String::new();
    let mut stdout = child.stdout.take().unwrap();
    let mut buf = [0u8; 4096];
    let deadline = Instant::now() + Duration::from_secs(10);
    while !out.contains("Ctrl+C") && Instant::now() < deadline {
        let n = stdout.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        out.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    let _ = child.kill();
    let _ = child.wait();
    let first = out.lines().next().unwrap();
    let url = first
        .strip_prefix("WHATSJET_SANDBOX_URL=http://127.0.0.1:")
        .unwrap();
    assert!(url.parse::<u16>().unwrap() > 0);
    assert!(out.contains("/api"));
    assert!(out.contains("v-1"));
    assert!(out.contains("t-1"));
    assert!(out.contains("100000000000001"));
    assert!(out.contains("order_update/en_US"));
}

#[test]
fn custom_vendor_and_token_are_enforced() {
    let sb = Sandbox::start_with(&["--vendor-uid", "v-1", "--token", "t-1", "--rate-limit", "0"]);
    assert_eq!(
        sb.api_as("v-1", "t-1", "contact/send-message", SEND).json()["result"],
        "success"
    );
    assert_eq!(
        sb.api("contact/send-message", SEND).json()["message"],
        "Invalid Token"
    );
    assert_eq!(
        sb.api_as(VENDOR, "t-1", "contact/send-message", SEND)
            .json()["message"],
        "Invalid Vendor"
    );
}

#[cfg(unix)]
#[test]
fn sigterm_exits_cleanly() {
    let mut sb = Sandbox::start();
    // Hold a hanging request open: it must not keep the process alive.
    sb.fault(r#"{"action":"hang"}"#);
    let mut stream = sb.connect();
    stream
        .write_all(&request_bytes(
            "POST",
            "/api/x/contact/create",
            &[],
            Some(b"{}"),
        ))
        .unwrap();
    std::thread::sleep(Duration::from_millis(100));
    let status = std::process::Command::new("kill")
        .args(["-TERM", &sb.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(status) = sb.child().try_wait().unwrap() {
            assert!(status.success(), "{status:?}");
            break;
        }
        assert!(Instant::now() < deadline, "still running 5 s after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn seeded_contacts_are_listed_by_the_control_route_only_on_request() {
    let sb = Sandbox::start();
    sb.api(
        "contact/create",
        r#"{"phone_number":"919876543210","first_name":"Jo"}"#,
    );
    let made = sb.get_json("/__sandbox/contacts");
    assert_eq!(made.as_array().unwrap().len(), 1);
    assert_eq!(made[0]["contact"]["phone_number"], "919876543210");
    let all = sb.get_json("/__sandbox/contacts?seeded=1");
    let phones: Vec<&Value> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["contact"]["phone_number"])
        .collect();
    assert_eq!(
        phones,
        [
            "918000000001",
            "918000000002",
            "447700900123",
            "919876543210"
        ]
    );
}

#[test]
fn the_clock_pauses_advances_resumes_and_resets() {
    let sb = Sandbox::start();
    let paused = sb
        .post_control("/__sandbox/clock", r#"{"paused": true}"#)
        .json();
    assert_eq!(paused["paused"], true);
    let at = paused["now_ms"].as_u64().unwrap();
    let moved = sb
        .post_control("/__sandbox/clock", r#"{"advance_secs": 1.5}"#)
        .json();
    assert_eq!(moved["now_ms"].as_u64().unwrap(), at + 1500);
    assert_eq!(
        sb.get_json("/__sandbox/clock")["now_ms"].as_u64().unwrap(),
        at + 1500
    );
    let r = sb.post_control("/__sandbox/clock", r#"{"advance_secs": -1}"#);
    assert_eq!(r.status, 400);
    assert_eq!(
        r.json(),
        json!({"error": "advance_secs must be a number >= 0"})
    );
    assert_eq!(
        sb.post_control("/__sandbox/clock", r#"{"speed": 2}"#)
            .status,
        400
    );
    let resumed = sb
        .post_control("/__sandbox/clock", r#"{"paused": false}"#)
        .json();
    assert_eq!(resumed["paused"], false);
    assert!(resumed["now_ms"].as_u64().unwrap() >= at + 1500);
    sb.post_control("/__sandbox/reset", "");
    let reset = sb.get_json("/__sandbox/clock");
    assert_eq!(reset["paused"], false);
    assert!(reset["now_ms"].as_u64().unwrap() < at + 1500, "{reset}");
}
