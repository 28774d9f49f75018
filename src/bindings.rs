//! The JavaScript face of the crate: every `#[wasm_bindgen]` export lives
//! here (the standalone validators) or in `bindings/client.rs` ([`Client`],
//! `WhatsJetClient` in JS), and only converts: decode the arguments, call
//! the core, encode the result. JS values come in as JSON (read with
//! `JSON.stringify`, which cannot trap the module whatever it is given) and
//! go out through `JSON.parse`, so answers are plain objects. Every failure
//! becomes a `WhatsJetError`. `bindings/transport.rs` is the core's
//! [`crate::call::Transport`] over `fetch`.

use wasm_bindgen::prelude::*;

use crate::call::CallError;
use crate::config;
use crate::error::{Detail, Error};
use crate::issue::{Issue, IssueCode, Warning};
use crate::json::{self, ObjectWriter, ToJson, Value};
use crate::messages::{Locale, Message};
use crate::request::Kind;
use crate::validate::{self, phone};

// Left out of the validators-only build (`--no-default-features`), which is
// for web forms and is 20 KB smaller.
#[cfg(feature = "client")]
mod bulk;
#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
mod transport;
#[cfg(feature = "client")]
pub use client::Client;

#[wasm_bindgen(typescript_custom_section)]
const GENERATED_TYPES: &str = include_str!("typescript.d.ts");

#[cfg(feature = "console_error_panic_hook")]
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Reads a JS value as JSON. `undefined` is `null`; anything `JSON.stringify`
/// refuses (a throwing getter, a BigInt, a cycle, a Symbol) is a validation
/// error at `path`, never an exception.
pub(crate) fn read_json(value: &JsValue, path: &str) -> Result<Value, Error> {
    read_json_sized(value, path).map(|(v, _)| v)
}

/// [`read_json`] and the length of the JSON text in bytes.
fn read_json_sized(value: &JsValue, path: &str) -> Result<(Value, usize), Error> {
    if value.is_undefined() {
        return Ok((Value::Null, 0));
    }
    let unreadable = |why: &str| {
        Error::invalid(
            "",
            IssueCode::InvalidType,
            format!("The {path} could not be read as JSON: {why}."),
        )
    };
    /// The UTF-8 of a JS string. wasm-bindgen copies strings in with a
    /// JavaScript loop per character; one `encodeInto` is tens of times faster
    /// on long text and no slower on a short payload.
    fn utf8(text: &js_sys::JsString) -> Option<String> {
        #[wasm_bindgen]
        extern "C" {
            type TextEncoder;
            #[wasm_bindgen(constructor)]
            fn new() -> TextEncoder;
            #[wasm_bindgen(method, js_name = encodeInto)]
            fn encode_into(this: &TextEncoder, text: &js_sys::JsString, into: &mut [u8])
                -> Encoded;
            type Encoded;
            #[wasm_bindgen(method, getter)]
            fn written(this: &Encoded) -> u32;
        }
        // At most three UTF-8 bytes per UTF-16 unit.
        let mut bytes = vec![0u8; text.length() as usize * 3];
        let written = TextEncoder::new().encode_into(text, &mut bytes).written();
        bytes.truncate(written as usize);
        String::from_utf8(bytes).ok()
    }
    let text = js_sys::JSON::stringify(value).map_err(|_| {
        unreadable("it has a cycle, a BigInt, a property that throws, or is nested too deeply")
    })?;
    // `undefined` for a function or a Symbol.
    if text.is_undefined() {
        return Err(unreadable("it is a function or a Symbol"));
    }
    let text = utf8(&text).ok_or_else(|| unreadable("it is not text"))?;
    let value =
        json::parse_stringified(&text).map_err(|_| unreadable("it is nested too deeply"))?;
    Ok((value, text.len()))
}

/// Reads an options argument as JSON; what cannot be read is a `config`
/// error, as a bad option is.
pub(crate) fn read_options(value: &JsValue) -> Result<Value, Error> {
    read_json(value, "options").map_err(|e| Error::Config {
        issues: e.issues().to_vec(),
    })
}

