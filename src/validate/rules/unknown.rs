//! Keys and paths a request does not have, with the closest known key as a
//! suggestion, and the keys a route ignores or cannot use.

use crate::issue::{join_path, IssueCode, WarningCode};
use crate::json::Value;
use crate::messages::Msg;
use crate::request::Kind;
use crate::validate::schema::{self, Field};
use crate::validate::{suggest, Ctx};

/// A key of the request (`parent` empty) or of an object in it that the API
/// does not read; `fields` are the object's.
pub(in crate::validate) fn key(ctx: &mut Ctx, parent: &str, key: &str, fields: &[Field]) {
    let path = join_path(parent, key);
    let kind = ctx.kind;
    let message = if kind == Kind::UpdateContact && parent.is_empty() && key == "phone_number" {
        Msg::UnknownFieldUpdatePhone.into()
    } else {
        let known: Vec<&str> = fields.iter().map(|f| f.name).collect();
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
                parent.is_empty() && schema::takes_numbered(kind, "field_"),
            )
        } else {
            None
        };
        match suggestion {
            Some(s) => Msg::UnknownFieldSuggest
                .with("owner", owner)
                .with("suggestion", join_path(parent, &s)),
            None => Msg::UnknownField.with("owner", owner),
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
        Msg::UnknownField.with("owner", kind),
    );
}

/// A key the route reads nowhere: left out of the body, with a warning.
pub(super) fn ignored(ctx: &mut Ctx, path: &str) -> Option<Value> {
    let kind = ctx.kind.name();
    ctx.warn(
        path,
        WarningCode::IgnoredField,
        Msg::WarnIgnoredByRoute.with("kind", kind),
    );
    None
}

/// A key the route cannot use: the server fails on it.
pub(super) fn unusable(ctx: &mut Ctx, path: &str) -> Option<Value> {
    let kind = ctx.kind.name();
    ctx.issue(
        path,
        IssueCode::UnknownField,
        Msg::UnknownFieldUnusable.with("kind", kind),
    );
    None
}
