// The endpoint tabs, following the ARIA tabs pattern: arrows, Home and End
// move between them.

import { $, h } from "./dom.js";
import { FORMS } from "./fields.js";
import { renderPreview } from "./preview.js";
import { state } from "./state.js";

export function buildTabs() {
  const tablist = $("#tablist");
  for (const spec of FORMS) {
    const selected = spec.kind === state.active;
    tablist.append(
      h(
        "button",
        {
          type: "button",
          role: "tab",
          class: "tab",
          id: `tab-${spec.kind}`,
          "aria-controls": `panel-${spec.kind}`,
          "aria-selected": String(selected),
          tabindex: selected ? "0" : "-1",
          onclick: () => selectTab(spec.kind),
        },
        spec.tab,
      ),
    );
  }
  tablist.addEventListener("keydown", (event) => {
    const kinds = FORMS.map((f) => f.kind);
    const index = kinds.indexOf(state.active);
    const moves = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: kinds.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = kinds[(moves[event.key] + kinds.length) % kinds.length];
    selectTab(next);
    $(`#tab-${next}`).focus();
  });
}

function selectTab(kind) {
  state.active = kind;
  for (const spec of FORMS) {
    const selected = spec.kind === kind;
    const tab = $(`#tab-${spec.kind}`);
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
    state.models[spec.kind].panel.hidden = !selected;
  }
  renderPreview();
}
