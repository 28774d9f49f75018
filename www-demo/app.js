// The WhatsJet API playground: forms for the five requests, validated as the
// user types by the `whatsjet` WebAssembly module, a live preview of what
// would be sent, and the answer or the typed error of each send.
//
// No framework and no bundler: plain DOM. The token lives only in the token
// input and in the client made for each send; nothing is stored.

import init, {
  WhatsJetClient,
  validate,
  validateField,
  normalizePhoneNumber,
} from "/pkg/web/whatsjet.js";

const MASK = "••••";
const HISTORY_SIZE = 12;

// ---------------------------------------------------------------- DOM helpers

const $ = (selector, root = document) => root.querySelector(selector);

/** `h("p", { class: "x", text: "hi" }, child, …)`: an element. */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "value") el.value = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Inline code. */
const code = (text) => h("code", { text });

/** Pretty JSON as spans (keys, strings, numbers, literals), no innerHTML. */
function highlightJson(value) {
  const text = JSON.stringify(value, null, 2) ?? "";
  const fragment = document.createDocumentFragment();
  const token =
    /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;
  let last = 0;
  for (const match of text.matchAll(token)) {
    if (match.index > last) fragment.append(text.slice(last, match.index));
    const [whole, string, colon, literal, number] = match;
    if (string) {
      fragment.append(h("span", { class: colon ? "j-key" : "j-str", text: string }));
      if (colon) fragment.append(colon);
    } else if (literal) {
      fragment.append(h("span", { class: "j-lit", text: literal }));
    } else if (number) {
      fragment.append(h("span", { class: "j-num", text: number }));
    } else {
      fragment.append(whole);
    }
    last = match.index + whole.length;
  }
  fragment.append(text.slice(last));
  return fragment;
}

function setDescribedBy(input, ids) {
  const list = ids.filter(Boolean);
  if (list.length) input.setAttribute("aria-describedby", list.join(" "));
  else input.removeAttribute("aria-describedby");
}

function setInvalid(input, invalid) {
  if (invalid) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
}

function showLines(el, lines) {
  el.replaceChildren(...lines.map((line, i) => (i ? [h("br"), line] : line)).flat());
  el.hidden = lines.length === 0;
}

const uniqueMessages = (issues) => [...new Set(issues.map((i) => i.message))];

// ------------------------------------------------------------- request specs

const CONTACT_FIELDS = [
  { key: "first_name", label: "First name", placeholder: "Johan", autocomplete: "off" },
  { key: "last_name", label: "Last name", placeholder: "Doe" },
  { key: "email", label: "E-mail", type: "email", placeholder: "johndoe@domain.com" },
  { key: "country", label: "Country", placeholder: "India", help: "A country name, such as India." },
  { key: "language_code", label: "Language code", placeholder: "en" },
  {
    key: "groups",
    label: "Groups",
    placeholder: "examplegroup1,examplegroup2",
    help: "Group titles, comma-separated.",
  },
];

const phoneField = (extra = {}) => ({
  path: "phone_number",
  label: "Phone number",
  type: "tel",
  required: true,
  phone: true,
  placeholder: "+91 98765-43210",
  help: "With its country code; +, spaces, dashes and brackets are fine.",
  ...extra,
});

const fromField = () => ({
  path: "from_phone_number_id",
  label: "From phone number id",
  inputmode: "numeric",
  list: "from-number-ids",
  placeholder: "connection default",
  help: "Empty: the connection's default, then the vendor's.",
});

const contactField = (field, extra = {}) => ({
  path: field.key,
  label: field.label,
  type: field.type,
  placeholder: field.placeholder,
  help: field.help,
  ...extra,
});

const FORMS = [
  {
    kind: "sendMessage",
    tab: "Message",
    title: "Send a text message",
    endpoint: "contact/send-message",
    action: "Send message",
    intro:
      "Free-form text. WhatsApp delivers it only within 24 hours of the recipient's last message; use a template otherwise.",
    fields: [
      phoneField({ value: "+91 98765-43210" }),
      fromField(),
      {
        path: "message_body",
        label: "Message",
        type: "textarea",
        required: true,
        max: 4096,
        span: true,
        value: "Hello Johan, your order #1024 has shipped.",
        help: "1 to 4096 characters. The server strips <…> tags from it.",
      },
    ],
    contact: true,
  },
  {
    kind: "sendMediaMessage",
    tab: "Media",
    title: "Send an image, video, audio or document",
    endpoint: "contact/send-media-message",
    action: "Send media",
    intro: "WhatsApp fetches the file from its URL: jpeg/png images, mp4 video, common audio and office or pdf documents.",
    fields: [
      phoneField({ value: "+91 98765-43210" }),
      fromField(),
      {
        path: "media_type",
        label: "Media type",
        type: "select",
        options: ["image", "video", "audio", "document"],
        required: true,
        value: "document",
      },
      {
        path: "media_url",
        label: "Media URL",
        type: "url",
        required: true,
        value: "https://example.com/invoice-1024.pdf",
        help: "An absolute URL WhatsApp's servers can fetch (https).",
      },
      {
        path: "caption",
        label: "Caption",
        type: "textarea",
        max: 1024,
        span: true,
        placeholder: "Your caption for image or video media types",
        help: "Image, video and document; ignored for audio.",
      },
      {
        path: "file_name",
        label: "File name",
        value: "invoice-1024.pdf",
        help: "Shown for a document; with its extension.",
      },
    ],
    contact: true,
  },
  {
    kind: "sendTemplateMessage",
    tab: "Template",
    title: "Send an approved template",
    endpoint: "contact/send-template-message",
    action: "Send template",
    intro:
      "A template synced into the server, with the parameters it needs. Values may hold contact placeholders such as {first_name}.",
    fields: [
      phoneField({ value: "+91 98765-43210" }),
      fromField(),
      {
        path: "template_name",
        label: "Template name",
        required: true,
        value: "order_update",
        help: "Lower-case letters, digits and _.",
      },
      {
        path: "template_language",
        label: "Template language",
        required: true,
        value: "en_US",
        help: "A WhatsApp language code: en, en_US, pt_BR.",
      },
    ],
    params: [
      ["field_1", "{first_name}"],
      ["field_2", "#1024"],
    ],
    contact: true,
  },
  {
    kind: "createContact",
    tab: "New contact",
    title: "Create a contact",
    endpoint: "contact/create",
    action: "Create contact",
    intro: "Adds a contact to the vendor's list; a number that already exists is refused.",
    fields: [
      phoneField({ value: "+44 20 7946 0958" }),
      contactField(CONTACT_FIELDS[0], { value: "Ada" }),
      contactField(CONTACT_FIELDS[1], { value: "Lovelace" }),
      contactField(CONTACT_FIELDS[2], { value: "ada@example.com" }),
      contactField(CONTACT_FIELDS[3], { value: "United Kingdom" }),
      contactField(CONTACT_FIELDS[4], { value: "en" }),
      contactField(CONTACT_FIELDS[5]),
    ],
    custom: [["BDay", "1990-12-10"]],
  },
  {
    kind: "updateContact",
    tab: "Update contact",
    title: "Update a contact",
    endpoint: "contact/update/",
    action: "Update contact",
    intro: "Only the fields given change, except groups: an update without groups removes the contact from all its groups.",
    fields: [
      phoneField({
        label: "Phone number of the contact",
        value: "+44 20 7946 0958",
        pathParam: true,
        help: "Goes in the URL: …/contact/update/{number}.",
      }),
      contactField(CONTACT_FIELDS[0]),
      contactField(CONTACT_FIELDS[1]),
      contactField(CONTACT_FIELDS[2]),
      contactField(CONTACT_FIELDS[3], {
        placeholder: "91",
        help: "A name, ISO code or dialling code (India, IN, 91).",
      }),
      contactField(CONTACT_FIELDS[4], { value: "en" }),
      {
        path: "whatsapp_opt_out",
        label: "WhatsApp opt-out",
        type: "bool",
        value: "false",
        choices: ["Opted out", "Not opted out"],
      },
      {
        path: "enable_ai_bot",
        label: "AI bot",
        type: "bool",
        value: "",
        choices: ["Enabled", "Disabled"],
      },
      contactField(CONTACT_FIELDS[5], { value: "newsletter", span: true }),
    ],
    custom: [],
  },
];

