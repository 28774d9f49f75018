//! Values made of others: objects by their table of fields, arrays of
//! items, the buttons of an interactive message. Each part is checked by
//! its own rule, at its own path (`list_data.sections.0.rows.3.title`).

use super::{check, unknown};
use crate::issue::{join_path, IssueCode};
use crate::json::{Map, Value};
use crate::messages::Msg;
use crate::request::Kind;
use crate::validate::schema::{self, Field, Rule, LABEL};
use crate::validate::values::{refuse, type_issue};
use crate::validate::Ctx;
use std::borrow::Cow;

/// The fields of `map` at `parent`: the table's in its order, then the
/// others in the caller's, which are the kind's numbered template
/// parameters at the top level (`parent` empty) or else unknown. Returns
/// the body of what is valid.
pub(in crate::validate) fn walk(
    ctx: &mut Ctx,
    parent: &str,
    map: &mut Map,
    fields: &'static [Field],
) -> Map {
    // One more for a default from_phone_number_id.
    let mut body = Map::with_capacity(map.len() + 1);
    // The table's order is the form's, so issues come in that order.
    for f in fields {
        let path = child(parent, f.name);
        match map.get_mut(f.name) {
            None | Some(Value::Null) => {
                if f.required {
                    required(ctx, &path, f.rule);
                }
            }
            Some(v) => {
                if let Some(out) = check_field(ctx, &path, f.rule, f.required, v) {
                    body.push(f.name.to_owned(), out);
                }
            }
        }
    }
    for (key, v) in map.iter_mut() {
        if v.is_null() || fields.iter().any(|f| f.name == key.as_str()) {
            continue;
        }
        // Numbered parameters are top-level keys only.
        let numbered = parent
            .is_empty()
            .then(|| schema::numbered(ctx.kind, key))
            .flatten();
        match numbered {
            Some(rule) => {
                if let Some(out) = check(ctx, &child(parent, key), rule, v) {
                    body.push(key.clone(), out);
                }
            }
            None => unknown::key(ctx, parent, key, fields),
        }
    }
    body
}

/// A path below `parent`, borrowed at the top level where most fields are.
fn child<'a>(parent: &str, key: &'a str) -> Cow<'a, str> {
    if parent.is_empty() {
        Cow::Borrowed(key)
    } else {
        Cow::Owned(join_path(parent, key))
    }
}

/// A present value: its rule, and a required field must not be sent empty.
pub(in crate::validate) fn check_field(
    ctx: &mut Ctx,
    path: &str,
    rule: Rule,
    required: bool,
    value: &mut Value,
) -> Option<Value> {
    let out = check(ctx, path, rule, value)?;
    if required && out == "" {
        return refuse(ctx, path, IssueCode::Required, Msg::NotEmpty);
    }
    Some(out)
}

/// A required field is missing; the bot switches say what leaving them out
/// would do.
pub(in crate::validate) fn required(ctx: &mut Ctx, path: &str, rule: Rule) {
    let message = if ctx.kind == Kind::AssignTeamMember && matches!(rule, Rule::Bool) {
        Msg::RequiredBot
    } else {
        Msg::Required
    };
    ctx.issue(path, IssueCode::Required, message);
}

/// An object with the fields of `fields`.
pub(super) fn object(
    ctx: &mut Ctx,
    path: &str,
    value: &mut Value,
    fields: &'static [Field],
) -> Option<Value> {
    let Value::Object(map) = value else {
        type_issue(ctx, path, Msg::TypeObject, value);
        return None;
    };
    Some(Value::Object(walk(ctx, path, map, fields)))
}

