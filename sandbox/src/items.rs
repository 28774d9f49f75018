//! The rows the read routes answer with, in the server's key order.

use serde::Serialize;

use crate::countries;
use crate::store::{Contact, Tag, Vendor};

/// The vendor's row id; one vendor per sandbox vendor uid.
pub const VENDOR_ID: u64 = 1;

#[derive(Serialize)]
#[allow(non_snake_case)] // the server's column names
pub struct GroupItem<'a> {
    #[serde(rename = "_id")]
    id: u64,
    #[serde(rename = "_uid")]
    uid: &'a str,
    status: u8,
    title: &'a str,
    description: Option<&'a str>,
    vendors__id: u64,
    created_at: &'a str,
    updated_at: &'a str,
}

#[derive(Serialize)]
#[allow(non_snake_case)] // the server's column names
pub struct LabelItem<'a> {
    #[serde(rename = "_id")]
    id: u64,
    #[serde(rename = "_uid")]
    uid: &'a str,
    status: u8,
    title: &'a str,
    text_color: Option<&'a str>,
    bg_color: Option<&'a str>,
    vendors__id: u64,
    created_at: &'a str,
    updated_at: &'a str,
}

pub fn group(tag: &Tag) -> GroupItem<'_> {
    GroupItem {
        id: tag.id,
        uid: &tag.uid,
        status: 1,
        title: &tag.title,
        description: tag.description.as_deref(),
        vendors__id: VENDOR_ID,
        created_at: &tag.created_at,
        updated_at: &tag.updated_at,
    }
}

pub fn label(tag: &Tag) -> LabelItem<'_> {
    LabelItem {
        id: tag.id,
        uid: &tag.uid,
        status: 1,
        title: &tag.title,
        text_color: tag.colors.as_ref().map(|c| c.0.as_str()),
        bg_color: tag.colors.as_ref().map(|c| c.1.as_str()),
        vendors__id: VENDOR_ID,
        created_at: &tag.created_at,
        updated_at: &tag.updated_at,
    }
}

/// A group as nested in a contact.
#[derive(Serialize)]
pub struct ContactGroup<'a> {
    #[serde(rename = "_id")]
    id: u64,
    #[serde(rename = "_uid")]
    uid: &'a str,
    status: u8,
    title: &'a str,
    description: Option<&'a str>,
    created_at: &'a str,
}

/// A label as nested in a contact.
#[derive(Serialize)]
pub struct ContactLabel<'a> {
    #[serde(rename = "_id")]
    id: u64,
    #[serde(rename = "_uid")]
    uid: &'a str,
    status: u8,
    title: &'a str,
    created_at: &'a str,
}

#[derive(Serialize)]
#[allow(non_snake_case)] // the server's column names
pub struct ContactItem<'a> {
    #[serde(rename = "_id")]
    id: u64,
    #[serde(rename = "_uid")]
    uid: &'a str,
    status: u8,
    first_name: Option<&'a str>,
    last_name: Option<&'a str>,
    full_name: String,
    name_initials: String,
    wa_id: &'a str,
    email: Option<&'a str>,
    language_code: Option<&'a str>,
    countries__id: Option<u64>,
    /// MySQL flags without casts: 1 or null.
    whatsapp_opt_out: Option<u8>,
    disable_ai_bot: u8,
    disable_reply_bot: u8,
    assigned_users__id: Option<u64>,
    phone_verified_at: Option<&'a str>,
    email_verified_at: Option<&'a str>,
    wa_blocked_at: Option<&'a str>,
    username: Option<&'a str>,
    bsuid: Option<&'a str>,
    vendors__id: u64,
    created_at: &'a str,
    updated_at: &'a str,
    groups: Vec<ContactGroup<'a>>,
    labels: Vec<ContactLabel<'a>>,
}

pub fn contact<'a>(vendor: &'a Vendor, c: &'a Contact) -> ContactItem<'a> {
    let names: Vec<&str> = [c.first_name.as_deref(), c.last_name.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let initials: String = names
        .iter()
        .filter_map(|n| n.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    let held = |tags: &'a [Tag], titles: &'a [String]| {
        tags.iter().filter(move |t| titles.contains(&t.title))
    };
    let groups = held(&vendor.groups, &c.groups)
        .map(|g| ContactGroup {
            id: g.id,
            uid: &g.uid,
            status: 1,
            title: &g.title,
            description: g.description.as_deref(),
            created_at: &g.created_at,
        })
        .collect();
    let labels = held(&vendor.labels, &c.labels)
        .map(|l| ContactLabel {
            id: l.id,
            uid: &l.uid,
            status: 1,
            title: &l.title,
            created_at: &l.created_at,
        })
        .collect();
    ContactItem {
        id: c.id,
        uid: &c.contact_uid,
        status: 1,
        first_name: c.first_name.as_deref(),
        last_name: c.last_name.as_deref(),
        full_name: names.join(" "),
        name_initials: initials,
        wa_id: &c.phone_number,
        email: c.email.as_deref(),
        language_code: c.language_code.as_deref(),
        countries__id: c.country.as_deref().and_then(countries::id_of),
        whatsapp_opt_out: c.whatsapp_opt_out.then_some(1),
        disable_ai_bot: c.disable_ai_bot.into(),
        disable_reply_bot: c.disable_reply_bot.into(),
        assigned_users__id: c.assigned_user_id,
        phone_verified_at: None,
        email_verified_at: None,
        wa_blocked_at: None,
        username: None,
        bsuid: None,
        vendors__id: VENDOR_ID,
        created_at: &c.created_at,
        updated_at: &c.updated_at,
        groups,
        labels,
    }
}
