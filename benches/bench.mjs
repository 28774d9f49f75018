#!/usr/bin/env node
// The whatsjet benchmark: size, validation throughput, request overhead,
// cold start and the bulk rate of the built package (pkg/), each measured side by side with
// its alternative in this one process, then budgets as PASS/MISS. Writes
// benches/results/latest.json. Run it through benches/run.sh, which
// installs, builds and then runs `node benches/bench.mjs`.
//
// Options: --quick (fewer rounds, for trying changes; numbers are noisier),
//          --only=size,validation,requests,coldstart,bulk (comma-separated).

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";

import * as esbuild from "esbuild";
import { Bench } from "tinybench";
import { parsePhoneNumberFromString as parseMin } from "libphonenumber-js/min";
import { parsePhoneNumberFromString as parseMax } from "libphonenumber-js/max";

import { ALL_PHONES, KINDS, SEED, SMALL, makeLarge, makePayloads } from "./payloads.mjs";
import { phoneKeystroke, validateZod } from "./zod-equivalent.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..");
const PKG = join(ROOT, "pkg");
const SANDBOX_BIN =
  process.env.WHATSJET_SANDBOX_BIN || join(process.env.CARGO_TARGET_DIR ? resolve(ROOT, process.env.CARGO_TARGET_DIR) : join(ROOT, "target"), "release", "whatsjet-sandbox");
const QUICK = process.argv.includes("--quick");
const ONLY = (process.argv.find((a) => a.startsWith("--only=")) ?? "--only=size,validation,requests,coldstart,bulk")
  .slice("--only=".length)
  .split(",");

// ------------------------------------------------------------------ output helpers

const results = { sections: {} };
const budgets = [];

function table(title, header, rows) {
  const cells = [header, ...rows].map((r) => r.map((c) => String(c ?? "")));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(`\n${title}`);
  console.log(line(cells[0]));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of cells.slice(1)) console.log(line(r));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const fmt = (n, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

function budget(name, value, limit, pass, unit = "", note = "") {
  budgets.push({ name, value, limit, unit, pass, note });
}

// ------------------------------------------------------------------ the package, resolved by its name

if (!existsSync(join(PKG, "package.json"))) {
  console.error("pkg/ is missing: build it with scripts/build.sh (benches/run.sh does)");
  process.exit(2);
}
// A throw-away project whose node_modules/whatsjet links to pkg/, so that
// "whatsjet" resolves through the package's `exports` map as an installed
// copy would (the same way tests/node/sandbox.mjs does).
const LINK_DIR = mkdtempSync(join(os.tmpdir(), "whatsjet-bench-"));
mkdirSync(join(LINK_DIR, "node_modules"));
symlinkSync(PKG, join(LINK_DIR, "node_modules", "whatsjet"), "dir");
// A package with nothing in it, for the cold-start reference row: what
// Node's first package resolution costs any package.
mkdirSync(join(LINK_DIR, "node_modules", "empty-package"));
writeFileSync(join(LINK_DIR, "node_modules", "empty-package", "package.json"), JSON.stringify({ name: "empty-package", exports: { ".": { node: "./index.js", default: "./index.js" } } }));
writeFileSync(join(LINK_DIR, "node_modules", "empty-package", "index.js"), "module.exports = {};\n");
const cleanups = [() => rmSync(LINK_DIR, { recursive: true, force: true })];
process.on("exit", () => {
  for (const f of cleanups) f();
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    for (const f of cleanups) f();
    process.exit(130);
  });
}
const linkedRequire = createRequire(join(LINK_DIR, "index.js"));
const WHATSJET_ENTRY = linkedRequire.resolve("whatsjet"); // pkg/node/whatsjet.js
const whatsjet = await import(pathToFileURL(WHATSJET_ENTRY).href);
const { validate, validateField, normalizePhoneNumber, WhatsJetClient } = whatsjet;

// ------------------------------------------------------------------ machine

const machine = {
  cpu: os.cpus()[0]?.model ?? "unknown",
  cores: os.cpus().length,
  availableParallelism: os.availableParallelism?.() ?? null,
  node: process.version,
  v8: process.versions.v8,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  date: new Date().toISOString(),
  quick: QUICK,
  loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
};
results.machine = machine;
const pkgJson = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8"));
const git = (...args) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" }).stdout?.trim() ?? "";
const nodeWasm = statSync(join(PKG, "node", "whatsjet_bg.wasm"));
results.package = {
  name: pkgJson.name,
  version: pkgJson.version,
  entry: WHATSJET_ENTRY,
  nodeWasmBytes: nodeWasm.size,
  builtAt: nodeWasm.mtime.toISOString(),
  gitHead: git("rev-parse", "--short", "HEAD"),
  srcChanged: git("status", "--porcelain", "--", "src", "Cargo.toml", "Cargo.lock") !== "",
};
console.log("whatsjet benchmark");
console.log(`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node} (V8 ${machine.v8}), ${machine.platform}`);
console.log(`date:    ${machine.date}   load average: ${machine.loadavg.join(" ")}${QUICK ? "   (--quick: fewer rounds)" : ""}`);
console.log(
  `package: ${pkgJson.name}@${pkgJson.version} from ${PKG}, built ${results.package.builtAt} (git ${results.package.gitHead}${results.package.srcChanged ? " + uncommitted src changes" : ""}), node .wasm ${fmt(nodeWasm.size)} B`,
);

