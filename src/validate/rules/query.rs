//! The reads: page numbers and sizes, and which message a status is asked
//! for.

use crate::issue::{IssueCode, WarningCode};
use crate::json::{Map, Value};
use crate::messages::Msg;
use crate::validate::values::{present, refuse, take, type_issue};
use crate::validate::Ctx;

/// A whole number from 1 to `max`.
pub(super) fn count(ctx: &mut Ctx, path: &str, value: &mut Value, max: u32) -> Option<Value> {
    let Value::Number(n) = value else {
        type_issue(ctx, path, Msg::TypeWholeNumber, value);
        return None;
    };
    if !n
        .as_u64()
        .is_some_and(|n| (1..=u64::from(max)).contains(&n))
    {
        return refuse(
            ctx,
            path,
            IssueCode::OutOfRange,
            Msg::RangeWholeNumber.with("max", max as usize),
        );
    }
    Some(take(value))
}

/// One of `log_uid` and `wamid`; with both, the server looks up `log_uid`.
pub(in crate::validate) fn message_status(ctx: &mut Ctx, given: &Map) {
    let has = |k| present(given, k);
    match (has("log_uid"), has("wamid")) {
        (false, false) => ctx.issue("log_uid", IssueCode::Required, Msg::RequiredLogUidOrWamid),
        (true, true) => ctx.warn("wamid", WarningCode::IgnoredField, Msg::WarnIgnoredWamid),
        _ => {}
    }
}
