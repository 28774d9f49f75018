//! The five requests of the API and where they go.

use crate::error::Error;
use crate::issue::IssueCode;

/// A request kind: one endpoint of the API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `POST contact/send-message`
    SendMessage,
    /// `POST contact/send-media-message`
    SendMediaMessage,
    /// `POST contact/send-template-message`
    SendTemplateMessage,
    /// `POST contact/create`
    CreateContact,
    /// `POST contact/update/{phoneNumber}`
    UpdateContact,
}

impl Kind {
    /// Every kind, in the order of the API description.
    pub const ALL: [Kind; 5] = [
        Kind::SendMessage,
        Kind::SendMediaMessage,
        Kind::SendTemplateMessage,
        Kind::CreateContact,
        Kind::UpdateContact,
    ];

    /// The name JavaScript callers use (`"sendMessage"`), the method's name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::SendMessage => "sendMessage",
            Kind::SendMediaMessage => "sendMediaMessage",
            Kind::SendTemplateMessage => "sendTemplateMessage",
            Kind::CreateContact => "createContact",
            Kind::UpdateContact => "updateContact",
        }
    }

    /// The kind with this name.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The kind a caller named, or a validation error at `kind` that lists
    /// the kinds.
    pub fn parse(name: Option<&str>) -> Result<Kind, Error> {
        name.and_then(Kind::from_name).ok_or_else(|| {
            let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
            Error::invalid(
                "kind",
                IssueCode::InvalidChoice,
                format!("kind must be one of {}.", names.join(", ")),
            )
        })
    }

    /// Whether this kind sends a WhatsApp message (and so takes
    /// `from_phone_number_id` and `contact{}`).
    pub fn is_send(self) -> bool {
        matches!(
            self,
            Kind::SendMessage | Kind::SendMediaMessage | Kind::SendTemplateMessage
        )
    }

    /// The path after `{baseUrl}/{vendorUid}/`; the update path still needs
    /// the phone number appended.
    pub fn path(self) -> &'static str {
        match self {
            Kind::SendMessage => "contact/send-message",
            Kind::SendMediaMessage => "contact/send-media-message",
            Kind::SendTemplateMessage => "contact/send-template-message",
            Kind::CreateContact => "contact/create",
            Kind::UpdateContact => "contact/update/",
        }
    }
}
