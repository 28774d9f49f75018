// The contacts browser: listContacts a page at a time with a search term,
// and getContact by phone number or e-mail.

import { validateField } from "/pkg/web/whatsjet.js";
import { withClient } from "./call.js";
import { $, h, code, setDescribedBy, setInvalid, showLines, uniqueMessages } from "./dom.js";
import { errorBox } from "./response.js";
import { FIELDS } from "./schema.generated.js";
import { state } from "./state.js";

/** The page the table shows: its query and the server's paginator. */
const view = { page: 1, term: "", size: 10, paginator: null };

const nameOf = (c) => [c.first_name, c.last_name].filter(Boolean).join(" ");
const titles = (items) => (items ?? []).map((i) => i.title).join(", ");

/** Live issues of one input, by the library's rule for its field. */
function check(inputId, kind, path, value) {
  let issues = [];
  if (state.ready && value !== "") {
    try {
      issues = validateField(kind, path, value, state.validateOptions);
    } catch (err) {
      issues = err?.issues ?? [];
    }
  }
  const input = $(`#${inputId}`);
  const messages = uniqueMessages(issues);
  showLines($(`#${inputId}-msg`), messages);
  setInvalid(input, messages.length > 0);
  setDescribedBy(input, [messages.length && `${inputId}-msg`, $(`#${inputId}-help`) && `${inputId}-help`]);
  return messages.length === 0;
}

/** Page size as a number when it is one, so the rule sees what would be sent. */
const sizeValue = () => {
  const text = $("#contacts-size").value.trim();
  return /^\d+$/.test(text) ? Number(text) : text;
};

function checkSearch() {
  const term = check("contacts-term", "listContacts", "search_term", $("#contacts-term").value);
  const size = check("contacts-size", "listContacts", "page_size", sizeValue());
  return term && size;
}

function renderTable() {
  const p = view.paginator;
  const rows = p.data.map((c) =>
    h(
      "tr",
      {},
      h("td", {}, h("code", { text: c.wa_id })),
      h("td", { text: nameOf(c) }),
      h("td", { text: c.email ?? "" }),
      h("td", { text: titles(c.groups) }),
      h("td", { text: titles(c.labels) }),
    ),
  );
  $("#contacts-rows").replaceChildren(
    ...(rows.length ? rows : [h("tr", {}, h("td", { colspan: "5", class: "empty", text: "No contacts match." }))]),
  );
  $("#contacts-table").hidden = false;
  $("#contacts-summary").textContent =
    p.total === 0 ? "No contacts match." : `Contacts ${p.from}–${p.to} of ${p.total} · page ${p.current_page} of ${p.last_page}`;
  $("#contacts-prev").disabled = p.prev_page_url == null;
  $("#contacts-next").disabled = p.next_page_url == null;
  $("#contacts-pager").hidden = false;
}

async function load(page) {
  const query = { page };
  if (view.term) query.search_term = view.term;
  query.page_size = view.size;
  $("#contacts-summary").textContent = "Loading…";
  const { reply, error } = await withClient((client) => client.listContacts(query));
  $("#contacts-error").replaceChildren(...(error ? [errorBox(error, "contacts-error-box")] : []));
  if (error) {
    $("#contacts-summary").textContent = "";
    return;
  }
  view.page = page;
  view.paginator = reply.data.contactList;
  renderTable();
}

function search(event) {
  event.preventDefault();
  if (!state.ready) return;
  if (!checkSearch()) return;
  view.term = $("#contacts-term").value.trim();
  view.size = sizeValue() || Number($("#contacts-size").placeholder);
  load(1);
}

async function find(event) {
  event.preventDefault();
  if (!state.ready) return;
  const value = $("#contact-find").value.trim();
  if (!check("contact-find", "getContact", "phone_number_or_email", value)) return;
  const out = $("#contact-found");
  const { reply, error } = await withClient((client) => client.getContact(value));
  if (error) {
    out.replaceChildren(errorBox(error, "contact-find-error"));
    return;
  }
  const c = reply.data.contact;
  if (!c) {
    out.replaceChildren(h("p", { class: "lookup-result", "data-outcome": "none" }, "No contact with ", code(value), "."));
    return;
  }
  out.replaceChildren(
    h(
      "dl",
      { class: "facts", "data-outcome": "found" },
      [
        ["wa_id", "Phone (wa_id)", c.wa_id],
        ["name", "Name", nameOf(c)],
        ["email", "E-mail", c.email ?? "—"],
        ["groups", "Groups", titles(c.groups) || "—"],
        ["labels", "Labels", titles(c.labels) || "—"],
        ["_uid", "Uid", c._uid],
      ].map(([field, label, text]) => [h("dt", { text: label }), h("dd", { "data-field": field, text })]),
    ),
  );
}

export function initContacts() {
  const size = FIELDS.listContacts.find((f) => f.name === "page_size");
  $("#contacts-size").max = String(size.max);
  $("#contacts-size-help").textContent = `Contacts a page, 1 to ${size.max}.`;
  $("#contacts-search").addEventListener("submit", search);
  $("#contacts-search").addEventListener("input", checkSearch);
  $("#contacts-prev").addEventListener("click", () => load(view.page - 1));
  $("#contacts-next").addEventListener("click", () => load(view.page + 1));
  $("#contact-lookup").addEventListener("submit", find);
  $("#contact-lookup").addEventListener("input", () => check("contact-find", "getContact", "phone_number_or_email", $("#contact-find").value.trim()));
}
