//! Groups, labels and team members: the (un)assign routes change what the
//! reads show, and a call that changes nothing is the server's "No changes".

mod common;

use common::*;
use serde_json::{json, Value};

const CUSTOMERS: &str = "a1000000-0000-4000-8000-000000000001";
const VIP: &str = "a1000000-0000-4000-8000-000000000002";
const NEWSLETTER: &str = "a1000000-0000-4000-8000-000000000003";
const PAID: &str = "b1000000-0000-4000-8000-000000000003";
const ASHA: &str = "c1000000-0000-4000-8000-000000000001";
const RAVI: &str = "c1000000-0000-4000-8000-000000000002";

fn contact(sb: &Sandbox, phone: &str) -> Value {
    sb.api_get(&format!("contact?phone_number_or_email={phone}"))
        .json()["data"]["contact"]
        .clone()
}

fn envelope(result: &str, message: &str) -> Value {
    json!({"result": result, "message": message, "data": []})
}

#[test]
fn assign_groups_then_no_changes_then_unassign() {
    let sb = Sandbox::start();
    let body = json!({"contacts_uid": [ASHA, RAVI], "groups_uid": [NEWSLETTER]}).to_string();
    let r = sb.api("contact/assign-groups", &body);
    assert_eq!(r.status, 200);
    assert_eq!(r.json(), fixture_body("assign-groups-success"));
    assert_eq!(
        titles(&contact(&sb, "918000000002")["groups"]),
        ["Customers", "Newsletter"]
    );
    // Already so: the server's failed "No changes".
    assert_eq!(
        sb.api("contact/assign-groups", &body).json(),
        fixture_body("no-changes")
    );
    // One new pair among old ones is a change.
    let more = json!({"contacts_uid": [ASHA, RAVI], "groups_uid": [NEWSLETTER, VIP]}).to_string();
    assert_eq!(
        sb.api("contact/assign-groups", &more).json(),
        envelope("success", "Groups assigned successfully.")
    );

    let r = sb.api("contact/unassign-groups", &body);
    assert_eq!(
        r.json(),
        envelope("success", "Groups unassigned successfully.")
    );
    assert_eq!(
        titles(&contact(&sb, "918000000002")["groups"]),
        ["Customers", "VIP"]
    );
    assert_eq!(
        sb.api("contact/unassign-groups", &body).json(),
        envelope("failed", "No changes")
    );
}

#[test]
fn invalid_uids_answer_as_the_server_does() {
    let sb = Sandbox::start();
    let r = sb.api(
        "contact/assign-groups",
        &json!({"contacts_uid": [ASHA], "groups_uid": [CUSTOMERS, "nope"]}).to_string(),
    );
    assert_eq!(r.json(), fixture_body("assign-invalid-groups-uid"));
    assert_eq!(
        r.json(),
        json!({"result": "failed", "message": "Invalid groups uid.", "data": []})
    );
    let r = sb.api(
        "contact/assign-labels",
        &json!({"contacts_uid": [ASHA], "labels_uid": [CUSTOMERS]}).to_string(),
    );
    assert_eq!(r.json(), envelope("failed", "Invalid labels uid."));
    // Assigning skips an unknown contact; unassigning refuses it.
    let r = sb.api(
        "contact/assign-groups",
        &json!({"contacts_uid": ["nope", RAVI], "groups_uid": [VIP]}).to_string(),
    );
    assert_eq!(r.json()["result"], "success");
    let r = sb.api(
        "contact/unassign-groups",
        &json!({"contacts_uid": ["nope", RAVI], "groups_uid": [VIP]}).to_string(),
    );
    assert_eq!(r.json(), fixture_body("unassign-invalid-contacts-uid"));
    let r = sb.api(
        "contact/unassign-labels",
        &json!({"contacts_uid": ["nope"], "labels_uid": [PAID]}).to_string(),
    );
    assert_eq!(r.json(), envelope("failed", "Invalid contacts uid."));
    // Only unknown contacts to assign: nothing changes.
    let r = sb.api(
        "contact/assign-groups",
        &json!({"contacts_uid": ["nope"], "groups_uid": [VIP]}).to_string(),
    );
    assert_eq!(r.json(), envelope("failed", "No changes"));
}

