// The built package's five requests against the sandbox: what goes on the
// wire (method, path, headers, exact JSON body, exactly once) and what the
// returned promise resolves to.

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";

import { FROM_IDS, TOKEN, VENDOR, makeClient, startSandbox } from "./helpers.mjs";

let sandbox;

before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox?.stop());
beforeEach(() => sandbox.reset());

const client = (options) => makeClient(sandbox.baseUrl, options);

/** The one API request recorded after `since`; fails if there is not exactly one. */
async function onlyRequest(since = 0) {
  const recorded = await sandbox.requests(since);
  assert.equal(recorded.length, 1, `expected exactly one request, got ${recorded.map((r) => r.path).join(", ")}`);
  return recorded[0];
}

/** Method, path, query and headers of a request the client sent. */
function assertWire(request, path) {
  assert.equal(request.method, "POST");
  assert.equal(request.path, path);
  assert.equal(request.query, "", "nothing in the query string (never ?token=)");
  assert.equal(request.headers.authorization, `Bearer ${TOKEN}`);
  assert.equal(request.headers["content-type"], "application/json");
  assert.equal(request.headers.accept, "application/json");
  // The body is the JSON the sandbox parsed, nothing else.
  assert.deepEqual(JSON.parse(request.body), request.json);
}

const SEND = `/api/${VENDOR}/contact/send-message`;
const MEDIA = `/api/${VENDOR}/contact/send-media-message`;
const TEMPLATE = `/api/${VENDOR}/contact/send-template-message`;
const CREATE = `/api/${VENDOR}/contact/create`;
const UPDATE = `/api/${VENDOR}/contact/update/`;

/** The envelope of a send, checked against the message the sandbox logged. */
async function assertSendReply(reply, { message, phoneNumber, from }) {
  const logs = await sandbox.messages();
  assert.equal(logs.length, 1);
  const [log] = logs;
  assert.equal(log.from_phone_number_id, from);
  assert.equal(Object.getPrototypeOf(reply), Object.prototype);
  assert.equal(Object.getPrototypeOf(reply.data), Object.prototype);
  assert.deepEqual(reply, {
    result: "success",
    message,
    data: {
      log_uid: log.log_uid,
      contact_uid: log.contact_uid,
      phone_number: phoneNumber,
      wamid: log.wamid,
      status: "accepted",
    },
  });
  assert.match(reply.data.wamid, /^wamid\./);
}

test("sendMessage: normalised number, contact details, groups joined, the client's fromPhoneNumberId", async () => {
  const reply = await client({ fromPhoneNumberId: FROM_IDS[1] }).sendMessage({
    phone_number: "+91 98765-43210",
    message_body: "Hello Johan",
    contact: {
      first_name: "Johan",
      last_name: "Doe",
      email: "johan@example.com",
      country: "India",
      language_code: "en",
      groups: ["customers", " vip "],
      custom_fields: { BDay: "1990-12-10", Score: 7 },
    },
  });
  const request = await onlyRequest();
  assertWire(request, SEND);
  assert.deepEqual(request.json, {
    from_phone_number_id: FROM_IDS[1],
    phone_number: "919876543210",
    message_body: "Hello Johan",
    contact: {
      first_name: "Johan",
      last_name: "Doe",
      email: "johan@example.com",
      country: "India",
      language_code: "en",
      groups: "customers,vip",
      custom_fields: { BDay: "1990-12-10", Score: "7" },
    },
  });
  await assertSendReply(reply, { message: "Message processed", phoneNumber: "919876543210", from: FROM_IDS[1] });
});

test("sendMessage: the request's own from_phone_number_id wins over the client's", async () => {
  await client({ fromPhoneNumberId: FROM_IDS[1] }).sendMessage({
    from_phone_number_id: FROM_IDS[0],
    phone_number: "919876543210",
    message_body: "Hi",
  });
  const request = await onlyRequest();
  assertWire(request, SEND);
  assert.deepEqual(request.json, { from_phone_number_id: FROM_IDS[0], phone_number: "919876543210", message_body: "Hi" });
});

test("sendMessage: a null from_phone_number_id falls back to the client's", async () => {
  await client({ fromPhoneNumberId: FROM_IDS[1] }).sendMessage({
    from_phone_number_id: null,
    phone_number: "919876543210",
    message_body: "Hi",
  });
  const request = await onlyRequest();
  assert.deepEqual(request.json, { from_phone_number_id: FROM_IDS[1], phone_number: "919876543210", message_body: "Hi" });
});

test("sendMessage: without any fromPhoneNumberId the key is absent, never null", async () => {
  const reply = await client().sendMessage({ from_phone_number_id: null, phone_number: "919876543210", message_body: "Hi" });
  const request = await onlyRequest();
  assertWire(request, SEND);
  assert.deepEqual(request.json, { phone_number: "919876543210", message_body: "Hi" });
  assert.ok(!("from_phone_number_id" in request.json));
  assert.ok(!request.body.includes("from_phone_number_id"));
  assert.ok(!request.body.includes("null"));
  // The server then sends from the vendor's default number.
  await assertSendReply(reply, { message: "Message processed", phoneNumber: "919876543210", from: FROM_IDS[0] });
});

