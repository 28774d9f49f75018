//! Client-side validation: every rule of the API checked before anything is
//! sent, all issues collected, and the payload normalised to exactly what
//! goes on the wire.

pub mod formats;
pub mod phone;
pub mod schema;
mod suggest;

use crate::json::{Map, Value};

use crate::issue::{join_path, Issue, IssueCode, Warning, WarningCode};
use crate::request::Kind;
use formats::CoordinateError;
use schema::{Rule, MEDIA_TYPES};

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
                check_custom_value(&mut ctx, path, value)
            }
            Some(_) => unknown_path(&mut ctx, path),
            None => match schema::lookup_contact(sub) {
                Some(rule) => check_present(&mut ctx, path, rule, false, value),
                None => unknown_path(&mut ctx, path),
            },
        },
        (Some((Rule::CustomFields, _)), Some(name)) if !name.is_empty() => {
            check_custom_value(&mut ctx, path, value)
        }
        _ => unknown_path(&mut ctx, path),
    }
    ctx.issues
}

fn unknown_path(ctx: &mut Ctx, path: &str) {
    let kind = ctx.kind.name();
    ctx.issue(
        path,
        IssueCode::UnknownField,
        format!("{path} is not a field of {kind}."),
    );
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
            None => unknown_key(ctx, "", key),
        }
    }
    if kind.is_send() && !body.contains_key("from_phone_number_id") {
        if let Some(id) = &ctx.options.from_phone_number_id {
            body.insert("from_phone_number_id".to_owned(), Value::String(id.clone()));
        }
    }
    match kind {
        Kind::SendMediaMessage => media_rules(ctx, &body),
        Kind::SendTemplateMessage => template_rules(ctx, map),
        Kind::UpdateContact => update_rules(ctx, map, &body),
        _ => {}
    }
    body
}

