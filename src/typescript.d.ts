// Generated from src/validate/schema.rs by src/typescript.rs: do not edit.

/** Details of a contact to create if it does not exist yet (the `contact` of a send). */
export interface ContactDetails {
  /** At most 150 characters. */
  first_name?: string;
  /** At most 150 characters. */
  last_name?: string;
  /** A valid e-mail address of at most 255 characters. */
  email?: string;
  /** A country name, such as `India`. */
  country?: string;
  /** Letters, digits, `-` and `_`, such as `en`. */
  language_code?: string;
  /** Group titles, comma-separated or as an array; spaces around commas are removed. */
  groups?: string | string[];
  /** Custom field name → value; names the vendor has not defined are ignored by the server. */
  custom_fields?: Record<string, string | number>;
}

/** Body of `POST contact/send-message`. */
export interface SendMessageRequest {
  /** The sending WhatsApp business number id; defaults to the client's `fromPhoneNumberId`, then to the vendor's default number. Empty counts as not given. */
  from_phone_number_id?: string;
  /** The recipient with country code; `+`, spaces, dashes and a leading `00` are removed. */
  phone_number: string;
  /** The text, 1 to 4096 characters. The server strips `<…>` tags from it. */
  message_body: string;
  /** Creates the contact with these details if it does not exist yet. */
  contact?: ContactDetails;
}

/** Body of `POST contact/send-media-message`. */
export interface SendMediaMessageRequest {
  /** The sending WhatsApp business number id; defaults to the client's `fromPhoneNumberId`, then to the vendor's default number. Empty counts as not given. */
  from_phone_number_id?: string;
  /** The recipient with country code; `+`, spaces, dashes and a leading `00` are removed. */
  phone_number: string;
  /** One of `image`, `video`, `audio`, `document`. */
  media_type: "image" | "video" | "audio" | "document";
  /** An absolute URL WhatsApp's servers can fetch (https in practice). */
  media_url: string;
  /** At most 1024 characters; used for image, video and document, ignored for audio. */
  caption?: string;
  /** The file name shown for a document, with its extension. */
  file_name?: string;
  /** Creates the contact with these details if it does not exist yet. */
  contact?: ContactDetails;
}

/** Body of `POST contact/send-template-message`. */
export interface SendTemplateMessageRequest {
  /** The sending WhatsApp business number id; defaults to the client's `fromPhoneNumberId`, then to the vendor's default number. Empty counts as not given. */
  from_phone_number_id?: string;
  /** The recipient with country code; `+`, spaces, dashes and a leading `00` are removed. */
  phone_number: string;
  /** Lower-case letters, digits and `_`, at most 512 characters. */
  template_name: string;
  /** A WhatsApp language code such as `en`, `en_US`, `pt_BR`. */
  template_language: string;
  /** URL of the image of an image header. */
  header_image?: string;
  /** URL of the video of a video header. */
  header_video?: string;
  /** URL of the document of a document header; needs `header_document_name`. */
  header_document?: string;
  /** File name of the document header. */
  header_document_name?: string;
  /** Latitude of a location header, −90 to 90; sent as a decimal string (`22` → `"22.0"`). */
  location_latitude?: string | number;
  /** Longitude of a location header, −180 to 180; sent as a decimal string. */
  location_longitude?: string | number;
  /** Name of the place of a location header. */
  location_name?: string;
  /** Address of the place of a location header. */
  location_address?: string;
  /** Value of a copy-code button: letters, digits, `-`, `_`, at most 15. */
  copy_code?: string;
  /** Creates the contact with these details if it does not exist yet. */
  contact?: ContactDetails;
  /** Body parameter `{{N}}`, numbered from 1 without gaps. */
  [key: `field_${number}`]: string | number | undefined;
  /** Text header parameter, at most 60 characters. */
  [key: `header_field_${number}`]: string | number | undefined;
  /** Variable of the URL button at this 0-based position among all buttons. */
  [key: `button_${number}`]: string | number | undefined;
}

