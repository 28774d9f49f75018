//! Client options (`ClientConfig::from_options`): what a client may be made
//! with, the config errors for everything else, and that the token never
//! shows up in a debug print or an error message.

use serde_json::{json, Value};
use whatsjet::config::{ClientConfig, DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS};
use whatsjet::{Error, Kind};

/// A `json!` value as the core reads it.
fn core(v: &serde_json::Value) -> whatsjet::json::Value {
    whatsjet::json::parse(&v.to_string()).unwrap()
}

const TOKEN: &str = "s3cr3t-T0KEN.value_42";

// ---------------------------------------------------------------- helpers

fn options() -> Value {
    json!({"baseUrl": "https://example.com/api", "vendorUid": "v-1", "token": TOKEN})
}

/// The valid options with `extra` set (a `null` removes the key).
fn options_with(extra: Value) -> Value {
    let mut o = options();
    let map = o.as_object_mut().unwrap();
    for (k, v) in extra.as_object().unwrap() {
        if v.is_null() {
            map.remove(k);
        } else {
            map.insert(k.clone(), v.clone());
        }
    }
    o
}

fn config(o: Value) -> ClientConfig {
    match ClientConfig::from_options(&core(&o)) {
        Ok(c) => c,
        Err(e) => panic!("expected a config for {o}, got {e:?}"),
    }
}

/// The message of the config error `o` gives; also checks it never holds
/// the token.
fn config_error(o: Value) -> String {
    match ClientConfig::from_options(&core(&o)) {
        Err(e @ Error::Config { .. }) => {
            assert_eq!(e.code(), "config");
            assert!(!e.retryable());
            let message = e.to_string();
            assert!(!message.contains(TOKEN), "{message}");
            assert!(!format!("{e:?}").contains(TOKEN));
            message
        }
        other => panic!("expected a config error for {o}, got {other:?}"),
    }
}

fn base_url_error(url: &str) -> String {
    config_error(options_with(json!({ "baseUrl": url })))
}

const NOT_ABSOLUTE: &str = "baseUrl must be an absolute URL such as https://example.com/api.";
const NOT_HTTPS: &str = "baseUrl must use https: the token would cross the network in clear text (plain http is allowed only for localhost).";

// ---------------------------------------------------------- valid options

#[test]
fn minimal_options_give_a_config_with_defaults() {
    let c = config(options());
    assert_eq!(c.base_url, "https://example.com/api");
    assert_eq!(c.vendor_uid, "v-1");
    assert_eq!(c.from_phone_number_id, None);
    assert_eq!(c.default_country_code, None);
    assert_eq!(c.call.timeout_ms, DEFAULT_TIMEOUT_MS);
    assert_eq!(DEFAULT_TIMEOUT_MS, 30_000);
    assert_eq!(c.authorization(), format!("Bearer {TOKEN}"));
}

#[test]
fn every_option_is_read() {
    let c = config(options_with(json!({
        "fromPhoneNumberId": "100000000000001",
        "defaultCountryCode": "91",
        "timeoutMs": 5000,
    })));
    assert_eq!(c.from_phone_number_id.as_deref(), Some("100000000000001"));
    assert_eq!(c.default_country_code.as_deref(), Some("91"));
    assert_eq!(c.call.timeout_ms, 5000);
    let v = c.validate_options();
    assert_eq!(v.default_country_code.as_deref(), Some("91"));
    assert_eq!(v.from_phone_number_id.as_deref(), Some("100000000000001"));
}

#[test]
fn null_options_are_absent() {
    let c = config(json!({
        "baseUrl": "https://example.com/api",
        "vendorUid": "v-1",
        "token": TOKEN,
        "fromPhoneNumberId": null,
        "defaultCountryCode": null,
        "timeoutMs": null,
    }));
    assert_eq!(c.from_phone_number_id, None);
    assert_eq!(c.default_country_code, None);
    assert_eq!(c.call.timeout_ms, DEFAULT_TIMEOUT_MS);
}

#[test]
fn urls_of_every_request() {
    let c = config(options());
    let cases = [
        (
            Kind::SendMessage,
            None,
            "https://example.com/api/v-1/contact/send-message",
        ),
        (
            Kind::SendMediaMessage,
            None,
            "https://example.com/api/v-1/contact/send-media-message",
        ),
        (
            Kind::SendTemplateMessage,
            None,
            "https://example.com/api/v-1/contact/send-template-message",
        ),
        (
            Kind::CreateContact,
            None,
            "https://example.com/api/v-1/contact/create",
        ),
        (
            Kind::UpdateContact,
            Some("919876543210"),
            "https://example.com/api/v-1/contact/update/919876543210",
        ),
    ];
    for (kind, phone, url) in cases {
        assert_eq!(c.url(kind, phone), url);
        // The token never goes in a URL.
        assert!(!c.url(kind, phone).contains(TOKEN));
    }
}

