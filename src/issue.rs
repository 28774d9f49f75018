//! Validation issues and warnings: what the client reports about a request
//! before anything is sent.

use crate::json::{ObjectWriter, ToJson};
use crate::messages::{Locale, Message};

/// Why a field was refused. Serialised in `snake_case` (`"invalid_phone"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IssueCode {
    /// A required field is missing, `null` or blank.
    Required,
    /// The value has the wrong JSON type (a number where a string belongs).
    InvalidType,
    /// A phone number that cannot be normalised to 9–15 digits with a country code.
    InvalidPhone,
    /// Not an e-mail address.
    InvalidEmail,
    /// Not an absolute http(s) URL.
    InvalidUrl,
    /// Not one of the allowed values.
    InvalidChoice,
    /// The right type, but not the expected shape.
    InvalidFormat,
    /// Longer than the API or WhatsApp accepts.
    TooLong,
    /// A number outside its range.
    OutOfRange,
    /// A key the API does not have.
    UnknownField,
}

impl IssueCode {
    /// Every code, in the order of the enum: the TypeScript union is
    /// generated from it.
    pub const ALL: [Self; 10] = [
        Self::Required,
        Self::InvalidType,
        Self::InvalidPhone,
        Self::InvalidEmail,
        Self::InvalidUrl,
        Self::InvalidChoice,
        Self::InvalidFormat,
        Self::TooLong,
        Self::OutOfRange,
        Self::UnknownField,
    ];

    /// The code as it appears in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::InvalidType => "invalid_type",
            Self::InvalidPhone => "invalid_phone",
            Self::InvalidEmail => "invalid_email",
            Self::InvalidUrl => "invalid_url",
            Self::InvalidChoice => "invalid_choice",
            Self::InvalidFormat => "invalid_format",
            Self::TooLong => "too_long",
            Self::OutOfRange => "out_of_range",
            Self::UnknownField => "unknown_field",
        }
    }
}

/// One problem with one field. `path` is dotted (`"contact.email"`); the
/// empty path means the whole payload. Equal issues have the same path,
/// code and message.
#[derive(Clone, Debug)]
pub struct Issue {
    /// Dotted path of the field, with the API's own key names.
    pub path: String,
    /// Machine-readable reason.
    pub code: IssueCode,
    /// A sentence naming the field and what to fix, English unless the
    /// issue was [`Issue::localize`]d.
    pub message: String,
    /// What `message` was made from, for another language.
    pub source: Option<Message>,
}

impl Issue {
    /// Builds an issue.
    pub fn new(path: impl Into<String>, code: IssueCode, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            code,
            message: message.into(),
            source: None,
        }
    }
}

/// Something legal that probably does not do what the caller means; the
/// request is still sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WarningCode {
    /// The server strips `<…>` from text, so part of it would be lost.
    HtmlStripped,
    /// An update without `groups` removes the contact from all its groups.
    GroupsCleared,
    /// A blank value removes what the contact had.
    BlankClearsValue,
    /// A field that the server ignores for this media type.
    IgnoredField,
    /// A document file name without an extension.
    MissingExtension,
    /// A plain-http URL; WhatsApp fetches media over https in practice.
    InsecureUrl,
    /// Several template header kinds at once (`header_image` with
    /// `header_video`, ...): the server uses the one the template has and
    /// ignores the rest. The path is the second kind's field. A header of
    /// them that lacks a field (`header_document_name`, a `location_*`) gets
    /// this code too, at the missing field: it matters only if the template
    /// uses that header.
    SeveralHeaders,
}

/// A warning about a valid request. Equal warnings have the same path,
/// code and message.
#[derive(Clone, Debug)]
pub struct Warning {
    /// Dotted path of the field.
    pub path: String,
    /// Machine-readable reason.
    pub code: WarningCode,
    /// A sentence explaining the consequence, English unless localized.
    pub message: String,
    /// What `message` was made from, for another language.
    pub source: Option<Message>,
}