/** Template parameter groups the "add" buttons insert. */
const PARAM_ADDERS = [
  { label: "Body {{N}}", next: "field_", from: 1 },
  { label: "Header text", keys: ["header_field_1"] },
  { label: "Header image", keys: ["header_image"] },
  { label: "Header video", keys: ["header_video"] },
  { label: "Header document", keys: ["header_document", "header_document_name"] },
  {
    label: "Location",
    keys: ["location_latitude", "location_longitude", "location_name", "location_address"],
  },
  { label: "URL button", next: "button_", from: 0 },
  { label: "Copy code", keys: ["copy_code"] },
];

function paramInfo(key) {
  let m;
  if ((m = /^field_(\d+)$/.exec(key))) return { about: `Body {{${m[1]}}}`, example: "{first_name}" };
  if ((m = /^header_field_(\d+)$/.exec(key))) return { about: "Text header", example: "{full_name}" };
  if ((m = /^button_(\d+)$/.exec(key))) {
    return { about: `URL button at position ${m[1]}`, example: "order-1024" };
  }
  const fixed = {
    header_image: ["Image header URL", "https://example.com/banner.jpg"],
    header_video: ["Video header URL", "https://example.com/clip.mp4"],
    header_document: ["Document header URL", "https://example.com/invoice.pdf"],
    header_document_name: ["Document file name", "invoice.pdf"],
    location_latitude: ["Latitude, −90 to 90", "22.22"],
    location_longitude: ["Longitude, −180 to 180", "73.18"],
    location_name: ["Place name", "Main store"],
    location_address: ["Place address", "12 Market Road"],
    copy_code: ["Copy-code button", "SAVE10"],
  }[key];
  return fixed ? { about: fixed[0], example: fixed[1] } : { about: "", example: "" };
}

const WHATSAPP_CODES = {
  130429: "The business number reached its throughput limit.",
  131008: "A parameter the template needs is missing.",
  131009: "A parameter value is not valid for the template.",
  131030: "The recipient is not in the allowed list of this test number.",
  131047: "More than 24 hours since the recipient's last message: send a template.",
  131056: "Too many messages to this recipient in a short time.",
  132000: "The number of parameters does not match the template.",
  132018: "A parameter has a new line, a tab or too many spaces.",
};

const ERROR_TITLES = {
  validation: "The client found issues: nothing was sent",
  config: "The connection settings are not valid",
  unauthorized: "The server refused the token or the vendor",
  rate_limited: "Too many requests",
  api: "The server refused the request",
  http: "An HTTP answer without the API's JSON",
  timeout: "No answer in time",
  aborted: "The call was aborted",
  network: "The server could not be reached",
  invalid_response: "The answer is not the API's JSON",
  unexpected: "Unexpected error",
};

// --------------------------------------------------------------------- state

const state = {
  ready: false,
  info: null,
  /** The connection as typed. */
  conn: { baseUrl: "", vendorUid: "", token: "", fromPhoneNumberId: "", defaultCountryCode: "" },
  /** The first problem of the connection, or null. */
  connError: null,
  /** Options for `validate`/`validateField`: only the valid ones. */
  validateOptions: {},
  active: "sendMessage",
  models: {},
  history: [],
  curl: "",
  rowSeq: 0,
};

// --------------------------------------------------------------- validation

function safeValidateField(kind, path, value) {
  if (!state.ready) return [];
  try {
    return validateField(kind, path, value, state.validateOptions);
  } catch (err) {
    return err?.issues ?? [{ path, code: "invalid_type", message: String(err?.message ?? err) }];
  }
}

