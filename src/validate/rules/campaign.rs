//! Campaigns: the time zone, the two dates and the two checkbox flags of
//! `scheduleCampaign`.

use crate::issue::IssueCode;
use crate::json::{Map, Value};
use crate::messages::Msg;
use crate::validate::values::{expect_str, non_empty_str, refuse, take, type_issue};
use crate::validate::{formats, Ctx};

/// An IANA time zone such as `Asia/Kolkata` or `UTC`; its form only, as the
/// full list would outweigh the rest of the module.
pub(super) fn timezone(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    let s = non_empty_str(ctx, path, value)?;
    if !formats::is_timezone(s) {
        return refuse(ctx, path, IssueCode::InvalidFormat, Msg::FormatTimezone);
    }
    Some(take(value))
}

/// `YYYY-MM-DDTHH:MM[:SS]`, a real date and time; empty means now.
pub(super) fn date_time(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    let s = expect_str(ctx, path, value)?;
    if !s.is_empty() && formats::date_time_key(s).is_none() {
        return refuse(ctx, path, IssueCode::InvalidFormat, Msg::FormatDateTime);
    }
    Some(take(value))
}

/// A checkbox: `"on"` or `true` is sent as `"on"`; `false` is left out, as
/// an unticked box is.
pub(super) fn on(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    match value {
        Value::Bool(false) => None,
        Value::Bool(true) => Some("on".into()),
        Value::String(s) if s == "on" => Some("on".into()),
        other => {
            type_issue(ctx, path, Msg::TypeOn, other);
            None
        }
    }
}

/// `expire_at` after `schedule_at`, when both are dates.
pub(in crate::validate) fn across_fields(ctx: &mut Ctx, body: &Map) {
    let key = |k| {
        body.get(k)
            .and_then(Value::as_str)
            .and_then(formats::date_time_key)
    };
    if let (Some(start), Some(end)) = (key("schedule_at"), key("expire_at")) {
        if end <= start {
            ctx.issue("expire_at", IssueCode::OutOfRange, Msg::RangeExpireAt);
        }
    }
}
