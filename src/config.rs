//! Client options: checked once, when the client is made, so a bad base URL
//! or a missing token is a `config` error and not a failed request later.

use std::fmt;

use crate::json::{Map, Value};

use crate::error::Error;
use crate::request::Kind;
use crate::retry::RetryPolicy;
use crate::validate::{self, formats, phone};

/// Default time limit of one request.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;
/// Longest accepted `timeoutMs` (10 minutes).
pub const MAX_TIMEOUT_MS: u32 = 600_000;

const OPTION_NAMES: &[&str] = &[
    "baseUrl",
    "vendorUid",
    "token",
    "fromPhoneNumberId",
    "defaultCountryCode",
    "timeoutMs",
    "maxRetries",
    "maxRetryDelayMs",
    "retryUnknownDelivery",
];

/// The options a single call may override, beside its `signal`.
pub const CALL_OPTION_NAMES: &[&str] = &[
    "signal",
    "timeoutMs",
    "maxRetries",
    "maxRetryDelayMs",
    "retryUnknownDelivery",
];

/// Most retries a caller may ask for.
pub const MAX_RETRIES: u32 = 10;

/// Time limit and retry policy of a call: the client's, or a call's override.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallSettings {
    /// Time limit of each request.
    pub timeout_ms: u32,
    /// When to send again.
    pub retry: RetryPolicy,
}

impl Default for CallSettings {
    fn default() -> Self {
        Self {
            timeout_ms: DEFAULT_TIMEOUT_MS,
            retry: RetryPolicy::default(),
        }
    }
}

impl CallSettings {
    /// These settings with the ones `options` gives. On error, the option's
    /// name (after `prefix`) and what is wrong.
    pub fn with_options(&self, options: &Map, prefix: &str) -> Result<Self, (String, String)> {
        let mut out = *self;
        let name = |key: &str| format!("{prefix}{key}");
        if let Some(ms) = whole_number(options.get("timeoutMs"), 1, u64::from(MAX_TIMEOUT_MS))
            .map_err(|range| {
                (
                    name("timeoutMs"),
                    format!(
                        "{} must be a whole number of milliseconds {range}.",
                        name("timeoutMs")
                    ),
                )
            })?
        {
            out.timeout_ms = ms as u32;
        }
        if let Some(n) = whole_number(options.get("maxRetries"), 0, u64::from(MAX_RETRIES))
            .map_err(|range| {
                (
                    name("maxRetries"),
                    format!("{} must be a whole number {range}.", name("maxRetries")),
                )
            })?
        {
            out.retry.max_retries = n as u32;
        }
        if let Some(ms) = whole_number(options.get("maxRetryDelayMs"), 0, u64::from(MAX_TIMEOUT_MS))
            .map_err(|range| {
                (
                    name("maxRetryDelayMs"),
                    format!(
                        "{} must be a whole number of milliseconds {range}.",
                        name("maxRetryDelayMs")
                    ),
                )
            })?
        {
            out.retry.max_delay_ms = ms;
        }
        match options.get("retryUnknownDelivery") {
            None | Some(Value::Null) => {}
            Some(Value::Bool(b)) => out.retry.retry_unknown_delivery = *b,
            Some(_) => {
                let n = name("retryUnknownDelivery");
                return Err((n.clone(), format!("{n} must be true or false.")));
            }
        }
        Ok(out)
    }
}

/// A whole number within `min..=max`; on error, the range in words.
fn whole_number(value: Option<&Value>, min: u64, max: u64) -> Result<Option<u64>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) if (min..=max).contains(&v) => Ok(Some(v)),
            _ => Err(format!("from {min} to {max}")),
        },
        Some(_) => Err(format!("from {min} to {max}")),
    }
}

/// Checked client options. The token is never printed: `Debug` masks it.
#[derive(Clone, PartialEq, Eq)]
pub struct ClientConfig {
    /// `{apiBaseUrl}` without a trailing `/`.
    pub base_url: String,
    /// The vendor's uid, the first path segment.
    pub vendor_uid: String,
    token: String,
    /// Default `from_phone_number_id` of the three sends.
    pub from_phone_number_id: Option<String>,
    /// Replaces a national leading `0` in phone numbers.
    pub default_country_code: Option<String>,
    /// Time limit and retries of each call.
    pub call: CallSettings,
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("base_url", &self.base_url)
            .field("vendor_uid", &self.vendor_uid)
            .field("token", &"[redacted]")
            .field("from_phone_number_id", &self.from_phone_number_id)
            .field("default_country_code", &self.default_country_code)
            .field("call", &self.call)
            .finish()
    }
}

