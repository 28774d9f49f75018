// validate, validateField and normalizePhoneNumber through the built package:
// exact results for a handful of cases per kind (the Rust tests cover the
// rules exhaustively), and the JavaScript boundary: whatever a caller passes,
// the answer is a result or a WhatsJetError ("validation" for a bad argument,
// "config" for a bad option), never another exception, and the module keeps
// working afterwards.

import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import util from "node:util";

import { assertPlain, assertWhatsJetError, closedPort, loadWhatsjet, makeClient } from "./helpers.mjs";

let whatsjet;
before(() => {
  whatsjet = loadWhatsjet();
});

/** validate(), checked for plainness, then compared exactly. */
function validated(kind, payload, options, expected) {
  const result = whatsjet.validate(kind, payload, options);
  assertPlain(result);
  assert.deepEqual(result, expected);
  return result;
}

/**
 * The WhatsJetError with this code that a call throws, with nothing sent;
 * fails on any other outcome. With `issues`, they and the message must be
 * exactly these: an error with one issue reads like it, one with more needs
 * its `message` given.
 */
function thrownError(call, code, issues, message = issues?.length === 1 ? issues[0].message : undefined) {
  let err;
  try {
    call();
  } catch (e) {
    err = e;
  }
  assert.ok(err !== undefined, "expected a WhatsJetError, nothing was thrown");
  assertWhatsJetError(err, { code, retryable: false, attempts: 0, deliveryUnknown: false });
  assertPlain(err.issues, "err.issues");
  if (issues !== undefined) {
    assert.deepEqual(err.issues, issues);
    assert.equal(err.message, message);
  }
  return err;
}

const validationError = (call, issues) => thrownError(call, "validation", issues);
const configError = (call, issues) => thrownError(call, "config", issues);

/** The module still answers a normal request correctly. */
function assertStillWorks() {
  assert.deepEqual(whatsjet.validate("sendMessage", { phone_number: "+91 98765-43210", message_body: "hi" }), {
    ok: true,
    value: { phone_number: "919876543210", message_body: "hi" },
    warnings: [],
  });
  assert.equal(whatsjet.normalizePhoneNumber("0091 98765 43210"), "919876543210");
}

