// Property tests (fast-check) of the built package (pkg/node): random and
// hostile JavaScript values fed to every export and every client method.
//
// Property: each call returns normally, or throws / rejects with a
// WhatsJetError (an Error named "WhatsJetError" with a string `code`) —
// never another exception, never a hang, never an uncaught exception — and
// the module keeps working afterwards (a known-good `validate` still says ok).
//
// Clients point at a closed local port with maxRetries 0, so a request that
// passes validation fails fast with `network` and nothing hangs.
//
// Run: scripts/build.sh && node --test tests/node/property.test.mjs

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { after, before, test } from "node:test";
import util from "node:util";

import fc from "fast-check";

import { Hang, closedPort, loadWhatsjet, makeClient, resolveFromLinkedProject, withDeadline } from "./helpers.mjs";

const { WhatsJetClient, validate, validateField, normalizePhoneNumber } = loadWhatsjet();

const SEED = 20251128;
const RUNS = 2000;
/** A call still pending after this long is a hang. */
const SETTLE_MS = 5000;

let inputs = 0;
let calls = 0;
const counts = {};
/** How calls ended: "returned", or the WhatsJetError code. */
const endings = {};
const uncaught = [];
const onUncaught = (error) => uncaught.push(error);

let port;
before(async () => {
  port = await closedPort();
  process.on("uncaughtException", onUncaught);
  process.on("unhandledRejection", onUncaught);
});
after(() => {
  process.off("uncaughtException", onUncaught);
  process.off("unhandledRejection", onUncaught);
  const detail = Object.entries(counts)
    .map(([name, n]) => `${name} ${n}`)
    .join(", ");
  console.log(`property.test.mjs: ${inputs} generated inputs in total (${detail}); seed ${SEED}`);
  console.log(`property.test.mjs: ${calls} calls into the library; endings: ${JSON.stringify(endings)}`);
});

const client = (options) =>
  makeClient(`http://127.0.0.1:${port}/api`, { token: "tok_property_test", maxRetries: 0, maxRetryDelayMs: 20, timeoutMs: 2000, ...options });

// ---- the property ----------------------------------------------------------

const GOOD = { phone_number: "+91 98765-43210", message_body: "Hello" };

function isWhatsJetError(err) {
  return err instanceof Error && err.name === "WhatsJetError" && typeof err.code === "string";
}

function describe(value) {
  try {
    return util.inspect(value, { depth: 2, breakLength: 120, maxStringLength: 200 });
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** The module still answers a known-good validation, and nothing escaped. */
function assertStillWorks() {
  const result = validate("sendMessage", GOOD);
  assert.equal(result.ok, true, "the module no longer validates a good request");
  assert.equal(result.value.phone_number, "919876543210");
  assert.equal(uncaught.length, 0, `uncaught: ${uncaught.map(describe).join("; ")}`);
}

/** Runs a synchronous call: it returns, or throws a WhatsJetError. */
function syncCall(name, call) {
  calls += 1;
  try {
    call();
    ending("returned");
  } catch (err) {
    assert.ok(isWhatsJetError(err), `${name} threw something else than a WhatsJetError: ${describe(err)}`);
    ending(err.code);
  }
  assertStillWorks();
}

/** Runs a call that should give a promise: it settles, and a rejection is a WhatsJetError. */
async function asyncCall(name, call) {
  calls += 1;
  let promise;
  try {
    promise = call();
  } catch (err) {
    // A synchronous throw would break `await client.x().catch(...)` chains.
    assert.fail(`${name} threw synchronously instead of rejecting: ${describe(err)}`);
  }
  assert.equal(typeof promise?.then, "function", `${name} did not return a promise`);
  try {
    await withDeadline(promise, SETTLE_MS, name);
    ending("resolved");
  } catch (err) {
    if (err instanceof Hang) throw err;
    assert.ok(isWhatsJetError(err), `${name} rejected with something else than a WhatsJetError: ${describe(err)}`);
    ending(err.code);
  }
  assertStillWorks();
}

function ending(how) {
  endings[how] = (endings[how] ?? 0) + 1;
}

function count(name) {
  counts[name] = (counts[name] ?? 0) + 1;
  inputs += 1;
}

// ---- hostile values --------------------------------------------------------
//
// fast-check looks into the values it generates (`cloneMethod in value`, and
// to print a counterexample), which a revoked Proxy or a throwing trap would
// break. So hostile values are generated as recipes (`Lazy`) and built fresh
// by `make()` right before each call; plain generated values pass through.

class Lazy {
  constructor(label, build) {
    this.label = label;
    this.build = build;
  }
  [fc.toStringMethod]() {
    return `<${this.label}>`;
  }
}
const lazy = (label, build) => new Lazy(label, build);
/** The value a recipe stands for, built now (nested recipes too). */
const make = (v) => (v instanceof Lazy ? v.build() : v);

/** Single string units: any code point, or a lone surrogate half. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
// fc's "binary" unit never yields a lone surrogate, so they are mixed in here.
const unit = fc.oneof({ weight: 4, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) }, loneSurrogate);
const anyString = fc.string({ unit, maxLength: 40 });

/** 1k to 100k characters: repeated random text, possibly cut inside a surrogate pair. */
const hugeString = fc
  .tuple(fc.string({ unit, minLength: 1, maxLength: 8 }), fc.integer({ min: 1000, max: 100_000 }))
  .map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n));

