//! Contacts: creating, updating and finding them, their groups and labels,
//! and their team member.

use super::sends::PHONE;
use super::{field, Field, Rule, NAME_MAX};

const NAME: Rule = Rule::Text {
    max: NAME_MAX,
    non_blank: false,
};
const FIRST_NAME: Field = field("first_name", NAME, false, "At most 150 characters.");
const LAST_NAME: Field = field("last_name", NAME, false, "At most 150 characters.");
const EMAIL: Field = field(
    "email",
    Rule::Email,
    false,
    "A valid e-mail address of at most 255 characters.",
);
const LANGUAGE_CODE: Field = field(
    "language_code",
    Rule::LanguageCode,
    false,
    "Letters, digits, `-` and `_`, such as `en`.",
);
const GROUPS: Field = field(
    "groups",
    Rule::Groups,
    false,
    "Group titles, comma-separated or as an array; spaces around commas are removed.",
);
const CUSTOM_FIELDS: Field = field(
    "custom_fields",
    Rule::CustomFields,
    false,
    "Custom field name → value; names the vendor has not defined are ignored by the server.",
);
const COUNTRY_NAME: Field = field(
    "country",
    Rule::Country { create: true },
    false,
    "A country name, such as `India`.",
);

/// `contact{}` of the send endpoints.
pub const CONTACT_FIELDS: &[Field] = &[
    FIRST_NAME,
    LAST_NAME,
    EMAIL,
    COUNTRY_NAME,
    LANGUAGE_CODE,
    GROUPS,
    CUSTOM_FIELDS,
];

pub(super) const CREATE_CONTACT: &[Field] = &[
    PHONE,
    FIRST_NAME,
    LAST_NAME,
    EMAIL,
    COUNTRY_NAME,
    LANGUAGE_CODE,
    GROUPS,
    CUSTOM_FIELDS,
];

pub(super) const UPDATE_CONTACT: &[Field] = &[
    FIRST_NAME,
    LAST_NAME,
    EMAIL,
    field(
        "country",
        Rule::Country { create: false },
        false,
        "A country name, ISO code or dialling code (`India`, `IN`, `91`).",
    ),
    LANGUAGE_CODE,
    field(
        "whatsapp_opt_out",
        Rule::Bool,
        false,
        "Whether the contact opted out of WhatsApp messages.",
    ),
    field(
        "enable_ai_bot",
        Rule::Bool,
        false,
        "Whether the AI bot answers this contact.",
    ),
    field(
        "groups",
        Rule::Groups,
        false,
        "Group titles. An update without `groups` removes the contact from all its groups.",
    ),
    CUSTOM_FIELDS,
];

pub(super) const GET_CONTACT: &[Field] = &[field(
    "phone_number_or_email",
    Rule::PhoneOrEmail,
    true,
    "An e-mail address (anything with an `@`), or a phone number, normalised like every other; matched exactly.",
)];

/// Uids of contacts, groups or labels: at least one, each sent once.
const UIDS: Rule = Rule::List {
    item: &Rule::Uid,
    min: 1,
    max: u16::MAX,
};
const CONTACTS_UID: Field = field(
    "contacts_uid",
    UIDS,
    true,
    "The contacts' `_uid`s (not their phone numbers), at least one.",
);

pub(super) const GROUPS_OF_CONTACTS: &[Field] = &[
    CONTACTS_UID,
    field(
        "groups_uid",
        UIDS,
        true,
        "The groups' `_uid`s, at least one.",
    ),
];

pub(super) const LABELS_OF_CONTACTS: &[Field] = &[
    CONTACTS_UID,
    field(
        "labels_uid",
        UIDS,
        true,
        "The labels' `_uid`s, at least one.",
    ),
];

pub(super) const ASSIGN_TEAM_MEMBER: &[Field] = &[
    PHONE,
    field(
        "username_or_email",
        Rule::Member,
        true,
        "The team member's e-mail, or mobile number in digits: the server never matches a username.",
    ),
    field(
        "enable_ai_bot",
        Rule::Bool,
        true,
        "Whether the AI bot answers this contact; required, as the server turns it off when it is left out.",
    ),
    field(
        "enable_reply_bot",
        Rule::Bool,
        true,
        "Whether the reply bot answers this contact; required, as the server turns it off when it is left out.",
    ),
];
