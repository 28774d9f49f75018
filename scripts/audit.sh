#!/usr/bin/env bash
# Known-vulnerability audit of the dependencies: RustSec advisories through
# cargo deny (the database is cloned from GitHub) and npm's advisory service
# for the JS tooling. Needs network access to both; the test command runs the
# offline part of the dependency policy (bans, licenses, sources).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo deny check advisories
npm audit --audit-level=low
(cd benches && npm audit --audit-level=low)