fn unknown_key(ctx: &mut Ctx, parent: &str, key: &str) {
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

/// Checks one present, non-null value; records issues and returns the
/// normalised value when it is valid, moving strings out of `value` (which
/// stays non-null: the rules across fields still see it as given).
fn check(ctx: &mut Ctx, path: &str, rule: Rule, value: &mut Value) -> Option<Value> {
    match rule {
        Rule::Phone => {
            let s = expect_str(ctx, path, value)?;
            let cc = ctx.options.default_country_code.as_deref();
            match phone::normalize(s, cc, path) {
                Ok(n) => {
                    if let Some((code, min, max)) = phone::unusual_length(&n) {
                        let digits = if min == max {
                            min.to_string()
                        } else {
                            format!("{min} to {max}")
                        };
                        ctx.warn(
                            path,
                            WarningCode::UnusualLength,
                            format!(
                                "{path} reads as a +{code} number, but those have {digits} digits with the country code, not {}: if it is a national number, write its country code first.",
                                n.len()
                            ),
                        );
                    }
                    Some(Value::String(n))
                }
                Err(issue) => {
                    ctx.issues.push(issue);
                    None
                }
            }
        }
        Rule::PhoneNumberId => {
            let s = scalar_text(ctx, path, value)?;
            if s.is_empty() || s.len() > 32 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return refuse(ctx, path, IssueCode::InvalidFormat, format!("{path} must be the digits of a WhatsApp phone number id, such as 100000000000001."));
            }
            Some(Value::String(s))
        }
        Rule::Text { max, non_blank } => {
            let s = expect_str(ctx, path, value)?;
            if non_blank && s.trim().is_empty() {
                let code = IssueCode::Required;
                ctx.issue(path, code, format!("{path} must not be empty."));
                return None;
            }
            check_len(ctx, path, s, max)?;
            if !path.contains('.') && formats::has_html_like_tag(s) {
                ctx.warn(
                    path,
                    WarningCode::HtmlStripped,
                    format!("{path} contains \"<\" followed by text: the server strips HTML-like tags, so that part would be lost."),
                );
            }
            if s.is_empty() && ctx.kind == Kind::UpdateContact {
                blank_warning(ctx, path);
            }
            Some(take(value))
        }
        Rule::Choice(choices) => {
            let s = expect_str(ctx, path, value)?;
            if !choices.contains(&s) {
                let list = choices.join(", ");
                return refuse(
                    ctx,
                    path,
                    IssueCode::InvalidChoice,
                    format!("{path} must be one of {list}; got \"{}\".", excerpt(s)),
                );
            }
            Some(take(value))
        }
        Rule::Url => {
            let s = non_empty_str(ctx, path, value)?;
            check_len(ctx, path, s, 2048)?;
            match formats::http_url(s) {
                Some(secure) => {
                    if !secure {
                        ctx.warn(
                            path,
                            WarningCode::InsecureUrl,
                            format!("{path} is a plain http URL; WhatsApp fetches media over https in practice."),
                        );
                    }
                    Some(take(value))
                }
                None => {
                    ctx.issue(
                        path,
                        IssueCode::InvalidUrl,
                        format!("{path} must be an absolute http(s) URL that WhatsApp can fetch, such as https://example.com/photo.jpg."),
                    );
                    None
                }
            }
        }
        Rule::Email => {
            let s = expect_str(ctx, path, value)?;
            if s.is_empty() && ctx.kind == Kind::UpdateContact {
                blank_warning(ctx, path);
                return Some(Value::String(String::new()));
            }
            check_len(ctx, path, s, schema::EMAIL_MAX)?;
            if !formats::is_email(s) {
                return refuse(
                    ctx,
                    path,
                    IssueCode::InvalidEmail,
                    format!("{path} must be an e-mail address such as name@example.com."),
                );
            }
            Some(take(value))
        }
        Rule::TemplateName => {
            let s = non_empty_str(ctx, path, value)?;
            check_len(ctx, path, s, schema::TEMPLATE_NAME_MAX)?;
            if !formats::is_template_name(s) {
                return refuse(ctx, path, IssueCode::InvalidFormat, format!("{path} may contain only lower-case letters, digits and underscores, as WhatsApp names templates."));
            }
            Some(take(value))
        }
        Rule::TemplateLanguage => {
            let s = non_empty_str(ctx, path, value)?;
            if !formats::is_template_language(s) {
                let hint = if s.contains('-') {
                    format!(" (use an underscore: {})", excerpt(&s.replace('-', "_")))
                } else {
                    String::new()
                };
                return refuse(
                    ctx,
                    path,
                    IssueCode::InvalidFormat,
                    format!(
                        "{path} must be a WhatsApp language code such as en, en_US or pt_BR{hint}."
                    ),
                );
            }
            Some(take(value))
        }
        Rule::LanguageCode => {
            let s = expect_str(ctx, path, value)?;
            if s.is_empty() && ctx.kind == Kind::UpdateContact {
                blank_warning(ctx, path);
                return Some(Value::String(String::new()));
            }
            check_len(ctx, path, s, 35)?;
            if !formats::is_language_code(s) {
                return refuse(
                    ctx,
                    path,
                    IssueCode::InvalidFormat,
                    format!("{path} may contain only letters, digits, - and _, such as en."),
                );
            }
            Some(take(value))
        }
        Rule::Country { create } => {
            let s = expect_str(ctx, path, value)?;
            check_len(ctx, path, s, schema::NAME_MAX)?;
            if s.is_empty() && ctx.kind == Kind::UpdateContact {
                blank_warning(ctx, path);
            }
            if create && (s.bytes().any(|b| b.is_ascii_digit()) || s.trim().is_empty()) {
                return refuse(ctx, path, IssueCode::InvalidFormat, format!("{path} must be a country name such as India when a contact is created (a dialling code works only on update)."));
            }
            Some(take(value))
        }
        Rule::Groups => check_groups(ctx, path, value),
        Rule::CustomFields => {
            let Value::Object(map) = value else {
                type_issue(ctx, path, "an object of custom field name to value", value);
                return None;
            };
            let mut out = Map::with_capacity(map.len());
            for (name, v) in map.iter_mut() {
                // The field's path is built only for an issue: most fields have none.
                if name.trim().is_empty() {
                    ctx.issue(
                        &join_path(path, name),
                        IssueCode::InvalidFormat,
                        format!("{path} has an empty field name."),
                    );
                    continue;
                }
                if v.is_null() {
                    continue;
                }
                match scalar(v) {
                    Some(text) => out.push(std::mem::take(name), Value::String(text)),
                    None => type_issue(ctx, &join_path(path, name), "a string", v),
                }
            }
            Some(Value::Object(out))
        }
        Rule::Bool => match value {
            Value::Bool(b) => Some(Value::Bool(*b)),
            other => {
                type_issue(ctx, path, "true or false", other);
                None
            }
        },
        Rule::Contact => {
            let Value::Object(map) = value else {
                type_issue(ctx, path, "an object of contact details", value);
                return None;
            };
            let mut out = Map::with_capacity(map.len());
            for (key, v) in map.iter_mut() {
                if v.is_null() {
                    continue;
                }
                match schema::lookup_contact(key) {
                    Some(rule) => {
                        if let Some(o) = check(ctx, &join_path(path, key), rule, v) {
                            out.push(std::mem::take(key), o);
                        }
                    }
                    None => unknown_key(ctx, path, key),
                }
            }
            Some(Value::Object(out))
        }
        Rule::TemplateText { max } => {
            let s = scalar_text(ctx, path, value)?;
            not_blank(ctx, path, &s)?;
            check_len(ctx, path, &s, max)?;
            if s.contains(['\n', '\t', '\r']) {
                return refuse(ctx, path, IssueCode::InvalidFormat, format!("{path} must not contain a newline or a tab: WhatsApp refuses them in template parameters."));
            }
            if s.contains("     ") {
                return refuse(ctx, path, IssueCode::InvalidFormat, format!("{path} must not contain more than 4 spaces in a row: WhatsApp refuses them in template parameters."));
            }
            if formats::has_html_like_tag(&s) {
                ctx.warn(
                    path,
                    WarningCode::HtmlStripped,
                    format!("{path} contains \"<\" followed by text: the server strips HTML-like tags, so that part would be lost."),
                );
            }
            Some(Value::String(s))
        }
        Rule::Coordinate { limit } => {
            let s = scalar_text(ctx, path, value)?;
            if formats::has_placeholder(&s) {
                return Some(Value::String(s));
            }
            match formats::decimal_coordinate(&s, limit) {
                Ok(c) => Some(Value::String(c)),
                Err(CoordinateError::Format) => {
                    ctx.issue(
                        path,
                        IssueCode::InvalidFormat,
                        format!("{path} must be a decimal number such as 22.22."),
                    );
                    None
                }
                Err(CoordinateError::Range) => {
                    ctx.issue(
                        path,
                        IssueCode::OutOfRange,
                        format!("{path} must be between -{limit} and {limit}."),
                    );
                    None
                }
            }
        }
        Rule::CopyCode => {
            let s = scalar_text(ctx, path, value)?;
            if s.is_empty() {
                return refuse(
                    ctx,
                    path,
                    IssueCode::Required,
                    format!("{path} must not be empty."),
                );
            }
            if formats::has_placeholder(&s) {
                return Some(Value::String(s));
            }
            check_len(ctx, path, &s, schema::COPY_CODE_MAX)?;
            if !formats::is_copy_code(&s) {
                return refuse(
                    ctx,
                    path,
                    IssueCode::InvalidFormat,
                    format!("{path} may contain only letters, digits, - and _."),
                );
            }
            Some(Value::String(s))
        }
    }
}