/** Field names and option names, so values land where the library reads them. */
const FIELD_NAMES = [
  "phone_number", "message_body", "contact", "first_name", "last_name", "email", "country",
  "language_code", "groups", "custom_fields", "from_phone_number_id", "media_type", "media_url",
  "caption", "file_name", "template_name", "template_language", "field_1", "field_2", "header_image",
  "location_latitude", "location_longitude", "copy_code", "button_0", "whatsapp_opt_out",
  "baseUrl", "vendorUid", "token", "fromPhoneNumberId", "defaultCountryCode", "timeoutMs",
  "maxRetries", "maxRetryDelayMs", "retryUnknownDelivery", "signal",
  "__proto__", "constructor", "prototype", "toJSON", "valueOf", "toString", "length", "then",
];
const key = fc.oneof(fc.constantFrom(...FIELD_NAMES), anyString);

const THROWABLES = {
  error: () => new Error("getter says no"),
  string: () => "a string",
  undefined: () => undefined,
  symbol: () => Symbol("thrown"),
  bigint: () => 42n,
  "fake WhatsJetError": () => ({ code: "validation", name: "WhatsJetError" }),
};
const throwable = fc.constantFrom(...Object.keys(THROWABLES));

/** An object with an enumerable getter that throws (own, or on its prototype). */
const throwingGetter = fc.tuple(key, throwable, fc.boolean()).map(([k, what, onProto]) =>
  lazy(`getter ${JSON.stringify(k)} throws ${what}${onProto ? " (inherited)" : ""}`, () => {
    const target = {};
    Object.defineProperty(target, k, {
      enumerable: true,
      configurable: true,
      get() {
        throw THROWABLES[what]();
      },
    });
    return onProto ? Object.create(target) : target;
  }),
);

/** Proxies whose traps throw. */
const throwingProxy = fc
  .tuple(
    fc.subarray(["ownKeys", "get", "getOwnPropertyDescriptor", "has", "getPrototypeOf", "apply"], { minLength: 1 }),
    fc.constantFrom("object", "array", "function"),
    throwable,
  )
  .map(([traps, shape, what]) =>
    lazy(`Proxy(${shape}) throwing ${what} on ${traps.join("/")}`, () => {
      const handler = {};
      for (const trap of traps) {
        handler[trap] = () => {
          throw THROWABLES[what]();
        };
      }
      const target = shape === "array" ? [1, 2] : shape === "function" ? function f() {} : { phone_number: "919876543210" };
      return new Proxy(target, handler);
    }),
  );

const revokedProxy = fc.constant(
  lazy("revoked Proxy", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  }),
);

/** toJSON that throws, or returns something JSON cannot hold. */
const TO_JSON = {
  throws: () => {
    throw new Error("toJSON says no");
  },
  undefined: () => undefined,
  symbol: () => Symbol("s"),
  bigint: () => 1n,
  function: () => () => 1,
  "a good request": () => ({ phone_number: "919876543210", message_body: "from toJSON" }),
};
const weirdToJSON = fc.constantFrom(...Object.keys(TO_JSON)).map((what) => lazy(`toJSON ${what}`, () => ({ toJSON: TO_JSON[what] })));

