//! `WhatsJetClient`: the five calls, each validated, then sent with retries
//! through [`crate::transport`].

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use super::{read_json, read_kind, throw, to_js, to_js_error, validation_result, Failure};
use crate::answer::{self, Answer};
use crate::config::{self, CallSettings, ClientConfig};
use crate::error::Error;
use crate::issue::{Issue, IssueCode};
use crate::json::{ObjectWriter, Raw, ToJson, Value};
use crate::request::Kind;
use crate::retry::{self, Decision};
use crate::transport;
use crate::validate::{self, phone};

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
        Ok(Client { config, headers })
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
    match validate::validate_owned(kind, payload, &config.validate_options()) {
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
                    Ok(envelope) => {
                        return Ok(transport::parse_in_js(&received)
                            .unwrap_or_else(|| to_js(&envelope.to_json_string())))
                    }
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
