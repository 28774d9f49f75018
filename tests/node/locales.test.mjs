// The messages in the user's language: whatsjet/locales/* as ES modules and
// through require, passed as the `locale` option of validate, validateField
// and WhatsJetClient; the `messages` option's own texts and functions. Codes
// and paths never change with the locale.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";

import { PKG_DIR, ROOT, assertWhatsJetError, linkedProject, loadWhatsjet, makeClient, startSandbox } from "./helpers.mjs";

const LANGS = ["en", "es", "hi", "id", "pt-BR"];
const table = (lang) => JSON.parse(readFileSync(join(ROOT, "locales", `${lang}.json`), "utf8"));

let whatsjet;
let project;
const esm = {};
const cjs = {};
before(async () => {
  whatsjet = loadWhatsjet();
  project = linkedProject("whatsjet-locales-");
  const require = createRequire(join(project, "index.js"));
  for (const lang of LANGS) {
    const url = pathToFileURL(require.resolve(`whatsjet/locales/${lang}`)).href;
    // The import condition resolves to the ES module, require to CommonJS.
    assert.match(url, new RegExp(`/locales/${lang}\\.cjs$`));
    cjs[lang] = require(`whatsjet/locales/${lang}`);
    esm[lang] = (await import(pathToFileURL(join(PKG_DIR, "locales", `${lang}.js`)).href)).default;
  }
});

describe("the locale modules", () => {
  test("import and require give the same table, the one in locales/", () => {
    for (const lang of LANGS) {
      assert.deepEqual(esm[lang], table(lang), lang);
      assert.deepEqual(cjs[lang], table(lang), lang);
      assert.equal(esm[lang].locale, lang);
    }
  });

  test("an ES module importing the package by name gets the ESM build", async () => {
    const probe = join(project, "probe.mjs");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(probe, 'import ptBR from "whatsjet/locales/pt-BR"; export default ptBR;\n');
    const { default: ptBR } = await import(pathToFileURL(probe).href);
    assert.equal(ptBR.locale, "pt-BR");
    assert.equal(ptBR.messages.required, "{path} é obrigatório.");
  });
});

describe("validate in another language", () => {
  const payload = { phone_number: "919876543210", message_body: "x".repeat(4097), contact: { email: "johan@example", first_name: 7 } };

  test("every message of the result is in the locale; codes and paths are not", () => {
    const en = whatsjet.validate("sendMessage", payload);
    const pt = whatsjet.validate("sendMessage", payload, { locale: esm["pt-BR"] });
    assert.deepEqual(
      pt.issues.map((i) => [i.path, i.code]),
      en.issues.map((i) => [i.path, i.code]),
    );
    assert.deepEqual(pt.issues.map((i) => i.message).sort(), [
      "contact.email deve ser um endereço de e-mail, como name@example.com.",
      "contact.first_name deve ser uma string; recebido: um número.",
      "message_body deve ter no máximo 4096 caracteres; tem 4097.",
    ]);
    const es = whatsjet.validate("sendMessage", payload, { locale: cjs.es });
    assert.ok(es.issues.some((i) => i.message === "contact.email debe ser una dirección de correo electrónico, como name@example.com."));
    const id = whatsjet.validate("sendMessage", payload, { locale: esm.id });
    assert.ok(id.issues.some((i) => i.message === "contact.first_name harus berupa string, bukan angka."));
  });

  test("warnings too", () => {
    const r = whatsjet.validate(
      "sendMediaMessage",
      { phone_number: "919876543210", media_type: "audio", media_url: "https://x.example/a.mp3", caption: "hi" },
      { locale: esm["pt-BR"] },
    );
    assert.equal(r.ok, true);
    assert.deepEqual(r.warnings, [{ path: "caption", code: "ignored_field", message: "caption é ignorado para áudio." }]);
  });

  test("validateField takes the same option", () => {
    assert.deepEqual(whatsjet.validateField("sendMessage", "contact.email", "a@b", { locale: esm.es }), [
      { path: "contact.email", code: "invalid_email", message: "contact.email debe ser una dirección de correo electrónico, como name@example.com." },
    ]);
  });

  test("a malformed template definition, often the user's own, is told in the locale too", () => {
    const template = { name: "t", language: "en", components: "BODY" };
    const expected = [{ path: "template.components", code: "invalid_type", message: "template.components deve ser um array, como no formato de template do WhatsApp." }];
    assert.throws(
      () => whatsjet.validate("sendTemplateMessage", {}, { locale: esm["pt-BR"], template }),
      (e) => {
        assert.equal(e.code, "config");
        assert.deepEqual(e.issues, expected);
        return true;
      },
    );
  });

  test("a locale without a message leaves that one English", () => {
    const partial = { locale: "xx", messages: { required: "{path}!!" } };
    const r = whatsjet.validate("sendMessage", { contact: { email: "a@b" } }, { locale: partial });
    assert.deepEqual(
      r.issues.map((i) => i.message),
      ["phone_number!!", "message_body!!", "contact.email must be an e-mail address such as name@example.com."],
    );
  });
});