function normalized(value) {
  try {
    return normalizePhoneNumber(value, state.validateOptions.defaultCountryCode);
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------- fields

/** One labelled input of a form, with its help, hint, message and warning. */
function buildControl(model, spec, prefix = "") {
  const path = prefix + spec.path;
  const id = `${model.kind}--${path.replace(/[^a-z0-9_]/gi, "-")}`;
  const ids = { help: `${id}-help`, norm: `${id}-norm`, msg: `${id}-msg`, warn: `${id}-warn` };
  let input;
  if (spec.type === "textarea") {
    input = h("textarea", { id, name: path, rows: spec.max > 2000 ? 4 : 2, placeholder: spec.placeholder });
    input.value = spec.value ?? "";
  } else if (spec.type === "select") {
    input = h(
      "select",
      { id, name: path },
      spec.options.map((o) => h("option", { value: o, text: o })),
    );
    input.value = spec.value ?? spec.options[0];
  } else if (spec.type === "bool") {
    input = h(
      "select",
      { id, name: path },
      h("option", { value: "", text: "Unchanged (not sent)" }),
      h("option", { value: "true", text: `${spec.choices[0]} (true)` }),
      h("option", { value: "false", text: `${spec.choices[1]} (false)` }),
    );
    input.value = spec.value ?? "";
  } else {
    input = h("input", {
      id,
      name: path,
      type: spec.type ?? "text",
      inputmode: spec.inputmode ?? (spec.type === "tel" ? "tel" : null),
      placeholder: spec.placeholder,
      list: spec.list,
      spellcheck: "false",
      autocomplete: "off",
      autocapitalize: "off",
    });
    input.value = spec.value ?? "";
  }
  if (spec.required) input.setAttribute("aria-required", "true");

  const counter = spec.max ? h("span", { class: "counter", "aria-hidden": "true" }) : null;
  const label = h(
    "label",
    { for: id },
    h("span", { class: "label-text", text: spec.label }),
    " ",
    h("code", { class: "key", text: path }),
    spec.required ? h("span", { class: "req", text: "required" }) : null,
  );
  const help = spec.help
    ? h("p", { class: counter ? "help help--split" : "help", id: ids.help }, counter ? h("span", { text: spec.help }) : spec.help, counter)
    : null;
  const norm = spec.phone ? h("p", { class: "norm", id: ids.norm, hidden: true }) : null;
  const msg = h("p", { class: "msg", id: ids.msg, hidden: true });
  const warn = h("p", { class: "warn", id: ids.warn, hidden: true });
  const el = h("div", { class: `field${spec.span ? " span-2" : ""}` }, label, input, norm, help, msg, warn);
  const control = { model, spec, path, input, el, ids, help, norm, msg, warn, counter };
  setDescribedBy(input, [help && ids.help]);
  return control;
}

/** What a control contributes to the payload. */
function readControl(control) {
  const { spec, input } = control;
  if (spec.type === "bool") {
    return input.value === "" ? { include: false } : { include: true, value: input.value === "true" };
  }
  const value = input.value;
  if (!spec.required && value.trim() === "") return { include: false, value };
  return { include: true, value };
}

function setPath(target, path, value) {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) node = node[part] ??= {};
  node[parts.at(-1)] = value;
}

// --------------------------------------------------------------------- rows

/**
 * Editable name/value rows: template parameters (`prefix` "") or custom
 * fields (`custom_fields.` / `contact.custom_fields.`).
 */
function buildRowSet(model, { prefix, legend, help, noun, keyPlaceholder, valuePlaceholder, addButtons, empty }) {
  const list = h("div", { class: "rows__list" });
  const emptyNote = h("p", { class: "rows__empty", text: empty });
  const head = h(
    "div",
    { class: "rows__head", "aria-hidden": "true" },
    h("span", { text: "Name" }),
    h("span", { text: "Value" }),
  );
  const set = { model, prefix, noun, rows: [], list, head, emptyNote, keyPlaceholder, valuePlaceholder };
  const add = h("div", { class: "rows__add" });
  for (const button of addButtons(set)) add.append(button);
  set.el = h(
    "fieldset",
    { class: "rows" },
    h("legend", { text: legend }),
    help ? h("p", { class: "help", text: help }) : null,
    head,
    list,
    emptyNote,
    add,
  );
  set.addButtonsEl = add;
  return set;
}

function addRow(set, key = "", value = "", { focus = false } = {}) {
  const n = ++state.rowSeq;
  const id = `${set.model.kind}--row${n}`;
  const keyInput = h("input", {
    id: `${id}-key`,
    class: "mono",
    type: "text",
    spellcheck: "false",
    autocomplete: "off",
    autocapitalize: "off",
    placeholder: set.keyPlaceholder,
  });
  keyInput.value = key;
  const valueInput = h("input", {
    id: `${id}-value`,
    type: "text",
    spellcheck: "false",
    autocomplete: "off",
  });
  valueInput.value = value;
  const keyLabel = h("label", { class: "sr-only", for: keyInput.id });
  const valueLabel = h("label", { class: "sr-only", for: valueInput.id });
  const remove = h("button", { type: "button", class: "btn-icon", title: "Remove" }, "×");
  const about = h("p", { class: "help row__about", id: `${id}-about` });
  const msg = h("p", { class: "msg", id: `${id}-msg`, hidden: true });
  const warn = h("p", { class: "warn", id: `${id}-warn`, hidden: true });
  const el = h(
    "div",
    { class: "row" },
    h("div", { class: "row__inputs" }, keyLabel, keyInput, valueLabel, valueInput, remove),
    about,
    msg,
    warn,
  );
  const row = { set, id, keyInput, valueInput, keyLabel, valueLabel, remove, about, msg, warn, el, local: [] };
  remove.addEventListener("click", () => {
    const index = set.rows.indexOf(row);
    set.rows.splice(index, 1);
    el.remove();
    const next = set.rows[index] ?? set.rows[index - 1];
    (next ? next.valueInput : set.addButtonsEl.querySelector("button"))?.focus();
    refresh(set.model);
  });
  set.rows.push(row);
  set.list.append(el);
  labelRow(row);
  if (focus) (key ? valueInput : keyInput).focus();
  return row;
}

/** Labels, placeholder and help of a row follow its name. */
function labelRow(row) {
  const key = row.keyInput.value.trim();
  const noun = row.set.noun;
  const shown = key || `this ${noun}`;
  row.keyLabel.textContent = `${noun[0].toUpperCase()}${noun.slice(1)} name`;
  row.valueLabel.textContent = `Value of ${shown}`;
  row.remove.setAttribute("aria-label", `Remove ${key || noun}`);
  if (row.set.prefix === "") {
    const info = paramInfo(key);
    row.valueInput.placeholder = info.example;
    row.about.textContent = info.about;
  } else {
    row.valueInput.placeholder = row.set.valuePlaceholder;
    row.about.textContent = "";
  }
  row.about.hidden = row.about.textContent === "";
}

function nextIndexed(set, stem, from) {
  const used = new Set(set.rows.map((r) => r.keyInput.value.trim()));
  let n = from;
  while (used.has(`${stem}${n}`)) n += 1;
  return `${stem}${n}`;
}

function paramAddButtons(set) {
  return PARAM_ADDERS.map((adder) =>
    h("button", {
      type: "button",
      class: "chip",
      text: `+ ${adder.label}`,
      onclick: () => {
        const keys = adder.keys ?? [nextIndexed(set, adder.next, adder.from)];
        const present = new Set(set.rows.map((r) => r.keyInput.value.trim()));
        let first = null;
        for (const key of keys) {
          if (present.has(key)) continue;
          const row = addRow(set, key, "");
          first ??= row;
        }
        (first ?? set.rows.find((r) => r.keyInput.value.trim() === keys[0]))?.valueInput.focus();
        refresh(set.model);
      },
    }),
  );
}

function customAddButtons(set) {
  return [
    h("button", {
      type: "button",
      class: "chip",
      text: "+ Custom field",
      onclick: () => {
        addRow(set, "", "", { focus: true });
        refresh(set.model);
      },
    }),
  ];
}

// -------------------------------------------------------------------- forms

function buildForm(spec) {
  const model = {
    kind: spec.kind,
    spec,
    controls: [],
    rowSets: [],
    touched: new Set(),
    sending: false,
    last: null,
  };
  const form = h("form", { class: "req-form", novalidate: true, autocomplete: "off" });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send(model);
  });
  const touch = (event) => {
    if (!event.target.id) return;
    model.touched.add(event.target.id);
    const row = event.target.closest(".row");
    if (row && event.target.classList.contains("mono")) {
      const found = model.rowSets.flatMap((s) => s.rows).find((r) => r.el === row);
      if (found) labelRow(found);
    }
    refresh(model);
  };
  form.addEventListener("input", touch);
  form.addEventListener("change", touch);
  form.addEventListener("focusout", (event) => {
    if (event.target.matches("input, textarea, select") && !model.touched.has(event.target.id)) touch(event);
  });

  const grid = h("div", { class: "grid" });
  for (const field of spec.fields) {
    const control = buildControl(model, field);
    model.controls.push(control);
    grid.append(control.el);
  }
  form.append(grid);

  if (spec.params) {
    if (state.info?.templates?.length) form.append(buildTemplatePicker(model));
    const set = buildRowSet(model, {
      prefix: "",
      legend: "Template parameters",
      help: "field_N for each {{N}} of the body, then what the header and buttons need.",
      noun: "parameter",
      keyPlaceholder: "field_1",
      addButtons: paramAddButtons,
      empty: "No parameters: fine for a template without any.",
    });
    for (const [key, value] of spec.params) addRow(set, key, value);
    model.rowSets.push(set);
    model.params = set;
    form.append(set.el);
  }

  if (spec.custom) {
    const set = buildRowSet(model, {
      prefix: "custom_fields.",
      legend: "Custom fields",
      help: "Names the vendor has not defined are ignored by the server.",
      noun: "custom field",
      keyPlaceholder: "BDay",
      valuePlaceholder: "2025-09-04",
      addButtons: customAddButtons,
      empty: "No custom fields.",
    });
    for (const [key, value] of spec.custom) addRow(set, key, value);
    model.rowSets.push(set);
    form.append(set.el);
  }

  if (spec.contact) {
    const contactGrid = h("div", { class: "grid" });
    for (const field of CONTACT_FIELDS) {
      const control = buildControl(model, contactField(field), "contact.");
      model.controls.push(control);
      contactGrid.append(control.el);
    }
    const set = buildRowSet(model, {
      prefix: "contact.custom_fields.",
      legend: "Custom fields",
      noun: "custom field",
      keyPlaceholder: "BDay",
      valuePlaceholder: "2025-09-04",
      addButtons: customAddButtons,
      empty: "No custom fields.",
    });
    model.rowSets.push(set);
    model.contactBadge = h("span", { class: "tag tag--ok", text: "included", hidden: true });
    form.append(
      h(
        "details",
        { class: "contact-block" },
        h(
          "summary",
          {},
          h("span", { class: "summary-title", text: "Contact details" }),
          h("span", { class: "summary-note", text: "optional · creates the contact if it does not exist" }),
          model.contactBadge,
        ),
        h("div", { class: "contact-block__body" }, contactGrid, set.el),
      ),
    );
  }

  model.summary = h("div", { class: "summary", id: `${spec.kind}-summary` });
  model.button = h(
    "button",
    { type: "submit", class: "btn btn--primary", id: `${spec.kind}-send`, disabled: true },
    h("span", { class: "btn__label", text: spec.action }),
  );
  form.append(h("div", { class: "form-foot" }, model.summary, model.button));

  const panel = h(
    "section",
    {
      class: "panel",
      id: `panel-${spec.kind}`,
      role: "tabpanel",
      "aria-labelledby": `tab-${spec.kind}`,
      hidden: spec.kind !== state.active,
    },
    h(
      "div",
      { class: "panel__intro" },
      h("h3", { class: "panel__title", text: spec.title }),
      h("p", { class: "endpoint" }, h("span", { class: "method method--small", text: "POST" }), code(`…/${spec.endpoint}${spec.kind === "updateContact" ? "{phoneNumber}" : ""}`)),
      h("p", { class: "panel__text", text: spec.intro }),
    ),
    form,
  );
  model.panel = panel;
  model.form = form;
  return model;
}