pub(crate) fn read_kind(kind: &JsValue) -> Result<Kind, Error> {
    Kind::parse(kind.as_string().as_deref())
}

/// The options of a validator, and its `messages` as given for their
/// functions; or a `config` error.
pub(crate) fn read_validate_options(
    options: &JsValue,
) -> Result<(validate::Options, JsValue), Error> {
    let read = config::read_validate_options(&read_options(options)?)?;
    Ok((read, message_functions(options)?))
}

/// `{ ok, value | issues, warnings }` of a payload; the message functions
/// of `functions` (the `messages` option as given) make their messages, and
/// what one throws is thrown.
pub(crate) fn validation_result(
    kind: Kind,
    payload: &JsValue,
    options: &validate::Options,
    functions: &JsValue,
) -> Result<JsValue, JsValue> {
    let mut size = 0;
    let mut outcome = read_json_sized(payload, "payload").map(|(p, n)| {
        size = n;
        validate::validate_owned(kind, p, options)
    });
    let locale = options.locale.as_deref();
    match &mut outcome {
        Ok(Ok(valid)) => call_message_functions(functions, &mut [], &mut valid.warnings, locale)?,
        Ok(Err(invalid)) => call_message_functions(
            functions,
            &mut invalid.issues,
            &mut invalid.warnings,
            locale,
        )?,
        Err(_) => {}
    }
    // The answer is about the size of the payload, plus warnings: sized
    // once rather than grown by copying.
    let mut out = String::with_capacity(size + 256);
    let object = ObjectWriter::new(&mut out);
    match &outcome {
        Ok(Ok(valid)) => object
            .field("ok", &true)
            .field("value", &valid.body)
            .field("warnings", valid.warnings.as_slice()),
        Ok(Err(invalid)) => object
            .field("ok", &false)
            .field("issues", invalid.issues.as_slice())
            .field("warnings", invalid.warnings.as_slice()),
        Err(e) => object
            .field("ok", &false)
            .field("issues", e.issues())
            .field("warnings", &[] as &[Issue]),
    }
    .end();
    Ok(to_js(&out))
}

/// The `messages` option as given: JSON leaves its functions out, so the
/// binding checks their keys and calls them on what the core reports.
pub(crate) fn message_functions(options: &JsValue) -> Result<JsValue, Error> {
    if !options.is_object() {
        return Ok(JsValue::UNDEFINED);
    }
    let messages =
        js_sys::Reflect::get(options, &JsValue::from_str("messages")).unwrap_or(JsValue::UNDEFINED);
    if let Some(object) = messages.dyn_ref::<js_sys::Object>() {
        for key in js_sys::Object::keys(object).iter() {
            let function = js_sys::Reflect::get(object, &key).is_ok_and(|v| v.is_function());
            if let (true, Some(key)) = (function, key.as_string()) {
                config::check_message_key(&key, true)?;
            }
        }
    }
    Ok(messages)
}

/// Each issue or warning whose message key or code has a function in
/// `functions` gets the function's text: it is called with `{ path, code,
/// key, message, params }`. A function that throws makes the call throw.
pub(crate) fn call_message_functions(
    functions: &JsValue,
    issues: &mut [Issue],
    warnings: &mut [Warning],
    locale: Option<&Locale>,
) -> Result<(), JsValue> {
    if !functions.is_object() {
        return Ok(());
    }
    let entries = issues
        .iter_mut()
        .map(|i| {
            (
                i.path.as_str(),
                i.code.as_str(),
                i.source.as_ref(),
                &mut i.message,
            )
        })
        .chain(warnings.iter_mut().map(|w| {
            (
                w.path.as_str(),
                w.code.as_str(),
                w.source.as_ref(),
                &mut w.message,
            )
        }));
    for (path, code, source, message) in entries {
        let Some(source) = source else { continue };
        let key = source.id.key();
        let get = |k: &str| {
            js_sys::Reflect::get(functions, &JsValue::from_str(k))
                .ok()
                .filter(|v| !v.is_undefined())
        };
        // The key's entry wins over the code's: a text there was used by the
        // core, and then no function by code replaces it.
        let Some(Ok(function)) = get(key)
            .or_else(|| get(code))
            .map(|f| f.dyn_into::<js_sys::Function>())
        else {
            continue;
        };
        let argument = to_js(&issue_for_function(
            path, code, key, message, source, locale,
        ));
        if let Some(text) = function.call1(&JsValue::UNDEFINED, &argument)?.as_string() {
            *message = text;
        }
    }
    Ok(())
}

