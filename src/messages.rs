//! The text of validation issues and warnings, by key: the core reports a
//! [`Message`] (a key and its arguments) and the text is made from a table,
//! English here, another language's from a locale (`locales/*.json`, passed
//! as the `locale` option). `{path}` is the field's path in every message;
//! the other `{name}`s are the message's arguments.

use crate::json::{Map, Value};

macro_rules! messages {
    ($($id:ident $key:literal $en:literal,)*) => {
        /// A message of the tables.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum Msg { $(#[doc = concat!("`", $en, "`")] $id,)* }

        impl Msg {
            /// Every message, in table order.
            pub const ALL: &'static [Msg] = &[$(Msg::$id,)*];

            /// The message's key in a locale's `messages`.
            pub fn key(self) -> &'static str {
                match self { $(Msg::$id => $key,)* }
            }

            /// The English text, with its `{placeholders}`.
            pub fn english(self) -> &'static str {
                match self { $(Msg::$id => $en,)* }
            }
        }
    };
}

messages! {
    // Phrases that other messages take as arguments.
    TypeString "type.string" "a string",
    TypeObject "type.object" "an object",
    TypeArray "type.array" "an array",
    TypeNumber "type.number" "a number",
    TypeBoolean "type.boolean" "a boolean",
    TypeNull "type.null" "null",
    TypeTrueFalse "type.true_false" "true or false",
    TypeWholeNumber "type.whole_number" "a whole number",
    TypeOn "type.on" "true, false or \"on\"",
    TypeButtons "type.buttons" "an object of \"1\" to \"3\" or an array",
    TypeGroups "type.groups" "a comma-separated string or an array of strings",
    TypeCustomFields "type.custom_fields" "an object of custom field name to value",
    TypeObjectOrArray "type.object_or_array" "an object or an array",
    TypeHeaderFormat "type.header_format" "TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION",
    PartBody "part.body" "body",
    PartHeader "part.header" "header",
    PartTextHeader "part.text_header" "text header",
    PartUrlButton "part.url_button" "URL button",
    PartCopyCodeButton "part.copy_code_button" "copy-code button",
    PartDocument "part.document" "document",
    PartLocation "part.location" "location",

    Required "required" "{path} is required.",
    NotEmpty "required.not_empty" "{path} must not be empty.",
    RequiredBot "required.bot" "{path} is required: left out, the server turns this bot off for the contact.",
    RequiredFirstButton "required.first_button" "{path} is required: the first button.",
    RequiredLogUidOrWamid "required.log_uid_or_wamid" "log_uid or wamid is required.",
    RequiredUpdateField "required.update_field" "An update needs at least one field to change.",
    RequiredWith "required.with" "{path} is required with {other}.",
    RequiredWithLocation "required.with_location" "{path} is required with {other}: a location header needs all four location fields.",
    RequiredNoGaps "required.no_gaps" "{path} is required because {last} is given: body parameters are numbered from 1 without gaps.",
    RequiredWhen "required.when" "{path} is required when {selector} is {value}.",
    RequiredByTemplate "required.by_template" "{path} is required by the template's {part}.",

    InvalidType "invalid_type" "{path} must be {expected}; got {got}.",
    InvalidTypeRequest "invalid_type.request" "A {kind} request must be an object; got {got}.",
    InvalidTypeTemplate "invalid_type.template" "{path} must be {expected}, as in WhatsApp's template format.",

    PhonePlus "invalid_phone.plus" "{path} may have a + only at the start.",
    PhoneCharacter "invalid_phone.character" "{path} may contain only digits, spaces, dashes, dots, parentheses and a leading +; it contains \"{character}\".",
    PhoneNoDigits "invalid_phone.no_digits" "{path} has no digits.",
    PhoneNationalZero "invalid_phone.national_zero" "{path} starts with 0, a national prefix: write it with its country code (such as 919876543210) or set defaultCountryCode.",
    PhoneZeroAfterPrefix "invalid_phone.zero_after_prefix" "{path} has a 0 after the international prefix: write the country code there.",
    PhoneTooFewDigits "invalid_phone.too_few_digits" "{path} has too few digits ({count}); with its country code a number has {min} to {max}.",
    PhoneTooManyDigits "invalid_phone.too_many_digits" "{path} has too many digits ({count}); with its country code a number has at most {max}.",
    PhoneNoCountryCode "invalid_phone.country_code" "{path} does not start with a country calling code ({start}…): write the number with its country code, such as 919876543210.",
    PhoneTooShort "invalid_phone.too_short" "{path} is too short for a +{code} number: those have {expected} digits after the country code, not {count}.",
    PhoneTooLong "invalid_phone.too_long" "{path} is too long for a +{code} number: those have {expected} digits after the country code, not {count}.",
    PhoneNotOfCountry "invalid_phone.not_of_country" "{path} is not a +{code} number: no number there starts with these digits. If it is a national number, write its country code first.",
    PhoneSuggest "invalid_phone.suggest" "{path} is not a valid number as written; with the default country code it would be {suggestion}.",
    InvalidEmail "invalid_email" "{path} must be an e-mail address such as name@example.com.",
    InvalidUrl "invalid_url" "{path} must be an absolute http(s) URL that WhatsApp can fetch, such as https://example.com/photo.jpg.",
    InvalidChoice "invalid_choice" "{path} must be one of {choices}; got \"{got}\".",
    InvalidChoiceTemplate "invalid_choice.template" "{path} must be {expected}, as in the template; got {got}.",

    FormatPhoneNumberId "invalid_format.phone_number_id" "{path} must be the digits of a WhatsApp phone number id, such as 100000000000001.",
    FormatMember "invalid_format.member" "{path} must be the team member's e-mail, or mobile number in digits: the server never matches a username.",
    FormatWord "invalid_format.word" "{path} may contain only letters, digits, - and _.",
    FormatLanguageCode "invalid_format.language_code" "{path} may contain only letters, digits, - and _, such as en.",
    FormatCountry "invalid_format.country" "{path} must be a country name such as India when a contact is created (a dialling code works only on update).",
    FormatGroupComma "invalid_format.group_comma" "{parent} item {index} contains a comma, which separates group titles.",
    FormatFieldName "invalid_format.field_name" "{parent} has an empty field name.",
    FormatTemplateName "invalid_format.template_name" "{path} may contain only lower-case letters, digits and underscores, as WhatsApp names templates.",
    FormatTemplateLanguage "invalid_format.template_language" "{path} must be a WhatsApp language code such as en, en_US or pt_BR.",
    FormatTemplateLanguageDash "invalid_format.template_language_dash" "{path} must be a WhatsApp language code such as en, en_US or pt_BR (use an underscore: {fixed}).",
    FormatNewline "invalid_format.newline" "{path} must not contain a newline or a tab: WhatsApp refuses them in template parameters.",
    FormatSpaces "invalid_format.spaces" "{path} must not contain more than 4 spaces in a row: WhatsApp refuses them in template parameters.",
    FormatDecimal "invalid_format.decimal" "{path} must be a decimal number such as 22.22.",
    FormatTimezone "invalid_format.timezone" "{path} must be an IANA time zone such as Asia/Kolkata or UTC.",
    FormatDateTime "invalid_format.date_time" "{path} must be a date and time such as 2026-04-01T10:00 (YYYY-MM-DDTHH:MM[:SS]).",
    FormatRepeatedLabel "invalid_format.repeated_label" "{path} repeats a label: button labels must be unique.",

    TooLong "too_long" "{path} must be at most {max} characters; it has {count}.",
    TooLongGroupTitle "too_long.group_title" "{path} has a group title longer than {max} characters.",
    TooLongListRows "too_long.list_rows" "list_data has {count} rows; WhatsApp allows at most {max} in all sections together.",

    RangeItems "out_of_range.items" "{path} must have {min} to {max} items; it has {count}.",
    RangeCoordinate "out_of_range.coordinate" "{path} must be between -{limit} and {limit}.",
    RangeWholeNumber "out_of_range.whole_number" "{path} must be a whole number from 1 to {max}.",
    RangeExpireAt "out_of_range.expire_at" "expire_at must be after schedule_at.",

    UnknownField "unknown_field" "{path} is not a field of {owner}.",
    UnknownFieldSuggest "unknown_field.suggest" "{path} is not a field of {owner}; did you mean {suggestion}?",
    UnknownFieldUpdatePhone "unknown_field.update_phone" "phone_number is not a field of an update: the number goes in the path, as updateContact(phoneNumber, fields).",
    UnknownFieldUnusable "unknown_field.unusable" "{path} cannot be used with {kind}: the server cannot create a contact from this route. Create the contact first.",
    UnknownFieldButton "unknown_field.button" "{path} is not a button: the keys are 1, 2 and 3.",

    WarnHtml "html_stripped" "{path} contains \"<\" followed by text: the server strips HTML-like tags, so that part would be lost.",
    WarnGroupsCleared "groups_cleared" "groups is not set: the server removes the contact from all its groups on an update without groups.",
    WarnBlank "blank_clears_value" "{path} is empty: the server removes the contact's current value.",
    WarnIgnoredByRoute "ignored_field" "{path} is ignored by {kind}; it is left out.",
    WarnIgnoredWamid "ignored_field.wamid" "wamid is ignored when log_uid is given: the server looks the message up by log_uid.",
    WarnIgnoredCaption "ignored_field.caption" "caption is ignored for audio.",
    WarnIgnoredFileName "ignored_field.file_name" "file_name is used only for documents; it is ignored for {media}.",
    WarnIgnoredWhen "ignored_field.when" "{path} is ignored when {selector} is {value}.",
    WarnIgnoredByTemplate "ignored_field.template" "{path} is not used by the template {template}: the server ignores it.",
    WarnExtension "missing_extension" "file_name has no extension (such as .pdf); WhatsApp shows the name as given.",
    WarnInsecureUrl "insecure_url" "{path} is a plain http URL; WhatsApp fetches media over https in practice.",
    WarnSeveralHeaders "several_headers" "{names} and {last} are headers of different kinds: a template has one header at most, so the server uses the one the template has and ignores the others.",
    WarnHeaderFieldMissing "several_headers.missing" "{path} is not given: the server refuses the request if the template's header is the {header} one.",
}

