// The fault matrix: every way a server or the network can misbehave, sent
// through the built package (pkg/node) against a private sandbox. For each
// fault: the exact error code (or success), how many requests the sandbox
// recorded for the call (a duplicate send would show here), and the
// error's attempts / deliveryUnknown / retryable. Every call is raced
// against a deadline, so a hang fails its test instead of stalling the run.
//
// Run: scripts/build.sh && cargo build -p whatsjet-sandbox &&
//      node --test tests/node/faults.test.mjs

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import http from "node:http";
import { after, before, beforeEach, test } from "node:test";
import util from "node:util";

import { Hang, VENDOR, assertWhatsJetError, closedPort, makeClient, sleep, startSandbox, wasmMemoryBytes, withDeadline } from "./helpers.mjs";

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

// ---- no answer ------------------------------------------------------------

test("hang: timeout, 1 request, delivery unknown, not retryable", async () => {
  await sandbox.fault({ action: "hang" });
  const r = await outcome(() => client().sendMessage(MESSAGE));
  assertError(r, { code: "timeout", attempts: 1, deliveryUnknown: true, retryable: false });
  assert.equal(r.requests.length, 1);
  assert.ok(r.elapsed >= 450 && r.elapsed < 2000, `timed out after ${r.elapsed} ms (timeoutMs 500)`);
  row("no answer (`hang`), timeoutMs 500", r);
});

test("hang once with retryUnknownDelivery as a call option: the retry succeeds, 2 requests", async () => {
  await sandbox.fault({ action: "hang" });
  const r = await outcome(() => client().sendMessage(MESSAGE, { retryUnknownDelivery: true, maxRetries: 1 }));
  assertSuccess(r);
  assert.equal(r.requests.length, 2);
  row("no answer (`hang`) once, call option retryUnknownDelivery, maxRetries 1", r);
});

test("connection reset before the response: network, 1 request, delivery unknown", async () => {
  await sandbox.fault({ action: "drop_before_response" });
  const r = await outcome(() => client().sendMessage(MESSAGE));
  const err = assertError(r, { code: "network", attempts: 1, deliveryUnknown: true, retryable: false });
  assert.match(err.message, /may have been delivered/);
  assert.equal(r.requests.length, 1);
  row("reset before the response (`drop_before_response`)", r);
});

test("connection refused: network, retried, retryable, delivery known", async () => {
  const refused = makeClient(`http://127.0.0.1:${await closedPort()}/api`, { timeoutMs: 500, maxRetries: 2, maxRetryDelayMs: 3000 });
  const r = await outcome(() => refused.sendMessage(MESSAGE));
  const err = assertError(r, { code: "network", attempts: 3, deliveryUnknown: false, retryable: true });
  assert.match(err.message, /ECONNREFUSED/);
  // Backoff with full jitter: at most 500 + 1000 ms of waiting.
  assert.ok(r.elapsed < 1500 + 1000, `took ${r.elapsed} ms`);
  assert.equal(r.requests.length, 0, "the sandbox is not the refused port");
  row("connection refused (closed port), maxRetries 2", r, "0 (nothing listens)");
});

test("reset mid-body: network (the body stream broke after the headers), 1 request, delivery unknown", async () => {
  // The status line and headers arrived, so fetch() resolved; reading the
  // body then rejected ("terminated", cause UND_ERR_SOCKET), so the failure
  // is a network one, not a body that was read and found not to be JSON.
  await sandbox.fault({ action: "drop_mid_body" });
  const r = await outcome(() => client().sendMessage(MESSAGE));
  const err = assertError(r, { code: "network", attempts: 1, deliveryUnknown: true, retryable: false });
  assert.match(err.message, /terminated|UND_ERR_SOCKET/);
  assert.equal(err.status, undefined);
  assert.equal(r.requests.length, 1);
  row("reset mid-body (`drop_mid_body`)", r);
});

// ---- 5xx --------------------------------------------------------------------

