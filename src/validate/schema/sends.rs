//! The sends: text, media, template, interactive and carousel messages.

use super::contacts::CONTACT_FIELDS;
use super::{
    field, Field, Rule, CAPTION_MAX, EMAIL_MAX, HEADER_TEXT_MAX, LABEL, MEDIA_TYPES,
    MESSAGE_BODY_MAX, TEMPLATE_TEXT_MAX, TEXT_MAX,
};

pub(super) const FROM: Field = field(
    "from_phone_number_id",
    Rule::PhoneNumberId,
    false,
    "The sending WhatsApp business number id; defaults to the client's `fromPhoneNumberId`, then to the vendor's default number. Empty counts as not given.",
);
pub(super) const PHONE: Field = field(
    "phone_number",
    Rule::Phone,
    true,
    "The recipient with country code; `+`, spaces, dashes and a leading `00` are removed.",
);
const CONTACT: Field = field(
    "contact",
    Rule::Object(CONTACT_FIELDS),
    false,
    "Creates the contact with these details if it does not exist yet.",
);
pub(super) const TEMPLATE_NAME: Field = field(
    "template_name",
    Rule::TemplateName,
    true,
    "Lower-case letters, digits and `_`, at most 512 characters.",
);
pub(super) const TEMPLATE_LANGUAGE: Field = field(
    "template_language",
    Rule::TemplateLanguage,
    true,
    "A WhatsApp language code such as `en`, `en_US`, `pt_BR`.",
);
const fn text(max: usize) -> Rule {
    Rule::Text {
        max,
        non_blank: true,
    }
}

/// The header parameters and the copy code of a template, in the API's order.
pub(super) const HEADER_IMAGE: Field = field(
    "header_image",
    Rule::Url,
    false,
    "URL of the image of an image header.",
);
pub(super) const HEADER_VIDEO: Field = field(
    "header_video",
    Rule::Url,
    false,
    "URL of the video of a video header.",
);
pub(super) const HEADER_DOCUMENT: Field = field(
    "header_document",
    Rule::Url,
    false,
    "URL of the document of a document header; needs `header_document_name`.",
);
pub(super) const HEADER_DOCUMENT_NAME: Field = field(
    "header_document_name",
    text(EMAIL_MAX),
    false,
    "File name of the document header.",
);
pub(super) const LOCATION_LATITUDE: Field = field(
    "location_latitude",
    Rule::Coordinate { limit: 90 },
    false,
    "Latitude of a location header, −90 to 90; sent as a decimal string (`22` → `\"22.0\"`).",
);
pub(super) const LOCATION_LONGITUDE: Field = field(
    "location_longitude",
    Rule::Coordinate { limit: 180 },
    false,
    "Longitude of a location header, −180 to 180; sent as a decimal string.",
);
pub(super) const LOCATION_NAME: Field = field(
    "location_name",
    text(TEXT_MAX),
    false,
    "Name of the place of a location header.",
);
pub(super) const LOCATION_ADDRESS: Field = field(
    "location_address",
    text(TEXT_MAX),
    false,
    "Address of the place of a location header.",
);
pub(super) const COPY_CODE: Field = field(
    "copy_code",
    Rule::CopyCode,
    false,
    "Value of a copy-code button: letters, digits, `-`, `_`, at most 15.",
);

pub(super) const SEND_MESSAGE: &[Field] = &[
    FROM,
    PHONE,
    field(
        "message_body",
        text(MESSAGE_BODY_MAX),
        true,
        "The text, 1 to 4096 characters. The server strips `<…>` tags from it.",
    ),
    CONTACT,
];

pub(super) const SEND_MEDIA_MESSAGE: &[Field] = &[
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
        text(EMAIL_MAX),
        false,
        "The file name shown for a document, with its extension.",
    ),
    CONTACT,
];

pub(super) const SEND_TEMPLATE_MESSAGE: &[Field] = &[
    FROM,
    PHONE,
    TEMPLATE_NAME,
    TEMPLATE_LANGUAGE,
    HEADER_IMAGE,
    HEADER_VIDEO,
    HEADER_DOCUMENT,
    HEADER_DOCUMENT_NAME,
    LOCATION_LATITUDE,
    LOCATION_LONGITUDE,
    LOCATION_NAME,
    LOCATION_ADDRESS,
    COPY_CODE,
    CONTACT,
];

/// The kinds of interactive message, the first the server's default.
pub const INTERACTIVE_TYPES: &[&str] = &["button", "cta_url", "list"];
/// The kinds of interactive header.
pub const HEADER_TYPES: &[&str] = &["text", "image", "video", "document"];
/// WhatsApp's limit on a list's rows, all sections together.
pub const LIST_ROWS_MAX: u16 = 10;
/// Row and section titles.
const TITLE_MAX: usize = 24;
/// Row and section ids.
const ID_MAX: usize = 200;

