// The interactive-message composer: the reply buttons, the link button or
// the list that `interactive_type` asks for, each input with the issues at
// its path, and a preview of the message as the recipient sees it. Its
// limits come from the core's table; the form around it (forms.js) owns
// the flat fields, validation and sending.

import { h, setDescribedBy, setInvalid, showLines, uniqueMessages } from "./dom.js";
import { FIELDS } from "./schema.generated.js";

const TABLE = FIELDS.sendInteractiveMessage;
const rule = (name, fields = TABLE) => fields.find((f) => f.name === name);
const BUTTONS = rule("buttons");
const CTA = rule("cta_url").fields;
const LIST = rule("list_data").fields;
const SECTION = rule("sections", LIST).item.fields;
const ROW = rule("rows", SECTION).item.fields;
/** Rows in all sections together, as WhatsApp counts them. */
const ROWS_MAX = rule("rows", SECTION).max;
const SECTIONS_MAX = rule("sections", LIST).max;
/** The server's kind when none is given. */
const INTERACTIVE_DEFAULT = rule("interactive_type").choices[0];

const KIND = "sendInteractiveMessage";
const idOf = (path) => `${KIND}--${path.replace(/[^a-z0-9_]/gi, "-")}`;

/**
 * The composer of a form: `collect(payload)` adds the part the kind needs,
 * `show(…)` puts each issue under its input (issues of a whole part, such
 * as too many rows, above the part) and redraws the preview.
 */
export function buildComposer(model, start, onChange) {
  const data = {
    buttons: [...(start.buttons ?? [])],
    cta: { display_text: "Track order", url: "https://example.com/orders/1024" },
    list: {
      button_text: "Choose a slot",
      sections: [
        {
          title: "Morning",
          rows: [
            { title: "9 to 11", description: "Delivery before noon" },
            { title: "11 to 13", description: "Delivery around noon" },
          ],
        },
      ],
    },
  };
  /** Every input of the editors: path, element and its message lines. */
  let inputs = [];
  const blocks = new Map();
  const editors = h("div", { class: "composer__editors" });
  const preview = h("div", { class: "bubble", id: "interactive-preview", "aria-live": "polite" });
  const composer = { data, kind: "button", el: null, collect, show };
  composer.el = h(
    "div",
    { class: "composer" },
    editors,
    h(
      "figure",
      { class: "bubble-wrap" },
      h("figcaption", { class: "sub", text: "How it looks" }),
      h("div", { class: "bubble-bg" }, preview),
    ),
  );

  /** A labelled text input at `path`, bound to `target[key]`. */
  function input(path, label, target, key, { max, type = "text", placeholder } = {}) {
    const id = idOf(path);
    const el = h("input", { id, type, spellcheck: "false", autocomplete: "off", placeholder });
    el.value = target[key] ?? "";
    el.addEventListener("input", () => {
      target[key] = el.value;
    });
    const msg = h("p", { class: "msg", id: `${id}-msg`, hidden: true });
    const help = max ? h("p", { class: "help", id: `${id}-help`, text: `At most ${max} characters.` }) : null;
    inputs.push({ path, el, msg, help });
    return h("div", { class: "field" }, h("label", { for: id, text: label }), el, help, msg);
  }

  function block(path) {
    const msg = h("p", { class: "msg", id: `${idOf(path)}-msg`, hidden: true });
    blocks.set(path, msg);
    return msg;
  }

  /** Redraws the editors after a button, section or row came or went. */
  function restructure(focusPath) {
    render();
    onChange();
    const target = focusPath && inputs.find((i) => i.path === focusPath);
    target?.el.focus();
  }

  const chip = (text, onclick, disabled = false) => h("button", { type: "button", class: "chip", text, onclick, disabled });
  const remove = (label, onclick) => h("button", { type: "button", class: "btn-icon", "aria-label": label, title: label, onclick }, "×");

  function buttonsEditor() {
    const label = BUTTONS.label.max;
    return h(
      "fieldset",
      { class: "rows composer__part" },
      h("legend", { text: "Reply buttons" }),
      h("p", { class: "help", text: `1 to ${BUTTONS.max} buttons, each a unique label of at most ${label} characters.` }),
      block("buttons"),
      data.buttons.map((_, i) =>
        h(
          "div",
          { class: "composer__item" },
          input(`buttons.${i}`, `Button ${i + 1}`, data.buttons, i, { max: label }),
          remove(`Remove button ${i + 1}`, () => {
            data.buttons.splice(i, 1);
            restructure(data.buttons.length ? `buttons.${Math.min(i, data.buttons.length - 1)}` : null);
          }),
        ),
      ),
      h(
        "div",
        { class: "rows__add" },
        chip(
          "+ Button",
          () => {
            data.buttons.push("");
            restructure(`buttons.${data.buttons.length - 1}`);
          },
          data.buttons.length >= BUTTONS.max,
        ),
      ),
    );
  }

  function ctaEditor() {
    const [text, url] = ["display_text", "url"].map((n) => rule(n, CTA));
    return h(
      "fieldset",
      { class: "rows composer__part" },
      h("legend", { text: "Link button" }),
      block("cta_url"),
      h(
        "div",
        { class: "grid" },
        input("cta_url.display_text", "Button label", data.cta, "display_text", { max: text.max }),
        input("cta_url.url", "Link", data.cta, "url", { type: url.rule, placeholder: "https://…" }),
      ),
    );
  }

  function listEditor() {
    const rows = data.list.sections.reduce((n, s) => n + s.rows.length, 0);
    const full = rows >= ROWS_MAX;
    return h(
      "fieldset",
      { class: "rows composer__part" },
      h("legend", { text: "List" }),
      h("p", { class: "help", text: `At most ${ROWS_MAX} rows in all sections together; each row's id is made from its place.` }),
      block("list_data"),
      input("list_data.button_text", "Button that opens the list", data.list, "button_text", { max: rule("button_text", LIST).max }),
      block("list_data.sections"),
      data.list.sections.map((section, s) =>
        h(
          "fieldset",
          { class: "composer__section" },
          h("legend", { text: `Section ${s + 1}` }),
          h(
            "div",
            { class: "composer__item" },
            input(`list_data.sections.${s}.title`, `Section ${s + 1} title`, section, "title", { max: rule("title", SECTION).max }),
            remove(`Remove section ${s + 1}`, () => {
              data.list.sections.splice(s, 1);
              restructure("list_data.button_text");
            }),
          ),
          block(`list_data.sections.${s}.rows`),
          section.rows.map((row, r) =>
            h(
              "div",
              { class: "composer__item composer__item--row" },
              input(`list_data.sections.${s}.rows.${r}.title`, `Row ${r + 1} title`, row, "title", { max: rule("title", ROW).max }),
              input(`list_data.sections.${s}.rows.${r}.description`, `Row ${r + 1} description`, row, "description", {
                max: rule("description", ROW).max,
              }),
              remove(`Remove row ${r + 1} of section ${s + 1}`, () => {
                section.rows.splice(r, 1);
                restructure(`list_data.sections.${s}.title`);
              }),
            ),
          ),
          h(
            "div",
            { class: "rows__add" },
            chip(
              "+ Row",
              () => {
                section.rows.push({ title: "", description: "" });
                restructure(`list_data.sections.${s}.rows.${section.rows.length - 1}.title`);
              },
              full,
            ),
          ),
        ),
      ),
      h(
        "div",
        { class: "rows__add" },
        chip(
          "+ Section",
          () => {
            data.list.sections.push({ title: "", rows: [{ title: "", description: "" }] });
            restructure(`list_data.sections.${data.list.sections.length - 1}.title`);
          },
          full || data.list.sections.length >= SECTIONS_MAX,
        ),
      ),
    );
  }

  function render() {
    inputs = [];
    blocks.clear();
    const editor = { button: buttonsEditor, cta_url: ctaEditor, list: listEditor }[composer.kind];
    editors.replaceChildren(editor ? editor() : h("p", { class: "help", text: "Choose a kind of message." }));
  }

  /** The ids the server needs for a list; the reply to a choice carries `row_id`. */
  function listData() {
    return {
      button_text: data.list.button_text,
      sections: data.list.sections.map((section, s) => ({
        id: `section-${s + 1}`,
        title: section.title,
        rows: section.rows.map((row, r) => ({
          id: `row-${s + 1}-${r + 1}`,
          row_id: `row-${s + 1}-${r + 1}`,
          title: row.title,
          description: row.description,
        })),
      })),
    };
  }

  function collect(payload) {
    const kind = payload.interactive_type ?? INTERACTIVE_DEFAULT;
    if (kind !== composer.kind) {
      composer.kind = kind;
      render();
    }
    if (kind === "button") payload.buttons = [...data.buttons];
    else if (kind === "cta_url") payload.cta_url = { ...data.cta };
    else if (kind === "list") payload.list_data = listData();
    composer.payload = payload;
  }

  function show({ issues, fieldIssues }) {
    for (const { path, el, msg, help } of inputs) {
      const own = model.touched.has(el.id) ? [...fieldIssues(path, el.value), ...issues.filter((i) => i.path === path)] : [];
      const messages = uniqueMessages(own);
      showLines(msg, messages);
      setInvalid(el, messages.length > 0);
      setDescribedBy(el, [messages.length && msg.id, help?.id]);
    }
    for (const [path, msg] of blocks) showLines(msg, uniqueMessages(issues.filter((i) => i.path === path)));
    renderBubble(preview, composer.payload ?? {});
  }

  render();
  return composer;
}

