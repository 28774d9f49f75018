// The token never leaks, and no input can steer a request elsewhere.
//
// - A distinctive token is absent from every error the built package
//   (pkg/node) gives, of every code, in every rendering (message, stack, own
//   properties, JSON, util.inspect), and from every rendering of a client.
// - It travels only in the Authorization header: never in a recorded path,
//   query, body or other header.
// - The library prints nothing (console.* and process.stdout/stderr are
//   watched during a batch of calls).
// - A baseUrl that carries credentials is refused without echoing them; the
//   updateContact number cannot change the request path. (vendorUid and the
//   baseUrl rules themselves, such as a remote host dressed up as this
//   machine, are tested in tests/client_config.rs.)
//
// Run: scripts/build.sh && cargo build -p whatsjet-sandbox &&
//      node --test tests/node/secrets.test.mjs

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import util from "node:util";

import { VENDOR, assertNoSecret, assertWhatsJetError, closedPort, failure, loadWhatsjet, makeClient, startSandbox } from "./helpers.mjs";

const { WhatsJetClient, validate, validateField, normalizePhoneNumber } = loadWhatsjet();

const TOKEN = "tok_SECRET_9f8e7d6c";
/** Parts of the token that must not show either (a cut or re-cased copy would still leak it). */
const NEEDLES = [TOKEN, "SECRET_9f8e7d6c", "9f8e7d6c", TOKEN.toLowerCase()];
const MESSAGE = { phone_number: "919876543210", message_body: "Hello" };

let sandbox;
before(async () => {
  sandbox = await startSandbox({ args: ["--rate-limit", "0", "--token", TOKEN] });
});
after(() => sandbox?.stop());
beforeEach(() => sandbox.reset());

const client = (options) => makeClient(sandbox.baseUrl, { token: TOKEN, timeoutMs: 500, maxRetryDelayMs: 1000, ...options });

// ---- every error code ----------------------------------------------------------

/**
 * One way to provoke each code with the token at hand, some after queuing a
 * sandbox fault or changing its settings. The rules behind each code are
 * tested natively; here the whole error, as JavaScript renders it, is
 * searched.
 */
const PROVOKED = [
  ["validation", async () => client().sendMessage({ phone: "98765", message_body: "" })],
  // A call option named token, and a token refused for its characters: neither is echoed.
  ["config", async () => client().sendMessage(MESSAGE, { timeoutMs: -1, token: TOKEN })],
  ["config", async () => new WhatsJetClient({ baseUrl: sandbox.baseUrl, vendorUid: VENDOR, token: `${TOKEN}\r\nX-Evil: 1` })],
  [
    "unauthorized",
    async () => {
      // The sandbox now expects another token, so ours is refused.
      await sandbox.config({ token: "some-other-token" });
      return client().sendMessage(MESSAGE);
    },
  ],
  [
    "rate_limited",
    async () => {
      await sandbox.fault({ answer: "throttled-429", headers: { "retry-after": "37" } });
      return client().sendMessage(MESSAGE);
    },
  ],
  ["api", async () => client().sendTemplateMessage({ phone_number: "919876543210", template_name: "no_such", template_language: "en" })],
  [
    "http",
    async () => {
      await sandbox.fault({ answer: "proxy-502" });
      return client().sendMessage(MESSAGE);
    },
  ],
  [
    "timeout",
    async () => {
      await sandbox.fault({ action: "hang" });
      return client().sendMessage(MESSAGE);
    },
  ],
  [
    "aborted",
    async () => {
      await sandbox.fault({ action: "hang" });
      const controller = new AbortController();
      // The caller's reason becomes the error's cause: what it shows is the caller's.
      setTimeout(() => controller.abort(new Error("the user left")), 100);
      return client({ timeoutMs: 5000 }).sendMessage(MESSAGE, { signal: controller.signal });
    },
  ],
  ["network", async () => makeClient(`http://127.0.0.1:${await closedPort()}/api`, { token: TOKEN, maxRetries: 0 }).sendMessage(MESSAGE)],
  [
    "invalid_response",
    async () => {
      await sandbox.fault({ status: 200, body: "<html>oops</html>" });
      return client().sendMessage(MESSAGE);
    },
  ],
];

