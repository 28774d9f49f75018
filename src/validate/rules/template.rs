//! Template messages: `template_name`, `template_language`, the parameters
//! (`field_N`, `header_field_N`, `button_N`, `copy_code`, `location_*`), and
//! the rules that join them (numbering, the header's fields).

use crate::issue::{IssueCode, WarningCode};
use crate::json::{Map, Value};
use crate::messages::{Message, Msg};
use crate::validate::formats::{self, CoordinateError};
use crate::validate::values::{
    check_len, excerpt, non_empty_str, not_blank, present, refuse, scalar_text, take, warn_html,
    word,
};
use crate::validate::{schema, Ctx};

/// A template name as WhatsApp writes them: lower case, digits, `_`.
pub(super) fn name(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    let s = non_empty_str(ctx, path, value)?;
    check_len(ctx, path, s, schema::TEMPLATE_NAME_MAX)?;
    if !formats::is_template_name(s) {
        return refuse(ctx, path, IssueCode::InvalidFormat, Msg::FormatTemplateName);
    }
    Some(take(value))
}

/// A WhatsApp language code (`en`, `en_US`); a dash gets a hint.
pub(super) fn language(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    let s = non_empty_str(ctx, path, value)?;
    if !formats::is_template_language(s) {
        let message = if s.contains('-') {
            Msg::FormatTemplateLanguageDash.with("fixed", excerpt(&s.replace('-', "_")))
        } else {
            Msg::FormatTemplateLanguage.into()
        };
        return refuse(ctx, path, IssueCode::InvalidFormat, message);
    }
    Some(take(value))
}

/// A text parameter, refused where WhatsApp refuses it (newlines, tabs,
/// five spaces in a row).
pub(super) fn text(ctx: &mut Ctx, path: &str, value: &mut Value, max: usize) -> Option<Value> {
    let s = scalar_text(ctx, path, value)?;
    not_blank(ctx, path, &s)?;
    check_len(ctx, path, &s, max)?;
    if s.contains(['\n', '\t', '\r']) {
        return refuse(ctx, path, IssueCode::InvalidFormat, Msg::FormatNewline);
    }
    if s.contains("     ") {
        return refuse(ctx, path, IssueCode::InvalidFormat, Msg::FormatSpaces);
    }
    warn_html(ctx, path, &s);
    Some(Value::String(s))
}

/// `location_latitude` or `location_longitude` within ±`limit`, sent as a
/// decimal string; a placeholder is left to the server.
pub(super) fn coordinate(
    ctx: &mut Ctx,
    path: &str,
    value: &mut Value,
    limit: u32,
) -> Option<Value> {
    let s = scalar_text(ctx, path, value)?;
    if formats::has_placeholder(&s) {
        return Some(Value::String(s));
    }
    match formats::decimal_coordinate(&s, limit) {
        Ok(c) => Some(Value::String(c)),
        Err(CoordinateError::Format) => {
            ctx.issue(path, IssueCode::InvalidFormat, Msg::FormatDecimal);
            None
        }
        Err(CoordinateError::Range) => {
            ctx.issue(
                path,
                IssueCode::OutOfRange,
                Msg::RangeCoordinate.with("limit", limit as usize),
            );
            None
        }
    }
}

/// A copy-code button value: short, letters, digits, `-` and `_`; a
/// placeholder is left to the server.
pub(super) fn copy_code(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    let s = scalar_text(ctx, path, value)?;
    if s.is_empty() {
        return refuse(ctx, path, IssueCode::Required, Msg::NotEmpty);
    }
    if formats::has_placeholder(&s) {
        return Some(Value::String(s));
    }
    check_len(ctx, path, &s, schema::COPY_CODE_MAX)?;
    word(ctx, path, &s)?;
    Some(Value::String(s))
}

/// Rules across template fields. `given` is the request as the caller wrote
/// it: a field that is present but invalid already has its own issue and must
/// not also be reported missing.
pub(in crate::validate) fn across_fields(ctx: &mut Ctx, given: &Map) {
    body_parameters_without_gaps(ctx, given);
    let headers = header_kinds(given);
    several_headers(ctx, &headers);
    // One header kind is the caller's header, which the server refuses
    // incomplete; among several, the template may use another.
    let several = headers.len() > 1;
    if present(given, "header_document") && !present(given, "header_document_name") {
        header_field_missing(
            ctx,
            "header_document_name",
            several,
            Msg::RequiredWith.with("other", "header_document"),
            Msg::PartDocument,
        );
    }
    if let Some(first) = LOCATION.iter().find(|k| present(given, k)) {
        for key in LOCATION.iter().filter(|k| !present(given, k)) {
            header_field_missing(
                ctx,
                key,
                several,
                Msg::RequiredWithLocation.with("other", *first),
                Msg::PartLocation,
            );
        }
    }
}

/// The fields of a location header, all needed together.
const LOCATION: [&str; 4] = [
    "location_latitude",
    "location_longitude",
    "location_name",
    "location_address",
];

/// The header kinds given, each named by its first field given, in the
/// API's order.
fn header_kinds(given: &Map) -> Vec<&'static str> {
    let mut kinds: Vec<&str> = [
        "header_image",
        "header_video",
        "header_document",
        "header_field_1",
    ]
    .into_iter()
    .filter(|k| present(given, k))
    .collect();
    kinds.extend(LOCATION.into_iter().find(|k| present(given, k)));
    kinds
}

/// A template has at most one header, but the server checks the request
/// against the template and ignores the header fields it does not use, so
/// several kinds at once are legal, and every field is sent.
fn several_headers(ctx: &mut Ctx, headers: &[&str]) {
    let ([_, second, ..], Some((last, rest))) = (headers, headers.split_last()) else {
        return;
    };
    let message = Msg::WarnSeveralHeaders
        .with("names", rest.join(", "))
        .with("last", *last);
    ctx.warn(second, WarningCode::SeveralHeaders, message);
}

/// A field the `header` kind needs: refused when that is the only header
/// given; among several, a warning, as the template may use another.
fn header_field_missing(ctx: &mut Ctx, key: &str, several: bool, issue: Message, header: Msg) {
    if several {
        ctx.warn(
            key,
            WarningCode::SeveralHeaders,
            Msg::WarnHeaderFieldMissing.with("header", header),
        );
    } else {
        ctx.issue(key, IssueCode::Required, issue);
    }
}

/// Body parameters are positional: a gap shifts every later value.
fn body_parameters_without_gaps(ctx: &mut Ctx, given: &Map) {
    let numbers: Vec<usize> = given
        .iter()
        .filter(|(_, v)| !v.is_null())
        .filter_map(|(k, _)| schema::template_numbered(k))
        .filter(|(prefix, _, _)| *prefix == "field_")
        .map(|(_, n, _)| n as usize)
        .collect();
    // A presence table rather than a sort: numbers are at most 4 digits.
    if let Some(&max) = numbers.iter().max() {
        let mut seen = vec![false; max + 1];
        for &n in &numbers {
            seen[n] = true;
        }
        let missing = (1..max).filter(|&n| !seen.get(n).copied().unwrap_or(false));
        for n in missing {
            let path = format!("field_{n}");
            ctx.issue(
                &path,
                IssueCode::Required,
                Msg::RequiredNoGaps.with("last", format!("field_{max}")),
            );
        }
    }
}
