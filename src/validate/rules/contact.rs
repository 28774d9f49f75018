//! Contact details: the fields of `contact{}`, `createContact` and
//! `updateContact` (e-mail, language, country, groups, custom fields), and
//! what an update as a whole must carry.

use crate::issue::{join_path, IssueCode, WarningCode};
use crate::json::{Map, Value};
use crate::messages::Msg;
use crate::request::Kind;
use crate::validate::values::{check_len, expect_str, refuse, scalar, take, type_issue};
use crate::validate::{formats, schema, Ctx};

/// An e-mail address; blank on an update, which clears it.
pub(super) fn email(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    let s = expect_str(ctx, path, value)?;
    if s.is_empty() && ctx.kind == Kind::UpdateContact {
        blank_warning(ctx, path);
        return Some(Value::String(String::new()));
    }
    check_len(ctx, path, s, schema::EMAIL_MAX)?;
    if !formats::is_email(s) {
        return refuse(ctx, path, IssueCode::InvalidEmail, Msg::InvalidEmail);
    }
    Some(take(value))
}

/// The contact's `language_code`; blank on an update, which clears it.
pub(super) fn language_code(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    let s = expect_str(ctx, path, value)?;
    if s.is_empty() && ctx.kind == Kind::UpdateContact {
        blank_warning(ctx, path);
        return Some(Value::String(String::new()));
    }
    check_len(ctx, path, s, 35)?;
    if !formats::is_language_code(s) {
        return refuse(ctx, path, IssueCode::InvalidFormat, Msg::FormatLanguageCode);
    }
    Some(take(value))
}

/// A country name; on an update (`create` false) also an ISO or dialling
/// code, which the server looks up.
pub(super) fn country(ctx: &mut Ctx, path: &str, value: &mut Value, create: bool) -> Option<Value> {
    let s = expect_str(ctx, path, value)?;
    check_len(ctx, path, s, schema::NAME_MAX)?;
    if s.is_empty() && ctx.kind == Kind::UpdateContact {
        blank_warning(ctx, path);
    }
    if create && (s.bytes().any(|b| b.is_ascii_digit()) || s.trim().is_empty()) {
        return refuse(ctx, path, IssueCode::InvalidFormat, Msg::FormatCountry);
    }
    Some(take(value))
}

/// Group (or label) titles, comma-separated or an array, sent trimmed and
/// joined.
pub(super) fn groups(ctx: &mut Ctx, path: &str, value: &Value) -> Option<Value> {
    let mut titles: Vec<&str> = Vec::new();
    match value {
        Value::String(s) => titles.extend(s.split(',')),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                match item {
                    Value::String(s) if s.contains(',') => ctx.issue(
                        &join_path(path, &i.to_string()),
                        IssueCode::InvalidFormat,
                        Msg::FormatGroupComma.with("parent", path).with("index", i),
                    ),
                    Value::String(s) => titles.push(s),
                    other => type_issue(
                        ctx,
                        &join_path(path, &i.to_string()),
                        Msg::TypeString,
                        other,
                    ),
                }
            }
        }
        other => {
            type_issue(ctx, path, Msg::TypeGroups, other);
            return None;
        }
    }
    let mut out = String::new();
    for title in titles.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        if title.chars().count() > schema::EMAIL_MAX {
            return refuse(
                ctx,
                path,
                IssueCode::TooLong,
                Msg::TooLongGroupTitle.with("max", schema::EMAIL_MAX),
            );
        }
        if !out.is_empty() {
            out.push(',');
        }
        out.push_str(title);
    }
    if out.is_empty() && ctx.kind == Kind::UpdateContact {
        blank_warning(ctx, path);
    }
    Some(Value::String(out))
}

/// `custom_fields`: an object of field name to a string or number.
pub(super) fn custom_fields(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    let Value::Object(map) = value else {
        type_issue(ctx, path, Msg::TypeCustomFields, value);
        return None;
    };
    let mut out = Map::with_capacity(map.len());
    for (name, v) in map.iter_mut() {
        // The field's path is built only for an issue: most fields have none.
        if name.trim().is_empty() {
            ctx.issue(
                &join_path(path, name),
                IssueCode::InvalidFormat,
                Msg::FormatFieldName.with("parent", path),
            );
            continue;
        }
        if v.is_null() {
            continue;
        }
        match scalar(v) {
            Some(text) => out.push(std::mem::take(name), Value::String(text)),
            None => type_issue(ctx, &join_path(path, name), Msg::TypeString, v),
        }
    }
    Some(Value::Object(out))
}

/// An update must change something, and one without `groups` empties the
/// contact's groups.
pub(in crate::validate) fn update_across_fields(ctx: &mut Ctx, given: &Map, body: &Map) {
    if body.is_empty() && given.values().all(Value::is_null) {
        ctx.issue("", IssueCode::Required, Msg::RequiredUpdateField);
        return;
    }
    if !body.contains_key("groups") {
        ctx.warn("groups", WarningCode::GroupsCleared, Msg::WarnGroupsCleared);
    }
}

/// A blank value on an update is legal, but the server clears the field.
pub(super) fn blank_warning(ctx: &mut Ctx, path: &str) {
    ctx.warn(path, WarningCode::BlankClearsValue, Msg::WarnBlank);
}
