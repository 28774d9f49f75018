// Every error code of the built package end to end, with its exact fields
// (including how many requests were made and whether one may have been
// delivered), and the token kept out of every error and out of the client's
// own descriptions. Retries that end in success, their timing and memory
// under faults are in faults.test.mjs.

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import util from "node:util";

import { TOKEN, VENDOR, assertNoSecret, closedPort, loadWhatsjet, makeClient, sleep, startSandbox } from "./helpers.mjs";

let sandbox;
let whatsjet;

before(async () => {
  sandbox = await startSandbox();
  whatsjet = await loadWhatsjet();
});
after(() => sandbox?.stop());
beforeEach(() => sandbox.reset());

const MESSAGE = { phone_number: "919876543210", message_body: "Hello" };
const SEND = `/api/${VENDOR}/contact/send-message`;

const client = (extra) => makeClient(sandbox.baseUrl, extra);

/**
 * Checks that `err` is a WhatsJetError with exactly these fields: `message`,
 * and as own enumerable properties `name` plus every other key of `expected`
 * (no more), each with exactly this value. No rendering of it holds a secret.
 * Every error has `attempts` and `deliveryUnknown`; `retryable` is never true
 * when delivery is unknown. An expected `cause` may be a function that checks
 * `err.cause`.
 */
function assertWhatsJetError(err, expected, secrets = []) {
  assert.ok(err instanceof Error, `not an Error: ${util.inspect(err)}`);
  assert.equal(err.name, "WhatsJetError");
  const { message, ...fields } = expected;
  assert.equal(err.message, message);
  assert.deepEqual(Object.keys(err).sort(), ["name", ...Object.keys(fields)].sort());
  for (const [key, value] of Object.entries(fields)) {
    if (key === "cause" && typeof value === "function") value(err.cause);
    else assert.deepEqual(err[key], value, `err.${key}`);
  }
  assert.ok(!(err.retryable && err.deliveryUnknown), "retryable although delivery is unknown");
  if (err.issues !== undefined) {
    assert.ok(Array.isArray(err.issues));
    for (const issue of err.issues) assert.equal(Object.getPrototypeOf(issue), Object.prototype);
  }
  assertNoSecret(err, [TOKEN, ...secrets], "the error");
}

/** The rejection of a call; fails if the call throws synchronously or resolves. */
async function rejection(call) {
  const promise = call();
  assert.equal(typeof promise?.then, "function", "the method must return a promise");
  try {
    const value = await promise;
    assert.fail(`expected a rejection, got ${util.inspect(value)}`);
  } catch (err) {
    if (err instanceof assert.AssertionError) throw err;
    return err;
  }
}

/** The error a synchronous call throws. */
function thrown(call) {
  try {
    call();
  } catch (err) {
    return err;
  }
  assert.fail("expected a throw");
}

async function recordedPaths() {
  return (await sandbox.requests()).map((r) => r.path);
}

async function waitForRequests(count) {
  for (let i = 0; i < 200; i++) {
    if ((await sandbox.requests()).length >= count) return;
    await sleep(10);
  }
  assert.fail(`the sandbox did not receive ${count} request(s)`);
}

// ---- validation -----------------------------------------------------------

test("validation: every issue at once, nothing sent", async () => {
  const err = await rejection(() => client().sendMessage({ phone: "98765 43210", message_body: "" }));
  assertWhatsJetError(err, {
    message: "phone_number is required. (and 2 more issues)",
    code: "validation",
    retryable: false,
    attempts: 0,
    deliveryUnknown: false,
    issues: [
      { path: "phone_number", code: "required", message: "phone_number is required." },
      { path: "message_body", code: "required", message: "message_body must not be empty." },
      { path: "phone", code: "unknown_field", message: "phone is not a field of sendMessage; did you mean phone_number?" },
    ],
  });
  assert.deepEqual(await recordedPaths(), []);
});

test("validation: updateContact's number and fields are checked together", async () => {
  const err = await rejection(() => client().updateContact("0123", { first_name: 5, groups: "vip" }));
  assertWhatsJetError(err, {
    message: "phone_number starts with 0, a national prefix: write it with its country code (such as 919876543210) or set defaultCountryCode. (and 1 more issue)",
    code: "validation",
    retryable: false,
    attempts: 0,
    deliveryUnknown: false,
    issues: [
      {
        path: "phone_number",
        code: "invalid_phone",
        message: "phone_number starts with 0, a national prefix: write it with its country code (such as 919876543210) or set defaultCountryCode.",
      },
      { path: "first_name", code: "invalid_type", message: "first_name must be a string; got a number." },
    ],
  });
  assert.deepEqual(await recordedPaths(), []);
});