/// `{ path, code, key, message, params }`, what a message function is given.
fn issue_for_function(
    path: &str,
    code: &str,
    key: &str,
    message: &str,
    source: &Message,
    locale: Option<&Locale>,
) -> String {
    let mut params = String::new();
    let mut writer = ObjectWriter::new(&mut params);
    for (name, text) in source.params(locale) {
        writer = writer.field(name, text.as_str());
    }
    writer.end();
    let mut out = String::new();
    ObjectWriter::new(&mut out)
        .field("path", path)
        .field("code", code)
        .field("key", key)
        .field("message", message)
        .field("params", &json::Raw(&params))
        .end();
    out
}

/// Validates a whole request of `kind` without sending it: `{ ok: true,
/// value, warnings }` with the body exactly as it would be sent, or `{ ok:
/// false, issues, warnings }` with every issue found.
#[wasm_bindgen(js_name = validate, unchecked_return_type = "ValidationResult")]
pub fn validate_js(
    #[wasm_bindgen(unchecked_param_type = "RequestKind")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] payload: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let kind = read_kind(&kind).map_err(throw)?;
    let (options, functions) = read_validate_options(&options).map_err(throw)?;
    validation_result(kind, &payload, &options, &functions)
}

/// The issues of one field, by its dotted path (`"contact.email"`,
/// `"field_2"`), for a form that validates as the user types. For
/// `updateContact`, `"phone_number"` is the number of the path.
#[wasm_bindgen(js_name = validateField, unchecked_return_type = "Issue[]")]
pub fn validate_field_js(
    #[wasm_bindgen(unchecked_param_type = "RequestKind")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let kind = read_kind(&kind).map_err(throw)?;
    let (options, functions) = read_validate_options(&options).map_err(throw)?;
    let Some(path) = path.as_string() else {
        return Err(throw(Error::invalid(
            "path",
            IssueCode::InvalidType,
            "path must be a string such as \"contact.email\".",
        )));
    };
    let mut issues = match read_json(&value, &path) {
        Ok(v) => validate::validate_field(kind, &path, &v, &options),
        Err(e) => e
            .issues()
            .iter()
            .map(|i| Issue::new(path.as_str(), i.code, i.message.clone()))
            .collect(),
    };
    call_message_functions(&functions, &mut issues, &mut [], options.locale.as_deref())?;
    Ok(to_js(&issues.as_slice().to_json_string()))
}

/// The digits to send for a phone number (`"+91 98765-43210"` →
/// `"919876543210"`); throws a `validation` error saying what to fix.
#[wasm_bindgen(js_name = normalizePhoneNumber)]
pub fn normalize_phone_number_js(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(js_name = defaultCountryCode, unchecked_optional_param_type = "string")]
    default_country_code: JsValue,
) -> Result<String, JsValue> {
    let cc = match default_country_code.as_string() {
        Some(cc) => config::country_code(Some(&cc)).map_err(throw)?,
        None if default_country_code.is_undefined() || default_country_code.is_null() => None,
        None => {
            return Err(throw(Error::config(
                "defaultCountryCode",
                IssueCode::InvalidType,
                "defaultCountryCode must be a string.",
            )))
        }
    };
    let Some(input) = input.as_string() else {
        return Err(throw(Error::invalid(
            "phone_number",
            IssueCode::InvalidType,
            "phone_number must be a string.",
        )));
    };
    phone::normalize(&input, cc.as_deref(), "phone_number").map_err(|issue| {
        throw(Error::Validation {
            issues: vec![issue],
        })
    })
}