// ---------------------------------------------------------------- baseUrl

#[test]
fn base_url_trailing_slashes_and_spaces_are_trimmed() {
    for (input, out) in [
        ("https://example.com/api/", "https://example.com/api"),
        ("https://example.com/api//", "https://example.com/api"),
        ("  https://example.com/api  ", "https://example.com/api"),
        ("https://example.com/", "https://example.com"),
        (
            "https://wa.example.co.in:8443/panel/api",
            "https://wa.example.co.in:8443/panel/api",
        ),
    ] {
        assert_eq!(
            config(options_with(json!({ "baseUrl": input }))).base_url,
            out,
            "{input}"
        );
    }
    let c = config(options_with(json!({"baseUrl": "https://example.com/api/"})));
    assert_eq!(
        c.url(Kind::SendMessage, None),
        "https://example.com/api/v-1/contact/send-message"
    );
}

#[test]
fn base_url_must_be_absolute_http() {
    for url in [
        "/api",
        "api",
        "example.com/api",
        "ftp://example.com/api",
        "ws://example.com/api",
        "file:///api",
        "https://",
        "https:///api",
        "https://exa mple.com/api",
        "javascript:alert(1)",
    ] {
        assert_eq!(base_url_error(url), NOT_ABSOLUTE, "{url}");
    }
}

#[test]
fn base_url_must_be_https_except_on_this_machine() {
    for url in [
        "http://example.com/api",
        "http://10.0.0.5/api",
        "http://192.168.1.10:8080/api",
        "http://127.0.0.1.evil.com/api",
        "http://localhost.evil.com/api",
        "http://localhost@evil.com/api",
        "http://127.0.0.1:80@evil.com/api",
        "http://[::2]/api",
    ] {
        assert_eq!(base_url_error(url), NOT_HTTPS, "{url}");
    }
}

#[test]
fn a_backslash_cannot_smuggle_a_remote_host_past_the_loopback_check() {
    // Browsers read `\` as `/` in http URLs: the host here is evil.com.
    for url in [
        "http://evil.com\\@localhost/api",
        "http://evil.com\\@127.0.0.1/api",
    ] {
        assert_eq!(base_url_error(url), NOT_ABSOLUTE, "{url}");
    }
}

#[test]
fn a_remote_host_dressed_up_as_this_machine_is_refused() {
    // Each puts this machine's name somewhere other than the host, or has a
    // host that reads as local but is not loopback.
    let fragment = "baseUrl must not have a query or fragment: it is the start of every path.";
    for (url, message) in [
        ("http://0.0.0.0/api", NOT_HTTPS),
        ("http://[::1]@example.com/api", NOT_HTTPS),
        ("http://example.com/127.0.0.1", NOT_HTTPS),
        ("http://example.com#@127.0.0.1/api", fragment),
        ("http://example.com?@127.0.0.1/api", fragment),
        ("http://example.com\\.localhost/api", NOT_ABSOLUTE),
        ("http://[::ffff:10.0.0.1]/api", NOT_HTTPS),
        ("http://2130706433/api", NOT_HTTPS),
        ("//127.0.0.1/api", NOT_ABSOLUTE),
        ("127.0.0.1/api", NOT_ABSOLUTE),
    ] {
        assert_eq!(base_url_error(url), message, "{url}");
    }
}

#[test]
fn plain_http_is_allowed_for_loopback() {
    for url in [
        "http://127.0.0.1/api",
        "http://127.0.0.1:8787/api",
        "http://127.1.2.3:8787/api",
        "http://localhost/api",
        "http://localhost:8787/api",
        "http://LOCALHOST:8787/api",
        "http://sandbox.localhost:8787/api",
        "http://[::1]:8787/api",
    ] {
        assert_eq!(
            config(options_with(json!({ "baseUrl": url }))).base_url,
            url,
            "{url}"
        );
    }
}

#[test]
fn base_url_must_not_have_a_query_or_fragment() {
    for url in [
        "https://example.com/api?token=x",
        "https://example.com/api#x",
    ] {
        assert_eq!(
            base_url_error(url),
            "baseUrl must not have a query or fragment: it is the start of every path."
        );
    }
}

// -------------------------------------------------------------- vendorUid

