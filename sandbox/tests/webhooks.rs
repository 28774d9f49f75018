//! The outgoing webhook: status changes on the sandbox's clock, contact
//! events, incoming messages and button replies, posted to a receiver.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use common::*;
use serde_json::{json, Value};

/// A receiver on a free port: every POST's path and JSON body, in order.
fn receiver() -> (String, Receiver<(String, Value)>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://{}/hooks/whatsjet?secret=s3",
        listener.local_addr().unwrap()
    );
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let path = line.split(' ').nth(1).unwrap_or_default().to_string();
            let mut length = 0;
            loop {
                let mut header = String::new();
                reader.read_line(&mut header).unwrap();
                if header.trim().is_empty() {
                    break;
                }
                if let Some((name, value)) = header.split_once(':') {
                    if name.eq_ignore_ascii_case("content-length") {
                        length = value.trim().parse().unwrap();
                    }
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let _ = stream
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            let _ = tx.send((path, serde_json::from_slice(&body).unwrap()));
        }
    });
    (url, rx)
}

fn next(events: &Receiver<(String, Value)>) -> Value {
    let (path, body) = events
        .recv_timeout(Duration::from_secs(5))
        .expect("a webhook within 5 s");
    assert_eq!(path, "/hooks/whatsjet?secret=s3");
    body
}

#[test]
fn each_status_of_an_accepted_message_is_posted_in_order_as_the_clock_reaches_it() {
    let (url, events) = receiver();
    let sb = Sandbox::start_with(&["--rate-limit", "0", "--webhook-url", &url]);
    sb.clock(r#"{"paused": true}"#);
    let sent = sb
        .api(
            "contact/send-message",
            r#"{"phone_number":"918000000001","message_body":"Hi"}"#,
        )
        .json();
    let wamid = sent["data"]["wamid"].as_str().unwrap().to_string();
    sb.clock(r#"{"advance_secs": 2}"#);
    let first = next(&events);
    assert_eq!(
        first["message"],
        json!({
            "whatsapp_business_phone_number_id": "100000000000001",
            "whatsapp_message_id": wamid,
            "replied_to_whatsapp_message_id": null,
            "is_new_message": false,
            "body": null,
            "status": "sent",
            "media": null,
        })
    );
    assert_eq!(first["contact"]["status"], "existing");
    assert_eq!(first["contact"]["phone_number"], "918000000001");
    assert_eq!(
        first["contact"]["uid"],
        "c1000000-0000-4000-8000-000000000001"
    );
    let status =
        &first["whatsapp_webhook_payload"]["entry"][0]["changes"][0]["value"]["statuses"][0];
    assert_eq!(status["id"], wamid.as_str());
    assert_eq!(status["status"], "sent");
    // Several steps passed at once still arrive one by one, in order.
    sb.clock(r#"{"advance_secs": 10}"#);
    assert_eq!(next(&events)["message"]["status"], "delivered");
    assert_eq!(next(&events)["message"]["status"], "read");
    let failed = sb.post_control(
        "/__sandbox/message-status",
        &json!({"wamid": wamid, "status": "failed"}).to_string(),
    );
    assert_eq!(failed.status, 200);
    assert_eq!(next(&events)["message"]["status"], "failed");
    assert!(events.recv_timeout(Duration::from_millis(300)).is_err());
    let record = sb.get_json("/__sandbox/webhooks");
    let statuses: Vec<_> = record
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["status"].clone(), d["body"]["message"]["status"].clone()))
        .collect();
    assert_eq!(
        statuses,
        [
            json!("sent"),
            json!("delivered"),
            json!("read"),
            json!("failed")
        ]
        .map(|s| (json!(200), s))
    );
}

#[test]
fn incoming_texts_and_button_replies_are_posted_with_empty_media() {
    let (url, events) = receiver();
    let sb = Sandbox::start();
    let refused = sb.post_control(
        "/__sandbox/incoming",
        r#"{"phone_number":"918000000002","body":"Hi"}"#,
    );
    assert_eq!(refused.status, 409);
    let set = sb.post_control(
        "/__sandbox/config",
        &json!({ "webhook_url": url }).to_string(),
    );
    assert_eq!(set.json()["webhook_url"], url.as_str());

    let said = sb
        .post_control(
            "/__sandbox/incoming",
            r#"{"phone_number":"918000000002","body":"Where is my order?"}"#,
        )
        .json();
    let text = next(&events);
    assert_eq!(
        text["message"],
        json!({
            "whatsapp_business_phone_number_id": "100000000000001",
            "whatsapp_message_id": said["whatsapp_message_id"],
            "replied_to_whatsapp_message_id": null,
            "is_new_message": true,
            "body": "Where is my order?",
            "status": null,
            "media": [],
        })
    );
    let raw = &text["whatsapp_webhook_payload"]["entry"][0]["changes"][0]["value"];
    assert_eq!(raw["messages"][0]["text"]["body"], "Where is my order?");
    assert_eq!(raw["contacts"][0]["profile"]["name"], "Ravi Kumar");

    let asked = sb
        .api(
            "contact/send-interactive-message",
            r#"{"phone_number":"918000000002","interactive_type":"button","body_text":"Arrived?","buttons":["Yes","No"]}"#,
        )
        .json();
    sb.post_control(
        "/__sandbox/incoming",
        r#"{"phone_number":"918000000002","button":"Yes"}"#,
    );
    let reply = next(&events);
    assert_eq!(reply["message"]["body"], "Yes");
    assert_eq!(
        reply["message"]["replied_to_whatsapp_message_id"],
        asked["data"]["wamid"]
    );
    let raw = &reply["whatsapp_webhook_payload"]["entry"][0]["changes"][0]["value"]["messages"][0];
    assert_eq!(raw["interactive"]["button_reply"]["title"], "Yes");

    let unknown = sb.post_control(
        "/__sandbox/incoming",
        r#"{"phone_number":"910000000000","body":"Hi"}"#,
    );
    assert_eq!(unknown.status, 404);
    let both = sb.post_control(
        "/__sandbox/incoming",
        r#"{"phone_number":"918000000002","body":"a","button":"b"}"#,
    );
    assert_eq!(both.status, 400);
}

#[test]
fn contacts_created_and_updated_through_the_api_are_posted_with_empty_message() {
    let (url, events) = receiver();
    let sb = Sandbox::start_with(&["--rate-limit", "0", "--webhook-url", &url]);
    sb.api(
        "contact/create",
        r#"{"phone_number":"919812345678","first_name":"Meera"}"#,
    );
    let created = next(&events);
    assert_eq!(created["message"], json!([]));
    assert_eq!(created["whatsapp_webhook_payload"], json!([]));
    assert_eq!(created["contact"]["status"], "new");
    assert_eq!(created["contact"]["first_name"], "Meera");
    sb.api("contact/update/919812345678", r#"{"last_name":"Iyer"}"#);
    let updated = next(&events);
    assert_eq!(updated["contact"]["status"], "updated");
    assert_eq!(updated["contact"]["last_name"], "Iyer");
}

#[test]
fn only_plain_http_receivers_are_taken() {
    let sb = Sandbox::start();
    let r = sb.post_control(
        "/__sandbox/config",
        r#"{"webhook_url":"https://example.com/hook"}"#,
    );
    assert_eq!(r.status, 400);
    let off = sb.post_control("/__sandbox/config", r#"{"webhook_url":""}"#);
    assert_eq!(off.json()["webhook_url"], Value::Null);
}
