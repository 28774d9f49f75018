//! The sandbox's data, kept in memory per vendor: contacts, groups, labels,
//! team members and campaigns (seeded when a vendor is first used, see
//! `seed.rs`), and the message logs of every send.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::Value;

use crate::clock::{iso, Millis};
use crate::countries;
use crate::ids;
use crate::input::Input;
use crate::seed;
use crate::validation::{as_bool, text_of};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contact {
    #[serde(rename = "_id")]
    pub id: u64,
    pub contact_uid: String,
    pub phone_number: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    pub country: Option<String>,
    pub language_code: Option<String>,
    /// Group titles; the server keeps them as given (no trimming).
    pub groups: Vec<String>,
    /// Label titles.
    pub labels: Vec<String>,
    pub custom_fields: BTreeMap<String, String>,
    pub whatsapp_opt_out: bool,
    pub disable_ai_bot: bool,
    pub disable_reply_bot: bool,
    /// The team member (`users__id`) the contact is assigned to.
    pub assigned_user_id: Option<u64>,
    /// One of the contacts every vendor starts with.
    #[serde(skip)]
    pub seeded: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// A group or a label: both are titled rows with a uid.
#[derive(Debug, Clone, Serialize)]
pub struct Tag {
    #[serde(rename = "_id")]
    pub id: u64,
    #[serde(rename = "_uid")]
    pub uid: String,
    pub title: String,
    /// Groups only.
    pub description: Option<String>,
    /// Labels only: (text colour, background colour).
    pub colors: Option<(String, String)>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TeamMember {
    #[serde(rename = "_id")]
    pub id: u64,
    pub email: &'static str,
    pub mobile_number: &'static str,
    pub first_name: &'static str,
    pub last_name: &'static str,
    /// An inactive account cannot take contacts ("Invalid user").
    pub active: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Campaign {
    #[serde(rename = "_id")]
    pub id: u64,
    #[serde(rename = "_uid")]
    pub uid: String,
    pub title: String,
    pub template_name: String,
    pub template_language: String,
    pub template_id: u64,
    pub timezone: String,
    pub scheduled_ms: Millis,
    pub expire_ms: Option<Millis>,
    /// The numbers the campaign goes to, in queue order.
    pub recipients: Vec<String>,
    pub created_ms: Millis,
}

#[derive(Debug, Clone, Serialize)]
pub struct MessageLog {
    pub log_uid: String,
    pub wamid: String,
    pub contact_uid: String,
    pub phone_number: String,
    /// "text", "media", "template", "interactive" or "carousel".
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// What was sent: the text, the media URL or `template/language`.
    pub content: String,
    pub from_phone_number_id: String,
    pub status: String,
    /// Set by the control route: the status then stays as set.
    pub status_held: bool,
    /// The last status the webhook told of.
    #[serde(skip)]
    pub announced: &'static str,
    #[serde(skip)]
    pub created_ms: Millis,
    pub created_at: String,
    pub updated_at: String,
}

/// How long after the send a message reaches each status (WhatsApp's
/// receipts arrive over a few seconds).
pub const STATUS_STEPS: [(Millis, &str); 3] =
    [(2_000, "sent"), (4_000, "delivered"), (6_000, "read")];

impl MessageLog {
    /// Brings `status` and `updated_at` up to `now`.
    fn progress(&mut self, now: Millis) {
        if self.status_held {
            return;
        }
        let reached = STATUS_STEPS
            .iter()
            .rev()
            .find(|(after, _)| now >= self.created_ms + after);
        if let Some((after, status)) = reached {
            self.status = status.to_string();
            self.updated_at = iso(self.created_ms + after);
        }
    }
}

/// The statuses a message goes through, in order.
const STATUS_ORDER: [&str; 5] = ["accepted", "sent", "delivered", "read", "failed"];

impl MessageLog {
    /// The statuses reached since the last call, in order: each step the
    /// clock passed, or the status a test set.
    fn new_statuses(&mut self, now: Millis) -> Vec<&'static str> {
        let rank = |s: &str| STATUS_ORDER.iter().position(|x| *x == s).unwrap_or(0);
        let reached: Vec<&'static str> = if self.status_held {
            STATUS_ORDER
                .into_iter()
                .filter(|s| *s == self.status && *s != self.announced)
                .collect()
        } else {
            STATUS_STEPS
                .iter()
                .filter(|(after, s)| {
                    now >= self.created_ms + after && rank(s) > rank(self.announced)
                })
                .map(|(_, s)| *s)
                .collect()
        };
        if let Some(last) = reached.last() {
            self.announced = last;
        }
        reached
    }
}

/// What the update endpoint did.
pub enum UpdateOutcome {
    Updated(String),
    NothingToUpdate(String),
    NotFound,
}

/// One vendor's data.
#[derive(Debug, Default)]
pub struct Vendor {
    pub contacts: BTreeMap<String, Contact>,
    pub groups: Vec<Tag>,
    pub labels: Vec<Tag>,
    pub team: Vec<TeamMember>,
    pub campaigns: Vec<Campaign>,
    /// The number campaign test messages go to.
    pub test_contact: Option<String>,
    next_id: u64,
}

impl Vendor {
    pub fn next_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    pub fn contact_by_uid(&self, uid: &str) -> Option<&Contact> {
        self.contacts.values().find(|c| c.contact_uid == uid)
    }

    /// Contacts oldest first.
    pub fn contacts_in_order(&self) -> Vec<&Contact> {
        let mut all: Vec<&Contact> = self.contacts.values().collect();
        all.sort_by_key(|c| c.id);
        all
    }

    /// The group titled `title`, made if there is none (as contact/create does).
    fn ensure_group(&mut self, title: &str, now: Millis) {
        if !self.groups.iter().any(|g| g.title == title) {
            let id = self.next_id();
            self.groups.push(Tag {
                id,
                uid: ids::uuid(),
                title: title.to_string(),
                description: None,
                colors: None,
                created_at: iso(now),
                updated_at: iso(now),
            });
        }
    }

    pub fn create_contact(&mut self, phone: &str, details: &Input, now: Millis) -> Contact {
        let custom_fields = match details.get("custom_fields") {
            Some(Value::Object(fields)) => fields
                .iter()
                .filter_map(|(k, v)| text_of(v).map(|v| (k.clone(), v)))
                .collect(),
            _ => BTreeMap::new(),
        };
        let groups = text(details, "groups")
            .map(|g| split_groups(&g))
            .unwrap_or_default();
        for title in &groups {
            self.ensure_group(title, now);
        }
        let contact = Contact {
            id: self.next_id(),
            contact_uid: ids::uuid(),
            phone_number: phone.to_string(),
            first_name: text(details, "first_name"),
            last_name: text(details, "last_name"),
            email: text(details, "email"),
            // On create only a country name is understood; anything else is
            // stored as no country.
            country: text(details, "country")
                .and_then(|c| countries::by_name(&c).map(String::from)),
            language_code: text(details, "language_code"),
            groups,
            labels: Vec::new(),
            custom_fields,
            whatsapp_opt_out: false,
            disable_ai_bot: false,
            disable_reply_bot: false,
            assigned_user_id: None,
            seeded: false,
            created_at: iso(now),
            updated_at: iso(now),
        };
        self.contacts.insert(phone.to_string(), contact.clone());
        contact
    }
}

#[derive(Default)]
pub struct Store {
    vendors: HashMap<String, Vendor>,
    messages: Vec<MessageLog>,
    by_log_uid: HashMap<String, usize>,
    by_wamid: HashMap<String, usize>,
}

fn text(input: &Input, key: &str) -> Option<String> {
    input.get(key).and_then(text_of)
}

fn split_groups(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|g| !g.is_empty())
        .map(str::to_string)
        .collect()
}

