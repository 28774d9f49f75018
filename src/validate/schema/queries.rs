//! The reads: a page of a list, a message's status.

use super::{field, Field, Rule, TEXT_MAX};

/// The server's largest page.
pub const PAGE_SIZE_MAX: u32 = 1000;

pub(super) const PAGE: &[Field] = &[
    field(
        "page",
        Rule::Count { max: u32::MAX },
        false,
        "The page, from 1.",
    ),
    field(
        "page_size",
        Rule::Count { max: PAGE_SIZE_MAX },
        false,
        "Items a page, 1 to 1000 (at most 1000; the server's default is 100).",
    ),
    field(
        "search_term",
        Rule::Text {
            max: TEXT_MAX,
            non_blank: false,
        },
        false,
        "Only the items whose fields contain this text.",
    ),
];

const LOG_ID: Rule = Rule::Text {
    max: TEXT_MAX,
    non_blank: true,
};

pub(super) const MESSAGE_STATUS: &[Field] = &[
    field(
        "log_uid",
        LOG_ID,
        false,
        "The `log_uid` a send answered with; this or `wamid` is required, and it wins when both are given.",
    ),
    field(
        "wamid",
        LOG_ID,
        false,
        "WhatsApp's message id (`wamid.…`), when there is no `log_uid`.",
    ),
];
