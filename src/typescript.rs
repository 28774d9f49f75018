//! TypeScript declarations of the requests, generated from the field table in
//! [`crate::validate::schema`] so the types can never drift from what
//! validation accepts. The output is committed as `src/typescript.d.ts` and
//! embedded in the package's `.d.ts`; a test fails when it is stale
//! (`UPDATE_TYPES=1 cargo test` rewrites it).

use crate::error;
use crate::issue::{IssueCode, WarningCode};
use crate::request::Kind;
use crate::routes::{Carry, Route, ROUTES};
use crate::validate::schema::{self, Field, Rule};

fn ts_type(rule: Rule) -> String {
    /// The type at a nesting depth, for the indentation of inline objects.
    fn at(rule: Rule, depth: usize) -> String {
        match rule {
            Rule::Choice(choices) => choices
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(" | "),
            Rule::Groups => "string | string[]".into(),
            Rule::CustomFields => "Record<string, string | number>".into(),
            Rule::Bool => "boolean".into(),
            Rule::Object(fields) if fields == schema::CONTACT_FIELDS => "ContactDetails".into(),
            Rule::Object(fields) => {
                let pad = "  ".repeat(depth + 1);
                let mut s = String::from("{\n");
                for f in fields {
                    let opt = if f.required { "" } else { "?" };
                    let ts = at(f.rule, depth + 1);
                    s.push_str(&format!(
                        "{pad}/** {} */\n{pad}{}{opt}: {ts};\n",
                        f.doc, f.name
                    ));
                }
                s.push_str(&"  ".repeat(depth));
                s.push('}');
                s
            }
            Rule::List { item, .. } => match at(*item, depth) {
                t if t.contains(" | ") => format!("({t})[]"),
                t => format!("{t}[]"),
            },
            Rule::Values(item) => {
                let t = at(*item, depth);
                format!("Record<string, {t}> | ({t})[]")
            }
            Rule::Buttons => "{ \"1\": string; \"2\"?: string; \"3\"?: string } | string[]".into(),
            Rule::TemplateText { .. } | Rule::Coordinate { .. } | Rule::Scalar => {
                "string | number".into()
            }
            Rule::Count { .. } => "number".into(),
            Rule::On => "boolean | \"on\"".into(),
            Rule::Unusable => "never".into(),
            _ => "string".into(),
        }
    }
    at(rule, 1)
}

fn interface(out: &mut String, name: &str, doc: &str, fields: &[Field], extra: &str) {
    out.push_str(&format!("/** {doc} */\nexport interface {name} {{\n"));
    for f in fields {
        let opt = if f.required { "" } else { "?" };
        out.push_str(&format!(
            "  /** {} */\n  {}{opt}: {};\n",
            f.doc,
            f.name,
            ts_type(f.rule)
        ));
    }
    out.push_str(extra);
    out.push_str("}\n\n");
}

fn request_name(kind: Kind) -> String {
    capitalised(kind.name()) + "Request"
}

/// The generated declarations.
pub fn declarations() -> String {
    let mut out = String::from(
        "// Generated from src/validate/schema.rs by src/typescript.rs: do not edit.\n\n",
    );
    interface(
        &mut out,
        "ContactDetails",
        "Details of a contact to create if it does not exist yet (the `contact` of a send).",
        schema::CONTACT_FIELDS,
        "",
    );
    for kind in Kind::ALL {
        let route = kind.route();
        let what = match route.carry {
            Carry::Body => "Body",
            Carry::Query => "Query",
        };
        let doc = format!("{what} of `{}`.", route.signature());
        let mut numbered = String::new();
        for ((prefix, _, rule), doc) in schema::TEMPLATE_NUMBERED
            .iter()
            .zip(schema::TEMPLATE_NUMBERED_DOCS)
            .filter(|((prefix, _, _), _)| schema::takes_numbered(kind, prefix))
        {
            numbered.push_str(&format!(
                "  /** {doc} */\n  [key: `{prefix}${{number}}`]: {} | undefined;\n",
                ts_type(*rule)
            ));
        }
        interface(
            &mut out,
            &request_name(kind),
            &doc,
            schema::fields(kind),
            &numbered,
        );
    }
    out.push_str("/** The request type of each kind that `validate` and `validateField` take. */\nexport interface RequestKinds {\n");
    for kind in Kind::ALL {
        out.push_str(&format!("  {}: {};\n", kind.name(), request_name(kind)));
    }
    out.push_str("}\n\n/** A request kind: the name of the client method that sends it. */\nexport type RequestKind = keyof RequestKinds;\n\n");
    out.push_str(OPTIONS);
    union(
        &mut out,
        "Why a field was refused.",
        "IssueCode",
        IssueCode::ALL.map(IssueCode::as_str),
    );
    out.push_str(ISSUE);
    union(
        &mut out,
        "The key of a message in the locale tables (`locales/en.json`).",
        "MessageKey",
        crate::messages::Msg::ALL.iter().map(|m| m.key()),
    );
    union(
        &mut out,
        "Why a valid request deserves a second look.",
        "WarningCode",
        WarningCode::ALL.map(WarningCode::as_str),
    );
    out.push_str(ANSWERS);
    out.push_str(STANDARD_SCHEMA);
    out.push_str(PREVIEW);
    out.push_str(ITEMS);
    out.push_str(WEBHOOK);
    union(
        &mut out,
        "The sends `sendBulk` takes.",
        "BulkKind",
        crate::bulk::KINDS.map(Kind::name),
    );
    out.push_str(BULK);
    replies_and_methods(&mut out);
    errors(&mut out);
    out
}