/** The message as WhatsApp shows it: header, body, footer, then its buttons. */
function renderBubble(el, p) {
  const header = (() => {
    if (p.header_type === "text" && p.header_text) return h("p", { class: "bubble__header", text: p.header_text });
    if (p.header_type && p.header_type !== "text") {
      return h("p", { class: "bubble__media" }, h("span", { class: "bubble__media-kind", text: p.header_type }), " ", p.media_link ?? "");
    }
    return null;
  })();
  const actions = [];
  if (p.buttons) {
    for (const label of p.buttons) actions.push(h("li", { class: "bubble__button", text: label }));
  } else if (p.cta_url) {
    actions.push(h("li", { class: "bubble__button bubble__button--link", text: p.cta_url.display_text }));
  } else if (p.list_data) {
    actions.push(h("li", { class: "bubble__button bubble__button--list", text: p.list_data.button_text }));
  }
  const sections = p.list_data
    ? h(
        "div",
        { class: "bubble__list", "aria-label": "The list it opens" },
        p.list_data.sections.map((s) =>
          h(
            "div",
            { class: "bubble__section" },
            h("p", { class: "bubble__section-title", text: s.title }),
            h(
              "ul",
              {},
              s.rows.map((r) => h("li", {}, h("span", { class: "bubble__row-title", text: r.title }), h("span", { class: "bubble__row-text", text: r.description }))),
            ),
          ),
        ),
      )
    : null;
  const parts = [
    h(
      "div",
      { class: "bubble__card" },
      header,
      h("p", { class: "bubble__body", text: p.body_text ?? "" }),
      p.footer_text ? h("p", { class: "bubble__footer", text: p.footer_text }) : null,
    ),
    actions.length ? h("ul", { class: "bubble__buttons" }, actions) : null,
    sections,
  ];
  el.replaceChildren(...parts.filter(Boolean));
}