fn check_groups(ctx: &mut Ctx, path: &str, value: &Value) -> Option<Value> {
    let mut titles: Vec<&str> = Vec::new();
    match value {
        Value::String(s) => titles.extend(s.split(',')),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                match item {
                    Value::String(s) if s.contains(',') => ctx.issue(
                        &join_path(path, &i.to_string()),
                        IssueCode::InvalidFormat,
                        format!("{path} item {i} contains a comma, which separates group titles."),
                    ),
                    Value::String(s) => titles.push(s),
                    other => type_issue(ctx, &join_path(path, &i.to_string()), "a string", other),
                }
            }
        }
        other => {
            type_issue(
                ctx,
                path,
                "a comma-separated string or an array of strings",
                other,
            );
            return None;
        }
    }
    let mut out = String::new();
    for title in titles.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        if title.chars().count() > schema::EMAIL_MAX {
            return refuse(
                ctx,
                path,
                IssueCode::TooLong,
                format!(
                    "{path} has a group title longer than {} characters.",
                    schema::EMAIL_MAX
                ),
            );
        }
        if !out.is_empty() {
            out.push(',');
        }
        out.push_str(title);
    }
    if out.is_empty() && ctx.kind == Kind::UpdateContact {
        blank_warning(ctx, path);
    }
    Some(Value::String(out))
}

