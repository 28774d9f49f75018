#!/usr/bin/env bash
# Dependency audit with cargo deny: RustSec advisories, bans, licenses and
# sources (deny.toml).
#
#   scripts/audit.sh            the live RustSec database (cloned from
#                               GitHub), then npm's advisory service for the
#                               JS tooling: needs network access to both
#   scripts/audit.sh --offline  the snapshot in audit/ (no GitHub; crates
#                               come from crates.io): what
#                               `scripts/test.sh audit` runs
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

if [ "${1:-}" != "--offline" ]; then
  cargo deny check
  npm audit --audit-level=low
  (cd benches && npm audit --audit-level=low)
  exit 0
fi

snapshot=(audit/rustsec-advisory-db-*.tar.gz)
target_dir=${CARGO_TARGET_DIR:-target}
db_root="$PWD/$target_dir/advisory-db"
[[ "$target_dir" = /* ]] && db_root="$target_dir/advisory-db"
# cargo-deny reads a database only from a git checkout in a folder named
# after the hash of its URL (this one is https://github.com/rustsec/advisory-db).
db="$db_root/advisory-db-3157b0e258782691"
stamp="$db_root/$(basename "${snapshot[0]}").unpacked"

if [ ! -f "$stamp" ]; then
  rm -rf "$db_root"
  mkdir -p "$db"
  tar -xzf "${snapshot[0]}" -C "$db" --strip-components=1
  git -C "$db" init -q
  git -C "$db" add -A
  git -C "$db" -c user.name=snapshot -c user.email=snapshot@localhost commit -qm snapshot
  touch "$stamp"
fi

# The license check reads every crate's sources, optional ones included:
# crates.io is reachable, GitHub is not.
cargo fetch --quiet

config="$db_root/deny.toml"
sed "s|^\[advisories\]$|[advisories]\ndb-path = \"$db_root\"|" deny.toml >"$config"
cargo deny --offline --log-level error --config "$config" check
echo "cargo deny: advisories (snapshot $(basename "${snapshot[0]}" .tar.gz)), bans, licenses, sources ok"