/// An array of `min` to `max` items of `item`; a string repeated is sent
/// once, as the server treats the uids as a set.
pub(super) fn list(
    ctx: &mut Ctx,
    path: &str,
    value: &mut Value,
    item: Rule,
    min: u16,
    max: u16,
) -> Option<Value> {
    let Value::Array(items) = value else {
        type_issue(ctx, path, Msg::TypeArray, value);
        return None;
    };
    count(ctx, path, items.len(), min, max)?;
    let mut out: Vec<Value> = Vec::with_capacity(items.len());
    let before = ctx.issues.len();
    for (i, v) in items.iter_mut().enumerate() {
        if let Some(o) = check(ctx, &join_path(path, &i.to_string()), item, v) {
            // Lists of strings are short uid lists: a linear search is enough.
            if o.as_str().is_none() || !out.iter().any(|x| x.as_str() == o.as_str()) {
                out.push(o);
            }
        }
    }
    (ctx.issues.len() == before).then_some(Value::Array(out))
}

/// `n` items where `min` to `max` belong.
fn count(ctx: &mut Ctx, path: &str, n: usize, min: u16, max: u16) -> Option<()> {
    let (min, max) = (usize::from(min), usize::from(max));
    if n == 0 && min > 0 {
        return refuse(ctx, path, IssueCode::Required, Msg::NotEmpty);
    }
    if n < min || n > max {
        return refuse(
            ctx,
            path,
            IssueCode::OutOfRange,
            Msg::RangeItems
                .with("min", min)
                .with("max", max)
                .with("count", n),
        );
    }
    Some(())
}

/// An object or an array whose values follow `item`, kept in its shape.
pub(super) fn values(ctx: &mut Ctx, path: &str, value: &mut Value, item: Rule) -> Option<Value> {
    let before = ctx.issues.len();
    let out = match value {
        Value::Object(map) => {
            let mut out = Map::with_capacity(map.len());
            for (key, v) in map.iter_mut().filter(|(_, v)| !v.is_null()) {
                if let Some(o) = check(ctx, &join_path(path, key), item, v) {
                    out.push(key.clone(), o);
                }
            }
            Value::Object(out)
        }
        Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, v) in items.iter_mut().enumerate() {
                out.extend(check(ctx, &join_path(path, &i.to_string()), item, v));
            }
            Value::Array(out)
        }
        other => {
            type_issue(ctx, path, Msg::TypeObjectOrArray, other);
            return None;
        }
    };
    (ctx.issues.len() == before).then_some(out)
}

/// Reply buttons: `{"1": …, "2": …, "3": …}` with `"1"` required, or an
/// array of 1 to 3 labels, sent as the object; labels are unique.
pub(super) fn buttons(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    let before = ctx.issues.len();
    let mut out = Map::new();
    match value {
        Value::Array(items) => {
            count(ctx, path, items.len(), 1, 3)?;
            for (i, v) in items.iter_mut().enumerate() {
                let at = join_path(path, &i.to_string());
                label(ctx, &at, v, (i + 1).to_string(), &mut out);
            }
        }
        Value::Object(map) => {
            if map.get("1").is_none_or(Value::is_null) {
                ctx.issue(
                    &join_path(path, "1"),
                    IssueCode::Required,
                    Msg::RequiredFirstButton,
                );
            }
            for (key, v) in map.iter_mut().filter(|(_, v)| !v.is_null()) {
                let at = join_path(path, key);
                if matches!(key.as_str(), "1" | "2" | "3") {
                    label(ctx, &at, v, key.clone(), &mut out);
                } else {
                    ctx.issue(&at, IssueCode::UnknownField, Msg::UnknownFieldButton);
                }
            }
        }
        other => {
            type_issue(ctx, path, Msg::TypeButtons, other);
            return None;
        }
    }
    (ctx.issues.len() == before).then_some(Value::Object(out))
}

/// One button's label at `path`, under `key` in `out`, unless another
/// button has it.
fn label(ctx: &mut Ctx, path: &str, value: &mut Value, key: String, out: &mut Map) {
    if let Some(l) = check(ctx, path, LABEL, value) {
        if out.values().any(|o| o.as_str() == l.as_str()) {
            ctx.issue(path, IssueCode::InvalidFormat, Msg::FormatRepeatedLabel);
        } else {
            out.push(key, l);
        }
    }
}