// ================================================================== 1. size

function compressed(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_LGWIN]: zlib.BROTLI_MAX_WINDOW_BITS,
        [zlib.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

async function bundle(name, contents) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: HERE, sourcefile: `${name}.mjs`, loader: "js" },
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
    legalComments: "none",
  });
  return Buffer.from(result.outputFiles[0].contents);
}

function dirSize(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) total += dirSize(p);
    else if (entry.isFile()) total += statSync(p).size;
  }
  return total;
}

function installedVersion(name) {
  return JSON.parse(readFileSync(join(HERE, "node_modules", name, "package.json"), "utf8")).version;
}

async function sizeSection() {
  const wasm = compressed(readFileSync(join(PKG, "web", "whatsjet_bg.wasm")));
  const glue = compressed(readFileSync(join(PKG, "web", "whatsjet.js")));
  const total = { raw: wasm.raw + glue.raw, gzip: wasm.gzip + glue.gzip, brotli: wasm.brotli + glue.brotli };
  // The validators-only build (`whatsjet/validators`): no WhatsJetClient.
  const vWasm = compressed(readFileSync(join(PKG, "validators", "whatsjet_bg.wasm")));
  const vGlue = compressed(readFileSync(join(PKG, "validators", "whatsjet.js")));
  const vTotal = { raw: vWasm.raw + vGlue.raw, gzip: vWasm.gzip + vGlue.gzip, brotli: vWasm.brotli + vGlue.brotli };
  // What a bundler ships: the glue minified (the .wasm is fetched beside it).
  const glueMin = compressed(await bundle("whatsjet-web", `export * from ${JSON.stringify(join(PKG, "web", "whatsjet.js"))}; export { default } from ${JSON.stringify(join(PKG, "web", "whatsjet.js"))};`));

  // npm pack of pkg/ (dry run: nothing is written).
  const pack = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: PKG, encoding: "utf8" });
  let packInfo = null;
  try {
    const [p] = JSON.parse(pack.stdout);
    packInfo = { tarball: p.size, unpacked: p.unpackedSize, files: p.entryCount };
  } catch {
    console.log(`npm pack --dry-run failed: ${pack.stderr.trim().split("\n").pop()}`);
  }

  const v = (n) => `${n}@${installedVersion(n)}`;
  const others = [
    [`${v("zod")}: import { z } from "zod" (whole z namespace)`, 'import { z } from "zod"; export { z };'],
    [`${v("valibot")}: import * as v from "valibot" (whole namespace)`, 'import * as v from "valibot"; export { v };'],
    [`${v("libphonenumber-js")}: default entry, parsePhoneNumberFromString`, 'import { parsePhoneNumberFromString } from "libphonenumber-js"; export { parsePhoneNumberFromString };'],
    [`${v("libphonenumber-js")}/min: parsePhoneNumberFromString`, 'import { parsePhoneNumberFromString } from "libphonenumber-js/min"; export { parsePhoneNumberFromString };'],
    [`${v("libphonenumber-js")}/max: parsePhoneNumberFromString`, 'import { parsePhoneNumberFromString } from "libphonenumber-js/max"; export { parsePhoneNumberFromString };'],
    [`${v("whatsapp-api-js")}: main entry`, 'export * from "whatsapp-api-js";'],
    [`zod + libphonenumber-js/min: the equivalent validator (benches/zod-equivalent.mjs)`, 'export { validateZod, phoneKeystroke } from "./zod-equivalent.mjs";'],
  ];
  const rows = [
    ["whatsjet web: whatsjet_bg.wasm", wasm.raw, wasm.gzip, wasm.brotli, ""],
    ["whatsjet web: whatsjet.js (glue)", glue.raw, glue.gzip, glue.brotli, ""],
    ["whatsjet web: total (.wasm + glue)", total.raw, total.gzip, total.brotli, "1.00x"],
    ["  (info) .wasm + glue minified by esbuild", wasm.raw + glueMin.raw, wasm.gzip + glueMin.gzip, wasm.brotli + glueMin.brotli, ratio(total.gzip, wasm.gzip + glueMin.gzip)],
    ["whatsjet/validators (no client): total (.wasm + glue)", vTotal.raw, vTotal.gzip, vTotal.brotli, ratio(total.gzip, vTotal.gzip)],
  ];
  const other = [];
  for (const [name, src] of others) {
    const c = compressed(await bundle(name.replace(/\W+/g, "_"), src));
    other.push({ name, ...c, ratio: total.gzip / c.gzip });
    rows.push([name, c.raw, c.gzip, c.brotli, ratio(total.gzip, c.gzip)]);
  }
  table(
    "1. SIZE (bytes; gzip = zlib level 9, brotli = quality 11; other packages bundled by esbuild --minify --platform=browser --format=esm)\n   ratio = whatsjet web total gzip / that row's gzip (below 1.00x: whatsjet is smaller)",
    ["what", "raw", "gzip", "brotli", "ratio"],
    rows.map((r) => [r[0], fmt(r[1]), fmt(r[2]), fmt(r[3]), r[4]]),
  );
  const installed = ["zod", "valibot", "libphonenumber-js", "whatsapp-api-js"].map((n) => [n, dirSize(join(HERE, "node_modules", n))]);
  table(
    "   npm package on disk",
    ["package", "tarball", "unpacked", "files"],
    [
      ["whatsjet (npm pack --dry-run of pkg/: Node, web and validators builds)", packInfo ? fmt(packInfo.tarball) : "?", packInfo ? fmt(packInfo.unpacked) : "?", packInfo?.files ?? "?"],
      ...installed.map(([n, s]) => [`${n} (installed in benches/node_modules)`, "", fmt(s), ""]),
    ],
  );
  results.sections.size = { whatsjetWeb: { wasm, glue, total, glueMinified: glueMin }, whatsjetValidators: { wasm: vWasm, glue: vGlue, total: vTotal }, npmPack: packInfo, others: other, installedBytes: Object.fromEntries(installed) };
  budget("web build .wasm + JS glue gzip", total.gzip, 45 * 1024, total.gzip <= 45 * 1024, "B");
  budget("validators-only web build .wasm + JS glue gzip", vTotal.gzip, 45 * 1024, vTotal.gzip <= 45 * 1024, "B");
}

