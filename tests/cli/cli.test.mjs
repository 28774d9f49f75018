// The `whatsjet` command as a person runs it: the built pkg/bin/whatsjet.mjs
// started as its own process (through its shebang) against a private
// sandbox, its output and exit status compared exactly, and what it sent
// checked against the sandbox's record of requests.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, beforeEach, test } from "node:test";

import { CONNECTION_OPTIONS } from "../../cli/config.mjs";
import { CONTACTS_OPTIONS } from "../../cli/reads.mjs";
import { SEND_OPTIONS } from "../../cli/send.mjs";
import { PKG_DIR, ROOT, TOKEN, VENDOR, startSandbox } from "../node/sandbox.mjs";

const BIN = join(PKG_DIR, "bin", "whatsjet.mjs");
const SEND = "send-template-message";

let sandbox;
let dir;

before(async () => {
  sandbox = await startSandbox();
  dir = mkdtempSync(join(tmpdir(), "whatsjet-cli-"));
});
after(() => sandbox?.stop());
beforeEach(() => sandbox.reset());

/**
 * Starts the command; `done` resolves to { code, signal, stdout, stderr }.
 * `fileBlocks` limits the size of the files it writes (512-byte blocks).
 */
function start(args, env = {}, { fileBlocks } = {}) {
  const [command, argv] =
    fileBlocks === undefined ? [BIN, args] : ["/bin/sh", ["-c", `ulimit -f ${fileBlocks}; exec "$0" "$@"`, BIN, ...args]];
  const child = spawn(command, argv, {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      WHATSJET_BASE_URL: sandbox.baseUrl,
      WHATSJET_VENDOR_UID: VENDOR,
      WHATSJET_TOKEN: TOKEN,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk) => {
    stderr += chunk;
  });
  const done = new Promise((resolve) => {
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

const run = (args, env) => start(args, env).done;

/** The phone numbers of the template sends the sandbox received, in order. */
async function sentPhones() {
  return (await sandbox.requests()).filter((r) => r.path.endsWith(SEND)).map((r) => r.json.phone_number);
}

function counts(list) {
  const map = new Map();
  for (const item of list) map.set(item, (map.get(item) ?? 0) + 1);
  return map;
}

// 100 recipients, as a spreadsheet exports them: a BOM, CRLF, quoted commas
// and a newline inside quotes; rows 12, 27, 52, 77 and 92 are bad.
const phone = (i) => `91${9000000000 + i}`;
const BAD = new Map([
  [10, { phone: "12345" }],
  [25, { name: "" }],
  [50, { phone: "" }],
  [75, { phone: "not a number" }],
  [90, { order: "" }],
]);
const GOOD = Array.from({ length: 100 }, (_, i) => i).filter((i) => !BAD.has(i));

function recipientsCsv() {
  const lines = ["phone_number,first_name,order,notes"];
  for (let i = 0; i < 100; i += 1) {
    const bad = BAD.get(i) ?? {};
    const name = bad.name ?? (i === 1 ? '"Rao, Asha"' : `Name ${i}`);
    const notes = i === 2 ? '"first line\r\nsecond line"' : "";
    lines.push([bad.phone ?? `+${phone(i)}`, name, bad.order ?? `#${1000 + i}`, notes].join(","));
  }
  const path = join(dir, "recipients.csv");
  writeFileSync(path, `\ufeff${lines.join("\r\n")}\r\n`);
  return path;
}

const SEND_ARGS = ["--template", "order_update", "--language", "en_US", "--map", "field_1=first_name", "--map", "field_2=order"];

const INVALID_REPORT = `5 invalid rows, not sent:
  row 12, column phone_number: phone_number has too few digits (5); with its country code a number has 9 to 15.
  row 27, column first_name: field_1 must not be empty.
  row 52, column phone_number: phone_number is required.
  row 77, column phone_number: phone_number may contain only digits, spaces, dashes, dots, parentheses and a leading +; it contains "n".
  row 92, column order: field_2 must not be empty.
`;

test("--help lists the commands, and send --help every flag of send", async () => {
  const top = await run(["--help"]);
  assert.equal(top.code, 0);
  for (const line of ["send", "status", "contacts", "--base-url", "--vendor-uid", "--token", "-h, --help"]) {
    assert.match(top.stdout, new RegExp(`^  ${line} `, "m"), `--help lacks ${line}`);
  }
  for (const variable of ["WHATSJET_BASE_URL", "WHATSJET_VENDOR_UID", "WHATSJET_TOKEN"]) {
    assert.ok(top.stdout.includes(`(${variable})`), `--help lacks ${variable}`);
  }
  const help = await run(["send", "--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: whatsjet send --csv FILE --template NAME --language CODE \[options\]$/m);
  for (const flag of [...Object.keys(SEND_OPTIONS), "base-url", "vendor-uid", "token", "default-country-code"]) {
    assert.match(help.stdout, new RegExp(`^  --${flag} `, "m"), `send --help lacks --${flag}`);
  }
  assert.deepEqual(await sandbox.requests(), []);
});

test("every flag the README's section on the command names is one the command takes", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## The command-line tool"), readme.indexOf("## Errors"));
  const named = new Set(section.match(/--[a-z][a-z-]*/g));
  const known = new Set(["help", ...Object.keys({ ...CONNECTION_OPTIONS, ...SEND_OPTIONS, ...CONTACTS_OPTIONS })]);
  assert.ok(named.size >= 10, `the section names only ${[...named].join(" ")}`);
  assert.deepEqual([...named].filter((flag) => !known.has(flag.slice(2))), []);
});

test("a usage mistake exits with 2 and says what is wrong", async () => {
  const result = await run(["send", "--csv", "x.csv"]);
  assert.equal(result.code, 2);
  assert.equal(result.stderr, "whatsjet: send needs --template, --language\n(whatsjet --help lists the commands and flags)\n");
  const unconfigured = await run(["contacts"], { WHATSJET_BASE_URL: "", WHATSJET_TOKEN: "" });
  assert.equal(unconfigured.code, 2);
  assert.match(unconfigured.stderr, /^whatsjet: missing --base-url or WHATSJET_BASE_URL, WHATSJET_TOKEN \(or --token\)$/m);
});

test("--dry-run reports the 5 bad rows of 100 and sends nothing", async () => {
  const csv = recipientsCsv();
  const result = await run(["send", "--csv", csv, ...SEND_ARGS, "--dry-run"], { WHATSJET_TOKEN: "" });
  assert.equal(result.stdout, `${INVALID_REPORT}100 rows: 5 invalid, 0 sent before, 0 unknown, 95 to send\ndry run: nothing was sent\n`);
  assert.equal(result.code, 1);
  assert.deepEqual(await sandbox.requests(), []);
});

test("send sends each of the 95 good rows once, reports the 5 bad ones, and exits with 1", async () => {
  const csv = recipientsCsv();
  const result = await run(["send", "--csv", csv, ...SEND_ARGS, "--rate", "6000"]);
  const journal = `${csv}.journal`;
  assert.equal(
    result.stdout,
    `${INVALID_REPORT}100 rows: 5 invalid, 0 sent before, 0 unknown, 95 to send\nsent 95, failed 0, unknown 0, not sent 0, invalid 5, sent before 0; journal ${journal}\n`,
  );
  assert.equal(result.code, 1);
  // Not a terminal: a line per 5 %.
  const steps = result.stderr.trimEnd().split("\n");
  assert.equal(steps.length, 20);
  assert.match(steps[19], /^100% {2}95\/95 {2}\d+\.\d\/min {2}ETA 0:00 {2}failed 0$/);

  const phones = await sentPhones();
  assert.deepEqual(phones.toSorted(), GOOD.map(phone).toSorted());
  const requests = (await sandbox.requests()).filter((r) => r.path.endsWith(SEND));
  const asha = requests.find((r) => r.json.phone_number === phone(1));
  assert.deepEqual([asha.json.field_1, asha.json.field_2], ["Rao, Asha", "#1001"]);

  // The journal: started, then sent with the wamid, for every good row.
  const lines = readFileSync(journal, "utf8").trimEnd().split("\n").map(JSON.parse);
  assert.equal(lines.length, 190);
  const first = lines.filter((line) => line.row === 2);
  assert.deepEqual(first.map((line) => line.state), ["started", "sent"]);
  assert.match(first[1].wamid, /^wamid\./);

  // Run again: nothing is left to send.
  const again = await run(["send", "--csv", csv, ...SEND_ARGS, "--rate", "6000"]);
  assert.match(again.stdout, /^100 rows: 5 invalid, 95 sent before, 0 unknown, 0 to send$/m);
  assert.equal((await sentPhones()).length, 95);
});

test("a run killed with SIGKILL mid-request and resumed with its journal sends every good row exactly once", async () => {
  const csv = recipientsCsv();
  const journal = join(dir, "killed.journal");
  // The 48th send hangs on the server: the run is killed while that request is out.
  await sandbox.fault({ times: 47, path_contains: SEND });
  await sandbox.fault({ times: 1, path_contains: SEND, action: "hang" });
  const first = start(["send", "--csv", csv, ...SEND_ARGS, "--journal", journal, "--rate", "6000", "--concurrency", "1"]);
  const deadline = Date.now() + 20_000;
  while ((await sentPhones()).length < 48) {
    assert.ok(Date.now() < deadline, "the 48th send never reached the sandbox");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  first.child.kill("SIGKILL");
  assert.equal((await first.done).signal, "SIGKILL");

  // Rows 2..51 hold the good rows 0..49 but for row 12 (index 10) and row 27 (index 25).
  const hung = GOOD[47];
  const resumed = await run(["send", "--csv", csv, ...SEND_ARGS, "--journal", journal, "--rate", "6000"]);
  const unknownLine = new RegExp(`^ {2}row ${hung + 2} ${phone(hung)}: started at \\S+Z$`, "m");
  assert.match(resumed.stdout, unknownLine);
  assert.match(resumed.stdout, /^100 rows: 5 invalid, 47 sent before, 1 unknown, 47 to send$/m);
  assert.match(resumed.stdout, new RegExp(`^sent 47, failed 0, unknown 1, not sent 0, invalid 5, sent before 47; journal ${journal}$`, "m"));
  assert.equal(resumed.code, 1);

  // The sandbox's record: every good row once (the hung one by the first run), none twice.
  const phones = await sentPhones();
  assert.equal(phones.length, 95);
  assert.deepEqual([...counts(phones).values()].filter((n) => n !== 1), []);
  assert.deepEqual(phones.toSorted(), GOOD.map(phone).toSorted());
});

test("Ctrl-C stops starting rows, and the next run sends just the rest", async () => {
  const csv = join(dir, "ten-interrupted.csv");
  const rows = Array.from({ length: 10 }, (_, i) => `${phone(i)},N${i},#${i}`);
  writeFileSync(csv, `phone_number,first_name,order\n${rows.join("\n")}\n`);
  // One a second: the interrupt lands a second before the third row is due.
  const first = start(["send", "--csv", csv, ...SEND_ARGS, "--rate", "60", "--concurrency", "1"]);
  const deadline = Date.now() + 20_000;
  while ((await sentPhones()).length < 2) {
    assert.ok(Date.now() < deadline, "the second send never reached the sandbox");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  first.child.kill("SIGINT");
  const stopped = await first.done;
  assert.equal(stopped.code, 130);
  assert.match(stopped.stdout, /^sent 2, failed 0, unknown 0, not sent 8, invalid 0, sent before 0; /m);

  const resumed = await run(["send", "--csv", csv, ...SEND_ARGS, "--rate", "6000"]);
  assert.equal(resumed.code, 0);
  assert.match(resumed.stdout, /^10 rows: 0 invalid, 2 sent before, 0 unknown, 8 to send$/m);
  assert.deepEqual((await sentPhones()).toSorted(), rows.map((row) => row.split(",")[0]));
});

test("a certain failure is sent again on the next run, an unknown delivery never", async () => {
  const csv = join(dir, "three.csv");
  writeFileSync(csv, "phone_number,first_name,order\n918000000001,Asha,#1\n918000000002,Ravi,#2\n919999999999,Nobody,#3\n");
  await sandbox.fault({ times: 1, path_contains: SEND });
  await sandbox.fault({ times: 1, path_contains: SEND, status: 500, body: "upstream failed" });
  const args = ["send", "--csv", csv, ...SEND_ARGS, "--concurrency", "1", "--rate", "6000"];
  const first = await run(args);
  assert.equal(first.code, 1);
  assert.match(first.stdout, /^ {2}row 3 918000000002: http: .* \(delivery unknown: check before sending again\)$/m);
  assert.match(first.stdout, /^ {2}row 4 919999999999: api: /m);
  assert.match(first.stdout, /^sent 1, failed 1, unknown 1, not sent 0, invalid 0, sent before 0; /m);

  const second = await run(args);
  assert.equal(second.code, 1);
  assert.match(second.stdout, /^ {2}row 3 918000000002: failed at \S+Z$/m);
  assert.match(second.stdout, /^3 rows: 0 invalid, 1 sent before, 1 unknown, 1 to send$/m);
  assert.deepEqual(await sentPhones(), ["918000000001", "918000000002", "919999999999", "919999999999"]);
});

test("a journal that cannot be written stops the run, and no row leaves before its started line is on disk", async () => {
  const csv = join(dir, "ten-full.csv");
  const rows = Array.from({ length: 10 }, (_, i) => `${phone(i)},N${i},#${i}`);
  writeFileSync(csv, `phone_number,first_name,order\n${rows.join("\n")}\n`);
  const journal = `${csv}.journal`;
  const args = ["send", "--csv", csv, ...SEND_ARGS, "--rate", "6000", "--concurrency", "1"];
  // 2,048 bytes: seven rows' "started" (83 bytes) and "sent" (202) lines
  // fit, and the eighth row's "started" line does not.
  const full = await start(args, {}, { fileBlocks: 4 }).done;
  assert.equal(full.code, 1);
  assert.match(full.stderr, new RegExp(`^whatsjet: cannot write ${journal}: EFBIG: .*; the run stopped$`, "m"));
  assert.match(full.stdout, /^sent 7, failed 0, unknown 0, not sent 3, invalid 0, sent before 0; /m);
  assert.deepEqual(await sentPhones(), rows.slice(0, 7).map((row) => row.split(",")[0]));
  assert.equal(readFileSync(journal).length, 2048);

  // The torn line goes; the rest are sent, each row once in all.
  const resumed = await run(args);
  assert.equal(resumed.code, 0);
  assert.match(resumed.stdout, /^10 rows: 0 invalid, 7 sent before, 0 unknown, 3 to send$/m);
  assert.deepEqual(await sentPhones(), rows.map((row) => row.split(",")[0]));
  assert.match((await run(args)).stdout, /^10 rows: 0 invalid, 10 sent before, 0 unknown, 0 to send$/m);
});

test("--rate spaces the requests: 10 at 300 a minute take at least 1.8 s", async () => {
  const csv = join(dir, "ten.csv");
  const rows = Array.from({ length: 10 }, (_, i) => `${phone(i)},N${i},#${i}`);
  writeFileSync(csv, `phone_number,first_name,order\n${rows.join("\n")}\n`);
  const began = Date.now();
  const result = await run(["send", "--csv", csv, ...SEND_ARGS, "--rate", "300"]);
  assert.equal(result.code, 0);
  assert.ok(Date.now() - began >= 1800, `took ${Date.now() - began} ms`);
  const requests = (await sandbox.requests()).filter((r) => r.path.endsWith(SEND));
  assert.equal(requests.length, 10);
});

test("a 429 that outlasts the client's retries fails its row and pauses the run for its Retry-After", async () => {
  const csv = join(dir, "two.csv");
  writeFileSync(csv, "phone_number,first_name,order\n918000000001,Asha,#1\n918000000002,Ravi,#2\n");
  // The first request and the client's two retries each get a 429 asking for a second's wait.
  await sandbox.fault({ times: 3, path_contains: SEND, status: 429, headers: { "retry-after": "1" }, json: { message: "Too Many Attempts." } });
  const began = Date.now();
  const result = await run(["send", "--csv", csv, ...SEND_ARGS, "--rate", "6000", "--concurrency", "1"]);
  const took = Date.now() - began;
  assert.equal(result.code, 1);
  assert.match(result.stdout, /^ {2}row 2 918000000001: rate_limited: /m);
  assert.match(result.stdout, /^sent 1, failed 1, unknown 0, not sent 0, invalid 0, sent before 0; /m);
  // Two waits inside the client, then the run's own pause before row 3.
  assert.ok(took >= 3000, `took ${took} ms`);
  assert.deepEqual(await sentPhones(), ["918000000001", "918000000001", "918000000001", "918000000002"]);
});

test("status prints where a message is; an unknown one exits with 1", async () => {
  const csv = join(dir, "one.csv");
  writeFileSync(csv, "phone_number,first_name,order\n918000000001,Asha,#1\n");
  assert.equal((await run(["send", "--csv", csv, ...SEND_ARGS])).code, 0);
  const [, sent] = readFileSync(`${csv}.journal`, "utf8").trimEnd().split("\n").map(JSON.parse);
  for (const id of [sent.log_uid, sent.wamid]) {
    const result = await run(["status", id]);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^accepted\ncreated_at \S+\nupdated_at \S+\n$/);
  }
  const unknown = await run(["status", "00000000-0000-4000-8000-000000000000"]);
  assert.equal(unknown.code, 1);
  assert.equal(unknown.stderr, "whatsjet: not_found: not found: Message not found.\n");
});

test("contacts prints every page, as CSV or JSON, and --search narrows it", async () => {
  await sandbox.control("POST", "contacts", { count: 1200 });
  const csv = await run(["contacts"]);
  assert.equal(csv.code, 0);
  const lines = csv.stdout.trimEnd().split("\n");
  assert.equal(lines[0], "wa_id,first_name,last_name,email,language_code,groups,labels,whatsapp_opt_out,_uid,created_at");
  assert.equal(lines.length, 1 + 3 + 1200);
  assert.match(lines[1], /^918000000001,Asha,Rao,asha@example\.com,en,Customers; VIP,Hot lead,/);

  const json = await run(["contacts", "--search", "119", "--format", "json"]);
  assert.equal(json.code, 0);
  assert.deepEqual(
    JSON.parse(json.stdout).map((c) => `${c.first_name} ${c.last_name} ${c.wa_id}`),
    ["Sample 119 917000000119", "Sample 1119 917000001119", ...Array.from({ length: 10 }, (_, i) => `Sample 119${i} 91700000119${i}`)],
  );
});

test("a token given as a flag works, with a warning about shell history", async () => {
  const result = await run(["contacts", "--search", "Asha", "--token", TOKEN], { WHATSJET_TOKEN: "" });
  assert.equal(result.code, 0);
  assert.equal(result.stderr, "warning: --token leaves the token in your shell history; set WHATSJET_TOKEN instead\n");
  assert.equal(result.stdout.trimEnd().split("\n").length, 2);
});
