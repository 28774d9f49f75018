//! Putting contacts into groups and labels and taking them out, and handing
//! a contact to a team member.

use serde::Serialize;
use serde_json::Value;

use crate::api::{envelope, text, NO_DATA};
use crate::clock::{iso, Millis};
use crate::input::Input;
use crate::reply::{self, Reply};
use crate::store::Vendor;
use crate::validation::{text_of, Validator};

#[derive(Clone, Copy, PartialEq)]
pub enum Tags {
    Groups,
    Labels,
}

impl Tags {
    fn key(self) -> &'static str {
        match self {
            Tags::Groups => "groups_uid",
            Tags::Labels => "labels_uid",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Tags::Groups => "Groups",
            Tags::Labels => "Labels",
        }
    }
}

fn strings(input: &Input, key: &str) -> Vec<String> {
    match input.get(key) {
        Some(Value::Array(items)) => items.iter().filter_map(text_of).collect(),
        _ => Vec::new(),
    }
}

/// assign-groups, unassign-groups, assign-labels, unassign-labels. A call
/// that changes nothing is the server's failed "No changes".
pub fn tags(vendor: &mut Vendor, input: &Input, which: Tags, assign: bool, now: Millis) -> Reply {
    let mut v = Validator::new(input);
    v.field("contacts_uid").required().list();
    v.field(which.key()).required().list();
    if let Err(errors) = v.finish() {
        return errors.into_reply();
    }
    let kind = which.name();
    let table = match which {
        Tags::Groups => &vendor.groups,
        Tags::Labels => &vendor.labels,
    };
    let mut titles = Vec::new();
    for uid in strings(input, which.key()) {
        match table.iter().find(|t| t.uid == uid) {
            Some(tag) => titles.push(tag.title.clone()),
            None => {
                return reply::fixture(match which {
                    Tags::Groups => "assign-invalid-groups-uid",
                    Tags::Labels => "assign-invalid-labels-uid",
                })
            }
        }
    }
    let contact_uids = strings(input, "contacts_uid");
    let known: Vec<&String> = contact_uids
        .iter()
        .filter(|uid| vendor.contact_by_uid(uid).is_some())
        .collect();
    // Assigning skips unknown contacts; unassigning refuses them.
    if !assign && known.len() != contact_uids.len() {
        return reply::fixture("unassign-invalid-contacts-uid");
    }
    let mut changed = false;
    for contact in vendor.contacts.values_mut() {
        if !contact_uids.contains(&contact.contact_uid) {
            continue;
        }
        let held = match which {
            Tags::Groups => &mut contact.groups,
            Tags::Labels => &mut contact.labels,
        };
        let before = held.len();
        for title in &titles {
            if assign && !held.contains(title) {
                held.push(title.clone());
            }
            if !assign {
                held.retain(|t| t != title);
            }
        }
        if held.len() != before {
            changed = true;
            contact.updated_at = iso(now);
        }
    }
    if !changed {
        return reply::fixture("no-changes");
    }
    let message = if assign {
        format!("{kind} assigned successfully.")
    } else {
        format!("{kind} unassigned successfully.")
    };
    envelope(200, "success", &message, NO_DATA)
}

/// PHP truthiness, which is what the server's bot switches test: absent,
/// false, 0, "0" and "" are off; anything else (even "false") is on.
fn truthy(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64() != Some(0.0),
        Some(Value::String(s)) => !s.is_empty() && s != "0",
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(_)) => true,
    }
}

#[derive(Serialize)]
struct ContactUid<'a> {
    contact_uid: &'a str,
}

/// assign-team-member: the member is found by e-mail, or by mobile number
/// when the text is numeric; both bots go off unless switched on.
pub fn team_member(vendor: &mut Vendor, input: &Input, now: Millis) -> Reply {
    let mut v = Validator::new(input);
    v.field("phone_number").required().phone_number();
    v.field("username_or_email").required().string();
    if let Err(errors) = v.finish() {
        return errors.into_reply();
    }
    let phone = text(input, "phone_number").unwrap_or_default();
    let wanted = text(input, "username_or_email").unwrap_or_default();
    if !vendor.contacts.contains_key(&phone) {
        return reply::fixture("team-member-contact-not-found");
    }
    let numeric = wanted.bytes().all(|b| b.is_ascii_digit());
    let member = vendor.team.iter().find(|m| {
        if numeric {
            m.mobile_number == wanted
        } else {
            m.email.eq_ignore_ascii_case(&wanted)
        }
    });
    let Some(member) = member else {
        return reply::fixture("team-member-not-found");
    };
    if !member.active {
        return reply::fixture("team-member-invalid-user");
    }
    let member_id = member.id;
    let disable_ai_bot = !truthy(input.get("enable_ai_bot"));
    let disable_reply_bot = !truthy(input.get("enable_reply_bot"));
    let Some(contact) = vendor.contacts.get_mut(&phone) else {
        return reply::fixture("team-member-contact-not-found");
    };
    if contact.assigned_user_id == Some(member_id)
        && contact.disable_ai_bot == disable_ai_bot
        && contact.disable_reply_bot == disable_reply_bot
    {
        return reply::fixture("no-changes");
    }
    contact.assigned_user_id = Some(member_id);
    contact.disable_ai_bot = disable_ai_bot;
    contact.disable_reply_bot = disable_reply_bot;
    contact.updated_at = iso(now);
    envelope(
        200,
        "success",
        &crate::answers::message("team-member-success"),
        ContactUid {
            contact_uid: &contact.contact_uid,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bot_switches_follow_php_truthiness() {
        for (value, on) in [
            (json!(true), true),
            (json!(1), true),
            (json!("1"), true),
            (json!("false"), true),
            (json!(false), false),
            (json!(0), false),
            (json!("0"), false),
            (Value::Null, false),
        ] {
            assert_eq!(truthy(Some(&value)), on, "{value}");
        }
        assert!(!truthy(None));
    }
}