test("validation: updateContact's number must be a string", async () => {
  const err = await rejection(() => client().updateContact(919876543210, { first_name: "Ada", groups: "vip" }));
  assertWhatsJetError(err, {
    message: "phone_number (the first argument of updateContact) must be a string.",
    code: "validation",
    retryable: false,
    attempts: 0,
    deliveryUnknown: false,
    issues: [
      { path: "phone_number", code: "invalid_type", message: "phone_number (the first argument of updateContact) must be a string." },
    ],
  });
  assert.deepEqual(await recordedPaths(), []);
});

// A bad call option is the same `config` error as the same bad client option,
// at the option's name, and nothing is sent.
for (const [name, options, issue] of [
  [
    "timeoutMs 0",
    { timeoutMs: 0 },
    { path: "timeoutMs", code: "out_of_range", message: "timeoutMs must be a whole number of milliseconds from 1 to 600000." },
  ],
  [
    "a signal that is not an AbortSignal",
    { signal: "stop" },
    { path: "signal", code: "invalid_type", message: "signal must be an AbortSignal." },
  ],
  [
    "options that are not an object",
    "fast",
    { path: "", code: "invalid_type", message: "The call options must be an object such as { signal, timeoutMs }." },
  ],
  [
    "an array for options",
    [],
    { path: "", code: "invalid_type", message: "The call options must be an object such as { signal, timeoutMs }." },
  ],
  [
    "an unknown option",
    { timeout: 5000 },
    {
      path: "timeout",
      code: "unknown_field",
      message: "timeout is not a call option; the options are signal, timeoutMs, maxRetries, maxRetryDelayMs, retryUnknownDelivery, template.",
    },
  ],
  [
    "maxRetries 11",
    { maxRetries: 11 },
    { path: "maxRetries", code: "out_of_range", message: "maxRetries must be a whole number from 0 to 10." },
  ],
  [
    "a retryUnknownDelivery that is not a boolean",
    { retryUnknownDelivery: "yes" },
    { path: "retryUnknownDelivery", code: "invalid_type", message: "retryUnknownDelivery must be true or false." },
  ],
]) {
  test(`config: call options with ${name}`, async () => {
    const err = await rejection(() => client().sendMessage(MESSAGE, options));
    assertWhatsJetError(err, { message: issue.message, code: "config", retryable: false, attempts: 0, deliveryUnknown: false, issues: [issue] });
    assert.deepEqual(await recordedPaths(), []);
  });
}

test("config: timeoutMs 0 is the same error on the constructor and on a call", async () => {
  const onCall = await rejection(() => client().sendMessage(MESSAGE, { timeoutMs: 0 }));
  const onClient = thrown(() => client({ timeoutMs: 0 }));
  assert.equal(onClient.message, onCall.message);
  assert.deepEqual(onClient.issues, onCall.issues);
  assert.equal(onClient.code, "config");
});

// ---- config ---------------------------------------------------------------

const SECRET = "s3cr3t-T0ken-for-config-tests";

