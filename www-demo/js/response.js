// The response card: a send in flight, then its answer or its typed error.

import { $, h, code, highlightJson } from "./dom.js";

/** What WhatsApp's common error codes mean for the sender. */
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

/** A title for each `code` of a WhatsJetError (every one of ERROR_CODES), and for a non-library error. */
export const ERROR_TITLES = {
  validation: "The client found issues: nothing was sent",
  config: "The connection settings are not valid",
  unauthorized: "The server refused the token or the vendor",
  rate_limited: "Too many requests",
  api: "The server refused the request",
  not_found: "Not found",
  http: "An HTTP answer without the API's JSON",
  timeout: "No answer in time",
  aborted: "The call was aborted",
  network: "The server could not be reached",
  invalid_response: "The answer is not the API's JSON",
  unexpected: "Unexpected error",
};

/** A short error box: code, title and message (the lookups' answers). */
export function errorBox(error, id) {
  return h(
    "div",
    { class: "result result--error result--brief", id, "data-code": error.code },
    h(
      "div",
      { class: "result__head" },
      h("span", { class: "badge badge--error", text: error.code }),
      h("span", { class: "result__title", text: ERROR_TITLES[error.code] ?? "Error" }),
    ),
    h("p", { class: "result__message", text: error.message }),
  );
}

export const clock = (date) =>
  date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

export function showPending(entry, abort, retries) {
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

export function showEntry(entry) {
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
