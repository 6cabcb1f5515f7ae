#!/usr/bin/env bash
# Builds pkg/ offline: cargo (wasm32) -> wasm-bindgen -> wasm-opt (npm binaryen) -> package.json.
# scripts/wasm-cargo.sh picks the toolchain (rustup's target, or Debian's rustc-web).
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=wasm32-unknown-unknown
WASM_NAME=resv_calc
start=$(date +%s)

bash scripts/wasm-cargo.sh build --release --lib
wasm_in="$(bash scripts/wasm-cargo.sh target-dir)/$TARGET/release/$WASM_NAME.wasm"

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')
if [ "$want" != "$have" ]; then
  echo "build: wasm-bindgen CLI $have does not match the crate's $want; run 'make setup'" >&2
  exit 1
fi

rm -rf pkg
wasm-bindgen --target web --out-dir pkg "$wasm_in"
# A clear error before init(), and a .d.ts that names the libs it needs (scripts/pkg-glue.mjs).
node scripts/pkg-glue.mjs

wasm_opt=node_modules/.bin/wasm-opt
[ -x "$wasm_opt" ] || { echo "build: $wasm_opt missing; run 'make setup' (npm ci)" >&2; exit 1; }
# Plain -O3 (speed: the national import is the hot path; -Oz costs ~30%): wasm-opt reads the module's own target_features. No -all (Node 20 rejects GC types).
# Functions with one caller are inlined only when small (-ocimfs): otherwise every phase of
# calculate ends up in one ~200 KB function that engines compile whole before the first call.
"$wasm_opt" -O3 --one-caller-inline-max-function-size=100 "pkg/${WASM_NAME}_bg.wasm" -o "pkg/${WASM_NAME}_bg.wasm.opt"
mv "pkg/${WASM_NAME}_bg.wasm.opt" "pkg/${WASM_NAME}_bg.wasm"

# The <resv-calculator> element ships beside the core: plain ES modules, no bundler.
cp www/element/*.js pkg/
# What the build cannot generate: the element's types, the self-initialising Node entry, the
# package README, and the licence texts (Apache-2.0 asks for its text to ship).
cp pkg-config/resv-calculator.d.ts pkg-config/resv_calc.node.js pkg-config/README.md LICENSE-MIT LICENSE-APACHE pkg/

node scripts/package-json.mjs

raw=$(stat -c %s "pkg/${WASM_NAME}_bg.wasm")
gz=$(gzip -9 -c "pkg/${WASM_NAME}_bg.wasm" | wc -c)
js_gz=$(gzip -9 -c "pkg/${WASM_NAME}.js" | wc -c)
# Every element module but the on-demand XLSX one (the list follows www/element/, flat by design).
el_files=$(cd www/element && ls *.js | grep -vx xlsx.js | sed 's#^#pkg/#')
el_gz=$(cat $el_files | gzip -9 | wc -c)
echo "build: pkg/${WASM_NAME}_bg.wasm ${raw} bytes raw, ${gz} bytes gzipped; JS glue ${js_gz} bytes gzipped; element ${el_gz} bytes gzipped (xlsx.js loaded on demand); $(( $(date +%s) - start )) s"