const BASE = "https://example.com/api";
for (const [name, options, path, code, message] of [
  ["no options", undefined, "", "invalid_type", "WhatsJetClient needs an options object: { baseUrl, vendorUid, token }."],
  ["a missing token", { baseUrl: BASE, vendorUid: "v" }, "token", "required", "token is required."],
  ["a blank token", { baseUrl: BASE, vendorUid: "v", token: "  " }, "token", "required", "token is required."],
  [
    "a token with a space",
    { baseUrl: BASE, vendorUid: "v", token: `${SECRET} x` },
    "token",
    "invalid_format",
    "token must be printable ASCII without spaces (it is sent as a Bearer token).",
  ],
  [
    "an http base URL that is not localhost",
    { baseUrl: "http://example.com/api", vendorUid: "v", token: SECRET },
    "baseUrl",
    "invalid_url",
    "baseUrl must use https: the token would cross the network in clear text (plain http is allowed only for localhost).",
  ],
  [
    "an http base URL that only starts like 127.0.0.1",
    { baseUrl: "http://127.0.0.1.example.com/api", vendorUid: "v", token: SECRET },
    "baseUrl",
    "invalid_url",
    "baseUrl must use https: the token would cross the network in clear text (plain http is allowed only for localhost).",
  ],
  [
    "a relative base URL",
    { baseUrl: "example.com/api", vendorUid: "v", token: SECRET },
    "baseUrl",
    "invalid_url",
    "baseUrl must be an absolute URL such as https://example.com/api.",
  ],
  [
    "an unknown option",
    { baseURL: BASE, vendorUid: "v", token: SECRET },
    "baseURL",
    "unknown_field",
    "baseURL is not a client option; did you mean baseUrl?",
  ],
  [
    "a vendor uid that is not a path segment",
    { baseUrl: BASE, vendorUid: "../admin", token: SECRET },
    "vendorUid",
    "invalid_format",
    "vendorUid may contain only letters, digits, -, ., _ and ~ (it is a path segment of every request).",
  ],
  [
    "timeoutMs 0",
    { baseUrl: BASE, vendorUid: "v", token: SECRET, timeoutMs: 0 },
    "timeoutMs",
    "out_of_range",
    "timeoutMs must be a whole number of milliseconds from 1 to 600000.",
  ],
  [
    "maxRetries over 10",
    { baseUrl: BASE, vendorUid: "v", token: SECRET, maxRetries: 11 },
    "maxRetries",
    "out_of_range",
    "maxRetries must be a whole number from 0 to 10.",
  ],
  [
    "a negative maxRetryDelayMs",
    { baseUrl: BASE, vendorUid: "v", token: SECRET, maxRetryDelayMs: -1 },
    "maxRetryDelayMs",
    "out_of_range",
    "maxRetryDelayMs must be a whole number of milliseconds from 0 to 600000.",
  ],
  ["a token that is not a string", { baseUrl: BASE, vendorUid: "v", token: 12345 }, "token", "invalid_type", "token must be a string."],
]) {
  test(`config: ${name}`, () => {
    const err = thrown(() => new whatsjet.WhatsJetClient(options));
    assertWhatsJetError(
      err,
      { message, code: "config", retryable: false, attempts: 0, deliveryUnknown: false, issues: [{ path, code, message }] },
      [SECRET],
    );
    assert.equal(whatsjet.isWhatsJetError(err), true);
  });
}

test("config: plain http is accepted for localhost and 127.0.0.1", () => {
  for (const baseUrl of ["http://localhost:8787/api", "http://127.0.0.1:8787/api", "http://[::1]:8787/api"]) {
    const c = new whatsjet.WhatsJetClient({ baseUrl, vendorUid: "v", token: SECRET });
    assert.equal(c.toJSON().baseUrl, baseUrl);
  }
});

// ---- unauthorized ---------------------------------------------------------

test("unauthorized: a wrong token is HTTP 200 \"Invalid Token\"", async () => {
  const wrong = "wrong-token-Zx81";
  const err = await rejection(() => client({ token: wrong }).sendMessage(MESSAGE));
  assertWhatsJetError(
    err,
    { message: "unauthorized: Invalid Token", code: "unauthorized", retryable: false, attempts: 1, deliveryUnknown: false, status: 200, serverMessage: "Invalid Token" },
    [wrong],
  );
  const [request] = await sandbox.requests();
  assert.equal(request.headers.authorization, `Bearer ${wrong}`);
});

test("unauthorized: an inactive vendor", async () => {
  const err = await rejection(() => client({ vendorUid: "inactive-vendor" }).sendMessage(MESSAGE));
  assertWhatsJetError(err, {
    message: "unauthorized: Vendor account is not in active state",
    code: "unauthorized",
    retryable: false,
    attempts: 1,
    deliveryUnknown: false,
    status: 200,
    serverMessage: "Vendor account is not in active state",
  });
  assert.deepEqual(await recordedPaths(), ["/api/inactive-vendor/contact/send-message"]);
});

test("unauthorized: an unknown vendor", async () => {
  const err = await rejection(() => client({ vendorUid: "someone-else" }).createContact({ phone_number: "919876543210" }));
  assertWhatsJetError(err, {
    message: "unauthorized: Invalid Vendor",
    code: "unauthorized",
    retryable: false,
    attempts: 1,
    deliveryUnknown: false,
    status: 200,
    serverMessage: "Invalid Vendor",
  });
});

