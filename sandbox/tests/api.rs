//! The five endpoints (and message-status) answer like the real server.

mod common;

use common::*;
use serde_json::{json, Value};

/// Asserts a send's success envelope and returns its data.
fn assert_send_success(body: &Value, message: &str, phone: &str) -> Value {
    let keys: Vec<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 3, "{body}");
    assert_eq!(body["result"], "success", "{body}");
    assert_eq!(body["message"], message);
    let data = &body["data"];
    let mut data_keys: Vec<&str> = data
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    data_keys.sort();
    assert_eq!(
        data_keys,
        ["contact_uid", "log_uid", "phone_number", "status", "wamid"]
    );
    assert!(is_uuid_v4(data["log_uid"].as_str().unwrap()), "{data}");
    assert!(is_uuid_v4(data["contact_uid"].as_str().unwrap()), "{data}");
    assert_eq!(data["phone_number"], phone);
    assert!(
        data["wamid"].as_str().unwrap().starts_with("wamid.HBg"),
        "{data}"
    );
    assert_eq!(data["status"], "accepted");
    data.clone()
}

#[test]
fn send_message_success_creates_the_contact() {
    let sb = Sandbox::start();
    let r = sb.api(
        "contact/send-message",
        r#"{"phone_number":"919876543210","message_body":"your message body",
            "contact":{"first_name":"Johan","last_name":"Doe","email":"johndoe@doamin.com",
                       "country":"india","language_code":"en","groups":"examplegroup1,examplegroup2",
                       "custom_fields":{"BDay":"2025-09-04"}}}"#,
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    // Key order as the server sends it.
    assert!(r
        .text()
        .starts_with(r#"{"result":"success","message":"Message processed","data":{"log_uid":""#));
    let data = assert_send_success(&r.json(), "Message processed", "919876543210");

    let contact = &sb.sandbox_contact("919876543210");
    assert_eq!(contact["contact_uid"], data["contact_uid"]);
    assert_eq!(contact["first_name"], "Johan");
    assert_eq!(contact["country"], "India");
    assert_eq!(contact["groups"], json!(["examplegroup1", "examplegroup2"]));
    assert_eq!(contact["custom_fields"], json!({"BDay": "2025-09-04"}));

    // A second send reuses the contact.
    let again = sb.api(
        "contact/send-message",
        r#"{"phone_number":"919876543210","message_body":"again"}"#,
    );
    assert_eq!(again.json()["data"]["contact_uid"], data["contact_uid"]);
    assert_ne!(again.json()["data"]["log_uid"], data["log_uid"]);
}

#[test]
fn send_media_message_success() {
    let sb = Sandbox::start();
    let r = sb.api(
        "contact/send-media-message",
        r#"{"phone_number":"919876543210","media_type":"document",
            "media_url":"https://example.com/invoice.pdf","caption":"c","file_name":"invoice.pdf"}"#,
    );
    assert_eq!(r.status, 200);
    assert_send_success(&r.json(), "Message processed", "919876543210");
}

#[test]
fn send_template_message_success_uses_the_swapped_message() {
    let sb = Sandbox::start();
    let r = sb.api(
        "contact/send-template-message",
        r#"{"phone_number":"919876543210","template_name":"order_update",
            "template_language":"en_US","field_1":"A-1","field_2":"{full_name}"}"#,
    );
    assert_eq!(r.status, 200);
    assert_send_success(
        &r.json(),
        "Message held for quality assessment, it may sent or dropped at this point.",
        "919876543210",
    );
}

#[test]
fn every_template_accepts_its_required_params() {
    let sb = Sandbox::start();
    let info = sb.get_json("/__sandbox/info");
    let templates = info["templates"].as_array().unwrap();
    assert!(templates.len() >= 9);
    for t in templates {
        let mut body = json!({
            "phone_number": "919876543210",
            "template_name": t["name"],
            "template_language": t["language"],
        });
        for p in t["required_params"].as_array().unwrap() {
            let p = p.as_str().unwrap();
            body[p] = json!(if p.starts_with("location_l") {
                "22.22"
            } else {
                "Value_1"
            });
        }
        let r = sb.api("contact/send-template-message", &body.to_string());
        assert_eq!(
            r.status,
            200,
            "{} {}: {}",
            t["name"],
            t["language"],
            r.text()
        );
        assert_eq!(r.json()["result"], "success");
    }
}

