// Compile-time test of the package's declarations (never run): every export
// and method used with its documented types, narrowing that must work, and
// `@ts-expect-error` lines for mistakes the types must reject. An expected
// error that does not happen fails the build ("Unused '@ts-expect-error'").

import {
  WhatsJetClient,
  normalizePhoneNumber,
  validate,
  validateField,
  type CallOptions,
  type ContactDetails,
  type CreateContactData,
  type CreateContactReply,
  type CreateContactRequest,
  type Issue,
  type IssueCode,
  type RequestKind,
  type RequestKinds,
  type SendMediaMessageRequest,
  type SendMessageData,
  type SendMessageRequest,
  type SendReply,
  type SendTemplateMessageRequest,
  type SuccessEnvelope,
  type UpdateContactData,
  type UpdateContactReply,
  type UpdateContactRequest,
  type ValidateOptions,
  type ValidationResult,
  type Warning,
  type WarningCode,
  type WhatsJetClientOptions,
  type WhatsJetError,
  type WhatsJetErrorCode,
  isWhatsJetError,
  type AbortedError,
  type ApiError,
  type ConfigError,
  type HttpError,
  type InvalidResponseError,
  type NetworkError,
  type RateLimitedError,
  type TimeoutError,
  type UnauthorizedError,
  type ValidationError,
  type NotFoundError,
  type Contact,
  type Group,
  type Label,
  type Template,
  type Campaign,
  type CampaignStatus,
  type ChangeReply,
  type ListMethod,
  type MessageStatus,
  type Page,
} from "whatsjet";
import initWeb, { initSync, WhatsJetClient as WebClient, validate as webValidate, type InitOutput } from "whatsjet/web";
import * as formOnly from "whatsjet/validators";
import ptBR from "whatsjet/locales/pt-BR";

// ---- type-level assertions ------------------------------------------------

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | void {}

expectType<
  Equal<
    RequestKind,
    | "sendMessage"
    | "sendMediaMessage"
    | "sendTemplateMessage"
    | "createContact"
    | "updateContact"
    | "getMessageStatus"
    | "listTemplates"
    | "listContacts"
    | "getContact"
    | "listGroups"
    | "listLabels"
    | "assignGroups"
    | "unassignGroups"
    | "assignLabels"
    | "unassignLabels"
    | "assignTeamMember"
    | "sendInteractiveMessage"
    | "sendCarouselTemplateMessage"
    | "scheduleCampaign"
    | "listCampaigns"
    | "getCampaignStatus"
  >
>();
expectType<Equal<RequestKinds["updateContact"], UpdateContactRequest>>();
expectType<Equal<ReturnType<typeof normalizePhoneNumber>, string>>();
expectType<Equal<ReturnType<typeof validate>, ValidationResult>>();
expectType<Equal<ReturnType<typeof validateField>, Issue[]>>();
expectType<Equal<ReturnType<WhatsJetClient["sendMessage"]>, Promise<SendReply>>>();
expectType<Equal<ReturnType<WhatsJetClient["sendMediaMessage"]>, Promise<SendReply>>>();
expectType<Equal<ReturnType<WhatsJetClient["sendTemplateMessage"]>, Promise<SendReply>>>();
expectType<Equal<ReturnType<WhatsJetClient["createContact"]>, Promise<CreateContactReply>>>();
expectType<Equal<ReturnType<WhatsJetClient["updateContact"]>, Promise<UpdateContactReply>>>();
expectType<Equal<SendReply, SuccessEnvelope<SendMessageData>>>();
expectType<Equal<CreateContactReply["data"], CreateContactData>>();
expectType<Equal<UpdateContactReply["data"], UpdateContactData>>();
expectType<Equal<SendMediaMessageRequest["media_type"], "image" | "video" | "audio" | "document">>();
expectType<Equal<WhatsJetError["code"], WhatsJetErrorCode>>();
expectType<Equal<WhatsJetError["name"], "WhatsJetError">>();
expectType<Equal<WhatsJetError["attempts"], number>>();
expectType<Equal<WhatsJetError["deliveryUnknown"], boolean>>();
expectType<Equal<Issue["code"], IssueCode>>();
expectType<Equal<Warning["code"], WarningCode>>();
expectType<Equal<ReturnType<WhatsJetClient["toJSON"]>, Omit<WhatsJetClientOptions, "token">>>();
// The web build declares the same API.
expectType<Equal<typeof webValidate, typeof validate>>();

