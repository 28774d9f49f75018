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

test("sendBulk with a template checks every row against it: an incomplete row fails alone", async () => {
  await sandbox.reset();
  const client = makeClient(sandbox.baseUrl, { fromPhoneNumberId: FROM_IDS[0] });
  const complete = {
    phone_number: "919876543211",
    template_name: "order_update",
    template_language: "en",
    header_image: "https://example.com/box.jpg",
    field_1: "Ada",
    field_2: "#1024",
    button_0: "1024",
  };
  const outcomes = await client.sendBulk("sendTemplateMessage", [request, complete], { template, ratePerMinute: 6000 });
  // The sandbox has order_update in en_US only: the complete row reaches it
  // and is refused there, the incomplete one never leaves.
  assert.deepEqual(
    outcomes.map((o) => [o.index, o.status, o.error.code]),
    [
      [0, "failed", "validation"],
      [1, "failed", "api"],
    ],
  );
  assert.match(outcomes[1].error.serverMessage, /^Template for the selected language not found/);
  assert.deepEqual(
    outcomes[0].error.issues.map((i) => i.path),
    ["header_image", "field_2", "button_0"],
  );
  // The first row never left; the second reached the server.
  const recorded = await sandbox.requests();
  assert.equal(recorded.length, 1);
  assert.equal(JSON.parse(recorded[0].body).phone_number, "919876543211");
});