const cyclic = fc.constant(
  lazy("cycle", () => {
    const o = { phone_number: "919876543210" };
    o.self = o;
    return o;
  }),
);

const ODD = {
  "Symbol()": () => Symbol("sym"),
  "Symbol.for": () => Symbol.for("registered"),
  "Symbol.iterator": () => Symbol.iterator,
  "10n**30n": () => 10n ** 30n,
  "-1n": () => -1n,
  function: () => function named() {},
  class: () => class K {},
  "async function": () => async () => {},
  Date: () => new Date(),
  "invalid Date": () => new Date(NaN),
  Uint8Array: () => new Uint8Array([1, 2, 3]),
  Float64Array: () => new Float64Array(4),
  BigInt64Array: () => new BigInt64Array(2),
  ArrayBuffer: () => new ArrayBuffer(8),
  DataView: () => new DataView(new ArrayBuffer(4)),
  Map: () => new Map([["phone_number", "919876543210"]]),
  Set: () => new Set([1]),
  WeakMap: () => new WeakMap(),
  Promise: () => Promise.resolve(1),
  Error: () => new Error("an error"),
  RegExp: () => /re/g,
  "Object.create(null)": () => Object.create(null),
  "null-prototype request": () => Object.assign(Object.create(null), { phone_number: "919876543210", message_body: "Hi" }),
  "new String": () => new String("919876543210"),
  "new Number": () => new Number(5),
  "new Boolean": () => new Boolean(false),
  "-0": () => -0,
  NaN: () => NaN,
  Infinity: () => Infinity,
  "-Infinity": () => -Infinity,
  "MAX_SAFE_INTEGER+2": () => Number.MAX_SAFE_INTEGER + 2,
  "1e308": () => 1e308,
  "5e-324": () => 5e-324,
  '""': () => "",
  '" "': () => " ",
  NUL: () => "\u0000",
  "lone high surrogate": () => "\uD800",
  "reversed surrogates": () => "\uDFFF\uD800",
  AbortSignal: () => new AbortController().signal,
  "aborted AbortSignal": () => AbortSignal.abort("why"),
  AbortController: () => new AbortController(),
  globalThis: () => globalThis,
  process: () => process,
  "[]": () => [],
  "[undefined, fn, symbol]": () => [undefined, () => 1, Symbol("x")],
  "new Array(5)": () => new Array(5),
  "{length: 1e9}": () => ({ length: 1e9 }),
};
const oddValue = fc.constantFrom(...Object.keys(ODD)).map((what) => lazy(what, ODD[what]));

/** An object built from generated entries; "__proto__" becomes an own key. */
const objectOf = (entries, label = "object") =>
  lazy(label, () => {
    const o = {};
    for (const [k, v] of entries) Object.defineProperty(o, k, { value: make(v), enumerable: true, configurable: true, writable: true });
    return o;
  });
const arrayOf = (items) => lazy("array", () => items.map(make));

/** Random trees from fc.letrec; long single-child chains make them deep. */
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: "max", maxDepth: 90 },
    { weight: 2, arbitrary: fc.oneof(anyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), oddValue) },
    { weight: 5, arbitrary: tie("tree").map((t) => arrayOf([t])) },
    { weight: 5, arbitrary: fc.tuple(key, tie("tree")).map(([k, t]) => objectOf([[k, t]])) },
    { weight: 1, arbitrary: fc.array(tie("tree"), { maxLength: 3 }).map(arrayOf) },
    { weight: 1, arbitrary: fc.array(fc.tuple(key, tie("tree")), { maxLength: 3 }).map((e) => objectOf(e)) },
  ),
}));

/** A plain chain of 60 to 400 levels of objects and arrays (serde_json stops at 128). */
const deepChain = fc
  .tuple(fc.integer({ min: 60, max: 400 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), anyString)
  .map(([depth, shape, leaf]) =>
    lazy(`chain of ${depth}`, () => {
      let value = leaf;
      for (let i = 0; i < depth; i++) value = shape[i % shape.length] ? [value] : { message_body: value };
      return value;
    }),
  );

const anything = fc.anything({
  key,
  maxDepth: 4,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
  stringUnit: unit,
});

/** Any hostile value (or its recipe). */
const evil = fc.oneof(
  { weight: 6, arbitrary: anything },
  { weight: 1, arbitrary: hugeString },
  { weight: 2, arbitrary: anyString },
  { weight: 2, arbitrary: tree },
  { weight: 1, arbitrary: deepChain },
  { weight: 1, arbitrary: throwingGetter },
  { weight: 1, arbitrary: throwingProxy },
  { weight: 1, arbitrary: revokedProxy },
  { weight: 1, arbitrary: weirdToJSON },
  { weight: 1, arbitrary: cyclic },
  { weight: 3, arbitrary: oddValue },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null) },
);

