// What the Node test files share, beside the sandbox and the package loader
// of ./sandbox.mjs (re-exported here, so a test file imports from one place):
// a client factory, a closed port, deadlines, the renderings a secret must
// stay out of, and the checks of a WhatsJetError.

import assert from "node:assert/strict";
import net from "node:net";
import util from "node:util";

import { TOKEN, VENDOR, loadWhatsjet } from "./sandbox.mjs";

export * from "./sandbox.mjs";

/** A WhatsJetClient of the sandbox's vendor and token at `baseUrl`; `options` go over them. */
export function makeClient(baseUrl, options = {}) {
  return new (loadWhatsjet().WhatsJetClient)({ baseUrl, vendorUid: VENDOR, token: TOKEN, ...options });
}

/** A TCP port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Thrown when a call did not settle in time: a hang is a failure, never an outcome. */
export class Hang extends Error {}

/** Settles like `promise`, or rejects with a Hang after `ms`. */
export async function withDeadline(promise, ms, what = "the call") {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Hang(`${what} did not settle within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What `call` throws or rejects with (within `ms`); fails the test if it
 * returns, resolves or hangs.
 */
export async function failure(call, ms = 10_000) {
  let value;
  try {
    value = await withDeadline(Promise.resolve().then(call), ms);
  } catch (err) {
    if (err instanceof Hang) throw err;
    return err;
  }
  assert.fail(`expected a failure, got ${util.inspect(value)}`);
}

/**
 * Asserts that `err` is a WhatsJetError whose fields include exactly the
 * values of `expected` (other fields are not looked at), and returns it.
 */
export function assertWhatsJetError(err, expected = {}) {
  assert.ok(err instanceof Error, `not an Error: ${util.inspect(err)}`);
  assert.equal(err.name, "WhatsJetError", `not a WhatsJetError: ${util.inspect(err)}`);
  const actual = {};
  for (const key of Object.keys(expected)) actual[key] = err[key];
  assert.deepEqual(actual, expected, `${err.code}: ${err.message} ${util.inspect({ ...err })}`);
  return err;
}

/** Asserts that `value` is built of plain objects, arrays and primitives only. */
export function assertPlain(value, where = "result") {
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    assert.equal(Object.getPrototypeOf(value), Array.prototype, `${where} is not a plain array`);
    for (const [i, item] of value.entries()) assertPlain(item, `${where}[${i}]`);
  } else {
    assert.equal(Object.getPrototypeOf(value), Object.prototype, `${where} is not a plain object`);
    for (const [k, v] of Object.entries(value)) assertPlain(v, `${where}.${k}`);
  }
}

/** Every text a caller could get out of a value: the places a secret must not be. */
export function renderings(value) {
  const out = [String(value), util.inspect(value, { depth: 10, showHidden: true, getters: true }), JSON.stringify(value) ?? ""];
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

/** Asserts that no rendering of `value` contains any of `secrets`. */
export function assertNoSecret(value, secrets, what = "the value") {
  for (const text of renderings(value)) {
    for (const secret of secrets) {
      assert.ok(!text.includes(secret), `${what} shows a secret (${secret}): ${text.slice(0, 500)}`);
    }
  }
}