function buildTemplatePicker(model) {
  const id = "template-picker";
  const select = h(
    "select",
    { id },
    h("option", { value: "", text: "Choose a template…" }),
    state.info.templates.map((t, i) =>
      h("option", {
        value: String(i),
        text: `${t.name} · ${t.language}${t.required_params.length ? ` (${t.required_params.join(", ")})` : ""}`,
      }),
    ),
  );
  select.addEventListener("change", (event) => {
    event.stopPropagation();
    const template = state.info.templates[Number(select.value)];
    if (!template) return;
    const byPath = (p) => model.controls.find((c) => c.path === p);
    byPath("template_name").input.value = template.name;
    byPath("template_language").input.value = template.language;
    const set = model.params;
    for (const row of set.rows) row.el.remove();
    set.rows = [];
    for (const key of template.required_params) addRow(set, key, "");
    refresh(model);
    set.rows[0]?.valueInput.focus();
  });
  model.picker = select;
  return h(
    "div",
    { class: "picker" },
    h("label", { for: id, text: "Fill from a sandbox template" }),
    select,
    h("p", { class: "help", text: "Sets the name and language and adds the parameters the template needs." }),
  );
}

/** The payload of a form, its path number (update) and row problems. */
function collect(model) {
  const payload = {};
  let pathPhone = null;
  for (const control of model.controls) {
    if (control.spec.pathParam) {
      pathPhone = control.input.value;
      continue;
    }
    const { include, value } = readControl(control);
    if (include) setPath(payload, control.path, value);
  }
  for (const set of model.rowSets) {
    const seen = new Set();
    for (const row of set.rows) {
      row.local = [];
      const key = row.keyInput.value.trim();
      const value = row.valueInput.value;
      if (!key && !value) continue;
      if (!key) {
        row.local.push({ path: set.prefix, code: "required", message: `Give this ${set.noun} a name.` });
        continue;
      }
      if (seen.has(key)) {
        row.local.push({ path: set.prefix + key, code: "invalid_format", message: `${key} is given twice; keep one.` });
        continue;
      }
      seen.add(key);
      let target = payload;
      if (set.prefix === "custom_fields.") target = payload.custom_fields ??= {};
      if (set.prefix === "contact.custom_fields.") target = (payload.contact ??= {}).custom_fields ??= {};
      target[key] = value;
    }
  }
  return { payload, pathPhone };
}

