//! What a call would send, for a person to read or to paste into a shell:
//! the prepared [`Request`] (validated, normalised, defaults filled in) with
//! the headers every request carries, the token masked, and a curl command
//! that reads the token from `$WHATSJET_TOKEN`.

use crate::call::{self, Method, Request};
use crate::json::{ObjectWriter, ToJson};

/// What stands for the token in a preview's `Authorization` header.
pub const MASKED_AUTHORIZATION: &str = "Bearer ****";

/// A request as it would go out, the token masked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// GET or POST.
    pub method: Method,
    /// The full URL, query string included.
    pub url: String,
    /// The headers in the order they are sent, `Authorization` masked.
    pub headers: [(&'static str, &'static str); 3],
    /// The JSON body of a POST, exactly as sent.
    pub body: Option<String>,
}

impl Preview {
    /// The preview of a prepared request.
    pub fn of(request: &Request) -> Self {
        Self {
            method: request.method,
            url: request.url.clone(),
            headers: call::headers(MASKED_AUTHORIZATION),
            body: request.body.clone(),
        }
    }

    /// A curl command doing the same request. Every argument is in single
    /// quotes, inside which a POSIX shell expands nothing (a `'` is closed,
    /// escaped and reopened), so any URL or body is safe to paste; only the
    /// `Authorization` header is in double quotes, so that the shell puts
    /// in `$WHATSJET_TOKEN`.
    pub fn to_curl(&self) -> String {
        // Written piece by piece rather than with `format!` and `replace`:
        // 0.3 KB less of the release module (`node benches/size-check.mjs`).
        let mut out = String::from("curl -X ");
        out.push_str(self.method.as_str());
        out.push(' ');
        shell_quote(&mut out, &self.url);
        for (name, value) in self.headers {
            out.push_str(" \\\n  -H ");
            if name == "Authorization" {
                out.push_str("\"Authorization: Bearer $WHATSJET_TOKEN\"");
            } else {
                shell_quote(&mut out, &[name, ": ", value].concat());
            }
        }
        if let Some(body) = &self.body {
            out.push_str(" \\\n  --data-raw ");
            shell_quote(&mut out, body);
        }
        out
    }
}

/// Appends `text` as one single-quoted shell word.
fn shell_quote(out: &mut String, text: &str) {
    out.push('\'');
    for c in text.chars() {
        match c {
            '\'' => out.push_str("'\\''"),
            c => out.push(c),
        }
    }
    out.push('\'');
}

