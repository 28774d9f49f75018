// parseWebhook and webhookSecretMatches through the built package: each
// event kind as the sandbox posts it to a node:http receiver, and bodies that
// are not a webhook (wrong types, missing parts, huge, deeply nested), which
// give a `validation` error and never another exception.

import assert from "node:assert/strict";
import { once } from "node:events";
import { createServer } from "node:http";
import { after, before, test } from "node:test";

import { assertPlain, assertWhatsJetError, loadWhatsjet, makeClient, startSandbox, withDeadline } from "./helpers.mjs";

let whatsjet;
let sandbox;
let server;
/** Bodies as they arrive, and whoever waits for the next one. */
const arrived = [];
const waiting = [];

before(async () => {
  whatsjet = loadWhatsjet();
  sandbox = await startSandbox();
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      res.end();
      const item = { url: req.url, body };
      const next = waiting.shift();
      if (next) next(item);
      else arrived.push(item);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  await sandbox.config({ webhook_url: `http://127.0.0.1:${server.address().port}/hook?secret=k` });
});
after(async () => {
  server?.close();
  await sandbox?.stop();
});

/** The next body posted, parsed; fails after 5 s. */
function nextEvent() {
  const got = arrived.length ? Promise.resolve(arrived.shift()) : new Promise((resolve) => waiting.push(resolve));
  return withDeadline(got, 5000, "the next webhook").then(({ url, body }) => {
    assert.equal(url, "/hook?secret=k");
    const event = whatsjet.parseWebhook(body);
    assertPlain(event);
    return event;
  });
}

test("a status event for each step of a sent message, in order", async () => {
  await sandbox.control("POST", "clock", { paused: true });
  const sent = await makeClient(sandbox.baseUrl).sendMessage({ phone_number: "918000000001", message_body: "Hi" });
  await sandbox.control("POST", "clock", { advance_secs: 6 });
  const events = [await nextEvent(), await nextEvent(), await nextEvent()];
  assert.deepEqual(
    events.map((e) => [e.type, e.message.status, e.message.whatsapp_message_id]),
    ["sent", "delivered", "read"].map((status) => ["status", status, sent.data.wamid]),
  );
  assert.deepEqual(Object.keys(events[0]), ["type", "contact", "message", "whatsapp_webhook_payload"]);
  assert.equal(events[0].message.media, null);
  assert.equal(events[0].contact.phone_number, "918000000001");
  await sandbox.control("POST", "message-status", { wamid: sent.data.wamid, status: "failed" });
  assert.equal((await nextEvent()).message.status, "failed");
  await sandbox.control("POST", "clock", { paused: false });
});

test("an incoming text is a message event whose [] media is null", async () => {
  await sandbox.control("POST", "incoming", { phone_number: "918000000002", body: "Where is my order?" });
  const event = await nextEvent();
  assert.equal(event.type, "message");
  assert.equal(event.message.body, "Where is my order?");
  assert.equal(event.message.is_new_message, true);
  assert.equal(event.message.media, null);
  assert.equal(event.message.status, null);
  assert.equal(event.contact.first_name, "Ravi");
});

test("a button reply names the message whose button was pressed", async () => {
  const asked = await makeClient(sandbox.baseUrl).sendInteractiveMessage({
    phone_number: "918000000002",
    interactive_type: "button",
    body_text: "Did your order arrive?",
    buttons: ["Yes", "No"],
  });
  await sandbox.control("POST", "incoming", { phone_number: "918000000002", button: "No" });
  const event = await nextEvent();
  assert.deepEqual([event.type, event.message.body, event.message.replied_to_whatsapp_message_id], ["message", "No", asked.data.wamid]);
});

test("contacts created and updated are contact events with null message and payload", async () => {
  const client = makeClient(sandbox.baseUrl);
  await client.createContact({ phone_number: "919812345678", first_name: "Meera" });
  const created = await nextEvent();
  assert.deepEqual(
    [created.type, created.contact.status, created.contact.first_name, created.message, created.whatsapp_webhook_payload],
    ["contact", "new", "Meera", null, null],
  );
  await client.updateContact("919812345678", { last_name: "Iyer" });
  const updated = await nextEvent();
  assert.deepEqual([updated.type, updated.contact.status, updated.contact.last_name], ["contact", "updated", "Iyer"]);
});

