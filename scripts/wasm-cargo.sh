#!/usr/bin/env bash
# Runs `cargo <subcommand> --target wasm32-unknown-unknown ...` with whichever toolchain can
# build for wasm32 here: rustup's own target where it is installed (an ordinary developer
# machine), else Debian's rustc-web building the standard library from source
# (this project's machines, where the rustup target cannot be downloaded; see docs/toolchain.md).
# `wasm-cargo.sh target-dir` prints the target directory it uses, and nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=wasm32-unknown-unknown
sub=${1:?usage: wasm-cargo.sh SUBCOMMAND [ARGS...]}; shift

# 128-bit SIMD (every current engine: Chrome 91, Firefox 89, Safari 16.4, Node 16.4): memchr's
# line-end, delimiter and quote searches use it, and LLVM vectorises some loops (issue 19: the
# national parse 62.8 -> 52.5 ms, 3 KB smaller gzipped). No scalar build: no engine the
# element supports lacks it.
SIMD="-Ctarget-feature=+simd128"

std_dir="$(rustc --print target-libdir --target "$TARGET" 2>/dev/null || true)"
if [ -n "$std_dir" ] && ls "$std_dir"/libstd-*.rlib >/dev/null 2>&1; then
  export CARGO_TARGET_DIR=target/wasm
  [ "$sub" = target-dir ] && { echo "$CARGO_TARGET_DIR"; exit 0; }
  echo "wasm-cargo: rustup's $TARGET target (plain build)" >&2
  export RUSTFLAGS="${RUSTFLAGS:-} $SIMD"
  cargo "$sub" --target "$TARGET" "$@"
else
  [ "$sub" = target-dir ] && { echo target/wasm-std; exit 0; }
  if [ ! -x /usr/bin/cargo ] || [ ! -d /usr/lib/rustlib/src/rust/library ]; then
    echo "wasm-cargo: no $TARGET standard library; run 'make setup' (Debian's rustc-web, cargo-web, rust-web-src)" >&2
    exit 1
  fi
  # Debian's /usr/bin/rust-lld is a dangling link: use the rustup toolchain's lld, or wasm-ld-19.
  linker="$(rustc --print sysroot 2>/dev/null || true)/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld"
  [ -x "$linker" ] || linker="$(command -v wasm-ld-19 || true)"
  [ -n "$linker" ] || { echo "wasm-cargo: no wasm linker (rust-lld or wasm-ld-19)" >&2; exit 1; }
  echo "wasm-cargo: Debian's rustc-web with -Zbuild-std" >&2
  export CARGO_TARGET_DIR=target/wasm-std
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$linker"
  # A panic aborts the instance either way (and the lints deny them): with the standard library
  # built here, panic=immediate-abort also drops the panic messages, their locations and the
  # core::fmt code that formats them (issue 19: what it bought is in the commit that added it).
  export RUSTFLAGS="${RUSTFLAGS:-} -Zunstable-options -Cpanic=immediate-abort $SIMD --cfg resv_optimize"
  # `resv_optimize`: the reading, reporting and message code (run once per call, most of the
  # module) is marked #[optimize(size)]; the national import's loops stay at opt-level 3
  # (issue 19). The attribute is nightly-only, so it is used only where this build may.
  # The rustup proxies come first on PATH; Debian's cargo must find Debian's rustc and clippy.
  PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 /usr/bin/cargo "$sub" --target "$TARGET" \
    -Zbuild-std=std,panic_abort "$@"
fi
