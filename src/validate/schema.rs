//! The fields of each request, as the API names them, with the rule each one
//! follows. This table is the single description of the requests: validation
//! walks it and the TypeScript declarations are generated from it.

use crate::request::Kind;

/// How a field's value is checked and normalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// A phone number, normalised to international digits.
    Phone,
    /// A WhatsApp business phone number id (digits).
    PhoneNumberId,
    /// A string of at most `max` characters; `non_blank` refuses `""`.
    Text {
        /// Longest accepted, in characters.
        max: usize,
        /// Whether `""` and whitespace are refused.
        non_blank: bool,
    },
    /// One of a fixed set of strings.
    Choice(&'static [&'static str]),
    /// An absolute http(s) URL.
    Url,
    /// An e-mail address.
    Email,
    /// A template name.
    TemplateName,
    /// A template language code.
    TemplateLanguage,
    /// A contact language code.
    LanguageCode,
    /// A country name (`create`) or name, ISO code or dialling code.
    Country {
        /// Whether only a name is accepted (contact creation).
        create: bool,
    },
    /// Comma-separated group titles, or an array of them.
    Groups,
    /// An object of custom field name → value.
    CustomFields,
    /// `true` or `false`.
    Bool,
    /// The nested `contact{}` of the send endpoints.
    Contact,
    /// A template text parameter (`field_N`, `header_field_N`, `button_N`)
    /// of at most `max` characters.
    TemplateText {
        /// Longest accepted, in characters.
        max: usize,
    },
    /// A coordinate within ±`limit`, sent as a decimal string.
    Coordinate {
        /// 90 for latitude, 180 for longitude.
        limit: u32,
    },
    /// A copy-code button value.
    CopyCode,
}

/// One named field.
#[derive(Debug)]
pub struct Field {
    /// The API's key.
    pub name: &'static str,
    /// How its value is checked.
    pub rule: Rule,
    /// Whether it must be present.
    pub required: bool,
    /// One line for the generated TypeScript documentation; left out of the
    /// wasm build, which never shows it.
    #[cfg(not(target_arch = "wasm32"))]
    pub doc: &'static str,
}

#[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
const fn field(name: &'static str, rule: Rule, required: bool, doc: &'static str) -> Field {
    Field {
        name,
        rule,
        required,
        #[cfg(not(target_arch = "wasm32"))]
        doc,
    }
}

/// `message_body` limit: WhatsApp's cap on a text message.
pub const MESSAGE_BODY_MAX: usize = 4096;
/// `caption` limit: WhatsApp's cap on a media caption.
pub const CAPTION_MAX: usize = 1024;
/// Contact names.
pub const NAME_MAX: usize = 150;
/// E-mail address and each group title.
pub const EMAIL_MAX: usize = 255;
/// Template name.
pub const TEMPLATE_NAME_MAX: usize = 512;
/// Text header parameter.
pub const HEADER_TEXT_MAX: usize = 60;
/// Copy-code button value.
pub const COPY_CODE_MAX: usize = 15;
/// Body and button parameters: WhatsApp's cap on a template body.
pub const TEMPLATE_TEXT_MAX: usize = 1024;
/// Free-text fields without a documented limit (names of files, places).
pub const TEXT_MAX: usize = 1024;

/// The media types the API knows.
pub const MEDIA_TYPES: &[&str] = &["image", "video", "audio", "document"];

const FROM: Field = field(
    "from_phone_number_id",
    Rule::PhoneNumberId,
    false,
    "The sending WhatsApp business number id; defaults to the client's `fromPhoneNumberId`, then to the vendor's default number. Empty counts as not given.",
);
const PHONE: Field = field(
    "phone_number",
    Rule::Phone,
    true,
    "The recipient with country code; `+`, spaces, dashes and a leading `00` are removed.",
);
const CONTACT: Field = field(
    "contact",
    Rule::Contact,
    false,
    "Creates the contact with these details if it does not exist yet.",
);
const FIRST_NAME: Field = field(
    "first_name",
    Rule::Text {
        max: NAME_MAX,
        non_blank: false,
    },
    false,
    "At most 150 characters.",
);
const LAST_NAME: Field = field(
    "last_name",
    Rule::Text {
        max: NAME_MAX,
        non_blank: false,
    },
    false,
    "At most 150 characters.",
);
const EMAIL: Field = field(
    "email",
    Rule::Email,
    false,
    "A valid e-mail address of at most 255 characters.",
);
const LANGUAGE_CODE: Field = field(
    "language_code",
    Rule::LanguageCode,
    false,
    "Letters, digits, `-` and `_`, such as `en`.",
);
const GROUPS: Field = field(
    "groups",
    Rule::Groups,
    false,
    "Group titles, comma-separated or as an array; spaces around commas are removed.",
);
const CUSTOM_FIELDS: Field = field(
    "custom_fields",
    Rule::CustomFields,
    false,
    "Custom field name → value; names the vendor has not defined are ignored by the server.",
);
const COUNTRY_NAME: Field = field(
    "country",
    Rule::Country { create: true },
    false,
    "A country name, such as `India`.",
);

