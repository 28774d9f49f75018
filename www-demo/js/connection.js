// The connection settings: the client's options as typed, checked by the
// library itself, each problem shown under the option it names.

import { WhatsJetClient, validate } from "/pkg/web/whatsjet.js";
import { $, setDescribedBy, setInvalid, showLines } from "./dom.js";
import { refresh } from "./forms.js";
import { renderPreview } from "./preview.js";
import { CLIENT_OPTIONS } from "./schema.generated.js";
import { state } from "./state.js";

const CONN_FIELDS = ["baseUrl", "vendorUid", "token", "fromPhoneNumberId", "defaultCountryCode", "maxRetries", "timeoutMs"];
const NUMBER_OPTIONS = ["maxRetries", "timeoutMs"];

/** The library's limits on the number inputs, and its default time limit as the hint. */
export function applyOptionLimits() {
  for (const name of NUMBER_OPTIONS) $(`#conn-${name}`).max = String(CLIENT_OPTIONS[name].max);
  const timeoutDefault = String(CLIENT_OPTIONS.timeoutMs.default);
  $("#conn-timeoutMs").placeholder = timeoutDefault;
  // Thousands apart by a no-break space, as the rest of the page writes them.
  $("#conn-timeoutMs-default").textContent = timeoutDefault.replace(/\B(?=(\d{3})+$)/g, "\u00a0");
}

/** The options of `new WhatsJetClient(…)` as typed. */
export function clientOptions() {
  const c = state.conn;
  const options = { baseUrl: c.baseUrl.trim(), vendorUid: c.vendorUid.trim(), token: c.token };
  for (const name of ["fromPhoneNumberId", "defaultCountryCode"]) {
    if (c[name].trim()) options[name] = c[name].trim();
  }
  for (const name of NUMBER_OPTIONS) {
    const text = c[name].trim();
    if (text) options[name] = /^\d+$/.test(text) ? Number(text) : text;
  }
  return options;
}

function optionIsValid(name, value) {
  try {
    validate("createContact", {}, { [name]: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * Each issue of a config error under the input of the option its path names;
 * what names no input (or an error without issues) goes to the general line.
 */
function placeIssues(err) {
  const issues = err?.issues?.length ? err.issues : [{ path: "", message: String(err?.message ?? err) }];
  const fields = new Map();
  const general = [];
  for (const { path, message } of issues) {
    if (CONN_FIELDS.includes(path)) fields.set(path, [...(fields.get(path) ?? []), message]);
    else general.push(message);
  }
  return { fields, general };
}

function readConnection() {
  for (const name of CONN_FIELDS) state.conn[name] = $(`#conn-${name}`).value;
  state.connError = null;
  const options = clientOptions();
  if (state.ready) {
    try {
      new WhatsJetClient(options).free();
    } catch (err) {
      state.connError = placeIssues(err);
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
    const messages = state.connError?.fields.get(name) ?? [];
    showLines(msg, messages);
    setInvalid(input, messages.length > 0);
    setDescribedBy(input, [messages.length > 0 && msg.id, help?.id]);
  }
  showLines($("#conn-msg"), state.connError?.general ?? []);
}

/** Rereads the connection and revalidates every form against it. */
export function connectionChanged() {
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