test("unauthorized: a plan without API access is HTTP 401", async () => {
  const err = await rejection(() => client({ token: "no-api-plan-token" }).sendMessage(MESSAGE));
  assertWhatsJetError(
    err,
    {
      message: "unauthorized: API access is not available in your plan, please upgrade your subscription plan.",
      code: "unauthorized",
      retryable: false,
      attempts: 1,
      deliveryUnknown: false,
      status: 401,
      serverMessage: "API access is not available in your plan, please upgrade your subscription plan.",
    },
    ["no-api-plan-token"],
  );
});

// ---- rate_limited ---------------------------------------------------------

test("rate_limited: a 429 with Retry-After 37, retries off", async () => {
  await sandbox.fault({ answer: "throttled-429" });
  const err = await rejection(() => client({ maxRetries: 0 }).createContact({ phone_number: "919876543210" }));
  assertWhatsJetError(err, {
    message: "rate limited by the server; retry after 37 s",
    code: "rate_limited",
    retryable: true,
    attempts: 1,
    deliveryUnknown: false,
    status: 429,
    serverMessage: "Too Many Attempts.",
    retryAfterMs: 37000,
  });
  assert.deepEqual(await recordedPaths(), [`/api/${VENDOR}/contact/create`]);
});

test("rate_limited: a Retry-After longer than maxRetryDelayMs ends the call at once", async () => {
  await sandbox.fault({ answer: "throttled-429" });
  const started = Date.now();
  const err = await rejection(() => client({ maxRetryDelayMs: 1000 }).sendMessage(MESSAGE));
  assert.ok(Date.now() - started < 1000, `waited ${Date.now() - started} ms`);
  assertWhatsJetError(err, {
    message: "rate limited by the server; retry after 37 s",
    code: "rate_limited",
    retryable: true,
    attempts: 1,
    deliveryUnknown: false,
    status: 429,
    serverMessage: "Too Many Attempts.",
    retryAfterMs: 37000,
  });
  assert.deepEqual(await recordedPaths(), [SEND]);
});

test("rate_limited: the sandbox's own limiter, over the limit", async () => {
  await sandbox.config({ rate_limit: 1 });
  const c = client({ maxRetries: 0 });
  await c.sendMessage(MESSAGE);
  const err = await rejection(() => c.sendMessage(MESSAGE));
  assert.ok([59000, 60000].includes(err.retryAfterMs), `retryAfterMs ${err.retryAfterMs}`);
  assertWhatsJetError(err, {
    message: `rate limited by the server; retry after ${err.retryAfterMs / 1000} s`,
    code: "rate_limited",
    retryable: true,
    attempts: 1,
    deliveryUnknown: false,
    status: 429,
    serverMessage: "Too Many Attempts.",
    retryAfterMs: err.retryAfterMs,
  });
  assert.deepEqual(await recordedPaths(), [SEND, SEND]);
});

test("rate_limited: a Retry-After date in the past means now", async () => {
  await sandbox.fault({ answer: "throttled-429", headers: { "retry-after": "Sun, 06 Nov 1994 08:49:37 GMT" } });
  const err = await rejection(() => client({ maxRetries: 0 }).sendMessage(MESSAGE));
  assertWhatsJetError(err, {
    message: "rate limited by the server; retry after 0 s",
    code: "rate_limited",
    retryable: true,
    attempts: 1,
    deliveryUnknown: false,
    status: 429,
    serverMessage: "Too Many Attempts.",
    retryAfterMs: 0,
  });
});

test("rate_limited: without Retry-After there is no retryAfterMs", async () => {
  await sandbox.fault({ status: 429, json: { message: "Too Many Attempts." } });
  const err = await rejection(() => client({ maxRetries: 0 }).sendMessage(MESSAGE));
  assertWhatsJetError(err, {
    message: "rate limited by the server",
    code: "rate_limited",
    retryable: true,
    attempts: 1,
    deliveryUnknown: false,
    status: 429,
    serverMessage: "Too Many Attempts.",
  });
});

// ---- retries that end in an error -----------------------------------------

test("retry: a per-call maxRetries wins over the client's; the last 429 is the error, every attempt counted", async () => {
  await sandbox.fault({ answer: "throttled-429", headers: { "retry-after": "0" }, times: 5 });
  const err = await rejection(() => client({ maxRetries: 3 }).sendMessage(MESSAGE, { maxRetries: 1 }));
  assertWhatsJetError(err, {
    message: "rate limited by the server; retry after 0 s",
    code: "rate_limited",
    retryable: true,
    attempts: 2,
    deliveryUnknown: false,
    status: 429,
    serverMessage: "Too Many Attempts.",
    retryAfterMs: 0,
  });
  assert.deepEqual(await recordedPaths(), [SEND, SEND]);
});