/// An argument of a message: text as it is, or a phrase of the tables,
/// which a locale translates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// A value, a field name, a number.
    Text(String),
    /// A phrase of the tables (`a string`, `body`).
    Phrase(Msg),
}

impl Arg {
    /// The argument as text, a phrase in `locale`'s words (English without).
    fn text(&self, locale: Option<&Locale>) -> String {
        match self {
            Arg::Text(t) => t.clone(),
            Arg::Phrase(m) => locale.map_or_else(|| m.english().to_owned(), |l| l.phrase(*m)),
        }
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Text(n.to_string())
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Self {
        Arg::Phrase(m)
    }
}

/// A message to show: which one, and its arguments by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The message.
    pub id: Msg,
    /// Its `{name}`s other than `{path}`.
    pub args: Vec<(&'static str, Arg)>,
}

impl From<Msg> for Message {
    fn from(id: Msg) -> Self {
        Message {
            id,
            args: Vec::new(),
        }
    }
}

impl Msg {
    /// A phrase that other messages take as an argument, not a message of
    /// its own.
    pub fn is_phrase(self) -> bool {
        self.key().starts_with("type.") || self.key().starts_with("part.")
    }

    /// The message with its first argument.
    pub fn with(self, name: &'static str, value: impl Into<Arg>) -> Message {
        Message::from(self).with(name, value)
    }
}

impl Message {
    /// The message with one more argument.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The arguments as text, phrases in `locale`'s words.
    pub fn params(&self, locale: Option<&Locale>) -> Vec<(&'static str, String)> {
        self.args
            .iter()
            .map(|(name, arg)| (*name, arg.text(locale)))
            .collect()
    }