// ================================================================== 2. validation

/** Issue paths as whatsjet writes them ("contact.email"); zod's unrecognized_keys expanded per key. */
function zodPaths(issues) {
  const out = new Set();
  for (const i of issues) {
    const base = i.path.join(".");
    if (i.code === "unrecognized_keys" && i.path.length === 0) for (const k of i.keys) out.add(k);
    else if (i.code === "unrecognized_keys" && !i.keys.includes(i.path.at(-1))) for (const k of i.keys) out.add(`${base}.${k}`);
    else out.add(base);
  }
  return out;
}
/** Key-order-independent JSON, for comparing normalised bodies. */
const canonical = (v) =>
  JSON.stringify(v, (_, x) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

function agreement(payloads) {
  let disagreements = 0;
  let valueMismatches = 0;
  let pathMismatches = 0;
  let valid = 0;
  const details = [];
  for (const [index, { kind, payload }] of payloads.entries()) {
    const w = validate(kind, payload);
    const z = validateZod(kind, payload);
    if (w.ok) valid++;
    if (w.ok !== z.ok) {
      disagreements++;
      details.push({ index, kind, payload, whatsjet: w.ok ? "ok" : w.issues, zod: z.ok ? "ok" : z.issues.map((i) => ({ path: i.path.join("."), code: i.code, message: i.message })) });
    } else if (w.ok && canonical(w.value) !== canonical(z.value)) {
      valueMismatches++;
      details.push({ index, kind, payload, whatsjetValue: w.value, zodValue: z.value });
    } else if (!w.ok) {
      const wp = new Set(w.issues.map((i) => i.path));
      const zp = zodPaths(z.issues);
      if (wp.size !== zp.size || [...wp].some((p) => !zp.has(p))) pathMismatches++;
    }
  }
  return { count: payloads.length, valid, invalid: payloads.length - valid, disagreements, valueMismatches, pathMismatches, details };
}

/**
 * Times the tasks side by side on a noisy machine: many short tinybench runs
 * (`rounds`, each about `sliceMs` per task), rotating the task order every
 * round, so that a change of load hits all tasks alike. Each task's result
 * is the median over all its samples (ms per call); `pairedRatios` holds,
 * per round, the first task's throughput / each task's throughput, to show the spread.
 */
async function compare(tasks, { rounds = QUICK ? 8 : 24, sliceMs = QUICK ? 15 : 30 } = {}) {
  // Calibrate: iterations per round so that a slice lasts about sliceMs.
  const iterations = tasks.map(([, fn]) => {
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < 5 || n < 2) {
      fn();
      n++;
    }
    return Math.max(3, Math.ceil(sliceMs / ((performance.now() - start) / n)));
  });
  const samples = tasks.map(() => []);
  const roundMedians = tasks.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let j = 0; j < tasks.length; j++) {
      const i = (j + round) % tasks.length;
      const bench = new Bench({ time: 0, iterations: iterations[i], warmup: false, retainSamples: true });
      bench.add(tasks[i][0], tasks[i][1]);
      await bench.run();
      const { result } = bench.tasks[0];
      if (result.state !== "completed") throw new Error(`${tasks[i][0]}: ${result.state} ${result.error ?? ""}`);
      samples[i].push(...result.latency.samples);
      roundMedians[i].push(result.latency.p50);
    }
  }
  return Object.fromEntries(
    tasks.map(([name], i) => [
      name,
      {
        p50ms: median(samples[i]),
        samples: samples[i].length,
        pairedRatios: roundMedians[i].map((m, r) => m / roundMedians[0][r]),
      },
    ]),
  );
}

/** Runs every function for `ms` in turn, interleaved, so that V8 has optimised both sides before timing. */
function warmUp(fns, ms) {
  const start = performance.now();
  while (performance.now() - start < ms) for (const fn of fns) fn();
}

/** "0.95 (0.88-1.02)": the median and interquartile range of per-round ratios. */
function spread(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `${q(0.25).toFixed(2)}-${q(0.75).toFixed(2)}`;
}