/// `contact{}` of the send endpoints.
pub const CONTACT_FIELDS: &[Field] = &[
    FIRST_NAME,
    LAST_NAME,
    EMAIL,
    COUNTRY_NAME,
    LANGUAGE_CODE,
    GROUPS,
    CUSTOM_FIELDS,
];

const SEND_MESSAGE: &[Field] = &[
    FROM,
    PHONE,
    field(
        "message_body",
        Rule::Text {
            max: MESSAGE_BODY_MAX,
            non_blank: true,
        },
        true,
        "The text, 1 to 4096 characters. The server strips `<…>` tags from it.",
    ),
    CONTACT,
];

const SEND_MEDIA_MESSAGE: &[Field] = &[
    FROM,
    PHONE,
    field(
        "media_type",
        Rule::Choice(MEDIA_TYPES),
        true,
        "One of `image`, `video`, `audio`, `document`.",
    ),
    field(
        "media_url",
        Rule::Url,
        true,
        "An absolute URL WhatsApp's servers can fetch (https in practice).",
    ),
    field(
        "caption",
        Rule::Text {
            max: CAPTION_MAX,
            non_blank: false,
        },
        false,
        "At most 1024 characters; used for image, video and document, ignored for audio.",
    ),
    field(
        "file_name",
        Rule::Text {
            max: EMAIL_MAX,
            non_blank: true,
        },
        false,
        "The file name shown for a document, with its extension.",
    ),
    CONTACT,
];

const SEND_TEMPLATE_MESSAGE: &[Field] = &[
    FROM,
    PHONE,
    field(
        "template_name",
        Rule::TemplateName,
        true,
        "Lower-case letters, digits and `_`, at most 512 characters.",
    ),
    field(
        "template_language",
        Rule::TemplateLanguage,
        true,
        "A WhatsApp language code such as `en`, `en_US`, `pt_BR`.",
    ),
    field(
        "header_image",
        Rule::Url,
        false,
        "URL of the image of an image header.",
    ),
    field(
        "header_video",
        Rule::Url,
        false,
        "URL of the video of a video header.",
    ),
    field(
        "header_document",
        Rule::Url,
        false,
        "URL of the document of a document header; needs `header_document_name`.",
    ),
    field(
        "header_document_name",
        Rule::Text {
            max: EMAIL_MAX,
            non_blank: true,
        },
        false,
        "File name of the document header.",
    ),
    field(
        "location_latitude",
        Rule::Coordinate { limit: 90 },
        false,
        "Latitude of a location header, −90 to 90; sent as a decimal string (`22` → `\"22.0\"`).",
    ),
    field(
        "location_longitude",
        Rule::Coordinate { limit: 180 },
        false,
        "Longitude of a location header, −180 to 180; sent as a decimal string.",
    ),
    field(
        "location_name",
        Rule::Text {
            max: TEXT_MAX,
            non_blank: true,
        },
        false,
        "Name of the place of a location header.",
    ),
    field(
        "location_address",
        Rule::Text {
            max: TEXT_MAX,
            non_blank: true,
        },
        false,
        "Address of the place of a location header.",
    ),
    field(
        "copy_code",
        Rule::CopyCode,
        false,
        "Value of a copy-code button: letters, digits, `-`, `_`, at most 15.",
    ),
    CONTACT,
];

const CREATE_CONTACT: &[Field] = &[
    PHONE,
    FIRST_NAME,
    LAST_NAME,
    EMAIL,
    COUNTRY_NAME,
    LANGUAGE_CODE,
    GROUPS,
    CUSTOM_FIELDS,
];