test("retry: an api refusal is never sent again", async () => {
  const err = await rejection(() => client({ maxRetries: 5, retryUnknownDelivery: true }).sendMessage({ phone_number: "919999999999", message_body: "Hi" }));
  assert.equal(err.code, "api");
  assert.equal(err.attempts, 1);
  assert.deepEqual(await recordedPaths(), [SEND]);
});

// ---- api ------------------------------------------------------------------

test("api: a template the server does not know (HTTP 200, failed)", async () => {
  const err = await rejection(() =>
    client().sendTemplateMessage({ phone_number: "919876543210", template_name: "no_such_template", template_language: "en" }),
  );
  const text =
    "Template for the selected language not found in the system, if you have created template recently on Facebook please sync templates again.";
  assertWhatsJetError(err, {
    message: `the server refused the request: ${text}`,
    code: "api",
    retryable: false,
    attempts: 1,
    deliveryUnknown: false,
    status: 200,
    serverMessage: text,
    issues: [],
  });
});

test("api: WhatsApp refuses the recipient (400, #131030)", async () => {
  const err = await rejection(() => client().sendMessage({ phone_number: "+91 99999 99999", message_body: "Hi" }));
  const text =
    "(#131030) Recipient phone number not in allowed list  Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again.";
  assertWhatsJetError(err, {
    message: `the server refused the request: ${text}`,
    code: "api",
    retryable: false,
    attempts: 1,
    deliveryUnknown: false,
    status: 400,
    serverMessage: text,
    issues: [],
    whatsappCode: 131030,
  });
  const [request] = await sandbox.requests();
  assert.equal(request.json.phone_number, "919999999999");
});

test("api: a template field missing (400, #132000)", async () => {
  const err = await rejection(() =>
    client().sendTemplateMessage({
      phone_number: "919876543210",
      template_name: "order_update",
      template_language: "en_US",
      field_1: "Johan",
    }),
  );
  const text =
    "(#132000) Number of parameters does not match the expected number of params body: number of localizable_params (1) does not match the expected number of params (2)";
  assertWhatsJetError(err, {
    message: `the server refused the request: ${text}`,
    code: "api",
    retryable: false,
    attempts: 1,
    deliveryUnknown: false,
    status: 400,
    serverMessage: text,
    issues: [],
    whatsappCode: 132000,
  });
});

test("api: creating a contact twice is a 422 with the field's issue", async () => {
  const c = client();
  await c.createContact({ phone_number: "+91 98765 43210" });
  const err = await rejection(() => c.createContact({ phone_number: "919876543210" }));
  assertWhatsJetError(err, {
    message: "the server refused the request: The phone number has already been taken.",
    code: "api",
    retryable: false,
    attempts: 1,
    deliveryUnknown: false,
    status: 422,
    serverMessage: "The phone number has already been taken.",
    issues: [{ path: "phone_number", code: "invalid_format", message: "The phone number has already been taken." }],
  });
  assert.equal(err.issues[0].path, "phone_number");
});

test("api: a Laravel 422 maps every field error to an issue", async () => {
  await sandbox.fault({ answer: "validation-422" });
  const err = await rejection(() => client().sendMessage(MESSAGE));
  assertWhatsJetError(err, {
    message: "the server refused the request: The phone number field is required. (and 1 more error)",
    code: "api",
    retryable: false,
    attempts: 1,
    deliveryUnknown: false,
    status: 422,
    serverMessage: "The phone number field is required. (and 1 more error)",
    // In the order of the server's `errors` object.
    issues: [
      { path: "phone_number", code: "required", message: "The phone number field is required." },
      { path: "message_body", code: "required", message: "The message body field is required." },
    ],
  });
});

test("api: updating an unknown contact", async () => {
  const err = await rejection(() => client().updateContact("919800000000", { first_name: "Ada", groups: "vip" }));
  assertWhatsJetError(err, {
    message: "the server refused the request: Contact not found.",
    code: "api",
    retryable: false,
    attempts: 1,
    deliveryUnknown: false,
    status: 200,
    serverMessage: "Contact not found.",
    issues: [],
  });
  assert.deepEqual(await recordedPaths(), [`/api/${VENDOR}/contact/update/919800000000`]);
});

