//! Reading a field's value as the rules need it (a string, a scalar, a
//! length within bounds), each recording the issue when the value is not.

use super::{formats, Ctx};
use crate::issue::{IssueCode, WarningCode};
use crate::json::{Map, Value};
use crate::messages::{Message, Msg};

/// Records an issue of the field being checked, which then has no value.
pub(super) fn refuse<T>(
    ctx: &mut Ctx,
    path: &str,
    code: IssueCode,
    message: impl Into<Message>,
) -> Option<T> {
    ctx.issue(path, code, message);
    None
}

pub(super) fn check_len(ctx: &mut Ctx, path: &str, s: &str, max: usize) -> Option<()> {
    // Byte length bounds the character count; count only when it could exceed.
    if s.len() > max {
        let n = s.chars().count();
        if n > max {
            return refuse(
                ctx,
                path,
                IssueCode::TooLong,
                Msg::TooLong.with("max", max).with("count", n),
            );
        }
    }
    Some(())
}

/// A string with more than whitespace in it.
pub(super) fn non_empty_str<'v>(ctx: &mut Ctx, path: &str, value: &'v Value) -> Option<&'v str> {
    let s = expect_str(ctx, path, value)?;
    not_blank(ctx, path, s)?;
    Some(s)
}

/// `Some(())` when `s` has more than whitespace; else a `required` issue.
pub(super) fn not_blank(ctx: &mut Ctx, path: &str, s: &str) -> Option<()> {
    if s.trim().is_empty() {
        return refuse(ctx, path, IssueCode::Required, Msg::NotEmpty);
    }
    Some(())
}

pub(super) fn expect_str<'v>(ctx: &mut Ctx, path: &str, value: &'v Value) -> Option<&'v str> {
    match value {
        Value::String(s) => Some(s),
        other => {
            type_issue(ctx, path, Msg::TypeString, other);
            None
        }
    }
}

/// A string, or a finite number written as the server would read it; a
/// string is moved out of `value`.
pub(super) fn scalar_text(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<String> {
    let text = scalar(value);
    if text.is_none() {
        type_issue(ctx, path, Msg::TypeString, value);
    }
    text
}

/// [`scalar_text`] without the issue, for a caller that builds the path
/// only when there is one.
pub(super) fn scalar(value: &mut Value) -> Option<String> {
    match value {
        Value::String(s) => Some(std::mem::take(s)),
        Value::Number(n) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

/// The accepted value itself, moved out; what stays is non-null, so the
/// request still has the field for the rules across fields.
pub(super) fn take(value: &mut Value) -> Value {
    std::mem::replace(value, Value::Bool(true))
}

pub(super) fn type_issue(ctx: &mut Ctx, path: &str, expected: Msg, got: &Value) {
    ctx.issue(
        path,
        IssueCode::InvalidType,
        Msg::InvalidType
            .with("expected", expected)
            .with("got", type_name(got)),
    );
}

pub(super) fn type_name(v: &Value) -> Msg {
    match v {
        Value::Null => Msg::TypeNull,
        Value::Bool(_) => Msg::TypeBoolean,
        Value::Number(_) => Msg::TypeNumber,
        Value::String(_) => Msg::TypeString,
        Value::Array(_) => Msg::TypeArray,
        Value::Object(_) => Msg::TypeObject,
    }
}

/// The start of a long value, for messages.
pub(super) fn excerpt(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// Letters, digits, `-` and `_` only, as uids and copy codes are.
pub(super) fn word(ctx: &mut Ctx, path: &str, s: &str) -> Option<()> {
    if !formats::is_copy_code(s) {
        return refuse(ctx, path, IssueCode::InvalidFormat, Msg::FormatWord);
    }
    Some(())
}

/// Text the server would strip as HTML: a warning, as the rest is sent.
pub(super) fn warn_html(ctx: &mut Ctx, path: &str, s: &str) {
    if formats::has_html_like_tag(s) {
        ctx.warn(path, WarningCode::HtmlStripped, Msg::WarnHtml);
    }
}

/// Whether the caller gave `key`; null means absent.
pub(super) fn present(given: &Map, key: &str) -> bool {
    given.get(key).is_some_and(|v| !v.is_null())
}
