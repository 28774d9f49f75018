//! The reads: a page of the five lists, a message's status by `log_uid` or
//! `wamid`, a campaign's status by its uid.

use serde_json::json;
use whatsjet::IssueCode::*;
use whatsjet::Kind;
use whatsjet::WarningCode::IgnoredField;

use crate::{
    body, invalid, issue_codes, no_options, one_issue, p, valid, validate_field, w, warning_codes,
};

const LISTS: [Kind; 5] = [
    Kind::ListTemplates,
    Kind::ListContacts,
    Kind::ListGroups,
    Kind::ListLabels,
    Kind::ListCampaigns,
];

#[test]
fn a_list_query_is_optional_and_sent_as_given() {
    for kind in LISTS {
        assert_eq!(body(kind, json!({})), json!({}), "{kind:?}");
        assert_eq!(
            body(
                kind,
                json!({"page": 2, "page_size": 1000, "search_term": "john"})
            ),
            json!({"page": 2, "page_size": 1000, "search_term": "john"}),
            "{kind:?}"
        );
    }
}

#[test]
fn page_and_page_size_are_positive_whole_numbers_and_a_page_is_at_most_1000() {
    for kind in LISTS {
        let issue = one_issue(kind, json!({"page_size": 1001}));
        assert_eq!(
            (issue.path.as_str(), issue.code, issue.message.as_str()),
            (
                "page_size",
                OutOfRange,
                "page_size must be a whole number from 1 to 1000."
            ),
            "{kind:?}"
        );
    }
    for bad in [json!(0), json!(-1), json!(1.5), json!(2e3)] {
        assert_eq!(
            issue_codes(Kind::ListContacts, json!({ "page": bad })),
            vec![p("page", OutOfRange)],
            "{bad}"
        );
    }
    let issue = one_issue(Kind::ListContacts, json!({"page": "2"}));
    assert_eq!(
        (issue.code, issue.message.as_str()),
        (InvalidType, "page must be a whole number; got a string.")
    );
    assert_eq!(
        issue_codes(Kind::ListGroups, json!({"search_term": 5})),
        vec![p("search_term", InvalidType)]
    );
    let issue = one_issue(Kind::ListLabels, json!({"pageSize": 10}));
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        (
            "pageSize",
            UnknownField,
            "pageSize is not a field of listLabels; did you mean page_size?"
        )
    );
}

#[test]
fn a_message_status_needs_log_uid_or_wamid() {
    assert_eq!(
        body(Kind::GetMessageStatus, json!({"log_uid": "a1b2"})),
        json!({"log_uid": "a1b2"})
    );
    assert_eq!(
        body(Kind::GetMessageStatus, json!({"wamid": "wamid.HBgM"})),
        json!({"wamid": "wamid.HBgM"})
    );
    let issue = one_issue(Kind::GetMessageStatus, json!({}));
    assert_eq!(
        (issue.path.as_str(), issue.code, issue.message.as_str()),
        ("log_uid", Required, "log_uid or wamid is required.")
    );
    assert_eq!(
        issue_codes(Kind::GetMessageStatus, json!({"log_uid": " "})),
        vec![p("log_uid", Required)]
    );
}

#[test]
fn with_both_ids_the_server_looks_up_log_uid_and_says_so() {
    let v = valid(
        Kind::GetMessageStatus,
        json!({"log_uid": "a1b2", "wamid": "wamid.HBgM"}),
    );
    assert_eq!(warning_codes(&v.warnings), vec![w("wamid", IgnoredField)]);
    assert_eq!(
        v.warnings[0].message,
        "wamid is ignored when log_uid is given: the server looks the message up by log_uid."
    );
}

#[test]
fn a_campaign_uid_is_a_safe_path_segment() {
    let uid = "5f4d1c2e-8b7a-4c3d-9e2f-1a0b9c8d7e6f";
    assert_eq!(
        body(Kind::GetCampaignStatus, json!({ "campaignUid": uid })),
        json!({ "campaignUid": uid })
    );
    for bad in ["../contacts", "a/b", "a?b=c", "a b", "a#b", "a%2Fb", "a.b"] {
        let issue = one_issue(Kind::GetCampaignStatus, json!({ "campaignUid": bad }));
        assert_eq!(
            (issue.path.as_str(), issue.code, issue.message.as_str()),
            (
                "campaignUid",
                InvalidFormat,
                "campaignUid may contain only letters, digits, - and _."
            ),
            "{bad}"
        );
    }
    assert_eq!(
        issue_codes(Kind::GetCampaignStatus, json!({})),
        vec![p("campaignUid", Required)]
    );
    assert_eq!(
        issue_codes(Kind::GetCampaignStatus, json!({"campaignUid": ""})),
        vec![p("campaignUid", Required)]
    );
    assert_eq!(
        issue_codes(
            Kind::GetCampaignStatus,
            json!({"campaignUid": "x".repeat(65)})
        ),
        vec![p("campaignUid", TooLong)]
    );
    assert_eq!(
        crate::codes(&validate_field(
            Kind::GetCampaignStatus,
            "campaignUid",
            &json!("a/b"),
            &no_options()
        )),
        vec![p("campaignUid", InvalidFormat)]
    );
    assert_eq!(
        invalid(Kind::GetCampaignStatus, json!([])).issues[0].path,
        ""
    );
}
