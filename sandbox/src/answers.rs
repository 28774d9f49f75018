//! The answer fixtures of `answers/`, embedded at compile time.
//!
//! Fixed answers (auth failures, "template not found", ...) are replayed from
//! these files so that the sandbox cannot drift from them, and dynamic answers
//! take their `message` text from them.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use bytes::Bytes;
use include_dir::{include_dir, Dir};
use serde::Deserialize;
use serde_json::value::RawValue;

/// The whole directory: a fixture added there is served without a list to
/// update (build.rs rebuilds the sandbox when a file comes or goes).
static DIR: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/answers");

/// Every fixture as (file stem, text), by name.
fn files() -> Vec<(&'static str, &'static str)> {
    let mut files: Vec<_> = DIR
        .files()
        .filter(|f| f.path().extension().is_some_and(|x| x == "json"))
        .filter_map(|f| Some((f.path().file_stem()?.to_str()?, f.contents_utf8()?)))
        .collect();
    files.sort_unstable();
    files
}

/// One fixture, ready to send.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// The body with JSON minified but in the fixture's own key order.
    pub body: Bytes,
    /// `body.message` when the body is a JSON envelope.
    pub message: Option<String>,
}

#[derive(Deserialize)]
struct Fixture<'a> {
    status: u16,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    #[serde(borrow, default)]
    body: Option<&'a RawValue>,
    #[serde(default)]
    body_text: Option<String>,
}

#[derive(Deserialize)]
struct WithMessage {
    message: Option<String>,
}

fn parse(text: &str) -> Option<Answer> {
    let fixture: Fixture = serde_json::from_str(text).ok()?;
    let (body, message) = match (fixture.body, fixture.body_text) {
        (Some(raw), _) => {
            let message = serde_json::from_str::<WithMessage>(raw.get())
                .ok()
                .and_then(|m| m.message);
            (minify_json(raw.get()), message)
        }
        (None, Some(text)) => (text, None),
        (None, None) => (String::new(), None),
    };
    Some(Answer {
        status: fixture.status,
        headers: fixture.headers.into_iter().collect(),
        body: Bytes::from(body),
        message,
    })
}

fn all() -> &'static HashMap<&'static str, Answer> {
    static PARSED: OnceLock<HashMap<&'static str, Answer>> = OnceLock::new();
    PARSED.get_or_init(|| {
        files()
            .into_iter()
            .filter_map(|(name, text)| parse(text).map(|answer| (name, answer)))
            .collect()
    })
}

/// The fixture named `name` (file stem, `.json` optional).
pub fn get(name: &str) -> Option<&'static Answer> {
    all().get(name.strip_suffix(".json").unwrap_or(name))
}

/// Names of all fixtures, for error messages.
pub fn names() -> Vec<&'static str> {
    files().into_iter().map(|(name, _)| name).collect()
}

/// The `message` text of a fixture; the fallback only shows if a fixture file
/// was edited into something unparsable, which the unit tests catch.
pub fn message(name: &str) -> String {
    get(name)
        .and_then(|a| a.message.clone())
        .unwrap_or_else(|| format!("(sandbox fixture {name} is missing)"))
}

/// Removes insignificant whitespace from JSON text without reordering keys.
pub fn minify_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fixture_parses() {
        let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/answers"))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "json")
            })
            .count();
        let names = names();
        assert!(on_disk > 0);
        assert_eq!(
            names.len(),
            on_disk,
            "a fixture was not embedded: {names:?}"
        );
        for name in names {
            assert!(get(name).is_some(), "fixture {name} does not parse");
        }
    }

    #[test]
    fn replay_keeps_key_order() {
        let a = get("auth-invalid-token").unwrap();
        assert_eq!(
            a.body,
            r#"{"result":"failed","message":"Invalid Token","data":[]}"#
        );
        assert_eq!(a.message.as_deref(), Some("Invalid Token"));
    }

    #[test]
    fn minify_keeps_spaces_in_strings() {
        assert_eq!(
            minify_json("{ \"a\" : \" x \\\" y \" ,\n \"b\": [ 1 , 2 ] }"),
            "{\"a\":\" x \\\" y \",\"b\":[1,2]}"
        );
    }

    #[test]
    fn text_fixture_is_verbatim() {
        let a = get("not-found-404.json").unwrap();
        assert_eq!(a.status, 404);
        assert!(a.body.starts_with(b"<!DOCTYPE html>"));
    }
}
