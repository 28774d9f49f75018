// The token never leaks, and no input can steer a request elsewhere.
//
// - A distinctive token is absent from every error the built package
//   (pkg/node) gives, of every code, in every rendering (message, stack, own
//   properties, JSON, util.inspect), and from every rendering of a client.
// - It travels only in the Authorization header: never in a recorded path,
//   query, body or other header.
// - The library prints nothing (console.* and process.stdout/stderr are
//   watched during a batch of calls).
// - baseUrl is https unless the host is this machine; vendorUid and the
//   updateContact number cannot change the request path.
//
// Run: scripts/build.sh && cargo build -p whatsjet-sandbox &&
//      node --test tests/node/secrets.test.mjs

import assert from "node:assert/strict";
import { createRequire } from "node:module";
import net from "node:net";
import { after, before, beforeEach, test } from "node:test";
import util from "node:util";

import { VENDOR, startSandbox } from "./sandbox.mjs";

const whatsjet = createRequire(import.meta.url)("../../pkg/node/whatsjet.js");
const { WhatsJetClient, validate, validateField, normalizePhoneNumber } = whatsjet;

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

function client(extra = {}) {
  return new WhatsJetClient({
    baseUrl: sandbox.baseUrl,
    vendorUid: VENDOR,
    token: TOKEN,
    timeoutMs: 500,
    maxRetryDelayMs: 1000,
    ...extra,
  });
}

async function closedPort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Every text a caller could get out of a value, to look for the token in. */
function renderings(value) {
  const out = [
    String(value),
    util.inspect(value, { depth: 10, showHidden: true, getters: true }),
    JSON.stringify(value) ?? "",
  ];
  if (value instanceof Error) {
    out.push(value.message, value.stack ?? "", JSON.stringify(value, Object.getOwnPropertyNames(value)));
    for (const key of [...Object.getOwnPropertyNames(value), ...Object.getOwnPropertySymbols(value)]) {
      const v = value[key];
      out.push(typeof v === "string" ? v : (JSON.stringify(v) ?? String(v)));
    }
    if (value.cause !== undefined) out.push(...renderings(value.cause));
  }
  return out;
}

function assertNoToken(value, what, needles = NEEDLES) {
  for (const text of renderings(value)) {
    for (const needle of needles) {
      assert.ok(!text.includes(needle), `${what} shows the token (${needle}): ${text.slice(0, 500)}`);
    }
  }
}

/** The rejection of an async call (with a deadline), or the throw of a sync one. */
async function failure(call) {
  let timer;
  try {
    const value = await Promise.race([
      Promise.resolve().then(call),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("HANG")), 10_000);
      }),
    ]);
    assert.fail(`expected a failure, got ${util.inspect(value)}`);
  } catch (err) {
    if (err instanceof assert.AssertionError || err?.message === "HANG") throw err;
    return err;
  } finally {
    clearTimeout(timer);
  }
}

function assertWhatsJetError(err, code) {
  assert.ok(err instanceof Error, `not an Error: ${util.inspect(err)}`);
  assert.equal(err.name, "WhatsJetError");
  assert.equal(err.code, code, `${err.code}: ${err.message}`);
}

// ---- every error code ----------------------------------------------------------

/**
 * One way to provoke each code, each with a client that holds the token.
 * `setup` queues sandbox faults or changes its settings first.
 */