impl ClientConfig {
    /// Reads the options object a caller passed to the constructor.
    pub fn from_options(options: &Value) -> Result<Self, Error> {
        let Value::Object(map) = options else {
            return Err(Error::config(
                "WhatsJetClient needs an options object: { baseUrl, vendorUid, token }.",
            ));
        };
        for key in map.keys() {
            if !OPTION_NAMES.contains(&key.as_str()) {
                let hint = OPTION_NAMES
                    .iter()
                    .find(|k| k.eq_ignore_ascii_case(key))
                    .map(|k| format!("; did you mean {k}?"))
                    .unwrap_or_else(|| format!("; the options are {}.", OPTION_NAMES.join(", ")));
                let shown: String = key.chars().take(40).collect();
                return Err(Error::config(format!(
                    "{shown} is not a client option{hint}"
                )));
            }
        }
        let base_url = base_url(required_str(map, "baseUrl")?)?;
        let vendor_uid = required_str(map, "vendorUid")?;
        if vendor_uid.len() > 128
            || vendor_uid == "."
            || vendor_uid == ".."
            || !vendor_uid
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
        {
            return Err(Error::config(
                "vendorUid may contain only letters, digits, -, ., _ and ~ (it is a path segment of every request).",
            ));
        }
        let token = required_str(map, "token")?;
        if token.len() > 4096 || !token.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(Error::config(
                "token must be printable ASCII without spaces (it is sent as a Bearer token).",
            ));
        }
        let from_phone_number_id = optional_str(map, "fromPhoneNumberId")?
            .map(|id| {
                let probe = Value::String(id.to_owned());
                let issues = validate::validate_field(
                    Kind::SendMessage,
                    "from_phone_number_id",
                    &probe,
                    &validate::Options::default(),
                );
                if issues.is_empty() {
                    Ok(id.to_owned())
                } else {
                    Err(Error::config(
                        "fromPhoneNumberId must be the digits of a WhatsApp phone number id, such as 100000000000001.",
                    ))
                }
            })
            .transpose()?;
        let default_country_code = optional_str(map, "defaultCountryCode")?
            .map(|cc| {
                phone::parse_country_code(cc)
                    .map(str::to_owned)
                    .ok_or_else(|| {
                        Error::config(
                            "defaultCountryCode must be a country calling code such as 91 or +44.",
                        )
                    })
            })
            .transpose()?;
        let call = CallSettings::default()
            .with_options(map, "")
            .map_err(|(_, message)| Error::config(message))?;
        Ok(Self {
            base_url,
            vendor_uid: vendor_uid.to_owned(),
            token: token.to_owned(),
            from_phone_number_id,
            default_country_code,
            call,
        })
    }

    /// The `Authorization` header value.
    pub fn authorization(&self) -> String {
        format!("Bearer {}", self.token)
    }

    /// The full URL of a request; `phone` is the already normalised number
    /// of an update (digits only, so it needs no escaping).
    pub fn url(&self, kind: Kind, phone: Option<&str>) -> String {
        let mut url = format!("{}/{}/{}", self.base_url, self.vendor_uid, kind.path());
        if let Some(p) = phone {
            url.push_str(p);
        }
        url
    }

    /// The validation options this client implies.
    pub fn validate_options(&self) -> validate::Options {
        validate::Options {
            default_country_code: self.default_country_code.clone(),
            from_phone_number_id: self.from_phone_number_id.clone(),
        }
    }
}

fn required_str<'a>(map: &'a Map, name: &str) -> Result<&'a str, Error> {
    optional_str(map, name)?
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| Error::config(format!("{name} is required.")))
}

fn optional_str<'a>(map: &'a Map, name: &str) -> Result<Option<&'a str>, Error> {
    match map.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(Error::config(format!("{name} must be a string."))),
    }
}

/// The API base: absolute, https unless the host is this machine, no query
/// or fragment; a trailing `/` is dropped.
fn base_url(input: &str) -> Result<String, Error> {
    let url = input.trim().trim_end_matches('/');
    let secure = formats::http_url(url).ok_or_else(|| {
        Error::config("baseUrl must be an absolute URL such as https://example.com/api.")
    })?;
    if url.contains(['?', '#']) {
        return Err(Error::config(
            "baseUrl must not have a query or fragment: it is the start of every path.",
        ));
    }
    if !secure && !is_loopback(url) {
        return Err(Error::config(
            "baseUrl must use https: the token would cross the network in clear text (plain http is allowed only for localhost).",
        ));
    }
    let authority = url
        .split_once("://")
        .map_or("", |(_, rest)| rest.split('/').next().unwrap_or(""));
    if authority.contains('@') {
        return Err(Error::config(
            "baseUrl must not contain a user name or password: fetch refuses such URLs, and the token is the credential.",
        ));
    }
    Ok(url.to_owned())
}

