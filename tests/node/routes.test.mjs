// The sixteen routes beyond the five sends and contact writes, end to end
// from the built package against the sandbox: the exact request on the wire
// (method, path, query, body) and what each method resolves or rejects with.
// Their validation rules are tested natively (tests/validation/); here each
// route gets its wire check and the answers that only a server can give.

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";

import { TOKEN, VENDOR, failure, loadWhatsjet, makeClient, startSandbox } from "./helpers.mjs";

let sandbox;
let whatsjet;
let client;

before(async () => {
  sandbox = await startSandbox();
  whatsjet = await loadWhatsjet();
});
after(() => sandbox?.stop());
beforeEach(async () => {
  await sandbox.reset();
  client = makeClient(sandbox.baseUrl);
});

const ASHA = "c1000000-0000-4000-8000-000000000001";
const RAVI = "c1000000-0000-4000-8000-000000000002";
const EMMA = "c1000000-0000-4000-8000-000000000003";
const CUSTOMERS = "a1000000-0000-4000-8000-000000000001";
const VIP = "a1000000-0000-4000-8000-000000000002";
const NEWSLETTER = "a1000000-0000-4000-8000-000000000003";
const HOT_LEAD = "b1000000-0000-4000-8000-000000000001";
const PAID = "b1000000-0000-4000-8000-000000000003";

/** The one request the call made: method, path under the vendor, query, JSON body. */
async function wire() {
  const requests = await sandbox.requests();
  assert.equal(requests.length, 1, `expected one request, got ${requests.length}`);
  const [r] = requests;
  assert.equal(r.headers.authorization, `Bearer ${TOKEN}`);
  const prefix = `/api/${VENDOR}/`;
  assert.ok(r.path.startsWith(prefix), r.path);
  return { method: r.method, path: r.path.slice(prefix.length), query: r.query, body: r.json };
}

// ---- reads ------------------------------------------------------------------

test("getMessageStatus: by log_uid, then by wamid; the status moves with the sandbox's clock", async () => {
  await sandbox.control("POST", "clock", { paused: true });
  const again = await client.sendMessage({ phone_number: "919876543210", message_body: "Hi" });
  const before = (await sandbox.requests()).at(-1).seq;
  const status = await client.getMessageStatus({ log_uid: again.data.log_uid });
  assert.equal(status.result, "success");
  assert.equal(status.data.status, "accepted");
  const [request] = await sandbox.requests(before);
  assert.equal(request.method, "GET");
  assert.equal(request.path, `/api/${VENDOR}/contact/message-status`);
  assert.equal(request.query, `log_uid=${again.data.log_uid}`);
  assert.equal(request.body, "");
  await sandbox.control("POST", "clock", { advance_secs: 5 });
  const later = await client.getMessageStatus({ wamid: again.data.wamid });
  assert.equal(later.data.status, "delivered");
});

test("getMessageStatus: an unknown message is a not_found error", async () => {
  const err = await failure(() => client.getMessageStatus({ log_uid: "0b0b0b0b-0000-4000-8000-000000000000" }));
  assert.equal(err.name, "WhatsJetError");
  assert.equal(err.code, "not_found");
  assert.equal(err.status, 200);
  assert.equal(err.serverMessage, "Message not found.");
  assert.equal(err.message, "not found: Message not found.");
  assert.equal(err.retryable, false);
  assert.equal(err.attempts, 1);
  assert.equal(whatsjet.isWhatsJetError(err), true);
});

test("listTemplates: a page of approved templates under templateList", async () => {
  const reply = await client.listTemplates({ search_term: "order", page_size: 5 });
  const { method, path, query, body } = await wire();
  assert.deepEqual([method, path, query, body], ["GET", "contact/template-list", "page_size=5&search_term=order", null]);
  const page = reply.data.templateList;
  assert.equal(page.current_page, 1);
  assert.equal(page.per_page, 5);
  assert.deepEqual(
    page.data.map((t) => `${t.template_name}/${t.language}`).sort(),
    ["order_update/en_US", "order_update/pt_BR", "track_order/en"],
  );
  assert.ok(page.data.every((t) => t.status === "APPROVED"));
});