describe("validate", () => {
  test("sendMessage: normalised body, contact details", () => {
    validated(
      "sendMessage",
      {
        phone_number: "+91 98765-43210",
        message_body: "Hello",
        contact: { first_name: "Johan", groups: ["customers", " vip"], custom_fields: { Score: 7 } },
      },
      undefined,
      {
        ok: true,
        value: {
          phone_number: "919876543210",
          message_body: "Hello",
          contact: { first_name: "Johan", groups: "customers,vip", custom_fields: { Score: "7" } },
        },
        warnings: [],
      },
    );
  });

  test("sendMessage: text the server would strip is valid with a warning", () => {
    validated("sendMessage", { phone_number: "919876543210", message_body: "I <3 you" }, undefined, {
      ok: true,
      value: { phone_number: "919876543210", message_body: "I <3 you" },
      warnings: [
        {
          path: "message_body",
          code: "html_stripped",
          message: 'message_body contains "<" followed by text: the server strips HTML-like tags, so that part would be lost.',
        },
      ],
    });
  });

  test("sendMessage: a camelCase key is unknown, with a suggestion", () => {
    validated("sendMessage", { phone_number: "919876543210", messageBody: "x" }, undefined, {
      ok: false,
      issues: [
        { path: "message_body", code: "required", message: "message_body is required." },
        { path: "messageBody", code: "unknown_field", message: "messageBody is not a field of sendMessage; did you mean message_body?" },
      ],
      warnings: [],
    });
  });

  test("sendMessage: options fill in the country code and the sender", () => {
    validated(
      "sendMessage",
      { phone_number: "098765 43210", message_body: "x" },
      { defaultCountryCode: "+91", fromPhoneNumberId: "100000000000002" },
      { ok: true, value: { from_phone_number_id: "100000000000002", phone_number: "919876543210", message_body: "x" }, warnings: [] },
    );
  });

  test("sendMediaMessage: every issue of the README's example", () => {
    validated("sendMediaMessage", { phone_number: "12345", media_type: "gif" }, undefined, {
      ok: false,
      issues: [
        { path: "phone_number", code: "invalid_phone", message: "phone_number has too few digits (5); with its country code a number has 9 to 15." },
        { path: "media_type", code: "invalid_choice", message: 'media_type must be one of image, video, audio, document; got "gif".' },
        { path: "media_url", code: "required", message: "media_url is required." },
      ],
      warnings: [],
    });
  });

  test("sendMediaMessage: audio with a caption over plain http warns twice", () => {
    validated(
      "sendMediaMessage",
      { phone_number: "919876543210", media_type: "audio", media_url: "http://example.com/a.mp3", caption: "listen" },
      undefined,
      {
        ok: true,
        value: { phone_number: "919876543210", media_type: "audio", media_url: "http://example.com/a.mp3", caption: "listen" },
        warnings: [
          { path: "media_url", code: "insecure_url", message: "media_url is a plain http URL; WhatsApp fetches media over https in practice." },
          { path: "caption", code: "ignored_field", message: "caption is ignored for audio." },
        ],
      },
    );
  });

  test("sendTemplateMessage: the README's location example, 22 → \"22.0\"", () => {
    validated(
      "sendTemplateMessage",
      {
        phone_number: "+55 11 91234-5678",
        template_name: "store_location",
        template_language: "en",
        location_latitude: 22,
        location_longitude: "-43.2",
        location_name: "Store",
        location_address: "{country}",
      },
      undefined,
      {
        ok: true,
        value: {
          phone_number: "5511912345678",
          template_name: "store_location",
          template_language: "en",
          location_latitude: "22.0",
          location_longitude: "-43.2",
          location_name: "Store",
          location_address: "{country}",
        },
        warnings: [],
      },
    );
  });

  test("sendTemplateMessage: a gap in the body parameters, and two headers warn", () => {
    validated(
      "sendTemplateMessage",
      {
        phone_number: "919876543210",
        template_name: "t",
        template_language: "en",
        field_1: "a",
        field_3: "c",
        header_image: "https://example.com/i.jpg",
        header_field_1: "x",
      },
      undefined,
      {
        ok: false,
        issues: [
          {
            path: "field_2",
            code: "required",
            message: "field_2 is required because field_3 is given: body parameters are numbered from 1 without gaps.",
          },
        ],
        warnings: [
          {
            path: "header_field_1",
            code: "several_headers",
            message:
              "header_image and header_field_1 are headers of different kinds: a template has one header at most, so the server uses the one the template has and ignores the others.",
          },
        ],
      },
    );
  });

  test("createContact: country, e-mail and group items", () => {
    validated("createContact", { phone_number: "919876543210", country: "91", groups: ["a,b", 5], email: "x" }, undefined, {
      ok: false,
      issues: [
        { path: "email", code: "invalid_email", message: "email must be an e-mail address such as name@example.com." },
        {
          path: "country",
          code: "invalid_format",
          message: "country must be a country name such as India when a contact is created (a dialling code works only on update).",
        },
        { path: "groups.0", code: "invalid_format", message: "groups item 0 contains a comma, which separates group titles." },
        { path: "groups.1", code: "invalid_type", message: "groups.1 must be a string; got a number." },
      ],
      warnings: [],
    });
  });

  test("updateContact: an empty update, a missing groups, a number in the body, a string for a boolean", () => {
    validated("updateContact", {}, undefined, {
      ok: false,
      issues: [{ path: "", code: "required", message: "An update needs at least one field to change." }],
      warnings: [],
    });
    const groupsCleared = {
      path: "groups",
      code: "groups_cleared",
      message: "groups is not set: the server removes the contact from all its groups on an update without groups.",
    };
    validated("updateContact", { first_name: "Ada" }, undefined, { ok: true, value: { first_name: "Ada" }, warnings: [groupsCleared] });
    validated("updateContact", { phone_number: "919876543210", whatsapp_opt_out: "false" }, undefined, {
      ok: false,
      issues: [
        { path: "whatsapp_opt_out", code: "invalid_type", message: "whatsapp_opt_out must be true or false; got a string." },
        {
          path: "phone_number",
          code: "unknown_field",
          message: "phone_number is not a field of an update: the number goes in the path, as updateContact(phoneNumber, fields).",
        },
      ],
      warnings: [groupsCleared],
    });
  });

  test("a bad option is a config error named after the option", () => {
    configError(() => whatsjet.validate("sendMessage", {}, { defaultCountryCode: "999" }), [
      {
        path: "defaultCountryCode",
        code: "invalid_format",
        message: "defaultCountryCode must be a country calling code such as 91 or +44.",
      },
    ]);
  });
});