async function validationSection() {
  const payloads = makePayloads(400);
  const ag = agreement(payloads);
  console.log(`\n2. VALIDATION THROUGHPUT: ${ag.count} seeded payloads (seed 0x${SEED.toString(16)}; ${ag.valid} valid, ${ag.invalid} invalid; 5 kinds; phones of IN US UK BR MX DE AE NG)`);
  console.log(`   agreement whatsjet validate() vs zod equivalent on ok / not ok: ${ag.disagreements} disagreements`);
  console.log(`   normalised bodies of the valid ones differ: ${ag.valueMismatches}; invalid payloads whose set of issue paths differs (informational): ${ag.pathMismatches}`);
  for (const d of ag.details) console.log(`   ! ${JSON.stringify(d).slice(0, 600)}`);

  const byKind = Object.fromEntries(KINDS.map((k) => [k, payloads.filter((p) => p.kind === k)]));
  const runAll = (f, list) => () => {
    for (let i = 0; i < list.length; i++) f(list[i].kind, list[i].payload);
  };
  const rows = [];
  const out = { agreement: { ...ag, details: ag.details.slice(0, 20) }, throughput: {} };
  // Both sides fully optimised before any timing: zod's many small closures
  // need a few seconds of V8 tiering, and a cold side would flatter the other.
  warmUp([runAll(validate, payloads), runAll(validateZod, payloads)], QUICK ? 1500 : 5000);
  const sets = [
    ["  valid only", payloads.filter((p) => validate(p.kind, p.payload).ok)],
    ["  invalid only", payloads.filter((p) => !validate(p.kind, p.payload).ok)],
    ...KINDS.map((k) => [`  ${k}`, byKind[k]]),
  ];
  // V8 optimises zod's code differently depending on what it has seen: after
  // a warm-up on the mixed set alone, zod is slower on it than after it has
  // also run each kind on its own (whatsjet's wasm does not care). So the
  // whole set is timed twice, first and last, and the budget takes the lower
  // ratio of the two.
  const FIRST = "all payloads, timed first (mixed kinds from the start)";
  const LAST = "all payloads, timed last (after the subsets below)";
  const order = [[FIRST, payloads], ...sets, [LAST, payloads]];
  const measured = new Map();
  for (const [label, list] of order) {
    const r = await compare(
      [
        ["whatsjet", runAll(validate, list)],
        ["zod", runAll(validateZod, list)],
      ],
      { rounds: list === payloads ? (QUICK ? 12 : 48) : QUICK ? 8 : 24 },
    );
    const wj = (list.length / r.whatsjet.p50ms) * 1000;
    const zd = (list.length / r.zod.p50ms) * 1000;
    measured.set(label, [`${label} (${list.length})`, fmt(wj), fmt(zd), ratio(wj, zd), spread(r.zod.pairedRatios)]);
    out.throughput[label.trim()] = { payloads: list.length, whatsjetPerSec: wj, zodPerSec: zd, ratio: wj / zd, pairedRatioIqr: spread(r.zod.pairedRatios), raw: r };
  }
  for (const label of [FIRST, LAST, ...sets.map(([l]) => l)]) rows.push(measured.get(label));
  table(
    "   validate(kind, payload), validations/s (median of all samples, interleaved rounds); ratio = whatsjet / zod (higher is\n   better for whatsjet); IQR = interquartile range of the per-round ratios (noise)",
    ["payloads", "whatsjet", "zod 4 + libphonenumber", "ratio", "IQR"],
    rows,
  );
  const first = out.throughput[FIRST];
  const last = out.throughput[LAST];
  const worst = first.ratio <= last.ratio ? first : last;
  budget(
    "validation throughput ratio (whatsjet / zod)",
    worst.ratio,
    1.0,
    worst.ratio >= 1.0,
    "x",
    `lower of ${first.ratio.toFixed(2)}x (timed first) and ${last.ratio.toFixed(2)}x (timed last); IQR ${worst.pairedRatioIqr}`,
  );

  // Per keystroke: one phone string.
  const phones = ALL_PHONES;
  const wjField = () => {
    for (let i = 0; i < phones.length; i++) validateField("sendMessage", "phone_number", phones[i]);
  };
  const lpMin = () => {
    for (let i = 0; i < phones.length; i++) phoneKeystroke(phones[i], parseMin);
  };
  const lpMax = () => {
    for (let i = 0; i < phones.length; i++) phoneKeystroke(phones[i], parseMax);
  };
  warmUp([wjField, lpMin, lpMax], QUICK ? 300 : 1000);
  const k = await compare([
    ["validateField", wjField],
    ["min", lpMin],
    ["max", lpMax],
  ]);
  const perSec = (name) => (phones.length / k[name].p50ms) * 1000;
  const agreeMin = phones.filter((p) => (validateField("sendMessage", "phone_number", p).length === 0) !== phoneKeystroke(p, parseMin)).length;
  const agreeMax = phones.filter((p) => (validateField("sendMessage", "phone_number", p).length === 0) !== phoneKeystroke(p, parseMax)).length;
  table(
    `   one phone number per call (${phones.length} strings as typed), checks/s (median); ratio = whatsjet / libphonenumber`,
    ["what", "checks/s", "ratio", "verdicts differing from whatsjet"],
    [
      ['whatsjet validateField("sendMessage","phone_number",v)', fmt(perSec("validateField")), "", ""],
      ["clean-up + parsePhoneNumberFromString(v)?.isValid(), default entry (= /min metadata)", fmt(perSec("min")), ratio(perSec("validateField"), perSec("min")), `${agreeMin} (isValid() checks lengths per country)`],
      ["clean-up + parsePhoneNumberFromString(v)?.isValid(), libphonenumber-js/max", fmt(perSec("max")), ratio(perSec("validateField"), perSec("max")), `${agreeMax} (isValid() checks number patterns)`],
    ],
  );
  out.keystroke = { strings: phones.length, whatsjetPerSec: perSec("validateField"), libMinPerSec: perSec("min"), libMaxPerSec: perSec("max"), verdictsDifferMin: agreeMin, verdictsDifferMax: agreeMax, raw: k };

  // Where the time goes: JSON.stringify in and JSON.parse out happen in JS
  // around the wasm call; the rest is copying the text into wasm memory,
  // parsing it in Rust, the rules, writing the answer's JSON and copying back.
  const large = makeLarge();
  const bodyOnly = { ...SMALL, message_body: large.message_body };
  const withFields = (n) => {
    const custom_fields = {};
    for (let i = 0; i < n; i++) custom_fields[`field_name_${i}`] = `value number ${i} for this contact`;
    return { ...SMALL, contact: { first_name: "João", custom_fields } };
  };
  const shapes = [
    ["small: phone + 23-char body", SMALL],
    ["1,000-char message_body", { ...SMALL, message_body: large.message_body.slice(0, 1000) }],
    ["4,000-char message_body", bodyOnly],
    ["contact with 10 custom_fields", withFields(10)],
    ["contact with 50 custom_fields", withFields(50)],
    ["contact with 200 custom_fields", withFields(200)],
    ["contact with 800 custom_fields", withFields(800)],
    ["large: 4,000 chars + 200 fields + contact", large],
  ];
  const diag = [];
  for (const [label, payload] of shapes) {
    const resultText = JSON.stringify(validate("sendMessage", payload));
    const r = await compare(
      [
        ["validate", () => validate("sendMessage", payload)],
        ["stringify", () => JSON.stringify(payload)],
        ["parse", () => JSON.parse(resultText)],
        ["zod", () => validateZod("sendMessage", payload)],
      ],
      { rounds: QUICK ? 4 : 10, sliceMs: 20 },
    );
    const us = (n) => r[n].p50ms * 1000;
    const rest = us("validate") - us("stringify") - us("parse");
    diag.push({ label, inBytes: JSON.stringify(payload).length, outBytes: resultText.length, validateUs: us("validate"), stringifyUs: us("stringify"), parseUs: us("parse"), restUs: rest, zodUs: us("zod") });
  }
  table(
    "   where validate() spends its time (µs per call, medians; sendMessage). 'wasm side' = total - stringify - parse:\n   copying the text into wasm memory, parsing it in Rust, the rules, writing the answer's JSON, copying it out",
    ["payload", "JSON in", "JSON out", "validate", "JSON.stringify", "JSON.parse", "wasm side", "zod", "ratio"],
    diag.map((d) => [d.label, fmt(d.inBytes), fmt(d.outBytes), fmt(d.validateUs, 2), fmt(d.stringifyUs, 2), fmt(d.parseUs, 2), fmt(d.restUs, 2), fmt(d.zodUs, 2), ratio(d.zodUs, d.validateUs)]),
  );
  out.boundary = diag;
  const per = (label) => {
    const d = diag.find((x) => x.label === label);
    return { wj: d.validateUs / Number(label.match(/(\d+) custom/)[1]), z: d.zodUs / Number(label.match(/(\d+) custom/)[1]) };
  };
  const f50 = per("contact with 50 custom_fields");
  const f800 = per("contact with 800 custom_fields");
  console.log(
    `   per custom field: whatsjet ${fmt(f50.wj, 2)} µs at 50 fields, ${fmt(f800.wj, 2)} µs at 800 (zod ${fmt(f50.z, 2)} / ${fmt(f800.z, 2)});` +
      ` a growing per-field cost means time superlinear in the number of keys`,
  );

  // The boundary alone: the same phone check with a string result
  // (normalizePhoneNumber) versus JSON in / issues array out (validateField).
  const valid = "+91 98765-43210";
  const b = await compare(
    [
      ["normalize", () => normalizePhoneNumber(valid)],
      ["field", () => validateField("sendMessage", "phone_number", valid)],
      ["validateSmall", () => validate("sendMessage", SMALL)],
      ["invalidField", () => validateField("sendMessage", "phone_number", "12345")],
    ],
    { rounds: QUICK ? 4 : 10, sliceMs: 20 },
  );
  const bu = (n) => b[n].p50ms * 1000;
  table(
    "   per-call cost of the JS<->wasm boundary (µs per call, medians)",
    ["call", "µs"],
    [
      ['normalizePhoneNumber("+91 98765-43210") (string in, string out)', fmt(bu("normalize"), 2)],
      ['validateField(…, "+91 98765-43210") (JSON in, [] out)', fmt(bu("field"), 2)],
      ['validateField(…, "12345") (JSON in, one issue out)', fmt(bu("invalidField"), 2)],
      ['validate("sendMessage", small) (JSON in, { ok, value, warnings } out)', fmt(bu("validateSmall"), 2)],
    ],
  );
  out.calls = { normalizePhoneNumberUs: bu("normalize"), validateFieldValidUs: bu("field"), validateFieldInvalidUs: bu("invalidField"), validateSmallUs: bu("validateSmall") };
  results.sections.validation = out;
}

