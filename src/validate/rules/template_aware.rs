//! The checks a template's definition makes possible: exactly the
//! parameters the server will require, a name and language that match, and
//! a warning for each parameter it will ignore. They replace the guesses of
//! `template::across_fields`, which has no definition to go by.

use crate::issue::{IssueCode, WarningCode};
use crate::json::{Map, Value};
use crate::messages::Msg;
use crate::validate::template_definition::TemplateDefinition;
use crate::validate::values::excerpt;
use crate::validate::{schema, Ctx};

/// The template parameters that are not numbered.
const NAMED: [&str; 9] = [
    "header_image",
    "header_video",
    "header_document",
    "header_document_name",
    "location_latitude",
    "location_longitude",
    "location_name",
    "location_address",
    "copy_code",
];

/// Rules across the fields of a request with the template it sends.
/// `given` is the request as written (its accepted strings moved to
/// `body`); a field that already has an issue is not reported again.
pub(in crate::validate) fn across_fields(
    ctx: &mut Ctx,
    given: &Map,
    body: &Map,
    template: &TemplateDefinition,
) {
    for key in ["template_name", "template_language"] {
        if let Some(value) = body.get(key) {
            field(ctx, key, value, template);
        }
    }
    for (key, _) in &template.required {
        field(ctx, key, given.get(key).unwrap_or(&Value::Null), template);
    }
    let ignored = given.iter().filter(|(k, v)| {
        !v.is_null()
            && (NAMED.contains(&k.as_str()) || schema::template_numbered(k).is_some())
            && !template.uses(k)
    });
    for (key, _) in ignored {
        ctx.warn(
            key,
            WarningCode::IgnoredField,
            Msg::WarnIgnoredByTemplate.with("template", template.name.as_str()),
        );
    }
}

/// One field against the template: a required one left empty, a name or
/// language other than the template's.
pub(in crate::validate) fn field(
    ctx: &mut Ctx,
    path: &str,
    value: &Value,
    template: &TemplateDefinition,
) {
    if has_issue(ctx, path) {
        return;
    }
    let expected = match path {
        "template_name" => &template.name,
        "template_language" => &template.language,
        _ => {
            if value.is_null() {
                if let Some((_, part)) = template.required.iter().find(|(k, _)| k == path) {
                    ctx.issue(
                        path,
                        IssueCode::Required,
                        Msg::RequiredByTemplate.with("part", *part),
                    );
                }
            }
            return;
        }
    };
    if let Some(s) = value.as_str().filter(|s| s != expected) {
        ctx.issue(
            path,
            IssueCode::InvalidChoice,
            Msg::InvalidChoiceTemplate
                .with("expected", expected.as_str())
                .with("got", excerpt(s)),
        );
    }
}

fn has_issue(ctx: &Ctx, path: &str) -> bool {
    ctx.issues.iter().any(|i| i.path == path)
}
