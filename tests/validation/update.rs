//! `updateContact`: flags, an update that changes nothing, and the warnings
//! for values the server would clear.

use serde_json::json;
use whatsjet::IssueCode::*;
use whatsjet::{Kind, WarningCode};

use crate::common::serde;
use crate::{
    body, codes, create_contact, invalid, one_issue, p, update_contact, valid, w, warning_codes,
};

#[test]
fn update_flags_are_booleans() {
    let b = body(
        Kind::UpdateContact,
        update_contact(json!({"whatsapp_opt_out": true, "enable_ai_bot": false})),
    );
    assert_eq!(
        (&b["whatsapp_opt_out"], &b["enable_ai_bot"]),
        (&json!(true), &json!(false))
    );
    for key in ["whatsapp_opt_out", "enable_ai_bot"] {
        for bad in [json!("true"), json!(1), json!(0), json!("false")] {
            let issue = one_issue(Kind::UpdateContact, update_contact(json!({ key: bad })));
            assert_eq!((issue.path.as_str(), issue.code), (key, InvalidType));
        }
    }
    assert_eq!(
        one_issue(
            Kind::UpdateContact,
            update_contact(json!({"whatsapp_opt_out": "true"}))
        )
        .message,
        "whatsapp_opt_out must be true or false; got a string."
    );
}

#[test]
fn an_empty_update_is_one_required_issue_at_the_root() {
    for empty in [json!({}), json!({"first_name": null, "groups": null})] {
        let e = invalid(Kind::UpdateContact, empty);
        assert_eq!(codes(&e.issues), vec![p("", Required)]);
        assert_eq!(
            e.issues[0].message,
            "An update needs at least one field to change."
        );
        assert_eq!(e.warnings, vec![]);
    }
}

#[test]
fn an_update_without_groups_warns_that_groups_are_cleared() {
    let v = valid(Kind::UpdateContact, json!({"first_name": "Johan"}));
    assert_eq!(serde(&v.body), json!({"first_name": "Johan"}));
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("groups", WarningCode::GroupsCleared)]
    );
    assert_eq!(
        v.warnings[0].message,
        "groups is not set: the server removes the contact from all its groups on an update without groups."
    );
    let v = valid(
        Kind::UpdateContact,
        json!({"first_name": "Johan", "groups": ["a"]}),
    );
    assert_eq!(v.warnings, vec![]);
}

#[test]
fn blank_update_values_warn_that_they_clear() {
    let v = valid(
        Kind::UpdateContact,
        json!({"first_name": "", "last_name": "", "email": "", "country": "", "language_code": "", "groups": ""}),
    );
    assert_eq!(
        serde(&v.body),
        json!({"first_name": "", "last_name": "", "email": "", "country": "", "language_code": "", "groups": ""})
    );
    assert_eq!(
        warning_codes(&v.warnings),
        [
            "first_name",
            "last_name",
            "email",
            "country",
            "language_code",
            "groups"
        ]
        .map(|f| w(f, WarningCode::BlankClearsValue))
        .to_vec()
    );
    assert_eq!(
        v.warnings[0].message,
        "first_name is empty: the server removes the contact's current value."
    );
    // Blank groups given as an array or of only separators clear too.
    let v = valid(
        Kind::UpdateContact,
        json!({"first_name": "J", "groups": [" ", ""]}),
    );
    assert_eq!(v.body["groups"], "");
    assert_eq!(
        warning_codes(&v.warnings),
        vec![w("groups", WarningCode::BlankClearsValue)]
    );
}

#[test]
fn blank_values_on_create_are_not_clearing_warnings() {
    let v = valid(
        Kind::CreateContact,
        create_contact(json!({"first_name": ""})),
    );
    assert_eq!(v.warnings, vec![]);
}