/// `phone_number_or_email` → `phoneNumberOrEmail`.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The reply type of each list route, and the client's API methods, one
/// per row of [`ROUTES`], with their arguments as the route takes them.
fn replies_and_methods(out: &mut String) {
    let mut items = String::new();
    for route in &ROUTES {
        if let Some(list) = route.list {
            out.push_str(&format!(
                "/** What `{}` resolves to. */\nexport type {} = SuccessEnvelope<{{ {}: Page<{}> }}>;\n",
                route.kind.name(),
                reply_name(route),
                list.key,
                list.item
            ));
            items.push_str(&format!("  {}: {};\n", route.kind.name(), list.item));
        }
    }
    out.push_str(&format!(
        "\n/** The item type of each list method: what `paginate` yields. */\nexport interface ListItems {{\n{items}}}\n\n/** A list method's name. */\nexport type ListMethod = keyof ListItems;\n\n"
    ));
    out.push_str("/** The API methods of `WhatsJetClient`, one per route. Each takes a last, optional `CallOptions` and fails with a `WhatsJetError`. */\nexport interface WhatsJetClient {\n");
    for route in &ROUTES {
        let kind = route.kind;
        let request = request_name(kind);
        let arguments = match (route.path_field.or(route.argument_field), route.list) {
            (Some(field), _) if schema::fields(kind).iter().any(|f| f.name != field) => {
                format!("{}: string, request: {request}", camel(field))
            }
            (Some(field), _) => format!("{}: string", camel(field)),
            (None, Some(_)) => format!("query?: {request}"),
            (None, None) if route.carry == Carry::Query => format!("query: {request}"),
            (None, None) => format!("request: {request}"),
        };
        out.push_str(&format!(
            "  /** {} (`{}`) */\n  {}({arguments}, options?: CallOptions): Promise<{}>;\n",
            route.about,
            route.signature(),
            kind.name(),
            reply_name(route)
        ));
    }
    out.push_str("  /** The items of a list method across its pages, each page fetched when the loop reaches it; `options.signal` ends it at once. */\n  paginate<M extends ListMethod>(method: M, query?: RequestKinds[M], options?: CallOptions): AsyncIterableIterator<ListItems[M]>;\n");
    out.push_str(SEND_BULK);
    out.push_str("  /** The request `kind`'s method would send with the same arguments, without sending it: validated and normalised, the client's defaults filled in, the token masked. Throws the `WhatsJetError` the call would fail with before sending. */\n  preview<K extends RequestKind>(kind: K, ...args: Parameters<WhatsJetClient[K]>): RequestPreview;\n");
    out.push_str("}\n\n");
}

fn reply_name(route: &Route) -> String {
    match route.list {
        Some(_) => format!("{}Reply", capitalised(route.kind.name())),
        None => route.reply.to_owned(),
    }
}

fn capitalised(name: &str) -> String {
    let mut s = name[..1].to_ascii_uppercase();
    s.push_str(&name[1..]);
    s
}

fn union<'a>(out: &mut String, doc: &str, name: &str, members: impl IntoIterator<Item = &'a str>) {
    out.push_str(&format!("/** {doc} */\nexport type {name} =\n"));
    for m in members {
        out.push_str(&format!("  | \"{m}\"\n"));
    }
    out.pop();
    out.push_str(";\n\n");
}