describe("validateField", () => {
  const cases = [
    [
      "sendMessage",
      "contact.email",
      "johan@example",
      undefined,
      [{ path: "contact.email", code: "invalid_email", message: "contact.email must be an e-mail address such as name@example.com." }],
    ],
    ["sendMessage", "phone_number", "+91 98765-43210", undefined, []],
    ["sendMessage", "phone_number", "098765 43210", { defaultCountryCode: "91" }, []],
    ["sendMessage", "message_body", "", undefined, [{ path: "message_body", code: "required", message: "message_body must not be empty." }]],
    [
      "updateContact",
      "phone_number",
      "0123",
      undefined,
      [
        {
          path: "phone_number",
          code: "invalid_phone",
          message: "phone_number starts with 0, a national prefix: write it with its country code (such as 919876543210) or set defaultCountryCode.",
        },
      ],
    ],
    [
      "sendTemplateMessage",
      "field_7",
      "a\tb",
      undefined,
      [{ path: "field_7", code: "invalid_format", message: "field_7 must not contain a newline or a tab: WhatsApp refuses them in template parameters." }],
    ],
    [
      "sendTemplateMessage",
      "location_latitude",
      95,
      undefined,
      [{ path: "location_latitude", code: "out_of_range", message: "location_latitude must be between -90 and 90." }],
    ],
    [
      "createContact",
      "custom_fields.BDay",
      {},
      undefined,
      [{ path: "custom_fields.BDay", code: "invalid_type", message: "custom_fields.BDay must be a string; got an object." }],
    ],
    [
      "sendMessage",
      "contact.nickname",
      "x",
      undefined,
      [{ path: "contact.nickname", code: "unknown_field", message: "contact.nickname is not a field of sendMessage." }],
    ],
  ];
  for (const [kind, path, value, options, expected] of cases) {
    test(`${kind} ${path} = ${util.inspect(value)}`, () => {
      const issues = whatsjet.validateField(kind, path, value, options);
      assertPlain(issues);
      assert.deepEqual(issues, expected);
    });
  }
});

const CC_NOT_A_CODE = {
  path: "defaultCountryCode",
  code: "invalid_format",
  message: "defaultCountryCode must be a country calling code such as 91 or +44.",
};

describe("normalizePhoneNumber", () => {
  for (const [input, cc, expected] of [
    ["+91 98765-43210", undefined, "919876543210"],
    ["098765 43210", "91", "919876543210"],
    ["0091 (98765) 43210", undefined, "919876543210"],
    ["+1 (415) 555-2671", undefined, "14155552671"],
    ["020 7946 0958", "+44", "442079460958"],
  ]) {
    test(`${JSON.stringify(input)}${cc ? ` with ${cc}` : ""} → ${expected}`, () => {
      assert.equal(whatsjet.normalizePhoneNumber(input, cc), expected);
    });
  }

  for (const [input, cc, issue] of [
    ["12345", undefined, { path: "phone_number", code: "invalid_phone", message: "phone_number has too few digits (5); with its country code a number has 9 to 15." }],
    [
      "0987654321",
      undefined,
      {
        path: "phone_number",
        code: "invalid_phone",
        message: "phone_number starts with 0, a national prefix: write it with its country code (such as 919876543210) or set defaultCountryCode.",
      },
    ],
    ["+91+9876543210", undefined, { path: "phone_number", code: "invalid_phone", message: "phone_number may have a + only at the start." }],
    ["   ", undefined, { path: "phone_number", code: "required", message: "phone_number is required." }],
    [
      "999 123 456 789",
      undefined,
      {
        path: "phone_number",
        code: "invalid_phone",
        message: "phone_number does not start with a country calling code (999…): write the number with its country code, such as 919876543210.",
      },
    ],
  ]) {
    test(`${JSON.stringify(input)}${cc ? ` with ${cc}` : ""} throws ${issue.code}`, () => {
      validationError(() => whatsjet.normalizePhoneNumber(input, cc), [issue]);
    });
  }

  test('"098765 43210" with 999 throws a config error: 999 is no country calling code', () => {
    configError(() => whatsjet.normalizePhoneNumber("098765 43210", "999"), [CC_NOT_A_CODE]);
  });
});