/** Body of `POST contact/create`. */
export interface CreateContactRequest {
  /** The recipient with country code; `+`, spaces, dashes and a leading `00` are removed. */
  phone_number: string;
  /** At most 150 characters. */
  first_name?: string;
  /** At most 150 characters. */
  last_name?: string;
  /** A valid e-mail address of at most 255 characters. */
  email?: string;
  /** A country name, such as `India`. */
  country?: string;
  /** Letters, digits, `-` and `_`, such as `en`. */
  language_code?: string;
  /** Group titles, comma-separated or as an array; spaces around commas are removed. */
  groups?: string | string[];
  /** Custom field name → value; names the vendor has not defined are ignored by the server. */
  custom_fields?: Record<string, string | number>;
}

/** Body of `POST contact/update/{phone_number}`. */
export interface UpdateContactRequest {
  /** At most 150 characters. */
  first_name?: string;
  /** At most 150 characters. */
  last_name?: string;
  /** A valid e-mail address of at most 255 characters. */
  email?: string;
  /** A country name, ISO code or dialling code (`India`, `IN`, `91`). */
  country?: string;
  /** Letters, digits, `-` and `_`, such as `en`. */
  language_code?: string;
  /** Whether the contact opted out of WhatsApp messages. */
  whatsapp_opt_out?: boolean;
  /** Whether the AI bot answers this contact. */
  enable_ai_bot?: boolean;
  /** Group titles. An update without `groups` removes the contact from all its groups. */
  groups?: string | string[];
  /** Custom field name → value; names the vendor has not defined are ignored by the server. */
  custom_fields?: Record<string, string | number>;
}

/** Query of `GET contact/message-status`. */
export interface GetMessageStatusRequest {
  /** The `log_uid` a send answered with; this or `wamid` is required, and it wins when both are given. */
  log_uid?: string;
  /** WhatsApp's message id (`wamid.…`), when there is no `log_uid`. */
  wamid?: string;
}

/** Query of `GET contact/template-list`. */
export interface ListTemplatesRequest {
  /** The page, from 1. */
  page?: number;
  /** Items a page, 1 to 1000 (at most 1000; the server's default is 100). */
  page_size?: number;
  /** Only the items whose fields contain this text. */
  search_term?: string;
}

/** Query of `GET contacts`. */
export interface ListContactsRequest {
  /** The page, from 1. */
  page?: number;
  /** Items a page, 1 to 1000 (at most 1000; the server's default is 100). */
  page_size?: number;
  /** Only the items whose fields contain this text. */
  search_term?: string;
}

/** Query of `GET contact`. */
export interface GetContactRequest {
  /** An e-mail address (anything with an `@`), or a phone number, normalised like every other; matched exactly. */
  phone_number_or_email: string;
}

/** Query of `GET contact/groups`. */
export interface ListGroupsRequest {
  /** The page, from 1. */
  page?: number;
  /** Items a page, 1 to 1000 (at most 1000; the server's default is 100). */
  page_size?: number;
  /** Only the items whose fields contain this text. */
  search_term?: string;
}

/** Query of `GET contact/labels-tags`. */
export interface ListLabelsRequest {
  /** The page, from 1. */
  page?: number;
  /** Items a page, 1 to 1000 (at most 1000; the server's default is 100). */
  page_size?: number;
  /** Only the items whose fields contain this text. */
  search_term?: string;
}

/** Body of `POST contact/assign-groups`. */
export interface AssignGroupsRequest {
  /** The contacts' `_uid`s (not their phone numbers), at least one. */
  contacts_uid: string[];
  /** The groups' `_uid`s, at least one. */
  groups_uid: string[];
}

/** Body of `POST contact/unassign-groups`. */
export interface UnassignGroupsRequest {
  /** The contacts' `_uid`s (not their phone numbers), at least one. */
  contacts_uid: string[];
  /** The groups' `_uid`s, at least one. */
  groups_uid: string[];
}