impl Store {
    /// A vendor's data, seeded on first use.
    pub fn vendor(&mut self, vendor: &str) -> &mut Vendor {
        self.vendors
            .entry(vendor.to_string())
            .or_insert_with(seed::vendor)
    }

    pub fn contact(&self, vendor: &str, phone: &str) -> Option<&Contact> {
        self.vendors.get(vendor)?.contacts.get(phone)
    }

    pub fn contacts(&self) -> Vec<(&str, &Contact)> {
        let mut all: Vec<_> = self
            .vendors
            .iter()
            .flat_map(|(vendor, data)| data.contacts.values().map(move |c| (vendor.as_str(), c)))
            .collect();
        all.sort_by_key(|(vendor, c)| (*vendor, c.id));
        all
    }

    /// `contact/create` (the caller checked the number is free).
    pub fn create_contact(
        &mut self,
        vendor: &str,
        phone: &str,
        details: &Input,
        now: Millis,
    ) -> Contact {
        self.vendor(vendor).create_contact(phone, details, now)
    }

    /// Finds the contact a send goes to: the number WhatsApp answered with,
    /// else the one requested (re-keyed to the answered one, as the server
    /// then stores WhatsApp's id), else a new contact from `details`.
    pub fn contact_for_send(
        &mut self,
        vendor: &str,
        requested: &str,
        resolved: &str,
        details: &Input,
        now: Millis,
    ) -> Contact {
        let book = self.vendor(vendor);
        if let Some(existing) = book.contacts.get(resolved) {
            return existing.clone();
        }
        if let Some(mut existing) = book.contacts.remove(requested) {
            existing.phone_number = resolved.to_string();
            existing.updated_at = iso(now);
            book.contacts.insert(resolved.to_string(), existing.clone());
            return existing;
        }
        book.create_contact(resolved, details, now)
    }

