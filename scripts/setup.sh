#!/usr/bin/env bash
# Installs what the build and tests need and are missing; quick when all is there.
# Debian packages (as root or with sudo): rustc-web, cargo-web, rust-web-src and
# rust-web-clippy when rustup has no wasm32 target; chromium for the page tests.
# Then wasm-bindgen-cli at exactly the crate's version, and the npm dev tools.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_pkgs=()
# wasm-cargo.sh is the one place that decides which toolchain builds for wasm32.
if [ "$(bash scripts/wasm-cargo.sh target-dir)" = target/wasm-std ]; then
  [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ] || apt_pkgs+=(rustc-web cargo-web rust-web-src)
  [ -x /usr/bin/clippy-driver ] || apt_pkgs+=(rust-web-clippy)
  rust_lld="$(rustc --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld"
  [ -x "$rust_lld" ] || command -v wasm-ld-19 >/dev/null || apt_pkgs+=(lld-19)
fi
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || apt_pkgs+=(chromium)
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

# cargo-fuzz (libFuzzer) for `make fuzz` and the fuzz smoke run of `make test`.
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "0.13.2" ]; then
  echo "setup: cargo install cargo-fuzz 0.13.2 (about 2 minutes)"
  cargo install -q cargo-fuzz --version "=0.13.2" --locked
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# ---- openpyxl: the independent reader of the result workbook (tests/node/workbook.test.mjs
# runs tests/workbook/check_workbook.py). Test-only; pinned; pip of the python3 on PATH.
if ! python3 -c 'import openpyxl, sys; sys.exit(openpyxl.__version__ != "3.1.5")' 2>/dev/null; then
  echo "setup: pip install openpyxl 3.1.5"
  python3 -m pip install --quiet openpyxl==3.1.5
fi
