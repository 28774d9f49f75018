#!/usr/bin/env node
// Phone numbers: whatsjet's normalizePhoneNumber against libphonenumber-js's
// isValidPhoneNumber with its min metadata (what most web forms ship, and
// what whatsjet's table is compiled from) and its max metadata, on 100,000
// numbers generated with a fixed seed across every calling code. Prints the
// agreement and each kind of disagreement with examples.
//
//   cd benches && npm ci && node phone-agreement.mjs [--count=100000]
//
// Needs pkg/node (scripts/build.sh). Exits 1 when the pinned metadata that
// scripts/phone-data.mjs compiles is not the installed libphonenumber-js's.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { isValidPhoneNumber as validMax } from "libphonenumber-js/max";
import { getCountryCallingCode, isValidPhoneNumber as validMin, parsePhoneNumberFromString as parseMin } from "libphonenumber-js/min";
import examples from "libphonenumber-js/mobile/examples";

import { rng, SEED } from "./payloads.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { normalizePhoneNumber } = require(join(HERE, "../pkg/node/whatsjet.js"));

const lib = JSON.parse(readFileSync(require.resolve("libphonenumber-js/package.json"), "utf8"));
const installed = readFileSync(require.resolve("libphonenumber-js/metadata.min.json"), "utf8");
const pinned = readFileSync(join(HERE, `../scripts/phone-data/libphonenumber-js-${lib.version}.min.json`), "utf8");
if (JSON.stringify(JSON.parse(installed)) !== JSON.stringify(JSON.parse(pinned))) {
  console.error(`libphonenumber-js ${lib.version}'s metadata.min.json differs from the copy in scripts/phone-data/`);
  process.exit(1);
}
const metadata = JSON.parse(installed);

const COUNT = Number(process.argv.find((a) => a.startsWith("--count="))?.slice(8) ?? 100_000);

const random = rng(SEED);
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join("");

// Every calling code, and one mobile example number per country that has one.
const codes = [...new Set([...Object.keys(metadata.country_calling_codes), ...Object.keys(metadata.nonGeographic ?? {})])];
const samples = Object.entries(examples).map(([country, national]) => ({
  code: getCountryCallingCode(country),
  national,
  prefix: metadata.countries[country][5] || "0",
}));

/** One number, "+" and digits, and how it was made. */
function generate() {
  const r = random();
  const s = pick(samples);
  const n = s.national;
  const at = int(0, n.length - 1);
  if (r < 0.2) return { how: "example", number: `+${s.code}${n}` };
  if (r < 0.4) return { how: "example, one digit changed", number: `+${s.code}${n.slice(0, at)}${int(0, 9)}${n.slice(at + 1)}` };
  if (r < 0.5) return { how: "example, one digit more", number: `+${s.code}${n.slice(0, at)}${int(0, 9)}${n.slice(at)}` };
  if (r < 0.6) return { how: "example, one digit less", number: `+${s.code}${n.slice(0, at)}${n.slice(at + 1)}` };
  if (r < 0.8) {
    const keep = int(1, Math.min(4, n.length));
    return { how: "example's first digits, random rest", number: `+${s.code}${n.slice(0, keep)}${digits(Math.max(0, n.length - keep + int(-2, 2)))}` };
  }
  if (r < 0.945) {
    const code = pick(codes);
    return { how: "random digits after a calling code", number: `+${code}${digits(int(4, 14 - code.length + 1))}` };
  }
  if (r < 0.995) return { how: "example with its national prefix after the code", number: `+${s.code}${s.prefix}${n}` };
  // WhatsApp's wa_id of a Mexican mobile: 52, 1, ten digits.
  return { how: "Mexican mobile as WhatsApp writes it (52 1 …)", number: `+521${examples.MX.slice(0, 2)}${digits(8)}` };
}

function ours(number) {
  try {
    return { ok: true, digits: normalizePhoneNumber(number) };
  } catch {
    return { ok: false };
  }
}

/** Why whatsjet and libphonenumber-js (min) disagree on a number. */
function explain(number, mine, libOk) {
  const all = number.slice(1);
  if (mine.ok && /^521/.test(all)) return "whatsjet accepts a Mexican mobile in WhatsApp's wa_id form (52 1 + ten digits)";
  if (!libOk) return "other (whatsjet accepts)";
  const e164 = parseMin(number).number.slice(1);
  if (e164.length < 9) return "libphonenumber-js accepts, fewer than 9 digits in all (after it drops a national prefix): the server's minimum refuses them";
  if (e164.length > 15) return "libphonenumber-js accepts, more than 15 digits in all: E.164's maximum refuses them";
  if (e164 !== all) {
    return "libphonenumber-js rewrites the digits after the code in ways whatsjet's table leaves out (Gabon's 0 before 8 digits, Madagascar's and San Marino's short local forms, China's carrier codes)";
  }
  return "other (libphonenumber-js accepts)";
}

const tally = { min: 0, max: 0, digitsDiffer: 0, minAndMaxDisagree: 0 };
const byHow = new Map();
const reasons = new Map();
const note = (map, key, example) => {
  const entry = map.get(key) ?? { count: 0, examples: [] };
  entry.count++;
  if (entry.examples.length < 4) entry.examples.push(example);
  map.set(key, entry);
};
const digitExamples = [];
for (let i = 0; i < COUNT; i++) {
  const { how, number } = generate();
  const mine = ours(number);
  const min = validMin(number);
  const max = validMax(number);
  const row = byHow.get(how) ?? { count: 0, min: 0, max: 0, valid: 0 };
  row.count++;
  if (min) row.valid++;
  if (mine.ok === min) {
    tally.min++;
    row.min++;
  } else note(reasons, explain(number, mine, min), number);
  if (mine.ok === max) {
    tally.max++;
    row.max++;
  }
  if (min !== max) tally.minAndMaxDisagree++;
  byHow.set(how, row);
  if (mine.ok && min) {
    const e164 = parseMin(number).number.slice(1);
    if (e164 !== mine.digits) {
      tally.digitsDiffer++;
      if (digitExamples.length < 4) digitExamples.push(`${number} → whatsjet ${mine.digits}, libphonenumber-js ${e164}`);
    }
  }
}

const pct = (n, of = COUNT) => `${((100 * n) / of).toFixed(2)}%`;
console.log(`${COUNT.toLocaleString("en")} numbers (seed ${SEED.toString(16)}), libphonenumber-js ${lib.version}\n`);
console.log(`agreement with isValidPhoneNumber, min metadata: ${tally.min} (${pct(tally.min)})`);
console.log(`agreement with isValidPhoneNumber, max metadata: ${tally.max} (${pct(tally.max)})`);
console.log(`min and max metadata disagree with each other on ${tally.minAndMaxDisagree} (${pct(tally.minAndMaxDisagree)})`);
console.log(`both accept, different digits: ${tally.digitsDiffer}${digitExamples.map((e) => `\n  ${e}`).join("")}\n`);
console.log("by how the number was made (valid: libphonenumber-js min accepts):");
for (const [how, r] of byHow) {
  console.log(`  ${how.padEnd(48)} ${String(r.count).padStart(6)}  valid ${pct(r.valid, r.count).padStart(7)}  agree min ${pct(r.min, r.count).padStart(7)}  max ${pct(r.max, r.count).padStart(7)}`);
}
console.log("\ndisagreements with the min metadata:");
if (reasons.size === 0) console.log("  none");
for (const [reason, { count, examples: list }] of [...reasons].sort((a, b) => b[1].count - a[1].count)) {
  console.log(`  ${String(count).padStart(6)}  ${reason}\n          e.g. ${list.join(", ")}`);
}
