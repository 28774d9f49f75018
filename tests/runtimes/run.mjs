// The packed package in every runtime a user deploys to: `npm pack` of pkg/,
// installed from the tarball into a fresh project, then
//   - publint and @arethetypeswrong/cli on the tarball,
//   - TypeScript 5 and 7 under each moduleResolution and lib a project uses,
//   - the same checks (app/checks.js: import, normalise, validate,
//     whatsjet/validators, a send to the sandbox, unauthorized, abort) in
//     Node, Bun, Deno (network permission only), Cloudflare Workers (esbuild
//     bundle run by miniflare), and Vite 8 and webpack 5 production builds
//     loaded in Chromium,
//   - the README's Cloudflare Worker example, bundled by esbuild and run by
//     miniflare.
// Prints the runtime × check table and exits non-zero if anything failed.
//
//   node tests/runtimes/run.mjs        (after scripts/build.sh; the tools
//                                       come from tests/runtimes/package.json)

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { startSandbox, VENDOR, TOKEN } from "../node/sandbox.mjs";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const ROOT = join(HERE, "..", "..");
const PKG = join(ROOT, "pkg");
const BIN = join(HERE, "node_modules", ".bin");
const TSC = { 5: join(BIN, "tsc"), 7: join(HERE, "node_modules", "typescript-7", "bin", "tsc") };
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const EXPECTED = {
  import: "function function",
  normalise: "919876543210",
  validate: "phone_number:invalid_phone media_type:invalid_choice media_url:required",
  validators: "invalid_phone",
  send: "success 919876543210",
  // WhatsJet answers a bad token with HTTP 200 and "Invalid Token".
  unauthorized: "WhatsJetError unauthorized 200",
  abort: "WhatsJetError aborted -",
};

const work = mkdtempSync(join(tmpdir(), "whatsjet-runtimes-"));
const env = { ...process.env, npm_config_update_notifier: "false", npm_config_cache: join(work, "npm-cache"), NO_COLOR: "1" };
let failures = 0;
const table = [];

function run(command, args, cwd, extraEnv = {}) {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...env, ...extraEnv },
      timeout: 240_000,
    });
  } catch (error) {
    const output = [error.stdout, error.stderr].filter(Boolean).join("\n").trim();
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${output || error.message}`);
  }
}

async function check(name, body) {
  const started = Date.now();
  try {
    const detail = await body();
    console.log(`ok   - ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${detail ? `\n${String(detail).replace(/^/gm, "       ")}` : ""}`);
  } catch (error) {
    failures++;
    console.log(`FAIL - ${name}\n${String(error.stack || error).replace(/^/gm, "       ")}`);
  }
}

/** Records a runtime's results in the table and fails on any unexpected one. */
function expectChecks(runtime, results) {
  table.push([runtime, results]);
  assert.deepEqual(results, EXPECTED, `${runtime}: the checks' results differ`);
}