/** A record of some of these fields with these values, as a recipe. */
const recordOf = (fields, label) =>
  fc.record(fields, { requiredKeys: [] }).map((r) => objectOf(Object.entries(r), label));
const dictionaryOf = (k, v, maxKeys) => fc.array(fc.tuple(k, v), { maxLength: maxKeys }).map((e) => objectOf(e));

/** Objects shaped like requests, with hostile values in the real fields. */
const requestLike = fc.oneof(
  dictionaryOf(key, evil, 6),
  recordOf(
    {
      phone_number: fc.oneof(fc.constantFrom("919876543210", "+44 20 7946 0958", "0123"), evil),
      message_body: fc.oneof(fc.constant("Hello"), evil),
      contact: fc.oneof(dictionaryOf(key, evil, 4), evil),
      media_type: fc.oneof(fc.constantFrom("image", "document"), evil),
      media_url: fc.oneof(fc.constant("https://example.com/a.png"), evil),
      template_name: fc.oneof(fc.constant("hello_world"), evil),
      template_language: fc.oneof(fc.constant("en"), evil),
      field_1: evil,
      location_latitude: evil,
      groups: evil,
      custom_fields: fc.oneof(dictionaryOf(anyString, evil, 4), evil),
      from_phone_number_id: evil,
    },
    "request",
  ),
);
const request = fc.oneof({ weight: 2, arbitrary: evil }, { weight: 3, arbitrary: requestLike });

/**
 * Call options: hostile values, and records of the real option names with
 * hostile values. Whole numbers above 50 for maxRetryDelayMs are left out
 * so that a valid `maxRetries: 10` cannot make one run wait through minutes
 * of legitimate backoff against the closed port. (Fake AbortSignals are a
 * separate test at the end of this file; nothing here makes one:
 * `instanceof AbortSignal` holds only for the real signals below.)
 */
const callOptions = fc.oneof(
  { weight: 2, arbitrary: evil },
  {
    weight: 3,
    arbitrary: fc
      .record(
        {
          signal: fc.oneof(
            fc.constantFrom(undefined, null),
            fc.constant(lazy("AbortSignal", () => new AbortController().signal)),
            fc.constant(lazy("aborted AbortSignal", () => AbortSignal.abort())),
            evil,
          ),
          timeoutMs: fc.oneof(fc.constantFrom(0, 1, 100, 600000, 600001, -1, 1.5, "100"), evil),
          maxRetries: fc.oneof(fc.constantFrom(0, 1, 10, 11, -1, 0.5), evil),
          maxRetryDelayMs: fc.oneof(fc.constantFrom(0, 10, 50, 600001, -1, 2.5, "10"), evil),
          retryUnknownDelivery: fc.oneof(fc.boolean(), evil),
        },
        { requiredKeys: [] },
      )
      .filter((o) => !(Number.isInteger(o.maxRetryDelayMs) && o.maxRetryDelayMs > 50))
      .map((r) => objectOf(Object.entries(r), "call options")),
  },
);

const KINDS = ["sendMessage", "sendMediaMessage", "sendTemplateMessage", "createContact", "updateContact"];
const kind = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KINDS) }, evil);
const path = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("phone_number", "contact.email", "field_2", "custom_fields.x", "contact", "", ".", "a..b", "contact.") },
  anyString,
  evil,
);
const validateOptions = fc.oneof(
  evil,
  recordOf(
    {
      defaultCountryCode: fc.oneof(fc.constantFrom("91", "+44", "999", "0"), evil),
      fromPhoneNumberId: fc.oneof(fc.constant("100000000000001"), evil),
    },
    "validate options",
  ),
);