/** Validates a form, shows what is wrong where, and updates its button. */
function refresh(model) {
  const { payload, pathPhone } = collect(model);
  let result = { ok: false, issues: [], warnings: [] };
  if (state.ready) {
    try {
      result = validate(model.kind, payload, state.validateOptions);
    } catch (err) {
      result = {
        ok: false,
        issues: err?.issues?.length ? err.issues : [{ path: "", code: "invalid_type", message: String(err?.message ?? err) }],
        warnings: [],
      };
    }
  }
  const issues = result.ok ? [] : [...result.issues];
  const warnings = result.warnings ?? [];
  let pathNumber = null;
  if (model.kind === "updateContact" && state.ready) {
    const pathIssues = safeValidateField(model.kind, "phone_number", pathPhone ?? "");
    if (pathIssues.length) issues.unshift(...pathIssues);
    else pathNumber = normalized(pathPhone);
  }
  const shownWarnings = new Set();

  for (const control of model.controls) {
    const { input, path, spec } = control;
    const { include, value } = readControl(control);
    const touched = model.touched.has(input.id);
    let own = [];
    if (touched && (include || spec.pathParam)) {
      own = spec.pathParam
        ? issues.filter((i) => i.path === "phone_number")
        : [...safeValidateField(model.kind, path, value), ...issues.filter((i) => i.path === path)];
    }
    const messages = uniqueMessages(own);
    showLines(control.msg, messages);
    setInvalid(input, messages.length > 0);

    const myWarnings = warnings.filter((w) => w.path === path);
    myWarnings.forEach((w) => shownWarnings.add(w));
    showLines(control.warn, uniqueMessages(myWarnings));

    let normText = "";
    if (control.norm && state.ready && input.value.trim() !== "") {
      const number = safeValidateField(model.kind, "phone_number", input.value).length ? null : normalized(input.value);
      if (number) normText = number;
    }
    if (control.norm) {
      control.norm.replaceChildren(...(normText ? ["Sent as ", h("strong", { class: "mono", text: normText })] : []));
      control.norm.hidden = normText === "";
    }
    if (control.counter) {
      control.counter.textContent = `${[...input.value].length} / ${spec.max}`;
      control.counter.classList.toggle("counter--over", [...input.value].length > spec.max);
    }
    setDescribedBy(input, [
      normText && control.ids.norm,
      messages.length && control.ids.msg,
      myWarnings.length && control.ids.warn,
      control.help && control.ids.help,
    ]);
  }

  for (const set of model.rowSets) {
    set.emptyNote.hidden = set.rows.length > 0;
    set.head.hidden = set.rows.length === 0;
    for (const row of set.rows) {
      const key = row.keyInput.value.trim();
      const path = set.prefix + key;
      const touched = model.touched.has(row.keyInput.id) || model.touched.has(row.valueInput.id);
      let own = [];
      if (row.local.length) own = row.local;
      else if (key && touched) {
        own = [...safeValidateField(model.kind, path, row.valueInput.value), ...issues.filter((i) => i.path === path)];
      }
      const messages = uniqueMessages(own);
      showLines(row.msg, messages);
      const nameProblem = own.some((i) => i.code === "unknown_field") || (!key && row.local.length > 0);
      setInvalid(row.keyInput, messages.length > 0 && nameProblem);
      setInvalid(row.valueInput, messages.length > 0 && !nameProblem);
      const myWarnings = key ? warnings.filter((w) => w.path === path) : [];
      myWarnings.forEach((w) => shownWarnings.add(w));
      showLines(row.warn, uniqueMessages(myWarnings));
      const described = [
        messages.length && row.msg.id,
        myWarnings.length && row.warn.id,
        !row.about.hidden && row.about.id,
      ];
      setDescribedBy(row.keyInput, nameProblem ? described : [!row.about.hidden && row.about.id]);
      setDescribedBy(row.valueInput, nameProblem ? [!row.about.hidden && row.about.id] : described);
      issues.push(...row.local);
    }
  }

  if (model.contactBadge) model.contactBadge.hidden = !payload.contact;

  const ok = state.ready && issues.length === 0;
  model.last = { ok, payload, pathPhone, pathNumber, value: ok ? result.value : null, issues, warnings };
  renderSummary(model, issues, warnings.filter((w) => !shownWarnings.has(w)));
  updateButton(model);
  if (model.kind === state.active) renderPreview();
}

function renderSummary(model, issues, looseWarnings) {
  const parts = [];
  if (!state.ready) {
    parts.push(h("p", { class: "summary__line", text: "Loading the validator…" }));
  } else if (issues.length) {
    const messages = uniqueMessages(issues);
    parts.push(
      h("p", { class: "summary__line summary__line--bad" }, `${messages.length} ${messages.length === 1 ? "issue" : "issues"} to fix before sending:`),
      h("ul", { class: "summary__list" }, messages.slice(0, 6).map((m) => h("li", { text: m }))),
    );
    if (messages.length > 6) parts.push(h("p", { class: "help", text: `and ${messages.length - 6} more` }));
  } else if (state.connError) {
    parts.push(h("p", { class: "summary__line summary__line--bad", text: "The request is valid; fix the connection settings to send it." }));
  } else {
    parts.push(h("p", { class: "summary__line summary__line--ok", text: "Valid: ready to send." }));
  }
  for (const warning of looseWarnings) parts.push(h("p", { class: "warn", text: warning.message }));
  model.summary.replaceChildren(...parts);
}