test("sendMediaMessage: a document with caption and file name", async () => {
  const reply = await client({ fromPhoneNumberId: FROM_IDS[0] }).sendMediaMessage({
    phone_number: "0091 (98765) 43210",
    media_type: "document",
    media_url: "https://example.com/invoice-1024.pdf",
    caption: "Your invoice",
    file_name: "invoice-1024.pdf",
    contact: { first_name: "Johan", groups: "a , b" },
  });
  const request = await onlyRequest();
  assertWire(request, MEDIA);
  assert.deepEqual(request.json, {
    from_phone_number_id: FROM_IDS[0],
    phone_number: "919876543210",
    media_type: "document",
    media_url: "https://example.com/invoice-1024.pdf",
    caption: "Your invoice",
    file_name: "invoice-1024.pdf",
    contact: { first_name: "Johan", groups: "a,b" },
  });
  await assertSendReply(reply, { message: "Message processed", phoneNumber: "919876543210", from: FROM_IDS[0] });
});

test("sendTemplateMessage: a location header, latitude 22 sent as \"22.0\"", async () => {
  const reply = await client().sendTemplateMessage({
    phone_number: "+55 11 91234-5678",
    template_name: "store_location",
    template_language: "en",
    location_latitude: 22,
    location_longitude: -43.2,
    location_name: "Store",
    location_address: "{country}",
  });
  const request = await onlyRequest();
  assertWire(request, TEMPLATE);
  assert.deepEqual(request.json, {
    phone_number: "5511912345678",
    template_name: "store_location",
    template_language: "en",
    location_latitude: "22.0",
    location_longitude: "-43.2",
    location_name: "Store",
    location_address: "{country}",
  });
  // The server's template success message is the swapped one: never branch on it.
  await assertSendReply(reply, {
    message: "Message held for quality assessment, it may sent or dropped at this point.",
    phoneNumber: "5511912345678",
    from: FROM_IDS[0],
  });
});

test("sendTemplateMessage: body parameters, numbers sent as strings", async () => {
  await client({ fromPhoneNumberId: FROM_IDS[1] }).sendTemplateMessage({
    phone_number: "919876543210",
    template_name: "order_update",
    template_language: "en_US",
    field_1: "{first_name}",
    field_2: 1024,
  });
  const request = await onlyRequest();
  assertWire(request, TEMPLATE);
  assert.deepEqual(request.json, {
    from_phone_number_id: FROM_IDS[1],
    phone_number: "919876543210",
    template_name: "order_update",
    template_language: "en_US",
    field_1: "{first_name}",
    field_2: "1024",
  });
});

test("createContact: normalised number, groups array joined, custom fields; resolves to the created contact", async () => {
  // fromPhoneNumberId belongs to the sends only.
  const reply = await client({ fromPhoneNumberId: FROM_IDS[1] }).createContact({
    phone_number: "+44 20 7946 0958",
    first_name: "Ada",
    email: "ada@example.com",
    country: "United Kingdom",
    language_code: "en",
    groups: ["a", "b"],
    custom_fields: { BDay: "1990-12-10" },
  });
  const request = await onlyRequest();
  assertWire(request, CREATE);
  assert.deepEqual(request.json, {
    phone_number: "442079460958",
    first_name: "Ada",
    email: "ada@example.com",
    country: "United Kingdom",
    language_code: "en",
    groups: "a,b",
    custom_fields: { BDay: "1990-12-10" },
  });
  const contacts = await sandbox.contacts();
  assert.equal(contacts.length, 1);
  const stored = contacts[0].contact;
  assert.deepEqual(stored.groups, ["a", "b"]);
  assert.deepEqual(reply, {
    result: "success",
    message: "Contact created",
    data: {
      contact_uid: stored.contact_uid,
      first_name: "Ada",
      last_name: null,
      phone_number: "442079460958",
      language_code: "en",
      country: "United Kingdom",
    },
  });
  assert.equal(Object.getPrototypeOf(reply.data), Object.prototype);
});

test("updateContact: the normalised number in the path, only the given fields in the body", async () => {
  const c = client();
  const created = await c.createContact({ phone_number: "442079460958", first_name: "Ada" });
  const [{ seq }] = await sandbox.requests();
  const reply = await c.updateContact("+44 20 7946 0958", {
    language_code: "en",
    whatsapp_opt_out: false,
    enable_ai_bot: true,
    groups: ["newsletter"],
  });
  const request = await onlyRequest(seq);
  assertWire(request, `${UPDATE}442079460958`);
  assert.deepEqual(request.json, {
    language_code: "en",
    whatsapp_opt_out: false,
    enable_ai_bot: true,
    groups: "newsletter",
  });
  assert.deepEqual(reply, {
    result: "success",
    message: "Contact details updated.",
    data: { contact_uid: created.data.contact_uid },
  });
  const [{ contact }] = await sandbox.contacts();
  assert.equal(contact.language_code, "en");
  assert.equal(contact.enable_ai_bot, true);
  assert.deepEqual(contact.groups, ["newsletter"]);
});

