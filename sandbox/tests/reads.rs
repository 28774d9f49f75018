//! The read routes: message status over time, the paginated lists and
//! `GET contact`, over the seed data and what other routes create.

mod common;

use common::*;
use serde_json::{json, Value};

fn ok_data(r: &Response) -> Value {
    assert_eq!(r.status, 200, "{}", r.text());
    let body = r.json();
    assert_eq!(body["result"], "success", "{body}");
    body["data"].clone()
}

fn send(sb: &Sandbox, phone: &str) -> Value {
    let r = sb.api(
        "contact/send-message",
        &json!({"phone_number": phone, "message_body": "hi"}).to_string(),
    );
    ok_data(&r)
}

fn status_of(sb: &Sandbox, query: &str) -> Value {
    sb.api_get(&format!("contact/message-status?{query}"))
        .json()
}

#[test]
fn a_sent_message_moves_accepted_sent_delivered_read_with_the_clock() {
    let sb = Sandbox::start();
    sb.clock(r#"{"paused": true}"#);
    // Move to the start of a minute, so the expected times are plain text.
    let now_ms = sb.get_json("/__sandbox/clock")["now_ms"].as_u64().unwrap();
    let to_minute = (60_000 - now_ms % 60_000) as f64 / 1000.0;
    sb.clock(&json!({ "advance_secs": to_minute }).to_string());
    let sent = send(&sb, "919876543210");
    let query = format!("log_uid={}", sent["log_uid"].as_str().unwrap());
    let first = status_of(&sb, &query);
    let created = first["data"]["created_at"].as_str().unwrap().to_string();
    assert!(created.ends_with(":00.000000Z"), "{created}");
    assert_eq!(
        first,
        json!({"result": "success", "message": "Message status",
               "data": {"status": "accepted", "created_at": created, "updated_at": created}})
    );
    // Each step is 2 s after the one before; updated_at is when it was reached.
    let at = |secs: &str| format!("{}{secs}.000000Z", &created[..17]);
    let mut steps = Vec::new();
    for _ in 0..4 {
        sb.clock(r#"{"advance_secs": 2}"#);
        let data = status_of(&sb, &query)["data"].clone();
        steps.push((data["status"].clone(), data["updated_at"].clone()));
    }
    assert_eq!(
        steps,
        [
            (json!("sent"), json!(at("02"))),
            (json!("delivered"), json!(at("04"))),
            (json!("read"), json!(at("06"))),
            (json!("read"), json!(at("06"))),
        ]
    );
}

#[test]
fn log_uid_wins_over_wamid_and_the_failures_are_the_real_ones() {
    let sb = Sandbox::start();
    let sent = send(&sb, "919876543210");
    let wamid = sent["wamid"].as_str().unwrap().replace('=', "%3D");
    assert_eq!(
        status_of(&sb, &format!("wamid={wamid}"))["result"],
        "success"
    );
    // A wrong log_uid beside a right wamid: the log_uid is what is looked up.
    assert_eq!(
        status_of(&sb, &format!("log_uid=nope&wamid={wamid}")),
        fixture_body("message-status-not-found")
    );
    assert_eq!(
        status_of(&sb, "log_uid="),
        json!({"result": "failed", "message": "log_uid or wamid is required.", "data": []})
    );
    assert_eq!(status_of(&sb, ""), fixture_body("message-status-required"));
}

#[test]
fn the_control_route_fails_a_message_and_the_status_stays() {
    let sb = Sandbox::start();
    sb.clock(r#"{"paused": true}"#);
    let sent = send(&sb, "919876543210");
    let r = sb.post_control(
        "/__sandbox/message-status",
        &json!({"wamid": sent["wamid"], "status": "failed"}).to_string(),
    );
    assert_eq!(r.status, 200);
    sb.clock(r#"{"advance_secs": 60}"#);
    let query = format!("log_uid={}", sent["log_uid"].as_str().unwrap());
    assert_eq!(status_of(&sb, &query)["data"]["status"], "failed");
    assert_eq!(sb.get_json("/__sandbox/messages")[0]["status"], "failed");
}

/// Asha, the first seeded contact, exactly as the list and lookup show her.
fn asha() -> Value {
    json!({
        "_id": 7, "_uid": "c1000000-0000-4000-8000-000000000001", "status": 1,
        "first_name": "Asha", "last_name": "Rao", "full_name": "Asha Rao",
        "name_initials": "AR", "wa_id": "918000000001", "email": "asha@example.com",
        "language_code": "en", "countries__id": 13, "whatsapp_opt_out": null,
        "disable_ai_bot": 0, "disable_reply_bot": 0, "assigned_users__id": null,
        "phone_verified_at": null, "email_verified_at": null, "wa_blocked_at": null,
        "username": null, "bsuid": null, "vendors__id": 1,
        "created_at": "2026-04-01T10:06:00.000000Z", "updated_at": "2026-04-01T10:06:00.000000Z",
        "groups": [
            {"_id": 1, "_uid": "a1000000-0000-4000-8000-000000000001", "status": 1,
             "title": "Customers", "description": "Everyone who has bought",
             "created_at": "2026-04-01T10:00:00.000000Z"},
            {"_id": 2, "_uid": "a1000000-0000-4000-8000-000000000002", "status": 1,
             "title": "VIP", "description": "Best customers",
             "created_at": "2026-04-01T10:01:00.000000Z"}
        ],
        "labels": [
            {"_id": 4, "_uid": "b1000000-0000-4000-8000-000000000001", "status": 1,
             "title": "Hot lead", "created_at": "2026-04-01T10:03:00.000000Z"}
        ]
    })
}

#[test]
fn contacts_list_is_a_laravel_paginator_of_the_seeded_contacts() {
    let sb = Sandbox::start();
    let r = sb.api_get("contacts");
    assert!(r
        .text()
        .starts_with(r#"{"result":"success","message":"","data":{"contactList":{"current_page":1,"data":[{"_id":7,"_uid":"#));
    let list = ok_data(&r)["contactList"].clone();
    let base = format!("http://sandbox.test/api/{VENDOR}/contacts");
    assert_eq!(list["data"][0], asha());
    let wa_ids = field_of(&list["data"], "wa_id");
    assert_eq!(wa_ids, ["918000000001", "918000000002", "447700900123"]);
    let mut rest = list.clone();
    rest["data"] = json!("…");
    assert_eq!(
        rest,
        json!({
            "current_page": 1, "data": "…", "first_page_url": format!("{base}?page=1"),
            "from": 1, "last_page": 1, "last_page_url": format!("{base}?page=1"),
            "links": [
                {"url": null, "label": "&laquo; Previous", "active": false},
                {"url": format!("{base}?page=1"), "label": "1", "active": true},
                {"url": null, "label": "Next &raquo;", "active": false}
            ],
            "next_page_url": null, "path": base, "per_page": 100,
            "prev_page_url": null, "to": 3, "total": 3
        })
    );
}

#[test]
fn contacts_page_by_page_size_and_search() {
    let sb = Sandbox::start();
    let r = sb.post_control("/__sandbox/contacts", r#"{"count": 247}"#);
    assert_eq!(r.json(), json!({"result": "ok", "total": 250}));
    let page =
        |query: &str| ok_data(&sb.api_get(&format!("contacts?{query}")))["contactList"].clone();
    let base = format!("http://sandbox.test/api/{VENDOR}/contacts");

    let p2 = page("page=2");
    assert_eq!(
        (
            p2["from"].clone(),
            p2["to"].clone(),
            p2["last_page"].clone(),
            p2["total"].clone()
        ),
        (json!(101), json!(200), json!(3), json!(250))
    );
    assert_eq!(p2["data"][0]["wa_id"], "917000000098");
    assert_eq!(p2["prev_page_url"], format!("{base}?page=1"));
    assert_eq!(p2["next_page_url"], format!("{base}?page=3"));

    let p3 = page("page=3&page_size=100");
    assert_eq!(
        (p3["from"].clone(), p3["to"].clone()),
        (json!(201), json!(250))
    );
    assert_eq!(p3["next_page_url"], Value::Null);

    let past = page("page=9");
    assert_eq!(past["data"], json!([]));
    assert_eq!(
        (past["from"].clone(), past["to"].clone()),
        (Value::Null, Value::Null)
    );

    let small = page("page_size=20&page=5");
    assert_eq!(
        (small["last_page"].clone(), small["per_page"].clone()),
        (json!(13), json!(20))
    );
    let labels = field_of(&small["links"], "label");
    assert_eq!(
        labels.join(" "),
        "&laquo; Previous 1 2 3 4 5 6 7 8 9 10 11 12 13 Next &raquo;"
    );

    // search_term: first/last name, wa_id, e-mail, any case.
    let names = |query: &str| -> Vec<String> { field_of(&page(query)["data"], "full_name") };
    assert_eq!(names("search_term=EMMA"), ["Emma Brown"]);
    assert_eq!(names("search_term=kumar"), ["Ravi Kumar"]);
    assert_eq!(names("search_term=4477009"), ["Emma Brown"]);
    assert_eq!(names("search_term=asha%40example"), ["Asha Rao"]);
    // The full name is not a searched field.
    assert_eq!(names("search_term=Sample%201"), Vec::<String>::new());
    assert_eq!(page("search_term=sample")["total"], 247);
}

#[test]
fn a_contact_made_by_a_send_appears_in_the_list_and_the_lookup() {
    let sb = Sandbox::start();
    sb.api(
        "contact/send-message",
        r#"{"phone_number":"919876543210","message_body":"hi",
            "contact":{"first_name":"Johan","last_name":"Doe","email":"johan@example.com","groups":"Customers,Trial"}}"#,
    );
    let list = ok_data(&sb.api_get("contacts?search_term=johan"))["contactList"].clone();
    assert_eq!(list["total"], 1);
    let by_mail = ok_data(&sb.api_get("contact?phone_number_or_email=johan%40example.com"))
        ["contact"]
        .clone();
    let by_phone =
        ok_data(&sb.api_get("contact?phone_number_or_email=919876543210"))["contact"].clone();
    assert_eq!(by_mail, list["data"][0]);
    assert_eq!(by_phone, by_mail);
    assert_eq!(by_phone["wa_id"], "919876543210");
    assert_eq!(by_phone["full_name"], "Johan Doe");
    assert_eq!(by_phone["name_initials"], "JD");
    assert_eq!(titles(&by_phone["groups"]), ["Customers", "Trial"]);
    // The group named on the send was made, and is listed newest first.
    let listed = ok_data(&sb.api_get("contact/groups"))["contactList"]["data"][0].clone();
    assert_eq!(listed["title"], "Trial");
    assert_eq!(listed["description"], Value::Null);
}

#[test]
fn contact_lookup_is_exact_and_no_match_is_null() {
    let sb = Sandbox::start();
    let r = sb.api_get("contact?phone_number_or_email=918000000001");
    assert_eq!(ok_data(&r)["contact"], asha());
    assert_eq!(
        sb.api_get("contact?phone_number_or_email=91800000000")
            .json(),
        fixture_body("get-contact-no-match")
    );
    assert_eq!(
        sb.api_get("contact?phone_number_or_email=ASHA%40example.com")
            .json(),
        json!({"result": "success", "message": "", "data": {"contact": null}})
    );
    assert_eq!(
        sb.api_get("contact").json(),
        fixture_body("get-contact-missing-parameter")
    );
    assert_eq!(
        sb.api_get("contact?phone_number_or_email=").json(),
        json!({"result": "failed", "message": "Please enter phone number or email.", "data": []})
    );
}

#[test]
fn groups_are_listed_newest_first_under_contact_list() {
    let sb = Sandbox::start();
    let r = sb.api_get("contact/groups?page_size=1");
    let fixture = serde_json::to_string(&fixture_body("list-groups-success"))
        .unwrap()
        .replace("127.0.0.1:8787", "sandbox.test");
    let want: Value = serde_json::from_str(&fixture).unwrap();
    assert_eq!(r.json(), want);
    let groups = |q: &str| {
        titles(&ok_data(&sb.api_get(&format!("contact/groups?{q}")))["contactList"]["data"])
    };
    assert_eq!(groups(""), ["Newsletter", "VIP", "Customers"]);
    assert_eq!(groups("search_term=best"), ["VIP"]);
}

#[test]
fn labels_are_listed_under_contact_list_with_their_colours() {
    let sb = Sandbox::start();
    let data = ok_data(&sb.api_get("contact/labels-tags?search_term=paid"));
    assert_eq!(data["contactList"]["total"], 1);
    assert_eq!(
        data["contactList"]["data"][0],
        json!({"_id": 6, "_uid": "b1000000-0000-4000-8000-000000000003", "status": 1,
               "title": "Paid", "text_color": "#ffffff", "bg_color": "#5cb85c", "vendors__id": 1,
               "created_at": "2026-04-01T10:05:00.000000Z", "updated_at": "2026-04-01T10:05:00.000000Z"})
    );
    assert_eq!(
        ok_data(&sb.api_get("contact/labels-tags"))["contactList"]["total"],
        3
    );
}

#[test]
fn template_list_has_the_approved_templates_only() {
    let sb = Sandbox::start();
    let list = ok_data(&sb.api_get("contact/template-list"))["templateList"].clone();
    assert_eq!(list["total"], 12);
    let names = field_of(&list["data"], "template_name");
    assert!(
        !names.iter().any(|n| n == "spring_sale" || n == "old_offer"),
        "{names:?}"
    );
    assert_eq!(
        list["data"][0],
        json!({"_id": 1, "_uid": "d1000000-0000-4000-8000-000000000001", "status": "APPROVED",
               "template_name": "hello_world", "template_id": "1000000000000001",
               "category": "UTILITY", "language": "en",
               "created_at": "2026-04-01T09:00:00.000000Z", "updated_at": "2026-04-01T09:00:00.000000Z"})
    );
    let search = |q: &str| -> Vec<String> {
        ok_data(&sb.api_get(&format!("contact/template-list?search_term={q}")))["templateList"]
            ["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                format!(
                    "{}/{}",
                    t["template_name"].as_str().unwrap(),
                    t["language"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(search("pt_br"), ["order_update/pt_BR"]);
    assert_eq!(search("1000000000000011"), ["appointment_reminder/en"]);
    assert_eq!(
        search("marketing"),
        [
            "promo_image/en",
            "product_video/en",
            "coupon_code/en",
            "product_carousel/en"
        ]
    );
    // Not approved: not found by search either.
    assert_eq!(search("spring"), Vec::<String>::new());
}
