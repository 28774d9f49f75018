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
# size is doc comments and long names). The exported classes keep their
# names (in stack traces and the console), set as strings, which minifying
# keeps, rather than with --keep-names, which costs 1 KB gzip. Deno reads the
# types from the first line's comment, which is put back.
for dir in web validators; do
  glue="pkg/$dir/whatsjet.js"
  sed -n 's/^export class \([A-Za-z]*\) .*/Object.defineProperty(\1, "name", { value: "\1" });/p' "$glue" >> "$glue"
  esbuild "$glue" --minify --format=esm --log-level=error --outfile="$glue.min"
  { head -n 1 "$glue"; cat "$glue.min"; } > "$glue.tmp"
  mv "$glue.tmp" "$glue"
  rm "$glue.min"
done
# The `whatsjet` command, with its CSV library bundled in: pkg/bin/whatsjet.mjs.
node cli/build.mjs
