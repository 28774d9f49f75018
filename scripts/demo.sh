#!/usr/bin/env bash
# Builds the package and the sandbox, then serves the demo page on the
# sandbox: open the address it prints. PORT=… picks another port.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install.sh --no-browser
scripts/build.sh
cargo build --quiet --release -p whatsjet-sandbox
exec "${CARGO_TARGET_DIR:-target}/release/whatsjet-sandbox" --port "${PORT:-8787}" --static-dir www-demo --pkg-dir pkg