/** A fresh project with the tarball installed and the app's files. */
function project(name, tarball, config, packageJson = {}) {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `whatsjet-${name}-check`, private: true, type: "module", ...packageJson }));
  run("npm", ["install", tarball, "--offline", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"], dir);
  cpSync(join(HERE, "app"), dir, { recursive: true });
  writeFileSync(join(dir, "config.js"), `export default ${JSON.stringify(config)};\n`);
  return dir;
}

/** Serves a directory over HTTP (the .wasm as application/wasm) while `body` runs. */
async function serve(dir, body) {
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
  const server = createServer((request, response) => {
    const path = join(dir, new URL(request.url, "http://x").pathname.replace(/\/$/, "/index.html"));
    if (!path.startsWith(dir) || !existsSync(path)) return response.writeHead(404).end();
    response.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" }).end(readFileSync(path));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    return await body(`http://127.0.0.1:${server.address().port}/`);
  } finally {
    server.close();
  }
}

/** Opens the page in headless Chromium and returns the checks' results. */
async function inChromium(browser, url) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  try {
    await page.goto(url);
    await page.waitForFunction(() => globalThis.whatsjetResults, null, { timeout: 30_000 }).catch(() => {
      throw new Error(`no results from ${url}: ${errors.join("; ") || "no error on the page"}`);
    });
    return await page.evaluate(() => globalThis.whatsjetResults);
  } finally {
    await page.close();
  }
}

/** The ```ts block of README.md's Cloudflare Workers section. */
function readmeWorker() {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Cloudflare Workers"));
  const block = /```ts\n([\s\S]*?)\n```/.exec(section);
  assert.ok(block, "README.md has no ```ts block under ### Cloudflare Workers");
  return block[1];
}

/** Miniflare's options for an esbuild bundle whose .wasm files sit beside it. */
function workerOptions(dir, bundle) {
  return {
    modules: true,
    scriptPath: join(dir, bundle),
    modulesRoot: dirname(join(dir, bundle)),
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: "2026-01-01",
  };
}

function esbuildWorker(dir, entry, outdir) {
  run(join(BIN, "esbuild"), [entry, "--bundle", "--format=esm", "--conditions=workerd,worker,browser", "--loader:.wasm=copy", `--outdir=${outdir}`, "--log-level=error"], dir);
}

async function main() {
  assert.ok(existsSync(join(PKG, "package.json")), "pkg/ is missing: build it with scripts/build.sh");
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work, "--loglevel=error"], PKG).replace(/^[^[]*/, ""));
  const tarball = join(work, packed[0].filename);

  await check("publint: no error, warning or suggestion", () => {
    const out = run(join(BIN, "publint"), ["run", "--strict", "--level", "suggestion", PKG], HERE).trim();
    assert.match(out, /All good!/);
    return out;
  });
  // node10 reads no exports map, so only the root can resolve there (its
  // types are checked under node10 below); whatsjet/web is ESM only, as
  // its explicit init() needs; the .wasm files are no modules to type.
  await check("@arethetypeswrong/cli: no problem (node10, ESM-only whatsjet/web and the .wasm files excepted)", () =>
    run(
      join(BIN, "attw"),
      [tarball, "--profile", "node16", "--ignore-rules", "cjs-resolves-to-esm", "--exclude-entrypoints", "./web/whatsjet_bg.wasm", "./validators/whatsjet_bg.wasm", "--format", "table-flipped"],
      HERE,
    ).trim(),
  );

  await check("TypeScript 5 and 7 under every moduleResolution and lib", () => typesMatrix(tarball));

  const sandbox = await startSandbox();
  const config = { baseUrl: sandbox.baseUrl, vendorUid: VENDOR, token: TOKEN };
  const port = new URL(sandbox.url).port;
  try {
    await check("Node", () => {
      const dir = project("node", tarball, config);
      expectChecks("Node", JSON.parse(run(process.execPath, ["main.js"], dir)));
    });
    await check("Bun", () => {
      const dir = project("bun", tarball, config);
      expectChecks("Bun", JSON.parse(run(join(BIN, "bun"), ["main.js"], dir)));
    });
    await check(`Deno, with --allow-net=127.0.0.1:${port} and no other permission`, () => {
      const dir = project("deno", tarball, config);
      const out = run(join(BIN, "deno"), ["run", "--no-prompt", `--allow-net=127.0.0.1:${port}`, "main.js"], dir, { DENO_NO_UPDATE_CHECK: "1" });
      expectChecks("Deno", JSON.parse(out));
    });
    await check("Cloudflare Workers: esbuild (--conditions=workerd) and miniflare", async () => {
      const dir = project("workers", tarball, config);
      esbuildWorker(dir, "worker.js", "dist");
      const mf = new Miniflare(workerOptions(dir, "dist/worker.js"));
      try {
        expectChecks("Cloudflare Workers", await (await mf.dispatchFetch("http://worker.test/")).json());
      } finally {
        await mf.dispose();
      }
    });
    await check("Cloudflare Workers: the README's example answers the sandbox's webhook and replies", async () => {
      const dir = project("workers-example", tarball, config);
      writeFileSync(join(dir, "example.ts"), readmeWorker());
      esbuildWorker(dir, "example.ts", "dist");
      const secret = "k3Jx9-0123456789abcdef0123456789";
      const mf = new Miniflare({
        ...workerOptions(dir, "dist/example.js"),
        bindings: { WHATSJET_BASE_URL: config.baseUrl, WHATSJET_VENDOR_UID: VENDOR, WHATSJET_TOKEN: TOKEN, WEBHOOK_SECRET: secret },
      });
      try {
        const worker = await mf.ready;
        const wrong = await mf.dispatchFetch(new URL("/webhook/not-the-secret", worker), { method: "POST", body: "{}" });
        assert.equal(wrong.status, 404);
        await wrong.arrayBuffer();
        await sandbox.config({ webhook_url: new URL(`/webhook/${secret}`, worker).href });
        const before = (await sandbox.messages()).length;
        await sandbox.control("POST", "incoming", { phone_number: "918000000001", body: "Where is my order?" });
        // The reply is sent after the answer (ctx.waitUntil).
        let sent = [];
        for (let i = 0; i < 100 && sent.length === 0; i++) {
          sent = (await sandbox.messages()).slice(before);
          if (sent.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
        }
        assert.deepEqual(
          sent.map((m) => `${m.phone_number} ${m.content}`),
          ['918000000001 Thanks, we got "Where is my order?" and will answer shortly.'],
        );
      } finally {
        await sandbox.config({ webhook_url: "" });
        await mf.dispose();
      }
      return "404 to a wrong secret; the sandbox's incoming message answered through sendMessage";
    });

    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    try {
      await check("Vite 8 production build in Chromium", async () => {
        const dir = project("vite", tarball, config);
        run(join(BIN, "vite"), ["build", "--logLevel", "error"], dir);
        expectChecks("Vite 8 (Chromium)", await serve(join(dir, "dist"), (url) => inChromium(browser, url)));
      });
      await check("webpack 5 production build in Chromium", async () => {
        const dir = project("webpack", tarball, config);
        const { default: webpack } = await import("webpack");
        const stats = await new Promise((resolve, reject) =>
          webpack({ mode: "production", context: dir, entry: "./main.js", output: { path: join(dir, "dist"), publicPath: "auto" } }, (error, result) =>
            error ? reject(error) : resolve(result),
          ),
        );
        assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
        writeFileSync(join(dir, "dist", "index.html"), '<!doctype html><meta charset="utf-8"><script src="./main.js"></script>\n');
        expectChecks("webpack 5 (Chromium)", await serve(join(dir, "dist"), (url) => inChromium(browser, url)));
      });
    } finally {
      await browser.close();
    }
  } finally {
    await sandbox.stop();
  }
}

