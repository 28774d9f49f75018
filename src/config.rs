//! Every option the library reads, checked in one place: the client's
//! (when it is made, so a bad base URL or a missing token is a `config`
//! error and not a failed request later), a call's overrides and the
//! validators'. The same bad option is the same `config` error, with an
//! issue at the option's name, wherever it is given.

use std::fmt;
use std::rc::Rc;

use crate::json::{Map, ObjectWriter, Raw, Value};

use crate::error::Error;
use crate::issue::{IssueCode, WarningCode};
use crate::messages::{Locale, Msg};
use crate::request::Kind;
use crate::retry::RetryPolicy;
use crate::validate::{self, formats, phone, TemplateDefinition};

/// Default time limit of one request.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;
/// Longest accepted `timeoutMs` (10 minutes).
pub const MAX_TIMEOUT_MS: u32 = 600_000;

/// The options of `new WhatsJetClient(...)`.
pub const OPTION_NAMES: &[&str] = &[
    "baseUrl",
    "vendorUid",
    "token",
    "fromPhoneNumberId",
    "defaultCountryCode",
    "timeoutMs",
    "maxRetries",
    "maxRetryDelayMs",
    "retryUnknownDelivery",
    "locale",
    "messages",
];

/// The options a single call may override, beside its `signal`.
pub const CALL_OPTION_NAMES: &[&str] = &[
    "signal",
    "timeoutMs",
    "maxRetries",
    "maxRetryDelayMs",
    "retryUnknownDelivery",
    "template",
];

/// The options of the standalone validators.
pub const VALIDATE_OPTION_NAMES: &[&str] = &[
    "defaultCountryCode",
    "fromPhoneNumberId",
    "template",
    "locale",
    "messages",
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
    /// These settings with the ones `options` gives (other keys are not
    /// looked at).
    pub fn with_options(&self, options: &Map) -> Result<Self, Error> {
        let mut out = *self;
        if let Some(ms) = whole_number(options, "timeoutMs", 1, MAX_TIMEOUT_MS, " of milliseconds")?
        {
            out.timeout_ms = ms;
        }
        if let Some(n) = whole_number(options, "maxRetries", 0, MAX_RETRIES, "")? {
            out.retry.max_retries = n;
        }
        if let Some(ms) = whole_number(
            options,
            "maxRetryDelayMs",
            0,
            MAX_TIMEOUT_MS,
            " of milliseconds",
        )? {
            out.retry.max_delay_ms = u64::from(ms);
        }
        match options.get("retryUnknownDelivery") {
            None | Some(Value::Null) => {}
            Some(Value::Bool(b)) => out.retry.retry_unknown_delivery = *b,
            Some(_) => {
                return Err(Error::config(
                    "retryUnknownDelivery",
                    IssueCode::InvalidType,
                    "retryUnknownDelivery must be true or false.",
                ))
            }
        }
        Ok(out)
    }
}

/// Reads a call's options argument (`undefined`/`null` for none) over the
/// client's settings. `signal` is the host's to read: any value is let
/// through here; `template` is checked and read by [`read_call_template`].
pub fn read_call_options(options: &Value, defaults: &CallSettings) -> Result<CallSettings, Error> {
    read_call_options_among(options, defaults, CALL_OPTION_NAMES, "a call option")
}

/// [`read_call_options`] for a method with options of its own (`sendBulk`'s
/// pace): `names` are all of its options, which an unknown one is told.
pub fn read_call_options_among(
    options: &Value,
    defaults: &CallSettings,
    names: &[&str],
    what: &str,
) -> Result<CallSettings, Error> {
    match options {
        Value::Null => Ok(*defaults),
        Value::Object(map) => {
            known_keys(map, names, what)?;
            defaults.with_options(map)
        }
        _ => Err(Error::config(
            "",
            IssueCode::InvalidType,
            "The call options must be an object such as { signal, timeoutMs }.",
        )),
    }
}

/// Reads the options of `validate` and `validateField`.
pub fn read_validate_options(options: &Value) -> Result<validate::Options, Error> {
    let map = match options {
        Value::Null => return Ok(validate::Options::default()),
        Value::Object(map) => map,
        _ => return Err(Error::config(
            "",
            IssueCode::InvalidType,
            "The validation options must be an object: { defaultCountryCode, fromPhoneNumberId }.",
        )),
    };
    known_keys(map, VALIDATE_OPTION_NAMES, "a validation option")?;
    let locale = locale(map)?;
    Ok(validate::Options {
        default_country_code: country_code(optional_str(map, "defaultCountryCode")?)?,
        from_phone_number_id: phone_number_id(optional_str(map, "fromPhoneNumberId")?)?,
        template: template(map, locale.as_deref())?,
        locale,
    })
}