/** Body of `POST contact/assign-labels`. */
export interface AssignLabelsRequest {
  /** The contacts' `_uid`s (not their phone numbers), at least one. */
  contacts_uid: string[];
  /** The labels' `_uid`s, at least one. */
  labels_uid: string[];
}

/** Body of `POST contact/unassign-labels`. */
export interface UnassignLabelsRequest {
  /** The contacts' `_uid`s (not their phone numbers), at least one. */
  contacts_uid: string[];
  /** The labels' `_uid`s, at least one. */
  labels_uid: string[];
}

/** Body of `POST contact/assign-team-member`. */
export interface AssignTeamMemberRequest {
  /** The recipient with country code; `+`, spaces, dashes and a leading `00` are removed. */
  phone_number: string;
  /** The team member's e-mail, or mobile number in digits: the server never matches a username. */
  username_or_email: string;
  /** Whether the AI bot answers this contact; required, as the server turns it off when it is left out. */
  enable_ai_bot: boolean;
  /** Whether the reply bot answers this contact; required, as the server turns it off when it is left out. */
  enable_reply_bot: boolean;
}

/** Body of `POST contact/send-interactive-message`. */
export interface SendInteractiveMessageRequest {
  /** The recipient with country code; `+`, spaces, dashes and a leading `00` are removed. */
  phone_number: string;
  /** `button` (the default) needs `buttons`, `cta_url` needs `cta_url`, `list` needs `list_data`. */
  interactive_type?: "button" | "cta_url" | "list";
  /** A header: `text` needs `header_text`, the others `media_link`. */
  header_type?: "text" | "image" | "video" | "document";
  /** The text of a `text` header, at most 60 characters. */
  header_text?: string;
  /** URL of the image, video or document of a media header. */
  media_link?: string;
  /** The message text, 1 to 1024 characters. */
  body_text: string;
  /** Small text under the body, at most 60 characters. */
  footer_text?: string;
  /** 1 to 3 reply buttons, unique labels of 1 to 20 characters: `{"1": "Yes", "2": "No"}` or `["Yes", "No"]` (sent as the object). */
  buttons?: { "1": string; "2"?: string; "3"?: string } | string[];
  /** A button that opens a URL. */
  cta_url?: {
    /** The button's label, 1 to 20 characters. */
    display_text: string;
    /** The page the button opens. */
    url: string;
  };
  /** A button that opens a list of choices. */
  list_data?: {
    /** The label of the button that opens the list, at most 20 characters. */
    button_text: string;
    /** The list's sections. */
    sections: {
      /** Its id. */
      id: string;
      /** The section's title, at most 24 characters. */
      title: string;
      /** Its rows; at most 10 in all sections together. */
      rows: {
        /** Its id. */
        id: string;
        /** The id the reply carries when this row is chosen. */
        row_id: string;
        /** The row's title, at most 24 characters. */
        title: string;
        /** Shown under the title, at most 72 characters. */
        description: string;
      }[];
    }[];
  };
  /** Ignored by this route, which sends from the vendor's default number; left out. */
  from_phone_number_id?: string;
  /** Not usable here: the server cannot create a contact from this route. Create the contact first. */
  contact?: never;
}

