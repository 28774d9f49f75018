// Editable name/value rows: template parameters and custom fields. A row set
// calls its `onChange` when rows come or go; the form revalidates then.

import { h } from "./dom.js";
import { PARAM_ADDERS, paramInfo } from "./fields.js";
import { state } from "./state.js";

/**
 * A set of rows: template parameters (`prefix` "") or custom fields
 * (`custom_fields.` / `contact.custom_fields.`).
 */
export function buildRowSet(model, { prefix, legend, help, noun, keyPlaceholder, valuePlaceholder, addButtons, empty, onChange }) {
  const list = h("div", { class: "rows__list" });
  const emptyNote = h("p", { class: "rows__empty", text: empty });
  const head = h(
    "div",
    { class: "rows__head", "aria-hidden": "true" },
    h("span", { text: "Name" }),
    h("span", { text: "Value" }),
  );
  const set = { model, prefix, noun, rows: [], list, head, emptyNote, keyPlaceholder, valuePlaceholder, onChange };
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

export function addRow(set, key = "", value = "", { focus = false } = {}) {
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
    set.onChange();
  });
  set.rows.push(row);
  set.list.append(el);
  labelRow(row);
  if (focus) (key ? valueInput : keyInput).focus();
  return row;
}

/** Labels, placeholder and help of a row follow its name. */
export function labelRow(row) {
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

export function paramAddButtons(set) {
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
        set.onChange();
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
        set.onChange();
      },
    }),
  ];
}

/** Custom fields at `prefix` (`custom_fields.` or `contact.custom_fields.`). */
export function buildCustomFields(model, prefix, { help, onChange }) {
  return buildRowSet(model, {
    prefix,
    legend: "Custom fields",
    help,
    noun: "custom field",
    keyPlaceholder: "BDay",
    valuePlaceholder: "2025-09-04",
    addButtons: customAddButtons,
    empty: "No custom fields.",
    onChange,
  });
}
