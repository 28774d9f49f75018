//! Keys and paths a request does not have, with the closest known key as a
//! suggestion.

use crate::issue::{join_path, IssueCode};
use crate::request::Kind;
use crate::validate::{schema, suggest, Ctx};

/// A key of the request (`parent` empty) or of its `contact{}` that the
/// API does not read.
pub(in crate::validate) fn key(ctx: &mut Ctx, parent: &str, key: &str) {
    let path = join_path(parent, key);
    let kind = ctx.kind;
    let message = if kind == Kind::UpdateContact && parent.is_empty() && key == "phone_number" {
        "phone_number is not a field of an update: the number goes in the path, as updateContact(phoneNumber, fields).".to_owned()
    } else {
        let known: Vec<&str> = if parent.is_empty() {
            schema::fields(kind).iter().map(|f| f.name).collect()
        } else {
            schema::CONTACT_FIELDS.iter().map(|f| f.name).collect()
        };
        let owner = if parent.is_empty() {
            kind.name()
        } else {
            parent
        };
        // Suggestions cost a string distance per known key: past a hundred
        // issues the payload is not a typo, and the work is skipped.
        let suggestion = if ctx.issues.len() < 100 {
            suggest::closest(
                key,
                &known,
                kind == Kind::SendTemplateMessage && parent.is_empty(),
            )
        } else {
            None
        };
        match suggestion {
            Some(s) => format!(
                "{path} is not a field of {owner}; did you mean {}?",
                join_path(parent, &s)
            ),
            None => format!("{path} is not a field of {owner}."),
        }
    };
    ctx.issue(&path, IssueCode::UnknownField, message);
}

/// A dotted path given to `validate_field` that the request does not have.
pub(in crate::validate) fn path(ctx: &mut Ctx, path: &str) {
    let kind = ctx.kind.name();
    ctx.issue(
        path,
        IssueCode::UnknownField,
        format!("{path} is not a field of {kind}."),
    );
}