/** Body of `POST contact/send-carousel-template-message`. */
export interface SendCarouselTemplateMessageRequest {
  /** The sending WhatsApp business number id; defaults to the client's `fromPhoneNumberId`, then to the vendor's default number. Empty counts as not given. */
  from_phone_number_id?: string;
  /** The recipient with country code; `+`, spaces, dashes and a leading `00` are removed. */
  phone_number: string;
  /** Lower-case letters, digits and `_`, at most 512 characters. */
  template_name: string;
  /** A WhatsApp language code such as `en`, `en_US`, `pt_BR`. */
  template_language: string;
  /** The cards, 2 to 10. */
  carousel_templates: ({
    /** `image` or `video`. */
    media_type: "image" | "video";
    /** URL of the card's image or video. */
    media_url: string;
    /** Values of the card body's variables, as an object or an array. */
    body_example_fields: Record<string, string | number> | (string | number)[];
    /** Each button's kind by its index: `QUICK_REPLY`, `URL` or `PHONE_NUMBER`. */
    button_type: Record<string, "QUICK_REPLY" | "URL" | "PHONE_NUMBER"> | ("QUICK_REPLY" | "URL" | "PHONE_NUMBER")[];
    /** The payload a quick-reply button sends back. */
    quick_reply_button_payload?: string;
    /** The variable of a URL button. */
    button_example_field?: string;
  })[];
  /** Creates the contact with these details if it does not exist yet. */
  contact?: ContactDetails;
  /** Body parameter `{{N}}`, numbered from 1 without gaps. */
  [key: `field_${number}`]: string | number | undefined;
}

/** Body of `POST campaign/schedule`. */
export interface ScheduleCampaignRequest {
  /** The campaign's title. */
  title: string;
  /** Lower-case letters, digits and `_`, at most 512 characters. */
  template_name: string;
  /** A WhatsApp language code such as `en`, `en_US`, `pt_BR`. */
  template_language: string;
  /** Group titles (not uids), comma-separated or as an array, or `all_contacts`. */
  contact_group: string | string[];
  /** Only the contacts with these label titles, comma-separated or as an array. */
  contact_labels?: string | string[];
  /** The IANA time zone of the two dates, such as `Asia/Kolkata` or `UTC`. */
  timezone: string;
  /** When to start, `YYYY-MM-DDTHH:MM[:SS]` in `timezone`; empty or left out: now. */
  schedule_at?: string;
  /** When to stop sending, `YYYY-MM-DDTHH:MM[:SS]`, after `schedule_at`. */
  expire_at?: string;
  /** Only contacts whose language is the template's (`true` is sent as `"on"`). */
  restrict_by_templated_contact_language?: boolean | "on";
  /** Send through WhatsApp's Marketing Messages API (`true` is sent as `"on"`). */
  send_message_via_marketing_message_api?: boolean | "on";
  /** The uid of a preset message to use. */
  selected_preset_message_uid?: string;
  /** URL of the image of an image header. */
  header_image?: string;
  /** URL of the video of a video header. */
  header_video?: string;
  /** URL of the document of a document header; needs `header_document_name`. */
  header_document?: string;
  /** File name of the document header. */
  header_document_name?: string;
  /** Latitude of a location header, −90 to 90; sent as a decimal string (`22` → `"22.0"`). */
  location_latitude?: string | number;
  /** Longitude of a location header, −180 to 180; sent as a decimal string. */
  location_longitude?: string | number;
  /** Name of the place of a location header. */
  location_name?: string;
  /** Address of the place of a location header. */
  location_address?: string;
  /** Value of a copy-code button: letters, digits, `-`, `_`, at most 15. */
  copy_code?: string;
  /** Body parameter `{{N}}`, numbered from 1 without gaps. */
  [key: `field_${number}`]: string | number | undefined;
  /** Text header parameter, at most 60 characters. */
  [key: `header_field_${number}`]: string | number | undefined;
  /** Variable of the URL button at this 0-based position among all buttons. */
  [key: `button_${number}`]: string | number | undefined;
}

/** Query of `GET campaign`. */
export interface ListCampaignsRequest {
  /** The page, from 1. */
  page?: number;
  /** Items a page, 1 to 1000 (at most 1000; the server's default is 100). */
  page_size?: number;
  /** Only the items whose fields contain this text. */
  search_term?: string;
}

/** Query of `GET campaign-status/{campaignUid}`. */
export interface GetCampaignStatusRequest {
  /** The `campaignUid` that `scheduleCampaign` answered with: letters, digits, `-` and `_`. */
  campaignUid: string;
}

