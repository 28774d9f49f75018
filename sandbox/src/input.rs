//! Request input as the Laravel server sees it: JSON or form body merged with
//! the query string, strings trimmed, empty strings turned into null, and
//! HTML-like tags stripped from top-level strings.

use serde_json::{Map, Value};

pub type Input = Map<String, Value>;

/// Builds the input of a request. Bodies are only parsed when the content
/// type says what they are, like Laravel: a JSON body sent without
/// `Content-Type: application/json` is not read, and the request then fails
/// validation with "field is required" errors.
pub fn parse(content_type: Option<&str>, body: &[u8], query: &str) -> Input {
    let content_type = content_type.unwrap_or("").to_ascii_lowercase();
    let mut input = if content_type.contains("/json") || content_type.contains("+json") {
        match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(map)) => map,
            // Invalid JSON or a non-object reads as no input at all.
            _ => Map::new(),
        }
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        parse_form(&String::from_utf8_lossy(body))
    } else {
        Map::new()
    };
    // Laravel's input() is body + query, the body winning.
    for (key, value) in parse_form(query) {
        input.entry(key).or_insert(value);
    }
    sanitize(input)
}

/// `a=1&contact[first_name]=x` → `{"a":"1","contact":{"first_name":"x"}}`
/// (one level of brackets, which is all the API's fields use).
pub fn parse_form(text: &str) -> Input {
    let mut map = Map::new();
    for pair in text.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(key, true);
        let value = Value::String(percent_decode(value, true));
        match key.split_once('[') {
            Some((outer, rest)) if rest.ends_with(']') && !outer.is_empty() => {
                let inner = &rest[..rest.len() - 1];
                let slot = map
                    .entry(outer.to_string())
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(obj) = slot {
                    obj.insert(inner.to_string(), value);
                }
            }
            _ => {
                map.insert(key, value);
            }
        }
    }
    map
}

/// Decodes `%XX` escapes (and `+` as space in forms); bad escapes stay as
/// they are and invalid UTF-8 is replaced, never rejected.
pub fn percent_decode(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Trims strings and turns empty ones into null everywhere (Laravel's global
/// TrimStrings and ConvertEmptyStringsToNull), then strips tags from
/// top-level strings (the WhatsJet server's own input cleaning).
fn sanitize(input: Input) -> Input {
    input
        .into_iter()
        .map(|(key, value)| {
            let value = match trim_deep(value) {
                Value::String(s) => {
                    let stripped = strip_tags(&s);
                    if stripped.is_empty() {
                        Value::Null
                    } else {
                        Value::String(stripped)
                    }
                }
                other => other,
            };
            (key, value)
        })
        .collect()
}

fn trim_deep(value: Value) -> Value {
    match value {
        Value::String(s) => {
            let t = s.trim();
            if t.is_empty() {
                Value::Null
            } else {
                Value::String(t.to_string())
            }
        }
        Value::Array(items) => Value::Array(items.into_iter().map(trim_deep).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, trim_deep(v))).collect())
        }
        other => other,
    }
}

/// Like PHP's strip_tags: a `<` followed by a non-space starts a tag that runs
/// to the next `>` or, if there is none, to the end of the text; so
/// `I <3 you` becomes `I ` while `1 < 2` is kept.
pub fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' && chars.peek().is_some_and(|n| !n.is_whitespace()) {
            for skipped in chars.by_ref() {
                if skipped == '>' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strip_tags_like_php() {
        assert_eq!(strip_tags("I <3 you"), "I ");
        assert_eq!(strip_tags("<b>bold</b> text"), "bold text");
        assert_eq!(strip_tags("1 < 2"), "1 < 2");
        assert_eq!(strip_tags("a <"), "a <");
        assert_eq!(strip_tags("héllo <br/>wörld"), "héllo wörld");
    }

    #[test]
    fn json_body_needs_json_content_type() {
        let body = br#"{"phone_number":"919876543210"}"#;
        assert_eq!(parse(Some("application/json"), body, "").len(), 1);
        assert_eq!(
            parse(Some("application/json; charset=utf-8"), body, "").len(),
            1
        );
        assert!(parse(None, body, "").is_empty());
        assert!(parse(Some("application/json"), b"{nope", "").is_empty());
        assert!(parse(Some("application/json"), b"[1,2]", "").is_empty());
    }

    #[test]
    fn sanitizes_like_laravel() {
        let body = br#"{"a":"  x  ","b":"   ","c":{"d":" y ","e":""},"f":"I <3 you"}"#;
        let input = parse(Some("application/json"), body, "");
        assert_eq!(input["a"], json!("x"));
        assert_eq!(input["b"], Value::Null);
        assert_eq!(input["c"], json!({"d": "y", "e": null}));
        assert_eq!(input["f"], json!("I "));
    }

    #[test]
    fn query_merges_under_body() {
        let input = parse(
            Some("application/json"),
            br#"{"a":"body"}"#,
            "a=query&b=x%20y&token=t",
        );
        assert_eq!(input["a"], json!("body"));
        assert_eq!(input["b"], json!("x y"));
    }

    #[test]
    fn form_with_brackets() {
        let input = parse(
            Some("application/x-www-form-urlencoded"),
            b"phone_number=919876543210&contact%5Bfirst_name%5D=Jo+Ann",
            "",
        );
        assert_eq!(input["contact"], json!({"first_name": "Jo Ann"}));
    }

    #[test]
    fn percent_decode_never_panics() {
        assert_eq!(percent_decode("%", false), "%");
        assert_eq!(percent_decode("%4", false), "%4");
        assert_eq!(percent_decode("%41", false), "A");
        assert_eq!(percent_decode("%zz%C3%A9", false), "%zzé");
        assert_eq!(percent_decode("%FF", false), "\u{FFFD}");
    }
}
