// The template option through the built package: validate checks a request
// against WhatsApp's definition of its template, and sendTemplateMessage
// refuses an incomplete one before anything reaches the server. The rules
// themselves are pinned in tests/validation/template_aware.rs.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { FROM_IDS, assertWhatsJetError, failure, loadWhatsjet, makeClient, startSandbox } from "./helpers.mjs";

const template = {
  name: "order_update",
  language: "en",
  components: [
    { type: "HEADER", format: "IMAGE" },
    { type: "BODY", text: "Hi {{1}}, order {{2}} has shipped." },
    { type: "BUTTONS", buttons: [{ type: "URL", text: "Track", url: "https://x.example/{{1}}" }] },
  ],
};

const request = {
  phone_number: "919876543210",
  template_name: "order_update",
  template_language: "en",
  field_1: "Johan",
  field_3: "unused",
};

test("validate with a template reports what the server would require, and what it ignores", async () => {
  const { validate } = loadWhatsjet();
  assert.deepEqual(validate("sendTemplateMessage", request, { template }), {
    ok: false,
    issues: [
      { path: "header_image", code: "required", message: "header_image is required by the template's header." },
      { path: "field_2", code: "required", message: "field_2 is required by the template's body." },
      { path: "button_0", code: "required", message: "button_0 is required by the template's URL button." },
    ],
    warnings: [
      { path: "field_3", code: "ignored_field", message: "field_3 is not used by the template order_update: the server ignores it." },
    ],
  });
  const bad = { ...template, components: [{ type: "BODY" }, {}] };
  assertWhatsJetError(await failure(() => validate("sendTemplateMessage", request, { template: bad })), {
    code: "config",
    issues: [{ path: "template.components.1.type", code: "invalid_type", message: "template.components.1.type must be a string, as in WhatsApp's template format." }],
  });
});

let sandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox?.stop());

test("sendTemplateMessage with a template refuses an incomplete request before sending it", async () => {
  await sandbox.reset();
  const client = makeClient(sandbox.baseUrl, { fromPhoneNumberId: FROM_IDS[0] });
  const err = await failure(() => client.sendTemplateMessage(request, { template }));
  assertWhatsJetError(err, { code: "validation" });
  assert.deepEqual(
    err.issues.map((i) => i.path),
    ["header_image", "field_2", "button_0"],
  );
  assert.deepEqual(await sandbox.requests(), []);
});
