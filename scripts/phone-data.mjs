#!/usr/bin/env node
// Writes src/validate/phone/data.rs: which national numbers each country
// calling code has, compiled from libphonenumber's metadata (the pinned copy
// that libphonenumber-js ships as `metadata.min.json`, in scripts/phone-data/)
// into one minimal automaton over digits, so the wasm walks a table and needs
// no regex engine.
//
//   node scripts/phone-data.mjs          write src/validate/phone/data.rs
//   node scripts/phone-data.mjs --check  exit 1 if the committed file differs
//
// What a code accepts follows libphonenumber-js's isValidPhoneNumber with that
// metadata for a number written with its country code: the country of a
// shared code is chosen by its leading digits or number types, in the
// metadata's order, and the number must match that country's types (where the
// metadata keeps them) or its national number pattern.
//
// The regex-to-automaton step is written here rather than taken from a
// library: the patterns use only digits, classes, groups, alternation and
// counted repetition, and the automaton must be over the ten digits only.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const VERSION = "1.13.16";
const METADATA = `scripts/phone-data/libphonenumber-js-${VERSION}.min.json`;
const OUT = "src/validate/phone/data.rs";
// The server's bounds on a whole number, country code included (phone.rs).
const MIN_DIGITS = 9;
const MAX_DIGITS = 15;

// ---------------------------------------------------------------- regexes

const ALL = 0x3ff;

/** Parses the regex subset the metadata uses into a tree. */
function parse(src) {
  let i = 0;
  let groupCount = 0;
  const peek = () => src[i];
  function alt() {
    const alts = [cat()];
    while (peek() === "|") {
      i++;
      alts.push(cat());
    }
    return alts.length === 1 ? alts[0] : { t: "alt", alts };
  }
  function cat() {
    const items = [];
    while (i < src.length && peek() !== "|" && peek() !== ")") items.push(repeat(atom()));
    return { t: "cat", items };
  }
  function atom() {
    const c = src[i++];
    if (c >= "0" && c <= "9") return { t: "set", mask: 1 << (c.charCodeAt(0) - 48) };
    if (c === "\\") {
      const e = src[i++];
      if (e === "d") return { t: "set", mask: ALL };
      throw new Error(`unsupported escape \\${e} in ${src}`);
    }
    if (c === "[") {
      let mask = 0;
      while (src[i] !== "]") {
        if (src[i] === "\\" && src[i + 1] === "d") {
          mask |= ALL;
          i += 2;
          continue;
        }
        const lo = src.charCodeAt(i) - 48;
        let hi = lo;
        if (src[i + 1] === "-") {
          hi = src.charCodeAt(i + 2) - 48;
          i += 2;
        }
        if (!(lo >= 0 && hi <= 9 && lo <= hi)) throw new Error(`unsupported class in ${src}`);
        for (let d = lo; d <= hi; d++) mask |= 1 << d;
        i++;
      }
      i++;
      return { t: "set", mask };
    }
    if (c === "(") {
      let capture = true;
      if (src.startsWith("?:", i)) {
        capture = false;
        i += 2;
      }
      const node = alt();
      if (src[i++] !== ")") throw new Error(`unbalanced ( in ${src}`);
      return capture ? { t: "group", node, idx: groupCount++ } : node;
    }
    if (c === "$") return { t: "end" };
    throw new Error(`unsupported ${c} in ${src}`);
  }
  function repeat(node) {
    for (;;) {
      if (peek() === "?") {
        i++;
        node = { t: "rep", node, min: 0, max: 1 };
      } else if (peek() === "{") {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
        i += m[0].length;
        const min = Number(m[1]);
        const max = m[2] ? (m[3] === "" ? Infinity : Number(m[3])) : min;
        node = { t: "rep", node, min, max };
      } else return node;
    }
  }
  const tree = alt();
  if (i !== src.length) throw new Error(`unparsed rest of ${src}`);
  tree.groups = groupCount;
  return tree;
}

// ---------------------------------------------------------------- automata
// A DFA is { acc: boolean[], next: number[][] (10 targets) , start }, complete:
// state 0 is the dead state.

