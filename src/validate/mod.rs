//! Client-side validation: every rule of the API checked before anything is
//! sent, all issues collected, and the payload normalised to exactly what
//! goes on the wire.
//!
//! [`schema`] says which fields a request has and the [`schema::Rule`] of
//! each; `rules/` holds one function a rule, in a file by what the fields
//! are for (`recipient`, `plain`, `media`, `contact`, `template`,
//! `campaign`, `query`, `shape` for objects and arrays, and `unknown` for
//! keys the API does not read), with the rules across fields beside them;
//! `values.rs` reads values for the rules. This file walks a request
//! through them.

pub mod formats;
pub mod phone;
mod rules;
pub mod schema;
mod suggest;
pub mod template_definition;
mod values;

use crate::issue::{Issue, IssueCode, Warning, WarningCode};
use crate::json::{Map, Value};
use crate::messages::{Locale, Message, Msg};
use crate::request::Kind;
use rules::{
    campaign, contact, interactive, media, query, shape, template, template_aware, unknown,
};
use schema::Rule;
use std::rc::Rc;
pub use template_definition::TemplateDefinition;
use values::type_name;

/// What validation may take from the client's options.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Replaces a national leading `0` in phone numbers (digits only).
    pub default_country_code: Option<String>,
    /// Used for `from_phone_number_id` when a send does not give one.
    pub from_phone_number_id: Option<String>,
    /// The definition of the template a request sends, to check the
    /// request against it.
    pub template: Option<TemplateDefinition>,
    /// The words of the messages: another language, the user's own.
    /// Shared, as every call of a client validates with the client's.
    pub locale: Option<Rc<Locale>>,
}

impl Options {
    /// These options over `defaults` (a client's): each one given wins. A
    /// locale of only the user's own texts keeps the defaults' language.
    pub fn over(self, defaults: Options) -> Options {
        let locale = match (self.locale, defaults.locale) {
            (Some(mut given), Some(default)) if given.messages.is_empty() => {
                Rc::make_mut(&mut given).messages = default.messages.clone();
                Some(given)
            }
            (given, default) => given.or(default),
        };
        Options {
            default_country_code: self.default_country_code.or(defaults.default_country_code),
            from_phone_number_id: self.from_phone_number_id.or(defaults.from_phone_number_id),
            template: self.template.or(defaults.template),
            locale,
        }
    }
}

/// A valid request: the body to send, and what deserves a second look.
#[derive(Clone, Debug, PartialEq)]
pub struct Valid {
    /// The normalised JSON body, exactly as it is sent.
    pub body: Map,
    /// Legal but probably unintended.
    pub warnings: Vec<Warning>,
}

/// An invalid request: every issue found, and the warnings so far.
#[derive(Clone, Debug, PartialEq)]
pub struct Invalid {
    /// Every problem, in field order.
    pub issues: Vec<Issue>,
    /// Warnings about the fields that were valid.
    pub warnings: Vec<Warning>,
}

struct Ctx<'a> {
    kind: Kind,
    options: &'a Options,
    issues: Vec<Issue>,
    warnings: Vec<Warning>,
}

impl Ctx<'_> {
    fn issue(&mut self, path: &str, code: IssueCode, message: impl Into<Message>) {
        self.issues.push(Issue::of(path, code, message));
    }
    fn warn(&mut self, path: &str, code: WarningCode, message: impl Into<Message>) {
        self.warnings.push(Warning::of(path, code, message));
    }

    /// The issues and warnings, in the locale's words.
    fn finish(mut self) -> (Vec<Issue>, Vec<Warning>) {
        let locale = self.options.locale.as_deref();
        self.issues.iter_mut().for_each(|i| i.localize(locale));
        self.warnings.iter_mut().for_each(|w| w.localize(locale));
        (self.issues, self.warnings)
    }
}