/** Client options: hostile values, and records of the option names. */
const clientOptions = fc.oneof(
  evil,
  recordOf(
    {
      baseUrl: fc.oneof(fc.constantFrom("https://example.com/api", "http://127.0.0.1:1/api", "http://example.com"), evil),
      vendorUid: fc.oneof(fc.constantFrom("v-1", "../x"), evil),
      token: fc.oneof(fc.constantFrom("t", "a b"), evil),
      fromPhoneNumberId: evil,
      defaultCountryCode: evil,
      timeoutMs: evil,
      maxRetries: evil,
      maxRetryDelayMs: evil,
      retryUnknownDelivery: evil,
    },
    "client options",
  ),
  // Valid required options, hostile optional ones: the optional checks run.
  fc
    .record(
      {
        fromPhoneNumberId: fc.oneof(fc.constant("100000000000001"), evil),
        defaultCountryCode: fc.oneof(fc.constantFrom("91", "+44"), evil),
        timeoutMs: fc.oneof(fc.constantFrom(1, 600000), evil),
        maxRetries: fc.oneof(fc.constantFrom(0, 10), evil),
        maxRetryDelayMs: fc.oneof(fc.constantFrom(0, 600000), evil),
        retryUnknownDelivery: fc.oneof(fc.boolean(), evil),
      },
      { requiredKeys: [] },
    )
    .map((r) =>
      objectOf(
        [["baseUrl", "https://example.com/api"], ["vendorUid", "v-1"], ["token", "t"], ...Object.entries(r)],
        "client options with valid baseUrl/vendorUid/token",
      ),
    ),
);

const params = { seed: SEED, numRuns: RUNS, endOnFailure: true };

// Every argument is built fresh for each call from its recipe (`make`), so a
// stateful getter or a consumed signal of one call cannot leak into the next.

// ---- the exports -------------------------------------------------------------

test("validate(kind?, x, options?) returns or throws a WhatsJetError", () => {
  fc.assert(
    fc.property(kind, request, fc.option(validateOptions, { nil: undefined }), fc.nat(2), (k, x, o, arity) => {
      count("validate");
      if (arity === 0) syncCall("validate(x)", () => validate(make(x)));
      else if (arity === 1) syncCall("validate(kind, x)", () => validate(make(k), make(x)));
      else syncCall("validate(kind, x, options)", () => validate(make(k), make(x), make(o)));
      // x as the options too.
      syncCall("validate(kind, good, x)", () => validate(make(k), GOOD, make(x)));
    }),
    params,
  );
});

test("validateField(kind, path, x, options?) returns or throws a WhatsJetError", () => {
  fc.assert(
    fc.property(kind, path, evil, fc.option(validateOptions, { nil: undefined }), (k, p, x, o) => {
      count("validateField");
      syncCall("validateField", () => {
        const issues = validateField(make(k), make(p), make(x), make(o));
        assert.ok(Array.isArray(issues), "validateField returns an array");
      });
      syncCall("validateField (x as options)", () => validateField(make(k), "phone_number", "919876543210", make(x)));
    }),
    params,
  );
});

test("normalizePhoneNumber(x, cc?) returns 9-15 digits or throws a WhatsJetError", () => {
  fc.assert(
    fc.property(
      fc.oneof(evil, fc.stringMatching(/^[+0]?[\d .()-]{0,20}$/)),
      fc.option(fc.oneof(fc.constantFrom("91", "+44", "1", "999"), evil), { nil: undefined }),
      (x, cc) => {
        count("normalizePhoneNumber");
        syncCall("normalizePhoneNumber", () => {
          const out = normalizePhoneNumber(make(x), make(cc));
          assert.equal(typeof out, "string");
          assert.match(out, /^\d{9,15}$/);
        });
      },
    ),
    params,
  );
});

test("new WhatsJetClient(x) makes a client or throws a WhatsJetError", () => {
  fc.assert(
    fc.property(clientOptions, (x) => {
      count("new WhatsJetClient");
      syncCall("new WhatsJetClient", () => {
        const made = new WhatsJetClient(make(x));
        // A client that was made can describe itself.
        assert.equal(typeof String(made), "string");
        assert.equal(typeof JSON.stringify(made), "string");
        made.free();
      });
    }),
    params,
  );
});

// ---- the client's methods -------------------------------------------------------

