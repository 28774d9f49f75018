//! Every route of the client's table (`whatsjet::routes::ROUTES`) is served,
//! with the auth, plan, throttle and recording that the five always had.

mod common;

use common::*;
use serde_json::{json, Value};
use whatsjet::call::Method;
use whatsjet::routes::ROUTES;

/// The path after `/api/{vendor}/` of a route, with "x" for its parameter.
fn endpoint(path: &str, path_field: bool) -> String {
    if path_field {
        format!("{path}x")
    } else {
        path.to_string()
    }
}

fn call(sb: &Sandbox, vendor: &str, token: &str, method: Method, endpoint: &str) -> Response {
    let auth = format!("Bearer {token}");
    let headers = [
        ("Content-Type", "application/json"),
        ("Accept", "application/json"),
        ("Authorization", auth.as_str()),
    ];
    let path = format!("/api/{vendor}/{endpoint}");
    match method {
        Method::Get => sb.request("GET", &path, &headers, None),
        Method::Post => sb.request("POST", &path, &headers, Some(b"{}")),
    }
}

fn every_route() -> Vec<(Method, String, &'static str)> {
    ROUTES
        .iter()
        .map(|r| (r.method, endpoint(r.path, r.path_field.is_some()), r.path))
        .collect()
}

#[test]
fn every_route_of_the_client_table_is_served_with_its_method() {
    let sb = Sandbox::start();
    assert_eq!(ROUTES.len(), 21);
    for (method, endpoint, _) in every_route() {
        let r = call(&sb, VENDOR, TOKEN, method, &endpoint);
        // An answer of the API (an envelope or a 422), never the 404 page.
        assert_eq!(
            r.header("content-type"),
            Some("application/json"),
            "{endpoint}"
        );
        let body = r.json();
        assert!(
            body.get("result").is_some() || (r.status == 422 && body.get("errors").is_some()),
            "{endpoint}: {body}"
        );
        let (wrong, allowed) = match method {
            Method::Get => ("POST", "GET, HEAD"),
            Method::Post => ("GET", "POST"),
        };
        let r = sb.request(
            wrong,
            &format!("/api/{VENDOR}/{endpoint}"),
            &[("Accept", "application/json")],
            None,
        );
        assert_eq!(r.status, 405, "{wrong} {endpoint}");
        assert_eq!(r.header("allow"), Some(allowed), "{endpoint}");
    }
}

#[test]
fn every_route_refuses_a_wrong_token_and_vendor() {
    let sb = Sandbox::start();
    for (method, endpoint, _) in every_route() {
        let r = call(&sb, VENDOR, "wrong", method, &endpoint);
        assert_eq!(r.status, 200, "{endpoint}");
        assert_eq!(r.json(), fixture_body("auth-invalid-token"), "{endpoint}");
        let r = call(&sb, "other-vendor", TOKEN, method, &endpoint);
        assert_eq!(r.json(), fixture_body("auth-invalid-vendor"), "{endpoint}");
        let r = call(&sb, "inactive-vendor", TOKEN, method, &endpoint);
        assert_eq!(r.json(), fixture_body("auth-vendor-inactive"), "{endpoint}");
    }
}

/// The sends and message-status need API access in the plan and a finished
/// WhatsApp setup; reads, contact changes and campaigns do not.
#[test]
fn plan_and_setup_failures_apply_to_the_sends_and_message_status_only() {
    let sb = Sandbox::start();
    let checked = [
        "contact/send-message",
        "contact/send-media-message",
        "contact/send-template-message",
        "contact/send-interactive-message",
        "contact/send-carousel-template-message",
        "contact/message-status",
    ];
    for (method, endpoint, path) in every_route() {
        let plan = call(&sb, VENDOR, "no-api-plan-token", method, &endpoint);
        let setup = call(&sb, "setup-incomplete-vendor", TOKEN, method, &endpoint);
        if checked.contains(&path) {
            assert_eq!(plan.status, 401, "{endpoint}");
            assert_eq!(plan.json(), fixture_body("plan-without-api-access"));
            assert_eq!(setup.json(), fixture_body("setup-incomplete"), "{endpoint}");
        } else {
            for r in [plan, setup] {
                assert_ne!(r.status, 401, "{endpoint}");
                let body = r.text();
                assert!(
                    !body.contains("API access") && !body.contains("Setup first"),
                    "{endpoint}: {body}"
                );
            }
        }
    }
}

#[test]
fn every_route_is_recorded_with_method_path_query_and_body() {
    let sb = Sandbox::start();
    for (method, endpoint, _) in every_route() {
        let auth = format!("Bearer {TOKEN}");
        let headers = [
            ("Content-Type", "application/json"),
            ("Authorization", auth.as_str()),
        ];
        match method {
            Method::Get => sb.request(
                "GET",
                &format!("/api/{VENDOR}/{endpoint}?page=2&search_term=a%20b"),
                &headers,
                None,
            ),
            Method::Post => sb.request(
                "POST",
                &format!("/api/{VENDOR}/{endpoint}"),
                &headers,
                Some(br#"{"contacts_uid":["u1"],"n":1}"#),
            ),
        };
    }
    let recorded = sb.get_json("/__sandbox/requests");
    let recorded = recorded.as_array().unwrap();
    assert_eq!(recorded.len(), ROUTES.len());
    for ((method, endpoint, _), seen) in every_route().iter().zip(recorded) {
        assert_eq!(seen["path"], format!("/api/{VENDOR}/{endpoint}"));
        match method {
            Method::Get => {
                assert_eq!(seen["method"], "GET");
                assert_eq!(seen["query"], "page=2&search_term=a%20b");
                assert_eq!(seen["body"], "");
            }
            Method::Post => {
                assert_eq!(seen["method"], "POST");
                assert_eq!(seen["query"], "");
                assert_eq!(seen["json"], json!({"contacts_uid": ["u1"], "n": 1}));
            }
        }
    }
}

#[test]
fn every_route_counts_toward_the_throttle() {
    let sb = Sandbox::start();
    let limit = ROUTES.len() as u64;
    let r = sb.post_control(
        "/__sandbox/config",
        &json!({"rate_limit": limit}).to_string(),
    );
    assert_eq!(r.status, 200);
    for (i, (method, endpoint, _)) in every_route().into_iter().enumerate() {
        let r = call(&sb, VENDOR, TOKEN, method, &endpoint);
        assert_eq!(
            r.header("x-ratelimit-limit"),
            Some(limit.to_string().as_str())
        );
        let remaining = limit - 1 - i as u64;
        assert_eq!(
            r.header("x-ratelimit-remaining"),
            Some(remaining.to_string().as_str()),
            "{endpoint}"
        );
    }
    let r = sb.api_get("contacts");
    assert_eq!(r.status, 429);
    assert_eq!(r.json(), json!({"message": "Too Many Attempts."}));
    assert!(r.header("retry-after").is_some());
}

#[test]
fn info_lists_the_seed_data() {
    let sb = Sandbox::start();
    let seed = sb.get_json("/__sandbox/info")["seed"].clone();
    let titles = |key: &str| -> Vec<Value> {
        seed[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["title"].clone())
            .collect()
    };
    assert_eq!(
        titles("groups"),
        [json!("Customers"), json!("VIP"), json!("Newsletter")]
    );
    assert_eq!(
        titles("labels"),
        [json!("Hot lead"), json!("Follow up"), json!("Paid")]
    );
    assert_eq!(seed["test_contact"], "918000000001");
    assert_eq!(seed["team_members"][0]["email"], "agent@example.com");
    assert_eq!(seed["contacts"][2]["wa_id"], "447700900123");
}
