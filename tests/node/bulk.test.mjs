// client.sendBulk through the built package against a private sandbox:
// 1,000 recipients with faults on (429s, 500s, timeouts, dropped
// connections), compared row by row with what the sandbox recorded and
// delivered; the pace on the sandbox's own rate limiter; an abort; and the
// arguments it refuses. The scheduling rules themselves are unit-tested on
// a simulated clock in src/bulk.rs.
//
// Run: scripts/build.sh && cargo build -p whatsjet-sandbox &&
//      node --test tests/node/bulk.test.mjs

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";

import { VENDOR, assertWhatsJetError, failure, makeClient, sleep, startSandbox, withDeadline } from "./helpers.mjs";

const SEND_PATH = `/api/${VENDOR}/contact/send-message`;

let sandbox;

before(async () => {
  sandbox = await startSandbox({ args: ["--rate-limit", "0"] });
});
after(() => sandbox?.stop());
beforeEach(() => sandbox.reset());

/** The text to the `i`-th recipient: 917000000000 + i. */
const row = (i) => ({ phone_number: String(917000000000 + i), message_body: `Offer ${i}` });

/** How many times each phone number appears in `items`. */
function tally(items, phoneOf) {
  const counts = new Map();
  for (const item of items) {
    const phone = phoneOf(item);
    counts.set(phone, (counts.get(phone) ?? 0) + 1);
  }
  return counts;
}

async function sendRequests() {
  return (await sandbox.requests()).filter((r) => r.path === SEND_PATH);
}

test("1,000 recipients with faults: each sent row delivered once, nothing unsent or surely failed delivered", async () => {
  const total = 1000;
  const payloads = Array.from({ length: total }, (_, i) => row(i));
  // Ten rows the client refuses: they must fail alone.
  const invalid = new Set([7, 150, 299, 400, 401, 555, 600, 777, 901, 999]);
  for (const i of invalid) payloads[i] = { phone_number: "12345", message_body: "x" };
  // Faults hit the sends in the order they reach the server, between runs
  // of untouched requests (a fault with only `delay_ms: 0` changes nothing).
  const faults = [
    { status: 429, headers: { "retry-after": "1" }, json: { message: "Too Many Attempts." } },
    { status: 500, body: "oops" },
    { delay_ms: 1500 }, // answered after the client's time limit: delivered, unknown
    { action: "drop_before_response" },
    { status: 503, headers: { "retry-after": "1" }, body: "" },
  ];
  const counts = { 429: 3, 500: 5, timeout: 5, drop: 3, 503: 2 };
  const queue = [];
  for (const [i, kind] of ["429", "500", "timeout", "drop", "503"].entries()) {
    for (let n = 0; n < counts[kind]; n++) queue.push(faults[i]);
  }
  for (const [n, fault] of queue.entries()) {
    await sandbox.fault({ path_contains: "send-message", times: 25 + n, delay_ms: 0 });
    await sandbox.fault({ path_contains: "send-message", ...fault });
  }

  const progress = [];
  const client = makeClient(sandbox.baseUrl, { timeoutMs: 400 });
  const started = performance.now();
  const outcomes = await withDeadline(
    client.sendBulk("sendMessage", payloads, {
      ratePerMinute: 60_000,
      concurrency: 8,
      maxRetries: 4,
      onProgress: (p) => progress.push(p),
    }),
    60_000,
    "sendBulk",
  );
  const seconds = (performance.now() - started) / 1000;
  // Let the late answers of the timed-out requests land before reading the record.
  await sleep(1600);

  assert.equal(outcomes.length, total);
  assert.deepEqual(
    outcomes.map((o) => o.index),
    payloads.map((_, i) => i),
  );
  const recorded = tally(await sendRequests(), (r) => JSON.parse(r.body).phone_number);
  const delivered = tally(await sandbox.messages(), (m) => m.phone_number);
  const by = { sent: 0, failed: 0, not_sent: 0, unknown: 0 };
  for (const o of outcomes) {
    const phone = payloads[o.index].phone_number;
    by[o.status] += 1;
    if (o.status === "sent") {
      assert.equal(o.reply.result, "success");
      assert.equal(o.reply.data.phone_number, phone);
      assert.equal(delivered.get(phone), 1, `row ${o.index} sent, delivered ${delivered.get(phone)} times`);
    } else if (o.status === "not_sent") {
      assert.equal(recorded.get(phone), undefined, `row ${o.index} not sent, but recorded`);
    } else if (o.error.deliveryUnknown) {
      by.unknown += 1;
      assert.ok((delivered.get(phone) ?? 0) <= 1, `row ${o.index} delivered twice`);
    } else {
      assert.equal(delivered.get(phone), undefined, `row ${o.index} failed (${o.error.code}) but was delivered`);
    }
  }
  for (const i of invalid) {
    assertWhatsJetError(outcomes[i].error, { code: "validation", attempts: 0, deliveryUnknown: false });
    assert.equal(outcomes[i].error.issues[0].path, "phone_number");
  }
  // 429 and 503 with Retry-After are retried; a 500, a timeout and a
  // dropped connection may have been delivered, so they are not.
  const unknown = counts[500] + counts.timeout + counts.drop;
  assert.deepEqual(by, { sent: total - invalid.size - unknown, failed: invalid.size + unknown, not_sent: 0, unknown });
  assert.equal(Math.max(...delivered.values()), 1);
  // Every row was sent once, plus one retry per 429 and 503.
  assert.equal([...recorded.values()].reduce((a, b) => a + b, 0), total - invalid.size + counts[429] + counts[503]);
  // Progress after each row, `done` rising by one.
  assert.deepEqual(
    progress.map((p) => p.done),
    payloads.map((_, i) => i + 1),
  );
  assert.deepEqual(progress.at(-1), { done: total, total, sent: by.sent, failed: by.failed });
  console.log(
    `# sendBulk 1000 rows with faults: ${by.sent} sent, ${by.failed} failed (${by.unknown} deliveryUnknown), ${by.not_sent} not_sent; ` +
      `${[...recorded.values()].reduce((a, b) => a + b, 0)} requests recorded, none delivered twice; ${seconds.toFixed(1)} s`,
  );
});

