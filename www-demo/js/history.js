// The history of this session's sends; a click shows an entry's answer again.

import { $, h } from "./dom.js";
import { clock, showEntry } from "./response.js";
import { state } from "./state.js";

const HISTORY_SIZE = 12;

/** Adds a finished send to the history and shows its outcome. */
export function record(entry) {
  state.history.unshift(entry);
  state.history.length = Math.min(state.history.length, HISTORY_SIZE);
  renderHistory();
  showEntry(entry);
}

function renderHistory() {
  const list = $("#history");
  list.replaceChildren(
    ...state.history.map((entry) => {
      const ok = Boolean(entry.reply);
      const outcome = ok ? "success" : entry.error.code;
      return h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            class: "history__item",
            "aria-label": `${clock(entry.at)} ${entry.endpoint}: ${outcome}. Show the answer.`,
            onclick: () => showEntry(entry),
          },
          h("time", { datetime: entry.at.toISOString(), text: clock(entry.at) }),
          h("span", { class: "history__endpoint mono", text: entry.endpoint }),
          h("span", {
            class: `badge badge--small ${ok ? "badge--ok" : entry.error.code === "rate_limited" ? "badge--warn" : "badge--error"}`,
            text: outcome,
          }),
          h("span", { class: "history__ms", text: entry.ms != null ? `${entry.ms} ms` : "" }),
        ),
      );
    }),
  );
  $("#history-empty").hidden = state.history.length > 0;
}
