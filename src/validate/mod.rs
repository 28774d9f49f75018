//! Client-side validation: every rule of the API checked before anything is
//! sent, all issues collected, and the payload normalised to exactly what
//! goes on the wire.
//!
//! [`schema`] says which fields a request has and the [`schema::Rule`] of
//! each; `rules/` holds one function a rule, in a file by what the fields
//! are for (`recipient`, `plain`, `media`, `contact`, `template`, and
//! `unknown` for keys the API does not read), with the rules across fields
//! beside them; `values.rs` reads values for the rules. This file walks a
//! request through them.

pub mod formats;
pub mod phone;
mod rules;
pub mod schema;
mod suggest;
mod values;

use crate::issue::{Issue, IssueCode, Warning, WarningCode};
use crate::json::{Map, Value};
use crate::request::Kind;
use rules::{check, contact, media, template, unknown};
use schema::Rule;
use values::type_name;

/// What validation may take from the client's options.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Replaces a national leading `0` in phone numbers (digits only).
    pub default_country_code: Option<String>,
    /// Used for `from_phone_number_id` when a send does not give one.
    pub from_phone_number_id: Option<String>,
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
    fn issue(&mut self, path: &str, code: IssueCode, message: String) {
        self.issues.push(Issue::new(path, code, message));
    }
    fn warn(&mut self, path: &str, code: WarningCode, message: String) {
        self.warnings.push(Warning {
            path: path.to_owned(),
            code,
            message,
        });
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
                format!(
                    "A {} request must be an object; got {}.",
                    kind.name(),
                    type_name(other)
                ),
            );
            Map::new()
        }
    };
    if ctx.issues.is_empty() {
        Ok(Valid {
            body,
            warnings: ctx.warnings,
        })
    } else {
        Err(Invalid {
            issues: ctx.issues,
            warnings: ctx.warnings,
        })
    }
}

/// Validates one field of a request, by its dotted path (`"contact.email"`,
/// `"field_3"`, `"custom_fields.BDay"`), as a form does on each keystroke.
/// Rules that join several fields are left to [`validate`]. For
/// `updateContact`, `phone_number` is the number in the path.
pub fn validate_field(kind: Kind, path: &str, value: &Value, options: &Options) -> Vec<Issue> {
    // The checks take strings out of what they accept.
    let value = &mut value.clone();
    let mut ctx = Ctx {
        kind,
        options,
        issues: Vec::new(),
        warnings: Vec::new(),
    };
    let (head, rest) = match path.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (path, None),
    };
    let found = if kind == Kind::UpdateContact && path == "phone_number" {
        Some((Rule::Phone, true))
    } else {
        schema::lookup(kind, head)
    };
    match (found, rest) {
        (Some((rule, required)), None) => check_present(&mut ctx, path, rule, required, value),
        (Some((Rule::Contact, _)), Some(sub)) => match sub.split_once('.') {
            Some(("custom_fields", name)) if !name.is_empty() => {
                contact::custom_value(&mut ctx, path, value)
            }
            Some(_) => unknown::path(&mut ctx, path),
            None => match schema::lookup_contact(sub) {
                Some(rule) => check_present(&mut ctx, path, rule, false, value),
                None => unknown::path(&mut ctx, path),
            },
        },
        (Some((Rule::CustomFields, _)), Some(name)) if !name.is_empty() => {
            contact::custom_value(&mut ctx, path, value)
        }
        _ => unknown::path(&mut ctx, path),
    }
    ctx.issues
}

fn check_present(ctx: &mut Ctx, path: &str, rule: Rule, required: bool, value: &mut Value) {
    if value.is_null() {
        if required {
            ctx.issue(path, IssueCode::Required, format!("{path} is required."));
        }
    } else {
        check(ctx, path, rule, value);
    }
}

fn check_object(ctx: &mut Ctx, map: &mut Map) -> Map {
    let kind = ctx.kind;
    // One more for a default from_phone_number_id.
    let mut body = Map::with_capacity(map.len() + 1);
    // Fixed fields in the API's order, so issues come in form order.
    for f in schema::fields(kind) {
        match map.get_mut(f.name) {
            None | Some(Value::Null) => {
                if f.required {
                    ctx.issue(
                        f.name,
                        IssueCode::Required,
                        format!("{} is required.", f.name),
                    );
                }
            }
            Some(v) => {
                if let Some(out) = check(ctx, f.name, f.rule, v) {
                    body.push(f.name.to_owned(), out);
                }
            }
        }
    }
    for (key, v) in map.iter_mut() {
        if schema::fields(kind).iter().any(|f| f.name == key.as_str()) || v.is_null() {
            continue;
        }
        match schema::lookup(kind, key) {
            Some((rule, _)) => {
                if let Some(out) = check(ctx, key, rule, v) {
                    body.push(key.clone(), out);
                }
            }
            None => unknown::key(ctx, "", key),
        }
    }
    if kind.is_send() && !body.contains_key("from_phone_number_id") {
        if let Some(id) = &ctx.options.from_phone_number_id {
            body.insert("from_phone_number_id".to_owned(), Value::String(id.clone()));
        }
    }
    match kind {
        Kind::SendMediaMessage => media::across_fields(ctx, &body),
        Kind::SendTemplateMessage => template::across_fields(ctx, map),
        Kind::UpdateContact => contact::update_across_fields(ctx, map, &body),
        _ => {}
    }
    body
}
