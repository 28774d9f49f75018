// `schemas` and `createSchemas`: Standard Schema v1 over `validate`, checked
// as the spec says and through two real consumers from npm, react-hook-form's
// resolver and TanStack Form, which must put each issue on its field.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { FieldApi, FormApi } from "@tanstack/form-core";

import { PKG_DIR, assertWhatsJetError, linkedProject, loadWhatsjet, resolveFromLinkedProject } from "./helpers.mjs";

const EMAIL = "contact.email must be an e-mail address such as name@example.com.";
const SHORT_PHONE = "phone_number has too few digits (5); with its country code a number has 9 to 15.";
const LONG_BUTTON = "buttons.2 must be at most 20 characters; it has 21.";
const interactive = { phone_number: "919876543210", body_text: "Pick one", buttons: ["Yes", "No", "x".repeat(21)] };

test("there is one schema per request kind, each Standard Schema v1 of vendor whatsjet", () => {
  const { schemas, validate } = loadWhatsjet();
  // The kinds validate knows, as its error for an unknown kind lists them.
  let message = "";
  try {
    validate("nope", {});
  } catch (err) {
    message = err.issues[0].message;
  }
  const kinds = /one of (.*)\.$/.exec(message)[1].split(", ");
  assert.equal(kinds.length, 21);
  assert.deepEqual(Object.keys(schemas), kinds);
  for (const kind of kinds) {
    const standard = schemas[kind]["~standard"];
    assert.equal(standard.version, 1, kind);
    assert.equal(standard.vendor, "whatsjet", kind);
    assert.equal(typeof standard.validate, "function", kind);
  }
});

test("validate, called unbound, gives the normalised body or issues with their path as keys", () => {
  const { validate } = loadWhatsjet().schemas.sendMessage["~standard"];
  assert.deepEqual(validate({ phone_number: "+91 98765 43210", message_body: "hi" }), {
    value: { phone_number: "919876543210", message_body: "hi" },
  });
  assert.deepEqual(validate({ phone_number: "12345", message_body: "hi", contact: { email: "x@" } }), {
    issues: [
      { message: SHORT_PHONE, path: ["phone_number"], code: "invalid_phone" },
      { message: EMAIL, path: ["contact", "email"], code: "invalid_email" },
    ],
  });
  // The whole payload has no path.
  assert.deepEqual(validate(null), { issues: [{ message: "A sendMessage request must be an object; got null.", code: "invalid_type" }] });
  const buttons = loadWhatsjet().schemas.sendInteractiveMessage["~standard"].validate;
  assert.deepEqual(buttons(interactive), { issues: [{ message: LONG_BUTTON, path: ["buttons", "2"], code: "too_long" }] });
});

test("a custom field's name is one key, dots and all", () => {
  const { validate } = loadWhatsjet().schemas.createContact["~standard"];
  assert.deepEqual(validate({ phone_number: "919876543210", custom_fields: { "v1.2": { x: 1 } } }), {
    issues: [{ message: "custom_fields.v1.2 must be a string; got an object.", path: ["custom_fields", "v1.2"], code: "invalid_type" }],
  });
  const send = loadWhatsjet().schemas.sendMessage["~standard"].validate;
  assert.deepEqual(send({ phone_number: "919876543210", message_body: "hi", contact: { custom_fields: { "a.b": [] } } }).issues[0].path, [
    "contact",
    "custom_fields",
    "a.b",
  ]);
});

test("createSchemas passes its options to validate: defaults, the template, and a bad option's config error", () => {
  const { createSchemas } = loadWhatsjet();
  const schemas = createSchemas({ defaultCountryCode: "91", fromPhoneNumberId: "100000000000001" });
  assert.deepEqual(schemas.sendMessage["~standard"].validate({ phone_number: "098765 43210", message_body: "hi" }), {
    value: { phone_number: "919876543210", message_body: "hi", from_phone_number_id: "100000000000001" },
  });
  const template = { name: "welcome", language: "en", components: [{ type: "BODY", text: "Hi {{1}}, meet {{2}}." }] };
  const send = createSchemas({ template }).sendTemplateMessage["~standard"].validate;
  assert.deepEqual(send({ phone_number: "919876543210", template_name: "welcome", template_language: "en", field_1: "Ada" }), {
    issues: [{ message: "field_2 is required by the template's body.", path: ["field_2"], code: "required" }],
  });
  const bad = createSchemas({ defaultCountryCode: 91 }).sendMessage["~standard"].validate;
  let thrown;
  try {
    bad({ phone_number: "919876543210", message_body: "hi" });
  } catch (err) {
    thrown = err;
  }
  assertWhatsJetError(thrown, { code: "config" });
  assert.deepEqual(thrown.issues, [{ path: "defaultCountryCode", code: "invalid_type", message: "defaultCountryCode must be a string." }]);
});

test("createSchemas passes the locale and messages options on as they are, functions included", () => {
  const { createSchemas, validateField } = loadWhatsjet();
  const locale = resolveFromLinkedProject("whatsjet/locales/pt-BR");
  const ptBR = createRequire(locale)(locale);
  const [expected] = validateField("sendMessage", "contact.email", "x@", { locale: ptBR });
  const { validate } = createSchemas({ locale: ptBR }).sendMessage["~standard"];
  assert.deepEqual(validate({ phone_number: "919876543210", message_body: "hi", contact: { email: "x@" } }), {
    issues: [{ message: expected.message, path: ["contact", "email"], code: "invalid_email" }],
  });
  assert.notEqual(expected.message, EMAIL);
  const messages = { required: (issue) => `${issue.path}: fill it in` };
  assert.deepEqual(createSchemas({ messages }).sendMessage["~standard"].validate({ message_body: "hi" }), {
    issues: [{ message: "phone_number: fill it in", path: ["phone_number"], code: "required" }],
  });
});