/// What issues and warnings share: equality by path, code and message, a
/// message from the tables, and its other languages.
macro_rules! reported {
    ($type:ident, $code:ident) => {
        impl PartialEq for $type {
            fn eq(&self, other: &Self) -> bool {
                self.path == other.path && self.code == other.code && self.message == other.message
            }
        }

        impl Eq for $type {}

        impl $type {
            /// One whose message comes from the tables, in English.
            pub fn of(path: impl Into<String>, code: $code, message: impl Into<Message>) -> Self {
                let (path, message) = (path.into(), message.into());
                Self {
                    message: message.english(&path),
                    path,
                    code,
                    source: Some(message),
                }
            }

            /// The message in `locale`'s words, when there is one and the
            /// message comes from the tables.
            pub fn localize(&mut self, locale: Option<&Locale>) {
                if let (Some(locale), Some(m)) = (locale, &self.source) {
                    self.message = locale.text(m, self.code.as_str(), &self.path);
                }
            }
        }
    };
}

reported!(Issue, IssueCode);
reported!(Warning, WarningCode);

impl WarningCode {
    /// Every code, in the order of the enum: the TypeScript union is
    /// generated from it.
    pub const ALL: [Self; 7] = [
        Self::HtmlStripped,
        Self::GroupsCleared,
        Self::BlankClearsValue,
        Self::IgnoredField,
        Self::MissingExtension,
        Self::InsecureUrl,
        Self::SeveralHeaders,
    ];

    /// The code as it appears in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::HtmlStripped => "html_stripped",
            Self::GroupsCleared => "groups_cleared",
            Self::BlankClearsValue => "blank_clears_value",
            Self::IgnoredField => "ignored_field",
            Self::MissingExtension => "missing_extension",
            Self::InsecureUrl => "insecure_url",
            Self::SeveralHeaders => "several_headers",
        }
    }
}

/// `{ path, code, message }`, the JSON shape of issues and warnings alike.
fn write_entry(out: &mut String, path: &str, code: &str, message: &str) {
    ObjectWriter::new(out)
        .field("path", path)
        .field("code", code)
        .field("message", message)
        .end();
}

impl ToJson for Issue {
    fn write_json(&self, out: &mut String) {
        write_entry(out, &self.path, self.code.as_str(), &self.message);
    }
}

impl ToJson for Warning {
    fn write_json(&self, out: &mut String) {
        write_entry(out, &self.path, self.code.as_str(), &self.message);
    }
}

/// Display a field path the way messages name it.
pub(crate) fn join_path(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        let mut p = String::with_capacity(parent.len() + 1 + key.len());
        p.push_str(parent);
        p.push('.');
        p.push_str(key);
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The `match`es stop compiling when a variant is added, so `ALL` cannot
    // miss one.
    fn issue_position(code: IssueCode) -> usize {
        match code {
            IssueCode::Required => 0,
            IssueCode::InvalidType => 1,
            IssueCode::InvalidPhone => 2,
            IssueCode::InvalidEmail => 3,
            IssueCode::InvalidUrl => 4,
            IssueCode::InvalidChoice => 5,
            IssueCode::InvalidFormat => 6,
            IssueCode::TooLong => 7,
            IssueCode::OutOfRange => 8,
            IssueCode::UnknownField => 9,
        }
    }

    fn warning_position(code: WarningCode) -> usize {
        match code {
            WarningCode::HtmlStripped => 0,
            WarningCode::GroupsCleared => 1,
            WarningCode::BlankClearsValue => 2,
            WarningCode::IgnoredField => 3,
            WarningCode::MissingExtension => 4,
            WarningCode::InsecureUrl => 5,
            WarningCode::SeveralHeaders => 6,
        }
    }

    #[test]
    fn all_lists_every_code_once_in_order() {
        let issues: Vec<usize> = IssueCode::ALL.into_iter().map(issue_position).collect();
        assert_eq!(issues, (0..IssueCode::ALL.len()).collect::<Vec<_>>());
        let warnings: Vec<usize> = WarningCode::ALL.into_iter().map(warning_position).collect();
        assert_eq!(warnings, (0..WarningCode::ALL.len()).collect::<Vec<_>>());
    }
}