// ---- hostile arguments ----------------------------------------------------

function deepObject(depth) {
  const root = {};
  let node = root;
  for (let i = 0; i < depth; i++) node = node.a = {};
  return root;
}

function deepArray(depth) {
  const root = [];
  let node = root;
  for (let i = 0; i < depth; i++) {
    const next = [];
    node.push(next);
    node = next;
  }
  return root;
}

const BIG = "9".repeat(1_000_000);
const cycle = {};
cycle.self = cycle;

/** null, undefined and NaN read as JSON null: no value, as JSON.stringify would say. */
const readsAsNull = (value) => value === null || value === undefined || Number.isNaN(value);

const UNREADABLE = "it has a cycle, a BigInt, a property that throws, or is nested too deeply";
const NOT_A_VALUE = "it is a function or a Symbol";
const TOO_DEEP = "it is nested too deeply";

/**
 * Hostile values, each with the issue message `validate("sendMessage", v)`
 * answers: either the whole message, or (prefix) what the JSON reader says.
 */
const HOSTILE = [
  ["null", null, "A sendMessage request must be an object; got null."],
  ["undefined", undefined, "A sendMessage request must be an object; got null."],
  ["a number", 42, "A sendMessage request must be an object; got a number."],
  ["NaN", NaN, "A sendMessage request must be an object; got null."],
  ["an array", ["919876543210", "hi"], "A sendMessage request must be an object; got an array."],
  ["a Symbol", Symbol("x"), `The payload could not be read as JSON: ${NOT_A_VALUE}.`],
  ["a BigInt", 10n, `The payload could not be read as JSON: ${UNREADABLE}.`],
  ["a function", () => "919876543210", `The payload could not be read as JSON: ${NOT_A_VALUE}.`],
  [
    "an object with a throwing getter",
    {
      get phone_number() {
        throw new Error("getter");
      },
    },
    `The payload could not be read as JSON: ${UNREADABLE}.`,
  ],
  ["an object with a throwing toJSON", { toJSON() { throw new Error("toJSON"); } }, `The payload could not be read as JSON: ${UNREADABLE}.`],
  ["a cycle", cycle, `The payload could not be read as JSON: ${UNREADABLE}.`],
  [
    "a Proxy whose traps throw",
    new Proxy({}, { get() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); } }),
    `The payload could not be read as JSON: ${UNREADABLE}.`,
  ],
  ["a 1,000,000-character string", BIG, "A sendMessage request must be an object; got a string."],
  ["a lone surrogate", "\ud800", "A sendMessage request must be an object; got a string."],
  ["a BigInt inside a field", { phone_number: "919876543210", message_body: 1n }, `The payload could not be read as JSON: ${UNREADABLE}.`],
  ["200-deep nesting", deepObject(200), `The payload could not be read as JSON: ${TOO_DEEP}.`],
  // JSON.stringify itself runs out of stack here; the reader's wording is
  // checked only up to its prefix.
  ["10,000-deep objects", deepObject(10_000), { prefix: "The payload could not be read as JSON: " }],
  ["10,000-deep arrays", deepArray(10_000), { prefix: "The payload could not be read as JSON: " }],
];

test("a lone surrogate inside a field becomes U+FFFD, as a TextEncoder would send it", () => {
  const result = whatsjet.validate("sendMessage", { phone_number: "919876543210", message_body: "a\udc00b" });
  assert.equal(result.ok, true);
  assert.equal(result.value.message_body, "a\ufffdb");
});

