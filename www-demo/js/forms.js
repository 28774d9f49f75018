// The request forms: their inputs, the payload they make, and validation as
// the user types, each issue shown under its field.

import { validate, validateField, normalizePhoneNumber } from "/pkg/web/whatsjet.js";
import { $, h, code, setDescribedBy, setInvalid, showLines, uniqueMessages } from "./dom.js";
import { CONTACT_SPECS } from "./fields.js";
import { buildComposer } from "./interactive.js";
import { renderPreview } from "./preview.js";
import { addRow, buildCustomFields, buildRowSet, labelRow, paramAddButtons } from "./rows.js";
import { state } from "./state.js";

/** The options of `validate` for a form: the connection's, and its template definition if it has one. */
function validateOptionsFor(kind) {
  const template = state.models[kind]?.template;
  return template ? { ...state.validateOptions, template } : state.validateOptions;
}

/** The issues of one field; none before the module is ready. */
function safeValidateField(kind, path, value) {
  if (!state.ready) return [];
  try {
    return validateField(kind, path, value, validateOptionsFor(kind));
  } catch (err) {
    return err?.issues ?? [{ path, code: "invalid_type", message: String(err?.message ?? err) }];
  }
}

/** A phone number as it would be sent, or null. */
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
      spec.none ? h("option", { value: "", text: spec.none }) : null,
      spec.options.map((o) => h("option", { value: o, text: o })),
    );
    input.value = spec.value ?? (spec.none ? "" : spec.options[0]);
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

/** What a control contributes to the payload; nothing while it is hidden. */
function readControl(control) {
  const { spec, input } = control;
  if (control.el.hidden) return { include: false, value: input.value };
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

// -------------------------------------------------------------------- forms

/** A form's model and its tab panel; submitting it calls `onSend(model)`. */
export function buildForm(spec, { onSend }) {
  const model = {
    kind: spec.kind,
    spec,
    controls: [],
    rowSets: [],
    touched: new Set(),
    sending: false,
    last: null,
  };
  const onChange = () => refresh(model);
  const form = h("form", { class: "req-form", novalidate: true, autocomplete: "off" });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onSend(model);
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
      onChange,
    });
    for (const [key, value] of spec.params) addRow(set, key, value);
    model.rowSets.push(set);
    model.params = set;
    form.append(set.el, buildTemplateDefinition());
  }

  if (spec.custom) {
    const set = buildCustomFields(model, "custom_fields.", {
      help: "Names the vendor has not defined are ignored by the server.",
      onChange,
    });
    for (const [key, value] of spec.custom) addRow(set, key, value);
    model.rowSets.push(set);
    form.append(set.el);
  }

  if (spec.contact) {
    const contactGrid = h("div", { class: "grid" });
    for (const field of CONTACT_SPECS) {
      const control = buildControl(model, field, "contact.");
      model.controls.push(control);
      contactGrid.append(control.el);
    }
    const set = buildCustomFields(model, "contact.custom_fields.", { onChange });
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

  if (spec.composer) {
    model.composer = buildComposer(model, spec.composer, onChange);
    form.append(model.composer.el);
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

/** The "template definition" box: WhatsApp Manager's JSON of the template, given to validation as its `template` option. */
function buildTemplateDefinition() {
  const id = "template-definition";
  const input = h("textarea", {
    id,
    rows: 5,
    class: "mono",
    spellcheck: "false",
    placeholder: '{ "name": "order_update", "language": "en_US", "components": [ … ] }',
  });
  const help = h("p", {
    class: "help",
    id: `${id}-help`,
    text: "Optional: the template's JSON as WhatsApp Manager shows it. Given, the request is checked against it: a row is added for each parameter it needs, and each problem shows at its field.",
  });
  const msg = h("p", { class: "msg", id: `${id}-msg`, hidden: true });
  setDescribedBy(input, [help.id]);
  const label = h("label", { for: id }, h("span", { class: "label-text", text: "Template definition" }), " ", h("code", { class: "key", text: "template" }));
  return h("div", { class: "field span-2 template-definition" }, label, input, help, msg);
}

/**
 * Reads the template definition box into `model.template`, and shows at the
 * box why it cannot be used: not JSON, or not a template (the library's
 * `config` issues).
 */
function readTemplateDefinition(model) {
  const input = model.form.querySelector("#template-definition");
  if (!input) return;
  const text = input.value.trim();
  let problems = [];
  model.template = null;
  if (text && state.ready) {
    let template;
    try {
      template = JSON.parse(text);
    } catch (err) {
      problems = [`The template definition is not JSON: ${err.message}`];
    }
    if (!problems.length) {
      try {
        validate(model.kind, {}, { template });
        model.template = template;
      } catch (err) {
        problems = uniqueMessages(err?.issues?.length ? err.issues : [{ message: String(err?.message ?? err) }]);
      }
    }
  }
  if (model.definitionText !== text) syncTemplateRows(model);
  model.definitionText = text;
  const msg = model.form.querySelector("#template-definition-msg");
  showLines(msg, problems);
  setInvalid(input, problems.length > 0);
  setDescribedBy(input, [problems.length && msg.id, "template-definition-help"]);
}

/**
 * A row for each parameter the template definition needs and the form
 * lacks, so that each shows its issue at its own field; rows added for an
 * earlier definition and still empty go. With a definition, every row is
 * checked at once, as if touched.
 */
function syncTemplateRows(model) {
  const set = model.params;
  for (const row of set.rows.filter((r) => r.fromTemplate && r.valueInput.value === "")) {
    row.el.remove();
    set.rows.splice(set.rows.indexOf(row), 1);
  }
  if (!model.template) return;
  const { payload } = collect(model);
  const plain = validate(model.kind, payload, state.validateOptions);
  const known = new Set([...(plain.issues ?? []).map((i) => i.path), ...model.controls.map((c) => c.path)]);
  const checked = validate(model.kind, payload, { ...state.validateOptions, template: model.template });
  for (const { path, code } of checked.issues ?? []) {
    if (code === "required" && !known.has(path)) addRow(set, path, "").fromTemplate = true;
  }
  for (const row of set.rows) model.touched.add(row.valueInput.id);
}

/** The payload of a form, its path number (update) and row problems. */
function collect(model) {
  const payload = {};
  let pathPhone = null;
  // Fields shown only for some values of another (a text header's text).
  for (const control of model.controls) {
    const showIf = control.spec.showIf;
    if (!showIf) continue;
    control.el.hidden = !Object.entries(showIf).every(([path, values]) =>
      values.includes(model.controls.find((c) => c.path === path)?.input.value),
    );
  }
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
      // A row the template definition added is its missing parameter until filled in.
      if (row.fromTemplate && value === "") continue;
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
      if (set.prefix === "contact.custom_fields.") {
        payload.contact ??= {};
        target = payload.contact.custom_fields ??= {};
      }
      target[key] = value;
    }
  }
  model.composer?.collect(payload);
  return { payload, pathPhone };
}

