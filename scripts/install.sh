#!/usr/bin/env bash
# Installs what building and testing need, skipping what is already there:
# the wasm target, wasm-pack, the wasm-bindgen CLI of the version in
# Cargo.lock, the npm tooling (wasm-opt comes from the npm package binaryen),
# and Chromium with its driver for the browser tests.
# --no-browser skips what only the tests need (Chromium, cargo-fuzz,
# cargo-deny): the demo does not need them.
set -euo pipefail
cd "$(dirname "$0")/.."
browser=1
[ "${1:-}" = "--no-browser" ] && browser=0
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v wasm-pack >/dev/null; then
  say "cargo install wasm-pack (a few minutes)"
  cargo install wasm-pack --locked
fi

# wasm-pack uses the wasm-bindgen on PATH only when it matches Cargo.lock exactly.
want=$(cargo pkgid -p wasm-bindgen | sed 's/.*[@#]//')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$want" != "$have" ]; then
  say "cargo install wasm-bindgen-cli $want (a few minutes)"
  # Not --locked: one of its pinned dependencies is gone from the registry.
  cargo install wasm-bindgen-cli --version "$want" --force
fi

if [ "$browser" = 1 ]; then
  # Test-only tools: the fuzzer driver and the dependency policy check.
  command -v cargo-fuzz >/dev/null || { say "cargo install cargo-fuzz"; cargo install cargo-fuzz --locked; }
  command -v cargo-deny >/dev/null || { say "cargo install cargo-deny (a few minutes)"; cargo install cargo-deny --locked; }
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund
fi

if [ "$browser" = 1 ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; }; then
  say "apt-get install chromium chromium-driver"
  sudo_=""
  [ "$(id -u)" = 0 ] || sudo_="sudo"
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq chromium chromium-driver >/dev/null
fi