// ================================================================== 3. request overhead

async function startSandbox() {
  if (!existsSync(SANDBOX_BIN)) throw new Error(`${SANDBOX_BIN} is missing: cargo build --release -p whatsjet-sandbox`);
  const child = spawn(SANDBOX_BIN, ["--port", "0", "--rate-limit", "0", "--quiet"], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  cleanups.push(() => child.kill("SIGKILL"));
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`the sandbox printed no URL in 15 s: ${out}`)), 15000);
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = /^WHATSJET_SANDBOX_URL=(\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`the sandbox exited (${code}): ${out}`)));
  });
  return {
    url,
    async reset() {
      const r = await fetch(`${url}/__sandbox/reset`, { method: "POST" });
      await r.arrayBuffer();
      if (!r.ok) throw new Error(`reset: ${r.status}`);
    },
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", resolve)));
    },
  };
}

async function requestSection() {
  const sandbox = await startSandbox();
  const baseUrl = `${sandbox.url}/api`;
  const vendorUid = "sandbox-vendor";
  const token = "sandbox-token";
  const client = new WhatsJetClient({ baseUrl, vendorUid, token, maxRetries: 0 });
  const request = { phone_number: "919876543210", message_body: "Benchmark: your order has shipped." };
  const endpoint = `${baseUrl}/${vendorUid}/contact/send-message`;
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json", Accept: "application/json" };
  let failures = 0;
  const body = () => JSON.stringify(request);
  const check = async (response) => {
    const reply = await response.json();
    if (!response.ok || reply.result !== "success") failures++;
  };
  const contestants = {
    whatsjet: async () => {
      const reply = await client.sendMessage(request);
      if (reply.result !== "success") failures++;
    },
    fetch: async () => check(await fetch(endpoint, { method: "POST", headers, body: body() })),
    // Diagnostics: the floor that whatsjet's extra work sets, written in JS.
    // A per-request time limit alone: one AbortController and a timer, as
    // whatsjet's transport makes (timeoutMs, 30 s by default).
    "fetch + time limit (AbortController, setTimeout)": async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 30000);
      try {
        await check(await fetch(endpoint, { method: "POST", headers, body: body(), signal: controller.signal }));
      } finally {
        clearTimeout(timer);
      }
    },
    // All of whatsjet's steps: validate(), the time limit, fetch(url, init)
    // with one headers object, two header reads (Content-Length for the size
    // cap, Retry-After), text(), JSON.parse. whatsjet minus this row is the
    // cost of doing them in wasm (futures, boundary crossings, the answer
    // read in Rust).
    "whatsjet's steps in JS": async () => {
      const valid = validate("sendMessage", request);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 30000);
      try {
        const response = await fetch(endpoint, { method: "POST", headers, body: JSON.stringify(valid.value), signal: controller.signal });
        response.headers.get("content-length");
        response.headers.get("retry-after");
        const reply = JSON.parse(await response.text());
        if (!response.ok || reply.result !== "success") failures++;
      } finally {
        clearTimeout(timer);
      }
    },
  };
  const names = Object.keys(contestants);
  // Same body on the wire? (whatsjet sends the normalised body it validated.)
  await sandbox.reset();
  for (const n of names) await contestants[n]();

  async function block(fn, count, inFlight) {
    await sandbox.reset(); // the sandbox keeps contacts and messages
    let next = 0;
    const cpu = process.cpuUsage();
    const start = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < count) {
          next++;
          await fn();
        }
      }),
    );
    const rate = (count / (performance.now() - start)) * 1000;
    const used = process.cpuUsage(cpu);
    // CPU time of this process per request: less sensitive than the rate to
    // what else the shared cores run (the sandbox runs in its own process).
    return { rate, cpuUs: (used.user + used.system) / count };
  }

  const modes = [
    { key: "sequential", label: "sequential (1 in flight)", inFlight: 1, blocks: QUICK ? 4 : 10, perBlock: 200, warmup: 200 },
    { key: "concurrent32", label: "32 in flight", inFlight: 32, blocks: QUICK ? 4 : 8, perBlock: 500, warmup: 500 },
  ];
  const out = {};
  for (const mode of modes) {
    for (const n of names) await block(contestants[n], mode.warmup, mode.inFlight);
    const rates = Object.fromEntries(names.map((n) => [n, []]));
    const cpuUs = Object.fromEntries(names.map((n) => [n, []]));
    for (let b = 0; b < mode.blocks; b++) {
      // Rotate the order every block so that no contestant always goes first.
      const order = names.map((_, i) => names[(i + b) % names.length]);
      for (const n of order) {
        const r = await block(contestants[n], mode.perBlock, mode.inFlight);
        rates[n].push(r.rate);
        cpuUs[n].push(r.cpuUs);
      }
    }
    const medians = Object.fromEntries(names.map((n) => [n, median(rates[n])]));
    const cpuMedians = Object.fromEntries(names.map((n) => [n, median(cpuUs[n])]));
    out[mode.key] = { label: mode.label, inFlight: mode.inFlight, requestsEach: mode.blocks * mode.perBlock, blocks: mode.blocks, medians, rates, cpuMedians, cpuUs, ratio: medians.whatsjet / medians.fetch };
    budget(`request overhead ratio, ${mode.label} (whatsjet / fetch)`, medians.whatsjet / medians.fetch, 0.95, medians.whatsjet / medians.fetch >= 0.95, "x");
  }
  const { sequential: seq, concurrent32: par } = out;
  table(
    `3. REQUEST OVERHEAD: client.sendMessage vs hand-written fetch (same headers and body, response.json()), release sandbox on loopback\n   (--rate-limit 0 --quiet), maxRetries 0; requests/s = median of blocks (sandbox reset before each, order rotated);\n   sequential ${fmt(seq.requestsEach)} requests each, 32 in flight ${fmt(par.requestsEach)} each; ratio = that row / fetch (for whatsjet: higher is better)`,
    ["client", "sequential req/s", "ratio", "CPU µs/req", "32 in flight req/s", "ratio", "CPU µs/req"],
    names.map((n) => [
      n === "whatsjet" ? "whatsjet client.sendMessage" : n === "fetch" ? "fetch(url, { method, headers, body })" : `  (diagnostic) ${n}`,
      fmt(seq.medians[n]),
      ratio(seq.medians[n], seq.medians.fetch),
      fmt(seq.cpuMedians[n]),
      fmt(par.medians[n]),
      ratio(par.medians[n], par.medians.fetch),
      fmt(par.cpuMedians[n]),
    ]),
  );
  const steps = "whatsjet's steps in JS";
  console.log(
    `   CPU µs/req = this process's CPU time per request (the sandbox's not counted), median of blocks\n` +
      `   whatsjet / its steps in JS: ${ratio(seq.medians.whatsjet, seq.medians[steps])} sequential, ${ratio(par.medians.whatsjet, par.medians[steps])} 32 in flight;` +
      ` its steps in JS / fetch: ${ratio(seq.medians[steps], seq.medians.fetch)}, ${ratio(par.medians[steps], par.medians.fetch)}`,
  );
  console.log(`   answers that were not a success: ${failures}`);
  out.failures = failures;
  results.sections.requests = out;
  await sandbox.stop();
}