/// `{"method","url","headers":{…},"body"}`, `body` null for a GET.
impl ToJson for Preview {
    fn write_json(&self, out: &mut String) {
        struct Headers<'a>(&'a [(&'static str, &'static str)]);
        impl ToJson for Headers<'_> {
            fn write_json(&self, out: &mut String) {
                self.0
                    .iter()
                    .fold(ObjectWriter::new(out), |o, (name, value)| {
                        o.field(name, *value)
                    })
                    .end();
            }
        }
        ObjectWriter::new(out)
            .field("method", self.method.as_str())
            .field("url", self.url.as_str())
            .field("headers", &Headers(&self.headers))
            .field("body", &self.body.as_deref())
            .end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ClientConfig;
    use crate::json::{self, Value};
    use crate::request::Kind;

    fn client() -> ClientConfig {
        ClientConfig::from_options(
            &json::parse(
                r#"{"baseUrl":"https://example.com/api","vendorUid":"v-1","token":"secret-token","fromPhoneNumberId":"100000000000001","defaultCountryCode":"91"}"#,
            )
            .unwrap(),
        )
        .unwrap()
    }

    fn preview(kind: Kind, payload: &str) -> Preview {
        Preview::of(&call::prepare(&client(), kind, None, json::parse(payload).unwrap()).unwrap())
    }

    #[test]
    fn a_send_is_previewed_normalised_with_the_clients_defaults_and_no_token() {
        let p = preview(
            Kind::SendMessage,
            r#"{"phone_number":"098765 43210","message_body":"hi"}"#,
        );
        assert_eq!(
            p.to_json_string(),
            r#"{"method":"POST","url":"https://example.com/api/v-1/contact/send-message","headers":{"Authorization":"Bearer ****","Content-Type":"application/json","Accept":"application/json"},"body":"{\"phone_number\":\"919876543210\",\"message_body\":\"hi\",\"from_phone_number_id\":\"100000000000001\"}"}"#
        );
        assert_eq!(
            p.to_curl(),
            "curl -X POST 'https://example.com/api/v-1/contact/send-message' \\\n  -H \"Authorization: Bearer $WHATSJET_TOKEN\" \\\n  -H 'Content-Type: application/json' \\\n  -H 'Accept: application/json' \\\n  --data-raw '{\"phone_number\":\"919876543210\",\"message_body\":\"hi\",\"from_phone_number_id\":\"100000000000001\"}'"
        );
        assert!(!p.to_json_string().contains("secret-token"));
        assert!(!p.to_curl().contains("secret-token"));
    }

    #[test]
    fn a_get_has_its_query_in_the_url_and_no_body() {
        let p = preview(Kind::ListContacts, r#"{"search_term":"a b&c","page":2}"#);
        assert_eq!(p.method, Method::Get);
        assert_eq!(
            p.url,
            "https://example.com/api/v-1/contacts?page=2&search_term=a%20b%26c"
        );
        assert_eq!(p.body, None);
        assert!(p.to_json_string().ends_with(r#""body":null}"#));
        assert_eq!(
            p.to_curl(),
            "curl -X GET 'https://example.com/api/v-1/contacts?page=2&search_term=a%20b%26c' \\\n  -H \"Authorization: Bearer $WHATSJET_TOKEN\" \\\n  -H 'Content-Type: application/json' \\\n  -H 'Accept: application/json'"
        );
    }

    #[test]
    fn a_path_argument_ends_the_url_normalised() {
        let phone = Value::String("+91 98765-43210".into());
        let request = call::prepare(
            &client(),
            Kind::UpdateContact,
            Some(&phone),
            json::parse(r#"{"first_name":"Ada"}"#).unwrap(),
        )
        .unwrap();
        let p = Preview::of(&request);
        assert_eq!(
            p.url,
            "https://example.com/api/v-1/contact/update/919876543210"
        );
        assert_eq!(p.body.as_deref(), Some(r#"{"first_name":"Ada"}"#));
    }

    /// What a POSIX shell makes of one word: single quotes keep everything
    /// literal, `\'` outside them is a quote; enough to read back
    /// [`shell_quote`]'s output.
    fn unquote(word: &str) -> String {
        let mut out = String::new();
        let mut quoted = false;
        let mut chars = word.chars();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (_, '\'') => quoted = !quoted,
                (false, '\\') => out.extend(chars.next()),
                (true, c) => out.push(c),
                (false, c) => panic!("unquoted {c:?} in {word:?}"),
            }
        }
        assert!(!quoted, "unterminated quote in {word:?}");
        out
    }

    #[test]
    fn any_body_survives_the_shell_unchanged() {
        let text = "it's $HOME `id` $(id) \\ \"x\" !! ' '' é 🚀";
        let mut payload = json::Map::new();
        payload.insert("phone_number", Value::String("919876543210".into()));
        payload.insert("message_body", Value::String(text.into()));
        let request =
            call::prepare(&client(), Kind::SendMessage, None, Value::Object(payload)).unwrap();
        let curl = Preview::of(&request).to_curl();
        let word = curl
            .lines()
            .last()
            .and_then(|l| l.strip_prefix("  --data-raw "))
            .unwrap();
        assert_eq!(unquote(word), request.body.unwrap());
        let quoted = |text: &str| {
            let mut out = String::new();
            shell_quote(&mut out, text);
            out
        };
        assert_eq!(unquote(&quoted("'")), "'");
        assert_eq!(quoted("a'b"), r"'a'\''b'");
    }
}