/** The request type of each kind that `validate` and `validateField` take. */
export interface RequestKinds {
  sendMessage: SendMessageRequest;
  sendMediaMessage: SendMediaMessageRequest;
  sendTemplateMessage: SendTemplateMessageRequest;
  createContact: CreateContactRequest;
  updateContact: UpdateContactRequest;
  getMessageStatus: GetMessageStatusRequest;
  listTemplates: ListTemplatesRequest;
  listContacts: ListContactsRequest;
  getContact: GetContactRequest;
  listGroups: ListGroupsRequest;
  listLabels: ListLabelsRequest;
  assignGroups: AssignGroupsRequest;
  unassignGroups: UnassignGroupsRequest;
  assignLabels: AssignLabelsRequest;
  unassignLabels: UnassignLabelsRequest;
  assignTeamMember: AssignTeamMemberRequest;
  sendInteractiveMessage: SendInteractiveMessageRequest;
  sendCarouselTemplateMessage: SendCarouselTemplateMessageRequest;
  scheduleCampaign: ScheduleCampaignRequest;
  listCampaigns: ListCampaignsRequest;
  getCampaignStatus: GetCampaignStatusRequest;
}

/** A request kind: the name of the client method that sends it. */
export type RequestKind = keyof RequestKinds;

/** Options of `new WhatsJetClient(...)`. */
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

/** Why a field was refused. */
export type IssueCode =
  | "required"
  | "invalid_type"
  | "invalid_phone"
  | "invalid_email"
  | "invalid_url"
  | "invalid_choice"
  | "invalid_format"
  | "too_long"
  | "out_of_range"
  | "unknown_field";

/** One problem with one field. */
export interface Issue {
  /** Dotted path with the API's key names, such as `"contact.email"`; `""` is the whole payload. */
  path: string;
  /** Machine-readable reason. */
  code: IssueCode;
  /** A sentence naming the field and what to fix, in the `locale` option's language (English by default). */
  message: string;
}

/** The key of a message in the locale tables (`locales/en.json`). */
export type MessageKey =
  | "type.string"
  | "type.object"
  | "type.array"
  | "type.number"
  | "type.boolean"
  | "type.null"
  | "type.true_false"
  | "type.whole_number"
  | "type.on"
  | "type.buttons"
  | "type.groups"
  | "type.custom_fields"
  | "type.object_or_array"
  | "type.header_format"
  | "part.body"
  | "part.header"
  | "part.text_header"
  | "part.url_button"
  | "part.copy_code_button"
  | "part.document"
  | "part.location"
  | "required"
  | "required.not_empty"
  | "required.bot"
  | "required.first_button"
  | "required.log_uid_or_wamid"
  | "required.update_field"
  | "required.with"
  | "required.with_location"
  | "required.no_gaps"
  | "required.when"
  | "required.by_template"
  | "invalid_type"
  | "invalid_type.request"
  | "invalid_type.template"
  | "invalid_phone.plus"
  | "invalid_phone.character"
  | "invalid_phone.no_digits"
  | "invalid_phone.national_zero"
  | "invalid_phone.zero_after_prefix"
  | "invalid_phone.too_few_digits"
  | "invalid_phone.too_many_digits"
  | "invalid_phone.country_code"
  | "invalid_phone.too_short"
  | "invalid_phone.too_long"
  | "invalid_phone.not_of_country"
  | "invalid_phone.suggest"
  | "invalid_email"
  | "invalid_url"
  | "invalid_choice"
  | "invalid_choice.template"
  | "invalid_format.phone_number_id"
  | "invalid_format.member"
  | "invalid_format.word"
  | "invalid_format.language_code"
  | "invalid_format.country"
  | "invalid_format.group_comma"
  | "invalid_format.field_name"
  | "invalid_format.template_name"
  | "invalid_format.template_language"
  | "invalid_format.template_language_dash"
  | "invalid_format.newline"
  | "invalid_format.spaces"
  | "invalid_format.decimal"
  | "invalid_format.timezone"
  | "invalid_format.date_time"
  | "invalid_format.repeated_label"
  | "too_long"
  | "too_long.group_title"
  | "too_long.list_rows"
  | "out_of_range.items"
  | "out_of_range.coordinate"
  | "out_of_range.whole_number"
  | "out_of_range.expire_at"
  | "unknown_field"
  | "unknown_field.suggest"
  | "unknown_field.update_phone"
  | "unknown_field.unusable"
  | "unknown_field.button"
  | "html_stripped"
  | "groups_cleared"
  | "blank_clears_value"
  | "ignored_field"
  | "ignored_field.wamid"
  | "ignored_field.caption"
  | "ignored_field.file_name"
  | "ignored_field.when"
  | "ignored_field.template"
  | "missing_extension"
  | "insecure_url"
  | "several_headers"
  | "several_headers.missing";

