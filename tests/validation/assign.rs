//! Contacts by reference: `getContact` by number or e-mail, groups and
//! labels (un)assigned by uid, a contact handed to a team member.

use serde_json::json;
use whatsjet::IssueCode::*;
use whatsjet::Kind;

use crate::{
    body, codes, issue_codes, no_options, one_issue, options_with, p, valid_with, validate_field,
    DIGITS, PHONE,
};

#[test]
fn get_contact_normalises_a_number_and_checks_an_e_mail() {
    assert_eq!(
        body(
            Kind::GetContact,
            json!({"phone_number_or_email": "+91 98765-43210"})
        ),
        json!({"phone_number_or_email": DIGITS})
    );
    let v = valid_with(
        Kind::GetContact,
        &json!({"phone_number_or_email": "098765 43210"}),
        &options_with(Some("91"), None),
    );
    assert_eq!(v.body["phone_number_or_email"], DIGITS);
    assert_eq!(
        body(
            Kind::GetContact,
            json!({"phone_number_or_email": "ada@example.com"})
        ),
        json!({"phone_number_or_email": "ada@example.com"})
    );
    let issue = one_issue(
        Kind::GetContact,
        json!({"phone_number_or_email": "ada@example"}),
    );
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        (
            "phone_number_or_email",
            InvalidEmail,
            "phone_number_or_email must be an e-mail address such as name@example.com."
        )
    );
    assert_eq!(
        issue_codes(Kind::GetContact, json!({"phone_number_or_email": "ada"})),
        vec![p("phone_number_or_email", InvalidPhone)]
    );
    assert_eq!(
        issue_codes(Kind::GetContact, json!({})),
        vec![p("phone_number_or_email", Required)]
    );
}

const GROUP_KINDS: [(Kind, &str); 4] = [
    (Kind::AssignGroups, "groups_uid"),
    (Kind::UnassignGroups, "groups_uid"),
    (Kind::AssignLabels, "labels_uid"),
    (Kind::UnassignLabels, "labels_uid"),
];

#[test]
fn assign_and_unassign_take_uid_arrays_and_send_each_uid_once() {
    for (kind, other) in GROUP_KINDS {
        assert_eq!(
            body(
                kind,
                json!({"contacts_uid": ["c-1", "c_2", "c-1"], other: ["g1"]})
            ),
            json!({"contacts_uid": ["c-1", "c_2"], other: ["g1"]}),
            "{kind:?}"
        );
        assert_eq!(
            issue_codes(kind, json!({})),
            vec![p("contacts_uid", Required), p(other, Required)],
            "{kind:?}"
        );
    }
}

#[test]
fn an_empty_or_malformed_uid_list_is_refused_at_its_item() {
    let issue = one_issue(
        Kind::AssignGroups,
        json!({"contacts_uid": [], "groups_uid": ["g1"]}),
    );
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        ("contacts_uid", Required, "contacts_uid must not be empty.")
    );
    let issue = one_issue(
        Kind::AssignLabels,
        json!({"contacts_uid": ["c1"], "labels_uid": "l1"}),
    );
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        (
            "labels_uid",
            InvalidType,
            "labels_uid must be an array; got a string."
        )
    );
    assert_eq!(
        issue_codes(
            Kind::UnassignLabels,
            json!({"contacts_uid": ["c1", 7, "a,b"], "labels_uid": ["l1", ""]})
        ),
        vec![
            p("contacts_uid.1", InvalidType),
            p("contacts_uid.2", InvalidFormat),
            p("labels_uid.1", Required),
        ]
    );
    assert_eq!(
        codes(&validate_field(
            Kind::AssignGroups,
            "groups_uid.2",
            &json!("a b"),
            &no_options()
        )),
        vec![p("groups_uid.2", InvalidFormat)]
    );
    assert_eq!(
        codes(&validate_field(
            Kind::AssignGroups,
            "groups_uid",
            &json!([]),
            &no_options()
        )),
        vec![p("groups_uid", Required)]
    );
}

fn team(extra: serde_json::Value) -> serde_json::Value {
    crate::with(
        json!({
            "phone_number": PHONE,
            "username_or_email": "agent@example.com",
            "enable_ai_bot": true,
            "enable_reply_bot": false,
        }),
        extra,
    )
}

#[test]
fn assign_team_member_normalises_the_number_and_keeps_both_switches() {
    assert_eq!(
        body(Kind::AssignTeamMember, team(json!({}))),
        json!({
            "phone_number": DIGITS,
            "username_or_email": "agent@example.com",
            "enable_ai_bot": true,
            "enable_reply_bot": false,
        })
    );
    assert_eq!(
        body(
            Kind::AssignTeamMember,
            team(json!({"username_or_email": "919800000001"}))
        )["username_or_email"],
        "919800000001"
    );
}

#[test]
fn the_bot_switches_are_required_because_the_server_turns_them_off() {
    let e = crate::invalid(
        Kind::AssignTeamMember,
        team(json!({"enable_ai_bot": null, "enable_reply_bot": null})),
    );
    assert_eq!(
        codes(&e.issues),
        vec![
            p("enable_ai_bot", Required),
            p("enable_reply_bot", Required)
        ]
    );
    assert_eq!(
        e.issues[0].message,
        "enable_ai_bot is required: left out, the server turns this bot off for the contact."
    );
    assert_eq!(
        e.issues[1].message,
        "enable_reply_bot is required: left out, the server turns this bot off for the contact."
    );
    assert_eq!(
        validate_field(
            Kind::AssignTeamMember,
            "enable_reply_bot",
            &json!(null),
            &no_options()
        )[0]
        .message,
        "enable_reply_bot is required: left out, the server turns this bot off for the contact."
    );
    assert_eq!(
        issue_codes(
            Kind::AssignTeamMember,
            team(json!({"enable_ai_bot": "yes"}))
        ),
        vec![p("enable_ai_bot", InvalidType)]
    );
}

#[test]
fn a_username_never_matches_a_team_member() {
    let issue = one_issue(
        Kind::AssignTeamMember,
        team(json!({"username_or_email": "agent_smith"})),
    );
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        (
            "username_or_email",
            InvalidFormat,
            "username_or_email must be the team member's e-mail, or mobile number in digits: the server never matches a username."
        )
    );
    assert_eq!(
        issue_codes(
            Kind::AssignTeamMember,
            team(json!({"username_or_email": "agent@example"}))
        ),
        vec![p("username_or_email", InvalidEmail)]
    );
    assert_eq!(
        issue_codes(
            Kind::AssignTeamMember,
            team(json!({"username_or_email": ""}))
        ),
        vec![p("username_or_email", Required)]
    );
    assert_eq!(
        issue_codes(Kind::AssignTeamMember, team(json!({"phone_number": "12"}))),
        vec![p("phone_number", InvalidPhone)]
    );
}