/** Thompson NFA → DFA by subset construction. */
function compile(src) {
  const eps = [];
  const edges = [];
  const node = () => {
    eps.push([]);
    edges.push([]);
    return eps.length - 1;
  };
  function build(n, from) {
    switch (n.t) {
      case "set": {
        const to = node();
        edges[from].push([n.mask, to]);
        return to;
      }
      case "cat":
        return n.items.reduce((s, item) => build(item, s), from);
      case "group":
        return build(n.node, from);
      case "alt": {
        const to = node();
        for (const a of n.alts) eps[build(a, from)].push(to);
        return to;
      }
      case "rep": {
        let s = from;
        for (let k = 0; k < n.min; k++) s = build(n.node, s);
        if (n.max === Infinity) {
          const loop = node();
          eps[s].push(loop);
          eps[build(n.node, loop)].push(loop);
          return loop;
        }
        const to = node();
        eps[s].push(to);
        for (let k = n.min; k < n.max; k++) {
          s = build(n.node, s);
          eps[s].push(to);
        }
        return to;
      }
      default:
        throw new Error(`unsupported ${n.t} in a pattern`);
    }
  }
  const start = node();
  const final = build(parse(src), start);
  const closure = (set) => {
    const out = new Set(set);
    const stack = [...set];
    while (stack.length) {
      for (const e of eps[stack.pop()]) {
        if (!out.has(e)) {
          out.add(e);
          stack.push(e);
        }
      }
    }
    return [...out].sort((a, b) => a - b);
  };
  const dfa = { acc: [false], next: [Array(10).fill(0)], start: 1 };
  const ids = new Map([["", 0]]);
  const queue = [];
  const id = (set) => {
    const key = set.join(",");
    if (!ids.has(key)) {
      ids.set(key, dfa.acc.length);
      dfa.acc.push(set.includes(final));
      dfa.next.push(null);
      queue.push(set);
    }
    return ids.get(key);
  };
  id(closure([start]));
  while (queue.length) {
    const set = queue.shift();
    const s = ids.get(set.join(","));
    dfa.next[s] = Array.from({ length: 10 }, (_, d) => {
      const to = [];
      for (const n of set) for (const [mask, t] of edges[n]) if (mask & (1 << d)) to.push(t);
      return to.length ? id(closure(to)) : 0;
    });
  }
  return dfa;
}

/** The product of two DFAs, accepting where `f(accA, accB)`. */
function product(a, b, f) {
  const dfa = { acc: [], next: [], start: 0 };
  const ids = new Map();
  const queue = [];
  const id = (x, y) => {
    const key = x * 1e6 + y;
    if (!ids.has(key)) {
      ids.set(key, dfa.acc.length);
      dfa.acc.push(f(a.acc[x], b.acc[y]));
      dfa.next.push(null);
      queue.push([x, y]);
    }
    return ids.get(key);
  };
  id(0, 0); // the dead pair first, so state 0 stays dead when f(false, false) is false
  dfa.start = id(a.start, b.start);
  while (queue.length) {
    const [x, y] = queue.shift();
    dfa.next[ids.get(x * 1e6 + y)] = Array.from({ length: 10 }, (_, d) => id(a.next[x][d], b.next[y][d]));
  }
  return dfa;
}
const and = (a, b) => product(a, b, (x, y) => x && y);
const or = (a, b) => product(a, b, (x, y) => x || y);
const andNot = (a, b) => product(a, b, (x, y) => x && !y);
const lengths = (list) => compile(list.map((n) => `\\d{${n}}`).join("|"));
const NOTHING = { acc: [false], next: [Array(10).fill(0)], start: 0 };

/** Numbers that begin with a match of `src`. */
const beginsWith = (src) => compile(`(?:${src})\\d{0,}`);

// ---------------------------------------------------------------- metadata
// Compressed arrays of libphonenumber-js metadata version 4 (its metadata.js):
// 0 calling code, 2 national number pattern, 3 possible lengths, 5 national
// prefix, 7 national prefix for parsing, 8 its transform rule, 10 leading
// digits, 11 types (each [pattern, possible lengths?]).

