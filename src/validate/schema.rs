//! The fields of each request, as the API names them, with the rule each one
//! follows. This table is the single description of the requests: validation
//! walks it and the TypeScript declarations are generated from it. The rows
//! are in one file a family: `sends`, `contacts`, `campaigns`, `queries`.

mod campaigns;
mod contacts;
mod queries;
mod sends;

use crate::request::Kind;
pub use contacts::CONTACT_FIELDS;
pub use queries::PAGE_SIZE_MAX;
pub use sends::{
    CARD_BUTTON_TYPES, CARD_MEDIA_TYPES, HEADER_TYPES, INTERACTIVE_TYPES, LIST_ROWS_MAX,
};

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
    /// Comma-separated titles, or an array of them, sent comma-separated.
    Groups,
    /// An object of custom field name → value.
    CustomFields,
    /// `true` or `false`.
    Bool,
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
    /// A string or a number, sent as a string.
    Scalar,
    /// A whole number from 1 to `max`.
    Count {
        /// Largest accepted.
        max: u32,
    },
    /// A uid: letters, digits, `-` and `_`, so it is safe in a path.
    Uid,
    /// An e-mail address (with an `@`) or else a phone number.
    PhoneOrEmail,
    /// A team member's e-mail or mobile number.
    Member,
    /// An object with these fields.
    Object(&'static [Field]),
    /// An array of `min` to `max` items of `item`; a repeated string is
    /// sent once.
    List {
        /// Each item's rule.
        item: &'static Rule,
        /// Fewest items.
        min: u16,
        /// Most items.
        max: u16,
    },
    /// An object or an array (PHP reads both as one array) whose values
    /// follow the rule.
    Values(&'static Rule),
    /// Interactive buttons: an object keyed `"1"` to `"3"` or an array of
    /// labels, sent as the object.
    Buttons,
    /// An IANA time zone name.
    Timezone,
    /// `YYYY-MM-DDTHH:MM[:SS]`; empty is accepted (now).
    DateTime,
    /// A checkbox flag: `"on"` or `true` is sent as `"on"`, `false` is left
    /// out.
    On,
    /// Accepted and left out, with a warning: the route ignores it.
    Ignored,
    /// Refused: the route cannot use it.
    Unusable,
}

/// One named field.
#[derive(Debug, PartialEq, Eq)]
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
pub(super) const fn field(
    name: &'static str,
    rule: Rule,
    required: bool,
    doc: &'static str,
) -> Field {
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

/// A button's label, a list's button text.
pub const LABEL_MAX: usize = 20;
/// The label of one interactive button.
pub const LABEL: Rule = Rule::Text {
    max: LABEL_MAX,
    non_blank: true,
};

/// The fixed fields of a request kind.
pub fn fields(kind: Kind) -> &'static [Field] {
    match kind {
        Kind::SendMessage => sends::SEND_MESSAGE,
        Kind::SendMediaMessage => sends::SEND_MEDIA_MESSAGE,
        Kind::SendTemplateMessage => sends::SEND_TEMPLATE_MESSAGE,
        Kind::SendInteractiveMessage => sends::SEND_INTERACTIVE_MESSAGE,
        Kind::SendCarouselTemplateMessage => sends::SEND_CAROUSEL_TEMPLATE_MESSAGE,
        Kind::CreateContact => contacts::CREATE_CONTACT,
        Kind::UpdateContact => contacts::UPDATE_CONTACT,
        Kind::GetContact => contacts::GET_CONTACT,
        Kind::AssignGroups | Kind::UnassignGroups => contacts::GROUPS_OF_CONTACTS,
        Kind::AssignLabels | Kind::UnassignLabels => contacts::LABELS_OF_CONTACTS,
        Kind::AssignTeamMember => contacts::ASSIGN_TEAM_MEMBER,
        Kind::ScheduleCampaign => campaigns::SCHEDULE_CAMPAIGN,
        Kind::GetCampaignStatus => campaigns::CAMPAIGN_STATUS,
        Kind::GetMessageStatus => queries::MESSAGE_STATUS,
        Kind::ListTemplates
        | Kind::ListContacts
        | Kind::ListGroups
        | Kind::ListLabels
        | Kind::ListCampaigns => queries::PAGE,
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

/// Which numbered template parameters a kind takes: every kind of
/// `sendTemplateMessage`, only `field_N` for a carousel (its cards hold the
/// header and buttons), none elsewhere.
pub fn takes_numbered(kind: Kind, prefix: &str) -> bool {
    match kind {
        Kind::SendTemplateMessage | Kind::ScheduleCampaign => true,
        Kind::SendCarouselTemplateMessage => prefix == "field_",
        _ => false,
    }
}

/// The rule of a key in a kind, fixed or numbered, and whether it is
/// required.
pub fn lookup(kind: Kind, key: &str) -> Option<(Rule, bool)> {
    if let Some(f) = fields(kind).iter().find(|f| f.name == key) {
        return Some((f.rule, f.required));
    }
    numbered(kind, key).map(|rule| (rule, false))
}

/// The rule of a numbered template parameter (`field_2`) that `kind` takes.
pub fn numbered(kind: Kind, key: &str) -> Option<Rule> {
    template_numbered(key)
        .filter(|(prefix, _, _)| takes_numbered(kind, prefix))
        .map(|(_, _, rule)| rule)
}

/// The rule of a path inside a value of `rule` (`sections.0.title` in
/// `list_data`), and whether it is required.
pub fn resolve(rule: Rule, path: &str) -> Option<(Rule, bool)> {
    let (head, rest) = match path.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (path, None),
    };
    let index = !head.is_empty() && head.bytes().all(|b| b.is_ascii_digit());
    let found = match rule {
        Rule::Object(fields) => fields
            .iter()
            .find(|f| f.name == head)
            .map(|f| (f.rule, f.required)),
        Rule::List { item, .. } if index => Some((*item, false)),
        Rule::Buttons if index => Some((LABEL, false)),
        Rule::Values(item) if !head.is_empty() => Some((*item, false)),
        Rule::CustomFields if !head.is_empty() => Some((Rule::Scalar, false)),
        _ => None,
    }?;
    match rest {
        None => Some(found),
        Some(rest) => resolve(found.0, rest),
    }
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
    fn every_kind_has_fields_and_a_route_field_is_one_of_them() {
        for kind in Kind::ALL {
            assert!(!fields(kind).is_empty(), "{kind:?}");
            let route = kind.route();
            for name in route.path_field.iter().chain(&route.argument_field) {
                // updateContact's number is checked apart from its body.
                if kind != Kind::UpdateContact {
                    assert!(lookup(kind, name).is_some(), "{kind:?} {name}");
                }
            }
        }
    }

    #[test]
    fn nested_paths_resolve_through_objects_lists_and_buttons() {
        let (list_data, _) = lookup(Kind::SendInteractiveMessage, "list_data").unwrap();
        assert_eq!(
            resolve(list_data, "sections.0.rows.3.title"),
            Some((
                Rule::Text {
                    max: 24,
                    non_blank: true
                },
                true
            ))
        );
        assert_eq!(resolve(list_data, "sections.x.title"), None);
        assert_eq!(resolve(list_data, "sections.0.rows.3.title.x"), None);
        let (buttons, _) = lookup(Kind::SendInteractiveMessage, "buttons").unwrap();
        assert_eq!(resolve(buttons, "2"), Some((LABEL, false)));
        let (contact, _) = lookup(Kind::SendMessage, "contact").unwrap();
        assert_eq!(
            resolve(contact, "custom_fields.BDay"),
            Some((Rule::Scalar, false))
        );
        assert_eq!(resolve(contact, "custom_fields."), None);
        assert_eq!(
            lookup(Kind::SendCarouselTemplateMessage, "field_2"),
            Some((
                Rule::TemplateText {
                    max: TEMPLATE_TEXT_MAX
                },
                false
            ))
        );
        assert_eq!(lookup(Kind::SendCarouselTemplateMessage, "button_0"), None);
        assert_eq!(lookup(Kind::SendInteractiveMessage, "field_1"), None);
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
