#!/usr/bin/env bash
# Runs the benchmark: installs benches/ npm dependencies when missing (npm ci
# here, so they stay out of the root package), builds the package when pkg/
# is missing, builds the release sandbox, then `node benches/bench.mjs`,
# which prints the tables and writes benches/results/latest.json.
# Arguments go to bench.mjs: --quick, --only=size,validation,requests,coldstart,bulk
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

if [ ! -f pkg/package.json ] || [ ! -f pkg/web/whatsjet_bg.wasm ] || [ ! -f pkg/node/whatsjet_bg.wasm ]; then
  say "pkg/ is missing: scripts/install.sh --no-browser && scripts/build.sh"
  scripts/install.sh --no-browser
  scripts/build.sh
fi

if [ ! -f benches/node_modules/.package-lock.json ] || [ benches/package-lock.json -nt benches/node_modules/.package-lock.json ]; then
  say "npm ci in benches/"
  (cd benches && npm ci --no-audit --no-fund)
fi

say "cargo build --release -p whatsjet-sandbox"
cargo build --release --quiet -p whatsjet-sandbox

say "node benches/bench.mjs $*"
exec node benches/bench.mjs "$@"
