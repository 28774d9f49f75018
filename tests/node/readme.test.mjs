// Every ```js block of README.md runs as an ES module against a fresh
// sandbox, importing "whatsjet" through the package's exports map, and must
// print exactly what its `// prints: …` comments say, line by line. A block
// without such comments only has to run without error.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { PKG_DIR, ROOT, TOKEN, VENDOR, linkedProject, startSandbox } from "./helpers.mjs";

const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** The ```js blocks with the heading each one is under. */
function jsBlocks(markdown) {
  const blocks = [];
  let heading = "(top)";
  let fence = null;
  let lines = [];
  for (const line of markdown.split("\n")) {
    if (fence === null) {
      const open = /^(```+|~~~+)\s*([\w-]*)/.exec(line);
      if (open) {
        fence = { marker: open[1], lang: open[2], heading };
        lines = [];
      } else if (/^#{1,6}\s/.test(line)) {
        heading = line.replace(/^#+\s*/, "").trim();
      }
    } else if (line.startsWith(fence.marker) && line.slice(fence.marker.length).trim() === "") {
      if (["js", "javascript", "mjs"].includes(fence.lang)) blocks.push({ heading: fence.heading, code: lines.join("\n") });
      fence = null;
    } else {
      lines.push(line);
    }
  }
  assert.equal(fence, null, "README.md has an unclosed code fence");
  return blocks;
}

function expectedOutput(code) {
  return code
    .split("\n")
    .map((line) => /^\s*\/\/ prints: ?(.*)$/.exec(line))
    .filter(Boolean)
    .map((match) => match[1]);
}

const BLOCKS = jsBlocks(README);
const PLACEHOLDERS = ['"https://your-whatsjet-server.example/api"', '"your-vendor-uid"', '"your-api-token"'];

let sandbox;
let project;

before(async () => {
  sandbox = await startSandbox({ args: ["--rate-limit", "0"] });
  project = linkedProject("whatsjet-readme-");
});
after(() => sandbox?.stop());

function rewrite(code) {
  let out = code;
  out = out.replaceAll(PLACEHOLDERS[0], JSON.stringify(sandbox.baseUrl));
  out = out.replaceAll(PLACEHOLDERS[1], JSON.stringify(VENDOR));
  out = out.replaceAll(PLACEHOLDERS[2], JSON.stringify(TOKEN));
  return out;
}

function run(file) {
  return new Promise((resolve) => {
    execFile(process.execPath, [file], { cwd: project, timeout: 30_000, encoding: "utf8" }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? error.signal) : 0, stdout, stderr });
    });
  });
}

test("README.md has js examples that print something", () => {
  assert.ok(BLOCKS.length >= 4, `only ${BLOCKS.length} js blocks`);
  assert.ok(BLOCKS.some((b) => expectedOutput(b.code).length > 0));
});

const seen = new Map();
BLOCKS.forEach((block, index) => {
  const count = (seen.get(block.heading) ?? 0) + 1;
  seen.set(block.heading, count);
  const name = count === 1 ? block.heading : `${block.heading} (${count})`;

  test(`README: ${name}`, async () => {
    await sandbox.reset();
    const code = rewrite(block.code);
    assert.ok(!/your-(whatsjet-server|vendor-uid|api-token)/.test(code), "a placeholder was not rewritten");
    const file = join(project, `readme-block-${index + 1}.mjs`);
    writeFileSync(file, code);
    const { code: exit, stdout, stderr } = await run(file);
    assert.equal(exit, 0, `the block failed:\n${stderr}`);
    const printed = stdout.split("\n");
    if (printed.at(-1) === "") printed.pop();
    const expected = expectedOutput(block.code);
    if (expected.length > 0) assert.deepEqual(printed, expected);
  });
});

test("README: the npm package has no runtime dependencies", () => {
  const manifest = JSON.parse(readFileSync(join(PKG_DIR, "package.json"), "utf8"));
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies", "bundledDependencies"]) {
    assert.equal(manifest[field], undefined, `pkg/package.json has ${field}`);
  }
  // Nor does its code load anything but its own files and Node's modules.
  const foreign = [];
  const files = readdirSync(PKG_DIR, { recursive: true }).filter((f) => /\.[cm]?js$/.test(f));
  assert.ok(files.length >= 5, `only ${files.length} JavaScript files in pkg/`);
  for (const file of files) {
    const code = readFileSync(join(PKG_DIR, file), "utf8");
    for (const [, ...found] of code.matchAll(/\bfrom\s*["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
      const specifier = found.find((x) => x !== undefined);
      const own = specifier.startsWith("./") || specifier.startsWith("../");
      const node = specifier.startsWith("node:") || builtinModules.includes(specifier);
      if (!own && !node) foreign.push(`${file}: ${specifier}`);
    }
  }
  assert.deepEqual(foreign, []);
});
