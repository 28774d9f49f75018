// The sandbox's test controls, shown only when the page is served by the
// local sandbox: its settings, and a fault queued for the next API answer.

import { $ } from "./dom.js";

/** The sandbox's settings, or null when the server is not the sandbox. */
export async function loadSandboxInfo() {
  try {
    const response = await fetch("/__sandbox/info", { headers: { Accept: "application/json" }, cache: "no-store" });
    if (!response.ok) return null;
    const info = await response.json();
    return info && typeof info === "object" && typeof info.vendor_uid === "string" ? info : null;
  } catch {
    return null;
  }
}

export async function queueFault() {
  const status = $("#fault-status");
  const select = $("#fault-select");
  try {
    const response = await fetch("/__sandbox/faults", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ answer: select.value }),
    });
    status.textContent = response.ok
      ? `Queued: the next API request gets "${select.selectedOptions[0].textContent}".`
      : `The sandbox refused the fault (HTTP ${response.status}).`;
  } catch {
    status.textContent = "The sandbox could not be reached.";
  }
}