/// One interface per error code, from [`error::SHAPES`], and their union
/// discriminated by `code`.
fn errors(out: &mut String) {
    union(
        out,
        "The `code` of a `WhatsJetError`.",
        "WhatsJetErrorCode",
        error::CODES,
    );
    out.push_str(ERROR_BASE);
    for shape in &error::SHAPES {
        out.push_str(&format!(
            "/** `{}`: {} */\nexport interface {} extends WhatsJetErrorBase {{\n  code: \"{}\";\n",
            shape.code, shape.doc, shape.name, shape.code
        ));
        for (name, always) in shape.details {
            let (ts, doc) = detail_type(name);
            let opt = if *always { "" } else { "?" };
            out.push_str(&format!("  /** {doc} */\n  {name}{opt}: {ts};\n"));
        }
        out.push_str("}\n\n");
    }
    out.push_str("/** Every error this package throws or rejects with; narrow it with `code`. */\nexport type WhatsJetError =\n");
    for shape in &error::SHAPES {
        out.push_str(&format!("  | {}\n", shape.name));
    }
    out.pop();
    out.push_str(";\n");
}

/// The TypeScript type and doc of each [`error::Detail`], by its name.
fn detail_type(name: &str) -> (&'static str, &'static str) {
    match name {
        "status" => ("number", "HTTP status of the answer."),
        "serverMessage" => ("string", "The server's own message."),
        "issues" => (
            "Issue[]",
            "Field issues: the client's validation, the bad options, or a 422's `errors`.",
        ),
        "whatsappCode" => (
            "number",
            "The WhatsApp error code from `(#NNNNNN)` in the server's message.",
        ),
        "retryAfterMs" => (
            "number",
            "How long the server asked to wait (`Retry-After`).",
        ),
        _ => ("unknown", "Undocumented."),
    }
}

/// The option types, which have no table of their own.
const OPTIONS: &str = r#"/** Options of `new WhatsJetClient(...)`. */
export interface WhatsJetClientOptions {
  /** The API base, such as `https://example.com/api`; https unless the host is localhost. */
  baseUrl: string;
  /** The vendor's uid. */
  vendorUid: string;
  /** The API token; sent only as `Authorization: Bearer …`, never shown. */
  token: string;
  /** Default `from_phone_number_id` of the three sends. */
  fromPhoneNumberId?: string;
  /** Replaces a national leading 0 of phone numbers, such as `"91"`. */
  defaultCountryCode?: string;
  /** Time limit of each request in milliseconds (default 30 000). */
  timeoutMs?: number;
  /** Retries after the first request, 0 to 10 (default 2); only where a retry cannot deliver twice. */
  maxRetries?: number;
  /** Longest wait before a retry (default 60 000); a longer `Retry-After` fails at once with `rate_limited`. */
  maxRetryDelayMs?: number;
  /** Also retry after a timeout, a 5xx or a broken answer, when a duplicate message is acceptable (default false). */
  retryUnknownDelivery?: boolean;
  /** The language of validation messages: the default export of a `whatsjet/locales/…` module (English without it). */
  locale?: Locale;
  /** Your own text of validation messages, by issue or warning code or message key: a template with `{path}` and the message's `params`, or a function of the issue. */
  messages?: MessageOverrides;
}

/** Per-call options: the last argument of each method; they override the client's. */
export interface CallOptions {
  /** Ends the call, retries and waits included, with an `aborted` error. */
  signal?: AbortSignal;
  /** Time limit of each request of this call, in milliseconds. */
  timeoutMs?: number;
  /** Retries after the first request. */
  maxRetries?: number;
  /** Longest wait before a retry. */
  maxRetryDelayMs?: number;
  /** Also retry when the message may have been delivered. */
  retryUnknownDelivery?: boolean;
  /** The definition of the template a template send uses: the request is checked against it before it is sent. */
  template?: WhatsAppTemplate;
}

/** Options of the standalone validators. */
export interface ValidateOptions {
  /** Replaces a national leading 0 of phone numbers. */
  defaultCountryCode?: string;
  /** Filled in as `from_phone_number_id` of a send that has none. */
  fromPhoneNumberId?: string;
  /** The definition of the template a template send uses: exactly its parameters are required, and the others warned about. */
  template?: WhatsAppTemplate;
  /** The language of the messages: the default export of a `whatsjet/locales/…` module (English without it). */
  locale?: Locale;
  /** Your own text of messages, by issue or warning code or message key: a template with `{path}` and the message's `params`, or a function of the issue. */
  messages?: MessageOverrides;
}