const METHODS = [
  ["sendMessage", (cl, x, y) => cl.sendMessage(x, y)],
  ["sendMediaMessage", (cl, x, y) => cl.sendMediaMessage(x, y)],
  ["sendTemplateMessage", (cl, x, y) => cl.sendTemplateMessage(x, y)],
  ["createContact", (cl, x, y) => cl.createContact(x, y)],
];

for (const [name, call] of METHODS) {
  test(`client.${name}(x, options) settles, rejecting only with a WhatsJetError`, async () => {
    const cl = client();
    await fc.assert(
      fc.asyncProperty(request, callOptions, fc.boolean(), async (x, y, withOptions) => {
        count(name);
        await asyncCall(`${name}(x${withOptions ? ", options" : ""})`, () =>
          withOptions ? call(cl, make(x), make(y)) : call(cl, make(x)),
        );
        // x as the options of a good request.
        await asyncCall(`${name}(good, x)`, () => call(cl, GOOD, make(x)));
      }),
      params,
    );
  });
}

test("client.updateContact(x, y, z) settles, rejecting only with a WhatsJetError", async () => {
  const cl = client();
  const phone = fc.oneof(fc.constantFrom("919876543210", "91987/../x", "+44 20 7946 0958"), evil);
  await fc.assert(
    fc.asyncProperty(phone, request, callOptions, async (x, y, z) => {
      count("updateContact");
      await asyncCall("updateContact(x, y, z)", () => cl.updateContact(make(x), make(y), make(z)));
      await asyncCall("updateContact(x)", () => cl.updateContact(make(x)));
      await asyncCall("updateContact(good, good, z)", () => cl.updateContact("919876543210", { groups: "vip" }, make(z)));
    }),
    params,
  );
});

test("client.validate(kind, x), toJSON() and toString() return or throw a WhatsJetError", () => {
  const cl = client({ defaultCountryCode: "91" });
  fc.assert(
    fc.property(kind, request, (k, x) => {
      count("client.validate");
      syncCall("client.validate", () => cl.validate(make(k), make(x)));
      syncCall("client.toJSON", () => assert.equal(typeof JSON.stringify(cl.toJSON()), "string"));
      syncCall("client.toString", () => assert.equal(typeof cl.toString(), "string"));
    }),
    params,
  );
});

// ---- valid requests ------------------------------------------------------------------

// Country calling codes of several lengths; the rest of the number is random.
// Numbers of their country (libphonenumber's lengths and patterns), 9 to 15
// digits in all: [country code, national number].
const NUMBERS = [
  ["376", "312345"], ["49", "30901820"], ["1", "4155552671"], ["7", "9161234567"], ["20", "1012345678"],
  ["27", "821234567"], ["33", "123456789"], ["44", "2079460958"], ["52", "5512345678"], ["55", "11912345678"],
  ["61", "412345678"], ["81", "9012345678"], ["86", "13912345678"], ["91", "9876543210"], ["234", "8031234567"],
  ["351", "912345678"], ["880", "1812345678"], ["971", "501234567"], ["998", "912345678"], ["49", "3012345678901"],
];
const SEPARATORS = [" ", "-", ".", "/", "\u00a0", "  "];

/** A valid phone number as people write it, and the digits it stands for. */
const validPhone = fc
  .tuple(
    fc.constantFrom(...NUMBERS),
    fc.constantFrom("", "+", "00", "+ ", "00 "),
    fc.boolean(),
    fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }),
    fc.array(fc.constantFrom(...SEPARATORS), { minLength: 1, maxLength: 8 }),
    fc.constantFrom("", " ", "\u200b", "\u202a"),
  )
  .map(([[cc, national], prefix, bracketCc, groupSizes, seps, wrap]) => {
    const digits = cc + national;
    // The national part in groups, joined by separators; groups of two or
    // more digits may be bracketed (a bracketed single 0 would be "(0)", the
    // dropped national prefix).
    const groups = [];
    for (let i = 0, g = 0; i < national.length; g++) {
      const size = groupSizes[g % groupSizes.length];
      groups.push(national.slice(i, i + size));
      i += size;
    }
    const shown = groups.map((g, i) => (g.length >= 2 && i === 0 && bracketCc ? `(${g})` : g));
    let text = bracketCc ? `${prefix}(${cc})` : `${prefix}${cc}`;
    shown.forEach((g, i) => {
      text += seps[i % seps.length] + g;
    });
    const closing = wrap === "\u202a" ? "\u202c" : wrap;
    return { text: `${wrap}${text}${closing}`, digits };
  });

