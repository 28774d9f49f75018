//! The list routes and `GET contact`: paginated reads of the vendor's data.

use serde::Serialize;

use crate::api::{envelope, text};
use crate::input::Input;
use crate::items;
use crate::paginator::{paginate, ListQuery};
use crate::reply::{self, Reply};
use crate::store::Vendor;
use crate::templates;

/// The read routes' success message.
pub const READ_MESSAGE: &str = "";

/// A page of `items` under `key` of `data`.
pub fn list<T: Serialize>(key: &'static str, items: Vec<T>, query: &ListQuery, url: &str) -> Reply {
    let page = paginate(items, query, url);
    envelope(
        200,
        "success",
        READ_MESSAGE,
        std::collections::BTreeMap::from([(key, page)]),
    )
}

/// Approved templates only, searched by name, template id, category and
/// language.
pub fn templates(input: &Input, url: &str) -> Reply {
    let query = ListQuery::from_input(input);
    let rows: Vec<_> = templates::listed()
        .into_iter()
        .filter(|t| t.status == "APPROVED")
        .filter(|t| {
            query.matches([
                Some(t.template_name),
                Some(t.template_id.as_str()),
                Some(t.category),
                Some(t.language),
            ])
        })
        .collect();
    list("templateList", rows, &query, url)
}

/// Oldest first, searched by first and last name, wa_id and e-mail.
pub fn contacts(vendor: &Vendor, input: &Input, url: &str) -> Reply {
    let query = ListQuery::from_input(input);
    let rows: Vec<_> = vendor
        .contacts_in_order()
        .into_iter()
        .filter(|c| {
            query.matches([
                c.first_name.as_deref(),
                c.last_name.as_deref(),
                Some(c.phone_number.as_str()),
                c.email.as_deref(),
            ])
        })
        .map(|c| items::contact(vendor, c))
        .collect();
    list("contactList", rows, &query, url)
}

#[derive(Serialize)]
struct OneContact<'a> {
    contact: Option<items::ContactItem<'a>>,
}

/// Exact match on wa_id or e-mail; no match is a success with null.
pub fn contact(vendor: &Vendor, input: &Input) -> Reply {
    let Some(wanted) = text(input, "phone_number_or_email") else {
        return reply::fixture("get-contact-missing-parameter");
    };
    let found = vendor
        .contacts_in_order()
        .into_iter()
        .find(|c| c.phone_number == wanted || c.email.as_deref() == Some(wanted.as_str()));
    envelope(
        200,
        "success",
        READ_MESSAGE,
        OneContact {
            contact: found.map(|c| items::contact(vendor, c)),
        },
    )
}

/// Newest first, searched by title and description. The key is
/// `contactList`, as the server names it.
pub fn groups(vendor: &Vendor, input: &Input, url: &str) -> Reply {
    let query = ListQuery::from_input(input);
    let rows: Vec<_> = vendor
        .groups
        .iter()
        .rev()
        .filter(|g| query.matches([Some(g.title.as_str()), g.description.as_deref()]))
        .map(items::group)
        .collect();
    list("contactList", rows, &query, url)
}

/// Oldest first, searched by title; the key is `contactList` here too.
pub fn labels(vendor: &Vendor, input: &Input, url: &str) -> Reply {
    let query = ListQuery::from_input(input);
    let rows: Vec<_> = vendor
        .labels
        .iter()
        .filter(|l| query.matches([Some(l.title.as_str())]))
        .map(items::label)
        .collect();
    list("contactList", rows, &query, url)
}