/** Why a valid request deserves a second look. */
export type WarningCode =
  | "html_stripped"
  | "groups_cleared"
  | "blank_clears_value"
  | "ignored_field"
  | "missing_extension"
  | "insecure_url"
  | "several_headers";

/** Something legal that probably does not do what was meant. */
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

/** An issue of a Standard Schema: `path` is the issue's dotted path split at each `.` (`["contact", "email"]`, `["buttons", "2"]`), left out for the whole payload. */
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

/** A request as it would go out (`client.preview`), the token masked. */
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

/** One page of a list: Laravel's paginator. */
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

/** The contact of a webhook event. */
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

/** The sends `sendBulk` takes. */
export type BulkKind =
  | "sendMessage"
  | "sendMediaMessage"
  | "sendTemplateMessage"
  | "sendInteractiveMessage"
  | "sendCarouselTemplateMessage";

/** What `onProgress` gets after each row that was sent or failed: the counts, and that row's outcome. */
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

/** What `listTemplates` resolves to. */
export type ListTemplatesReply = SuccessEnvelope<{ templateList: Page<Template> }>;
/** What `listContacts` resolves to. */
export type ListContactsReply = SuccessEnvelope<{ contactList: Page<Contact> }>;
/** What `listGroups` resolves to. */
export type ListGroupsReply = SuccessEnvelope<{ contactList: Page<Group> }>;
/** What `listLabels` resolves to. */
export type ListLabelsReply = SuccessEnvelope<{ contactList: Page<Label> }>;
/** What `listCampaigns` resolves to. */
export type ListCampaignsReply = SuccessEnvelope<{ campaignList: Page<Campaign> }>;

/** The item type of each list method: what `paginate` yields. */
export interface ListItems {
  listTemplates: Template;
  listContacts: Contact;
  listGroups: Group;
  listLabels: Label;
  listCampaigns: Campaign;
}

/** A list method's name. */
export type ListMethod = keyof ListItems;

