// The package's hand-written entries (browser, validators, workerd, deno)
// each list the API's names again, so that bundlers keep their init: every
// one must list exactly what the built module exports (the validators
// entries: all but WhatsJetClient and the webhook readers, which the
// validators build leaves out), so a new export cannot be forgotten in one.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";

import { PKG_DIR, ROOT } from "./helpers.mjs";

// `Pages` is the class of `paginate`'s iterator: wasm-bindgen exports every
// class, but it is made only by `paginate`, so the entries leave it out.
const api = Object.keys(createRequire(import.meta.url)(join(PKG_DIR, "node", "whatsjet.js")))
  .filter((name) => name !== "Pages")
  .sort();
const SERVER_ONLY = ["WhatsJetClient", "parseWebhook", "webhookSecretMatches"];
const forms = api.filter((name) => !SERVER_ONLY.includes(name));

/** The names of an entry's `export const { … } = api;`. */
function listed(file) {
  const source = readFileSync(join(ROOT, "pkg-template", file), "utf8");
  const match = /export const \{([^}]*)\} = api;/.exec(source);
  assert.ok(match, `${file} has no export list`);
  return match[1]
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean)
    .sort();
}

test("the built module's API is what the entries are checked against", () => {
  assert.deepEqual(api, [
    "WhatsJetClient",
    "createSchemas",
    "isWhatsJetError",
    "normalizePhoneNumber",
    "parseWebhook",
    "schemas",
    "validate",
    "validateField",
    "webhookSecretMatches",
  ]);
});

for (const file of ["browser/index.js", "workerd/index.js", "deno/index.js"]) {
  test(`${file} exports the whole API`, () => assert.deepEqual(listed(file), api));
}

test("the validators build has the forms' API and none of the rest", async () => {
  // Importing the glue runs no wasm: it exports `init` and waits for it.
  const glue = await import(pathToFileURL(join(PKG_DIR, "validators", "whatsjet.js")).href);
  const names = Object.keys(glue).filter((name) => !["default", "initSync"].includes(name));
  assert.deepEqual(names.sort(), forms);
});

for (const file of ["validators/index.js", "workerd/validators.js", "deno/validators.js"]) {
  test(`${file} exports the API without WhatsJetClient and the webhook readers`, () => assert.deepEqual(listed(file), forms));
}

test("the minified web glue keeps the class names of its exports", async () => {
  const glue = await import(pathToFileURL(join(PKG_DIR, "web", "whatsjet.js")).href);
  assert.equal(glue.WhatsJetClient.name, "WhatsJetClient");
  assert.equal(glue.Pages.name, "Pages");
});
