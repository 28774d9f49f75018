#!/usr/bin/env node
// Deterministic size check of the web build (no timing, node: built-ins
// only, so it runs without benches/node_modules): the gzip -9 sizes of
// pkg/web/whatsjet_bg.wasm and pkg/web/whatsjet.js, compressed separately as
// a server sends them, added up, against benches/size-budget.json
// ({"webGzipBytes": N}). Exits 1 over budget, 2 when a file is missing.
//
//   node benches/size-check.mjs

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const files = [join(root, "pkg", "web", "whatsjet_bg.wasm"), join(root, "pkg", "web", "whatsjet.js")];
const budgetFile = join(here, "size-budget.json");

const budget = JSON.parse(readFileSync(budgetFile, "utf8")).webGzipBytes;
if (!Number.isInteger(budget) || budget <= 0) {
  console.error(`${relative(process.cwd(), budgetFile)}: webGzipBytes must be a positive integer`);
  process.exit(2);
}

let total = 0;
for (const file of files) {
  if (!existsSync(file)) {
    console.error(`${relative(process.cwd(), file)} is missing: build the package with scripts/build.sh`);
    process.exit(2);
  }
  const raw = readFileSync(file);
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  console.log(`${relative(root, file).padEnd(26)} ${String(raw.length).padStart(8)} B raw ${String(gz).padStart(8)} B gzip-9`);
}
const verdict = total <= budget ? "ok" : "OVER BUDGET";
console.log(`web build gzip-9 total: ${total} B (${(total / 1024).toFixed(1)} KiB); budget ${budget} B: ${verdict}`);
process.exit(total <= budget ? 0 : 1);
