//! One function a [`Rule`], grouped by what the fields are for: the
//! recipient and sender, plain values, media, contact details, template
//! parameters, values made of others (`shape`), campaigns, interactive
//! messages, reads; and the rules that join several fields of a request.

pub(super) mod campaign;
pub(super) mod contact;
pub(super) mod interactive;
pub(super) mod media;
mod plain;
pub(super) mod query;
mod recipient;
pub(super) mod shape;
pub(super) mod template;
pub(super) mod template_aware;
pub(super) mod unknown;

use super::schema::Rule;
use super::Ctx;
use crate::json::Value;

/// Checks one present, non-null value; records issues and returns the
/// normalised value when it is valid, moving strings out of `value` (which
/// stays non-null: the rules across fields still see it as given). A value
/// that means "not given" (a blank `from_phone_number_id`, a `false` flag)
/// is `None` without an issue, so it stays out of the body.
pub(super) fn check(ctx: &mut Ctx, path: &str, rule: Rule, value: &mut Value) -> Option<Value> {
    match rule {
        Rule::Phone => recipient::phone(ctx, path, value),
        Rule::PhoneNumberId => recipient::phone_number_id(ctx, path, value),
        Rule::PhoneOrEmail => recipient::phone_or_email(ctx, path, value),
        Rule::Member => recipient::member(ctx, path, value),
        Rule::Text { max, non_blank } => plain::text(ctx, path, value, max, non_blank),
        Rule::Choice(choices) => plain::choice(ctx, path, value, choices),
        Rule::Url => media::url(ctx, path, value),
        Rule::Email => contact::email(ctx, path, value),
        Rule::TemplateName => template::name(ctx, path, value),
        Rule::TemplateLanguage => template::language(ctx, path, value),
        Rule::LanguageCode => contact::language_code(ctx, path, value),
        Rule::Country { create } => contact::country(ctx, path, value, create),
        Rule::Groups => contact::groups(ctx, path, value),
        Rule::CustomFields => contact::custom_fields(ctx, path, value),
        Rule::Bool => plain::boolean(ctx, path, value),
        Rule::TemplateText { max } => template::text(ctx, path, value, max),
        Rule::Coordinate { limit } => template::coordinate(ctx, path, value, limit),
        Rule::CopyCode => template::copy_code(ctx, path, value),
        Rule::Scalar => plain::scalar(ctx, path, value),
        Rule::Count { max } => query::count(ctx, path, value, max),
        Rule::Uid => plain::uid(ctx, path, value),
        Rule::Object(fields) => shape::object(ctx, path, value, fields),
        Rule::List { item, min, max } => shape::list(ctx, path, value, *item, min, max),
        Rule::Values(item) => shape::values(ctx, path, value, *item),
        Rule::Buttons => shape::buttons(ctx, path, value),
        Rule::Timezone => campaign::timezone(ctx, path, value),
        Rule::DateTime => campaign::date_time(ctx, path, value),
        Rule::On => campaign::on(ctx, path, value),
        Rule::Ignored => unknown::ignored(ctx, path),
        Rule::Unusable => unknown::unusable(ctx, path),
    }
}
