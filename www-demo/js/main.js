// The WhatsJet API playground: forms for the sends and contact changes,
// validated as the user types by the `whatsjet` WebAssembly module, a live
// preview of what would be sent, the answer or the typed error of each send,
// the status of a sent message and a contacts browser.
//
// No framework and no bundler: plain DOM in native modules. This one loads
// the module and the sandbox's settings, then builds the page.

import init from "/pkg/web/whatsjet.js";
import { applyOptionLimits, connectionChanged } from "./connection.js";
import { initContacts } from "./contacts.js";
import { $, h, code } from "./dom.js";
import { FORMS } from "./fields.js";
import { buildForm } from "./forms.js";
import { copyCurl } from "./preview.js";
import { loadSandboxInfo, queueFault } from "./sandbox-controls.js";
import { send } from "./send.js";
import { state } from "./state.js";
import { initStatus } from "./status.js";
import { buildTabs } from "./tabs.js";

function setStatus(kind, text) {
  $("#status").dataset.state = kind;
  $("#status-text").textContent = text;
}

async function main() {
  const infoPromise = loadSandboxInfo();
  const wasm = init().then(
    () => null,
    (err) => err,
  );
  const info = await infoPromise;
  state.info = info;

  applyOptionLimits();
  $("#conn-baseUrl").value = `${location.origin}/api`;
  $("#conn-vendorUid").value = info?.vendor_uid ?? "sandbox-vendor";
  $("#conn-token").value = info?.token ?? "sandbox-token";
  const ids = info?.from_phone_number_ids ?? ["100000000000001", "100000000000002"];
  $("#conn-fromPhoneNumberId").value = ids[0] ?? "";
  $("#from-number-ids").replaceChildren(...ids.map((id) => h("option", { value: id })));
  if (info) {
    $("#server-kind").hidden = false;
    $("#server-kind").textContent = "local sandbox";
    $("#server-kind").className = "tag tag--ok";
    $("#sandbox-tools").hidden = false;
  }

  // On a phone the settings are folded: the request matters first.
  const phone = window.matchMedia("(max-width: 620px)");
  const fold = () => {
    if (!state.connError) $("#connection-card").open = !phone.matches;
  };
  fold();
  phone.addEventListener("change", fold);

  buildTabs();
  const panels = $("#panels");
  for (const spec of FORMS) {
    const model = buildForm(spec, { onSend: send });
    state.models[spec.kind] = model;
    panels.append(model.panel);
  }

  $("#connection-form").addEventListener("input", connectionChanged);
  $("#connection-form").addEventListener("submit", (event) => event.preventDefault());
  $("#conn-token-toggle").addEventListener("click", (event) => {
    const input = $("#conn-token");
    const show = input.type === "password";
    input.type = show ? "text" : "password";
    event.currentTarget.setAttribute("aria-pressed", String(show));
    event.currentTarget.textContent = show ? "Hide" : "Show";
  });
  $("#copy-curl").addEventListener("click", copyCurl);
  $("#fault-queue").addEventListener("click", queueFault);
  initStatus();
  initContacts();

  const failure = await wasm;
  if (failure) {
    setStatus("error", "The WebAssembly module did not load");
    $("#response").replaceChildren(
      h(
        "div",
        { class: "result result--error" },
        h("div", { class: "result__head" }, h("span", { class: "badge badge--error", text: "init" }), h("span", { class: "result__title", text: "The whatsjet module did not load" })),
        h("p", { class: "result__message", text: String(failure?.message ?? failure) }),
        h("p", { class: "help" }, "Build it with ", code("scripts/build.sh"), " and serve ", code("pkg/"), " at ", code("/pkg/"), "."),
      ),
    );
    connectionChanged();
    return;
  }
  state.ready = true;
  // The demo shows each failure as it happens; the field turns retries on.
  $("#conn-maxRetries").value = "0";
  setStatus("ready", info ? `Ready · sandbox at ${location.host}` : "Ready");
  connectionChanged();
  document.documentElement.dataset.ready = "true";
}

main();
