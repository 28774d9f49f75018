#!/usr/bin/env bash
# Installs what is missing, builds everything, and runs every test layer:
# native Rust, wasm in Node and headless Chromium, Node tests of the built
# package (README examples, fault matrix, property tests), TypeScript, the
# npm-pack install, the demo page in Chromium, the size budget, a short fuzz
# run and the dependency policy.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
. scripts/sandbox-env.sh

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "native tests: core, README's Rust example and sandbox (cargo test --workspace)"
cargo test --workspace

step "package build (scripts/build.sh)"
scripts/build.sh

step "size budget of the web build"
node benches/size-check.mjs

step "sandbox"
cargo build --quiet -p whatsjet-sandbox
start_sandbox --rate-limit 0 --quiet
echo "$WHATSJET_SANDBOX_URL"

step "wasm-bindgen tests in Node"
cargo test --target wasm32-unknown-unknown --test wasm

step "wasm-bindgen tests in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 cargo test --target wasm32-unknown-unknown --test wasm

step "Node tests of the built package (node --test)"
node --test --test-reporter=spec tests/node/

step "TypeScript (tsc --strict)"
tsc -p tests/types/tsconfig.json

step "npm pack, installed into fresh CommonJS, ESM and esbuild projects"
node tests/packaging/run.mjs

step "demo page in headless Chromium"
node --test --test-reporter=spec tests/browser/

step "fuzzing, 15 s a target (scripts/fuzz.sh runs long)"
scripts/fuzz.sh 15

step "dependency policy (cargo deny: bans, licenses, sources)"
cargo deny --log-level error check bans licenses sources

echo
echo "all tests passed"