#[test]
fn vendor_uid_is_one_safe_path_segment() {
    for good in [
        "v-1",
        "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
        "vendor_1.x~y",
        "a..b",
    ] {
        assert_eq!(
            config(options_with(json!({ "vendorUid": good }))).vendor_uid,
            good
        );
    }
    let message = "vendorUid may contain only letters, digits, -, ., _ and ~ (it is a path segment of every request).";
    for bad in [
        "a/b",
        "..",
        ".",
        "../admin",
        "v 1",
        "v?x=1",
        "v#1",
        "v%2F1",
        "v\\1",
        "vé",
        &"v".repeat(129),
    ] {
        assert_eq!(
            config_error(options_with(json!({ "vendorUid": bad }))),
            message,
            "{bad}"
        );
    }
}

// ------------------------------------------------------------------ token

#[test]
fn token_must_be_printable_ascii_without_spaces() {
    let message = "token must be printable ASCII without spaces (it is sent as a Bearer token).";
    for bad in [
        format!("{TOKEN} x"),
        format!("{TOKEN}\n"),
        format!("{TOKEN}\r\nX-Evil: 1"),
        format!("{TOKEN}\t"),
        format!("{TOKEN}é"),
        format!("{TOKEN}\u{0}"),
        "t".repeat(4097),
    ] {
        let m = config_error(options_with(json!({ "token": bad })));
        assert_eq!(m, message);
        assert!(!m.contains("Evil"));
    }
    // Surrounding spaces are not trimmed into a valid token either.
    assert_eq!(
        config_error(options_with(json!({ "token": format!(" {TOKEN}") }))),
        message
    );
    assert!(
        ClientConfig::from_options(&core(&options_with(json!({"token": "t".repeat(4096)}))))
            .is_ok()
    );
}

// -------------------------------------------------------- required options

#[test]
fn each_required_option_is_required() {
    for name in ["baseUrl", "vendorUid", "token"] {
        let expected = format!("{name} is required.");
        assert_eq!(config_error(options_with(json!({ name: null }))), expected);
        assert_eq!(config_error(options_with(json!({ name: "" }))), expected);
        assert_eq!(config_error(options_with(json!({ name: "   " }))), expected);
        assert_eq!(
            config_error(options_with(json!({ name: 5 }))),
            format!("{name} must be a string.")
        );
    }
    assert_eq!(config_error(json!({})), "baseUrl is required.");
}

#[test]
fn options_must_be_an_object() {
    let message = "WhatsJetClient needs an options object: { baseUrl, vendorUid, token }.";
    for o in [
        json!(null),
        json!("https://example.com/api"),
        json!([options()]),
        json!(1),
    ] {
        assert_eq!(config_error(o), message);
    }
}

// ------------------------------------------------------- unknown options

#[test]
fn unknown_options_are_refused_with_a_suggestion() {
    assert_eq!(
        config_error(options_with(json!({"baseURL": "x"}))),
        "baseURL is not a client option; did you mean baseUrl?"
    );
    assert_eq!(
        config_error(options_with(json!({"vendoruid": "x"}))),
        "vendoruid is not a client option; did you mean vendorUid?"
    );
    assert_eq!(
        config_error(options_with(json!({"TIMEOUTMS": 1}))),
        "TIMEOUTMS is not a client option; did you mean timeoutMs?"
    );
    assert_eq!(
        config_error(options_with(json!({"bearerToken": TOKEN}))),
        "bearerToken is not a client option; the options are baseUrl, vendorUid, token, fromPhoneNumberId, defaultCountryCode, timeoutMs, maxRetries, maxRetryDelayMs, retryUnknownDelivery, locale, messages."
    );
    // Long keys are cut in the message.
    let m = config_error(options_with(json!({ "k".repeat(1000): 1 })));
    assert!(
        m.starts_with(&format!("{} is not a client option", "k".repeat(40))),
        "{m}"
    );
}

// -------------------------------------------------------------- timeoutMs

#[test]
fn timeout_is_a_whole_number_of_milliseconds_in_bounds() {
    for good in [1u64, 1000, 30_000, u64::from(MAX_TIMEOUT_MS)] {
        assert_eq!(
            u64::from(
                config(options_with(json!({ "timeoutMs": good })))
                    .call
                    .timeout_ms
            ),
            good
        );
    }
    assert_eq!(MAX_TIMEOUT_MS, 600_000);
    let bounds = "timeoutMs must be a whole number of milliseconds from 1 to 600000.";
    for bad in [
        json!(0),
        json!(-1),
        json!(600_001),
        json!(1.5),
        json!(1e308),
        json!(u64::MAX),
    ] {
        assert_eq!(
            config_error(options_with(json!({ "timeoutMs": bad.clone() }))),
            bounds,
            "{bad}"
        );
    }
    for bad in [json!("1000"), json!(true), json!([1000])] {
        assert_eq!(
            config_error(options_with(json!({ "timeoutMs": bad }))),
            "timeoutMs must be a whole number of milliseconds from 1 to 600000."
        );
    }
}