test("the ESM imports of whatsjet and whatsjet/validators, and the web builds, export the same schemas", async () => {
  const dir = linkedProject();
  for (const specifier of ["whatsjet", "whatsjet/validators"]) {
    const { schemas, createSchemas } = await import(pathToFileURL(resolveFromLinkedProject(specifier, dir)).href);
    assert.deepEqual(schemas.sendMessage["~standard"].validate({ phone_number: "12345", message_body: "hi" }), {
      issues: [{ message: SHORT_PHONE, path: ["phone_number"], code: "invalid_phone" }],
    });
    assert.equal(typeof createSchemas, "function", specifier);
  }
  for (const build of ["web", "validators"]) {
    const glue = await import(pathToFileURL(join(PKG_DIR, build, "whatsjet.js")).href);
    glue.initSync({ module: readFileSync(join(PKG_DIR, build, "whatsjet_bg.wasm")) });
    const { validate } = glue.createSchemas({ defaultCountryCode: "91" }).sendMessage["~standard"];
    assert.deepEqual(validate({ phone_number: "098765 43210", message_body: "hi" }), {
      value: { phone_number: "919876543210", message_body: "hi" },
    });
    assert.deepEqual(glue.schemas.sendInteractiveMessage["~standard"].validate(interactive), {
      issues: [{ message: LONG_BUTTON, path: ["buttons", "2"], code: "too_long" }],
    });
  }
  // CommonJS too: the same objects as the ESM import of the Node build.
  const cjs = createRequire(resolveFromLinkedProject("whatsjet", dir))(resolveFromLinkedProject("whatsjet", dir));
  assert.equal(cjs.schemas, loadWhatsjet().schemas);
});

test("react-hook-form's Standard Schema resolver puts each issue on its field", async () => {
  const { schemas } = loadWhatsjet();
  const resolver = standardSchemaResolver(schemas.sendMessage);
  // As react-hook-form calls a resolver.
  const options = { fields: {}, names: undefined, shouldUseNativeValidation: false, criteriaMode: "firstError" };
  const failed = await resolver({ phone_number: "12345", message_body: "hi", contact: { email: "x@" } }, undefined, options);
  assert.deepEqual(failed, {
    values: {},
    errors: {
      phone_number: { message: SHORT_PHONE, type: "", ref: undefined },
      contact: { email: { message: EMAIL, type: "", ref: undefined } },
    },
  });
  const passed = await resolver({ phone_number: "+91 98765 43210", message_body: "hi" }, undefined, options);
  assert.deepEqual(passed, { values: { phone_number: "919876543210", message_body: "hi" }, errors: {} });
  const buttons = await standardSchemaResolver(schemas.sendInteractiveMessage)(interactive, undefined, options);
  // react-hook-form's `set` makes the array: its item 2 alone holds the error.
  assert.ok(Array.isArray(buttons.errors.buttons));
  assert.deepEqual(Object.keys(buttons.errors.buttons), ["2"]);
  assert.deepEqual(buttons.errors.buttons[2], { message: LONG_BUTTON, type: "", ref: undefined });
});

test("TanStack Form's form-level validation puts each issue on its field", async () => {
  const { schemas } = loadWhatsjet();
  let submitted = null;
  const form = new FormApi({
    defaultValues: { phone_number: "12345", message_body: "hi", contact: { email: "x@" } },
    validators: { onSubmit: schemas.sendMessage },
    onSubmit: ({ value }) => {
      submitted = value;
    },
  });
  form.mount();
  const fields = ["phone_number", "message_body", "contact.email"].map((name) => new FieldApi({ form, name }));
  for (const field of fields) field.mount();
  await form.handleSubmit();
  const messages = (name) => form.getFieldMeta(name).errors.map((issue) => issue.message);
  assert.deepEqual(messages("phone_number"), [SHORT_PHONE]);
  assert.deepEqual(messages("contact.email"), [EMAIL]);
  assert.deepEqual(messages("message_body"), []);
  assert.equal(submitted, null);
  fields[0].handleChange("+91 98765 43210");
  fields[2].handleChange("ada@example.com");
  await form.handleSubmit();
  assert.deepEqual(messages("phone_number"), []);
  assert.deepEqual(messages("contact.email"), []);
  assert.deepEqual(submitted, { phone_number: "+91 98765 43210", message_body: "hi", contact: { email: "ada@example.com" } });

  // An array's index: TanStack names the field `buttons[2]`.
  const choices = new FormApi({ defaultValues: interactive, validators: { onChange: schemas.sendInteractiveMessage } });
  choices.mount();
  const third = new FieldApi({ form: choices, name: "buttons[2]" });
  third.mount();
  third.handleChange("y".repeat(21));
  assert.deepEqual(
    choices.getFieldMeta("buttons[2]").errors.map((issue) => issue.message),
    [LONG_BUTTON],
  );
});
