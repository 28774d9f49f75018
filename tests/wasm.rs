//! The wasm build against the sandbox, through the same exports JavaScript
//! uses. Runs in Node, and in headless Chromium with
//! `WASM_BINDGEN_USE_BROWSER=1` (see scripts/test.sh). The sandbox's address
//! is read at compile time from `WHATSJET_SANDBOX_URL`.
#![cfg(target_arch = "wasm32")]

use gloo_net::http::Request;
use js_sys::Reflect;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;
use whatsjet::bindings::{normalize_phone_number_js, validate_js, Client};

const SANDBOX: &str = env!("WHATSJET_SANDBOX_URL");
const TOKEN: &str = "sandbox-token";

fn js(value: Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap()
}

fn to_json(value: &JsValue) -> Value {
    let text: String = js_sys::JSON::stringify(value).unwrap().into();
    serde_json::from_str(&text).unwrap()
}

fn prop(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

/// A client whose vendor uid is unique to the test, so that faults and
/// recorded requests of tests running side by side never mix.
fn client(vendor: &str, token: &str, extra: Value) -> Client {
    let mut options = json!({
        "baseUrl": format!("{SANDBOX}/api"),
        "vendorUid": vendor,
        "token": token,
    });
    if let (Some(o), Value::Object(e)) = (options.as_object_mut(), extra) {
        o.extend(e);
    }
    Client::new(js(options)).unwrap_or_else(|e| panic!("client: {:?}", to_json(&e)))
}

async fn settle(promise: js_sys::Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

async fn control(path: &str, body: Value) {
    let response = Request::post(&format!("{SANDBOX}/__sandbox/{path}"))
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .unwrap()
        .send()
        .await
        .unwrap();
    assert!(response.ok(), "control {path}: {}", response.status());
}

async fn recorded(vendor: &str) -> Vec<Value> {
    let response = Request::get(&format!("{SANDBOX}/__sandbox/requests"))
        .send()
        .await
        .unwrap();
    let all: Vec<Value> = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    let prefix = format!("/api/{vendor}/");
    all.into_iter()
        .filter(|r| r["path"].as_str().is_some_and(|p| p.starts_with(&prefix)))
        .collect()
}

fn error_code(error: &JsValue) -> String {
    assert_eq!(
        prop(error, "name").as_string().as_deref(),
        Some("WhatsJetError")
    );
    assert!(error.is_instance_of::<js_sys::Error>());
    prop(error, "code").as_string().unwrap()
}

#[wasm_bindgen_test]
async fn sends_a_text_message_and_returns_the_envelope() {
    let c = client(
        "sandbox-vendor",
        TOKEN,
        json!({"fromPhoneNumberId": "100000000000001"}),
    );
    let reply = settle(c.send_message(
        js(json!({"phone_number": "+91 98765-43210", "message_body": "Hello from wasm"})),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap();
    let reply = to_json(&reply);
    assert_eq!(reply["result"], "success");
    assert_eq!(reply["data"]["phone_number"], "919876543210");
    assert_eq!(reply["data"]["status"], "accepted");
    assert!(reply["data"]["wamid"]
        .as_str()
        .unwrap()
        .starts_with("wamid."));
}

#[wasm_bindgen_test]
async fn invalid_requests_reject_before_sending() {
    let vendor = "wasm-validation";
    let before = recorded(vendor).await.len();
    let c = client(vendor, TOKEN, json!({}));
    let error = settle(c.send_message(
        js(json!({"phone_number": "12", "messageBody": "x"})),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_eq!(error_code(&error), "validation");
    let issues = to_json(&prop(&error, "issues"));
    let paths: Vec<&str> = issues
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["phone_number", "message_body", "messageBody"]);
    assert_eq!(issues[0]["code"], "invalid_phone");
    assert_eq!(recorded(vendor).await.len(), before);
}

#[wasm_bindgen_test]
async fn a_wrong_token_is_unauthorized() {
    let c = client("sandbox-vendor", "not-the-token", json!({}));
    let error = settle(c.send_message(
        js(json!({"phone_number": "919876543210", "message_body": "hi"})),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_eq!(error_code(&error), "unauthorized");
    assert_eq!(prop(&error, "status").as_f64(), Some(200.0));
    assert_eq!(
        prop(&error, "serverMessage").as_string().as_deref(),
        Some("Invalid Token")
    );
    let text = to_json(&prop(&error, "message"));
    assert!(!text.to_string().contains("not-the-token"));
}

#[wasm_bindgen_test]
async fn throttling_is_rate_limited_with_the_wait() {
    let vendor = "wasm-throttled";
    let before = recorded(vendor).await.len();
    control(
        "faults",
        json!({"path_contains": format!("/{vendor}/"), "answer": "throttled-429"}),
    )
    .await;
    // Retry-After: 37 is beyond maxRetryDelayMs: the call ends at once.
    let c = client(vendor, TOKEN, json!({"maxRetryDelayMs": 1000}));
    let error = settle(c.create_contact(
        js(json!({"phone_number": "919876543210"})),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_eq!(error_code(&error), "rate_limited");
    assert_eq!(prop(&error, "retryAfterMs").as_f64(), Some(37_000.0));
    assert_eq!(prop(&error, "retryable").as_bool(), Some(true));
    assert_eq!(prop(&error, "attempts").as_f64(), Some(1.0));
    assert_eq!(prop(&error, "deliveryUnknown").as_bool(), Some(false));
    assert_eq!(recorded(vendor).await.len(), before + 1);
}

#[wasm_bindgen_test]
async fn a_short_retry_after_is_waited_for_and_retried() {
    let vendor = "sandbox-vendor";
    let path = format!("/{vendor}/contact/create");
    let before = recorded(vendor)
        .await
        .iter()
        .filter(|r| r["path"].as_str().unwrap().ends_with("/contact/create"))
        .count();
    control(
        "faults",
        json!({"path_contains": path, "status": 429, "headers": {"retry-after": "1", "content-type": "application/json"}, "body": "{\"message\":\"Too Many Attempts.\"}"}),
    )
    .await;
    let c = client(vendor, TOKEN, json!({}));
    let phone = format!("4420794{:05}", (js_sys::Math::random() * 99_999.0) as u32);
    let reply = settle(c.create_contact(
        js(json!({"phone_number": phone, "first_name": "Ada"})),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap();
    assert_eq!(to_json(&reply)["data"]["phone_number"], phone);
    let after = recorded(vendor)
        .await
        .iter()
        .filter(|r| r["path"].as_str().unwrap().ends_with("/contact/create"))
        .count();
    assert_eq!(after, before + 2);
}

#[wasm_bindgen_test]
async fn a_proxy_page_is_an_http_error() {
    let vendor = "wasm-proxy";
    control(
        "faults",
        json!({"path_contains": format!("/{vendor}/"), "answer": "proxy-502"}),
    )
    .await;
    let c = client(vendor, TOKEN, json!({}));
    let error = settle(c.send_message(
        js(json!({"phone_number": "919876543210", "message_body": "hi"})),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_eq!(error_code(&error), "http");
    assert_eq!(prop(&error, "status").as_f64(), Some(502.0));
    assert_eq!(prop(&error, "retryable").as_bool(), Some(false));
}

#[wasm_bindgen_test]
async fn a_silent_server_times_out() {
    let vendor = "wasm-timeout";
    control(
        "faults",
        json!({"path_contains": format!("/{vendor}/"), "action": "hang"}),
    )
    .await;
    let c = client(vendor, TOKEN, json!({"timeoutMs": 300}));
    let error = settle(c.send_message(
        js(json!({"phone_number": "919876543210", "message_body": "hi"})),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_eq!(error_code(&error), "timeout");
    assert_eq!(prop(&error, "deliveryUnknown").as_bool(), Some(true));
    assert_eq!(prop(&error, "retryable").as_bool(), Some(false));
    assert_eq!(prop(&error, "attempts").as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
async fn an_aborted_signal_ends_the_call() {
    let vendor = "wasm-aborted";
    let before = recorded(vendor).await.len();
    let controller = web_sys::AbortController::new().unwrap();
    controller.abort();
    let options = js_sys::Object::new();
    Reflect::set(&options, &"signal".into(), &controller.signal()).unwrap();
    let c = client(vendor, TOKEN, json!({}));
    let error = settle(c.send_message(
        js(json!({"phone_number": "919876543210", "message_body": "hi"})),
        options.into(),
    ))
    .await
    .unwrap_err();
    assert_eq!(error_code(&error), "aborted");
    assert_eq!(recorded(vendor).await.len(), before);
}

#[wasm_bindgen_test]
async fn no_server_is_a_network_error() {
    let options =
        js(json!({"baseUrl": "http://127.0.0.1:9/api", "vendorUid": "v", "token": TOKEN}));
    let c = Client::new(options).unwrap();
    let error = settle(c.send_message(
        js(json!({"phone_number": "919876543210", "message_body": "hi"})),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_eq!(error_code(&error), "network");
}

#[wasm_bindgen_test]
async fn aborting_with_a_reason_that_is_not_an_error_is_still_aborted() {
    let vendor = "wasm-abort-reason";
    let before = recorded(vendor).await.len();
    control(
        "faults",
        json!({"path_contains": format!("/{vendor}/"), "action": "hang"}),
    )
    .await;
    let controller = web_sys::AbortController::new().unwrap();
    let options = js_sys::Object::new();
    Reflect::set(&options, &"signal".into(), &controller.signal()).unwrap();
    let c = client(vendor, TOKEN, json!({}));
    let pending = settle(c.send_message(
        js(json!({"phone_number": "919876543210", "message_body": "hi"})),
        options.into(),
    ));
    // Abort once the sandbox holds the request.
    while recorded(vendor).await.len() == before {}
    controller.abort_with_reason(&JsValue::from_str("user cancelled"));
    let error = pending.await.unwrap_err();
    assert_eq!(error_code(&error), "aborted");
    assert_eq!(prop(&error, "deliveryUnknown").as_bool(), Some(true));
    // The module still works.
    assert_eq!(
        normalize_phone_number_js(JsValue::from_str("+91 98765 43210"), JsValue::UNDEFINED)
            .unwrap(),
        "919876543210"
    );
}

#[wasm_bindgen_test]
async fn a_2xx_page_is_an_invalid_response() {
    let vendor = "wasm-invalid";
    control(
        "faults",
        json!({"path_contains": format!("/{vendor}/"), "status": 200, "headers": {"content-type": "text/html"}, "body": "<html>maintenance</html>"}),
    )
    .await;
    let c = client(vendor, TOKEN, json!({}));
    let error = settle(c.update_contact(
        JsValue::from_str("919876543210"),
        js(json!({"first_name": "Johan", "groups": "vip"})),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_eq!(error_code(&error), "invalid_response");
    let request = recorded(vendor).await.pop().unwrap();
    assert_eq!(
        request["path"],
        format!("/api/{vendor}/contact/update/919876543210")
    );
}

#[wasm_bindgen_test]
fn validators_need_no_server() {
    assert_eq!(
        normalize_phone_number_js(JsValue::from_str("0091 (98765) 43210"), JsValue::UNDEFINED)
            .unwrap(),
        "919876543210"
    );
    let result = to_json(
        &validate_js(
            "sendMediaMessage".into(),
            js(json!({"phone_number": "919876543210", "media_type": "gif", "media_url": "x"})),
            JsValue::UNDEFINED,
        )
        .unwrap(),
    );
    assert_eq!(result["ok"], false);
    let codes: Vec<&str> = result["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["invalid_choice", "invalid_url"]);
}

/// Every route of WhatsJet 7.2 from the wasm client, in Node and in
/// Chromium: what each resolves to, and the method and path on the wire.
#[wasm_bindgen_test]
async fn every_route_answers_through_the_client() {
    // The sandbox's seed data belongs to its one real vendor.
    let vendor = "sandbox-vendor";
    let since = recorded(vendor).await.len();
    let c = client(vendor, TOKEN, json!({}));
    let none = || JsValue::UNDEFINED;
    let sent = to_json(
        &settle(c.send_message(
            js(json!({"phone_number": "918000000001", "message_body": "Hi"})),
            none(),
        ))
        .await
        .unwrap(),
    );
    let log_uid = sent["data"]["log_uid"].as_str().unwrap().to_owned();
    let asha = "c1000000-0000-4000-8000-000000000001";
    let vip = "a1000000-0000-4000-8000-000000000002";
    let paid = "b1000000-0000-4000-8000-000000000003";
    // One at a time, in this order: each call is made when the last has ended.
    let body = |name: &str| -> JsValue {
        match name {
            "status" => js(json!({ "log_uid": log_uid })),
            "contacts" => js(json!({"page_size": 2})),
            "unassign groups" | "assign groups" => {
                js(json!({"contacts_uid": [asha], "groups_uid": [vip]}))
            }
            "assign labels" | "unassign labels" => {
                js(json!({"contacts_uid": [asha], "labels_uid": [paid]}))
            }
            "team member" => js(json!({"phone_number": "918000000001",
                "username_or_email": "agent@example.com",
                "enable_ai_bot": true, "enable_reply_bot": true})),
            "interactive" => js(json!({"phone_number": "918000000001", "body_text": "Pick",
                "buttons": ["Yes", "No"]})),
            "carousel" => js(json!({"phone_number": "918000000001",
                "template_name": "product_carousel", "template_language": "en", "field_1": "Asha",
                "carousel_templates": [
                    {"media_type": "image", "media_url": "https://example.com/a.jpg",
                     "body_example_fields": ["a"], "button_type": {"0": "QUICK_REPLY"}},
                    {"media_type": "image", "media_url": "https://example.com/b.jpg",
                     "body_example_fields": ["b"], "button_type": {"0": "QUICK_REPLY"}}]})),
            "campaign" => js(json!({"title": "T", "template_name": "hello_world",
                "template_language": "en", "contact_group": "VIP", "timezone": "UTC"})),
            _ => none(),
        }
    };
    let names = [
        "status",
        "templates",
        "contacts",
        "contact",
        "groups",
        "labels",
        "unassign groups",
        "assign groups",
        "assign labels",
        "unassign labels",
        "team member",
        "interactive",
        "carousel",
        "campaign",
        "campaigns",
    ];
    let mut answers = Vec::new();
    for name in names {
        let request = body(name);
        let call = match name {
            "status" => c.get_message_status(request, none()),
            "templates" => c.list_templates(request, none()),
            "contacts" => c.list_contacts(request, none()),
            "contact" => c.get_contact(JsValue::from_str("asha@example.com"), none()),
            "groups" => c.list_groups(request, none()),
            "labels" => c.list_labels(request, none()),
            "unassign groups" => c.unassign_groups(request, none()),
            "assign groups" => c.assign_groups(request, none()),
            "assign labels" => c.assign_labels(request, none()),
            "unassign labels" => c.unassign_labels(request, none()),
            "team member" => c.assign_team_member(request, none()),
            "interactive" => c.send_interactive_message(request, none()),
            "carousel" => c.send_carousel_template_message(request, none()),
            "campaign" => c.schedule_campaign(request, none()),
            _ => c.list_campaigns(request, none()),
        };
        let reply = settle(call)
            .await
            .unwrap_or_else(|e| panic!("{name}: {:?}", to_json(&e)));
        answers.push((name, to_json(&reply)));
    }
    for (name, reply) in &answers {
        // This test also runs a second time against the same sandbox (in
        // Chromium after Node): a team member already assigned is then the
        // server's "No changes", resolved with `changed: false`.
        let repeat = *name == "team member" && reply["changed"] == false;
        let expected = if repeat { "failed" } else { "success" };
        assert_eq!(reply["result"], expected, "{name}: {reply}");
    }
    let get = |name: &str| answers.iter().find(|(n, _)| *n == name).unwrap().1.clone();
    assert_eq!(get("status")["data"]["status"], "accepted");
    assert_eq!(get("contacts")["data"]["contactList"]["per_page"], 2);
    assert_eq!(get("contact")["data"]["contact"]["_uid"], asha);
    assert_eq!(get("groups")["data"]["contactList"]["total"], 3);
    assert_eq!(get("assign groups")["changed"], true);
    let member = get("team member");
    if member["changed"] == true {
        assert_eq!(member["data"]["contact_uid"], asha);
    } else {
        assert_eq!(member["message"], "No changes");
    }
    let campaign_uid = get("campaign")["data"]["campaignUid"]
        .as_str()
        .unwrap()
        .to_owned();
    let status = to_json(
        &settle(c.get_campaign_status(JsValue::from_str(&campaign_uid), none()))
            .await
            .unwrap(),
    );
    assert_eq!(status["data"]["campaign"]["_uid"], campaign_uid.as_str());
    let missing = settle(c.get_campaign_status(
        JsValue::from_str("d1000000-0000-4000-8000-000000000000"),
        none(),
    ))
    .await
    .unwrap_err();
    assert_eq!(error_code(&missing), "not_found");
    let wire: Vec<String> = recorded(vendor).await[since..]
        .iter()
        .map(|r| {
            let path = r["path"]
                .as_str()
                .unwrap()
                .trim_start_matches(&format!("/api/{vendor}/"));
            let path = path.split('/').take(2).collect::<Vec<_>>().join("/");
            format!("{} {path}", r["method"].as_str().unwrap())
        })
        .collect();
    let expected: Vec<String> = [
        "POST contact/send-message",
        "GET contact/message-status",
        "GET contact/template-list",
        "GET contacts",
        "GET contact",
        "GET contact/groups",
        "GET contact/labels-tags",
        "POST contact/unassign-groups",
        "POST contact/assign-groups",
        "POST contact/assign-labels",
        "POST contact/unassign-labels",
        "POST contact/assign-team-member",
        "POST contact/send-interactive-message",
        "POST contact/send-carousel-template-message",
        "POST campaign/schedule",
        "GET campaign",
    ]
    .into_iter()
    .map(String::from)
    .chain([
        format!("GET campaign-status/{campaign_uid}"),
        "GET campaign-status/d1000000-0000-4000-8000-000000000000".to_owned(),
    ])
    .collect();
    assert_eq!(wire, expected);
}