/** A language of the validation messages, as `whatsjet/locales/pt-BR` (and `es`, `hi`, `id`, `en`) export it. */
export interface Locale {
  /** Its language tag, such as `"pt-BR"`. */
  locale: string;
  /** The text of each message key; `{path}` and the message's params are filled in. A key left out stays English. */
  messages: Partial<Record<MessageKey, string>>;
}

/** What a message function of the `messages` option is given. */
export interface MessageParts {
  /** The field's dotted path. */
  path: string;
  /** The issue or warning code. */
  code: IssueCode | WarningCode;
  /** The message's key in the locale tables. */
  key: MessageKey;
  /** The message in the locale's words (English without one). */
  message: string;
  /** The message's arguments, such as `{ max: "4096", count: "4100" }`. */
  params: Record<string, string>;
}

/** Your own message texts: by issue or warning code (every message of that code) or by message key (one message), which wins. */
export type MessageOverrides = {
  [key in IssueCode | WarningCode | MessageKey]?: string | ((issue: MessageParts) => string);
};

/** A template's definition in WhatsApp's own format, as WhatsApp Manager shows it. */
export interface WhatsAppTemplate {
  /** Must match the request's `template_name`. */
  name: string;
  /** Must match the request's `template_language`. */
  language: string;
  /** `{{N}}` in a text needs its parameter; a URL button's `{{1}}` needs `button_<index>`, counting every button from 0. */
  components: Array<
    | { type: "HEADER"; format: "TEXT" | "IMAGE" | "VIDEO" | "DOCUMENT" | "LOCATION"; text?: string }
    | { type: "BODY"; text?: string }
    | { type: "BUTTONS"; buttons: Array<{ type: string; url?: string; [key: string]: unknown }> }
    | { type: string; [key: string]: unknown }
  >;
  [key: string]: unknown;
}

"#;

const ISSUE: &str = r#"/** One problem with one field. */
export interface Issue {
  /** Dotted path with the API's key names, such as `"contact.email"`; `""` is the whole payload. */
  path: string;
  /** Machine-readable reason. */
  code: IssueCode;
  /** A sentence naming the field and what to fix, in the `locale` option's language (English by default). */
  message: string;
}

"#;

/// The answer types.
const ANSWERS: &str = r#"/** Something legal that probably does not do what was meant. */
export interface Warning {
  /** Dotted path of the field. */
  path: string;
  /** Machine-readable reason. */
  code: WarningCode;
  /** A sentence explaining the consequence, in the `locale` option's language. */
  message: string;
}

/** Result of `validate`: the body exactly as it would be sent, or every issue. */
export type ValidationResult =
  | { ok: true; value: RequestKinds[RequestKind]; warnings: Warning[] }
  | { ok: false; issues: Issue[]; warnings: Warning[] };

/** `data` of a send. */
export interface SendMessageData {
  /** The server's id of the message log entry. */
  log_uid: string;
  /** The contact the message went to. */
  contact_uid: string;
  /** The number WhatsApp resolved; use it for later updates. */
  phone_number: string;
  /** WhatsApp's message id. */
  wamid: string;
  /** Delivery status, `"accepted"` at first. */
  status: string;
}

/** `data` of `contact/create`. */
export interface CreateContactData {
  contact_uid: string;
  first_name: string | null;
  last_name: string | null;
  phone_number: string;
  language_code: string | null;
  country: string | null;
}

/** `data` of `contact/update`. */
export interface UpdateContactData {
  contact_uid: string;
}

/** The server's success envelope. */
export interface SuccessEnvelope<T> {
  result: "success";
  /** For people; never branch on it. */
  message: string;
  data: T;
}

/** What a send resolves to. */
export type SendReply = SuccessEnvelope<SendMessageData>;
/** What `createContact` resolves to. */
export type CreateContactReply = SuccessEnvelope<CreateContactData>;
/** What `updateContact` resolves to. */
export type UpdateContactReply = SuccessEnvelope<UpdateContactData>;

"#;