function updateButton(model) {
  const blocked = !model.last?.ok || state.connError != null || model.sending;
  model.button.disabled = blocked;
  model.button.classList.toggle("btn--busy", model.sending);
  model.button.setAttribute("aria-busy", String(model.sending));
  $(".btn__label", model.button).textContent = model.sending ? "Sending…" : model.spec.action;
}

// ----------------------------------------------------------------- preview

function requestUrl(model) {
  const base = state.conn.baseUrl.trim().replace(/\/+$/, "");
  const vendor = state.conn.vendorUid.trim() || "{vendorUid}";
  let path = model.spec.endpoint;
  if (model.kind === "updateContact") path += model.last?.pathNumber ?? "{phoneNumber}";
  return `${base || "{baseUrl}"}/${vendor}/${path}`;
}

const shellQuote = (text) => `'${text.replace(/'/g, `'\\''`)}'`;

function curlCommand(url, body) {
  return [
    `curl -X POST ${shellQuote(url)}`,
    `  -H "Authorization: Bearer $WHATSJET_TOKEN"`,
    `  -H 'Content-Type: application/json'`,
    `  -H 'Accept: application/json'`,
    `  --data-raw ${shellQuote(body)}`,
  ].join(" \\\n");
}

function renderPreview() {
  const model = state.models[state.active];
  if (!model?.last) return;
  const { ok, value, payload, issues } = model.last;
  const url = requestUrl(model);
  $("#preview-url").textContent = url;
  $("#preview-headers").textContent = [
    `Authorization: Bearer ${MASK}`,
    "Content-Type: application/json",
    "Accept: application/json",
  ].join("\n");
  const body = $("#preview-body");
  const tag = $("#preview-state");
  body.replaceChildren(highlightJson(ok ? value : payload));
  body.classList.toggle("code--draft", !ok);
  if (ok) {
    tag.textContent = "exactly as sent";
    tag.className = "tag tag--ok";
  } else {
    const n = uniqueMessages(issues).length;
    tag.textContent = state.ready ? `draft · ${n} ${n === 1 ? "issue" : "issues"}` : "draft";
    tag.className = "tag tag--warn";
  }
  state.curl = ok ? curlCommand(url, JSON.stringify(value)) : "";
  $("#preview-curl").textContent = ok ? state.curl : "Fix the issues of the request to get its curl command.";
  $("#copy-curl").disabled = !ok;
}

async function copyCurl() {
  const status = $("#copy-status");
  const text = state.curl;
  if (!text) return;
  let copied = false;
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    const area = h("textarea", { class: "offscreen", readonly: true, "aria-hidden": "true", tabindex: "-1" });
    area.value = text;
    document.body.append(area);
    area.select();
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    area.remove();
  }
  if (copied) {
    status.textContent = "Copied. The token is left out: it reads $WHATSJET_TOKEN.";
    status.className = "copy-status copy-status--ok";
  } else {
    $("details.curl").open = true;
    status.textContent = "The browser refused the clipboard: copy the command below by hand.";
    status.className = "copy-status copy-status--bad";
  }
  clearTimeout(copyCurl.timer);
  copyCurl.timer = setTimeout(() => {
    status.textContent = "";
    status.className = "copy-status";
  }, 6000);
}

// --------------------------------------------------------------- connection

const CONN_FIELDS = ["baseUrl", "vendorUid", "token", "fromPhoneNumberId", "defaultCountryCode", "maxRetries", "timeoutMs"];
const NUMBER_OPTIONS = ["maxRetries", "timeoutMs"];

function clientOptions() {
  const c = state.conn;
  const options = { baseUrl: c.baseUrl.trim(), vendorUid: c.vendorUid.trim(), token: c.token };
  for (const name of ["fromPhoneNumberId", "defaultCountryCode"]) {
    if (c[name].trim()) options[name] = c[name].trim();
  }
  for (const name of NUMBER_OPTIONS) {
    if (name === "maxRetries" && !state.supportsRetries) continue;
    const text = c[name].trim();
    if (text) options[name] = /^\d+$/.test(text) ? Number(text) : text;
  }
  return options;
}

/** Whether this build of the library has the retry options. */
function detectRetrySupport() {
  try {
    new WhatsJetClient({ baseUrl: "https://example.com/api", vendorUid: "v", token: "t", maxRetries: 0 }).free();
    return true;
  } catch {
    return false;
  }
}

function optionIsValid(name, value) {
  try {
    validate("createContact", {}, { [name]: value });
    return true;
  } catch {
    return false;
  }
}

function readConnection() {
  for (const name of CONN_FIELDS) state.conn[name] = $(`#conn-${name}`).value;
  state.connError = null;
  const options = clientOptions();
  if (state.ready) {
    try {
      new WhatsJetClient(options).free();
    } catch (err) {
      const message = String(err?.message ?? err);
      const field = CONN_FIELDS.find((name) => message.startsWith(name)) ?? "baseUrl";
      state.connError = { field, message };
    }
    const validateOptions = {};
    for (const name of ["defaultCountryCode", "fromPhoneNumberId"]) {
      if (options[name] && optionIsValid(name, options[name])) validateOptions[name] = options[name];
    }
    state.validateOptions = validateOptions;
  }
  if (state.connError) $("#connection-card").open = true;
  for (const name of CONN_FIELDS) {
    const input = $(`#conn-${name}`);
    const msg = $(`#conn-${name}-msg`);
    const help = $(`#conn-${name}-help`);
    const bad = state.connError?.field === name;
    msg.textContent = bad ? state.connError.message : "";
    msg.hidden = !bad;
    setInvalid(input, bad);
    setDescribedBy(input, [bad && msg.id, help?.id]);
  }
}

function connectionChanged() {
  readConnection();
  let host = state.conn.baseUrl.trim();
  try {
    host = new URL(host).host;
  } catch {
    // shown as typed
  }
  $("#connection-brief").textContent = `${state.conn.vendorUid.trim() || "?"} @ ${host || "?"}`;
  for (const model of Object.values(state.models)) refresh(model);
  renderPreview();
}

// -------------------------------------------------------------------- tabs

