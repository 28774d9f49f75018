// The npm package as users get it: `npm pack` of pkg/, then the tarball
// installed (offline, from the file) into fresh projects:
//   1. CommonJS   require("whatsjet")
//   2. ESM        import { WhatsJetClient, validate } from "whatsjet"  (+ "whatsjet/web",
//                 and tests/types/usage.ts type-checked through the exports map)
//   3. esbuild    an ESM app bundled for node/cjs (run, with the .wasm copied next
//                 to the bundle) and for browser/esm (must build and load the .wasm)
// plus the tarball's file list and package.json. Prints one line per check and
// exits non-zero if any failed.
//
//   node tests/packaging/run.mjs        (after scripts/build.sh)

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PKG = join(ROOT, "pkg");
const TSC = join(ROOT, "node_modules", ".bin", "tsc");
const ESBUILD = join(ROOT, "node_modules", ".bin", "esbuild");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

const work = mkdtempSync(join(tmpdir(), "whatsjet-packaging-"));
const npmCache = join(work, "npm-cache");
let failures = 0;

function run(command, args, cwd) {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, npm_config_update_notifier: "false", npm_config_cache: npmCache },
      timeout: 180_000,
    });
  } catch (error) {
    const output = [error.stdout, error.stderr].filter(Boolean).join("\n").trim();
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${output || error.message}`);
  }
}

async function check(name, body) {
  try {
    const detail = await body();
    console.log(`ok   - ${name}${detail ? `: ${detail}` : ""}`);
    return true;
  } catch (error) {
    failures++;
    console.log(`FAIL - ${name}\n${String(error.stack || error).replace(/^/gm, "       ")}`);
    return false;
  }
}

function writeJson(path, value) {
  writeFileSync(path, JSON.stringify(value, null, 2) + "\n");
}

/** A fresh project with the tarball installed; returns its directory. */
function project(name, packageJson, tarball) {
  const dir = join(work, name);
  mkdirSync(dir);
  writeJson(join(dir, "package.json"), { name: `whatsjet-${name}-check`, version: "1.0.0", private: true, ...packageJson });
  run(NPM, ["install", tarball, "--offline", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"], dir);
  assert.ok(existsSync(join(dir, "node_modules", "whatsjet", "package.json")), "whatsjet is not in node_modules");
  return dir;
}

/** Every file a package.json field or exports condition points at. */
function exportTargets(value, out = []) {
  if (typeof value === "string") out.push(value);
  else if (value && typeof value === "object") for (const v of Object.values(value)) exportTargets(v, out);
  return out;
}

const EXPECTED_FILES = [
  "LICENSE",
  "README.md",
  "bin/whatsjet.mjs",
  "browser/index.d.ts",
  "browser/index.js",
  "deno/index.js",
  "deno/validators.js",
  ...["en", "es", "hi", "id", "pt-BR"].flatMap((lang) => [".cjs", ".d.cts", ".d.ts", ".js"].map((ext) => `locales/${lang}${ext}`)),
  "node/package.json",
  "node/whatsjet.d.ts",
  "node/whatsjet.js",
  "node/whatsjet_bg.wasm",
  "node/whatsjet_bg.wasm.d.ts",
  "package.json",
  "validators/index.d.ts",
  "validators/index.js",
  "validators/package.json",
  "validators/whatsjet.d.ts",
  "validators/whatsjet.js",
  "validators/whatsjet_bg.wasm",
  "validators/whatsjet_bg.wasm.d.ts",
  "web/package.json",
  "web/whatsjet.d.ts",
  "web/whatsjet.js",
  "web/whatsjet_bg.wasm",
  "web/whatsjet_bg.wasm.d.ts",
  "workerd/index.js",
  "workerd/validators.js",
];

// What every project's script prints: a normalised number and a validated request.
const EXPECTED_LINE = "919876543210 true 919876543210 5511912345678 phone_number:invalid_phone";
const SCRIPT_BODY = `
const normalized = normalizePhoneNumber("+91 98765-43210");
const good = validate("sendMessage", { phone_number: "0091 98765 43210", message_body: "Hi" });
const template = validate("sendTemplateMessage", { phone_number: "+55 11 91234-5678", template_name: "t", template_language: "en" });
const bad = validate("createContact", { phone_number: "12345" });
if (typeof WhatsJetClient !== "function") throw new Error("WhatsJetClient is not exported");
console.log(normalized, good.ok, good.value.phone_number, template.value.phone_number, bad.issues.map((i) => i.path + ":" + i.code).join(" "));
`;

async function main() {
  if (!existsSync(join(PKG, "package.json"))) {
    console.log("FAIL - pkg/ is missing: build it with scripts/build.sh");
    process.exit(1);
  }
  const pkgJson = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8"));

  await check("package.json: name, exports map, version equal to Cargo.toml", () => {
    const cargo = readFileSync(join(ROOT, "Cargo.toml"), "utf8");
    const section = /^\[package\]\s*$([\s\S]*?)(?=^\[)/m.exec(cargo);
    assert.ok(section, "Cargo.toml has no [package] section");
    const cargoVersion = /^version\s*=\s*"([^"]+)"/m.exec(section[1])?.[1];
    assert.ok(cargoVersion, "Cargo.toml [package] has no version");
    assert.equal(pkgJson.name, "whatsjet");
    assert.equal(pkgJson.version, cargoVersion);
    // Each condition carries its own types, so that TypeScript sees the
    // Node build's CommonJS types under `node` and ESM types elsewhere.
    const entry = (types, file) => ({ types, default: file });
    assert.deepEqual(pkgJson.exports["."], {
      workerd: entry("./browser/index.d.ts", "./workerd/index.js"),
      deno: entry("./browser/index.d.ts", "./deno/index.js"),
      node: entry("./node/whatsjet.d.ts", "./node/whatsjet.js"),
      default: entry("./browser/index.d.ts", "./browser/index.js"),
    });
    assert.deepEqual(pkgJson.exports["./validators"], {
      workerd: entry("./validators/index.d.ts", "./workerd/validators.js"),
      deno: entry("./validators/index.d.ts", "./deno/validators.js"),
      node: entry("./node/whatsjet.d.ts", "./node/whatsjet.js"),
      default: entry("./validators/index.d.ts", "./validators/index.js"),
    });
    for (const [path, conditions] of Object.entries(pkgJson.exports)) {
      for (const value of Object.values(conditions)) {
        if (typeof value === "object") assert.equal(Object.keys(value)[0], "types", `exports["${path}"]: "types" must come first`);
      }
    }
    assert.equal(Object.keys(pkgJson.exports["./web"])[0], "types", 'exports["./web"]: "types" must come first');
    assert.equal(pkgJson.type, "module");
    assert.equal(pkgJson.sideEffects, false);
    return `whatsjet@${pkgJson.version}`;
  });

  let tarball;
  let packed;
  const ok = await check("npm pack pkg/", () => {
    const out = run(NPM, ["pack", "--json", "--pack-destination", work, "--loglevel=error"], PKG);
    [packed] = JSON.parse(out.slice(out.indexOf("[")));
    tarball = join(work, packed.filename);
    assert.ok(existsSync(tarball), `${tarball} was not written`);
    return `${packed.filename}, ${packed.entryCount} files, ${packed.size} bytes`;
  });
  if (!ok) return;

  await check("tarball file list", () => {
    const files = packed.files.map((f) => f.path).sort();
    for (const f of files) {
      assert.ok(!/(^|\/)\.gitignore$/.test(f), `${f} must not be published`);
      assert.ok(!/(^|\/)Cargo\.(toml|lock)$/.test(f), `${f} must not be published`);
      assert.ok(!f.endsWith(".rs"), `${f} must not be published`);
    }
    assert.deepEqual(files, EXPECTED_FILES);
    for (const target of [...exportTargets(pkgJson.exports), pkgJson.main, pkgJson.module, pkgJson.types]) {
      // A pattern (`./locales/*.js`) must match some file.
      const pattern = new RegExp(`^${target.replace(/^\.\//, "").replace(/[.]/g, "\\.").replace("*", "[^/]+")}$`);
      assert.ok(files.some((f) => pattern.test(f)), `${target} (from package.json) is not in the tarball`);
    }
    return `${files.length} files`;
  });

  await check("CommonJS project: require(\"whatsjet\")", () => {
    const dir = project("cjs", { type: "commonjs" }, tarball);
    const installed = JSON.parse(readFileSync(join(dir, "node_modules", "whatsjet", "package.json"), "utf8"));
    assert.deepEqual(installed, pkgJson, "the installed package.json differs from pkg/package.json");
    writeFileSync(
      join(dir, "index.js"),
      `const { WhatsJetClient, validate, normalizePhoneNumber } = require("whatsjet");
if (require("whatsjet/locales/pt-BR").locale !== "pt-BR") throw new Error("require of whatsjet/locales/pt-BR");
if (!require.resolve("whatsjet").endsWith(require("path").join("node", "whatsjet.js"))) throw new Error("resolved " + require.resolve("whatsjet"));
${SCRIPT_BODY}`,
    );
    const out = run(process.execPath, ["index.js"], dir).trimEnd();
    assert.equal(out, EXPECTED_LINE);
    return out;
  });

  await check("ESM project: import { WhatsJetClient, validate } from \"whatsjet\", and \"whatsjet/web\"", () => {
    const dir = project("esm", { type: "module" }, tarball);
    writeFileSync(
      join(dir, "index.mjs"),
      `import { readFile } from "node:fs/promises";
import { WhatsJetClient, validate, normalizePhoneNumber } from "whatsjet";
import init, { normalizePhoneNumber as webNormalize } from "whatsjet/web";
${SCRIPT_BODY}
await init({ module_or_path: await readFile(new URL("whatsjet_bg.wasm", import.meta.resolve("whatsjet/web"))) });
console.log("web", webNormalize("+44 20 7946 0958"));
// In Node, "whatsjet/validators" is the same module as "whatsjet".
const validators = await import("whatsjet/validators");
console.log("validators", validators.validate === validate, validators.normalizePhoneNumber("+1 (415) 555-2671"));
const { default: es } = await import("whatsjet/locales/es");
console.log("locale", es.locale, validate("sendMessage", { phone_number: "919876543210" }, { locale: es }).issues[0].message);
`,
    );
    const out = run(process.execPath, ["index.mjs"], dir).trimEnd();
    assert.equal(out, `${EXPECTED_LINE}\nweb 442079460958\nvalidators true 14155552671\nlocale es message_body es obligatorio.`);
    return out.replaceAll("\n", " | ");
  });

  await check("the whatsjet command of the installed package (npm exec whatsjet --help)", () => {
    const dir = join(work, "esm");
    const out = run("npm", ["exec", "--offline", "--", "whatsjet", "--help"], dir);
    assert.match(out, /^Usage: whatsjet COMMAND \[options\]/);
    const link = join(dir, "node_modules", ".bin", "whatsjet");
    assert.ok(existsSync(link), "npm made no node_modules/.bin/whatsjet");
    return out.split("\n")[0];
  });

  await check("TypeScript through the installed package's exports map (tests/types/usage.ts)", () => {
    const dir = join(work, "esm");
    copyFileSync(join(ROOT, "tests", "types", "usage.ts"), join(dir, "usage.ts"));
    writeJson(join(dir, "tsconfig.json"), {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "ES2022",
        lib: ["ES2022", "DOM", "ESNext.Disposable"],
        // A browser project's resolution: "whatsjet/validators" is then the
        // validators-only build, as usage.ts expects (in Node it is the
        // same module as "whatsjet", and typed so).
        module: "esnext",
        moduleResolution: "bundler",
        types: [],
      },
      files: ["usage.ts"],
    });
    run(TSC, ["-p", join(dir, "tsconfig.json")], dir);
    const trace = run(TSC, ["-p", join(dir, "tsconfig.json"), "--traceResolution"], dir);
    const resolved = /Module name 'whatsjet' was successfully resolved to '([^']+)'/.exec(trace)?.[1];
    assert.ok(resolved?.endsWith("/node_modules/whatsjet/browser/index.d.ts"), `"whatsjet" resolved to ${resolved}`);
    assert.match(trace, /Entering conditional exports/);
    return "whatsjet → browser/index.d.ts via exports";
  });

  await check("esbuild bundle for node (cjs), .wasm copied next to it", () => {
    const dir = project("esbuild", { type: "module" }, tarball);
    writeFileSync(join(dir, "app.mjs"), `import { WhatsJetClient, validate, normalizePhoneNumber } from "whatsjet";\n${SCRIPT_BODY}`);
    mkdirSync(join(dir, "dist-node"));
    run(ESBUILD, ["app.mjs", "--bundle", "--platform=node", "--format=cjs", "--outfile=dist-node/app.cjs", "--log-level=error"], dir);
    copyFileSync(join(dir, "node_modules", "whatsjet", "node", "whatsjet_bg.wasm"), join(dir, "dist-node", "whatsjet_bg.wasm"));
    // Run it away from node_modules, so only the bundle and its .wasm can be used.
    const shipped = join(work, "shipped-node-bundle");
    mkdirSync(shipped);
    copyFileSync(join(dir, "dist-node", "app.cjs"), join(shipped, "app.cjs"));
    copyFileSync(join(dir, "dist-node", "whatsjet_bg.wasm"), join(shipped, "whatsjet_bg.wasm"));
    const out = run(process.execPath, ["app.cjs"], shipped).trimEnd();
    assert.equal(out, EXPECTED_LINE);
    return out;
  });

  await check("esbuild bundle for the browser (esm) builds and references whatsjet_bg.wasm", () => {
    const dir = join(work, "esbuild");
    run(ESBUILD, ["app.mjs", "--bundle", "--platform=browser", "--format=esm", "--outfile=dist-browser/app.js", "--log-level=error"], dir);
    const bundle = readFileSync(join(dir, "dist-browser", "app.js"), "utf8");
    assert.ok(bundle.includes("whatsjet_bg.wasm"), "the browser bundle does not mention whatsjet_bg.wasm");
    assert.ok(!bundle.includes('require("fs")') && !bundle.includes("readFileSync"), "the browser bundle took the Node build");
    return `${bundle.length} bytes`;
  });

  await check("esbuild bundle for the browser of \"whatsjet/validators\" takes the validators-only build", () => {
    const dir = join(work, "esbuild");
    writeFileSync(join(dir, "form.mjs"), 'import { validateField } from "whatsjet/validators";\nconsole.log(validateField("sendMessage", "phone_number", "12345"));\n');
    run(ESBUILD, ["form.mjs", "--bundle", "--platform=browser", "--format=esm", "--outfile=dist-form/form.js", "--log-level=error"], dir);
    const bundle = readFileSync(join(dir, "dist-form", "form.js"), "utf8");
    assert.ok(bundle.includes("whatsjet_bg.wasm"), "the bundle does not mention whatsjet_bg.wasm");
    assert.ok(!bundle.includes("whatsjetclient_new"), "the bundle has the full build's glue (WhatsJetClient)");
    assert.ok(!bundle.includes("readFileSync"), "the bundle took the Node build");
    return `${bundle.length} bytes`;
  });
}

try {
  await main();
} finally {
  if (failures === 0) rmSync(work, { recursive: true, force: true });
  else console.log(`(kept ${work} for inspection)`);
}
console.log(failures === 0 ? "packaging: all checks passed" : `packaging: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