const PROVOKED = [
  ["validation", async () => client().sendMessage({ phone: "98765", message_body: "" })],
  ["validation", async () => client().updateContact("91987/../x", { first_name: "A", groups: "g" })],
  ["validation", async () => client().sendMessage(MESSAGE, { timeoutMs: -1, token: TOKEN })],
  ["validation", async () => validate("sendMessage", { phone_number: TOKEN, message_body: "x" }, { defaultCountryCode: "999" })],
  ["validation", async () => normalizePhoneNumber("abc")],
  ["config", async () => new WhatsJetClient({ baseUrl: sandbox.baseUrl, vendorUid: VENDOR, token: "tok_SECRET with space" })],
  ["config", async () => new WhatsJetClient({ baseUrl: sandbox.baseUrl, vendorUid: VENDOR, token: `${TOKEN}\r\nX-Evil: 1` })],
  ["config", async () => new WhatsJetClient({ baseUrl: sandbox.baseUrl, vendorUid: VENDOR, token: `${TOKEN} ` })],
  ["config", async () => new WhatsJetClient({ baseUrl: sandbox.baseUrl, vendorUid: VENDOR, token: `${TOKEN}é` })],
  ["config", async () => new WhatsJetClient({ baseUrl: sandbox.baseUrl, vendorUid: VENDOR, token: TOKEN.repeat(300) })],
  ["config", async () => new WhatsJetClient({ baseUrl: "http://example.com/api", vendorUid: VENDOR, token: TOKEN })],
  ["config", async () => new WhatsJetClient({ baseUrl: sandbox.baseUrl, vendorUid: "../x", token: TOKEN })],
  ["config", async () => new WhatsJetClient({ baseUrl: sandbox.baseUrl, vendorUid: VENDOR, token: TOKEN, apiToken: TOKEN })],
  ["config", async () => new WhatsJetClient({ baseUrl: sandbox.baseUrl, vendorUid: VENDOR, token: TOKEN, timeoutMs: TOKEN })],
  [
    "unauthorized",
    async () => {
      // The sandbox now expects another token, so ours is refused.
      await sandbox.config({ token: "some-other-token" });
      return client().sendMessage(MESSAGE);
    },
  ],
  [
    "unauthorized",
    async () => {
      await sandbox.fault({ answer: "plan-without-api-access" });
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
  [
    "api",
    async () => {
      await sandbox.fault({ answer: "validation-422" });
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
      setTimeout(() => controller.abort(new Error(`reason ${TOKEN}`)), 100);
      return client({ timeoutMs: 5000 }).sendMessage(MESSAGE, { signal: controller.signal });
    },
  ],
  ["aborted", async () => client().sendMessage(MESSAGE, { signal: AbortSignal.abort() })],
  [
    "network",
    async () => {
      await sandbox.fault({ action: "drop_before_response" });
      return client().sendMessage(MESSAGE);
    },
  ],
  [
    "network",
    async () => {
      await sandbox.fault({ action: "drop_mid_body" });
      return client().sendMessage(MESSAGE);
    },
  ],
  [
    "network",
    async () =>
      new WhatsJetClient({ baseUrl: `http://127.0.0.1:${await closedPort()}/api`, vendorUid: VENDOR, token: TOKEN, maxRetries: 0 }).sendMessage(
        MESSAGE,
      ),
  ],
  [
    "invalid_response",
    async () => {
      await sandbox.fault({ status: 200, body: "<html>oops</html>" });
      return client().sendMessage(MESSAGE);
    },
  ],
  [
    "invalid_response",
    async () => {
      await sandbox.fault({ action: "huge_body", size_bytes: 2 * 1024 * 1024 });
      return client().sendMessage(MESSAGE);
    },
  ],
];

PROVOKED.forEach(([code, provoke], i) => {
  test(`${code} error #${i}: the token is in none of its renderings`, async () => {
    const err = await failure(provoke);
    assertWhatsJetError(err, code);
    // The abort reason above carries the token on purpose: the library must
    // not copy the caller's reason into its error either.
    assertNoToken(err, `the ${code} error`);
  });
});

test("a config error does not echo a bad token", async () => {
  for (const token of ["tok_SECRET with space", "tok_SECRET\twith tab", "tok_SECRET\u0000nul", "tok_SECRETé"]) {
    const err = await failure(() => new WhatsJetClient({ baseUrl: "https://example.com/api", vendorUid: "v", token }));
    assertWhatsJetError(err, "config");
    assert.equal(err.message, "token must be printable ASCII without spaces (it is sent as a Bearer token).");
    assertNoToken(err, "the config error", ["tok_SECRET", "with space", "with tab", "nul", "é"]);
  }
});

// ---- the client itself --------------------------------------------------------------

test("the client's renderings never show the token", () => {
  const c = client({ fromPhoneNumberId: "100000000000001", defaultCountryCode: "91" });
  const texts = [
    JSON.stringify(c),
    String(c),
    `${c}`,
    c.toString(),
    JSON.stringify(c.toJSON()),
    util.inspect(c, { showHidden: true, depth: 10, getters: true }),
    util.inspect(c.toJSON(), { showHidden: true, depth: 10 }),
    JSON.stringify(Object.getOwnPropertyNames(c).map((k) => [k, c[k]])),
  ];
  for (const text of texts) {
    for (const needle of NEEDLES) assert.ok(!text.includes(needle), `the client shows the token: ${text}`);
  }
  assert.equal(c.toJSON().token, undefined);
  assert.equal(c.token, undefined);
  assert.deepEqual(Object.keys(c.toJSON()).sort(), [
    "baseUrl",
    "defaultCountryCode",
    "fromPhoneNumberId",
    "maxRetries",
    "maxRetryDelayMs",
    "retryUnknownDelivery",
    "timeoutMs",
    "vendorUid",
  ]);
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
  process.stdout.write = (chunk, ...rest) => {
    printed.push(`stdout: ${chunk}`);
    return typeof rest.at(-1) === "function" ? (rest.at(-1)(), true) : true;
  };
  process.stderr.write = (chunk, ...rest) => {
    printed.push(`stderr: ${chunk}`);
    return typeof rest.at(-1) === "function" ? (rest.at(-1)(), true) : true;
  };
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

// ---- baseUrl: https except loopback ---------------------------------------------------------

const LOOPBACK = [
  "http://127.0.0.1/api",
  "http://127.0.0.1:8787/api",
  "http://127.1.2.3:1/api",
  "http://localhost/api",
  "http://localhost:8787",
  "http://LOCALHOST:1/x",
  "http://[::1]/api",
  "http://[::1]:8787/api",
  "https://example.com/api",
  "https://10.0.0.1/api",
];
for (const baseUrl of LOOPBACK) {
  test(`baseUrl ${baseUrl} is accepted`, () => {
    const c = new WhatsJetClient({ baseUrl, vendorUid: "v", token: TOKEN });
    assert.equal(c.toJSON().baseUrl, baseUrl.replace(/\/$/, ""));
  });
}

const NOT_LOOPBACK = [
  "http://10.0.0.1/api",
  "http://10.0.0.1:8787/api",
  "http://example.com/api",
  "http://example.com",
  "http://192.168.1.1/api",
  "http://0.0.0.0/api",
  "http://127.0.0.1.example.com/api",
  "http://localhost.example.com/api",
  "http://127.0.0.1@example.com/api",
  "http://localhost:8787@example.com/api",
  "http://[::1]@example.com/api",
  "http://example.com/127.0.0.1",
  "http://example.com#@127.0.0.1/api",
  "http://example.com?@127.0.0.1/api",
  "http://example.com\\@127.0.0.1/api",
  "http://example.com\\.localhost/api",
  "http://[::ffff:10.0.0.1]/api",
  "http://[::2]/api",
  "http://2130706433/api",
  "ftp://127.0.0.1/api",
  "ws://127.0.0.1/api",
  "file:///etc/passwd",
  "javascript:alert(1)",
  "//127.0.0.1/api",
  "127.0.0.1/api",
];
for (const baseUrl of NOT_LOOPBACK) {
  test(`baseUrl ${JSON.stringify(baseUrl)} is a config error`, async () => {
    const err = await failure(() => new WhatsJetClient({ baseUrl, vendorUid: "v", token: TOKEN }));
    assertWhatsJetError(err, "config");
    assertNoToken(err, "the config error");
  });
}

// ---- the path ---------------------------------------------------------------------------

for (const vendorUid of ["../x", "a/b", "a?b", "a#b", "%2e%2e", "..", ".", "a\\b", "a b", "a%2fb", "a\u2215b", "a\u0000b", "a\nb", "ａ"]) {
  test(`vendorUid ${JSON.stringify(vendorUid)} is a config error`, async () => {
    const err = await failure(() => new WhatsJetClient({ baseUrl: sandbox.baseUrl, vendorUid, token: TOKEN }));
    assertWhatsJetError(err, "config");
    assert.match(err.message, /^vendorUid may contain only/);
  });
}

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
    assertWhatsJetError(err, "validation");
    assert.equal(err.attempts, 0);
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

// Found while writing these tests, and fixed meanwhile (3922c5f "config:
// refuse credentials in baseUrl"): a baseUrl with user:password used to be
// accepted; every call then failed with a retryable `network` error whose
// message quoted the whole URL, password included.
test("a baseUrl with credentials is a config error that does not echo them", async () => {
  for (const baseUrl of ["http://user:pw_SECRET_1a2b3c@127.0.0.1:1/api", "https://user:pw_SECRET_1a2b3c@example.com/api", `https://${TOKEN}@example.com/api`]) {
    const err = await failure(() => new WhatsJetClient({ baseUrl, vendorUid: "v", token: TOKEN }));
    assertWhatsJetError(err, "config");
    assertNoToken(err, "the config error", [...NEEDLES, "pw_SECRET_1a2b3c"]);
  }
});

// A baseUrl that the fetch Request constructor would refuse (a port over
// 65535) is refused when the client is made, not retried call after call.
test(
  "a baseUrl with an impossible port is a config error",
  async () => {
    let err;
    try {
      const c = new WhatsJetClient({ baseUrl: "https://example.com:99999/api", vendorUid: "v", token: TOKEN, maxRetries: 1, maxRetryDelayMs: 10 });
      err = await failure(() => c.sendMessage(MESSAGE));
    } catch (e) {
      err = e;
    }
    console.log(`baseUrl with port 99999: code ${err.code}, retryable ${err.retryable}, attempts ${err.attempts}, message: ${err.message}`);
    assertWhatsJetError(err, "config");
  },
);
