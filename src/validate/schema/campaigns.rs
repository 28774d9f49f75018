//! Campaigns: scheduling one, and its status.

use super::sends::{
    COPY_CODE, HEADER_DOCUMENT, HEADER_DOCUMENT_NAME, HEADER_IMAGE, HEADER_VIDEO, LOCATION_ADDRESS,
    LOCATION_LATITUDE, LOCATION_LONGITUDE, LOCATION_NAME, TEMPLATE_LANGUAGE, TEMPLATE_NAME,
};
use super::{field, Field, Rule, EMAIL_MAX};

pub(super) const SCHEDULE_CAMPAIGN: &[Field] = &[
    field(
        "title",
        Rule::Text {
            max: EMAIL_MAX,
            non_blank: true,
        },
        true,
        "The campaign's title.",
    ),
    TEMPLATE_NAME,
    TEMPLATE_LANGUAGE,
    field(
        "contact_group",
        Rule::Groups,
        true,
        "Group titles (not uids), comma-separated or as an array, or `all_contacts`.",
    ),
    field(
        "contact_labels",
        Rule::Groups,
        false,
        "Only the contacts with these label titles, comma-separated or as an array.",
    ),
    field(
        "timezone",
        Rule::Timezone,
        true,
        "The IANA time zone of the two dates, such as `Asia/Kolkata` or `UTC`.",
    ),
    field(
        "schedule_at",
        Rule::DateTime,
        false,
        "When to start, `YYYY-MM-DDTHH:MM[:SS]` in `timezone`; empty or left out: now.",
    ),
    field(
        "expire_at",
        Rule::DateTime,
        false,
        "When to stop sending, `YYYY-MM-DDTHH:MM[:SS]`, after `schedule_at`.",
    ),
    field(
        "restrict_by_templated_contact_language",
        Rule::On,
        false,
        "Only contacts whose language is the template's (`true` is sent as `\"on\"`).",
    ),
    field(
        "send_message_via_marketing_message_api",
        Rule::On,
        false,
        "Send through WhatsApp's Marketing Messages API (`true` is sent as `\"on\"`).",
    ),
    field(
        "selected_preset_message_uid",
        Rule::Uid,
        false,
        "The uid of a preset message to use.",
    ),
    HEADER_IMAGE,
    HEADER_VIDEO,
    HEADER_DOCUMENT,
    HEADER_DOCUMENT_NAME,
    LOCATION_LATITUDE,
    LOCATION_LONGITUDE,
    LOCATION_NAME,
    LOCATION_ADDRESS,
    COPY_CODE,
];

pub(super) const CAMPAIGN_STATUS: &[Field] = &[field(
    "campaignUid",
    Rule::Uid,
    true,
    "The `campaignUid` that `scheduleCampaign` answered with: letters, digits, `-` and `_`.",
)];