function buildTabs() {
  const tablist = $("#tablist");
  for (const spec of FORMS) {
    const selected = spec.kind === state.active;
    tablist.append(
      h(
        "button",
        {
          type: "button",
          role: "tab",
          class: "tab",
          id: `tab-${spec.kind}`,
          "aria-controls": `panel-${spec.kind}`,
          "aria-selected": String(selected),
          tabindex: selected ? "0" : "-1",
          onclick: () => selectTab(spec.kind),
        },
        spec.tab,
      ),
    );
  }
  tablist.addEventListener("keydown", (event) => {
    const kinds = FORMS.map((f) => f.kind);
    const index = kinds.indexOf(state.active);
    const moves = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: kinds.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = kinds[(moves[event.key] + kinds.length) % kinds.length];
    selectTab(next);
    $(`#tab-${next}`).focus();
  });
}

function selectTab(kind) {
  state.active = kind;
  for (const spec of FORMS) {
    const selected = spec.kind === kind;
    const tab = $(`#tab-${spec.kind}`);
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
    state.models[spec.kind].panel.hidden = !selected;
  }
  renderPreview();
}

// --------------------------------------------------------------------- send

function plainError(err) {
  if (err && typeof err === "object" && err.name === "WhatsJetError") {
    const { code, retryable, status, serverMessage, issues, whatsappCode, retryAfterMs, attempts, deliveryUnknown } = err;
    return {
      code,
      message: err.message,
      retryable,
      status,
      serverMessage,
      issues,
      whatsappCode,
      retryAfterMs,
      attempts,
      deliveryUnknown,
    };
  }
  return { code: "unexpected", message: String(err?.message ?? err), retryable: false };
}

async function send(model) {
  refresh(model);
  if (model.button.disabled) return;
  const { payload, pathPhone } = model.last;
  const url = requestUrl(model);
  const entry = {
    kind: model.kind,
    endpoint: model.spec.endpoint + (model.kind === "updateContact" ? model.last.pathNumber : ""),
    url,
    at: new Date(),
  };
  const options = clientOptions();
  let client;
  try {
    client = new WhatsJetClient(options);
  } catch (err) {
    entry.error = plainError(err);
    finish(entry);
    return;
  }
  const abort = new AbortController();
  model.sending = true;
  updateButton(model);
  showPending(entry, abort, options.maxRetries ?? 0);
  const started = performance.now();
  try {
    entry.reply =
      model.kind === "updateContact"
        ? await client.updateContact(pathPhone, payload, { signal: abort.signal })
        : await client[model.kind](payload, { signal: abort.signal });
  } catch (err) {
    entry.error = plainError(err);
  } finally {
    client.free();
    entry.ms = Math.round(performance.now() - started);
    model.sending = false;
    updateButton(model);
  }
  finish(entry);
}

function finish(entry) {
  state.history.unshift(entry);
  state.history.length = Math.min(state.history.length, HISTORY_SIZE);
  renderHistory();
  showEntry(entry);
}

const clock = (date) =>
  date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

function showPending(entry, abort, retries) {
  const cancel = h("button", { type: "button", class: "btn btn--ghost btn--small", id: "cancel-send", text: "Cancel" });
  cancel.addEventListener("click", () => abort.abort());
  $("#response").replaceChildren(
    h(
      "div",
      { class: "result result--pending", "aria-busy": "true" },
      h("span", { class: "spinner", "aria-hidden": "true" }),
      h(
        "div",
        { class: "pending__text" },
        h("p", {}, "Sending ", code(`POST …/${entry.endpoint}`), "…"),
        retries > 0
          ? h("p", { class: "help", text: `Up to ${retries} automatic ${retries === 1 ? "retry" : "retries"}, only where a retry cannot deliver twice.` })
          : null,
      ),
      cancel,
    ),
  );
}

function fact(name, label, value, extra) {
  return [h("dt", { text: label }), h("dd", { "data-field": name }, value, extra ?? null)];
}

function showEntry(entry) {
  const meta = h(
    "p",
    { class: "result__meta" },
    h("span", { class: "method method--small", text: "POST" }),
    code(`…/${entry.endpoint}`),
    h("span", { text: ` · ${clock(entry.at)}${entry.ms != null ? ` · ${entry.ms} ms` : ""}` }),
  );
  let box;
  if (entry.reply) {
    const reply = entry.reply;
    const data = reply.data && !Array.isArray(reply.data) ? reply.data : {};
    const facts = [];
    for (const [key, label] of [
      ["wamid", "WhatsApp message id"],
      ["status", "Status"],
      ["phone_number", "Phone number"],
      ["contact_uid", "Contact uid"],
      ["log_uid", "Log uid"],
    ]) {
      if (data[key] != null) facts.push(fact(key, label, h("code", { class: "wrap", text: String(data[key]) })));
    }
    box = h(
      "div",
      { class: "result result--ok", "data-outcome": "success" },
      h(
        "div",
        { class: "result__head" },
        h("span", { class: "badge badge--ok", text: reply.result ?? "success" }),
        h("span", { class: "result__title", text: reply.message || "Success" }),
      ),
      meta,
      facts.length ? h("dl", { class: "facts" }, facts) : null,
      h("h3", { class: "sub", text: "Answer" }),
      h("pre", { class: "code", id: "response-json", tabindex: "0", "aria-label": "Answer as JSON" }, highlightJson(reply)),
    );
  } else {
    const e = entry.error;
    const facts = [fact("code", "Code", h("code", { text: e.code }))];
    if (e.status != null) facts.push(fact("status", "HTTP status", String(e.status)));
    if (e.serverMessage) facts.push(fact("serverMessage", "Server message", e.serverMessage));
    if (e.whatsappCode != null) {
      facts.push(
        fact(
          "whatsappCode",
          "WhatsApp code",
          h("code", { text: String(e.whatsappCode) }),
          WHATSAPP_CODES[e.whatsappCode] ? h("span", { class: "help", text: ` ${WHATSAPP_CODES[e.whatsappCode]}` }) : null,
        ),
      );
    }
    if (e.retryAfterMs != null) facts.push(fact("retryAfterMs", "Retry after", `${e.retryAfterMs} ms`));
    if (e.attempts != null) facts.push(fact("attempts", "Requests sent", String(e.attempts)));
    facts.push(
      fact(
        "retryable",
        "Safe to retry",
        e.retryable
          ? "yes: sending again cannot deliver the message twice"
          : e.deliveryUnknown || e.code === "timeout"
            ? "check first: the message may have been delivered"
            : "no",
      ),
    );
    let retry = null;
    if (e.code === "rate_limited") {
      const seconds = e.retryAfterMs != null ? Math.max(1, Math.ceil(e.retryAfterMs / 1000)) : null;
      retry = h(
        "p",
        { class: "retry", id: "retry-hint" },
        h("strong", { text: "Rate limited. " }),
        seconds != null ? `Retry in ${seconds} s.` : "Wait a moment before retrying.",
      );
    }
    const issues = e.issues?.length
      ? [
          h("h3", { class: "sub", text: "Issues" }),
          h(
            "ul",
            { class: "issues", "data-field": "issues" },
            e.issues.map((i) => h("li", {}, i.path ? [code(i.path), " "] : null, i.message, " ", h("span", { class: "tag", text: i.code }))),
          ),
        ]
      : [];
    box = h(
      "div",
      { class: `result result--error${e.code === "rate_limited" ? " result--warn" : ""}`, "data-outcome": "error", "data-code": e.code },
      h(
        "div",
        { class: "result__head" },
        h("span", { class: `badge ${e.code === "rate_limited" ? "badge--warn" : "badge--error"}`, text: e.code }),
        h("span", { class: "result__title", text: ERROR_TITLES[e.code] ?? "Error" }),
      ),
      meta,
      h("p", { class: "result__message", "data-field": "message", text: e.message }),
      retry,
      h("dl", { class: "facts" }, facts),
      issues,
    );
  }
  $("#response").replaceChildren(box);
}