test("listContacts: search and page_size go into the query, percent-encoded", async () => {
  const reply = await client.listContacts({ search_term: "Asha & co/../x", page: 1, page_size: 10 });
  const { method, path, query } = await wire();
  assert.equal(method, "GET");
  assert.equal(path, "contacts");
  assert.equal(query, "page=1&page_size=10&search_term=Asha%20%26%20co%2F..%2Fx");
  assert.equal(reply.data.contactList.total, 0);
  const asha = await client.listContacts({ search_term: "Asha" });
  assert.deepEqual(
    asha.data.contactList.data.map((c) => [c._uid, c.wa_id, c.first_name]),
    [[ASHA, "918000000001", "Asha"]],
  );
});

test("listContacts without a query sends no query string", async () => {
  const reply = await client.listContacts();
  const { query } = await wire();
  assert.equal(query, "");
  assert.equal(reply.data.contactList.total, 3);
});

test("getContact: a phone number is normalised, an e-mail is sent as it is, no match is null", async () => {
  const byPhone = await client.getContact("+91 80000-00001");
  const { method, path, query } = await wire();
  assert.deepEqual([method, path, query], ["GET", "contact", "phone_number_or_email=918000000001"]);
  assert.equal(byPhone.data.contact._uid, ASHA);
  assert.deepEqual(
    byPhone.data.contact.groups.map((g) => g.title),
    ["Customers", "VIP"],
  );
  const byEmail = await client.getContact("emma@example.com");
  assert.equal(byEmail.data.contact.wa_id, "447700900123");
  const none = await client.getContact("nobody@example.com");
  assert.equal(none.result, "success");
  assert.equal(none.data.contact, null);
});

test("listGroups and listLabels: the server's contactList key for both", async () => {
  const groups = await client.listGroups({ search_term: "VIP" });
  assert.deepEqual(
    groups.data.contactList.data.map((g) => [g._uid, g.title]),
    [[VIP, "VIP"]],
  );
  const labels = await client.listLabels();
  assert.deepEqual(
    labels.data.contactList.data.map((l) => l.title).sort(),
    ["Follow up", "Hot lead", "Paid"],
  );
  const requests = await sandbox.requests();
  assert.deepEqual(
    requests.map((r) => [r.method, r.path, r.query]),
    [
      ["GET", `/api/${VENDOR}/contact/groups`, "search_term=VIP"],
      ["GET", `/api/${VENDOR}/contact/labels-tags`, ""],
    ],
  );
});

// ---- changes ----------------------------------------------------------------

test("assignGroups: changed on the first call, changed: false on the repeat (the server's No changes)", async () => {
  const first = await client.assignGroups({ contacts_uid: [RAVI, EMMA], groups_uid: [VIP] });
  const { method, path, body } = await wire();
  assert.deepEqual([method, path], ["POST", "contact/assign-groups"]);
  assert.deepEqual(body, { contacts_uid: [RAVI, EMMA], groups_uid: [VIP] });
  assert.equal(first.result, "success");
  assert.equal(first.changed, true);
  const repeat = await client.assignGroups({ contacts_uid: [RAVI, EMMA], groups_uid: [VIP] });
  assert.deepEqual(repeat, { result: "failed", message: "No changes", data: [], changed: false });
  const ravi = await client.getContact("918000000002");
  assert.deepEqual(ravi.data.contact.groups.map((g) => g.title).sort(), ["Customers", "VIP"]);
});

test("unassignGroups, assignLabels, unassignLabels: their paths, bodies and changes", async () => {
  const out = await client.unassignGroups({ contacts_uid: [ASHA], groups_uid: [CUSTOMERS, NEWSLETTER] });
  assert.equal(out.changed, true);
  const tagged = await client.assignLabels({ contacts_uid: [ASHA], labels_uid: [PAID] });
  assert.equal(tagged.changed, true);
  const untagged = await client.unassignLabels({ contacts_uid: [ASHA], labels_uid: [HOT_LEAD] });
  assert.equal(untagged.changed, true);
  const again = await client.unassignLabels({ contacts_uid: [ASHA], labels_uid: [HOT_LEAD] });
  assert.equal(again.changed, false);
  const requests = await sandbox.requests();
  assert.deepEqual(
    requests.map((r) => [r.method, r.path.replace(`/api/${VENDOR}/`, ""), JSON.parse(r.body)]),
    [
      ["POST", "contact/unassign-groups", { contacts_uid: [ASHA], groups_uid: [CUSTOMERS, NEWSLETTER] }],
      ["POST", "contact/assign-labels", { contacts_uid: [ASHA], labels_uid: [PAID] }],
      ["POST", "contact/unassign-labels", { contacts_uid: [ASHA], labels_uid: [HOT_LEAD] }],
      ["POST", "contact/unassign-labels", { contacts_uid: [ASHA], labels_uid: [HOT_LEAD] }],
    ],
  );
  const asha = await client.getContact("918000000001");
  assert.deepEqual(asha.data.contact.groups.map((g) => g.title), ["VIP"]);
  assert.deepEqual(asha.data.contact.labels.map((l) => l.title), ["Paid"]);
});

