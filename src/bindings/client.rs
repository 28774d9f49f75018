//! `WhatsJetClient`: each method decodes its arguments, asks the core for
//! the request ([`call::prepare`]) and the call's settings
//! ([`config::read_call_options`]), runs [`call::run`] over the fetch
//! [`Fetch`] transport, and encodes the reply or the error.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use super::transport::{self, Fetch};
use super::{read_json, read_kind, read_options, throw, to_js, to_js_error, validation_result};
use crate::call;
use crate::config::{self, ClientConfig};
use crate::error::Error;
use crate::issue::IssueCode;
use crate::json::{ToJson, Value};
use crate::request::Kind;

/// A client of one WhatsJet server and vendor.
#[wasm_bindgen(js_name = WhatsJetClient)]
pub struct Client {
    /// `None` once freed: the JS object outlives `free()`, and a call on it
    /// must fail with a `WhatsJetError`, not wasm-bindgen's null-pointer
    /// `Error`.
    open: Option<Open>,
}

struct Open {
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
        let config = read_options(&options)
            .and_then(|options| ClientConfig::from_options(&options))
            .map_err(throw)?;
        let headers = transport::request_headers(&config.authorization());
        Ok(Client {
            open: Some(Open { config, headers }),
        })
    }

    /// Drops the client's settings, token included; every later call fails
    /// with a `config` error. Garbage collection frees an unused client
    /// without it.
    #[wasm_bindgen(js_name = free)]
    pub fn free(&mut self) {
        self.open = None;
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
        let open = self.open().map_err(throw)?;
        let kind = read_kind(&kind).map_err(throw)?;
        Ok(validation_result(
            kind,
            &payload,
            &open.config.validate_options(),
        ))
    }

    /// The client's settings without the token, for logs.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "Omit<WhatsJetClientOptions, \"token\">")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        let open = self.open().map_err(throw)?;
        Ok(to_js(&open.config.public_json()))
    }

    /// A one-line description without the token.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_string_js(&self) -> String {
        match &self.open {
            Some(open) => format!(
                "WhatsJetClient({}, vendor {})",
                open.config.base_url, open.config.vendor_uid
            ),
            None => "WhatsJetClient(freed)".to_owned(),
        }
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
        let prepared = self.open().and_then(|open| {
            Ok((
                open.prepare(kind, phone, request, options)?,
                open.headers.clone(),
            ))
        });
        wasm_bindgen_futures::future_to_promise(async move {
            let ((request, settings, signal), headers) = prepared.map_err(throw)?;
            let transport = Fetch::new(headers, signal);
            match call::run(&transport, &request, &settings).await {
                Ok(reply) => Ok(transport::parse_in_js(&reply.host_body)
                    .unwrap_or_else(|| to_js(&reply.envelope.to_json_string()))),
                Err(failure) => Err(to_js_error(&failure)),
            }
        })
    }

    fn open(&self) -> Result<&Open, Error> {
        self.open.as_ref().ok_or_else(|| {
            Error::config(
                "",
                IssueCode::InvalidType,
                "this client was freed; make a new WhatsJetClient.",
            )
        })
    }
}

impl Open {
    fn prepare(
        &self,
        kind: Kind,
        phone: Option<&JsValue>,
        request: &JsValue,
        options: &JsValue,
    ) -> Result<(call::Request, config::CallSettings, Option<AbortSignal>), Error> {
        let settings = config::read_call_options(&read_options(options)?, &self.config.call)?;
        let signal = read_signal(options)?;
        // A phone number that is not a string is the core's to report.
        let phone = phone.map(|p| p.as_string().map_or(Value::Null, Value::String));
        let request = call::prepare(
            &self.config,
            kind,
            phone.as_ref(),
            read_json(request, "request")?,
        )?;
        Ok((request, settings, signal))
    }
}

/// The `signal` of a call's options: a working `AbortSignal`, or none.
fn read_signal(options: &JsValue) -> Result<Option<AbortSignal>, Error> {
    if !options.is_object() {
        return Ok(None);
    }
    let not_a_signal = || {
        Error::config(
            "signal",
            IssueCode::InvalidType,
            "signal must be an AbortSignal.",
        )
    };
    match js_sys::Reflect::get(options, &JsValue::from_str("signal")) {
        Ok(s) if s.is_undefined() || s.is_null() => Ok(None),
        Ok(s) => match s.dyn_into::<AbortSignal>() {
            Ok(signal) if transport::is_usable_signal(&signal) => Ok(Some(signal)),
            _ => Err(not_a_signal()),
        },
        Err(_) => Err(not_a_signal()),
    }
}
