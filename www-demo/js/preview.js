// The preview of the active form's request, from the library's own
// `client.preview`: URL, headers with the token masked, the body exactly as
// it would be sent, and its curl command. A draft shows the form's payload.

import { WhatsJetClient } from "/pkg/web/whatsjet.js";
import { clientOptions } from "./connection.js";
import { $, h, highlightJson, uniqueMessages } from "./dom.js";
import { state } from "./state.js";

/** The route's URL with placeholders for what is not known yet (drafts, the history). */
export function requestUrl(model) {
  const base = state.conn.baseUrl.trim().replace(/\/+$/, "");
  const vendor = state.conn.vendorUid.trim() || "{vendorUid}";
  let path = model.spec.endpoint;
  if (model.kind === "updateContact") path += model.last?.pathNumber ?? "{phoneNumber}";
  return `${base || "{baseUrl}"}/${vendor}/${path}`;
}

/**
 * The arguments of the form's method, as its send and its preview pass
 * them: `updateContact` takes the number of its path first; the options
 * carry the form's template definition, if one is given.
 */
export function callArguments(model, options = {}) {
  const { payload, pathPhone } = model.last;
  const withTemplate = model.template ? { ...options, template: model.template } : options;
  return model.kind === "updateContact" ? [pathPhone, payload, withTemplate] : [payload, withTemplate];
}

/** What `model`'s method would send, or null while it cannot be sent. */
function requestPreview(model) {
  if (!state.ready || !model.last.ok || state.connError) return null;
  let client;
  try {
    client = new WhatsJetClient(clientOptions());
    return client.preview(model.kind, ...callArguments(model));
  } catch {
    return null;
  } finally {
    client?.free();
  }
}

export function renderPreview() {
  const model = state.models[state.active];
  if (!model?.last) return;
  const { ok, value, payload, issues } = model.last;
  const preview = requestPreview(model);
  $("#preview-method").textContent = preview?.method ?? "POST";
  $("#preview-url").textContent = preview?.url ?? requestUrl(model);
  $("#preview-headers").textContent = preview
    ? Object.entries(preview.headers)
        .map(([name, text]) => `${name}: ${text}`)
        .join("\n")
    : "Shown once the request can be sent.";
  const body = $("#preview-body");
  const tag = $("#preview-state");
  body.replaceChildren(highlightJson(preview ? JSON.parse(preview.body) : ok ? value : payload));
  body.classList.toggle("code--draft", !preview);
  if (preview) {
    tag.textContent = "exactly as sent";
    tag.className = "tag tag--ok";
  } else if (ok) {
    tag.textContent = "valid · fix the connection";
    tag.className = "tag tag--warn";
  } else {
    const n = uniqueMessages(issues).length;
    tag.textContent = state.ready ? `draft · ${n} ${n === 1 ? "issue" : "issues"}` : "draft";
    tag.className = "tag tag--warn";
  }
  state.curl = preview ? preview.toCurl() : "";
  $("#preview-curl").textContent = preview
    ? state.curl
    : ok
      ? "Fix the connection settings to get the curl command."
      : "Fix the issues of the request to get its curl command.";
  $("#copy-curl").disabled = !preview;
}

export async function copyCurl() {
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