// ---- the client and its five requests -------------------------------------

const options: WhatsJetClientOptions = {
  baseUrl: "https://example.com/api",
  vendorUid: "vendor-uid",
  token: "api-token",
  fromPhoneNumberId: "100000000000001",
  defaultCountryCode: "91",
  timeoutMs: 30_000,
  maxRetries: 2,
  maxRetryDelayMs: 60_000,
  retryUnknownDelivery: false,
};
const client = new WhatsJetClient(options);
const minimal = new WhatsJetClient({ baseUrl: "https://example.com/api", vendorUid: "v", token: "t" });

const controller = new AbortController();
const call: CallOptions = {
  signal: controller.signal,
  timeoutMs: 5_000,
  maxRetries: 0,
  maxRetryDelayMs: 1_000,
  retryUnknownDelivery: true,
};

const contact: ContactDetails = {
  first_name: "Johan",
  last_name: "Doe",
  email: "johan@example.com",
  country: "India",
  language_code: "en",
  groups: ["customers", "vip"],
  custom_fields: { BDay: "1990-12-10", Score: 7 },
};

const text: SendMessageRequest = { phone_number: "+91 98765-43210", message_body: "Hello", contact };
const media: SendMediaMessageRequest = {
  phone_number: "919876543210",
  media_type: "document",
  media_url: "https://example.com/invoice.pdf",
  caption: "Invoice",
  file_name: "invoice.pdf",
  from_phone_number_id: "100000000000002",
};
const template: SendTemplateMessageRequest = {
  phone_number: "919876543210",
  template_name: "order_update",
  template_language: "en_US",
  field_1: "{first_name}",
  field_2: 1024,
  header_field_1: "Hi",
  button_0: "track/1024",
  location_latitude: 22,
  location_longitude: "-43.2",
  copy_code: "SAVE-10",
};
const create: CreateContactRequest = { phone_number: "+44 20 7946 0958", first_name: "Ada", groups: "a,b" };
const update: UpdateContactRequest = { whatsapp_opt_out: false, enable_ai_bot: true, country: "IN", groups: [] };

export async function sendAll(): Promise<string[]> {
  const sent = await client.sendMessage(text, call);
  const result: "success" = sent.result;
  const message: string = sent.message;
  const data: SendMessageData = sent.data;
  const wamid: string = sent.data.wamid;

  const mediaReply: SendReply = await client.sendMediaMessage(media);
  const templateReply: SendReply = await client.sendTemplateMessage(template, { timeoutMs: 1_000 });

  const created = await client.createContact(create, {});
  const firstName: string | null = created.data.first_name;
  const number: string = created.data.phone_number;

  const updated = await client.updateContact(number, update, call);
  const contactUid: string = updated.data.contact_uid;

  return [result, message, data.log_uid, wamid, mediaReply.data.status, templateReply.data.phone_number, firstName ?? "", contactUid];
}

// ---- errors ---------------------------------------------------------------

