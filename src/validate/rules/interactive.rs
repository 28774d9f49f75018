//! Interactive messages: which of `buttons`, `cta_url` and `list_data` the
//! `interactive_type` needs, which of `header_text` and `media_link` the
//! `header_type` needs, and the rows of a list in all.

use crate::issue::{IssueCode, WarningCode};
use crate::json::{Map, Value};
use crate::messages::Msg;
use crate::validate::schema::LIST_ROWS_MAX;
use crate::validate::values::present;
use crate::validate::Ctx;

/// `given` is the request as written (a field given but invalid has its own
/// issue and is not also missing), `body` what is valid of it.
pub(in crate::validate) fn across_fields(ctx: &mut Ctx, given: &Map, body: &Map) {
    if let Some(kind) = chosen(given, body, "interactive_type", "button") {
        let needed = match kind {
            "cta_url" => "cta_url",
            "list" => "list_data",
            _ => "buttons",
        };
        let keys = ["buttons", "cta_url", "list_data"];
        needs(
            ctx,
            given,
            body,
            ("interactive_type", kind),
            Some(needed),
            &keys,
        );
    }
    if let Some(header) = chosen(given, body, "header_type", "not given") {
        let needed = match header {
            "text" => Some("header_text"),
            "not given" => None,
            _ => Some("media_link"),
        };
        let keys = ["header_text", "media_link"];
        needs(ctx, given, body, ("header_type", header), needed, &keys);
    }
    let rows: usize = match body.get("list_data").and_then(|l| l.get("sections")) {
        Some(Value::Array(sections)) => sections
            .iter()
            .map(|s| match s.get("rows") {
                Some(Value::Array(rows)) => rows.len(),
                _ => 0,
            })
            .sum(),
        _ => 0,
    };
    if rows > usize::from(LIST_ROWS_MAX) {
        ctx.issue(
            "list_data.sections",
            IssueCode::TooLong,
            Msg::TooLongListRows
                .with("count", rows)
                .with("max", usize::from(LIST_ROWS_MAX)),
        );
    }
}

/// The selector's value as sent, `default` when it is not given; `None`
/// when it is invalid, as its own issue says enough.
fn chosen<'a>(given: &Map, body: &'a Map, selector: &str, default: &'a str) -> Option<&'a str> {
    match body.get(selector).and_then(Value::as_str) {
        Some(v) => Some(v),
        None if present(given, selector) => None,
        None => Some(default),
    }
}

/// Of `keys`, the `needed` one is required and the others are ignored by
/// the server, given `selector`'s value.
fn needs(
    ctx: &mut Ctx,
    given: &Map,
    body: &Map,
    (selector, value): (&str, &str),
    needed: Option<&str>,
    keys: &[&str],
) {
    for &key in keys {
        if needed == Some(key) {
            if !present(given, key) {
                ctx.issue(
                    key,
                    IssueCode::Required,
                    Msg::RequiredWhen
                        .with("selector", selector)
                        .with("value", value),
                );
            }
        } else if body.contains_key(key) {
            ctx.warn(
                key,
                WarningCode::IgnoredField,
                Msg::WarnIgnoredWhen
                    .with("selector", selector)
                    .with("value", value),
            );
        }
    }
}