describe("the messages option", () => {
  test("a text by code covers every message of that code; by key, one message, and it wins", () => {
    const messages = { required: "Fill in {path}", "required.not_empty": "{path} is blank" };
    const r = whatsjet.validate("sendMessage", { phone_number: "919876543210", message_body: "  " }, { messages });
    assert.deepEqual(r.issues, [{ path: "message_body", code: "required", message: "message_body is blank" }]);
    const missing = whatsjet.validate("sendMessage", { phone_number: "919876543210" }, { messages });
    assert.deepEqual(missing.issues, [{ path: "message_body", code: "required", message: "Fill in message_body" }]);
  });

  test("a function gets the issue's parts, params in the locale's words", () => {
    const seen = [];
    const messages = {
      invalid_type: (issue) => {
        seen.push(issue);
        return `Campo ${issue.path}: tipo errado`;
      },
    };
    const r = whatsjet.validateField("sendMessage", "contact.first_name", 7, { locale: esm["pt-BR"], messages });
    assert.deepEqual(r, [{ path: "contact.first_name", code: "invalid_type", message: "Campo contact.first_name: tipo errado" }]);
    assert.deepEqual(seen, [
      {
        path: "contact.first_name",
        code: "invalid_type",
        key: "invalid_type",
        message: "contact.first_name deve ser uma string; recebido: um número.",
        params: { expected: "uma string", got: "um número" },
      },
    ]);
  });

  test("a text by key wins over a function by code, as over a text by code", () => {
    const messages = { "required.not_empty": "{path} is blank", required: (issue) => `Fill in ${issue.path}` };
    const blank = whatsjet.validate("sendMessage", { phone_number: "919876543210", message_body: "  " }, { messages });
    assert.deepEqual(blank.issues, [{ path: "message_body", code: "required", message: "message_body is blank" }]);
    const missing = whatsjet.validate("sendMessage", { phone_number: "919876543210" }, { messages });
    assert.deepEqual(missing.issues, [{ path: "message_body", code: "required", message: "Fill in message_body" }]);
  });

  test("a function that throws makes validate throw its error; one that returns no string is not used", () => {
    const boom = new Error("boom");
    assert.throws(
      () => whatsjet.validate("sendMessage", {}, { messages: { required: () => { throw boom; } } }),
      (e) => e === boom,
    );
    const r = whatsjet.validate("sendMessage", { phone_number: "919876543210" }, { messages: { required: () => 42 } });
    assert.equal(r.issues[0].message, "message_body is required.");
    // The module still works.
    assert.equal(whatsjet.validate("sendMessage", { phone_number: "919876543210", message_body: "hi" }).ok, true);
  });

  test("a key that is no code or message key, or a text that is not a string, is a config error", () => {
    assert.throws(
      () => whatsjet.validate("sendMessage", {}, { messages: { invalid_phon: "x" } }),
      (e) => {
        assertWhatsJetError(e, { code: "config" });
        assert.deepEqual(e.issues, [
          {
            path: "messages",
            code: "unknown_field",
            message: "messages.invalid_phon is not an issue code, a warning code or a message key (such as invalid_phone or too_long).",
          },
        ]);
        return true;
      },
    );
    // A function's key is checked too, and a phrase takes a text only.
    assert.throws(
      () => whatsjet.validateField("sendMessage", "phone_number", "1", { messages: { requird: () => "x" } }),
      (e) => e.code === "config" && e.issues[0].message.startsWith("messages.requird is not an issue code"),
    );
    assert.throws(
      () => whatsjet.validate("sendMessage", {}, { messages: { "type.string": () => "x" } }),
      (e) =>
        e.code === "config" &&
        e.issues[0].message === "messages.type.string is a phrase that other messages take: give it a text, not a function.",
    );
    assert.throws(
      () => makeClient("http://127.0.0.1:9", { messages: { requird: () => "x" } }),
      (e) => e.code === "config" && e.issues[0].path === "messages",
    );
    assert.throws(
      () => whatsjet.validate("sendMessage", {}, { locale: "pt-BR" }),
      (e) => e.code === "config" && e.issues[0].path === "locale",
    );
    assert.throws(
      () => whatsjet.validate("sendMessage", {}, { locale: { messages: { required: 1 } } }),
      (e) => e.code === "config" && e.issues[0].message === "locale.messages must be an object of message key to text.",
    );
  });
});