export async function handle(): Promise<string> {
  try {
    await minimal.sendMessage({ phone_number: "919876543210", message_body: "Hi" });
    return "sent";
  } catch (e) {
    if (!isWhatsJetError(e)) throw e;
    // @ts-expect-error: retryAfterMs exists only once the code says rate_limited
    void e.retryAfterMs;
    const asError: Error = e;
    const code: WhatsJetErrorCode = e.code;
    const retryable: boolean = e.retryable;
    const attempts: number = e.attempts;
    const deliveryUnknown: boolean = e.deliveryUnknown;
    const cause: unknown = e.cause;
    switch (e.code) {
      case "validation":
      case "config": {
        const issues: Issue[] = e.issues;
        return issues.map((i) => `${i.path}:${i.code}:${i.message}`).join(" ");
      }
      case "api": {
        const status: number = e.status;
        const serverMessage: string = e.serverMessage;
        const whatsappCode: number | undefined = e.whatsappCode;
        return [status, serverMessage, whatsappCode, e.issues.length].join();
      }
      case "rate_limited": {
        const retryAfterMs: number | undefined = e.retryAfterMs;
        // @ts-expect-error: a 429 has no issues
        void e.issues;
        return `wait ${retryAfterMs ?? 0} after ${e.status}`;
      }
      case "http": {
        const serverMessage: string | undefined = e.serverMessage;
        return `${e.status} ${serverMessage ?? ""}`;
      }
      case "unauthorized":
      case "not_found":
      case "invalid_response":
        return `${e.status}`;
      case "timeout":
      case "aborted":
      case "network":
        // @ts-expect-error: no answer, so no status
        void e.status;
        return [asError.message, code, retryable, attempts, deliveryUnknown, String(cause)].join();
      default: {
        const never: never = e;
        return never;
      }
    }
  }
}

// Each code's interface is exported, and the union is exactly them.
expectType<
  Equal<
    WhatsJetError,
    | ValidationError
    | ConfigError
    | UnauthorizedError
    | RateLimitedError
    | ApiError
    | NotFoundError
    | HttpError
    | TimeoutError
    | AbortedError
    | NetworkError
    | InvalidResponseError
  >
>();
expectType<Equal<RateLimitedError["retryAfterMs"], number | undefined>>();
expectType<Equal<Extract<WhatsJetError, { code: "config" }>, ConfigError>>();
expectType<Equal<Parameters<typeof isWhatsJetError>, [error: unknown]>>();

// ---- the other routes -----------------------------------------------------

expectType<Equal<ListMethod, "listTemplates" | "listContacts" | "listGroups" | "listLabels" | "listCampaigns">>();

export async function routes(c: WhatsJetClient): Promise<string[]> {
  const status: MessageStatus["status"] = (await c.getMessageStatus({ log_uid: "x" })).data.status;
  const contacts: Page<Contact> = (await c.listContacts({ page: 2, page_size: 1000, search_term: "a" })).data.contactList;
  // The server's key for groups and labels is contactList too.
  const groups: Page<Group> = (await c.listGroups()).data.contactList;
  const labels: Page<Label> = (await c.listLabels({ search_term: "vip" })).data.contactList;
  const templates: Page<Template> = (await c.listTemplates()).data.templateList;
  const campaigns: Page<Campaign> = (await c.listCampaigns()).data.campaignList;
  const found: Contact | null = (await c.getContact("+91 98765 43210")).data.contact;
  const changed: ChangeReply = await c.assignGroups({ contacts_uid: ["c"], groups_uid: ["g"] });
  if (changed.changed) {
    expectType<Equal<typeof changed.result, "success">>();
  } else {
    expectType<Equal<typeof changed.message, "No changes">>();
  }
  await c.unassignLabels({ contacts_uid: ["c"], labels_uid: ["l"] });
  const member = await c.assignTeamMember({
    phone_number: "919876543210",
    username_or_email: "agent@example.com",
    enable_ai_bot: true,
    enable_reply_bot: false,
  });
  const memberUid: string | undefined = member.changed ? member.data.contact_uid : undefined;
  // @ts-expect-error: the bot switches are required (left out, the server turns the bots off)
  await c.assignTeamMember({ phone_number: "919876543210", username_or_email: "agent@example.com" });
  await c.sendInteractiveMessage({ phone_number: "919876543210", body_text: "Pick", buttons: ["Yes", "No"] });
  await c.sendCarouselTemplateMessage({
    phone_number: "919876543210",
    template_name: "t",
    template_language: "en",
    field_1: "x",
    carousel_templates: [
      { media_type: "image", media_url: "https://e.com/a.jpg", body_example_fields: ["a"], button_type: { 0: "URL" } },
      { media_type: "video", media_url: "https://e.com/b.mp4", body_example_fields: { 1: "b" }, button_type: { 0: "QUICK_REPLY" } },
    ],
  });
  const uid: string = (
    await c.scheduleCampaign({ title: "t", template_name: "t", template_language: "en", contact_group: ["A", "B"], timezone: "UTC" })
  ).data.campaignUid;
  const progress: CampaignStatus = (await c.getCampaignStatus(uid, { timeoutMs: 5000 })).data;
  const out: string[] = [status, found?.wa_id ?? "", memberUid ?? "", progress.totalSentInPercent];
  for await (const contact of c.paginate("listContacts", { page_size: 100 })) {
    const wa: string = contact.wa_id;
    out.push(wa);
  }
  for await (const group of c.paginate("listGroups")) {
    // @ts-expect-error: a group has no wa_id
    void group.wa_id;
  }
  // @ts-expect-error: not a list method
  c.paginate("sendMessage");
  return [...out, String(contacts.total + groups.total + labels.total + templates.total + campaigns.total)];
}

