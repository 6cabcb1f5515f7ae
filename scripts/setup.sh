#!/usr/bin/env bash
# Installs what is missing; quick when all is there. Two parts:
#   scripts/setup.sh serve   what `make pkg` / `make serve` need: the wasm32 toolchain (Debian's
#                            rustc-web, cargo-web, rust-web-src when rustup has no wasm32
#                            target), wasm-bindgen-cli at exactly the crate's version, and the
#                            one npm package the build runs (binaryen's wasm-opt: the
#                            package.json "dependencies", `npm ci --omit=dev`).
#   scripts/setup.sh         (or `all`) that, and what only the tests need: rust-web-clippy,
#                            chromium, cargo-fuzz and every npm dev tool (`npm ci`).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
case "$mode" in serve | all) ;; *) echo "setup: unknown part '$mode' (serve or all)" >&2; exit 2 ;; esac

serve_pkgs=()
test_pkgs=()
# wasm-cargo.sh is the one place that decides which toolchain builds for wasm32.
if [ "$(bash scripts/wasm-cargo.sh target-dir)" = target/wasm-std ]; then
  [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ] || serve_pkgs+=(rustc-web cargo-web rust-web-src)
  rust_lld="$(rustc --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld"
  [ -x "$rust_lld" ] || command -v wasm-ld-19 >/dev/null || serve_pkgs+=(lld-19)
  [ -x /usr/bin/clippy-driver ] || test_pkgs+=(rust-web-clippy)
fi
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || test_pkgs+=(chromium)
apt_pkgs=("${serve_pkgs[@]}")
[ "$mode" = serve ] || apt_pkgs+=("${test_pkgs[@]}")
if [ ${#apt_pkgs[@]} -gt 0 ]; then
  echo "setup: apt-get install ${apt_pkgs[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${apt_pkgs[@]}" >/dev/null
fi

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$want" != "$have" ]; then
  echo "setup: cargo install wasm-bindgen-cli $want (about 2 minutes)"
  # No --locked: the CLI's own lock file pins webpki-roots 1.0.11, which the registry
  # reachable here does not serve; the semver-compatible resolution builds and works.
  cargo install -q wasm-bindgen-cli --version "=$want"
fi

# npm: node_modules/.package-lock.json is what npm last installed; older than package-lock.json
# means the lock changed since. A full install (the tests') serves the build too.
stale() { [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }
if [ "$mode" = serve ]; then
  if stale || [ ! -x node_modules/.bin/wasm-opt ]; then
    echo "setup: npm ci --omit=dev (the build's wasm-opt only)"
    npm ci --omit=dev --no-audit --no-fund --loglevel=error
  fi
  exit 0
fi

# ---- From here on: what only the tests need (`make test`, `make setup`, .ci/run). ----

# cargo-fuzz (libFuzzer) for `make fuzz` and the fuzz smoke run of `make test`.
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "0.13.2" ]; then
  echo "setup: cargo install cargo-fuzz 0.13.2 (about 2 minutes)"
  cargo install -q cargo-fuzz --version "=0.13.2" --locked
fi

# Every npm dev tool; playwright-core stands for them (a serve-only install lacks it).
if stale || [ ! -d node_modules/playwright-core ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# ---- openpyxl: the independent reader of the result workbook (tests/node/workbook.test.mjs
# runs tests/workbook/check_workbook.py). Test-only; pinned; pip of the python3 on PATH.
if ! python3 -c 'import openpyxl, sys; sys.exit(openpyxl.__version__ != "3.1.5")' 2>/dev/null; then
  echo "setup: pip install openpyxl 3.1.5"
  python3 -m pip install --quiet openpyxl==3.1.5
fi