    /// `contact/update/{phone}`: keys that are sent change (null clears),
    /// except `groups`, which is replaced by what is sent and cleared when
    /// absent, as the real server does.
    pub fn update_contact(
        &mut self,
        vendor: &str,
        phone: &str,
        input: &Input,
        now: Millis,
    ) -> UpdateOutcome {
        let book = self.vendor(vendor);
        let Some(contact) = book.contacts.get(phone) else {
            return UpdateOutcome::NotFound;
        };
        let mut next = contact.clone();
        for (key, slot) in [
            ("first_name", &mut next.first_name),
            ("last_name", &mut next.last_name),
            ("email", &mut next.email),
            ("language_code", &mut next.language_code),
        ] {
            if input.contains_key(key) {
                *slot = text(input, key);
            }
        }
        if input.contains_key("country") {
            match text(input, "country") {
                None => next.country = None,
                // An unknown country leaves the stored one alone.
                Some(c) => {
                    if let Some(name) = countries::by_any(&c) {
                        next.country = Some(name.to_string());
                    }
                }
            }
        }
        if let Some(b) = input.get("whatsapp_opt_out").and_then(as_bool) {
            next.whatsapp_opt_out = b;
        }
        if let Some(b) = input.get("enable_ai_bot").and_then(as_bool) {
            next.disable_ai_bot = !b;
        }
        next.groups = text(input, "groups")
            .map(|g| split_groups(&g))
            .unwrap_or_default();
        if let Some(Value::Object(fields)) = input.get("custom_fields") {
            for (name, value) in fields {
                match text_of(value) {
                    Some(v) => {
                        next.custom_fields.insert(name.clone(), v);
                    }
                    None if value.is_null() => {
                        next.custom_fields.remove(name);
                    }
                    None => {}
                }
            }
        }
        if next == *contact {
            return UpdateOutcome::NothingToUpdate(contact.contact_uid.clone());
        }
        for title in next.groups.clone() {
            book.ensure_group(&title, now);
        }
        next.updated_at = iso(now);
        let uid = next.contact_uid.clone();
        book.contacts.insert(phone.to_string(), next);
        UpdateOutcome::Updated(uid)
    }

    pub fn log_message(&mut self, message: MessageLog) {
        let index = self.messages.len();
        self.by_log_uid.insert(message.log_uid.clone(), index);
        self.by_wamid.insert(message.wamid.clone(), index);
        self.messages.push(message);
    }

    /// A message by `log_uid` or, failing that, by `wamid`, its status
    /// brought up to `now`.
    pub fn message_mut(
        &mut self,
        log_uid: Option<&str>,
        wamid: Option<&str>,
        now: Millis,
    ) -> Option<&mut MessageLog> {
        let index = log_uid
            .and_then(|id| self.by_log_uid.get(id))
            .or_else(|| wamid.and_then(|id| self.by_wamid.get(id)))
            .copied()?;
        let message = self.messages.get_mut(index)?;
        message.progress(now);
        Some(message)
    }

