// The package's browser entries (pkg/browser/index.js: the `default` export
// condition, and pkg/validators/index.js: "whatsjet/validators", both loaded
// with top-level await) in headless Chromium: on a page and in a module
// worker, against the local sandbox.
//
//   scripts/build.sh && cargo build -p whatsjet-sandbox && node --test tests/browser/

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let sandbox;
let url;
let browser;
let page;
const pageErrors = [];

function startSandbox() {
  const child = spawn(
    path.resolve(ROOT, process.env.CARGO_TARGET_DIR || "target", "debug", "whatsjet-sandbox"),
    ["--port", "0", "--rate-limit", "0", "--quiet", "--static-dir", "tests/browser/fixtures", "--pkg-dir", "pkg"],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.on("exit", (code) => reject(new Error(`the sandbox exited with ${code}`)));
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = /^WHATSJET_SANDBOX_URL=(\S+)$/m.exec(out);
      if (match) {
        child.removeAllListeners("exit");
        child.stdout.resume();
        resolve({ child, url: match[1] });
      }
    });
  });
}

before(async () => {
  ({ child: sandbox, url } = await startSandbox());
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  page = await browser.newPage();
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(`${url}/`);
});

after(async () => {
  await browser?.close();
  sandbox?.kill();
});

test("the browser entry loads itself and sends through fetch", async () => {
  const result = await page.evaluate(async (base) => {
    const whatsjet = await import("/pkg/browser/index.js");
    const client = new whatsjet.WhatsJetClient({ baseUrl: `${base}/api`, vendorUid: "sandbox-vendor", token: "sandbox-token" });
    const reply = await client.sendMessage({ phone_number: "+91 98765-43210", message_body: "from the browser entry" });
    let error;
    try {
      await client.sendMessage({ phone_number: "0123", message_body: "x" });
    } catch (e) {
      error = { name: e.name, code: e.code, isError: e instanceof Error, path: e.issues[0].path };
    }
    return {
      exports: Object.keys(whatsjet).sort(),
      phone: whatsjet.normalizePhoneNumber("0091 98765 43210"),
      result: reply.result,
      sentTo: reply.data.phone_number,
      error,
      schema: whatsjet.schemas.sendMessage["~standard"].validate({ phone_number: "0123", contact: { email: "x@" } }).issues.map((i) => i.path),
      preview: client.preview("sendMessage", { phone_number: "+91 98765-43210", message_body: "Hi" }).headers.Authorization,
    };
  }, url);
  assert.deepEqual(result, {
    exports: ["WhatsJetClient", "createSchemas", "isWhatsJetError", "normalizePhoneNumber", "parseWebhook", "schemas", "validate", "validateField", "webhookSecretMatches"],
    phone: "919876543210",
    result: "success",
    sentTo: "919876543210",
    error: { name: "WhatsJetError", code: "validation", isError: true, path: "phone_number" },
    schema: [["phone_number"], ["message_body"], ["contact", "email"]],
    preview: "Bearer ****",
  });
});

test("the browser entry works in a module worker", async () => {
  const message = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const worker = new Worker("/worker.js", { type: "module" });
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(event.message || "worker error"));
      }),
  );
  assert.deepEqual(message, { phone: "919876543210", ok: false });
});

test("the validators entry loads its own module and has no client", async () => {
  const result = await page.evaluate(async () => {
    const validators = await import("/pkg/validators/index.js");
    let error;
    try {
      validators.normalizePhoneNumber("0123");
    } catch (e) {
      error = { name: e.name, code: e.code, path: e.issues[0].path, issue: e.issues[0].code };
    }
    const loaded = performance
      .getEntriesByType("resource")
      .map((r) => new URL(r.name).pathname)
      .filter((p) => p.endsWith(".wasm"));
    return {
      exports: Object.keys(validators).sort(),
      field: validators.validateField("sendMessage", "phone_number", "+91 98765-43210"),
      fieldBad: validators.validateField("createContact", "email", "no-at-sign").map((i) => `${i.path}:${i.code}`),
      valid: validators.validate("sendMessage", { phone_number: "+1 (415) 555-2671", message_body: "Hi" }).value,
      schema: validators.createSchemas({ defaultCountryCode: "91" }).sendMessage["~standard"].validate({ phone_number: "098765 43210", message_body: "Hi" }),
      error,
      validatorsWasm: loaded.includes("/pkg/validators/whatsjet_bg.wasm"),
    };
  });
  assert.deepEqual(result, {
    exports: ["createSchemas", "isWhatsJetError", "normalizePhoneNumber", "schemas", "validate", "validateField"],
    field: [],
    fieldBad: ["email:invalid_email"],
    valid: { phone_number: "14155552671", message_body: "Hi" },
    schema: { value: { phone_number: "919876543210", message_body: "Hi" } },
    error: { name: "WhatsJetError", code: "validation", path: "phone_number", issue: "invalid_phone" },
    validatorsWasm: true,
  });
});

test("no page errors", () => {
  assert.deepEqual(pageErrors, []);
});

test("a locale module loads on its own and the validators and the client speak it", async () => {
  const result = await page.evaluate(async (base) => {
    const { default: ptBR } = await import("/pkg/locales/pt-BR.js");
    const { default: es } = await import("/pkg/locales/es.js");
    const validators = await import("/pkg/validators/index.js");
    const whatsjet = await import("/pkg/browser/index.js");
    const [issue] = validators.validateField("sendMessage", "contact.email", "johan@example", { locale: ptBR });
    const client = new whatsjet.WhatsJetClient({ baseUrl: `${base}/api`, vendorUid: "sandbox-vendor", token: "sandbox-token", locale: es });
    let error;
    try {
      await client.sendMessage({ phone_number: "919876543210" });
    } catch (e) {
      error = { code: e.code, issues: e.issues };
    }
    return { locale: ptBR.locale, issue, error };
  }, url);
  assert.deepEqual(result, {
    locale: "pt-BR",
    issue: { path: "contact.email", code: "invalid_email", message: "contact.email deve ser um endereço de e-mail, como name@example.com." },
    error: { code: "validation", issues: [{ path: "message_body", code: "required", message: "message_body es obligatorio." }] },
  });
  assert.deepEqual(pageErrors, []);
});