test("api: an update that changes nothing", async () => {
  const c = client();
  await c.createContact({ phone_number: "919876543210", first_name: "Ada" });
  const err = await rejection(() => c.updateContact("919876543210", { first_name: "Ada" }));
  assertWhatsJetError(err, {
    message: "the server refused the request: Nothing to update contact information.",
    code: "api",
    retryable: false,
    attempts: 1,
    deliveryUnknown: false,
    status: 200,
    serverMessage: "Nothing to update contact information.",
    issues: [],
  });
});

test("api: a sender number the vendor does not have", async () => {
  const err = await rejection(() => client({ fromPhoneNumberId: "100000000000009" }).sendMessage(MESSAGE));
  assertWhatsJetError(err, {
    message: "the server refused the request: from phone number not available.",
    code: "api",
    retryable: false,
    attempts: 1,
    deliveryUnknown: false,
    status: 200,
    serverMessage: "from phone number not available.",
    issues: [],
  });
});

// ---- http -----------------------------------------------------------------

const HTTP = (status, extra) => ({
  message: `HTTP ${status} from the server without an API answer`,
  code: "http",
  attempts: 1,
  status,
  ...extra,
});

test("http: a proxy's 502 HTML page (the message may have been delivered), not sent again", async () => {
  await sandbox.fault({ answer: "proxy-502", times: 3 });
  const err = await rejection(() => client({ maxRetries: 5 }).sendMessage(MESSAGE));
  assertWhatsJetError(err, HTTP(502, { retryable: false, deliveryUnknown: true }));
  assert.deepEqual(await recordedPaths(), [SEND]);
});

test("http: a 500 with a JSON message keeps it", async () => {
  await sandbox.fault({ status: 500, json: { message: "Server Error" } });
  const err = await rejection(() => client().sendMessage(MESSAGE));
  assertWhatsJetError(err, HTTP(500, { retryable: false, deliveryUnknown: true, serverMessage: "Server Error" }));
  assert.deepEqual(await recordedPaths(), [SEND]);
});

test("http: a 404 page", async () => {
  await sandbox.fault({ answer: "not-found-404" });
  const err = await rejection(() => client().sendMessage(MESSAGE));
  assertWhatsJetError(err, HTTP(404, { retryable: false, deliveryUnknown: false }));
});

test("http: a wrong base URL gets the server's own 404", async () => {
  const err = await rejection(() => client({ baseUrl: `${sandbox.url}/api/v2` }).sendMessage(MESSAGE));
  assertWhatsJetError(err, HTTP(404, { retryable: false, deliveryUnknown: false }));
  assert.deepEqual(await recordedPaths(), [`/api/v2/${VENDOR}/contact/send-message`]);
});

test("http: a 503 without Retry-After is retryable, and not retried", async () => {
  await sandbox.fault({ status: 503, body: "Service Unavailable" });
  const err = await rejection(() => client().sendMessage(MESSAGE));
  assertWhatsJetError(err, HTTP(503, { retryable: true, deliveryUnknown: false }));
  assert.deepEqual(await recordedPaths(), [SEND]);
});

// ---- timeout --------------------------------------------------------------

test("timeout: a server that never answers, client timeoutMs 300", async () => {
  await sandbox.fault({ action: "hang" });
  const started = Date.now();
  const err = await rejection(() => client({ timeoutMs: 300 }).sendMessage(MESSAGE));
  const elapsed = Date.now() - started;
  assertWhatsJetError(err, {
    message: "no answer within 300 ms; the request may have been delivered",
    code: "timeout",
    retryable: false,
    attempts: 1,
    deliveryUnknown: true,
  });
  assert.ok(elapsed >= 290 && elapsed < 2000, `took ${elapsed} ms`);
  assert.deepEqual(await recordedPaths(), [SEND]);
});

test("timeout: a per-call timeoutMs wins over the client's", async () => {
  await sandbox.fault({ action: "hang" });
  const started = Date.now();
  const err = await rejection(() => client({ timeoutMs: 60000 }).sendMessage(MESSAGE, { timeoutMs: 250 }));
  assertWhatsJetError(err, {
    message: "no answer within 250 ms; the request may have been delivered",
    code: "timeout",
    retryable: false,
    attempts: 1,
    deliveryUnknown: true,
  });
  assert.ok(Date.now() - started < 5000);
});

