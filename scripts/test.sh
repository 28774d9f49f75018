#!/usr/bin/env bash
# Runs the tests, one layer or all of them in order; each layer first
# installs what it needs and is missing (a fresh machine gets everything,
# later runs skip what is there), and builds the package once per run when
# it needs it.
#
#   scripts/test.sh [LAYER]
#
#   lint     cargo fmt, clippy (native and wasm32), biome over the JavaScript
#   rust     native tests: core, README's Rust example, sandbox
#   size     the size budget of the web build
#   wasm     wasm-bindgen tests in Node against the sandbox
#   node     Node tests of the built package (README examples, fault matrix,
#            property tests, secrets)
#   cli      the whatsjet command of the built package against the sandbox
#            (CSV sends, a killed run resumed from its journal, status, contacts)
#   types    TypeScript (tsc --strict) against the built .d.ts
#   pack     npm pack, installed into fresh CommonJS, ESM and esbuild projects
#   browser  wasm-bindgen tests and the demo page in headless Chromium
#   runtimes the packed package in Bun, Deno, Cloudflare Workers (miniflare)
#            and Vite 8 and webpack 5 builds in Chromium; TypeScript 5 and 7
#            under each module resolution; publint and arethetypeswrong
#   fuzz     a short fuzz run (scripts/fuzz.sh runs long)
#   audit    cargo deny: RustSec advisories (offline snapshot), bans,
#            licenses, sources
#
# Without LAYER: all of them, in this order; a failed layer does not stop
# the ones after it, and the run fails at the end if any did.
set -euo pipefail
cd "$(dirname "$0")/.."

LAYERS=(lint rust size wasm node cli types pack browser runtimes fuzz audit)
layer=${1:-all}
if [ "$layer" != all ] && [[ ! " ${LAYERS[*]} " =~ " $layer " ]]; then
  echo "usage: scripts/test.sh [$(
    IFS='|'
    echo "${LAYERS[*]}"
  )]" >&2
  exit 2
fi

export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
. scripts/sandbox-env.sh

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# The package in pkg/, built once per run; the layers of a run of all share
# it through the file WHATSJET_TEST_BUILT.
built=0
need_pkg() {
  if [ "$built" = 0 ] && [ ! -s "${WHATSJET_TEST_BUILT:-/nonexistent}" ]; then
    step "package build (scripts/build.sh)"
    scripts/build.sh
    built=1
    if [ -n "${WHATSJET_TEST_BUILT:-}" ]; then echo built >"$WHATSJET_TEST_BUILT"; fi
  fi
}

sandbox_bin=0
need_sandbox_bin() {
  if [ "$sandbox_bin" = 0 ]; then
    cargo build --quiet -p whatsjet-sandbox
    sandbox_bin=1
  fi
}

# The wasm tests read WHATSJET_SANDBOX_URL when they are compiled.
need_sandbox() {
  if [ -z "${WHATSJET_SANDBOX_URL:-}" ]; then
    need_sandbox_bin
    start_sandbox --rate-limit 0 --quiet
    echo "sandbox: $WHATSJET_SANDBOX_URL"
  fi
}

run_lint() {
  scripts/install.sh target npm
  step "rustfmt (cargo fmt --all --check)"
  cargo fmt --all --check
  step "clippy, native (cargo clippy --workspace --all-targets -- -D warnings)"
  cargo clippy --workspace --all-targets -- -D warnings
  step "clippy, wasm32 (the library and the wasm tests)"
  # The wasm tests take the sandbox's address when compiled; clippy needs only one.
  WHATSJET_SANDBOX_URL=${WHATSJET_SANDBOX_URL:-http://127.0.0.1:9} \
    cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
  step "biome lint (tests/, www-demo/, benches/, scripts/; see biome.json)"
  biome lint
}

run_rust() {
  step "native tests: core, README's Rust example and sandbox (cargo test --workspace)"
  cargo test --workspace
}

run_size() {
  scripts/install.sh wasm npm
  need_pkg
  step "size budget of the web build"
  node benches/size-check.mjs
}

run_wasm() {
  scripts/install.sh wasm
  need_sandbox
  step "wasm-bindgen tests in Node"
  cargo test --target wasm32-unknown-unknown --test wasm
}

run_node() {
  scripts/install.sh wasm npm
  need_pkg
  need_sandbox_bin
  step "Node tests of the built package (node --test)"
  node --test --test-reporter=spec tests/node/
}

run_cli() {
  scripts/install.sh wasm npm
  need_pkg
  need_sandbox_bin
  step "the whatsjet command against the sandbox (node --test)"
  node --test --test-reporter=spec tests/cli/
}

run_types() {
  scripts/install.sh wasm npm
  need_pkg
  step "TypeScript (tsc --strict)"
  tsc -p tests/types/tsconfig.json
}

run_pack() {
  scripts/install.sh wasm npm
  need_pkg
  step "npm pack, installed into fresh CommonJS, ESM and esbuild projects"
  node tests/packaging/run.mjs
}

run_browser() {
  scripts/install.sh wasm npm browser
  need_pkg
  need_sandbox
  step "wasm-bindgen tests in headless Chromium"
  WASM_BINDGEN_USE_BROWSER=1 cargo test --target wasm32-unknown-unknown --test wasm
  step "demo page in headless Chromium"
  node --test --test-reporter=spec tests/browser/
}

run_runtimes() {
  scripts/install.sh wasm npm browser runtimes
  need_pkg
  need_sandbox_bin
  step "the packed package in every runtime (tests/runtimes/run.mjs)"
  node tests/runtimes/run.mjs
}

run_fuzz() {
  scripts/install.sh fuzz
  step "fuzzing, 15 s a target (scripts/fuzz.sh runs long)"
  scripts/fuzz.sh 15
}

run_audit() {
  scripts/install.sh deny
  step "dependency policy (cargo deny: advisories from the offline snapshot, bans, licenses, sources)"
  scripts/audit.sh --offline
}

if [ "$layer" = all ]; then
  # Every layer runs, each in its own process, so that one failure does not
  # hide the others; they share the package build and one sandbox.
  WHATSJET_TEST_BUILT=$(mktemp)
  export WHATSJET_TEST_BUILT
  cleanup() {
    rm -f "$WHATSJET_TEST_BUILT"
    if [ -n "${SANDBOX_PID:-}" ]; then kill "$SANDBOX_PID" 2>/dev/null || true; fi
  }
  trap cleanup EXIT
  failed=()
  for l in "${LAYERS[@]}"; do
    if [ "$l" = wasm ]; then
      scripts/install.sh wasm
      need_sandbox
      trap cleanup EXIT
    fi
    "$0" "$l" || failed+=("$l")
  done
  echo
  if [ "${#failed[@]}" != 0 ]; then
    echo "failed layers: ${failed[*]}"
    exit 1
  fi
  echo "all tests passed"
else
  "run_$layer"
  echo
  echo "$layer: passed"
fi
