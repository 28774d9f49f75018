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

/// One route of the API.
#[derive(Debug)]
pub struct Route {
    /// The request kind, which names the client's method.
    pub kind: Kind,
    /// What the route does, for the method's documentation.
    pub about: &'static str,
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
    /// The key of `data` that holds a list route's paginator.
    pub list_key: Option<&'static str>,
    /// Whether the server's `failed` "No changes" means the state is already
    /// as asked: the call then resolves with `changed: false`.
    pub no_changes_is_success: bool,
    /// A `failed` message that means the thing asked about does not exist.
    pub not_found_message: Option<&'static str>,
}

const fn post(kind: Kind, path: &'static str, about: &'static str) -> Route {
    Route {
        kind,
        about,
        method: Method::Post,
        path,
        path_field: None,
        argument_field: None,
        carry: Carry::Body,
        list_key: None,
        no_changes_is_success: false,
        not_found_message: None,
    }
}

const fn get(kind: Kind, path: &'static str, about: &'static str) -> Route {
    Route {
        method: Method::Get,
        carry: Carry::Query,
        ..post(kind, path, about)
    }
}

const fn list(kind: Kind, path: &'static str, key: &'static str, about: &'static str) -> Route {
    Route {
        list_key: Some(key),
        ..get(kind, path, about)
    }
}

const fn change(kind: Kind, path: &'static str, about: &'static str) -> Route {
    Route {
        no_changes_is_success: true,
        ..post(kind, path, about)
    }
}

/// Every route, in the order of [`Kind::ALL`].
pub const ROUTES: [Route; 21] = [
    post(Kind::SendMessage, "contact/send-message", "a text message."),
    post(
        Kind::SendMediaMessage,
        "contact/send-media-message",
        "an image, video, audio or document.",
    ),
    post(
        Kind::SendTemplateMessage,
        "contact/send-template-message",
        "an approved template and its parameters.",
    ),
    post(Kind::CreateContact, "contact/create", "a new contact."),
    Route {
        path_field: Some("phone_number"),
        ..post(
            Kind::UpdateContact,
            "contact/update/",
            "only the keys given change, except `groups`.",
        )
    },
    Route {
        not_found_message: Some("Message not found."),
        ..get(
            Kind::GetMessageStatus,
            "contact/message-status",
            "the delivery status of a sent message, by `log_uid` or `wamid`.",
        )
    },
    list(
        Kind::ListTemplates,
        "contact/template-list",
        "templateList",
        "the approved templates, a page at a time.",
    ),
    list(
        Kind::ListContacts,
        "contacts",
        "contactList",
        "the contacts, a page at a time.",
    ),
    Route {
        argument_field: Some("phone_number_or_email"),
        ..get(
            Kind::GetContact,
            "contact",
            "one contact by phone number or e-mail; `contact` is null when none matches.",
        )
    },
    // The server's key is `contactList` for groups and labels too.
    list(
        Kind::ListGroups,
        "contact/groups",
        "contactList",
        "the contact groups, newest first, a page at a time.",
    ),
    list(
        Kind::ListLabels,
        "contact/labels-tags",
        "contactList",
        "the labels, a page at a time.",
    ),
    change(
        Kind::AssignGroups,
        "contact/assign-groups",
        "puts contacts into groups.",
    ),
    change(
        Kind::UnassignGroups,
        "contact/unassign-groups",
        "takes contacts out of groups.",
    ),
    change(
        Kind::AssignLabels,
        "contact/assign-labels",
        "puts labels on contacts.",
    ),
    change(
        Kind::UnassignLabels,
        "contact/unassign-labels",
        "takes labels off contacts.",
    ),
    change(
        Kind::AssignTeamMember,
        "contact/assign-team-member",
        "hands a contact to a team member, and sets its two bots.",
    ),
    post(
        Kind::SendInteractiveMessage,
        "contact/send-interactive-message",
        "a message with buttons, a link button or a list.",
    ),
    post(
        Kind::SendCarouselTemplateMessage,
        "contact/send-carousel-template-message",
        "a carousel template: 2 to 10 cards.",
    ),
    post(
        Kind::ScheduleCampaign,
        "campaign/schedule",
        "one template to groups of contacts, queued by the server.",
    ),
    list(
        Kind::ListCampaigns,
        "campaign",
        "campaignList",
        "the campaigns, newest first, a page at a time.",
    ),
    Route {
        path_field: Some("campaignUid"),
        ..get(
            Kind::GetCampaignStatus,
            "campaign-status/",
            "a campaign's progress and counters.",
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