// ----------------------------------------------------- defaultCountryCode

#[test]
fn default_country_code_is_an_assigned_calling_code() {
    for (input, out) in [
        ("91", "91"),
        ("+91", "91"),
        ("1", "1"),
        ("+44", "44"),
        ("971", "971"),
        (" +55 ", "55"),
    ] {
        assert_eq!(
            config(options_with(json!({ "defaultCountryCode": input })))
                .default_country_code
                .as_deref(),
            Some(out),
            "{input}"
        );
    }
    let message = "defaultCountryCode must be a country calling code such as 91 or +44.";
    for bad in ["999", "9", "0", "91a", "", "++91", "0091", "9191", "IN"] {
        assert_eq!(
            config_error(options_with(json!({ "defaultCountryCode": bad }))),
            message,
            "{bad}"
        );
    }
    assert_eq!(
        config_error(options_with(json!({"defaultCountryCode": 91}))),
        "defaultCountryCode must be a string."
    );
}

#[test]
fn the_default_country_code_reaches_validation() {
    let c = config(options_with(json!({"defaultCountryCode": "+91"})));
    let payload = json!({"phone_number": "098765 43210", "message_body": "Hi"});
    let v = whatsjet::validate::validate(Kind::SendMessage, &core(&payload), &c.validate_options())
        .unwrap();
    assert_eq!(v.body["phone_number"], "919876543210");
}

// ------------------------------------------------------ fromPhoneNumberId

#[test]
fn from_phone_number_id_is_digits() {
    assert_eq!(
        config(options_with(
            json!({"fromPhoneNumberId": "100000000000001"})
        ))
        .from_phone_number_id
        .as_deref(),
        Some("100000000000001")
    );
    let message = "fromPhoneNumberId must be the digits of a WhatsApp phone number id, such as 100000000000001.";
    for blank in ["", "  "] {
        assert_eq!(
            config(options_with(json!({ "fromPhoneNumberId": blank }))).from_phone_number_id,
            None,
            "{blank:?} is no default, as the server reads it"
        );
    }
    for bad in ["abc", "1 2", "+1", &"1".repeat(33)] {
        assert_eq!(
            config_error(options_with(json!({ "fromPhoneNumberId": bad }))),
            message,
            "{bad:?}"
        );
    }
}

// ------------------------------------------------------------- the token

#[test]
fn debug_never_shows_the_token() {
    let c = config(options_with(
        json!({"fromPhoneNumberId": "1", "defaultCountryCode": "91"}),
    ));
    for printed in [format!("{c:?}"), format!("{c:#?}")] {
        assert!(!printed.contains(TOKEN), "{printed}");
        assert!(printed.contains("[redacted]"), "{printed}");
        assert!(printed.contains("https://example.com/api"), "{printed}");
    }
}

#[test]
fn no_error_message_contains_the_token() {
    // Every option wrong in turn, with the real token present; `config_error`
    // checks the message and the debug print.
    let broken = [
        json!({"baseUrl": "http://example.com/api"}),
        json!({"baseUrl": "ftp://example.com"}),
        json!({"baseUrl": format!("https://example.com/api?token={TOKEN}")}),
        json!({"baseUrl": format!("https://example.com/{TOKEN}?x")}),
        json!({"baseUrl": null}),
        json!({"vendorUid": format!("{TOKEN}/x")}),
        json!({"vendorUid": null}),
        json!({"fromPhoneNumberId": TOKEN}),
        json!({"defaultCountryCode": TOKEN}),
        json!({"timeoutMs": TOKEN}),
        json!({"timeoutMs": 0}),
        json!({"extra": TOKEN}),
    ];
    for extra in broken {
        config_error(options_with(extra));
    }
    // A token that is itself refused is not echoed back.
    for bad in [
        format!("{TOKEN} "),
        format!("{TOKEN}\n"),
        format!("{TOKEN}\u{7f}"),
    ] {
        let m = config_error(options_with(json!({ "token": bad.clone() })));
        assert!(!m.contains(bad.trim()), "{m}");
    }
}