test("assignGroups: an unknown group uid is the server's refusal", async () => {
  const err = await failure(() =>
    client.assignGroups({ contacts_uid: [ASHA], groups_uid: ["a1000000-0000-4000-8000-00000000dead"] }),
  );
  assert.equal(err.code, "api");
  assert.equal(err.serverMessage, "Invalid groups uid.");
});

test("assignTeamMember: both bot switches are sent as given", async () => {
  const reply = await client.assignTeamMember({
    phone_number: "+91 80000 00002",
    username_or_email: "agent@example.com",
    enable_ai_bot: true,
    enable_reply_bot: false,
  });
  const { method, path, body } = await wire();
  assert.deepEqual([method, path], ["POST", "contact/assign-team-member"]);
  assert.deepEqual(body, {
    phone_number: "918000000002",
    username_or_email: "agent@example.com",
    enable_ai_bot: true,
    enable_reply_bot: false,
  });
  assert.equal(reply.changed, true);
  assert.equal(reply.data.contact_uid, RAVI);
});

test("assignTeamMember: leaving out a bot switch is refused before sending", async () => {
  const err = await failure(() =>
    client.assignTeamMember({ phone_number: "918000000002", username_or_email: "agent@example.com" }),
  );
  assert.equal(err.code, "validation");
  assert.deepEqual(
    err.issues.map((i) => [i.path, i.code]),
    [
      ["enable_ai_bot", "required"],
      ["enable_reply_bot", "required"],
    ],
  );
  assert.deepEqual(await sandbox.requests(), []);
});

// ---- sends ------------------------------------------------------------------

test("sendInteractiveMessage: buttons given as an array are sent as the server's object", async () => {
  const reply = await client.sendInteractiveMessage({
    phone_number: "919800000000",
    interactive_type: "button",
    header_type: "text",
    header_text: "Hi",
    body_text: "Pick one",
    footer_text: "ACME",
    buttons: ["Yes", "No"],
  });
  const { method, path, body } = await wire();
  assert.deepEqual([method, path], ["POST", "contact/send-interactive-message"]);
  assert.deepEqual(body, {
    phone_number: "919800000000",
    interactive_type: "button",
    header_type: "text",
    header_text: "Hi",
    body_text: "Pick one",
    footer_text: "ACME",
    buttons: { 1: "Yes", 2: "No" },
  });
  assert.equal(reply.result, "success");
  assert.equal(reply.data.phone_number, "919800000000");
  assert.equal(reply.data.status, "accepted");
});

test("sendCarouselTemplateMessage: two cards", async () => {
  const request = {
    phone_number: "918000000001",
    template_name: "product_carousel",
    template_language: "en",
    field_1: "Asha",
    carousel_templates: [
      { media_type: "image", media_url: "https://example.com/a.jpg", body_example_fields: ["A"], button_type: { 0: "QUICK_REPLY" } },
      { media_type: "video", media_url: "https://example.com/b.mp4", body_example_fields: ["B"], button_type: { 0: "URL" } },
    ],
  };
  const reply = await client.sendCarouselTemplateMessage(request);
  const { method, path, body } = await wire();
  assert.deepEqual([method, path], ["POST", "contact/send-carousel-template-message"]);
  assert.deepEqual(body.carousel_templates, request.carousel_templates);
  assert.equal(body.template_name, "product_carousel");
  assert.equal(reply.data.status, "accepted");
});

// ---- campaigns ----------------------------------------------------------------