function renderHistory() {
  const list = $("#history");
  list.replaceChildren(
    ...state.history.map((entry) => {
      const ok = Boolean(entry.reply);
      const outcome = ok ? "success" : entry.error.code;
      return h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            class: "history__item",
            "aria-label": `${clock(entry.at)} ${entry.endpoint}: ${outcome}. Show the answer.`,
            onclick: () => showEntry(entry),
          },
          h("time", { datetime: entry.at.toISOString(), text: clock(entry.at) }),
          h("span", { class: "history__endpoint mono", text: entry.endpoint }),
          h("span", {
            class: `badge badge--small ${ok ? "badge--ok" : entry.error.code === "rate_limited" ? "badge--warn" : "badge--error"}`,
            text: outcome,
          }),
          h("span", { class: "history__ms", text: entry.ms != null ? `${entry.ms} ms` : "" }),
        ),
      );
    }),
  );
  $("#history-empty").hidden = state.history.length > 0;
}

// ------------------------------------------------------------------ sandbox

async function loadSandboxInfo() {
  try {
    const response = await fetch("/__sandbox/info", { headers: { Accept: "application/json" }, cache: "no-store" });
    if (!response.ok) return null;
    const info = await response.json();
    return info && typeof info === "object" && typeof info.vendor_uid === "string" ? info : null;
  } catch {
    return null;
  }
}

async function queueFault() {
  const status = $("#fault-status");
  const select = $("#fault-select");
  try {
    const response = await fetch("/__sandbox/faults", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ answer: select.value }),
    });
    status.textContent = response.ok
      ? `Queued: the next API request gets "${select.selectedOptions[0].textContent}".`
      : `The sandbox refused the fault (HTTP ${response.status}).`;
  } catch {
    status.textContent = "The sandbox could not be reached.";
  }
}

function setStatus(kind, text) {
  $("#status").dataset.state = kind;
  $("#status-text").textContent = text;
}

// --------------------------------------------------------------------- boot

async function main() {
  const infoPromise = loadSandboxInfo();
  const wasm = init().then(
    () => null,
    (err) => err,
  );
  const info = await infoPromise;
  state.info = info;

  $("#conn-baseUrl").value = `${location.origin}/api`;
  $("#conn-vendorUid").value = info?.vendor_uid ?? "sandbox-vendor";
  $("#conn-token").value = info?.token ?? "sandbox-token";
  const ids = info?.from_phone_number_ids ?? ["100000000000001", "100000000000002"];
  $("#conn-fromPhoneNumberId").value = ids[0] ?? "";
  $("#from-number-ids").replaceChildren(...ids.map((id) => h("option", { value: id })));
  if (info) {
    $("#server-kind").hidden = false;
    $("#server-kind").textContent = "local sandbox";
    $("#server-kind").className = "tag tag--ok";
    $("#sandbox-tools").hidden = false;
  }

  // On a phone the settings are folded: the request matters first.
  const phone = window.matchMedia("(max-width: 620px)");
  const fold = () => {
    if (!state.connError) $("#connection-card").open = !phone.matches;
  };
  fold();
  phone.addEventListener("change", fold);

  buildTabs();
  const panels = $("#panels");
  for (const spec of FORMS) {
    const model = buildForm(spec);
    state.models[spec.kind] = model;
    panels.append(model.panel);
  }

  $("#connection-form").addEventListener("input", connectionChanged);
  $("#connection-form").addEventListener("submit", (event) => event.preventDefault());
  $("#conn-token-toggle").addEventListener("click", (event) => {
    const input = $("#conn-token");
    const show = input.type === "password";
    input.type = show ? "text" : "password";
    event.currentTarget.setAttribute("aria-pressed", String(show));
    event.currentTarget.textContent = show ? "Hide" : "Show";
  });
  $("#copy-curl").addEventListener("click", copyCurl);
  $("#fault-queue").addEventListener("click", queueFault);

  const failure = await wasm;
  if (failure) {
    setStatus("error", "The WebAssembly module did not load");
    $("#response").replaceChildren(
      h(
        "div",
        { class: "result result--error" },
        h("div", { class: "result__head" }, h("span", { class: "badge badge--error", text: "init" }), h("span", { class: "result__title", text: "The whatsjet module did not load" })),
        h("p", { class: "result__message", text: String(failure?.message ?? failure) }),
        h("p", { class: "help" }, "Build it with ", code("scripts/build.sh"), " and serve ", code("pkg/"), " at ", code("/pkg/"), "."),
      ),
    );
    connectionChanged();
    return;
  }
  state.ready = true;
  state.supportsRetries = detectRetrySupport();
  // The demo shows each failure as it happens; the field turns retries on.
  $("#conn-maxRetries").value = state.supportsRetries ? "0" : "";
  $("#conn-maxRetries-field").hidden = !state.supportsRetries;
  setStatus("ready", info ? `Ready · sandbox at ${location.host}` : "Ready");
  connectionChanged();
  document.documentElement.dataset.ready = "true";
}

main();