fn check_custom_value(ctx: &mut Ctx, path: &str, value: &mut Value) {
    if !value.is_null() {
        scalar_text(ctx, path, value);
    }
}

fn media_rules(ctx: &mut Ctx, body: &Map) {
    let Some(media) = body.get("media_type").and_then(Value::as_str) else {
        return;
    };
    debug_assert!(MEDIA_TYPES.contains(&media));
    if media == "audio" && body.get("caption").is_some_and(|c| c.as_str() != Some("")) {
        ctx.warn(
            "caption",
            WarningCode::IgnoredField,
            "caption is ignored for audio.".to_owned(),
        );
    }
    if let Some(name) = body.get("file_name").and_then(Value::as_str) {
        if media != "document" {
            ctx.warn(
                "file_name",
                WarningCode::IgnoredField,
                format!("file_name is used only for documents; it is ignored for {media}."),
            );
        } else if !name
            .rsplit_once('.')
            .is_some_and(|(stem, ext)| !stem.is_empty() && !ext.is_empty())
        {
            ctx.warn(
                "file_name",
                WarningCode::MissingExtension,
                "file_name has no extension (such as .pdf); WhatsApp shows the name as given."
                    .to_owned(),
            );
        }
    }
}

/// Rules across template fields. `given` is the request as the caller wrote
/// it: a field that is present but invalid already has its own issue and must
/// not also be reported missing.
fn template_rules(ctx: &mut Ctx, given: &Map) {
    // null means absent.
    let present = |key: &str| given.get(key).is_some_and(|v| !v.is_null());
    // Body parameters are positional: a gap shifts every later value.
    let numbers: Vec<usize> = given
        .iter()
        .filter(|(_, v)| !v.is_null())
        .filter_map(|(k, _)| schema::template_numbered(k))
        .filter(|(prefix, _, _)| *prefix == "field_")
        .map(|(_, n, _)| n as usize)
        .collect();
    // A presence table rather than a sort: numbers are at most 4 digits.
    if let Some(&max) = numbers.iter().max() {
        let mut seen = vec![false; max + 1];
        for &n in &numbers {
            seen[n] = true;
        }
        let missing = (1..max).filter(|&n| !seen.get(n).copied().unwrap_or(false));
        for n in missing {
            let path = format!("field_{n}");
            ctx.issue(
                &path,
                IssueCode::Required,
                format!("{path} is required because field_{max} is given: body parameters are numbered from 1 without gaps."),
            );
        }
    }
    if present("header_document") && !present("header_document_name") {
        ctx.issue(
            "header_document_name",
            IssueCode::Required,
            "header_document_name is required with header_document.".to_owned(),
        );
    }
    const LOCATION: [&str; 4] = [
        "location_latitude",
        "location_longitude",
        "location_name",
        "location_address",
    ];
    if let Some(first) = LOCATION.iter().find(|k| present(k)) {
        for key in LOCATION.iter().filter(|k| !present(k)) {
            ctx.issue(
                key,
                IssueCode::Required,
                format!("{key} is required with {first}: a location header needs all four location fields."),
            );
        }
    }
    let headers: Vec<&str> = [
        "header_image",
        "header_video",
        "header_document",
        "header_field_1",
        "location_latitude",
    ]
    .into_iter()
    .filter(|k| present(k))
    .collect();
    if let [first, rest @ ..] = headers.as_slice() {
        for other in rest {
            ctx.issue(
                other,
                IssueCode::InvalidFormat,
                format!("{other} cannot be given with {first}: a template has at most one header."),
            );
        }
    }
}