/// The `locale` (a module of `whatsjet/locales/`) and `messages` (the
/// user's own texts, by issue or warning code or message key) options.
pub fn locale(map: &Map) -> Result<Option<Rc<Locale>>, Error> {
    let texts = |option: &str, value: Option<&Value>| -> Result<Map, Error> {
        let Some(value) = value.filter(|v| !v.is_null()) else {
            return Ok(Map::new());
        };
        let bad = || {
            Error::config(
                option,
                IssueCode::InvalidType,
                format!("{option} must be an object of message key to text."),
            )
        };
        let Value::Object(texts) = value else {
            return Err(bad());
        };
        if texts.values().any(|t| t.as_str().is_none()) {
            return Err(bad());
        }
        Ok(texts.clone())
    };
    let not_a_locale = || {
        Error::config(
            "locale",
            IssueCode::InvalidType,
            "locale must be a locale module, such as the default export of whatsjet/locales/pt-BR.",
        )
    };
    let table = match map.get("locale") {
        None | Some(Value::Null) => None,
        // Without its messages (a module's namespace rather than its default
        // export, say) it would silently be English.
        Some(Value::Object(l)) => match l.get("messages") {
            None | Some(Value::Null) => return Err(not_a_locale()),
            messages => Some(texts("locale.messages", messages)?),
        },
        Some(_) => return Err(not_a_locale()),
    };
    let overrides = texts("messages", map.get("messages"))?;
    overrides
        .keys()
        .try_for_each(|k| check_message_key(k, false))?;
    if table.is_none() && overrides.is_empty() {
        return Ok(None);
    }
    Ok(Some(Rc::new(Locale {
        messages: table.unwrap_or_default(),
        overrides,
    })))
}

/// A key of the `messages` option: a code of an issue or a warning, or a
/// key of the message tables. A phrase (`type.string`) is a text that
/// other messages take, so it cannot be a function.
pub fn check_message_key(key: &str, function: bool) -> Result<(), Error> {
    let shown: String = key.chars().take(40).collect();
    let message = Msg::ALL.iter().find(|m| m.key() == key);
    if message.is_none()
        && !IssueCode::ALL.iter().any(|c| c.as_str() == key)
        && !WarningCode::ALL.iter().any(|c| c.as_str() == key)
    {
        return Err(Error::config(
            "messages",
            IssueCode::UnknownField,
            format!("messages.{shown} is not an issue code, a warning code or a message key (such as invalid_phone or too_long)."),
        ));
    }
    if function && message.is_some_and(|m| m.is_phrase()) {
        return Err(Error::config(
            "messages",
            IssueCode::InvalidType,
            format!("messages.{shown} is a phrase that other messages take: give it a text, not a function."),
        ));
    }
    Ok(())
}

/// The `template` of a call's options, the definition the request is
/// checked against; what is wrong with it is said in `locale`'s words.
pub fn read_call_template(
    options: &Value,
    locale: Option<&Locale>,
) -> Result<Option<TemplateDefinition>, Error> {
    match options {
        Value::Object(map) => template(map, locale),
        _ => Ok(None),
    }
}

/// A `template` option: WhatsApp's definition of a template. Unlike the
/// other options it is often the user's own (a form's "template definition"
/// box), so its problems speak the locale.
fn template(map: &Map, locale: Option<&Locale>) -> Result<Option<TemplateDefinition>, Error> {
    match map.get("template") {
        None | Some(Value::Null) => Ok(None),
        Some(t) => TemplateDefinition::parse(t).map(Some).map_err(|mut issue| {
            issue.localize(locale);
            Error::Config {
                issues: vec![issue],
            }
        }),
    }
}

/// A `defaultCountryCode` (`"91"`, `"+44"`), as digits.
pub fn country_code(value: Option<&str>) -> Result<Option<String>, Error> {
    value
        .map(|cc| {
            phone::parse_country_code(cc)
                .map(str::to_owned)
                .ok_or_else(|| {
                    Error::config(
                        "defaultCountryCode",
                        IssueCode::InvalidFormat,
                        "defaultCountryCode must be a country calling code such as 91 or +44.",
                    )
                })
        })
        .transpose()
}