/// What the reads answer with. Field types the server's code does not pin
/// down are the JSON Laravel writes for them.
const ITEMS: &str = r#"/** One page of a list: Laravel's paginator. */
export interface Page<T> {
  current_page: number;
  data: T[];
  first_page_url: string;
  /** Null on an empty page. */
  from: number | null;
  last_page: number;
  last_page_url: string;
  links: { url: string | null; label: string; active: boolean }[];
  /** Null on the last page. */
  next_page_url: string | null;
  path: string;
  per_page: number;
  prev_page_url: string | null;
  /** Null on an empty page. */
  to: number | null;
  total: number;
}

/** An approved template, as `listTemplates` lists it (without its components). */
export interface Template {
  _id: number;
  _uid: string;
  status: string;
  template_name: string;
  template_id: string;
  category: string;
  language: string;
  created_at: string;
  updated_at: string;
}

/** A contact as the reads give it: the phone number is `wa_id`. */
export interface Contact {
  _id: number;
  /** What assign and unassign take in `contacts_uid`. */
  _uid: string;
  status: number | string;
  first_name: string | null;
  last_name: string | null;
  full_name: string | null;
  name_initials: string | null;
  /** The phone number, digits with the country code. */
  wa_id: string;
  email: string | null;
  language_code: string | null;
  countries__id: number | null;
  whatsapp_opt_out: number | boolean | null;
  disable_ai_bot: number | boolean | null;
  disable_reply_bot: number | boolean | null;
  assigned_users__id: number | null;
  phone_verified_at: string | null;
  email_verified_at: string | null;
  wa_blocked_at: string | null;
  username: string | null;
  bsuid: string | null;
  vendors__id: number;
  created_at: string;
  updated_at: string;
  groups: { _id: number; _uid: string; status: number | string; title: string; description: string | null; created_at: string }[];
  labels: { _id: number; _uid: string; status: number | string; title: string; created_at: string }[];
}

/** A contact group. */
export interface Group {
  _id: number;
  /** What assign and unassign take in `groups_uid`. */
  _uid: string;
  status: number | string;
  title: string;
  description: string | null;
  vendors__id: number;
  created_at: string;
  updated_at: string;
}

/** A label (tag). */
export interface Label {
  _id: number;
  /** What assign and unassign take in `labels_uid`. */
  _uid: string;
  status: number | string;
  title: string;
  text_color: string | null;
  bg_color: string | null;
  vendors__id: number;
  created_at: string;
  updated_at: string;
}

/** A campaign. */
export interface Campaign {
  _id: number;
  _uid: string;
  title: string;
  status: number | string;
  template_name: string;
  template_language: string;
  timezone: string;
  scheduled_at: string | null;
  total_contacts: number;
  whatsapp_templates__id: number;
  users__id: number;
  vendors__id: number;
  created_at: string;
  updated_at: string;
}

/** A campaign's progress; percentages are text such as `"12.5%"`. */
export interface CampaignStatus {
  campaignStatus: "upcoming" | "processing" | "executed" | "na" | "aborted";
  statusText: string;
  timeTookFromScheduledAtFormatted: string | null;
  totalSent: number;
  totalSentInPercent: string;
  /** Read messages included. */
  totalDelivered: number;
  totalDeliveredInPercent: string;
  totalRead: number;
  totalReadInPercent: string;
  totalFailed: number;
  totalFailedInPercent: string;
  acceptedCount: number;
  totalAcceptedInPercent: string;
  inQueueCount: number;
  inQueuedCount: number;
  totalInQueueInPercent: string;
  queueFailedCount: number;
  expiredCount: number;
  totalExpiredInPercent: string;
  executedCount: number;
  campaign: Campaign;
}

/** Where a sent message is. */
export interface MessageStatus {
  status: "accepted" | "sent" | "delivered" | "read" | "failed";
  created_at: string;
  updated_at: string;
}

/** What `getMessageStatus` resolves to. */
export type MessageStatusReply = SuccessEnvelope<MessageStatus>;
/** What `getContact` resolves to: `contact` is null when none matches. */
export type GetContactReply = SuccessEnvelope<{ contact: Contact | null }>;
/** What a membership change resolves to: `changed` is false when the state already was as asked (the server's "No changes"). */
export type ChangeReply<T = unknown[]> =
  | (SuccessEnvelope<T> & { changed: true })
  | { result: "failed"; message: "No changes"; data: unknown[]; changed: false };