const HTML_ERROR = "<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Bad things</h1></body></html>";
for (const status of [500, 502, 504]) {
  for (const [kind, spec] of [
    ["HTML", { body: HTML_ERROR, headers: { "content-type": "text/html; charset=utf-8" } }],
    ["JSON", { json: { message: "Server Error" } }],
  ]) {
    test(`${status} with a ${kind} body: http, 1 request, delivery unknown`, async () => {
      await sandbox.fault({ status, ...spec });
      const r = await outcome(() => client().sendMessage(MESSAGE));
      const err = assertError(r, { code: "http", status, attempts: 1, deliveryUnknown: true, retryable: false });
      if (kind === "JSON") assert.equal(err.serverMessage, "Server Error");
      assert.equal(r.requests.length, 1);
      row(`${status}, ${kind} body`, r);
    });
  }
}

test("503 with Retry-After: 1: retried once, success on the 2nd request", async () => {
  await sandbox.fault({ status: 503, body: "Service Unavailable", headers: { "retry-after": "1" } });
  const r = await outcome(() => client().sendMessage(MESSAGE));
  assertSuccess(r);
  assert.equal(r.requests.length, 2);
  assert.ok(r.elapsed >= 950, `retried after ${r.elapsed} ms, before the 1 s asked`);
  row("503 + `Retry-After: 1`", r);
});

test("503 without Retry-After: http, 1 request, retryable, delivery known", async () => {
  await sandbox.fault({ status: 503, body: "Service Unavailable" });
  const r = await outcome(() => client().sendMessage(MESSAGE));
  assertError(r, { code: "http", status: 503, attempts: 1, deliveryUnknown: false, retryable: true });
  assert.equal(r.requests.length, 1);
  row("503 without Retry-After", r);
});

// ---- 429 ----------------------------------------------------------------------

test("429 with Retry-After: 2: waits about 2 s, then succeeds; 2 requests", async () => {
  await sandbox.fault({ answer: "throttled-429", headers: { "retry-after": "2" } });
  const r = await outcome(() => client().sendMessage(MESSAGE));
  assertSuccess(r);
  assert.equal(r.requests.length, 2);
  assert.ok(r.elapsed >= 1900 && r.elapsed < 3000, `took ${r.elapsed} ms`);
  row("429 + `Retry-After: 2`", r);
});

// ---- broken answers -------------------------------------------------------------

test("HTML error page with 200: invalid_response, delivery unknown", async () => {
  await sandbox.fault({ status: 200, body: HTML_ERROR, headers: { "content-type": "text/html; charset=utf-8" } });
  const r = await outcome(() => client().sendMessage(MESSAGE));
  assertError(r, { code: "invalid_response", status: 200, attempts: 1, deliveryUnknown: true, retryable: false });
  assert.equal(r.requests.length, 1);
  row("HTML page with 200", r);
});

test("HTML error page with 502 (the proxy-502 answer): http", async () => {
  await sandbox.fault({ answer: "proxy-502" });
  const r = await outcome(() => client().sendMessage(MESSAGE));
  assertError(r, { code: "http", status: 502, attempts: 1, deliveryUnknown: true, retryable: false });
  assert.equal(r.requests.length, 1);
  row("HTML page with 502 (`proxy-502`)", r);
});

test("truncated JSON: invalid_response", async () => {
  await sandbox.fault({ action: "truncate_json" });
  const r = await outcome(() => client().sendMessage(MESSAGE));
  assertError(r, { code: "invalid_response", status: 200, attempts: 1, deliveryUnknown: true, retryable: false });
  assert.equal(r.requests.length, 1);
  row("truncated JSON (`truncate_json`)", r);
});

test("empty body with 200: invalid_response", async () => {
  await sandbox.fault({ action: "empty_body", status: 200 });
  const r = await outcome(() => client().sendMessage(MESSAGE));
  const err = assertError(r, { code: "invalid_response", status: 200, attempts: 1, deliveryUnknown: true, retryable: false });
  assert.match(err.message, /empty/);
  assert.equal(r.requests.length, 1);
  row("empty body with 200 (`empty_body`)", r);
});

