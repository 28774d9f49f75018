//! Who a request is about: the `phone_number` of every request,
//! `from_phone_number_id`, a contact by number or e-mail, a team member.

use super::contact;
use crate::issue::IssueCode;
use crate::json::Value;
use crate::messages::Msg;
use crate::validate::values::{expect_str, non_empty_str, refuse, scalar_text, take};
use crate::validate::{phone, Ctx};

/// A phone number, normalised to international digits.
pub(super) fn phone(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    let s = expect_str(ctx, path, value)?;
    let cc = ctx.options.default_country_code.as_deref();
    match phone::normalize(s, cc, path) {
        Ok(n) => Some(Value::String(n)),
        Err(issue) => {
            ctx.issues.push(issue);
            None
        }
    }
}

/// The sender's WhatsApp business phone number id: digits only. A blank one
/// is not given: the server reads `from_phone_number_id ?: default`, so it
/// is left out and the client's default may take its place.
pub(super) fn phone_number_id(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    let s = scalar_text(ctx, path, value)?;
    if s.trim().is_empty() {
        return None;
    }
    if s.len() > 32 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return refuse(
            ctx,
            path,
            IssueCode::InvalidFormat,
            Msg::FormatPhoneNumberId,
        );
    }
    Some(Value::String(s))
}

/// A contact's e-mail (anything with an `@`) or phone number, normalised as
/// the server matches it exactly.
pub(super) fn phone_or_email(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    if expect_str(ctx, path, value)?.contains('@') {
        contact::email(ctx, path, value)
    } else {
        phone(ctx, path, value)
    }
}

/// A team member: the server matches an e-mail, or the mobile number when
/// the value is numeric, so a username can never match.
pub(super) fn member(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    let s = non_empty_str(ctx, path, value)?;
    if s.contains('@') {
        return contact::email(ctx, path, value);
    }
    let digits = s.strip_prefix('+').unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return refuse(ctx, path, IssueCode::InvalidFormat, Msg::FormatMember);
    }
    Some(take(value))
}
