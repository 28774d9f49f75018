//! TypeScript declarations of the requests, generated from the field table in
//! [`crate::validate::schema`] so the types can never drift from what
//! validation accepts. The output is committed as `src/typescript.d.ts` and
//! embedded in the package's `.d.ts`; a test fails when it is stale
//! (`UPDATE_TYPES=1 cargo test` rewrites it).

use crate::error;
use crate::issue::{IssueCode, WarningCode};
use crate::request::Kind;
use crate::routes::Carry;
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

/// The kinds whose fields the table has.
fn typed_kinds() -> impl Iterator<Item = Kind> {
    Kind::ALL
        .into_iter()
        .filter(|k| !schema::fields(*k).is_empty())
}

fn request_name(kind: Kind) -> String {
    let name = kind.name();
    let mut s = name[..1].to_ascii_uppercase();
    s.push_str(&name[1..]);
    s.push_str("Request");
    s
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
    let mut numbered = String::new();
    for ((prefix, _, rule), doc) in schema::TEMPLATE_NUMBERED
        .iter()
        .zip(schema::TEMPLATE_NUMBERED_DOCS)
    {
        numbered.push_str(&format!(
            "  /** {doc} */\n  [key: `{prefix}${{number}}`]: {} | undefined;\n",
            ts_type(*rule)
        ));
    }
    for kind in typed_kinds() {
        let route = kind.route();
        let what = match route.carry {
            Carry::Body => "Body",
            Carry::Query => "Query",
        };
        let doc = format!("{what} of `{}`: {}", route.signature(), route.about);
        let extra = if kind == Kind::SendTemplateMessage {
            numbered.as_str()
        } else {
            ""
        };
        interface(
            &mut out,
            &request_name(kind),
            &doc,
            schema::fields(kind),
            extra,
        );
    }
    out.push_str("/** The request type of each kind that `validate` and `validateField` take. */\nexport interface RequestKinds {\n");
    for kind in typed_kinds() {
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
        "Why a valid request deserves a second look.",
        "WarningCode",
        WarningCode::ALL.map(WarningCode::as_str),
    );
    out.push_str(ANSWERS);
    errors(&mut out);
    out
}

fn union<const N: usize>(out: &mut String, doc: &str, name: &str, members: [&str; N]) {
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
}

/** Options of the standalone validators. */
export interface ValidateOptions {
  /** Replaces a national leading 0 of phone numbers. */
  defaultCountryCode?: string;
  /** Filled in as `from_phone_number_id` of a send that has none. */
  fromPhoneNumberId?: string;
}

"#;

const ISSUE: &str = r#"/** One problem with one field. */
export interface Issue {
  /** Dotted path with the API's key names, such as `"contact.email"`; `""` is the whole payload. */
  path: string;
  /** Machine-readable reason. */
  code: IssueCode;
  /** An English sentence naming the field and what to fix. */
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
  /** An English sentence explaining the consequence. */
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