// ---- the validators -------------------------------------------------------

const validateOptions: ValidateOptions = { defaultCountryCode: "+91", fromPhoneNumberId: "100000000000001" };
const digits: string = normalizePhoneNumber("+91 98765-43210");
const national: string = normalizePhoneNumber("098765 43210", "91");

const result = validate("sendMessage", { phone_number: digits, message_body: "Hi" }, validateOptions);
const fromClient: ValidationResult = client.validate("updateContact", update);
if (result.ok) {
  const value: RequestKinds[RequestKind] = result.value;
  const warnings: Warning[] = result.warnings;
  // @ts-expect-error: a valid result has no issues
  void result.issues;
  void value;
  void warnings;
} else {
  const issues: Issue[] = result.issues;
  const first: IssueCode | undefined = issues[0]?.code;
  // @ts-expect-error: an invalid result has no value
  void result.value;
  void first;
}
// @ts-expect-error: value exists only after narrowing on ok
void fromClient.value;

const fieldIssues: Issue[] = validateField("sendMessage", "contact.email", "johan@example", { defaultCountryCode: "91" });
const warningCode: WarningCode = "groups_cleared";
const issueCode: IssueCode = "unknown_field";

// ---- lifetime and descriptions --------------------------------------------

const shown: Omit<WhatsJetClientOptions, "token"> = client.toJSON();
const described: string = client.toString();
{
  using scoped = new WhatsJetClient(options);
  void scoped.validate("createContact", create);
}
minimal[Symbol.dispose]();
new WhatsJetClient(options).free();

// ---- the web entry --------------------------------------------------------

export async function loadWeb(bytes: Uint8Array): Promise<WebClient> {
  const output: InitOutput = await initWeb({ module_or_path: new URL("https://example.com/whatsjet_bg.wasm") });
  void output.memory;
  initSync({ module: bytes });
  return new WebClient(options);
}

// ---- mistakes the types reject --------------------------------------------

// @ts-expect-error: "gif" is not a media_type
const wrongMedia: SendMediaMessageRequest = { phone_number: "919876543210", media_type: "gif", media_url: "https://example.com/a.gif" };

// @ts-expect-error: phone_number is required
const noPhone: SendMessageRequest = { message_body: "Hi" };

// @ts-expect-error: whatsapp_opt_out is a boolean, not a number
const numericOptOut: UpdateContactRequest = { whatsapp_opt_out: 1 };

// @ts-expect-error: the API's field names are snake_case; messageBody is not one
const camel: SendMessageRequest = { phone_number: "919876543210", message_body: "Hi", messageBody: "Hi" };

// @ts-expect-error: the number of an update goes in the path, not in the body
const phoneInUpdate: UpdateContactRequest = { first_name: "Ada", phone_number: "919876543210" };

// @ts-expect-error: template parameters are field_<number>
const wordParam: SendTemplateMessageRequest = { phone_number: "1", template_name: "t", template_language: "en", field_one: "x" };

// @ts-expect-error: groups are strings
const numericGroups: ContactDetails = { groups: 5 };

// @ts-expect-error: the token is required
const noToken: WhatsJetClientOptions = { baseUrl: "https://example.com/api", vendorUid: "v" };

// @ts-expect-error: a signal is an AbortSignal
const stringSignal: CallOptions = { signal: "stop" };

