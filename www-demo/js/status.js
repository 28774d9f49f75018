// Message status: the last sent message followed through accepted → sent →
// delivered → read by getMessageStatus, and a lookup of any message by its
// log_uid or wamid.

import { validateField } from "/pkg/web/whatsjet.js";
import { withClient } from "./call.js";
import { $, h, code, setDescribedBy, setInvalid, showLines, uniqueMessages } from "./dom.js";
import { clock, errorBox } from "./response.js";
import { state } from "./state.js";

/** The way a message goes; `failed` may end it at any step. */
const STEPS = ["accepted", "sent", "delivered", "read"];
const FINAL = new Set(["read", "failed"]);
// The sandbox moves a message on every 2 s; a real one takes seconds to
// minutes, and the refresh button is there after the page stops.
const POLL_MS = 2000;
const POLL_FOR_MS = 60000;

/** The followed message: `{ log_uid, wamid, status, updated_at, error, started, timer, note }`, or null. */
let followed = null;

const when = (text) => {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : clock(date);
};

function renderFollowed() {
  const f = followed;
  const reached = STEPS.indexOf(f.status);
  const parts = [
    h(
      "dl",
      { class: "facts" },
      h("dt", { text: "Log uid" }),
      h("dd", {}, h("code", { class: "wrap", id: "tracker-log-uid", text: f.log_uid })),
      h("dt", { text: "Status" }),
      h(
        "dd",
        {},
        h("span", { class: `badge status-badge status-badge--${f.status}`, id: "tracker-status", text: f.status }),
        f.updated_at ? h("span", { class: "help", text: ` since ${when(f.updated_at)}` }) : null,
      ),
    ),
    h(
      "ol",
      { class: "steps", "aria-label": "Steps of the message" },
      STEPS.map((step, i) =>
        h("li", {
          class: `steps__step${i <= reached ? " steps__step--done" : ""}${f.status === "failed" ? " steps__step--failed" : ""}`,
          "aria-current": step === f.status ? "step" : null,
          text: step,
        }),
      ),
    ),
    f.error ? errorBox(f.error, "tracker-error") : null,
    h("p", { class: "help", id: "tracker-note", text: f.note }),
  ];
  $("#tracker").replaceChildren(...parts.filter(Boolean));
  $("#tracker-refresh").hidden = false;
}

function stopPolling() {
  if (followed) clearTimeout(followed.timer);
}

/** Polls again unless the status is final, the call failed or time is up. */
function schedule() {
  const f = followed;
  if (f.error) f.note = "Stopped refreshing after the error: refresh by hand.";
  else if (FINAL.has(f.status)) f.note = `${f.status[0].toUpperCase()}${f.status.slice(1)}: it will not change, so no more refreshing.`;
  else if (Date.now() - f.started >= POLL_FOR_MS) f.note = `Stopped refreshing after ${POLL_FOR_MS / 1000} s: refresh by hand.`;
  else {
    f.note = `Refreshing every ${POLL_MS / 1000} s until it is read or failed.`;
    f.timer = setTimeout(refreshFollowed, POLL_MS);
  }
  renderFollowed();
}

async function refreshFollowed() {
  stopPolling();
  const f = followed;
  const button = $("#tracker-refresh");
  button.disabled = true;
  const { reply, error } = await withClient((client) => client.getMessageStatus({ log_uid: f.log_uid }));
  button.disabled = false;
  // A newer send replaced the message meanwhile.
  if (followed !== f) return;
  f.error = error ?? null;
  if (reply) ({ status: f.status, updated_at: f.updated_at } = reply.data);
  schedule();
}

/** Follows a message just sent, from the status its send answered. */
export function track(data) {
  stopPolling();
  followed = { log_uid: data.log_uid, wamid: data.wamid, status: data.status, updated_at: null, error: null, started: Date.now() };
  schedule();
}

/** The refresh button restarts the time limit: a person is watching. */
function refreshByHand() {
  if (!followed) return;
  followed.started = Date.now();
  refreshFollowed();
}

// ------------------------------------------------------------------- lookup

function lookupIssues() {
  const by = $("#status-by").value;
  const value = $("#status-id").value;
  if (!state.ready || value.trim() === "") return [];
  try {
    return validateField("getMessageStatus", by, value.trim(), state.validateOptions);
  } catch (err) {
    return err?.issues ?? [];
  }
}

function showLookupIssues() {
  const input = $("#status-id");
  const messages = uniqueMessages(lookupIssues());
  showLines($("#status-id-msg"), messages);
  setInvalid(input, messages.length > 0);
  setDescribedBy(input, [messages.length && "status-id-msg", "status-id-help"]);
  return messages.length === 0;
}

async function lookUp(event) {
  event.preventDefault();
  if (!state.ready) return;
  if (!showLookupIssues()) return;
  const by = $("#status-by").value;
  const id = $("#status-id").value.trim();
  const out = $("#status-lookup-result");
  const button = $("#status-lookup-send");
  button.disabled = true;
  const { reply, error } = await withClient((client) => client.getMessageStatus({ [by]: id }));
  button.disabled = false;
  if (error) {
    out.replaceChildren(errorBox(error, "status-lookup-error"));
    return;
  }
  const { status, created_at, updated_at } = reply.data;
  out.replaceChildren(
    h(
      "p",
      { class: "lookup-result", "data-outcome": "success" },
      code(id),
      " is ",
      h("span", { class: `badge status-badge status-badge--${status}`, id: "status-lookup-status", text: status }),
      h("span", { class: "help", text: ` since ${when(updated_at)}; sent ${when(created_at)}` }),
    ),
  );
}

export function initStatus() {
  $("#tracker-refresh").addEventListener("click", refreshByHand);
  $("#status-lookup").addEventListener("submit", lookUp);
  $("#status-lookup").addEventListener("input", showLookupIssues);
}