/// A `fromPhoneNumberId`, checked as the sends check `from_phone_number_id`;
/// blank is no default, as the server reads a blank `from_phone_number_id`.
fn phone_number_id(value: Option<&str>) -> Result<Option<String>, Error> {
    value
        .filter(|id| !id.trim().is_empty())
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
                    "fromPhoneNumberId",
                    IssueCode::InvalidFormat,
                    "fromPhoneNumberId must be the digits of a WhatsApp phone number id, such as 100000000000001.",
                ))
            }
        })
        .transpose()
}

/// Refuses the first key not in `names`, suggesting the name it differs
/// from only in case.
fn known_keys(map: &Map, names: &[&str], what: &str) -> Result<(), Error> {
    let Some(key) = map.keys().find(|k| !names.contains(&k.as_str())) else {
        return Ok(());
    };
    let hint = names
        .iter()
        .find(|k| k.eq_ignore_ascii_case(key))
        .map(|k| format!("; did you mean {k}?"))
        .unwrap_or_else(|| format!("; the options are {}.", names.join(", ")));
    let shown: String = key.chars().take(40).collect();
    Err(Error::config(
        key,
        IssueCode::UnknownField,
        format!("{shown} is not {what}{hint}"),
    ))
}

/// A whole number within `min..=max`, if given.
pub(crate) fn whole_number(
    options: &Map,
    name: &str,
    min: u32,
    max: u32,
    unit: &str,
) -> Result<Option<u32>, Error> {
    let refuse = |code| {
        Error::config(
            name,
            code,
            format!("{name} must be a whole number{unit} from {min} to {max}."),
        )
    };
    match options.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) if (u64::from(min)..=u64::from(max)).contains(&v) => Ok(Some(v as u32)),
            _ => Err(refuse(IssueCode::OutOfRange)),
        },
        Some(_) => Err(refuse(IssueCode::InvalidType)),
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
    /// The words of validation messages.
    pub locale: Option<Rc<Locale>>,
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
                "",
                IssueCode::InvalidType,
                "WhatsJetClient needs an options object: { baseUrl, vendorUid, token }.",
            ));
        };
        known_keys(map, OPTION_NAMES, "a client option")?;
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
                "vendorUid",
                IssueCode::InvalidFormat,
                "vendorUid may contain only letters, digits, -, ., _ and ~ (it is a path segment of every request).",
            ));
        }
        let token = required_str(map, "token")?;
        if token.len() > 4096 || !token.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(Error::config(
                "token",
                IssueCode::InvalidFormat,
                "token must be printable ASCII without spaces (it is sent as a Bearer token).",
            ));
        }
        Ok(Self {
            base_url,
            vendor_uid: vendor_uid.to_owned(),
            token: token.to_owned(),
            from_phone_number_id: phone_number_id(optional_str(map, "fromPhoneNumberId")?)?,
            default_country_code: country_code(optional_str(map, "defaultCountryCode")?)?,
            call: CallSettings::default().with_options(map)?,
            locale: locale(map)?,
        })
    }

    /// The `Authorization` header value.
    pub fn authorization(&self) -> String {
        format!("Bearer {}", self.token)
    }

    /// The full URL of a request; `phone` is the already normalised number
    /// of an update (digits only, so it needs no escaping).
    pub fn url(&self, kind: Kind, phone: Option<&str>) -> String {
        let mut url = format!(
            "{}/{}/{}",
            self.base_url,
            self.vendor_uid,
            kind.route().path
        );
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
            template: None,
            locale: self.locale.clone(),
        }
    }

    /// The settings as an options object without the token, for logs; unset
    /// options are left out, as in the options object.
    pub fn public_json(&self) -> String {
        let mut out = String::new();
        let mut object = ObjectWriter::new(&mut out)
            .field("baseUrl", self.base_url.as_str())
            .field("vendorUid", self.vendor_uid.as_str());
        if let Some(id) = &self.from_phone_number_id {
            object = object.field("fromPhoneNumberId", id.as_str());
        }
        if let Some(cc) = &self.default_country_code {
            object = object.field("defaultCountryCode", cc.as_str());
        }
        let retry = &self.call.retry;
        object
            .field("timeoutMs", &Raw(&self.call.timeout_ms.to_string()))
            .field("maxRetries", &Raw(&retry.max_retries.to_string()))
            .field("maxRetryDelayMs", &Raw(&retry.max_delay_ms.to_string()))
            .field("retryUnknownDelivery", &retry.retry_unknown_delivery)
            .end();
        out
    }
}

fn required_str<'a>(map: &'a Map, name: &str) -> Result<&'a str, Error> {
    optional_str(map, name)?
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| Error::config(name, IssueCode::Required, format!("{name} is required.")))
}