/** Validates a form, shows what is wrong where, and updates its button. */
export function refresh(model) {
  readTemplateDefinition(model);
  const { payload, pathPhone } = collect(model);
  let result = { ok: false, issues: [], warnings: [] };
  if (state.ready) {
    try {
      result = validate(model.kind, payload, validateOptionsFor(model.kind));
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
    for (const w of myWarnings) shownWarnings.add(w);
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
        const missing = row.fromTemplate && row.valueInput.value === "";
        own = [...(missing ? [] : safeValidateField(model.kind, path, row.valueInput.value)), ...issues.filter((i) => i.path === path)];
      }
      const messages = uniqueMessages(own);
      showLines(row.msg, messages);
      const nameProblem = own.some((i) => i.code === "unknown_field") || (!key && row.local.length > 0);
      setInvalid(row.keyInput, messages.length > 0 && nameProblem);
      setInvalid(row.valueInput, messages.length > 0 && !nameProblem);
      const myWarnings = key ? warnings.filter((w) => w.path === path) : [];
      for (const w of myWarnings) shownWarnings.add(w);
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

  model.composer?.show({ issues, fieldIssues: (path, value) => safeValidateField(model.kind, path, value) });

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

export function updateButton(model) {
  const blocked = !model.last?.ok || state.connError != null || model.sending;
  model.button.disabled = blocked;
  model.button.classList.toggle("btn--busy", model.sending);
  model.button.setAttribute("aria-busy", String(model.sending));
  $(".btn__label", model.button).textContent = model.sending ? "Sending…" : model.spec.action;
}
