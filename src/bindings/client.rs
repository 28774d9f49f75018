//! `WhatsJetClient`: each method decodes its arguments, asks the core for
//! the request ([`call::prepare`]) and the call's settings
//! ([`config::read_call_options`]), runs [`call::run`] over the fetch
//! [`Fetch`] transport, and encodes the reply or the error.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use super::transport::{self, Fetch};
use super::{
    read_json, read_kind, read_options, read_validate_options, throw, to_js, to_js_error,
    validation_result,
};
use crate::call;
use crate::config::{self, ClientConfig};
use crate::error::Error;
use crate::issue::IssueCode;
use crate::json::{ToJson, Value};
use crate::preview::Preview;
use crate::request::Kind;
use crate::routes::Carry;

/// A client of one WhatsJet server and vendor.
#[wasm_bindgen(js_name = WhatsJetClient)]
pub struct Client {
    /// `None` once freed: the JS object outlives `free()`, and a call on it
    /// must fail with a `WhatsJetError`, not wasm-bindgen's null-pointer
    /// `Error`. Shared with the `paginate` iterators made from it.
    open: Option<Rc<Open>>,
}

pub(super) struct Open {
    pub(super) config: ClientConfig,
    /// The request headers as a plain object, made once: they are the same
    /// for every request, and fetch reads a plain object faster than a
    /// `Headers` instance.
    pub(super) headers: JsValue,
    /// The `messages` option as given, for its functions.
    pub(super) messages: JsValue,
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
        let messages = super::message_functions(&options).map_err(throw)?;
        Ok(Client {
            open: Some(Rc::new(Open {
                config,
                headers,
                messages,
            })),
        })
    }

    /// Drops the client's settings, token included; every later call fails
    /// with a `config` error. Garbage collection frees an unused client
    /// without it.
    #[wasm_bindgen(js_name = free)]
    pub fn free(&mut self) {
        self.open = None;
    }

    /// Validates a request with this client's defaults (`fromPhoneNumberId`,
    /// `defaultCountryCode`, `locale`, `messages`), without sending it;
    /// `options` (those of `validate`, such as `{ template }`) override them.
    #[wasm_bindgen(unchecked_return_type = "ValidationResult")]
    pub fn validate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RequestKind")] kind: JsValue,
        #[wasm_bindgen(unchecked_param_type = "unknown")] payload: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let open = self.open().map_err(throw)?;
        let kind = read_kind(&kind).map_err(throw)?;
        let (given, functions) = read_validate_options(&options).map_err(throw)?;
        let merged = given.over(open.config.validate_options());
        let functions = if functions.is_object() {
            &functions
        } else {
            &open.messages
        };
        validation_result(kind, &payload, &merged, functions)
    }

    /// The request `kind`'s method would send with the same arguments,
    /// without sending it: `{ method, url, headers, body }` with the token
    /// masked, and `toCurl()`. Throws the `WhatsJetError` the call would
    /// fail with before sending.
    #[wasm_bindgen(skip_typescript)]
    pub fn preview(
        &self,
        kind: JsValue,
        first: JsValue,
        second: JsValue,
        third: JsValue,
    ) -> Result<JsValue, JsValue> {
        let open = self.open().map_err(throw)?;
        let kind = read_kind(&kind).map_err(throw)?;
        // The method's arguments: a path or lookup argument first where the
        // route has one, then a POST's body, then the options.
        let route = kind.route();
        let (argument, request, options) = match route.path_field.or(route.argument_field) {
            None => (None, &first, &second),
            Some(_) if route.carry == Carry::Body => (Some(&first), &second, &third),
            Some(_) => (Some(&first), &JsValue::UNDEFINED, &second),
        };
        let (request, _, _) = open
            .prepare(kind, argument, request, options)
            .map_err(|e| open.throw(e))?;
        let preview = Preview::of(&request);
        let object = to_js(&preview.to_json_string());
        // `toCurl` is `String.prototype.valueOf` bound to the command: a
        // built-in, so no code is made at run time (which a strict CSP
        // forbids) and no Rust closure is kept alive for it.
        let strings = js_sys::Object::get_prototype_of(&JsValue::from_str(""));
        if let Ok(value_of) = Reflect::get(&strings, &JsValue::from_str("valueOf")) {
            let curl = JsValue::from_str(&preview.to_curl());
            let to_curl = value_of.unchecked_into::<js_sys::Function>().bind0(&curl);
            let _ = Reflect::set(&object, &JsValue::from_str("toCurl"), &to_curl);
        }
        Ok(object)
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

/// One method per route that takes `(request, options)`. Their TypeScript
/// declarations come from the route table (`src/typescript.rs`).
macro_rules! request_methods {
    ($($rust:ident $js:literal $kind:ident;)*) => {
        #[wasm_bindgen(js_class = WhatsJetClient)]
        impl Client {
            $(
                #[allow(missing_docs)]
                #[wasm_bindgen(js_name = $js, skip_typescript)]
                pub fn $rust(&self, request: JsValue, options: JsValue) -> js_sys::Promise {
                    self.call(Kind::$kind, None, &request, &options)
                }
            )*
        }
    };
}

request_methods! {
    send_message "sendMessage" SendMessage;
    send_media_message "sendMediaMessage" SendMediaMessage;
    send_template_message "sendTemplateMessage" SendTemplateMessage;
    create_contact "createContact" CreateContact;
    get_message_status "getMessageStatus" GetMessageStatus;
    list_templates "listTemplates" ListTemplates;
    list_contacts "listContacts" ListContacts;
    list_groups "listGroups" ListGroups;
    list_labels "listLabels" ListLabels;
    assign_groups "assignGroups" AssignGroups;
    unassign_groups "unassignGroups" UnassignGroups;
    assign_labels "assignLabels" AssignLabels;
    unassign_labels "unassignLabels" UnassignLabels;
    assign_team_member "assignTeamMember" AssignTeamMember;
    send_interactive_message "sendInteractiveMessage" SendInteractiveMessage;
    send_carousel_template_message "sendCarouselTemplateMessage" SendCarouselTemplateMessage;
    schedule_campaign "scheduleCampaign" ScheduleCampaign;
    list_campaigns "listCampaigns" ListCampaigns;
}

/// The routes whose first argument is a string.
#[wasm_bindgen(js_class = WhatsJetClient)]
impl Client {
    /// `updateContact(phoneNumber, request, options)`.
    #[wasm_bindgen(js_name = updateContact, skip_typescript)]
    pub fn update_contact(
        &self,
        phone_number: JsValue,
        request: JsValue,
        options: JsValue,
    ) -> js_sys::Promise {
        self.call(Kind::UpdateContact, Some(&phone_number), &request, &options)
    }

    /// `getContact(phoneNumberOrEmail, options)`.
    #[wasm_bindgen(js_name = getContact, skip_typescript)]
    pub fn get_contact(&self, phone_number_or_email: JsValue, options: JsValue) -> js_sys::Promise {
        self.call(
            Kind::GetContact,
            Some(&phone_number_or_email),
            &JsValue::UNDEFINED,
            &options,
        )
    }

    /// `getCampaignStatus(campaignUid, options)`.
    #[wasm_bindgen(js_name = getCampaignStatus, skip_typescript)]
    pub fn get_campaign_status(&self, campaign_uid: JsValue, options: JsValue) -> js_sys::Promise {
        self.call(
            Kind::GetCampaignStatus,
            Some(&campaign_uid),
            &JsValue::UNDEFINED,
            &options,
        )
    }

    /// `paginate(method, query, options)`: the items of a list method
    /// across its pages, an async iterator. Throws a `WhatsJetError` at once
    /// for a method that is not a list, a bad query or bad options.
    #[wasm_bindgen(skip_typescript)]
    pub fn paginate(
        &self,
        method: JsValue,
        query: JsValue,
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let open = self.open().map_err(throw)?;
        let lists: Vec<Kind> = Kind::ALL
            .into_iter()
            .filter(|k| k.route().list.is_some())
            .collect();
        let kind =
            Kind::parse_among(method.as_string().as_deref(), &lists, "method").map_err(throw)?;
        let query = read_json(&query, "query").map_err(throw)?;
        let first = call::first_page(&query);
        // The first page's request checks the query and the options now.
        let (_, settings, signal) = open
            .prepare_value(kind, None, query.clone(), &options)
            .map_err(|e| open.throw(e))?;
        Ok(Pages::into_js(PageState {
            open: open.clone(),
            kind,
            query,
            settings,
            signal,
            next_page: Some(first),
            buffer: Vec::new(),
            tail: js_sys::Promise::resolve(&JsValue::UNDEFINED),
        }))
    }
}

impl Client {
    /// Reads every argument now (the caller may change its objects after
    /// the call), then sends in a promise.
    fn call(
        &self,
        kind: Kind,
        argument: Option<&JsValue>,
        request: &JsValue,
        options: &JsValue,
    ) -> js_sys::Promise {
        let prepared = self.open().map_err(throw).and_then(|open| {
            Ok((
                open.prepare(kind, argument, request, options)
                    .map_err(|e| open.throw(e))?,
                open.headers.clone(),
            ))
        });
        promise(async move {
            let ((request, settings, signal), headers) = prepared?;
            let transport = Fetch::new(headers, signal);
            match call::run(&transport, &request, &settings).await {
                Ok(reply) => Ok(reply_js(reply)),
                Err(failure) => Err(to_js_error(&failure)),
            }
        })
    }

    pub(super) fn open(&self) -> Result<&Rc<Open>, Error> {
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
    /// An error thrown before sending, with the messages the `messages`
    /// option's functions make.
    pub(super) fn throw(&self, error: Error) -> JsValue {
        super::throw_with(error, &self.messages, self.config.locale.as_deref())
    }

    fn prepare(
        &self,
        kind: Kind,
        argument: Option<&JsValue>,
        request: &JsValue,
        options: &JsValue,
    ) -> Result<(call::Request, config::CallSettings, Option<AbortSignal>), Error> {
        let argument = argument.map(|a| read_json(a, "argument")).transpose()?;
        self.prepare_value(kind, argument, read_json(request, "request")?, options)
    }

    fn prepare_value(
        &self,
        kind: Kind,
        argument: Option<Value>,
        request: Value,
        options: &JsValue,
    ) -> Result<(call::Request, config::CallSettings, Option<AbortSignal>), Error> {
        let options_value = read_options(options)?;
        let settings = config::read_call_options(&options_value, &self.config.call)?;
        let template = config::read_call_template(&options_value, self.config.locale.as_deref())?;
        let signal = read_signal(options)?;
        let request = call::prepare_with(&self.config, kind, argument.as_ref(), request, template)?;
        Ok((request, settings, signal))
    }
}

/// What a `Pages` iterator needs to fetch the next page.
struct PageState {
    /// The client's settings, kept after the client is freed.
    open: Rc<Open>,
    kind: Kind,
    query: Value,
    settings: config::CallSettings,
    signal: Option<AbortSignal>,
    next_page: Option<u64>,
    /// The page's items not yet handed out, last first: `pop` hands out
    /// the next.
    buffer: Vec<Value>,
    /// The promise of the last `next()`: the next one waits for it, so that
    /// calls made without awaiting still see each item once.
    tail: js_sys::Promise,
}

/// The async iterator `paginate` returns.
#[wasm_bindgen(skip_typescript)]
pub struct Pages {
    state: Rc<RefCell<PageState>>,
}

impl Pages {
    fn into_js(state: PageState) -> JsValue {
        let pages: JsValue = Pages {
            state: Rc::new(RefCell::new(state)),
        }
        .into();
        // `for await` asks for `[Symbol.asyncIterator]()`; the iterator is
        // itself, and `Object.prototype.valueOf` is a built-in that returns
        // `this` (no code made at run time, which a strict CSP forbids).
        let value_of = Reflect::get(&js_sys::Object::new(), &JsValue::from_str("valueOf"))
            .unwrap_or(JsValue::UNDEFINED);
        let _ = Reflect::set(&pages, &js_sys::Symbol::async_iterator(), &value_of);
        pages
    }
}

#[wasm_bindgen]
impl Pages {
    /// The next item, fetching the next page when the last one is used up.
    pub fn next(&self) -> js_sys::Promise {
        let state = self.state.clone();
        let previous = state.borrow().tail.clone();
        let promise = promise(async move {
            // Its outcome was its caller's; this call only waits for it.
            let _ = JsFuture::from(previous).await;
            loop {
                let page = {
                    let mut s = state.borrow_mut();
                    if let Some(item) = s.buffer.pop() {
                        return Ok(step(to_js(&item.to_json_string()), false));
                    }
                    match s.next_page {
                        Some(n) => n,
                        None => return Ok(step(JsValue::UNDEFINED, true)),
                    }
                };
                let (request, settings, transport) = {
                    let s = state.borrow();
                    let query = call::page_query(&s.query, page);
                    let request = call::prepare(&s.open.config, s.kind, None, query);
                    let transport = Fetch::new(s.open.headers.clone(), s.signal.clone());
                    (request, s.settings, transport)
                };
                let request = request.map_err(|e| {
                    state.borrow_mut().next_page = None;
                    throw(e)
                })?;
                let outcome = call::run(&transport, &request, &settings).await;
                let mut s = state.borrow_mut();
                match outcome {
                    Ok(reply) => {
                        let Some(list) = s.kind.route().list else {
                            s.next_page = None;
                            continue;
                        };
                        let (items, next) = call::page_items(&reply.envelope, &list, page);
                        s.buffer.extend(items.into_iter().rev());
                        s.next_page = next;
                    }
                    Err(failure) => {
                        s.next_page = None;
                        return Err(to_js_error(&failure));
                    }
                }
            }
        });
        self.state.borrow_mut().tail = promise.clone();
        promise
    }

    /// Ends the iteration (`break` in `for await` calls it).
    #[wasm_bindgen(js_name = "return")]
    pub fn finish(&self) -> js_sys::Promise {
        let mut s = self.state.borrow_mut();
        s.next_page = None;
        s.buffer.clear();
        js_sys::Promise::resolve(&step(JsValue::UNDEFINED, true))
    }
}

/// A reply as the JS object of its body.
pub(super) fn reply_js(reply: call::Reply<js_sys::JsString>) -> JsValue {
    reply
        .host_body_is_envelope
        .then(|| transport::parse_in_js(&reply.host_body))
        .flatten()
        .unwrap_or_else(|| to_js(&reply.envelope.to_json_string()))
}

/// The promise of `future`. Boxed, so that the promise machinery is made
/// once for every method rather than once a future type.
pub(super) fn promise(
    future: impl Future<Output = Result<JsValue, JsValue>> + 'static,
) -> js_sys::Promise {
    let future: Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>> = Box::pin(future);
    wasm_bindgen_futures::future_to_promise(future)
}

/// An iterator result `{ value, done }`.
fn step(value: JsValue, done: bool) -> JsValue {
    let result = js_sys::Object::new();
    let _ = Reflect::set(&result, &JsValue::from_str("value"), &value);
    let _ = Reflect::set(
        &result,
        &JsValue::from_str("done"),
        &JsValue::from_bool(done),
    );
    result.into()
}

/// The `signal` of a call's options: a working `AbortSignal`, or none.
pub(super) fn read_signal(options: &JsValue) -> Result<Option<AbortSignal>, Error> {
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