const UPDATE_CONTACT: &[Field] = &[
    FIRST_NAME,
    LAST_NAME,
    EMAIL,
    field(
        "country",
        Rule::Country { create: false },
        false,
        "A country name, ISO code or dialling code (`India`, `IN`, `91`).",
    ),
    LANGUAGE_CODE,
    field(
        "whatsapp_opt_out",
        Rule::Bool,
        false,
        "Whether the contact opted out of WhatsApp messages.",
    ),
    field(
        "enable_ai_bot",
        Rule::Bool,
        false,
        "Whether the AI bot answers this contact.",
    ),
    field(
        "groups",
        Rule::Groups,
        false,
        "Group titles. An update without `groups` removes the contact from all its groups.",
    ),
    CUSTOM_FIELDS,
];

/// The fixed fields of a request kind.
pub fn fields(kind: Kind) -> &'static [Field] {
    match kind {
        Kind::SendMessage => SEND_MESSAGE,
        Kind::SendMediaMessage => SEND_MEDIA_MESSAGE,
        Kind::SendTemplateMessage => SEND_TEMPLATE_MESSAGE,
        Kind::CreateContact => CREATE_CONTACT,
        Kind::UpdateContact => UPDATE_CONTACT,
        _ => &[],
    }
}

/// Numbered template parameters: prefix, lowest number, rule.
pub const TEMPLATE_NUMBERED: &[(&str, u32, Rule)] = &[
    (
        "field_",
        1,
        Rule::TemplateText {
            max: TEMPLATE_TEXT_MAX,
        },
    ),
    (
        "header_field_",
        1,
        Rule::TemplateText {
            max: HEADER_TEXT_MAX,
        },
    ),
    (
        "button_",
        0,
        Rule::TemplateText {
            max: TEMPLATE_TEXT_MAX,
        },
    ),
];

/// Documentation of [`TEMPLATE_NUMBERED`], in the same order.
#[cfg(not(target_arch = "wasm32"))]
pub const TEMPLATE_NUMBERED_DOCS: [&str; 3] = [
    "Body parameter `{{N}}`, numbered from 1 without gaps.",
    "Text header parameter, at most 60 characters.",
    "Variable of the URL button at this 0-based position among all buttons.",
];

/// For a numbered template key (`field_3`), its prefix entry and number.
pub fn template_numbered(key: &str) -> Option<(&'static str, u32, Rule)> {
    TEMPLATE_NUMBERED.iter().find_map(|&(prefix, min, rule)| {
        let n = key.strip_prefix(prefix)?;
        // No sign, no leading zero: `field_01` is not a key the server reads.
        if n.is_empty()
            || n.len() > 4
            || !n.bytes().all(|b| b.is_ascii_digit())
            || (n.len() > 1 && n.starts_with('0'))
        {
            return None;
        }
        let n: u32 = n.parse().ok()?;
        (n >= min).then_some((prefix, n, rule))
    })
}

/// The rule of a key in a kind, fixed or numbered.
pub fn lookup(kind: Kind, key: &str) -> Option<(Rule, bool)> {
    if let Some(f) = fields(kind).iter().find(|f| f.name == key) {
        return Some((f.rule, f.required));
    }
    if kind == Kind::SendTemplateMessage {
        return template_numbered(key).map(|(_, _, rule)| (rule, false));
    }
    None
}

/// The rule of a `contact{}` key.
pub fn lookup_contact(key: &str) -> Option<Rule> {
    CONTACT_FIELDS
        .iter()
        .find(|f| f.name == key)
        .map(|f| f.rule)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_template_keys() {
        assert_eq!(template_numbered("field_1").map(|t| t.1), Some(1));
        assert_eq!(template_numbered("field_12").map(|t| t.1), Some(12));
        assert_eq!(template_numbered("button_0").map(|t| t.1), Some(0));
        assert_eq!(
            template_numbered("header_field_1").map(|t| t.0),
            Some("header_field_")
        );
        for bad in [
            "field_0",
            "field_",
            "field_01",
            "field_1a",
            "field1",
            "button_-1",
            "field_99999",
        ] {
            assert_eq!(template_numbered(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_kind_has_unique_keys() {
        for kind in Kind::ALL {
            let names: Vec<_> = fields(kind).iter().map(|f| f.name).collect();
            let mut sorted = names.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), names.len(), "{kind:?}");
        }
    }
}