// @ts-expect-error: maxRetries is a number
const stringRetries: WhatsJetClientOptions = { baseUrl: "https://example.com/api", vendorUid: "v", token: "t", maxRetries: "3" };

// @ts-expect-error: retryUnknownDelivery is a boolean
const numericRetryUnknown: CallOptions = { retryUnknownDelivery: 1 };

// @ts-expect-error: not a request kind
validate("sendSms", {});

// @ts-expect-error: updateContact needs the number first
void client.updateContact({ first_name: "Ada" });

// @ts-expect-error: a request is required
void client.sendMessage();

// @ts-expect-error: the input is a string
normalizePhoneNumber(919876543210);

// @ts-expect-error: the answer is a string
const numeric: number = normalizePhoneNumber("919876543210");

// @ts-expect-error: toJSON never has the token
void client.toJSON().token;

export function wrongCode(err: WhatsJetError): boolean {
  // @ts-expect-error: "timed_out" is not a WhatsJetErrorCode
  return err.code === "timed_out";
}

// @ts-expect-error: not an issue code
const bogusIssue: IssueCode = "bogus";

export const used = [
  national,
  fieldIssues,
  warningCode,
  issueCode,
  shown,
  described,
  wrongMedia,
  noPhone,
  numericOptOut,
  camel,
  phoneInUpdate,
  wordParam,
  numericGroups,
  noToken,
  stringSignal,
  stringRetries,
  numericRetryUnknown,
  numeric,
  bogusIssue,
];

// "whatsjet/validators": the three validators with the same types, no client.
const formIssues: Issue[] = formOnly.validateField("sendMessage", "phone_number", "+91 98765 43210");
const formResult: formOnly.ValidationResult = formOnly.validate("createContact", { phone_number: "+1 415 555 2671" });
const formNumber: string = formOnly.normalizePhoneNumber("+1 415 555 2671", "1");
// @ts-expect-error the validators entry exports WhatsJetClient as a type only
const formClient = new formOnly.WhatsJetClient({ baseUrl: "https://example.com/api", vendorUid: "v", token: "t" });
export const formOnlyUses = [formIssues, formResult, formNumber, formClient];

// parseWebhook's event narrows on `type`.
import { parseWebhook, webhookSecretMatches, type WebhookEvent } from "whatsjet";

const webhookEvent: WebhookEvent = parseWebhook('{"contact":{},"message":[],"whatsapp_webhook_payload":[]}');

export function describeEvent(e: WebhookEvent): string {
  switch (e.type) {
    case "status": {
      const status: "sent" | "delivered" | "read" | "failed" = e.message.status;
      return `${e.message.whatsapp_message_id} ${status}`;
    }
    case "message":
      return `${e.contact.phone_number}: ${e.message.body ?? ""} ${e.message.media?.link ?? ""}`;
    case "contact": {
      const status: "new" | "updated" = e.contact.status;
      const nothing: null = e.message;
      return `${status} ${e.contact.uid} ${nothing}`;
    }
  }
}

// @ts-expect-error a contact event has no message
export const wrongNarrowing = (e: WebhookEvent) => e.type === "contact" && e.message.body;
// @ts-expect-error `type` is one of three
export const wrongStatus: WebhookEvent["type"] = "read";

const fromObject: WebhookEvent = parseWebhook({ contact: {} });
const matches: boolean = webhookSecretMatches(new URL("http://h/?s=1").searchParams.get("s"), "secret");
// The validators build, for forms, has no webhook readers.
// @ts-expect-error not in whatsjet/validators
formOnly.parseWebhook({ contact: {} });
export const webhookUses = [webhookEvent, fromObject, matches];

