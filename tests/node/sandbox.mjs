// Test helpers for the Node layers:
//
// - startSandbox(): one private WhatsJet sandbox per test file (port 0, so
//   files run in parallel without sharing state), with its control routes
//   wrapped as functions. The sandbox is killed when the process exits, even
//   if a test forgets `stop()`.
// - loadWhatsjet(): the built package loaded by its name, resolved through
//   the `exports` map of pkg/package.json (a temporary node_modules/whatsjet
//   link to pkg/), exactly as an installed copy would be found; and
//   wasmMemoryBytes(), the size of its wasm memory.
//
// The sandbox binary is debug/whatsjet-sandbox of the cargo target directory
// ($CARGO_TARGET_DIR or target/; build it with `cargo build -p
// whatsjet-sandbox`); WHATSJET_SANDBOX_BIN overrides it.

import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const PKG_DIR = join(ROOT, "pkg");
export const VENDOR = "sandbox-vendor";
export const TOKEN = "sandbox-token";
export const FROM_IDS = ["100000000000001", "100000000000002"];

const BINARY = process.env.WHATSJET_SANDBOX_BIN || resolvePath(ROOT, process.env.CARGO_TARGET_DIR || "target", "debug", "whatsjet-sandbox");
const START_TIMEOUT_MS = 15_000;

// Cleanups run on exit and on SIGINT/SIGTERM/SIGHUP: killing sandboxes,
// removing temporary directories.
const cleanups = new Set();
let hooksInstalled = false;

function cleanUp() {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // best effort: the process is ending
    }
  }
  cleanups.clear();
}

function onExit(cleanup) {
  if (!hooksInstalled) {
    hooksInstalled = true;
    process.on("exit", cleanUp);
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
      process.once(signal, () => {
        cleanUp();
        // The listener is gone now, so this ends the process the default way.
        process.kill(process.pid, signal);
      });
    }
  }
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/**
 * Starts a sandbox; `args` are extra command-line options (default
 * `--rate-limit 0`). Resolves once it printed its URL.
 */
export async function startSandbox({ args = ["--rate-limit", "0"] } = {}) {
  if (!existsSync(BINARY)) {
    throw new Error(`${BINARY} is missing: build it with \`cargo build -p whatsjet-sandbox\``);
  }
  const child = spawn(BINARY, ["--port", "0", "--quiet", ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const forget = onExit(() => child.kill("SIGKILL"));
  // Never let the sandbox keep a finished test process alive.
  child.unref();
  child.stdout.unref?.();
  child.stderr.unref?.();

  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      forget();
      resolve({ code, signal });
    });
  });

  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the sandbox printed no URL within ${START_TIMEOUT_MS} ms\n${out}\n${stderr}`));
    }, START_TIMEOUT_MS);
    child.stdout.setEncoding("utf8");
    const onData = (chunk) => {
      out += chunk;
      const match = /^WHATSJET_SANDBOX_URL=(\S+)$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        child.stdout.off("data", onData);
        // Keep draining stdout so the sandbox never blocks on a full pipe.
        child.stdout.resume();
        resolve(match[1]);
      }
    };
    child.stdout.on("data", onData);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox exited (${code ?? signal}) before printing its URL\n${out}\n${stderr}`));
    });
  });

  async function control(method, path, body) {
    const response = await fetch(`${url}/__sandbox/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`sandbox ${method} /__sandbox/${path} -> ${response.status}: ${text}`);
    }
    return JSON.parse(text);
  }

  return {
    url,
    baseUrl: `${url}/api`,
    pid: child.pid,
    /** Recorded API requests (oldest first), optionally only those after `since`. */
    requests: (since = 0) => control("GET", `requests?since=${since}`),
    /** Back to the state right after start (requests, contacts, faults, settings). */
    reset: () => control("POST", "reset"),
    /** Queues one fault (see sandbox/src/faults.rs). */
    fault: (spec) => control("POST", "faults", spec),
    /** Changes settings: { rate_limit, rate_limit_window_secs, vendor_uid, token }. */
    config: (spec) => control("POST", "config", spec),
    /** Contacts the sandbox holds: [{ vendor_uid, contact }]. */
    contacts: () => control("GET", "contacts"),
    /** Message logs of the sends the sandbox accepted. */
    messages: () => control("GET", "messages"),
    /** Any other control of sandbox/README.md (clock, contacts, message-status, test-contact). */
    control,
    /** Stops the sandbox and waits until it is gone. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * A temporary directory whose node_modules/whatsjet links to pkg/, so that
 * code in it resolves `whatsjet` (and `whatsjet/web`, …) through the
 * package's `exports` map. Removed when the process exits.
 */
export function linkedProject(prefix = "whatsjet-test-") {
  if (!existsSync(join(PKG_DIR, "package.json"))) {
    throw new Error(`${PKG_DIR} is missing: build it with scripts/build.sh`);
  }
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(PKG_DIR, join(dir, "node_modules", "whatsjet"), "dir");
  onExit(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Resolves a specifier such as "whatsjet" as a module in a linked project would. */
export function resolveFromLinkedProject(specifier, dir = linkedProject()) {
  return createRequire(join(dir, "index.js")).resolve(specifier);
}

let whatsjet = null;
let wasmMemory = null;

/**
 * The built package, loaded by its name through its `exports` map (the
 * `node` condition: pkg/node), once per process. Its wasm instance lives in
 * a module-local variable, so WebAssembly.Instance is wrapped while it loads
 * to keep the instance's memory for wasmMemoryBytes().
 */
export function loadWhatsjet() {
  if (whatsjet === null) {
    const Original = WebAssembly.Instance;
    WebAssembly.Instance = function Instance(module, imports) {
      const instance = new Original(module, imports);
      if (instance.exports.memory instanceof WebAssembly.Memory) wasmMemory = instance.exports.memory;
      return instance;
    };
    try {
      const main = resolveFromLinkedProject("whatsjet");
      whatsjet = createRequire(main)(main);
    } finally {
      WebAssembly.Instance = Original;
    }
  }
  return whatsjet;
}

/** Bytes of the package's wasm linear memory; throws if it could not be reached. */
export function wasmMemoryBytes() {
  loadWhatsjet();
  if (wasmMemory === null) {
    throw new Error("pkg/node made no WebAssembly.Instance with a memory export while it loaded: its wasm memory is out of reach");
  }
  return wasmMemory.buffer.byteLength;
}