/** The API methods of `WhatsJetClient`, one per route. Each takes a last, optional `CallOptions` and fails with a `WhatsJetError`. */
export interface WhatsJetClient {
  /** Sends a text message. (`POST contact/send-message`) */
  sendMessage(request: SendMessageRequest, options?: CallOptions): Promise<SendReply>;
  /** Sends an image, video, audio or document. (`POST contact/send-media-message`) */
  sendMediaMessage(request: SendMediaMessageRequest, options?: CallOptions): Promise<SendReply>;
  /** Sends an approved template with its parameters. (`POST contact/send-template-message`) */
  sendTemplateMessage(request: SendTemplateMessageRequest, options?: CallOptions): Promise<SendReply>;
  /** Creates a contact. (`POST contact/create`) */
  createContact(request: CreateContactRequest, options?: CallOptions): Promise<CreateContactReply>;
  /** Updates the contact with this phone number: only the fields given change, except `groups` (an update without it removes every group membership). (`POST contact/update/{phone_number}`) */
  updateContact(phoneNumber: string, request: UpdateContactRequest, options?: CallOptions): Promise<UpdateContactReply>;
  /** The delivery status of a sent message, by `log_uid` or `wamid`; an unknown message is a `not_found` error. (`GET contact/message-status`) */
  getMessageStatus(query: GetMessageStatusRequest, options?: CallOptions): Promise<MessageStatusReply>;
  /** One page of the approved templates (without their components). (`GET contact/template-list`) */
  listTemplates(query?: ListTemplatesRequest, options?: CallOptions): Promise<ListTemplatesReply>;
  /** One page of the contacts. (`GET contacts`) */
  listContacts(query?: ListContactsRequest, options?: CallOptions): Promise<ListContactsReply>;
  /** The contact with this phone number (normalised like every other) or e-mail; `data.contact` is null when none matches. (`GET contact`) */
  getContact(phoneNumberOrEmail: string, options?: CallOptions): Promise<GetContactReply>;
  /** One page of the contact groups, newest first. (`GET contact/groups`) */
  listGroups(query?: ListGroupsRequest, options?: CallOptions): Promise<ListGroupsReply>;
  /** One page of the labels. (`GET contact/labels-tags`) */
  listLabels(query?: ListLabelsRequest, options?: CallOptions): Promise<ListLabelsReply>;
  /** Puts contacts into groups; `changed` is false when they all were already. (`POST contact/assign-groups`) */
  assignGroups(request: AssignGroupsRequest, options?: CallOptions): Promise<ChangeReply>;
  /** Takes contacts out of groups; `changed` is false when none was in them. (`POST contact/unassign-groups`) */
  unassignGroups(request: UnassignGroupsRequest, options?: CallOptions): Promise<ChangeReply>;
  /** Puts labels on contacts; `changed` is false when they all had them. (`POST contact/assign-labels`) */
  assignLabels(request: AssignLabelsRequest, options?: CallOptions): Promise<ChangeReply>;
  /** Takes labels off contacts; `changed` is false when none had them. (`POST contact/unassign-labels`) */
  unassignLabels(request: UnassignLabelsRequest, options?: CallOptions): Promise<ChangeReply>;
  /** Hands a contact to a team member and sets its AI and reply bots (both required: left out, the server turns them off). (`POST contact/assign-team-member`) */
  assignTeamMember(request: AssignTeamMemberRequest, options?: CallOptions): Promise<AssignTeamMemberReply>;
  /** Sends a message with reply buttons, a link button or a list. (`POST contact/send-interactive-message`) */
  sendInteractiveMessage(request: SendInteractiveMessageRequest, options?: CallOptions): Promise<SendReply>;
  /** Sends a carousel template of 2 to 10 cards. (`POST contact/send-carousel-template-message`) */
  sendCarouselTemplateMessage(request: SendCarouselTemplateMessageRequest, options?: CallOptions): Promise<SendReply>;
  /** Schedules a template to groups of contacts, sent by the server's own queue after a test message. (`POST campaign/schedule`) */
  scheduleCampaign(request: ScheduleCampaignRequest, options?: CallOptions): Promise<ScheduleCampaignReply>;
  /** One page of the campaigns, newest first. (`GET campaign`) */
  listCampaigns(query?: ListCampaignsRequest, options?: CallOptions): Promise<ListCampaignsReply>;
  /** A campaign's progress and counters; an unknown uid is a `not_found` error. (`GET campaign-status/{campaignUid}`) */
  getCampaignStatus(campaignUid: string, options?: CallOptions): Promise<CampaignStatusReply>;
  /** The items of a list method across its pages, each page fetched when the loop reaches it; `options.signal` ends it at once. */
  paginate<M extends ListMethod>(method: M, query?: RequestKinds[M], options?: CallOptions): AsyncIterableIterator<ListItems[M]>;
  /** Sends one request per payload at `ratePerMinute`, `concurrency` at a time; a 429 pauses every row for its `Retry-After`. Resolves to one outcome per payload, in input order; a bad row fails alone. */
  sendBulk<K extends BulkKind>(kind: K, payloads: Iterable<RequestKinds[K]>, options?: BulkOptions): Promise<BulkOutcome[]>;
  /** The request `kind`'s method would send with the same arguments, without sending it: validated and normalised, the client's defaults filled in, the token masked. Throws the `WhatsJetError` the call would fail with before sending. */
  preview<K extends RequestKind>(kind: K, ...args: Parameters<WhatsJetClient[K]>): RequestPreview;
}

