// The specs of the demo's request forms. Which fields a form has, which are
// required, their limits, choices and routes come from the core's tables
// (schema.generated.js); this file adds only what a person reads: labels,
// placeholders, help, examples and the values the demo starts with.

import { CONTACT_FIELDS, FIELDS, KINDS, ROUTES, TEMPLATE_NUMBERED } from "./schema.generated.js";

/** What is shown for each field, by the API's name. `help` may read the field's rule. */
const FIELD_TEXT = {
  phone_number: {
    label: "Phone number",
    placeholder: "+91 98765-43210",
    help: "With its country code; +, spaces, dashes and brackets are fine.",
  },
  from_phone_number_id: {
    label: "From phone number id",
    inputmode: "numeric",
    list: "from-number-ids",
    placeholder: "connection default",
    help: "Empty: the connection's default, then the vendor's.",
  },
  message_body: {
    label: "Message",
    type: "textarea",
    help: (rule) => `1 to ${rule.max} characters. The server strips <…> tags from it.`,
  },
  media_type: { label: "Media type" },
  media_url: { label: "Media URL", help: "An absolute URL WhatsApp's servers can fetch (https)." },
  caption: {
    label: "Caption",
    type: "textarea",
    placeholder: "Your caption for image or video media types",
    help: "Image, video and document; ignored for audio.",
  },
  file_name: { label: "File name", help: "Shown for a document; with its extension." },
  template_name: { label: "Template name", help: "Lower-case letters, digits and _." },
  template_language: { label: "Template language", help: "A WhatsApp language code: en, en_US, pt_BR." },
  first_name: { label: "First name", placeholder: "Johan" },
  last_name: { label: "Last name", placeholder: "Doe" },
  email: { label: "E-mail", placeholder: "johndoe@domain.com" },
  country: {
    label: "Country",
    placeholder: (rule) => (rule.nameOnly ? "India" : "91"),
    help: (rule) => (rule.nameOnly ? "A country name, such as India." : "A name, ISO code or dialling code (India, IN, 91)."),
  },
  language_code: { label: "Language code", placeholder: "en" },
  groups: { label: "Groups", placeholder: "examplegroup1,examplegroup2", help: "Group titles, comma-separated." },
  whatsapp_opt_out: { label: "WhatsApp opt-out", choices: ["Opted out", "Not opted out"] },
  enable_ai_bot: { label: "AI bot", choices: ["Enabled", "Disabled"] },
  interactive_type: {
    label: "Kind",
    help: "Reply buttons, one button that opens a link, or a button that opens a list.",
  },
  header_type: { label: "Header", none: "No header" },
  header_text: { label: "Header text", showIf: { header_type: ["text"] } },
  media_link: {
    label: "Header media URL",
    help: "The image, video or document shown above the text.",
    showIf: { header_type: ["image", "video", "document"] },
  },
  body_text: { label: "Message", type: "textarea", help: (rule) => `1 to ${rule.max} characters.` },
  footer_text: { label: "Footer", help: (rule) => `Small grey text under the message, at most ${rule.max} characters.` },
};

/** The routes the demo has a form for: tab, title, texts and starting values. */
const FORM_TEXT = {
  sendMessage: {
    tab: "Message",
    title: "Send a text message",
    action: "Send message",
    intro:
      "Free-form text. WhatsApp delivers it only within 24 hours of the recipient's last message; use a template otherwise.",
    values: { phone_number: "+91 98765-43210", message_body: "Hello Johan, your order #1024 has shipped." },
  },
  sendMediaMessage: {
    tab: "Media",
    title: "Send an image, video, audio or document",
    action: "Send media",
    intro: "WhatsApp fetches the file from its URL: jpeg/png images, mp4 video, common audio and office or pdf documents.",
    values: {
      phone_number: "+91 98765-43210",
      media_type: "document",
      media_url: "https://example.com/invoice-1024.pdf",
      file_name: "invoice-1024.pdf",
    },
  },
  sendTemplateMessage: {
    tab: "Template",
    title: "Send an approved template",
    action: "Send template",
    intro:
      "A template synced into the server, with the parameters it needs. Values may hold contact placeholders such as {first_name}.",
    values: { phone_number: "+91 98765-43210", template_name: "order_update", template_language: "en_US" },
    params: [
      ["field_1", "{first_name}"],
      ["field_2", "#1024"],
    ],
  },
  createContact: {
    tab: "New contact",
    title: "Create a contact",
    action: "Create contact",
    intro: "Adds a contact to the vendor's list; a number that already exists is refused.",
    values: {
      phone_number: "+44 20 7946 0958",
      first_name: "Ada",
      last_name: "Lovelace",
      email: "ada@example.com",
      country: "United Kingdom",
      language_code: "en",
    },
    custom: [["BDay", "1990-12-10"]],
  },
  updateContact: {
    tab: "Update contact",
    title: "Update a contact",
    action: "Update contact",
    intro: "Only the fields given change, except groups: an update without groups removes the contact from all its groups.",
    values: { phone_number: "+44 20 7946 0958", language_code: "en", whatsapp_opt_out: "false", groups: "newsletter" },
    wide: ["groups"],
    pathField: { label: "Phone number of the contact", help: "Goes in the URL: …/contact/update/{number}." },
  },
  sendInteractiveMessage: {
    tab: "Interactive",
    title: "Send an interactive message",
    action: "Send interactive",
    intro:
      "Reply buttons, a link button or a list, within 24 hours of the recipient's last message. It goes from the vendor's default number.",
    values: {
      phone_number: "+91 80000-00001",
      interactive_type: "button",
      body_text: "Did your order #1024 arrive?",
      footer_text: "Tap a button to answer",
    },
    // The buttons, link and list have an editor of their own (interactive.js).
    composer: { buttons: ["Yes", "No"] },
  },
};

