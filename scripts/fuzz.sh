#!/usr/bin/env bash
# Runs each fuzz target for the given seconds (default 600): validation of
# every request kind, answer parsing, phone numbers. libFuzzer without a
# sanitizer, so the stable toolchain is enough; a panic is a failure.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${1:-600}
for target in validate answer phone; do
  # Built first with its output shown, so that a target that no longer
  # compiles fails with the compiler's message rather than silently.
  cargo fuzz build --sanitizer none "$target"
  mkdir -p "corpus/$target"
  cargo fuzz run "$target" --sanitizer none "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 2>&1 |
    grep -E '^(stat::number_of_executed_units|Done|==[0-9]+== ERROR|thread .* panicked)' | sed "s/^/$target: /"
done
