#!/usr/bin/env bash
# Builds the npm package into pkg/: the Node build (CommonJS), the web build
# (ESM: browsers, workers, bundlers), the validators-only web build (no
# WhatsJetClient) and package.json from pkg-template/.
set -euo pipefail
cd "$(dirname "$0")/.."
# wasm-opt comes from the npm package binaryen; see scripts/install.sh.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

rm -rf pkg
wasm-pack --quiet build --release --target nodejs --out-dir pkg/node --out-name whatsjet --no-pack
wasm-pack --quiet build --release --target web --out-dir pkg/web --out-name whatsjet --no-pack
wasm-pack --quiet build --release --target web --out-dir pkg/validators --out-name whatsjet --no-pack -- --no-default-features
node scripts/assemble-package.mjs
# The `whatsjet` command, with its CSV library bundled in: pkg/bin/whatsjet.mjs.
node cli/build.mjs
