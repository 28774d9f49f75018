//! Values with little format of their own: text of a bounded length
//! (message bodies, captions, names), a choice from a list, a flag, a
//! scalar, a uid.

use super::contact::blank_warning;
use crate::issue::IssueCode;
use crate::json::Value;
use crate::messages::Msg;
use crate::request::Kind;
use crate::validate::values::{
    check_len, excerpt, expect_str, non_empty_str, not_blank, refuse, scalar_text, take,
    type_issue, warn_html, word,
};
use crate::validate::Ctx;

/// A string of at most `max` characters; `non_blank` refuses whitespace.
/// Text the server would strip as HTML is a warning.
pub(super) fn text(
    ctx: &mut Ctx,
    path: &str,
    value: &mut Value,
    max: usize,
    non_blank: bool,
) -> Option<Value> {
    let s = expect_str(ctx, path, value)?;
    if non_blank {
        not_blank(ctx, path, s)?;
    }
    check_len(ctx, path, s, max)?;
    if !path.contains('.') {
        warn_html(ctx, path, s);
    }
    if s.is_empty() && ctx.kind == Kind::UpdateContact {
        blank_warning(ctx, path);
    }
    Some(take(value))
}

/// One of `choices`, exactly.
pub(super) fn choice(
    ctx: &mut Ctx,
    path: &str,
    value: &mut Value,
    choices: &[&str],
) -> Option<Value> {
    let s = expect_str(ctx, path, value)?;
    if !choices.contains(&s) {
        let message = Msg::InvalidChoice
            .with("choices", choices.join(", "))
            .with("got", excerpt(s));
        return refuse(ctx, path, IssueCode::InvalidChoice, message);
    }
    Some(take(value))
}

/// `true` or `false`, not a string or number that reads as one.
pub(super) fn boolean(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    match value {
        Value::Bool(b) => Some(Value::Bool(*b)),
        other => {
            type_issue(ctx, path, Msg::TypeTrueFalse, other);
            None
        }
    }
}

/// A string or a number, sent as a string.
pub(super) fn scalar(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    scalar_text(ctx, path, value).map(Value::String)
}

/// A uid: it may become a path segment, so nothing in it can change the
/// path.
pub(super) fn uid(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    let s = non_empty_str(ctx, path, value)?;
    check_len(ctx, path, s, 64)?;
    word(ctx, path, s)?;
    Some(take(value))
}