const numbered = (prefix) => TEMPLATE_NUMBERED.find((n) => n.prefix === prefix);
const BODY = numbered("field_");
const HEADER_TEXT = numbered("header_field_");
const BUTTON = numbered("button_");

/** Template parameter groups the "add" buttons insert. */
export const PARAM_ADDERS = [
  { label: "Body {{N}}", next: BODY.prefix, from: BODY.from },
  { label: "Header text", keys: [`${HEADER_TEXT.prefix}${HEADER_TEXT.from}`] },
  { label: "Header image", keys: ["header_image"] },
  { label: "Header video", keys: ["header_video"] },
  { label: "Header document", keys: ["header_document", "header_document_name"] },
  {
    label: "Location",
    keys: ["location_latitude", "location_longitude", "location_name", "location_address"],
  },
  { label: "URL button", next: BUTTON.prefix, from: BUTTON.from },
  { label: "Copy code", keys: ["copy_code"] },
];

const PARAM_KEYS = new Set(PARAM_ADDERS.flatMap((adder) => adder.keys ?? []));

/** The ± limit of a location coordinate, from the table. */
const limit = (key) => FIELDS.sendTemplateMessage.find((f) => f.name === key).limit;

const FIXED_PARAMS = {
  header_image: ["Image header URL", "https://example.com/banner.jpg"],
  header_video: ["Video header URL", "https://example.com/clip.mp4"],
  header_document: ["Document header URL", "https://example.com/invoice.pdf"],
  header_document_name: ["Document file name", "invoice.pdf"],
  location_latitude: [`Latitude, −${limit("location_latitude")} to ${limit("location_latitude")}`, "22.22"],
  location_longitude: [`Longitude, −${limit("location_longitude")} to ${limit("location_longitude")}`, "73.18"],
  location_name: ["Place name", "Main store"],
  location_address: ["Place address", "12 Market Road"],
  copy_code: ["Copy-code button", "SAVE10"],
};

/** What a template parameter is for, and an example value. */
export function paramInfo(key) {
  const family = TEMPLATE_NUMBERED.find((n) => new RegExp(`^${n.prefix}\\d+$`).test(key));
  if (family) {
    const n = key.slice(family.prefix.length);
    if (family === BODY) return { about: `Body {{${n}}}`, example: "{first_name}" };
    if (family === HEADER_TEXT) return { about: "Text header", example: "{full_name}" };
    return { about: `URL button at position ${n}`, example: "order-1024" };
  }
  const [about, example] = FIXED_PARAMS[key] ?? ["", ""];
  return { about, example };
}

const INPUT_TYPES = { phone: "tel", url: "url", email: "email", choice: "select", bool: "bool" };

/**
 * Rules without an input of their own: `contact{}` and custom fields have
 * sub-forms, buttons and objects the composer, and a field the route ignores
 * or refuses is not offered.
 */
const NO_INPUT = new Set(["contact", "custom_fields", "buttons", "object", "ignored", "unusable"]);

const read = (value, rule) => (typeof value === "function" ? value(rule) : value);

/** The spec of one input: the table's rule with its shown text. */
function fieldSpec(rule, value, extra = {}) {
  const text = FIELD_TEXT[rule.name] ?? { label: rule.name };
  const type = text.type ?? INPUT_TYPES[rule.rule];
  return {
    path: rule.name,
    label: text.label,
    type,
    required: rule.required,
    phone: rule.rule === "phone",
    // A counter only under the long texts, where the limit is in reach.
    max: type === "textarea" ? rule.max : undefined,
    span: type === "textarea",
    options: rule.choices,
    choices: text.choices,
    none: text.none,
    showIf: text.showIf,
    inputmode: text.inputmode,
    list: text.list,
    placeholder: read(text.placeholder, rule),
    help: read(text.help, rule),
    value,
    ...extra,
  };
}

/** The phone number leads every form: the recipient is the first thing to fill. */
const phoneFirst = (fields) => [
  ...fields.filter((f) => f.name === "phone_number"),
  ...fields.filter((f) => f.name !== "phone_number"),
];

function formSpec(kind) {
  const text = FORM_TEXT[kind];
  const table = FIELDS[kind];
  const values = text.values ?? {};
  const fields = [];
  const route = ROUTES[kind];
  // The one path field of these forms is updateContact's phone number.
  if (route.pathField) {
    const rule = { name: route.pathField, required: true, rule: "phone" };
    fields.push(fieldSpec(rule, values[route.pathField], { ...text.pathField, pathParam: true }));
  }
  for (const rule of phoneFirst(table)) {
    if (NO_INPUT.has(rule.rule)) continue;
    if (text.params && PARAM_KEYS.has(rule.name)) continue;
    const extra = text.wide?.includes(rule.name) ? { span: true } : {};
    fields.push(fieldSpec(rule, values[rule.name], extra));
  }
  const has = (kindOfRule) => table.some((f) => f.rule === kindOfRule);
  return {
    kind,
    endpoint: route.path,
    tab: text.tab,
    title: text.title,
    action: text.action,
    intro: text.intro,
    fields,
    params: text.params,
    custom: has("custom_fields") ? (text.custom ?? []) : undefined,
    contact: has("contact"),
    composer: text.composer,
  };
}

/** The forms, in the order of the route table. */
export const FORMS = KINDS.filter((kind) => kind in FORM_TEXT).map(formSpec);

/** The inputs of `contact{}` in the sends; its custom fields are rows. */
export const CONTACT_SPECS = CONTACT_FIELDS.filter((f) => f.rule !== "custom_fields").map((rule) => fieldSpec(rule));
