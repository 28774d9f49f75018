// One send: a client made from the connection settings for this call only,
// cancellable, its outcome recorded in the history.

import { WhatsJetClient } from "/pkg/web/whatsjet.js";
import { clientOptions } from "./connection.js";
import { refresh, updateButton } from "./forms.js";
import { record } from "./history.js";
import { requestUrl } from "./preview.js";
import { showPending } from "./response.js";

/** The fields of a WhatsJetError the page shows; anything else as `unexpected`. */
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

export async function send(model) {
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
    record(entry);
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
  record(entry);
}
