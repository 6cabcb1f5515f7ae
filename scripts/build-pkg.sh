#!/usr/bin/env bash
# Builds pkg/ offline: cargo (wasm32) -> wasm-bindgen -> wasm-opt (npm binaryen) -> package.json.
# Picks the plain build where the rustup wasm32 target is installed, and otherwise Debian's
# rustc-web with the standard library built from source (see ../shared/TOOLCHAIN.md).
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=wasm32-unknown-unknown
WASM_NAME=resv_calc
start=$(date +%s)

std_dir="$(rustc --print target-libdir --target "$TARGET" 2>/dev/null || true)"
if [ -n "$std_dir" ] && ls "$std_dir"/libstd-*.rlib >/dev/null 2>&1; then
  echo "build: rustup's $TARGET standard library found: plain cargo build"
  export CARGO_TARGET_DIR=target/wasm
  cargo build --release --lib --target "$TARGET"
else
  if [ ! -x /usr/bin/cargo ] || [ ! -d /usr/lib/rustlib/src/rust/library ]; then
    echo "build: no $TARGET standard library; run 'make setup' (installs Debian's rustc-web, cargo-web, rust-web-src)" >&2
    exit 1
  fi
  # Debian's /usr/bin/rust-lld is a dangling link: link with the rustup toolchain's lld,
  # or Debian's wasm-ld-19 when that is all there is.
  linker="$(rustc --print sysroot 2>/dev/null)/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld"
  [ -x "$linker" ] || linker="$(command -v wasm-ld-19 || true)"
  [ -n "$linker" ] || { echo "build: no wasm linker (rust-lld or wasm-ld-19)" >&2; exit 1; }
  echo "build: Debian's rustc-web with -Zbuild-std (linker $linker)"
  export CARGO_TARGET_DIR=target/wasm-std
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$linker"
  # The rustup proxies come first on PATH: name Debian's cargo and rustc explicitly.
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 /usr/bin/cargo build --release --lib --target "$TARGET" \
    -Zbuild-std=std,panic_abort
fi
wasm_in="$CARGO_TARGET_DIR/$TARGET/release/$WASM_NAME.wasm"

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')
if [ "$want" != "$have" ]; then
  echo "build: wasm-bindgen CLI $have does not match the crate's $want; run 'make setup'" >&2
  exit 1
fi

rm -rf pkg
wasm-bindgen --target web --out-dir pkg "$wasm_in"

wasm_opt=node_modules/.bin/wasm-opt
[ -x "$wasm_opt" ] || { echo "build: $wasm_opt missing; run 'make setup' (npm ci)" >&2; exit 1; }
# Plain -Oz: wasm-opt reads the module's own target_features. No -all (Node 20 rejects GC types).
"$wasm_opt" -Oz "pkg/${WASM_NAME}_bg.wasm" -o "pkg/${WASM_NAME}_bg.wasm.opt"
mv "pkg/${WASM_NAME}_bg.wasm.opt" "pkg/${WASM_NAME}_bg.wasm"

node scripts/package-json.mjs

raw=$(stat -c %s "pkg/${WASM_NAME}_bg.wasm")
gz=$(gzip -9 -c "pkg/${WASM_NAME}_bg.wasm" | wc -c)
js_gz=$(gzip -9 -c "pkg/${WASM_NAME}.js" | wc -c)
echo "build: pkg/${WASM_NAME}_bg.wasm ${raw} bytes raw, ${gz} bytes gzipped; JS glue ${js_gz} bytes gzipped; $(( $(date +%s) - start )) s"