#[test]
fn labels_are_assigned_and_unassigned() {
    let sb = Sandbox::start();
    let body = json!({"contacts_uid": [ASHA], "labels_uid": [PAID]}).to_string();
    assert_eq!(
        sb.api("contact/assign-labels", &body).json(),
        envelope("success", "Labels assigned successfully.")
    );
    assert_eq!(
        titles(&contact(&sb, "918000000001")["labels"]),
        ["Hot lead", "Paid"]
    );
    assert_eq!(
        sb.api("contact/assign-labels", &body).json(),
        envelope("failed", "No changes")
    );
    assert_eq!(
        sb.api("contact/unassign-labels", &body).json(),
        envelope("success", "Labels unassigned successfully.")
    );
    assert_eq!(
        titles(&contact(&sb, "918000000001")["labels"]),
        ["Hot lead"]
    );
    assert_eq!(
        sb.api("contact/unassign-labels", &body).json(),
        envelope("failed", "No changes")
    );
}

#[test]
fn assign_routes_need_both_lists() {
    let sb = Sandbox::start();
    let r = sb.api(
        "contact/assign-groups",
        r#"{"contacts_uid":[],"groups_uid":"x"}"#,
    );
    assert_eq!(r.status, 422);
    assert_eq!(
        r.json(),
        json!({"message": "The contacts uid field is required. (and 1 more error)",
               "errors": {"contacts_uid": ["The contacts uid field is required."],
                          "groups_uid": ["The groups uid field must be an array."]}})
    );
    let r = sb.api("contact/unassign-labels", r#"{"contacts_uid":["x"]}"#);
    assert_eq!(r.status, 422);
    assert_eq!(
        r.json()["errors"],
        json!({"labels_uid": ["The labels uid field is required."]})
    );
}

#[test]
fn assign_team_member_by_email_turns_both_bots_off_unless_asked() {
    let sb = Sandbox::start();
    let r = sb.api(
        "contact/assign-team-member",
        r#"{"phone_number":"918000000002","username_or_email":"agent@example.com"}"#,
    );
    assert_eq!(
        r.json(),
        json!({"result": "success", "message": "Request Successful.", "data": {"contact_uid": RAVI}})
    );
    let ravi = contact(&sb, "918000000002");
    assert_eq!(
        (
            &ravi["assigned_users__id"],
            &ravi["disable_ai_bot"],
            &ravi["disable_reply_bot"]
        ),
        (&json!(2), &json!(1), &json!(1))
    );
    let again = sb.api(
        "contact/assign-team-member",
        r#"{"phone_number":"918000000002","username_or_email":"agent@example.com"}"#,
    );
    assert_eq!(again.json(), fixture_body("no-changes"));

    // Truthy switches turn the bots on; "false" is truthy to PHP.
    let r = sb.api(
        "contact/assign-team-member",
        r#"{"phone_number":"918000000002","username_or_email":"agent@example.com",
            "enable_ai_bot":true,"enable_reply_bot":"false"}"#,
    );
    assert_eq!(r.json()["result"], "success");
    let ravi = contact(&sb, "918000000002");
    assert_eq!(
        (&ravi["disable_ai_bot"], &ravi["disable_reply_bot"]),
        (&json!(0), &json!(0))
    );
}

#[test]
fn assign_team_member_by_mobile_number_and_its_failures() {
    let sb = Sandbox::start();
    let assign = |phone: &str, who: &str| {
        sb.api(
            "contact/assign-team-member",
            &json!({"phone_number": phone, "username_or_email": who,
                    "enable_ai_bot": 1, "enable_reply_bot": 1})
            .to_string(),
        )
        .json()
    };
    assert_eq!(
        assign("918000000001", "919800000003")["data"]["contact_uid"],
        ASHA
    );
    assert_eq!(contact(&sb, "918000000001")["assigned_users__id"], 3);
    // A username never matches; nor does an e-mail given as a number's place.
    assert_eq!(
        assign("918000000001", "Sam"),
        fixture_body("team-member-not-found")
    );
    assert_eq!(
        assign("918000000001", "nobody@example.com"),
        envelope("failed", "Team member does not exists.")
    );
    assert_eq!(
        assign("919876543210", "agent@example.com"),
        fixture_body("team-member-contact-not-found")
    );
    assert_eq!(
        assign("918000000001", "former@example.com"),
        envelope("failed", "Invalid user")
    );
    let r = sb.api(
        "contact/assign-team-member",
        r#"{"phone_number":"+918000000001"}"#,
    );
    assert_eq!(r.status, 422);
    assert_eq!(
        r.json()["errors"],
        json!({"phone_number": ["The phone number field must not start with one of the following: +, 0.",
                                "The phone number field must be between 9 and 15 digits."],
               "username_or_email": ["The username or email field is required."]})
    );
}