/** The national numbers isValidPhoneNumber takes as a country's. */
function valid(country) {
  const general = compile(country[2]);
  if (!country[11]) return general;
  let any = NOTHING;
  for (const type of country[11]) {
    if (!type?.[0]) continue;
    any = or(any, and(compile(type[0]), lengths(type[1] || country[3])));
  }
  return and(general, any);
}

/** What a calling code accepts after it, given its countries in order. */
function accepted(countries) {
  const valids = countries.map(valid);
  if (countries.length === 1) return valids[0];
  let taken = NOTHING;
  let result = NOTHING;
  countries.forEach((country, i) => {
    const chosen = country[10] ? beginsWith(country[10]) : valids[i];
    result = or(result, and(andNot(chosen, taken), valids[i]));
    taken = or(taken, chosen);
  });
  // No country chosen: the code's main country judges it.
  return or(result, andNot(valids[0], taken));
}

/**
 * What is dropped after the country code: the expanded prefixes when each is
 * simply dropped, else the national prefix alone (`0` in most countries).
 */
function strips(country) {
  const list = prefixes(country);
  if (list?.every((p) => p.replace === "")) return list.map((p) => p.prefix);
  return country[5] ? [country[5]] : [];
}

/**
 * The national prefixes that libphonenumber-js strips after the country code
 * (`national_prefix_for_parsing` of the code's main country), as literal
 * prefixes in the order its regex would try them, each with what replaces it.
 * Alternatives anchored at the end (`$`), which match only whole short
 * numbers, are left out, as are codes whose prefixes expand to more than
 * MAX_PREFIXES strings.
 */
const MAX_PREFIXES = 16;
function prefixes(country) {
  const src = country[7] || country[5];
  if (!src) return [];
  const transform = country[8];
  // Each expansion: the matched string and the groups' captures.
  function expand(n) {
    switch (n.t) {
      case "set":
        return [...Array(10).keys()].filter((d) => n.mask & (1 << d)).map((d) => ({ s: String(d), g: {} }));
      case "cat":
        return n.items.reduce(
          (acc, item) => {
            const next = expand(item);
            if (!next) return null;
            if (!acc) return null;
            const out = [];
            for (const a of acc) for (const b of next) out.push({ s: a.s + b.s, g: { ...a.g, ...b.g } });
            return out.length > 4096 ? null : out;
          },
          [{ s: "", g: {} }],
        );
      case "group": {
        const inner = expand(n.node);
        return inner?.map((x) => ({ ...x, g: { ...x.g, [n.idx]: x.s } }));
      }
      case "alt": {
        const out = [];
        for (const a of n.alts) {
          if (anchored(a)) continue;
          const e = expand(a);
          if (!e) return null;
          out.push(...e);
        }
        return out;
      }
      case "rep": {
        if (n.max === Infinity) return null;
        const out = [];
        for (let k = n.max; k >= n.min; k--) {
          const e = expand({ t: "cat", items: Array(k).fill(n.node) });
          if (!e) return null;
          out.push(...e);
        }
        return out;
      }
    }
  }
  const tree = parse(src);
  const groups = tree.groups;
  const all = anchored(tree) ? [] : expand(tree);
  if (!all) return null;
  const out = [];
  for (const x of all) {
    if (x.s === "") continue;
    // libphonenumber-js applies the transform only when the last group
    // captured something; otherwise it drops what matched.
    const capture = (k) => x.g[k] || "";
    const replace = transform && groups > 0 && capture(groups - 1) ? transform.replace(/\$(\d)/g, (_, k) => capture(k - 1)) : "";
    if (!out.some((o) => x.s.startsWith(o.prefix))) out.push({ prefix: x.s, replace });
  }
  return out.length > MAX_PREFIXES ? null : out;
}
function anchored(n) {
  switch (n.t) {
    case "cat":
      return n.items.some(anchored);
    case "alt":
      return n.alts.every(anchored);
    case "group":
    case "rep":
      return anchored(n.node);
    default:
      return n.t === "end";
  }
}