/** What `assignTeamMember` resolves to. */
export type AssignTeamMemberReply = ChangeReply<{ contact_uid: string }>;
/** What `scheduleCampaign` resolves to. */
export type ScheduleCampaignReply = SuccessEnvelope<{ campaignUid: string }>;
/** What `getCampaignStatus` resolves to. */
export type CampaignStatusReply = SuccessEnvelope<CampaignStatus>;

"#;

/// The events of `parseWebhook`, the shapes `crate::webhook` checks.
const WEBHOOK: &str = r#"/** The contact of a webhook event. */
export interface WebhookContact {
  /** `"existing"` on message and status events. */
  status: string;
  /** Digits with the country code. */
  phone_number: string;
  uid: string;
  first_name?: string | null;
  last_name?: string | null;
  email?: string | null;
  language_code?: string | null;
  country?: string | null;
}

/** The media of an incoming message. */
export interface WebhookMedia {
  /** `"image"`, `"video"`, `"audio"`, `"document"`, … */
  type: string;
  link?: string | null;
  caption?: string | null;
  mime_type?: string | null;
  file_name?: string | null;
  original_filename?: string | null;
}

/** The message of a message or status event. */
export interface WebhookMessage {
  whatsapp_business_phone_number_id?: string | null;
  /** WhatsApp's id of the message (`wamid.…`). */
  whatsapp_message_id: string;
  /** The message this one answers, such as the one whose button was pressed. */
  replied_to_whatsapp_message_id?: string | null;
  is_new_message: boolean;
  /** The text, or the title of the chosen button or list row; null on a status event. */
  body?: string | null;
  /** Null when the message has no media (the server's `[]`). */
  media: WebhookMedia | null;
}

/** An incoming message, a button or list reply, or an echo of a reply sent from the WhatsApp Business app. */
export interface WebhookMessageEvent {
  type: "message";
  contact: WebhookContact;
  message: WebhookMessage & { status?: null };
  /** Meta's own webhook body, as the server got it. */
  whatsapp_webhook_payload: Record<string, unknown> | null;
}

/** A sent message moved on. */
export interface WebhookStatusEvent {
  type: "status";
  contact: WebhookContact;
  message: WebhookMessage & { status: "sent" | "delivered" | "read" | "failed" };
  /** Meta's own webhook body, as the server got it. */
  whatsapp_webhook_payload: Record<string, unknown> | null;
}

/** A contact created (`"new"`) or updated through the API. */
export interface WebhookContactEvent {
  type: "contact";
  contact: WebhookContact & { status: "new" | "updated" };
  /** The server's `[]`. */
  message: null;
  /** The server's `[]`. */
  whatsapp_webhook_payload: null;
}

/** What `parseWebhook` returns: narrow it with `type`. */
export type WebhookEvent = WebhookMessageEvent | WebhookStatusEvent | WebhookContactEvent;

"#;

/// `schemas` and `createSchemas`: the objects are plain JS appended to the
/// glue (`pkg-template/standard-schema.js`), their types the shape of
/// `@standard-schema/spec` written out, so the package keeps no dependency.
const STANDARD_SCHEMA: &str = r#"/** An issue of a Standard Schema: `path` is the issue's dotted path split at each `.` (`["contact", "email"]`, `["buttons", "2"]`), left out for the whole payload. */
export interface StandardSchemaIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** What a Standard Schema's `validate` returns: the value, or the issues. */
export type StandardSchemaResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardSchemaIssue> };

/** The Standard Schema v1 interface (`StandardSchemaV1` of `@standard-schema/spec`), which form libraries accept. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: { readonly libraryOptions?: Record<string, unknown> | undefined } | undefined) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** A whatsjet schema's issue: the Standard Schema issue and the issue's code. */
export interface WhatsJetSchemaIssue extends StandardSchemaIssue {
  readonly code: IssueCode;
}

/** The Standard Schema of one request kind: `validate(kind, value, options)`, synchronous; its `value` is the body exactly as it would be sent. */
export interface WhatsJetSchema<K extends RequestKind> extends StandardSchemaV1<RequestKinds[K]> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "whatsjet";
    readonly validate: (value: unknown) => { readonly value: RequestKinds[K]; readonly issues?: undefined } | { readonly issues: ReadonlyArray<WhatsJetSchemaIssue> };
    readonly types?: { readonly input: RequestKinds[K]; readonly output: RequestKinds[K] } | undefined;
  };
}

/** One Standard Schema per request kind. */
export type WhatsJetSchemas = { readonly [K in RequestKind]: WhatsJetSchema<K> };