fn optional_str<'a>(map: &'a Map, name: &str) -> Result<Option<&'a str>, Error> {
    match map.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(Error::config(
            name,
            IssueCode::InvalidType,
            format!("{name} must be a string."),
        )),
    }
}

/// The API base: absolute, https unless the host is this machine, no query
/// or fragment; a trailing `/` is dropped.
fn base_url(input: &str) -> Result<String, Error> {
    let refuse = |message: &str| Error::config("baseUrl", IssueCode::InvalidUrl, message);
    let url = input.trim().trim_end_matches('/');
    let secure = formats::http_url(url).ok_or_else(|| {
        refuse("baseUrl must be an absolute URL such as https://example.com/api.")
    })?;
    if url.contains(['?', '#']) {
        return Err(refuse(
            "baseUrl must not have a query or fragment: it is the start of every path.",
        ));
    }
    if !secure && !is_loopback(url) {
        return Err(refuse(
            "baseUrl must use https: the token would cross the network in clear text (plain http is allowed only for localhost).",
        ));
    }
    let authority = url
        .split_once("://")
        .map_or("", |(_, rest)| rest.split('/').next().unwrap_or(""));
    if authority.contains('@') {
        return Err(refuse(
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
    use crate::issue::Issue;
    use serde_json::json;

    /// The options as the core reads them.
    fn core(v: &serde_json::Value) -> Value {
        crate::json::parse(&v.to_string()).unwrap()
    }

    fn options() -> serde_json::Value {
        json!({"baseUrl": "https://example.com/api/", "vendorUid": "v-1", "token": "secret-token"})
    }

    /// The one issue of the config error the client options give.
    fn config_issue(v: serde_json::Value) -> Issue {
        match ClientConfig::from_options(&core(&v)) {
            Err(Error::Config { issues }) if issues.len() == 1 => issues[0].clone(),
            other => panic!("expected a config error, got {other:?}"),
        }
    }

    #[test]
    fn reads_options_and_builds_urls() {
        let c = ClientConfig::from_options(&core(&options())).unwrap();
        assert_eq!(c.base_url, "https://example.com/api");
        assert_eq!(c.call, CallSettings::default());
        assert_eq!(
            c.url(Kind::UpdateContact, Some("919876543210")),
            "https://example.com/api/v-1/contact/update/919876543210"
        );
        assert_eq!(c.authorization(), "Bearer secret-token");
        assert!(!format!("{c:?}").contains("secret-token"));
        assert_eq!(
            c.public_json(),
            r#"{"baseUrl":"https://example.com/api","vendorUid":"v-1","timeoutMs":30000,"maxRetries":2,"maxRetryDelayMs":60000,"retryUnknownDelivery":false}"#
        );
    }

    #[test]
    fn calls_override_the_client_settings() {
        let mut o = options();
        o["maxRetries"] = json!(0);
        o["timeoutMs"] = json!(5000);
        let c = ClientConfig::from_options(&core(&o)).unwrap();
        assert_eq!(c.call.retry.max_retries, 0);
        let call = json!({"signal": {}, "maxRetries": 3, "retryUnknownDelivery": true, "maxRetryDelayMs": 100});
        let s = read_call_options(&core(&call), &c.call).unwrap();
        assert_eq!(s.timeout_ms, 5000);
        assert_eq!(
            s.retry,
            RetryPolicy {
                max_retries: 3,
                max_delay_ms: 100,
                retry_unknown_delivery: true
            }
        );
        assert_eq!(read_call_options(&Value::Null, &c.call).unwrap(), c.call);
    }

    #[test]
    fn a_bad_option_is_the_same_error_on_the_client_and_on_a_call() {
        for (option, value, code, message) in [
            (
                "timeoutMs",
                json!(0),
                IssueCode::OutOfRange,
                "timeoutMs must be a whole number of milliseconds from 1 to 600000.",
            ),
            (
                "timeoutMs",
                json!(1.5),
                IssueCode::OutOfRange,
                "timeoutMs must be a whole number of milliseconds from 1 to 600000.",
            ),
            (
                "timeoutMs",
                json!("5"),
                IssueCode::InvalidType,
                "timeoutMs must be a whole number of milliseconds from 1 to 600000.",
            ),
            (
                "maxRetries",
                json!(11),
                IssueCode::OutOfRange,
                "maxRetries must be a whole number from 0 to 10.",
            ),
            (
                "maxRetryDelayMs",
                json!(-1),
                IssueCode::OutOfRange,
                "maxRetryDelayMs must be a whole number of milliseconds from 0 to 600000.",
            ),
            (
                "retryUnknownDelivery",
                json!("yes"),
                IssueCode::InvalidType,
                "retryUnknownDelivery must be true or false.",
            ),
        ] {
            let expected = Error::Config {
                issues: vec![Issue::new(option, code, message)],
            };
            let mut o = options();
            o[option] = value.clone();
            assert_eq!(ClientConfig::from_options(&core(&o)).unwrap_err(), expected);
            let call = core(&json!({ option: value }));
            assert_eq!(
                read_call_options(&call, &CallSettings::default()).unwrap_err(),
                expected
            );
        }
    }

    #[test]
    fn unknown_options_are_named_with_a_suggestion() {
        let mut o = options();
        o["baseURL"] = json!("x");
        let issue = config_issue(o);
        assert_eq!(
            (issue.path.as_str(), issue.code, issue.message.as_str()),
            (
                "baseURL",
                IssueCode::UnknownField,
                "baseURL is not a client option; did you mean baseUrl?"
            )
        );
        let e =
            read_call_options(&core(&json!({"retries": 1})), &CallSettings::default()).unwrap_err();
        assert_eq!(
            e.issues(),
            [Issue::new(
                "retries",
                IssueCode::UnknownField,
                "retries is not a call option; the options are signal, timeoutMs, maxRetries, maxRetryDelayMs, retryUnknownDelivery, template."
            )]
        );
        assert_eq!(
            read_call_options(&core(&json!([1])), &CallSettings::default())
                .unwrap_err()
                .issues()[0]
                .code,
            IssueCode::InvalidType
        );
    }

    #[test]
    fn validator_options_share_the_client_rules() {
        let o = read_validate_options(&core(
            &json!({"defaultCountryCode": "+44", "fromPhoneNumberId": "100000000000001"}),
        ))
        .unwrap();
        assert_eq!(o.default_country_code.as_deref(), Some("44"));
        assert_eq!(o.from_phone_number_id.as_deref(), Some("100000000000001"));
        for (option, value) in [("defaultCountryCode", "999"), ("fromPhoneNumberId", "abc")] {
            let mut client = options();
            client[option] = json!(value);
            assert_eq!(
                read_validate_options(&core(&json!({ option: value }))).unwrap_err(),
                ClientConfig::from_options(&core(&client)).unwrap_err()
            );
        }
        assert_eq!(
            read_validate_options(&core(&json!({"locale": "en"})))
                .unwrap_err()
                .issues()[0]
                .path,
            "locale"
        );
    }

    #[test]
    fn refuses_bad_options() {
        let with = |key: &str, value: serde_json::Value| {
            let mut o = options();
            o[key] = value;
            config_issue(o)
        };
        let url = |value: &str| with("baseUrl", json!(value));
        assert!(url("http://example.com/api").message.contains("https"));
        assert!(url("http://127.0.0.1.evil.com/api")
            .message
            .contains("https"));
        for local in ["http://127.0.0.1:8787/api", "http://localhost:8787/api"] {
            let mut o = options();
            o["baseUrl"] = json!(local);
            assert!(ClientConfig::from_options(&core(&o)).is_ok(), "{local}");
        }
        assert_eq!(
            url("example.com/api"),
            Issue::new(
                "baseUrl",
                IssueCode::InvalidUrl,
                "baseUrl must be an absolute URL such as https://example.com/api."
            )
        );
        assert!(url("https://user:pass@example.com/api")
            .message
            .starts_with("baseUrl must not contain a user name"));
        assert_eq!(with("vendorUid", json!("../admin")).path, "vendorUid");
        let mut o = options();
        o.as_object_mut().unwrap().remove("token");
        assert_eq!(
            config_issue(o),
            Issue::new("token", IssueCode::Required, "token is required.")
        );
        let token = with("token", json!("abc\r\nX-Evil: 1"));
        assert!(
            token.message.starts_with("token must be printable") && !token.message.contains("Evil")
        );
        assert_eq!(
            with("defaultCountryCode", json!("999")).path,
            "defaultCountryCode"
        );
        assert_eq!(
            with("fromPhoneNumberId", json!("abc")).path,
            "fromPhoneNumberId"
        );
        assert_eq!(
            with("vendorUid", json!(5)),
            Issue::new(
                "vendorUid",
                IssueCode::InvalidType,
                "vendorUid must be a string."
            )
        );
        let whole = ClientConfig::from_options(&core(&json!("https://x"))).unwrap_err();
        assert_eq!(whole.issues()[0].path, "");
        assert!(whole.to_string().contains("options object"));
    }
}