PROVOKED.forEach(([code, provoke], i) => {
  test(`${code} error #${i}: the token is in none of its renderings`, async () => {
    const err = assertWhatsJetError(await failure(provoke), { code });
    assertNoSecret(err, NEEDLES, `the ${code} error`);
  });
});

// ---- the client itself --------------------------------------------------------------

test("the client's renderings never show the token", () => {
  const c = client({ fromPhoneNumberId: "100000000000001", defaultCountryCode: "91" });
  assertNoSecret(c, NEEDLES, "the client");
  assertNoSecret(c.toJSON(), NEEDLES, "client.toJSON()");
  assertNoSecret(Object.getOwnPropertyNames(c).map((k) => [k, c[k]]), NEEDLES, "the client's own properties");
  assert.equal(c.token, undefined);
});

// ---- the wire -----------------------------------------------------------------------

test("the token travels only in the Authorization header", async () => {
  const c = client();
  await c.sendMessage(MESSAGE);
  await c.sendMediaMessage({ phone_number: "919876543210", media_type: "image", media_url: "https://example.com/a.png" });
  await c.sendTemplateMessage({ phone_number: "919876543210", template_name: "hello_world", template_language: "en" });
  await c.createContact({ phone_number: "+44 20 7946 0958", first_name: "Ada" });
  await c.updateContact("+44 20 7946 0958", { first_name: "Ada", groups: "vip" });
  // Failed calls too: a retried one, and one that gets an error answer.
  await sandbox.fault({ status: 429, json: { message: "Too Many Attempts." } });
  await c.sendMessage(MESSAGE);
  await sandbox.fault({ answer: "proxy-502" });
  await failure(() => c.sendMessage(MESSAGE));

  const recorded = await sandbox.requests();
  assert.equal(recorded.length, 8);
  for (const r of recorded) {
    const where = `${r.method} ${r.path}?${r.query}`;
    assert.equal(r.query, "", `${where}: a query string`);
    for (const needle of NEEDLES) {
      assert.ok(!r.path.includes(needle) && !r.query.includes(needle), `${where}: the token is in the URL`);
      assert.ok(!decodeURIComponent(r.path).includes(needle), `${where}: the token is in the URL (encoded)`);
      assert.ok(!r.body.includes(needle), `${where}: the token is in the body`);
    }
    assert.equal(r.headers.authorization, `Bearer ${TOKEN}`, where);
    for (const [name, value] of Object.entries(r.headers)) {
      if (name === "authorization") continue;
      for (const needle of NEEDLES) assert.ok(!String(value).includes(needle), `${where}: header ${name} carries the token`);
    }
  }
});

// ---- nothing printed ----------------------------------------------------------------

