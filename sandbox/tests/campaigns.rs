//! campaign/schedule, the campaign list and campaign-status: a campaign
//! goes upcoming → processing → executed on the sandbox's clock.

mod common;

use common::*;
use serde_json::{json, Value};

/// 2099-01-01T10:00:00Z in milliseconds.
const FAR_MS: u64 = 4_070_944_800_000;

fn schedule(sb: &Sandbox, body: Value) -> Value {
    sb.api("campaign/schedule", &body.to_string()).json()
}

fn hello(extra: Value) -> Value {
    let mut body = json!({"title": "Spring", "template_name": "hello_world",
                          "template_language": "en", "contact_group": "all_contacts",
                          "timezone": "UTC"});
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    body
}

fn status(sb: &Sandbox, uid: &str) -> Value {
    let r = sb.api_get(&format!("campaign-status/{uid}"));
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()["data"].clone()
}

/// The counters without the campaign row.
fn counters(sb: &Sandbox, uid: &str) -> Value {
    let mut data = status(sb, uid);
    data.as_object_mut().unwrap().remove("campaign");
    data
}

fn advance(sb: &Sandbox, secs: f64) {
    sb.clock(&json!({ "advance_secs": secs }).to_string());
}

#[test]
fn a_campaign_runs_with_its_counters() {
    let sb = Sandbox::start();
    sb.clock(r#"{"paused": true}"#);
    // A fourth contact whom WhatsApp refuses.
    sb.api("contact/create", r#"{"phone_number":"919999999999"}"#);
    let r = schedule(&sb, hello(json!({})));
    assert_eq!(r["result"], "success", "{r}");
    assert_eq!(r["message"], "Test Message success and Campaign created");
    let uid = r["data"]["campaignUid"].as_str().unwrap().to_string();
    assert!(is_uuid_v4(&uid), "{uid}");
    assert_eq!(field_names(&r["data"]), ["campaignUid"]);
    // The test message went to the test contact.
    let messages = sb.get_json("/__sandbox/messages");
    assert_eq!(messages[0]["phone_number"], "918000000001");

    let row = status(&sb, &uid)["campaign"].clone();
    let created = row["created_at"].clone();
    assert_eq!(
        row,
        json!({"_id": row["_id"], "_uid": uid, "title": "Spring", "status": 1,
               "template_name": "hello_world", "template_language": "en", "timezone": "UTC",
               "scheduled_at": created, "total_contacts": 4, "whatsapp_templates__id": 1,
               "users__id": 1, "vendors__id": 1, "created_at": created, "updated_at": created})
    );
    assert_eq!(
        counters(&sb, &uid),
        json!({"campaignStatus": "processing", "statusText": "Processing",
               "timeTookFromScheduledAtFormatted": "0 seconds",
               "totalSent": 0, "totalSentInPercent": "0%",
               "totalDelivered": 0, "totalDeliveredInPercent": "0%",
               "totalRead": 0, "totalReadInPercent": "0%",
               "totalFailed": 0, "totalFailedInPercent": "0%",
               "acceptedCount": 0, "totalAcceptedInPercent": "0%",
               "inQueueCount": 4, "inQueuedCount": 4, "totalInQueueInPercent": "100%",
               "queueFailedCount": 0, "expiredCount": 0, "totalExpiredInPercent": "0%",
               "executedCount": 0})
    );
    // One message leaves the queue a second; 2 s later it is sent.
    advance(&sb, 1.0);
    let c = counters(&sb, &uid);
    assert_eq!(
        (
            &c["acceptedCount"],
            &c["totalAcceptedInPercent"],
            &c["inQueueCount"],
            &c["executedCount"]
        ),
        (&json!(1), &json!("25%"), &json!(3), &json!(1))
    );
    advance(&sb, 3.0);
    let c = counters(&sb, &uid);
    assert_eq!(
        (
            &c["campaignStatus"],
            &c["statusText"],
            &c["timeTookFromScheduledAtFormatted"]
        ),
        (&json!("executed"), &json!("Executed"), &json!("4 seconds"))
    );
    assert_eq!(
        (
            &c["totalSent"],
            &c["totalSentInPercent"],
            &c["acceptedCount"],
            &c["totalFailed"],
            &c["totalFailedInPercent"]
        ),
        (
            &json!(2),
            &json!("50%"),
            &json!(1),
            &json!(1),
            &json!("25%")
        )
    );
    advance(&sb, 6.0);
    let c = counters(&sb, &uid);
    assert_eq!(
        (
            &c["totalSent"],
            &c["totalDelivered"],
            &c["totalRead"],
            &c["totalReadInPercent"],
            &c["executedCount"]
        ),
        (&json!(3), &json!(3), &json!(3), &json!("75%"), &json!(4))
    );
}

#[test]
fn a_campaign_waits_for_its_time_and_expires_what_is_left() {
    let sb = Sandbox::start();
    sb.clock(r#"{"paused": true}"#);
    let r = schedule(
        &sb,
        hello(
            json!({"contact_group": "Customers", "timezone": "Asia/Kolkata",
                     "schedule_at": "2099-01-01T15:30", "expire_at": "2099-01-01T15:30:02"}),
        ),
    );
    let uid = r["data"]["campaignUid"].as_str().unwrap().to_string();
    let data = status(&sb, &uid);
    // 15:30 in Kolkata is 10:00 UTC.
    assert_eq!(
        data["campaign"]["scheduled_at"],
        "2099-01-01T10:00:00.000000Z"
    );
    assert_eq!(data["campaign"]["timezone"], "Asia/Kolkata");
    assert_eq!(data["campaign"]["total_contacts"], 2);
    assert_eq!(
        (
            &data["campaignStatus"],
            &data["statusText"],
            &data["timeTookFromScheduledAtFormatted"]
        ),
        (&json!("upcoming"), &json!("Upcoming"), &Value::Null)
    );
    let now_ms = sb.get_json("/__sandbox/clock")["now_ms"].as_u64().unwrap();
    advance(&sb, (FAR_MS - now_ms) as f64 / 1000.0);
    assert_eq!(counters(&sb, &uid)["campaignStatus"], "processing");
    // Asha leaves the queue at +1 s; Ravi's turn (+2 s) is at the expiry.
    advance(&sb, 10.0);
    let c = counters(&sb, &uid);
    assert_eq!(
        (
            &c["campaignStatus"],
            &c["expiredCount"],
            &c["totalExpiredInPercent"],
            &c["totalRead"],
            &c["executedCount"]
        ),
        (
            &json!("executed"),
            &json!(1),
            &json!("50%"),
            &json!(1),
            &json!(1)
        )
    );
}

#[test]
fn campaigns_are_listed_newest_first_and_searched() {
    let sb = Sandbox::start();
    let first = schedule(&sb, hello(json!({"title": "Spring"})));
    let second = schedule(
        &sb,
        hello(
            json!({"title": "Summer", "template_name": "order_update", "template_language": "pt_BR",
                     "field_1": "a", "field_2": "b", "contact_group": "VIP, Newsletter"}),
        ),
    );
    let r = sb.api_get("campaign");
    let list = r.json()["data"]["campaignList"].clone();
    assert_eq!(list["total"], 2);
    assert_eq!(field_of(&list["data"], "title"), ["Summer", "Spring"]);
    assert_eq!(list["data"][0]["_uid"], second["data"]["campaignUid"]);
    assert_eq!(list["data"][1]["_uid"], first["data"]["campaignUid"]);
    assert_eq!(list["data"][0]["total_contacts"], 2);
    assert_eq!(list["data"][0]["whatsapp_templates__id"], 3);
    let found = sb.api_get("campaign?search_term=pt_br").json();
    assert_eq!(
        field_of(&found["data"]["campaignList"]["data"], "title"),
        ["Summer"]
    );
    assert_eq!(
        found["data"]["campaignList"]["path"],
        format!("http://sandbox.test/api/{VENDOR}/campaign")
    );
}

#[test]
fn unknown_campaign_status_is_a_404_envelope() {
    let sb = Sandbox::start();
    let r = sb.api_get("campaign-status/0b1c2d3e-0000-4000-8000-000000000000");
    assert_eq!(r.status, 404);
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.text(), r#"{"result":"failed","message":"","data":[]}"#);
    assert_eq!(r.json(), fixture_body("campaign-status-not-found"));
}

#[test]
fn schedule_failures_are_the_servers() {
    let sb = Sandbox::start();
    let failed = |name: &str, body: Value| {
        assert_eq!(schedule(&sb, body), fixture_body(name), "{name}");
    };
    failed(
        "campaign-template-does-not-exist",
        hello(json!({"template_name": null})),
    );
    failed(
        "campaign-template-does-not-exist",
        hello(json!({"template_language": "fr"})),
    );
    failed(
        "campaign-invalid-group",
        hello(json!({"contact_group": "Customers,Nobody"})),
    );
    failed(
        "campaign-contacts-not-found",
        hello(json!({"contact_labels": "Paid"})),
    );
    failed(
        "campaign-datetime-not-recognized",
        hello(json!({"schedule_at": "01/01/2099 10:00"})),
    );
    failed(
        "campaign-datetime-not-recognized",
        hello(json!({"expire_at": "2099-13-01T10:00"})),
    );
    // order_update needs field_1 and field_2: the test message fails.
    failed(
        "campaign-test-message-failed",
        hello(json!({"template_name": "order_update", "template_language": "en_US"})),
    );
    // A group that has lost its only member.
    sb.api(
        "contact/unassign-groups",
        r#"{"contacts_uid":["c1000000-0000-4000-8000-000000000001"],
            "groups_uid":["a1000000-0000-4000-8000-000000000002"]}"#,
    );
    failed(
        "campaign-group-contact-not-found",
        hello(json!({"contact_group": "VIP"})),
    );
    assert_eq!(
        schedule(&sb, hello(json!({"contact_group": "VIP"}))),
        json!({"result": "failed", "message": "Group Contact does not found", "data": []})
    );
    // Nothing was made.
    assert_eq!(
        sb.api_get("campaign").json()["data"]["campaignList"]["total"],
        0
    );
}

#[test]
fn the_test_contact_must_be_set_and_exist() {
    let sb = Sandbox::start();
    let set = |number: Value| {
        let r = sb.post_control(
            "/__sandbox/test-contact",
            &json!({ "phone_number": number }).to_string(),
        );
        assert_eq!(r.status, 200, "{}", r.text());
    };
    set(Value::Null);
    assert_eq!(
        schedule(&sb, hello(json!({}))),
        fixture_body("campaign-test-contact-missing")
    );
    set(json!("919876543210"));
    assert_eq!(
        schedule(&sb, hello(json!({}))),
        json!({"result": "failed", "message": "Test contact does not found", "data": []})
    );
    // WhatsApp refuses the test message: no campaign.
    sb.api("contact/create", r#"{"phone_number":"919999999999"}"#);
    set(json!("919999999999"));
    assert_eq!(
        schedule(&sb, hello(json!({}))),
        fixture_body("campaign-test-message-failed")
    );
    set(json!("918000000002"));
    assert_eq!(schedule(&sb, hello(json!({})))["result"], "success");
    assert_eq!(
        sb.get_json("/__sandbox/messages")[0]["phone_number"],
        "918000000002"
    );
}

#[test]
fn schedule_validation_is_a_422() {
    let sb = Sandbox::start();
    let r = sb.api("campaign/schedule", r#"{"timezone":"Mars/Olympus"}"#);
    assert_eq!(r.status, 422);
    assert_eq!(
        r.json(),
        json!({"message": "The title field is required. (and 2 more errors)",
               "errors": {"title": ["The title field is required."],
                          "contact_group": ["The contact group field is required."],
                          "timezone": ["The timezone field must be a valid timezone."]}})
    );
    let r = sb.api(
        "campaign/schedule",
        &hello(json!({"schedule_at": "2099-01-01T10:00", "expire_at": "2099-01-01T09:00"}))
            .to_string(),
    );
    assert_eq!(r.status, 422);
    assert_eq!(
        r.json()["errors"],
        json!({"expire_at": ["The expire at field must be a date after schedule at."]})
    );
}