#[test]
fn create_contact_success_matches_the_fixture() {
    let sb = Sandbox::start();
    let r = sb.api(
        "contact/create",
        r#"{"phone_number":"919876543210","first_name":"Johan","last_name":"Doe",
            "email":"johndoe@doamin.com","country":"india","language_code":"en",
            "groups":"examplegroup1,examplegroup2","custom_fields":{"BDay":"2025-09-01"}}"#,
    );
    assert_eq!(r.status, 200);
    let mut body = r.json();
    assert!(is_uuid_v4(body["data"]["contact_uid"].as_str().unwrap()));
    let mut expected = fixture_body("create-contact-success");
    expected["data"]["contact_uid"] = body["data"]["contact_uid"].take();
    body["data"]["contact_uid"] = expected["data"]["contact_uid"].clone();
    assert_eq!(body, expected);
    assert!(r
        .text()
        .starts_with(r#"{"result":"success","message":"Contact created","data":{"contact_uid":""#));
}

#[test]
fn create_contact_minimal_has_null_fields() {
    let sb = Sandbox::start();
    let body = sb
        .api("contact/create", r#"{"phone_number":"447700900123"}"#)
        .json();
    let data = &body["data"];
    assert_eq!(data["first_name"], Value::Null);
    assert_eq!(data["last_name"], Value::Null);
    assert_eq!(data["language_code"], Value::Null);
    assert_eq!(data["country"], Value::Null);
    assert_eq!(data["phone_number"], "447700900123");
}

#[test]
fn duplicate_contact_is_422_has_already_been_taken() {
    let sb = Sandbox::start();
    assert_eq!(
        sb.api("contact/create", r#"{"phone_number":"919876543210"}"#)
            .status,
        200
    );
    let r = sb.api("contact/create", r#"{"phone_number":"919876543210"}"#);
    assert_eq!(r.status, 422);
    assert_eq!(r.json(), fixture_body("validation-422-duplicate-contact"));
}

#[test]
fn update_contact_changes_sent_keys_and_clears_groups() {
    let sb = Sandbox::start();
    let created = sb.api(
        "contact/create",
        r#"{"phone_number":"919876543210","first_name":"Johan","last_name":"Doe","groups":"g1,g2"}"#,
    );
    let uid = created.json()["data"]["contact_uid"].clone();

    // Only first_name is sent: last_name stays, groups are cleared.
    let r = sb.api("contact/update/919876543210", r#"{"first_name":"Jo"}"#);
    assert_eq!(r.status, 200);
    assert_eq!(
        r.json(),
        json!({"result":"success","message":"Contact details updated.","data":{"contact_uid": uid}})
    );
    let contact = sb.sandbox_contact("919876543210");
    assert_eq!(contact["first_name"], "Jo");
    assert_eq!(contact["last_name"], "Doe");
    assert_eq!(contact["groups"], json!([]));

    // Groups sent: replaced by what is sent; other keys as sent.
    let r = sb.api(
        "contact/update/919876543210",
        r#"{"groups":"examplegroup1,examplegroup9","country":"91","whatsapp_opt_out":true,
            "enable_ai_bot":false,"custom_fields":{"BDay":"2025-09-04"}}"#,
    );
    assert_eq!(r.json()["result"], "success");
    let contact = sb.sandbox_contact("919876543210");
    assert_eq!(contact["groups"], json!(["examplegroup1", "examplegroup9"]));
    assert_eq!(contact["country"], "India");
    assert_eq!(contact["whatsapp_opt_out"], true);
    assert_eq!(contact["disable_ai_bot"], true);
    assert_eq!(contact["enable_ai_bot"], false);
    assert_eq!(contact["first_name"], "Jo");
}

#[test]
fn update_contact_nothing_to_update_and_not_found() {
    let sb = Sandbox::start();
    let created = sb.api(
        "contact/create",
        r#"{"phone_number":"919876543210","first_name":"Johan"}"#,
    );
    let uid = created.json()["data"]["contact_uid"].clone();

    let r = sb.api("contact/update/919876543210", r#"{"first_name":"Johan"}"#);
    assert_eq!(r.status, 200);
    let mut expected = fixture_body("update-contact-nothing-to-update");
    expected["data"]["contact_uid"] = uid;
    assert_eq!(r.json(), expected);

    let r = sb.api("contact/update/919800000000", r#"{"first_name":"Johan"}"#);
    assert_eq!(r.status, 200);
    assert_eq!(r.json(), fixture_body("update-contact-not-found"));
    assert_eq!(
        r.text(),
        r#"{"result":"failed","message":"Contact not found.","data":{"contact_uid":null}}"#
    );
}

#[test]
fn update_contact_path_number_is_validated_as_phone_number() {
    let sb = Sandbox::start();
    let r = sb.api("contact/update/%2B919876543210", r#"{"first_name":"Jo"}"#);
    assert_eq!(r.status, 422);
    assert_eq!(
        r.json(),
        json!({
            "message": "The phone number field must not start with one of the following: +, 0. (and 1 more error)",
            "errors": {"phone_number": [
                "The phone number field must not start with one of the following: +, 0.",
                "The phone number field must be between 9 and 15 digits."
            ]}
        })
    );
    let r = sb.api("contact/update/12345", "{}");
    assert_eq!(
        r.json()["errors"],
        json!({"phone_number": ["The phone number field must be between 9 and 15 digits."]})
    );
}

#[test]
fn validation_422_matches_the_fixture_for_empty_and_invalid_json() {
    let sb = Sandbox::start();
    for body in ["{}", "{not json", "", "[1,2]"] {
        let r = sb.api("contact/send-message", body);
        assert_eq!(r.status, 422, "{body}");
        assert_eq!(r.json(), fixture_body("validation-422"), "{body}");
        assert_eq!(
            r.text(),
            r#"{"message":"The phone number field is required. (and 1 more error)","errors":{"phone_number":["The phone number field is required."],"message_body":["The message body field is required."]}}"#
        );
    }
}

#[test]
fn validation_messages_singular_plural_and_nested() {
    let sb = Sandbox::start();
    let r = sb.api("contact/send-message", r#"{"phone_number":"919876543210"}"#);
    assert_eq!(r.json()["message"], "The message body field is required.");

    let r = sb.api(
        "contact/send-media-message",
        r#"{"phone_number":"919876543210","media_type":"gif","media_url":"not a url",
            "contact":{"email":"nope"}}"#,
    );
    assert_eq!(r.status, 422);
    assert_eq!(
        r.json(),
        json!({
            "message": "The selected media type is invalid. (and 2 more errors)",
            "errors": {
                "media_type": ["The selected media type is invalid."],
                "media_url": ["The media url field must be a valid URL."],
                "contact.email": ["The contact.email field must be a valid email address."]
            }
        })
    );

    let long = "x".repeat(4097);
    let r = sb.api(
        "contact/send-message",
        &json!({"phone_number": "0919876543210", "message_body": long}).to_string(),
    );
    assert_eq!(
        r.json()["errors"],
        json!({
            "phone_number": ["The phone number field must not start with one of the following: +, 0."],
            "message_body": ["The message body field must not be greater than 4096 characters."]
        })
    );

    let r = sb.api(
        "contact/send-template-message",
        r#"{"phone_number":"919876543210"}"#,
    );
    assert_eq!(
        r.json()["message"],
        "The template name field is required. (and 1 more error)"
    );
    let r = sb.api(
        "contact/create",
        &json!({"phone_number": "919876543210", "first_name": "x".repeat(151), "caption": 1})
            .to_string(),
    );
    assert_eq!(
        r.json()["errors"],
        json!({"first_name": ["The first name field must not be greater than 150 characters."]})
    );
}

#[test]
fn json_body_without_json_content_type_is_not_read() {
    let sb = Sandbox::start();
    let r = sb.request(
        "POST",
        &format!("/api/{VENDOR}/contact/send-message"),
        &[
            ("Authorization", "Bearer sandbox-token"),
            ("Accept", "application/json"),
        ],
        Some(br#"{"phone_number":"919876543210","message_body":"hi"}"#),
    );
    assert_eq!(r.status, 422);
}

#[test]
fn auth_failures_match_the_fixtures() {
    let sb = Sandbox::start();
    let body = r#"{"phone_number":"919876543210","message_body":"hi"}"#;
    let cases = [
        (VENDOR, "wrong-token", "auth-invalid-token"),
        (VENDOR, "", "auth-invalid-token"),
        ("someone-else", TOKEN, "auth-invalid-vendor"),
        ("inactive-vendor", TOKEN, "auth-vendor-inactive"),
        ("setup-incomplete-vendor", TOKEN, "setup-incomplete"),
        (VENDOR, "no-api-plan-token", "plan-without-api-access"),
    ];
    for (vendor, token, fixture) in cases {
        let r = sb.api_as(vendor, token, "contact/send-message", body);
        assert_eq!(r.status, fixture_status(fixture), "{fixture}");
        assert_eq!(r.json(), fixture_body(fixture), "{fixture}");
    }
    // No Authorization header at all.
    let r = sb.request(
        "POST",
        &format!("/api/{VENDOR}/contact/create"),
        &[("Content-Type", "application/json")],
        Some(b"{}"),
    );
    assert_eq!(
        r.text(),
        r#"{"result":"failed","message":"Invalid Token","data":[]}"#
    );
    // ?token= is accepted, like the real server.
    let r = sb.request(
        "POST",
        &format!("/api/{VENDOR}/contact/create?token={TOKEN}"),
        &[("Content-Type", "application/json")],
        Some(br#"{"phone_number":"919876543210"}"#),
    );
    assert_eq!(r.json()["result"], "success");
}

#[test]
fn whatsapp_and_server_failures() {
    let sb = Sandbox::start();
    let r = sb.api(
        "contact/send-message",
        r#"{"phone_number":"919999999999","message_body":"hi"}"#,
    );
    assert_eq!(r.status, 400);
    assert_eq!(r.json(), fixture_body("whatsapp-error-131030"));

    let r = sb.api(
        "contact/send-message",
        r#"{"phone_number":"919876543210","message_body":"hi","from_phone_number_id":"999"}"#,
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.json(), fixture_body("from-number-not-available"));

    for id in ["\"100000000000001\"", "100000000000002"] {
        let r = sb.api(
            "contact/send-message",
            &format!(r#"{{"phone_number":"919876543210","message_body":"hi","from_phone_number_id":{id}}}"#),
        );
        assert_eq!(r.json()["result"], "success", "{id}");
    }
}

#[test]
fn brazil_number_is_answered_with_the_ninth_digit() {
    let sb = Sandbox::start();
    let r = sb.api(
        "contact/send-message",
        r#"{"phone_number":"551112345678","message_body":"oi"}"#,
    );
    assert_send_success(&r.json(), "Message processed", "5511912345678");
    // The contact now lives under the answered number.
    assert_eq!(
        sb.api("contact/update/5511912345678", r#"{"first_name":"Ana"}"#)
            .json()["result"],
        "success"
    );
    assert_eq!(
        sb.api("contact/update/551112345678", r#"{"first_name":"Ana"}"#)
            .json()["message"],
        "Contact not found."
    );
}

#[test]
fn template_failures() {
    let sb = Sandbox::start();
    let send = |body: Value| sb.api("contact/send-template-message", &body.to_string());

    let r = send(
        json!({"phone_number":"919876543210","template_name":"order_update","template_language":"en"}),
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.json(), fixture_body("template-not-found"));

    let r = send(
        json!({"phone_number":"919876543210","template_name":"appointment_reminder",
                        "template_language":"en","field_1":"a","field_2":"b","field_3":"c","field_4":"d"}),
    );
    assert_eq!(r.status, 400);
    assert_eq!(
        r.json(),
        json!({"result":"failed","message":" (#132000) Number of parameters does not match the expected number of params body: number of localizable_params (4) does not match the expected number of params (5)","data":[]})
    );

    let r = send(
        json!({"phone_number":"919876543210","template_name":"invoice_document",
                        "template_language":"en","field_1":"a","header_document":"https://x.test/a.pdf"}),
    );
    assert_eq!(r.status, 400);
    assert_eq!(
        r.json()["message"],
        " (#131008) Required parameter is missing header: parameter header_document_name is missing"
    );

    let r = send(
        json!({"phone_number":"919876543210","template_name":"track_order",
                        "template_language":"en","field_1":"a"}),
    );
    assert_eq!(r.status, 400);
    assert!(r.json()["message"]
        .as_str()
        .unwrap()
        .starts_with(" (#131008) Required parameter is missing button:"));

    let r = send(
        json!({"phone_number":"919876543210","template_name":"store_location","template_language":"en",
                        "location_latitude":"22","location_longitude":"22.5","location_name":"n","location_address":"a"}),
    );
    assert_eq!(r.status, 400);
    assert!(r.json()["message"]
        .as_str()
        .unwrap()
        .starts_with(" (#131009)"));
}

#[test]
fn tags_are_stripped_from_top_level_strings() {
    let sb = Sandbox::start();
    let r = sb.api(
        "contact/send-message",
        r#"{"phone_number":"919876543210","message_body":"I <3 you"}"#,
    );
    assert_eq!(r.json()["result"], "success");
    let messages = sb.get_json("/__sandbox/messages");
    assert_eq!(messages[0]["content"], "I ");
    assert_eq!(messages[0]["type"], "text");
    // Only tags: nothing is left, so the field counts as missing.
    let r = sb.api(
        "contact/send-message",
        r#"{"phone_number":"919876543210","message_body":"<b></b>"}"#,
    );
    assert_eq!(r.status, 422);
}

#[test]
fn message_status_by_log_uid_and_wamid() {
    let sb = Sandbox::start();
    let sent = sb
        .api(
            "contact/send-message",
            r#"{"phone_number":"919876543210","message_body":"hi"}"#,
        )
        .json();
    let auth = [
        ("Authorization", "Bearer sandbox-token"),
        ("Accept", "application/json"),
    ];
    for query in [
        format!("log_uid={}", sent["data"]["log_uid"].as_str().unwrap()),
        format!(
            "wamid={}",
            sent["data"]["wamid"].as_str().unwrap().replace('=', "%3D")
        ),
    ] {
        let r = sb.request(
            "GET",
            &format!("/api/{VENDOR}/contact/message-status?{query}"),
            &auth,
            None,
        );
        assert_eq!(r.status, 200);
        let body = r.json();
        assert_eq!(body["result"], "success");
        assert_eq!(body["data"]["status"], "accepted");
        assert!(body["data"]["created_at"].as_str().unwrap().ends_with('Z'));
    }

    // The control route moves the status on.
    let r = sb.post_control(
        "/__sandbox/message-status",
        &json!({"log_uid": sent["data"]["log_uid"], "status": "delivered"}).to_string(),
    );
    assert_eq!(r.status, 200);
    let path = format!(
        "/api/{VENDOR}/contact/message-status?log_uid={}",
        sent["data"]["log_uid"].as_str().unwrap()
    );
    assert_eq!(
        sb.request("GET", &path, &auth, None).json()["data"]["status"],
        "delivered"
    );

    let r = sb.request(
        "GET",
        &format!("/api/{VENDOR}/contact/message-status?log_uid=nope"),
        &auth,
        None,
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.json(), fixture_body("message-status-not-found"));
    assert_eq!(
        r.json(),
        json!({"result": "failed", "message": "Message not found.", "data": []})
    );
    let r = sb.request(
        "GET",
        &format!("/api/{VENDOR}/contact/message-status"),
        &auth,
        None,
    );
    assert_eq!(r.status, 200);
    assert_eq!(
        r.json(),
        json!({"result": "failed", "message": "log_uid or wamid is required.", "data": []})
    );
}

#[test]
fn unknown_path_is_404_html_and_wrong_method_405() {
    let sb = Sandbox::start();
    let r = sb.request(
        "POST",
        &format!("/api/{VENDOR}/contact/nope"),
        &[],
        Some(b"{}"),
    );
    assert_eq!(r.status, 404);
    assert_eq!(r.header("content-type"), Some("text/html; charset=UTF-8"));
    assert_eq!(
        r.text(),
        "<!DOCTYPE html><html><head><title>Not Found</title></head><body>Not Found</body></html>"
    );
    assert_eq!(r.header("x-ratelimit-limit"), None);

    let r = sb.request(
        "GET",
        &format!("/api/{VENDOR}/contact/send-message"),
        &[("Accept", "application/json")],
        None,
    );
    assert_eq!(r.status, 405);
    assert_eq!(r.header("allow"), Some("POST"));
    assert_eq!(
        r.json(),
        json!({"message": "The GET method is not supported for route api/sandbox-vendor/contact/send-message. Supported methods: POST."})
    );
}
