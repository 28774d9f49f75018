// The preview of the active form's request: URL, headers with the token
// masked, the body exactly as it would be sent, and its curl command.

import { $, h, highlightJson, uniqueMessages } from "./dom.js";
import { state } from "./state.js";

const MASK = "••••";

export function requestUrl(model) {
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

export function renderPreview() {
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