describe("WhatsJetClient", () => {
  let sandbox;
  before(async () => {
    sandbox = await startSandbox({ args: ["--rate-limit", "0"] });
  });
  after(() => sandbox?.stop());

  test("its validation errors are in its locale, and nothing is sent", async () => {
    const client = makeClient(sandbox.baseUrl, { locale: esm.hi });
    const hi = table("hi").messages;
    await assert.rejects(client.sendMessage({ phone_number: "919876543210" }), (e) => {
      assertWhatsJetError(e, { code: "validation" });
      assert.deepEqual(e.issues, [{ path: "message_body", code: "required", message: hi.required.replace("{path}", "message_body") }]);
      return true;
    });
    assert.equal(client.validate("sendMessage", { phone_number: "919876543210" }).issues[0].message, hi.required.replace("{path}", "message_body"));
    client.free();
  });

  test("its messages option: texts and functions, on sends, previews, validate and pages", async () => {
    const messages = { required: (issue) => `Missing: ${issue.path}`, out_of_range: "{path} is out of range" };
    const client = makeClient(sandbox.baseUrl, { messages });
    const missing = [{ path: "message_body", code: "required", message: "Missing: message_body" }];
    await assert.rejects(client.sendMessage({ phone_number: "919876543210" }), (e) => {
      assert.deepEqual(e.issues, missing);
      assert.equal(e.message, "Missing: message_body");
      return true;
    });
    assert.throws(() => client.preview("sendMessage", { phone_number: "919876543210" }), (e) => {
      assert.deepEqual(e.issues, missing);
      return true;
    });
    assert.deepEqual(client.validate("sendMessage", { phone_number: "919876543210" }).issues, missing);
    assert.throws(() => client.paginate("listContacts", { page: 0 }), (e) => {
      assert.deepEqual(e.issues, [{ path: "page", code: "out_of_range", message: "page is out of range" }]);
      return true;
    });
    // sendBulk's rows refused before sending too, and the valid rows are sent.
    const outcomes = await client.sendBulk("sendMessage", [{ phone_number: "919876543210" }, { phone_number: "919876543210", message_body: "Hi" }], {
      ratePerMinute: 600,
    });
    assert.deepEqual(
      outcomes.map((o) => [o.status, o.error?.issues]),
      [
        ["failed", missing],
        ["sent", undefined],
      ],
    );
    // A function that throws rejects the call with what it threw; nothing is sent.
    const boom = new Error("boom");
    const throwing = makeClient(sandbox.baseUrl, { messages: { required: () => { throw boom; } } });
    await assert.rejects(throwing.sendMessage({ phone_number: "919876543210" }), (e) => e === boom);
    client.free();
    throwing.free();
  });

  test("a call's malformed template definition is told in the client's locale", async () => {
    const client = makeClient(sandbox.baseUrl, { locale: esm["pt-BR"] });
    const template = { name: "t", language: "en", components: "BODY" };
    await assert.rejects(client.sendTemplateMessage({ phone_number: "919876543210", template_name: "t", template_language: "en" }, { template }), (e) => {
      assert.equal(e.code, "config");
      assert.equal(e.issues[0].message, "template.components deve ser um array, como no formato de template do WhatsApp.");
      return true;
    });
    client.free();
  });

  test("client.validate takes the validators' options over the client's", () => {
    const client = makeClient(sandbox.baseUrl, { locale: esm["pt-BR"] });
    const template = { name: "hello", language: "en", components: [{ type: "BODY", text: "Hi {{1}}" }] };
    const payload = { phone_number: "919876543210", template_name: "hello", template_language: "en" };
    assert.deepEqual(client.validate("sendTemplateMessage", payload, { template }).issues, [
      { path: "field_1", code: "required", message: "field_1 é exigido pelo template (corpo)." },
    ]);
    // Its own texts keep the client's language for the rest.
    const mixed = client.validate("sendMessage", { message_body: "x".repeat(4097) }, { messages: { required: "Falta {path}" } });
    assert.deepEqual(mixed.issues.map((i) => i.message), ["Falta phone_number", "message_body deve ter no máximo 4096 caracteres; tem 4097."]);
    assert.equal(client.validate("sendMessage", {}, { locale: esm.en }).issues[0].message, "phone_number is required.");
    assert.throws(() => client.validate("sendMessage", {}, { timeoutMs: 5 }), (e) => e.code === "config" && e.issues[0].path === "timeoutMs");
    client.free();
  });
});