/// Validates a whole request of `kind` and returns the body to send.
pub fn validate(kind: Kind, payload: &Value, options: &Options) -> Result<Valid, Invalid> {
    validate_owned(kind, payload.clone(), options)
}

/// [`validate`] of a payload that is no longer needed: the body's strings
/// are moved out of it rather than copied.
pub fn validate_owned(kind: Kind, mut payload: Value, options: &Options) -> Result<Valid, Invalid> {
    let mut ctx = Ctx {
        kind,
        options,
        issues: Vec::new(),
        warnings: Vec::new(),
    };
    let body = match &mut payload {
        Value::Object(map) => check_object(&mut ctx, map),
        other => {
            ctx.issue(
                "",
                IssueCode::InvalidType,
                Msg::InvalidTypeRequest
                    .with("kind", kind.name())
                    .with("got", type_name(other)),
            );
            Map::new()
        }
    };
    let (issues, warnings) = ctx.finish();
    if issues.is_empty() {
        Ok(Valid { body, warnings })
    } else {
        Err(Invalid { issues, warnings })
    }
}

/// Validates one field of a request, by its dotted path (`"contact.email"`,
/// `"field_3"`, `"custom_fields.BDay"`), as a form does on each keystroke.
/// Rules that join several fields are left to [`validate`]. For
/// `updateContact`, `phone_number` is the number in the path.
pub fn validate_field(kind: Kind, path: &str, value: &Value, options: &Options) -> Vec<Issue> {
    let given = value;
    // The checks take strings out of what they accept.
    let value = &mut value.clone();
    let mut ctx = Ctx {
        kind,
        options,
        issues: Vec::new(),
        warnings: Vec::new(),
    };
    let found = if kind == Kind::UpdateContact && path == "phone_number" {
        Some((Rule::Phone, true))
    } else {
        let (head, rest) = match path.split_once('.') {
            Some((h, r)) => (h, Some(r)),
            None => (path, None),
        };
        schema::lookup(kind, head).and_then(|found| match rest {
            None => Some(found),
            Some(rest) => schema::resolve(found.0, rest),
        })
    };
    match found {
        Some((rule, required)) => {
            if value.is_null() {
                if required {
                    shape::required(&mut ctx, path, rule);
                }
            } else {
                shape::check_field(&mut ctx, path, rule, required, value);
            }
        }
        None => unknown::path(&mut ctx, path),
    }
    if let Some(template) = template_of(kind, options) {
        template_aware::field(&mut ctx, path, given, template);
    }
    ctx.finish().0
}

fn check_object(ctx: &mut Ctx, map: &mut Map) -> Map {
    let kind = ctx.kind;
    let mut body = shape::walk(ctx, "", map, schema::fields(kind));
    if kind.is_send() && !body.contains_key("from_phone_number_id") {
        if let Some(id) = &ctx.options.from_phone_number_id {
            body.insert("from_phone_number_id".to_owned(), Value::String(id.clone()));
        }
    }
    // The kinds with template parameters share the template's rules.
    if schema::takes_numbered(kind, "field_") {
        match template_of(kind, ctx.options) {
            Some(t) => template_aware::across_fields(ctx, map, &body, t),
            None => template::across_fields(ctx, map),
        }
    }
    match kind {
        Kind::SendMediaMessage => media::across_fields(ctx, &body),
        Kind::ScheduleCampaign => campaign::across_fields(ctx, &body),
        Kind::SendInteractiveMessage => interactive::across_fields(ctx, map, &body),
        Kind::GetMessageStatus => query::message_status(ctx, map),
        Kind::UpdateContact => contact::update_across_fields(ctx, map, &body),
        _ => {}
    }
    body
}

/// The template definition of the options, for the kinds that send one.
fn template_of(kind: Kind, options: &Options) -> Option<&TemplateDefinition> {
    options
        .template
        .as_ref()
        .filter(|_| schema::takes_numbered(kind, "field_"))
}