test("a 5 MB body: invalid_response, and wasm memory does not grow by 5 MB", async () => {
  // Warm up: one ordinary call, so the allocator's first growth is not counted.
  await client().sendMessage(MESSAGE);
  await sandbox.reset();
  const before = wasmMemoryBytes();
  await sandbox.fault({ action: "huge_body", size_bytes: 5242880 });
  const r = await outcome(() => client().sendMessage(MESSAGE));
  const err = assertError(r, { code: "invalid_response", status: 200, attempts: 1, deliveryUnknown: true, retryable: false });
  assert.match(err.message, /larger than 1048576 bytes/);
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

// ---- the API's own refusals -------------------------------------------------------

test('200 with result "failed" and data []: api, 1 request', async () => {
  await sandbox.fault({ status: 200, json: { result: "failed", message: "Something went wrong", data: [] } });
  const r = await outcome(() => client().sendMessage(MESSAGE));
  const err = assertError(r, { code: "api", status: 200, attempts: 1, deliveryUnknown: false, retryable: false });
  assert.equal(err.serverMessage, "Something went wrong");
  assert.equal(r.requests.length, 1);
  row('200 `result: "failed"`, `data: []`', r);
});

for (const answer of ["auth-invalid-token", "auth-invalid-vendor", "auth-vendor-inactive"]) {
  test(`200 "failed" with an auth message (${answer}): unauthorized, 1 request`, async () => {
    await sandbox.fault({ answer });
    const r = await outcome(() => client().sendMessage(MESSAGE));
    assertError(r, { code: "unauthorized", status: 200, attempts: 1, deliveryUnknown: false, retryable: false });
    assert.equal(r.requests.length, 1);
    row(`200 \`failed\`, auth message (\`${answer}\`)`, r);
  });
}

test("401 plan message (plan-without-api-access): unauthorized, status 401", async () => {
  await sandbox.fault({ answer: "plan-without-api-access" });
  const r = await outcome(() => client().sendMessage(MESSAGE));
  const err = assertError(r, { code: "unauthorized", status: 401, attempts: 1, deliveryUnknown: false, retryable: false });
  assert.match(err.serverMessage, /API access is not available in your plan/);
  assert.equal(r.requests.length, 1);
  row("401 plan message (`plan-without-api-access`)", r);
});

test("422 with several field errors (validation-422): api with issues in the server's order", async () => {
  // The sandbox replays the fixture byte for byte: its `errors` keys are the
  // order the server gave (phone_number, then message_body).
  const fixture = JSON.parse(readFileSync(new URL("../../sandbox/answers/validation-422.json", import.meta.url), "utf8"));
  const given = Object.keys(fixture.body.errors);
  assert.deepEqual([...given].sort(), ["message_body", "phone_number"]);
  await sandbox.fault({ answer: "validation-422" });
  const r = await outcome(() => client().sendMessage(MESSAGE));
  const err = assertError(r, { code: "api", status: 422, attempts: 1, deliveryUnknown: false, retryable: false });
  assert.deepEqual(
    err.issues.map((i) => i.path),
    given,
    "the issues are not in the order the server gave them",
  );
  assert.deepEqual(
    err.issues.map((i) => i.code),
    ["required", "required"],
  );
  assert.equal(r.requests.length, 1);
  row("422 with field errors (`validation-422`)", r);
});

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

// ---- abort --------------------------------------------------------------------------

test("abort during a backoff wait (429 Retry-After: 5, abort after 200 ms): aborted within 1 s", async () => {
  await sandbox.fault({ answer: "throttled-429", headers: { "retry-after": "5" } });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 200);
  const r = await outcome(() => client({ maxRetryDelayMs: 10000 }).sendMessage(MESSAGE, { signal: controller.signal }));
  assertError(r, { code: "aborted", attempts: 1, deliveryUnknown: false, retryable: false });
  assert.ok(r.elapsed < 1000, `aborted after ${r.elapsed} ms`);
  // Nothing goes out later either.
  await sleep(500);
  assert.equal((await sandbox.requests()).length, 1);
  row("abort during a 5 s backoff wait (after 200 ms)", r);
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