fn update_rules(ctx: &mut Ctx, given: &Map, body: &Map) {
    if body.is_empty() && given.values().all(Value::is_null) {
        ctx.issue(
            "",
            IssueCode::Required,
            "An update needs at least one field to change.".to_owned(),
        );
        return;
    }
    if !body.contains_key("groups") {
        ctx.warn(
            "groups",
            WarningCode::GroupsCleared,
            "groups is not set: the server removes the contact from all its groups on an update without groups.".to_owned(),
        );
    }
}

fn blank_warning(ctx: &mut Ctx, path: &str) {
    ctx.warn(
        path,
        WarningCode::BlankClearsValue,
        format!("{path} is empty: the server removes the contact's current value."),
    );
}

fn check_len(ctx: &mut Ctx, path: &str, s: &str, max: usize) -> Option<()> {
    // Byte length bounds the character count; count only when it could exceed.
    if s.len() > max {
        let n = s.chars().count();
        if n > max {
            return refuse(
                ctx,
                path,
                IssueCode::TooLong,
                format!("{path} must be at most {max} characters; it has {n}."),
            );
        }
    }
    Some(())
}

/// Records an issue of the field being checked, which then has no value.
fn refuse<T>(ctx: &mut Ctx, path: &str, code: IssueCode, message: String) -> Option<T> {
    ctx.issue(path, code, message);
    None
}

/// A string with more than whitespace in it.
fn non_empty_str<'v>(ctx: &mut Ctx, path: &str, value: &'v Value) -> Option<&'v str> {
    let s = expect_str(ctx, path, value)?;
    not_blank(ctx, path, s)?;
    Some(s)
}

/// `Some(())` when `s` has more than whitespace; else a `required` issue.
fn not_blank(ctx: &mut Ctx, path: &str, s: &str) -> Option<()> {
    if s.trim().is_empty() {
        return refuse(
            ctx,
            path,
            IssueCode::Required,
            format!("{path} must not be empty."),
        );
    }
    Some(())
}

fn expect_str<'v>(ctx: &mut Ctx, path: &str, value: &'v Value) -> Option<&'v str> {
    match value {
        Value::String(s) => Some(s),
        other => {
            type_issue(ctx, path, "a string", other);
            None
        }
    }
}

/// A string, or a finite number written as the server would read it; a
/// string is moved out of `value`.
fn scalar_text(ctx: &mut Ctx, path: &str, value: &mut Value) -> Option<String> {
    let text = scalar(value);
    if text.is_none() {
        type_issue(ctx, path, "a string", value);
    }
    text
}

/// [`scalar_text`] without the issue, for a caller that builds the path
/// only when there is one.
fn scalar(value: &mut Value) -> Option<String> {
    match value {
        Value::String(s) => Some(std::mem::take(s)),
        Value::Number(n) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

/// The accepted value itself, moved out; what stays is non-null, so the
/// request still has the field for the rules across fields.
fn take(value: &mut Value) -> Value {
    std::mem::replace(value, Value::Bool(true))
}

fn type_issue(ctx: &mut Ctx, path: &str, expected: &str, got: &Value) {
    let got = type_name(got);
    ctx.issue(
        path,
        IssueCode::InvalidType,
        format!("{path} must be {expected}; got {got}."),
    );
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The start of a long value, for messages.
fn excerpt(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}