    /// The English text for the field at `path`.
    pub fn english(&self, path: &str) -> String {
        self.render(self.id.english(), path, None)
    }

    /// `template` with `{path}` and the arguments filled in, phrases in
    /// `locale`'s words. An unknown `{name}` stays as written.
    pub fn render(&self, template: &str, path: &str, locale: Option<&Locale>) -> String {
        let mut out = String::with_capacity(template.len() + path.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            rest = &rest[open..];
            let name_len = rest[1..]
                .bytes()
                .take_while(|b| b.is_ascii_lowercase() || *b == b'_')
                .count();
            let value = if rest.as_bytes().get(1 + name_len) == Some(&b'}') {
                let name = &rest[1..1 + name_len];
                if name == "path" {
                    Some(path.to_owned())
                } else {
                    self.args
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map(|(_, a)| a.text(locale))
                }
            } else {
                None
            };
            match value {
                Some(v) => {
                    out.push_str(&v);
                    rest = &rest[name_len + 2..];
                }
                None => {
                    out.push('{');
                    rest = &rest[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// The messages of another language, and a user's own wording, as the
/// `locale` and `messages` options give them. A message without a text here
/// stays English.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Locale {
    /// The locale's `messages`: key to text.
    pub messages: Map,
    /// The user's texts, by key (`too_long`) or by issue code, which covers
    /// every message of that code; they win over the locale's.
    pub overrides: Map,
}

impl Locale {
    /// The text of a message with the issue `code` at `path`.
    pub fn text(&self, message: &Message, code: &str, path: &str) -> String {
        let key = message.id.key();
        let template = [
            (&self.overrides, key),
            (&self.overrides, code),
            (&self.messages, key),
        ]
        .into_iter()
        .find_map(|(table, k)| table.get(k).and_then(Value::as_str))
        .unwrap_or(message.id.english());
        message.render(template, path, Some(self))
    }

    /// The text of a phrase argument: the user's, the locale's or English.
    pub fn phrase(&self, m: Msg) -> String {
        [&self.overrides, &self.messages]
            .into_iter()
            .find_map(|table| table.get(m.key()).and_then(Value::as_str))
            .unwrap_or(m.english())
            .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn english_fills_path_arguments_and_phrases() {
        let m = Msg::InvalidType
            .with("expected", Msg::TypeString)
            .with("got", Msg::TypeNumber);
        assert_eq!(
            m.english("contact.email"),
            "contact.email must be a string; got a number."
        );
        let m = Msg::RangeCoordinate.with("limit", 90usize);
        assert_eq!(
            m.english("location_latitude"),
            "location_latitude must be between -90 and 90."
        );
    }

    #[test]
    fn unknown_placeholders_and_lone_braces_stay_as_written() {
        let m = Message::from(Msg::Required);
        assert_eq!(
            m.render("{path} {nope} { {} {{path}}", "x", None),
            "x {nope} { {} {x}"
        );
    }

    #[test]
    fn a_locale_translates_phrases_and_overrides_win() {
        let locale = Locale {
            messages: match parse(r#"{"invalid_type":"{path} deve ser {expected}; veio {got}.","type.string":"um texto"}"#).unwrap() {
                Value::Object(m) => m,
                _ => unreachable!(),
            },
            overrides: Map::new(),
        };
        let m = Msg::InvalidType
            .with("expected", Msg::TypeString)
            .with("got", Msg::TypeNumber);
        // A phrase the locale lacks stays English.
        assert_eq!(
            locale.text(&m, "invalid_type", "nome"),
            "nome deve ser um texto; veio a number."
        );
        let empty = Message::from(Msg::NotEmpty);
        let mut by_code = locale.clone();
        by_code
            .overrides
            .push("required".to_owned(), "Falta {path}".into());
        assert_eq!(by_code.text(&empty, "required", "nome"), "Falta nome");
        let mut by_key = by_code.clone();
        by_key
            .overrides
            .push("required.not_empty".to_owned(), "{path} vazio".into());
        assert_eq!(by_key.text(&empty, "required", "nome"), "nome vazio");
    }

    #[test]
    fn a_users_text_of_a_phrase_is_used_in_every_message_that_takes_it() {
        let mut overrides = Map::new();
        overrides.push("type.string".to_owned(), "text".into());
        let locale = Locale {
            messages: Map::new(),
            overrides,
        };
        let m = Msg::InvalidType
            .with("expected", Msg::TypeString)
            .with("got", Msg::TypeNumber);
        assert_eq!(
            locale.text(&m, "invalid_type", "name"),
            "name must be text; got a number."
        );
        assert_eq!(
            m.params(Some(&locale)),
            [
                ("expected", "text".to_owned()),
                ("got", "a number".to_owned())
            ]
        );
    }

    #[test]
    fn keys_are_unique() {
        let mut keys: Vec<&str> = Msg::ALL.iter().map(|m| m.key()).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n);
    }
}
