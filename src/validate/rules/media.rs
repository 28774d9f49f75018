//! Media: the URLs WhatsApp fetches (`media_url`, the template's header
//! media), and what a media message's type makes of its other fields.

use crate::issue::{IssueCode, WarningCode};
use crate::json::{Map, Value};
use crate::messages::Msg;
use crate::validate::schema::MEDIA_TYPES;
use crate::validate::values::{check_len, non_empty_str, take};
use crate::validate::{formats, Ctx};

/// An absolute http(s) URL; plain http is a warning.
pub(super) fn url(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<Value> {
    let s = non_empty_str(ctx, path, value)?;
    check_len(ctx, path, s, 2048)?;
    match formats::http_url(s) {
        Some(secure) => {
            if !secure {
                ctx.warn(path, WarningCode::InsecureUrl, Msg::WarnInsecureUrl);
            }
            Some(take(value))
        }
        None => {
            ctx.issue(path, IssueCode::InvalidUrl, Msg::InvalidUrl);
            None
        }
    }
}

/// Warnings on the fields `media_type` ignores: `caption` on audio,
/// `file_name` on anything but a document (where it wants an extension).
pub(in crate::validate) fn across_fields(ctx: &mut Ctx, body: &Map) {
    let Some(media) = body.get("media_type").and_then(Value::as_str) else {
        return;
    };
    debug_assert!(MEDIA_TYPES.contains(&media));
    if media == "audio" && body.get("caption").is_some_and(|c| c.as_str() != Some("")) {
        ctx.warn(
            "caption",
            WarningCode::IgnoredField,
            Msg::WarnIgnoredCaption,
        );
    }
    if let Some(name) = body.get("file_name").and_then(Value::as_str) {
        if media != "document" {
            ctx.warn(
                "file_name",
                WarningCode::IgnoredField,
                Msg::WarnIgnoredFileName.with("media", media),
            );
        } else if !name
            .rsplit_once('.')
            .is_some_and(|(stem, ext)| !stem.is_empty() && !ext.is_empty())
        {
            ctx.warn(
                "file_name",
                WarningCode::MissingExtension,
                Msg::WarnExtension,
            );
        }
    }
}