describe("hostile arguments", () => {
  for (const [name, value, expected] of HOSTILE) {
    test(`validate payload: ${name}`, () => {
      const result = whatsjet.validate("sendMessage", value);
      assertPlain(result);
      assert.deepEqual(Object.keys(result), ["ok", "issues", "warnings"]);
      assert.equal(result.ok, false);
      assert.deepEqual(result.warnings, []);
      assert.equal(result.issues.length, 1);
      const [issue] = result.issues;
      assert.equal(issue.path, "");
      assert.equal(issue.code, "invalid_type");
      if (typeof expected === "string") assert.equal(issue.message, expected);
      else assert.ok(issue.message.startsWith(expected.prefix), issue.message);
      assertStillWorks();
    });
  }

  test("validate payload: a harmless Proxy reads like its target", () => {
    const proxy = new Proxy({ phone_number: "919876543210", message_body: "hi" }, {});
    validated("sendMessage", proxy, undefined, { ok: true, value: { phone_number: "919876543210", message_body: "hi" }, warnings: [] });
  });

  test("validate payload: a 1,000,000-character message body is too long", () => {
    validated("sendMessage", { phone_number: "919876543210", message_body: "x".repeat(1_000_000) }, undefined, {
      ok: false,
      issues: [{ path: "message_body", code: "too_long", message: "message_body must be at most 4096 characters; it has 1000000." }],
      warnings: [],
    });
    assertStillWorks();
  });

  test("validate payload: a 1,000,000-character key is an unknown field", () => {
    const key = "k".repeat(1_000_000);
    const result = whatsjet.validate("sendMessage", { phone_number: "919876543210", message_body: "hi", [key]: 1 });
    assertPlain(result);
    assert.equal(result.ok, false);
    assert.equal(result.issues.length, 1);
    assert.equal(result.issues[0].path, key);
    assert.equal(result.issues[0].code, "unknown_field");
    assertStillWorks();
  });

  const KIND_ISSUE = {
    path: "kind",
    code: "invalid_choice",
    message:
      "kind must be one of sendMessage, sendMediaMessage, sendTemplateMessage, createContact, updateContact, getMessageStatus, listTemplates, listContacts, getContact, listGroups, listLabels, assignGroups, unassignGroups, assignLabels, unassignLabels, assignTeamMember, sendInteractiveMessage, sendCarouselTemplateMessage, scheduleCampaign, listCampaigns, getCampaignStatus.",
  };
  for (const [name, value] of HOSTILE) {
    test(`validate kind: ${name}`, () => {
      validationError(() => whatsjet.validate(value, { phone_number: "919876543210", message_body: "hi" }), [KIND_ISSUE]);
      validationError(() => whatsjet.validateField(value, "message_body", "hi"), [KIND_ISSUE]);
      assertStillWorks();
    });
  }

  for (const [name, value, message] of HOSTILE) {
    test(`validate options: ${name}`, () => {
      const payload = { phone_number: "919876543210", message_body: "hi" };
      if (readsAsNull(value)) {
        validated("sendMessage", payload, value, { ok: true, value: payload, warnings: [] });
      } else {
        // What the payload's reader says of the value, said of the options.
        const expected = typeof message === "string" ? message : message.prefix;
        const unreadable = expected.startsWith("The payload could not be read as JSON: ");
        const err = configError(() => whatsjet.validate("sendMessage", payload, value));
        assert.equal(err.issues.length, 1);
        const [issue] = err.issues;
        assert.deepEqual([issue.path, issue.code], ["", "invalid_type"]);
        if (!unreadable) assert.equal(issue.message, "The validation options must be an object: { defaultCountryCode, fromPhoneNumberId }.");
        else if (typeof message === "string") assert.equal(issue.message, message.replace("The payload", "The options"));
        else assert.ok(issue.message.startsWith("The options could not be read as JSON: "), issue.message);
      }
      assertStillWorks();
    });
  }

  // A lone surrogate is a readable (if broken) string: see the U+FFFD test.
  for (const [name, value] of HOSTILE.filter(([n]) => n !== "a lone surrogate")) {
    test(`validateField value: ${name}`, () => {
      const issues = whatsjet.validateField("sendMessage", "message_body", value);
      assertPlain(issues);
      assert.equal(issues.length, 1);
      assert.equal(issues[0].path, "message_body");
      assert.ok(["required", "invalid_type", "too_long"].includes(issues[0].code), issues[0].code);
      assertStillWorks();
    });
  }

  const PATH_ISSUE = { path: "path", code: "invalid_type", message: 'path must be a string such as "contact.email".' };
  for (const [name, value] of HOSTILE) {
    test(`validateField path: ${name}`, () => {
      if (typeof value === "string") {
        const issues = whatsjet.validateField("sendMessage", value, "x");
        assertPlain(issues);
        assert.equal(issues.length, 1);
        assert.equal(issues[0].code, "unknown_field");
      } else {
        validationError(() => whatsjet.validateField("sendMessage", value, "x"), [PATH_ISSUE]);
      }
      assertStillWorks();
    });
  }

  const NOT_A_STRING = { path: "phone_number", code: "invalid_type", message: "phone_number must be a string." };
  for (const [name, value] of HOSTILE) {
    test(`normalizePhoneNumber input: ${name}`, () => {
      if (typeof value === "string") {
        const err = validationError(() => whatsjet.normalizePhoneNumber(value));
        assert.equal(err.issues.length, 1);
        assert.equal(err.issues[0].path, "phone_number");
        assert.equal(err.issues[0].code, "invalid_phone");
      } else {
        validationError(() => whatsjet.normalizePhoneNumber(value), [NOT_A_STRING]);
      }
      assertStillWorks();
    });
  }

  test("normalizePhoneNumber: a 1,000,000-digit number", () => {
    validationError(() => whatsjet.normalizePhoneNumber(BIG), [
      { path: "phone_number", code: "invalid_phone", message: "phone_number has too many digits (1000000); with its country code a number has at most 15." },
    ]);
    assertStillWorks();
  });

  const CC_NOT_A_STRING = { path: "defaultCountryCode", code: "invalid_type", message: "defaultCountryCode must be a string." };
  for (const [name, value] of HOSTILE) {
    test(`normalizePhoneNumber defaultCountryCode: ${name}`, () => {
      if (value === null || value === undefined) {
        // Absent: the national 0 stays an error.
        validationError(() => whatsjet.normalizePhoneNumber("098765 43210", value));
      } else {
        configError(() => whatsjet.normalizePhoneNumber("098765 43210", value), [typeof value === "string" ? CC_NOT_A_CODE : CC_NOT_A_STRING]);
      }
      assertStillWorks();
    });
  }

  test("a client's calls with hostile arguments reject with a WhatsJetError", async () => {
    // Nothing listens at this address, so a call that passes validation ends
    // as a network error: the point is that nothing else ever comes out.
    const client = makeClient(`http://127.0.0.1:${await closedPort()}/api`, { maxRetries: 0 });
    const expectRejection = async (promise, code, what) => {
      assert.equal(typeof promise?.then, "function", `${what}: not a promise`);
      await assert.rejects(promise, (err) => {
        assert.ok(err instanceof Error, what);
        assert.equal(err.name, "WhatsJetError", what);
        assert.equal(err.code, code, what);
        return true;
      });
    };
    for (const [name, value] of HOSTILE) {
      await expectRejection(client.sendMessage(value), "validation", `request ${name}`);
      await expectRejection(client.updateContact(value, { first_name: "Ada", groups: "vip" }), "validation", `number ${name}`);
      // Call options: null, undefined and NaN are no options (then the call goes
      // out and meets the closed port); every hostile value is a config error.
      const none = readsAsNull(value);
      await expectRejection(
        client.sendMessage({ phone_number: "919876543210", message_body: "hi" }, value),
        none ? "network" : "config",
        `options ${name}`,
      );
    }
    assertStillWorks();
  });

  test("the client constructor with hostile options throws a config error", () => {
    for (const [name, value] of HOSTILE) {
      assert.throws(
        () => new whatsjet.WhatsJetClient(value),
        (err) => {
          assert.ok(err instanceof Error, name);
          assert.equal(err.name, "WhatsJetError", name);
          assert.equal(err.code, "config", name);
          return true;
        },
      );
    }
    assertStillWorks();
  });
});