test("scheduleCampaign, listCampaigns and getCampaignStatus: from upcoming to executed", async () => {
  await sandbox.control("POST", "clock", { paused: true });
  const scheduled = await client.scheduleCampaign({
    title: "Spring",
    template_name: "hello_world",
    template_language: "en",
    contact_group: ["Customers", "VIP"],
    timezone: "Asia/Kolkata",
    restrict_by_templated_contact_language: true,
  });
  const { method, path, body } = await wire();
  assert.deepEqual([method, path], ["POST", "campaign/schedule"]);
  assert.deepEqual(body, {
    title: "Spring",
    template_name: "hello_world",
    template_language: "en",
    contact_group: "Customers,VIP",
    timezone: "Asia/Kolkata",
    restrict_by_templated_contact_language: "on",
  });
  assert.equal(scheduled.message, "Test Message success and Campaign created");
  const uid = scheduled.data.campaignUid;
  const listed = await client.listCampaigns();
  assert.deepEqual(listed.data.campaignList.data.map((c) => [c._uid, c.title]), [[uid, "Spring"]]);
  const status = await client.getCampaignStatus(uid);
  const requests = await sandbox.requests();
  assert.equal(requests.at(-1).path, `/api/${VENDOR}/campaign-status/${uid}`);
  assert.equal(requests.at(-1).method, "GET");
  assert.equal(status.data.campaign._uid, uid);
  await sandbox.control("POST", "clock", { advance_secs: 600 });
  const done = await client.getCampaignStatus(uid);
  assert.equal(done.data.campaignStatus, "executed");
});

test("getCampaignStatus: an unknown uid is a not_found error (HTTP 404)", async () => {
  const err = await failure(() => client.getCampaignStatus("d1000000-0000-4000-8000-000000000000"));
  assert.equal(err.code, "not_found");
  assert.equal(err.status, 404);
  assert.equal(err.serverMessage, "");
  assert.equal(err.message, "not found");
});

test("getCampaignStatus: a uid cannot change the path", async () => {
  const err = await failure(() => client.getCampaignStatus("../contacts"));
  assert.equal(err.code, "validation");
  assert.equal(err.issues[0].path, "campaignUid");
  assert.deepEqual(await sandbox.requests(), []);
});

// ---- paginate ---------------------------------------------------------------

test("paginate: every item across pages, each page fetched when the loop reaches it", async () => {
  await sandbox.control("POST", "contacts", { count: 7 });
  const seen = [];
  let requestsAfterFirst;
  for await (const contact of client.paginate("listContacts", { page_size: 4 })) {
    seen.push(contact.wa_id);
    if (seen.length === 1) requestsAfterFirst = (await sandbox.requests()).length;
  }
  assert.equal(requestsAfterFirst, 1);
  assert.equal(seen.length, 10);
  assert.equal(new Set(seen).size, 10);
  const requests = await sandbox.requests();
  // The query's keys go in the order of the field table.
  assert.deepEqual(
    requests.map((r) => r.query),
    ["page=1&page_size=4", "page=2&page_size=4", "page=3&page_size=4"],
  );
});

test("paginate: a break stops fetching", async () => {
  await sandbox.control("POST", "contacts", { count: 7 });
  let seen = 0;
  for await (const contact of client.paginate("listContacts", { page_size: 2 })) {
    assert.equal(typeof contact._uid, "string");
    seen += 1;
    break;
  }
  assert.equal(seen, 1);
  assert.equal((await sandbox.requests()).length, 1);
});

test("paginate: an aborted signal ends the iteration with an aborted error", async () => {
  await sandbox.control("POST", "contacts", { count: 7 });
  const controller = new AbortController();
  const seen = [];
  const err = await failure(async () => {
    for await (const contact of client.paginate("listContacts", { page_size: 2 }, { signal: controller.signal })) {
      seen.push(contact);
      if (seen.length === 2) controller.abort();
    }
  });
  assert.equal(err.code, "aborted");
  assert.equal(seen.length, 2);
  assert.equal((await sandbox.requests()).length, 1);
});

test("paginate: only the five list methods, checked at once", () => {
  assert.throws(
    () => client.paginate("sendMessage"),
    (err) =>
      err.name === "WhatsJetError" &&
      err.code === "validation" &&
      err.issues[0].path === "method" &&
      err.message === "method must be one of listTemplates, listContacts, listGroups, listLabels, listCampaigns.",
  );
  assert.throws(
    () => client.paginate("listContacts", { page_size: 1001 }),
    (err) => err.code === "validation" && err.issues[0].path === "page_size",
  );
});