test("the pace keeps the sandbox's own rate limiter from refusing anything", async () => {
  // The sandbox allows 10 requests a second; unpaced, 30 rows trip it.
  await sandbox.config({ rate_limit: 10, rate_limit_window_secs: 1 });
  const client = makeClient(sandbox.baseUrl);
  const payloads = Array.from({ length: 30 }, (_, i) => row(i));
  const unpaced = await client.sendBulk("sendMessage", payloads, { ratePerMinute: 600_000, maxRetries: 0 });
  // The requests in flight when the first 429 came are refused (no
  // retries here); its Retry-After then holds back the rest, which pass.
  const refused = unpaced.filter((o) => o.status === "failed");
  assert.ok(refused.length > 0, "the unpaced run was never refused");
  assert.deepEqual(new Set(refused.map((o) => o.error.code)), new Set(["rate_limited"]));
  assert.equal(unpaced.filter((o) => o.status === "sent").length, 30 - refused.length);

  await sandbox.reset();
  await sandbox.config({ rate_limit: 10, rate_limit_window_secs: 1 });
  const started = performance.now();
  // 9 a second: one turn every 111 ms.
  const paced = await client.sendBulk("sendMessage", payloads.slice(0, 20), { ratePerMinute: 540, maxRetries: 0 });
  const elapsed = performance.now() - started;
  assert.deepEqual(
    paced.map((o) => o.status),
    Array(20).fill("sent"),
  );
  assert.equal((await sendRequests()).length, 20);
  assert.ok(elapsed >= 19 * (60_000 / 540) - 5, `20 turns took ${elapsed} ms`);
});

test("an abort ends the run within one request's time; the rest is not_sent and never reaches the server", async () => {
  const client = makeClient(sandbox.baseUrl);
  const controller = new AbortController();
  const payloads = Array.from({ length: 20 }, (_, i) => row(i));
  // One turn every 100 ms: about four rows leave before the abort.
  const run = client.sendBulk("sendMessage", payloads, { ratePerMinute: 600, signal: controller.signal });
  await sleep(350);
  const aborted = performance.now();
  controller.abort();
  const outcomes = await withDeadline(run, 2000, "the aborted run");
  assert.ok(performance.now() - aborted < 100, "the run did not end at once");
  const statuses = outcomes.map((o) => o.status);
  const sent = statuses.indexOf("not_sent");
  assert.ok(sent >= 3 && sent <= 5, statuses.join(" "));
  assert.deepEqual(statuses, [...Array(sent).fill("sent"), ...Array(20 - sent).fill("not_sent")]);
  const recorded = tally(await sendRequests(), (r) => JSON.parse(r.body).phone_number);
  assert.deepEqual([...recorded.keys()], payloads.slice(0, sent).map((p) => p.phone_number));
});

test("any iterable of payloads, and every send kind", async () => {
  const client = makeClient(sandbox.baseUrl, { fromPhoneNumberId: "100000000000001" });
  function* templates() {
    yield { phone_number: "918000000001", template_name: "hello_world", template_language: "en" };
    yield { phone_number: "918000000002", template_name: "no_such_template", template_language: "en" };
  }
  const outcomes = await client.sendBulk("sendTemplateMessage", templates(), { ratePerMinute: 6000 });
  assert.deepEqual(
    outcomes.map((o) => [o.index, o.status]),
    [
      [0, "sent"],
      [1, "failed"],
    ],
  );
  assertWhatsJetError(outcomes[1].error, { code: "api", deliveryUnknown: false, retryable: false });
  const buttons = await client.sendBulk(
    "sendInteractiveMessage",
    [{ phone_number: "918000000001", interactive_type: "button", body_text: "Arrived?", buttons: ["Yes", "No"] }],
    { ratePerMinute: 6000 },
  );
  assert.equal(buttons[0].reply.data.status, "accepted");
});

test("wrong arguments reject with validation or config, and send nothing", async () => {
  const client = makeClient(sandbox.baseUrl);
  const kind = await failure(() => client.sendBulk("createContact", [{}]));
  assertWhatsJetError(kind, { code: "validation" });
  assert.equal(
    kind.issues[0].message,
    "kind must be one of sendMessage, sendMediaMessage, sendTemplateMessage, sendInteractiveMessage, sendCarouselTemplateMessage.",
  );
  for (const payloads of [undefined, 5, "918000000001", { phone_number: "918000000001" }]) {
    const err = await failure(() => client.sendBulk("sendMessage", payloads));
    assertWhatsJetError(err, { code: "validation", attempts: 0 });
    assert.equal(err.issues[0].path, "payloads");
  }
  for (const [options, path] of [
    [{ ratePerMinute: 0 }, "ratePerMinute"],
    [{ concurrency: 1.5 }, "concurrency"],
    [{ onProgress: "yes" }, "onProgress"],
    [{ signal: {} }, "signal"],
    [{ timeoutMs: -1 }, "timeoutMs"],
  ]) {
    const err = await failure(() => client.sendBulk("sendMessage", [row(0)], options));
    assertWhatsJetError(err, { code: "config" });
    assert.equal(err.issues[0].path, path);
  }
  assert.equal((await sendRequests()).length, 0);
});