// ================================================================== 4. cold start

async function coldStartSection() {
  const runs = QUICK ? 8 : 25;
  const zodUrl = pathToFileURL(join(HERE, "zod-equivalent.mjs")).href;
  const zodPath = join(HERE, "zod-equivalent.mjs");
  const payload = JSON.stringify(SMALL);
  // t1 is taken before touching process.stdout, whose first use sets up the stream (~3 ms).
  const report = `const t1 = process.hrtime.bigint(); process.stdout.write(JSON.stringify({ ms: Number(t1 - t0) / 1e6, ok: r.ok }))`;
  const requireEsm = process.features?.require_module === true;
  const variants = [
    ["whatsjet, import() via the package (ESM)", ["--input-type=module", "-e", `const t0 = process.hrtime.bigint(); const { validate } = await import("whatsjet"); const r = validate("sendMessage", ${payload}); ${report}`]],
    ["whatsjet, require() via the package (CJS)", ["-e", `const t0 = process.hrtime.bigint(); const { validate } = require("whatsjet"); const r = validate("sendMessage", ${payload}); ${report}`]],
    ["zod + libphonenumber-js equivalent, import()", ["--input-type=module", "-e", `const t0 = process.hrtime.bigint(); const { validateZod } = await import(${JSON.stringify(zodUrl)}); const r = validateZod("sendMessage", ${payload}); ${report}`]],
  ];
  if (requireEsm) {
    variants.push([
      "zod + libphonenumber-js equivalent, require() (of an ES module)",
      ["-e", `const t0 = process.hrtime.bigint(); const { validateZod } = require(${JSON.stringify(zodPath)}); const r = validateZod("sendMessage", ${payload}); ${report}`],
    ]);
  }
  const wasmPath = JSON.stringify(join(PKG, "node", "whatsjet_bg.wasm"));
  variants.push(["  (diagnostic) whatsjet require() only, no validate()", ["-e", `const t0 = process.hrtime.bigint(); require("whatsjet"); const r = { ok: true }; ${report}`]]);
  variants.push([
    "  (diagnostic) readFileSync + new WebAssembly.Module(.wasm) only",
    ["-e", `const t0 = process.hrtime.bigint(); new WebAssembly.Module(require("fs").readFileSync(${wasmPath})); const r = { ok: true }; ${report}`],
  ]);
  variants.push([
    "  (reference) import() of a one-line ES module (ESM loader start-up)",
    ["--input-type=module", "-e", `const t0 = process.hrtime.bigint(); await import("data:text/javascript,export default 1"); const r = { ok: true }; ${report}`],
  ]);
  variants.push(["  (reference) require() of an empty package (Node's package resolution start-up)", ["-e", `const t0 = process.hrtime.bigint(); require("empty-package"); const r = { ok: true }; ${report}`]]);
  variants.push(["  (reference) node -e with no module", ["-e", `const t0 = process.hrtime.bigint(); const r = { ok: true }; ${report}`]]);

  const samples = variants.map(() => ({ inside: [], wall: [] }));
  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < variants.length; i++) {
      const v = (i + run) % variants.length; // rotate the order
      const start = performance.now();
      const child = spawnSync(process.execPath, ["--no-warnings", ...variants[v][1]], { cwd: LINK_DIR, encoding: "utf8" });
      const wall = performance.now() - start;
      if (child.status !== 0) throw new Error(`${variants[v][0]}: exit ${child.status}\n${child.stderr}`);
      const { ms, ok } = JSON.parse(child.stdout);
      if (!ok) throw new Error(`${variants[v][0]}: validate said not ok`);
      samples[v].inside.push(ms);
      samples[v].wall.push(wall);
    }
  }
  const out = {};
  const rows = variants.map(([label], i) => {
    const s = samples[i];
    out[label] = { runs, insideMedianMs: median(s.inside), insideMinMs: Math.min(...s.inside), wallMedianMs: median(s.wall), inside: s.inside, wall: s.wall };
    return [label, fmt(median(s.inside), 2), fmt(Math.min(...s.inside), 2), fmt(Math.max(...s.inside), 2), fmt(median(s.wall), 1)];
  });
  table(
    `4. COLD START: fresh node process, first line to first validate() result (process.hrtime inside the child), ${runs} runs each, ms`,
    ["from", "median", "min", "max", "process wall median"],
    rows,
  );
  if (!requireEsm) console.log("   (require() of the zod equivalent skipped: this Node has no require(esm))");
  const wjImport = out[variants[0][0]].insideMedianMs;
  const wjRequire = out[variants[1][0]].insideMedianMs;
  const zImport = out[variants[2][0]].insideMedianMs;
  console.log(`   ratio zod import / whatsjet import: ${ratio(zImport, wjImport)} (above 1.00x: whatsjet starts faster)`);
  results.sections.coldStart = out;
  budget("cold start median, import()", wjImport, 10, wjImport <= 10, "ms");
  budget("cold start median, require()", wjRequire, 10, wjRequire <= 10, "ms");
}

