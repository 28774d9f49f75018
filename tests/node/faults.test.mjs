// What faults do to time, to the requests on the wire and to memory, through
// the built package (pkg/node) against a private sandbox: the retries the
// client makes by itself (each rule family once; the rules themselves are
// unit-tested with a fake clock in src/call.rs), oversized bodies, hostile
// keys and load. For each call: success or the error, and how many requests
// the sandbox recorded (a duplicate send would show here). The exact fields
// of the error each fault gives are in errors.test.mjs. Every call is raced
// against a deadline, so a hang fails its test instead of stalling the run.
//
// Run: scripts/build.sh && cargo build -p whatsjet-sandbox &&
//      node --test tests/node/faults.test.mjs

import assert from "node:assert/strict";
import http from "node:http";
import { after, before, beforeEach, test } from "node:test";
import util from "node:util";

import { Hang, VENDOR, assertWhatsJetError, makeClient, sleep, startSandbox, wasmMemoryBytes, withDeadline } from "./helpers.mjs";

const MESSAGE = { phone_number: "919876543210", message_body: "Hello" };
const SEND_PATH = `/api/${VENDOR}/contact/send-message`;
/** Longest any single call of this file may take before it counts as a hang. */
const SETTLE_MS = 10_000;
/** Time given to a stray late request (a duplicate) to show up before counting. */
const GRACE_MS = 150;

let sandbox;
const rows = [];

before(async () => {
  sandbox = await startSandbox({ args: ["--rate-limit", "0"] });
});
after(async () => {
  await sandbox?.stop();
  const lines = [
    "",
    "| fault | code | requests recorded | attempts | deliveryUnknown |",
    "|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.fault} | ${r.code} | ${r.requests} | ${r.attempts} | ${r.deliveryUnknown} |`),
    "",
  ];
  console.log(lines.join("\n"));
});
beforeEach(() => sandbox.reset());

const client = (options) => makeClient(sandbox.baseUrl, { timeoutMs: 500, maxRetryDelayMs: 3000, ...options });

/**
 * Runs one call to its end: `{ value }` or `{ error }`, with the time it
 * took and the requests the sandbox recorded for it.
 */
async function outcome(call, { settleMs = SETTLE_MS } = {}) {
  const started = performance.now();
  let result;
  try {
    result = { value: await withDeadline(call(), settleMs) };
  } catch (error) {
    if (error instanceof Hang) throw error;
    result = { error };
  }
  result.elapsed = performance.now() - started;
  await sleep(GRACE_MS);
  result.requests = (await sandbox.requests()).filter((r) => r.path.startsWith("/api/"));
  return result;
}

/** Asserts that the call failed with a WhatsJetError of these fields, and returns it. */
function assertError(result, expected) {
  assert.ok(result.error, `expected an error, got ${util.inspect(result.value, { depth: 5 })}`);
  return assertWhatsJetError(result.error, expected);
}

function assertSuccess(result) {
  assert.ok(!result.error, `expected success, got ${result.error?.code}: ${result.error?.message}`);
  assert.equal(result.value.result, "success");
}

function row(fault, result, requests = result.requests.length) {
  rows.push({
    fault,
    code: result.error ? `\`${result.error.code}\`` : "success",
    requests,
    attempts: result.error ? result.error.attempts : "—",
    deliveryUnknown: result.error ? result.error.deliveryUnknown : "—",
  });
}

// ---- retries ----------------------------------------------------------------

test("hang once with retryUnknownDelivery as a call option: the retry succeeds, 2 requests", async () => {
  await sandbox.fault({ action: "hang" });
  const r = await outcome(() => client().sendMessage(MESSAGE, { retryUnknownDelivery: true, maxRetries: 1 }));
  assertSuccess(r);
  assert.deepEqual(
    r.requests.map((x) => x.path),
    [SEND_PATH, SEND_PATH],
  );
  row("no answer (`hang`) once, call option retryUnknownDelivery, maxRetries 1", r);
});

// The two answers that say when to come back; the server did not act on
// either, so the same request goes again and the message is delivered once.
for (const [name, fault] of [
  ["429", { answer: "throttled-429", headers: { "retry-after": "1" } }],
  ["503", { status: 503, body: "Service Unavailable", headers: { "retry-after": "1" } }],
]) {
  test(`${name} with Retry-After: 1: the same request again after 1 s, delivered once`, async () => {
    await sandbox.fault(fault);
    const r = await outcome(() => client().sendMessage(MESSAGE));
    assertSuccess(r);
    assert.deepEqual(
      r.requests.map((x) => x.path),
      [SEND_PATH, SEND_PATH],
    );
    assert.equal(r.requests[1].body, r.requests[0].body);
    assert.equal((await sandbox.messages()).length, 1, "delivered once");
    assert.ok(r.elapsed >= 950 && r.elapsed < 2500, `retried after ${r.elapsed} ms (Retry-After: 1)`);
    row(`${name} + \`Retry-After: 1\``, r);
  });
}

// ---- bodies too large to read ---------------------------------------------------

