//! What every vendor starts with: groups, labels, team members and a few
//! contacts, with fixed uids so that tests and examples can name them.

use serde_json::json;

use crate::clock::{iso, Millis};
use crate::input::Input;
use crate::store::{Tag, TeamMember, Vendor};

/// 2026-04-01T10:00:00Z: seeded rows are dated before anything made later.
const SEEDED_AT: Millis = 1_775_037_600_000;

/// (uid, title, description), oldest first.
pub const GROUPS: &[(&str, &str, &str)] = &[
    (
        "a1000000-0000-4000-8000-000000000001",
        "Customers",
        "Everyone who has bought",
    ),
    (
        "a1000000-0000-4000-8000-000000000002",
        "VIP",
        "Best customers",
    ),
    (
        "a1000000-0000-4000-8000-000000000003",
        "Newsletter",
        "Asked for news",
    ),
];

/// (uid, title, text colour, background colour).
pub const LABELS: &[(&str, &str, &str, &str)] = &[
    (
        "b1000000-0000-4000-8000-000000000001",
        "Hot lead",
        "#ffffff",
        "#d9534f",
    ),
    (
        "b1000000-0000-4000-8000-000000000002",
        "Follow up",
        "#000000",
        "#f0ad4e",
    ),
    (
        "b1000000-0000-4000-8000-000000000003",
        "Paid",
        "#ffffff",
        "#5cb85c",
    ),
];

pub struct SeedContact {
    pub uid: &'static str,
    pub wa_id: &'static str,
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub email: Option<&'static str>,
    pub country: &'static str,
    pub groups: &'static [&'static str],
    pub labels: &'static [&'static str],
}

pub const CONTACTS: &[SeedContact] = &[
    SeedContact {
        uid: "c1000000-0000-4000-8000-000000000001",
        wa_id: "918000000001",
        first_name: "Asha",
        last_name: "Rao",
        email: Some("asha@example.com"),
        country: "India",
        groups: &["Customers", "VIP"],
        labels: &["Hot lead"],
    },
    SeedContact {
        uid: "c1000000-0000-4000-8000-000000000002",
        wa_id: "918000000002",
        first_name: "Ravi",
        last_name: "Kumar",
        email: None,
        country: "India",
        groups: &["Customers"],
        labels: &[],
    },
    SeedContact {
        uid: "c1000000-0000-4000-8000-000000000003",
        wa_id: "447700900123",
        first_name: "Emma",
        last_name: "Brown",
        email: Some("emma@example.com"),
        country: "United Kingdom",
        groups: &["Newsletter"],
        labels: &["Follow up"],
    },
];

/// Campaign test messages go to this seeded contact.
pub const TEST_CONTACT: &str = "918000000001";

/// Team members; `users__id` 1 is the vendor's own admin.
pub const TEAM: &[TeamMember] = &[
    member(
        2,
        "agent@example.com",
        "919800000002",
        "Alex",
        "Agent",
        true,
    ),
    member(
        3,
        "support@example.com",
        "919800000003",
        "Sam",
        "Support",
        true,
    ),
    // A deactivated account: assigning to it is "Invalid user".
    member(
        4,
        "former@example.com",
        "919800000004",
        "Former",
        "Member",
        false,
    ),
];

const fn member(
    id: u64,
    email: &'static str,
    mobile_number: &'static str,
    first_name: &'static str,
    last_name: &'static str,
    active: bool,
) -> TeamMember {
    TeamMember {
        id,
        email,
        mobile_number,
        first_name,
        last_name,
        active,
    }
}

/// A vendor's data as first seen.
pub fn vendor() -> Vendor {
    let mut vendor = Vendor::default();
    vendor.team = TEAM.to_vec();
    vendor.test_contact = Some(TEST_CONTACT.to_string());
    let mut at = SEEDED_AT;
    for (uid, title, description) in GROUPS {
        let id = vendor.next_id();
        vendor.groups.push(tag(id, uid, title, at));
        if let Some(group) = vendor.groups.last_mut() {
            group.description = Some(description.to_string());
        }
        at += 60_000;
    }
    for (uid, title, text_color, bg_color) in LABELS {
        let id = vendor.next_id();
        vendor.labels.push(tag(id, uid, title, at));
        if let Some(label) = vendor.labels.last_mut() {
            label.colors = Some((text_color.to_string(), bg_color.to_string()));
        }
        at += 60_000;
    }
    for seed in CONTACTS {
        let details: Input = json!({
            "first_name": seed.first_name,
            "last_name": seed.last_name,
            "email": seed.email,
            "country": seed.country,
            "language_code": "en",
        })
        .as_object()
        .cloned()
        .unwrap_or_default();
        let mut contact = vendor.create_contact(seed.wa_id, &details, at);
        contact.contact_uid = seed.uid.to_string();
        contact.seeded = true;
        contact.groups = seed.groups.iter().map(|g| g.to_string()).collect();
        contact.labels = seed.labels.iter().map(|l| l.to_string()).collect();
        vendor.contacts.insert(seed.wa_id.to_string(), contact);
        at += 60_000;
    }
    vendor
}

fn tag(id: u64, uid: &str, title: &str, at: Millis) -> Tag {
    Tag {
        id,
        uid: uid.to_string(),
        title: title.to_string(),
        description: None,
        colors: None,
        created_at: iso(at),
        updated_at: iso(at),
    }
}
