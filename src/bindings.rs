//! The JavaScript face of the crate: every `#[wasm_bindgen]` export lives
//! here and only converts. JS values come in as JSON (read with
//! `JSON.stringify`, which cannot trap the module whatever it is given) and
//! go out through `JSON.parse`, so answers are plain objects. Every failure
//! becomes a `WhatsJetError`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use crate::answer::{self, Answer};
use crate::config::{self, CallSettings, ClientConfig};
use crate::error::Error;
use crate::issue::{Issue, IssueCode};
use crate::json::{self, ObjectWriter, Raw, ToJson, Value};
use crate::request::Kind;
use crate::retry::{self, Decision};
use crate::transport;
use crate::validate::{self, phone};

#[wasm_bindgen(typescript_custom_section)]
const GENERATED_TYPES: &str = include_str!("typescript.d.ts");

#[cfg(feature = "console_error_panic_hook")]
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// A client of one WhatsJet server and vendor.
#[wasm_bindgen(js_name = WhatsJetClient)]
pub struct Client {
    config: ClientConfig,
    /// The request headers as a plain object, made once: they are the same
    /// for every request, and fetch reads a plain object faster than a
    /// `Headers` instance.
    headers: JsValue,
}

#[wasm_bindgen(js_class = WhatsJetClient)]
impl Client {
    /// Checks the options and makes a client; throws a `WhatsJetError` with
    /// code `config` when an option is wrong.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "WhatsJetClientOptions")] options: JsValue,
    ) -> Result<Client, JsValue> {
        let options = read_json(&options, "options").map_err(|_| {
            throw(Error::Config {
                message: "WhatsJetClient options could not be read as JSON.".to_owned(),
            })
        })?;
        let config = ClientConfig::from_options(&options).map_err(throw)?;
        let headers = transport::request_headers(&config.authorization());
        Ok(Client {
            config,
            headers,
        })
    }

    /// Sends a text message (`POST contact/send-message`).
    #[wasm_bindgen(js_name = sendMessage, unchecked_return_type = "Promise<SendReply>")]
    pub fn send_message(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SendMessageRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> js_sys::Promise {
        self.call(Kind::SendMessage, None, &request, &options)
    }

    /// Sends an image, video, audio or document (`POST contact/send-media-message`).
    #[wasm_bindgen(js_name = sendMediaMessage, unchecked_return_type = "Promise<SendReply>")]
    pub fn send_media_message(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SendMediaMessageRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> js_sys::Promise {
        self.call(Kind::SendMediaMessage, None, &request, &options)
    }

    /// Sends an approved template (`POST contact/send-template-message`).
    #[wasm_bindgen(js_name = sendTemplateMessage, unchecked_return_type = "Promise<SendReply>")]
    pub fn send_template_message(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SendTemplateMessageRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> js_sys::Promise {
        self.call(Kind::SendTemplateMessage, None, &request, &options)
    }

    /// Creates a contact (`POST contact/create`).
    #[wasm_bindgen(js_name = createContact, unchecked_return_type = "Promise<CreateContactReply>")]
    pub fn create_contact(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CreateContactRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> js_sys::Promise {
        self.call(Kind::CreateContact, None, &request, &options)
    }

    /// Updates the contact with this phone number
    /// (`POST contact/update/{phoneNumber}`). Only the fields given change,
    /// except `groups`: an update without it removes all group memberships.
    #[wasm_bindgen(js_name = updateContact, unchecked_return_type = "Promise<UpdateContactReply>")]
    pub fn update_contact(
        &self,
        #[wasm_bindgen(js_name = phoneNumber, unchecked_param_type = "string")]
        phone_number: JsValue,
        #[wasm_bindgen(unchecked_param_type = "UpdateContactRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> js_sys::Promise {
        self.call(Kind::UpdateContact, Some(&phone_number), &request, &options)
    }

    /// Validates a request with this client's defaults (`fromPhoneNumberId`,
    /// `defaultCountryCode`), without sending it.
    #[wasm_bindgen(unchecked_return_type = "ValidationResult")]
    pub fn validate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RequestKind")] kind: JsValue,
        #[wasm_bindgen(unchecked_param_type = "unknown")] payload: JsValue,
    ) -> Result<JsValue, JsValue> {
        let kind = read_kind(&kind).map_err(throw)?;
        Ok(validation_result(
            kind,
            &payload,
            &self.config.validate_options(),
        ))
    }

    /// The client's settings without the token, for logs.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "Omit<WhatsJetClientOptions, \"token\">")]
    pub fn to_json(&self) -> JsValue {
        let c = &self.config;
        let mut out = String::new();
        let mut object = ObjectWriter::new(&mut out)
            .field("baseUrl", c.base_url.as_str())
            .field("vendorUid", c.vendor_uid.as_str());
        // Unset options are left out, as in the options object.
        if let Some(id) = &c.from_phone_number_id {
            object = object.field("fromPhoneNumberId", id.as_str());
        }
        if let Some(cc) = &c.default_country_code {
            object = object.field("defaultCountryCode", cc.as_str());
        }
        object
            .field("timeoutMs", &Raw(&c.call.timeout_ms.to_string()))
            .field("maxRetries", &Raw(&c.call.retry.max_retries.to_string()))
            .field(
                "maxRetryDelayMs",
                &Raw(&c.call.retry.max_delay_ms.to_string()),
            )
            .field("retryUnknownDelivery", &c.call.retry.retry_unknown_delivery)
            .end();
        to_js(&out)
    }

    /// A one-line description without the token.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_string_js(&self) -> String {
        format!(
            "WhatsJetClient({}, vendor {})",
            self.config.base_url, self.config.vendor_uid
        )
    }
}

impl Client {
    /// Reads every argument now (the caller may change its objects after
    /// the call), then sends in a promise.
    fn call(
        &self,
        kind: Kind,
        phone: Option<&JsValue>,
        request: &JsValue,
        options: &JsValue,
    ) -> js_sys::Promise {
        let prepared = prepare(&self.config, kind, phone, request, options);
        let headers = self.headers.clone();
        wasm_bindgen_futures::future_to_promise(async move {
            let (url, body, call) =
                prepared.map_err(|e| to_js_error(&Failure::before_sending(e)))?;
            send(&headers, &url, &body, &call)
                .await
                .map_err(|f| to_js_error(&f))
        })
    }
}

/// A call's signal and settings, read from its options argument.
struct CallOptions {
    signal: Option<AbortSignal>,
    settings: CallSettings,
}

/// How a call ended when it failed: the error of its last request, how
/// many requests were made, and whether any of them may have been delivered.
struct Failure {
    error: Error,
    attempts: u32,
    delivery_unknown: bool,
}

impl Failure {
    fn before_sending(error: Error) -> Self {
        Self {
            error,
            attempts: 0,
            delivery_unknown: false,
        }
    }
}

fn prepare(
    config: &ClientConfig,
    kind: Kind,
    phone: Option<&JsValue>,
    request: &JsValue,
    options: &JsValue,
) -> Result<(String, String, CallOptions), Error> {
    let call = read_call_options(options, &config.call)?;
    let payload = read_json(request, "request")?;
    let mut issues = Vec::new();
    let mut path_number = None;
    if let Some(phone) = phone {
        match phone.as_string() {
            Some(s) => {
                match phone::normalize(&s, config.default_country_code.as_deref(), "phone_number") {
                    Ok(n) => path_number = Some(n),
                    Err(issue) => issues.push(issue),
                }
            }
            None => issues.push(Issue::new(
                "phone_number",
                IssueCode::InvalidType,
                "phone_number (the first argument of updateContact) must be a string.",
            )),
        }
    }
    match validate::validate(kind, &payload, &config.validate_options()) {
        Ok(valid) if issues.is_empty() => {
            let body = Value::Object(valid.body).to_json_string();
            Ok((config.url(kind, path_number.as_deref()), body, call))
        }
        Ok(_) => Err(Error::Validation { issues }),
        Err(invalid) => {
            issues.extend(invalid.issues);
            Err(Error::Validation { issues })
        }
    }
}

/// Sends until an answer, or until [`retry::decide`] gives up.
async fn send(
    headers: &JsValue,
    url: &str,
    body: &str,
    call: &CallOptions,
) -> Result<JsValue, Failure> {
    let signal = call.signal.as_ref();
    let mut attempts = 0;
    let mut delivery_unknown = false;
    loop {
        if transport::is_aborted(signal) {
            return Err(Failure {
                error: Error::Aborted,
                attempts,
                delivery_unknown,
            });
        }
        attempts += 1;
        let outcome =
            transport::post_json(url, headers, body, signal, call.settings.timeout_ms).await;
        let now = js_sys::Date::now();
        let (error, retry_after) = match outcome {
            Ok(received) => {
                let answer = Answer {
                    status: received.status,
                    retry_after: received.retry_after.as_deref(),
                    body: &received.body,
                };
                match answer::parse(&answer, now) {
                    Ok(envelope) => return Ok(to_js(&envelope.to_json_string())),
                    Err(e) => (
                        e,
                        answer
                            .retry_after
                            .and_then(|v| answer::retry_after_ms(v, now)),
                    ),
                }
            }
            Err(e) => (e, None),
        };
        // An abort mid-request leaves the request's fate unknown too.
        delivery_unknown |= retry::delivery_unknown(&error) || error == Error::Aborted;
        match retry::decide(
            &call.settings.retry,
            &error,
            retry_after,
            attempts,
            js_sys::Math::random(),
        ) {
            Decision::RetryAfter(ms) => {
                if let Err(aborted) = transport::sleep(ms, signal).await {
                    return Err(Failure {
                        error: aborted,
                        attempts,
                        delivery_unknown,
                    });
                }
            }
            Decision::GiveUp => {
                return Err(Failure {
                    error,
                    attempts,
                    delivery_unknown,
                })
            }
        }
    }
}

fn read_call_options(value: &JsValue, defaults: &CallSettings) -> Result<CallOptions, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(CallOptions {
            signal: None,
            settings: *defaults,
        });
    }
    let invalid = |path: &str, code: IssueCode, message: &str| Error::Validation {
        issues: vec![Issue::new(path, code, message)],
    };
    let Value::Object(map) = read_json(value, "options")? else {
        return Err(invalid(
            "options",
            IssueCode::InvalidType,
            "options must be an object such as { signal, timeoutMs }.",
        ));
    };
    if let Some(key) = map
        .keys()
        .find(|k| !config::CALL_OPTION_NAMES.contains(&k.as_str()))
    {
        let message = format!(
            "options.{key} is not a call option; they are {}.",
            config::CALL_OPTION_NAMES.join(", ")
        );
        return Err(invalid(
            &format!("options.{key}"),
            IssueCode::UnknownField,
            &message,
        ));
    }
    let signal = match js_sys::Reflect::get(value, &JsValue::from_str("signal")) {
        Ok(s) if s.is_undefined() || s.is_null() => None,
        Ok(s) => match s.dyn_into::<AbortSignal>() {
            Ok(signal) if transport::is_usable_signal(&signal) => Some(signal),
            _ => {
                return Err(invalid(
                    "options.signal",
                    IssueCode::InvalidType,
                    "options.signal must be an AbortSignal.",
                ))
            }
        },
        Err(_) => {
            return Err(invalid(
                "options.signal",
                IssueCode::InvalidType,
                "options.signal could not be read.",
            ))
        }
    };
    let settings = defaults
        .with_options(&map, "options.")
        .map_err(|(path, message)| invalid(&path, IssueCode::InvalidFormat, &message))?;
    Ok(CallOptions { signal, settings })
}