// sendBulk: payloads typed by the kind, outcomes narrowed by `status`.
export async function bulk(c: WhatsJetClient): Promise<string[]> {
  const outcomes = await c.sendBulk(
    "sendMessage",
    [{ phone_number: "919876543210", message_body: "Hi" }],
    { ratePerMinute: 60, concurrency: 4, onProgress: ({ done, total, sent, failed }) => void [done, total, sent, failed], timeoutMs: 5000 },
  );
  // @ts-expect-error a payload of another kind
  await c.sendBulk("sendMessage", [{ phone_number: "1", media_type: "image" }]);
  // @ts-expect-error not a send
  await c.sendBulk("listContacts", []);
  return outcomes.map((o) => {
    if (o.status === "sent") return `${o.index} ${o.reply.data.wamid}`;
    if (o.status === "failed") return `${o.index} ${o.error.code} ${o.error.deliveryUnknown}`;
    // @ts-expect-error nothing was sent, so no reply
    return `${o.index} ${o.reply}`;
  });
}

// A template's definition, in WhatsApp's format, for validate and sendTemplateMessage.
import type { WhatsAppTemplate } from "whatsjet";
export async function withTemplate(c: WhatsJetClient): Promise<boolean> {
  const template: WhatsAppTemplate = {
    name: "order_update",
    language: "en",
    components: [
      { type: "HEADER", format: "IMAGE" },
      { type: "BODY", text: "Hi {{1}}" },
      { type: "BUTTONS", buttons: [{ type: "URL", url: "https://x.example/{{1}}" }] },
    ],
  };
  const request = { phone_number: "919876543210", template_name: "order_update", template_language: "en" };
  await c.sendTemplateMessage(request, { template, timeoutMs: 5000 });
  validateField("sendTemplateMessage", "field_1", null, { template });
  // @ts-expect-error a template has a name
  validate("sendTemplateMessage", request, { template: { language: "en", components: [] } });
  return validate("sendTemplateMessage", request, { template }).ok;
}

// Standard Schema: one schema per kind, typed by the kind; validate is synchronous.
import { createSchemas, schemas, type RequestPreview, type StandardSchemaIssue, type WhatsJetSchema } from "whatsjet";
const noIssue: StandardSchemaIssue = { message: "whole payload" };
export function standardSchemas(): string[] {
  const checked = schemas.sendMessage["~standard"].validate({ phone_number: "919876543210" });
  const out: string[] = [noIssue.message];
  if (checked.issues) {
    for (const issue of checked.issues) out.push(`${issue.path?.join(".") ?? ""}: ${issue.message}`);
  } else {
    const body: SendMessageRequest = checked.value;
    out.push(body.phone_number);
  }
  const contacts: WhatsJetSchema<"createContact"> = createSchemas({ defaultCountryCode: "91", fromPhoneNumberId: "1" }).createContact;
  const vendor: "whatsjet" = contacts["~standard"].vendor;
  out.push(vendor);
  // @ts-expect-error no such kind
  out.push(String(schemas.sendFax));
  // @ts-expect-error options are those of validate
  createSchemas({ timeoutMs: 5 });
  return out;
}

// preview: the arguments of the kind's method; the request as it would go out.
export function previews(c: WhatsJetClient): string[] {
  const p: RequestPreview = c.preview("sendMessage", { phone_number: "919876543210", message_body: "Hi" });
  const method: "GET" | "POST" = p.method;
  const body: string | null = p.body;
  c.preview("updateContact", "+91 98765 43210", { first_name: "Ada" });
  c.preview("getContact", "ada@example.com", { timeoutMs: 5 });
  c.preview("listContacts");
  // @ts-expect-error updateContact takes the phone number first
  c.preview("updateContact", { first_name: "Ada" });
  // @ts-expect-error a body of another kind
  c.preview("sendMessage", { phone_number: "1", media_type: "image" });
  return [method, body ?? "", p.url, p.headers.Authorization, p.toCurl()];
}

// Locales and the messages option.
const ptIssues: Issue[] = formOnly.validateField("sendMessage", "phone_number", "1", {
  locale: ptBR,
  messages: { invalid_phone: (issue) => `${issue.path}: ${issue.params.count ?? issue.message}`, "required.not_empty": "{path}?" },
});
const ptClient = new WhatsJetClient({ baseUrl: "https://x.example/api", vendorUid: "v", token: "t", locale: ptBR });
export const localized = [ptIssues, ptClient, ptBR.locale satisfies string];
// @ts-expect-error not an issue code, a warning code or a message key
formOnly.validate("sendMessage", {}, { messages: { invalid_phon: "x" } });
