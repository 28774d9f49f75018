// client.preview: the request a method would send, checked against what the
// method really sends to a local server, its token masked, its curl command
// read back by a real shell, and its failures the method's own.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import http from "node:http";
import { after, before, test } from "node:test";

import { assertNoSecret, failure, loadWhatsjet } from "./helpers.mjs";

const TOKEN = "s3cret-token-value";
let server;
let baseUrl;
const received = [];

before(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ method: req.method, url: `http://${req.headers.host}${req.url}`, headers: req.headers, body });
      res.writeHead(500).end();
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}/api`;
});

after(() => server.close());

function client() {
  const { WhatsJetClient } = loadWhatsjet();
  return new WhatsJetClient({ baseUrl, vendorUid: "v-1", token: TOKEN, fromPhoneNumberId: "100000000000001", defaultCountryCode: "91", maxRetries: 0 });
}

/** What `call` really sent to the local server. */
async function sent(call) {
  received.length = 0;
  await failure(call);
  assert.equal(received.length, 1);
  return received[0];
}

test("a preview is the request the method sends, defaults filled in and the token masked", async () => {
  const c = client();
  const payload = { phone_number: "098765 43210", message_body: "it's \"$HOME\"" };
  const p = c.preview("sendMessage", payload);
  const body = '{"phone_number":"919876543210","message_body":"it\'s \\"$HOME\\"","from_phone_number_id":"100000000000001"}';
  assert.deepEqual(JSON.parse(JSON.stringify(p)), {
    method: "POST",
    url: `${baseUrl}/v-1/contact/send-message`,
    headers: { Authorization: "Bearer ****", "Content-Type": "application/json", Accept: "application/json" },
    body,
  });
  const real = await sent(() => c.sendMessage(payload));
  assert.equal(real.method, p.method);
  assert.equal(real.url, p.url);
  assert.equal(real.body, p.body);
  assert.equal(real.headers.authorization, `Bearer ${TOKEN}`);
  assert.equal(real.headers["content-type"], p.headers["Content-Type"]);
  assert.equal(real.headers.accept, p.headers.Accept);
  assertNoSecret(p, [TOKEN], "the preview");
  assert.equal(p.toCurl().includes(TOKEN), false);
});

test("reads carry their query in the URL; a path or lookup argument comes first, as in the method", async () => {
  const c = client();
  const list = c.preview("listContacts", { search_term: "a b&c", page: 2 });
  assert.equal(list.method, "GET");
  assert.equal(list.url, `${baseUrl}/v-1/contacts?page=2&search_term=a%20b%26c`);
  assert.equal(list.body, null);
  assert.equal((await sent(() => c.listContacts({ search_term: "a b&c", page: 2 }))).url, list.url);
  const update = c.preview("updateContact", "+91 98765-43210", { first_name: "Ada" });
  assert.equal(update.url, `${baseUrl}/v-1/contact/update/919876543210`);
  assert.equal(update.body, '{"first_name":"Ada"}');
  assert.equal(c.preview("getContact", "ada@example.com").url, `${baseUrl}/v-1/contact?phone_number_or_email=ada%40example.com`);
  assert.equal(c.preview("getCampaignStatus", "c-1").url, `${baseUrl}/v-1/campaign-status/c-1`);
  assert.equal(c.preview("listGroups").url, `${baseUrl}/v-1/contact/groups`);
});

test("toCurl is a command a shell reads back into exactly the request, whatever the body", () => {
  const text = "it's $HOME `id` $(id) \\ \"x\" !! ' '' \n é 🚀";
  const p = client().preview("sendMessage", { phone_number: "919876543210", message_body: text });
  const { toCurl } = p;
  const curl = toCurl();
  assert.equal(
    curl,
    [
      `curl -X POST '${baseUrl}/v-1/contact/send-message'`,
      `  -H "Authorization: Bearer $WHATSJET_TOKEN"`,
      `  -H 'Content-Type: application/json'`,
      `  -H 'Accept: application/json'`,
      `  --data-raw '${p.body.replaceAll("'", "'\\''")}'`,
    ].join(" \\\n"),
  );
  // A stand-in curl prints each argument it gets, NUL-terminated.
  const args = execFileSync("sh", ["-c", `curl() { printf '%s\\0' "$@"; }\n${curl}`], {
    env: { PATH: process.env.PATH, WHATSJET_TOKEN: "tok", HOME: "/home/x" },
    encoding: "utf8",
  })
    .split("\0")
    .slice(0, -1);
  assert.deepEqual(args, [
    "-X",
    "POST",
    `${baseUrl}/v-1/contact/send-message`,
    "-H",
    "Authorization: Bearer tok",
    "-H",
    "Content-Type: application/json",
    "-H",
    "Accept: application/json",
    "--data-raw",
    p.body,
  ]);
  assert.equal(JSON.parse(p.body).message_body, text);
});

test("an invalid payload throws the WhatsJetError the send rejects with, and nothing is sent", async () => {
  const c = client();
  received.length = 0;
  const payload = { phone_number: "12345", media_type: "gif" };
  let thrown;
  try {
    c.preview("sendMediaMessage", payload);
  } catch (err) {
    thrown = err;
  }
  const rejected = await failure(() => c.sendMediaMessage(payload));
  assert.equal(thrown.name, "WhatsJetError");
  assert.equal(thrown.code, "validation");
  assert.equal(thrown.message, rejected.message);
  assert.deepEqual(thrown.issues, rejected.issues);
  assert.deepEqual(
    thrown.issues.map((i) => `${i.path}:${i.code}`),
    ["phone_number:invalid_phone", "media_type:invalid_choice", "media_url:required"],
  );
  assert.equal(received.length, 0);
  // A template send is checked against the template the options give, as the send is.
  const template = { name: "welcome", language: "en", components: [{ type: "BODY", text: "Hi {{1}}." }] };
  const send = { phone_number: "919876543210", template_name: "welcome", template_language: "en" };
  let missing;
  try {
    c.preview("sendTemplateMessage", send, { template });
  } catch (err) {
    missing = err;
  }
  assert.deepEqual(missing.issues, [{ path: "field_1", code: "required", message: "field_1 is required by the template's body." }]);
  assert.equal(c.preview("sendTemplateMessage", { ...send, field_1: "Ada" }, { template }).method, "POST");
  // An unknown kind, as validate refuses it.
  assert.throws(() => c.preview("sendFax", {}), { name: "WhatsJetError", code: "validation" });
});
