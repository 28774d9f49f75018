//! `scheduleCampaign`: the audience, the time zone and dates, the two
//! flags, and the template parameters of `sendTemplateMessage`.

use serde_json::{json, Value};
use whatsjet::IssueCode::*;
use whatsjet::Kind;
use whatsjet::WarningCode::SeveralHeaders;

use crate::{
    body, codes, invalid, issue_codes, no_options, one_issue, p, valid, validate_field, w,
    warning_codes, with,
};

const K: Kind = Kind::ScheduleCampaign;

fn campaign(extra: Value) -> Value {
    with(
        json!({
            "title": "Autumn sale",
            "template_name": "autumn_sale",
            "template_language": "en",
            "contact_group": "all_contacts",
            "timezone": "Asia/Kolkata",
        }),
        extra,
    )
}

#[test]
fn a_minimal_campaign_is_sent_as_given() {
    assert_eq!(body(K, campaign(json!({}))), campaign(json!({})));
}

#[test]
fn a_full_campaign_is_normalised_as_the_server_reads_a_form() {
    assert_eq!(
        body(
            K,
            campaign(json!({
                "contact_group": ["VIP customers", " newsletter "],
                "contact_labels": ["hot", "warm"],
                "timezone": "America/Argentina/Buenos_Aires",
                "schedule_at": "2026-04-01T10:00",
                "expire_at": "2026-04-02T10:00:30",
                "restrict_by_templated_contact_language": true,
                "send_message_via_marketing_message_api": false,
                "selected_preset_message_uid": "p-1",
                "field_1": "{first_name}",
                "field_2": 20,
                "header_image": "https://example.com/a.jpg",
                "button_0": "autumn",
                "copy_code": "AUTUMN20",
            }))
        ),
        json!({
            "title": "Autumn sale",
            "template_name": "autumn_sale",
            "template_language": "en",
            "contact_group": "VIP customers,newsletter",
            "contact_labels": "hot,warm",
            "timezone": "America/Argentina/Buenos_Aires",
            "schedule_at": "2026-04-01T10:00",
            "expire_at": "2026-04-02T10:00:30",
            "restrict_by_templated_contact_language": "on",
            "selected_preset_message_uid": "p-1",
            "header_image": "https://example.com/a.jpg",
            "copy_code": "AUTUMN20",
            "field_1": "{first_name}",
            "field_2": "20",
            "button_0": "autumn",
        })
    );
    assert_eq!(
        body(
            K,
            campaign(json!({"send_message_via_marketing_message_api": "on", "schedule_at": ""}))
        ),
        campaign(json!({"send_message_via_marketing_message_api": "on", "schedule_at": ""}))
    );
}

#[test]
fn title_audience_time_zone_and_template_are_required() {
    let e = invalid(K, json!({}));
    assert_eq!(
        codes(&e.issues),
        vec![
            p("title", Required),
            p("template_name", Required),
            p("template_language", Required),
            p("contact_group", Required),
            p("timezone", Required),
        ]
    );
    for empty in [json!(""), json!(" , "), json!([])] {
        let issue = one_issue(K, campaign(json!({ "contact_group": empty })));
        assert_eq!(
            (issue.path.as_str(), issue.code, issue.message.as_str()),
            (
                "contact_group",
                Required,
                "contact_group must not be empty."
            ),
            "{empty}"
        );
    }
    assert_eq!(
        issue_codes(K, campaign(json!({"contact_group": ["vip", "a,b"]}))),
        vec![p("contact_group.1", InvalidFormat)]
    );
}

#[test]
fn the_time_zone_is_an_iana_name() {
    for good in [
        "UTC",
        "Europe/Berlin",
        "Etc/GMT+5",
        "America/Port-au-Prince",
    ] {
        valid(K, campaign(json!({ "timezone": good })));
    }
    for bad in [
        "IST",
        "+05:30",
        "Kolkata",
        "asia/kolkata",
        "Mars/Olympus_Mons",
    ] {
        let issue = one_issue(K, campaign(json!({ "timezone": bad })));
        assert_eq!(
            (issue.path.as_str(), issue.code, issue.message.as_str()),
            (
                "timezone",
                InvalidFormat,
                "timezone must be an IANA time zone such as Asia/Kolkata or UTC."
            ),
            "{bad}"
        );
    }
}

#[test]
fn dates_are_real_and_expire_at_comes_after_schedule_at() {
    for bad in [
        "2026-02-30T10:00",
        "2026-04-01 10:00",
        "01/04/2026",
        "2026-04-01T25:00",
    ] {
        let issue = one_issue(K, campaign(json!({ "schedule_at": bad })));
        assert_eq!(
            (issue.path.as_str(), issue.code, issue.message.as_str()),
            (
                "schedule_at",
                InvalidFormat,
                "schedule_at must be a date and time such as 2026-04-01T10:00 (YYYY-MM-DDTHH:MM[:SS])."
            ),
            "{bad}"
        );
    }
    valid(K, campaign(json!({"schedule_at": "2028-02-29T23:59:59"})));
    for (start, end) in [
        ("2026-04-01T10:00", "2026-04-01T10:00:00"),
        ("2026-04-01T10:00", "2026-03-31T23:59"),
    ] {
        let issue = one_issue(K, campaign(json!({"schedule_at": start, "expire_at": end})));
        assert_eq!(
            (issue.path.as_str(), issue.code, issue.message.as_str()),
            (
                "expire_at",
                OutOfRange,
                "expire_at must be after schedule_at."
            ),
            "{start} {end}"
        );
    }
    // Against "now" the client has no clock to compare with.
    valid(
        K,
        campaign(json!({"schedule_at": "", "expire_at": "2020-01-01T00:00"})),
    );
}

#[test]
fn the_flags_are_on_or_booleans() {
    let issue = one_issue(
        K,
        campaign(json!({"restrict_by_templated_contact_language": "yes"})),
    );
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        (
            "restrict_by_templated_contact_language",
            InvalidType,
            "restrict_by_templated_contact_language must be true, false or \"on\"; got a string."
        )
    );
}

#[test]
fn template_parameters_follow_send_template_rules() {
    assert_eq!(
        issue_codes(
            K,
            campaign(json!({"field_3": "x", "header_document": "https://example.com/a.pdf"}))
        ),
        vec![
            p("field_1", Required),
            p("field_2", Required),
            p("header_document_name", Required),
        ]
    );
    let v = valid(
        K,
        campaign(
            json!({"header_image": "https://example.com/a.jpg", "header_video": "https://example.com/a.mp4"}),
        ),
    );
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("header_video", SeveralHeaders)]
    );
    assert_eq!(
        codes(&validate_field(
            K,
            "location_latitude",
            &json!(91),
            &no_options()
        )),
        vec![p("location_latitude", OutOfRange)]
    );
    assert_eq!(
        codes(&validate_field(K, "timezone", &json!("IST"), &no_options())),
        vec![p("timezone", InvalidFormat)]
    );
    assert_eq!(
        codes(&validate_field(
            K,
            "contact_group",
            &json!(""),
            &no_options()
        )),
        vec![p("contact_group", Required)]
    );
    let issue = one_issue(K, campaign(json!({"from_phone_number_id": "1"})));
    assert_eq!(
        (issue.path.as_str(), issue.code),
        ("from_phone_number_id", UnknownField)
    );
}
