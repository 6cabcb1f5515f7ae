#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECONDS each (default 60) on the host build, starting from
# the committed seeds (fuzz/seeds/<target>, read only) and growing fuzz/corpus/<target>
# (ignored by git). A crash stops the run and leaves its input in fuzz/artifacts/<target>/:
# turn it into a regression test in tests/core/. Prints each target's executions.
# cargo-fuzz needs nightly flags (-Zsanitizer); RUSTC_BOOTSTRAP lets the stable toolchain take them.
set -euo pipefail
seconds=${1:-60}
cd "$(dirname "$0")/../fuzz"
command -v cargo-fuzz >/dev/null || { echo "fuzz: cargo-fuzz missing; run 'make setup'" >&2; exit 1; }
for target in money csv csv_paths scenario calculate typed json; do
  mkdir -p "corpus/$target"
  log=$(mktemp)
  if ! RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "corpus/$target" "seeds/$target" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $target FAILED (input in fuzz/artifacts/$target/)" >&2
    exit 1
  fi
  runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -1 || true)
  echo "fuzz: $target: ${runs:-?} in ${seconds} s, no crash"
  rm -f "$log"
done