const ID: Field = field("id", text(ID_MAX), true, "Its id.");
const LIST_ROW: &[Field] = &[
    ID,
    field(
        "row_id",
        text(ID_MAX),
        true,
        "The id the reply carries when this row is chosen.",
    ),
    field(
        "title",
        text(TITLE_MAX),
        true,
        "The row's title, at most 24 characters.",
    ),
    field(
        "description",
        text(72),
        true,
        "Shown under the title, at most 72 characters.",
    ),
];
const LIST_SECTION: &[Field] = &[
    ID,
    field(
        "title",
        text(TITLE_MAX),
        true,
        "The section's title, at most 24 characters.",
    ),
    field(
        "rows",
        Rule::List {
            item: &Rule::Object(LIST_ROW),
            min: 1,
            max: LIST_ROWS_MAX,
        },
        true,
        "Its rows; at most 10 in all sections together.",
    ),
];
const LIST_DATA: &[Field] = &[
    field(
        "button_text",
        LABEL,
        true,
        "The label of the button that opens the list, at most 20 characters.",
    ),
    field(
        "sections",
        Rule::List {
            item: &Rule::Object(LIST_SECTION),
            min: 1,
            max: LIST_ROWS_MAX,
        },
        true,
        "The list's sections.",
    ),
];
const CTA_URL: &[Field] = &[
    field(
        "display_text",
        LABEL,
        true,
        "The button's label, 1 to 20 characters.",
    ),
    field("url", Rule::Url, true, "The page the button opens."),
];

pub(super) const SEND_INTERACTIVE_MESSAGE: &[Field] = &[
    PHONE,
    field(
        "interactive_type",
        Rule::Choice(INTERACTIVE_TYPES),
        false,
        "`button` (the default) needs `buttons`, `cta_url` needs `cta_url`, `list` needs `list_data`.",
    ),
    field(
        "header_type",
        Rule::Choice(HEADER_TYPES),
        false,
        "A header: `text` needs `header_text`, the others `media_link`.",
    ),
    field(
        "header_text",
        text(HEADER_TEXT_MAX),
        false,
        "The text of a `text` header, at most 60 characters.",
    ),
    field(
        "media_link",
        Rule::Url,
        false,
        "URL of the image, video or document of a media header.",
    ),
    field(
        "body_text",
        text(TEMPLATE_TEXT_MAX),
        true,
        "The message text, 1 to 1024 characters.",
    ),
    field(
        "footer_text",
        Rule::Text {
            max: HEADER_TEXT_MAX,
            non_blank: false,
        },
        false,
        "Small text under the body, at most 60 characters.",
    ),
    field(
        "buttons",
        Rule::Buttons,
        false,
        "1 to 3 reply buttons, unique labels of 1 to 20 characters: `{\"1\": \"Yes\", \"2\": \"No\"}` or `[\"Yes\", \"No\"]` (sent as the object).",
    ),
    field(
        "cta_url",
        Rule::Object(CTA_URL),
        false,
        "A button that opens a URL.",
    ),
    field(
        "list_data",
        Rule::Object(LIST_DATA),
        false,
        "A button that opens a list of choices.",
    ),
    field(
        "from_phone_number_id",
        Rule::Ignored,
        false,
        "Ignored by this route, which sends from the vendor's default number; left out.",
    ),
    field(
        "contact",
        Rule::Unusable,
        false,
        "Not usable here: the server cannot create a contact from this route. Create the contact first.",
    ),
];

/// The media of a carousel card.
pub const CARD_MEDIA_TYPES: &[&str] = &["image", "video"];
/// The kinds of a carousel card's buttons.
pub const CARD_BUTTON_TYPES: &[&str] = &["QUICK_REPLY", "URL", "PHONE_NUMBER"];

const CARD: &[Field] = &[
    field(
        "media_type",
        Rule::Choice(CARD_MEDIA_TYPES),
        true,
        "`image` or `video`.",
    ),
    field(
        "media_url",
        Rule::Url,
        true,
        "URL of the card's image or video.",
    ),
    field(
        "body_example_fields",
        Rule::Values(&Rule::TemplateText {
            max: TEMPLATE_TEXT_MAX,
        }),
        true,
        "Values of the card body's variables, as an object or an array.",
    ),
    field(
        "button_type",
        Rule::Values(&Rule::Choice(CARD_BUTTON_TYPES)),
        true,
        "Each button's kind by its index: `QUICK_REPLY`, `URL` or `PHONE_NUMBER`.",
    ),
    field(
        "quick_reply_button_payload",
        text(TEXT_MAX),
        false,
        "The payload a quick-reply button sends back.",
    ),
    field(
        "button_example_field",
        text(TEXT_MAX),
        false,
        "The variable of a URL button.",
    ),
];

pub(super) const SEND_CAROUSEL_TEMPLATE_MESSAGE: &[Field] = &[
    FROM,
    PHONE,
    TEMPLATE_NAME,
    TEMPLATE_LANGUAGE,
    field(
        "carousel_templates",
        Rule::List {
            item: &Rule::Object(CARD),
            min: 2,
            max: 10,
        },
        true,
        "The cards, 2 to 10.",
    ),
    CONTACT,
];