// ---------------------------------------------------------------- table

/** Every calling code with its countries' arrays, main country first. */
function codes(metadata) {
  const out = new Map();
  for (const [code, countries] of Object.entries(metadata.country_calling_codes)) {
    out.set(code, countries.map((c) => metadata.countries[c]));
  }
  for (const [code, plan] of Object.entries(metadata.nonGeographic || {})) out.set(code, [plan]);
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

/** Minimises the disjoint union of `dfas` (Moore): one table, shared tails. */
function minimise(dfas) {
  const acc = [false];
  const next = [Array(10).fill(0)];
  const starts = dfas.map((dfa) => {
    const base = acc.length - 1; // every DFA's dead state 0 maps to the shared 0
    const map = (s) => (s === 0 ? 0 : base + s);
    for (let s = 1; s < dfa.acc.length; s++) {
      acc.push(dfa.acc[s]);
      next.push(dfa.next[s].map(map));
    }
    return map(dfa.start);
  });
  // Moore refinement. A state from which no number can end falls into the
  // dead state's class, so a walk stops at the first digit that rules the
  // number out.
  let cls = acc.map((a) => (a ? 1 : 0));
  for (let count = 0; ; ) {
    const keys = new Map();
    const refined = acc.map((_, s) => {
      const key = `${cls[s]}:${next[s].map((t) => cls[t]).join(",")}`;
      if (!keys.has(key)) keys.set(key, keys.size);
      return keys.get(key);
    });
    if (keys.size === count) break;
    count = keys.size;
    cls = refined;
  }
  // Number classes in breadth-first order from the starts, for stable output.
  const order = new Map([[cls[0], 0]]);
  const queue = [...starts];
  const rep = new Map();
  for (let s = 0; s < acc.length; s++) if (!rep.has(cls[s])) rep.set(cls[s], s);
  while (queue.length) {
    const c = cls[queue.shift()];
    if (order.has(c)) continue;
    order.set(c, order.size);
    for (const t of next[rep.get(c)]) queue.push(t);
  }
  const states = [...order.keys()].map((c) => ({ acc: acc[rep.get(c)], next: next[rep.get(c)].map((t) => order.get(cls[t])) }));
  return { states, starts: starts.map((s) => order.get(cls[s])) };
}

/**
 * Forms WhatsApp itself uses that libphonenumber refuses. Mexican mobiles
 * are written with a 1 after the 52 (`5215512345678`) in the `wa_id` of
 * WhatsApp's webhooks, which the server stores; libphonenumber dropped that
 * form when Mexico did in 2019.
 */
const WHATSAPP_FORMS = { 52: (country) => compile(`1(?:${country[2]})`) };

function build() {
  const metadata = JSON.parse(readFileSync(join(ROOT, METADATA), "utf8"));
  const plans = [];
  for (const [code, countries] of codes(metadata)) {
    const window = lengths(range(Math.max(1, MIN_DIGITS - code.length), MAX_DIGITS - code.length));
    const extra = WHATSAPP_FORMS[code] ? WHATSAPP_FORMS[code](countries[0]) : NOTHING;
    plans.push({ code, dfa: and(or(accepted(countries), extra), window), strip: strips(countries[0]) });
  }
  const { states, starts } = minimise(plans.map((p) => p.dfa));
  return { metadata, plans: plans.map((p, i) => ({ ...p, start: starts[i] })), states };
}
const range = (lo, hi) => Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);


/**
 * Numbers states for a smaller gzip: the dead state 0, then by how many
 * transitions lead to them (the shared tails first), so the common targets
 * have small numbers. Measured on the 1.13.16 metadata: 4,184 bytes of gzip
 * for the runs against 4,880 in breadth-first order.
 */
