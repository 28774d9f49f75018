//! The route table: every route of the API as one row. URL building, the
//! client's methods, the TypeScript declarations and the sandbox's route
//! tests read it, so a new route is one row here and its fields' rows in
//! [`crate::validate::schema`].

use crate::call::Method;
use crate::request::Kind;

/// What a route does with its fields besides its path parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carry {
    /// A JSON body.
    Body,
    /// A query string.
    Query,
}

/// Where a list route's page is, and what it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct List {
    /// The key of `data` that holds the paginator.
    pub key: &'static str,
    /// The TypeScript type of an item.
    #[cfg(not(target_arch = "wasm32"))]
    pub item: &'static str,
}

/// One route of the API.
#[derive(Debug)]
pub struct Route {
    /// The request kind, which names the client's method.
    pub kind: Kind,
    /// What the route does, for the method's documentation.
    #[cfg(not(target_arch = "wasm32"))]
    pub about: &'static str,
    /// The TypeScript type the method resolves to (a list's is made from
    /// its [`List`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub reply: &'static str,
    /// GET or POST.
    pub method: Method,
    /// The path after `{baseUrl}/{vendorUid}/`.
    pub path: &'static str,
    /// The field that ends the path (`contact/update/{phone_number}`), given
    /// as the method's first argument.
    pub path_field: Option<&'static str>,
    /// The field a method takes as its only argument instead of an object
    /// (`getContact("+91…")`), sent like the others.
    pub argument_field: Option<&'static str>,
    /// Where the other fields go.
    pub carry: Carry,
    /// A list route's paginator: its key in `data`, and its items' type.
    pub list: Option<List>,
    /// Whether the server's `failed` "No changes" means the state is already
    /// as asked: the call then resolves with `changed: false`.
    pub no_changes_is_success: bool,
    /// A `failed` message that means the thing asked about does not exist.
    pub not_found_message: Option<&'static str>,
}

// The columns `about`, `reply` and a list's `item` only feed the TypeScript
// declarations, which are made natively: the wasm module leaves their text
// out: 1.9 KB of the release module, 0.8 KB gzip.

#[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
const fn post(kind: Kind, path: &'static str, reply: &'static str, about: &'static str) -> Route {
    Route {
        kind,
        #[cfg(not(target_arch = "wasm32"))]
        about,
        #[cfg(not(target_arch = "wasm32"))]
        reply,
        method: Method::Post,
        path,
        path_field: None,
        argument_field: None,
        carry: Carry::Body,
        list: None,
        no_changes_is_success: false,
        not_found_message: None,
    }
}

const fn get(kind: Kind, path: &'static str, reply: &'static str, about: &'static str) -> Route {
    Route {
        method: Method::Get,
        carry: Carry::Query,
        ..post(kind, path, reply, about)
    }
}

#[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
const fn list(
    kind: Kind,
    path: &'static str,
    key: &'static str,
    item: &'static str,
    about: &'static str,
) -> Route {
    Route {
        list: Some(List {
            key,
            #[cfg(not(target_arch = "wasm32"))]
            item,
        }),
        ..get(kind, path, "", about)
    }
}

const fn change(kind: Kind, path: &'static str, reply: &'static str, about: &'static str) -> Route {
    Route {
        no_changes_is_success: true,
        ..post(kind, path, reply, about)
    }
}