/** The `code` of a `WhatsJetError`. */
export type WhatsJetErrorCode =
  | "validation"
  | "config"
  | "unauthorized"
  | "rate_limited"
  | "api"
  | "not_found"
  | "http"
  | "timeout"
  | "aborted"
  | "network"
  | "invalid_response";

/** What every `WhatsJetError` has. */
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

/** `validation`: The client found problems in the request; nothing was sent. */
export interface ValidationError extends WhatsJetErrorBase {
  code: "validation";
  /** Field issues: the client's validation, the bad options, or a 422's `errors`. */
  issues: Issue[];
}

/** `config`: A bad option of the client, a call or a validator, or a freed client; nothing was sent. */
export interface ConfigError extends WhatsJetErrorBase {
  code: "config";
  /** Field issues: the client's validation, the bad options, or a 422's `errors`. */
  issues: Issue[];
}

/** `unauthorized`: HTTP 401, or the server refused the token or the vendor. */
export interface UnauthorizedError extends WhatsJetErrorBase {
  code: "unauthorized";
  /** HTTP status of the answer. */
  status: number;
  /** The server's own message. */
  serverMessage: string;
}

/** `rate_limited`: HTTP 429: the server's throttle. */
export interface RateLimitedError extends WhatsJetErrorBase {
  code: "rate_limited";
  /** HTTP status of the answer. */
  status: number;
  /** The server's own message. */
  serverMessage: string;
  /** How long the server asked to wait (`Retry-After`). */
  retryAfterMs?: number;
}

/** `api`: The server refused the request in its own terms: a `failed` answer, a WhatsApp error, or a 422 with field errors. */
export interface ApiError extends WhatsJetErrorBase {
  code: "api";
  /** HTTP status of the answer. */
  status: number;
  /** The server's own message. */
  serverMessage: string;
  /** Field issues: the client's validation, the bad options, or a 422's `errors`. */
  issues: Issue[];
  /** The WhatsApp error code from `(#NNNNNN)` in the server's message. */
  whatsappCode?: number;
}

/** `not_found`: What the call asked about does not exist: a message status of an unknown message, an unknown campaign uid. */
export interface NotFoundError extends WhatsJetErrorBase {
  code: "not_found";
  /** HTTP status of the answer. */
  status: number;
  /** The server's own message. */
  serverMessage: string;
}

/** `http`: A non-2xx answer that is not the API's JSON (a proxy page, a 404). */
export interface HttpError extends WhatsJetErrorBase {
  code: "http";
  /** HTTP status of the answer. */
  status: number;
  /** The server's own message. */
  serverMessage?: string;
}

/** `timeout`: No answer within the time limit; the request may have been delivered. */
export interface TimeoutError extends WhatsJetErrorBase {
  code: "timeout";
}

/** `aborted`: The caller's `AbortSignal` ended the call; `cause` is the signal's reason. */
export interface AbortedError extends WhatsJetErrorBase {
  code: "aborted";
}

/** `network`: No answer at all: the connection failed; `cause` is what `fetch` threw. */
export interface NetworkError extends WhatsJetErrorBase {
  code: "network";
}

/** `invalid_response`: A 2xx answer that is not the API's JSON. */
export interface InvalidResponseError extends WhatsJetErrorBase {
  code: "invalid_response";
  /** HTTP status of the answer. */
  status: number;
}

/** Every error this package throws or rejects with; narrow it with `code`. */
export type WhatsJetError =
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
  | InvalidResponseError;