/// Whether `error` is a `WhatsJetError`: a type guard for `catch` blocks.
#[wasm_bindgen(js_name = isWhatsJetError, unchecked_return_type = "error is WhatsJetError")]
pub fn is_whatsjet_error(#[wasm_bindgen(unchecked_param_type = "unknown")] error: JsValue) -> bool {
    let text = |key: &str| {
        js_sys::Reflect::get(&error, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    error.is_instance_of::<js_sys::Error>()
        && text("name").is_some_and(|n| n == "WhatsJetError")
        && text("code").is_some_and(|c| crate::error::CODES.contains(&c.as_str()))
}

/// Every output goes through one path, JSON text then `JSON.parse`, so
/// answers are plain objects and arrays, never `Map`s, and keys such as
/// `__proto__` stay ordinary own properties.
pub(crate) fn to_js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or(JsValue::NULL)
}

/// A real `Error` named `WhatsJetError` with the fields callers branch on,
/// and the host's original error as `cause` where there is one.
pub(crate) fn to_js_error(failure: &CallError<JsValue>) -> JsValue {
    let error = &failure.error;
    let js = js_sys::Error::new(&error.to_string());
    js.set_name("WhatsJetError");
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&js, &JsValue::from_str(key), &value);
    };
    set("code", JsValue::from_str(error.code()));
    set("retryable", JsValue::from_bool(failure.retryable()));
    set("attempts", JsValue::from(failure.attempts));
    set(
        "deliveryUnknown",
        JsValue::from_bool(failure.delivery_unknown),
    );
    for detail in error.details() {
        let value = match detail {
            Detail::Status(status) => JsValue::from(status),
            Detail::ServerMessage(message) => JsValue::from_str(message),
            Detail::Issues(issues) => to_js(&issues.to_json_string()),
            Detail::WhatsappCode(code) => JsValue::from(code),
            Detail::RetryAfterMs(ms) => JsValue::from(ms as f64),
        };
        set(detail.name(), value);
    }
    if let Some(cause) = &failure.cause {
        set("cause", cause.clone());
    }
    js.into()
}

/// A thrown error of a synchronous export: nothing was sent.
pub(crate) fn throw(error: Error) -> JsValue {
    to_js_error(&CallError::before_sending(error))
}

/// [`throw`], a `validation` error's messages made by the message functions
/// of `functions`; what a function throws is thrown instead.
#[cfg(feature = "client")]
pub(crate) fn throw_with(
    mut error: Error,
    functions: &JsValue,
    locale: Option<&Locale>,
) -> JsValue {
    if let Error::Validation { issues } = &mut error {
        if let Err(thrown) = call_message_functions(functions, issues, &mut [], locale) {
            return thrown;
        }
    }
    throw(error)
}

/// A WhatsJet webhook body (text or parsed) as an event with `type`, `[]`
/// made `null`; anything else throws a `validation` error. Webhooks are
/// read on servers, so the validators-only build, for forms, leaves it out.
#[cfg(feature = "client")]
#[wasm_bindgen(js_name = parseWebhook, unchecked_return_type = "WebhookEvent")]
pub fn parse_webhook_js(
    #[wasm_bindgen(unchecked_param_type = "string | object")] body: JsValue,
) -> Result<JsValue, JsValue> {
    let event = match body.as_string() {
        Some(text) => crate::webhook::parse(&text),
        None => read_json_sized(&body, "webhook body").and_then(|(value, bytes)| {
            crate::webhook::check_size(bytes)?;
            crate::webhook::from_value(value)
        }),
    }
    .map_err(throw)?;
    Ok(to_js(&event.payload.to_json_string()))
}

/// Whether `received` is the secret `expected`, in constant time; an
/// empty `expected` throws a `config` error.
#[cfg(feature = "client")]
#[wasm_bindgen(js_name = webhookSecretMatches)]
pub fn webhook_secret_matches_js(
    #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] received: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] expected: JsValue,
) -> Result<bool, JsValue> {
    let Some(expected) = expected.as_string() else {
        return Err(throw(Error::config(
            "expected",
            IssueCode::InvalidType,
            "expected must be a string.",
        )));
    };
    crate::webhook::secret_matches(&received.as_string().unwrap_or_default(), &expected)
        .map_err(throw)
}