/// Every route, in the order of [`Kind::ALL`].
pub const ROUTES: [Route; 21] = [
    post(
        Kind::SendMessage,
        "contact/send-message",
        "SendReply",
        "Sends a text message.",
    ),
    post(
        Kind::SendMediaMessage,
        "contact/send-media-message",
        "SendReply",
        "Sends an image, video, audio or document.",
    ),
    post(
        Kind::SendTemplateMessage,
        "contact/send-template-message",
        "SendReply",
        "Sends an approved template with its parameters.",
    ),
    post(
        Kind::CreateContact,
        "contact/create",
        "CreateContactReply",
        "Creates a contact.",
    ),
    Route {
        path_field: Some("phone_number"),
        ..post(
            Kind::UpdateContact,
            "contact/update/",
            "UpdateContactReply",
            "Updates the contact with this phone number: only the fields given change, except `groups` (an update without it removes every group membership).",
        )
    },
    Route {
        not_found_message: Some("Message not found."),
        ..get(
            Kind::GetMessageStatus,
            "contact/message-status",
            "MessageStatusReply",
            "The delivery status of a sent message, by `log_uid` or `wamid`; an unknown message is a `not_found` error.",
        )
    },
    list(
        Kind::ListTemplates,
        "contact/template-list",
        "templateList",
        "Template",
        "One page of the approved templates (without their components).",
    ),
    list(
        Kind::ListContacts,
        "contacts",
        "contactList",
        "Contact",
        "One page of the contacts.",
    ),
    Route {
        argument_field: Some("phone_number_or_email"),
        ..get(
            Kind::GetContact,
            "contact",
            "GetContactReply",
            "The contact with this phone number (normalised like every other) or e-mail; `data.contact` is null when none matches.",
        )
    },
    // The server's key is `contactList` for groups and labels too.
    list(
        Kind::ListGroups,
        "contact/groups",
        "contactList",
        "Group",
        "One page of the contact groups, newest first.",
    ),
    list(
        Kind::ListLabels,
        "contact/labels-tags",
        "contactList",
        "Label",
        "One page of the labels.",
    ),
    change(
        Kind::AssignGroups,
        "contact/assign-groups",
        "ChangeReply",
        "Puts contacts into groups; `changed` is false when they all were already.",
    ),
    change(
        Kind::UnassignGroups,
        "contact/unassign-groups",
        "ChangeReply",
        "Takes contacts out of groups; `changed` is false when none was in them.",
    ),
    change(
        Kind::AssignLabels,
        "contact/assign-labels",
        "ChangeReply",
        "Puts labels on contacts; `changed` is false when they all had them.",
    ),
    change(
        Kind::UnassignLabels,
        "contact/unassign-labels",
        "ChangeReply",
        "Takes labels off contacts; `changed` is false when none had them.",
    ),
    change(
        Kind::AssignTeamMember,
        "contact/assign-team-member",
        "AssignTeamMemberReply",
        "Hands a contact to a team member and sets its AI and reply bots (both required: left out, the server turns them off).",
    ),
    post(
        Kind::SendInteractiveMessage,
        "contact/send-interactive-message",
        "SendReply",
        "Sends a message with reply buttons, a link button or a list.",
    ),
    post(
        Kind::SendCarouselTemplateMessage,
        "contact/send-carousel-template-message",
        "SendReply",
        "Sends a carousel template of 2 to 10 cards.",
    ),
    post(
        Kind::ScheduleCampaign,
        "campaign/schedule",
        "ScheduleCampaignReply",
        "Schedules a template to groups of contacts, sent by the server's own queue after a test message.",
    ),
    list(
        Kind::ListCampaigns,
        "campaign",
        "campaignList",
        "Campaign",
        "One page of the campaigns, newest first.",
    ),
    Route {
        path_field: Some("campaignUid"),
        ..get(
            Kind::GetCampaignStatus,
            "campaign-status/",
            "CampaignStatusReply",
            "A campaign's progress and counters; an unknown uid is a `not_found` error.",
        )
    },
];

impl Route {
    /// `POST contact/update/{phone_number}`, as documentation shows it.
    pub fn signature(&self) -> String {
        let mut s = format!("{} {}", self.method.as_str(), self.path);
        if let Some(field) = self.path_field {
            s.push('{');
            s.push_str(field);
            s.push('}');
        }
        s
    }
}

impl Kind {
    /// This kind's row of [`ROUTES`].
    pub fn route(self) -> &'static Route {
        &ROUTES[self as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_follows_kind_all() {
        for (i, kind) in Kind::ALL.into_iter().enumerate() {
            assert_eq!(ROUTES[i].kind, kind);
            assert_eq!(kind.route().kind, kind);
        }
    }

    #[test]
    fn a_path_parameter_ends_its_path() {
        for route in &ROUTES {
            assert_eq!(
                route.path_field.is_some(),
                route.path.ends_with('/'),
                "{}",
                route.path
            );
            assert!(!route.path.starts_with('/'), "{}", route.path);
        }
    }
}
