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
# The web builds' glue, minified: browsers download it (a third of its gzip
# size is doc comments and long names). Deno reads the types from the first
# line's comment, which is put back.
for dir in web validators; do
  glue="pkg/$dir/whatsjet.js"
  esbuild "$glue" --minify --keep-names --format=esm --log-level=error --outfile="$glue.min"
  { head -n 1 "$glue"; cat "$glue.min"; } > "$glue.tmp"
  mv "$glue.tmp" "$glue"
  rm "$glue.min"
done
# The `whatsjet` command, with its CSV library bundled in: pkg/bin/whatsjet.mjs.
node cli/build.mjs