/// Reads a JS value as JSON. `undefined` is `null`; anything `JSON.stringify`
/// refuses (a throwing getter, a BigInt, a cycle, a Symbol) is a validation
/// error at `path`, never an exception.
fn read_json(value: &JsValue, path: &str) -> Result<Value, Error> {
    if value.is_undefined() {
        return Ok(Value::Null);
    }
    let unreadable = |why: &str| Error::Validation {
        issues: vec![Issue::new(
            "",
            IssueCode::InvalidType,
            format!("The {path} could not be read as JSON: {why}."),
        )],
    };
    /// The UTF-8 of a JS string. wasm-bindgen copies strings in with a
    /// JavaScript loop per character; one `encodeInto` is tens of times faster
    /// on long text, but its extra calls cost more than the loop on short text.
    fn utf8(text: &js_sys::JsString) -> Option<String> {
        #[wasm_bindgen]
        extern "C" {
            type TextEncoder;
            #[wasm_bindgen(constructor)]
            fn new() -> TextEncoder;
            #[wasm_bindgen(method, js_name = encodeInto)]
            fn encode_into(this: &TextEncoder, text: &js_sys::JsString, into: &mut [u8]) -> Encoded;
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
    json::parse(&text).map_err(|_| unreadable("it is nested too deeply"))
}

fn read_kind(kind: &JsValue) -> Result<Kind, Error> {
    kind.as_string()
        .and_then(|k| Kind::from_name(&k))
        .ok_or_else(|| Error::Validation {
            issues: vec![Issue::new(
                "kind",
                IssueCode::InvalidChoice,
                "kind must be one of sendMessage, sendMediaMessage, sendTemplateMessage, createContact, updateContact.",
            )],
        })
}

fn read_validate_options(options: &JsValue) -> Result<validate::Options, Error> {
    if options.is_undefined() || options.is_null() {
        return Ok(validate::Options::default());
    }
    let value = read_json(options, "options")?;
    if !value.is_object() {
        return Err(Error::Validation {
            issues: vec![Issue::new(
                "options",
                IssueCode::InvalidType,
                "options must be an object: { defaultCountryCode, fromPhoneNumberId }.",
            )],
        });
    }
    let invalid = |path: &str, message: &str| Error::Validation {
        issues: vec![Issue::new(path, IssueCode::InvalidFormat, message)],
    };
    if let Some(key) = value.as_object().and_then(|m| {
        m.keys()
            .find(|k| !["defaultCountryCode", "fromPhoneNumberId"].contains(&k.as_str()))
    }) {
        return Err(Error::Validation {
            issues: vec![Issue::new(
                format!("options.{key}"),
                IssueCode::UnknownField,
                format!("options.{key} is not a validation option; they are defaultCountryCode and fromPhoneNumberId."),
            )],
        });
    }
    let mut out = validate::Options::default();
    if let Some(cc) = value.get("defaultCountryCode").filter(|v| !v.is_null()) {
        let cc = cc
            .as_str()
            .and_then(phone::parse_country_code)
            .ok_or_else(|| {
                invalid(
                    "options.defaultCountryCode",
                    "options.defaultCountryCode must be a country calling code such as 91 or +44.",
                )
            })?;
        out.default_country_code = Some(cc.to_owned());
    }
    if let Some(id) = value.get("fromPhoneNumberId").filter(|v| !v.is_null()) {
        let ok = validate::validate_field(Kind::SendMessage, "from_phone_number_id", id, &out)
            .is_empty();
        match id.as_str() {
            Some(s) if ok => out.from_phone_number_id = Some(s.to_owned()),
            _ => {
                return Err(invalid(
                    "options.fromPhoneNumberId",
                    "options.fromPhoneNumberId must be the digits of a WhatsApp phone number id.",
                ))
            }
        }
    }
    Ok(out)
}

fn validation_result(kind: Kind, payload: &JsValue, options: &validate::Options) -> JsValue {
    let outcome = read_json(payload, "payload").map(|p| validate::validate(kind, &p, options));
    let mut out = String::new();
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
    to_js(&out)
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
    let options = read_validate_options(&options).map_err(throw)?;
    Ok(validation_result(kind, &payload, &options))
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
    let options = read_validate_options(&options).map_err(throw)?;
    let Some(path) = path.as_string() else {
        return Err(throw(Error::Validation {
            issues: vec![Issue::new(
                "path",
                IssueCode::InvalidType,
                "path must be a string such as \"contact.email\".",
            )],
        }));
    };
    let issues = match read_json(&value, &path) {
        Ok(v) => validate::validate_field(kind, &path, &v, &options),
        Err(e) => e
            .issues()
            .iter()
            .map(|i| Issue::new(path.as_str(), i.code, i.message.clone()))
            .collect(),
    };
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
    let fail = |issue: Issue| {
        throw(Error::Validation {
            issues: vec![issue],
        })
    };
    let cc = match default_country_code.as_string() {
        Some(cc) => Some(
            phone::parse_country_code(&cc)
                .map(str::to_owned)
                .ok_or_else(|| {
                    fail(Issue::new(
                        "defaultCountryCode",
                        IssueCode::InvalidFormat,
                        "defaultCountryCode must be a country calling code such as 91 or +44.",
                    ))
                })?,
        ),
        None if default_country_code.is_undefined() || default_country_code.is_null() => None,
        None => {
            return Err(fail(Issue::new(
                "defaultCountryCode",
                IssueCode::InvalidType,
                "defaultCountryCode must be a string such as \"91\".",
            )))
        }
    };
    let Some(input) = input.as_string() else {
        return Err(fail(Issue::new(
            "phone_number",
            IssueCode::InvalidType,
            "phone_number must be a string.",
        )));
    };
    phone::normalize(&input, cc.as_deref(), "phone_number").map_err(fail)
}

/// Every output goes through one path, JSON text then `JSON.parse`, so
/// answers are plain objects and arrays, never `Map`s, and keys such as
/// `__proto__` stay ordinary own properties.
fn to_js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or(JsValue::NULL)
}

/// A real `Error` named `WhatsJetError` with the fields callers branch on.
fn to_js_error(failure: &Failure) -> JsValue {
    let error = &failure.error;
    let js = js_sys::Error::new(&error.to_string());
    js.set_name("WhatsJetError");
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&js, &JsValue::from_str(key), &value);
    };
    set("code", JsValue::from_str(error.code()));
    set(
        "retryable",
        JsValue::from_bool(error.retryable() && !failure.delivery_unknown),
    );
    set("attempts", JsValue::from(failure.attempts));
    set(
        "deliveryUnknown",
        JsValue::from_bool(failure.delivery_unknown),
    );
    if let Some(status) = error.status() {
        set("status", JsValue::from(status));
    }
    if let Some(message) = error.server_message() {
        set("serverMessage", JsValue::from_str(message));
    }
    if matches!(error, Error::Validation { .. } | Error::Api { .. }) {
        set("issues", to_js(&error.issues().to_json_string()));
    }
    match error {
        Error::Api {
            whatsapp_code: Some(code),
            ..
        } => set("whatsappCode", JsValue::from(*code)),
        Error::RateLimited {
            retry_after_ms: Some(ms),
            ..
        } => set("retryAfterMs", JsValue::from(*ms as f64)),
        _ => {}
    }
    js.into()
}

/// A thrown error of a synchronous export: nothing was sent.
fn throw(error: Error) -> JsValue {
    to_js_error(&Failure::before_sending(error))
}
