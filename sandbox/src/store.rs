//! Contacts and message logs, kept in memory per vendor.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::Value;

use crate::clock::now_iso;
use crate::countries;
use crate::ids;
use crate::input::Input;
use crate::validation::{as_bool, text_of};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contact {
    pub contact_uid: String,
    pub phone_number: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    pub country: Option<String>,
    pub language_code: Option<String>,
    /// Group titles; the server keeps them as given (no trimming).
    pub groups: Vec<String>,
    pub custom_fields: BTreeMap<String, String>,
    pub whatsapp_opt_out: bool,
    pub enable_ai_bot: bool,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MessageLog {
    pub log_uid: String,
    pub wamid: String,
    pub contact_uid: String,
    pub phone_number: String,
    /// "text", "media" or "template".
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// What was sent: the text, the media URL or `template/language`.
    pub content: String,
    pub from_phone_number_id: String,
    pub status: String,
    pub created_at: String,
    pub updated_at: String,
}

/// What the update endpoint did.
pub enum UpdateOutcome {
    Updated(String),
    NothingToUpdate(String),
    NotFound,
}

#[derive(Default)]
pub struct Store {
    contacts: HashMap<String, BTreeMap<String, Contact>>,
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
    pub fn contact(&self, vendor: &str, phone: &str) -> Option<&Contact> {
        self.contacts.get(vendor)?.get(phone)
    }

    pub fn contacts(&self) -> Vec<(&str, &Contact)> {
        let mut all: Vec<_> = self
            .contacts
            .iter()
            .flat_map(|(vendor, book)| book.values().map(move |c| (vendor.as_str(), c)))
            .collect();
        all.sort_by(|a, b| a.1.created_at.cmp(&b.1.created_at));
        all
    }

    /// `contact/create` (the caller checked the number is free) and the
    /// create-if-missing of the send endpoints; `details` holds the contact
    /// keys (`first_name`, ..., `groups`, `custom_fields`).
    pub fn create_contact(&mut self, vendor: &str, phone: &str, details: &Input) -> Contact {
        let now = now_iso();
        let custom_fields = match details.get("custom_fields") {
            Some(Value::Object(fields)) => fields
                .iter()
                .filter_map(|(k, v)| text_of(v).map(|v| (k.clone(), v)))
                .collect(),
            _ => BTreeMap::new(),
        };
        let contact = Contact {
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
            groups: text(details, "groups")
                .map(|g| split_groups(&g))
                .unwrap_or_default(),
            custom_fields,
            whatsapp_opt_out: false,
            enable_ai_bot: false,
            created_at: now.clone(),
            updated_at: now,
        };
        self.contacts
            .entry(vendor.to_string())
            .or_default()
            .insert(phone.to_string(), contact.clone());
        contact
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
    ) -> Contact {
        let book = self.contacts.entry(vendor.to_string()).or_default();
        if let Some(existing) = book.get(resolved) {
            return existing.clone();
        }
        if let Some(mut existing) = book.remove(requested) {
            existing.phone_number = resolved.to_string();
            existing.updated_at = now_iso();
            book.insert(resolved.to_string(), existing.clone());
            return existing;
        }
        self.create_contact(vendor, resolved, details)
    }

    /// `contact/update/{phone}`: keys that are sent change (null clears),
    /// except `groups`, which is replaced by what is sent and cleared when
    /// absent, as the real server does.
    pub fn update_contact(&mut self, vendor: &str, phone: &str, input: &Input) -> UpdateOutcome {
        let Some(contact) = self
            .contacts
            .get_mut(vendor)
            .and_then(|book| book.get_mut(phone))
        else {
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
        for (key, slot) in [
            ("whatsapp_opt_out", &mut next.whatsapp_opt_out),
            ("enable_ai_bot", &mut next.enable_ai_bot),
        ] {
            if let Some(b) = input.get(key).and_then(as_bool) {
                *slot = b;
            }
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
        next.updated_at = now_iso();
        *contact = next;
        UpdateOutcome::Updated(contact.contact_uid.clone())
    }

    pub fn log_message(&mut self, message: MessageLog) {
        let index = self.messages.len();
        self.by_log_uid.insert(message.log_uid.clone(), index);
        self.by_wamid.insert(message.wamid.clone(), index);
        self.messages.push(message);
    }

    /// A message by `log_uid` or, failing that, by `wamid`.
    pub fn message_mut(
        &mut self,
        log_uid: Option<&str>,
        wamid: Option<&str>,
    ) -> Option<&mut MessageLog> {
        let index = log_uid
            .and_then(|id| self.by_log_uid.get(id))
            .or_else(|| wamid.and_then(|id| self.by_wamid.get(id)))
            .copied()?;
        self.messages.get_mut(index)
    }

    pub fn messages(&self) -> &[MessageLog] {
        &self.messages
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
        );
        assert_eq!(created.country.as_deref(), Some("India"));
        assert_eq!(created.groups, vec!["a", "b"]);

        // Without groups, memberships are cleared: that is a change.
        match store.update_contact("v", "919876543210", &input(json!({"first_name": "Jo"}))) {
            UpdateOutcome::Updated(uid) => assert_eq!(uid, created.contact_uid),
            _ => panic!("expected an update"),
        }
        let now = store.contact("v", "919876543210").unwrap();
        assert!(now.groups.is_empty());
        assert_eq!(now.first_name.as_deref(), Some("Jo"));

        // Same values again: nothing to update.
        assert!(matches!(
            store.update_contact("v", "919876543210", &input(json!({"first_name": "Jo"}))),
            UpdateOutcome::NothingToUpdate(_)
        ));
        assert!(matches!(
            store.update_contact("v", "910000000000", &input(json!({}))),
            UpdateOutcome::NotFound
        ));
        store.update_contact("v", "919876543210", &input(json!({"country": "44"})));
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
        let made = store.create_contact("v", "551112345678", &Input::new());
        let found = store.contact_for_send("v", "551112345678", "5511912345678", &Input::new());
        assert_eq!(found.contact_uid, made.contact_uid);
        assert!(store.contact("v", "551112345678").is_none());
        assert!(store.contact("v", "5511912345678").is_some());
    }
}
