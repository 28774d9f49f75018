#!/usr/bin/env node
// Deterministic size check of the two web builds (no timing, node: built-ins
// only, so it runs without benches/node_modules): for each, the gzip -9
// sizes of its .wasm and its JS glue, compressed separately as a server sends
// them, added up, against benches/size-budget.json:
//   webGzipBytes         pkg/web/         the full build (WhatsJetClient too)
//   validatorsGzipBytes  pkg/validators/  the validators-only build
//   localeGzipBytes      pkg/locales/*.js each message table on its own
// Exits 1 when a build is over its budget, 2 when a file is missing.
//
//   node benches/size-check.mjs

import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const budgetFile = join(here, "size-budget.json");
const budgets = JSON.parse(readFileSync(budgetFile, "utf8"));
const builds = [
  { name: "web build (full)", dir: "web", key: "webGzipBytes" },
  { name: "validators-only build", dir: "validators", key: "validatorsGzipBytes" },
];

let over = false;
for (const { name, dir, key } of builds) {
  const budget = budgets[key];
  if (!Number.isInteger(budget) || budget <= 0) {
    console.error(`${relative(process.cwd(), budgetFile)}: ${key} must be a positive integer`);
    process.exit(2);
  }
  let total = 0;
  for (const file of ["whatsjet_bg.wasm", "whatsjet.js"].map((f) => join(root, "pkg", dir, f))) {
    if (!existsSync(file)) {
      console.error(`${relative(process.cwd(), file)} is missing: build the package with scripts/build.sh`);
      process.exit(2);
    }
    const raw = readFileSync(file);
    const gz = gzipSync(raw, { level: 9 }).length;
    total += gz;
    console.log(`${relative(root, file).padEnd(33)} ${String(raw.length).padStart(8)} B raw ${String(gz).padStart(8)} B gzip-9`);
  }
  const ok = total <= budget;
  over ||= !ok;
  console.log(`${name} gzip-9 total: ${total} B (${(total / 1024).toFixed(1)} KiB); budget ${budget} B: ${ok ? "ok" : "OVER BUDGET"}`);
}

// Each locale module is loaded on its own, by whoever shows that language.
const localeBudget = budgets.localeGzipBytes;
const localeDir = join(root, "pkg", "locales");
if (!existsSync(localeDir)) {
  console.error(`${relative(process.cwd(), localeDir)} is missing: build the package with scripts/build.sh`);
  process.exit(2);
}
for (const file of readdirSync(localeDir).filter((f) => f.endsWith(".js"))) {
  const raw = readFileSync(join(localeDir, file));
  const gz = gzipSync(raw, { level: 9 }).length;
  const ok = gz <= localeBudget;
  over ||= !ok;
  console.log(`${`pkg/locales/${file}`.padEnd(33)} ${String(raw.length).padStart(8)} B raw ${String(gz).padStart(8)} B gzip-9; budget ${localeBudget} B: ${ok ? "ok" : "OVER BUDGET"}`);
}
process.exit(over ? 1 : 0);
