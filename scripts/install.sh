#!/usr/bin/env bash
# Installs what building and testing need, skipping what is already there.
#
#   scripts/install.sh               everything
#   scripts/install.sh --no-browser  what building and the demo need (wasm, npm)
#   scripts/install.sh PART...       only these parts:
#     target   the wasm32-unknown-unknown target (clippy on wasm)
#     wasm     the target, wasm-pack and the wasm-bindgen CLI of the version
#              in Cargo.lock (the build, and the runner of the wasm tests)
#     npm      the npm tooling (wasm-opt comes from the npm package binaryen)
#     browser  Chromium and its driver
#     runtimes the runtimes and tools of tests/runtimes/ (Bun, Deno,
#              miniflare, Vite, webpack, TypeScript 5 and 7, publint, attw)
#     fuzz     cargo-fuzz
#     deny     cargo-deny
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

parts=("$@")
if [ "${#parts[@]}" = 0 ]; then
  parts=(wasm npm browser runtimes fuzz deny)
elif [ "${parts[*]}" = "--no-browser" ]; then
  parts=(wasm npm)
fi

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

install_wasm() {
  install_target
  if ! command -v wasm-pack >/dev/null; then
    say "cargo install wasm-pack (a few minutes)"
    cargo install wasm-pack --locked
  fi
  # wasm-pack uses the wasm-bindgen on PATH only when it matches Cargo.lock exactly.
  local want have
  want=$(cargo pkgid -p wasm-bindgen | sed 's/.*[@#]//')
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$want" != "$have" ]; then
    say "cargo install wasm-bindgen-cli $want (a few minutes)"
    # Not --locked: one of its pinned dependencies is gone from the registry.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

install_npm() {
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/biome ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "npm ci"
    npm ci --no-audit --no-fund
  fi
}

install_runtimes() {
  local dir=tests/runtimes
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "npm ci (tests/runtimes)"
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
}

install_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "apt-get install chromium chromium-driver"
    local sudo_=""
    [ "$(id -u)" = 0 ] || sudo_="sudo"
    $sudo_ apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

install_fuzz() {
  command -v cargo-fuzz >/dev/null || { say "cargo install cargo-fuzz"; cargo install cargo-fuzz --locked; }
}

install_deny() {
  command -v cargo-deny >/dev/null || { say "cargo install cargo-deny (a few minutes)"; cargo install cargo-deny --locked; }
}

for part in "${parts[@]}"; do
  case "$part" in
    target | wasm | npm | browser | runtimes | fuzz | deny) "install_$part" ;;
    *)
      echo "scripts/install.sh: unknown part '$part' (target, wasm, npm, browser, runtimes, fuzz, deny, or --no-browser)" >&2
      exit 2
      ;;
  esac
done