test("a 5 MB body: invalid_response, and wasm memory does not grow by 5 MB", async () => {
  // Warm up: one ordinary call, so the allocator's first growth is not counted.
  await client().sendMessage(MESSAGE);
  await sandbox.reset();
  const before = wasmMemoryBytes();
  await sandbox.fault({ action: "huge_body", size_bytes: 5242880 });
  const r = await outcome(() => client().sendMessage(MESSAGE));
  assertError(r, {
    message: "the server's answer is not the API's JSON: the answer is larger than 1048576 bytes",
    code: "invalid_response",
    status: 200,
    attempts: 1,
    deliveryUnknown: true,
    retryable: false,
  });
  assert.equal(r.requests.length, 1);
  const grown = wasmMemoryBytes() - before;
  console.log(`huge_body 5 MiB: wasm memory ${before} -> ${wasmMemoryBytes()} bytes (grew ${grown})`);
  assert.ok(grown < 5 * 1024 * 1024, `wasm memory grew by ${grown} bytes`);
  row("5 MiB body (`huge_body`)", r);
});

test("a 5 MB chunked body without Content-Length: invalid_response, wasm memory does not grow by 5 MB", async () => {
  // The sandbox's huge_body declares its length, which the client refuses
  // before reading. A server that streams without Content-Length makes the
  // client read the body first; this one is a local Node server.
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits += 1;
    req.resume();
    res.writeHead(200, { "content-type": "application/json" });
    const head = '{"result":"success","message":"';
    const chunk = "x".repeat(64 * 1024);
    res.write(head);
    for (let i = 0; i < 80; i++) res.write(chunk);
    res.end('","data":[]}');
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const c = makeClient(`http://127.0.0.1:${server.address().port}/api`, { timeoutMs: 5000 });
    const before = wasmMemoryBytes();
    const r = await outcome(() => c.sendMessage(MESSAGE));
    const err = assertError(r, { code: "invalid_response", status: 200, attempts: 1, deliveryUnknown: true, retryable: false });
    assert.match(err.message, /larger than 1048576 bytes/);
    assert.equal(hits, 1);
    const grown = wasmMemoryBytes() - before;
    console.log(`chunked 5 MiB: wasm memory ${before} -> ${wasmMemoryBytes()} bytes (grew ${grown})`);
    assert.ok(grown < 5 * 1024 * 1024, `wasm memory grew by ${grown} bytes`);
    row("5 MiB chunked body, no Content-Length (local Node server)", r, hits);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

// ---- hostile keys ------------------------------------------------------------------

test("data with __proto__ and constructor keys: resolves, nothing polluted", async () => {
  // Built with JSON.parse so that "__proto__" is an own key of the fault's
  // JSON (in an object literal it would set the prototype instead).
  const json = JSON.parse(
    '{"result":"success","message":"ok","data":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"wamid":"w"}}',
  );
  await sandbox.fault({ json });
  const r = await outcome(() => client().sendMessage(MESSAGE));
  assertSuccess(r);
  const { data } = r.value;
  assert.equal({}.polluted, undefined);
  assert.equal(Object.prototype.polluted, undefined);
  assert.equal(Object.getPrototypeOf(data), Object.prototype);
  assert.ok(Object.hasOwn(data, "__proto__"), `data.__proto__ is not an own property: ${util.inspect(data)}`);
  assert.deepEqual(Object.getOwnPropertyDescriptor(data, "__proto__").value, { polluted: true });
  assert.equal(data.polluted, undefined);
  assert.ok(Object.hasOwn(data, "constructor"));
  assert.equal(data.wamid, "w");
  assert.equal(Object.getPrototypeOf(r.value), Object.prototype);
  assert.equal(r.requests.length, 1);
  row("`data` with `__proto__`/`constructor` keys", r);
});

// ---- load -----------------------------------------------------------------------------

test("1,000 concurrent sendMessage calls on one client, 5 batches: all succeed, exactly 1,000 recorded, memory flat", async () => {
  const c = client({ timeoutMs: 30000 });
  const sizes = [wasmMemoryBytes()];
  const arrayBuffers = [process.memoryUsage().arrayBuffers];
  const BATCHES = 5;
  const N = 1000;
  for (let batch = 0; batch < BATCHES; batch++) {
    await sandbox.reset();
    const started = performance.now();
    const results = await withDeadline(
      Promise.allSettled(Array.from({ length: N }, () => c.sendMessage(MESSAGE))),
      60_000,
    );
    const failed = results.filter((x) => x.status === "rejected");
    assert.equal(failed.length, 0, `${failed.length} failed, first: ${failed[0]?.reason?.code} ${failed[0]?.reason?.message}`);
    for (const x of results) assert.equal(x.value.result, "success");
    const recorded = (await sandbox.requests()).filter((r) => r.path === SEND_PATH);
    assert.equal(recorded.length, N, `batch ${batch}: the sandbox recorded ${recorded.length}`);
    sizes.push(wasmMemoryBytes());
    arrayBuffers.push(process.memoryUsage().arrayBuffers);
    console.log(
      `batch ${batch + 1}: ${N} calls in ${Math.round(performance.now() - started)} ms; wasm memory ${sizes.at(-1)} bytes; arrayBuffers ${arrayBuffers.at(-1)}`,
    );
  }
  console.log(`wasm memory before/after each batch: ${sizes.join(" -> ")}`);
  // The first batch may grow the heap; after it, growth stays within 1 MiB in total.
  const TOLERANCE = 1024 * 1024;
  const afterFirst = sizes[1];
  for (let i = 2; i < sizes.length; i++) {
    assert.ok(
      sizes[i] - afterFirst <= TOLERANCE,
      `wasm memory keeps growing: ${sizes.join(" -> ")}`,
    );
  }
  rows.push({
    fault: `${N} concurrent sends × ${BATCHES} batches`,
    code: "success",
    requests: `${N} per batch`,
    attempts: "—",
    deliveryUnknown: "—",
  });
});
