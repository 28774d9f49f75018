// One send: cancellable, its outcome recorded in the history; a sent
// message's status is followed from then on.

import { clientOptions } from "./connection.js";
import { withClient } from "./call.js";
import { refresh, updateButton } from "./forms.js";
import { record } from "./history.js";
import { callArguments, requestUrl } from "./preview.js";
import { showPending } from "./response.js";
import { track } from "./status.js";

export async function send(model) {
  refresh(model);
  if (model.button.disabled) return;
  const entry = {
    kind: model.kind,
    endpoint: model.spec.endpoint + (model.kind === "updateContact" ? model.last.pathNumber : ""),
    url: requestUrl(model),
    at: new Date(),
  };
  const abort = new AbortController();
  const args = callArguments(model, { signal: abort.signal });
  model.sending = true;
  updateButton(model);
  showPending(entry, abort, clientOptions().maxRetries ?? 0);
  const started = performance.now();
  const outcome = await withClient((client) => client[model.kind](...args));
  Object.assign(entry, outcome);
  entry.ms = Math.round(performance.now() - started);
  model.sending = false;
  updateButton(model);
  record(entry);
  if (entry.reply?.data?.log_uid) track(entry.reply.data);
}
