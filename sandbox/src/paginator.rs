//! Laravel's length-aware paginator, as the list routes answer with it, and
//! the `page`, `page_size` and `search_term` query they read.

use serde::Serialize;

use crate::input::Input;
use crate::validation::text_of;

/// Pages shown either side of the current one in `links` (Laravel's default).
const ON_EACH_SIDE: u64 = 3;

/// The list query of a request.
pub struct ListQuery {
    pub page: u64,
    pub per_page: u64,
    /// Lowercased; matched as a substring, as MySQL's LIKE does with its
    /// case-insensitive default collation.
    pub search: Option<String>,
}

/// A positive integer, else the default (Laravel's resolveCurrentPage).
fn positive(input: &Input, key: &str, default: u64) -> u64 {
    input
        .get(key)
        .and_then(text_of)
        .and_then(|t| t.parse::<u64>().ok())
        .filter(|n| *n >= 1)
        .unwrap_or(default)
}

impl ListQuery {
    pub fn from_input(input: &Input) -> ListQuery {
        ListQuery {
            page: positive(input, "page", 1),
            per_page: positive(input, "page_size", 100),
            search: input
                .get("search_term")
                .and_then(text_of)
                .map(|t| t.to_lowercase()),
        }
    }

    /// Whether any of `fields` contains the search term.
    pub fn matches<'a>(&self, fields: impl IntoIterator<Item = Option<&'a str>>) -> bool {
        match &self.search {
            None => true,
            Some(term) => fields
                .into_iter()
                .flatten()
                .any(|f| f.to_lowercase().contains(term.as_str())),
        }
    }
}

#[derive(Debug, Serialize, PartialEq)]
pub struct Link {
    pub url: Option<String>,
    pub label: String,
    pub active: bool,
}

#[derive(Debug, Serialize)]
pub struct Paginator<T: Serialize> {
    pub current_page: u64,
    pub data: Vec<T>,
    pub first_page_url: String,
    pub from: Option<u64>,
    pub last_page: u64,
    pub last_page_url: String,
    pub links: Vec<Link>,
    pub next_page_url: Option<String>,
    pub path: String,
    pub per_page: u64,
    pub prev_page_url: Option<String>,
    pub to: Option<u64>,
    pub total: u64,
}

/// One page of `items` (already filtered and ordered); `path` is the
/// route's URL without a query.
pub fn paginate<T: Serialize>(items: Vec<T>, query: &ListQuery, path: &str) -> Paginator<T> {
    let total = items.len() as u64;
    let per_page = query.per_page;
    let current = query.page;
    let last_page = total.div_ceil(per_page).max(1);
    let skip = (current - 1).saturating_mul(per_page);
    let data: Vec<T> = items
        .into_iter()
        .skip(usize::try_from(skip).unwrap_or(usize::MAX))
        .take(usize::try_from(per_page).unwrap_or(usize::MAX))
        .collect();
    let url = |page: u64| format!("{path}?page={page}");
    let (from, to) = if data.is_empty() {
        (None, None)
    } else {
        (Some(skip + 1), Some(skip + data.len() as u64))
    };
    let mut links = vec![Link {
        url: (current > 1).then(|| url(current - 1)),
        label: "&laquo; Previous".into(),
        active: false,
    }];
    for element in window(current, last_page) {
        links.push(match element {
            Some(page) => Link {
                url: Some(url(page)),
                label: page.to_string(),
                active: page == current,
            },
            None => Link {
                url: None,
                label: "...".into(),
                active: false,
            },
        });
    }
    links.push(Link {
        url: (current < last_page).then(|| url(current + 1)),
        label: "Next &raquo;".into(),
        active: false,
    });
    Paginator {
        current_page: current,
        data,
        first_page_url: url(1),
        from,
        last_page,
        last_page_url: url(last_page),
        links,
        next_page_url: (current < last_page).then(|| url(current + 1)),
        path: path.to_string(),
        per_page,
        prev_page_url: (current > 1).then(|| url(current - 1)),
        to,
        total,
    }
}

/// Laravel's UrlWindow: every page when there are few, else the first two,
/// a slider round the current page and the last two, with `None` for "...".
fn window(current: u64, last: u64) -> Vec<Option<u64>> {
    let range = |a: u64, b: u64| (a..=b).map(Some).collect::<Vec<_>>();
    if last < ON_EACH_SIDE * 2 + 8 {
        return range(1, last);
    }
    let window = ON_EACH_SIDE + 4;
    let mut out;
    if current <= window {
        out = range(1, window + ON_EACH_SIDE);
        out.push(None);
        out.extend(range(last - 1, last));
    } else if current > last - window {
        out = range(1, 2);
        out.push(None);
        out.extend(range(last - (window + ON_EACH_SIDE - 1), last));
    } else {
        out = range(1, 2);
        out.push(None);
        out.extend(range(current - ON_EACH_SIDE, current + ON_EACH_SIDE));
        out.push(None);
        out.extend(range(last - 1, last));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(page: u64, per_page: u64) -> ListQuery {
        ListQuery {
            page,
            per_page,
            search: None,
        }
    }

    #[test]
    fn a_middle_page() {
        let p = paginate(
            (1..=250).collect(),
            &query(2, 100),
            "http://h/api/v/contacts",
        );
        assert_eq!(p.from, Some(101));
        assert_eq!(p.to, Some(200));
        assert_eq!(p.last_page, 3);
        assert_eq!(p.data.len(), 100);
        assert_eq!(
            p.prev_page_url.as_deref(),
            Some("http://h/api/v/contacts?page=1")
        );
        assert_eq!(
            p.next_page_url.as_deref(),
            Some("http://h/api/v/contacts?page=3")
        );
        let labels: Vec<&str> = p.links.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["&laquo; Previous", "1", "2", "3", "Next &raquo;"]);
        assert!(p.links[2].active);
    }

    #[test]
    fn an_empty_page_has_no_from_or_to() {
        let p = paginate(Vec::<u8>::new(), &query(1, 100), "p");
        assert_eq!((p.from, p.to, p.last_page, p.total), (None, None, 1, 0));
        assert_eq!(p.next_page_url, None);
        let p = paginate(vec![1, 2], &query(5, 100), "p");
        assert_eq!((p.from, p.to), (None, None));
        assert_eq!(p.prev_page_url.as_deref(), Some("p?page=4"));
    }

    #[test]
    fn many_pages_are_windowed() {
        let pages = |current| -> Vec<String> {
            window(current, 20)
                .into_iter()
                .map(|p| p.map_or("...".into(), |p| p.to_string()))
                .collect()
        };
        assert_eq!(pages(1).join(" "), "1 2 3 4 5 6 7 8 9 10 ... 19 20");
        assert_eq!(pages(10).join(" "), "1 2 ... 7 8 9 10 11 12 13 ... 19 20");
        assert_eq!(pages(20).join(" "), "1 2 ... 11 12 13 14 15 16 17 18 19 20");
        assert_eq!(window(3, 13).len(), 13);
    }
}