test("the parsed object and its JSON text give the same event", () => {
  const body = {
    contact: { status: "new", phone_number: "919812345678", uid: "c-1" },
    message: [],
    whatsapp_webhook_payload: [],
  };
  const expected = { type: "contact", ...body, message: null, whatsapp_webhook_payload: null };
  assert.deepEqual(whatsjet.parseWebhook(body), expected);
  assert.deepEqual(whatsjet.parseWebhook(JSON.stringify(body)), expected);
});

/** The validation error parseWebhook throws, as [path, code] pairs. */
function issuesOf(body) {
  let error;
  try {
    whatsjet.parseWebhook(body);
  } catch (err) {
    error = err;
  }
  assertWhatsJetError(error, { code: "validation", attempts: 0, deliveryUnknown: false });
  return error.issues.map((i) => [i.path, i.code]);
}

test("wrong types and missing parts are issues at their paths", () => {
  const contact = { status: "existing", phone_number: "918000000001", uid: "c-1" };
  const message = { whatsapp_message_id: "wamid.1", is_new_message: false, status: "read", media: null };
  assert.deepEqual(issuesOf({ contact, message: { ...message, status: "seen" }, whatsapp_webhook_payload: [] }), [
    ["message.status", "invalid_choice"],
  ]);
  assert.deepEqual(issuesOf({ contact: { ...contact, phone_number: 918000000001 }, message: { ...message, is_new_message: "no" } }), [
    ["whatsapp_webhook_payload", "required"],
    ["contact.phone_number", "invalid_type"],
    ["message.is_new_message", "invalid_type"],
  ]);
  assert.deepEqual(issuesOf({ contact: { ...contact, uid: undefined }, message: [1], whatsapp_webhook_payload: "x" }), [
    ["message", "invalid_type"],
    ["whatsapp_webhook_payload", "invalid_type"],
    ["contact.uid", "required"],
  ]);
});

test("what is not a webhook body is one issue on the whole body", () => {
  const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
  let nested = {};
  for (let i = 0; i < 1000; i++) nested = { a: nested };
  const huge = JSON.stringify({ contact: {}, message: [], whatsapp_webhook_payload: { x: "a".repeat(5 * 1024 * 1024) } });
  const cyclic = {};
  cyclic.self = cyclic;
  for (const [body, code] of [
    ["not json", "invalid_format"],
    ["", "invalid_format"],
    [deep, "invalid_format"],
    [huge, "too_long"],
    [JSON.parse(huge), "too_long"],
    ["[]", "invalid_type"],
    [42, "invalid_type"],
    [null, "invalid_type"],
    [undefined, "invalid_type"],
    [nested, "invalid_type"],
    [cyclic, "invalid_type"],
    [() => 1, "invalid_type"],
  ]) {
    assert.deepEqual(issuesOf(body), [["", code]], String(body).slice(0, 40));
  }
  // The module still works afterwards.
  assert.equal(whatsjet.webhookSecretMatches("k", "k"), true);
});

test("webhookSecretMatches: equal strings only; an empty expected secret is a config error", () => {
  assert.equal(whatsjet.webhookSecretMatches("0123456789abcdef", "0123456789abcdef"), true);
  assert.equal(whatsjet.webhookSecretMatches("0123456789abcdeX", "0123456789abcdef"), false);
  assert.equal(whatsjet.webhookSecretMatches("0123456789abcde", "0123456789abcdef"), false);
  assert.equal(whatsjet.webhookSecretMatches(null, "0123456789abcdef"), false);
  assert.equal(whatsjet.webhookSecretMatches(undefined, "0123456789abcdef"), false);
  for (const [expected, code] of [
    ["", "required"],
    [undefined, "invalid_type"],
  ]) {
    let error;
    try {
      whatsjet.webhookSecretMatches("", expected);
    } catch (err) {
      error = err;
    }
    assertWhatsJetError(error, { code: "config" });
    assert.deepEqual(
      error.issues.map((i) => [i.path, i.code]),
      [["expected", code]],
    );
  }
});