const validMessage = fc.record(
  {
    phone: validPhone,
    message_body: fc.string({ unit: "grapheme", maxLength: 300 }).map((s) => `x${s}`.slice(0, 4096)),
    from_phone_number_id: fc.option(fc.stringMatching(/^\d{1,32}$/), { nil: undefined }),
    contact: fc.option(
      fc.record(
        {
          first_name: fc.string({ maxLength: 150 }),
          last_name: fc.string({ maxLength: 150 }),
          country: fc.constantFrom("India", "Brazil", "United Kingdom"),
          groups: fc.oneof(fc.constantFrom("vip", "a, b"), fc.array(fc.constantFrom("x", "y", "z"), { maxLength: 3 })),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
  },
  { requiredKeys: ["phone", "message_body"] },
);

test("validate of a valid sendMessage request is ok, with the phone number as 9-15 digits", () => {
  fc.assert(
    fc.property(validMessage, ({ phone, ...rest }) => {
      count("valid sendMessage");
      const body = { phone_number: phone.text, ...rest };
      for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
      const result = validate("sendMessage", body);
      assert.equal(result.ok, true, `${JSON.stringify(body)} -> ${JSON.stringify(result.issues)}`);
      assert.match(result.value.phone_number, /^\d{9,15}$/);
      assert.equal(result.value.phone_number, phone.digits, `${JSON.stringify(phone.text)}`);
      assert.equal(result.value.message_body, body.message_body);
      // And the one-field check agrees.
      assert.deepEqual(validateField("sendMessage", "phone_number", phone.text), []);
      assert.equal(normalizePhoneNumber(phone.text), phone.digits);
    }),
    params,
  );
});

// ---- fake AbortSignals ----------------------------------------------------------------

// An object that passes `instanceof AbortSignal` but is not a real one (or a
// real one whose `aborted` getter throws) as `options.signal`: reading
// `signal.aborted` throws. It once did so inside the wasm task, so the
// promise never settled and the TypeError was an uncaught exception that
// ends a Node process; now the call is refused as a bad option. Run in a
// child process so that a regression cannot take this file down.
const FAKE_SIGNAL_SCRIPT = `
const [pkg, port] = process.argv.slice(1);
const w = require(pkg);
const out = { uncaught: [], outcomes: [] };
process.on("uncaughtException", (e) => out.uncaught.push(String(e && e.message)));
const c = new w.WhatsJetClient({ baseUrl: "http://127.0.0.1:" + port + "/api", vendorUid: "v", token: "t", maxRetries: 0 });
const real = new AbortController().signal;
Object.defineProperty(real, "aborted", { get() { throw new TypeError("no"); } });
const cases = { fake: Object.create(AbortSignal.prototype), realWithThrowingGetter: real };
(async () => {
  for (const [name, signal] of Object.entries(cases)) {
    let settled = "pending after 1 s";
    let p;
    try { p = c.sendMessage({ phone_number: "919876543210", message_body: "Hi" }, { signal }); }
    catch (e) { settled = "threw " + e.name + "/" + e.code; }
    if (p) p.then(() => { settled = "resolved"; }, (e) => { settled = "rejected " + e.name + "/" + e.code; });
    await new Promise((r) => setTimeout(r, 1000));
    out.outcomes.push(name + ": " + settled);
  }
  console.log(JSON.stringify(out));
})();
`;

test(
  "a fake AbortSignal as options.signal rejects with a WhatsJetError, without an uncaught exception",
  () => {
    const child = spawnSync(process.execPath, ["-e", FAKE_SIGNAL_SCRIPT, resolveFromLinkedProject("whatsjet"), String(port)], {
      encoding: "utf8",
      timeout: 20_000,
    });
    const out = JSON.parse(child.stdout.trim().split("\n").at(-1));
    console.log(`fake AbortSignal: ${JSON.stringify(out)}`);
    assert.deepEqual(out.uncaught, []);
    assert.deepEqual(out.outcomes, ["fake: rejected WhatsJetError/config", "realWithThrowingGetter: rejected WhatsJetError/config"]);
  },
);