test("updateContact: defaultCountryCode applies to the number in the path", async () => {
  const c = client({ defaultCountryCode: "44" });
  await c.createContact({ phone_number: "020 7946 0958" });
  const [{ seq, json }] = await sandbox.requests();
  assert.deepEqual(json, { phone_number: "442079460958" });
  await c.updateContact("020 7946 0958", { first_name: "Ada", groups: "" });
  const request = await onlyRequest(seq);
  assertWire(request, `${UPDATE}442079460958`);
  assert.deepEqual(request.json, { first_name: "Ada", groups: "" });
});

test("the number WhatsApp resolved comes back in the envelope, the one sent stays as written", async () => {
  const reply = await client().sendMessage({ phone_number: "55 11 1234 5678", message_body: "Oi" });
  const request = await onlyRequest();
  assert.equal(request.json.phone_number, "551112345678");
  assert.equal(reply.data.phone_number, "5511912345678");
});

test("arguments are read when the method is called, not later", async () => {
  const request = { phone_number: "919876543210", message_body: "original", contact: { first_name: "Johan" } };
  const pending = client().sendMessage(request);
  request.message_body = "changed";
  request.contact.first_name = "Changed";
  request.phone_number = "not a number";
  await pending;
  const recorded = await onlyRequest();
  assert.deepEqual(recorded.json, { phone_number: "919876543210", message_body: "original", contact: { first_name: "Johan" } });
});

test("call options (signal, timeoutMs) do not change the request", async () => {
  const controller = new AbortController();
  const reply = await client().sendMessage(
    { phone_number: "919876543210", message_body: "Hi" },
    { signal: controller.signal, timeoutMs: 5000 },
  );
  assert.equal(reply.result, "success");
  const request = await onlyRequest();
  assertWire(request, SEND);
  assert.deepEqual(request.json, { phone_number: "919876543210", message_body: "Hi" });
});

test("concurrent calls each reach the server exactly once", async () => {
  const c = client();
  const bodies = Array.from({ length: 8 }, (_, i) => `message ${i}`);
  const replies = await Promise.all(bodies.map((b) => c.sendMessage({ phone_number: "919876543210", message_body: b })));
  assert.equal(new Set(replies.map((r) => r.data.log_uid)).size, bodies.length);
  const recorded = await sandbox.requests();
  assert.deepEqual(recorded.map((r) => r.json.message_body).sort(), [...bodies].sort());
  for (const r of recorded) assertWire(r, SEND);
});

test("client.validate uses the client's defaults and sends nothing", async () => {
  const c = client({ fromPhoneNumberId: FROM_IDS[1], defaultCountryCode: "91" });
  const result = c.validate("sendMessage", { phone_number: "098765 43210", message_body: "Hi" });
  assert.deepEqual(result, {
    ok: true,
    value: { from_phone_number_id: FROM_IDS[1], phone_number: "919876543210", message_body: "Hi" },
    warnings: [],
  });
  // Not for contacts: from_phone_number_id is a field of the sends only.
  assert.deepEqual(c.validate("createContact", { phone_number: "098765 43210" }), {
    ok: true,
    value: { phone_number: "919876543210" },
    warnings: [],
  });
  assert.deepEqual(await sandbox.requests(), []);
});

test("toJSON and toString describe the client without the token", () => {
  const c = client({
    fromPhoneNumberId: FROM_IDS[0],
    defaultCountryCode: "+91",
    timeoutMs: 1234,
    maxRetries: 1,
    maxRetryDelayMs: 5000,
    retryUnknownDelivery: true,
  });
  assert.deepEqual(c.toJSON(), {
    baseUrl: sandbox.baseUrl,
    vendorUid: VENDOR,
    fromPhoneNumberId: FROM_IDS[0],
    defaultCountryCode: "91",
    timeoutMs: 1234,
    maxRetries: 1,
    maxRetryDelayMs: 5000,
    retryUnknownDelivery: true,
  });
  // The defaults, as the client reports them.
  const defaults = client().toJSON();
  assert.equal(defaults.timeoutMs, 30000);
  assert.equal(defaults.maxRetries, 2);
  assert.equal(defaults.maxRetryDelayMs, 60000);
  assert.equal(defaults.retryUnknownDelivery, false);
  assert.equal(String(c), `WhatsJetClient(${sandbox.baseUrl}, vendor ${VENDOR})`);
  assert.equal(`${c}`, String(c));
});