// ================================================================== 5. bulk rate

async function bulkSection() {
  const sandbox = await startSandbox();
  // The server's throttle at the client's rate: 100 a second, in the
  // sandbox's fixed one-second windows (Laravel's throttle, shortened).
  const perSecond = 100;
  const ratePerMinute = perSecond * 60;
  const rows = QUICK ? 300 : 1000;
  const config = await fetch(`${sandbox.url}/__sandbox/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rate_limit: perSecond, rate_limit_window_secs: 1 }),
  });
  if (!config.ok) throw new Error(`config: ${config.status}`);
  const client = new WhatsJetClient({ baseUrl: `${sandbox.url}/api`, vendorUid: "sandbox-vendor", token: "sandbox-token" });
  const payloads = Array.from({ length: rows }, (_, i) => ({ phone_number: String(917000000000 + i), message_body: "Bulk benchmark" }));
  const started = performance.now();
  const outcomes = await client.sendBulk("sendMessage", payloads, { ratePerMinute });
  const seconds = (performance.now() - started) / 1000;
  const requests = await (await fetch(`${sandbox.url}/__sandbox/requests`)).json();
  await sandbox.stop();
  const sent = outcomes.filter((o) => o.status === "sent").length;
  const throttled = requests.length - rows;
  const achieved = (rows / seconds) * 60;
  table(
    `5. BULK RATE: client.sendBulk of ${fmt(rows)} texts at ratePerMinute ${fmt(ratePerMinute)}, against the release sandbox throttling at the same rate (${perSecond} per 1 s window)`,
    ["ratePerMinute", "rows", "sent", "429s", "seconds", "achieved per minute", "achieved / ratePerMinute"],
    [[fmt(ratePerMinute), fmt(rows), fmt(sent), fmt(throttled), seconds.toFixed(2), fmt(achieved), (achieved / ratePerMinute).toFixed(3)]],
  );
  results.sections.bulk = { ratePerMinute, rows, sent, throttled, seconds, achieved };
  budget("bulk achieved rate / ratePerMinute", achieved / ratePerMinute, 0.95, achieved / ratePerMinute >= 0.95 && throttled === 0 && sent === rows, "x", `${throttled} 429s`);
}

// ================================================================== run

const sections = { size: sizeSection, validation: validationSection, requests: requestSection, coldstart: coldStartSection, bulk: bulkSection };
for (const name of ONLY) {
  if (!sections[name]) throw new Error(`unknown section ${name}; use ${Object.keys(sections).join(",")}`);
  await sections[name]();
}

const show = (b) => {
  if (b.unit === "B") return [`${fmt(b.value)} B (${kb(b.value)})`, `<= ${fmt(b.limit)} B (${kb(b.limit)})`];
  if (b.unit === "x") return [`${b.value.toFixed(2)}x`, `>= ${b.limit.toFixed(2)}x`];
  return [`${b.value.toFixed(2)} ms`, `<= ${b.limit} ms`];
};
table(
  "BUDGETS",
  ["budget", "measured", "limit", "verdict", "note"],
  budgets.map((b) => [b.name, ...show(b), b.pass ? "PASS" : "MISS", b.note]),
);
results.budgets = budgets;
results.machine.loadavgAtEnd = os.loadavg().map((x) => Number(x.toFixed(2)));
console.log(`load average at the end: ${results.machine.loadavgAtEnd.join(" ")}`);

const resultsDir = join(HERE, "results");
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${join("benches", "results", "latest.json")}`);