    /// Each message's statuses reached since the last call, with its
    /// contact, oldest message first.
    pub fn status_changes(&mut self, now: Millis) -> Vec<(Contact, MessageLog, &'static str)> {
        let mut changes = Vec::new();
        for message in &mut self.messages {
            let statuses = message.new_statuses(now);
            if statuses.is_empty() {
                continue;
            }
            message.progress(now);
            let contact = self
                .vendors
                .values()
                .find_map(|v| v.contact_by_uid(&message.contact_uid));
            if let Some(contact) = contact {
                for status in statuses {
                    changes.push((contact.clone(), message.clone(), status));
                }
            }
        }
        changes
    }

    pub fn messages(&mut self, now: Millis) -> &[MessageLog] {
        for message in &mut self.messages {
            message.progress(now);
        }
        &self.messages
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const NOW: Millis = 1_756_981_230_000;

    fn input(value: Value) -> Input {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn update_semantics() {
        let mut store = Store::default();
        let created = store.create_contact(
            "v",
            "919876543210",
            &input(json!({"first_name": "Jo", "country": "india", "groups": "a,b"})),
            NOW,
        );
        assert_eq!(created.country.as_deref(), Some("India"));
        assert_eq!(created.groups, vec!["a", "b"]);
        let titles: Vec<&str> = store
            .vendor("v")
            .groups
            .iter()
            .map(|g| g.title.as_str())
            .collect();
        assert!(titles.contains(&"a") && titles.contains(&"b"), "{titles:?}");

        // Without groups, memberships are cleared: that is a change.
        match store.update_contact(
            "v",
            "919876543210",
            &input(json!({"first_name": "Jo"})),
            NOW,
        ) {
            UpdateOutcome::Updated(uid) => assert_eq!(uid, created.contact_uid),
            _ => panic!("expected an update"),
        }
        let now = store.contact("v", "919876543210").unwrap();
        assert!(now.groups.is_empty());
        assert_eq!(now.first_name.as_deref(), Some("Jo"));

        // Same values again: nothing to update.
        assert!(matches!(
            store.update_contact(
                "v",
                "919876543210",
                &input(json!({"first_name": "Jo"})),
                NOW
            ),
            UpdateOutcome::NothingToUpdate(_)
        ));
        assert!(matches!(
            store.update_contact("v", "910000000000", &input(json!({})), NOW),
            UpdateOutcome::NotFound
        ));
        store.update_contact("v", "919876543210", &input(json!({"country": "44"})), NOW);
        assert_eq!(
            store
                .contact("v", "919876543210")
                .unwrap()
                .country
                .as_deref(),
            Some("United Kingdom")
        );
    }

    #[test]
    fn send_rekeys_to_resolved_number() {
        let mut store = Store::default();
        let made = store.create_contact("v", "551112345678", &Input::new(), NOW);
        let found =
            store.contact_for_send("v", "551112345678", "5511912345678", &Input::new(), NOW);
        assert_eq!(found.contact_uid, made.contact_uid);
        assert!(store.contact("v", "551112345678").is_none());
        assert!(store.contact("v", "5511912345678").is_some());
    }

    #[test]
    fn a_message_moves_from_accepted_to_read_and_a_held_status_stays() {
        let mut log = MessageLog {
            log_uid: "l".into(),
            wamid: "w".into(),
            contact_uid: "c".into(),
            phone_number: "919876543210".into(),
            kind: "text",
            content: "hi".into(),
            from_phone_number_id: "1".into(),
            status: "accepted".into(),
            status_held: false,
            announced: "accepted",
            created_ms: NOW,
            created_at: iso(NOW),
            updated_at: iso(NOW),
        };
        let mut seen = Vec::new();
        for at in [0, 1_999, 2_000, 3_999, 4_000, 6_000, 60_000] {
            log.progress(NOW + at);
            seen.push((log.status.clone(), log.updated_at.clone()));
        }
        let statuses: Vec<&str> = seen.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            statuses,
            [
                "accepted",
                "accepted",
                "sent",
                "sent",
                "delivered",
                "read",
                "read"
            ]
        );
        assert_eq!(seen[6].1, iso(NOW + 6_000));

        log.status = "failed".into();
        log.status_held = true;
        log.progress(NOW + 120_000);
        assert_eq!(log.status, "failed");
    }
}
