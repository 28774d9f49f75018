//! The request kinds: one per route of the API.

use crate::error::Error;
use crate::issue::IssueCode;

/// A request kind: one route of the API ([`crate::routes::ROUTES`]), named
/// after the client's method. The discriminant is the route's row.
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
    /// `GET contact/message-status`
    GetMessageStatus,
    /// `GET contact/template-list`
    ListTemplates,
    /// `GET contacts`
    ListContacts,
    /// `GET contact?phone_number_or_email=`
    GetContact,
    /// `GET contact/groups`
    ListGroups,
    /// `GET contact/labels-tags`
    ListLabels,
    /// `POST contact/assign-groups`
    AssignGroups,
    /// `POST contact/unassign-groups`
    UnassignGroups,
    /// `POST contact/assign-labels`
    AssignLabels,
    /// `POST contact/unassign-labels`
    UnassignLabels,
    /// `POST contact/assign-team-member`
    AssignTeamMember,
    /// `POST contact/send-interactive-message`
    SendInteractiveMessage,
    /// `POST contact/send-carousel-template-message`
    SendCarouselTemplateMessage,
    /// `POST campaign/schedule`
    ScheduleCampaign,
    /// `GET campaign`
    ListCampaigns,
    /// `GET campaign-status/{campaignUid}`
    GetCampaignStatus,
}

impl Kind {
    /// Every kind, in the order of the enum and of the route table.
    pub const ALL: [Kind; 21] = [
        Kind::SendMessage,
        Kind::SendMediaMessage,
        Kind::SendTemplateMessage,
        Kind::CreateContact,
        Kind::UpdateContact,
        Kind::GetMessageStatus,
        Kind::ListTemplates,
        Kind::ListContacts,
        Kind::GetContact,
        Kind::ListGroups,
        Kind::ListLabels,
        Kind::AssignGroups,
        Kind::UnassignGroups,
        Kind::AssignLabels,
        Kind::UnassignLabels,
        Kind::AssignTeamMember,
        Kind::SendInteractiveMessage,
        Kind::SendCarouselTemplateMessage,
        Kind::ScheduleCampaign,
        Kind::ListCampaigns,
        Kind::GetCampaignStatus,
    ];

    /// The name JavaScript callers use (`"sendMessage"`), the method's name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::SendMessage => "sendMessage",
            Kind::SendMediaMessage => "sendMediaMessage",
            Kind::SendTemplateMessage => "sendTemplateMessage",
            Kind::CreateContact => "createContact",
            Kind::UpdateContact => "updateContact",
            Kind::GetMessageStatus => "getMessageStatus",
            Kind::ListTemplates => "listTemplates",
            Kind::ListContacts => "listContacts",
            Kind::GetContact => "getContact",
            Kind::ListGroups => "listGroups",
            Kind::ListLabels => "listLabels",
            Kind::AssignGroups => "assignGroups",
            Kind::UnassignGroups => "unassignGroups",
            Kind::AssignLabels => "assignLabels",
            Kind::UnassignLabels => "unassignLabels",
            Kind::AssignTeamMember => "assignTeamMember",
            Kind::SendInteractiveMessage => "sendInteractiveMessage",
            Kind::SendCarouselTemplateMessage => "sendCarouselTemplateMessage",
            Kind::ScheduleCampaign => "scheduleCampaign",
            Kind::ListCampaigns => "listCampaigns",
            Kind::GetCampaignStatus => "getCampaignStatus",
        }
    }

    /// The kind with this name.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The kind a caller named, or a validation error at `kind` that lists
    /// the kinds.
    pub fn parse(name: Option<&str>) -> Result<Kind, Error> {
        Kind::parse_among(name, &Kind::ALL, "kind")
    }

    /// The kind a caller named, if it is one of `kinds`; else a validation
    /// error at `path` that lists them.
    pub fn parse_among(name: Option<&str>, kinds: &[Kind], path: &str) -> Result<Kind, Error> {
        name.and_then(Kind::from_name)
            .filter(|k| kinds.contains(k))
            .ok_or_else(|| {
                let names: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
                Error::invalid(
                    path,
                    IssueCode::InvalidChoice,
                    format!("{path} must be one of {}.", names.join(", ")),
                )
            })
    }

    /// Whether this kind takes `from_phone_number_id` (the client's
    /// default fills it in) and `contact{}`: the sends, except
    /// `sendInteractiveMessage`, whose route ignores the one and fails on
    /// the other.
    pub fn is_send(self) -> bool {
        matches!(
            self,
            Kind::SendMessage
                | Kind::SendMediaMessage
                | Kind::SendTemplateMessage
                | Kind::SendCarouselTemplateMessage
        )
    }
}