/** The Standard Schemas of every request kind, validating with no options. */
export declare const schemas: WhatsJetSchemas;

/** The Standard Schemas of every request kind, validating with these options (those of `validate`); a bad option throws a `config` error when a schema validates. */
export declare function createSchemas(options?: ValidateOptions): WhatsJetSchemas;

"#;

/// The answer of `preview`.
const PREVIEW: &str = r#"/** A request as it would go out (`client.preview`), the token masked. */
export interface RequestPreview {
  method: "GET" | "POST";
  /** The full URL, query string included. */
  url: string;
  /** The headers as sent, with `Authorization: "Bearer ****"`. */
  headers: { Authorization: string; "Content-Type": "application/json"; Accept: "application/json" };
  /** The JSON body exactly as sent; null for a GET. */
  body: string | null;
  /** A curl command for the same request, every argument shell-quoted, the token read from `$WHATSJET_TOKEN`. */
  toCurl(): string;
}

"#;

/// The types of `sendBulk`.
const BULK: &str = r#"/** What `onProgress` gets after each row that was sent or failed: the counts, and that row's outcome. */
export interface BulkProgress {
  /** Rows ended so far, rising by one each call. */
  done: number;
  total: number;
  sent: number;
  failed: number;
  /** The outcome of the row that just ended, as it will be in the resolved array. */
  outcome: Exclude<BulkOutcome, { status: "not_sent" }>;
}

/** Options of `sendBulk`: the pace, progress, and the per-call options of every row. */
export interface BulkOptions extends CallOptions {
  /** Most requests, retries included, in a 60-second window, sent evenly spaced (default 60, the server's throttle). */
  ratePerMinute?: number;
  /** Most requests in flight at once (default 4). */
  concurrency?: number;
  /** Called once per row, synchronously, right before its first request leaves (after its turn; never for a row that fails validation or is not sent). If it throws, that row is not sent: it ends `not_sent`. */
  onSend?: (row: { index: number }) => void;
  /** Called after each row that was sent or failed; what it throws is ignored. */
  onProgress?: (progress: BulkProgress) => void;
}

/** How one row of `sendBulk` ended: `not_sent` was never sent (the run was aborted first, or `onSend` threw); a `failed` error says whether it may have been delivered (`deliveryUnknown`). */
export type BulkOutcome =
  | { index: number; status: "sent"; reply: SendReply }
  | { index: number; status: "failed"; error: WhatsJetError }
  | { index: number; status: "not_sent" };

"#;

/// The `sendBulk` method of the `WhatsJetClient` interface.
const SEND_BULK: &str = "  /** Sends one request per payload at `ratePerMinute`, `concurrency` at a time; a 429 pauses every row for its `Retry-After`. Resolves to one outcome per payload, in input order; a bad row fails alone. */\n  sendBulk<K extends BulkKind>(kind: K, payloads: Iterable<RequestKinds[K]>, options?: BulkOptions): Promise<BulkOutcome[]>;\n";

/// What every error has; each code's interface extends it.
const ERROR_BASE: &str = r#"/** What every `WhatsJetError` has. */
export interface WhatsJetErrorBase extends Error {
  name: "WhatsJetError";
  code: WhatsJetErrorCode;
  /** Whether the same call can be made again without risking a second delivery. */
  retryable: boolean;
  /** How many requests the call made (0 when it failed before sending). */
  attempts: number;
  /** Whether a request of the call may have been delivered although the call failed. */
  deliveryUnknown: boolean;
  /** The original failure, when there is one: what `fetch` threw, or the `AbortSignal`'s reason. */
  cause?: unknown;
}

"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_declarations_are_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/typescript.d.ts");
        let generated = declarations();
        if std::env::var_os("UPDATE_TYPES").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == generated,
            "src/typescript.d.ts is stale: run UPDATE_TYPES=1 cargo test"
        );
    }

    #[test]
    fn template_request_takes_numbered_parameters() {
        let d = declarations();
        assert!(d.contains("  [key: `field_${number}`]: string | number | undefined;\n"));
        assert!(d.contains("  media_type: \"image\" | \"video\" | \"audio\" | \"document\";\n"));
        assert!(d.contains("  phone_number: string;\n"));
        assert!(d.contains("  whatsapp_opt_out?: boolean;\n"));
        let words: Vec<&str> = d
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .collect();
        assert!(!words.contains(&"any"), "no `any` type in the declarations");
    }
}