function renumber({ plans, states }) {
  const indegree = states.map(() => 0);
  for (const state of states) for (const t of new Set(state.next)) indegree[t]++;
  const order = states.map((_, s) => s).slice(1);
  order.sort((a, b) => indegree[b] - indegree[a] || a - b);
  order.unshift(0);
  const id = [];
  order.forEach((old, i) => {
    id[old] = i;
  });
  return {
    plans: plans.map((p) => ({ ...p, start: id[p.start] })),
    states: order.map((old) => ({ acc: states[old].acc, next: states[old].next.map((t) => id[t]) })),
  };
}

/** States per checkpoint: a step skips at most this many states' runs. */
const STRIDE = 16;

/** The Rust source: the automaton as byte arrays, and one word per code. */
function render({ plans, states }) {
  const low = [];
  const high = [];
  const checkpoints = [];
  states.forEach((state, s) => {
    if (s % STRIDE === 0) checkpoints.push(low.length);
    for (let d = 0; d < 10; d++) {
      if (d < 9 && state.next[d + 1] === state.next[d]) continue;
      low.push(state.next[d] & 0xff);
      high.push((d << 4) | (state.next[d] >> 8));
    }
  });
  const accept = Array(Math.ceil(states.length / 8)).fill(0);
  states.forEach((state, s) => {
    if (state.acc) accept[s >> 3] |= 1 << (s & 7);
  });
  const stripLists = [...new Set(["", ...plans.map((p) => p.strip.join("|"))])];
  const words = plans
    .toSorted((a, b) => Number(a.code) - Number(b.code))
    .map((p) => Number(p.code) | (p.start << 10) | (stripLists.indexOf(p.strip.join("|")) << 22));
  if (states.length > 0x1000 || low.length > 0xffff || stripLists.length > 0x3ff) {
    throw new Error("the automaton outgrew its encoding");
  }
  const list = (values, per) => {
    const lines = [];
    for (let i = 0; i < values.length; i += per) lines.push(`    ${values.slice(i, i + per).join(", ")},`);
    return lines.join("\n");
  };
  return `// Generated by scripts/phone-data.mjs from libphonenumber's metadata as
// libphonenumber-js ${VERSION} ships it (metadata.min.json, pinned in
// scripts/phone-data/). Do not edit: run \`node scripts/phone-data.mjs\`.
//
// libphonenumber metadata: Copyright (C) 2009 The Libphonenumber Authors,
// Apache License 2.0 (https://www.apache.org/licenses/LICENSE-2.0).
// libphonenumber-js: Copyright (c) 2016 @catamphetamine, MIT License.

/// States of the automaton; state 0 accepts nothing.
pub(super) const STATES: usize = ${states.length};

/// Bit s: a number may end in state s.
pub(super) const ACCEPT: [u8; ${accept.length}] = [
${list(accept, 16)}
];

/// Each state's runs of digits, state after state. A run is the last digit
/// it covers (bits 4-7 of \`HIGH\`) and the state it leads to (bits 0-3 of
/// \`HIGH\`, then \`LOW\`); a state's last run ends with digit 9.
pub(super) const LOW: [u8; ${low.length}] = [
${list(low, 16)}
];

/// See [\`LOW\`].
pub(super) const HIGH: [u8; ${high.length}] = [
${list(high, 16)}
];

/// The first run of every ${STRIDE}th state.
pub(super) const CHECKPOINTS: [u16; ${checkpoints.length}] = [
${list(checkpoints, 12)}
];

/// States per checkpoint.
pub(super) const STRIDE: usize = ${STRIDE};

/// One word per country calling code, by code: the code (bits 0-9), its
/// first state (bits 10-21), its national prefixes in [\`STRIPS\`] (bits 22-31).
pub(super) const CODES: [u32; ${words.length}] = [
${list(words, 8)}
];

/// National prefixes dropped after a country code, \`|\` between them, in the
/// order they are tried.
pub(super) const STRIPS: [&str; ${stripLists.length}] = [${stripLists.map((x) => `"${x}"`).join(", ")}];
`;
}

const text = render(renumber(build()));
if (process.argv.includes("--check")) {
  const committed = readFileSync(join(ROOT, OUT), "utf8");
  if (committed !== text) {
    console.error(`${OUT} is stale: run node scripts/phone-data.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(join(ROOT, OUT), text);
}