// ---- aborted --------------------------------------------------------------

test("aborted: a signal aborted before the call sends nothing", async () => {
  const controller = new AbortController();
  controller.abort();
  const err = await rejection(() => client().sendMessage(MESSAGE, { signal: controller.signal }));
  assertWhatsJetError(err, {
    message: "the call was aborted",
    code: "aborted",
    retryable: false,
    attempts: 0,
    deliveryUnknown: false,
    cause: (cause) => assert.equal(cause, controller.signal.reason),
  });
  assert.equal(err.cause.name, "AbortError");
  assert.deepEqual(await recordedPaths(), []);
});

test("aborted: aborting a call in flight (the message may have been delivered)", async () => {
  await sandbox.fault({ action: "hang" });
  const controller = new AbortController();
  const pending = rejection(() => client().sendMessage(MESSAGE, { signal: controller.signal }));
  await waitForRequests(1);
  const abortedAt = Date.now();
  controller.abort();
  const err = await pending;
  assert.ok(Date.now() - abortedAt < 2000);
  assertWhatsJetError(err, {
    message: "the call was aborted",
    code: "aborted",
    retryable: false,
    attempts: 1,
    deliveryUnknown: true,
    cause: (cause) => assert.equal(cause, controller.signal.reason),
  });
  assert.deepEqual(await recordedPaths(), [SEND]);
});

test("aborted: a reason that is not an Error still ends the call as aborted", async () => {
  await sandbox.fault({ action: "hang" });
  const controller = new AbortController();
  const pending = rejection(() => client().sendMessage(MESSAGE, { signal: controller.signal }));
  await waitForRequests(1);
  controller.abort("the user left");
  const err = await pending;
  assertWhatsJetError(err, {
    message: "the call was aborted",
    code: "aborted",
    retryable: false,
    attempts: 1,
    deliveryUnknown: true,
    cause: "the user left",
  });
});

test("aborted: aborting the wait before a retry", async () => {
  await sandbox.fault({ answer: "throttled-429", headers: { "retry-after": "30" } });
  const controller = new AbortController();
  const pending = rejection(() => client().sendMessage(MESSAGE, { signal: controller.signal }));
  await waitForRequests(1);
  const abortedAt = Date.now();
  controller.abort();
  const err = await pending;
  assert.ok(Date.now() - abortedAt < 1000, "the wait did not end at the abort");
  assertWhatsJetError(err, {
    message: "the call was aborted",
    code: "aborted",
    retryable: false,
    attempts: 1,
    deliveryUnknown: false,
    cause: (cause) => assert.equal(cause, controller.signal.reason),
  });
  // Nothing goes out later either.
  await sleep(500);
  assert.deepEqual(await recordedPaths(), [SEND]);
});

// ---- network --------------------------------------------------------------

test("network: nothing listens at the base URL (nothing sent: retried, then retryable)", async () => {
  const port = await closedPort();
  const started = Date.now();
  const err = await rejection(() => client({ baseUrl: `http://127.0.0.1:${port}/api` }).sendMessage(MESSAGE));
  // Backoff with full jitter: at most 500 + 1000 ms of waiting.
  assert.ok(Date.now() - started < 2500, `took ${Date.now() - started} ms`);
  assertWhatsJetError(err, {
    message: "network error: fetch failed (ECONNREFUSED)",
    code: "network",
    retryable: true,
    attempts: 3,
    deliveryUnknown: false,
    cause: (cause) => {
      assert.ok(cause instanceof TypeError);
      assert.equal(cause.message, "fetch failed");
      assert.equal(cause.cause.code, "ECONNREFUSED");
    },
  });
});

test("network: a connection dropped before the answer is not retried", async () => {
  await sandbox.fault({ action: "drop_before_response" });
  const err = await rejection(() => client({ maxRetries: 5 }).sendMessage(MESSAGE));
  assertWhatsJetError(err, {
    message: "network error: fetch failed (UND_ERR_SOCKET); the request may have been delivered",
    code: "network",
    retryable: false,
    attempts: 1,
    deliveryUnknown: true,
    cause: (cause) => {
      assert.ok(cause instanceof TypeError);
      assert.equal(cause.message, "fetch failed");
      assert.equal(cause.cause.code, "UND_ERR_SOCKET");
    },
  });
  assert.deepEqual(await recordedPaths(), [SEND]);
});