/** TypeScript projects as users set them up, each with skipLibCheck off. */
function typesMatrix(tarball) {
  const dir = project("types", tarball, {});
  const esm = `import { WhatsJetClient, validate, normalizePhoneNumber, isWhatsJetError } from "whatsjet";
import { validateField } from "whatsjet/validators";
const client = new WhatsJetClient({ baseUrl: "https://example.com/api", vendorUid: "v", token: "t" });
const sent: Promise<{ result: "success" }> = client.sendMessage({ phone_number: "1", message_body: "Hi" });
const phone: string = normalizePhoneNumber("+1 415 555 2671");
const issues: { path: string; code: string }[] = validateField("sendMessage", "phone_number", "1");
// @ts-expect-error: not a request kind
validate("sendNothing", {});
export function code(error: unknown): string | undefined {
  return isWhatsJetError(error) ? error.code : undefined;
}
export { sent, phone, issues };
`;
  const web = `import init, { normalizePhoneNumber } from "whatsjet/web";
await init();
export const phone: string = normalizePhoneNumber("+1 415 555 2671");
`;
  const disposable = `import { WhatsJetClient } from "whatsjet";
export function scoped(): void {
  using client = new WhatsJetClient({ baseUrl: "https://example.com/api", vendorUid: "v", token: "t" });
  client.free();
}
`;
  const cjs = `import { WhatsJetClient, normalizePhoneNumber } from "whatsjet";
import { validateField } from "whatsjet/validators";
export const phone: string = normalizePhoneNumber("+1 415 555 2671");
export const issues: { code: string }[] = validateField("sendMessage", "phone_number", "1");
export const client = new WhatsJetClient({ baseUrl: "https://example.com/api", vendorUid: "v", token: "t" });
`;
  const setups = [
    ["bundler, ES2022 + DOM, no @types/node", { module: "esnext", moduleResolution: "bundler", lib: ["ES2022", "DOM"], types: [] }, { "esm.ts": esm, "web.ts": web }],
    ["bundler, ESNext + DOM (using)", { module: "esnext", moduleResolution: "bundler", lib: ["ESNext", "DOM"], types: [] }, { "esm.ts": esm, "web.ts": web, "using.ts": disposable }],
    ["node16 ESM, ES2022 + @types/node", { module: "node16", moduleResolution: "node16", lib: ["ES2022"], types: ["node"] }, { "esm.mts": esm, "using.mts": disposable }],
    ["node16 CommonJS, ES2022 + @types/node", { module: "node16", moduleResolution: "node16", lib: ["ES2022"], types: ["node"] }, { "cjs.cts": cjs }],
    ["nodenext ESM, ES2022 + DOM", { module: "nodenext", moduleResolution: "nodenext", lib: ["ES2022", "DOM"], types: [] }, { "esm.mts": esm, "web.mts": web }],
    ["node10 CommonJS (the root), ES2022 + DOM", { module: "commonjs", moduleResolution: "node10", lib: ["ES2022", "DOM"], types: [] }, { "root.ts": cjs.replace(/^import \{ validateField \}.*\n/m, "").replace(/^export const issues.*\n/m, "") }],
    ["bundler, workerd condition, ES2022 + WebWorker (and the README's Worker)", { module: "esnext", moduleResolution: "bundler", customConditions: ["workerd"], lib: ["ES2022", "WebWorker"], types: [] }, { "esm.ts": esm, "readme-worker.ts": readmeWorker() }],
  ];
  const lines = [];
  for (const [name, options, files] of setups) {
    const sub = join(dir, `ts-${lines.length}`);
    mkdirSync(sub);
    for (const [file, text] of Object.entries(files)) writeFileSync(join(sub, file), text);
    const compilerOptions = { strict: true, noEmit: true, target: "ES2022", skipLibCheck: false, typeRoots: [join(HERE, "node_modules", "@types")], ...options };
    writeFileSync(join(sub, "tsconfig.json"), JSON.stringify({ compilerOptions, files: Object.keys(files) }));
    for (const version of [5, 7]) {
      if (version === 7 && options.moduleResolution === "node10") continue;
      run(TSC[version], ["-p", join(sub, "tsconfig.json")], sub);
    }
    lines.push(`TS 5${options.moduleResolution === "node10" ? "" : " and 7"}: ${name}`);
  }
  return lines.join("\n");
}

try {
  await main();
} catch (error) {
  failures++;
  console.log(`FAIL - ${String(error.stack || error)}`);
} finally {
  if (failures === 0) rmSync(work, { recursive: true, force: true });
  else console.log(`(kept ${work} for inspection)`);
}
const names = Object.keys(EXPECTED);
console.log(`\n| runtime | ${names.join(" | ")} |\n|---|${names.map(() => "---").join("|")}|`);
for (const [runtime, results] of table) {
  console.log(`| ${runtime} | ${names.map((n) => (results[n] === EXPECTED[n] ? "ok" : `FAIL: ${results[n]}`)).join(" | ")} |`);
}
console.log(failures === 0 ? "\nruntimes: all checks passed" : `\nruntimes: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
