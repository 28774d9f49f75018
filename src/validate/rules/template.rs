//! Template messages: `template_name`, `template_language`, the parameters
//! (`field_N`, `header_field_N`, `button_N`, `copy_code`, `location_*`), and
//! the rules that join them (numbering, the header's fields).

use crate::issue::{IssueCode, WarningCode};
use crate::json::{Map, Value};
use crate::validate::formats::{self, CoordinateError};
use crate::validate::values::{
    at, check_len, excerpt, non_empty_str, not_blank, present, refuse, refuse_at, scalar_text,
    take, warn_html, word,
};
use crate::validate::{schema, Ctx};

/// A template name as WhatsApp writes them: lower case, digits, `_`.
pub(super) fn name(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    let s = non_empty_str(ctx, path, value)?;
    check_len(ctx, path, s, schema::TEMPLATE_NAME_MAX)?;
    if !formats::is_template_name(s) {
        return refuse_at(ctx, path, IssueCode::InvalidFormat, " may contain only lower-case letters, digits and underscores, as WhatsApp names templates.");
    }
    Some(take(value))
}

/// A WhatsApp language code (`en`, `en_US`); a dash gets a hint.
pub(super) fn language(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    let s = non_empty_str(ctx, path, value)?;
    if !formats::is_template_language(s) {
        let hint = if s.contains('-') {
            format!(" (use an underscore: {})", excerpt(&s.replace('-', "_")))
        } else {
            String::new()
        };
        return refuse(
            ctx,
            path,
            IssueCode::InvalidFormat,
            format!("{path} must be a WhatsApp language code such as en, en_US or pt_BR{hint}."),
        );
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
        return refuse_at(
            ctx,
            path,
            IssueCode::InvalidFormat,
            " must not contain a newline or a tab: WhatsApp refuses them in template parameters.",
        );
    }
    if s.contains("     ") {
        return refuse_at(ctx, path, IssueCode::InvalidFormat, " must not contain more than 4 spaces in a row: WhatsApp refuses them in template parameters.");
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
            ctx.issue(
                path,
                IssueCode::InvalidFormat,
                at(path, " must be a decimal number such as 22.22."),
            );
            None
        }
        Err(CoordinateError::Range) => {
            ctx.issue(
                path,
                IssueCode::OutOfRange,
                format!("{path} must be between -{limit} and {limit}."),
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
        return refuse_at(ctx, path, IssueCode::Required, " must not be empty.");
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
            "header_document_name is required with header_document.".to_owned(),
            "document",
        );
    }
    if let Some(first) = LOCATION.iter().find(|k| present(given, k)) {
        for key in LOCATION.iter().filter(|k| !present(given, k)) {
            header_field_missing(
                ctx,
                key,
                several,
                format!("{key} is required with {first}: a location header needs all four location fields."),
                "location",
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
    // Joined, not searched and spliced: `rfind` and `replace_range` would
    // bring their own code into the module (about 1.2 KB gzip).
    let names = format!("{} and {last}", rest.join(", "));
    ctx.warn(
        second,
        WarningCode::SeveralHeaders,
        format!("{names} are headers of different kinds: a template has one header at most, so the server uses the one the template has and ignores the others."),
    );
}

/// A field the `header` kind needs: refused when that is the only header
/// given; among several, a warning, as the template may use another.
fn header_field_missing(ctx: &mut Ctx, key: &str, several: bool, issue: String, header: &str) {
    if several {
        ctx.warn(
            key,
            WarningCode::SeveralHeaders,
            format!("{key} is not given: the server refuses the request if the template's header is the {header} one."),
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
                format!("{path} is required because field_{max} is given: body parameters are numbered from 1 without gaps."),
            );
        }
    }
}