test("network: a connection dropped in the middle of the body", async () => {
  // The status line and headers arrived, so fetch() resolved; reading the
  // body then failed, so this is a network error, not an invalid_response.
  await sandbox.fault({ action: "drop_mid_body" });
  const err = await rejection(() => client().sendMessage(MESSAGE));
  assertWhatsJetError(err, {
    message: "network error: terminated (UND_ERR_SOCKET); the request may have been delivered",
    code: "network",
    retryable: false,
    attempts: 1,
    deliveryUnknown: true,
    cause: (cause) => {
      assert.ok(cause instanceof TypeError);
      assert.equal(cause.message, "terminated");
    },
  });
  assert.deepEqual(await recordedPaths(), [SEND]);
});

// ---- invalid_response -----------------------------------------------------

for (const [name, fault, why] of [
  ["an HTML page with status 200", { status: 200, headers: { "content-type": "text/html" }, body: "<html>maintenance</html>" }, "the body is not JSON"],
  ["an empty body with status 200", { status: 200, action: "empty_body" }, "the body is empty"],
  ["truncated JSON", { action: "truncate_json" }, "the body is not JSON"],
  ["JSON without result", { json: { message: "ok" } }, "the JSON has no result"],
  ["an unknown result", { json: { result: "pending", message: "", data: [] } }, 'unexpected result "pending"'],
]) {
  test(`invalid_response: ${name}`, async () => {
    await sandbox.fault(fault);
    const err = await rejection(() => client().sendMessage(MESSAGE));
    assertWhatsJetError(err, {
      message: `the server's answer is not the API's JSON: ${why}`,
      code: "invalid_response",
      retryable: false,
      attempts: 1,
      deliveryUnknown: true,
      status: 200,
    });
    assert.deepEqual(await recordedPaths(), [SEND]);
  });
}

// ---- the token in the client ----------------------------------------------

test("the client never shows its token", () => {
  const c = client({ fromPhoneNumberId: "100000000000001" });
  const texts = [
    JSON.stringify(c),
    String(c),
    `${c}`,
    util.inspect(c),
    util.inspect(c, { showHidden: true, depth: null, getters: true }),
    JSON.stringify(Object.getOwnPropertyNames(c).map((k) => [k, String(c[k])])),
    JSON.stringify(c.toJSON()),
  ];
  for (const text of texts) assert.ok(!text.includes(TOKEN), `the client shows its token: ${text}`);
  assert.equal(String(c), `WhatsJetClient(${sandbox.baseUrl}, vendor ${VENDOR})`);
  assert.ok(!("token" in c.toJSON()));
});

// ---- use after free -------------------------------------------------------

test("a freed client fails with a config error, and the module keeps working", async () => {
  const freed = {
    message: "this client was freed; make a new WhatsJetClient.",
    code: "config",
    retryable: false,
    attempts: 0,
    deliveryUnknown: false,
    issues: [{ path: "", code: "invalid_type", message: "this client was freed; make a new WhatsJetClient." }],
  };
  const c = client();
  c.free();
  assertWhatsJetError(thrown(() => c.validate("sendMessage", MESSAGE)), freed);
  assertWhatsJetError(thrown(() => c.toJSON()), freed);
  assert.equal(String(c), "WhatsJetClient(freed)");
  for (const call of [
    () => c.sendMessage(MESSAGE),
    () => c.sendMediaMessage({ phone_number: "919876543210", media_type: "image", media_url: "https://example.com/a.png" }),
    () => c.sendTemplateMessage({ phone_number: "919876543210", template_name: "t", template_language: "en" }),
    () => c.createContact({ phone_number: "919876543210" }),
    () => c.updateContact("919876543210", { first_name: "Ada" }),
  ]) {
    assertWhatsJetError(await rejection(call), freed);
  }
  c.free();
  const d = client();
  d[Symbol.dispose]();
  assertWhatsJetError(await rejection(() => d.sendMessage(MESSAGE)), freed);
  assert.deepEqual(await recordedPaths(), []);
  assert.equal(whatsjet.normalizePhoneNumber("+91 98765-43210"), "919876543210");
  assert.equal(client().validate("sendMessage", MESSAGE).ok, true);
});

test("a call already under way when its client is freed still ends", async () => {
  const c = client();
  const pending = c.sendMessage(MESSAGE);
  c.free();
  const reply = await pending;
  assert.equal(reply.result, "success");
  assert.deepEqual(await recordedPaths(), [SEND]);
});