test("the library prints nothing: no console output, nothing on stdout or stderr", async () => {
  const printed = [];
  const saved = {};
  const CONSOLE = ["log", "info", "warn", "error", "debug", "trace", "dir", "table", "group", "time", "timeEnd", "assert"];
  for (const name of CONSOLE) {
    saved[name] = console[name];
    console[name] = (...args) => printed.push(`console.${name}: ${util.format(...args)}`);
  }
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const capture =
    (stream) =>
    (chunk, ...rest) => {
      printed.push(`${stream}: ${chunk}`);
      const done = rest.at(-1);
      if (typeof done === "function") done();
      return true;
    };
  process.stdout.write = capture("stdout");
  process.stderr.write = capture("stderr");
  const outcomes = [];
  try {
    const c = client();
    outcomes.push(String(c), JSON.stringify(c));
    outcomes.push((await c.sendMessage(MESSAGE)).result);
    outcomes.push(validate("sendMessage", { phone_number: "I <3 you", message_body: "I <3 you" }).ok);
    outcomes.push(validateField("sendMessage", "contact.email", "x@").length);
    outcomes.push(normalizePhoneNumber("+91 98765-43210"));
    for (const [code, provoke] of PROVOKED) {
      await sandbox.reset();
      const err = await failure(provoke);
      outcomes.push(`${code}:${err.code}`);
    }
  } finally {
    for (const name of CONSOLE) console[name] = saved[name];
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
  assert.deepEqual(printed, [], `the library printed:\n${printed.join("\n")}`);
  // The batch did run every code.
  for (const [code] of PROVOKED) assert.ok(outcomes.includes(`${code}:${code}`), `${code} was not provoked: ${outcomes}`);
});

// ---- the path ---------------------------------------------------------------------------

for (const phone of [
  "91987/../x",
  "919876543210/../../admin",
  "919876543210?x=1",
  "919876543210#x",
  "%2e%2e",
  "919876543210%2F..",
  "91987\\..\\x",
  "..",
  "919876543210\u2215x",
]) {
  test(`updateContact(${JSON.stringify(phone)}) is a validation error and sends nothing`, async () => {
    const err = await failure(() => client().updateContact(phone, { first_name: "Ada", groups: "vip" }));
    assertWhatsJetError(err, { code: "validation", attempts: 0 });
    assert.ok(err.issues.some((i) => i.path === "phone_number"), util.inspect(err.issues));
    assert.deepEqual(await sandbox.requests(), []);
  });
}

test("a valid updateContact goes exactly to /api/<vendor>/contact/update/<digits>", async () => {
  const c = client();
  for (const [input, digits] of [
    ["+44 20 7946 0958", "442079460958"],
    ["0091 (98765) 43210", "919876543210"],
    ["\u202a+1 415.555.2671\u202c", "14155552671"],
    // "/" is a separator people write in numbers: removed, never a path segment.
    ["+91 98765 43210/", "919876543210"],
    ["+91/98765/43210", "919876543210"],
  ]) {
    await sandbox.reset();
    const reply = await c.updateContact(input, { first_name: "Ada", groups: "vip" }).catch((e) => e);
    // The sandbox may not know the contact; what matters is where it went.
    assert.ok(reply.result === "success" || reply.code === "api", util.inspect(reply));
    const recorded = await sandbox.requests();
    assert.equal(recorded.length, 1);
    assert.equal(recorded[0].method, "POST");
    assert.equal(recorded[0].path, `/api/${VENDOR}/contact/update/${digits}`);
    assert.equal(recorded[0].query, "");
  }
});

// ---- credentials and unusable URLs ---------------------------------------------------------

// A baseUrl with user:password was once accepted; every call then failed
// with a retryable `network` error whose message quoted the whole URL,
// password included.
test("a baseUrl with credentials is a config error that does not echo them", async () => {
  for (const baseUrl of ["http://user:pw_SECRET_1a2b3c@127.0.0.1:1/api", "https://user:pw_SECRET_1a2b3c@example.com/api", `https://${TOKEN}@example.com/api`]) {
    const err = assertWhatsJetError(await failure(() => new WhatsJetClient({ baseUrl, vendorUid: "v", token: TOKEN })), { code: "config" });
    assertNoSecret(err, [...NEEDLES, "pw_SECRET_1a2b3c"], "the config error");
  }
});

// A port the fetch Request constructor would refuse is refused when the
// client is made, not retried call after call.
test("a baseUrl with an impossible port is a config error", async () => {
  const err = await failure(() => new WhatsJetClient({ baseUrl: "https://example.com:99999/api", vendorUid: "v", token: TOKEN }));
  assertWhatsJetError(err, { code: "config", attempts: 0 });
  assert.equal(err.issues[0].path, "baseUrl");
});