fn is_loopback(url: &str) -> bool {
    let rest = &url["http://".len()..];
    let authority = rest.split('/').next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host.starts_with('[') {
        host.split(']').next().map(|h| &h[1..]).unwrap_or("")
    } else {
        host.split(':').next().unwrap_or("")
    };
    host.eq_ignore_ascii_case("localhost")
        || host.to_ascii_lowercase().ends_with(".localhost")
        || host == "::1"
        || (host.starts_with("127.")
            && host.split('.').count() == 4
            && host.split('.').all(|p| p.parse::<u8>().is_ok()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The options as the core reads them.
    fn core(v: &serde_json::Value) -> Value {
        crate::json::parse(&v.to_string()).unwrap()
    }

    fn options() -> serde_json::Value {
        json!({"baseUrl": "https://example.com/api/", "vendorUid": "v-1", "token": "secret-token"})
    }

    fn config_message(v: serde_json::Value) -> String {
        match ClientConfig::from_options(&core(&v)) {
            Err(Error::Config { message }) => message,
            other => panic!("expected a config error, got {other:?}"),
        }
    }

    #[test]
    fn reads_options_and_builds_urls() {
        let c = ClientConfig::from_options(&core(&options())).unwrap();
        assert_eq!(c.base_url, "https://example.com/api");
        assert_eq!(c.call, CallSettings::default());
        assert_eq!(
            c.url(Kind::SendMessage, None),
            "https://example.com/api/v-1/contact/send-message"
        );
        assert_eq!(
            c.url(Kind::UpdateContact, Some("919876543210")),
            "https://example.com/api/v-1/contact/update/919876543210"
        );
        assert_eq!(c.authorization(), "Bearer secret-token");
        assert!(!format!("{c:?}").contains("secret-token"));
    }

    #[test]
    fn calls_override_the_client_settings() {
        let mut o = options();
        o["maxRetries"] = json!(0);
        o["timeoutMs"] = json!(5000);
        let c = ClientConfig::from_options(&core(&o)).unwrap();
        assert_eq!(c.call.retry.max_retries, 0);
        let call = json!({"maxRetries": 3, "retryUnknownDelivery": true, "maxRetryDelayMs": 100});
        let s = c
            .call
            .with_options(core(&call).as_object().unwrap(), "options.")
            .unwrap();
        assert_eq!(s.timeout_ms, 5000);
        assert_eq!(
            s.retry,
            RetryPolicy {
                max_retries: 3,
                max_delay_ms: 100,
                retry_unknown_delivery: true
            }
        );
        let bad = json!({"timeoutMs": 1.5});
        assert_eq!(
            c.call
                .with_options(core(&bad).as_object().unwrap(), "options.")
                .unwrap_err(),
            (
                "options.timeoutMs".to_owned(),
                "options.timeoutMs must be a whole number of milliseconds from 1 to 600000."
                    .to_owned()
            )
        );
    }

    #[test]
    fn refuses_bad_options() {
        let mut o = options();
        o["baseUrl"] = json!("http://example.com/api");
        assert!(config_message(o).contains("https"));
        let mut o = options();
        o["baseUrl"] = json!("http://127.0.0.1:8787/api");
        assert!(ClientConfig::from_options(&core(&o)).is_ok());
        let mut o = options();
        o["baseUrl"] = json!("http://localhost:8787/api");
        assert!(ClientConfig::from_options(&core(&o)).is_ok());
        let mut o = options();
        o["baseUrl"] = json!("http://127.0.0.1.evil.com/api");
        assert!(config_message(o).contains("https"));
        let mut o = options();
        o["baseUrl"] = json!("example.com/api");
        assert_eq!(
            config_message(o),
            "baseUrl must be an absolute URL such as https://example.com/api."
        );
        let mut o = options();
        o["baseUrl"] = json!("https://user:pass@example.com/api");
        assert!(config_message(o).starts_with("baseUrl must not contain a user name"));
        let mut o = options();
        o["vendorUid"] = json!("../admin");
        assert!(config_message(o).starts_with("vendorUid may contain only"));
        let mut o = options();
        o.as_object_mut().unwrap().remove("token");
        assert_eq!(config_message(o), "token is required.");
        let mut o = options();
        o["token"] = json!("abc\r\nX-Evil: 1");
        let m = config_message(o);
        assert!(m.starts_with("token must be printable") && !m.contains("Evil"));
        let mut o = options();
        o["baseURL"] = json!("x");
        assert_eq!(
            config_message(o),
            "baseURL is not a client option; did you mean baseUrl?"
        );
        let mut o = options();
        o["timeoutMs"] = json!(0);
        assert_eq!(
            config_message(o),
            "timeoutMs must be a whole number of milliseconds from 1 to 600000."
        );
        let mut o = options();
        o["maxRetries"] = json!(11);
        assert_eq!(
            config_message(o),
            "maxRetries must be a whole number from 0 to 10."
        );
        let mut o = options();
        o["retryUnknownDelivery"] = json!("yes");
        assert_eq!(
            config_message(o),
            "retryUnknownDelivery must be true or false."
        );
        let mut o = options();
        o["defaultCountryCode"] = json!("999");
        assert!(config_message(o).starts_with("defaultCountryCode"));
        let mut o = options();
        o["fromPhoneNumberId"] = json!("abc");
        assert!(config_message(o).starts_with("fromPhoneNumberId"));
        assert!(config_message(json!("https://x")).contains("options object"));
    }
}
