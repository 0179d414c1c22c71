#!/usr/bin/env bash
# Builds the npm package's WebAssembly: cargo (release, optimised for size) ->
# wasm-bindgen (--target web) -> wasm-opt -Oz --converge (binaryen from npm), into
# wasm/npm/dist/: naplint_wasm* (everything but department submissions) and
# naplint_department* (everything, for the department's form; lib/ loads it only for
# `validateSubmission`).
# Needs what ci.sh installs: the wasm32 target, wasm/.tools/bin/wasm-bindgen and
# wasm/npm/node_modules. Runnable from any directory.
set -euo pipefail

WASM_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO="$(cd "$WASM_DIR/.." && pwd)"
NPM="$WASM_DIR/npm"
WASM_BINDGEN="$WASM_DIR/.tools/bin/wasm-bindgen"
WASM_OPT="$NPM/node_modules/.bin/wasm-opt"
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO/target}"

[[ -x "$WASM_BINDGEN" ]] || { echo "build.sh: $WASM_BINDGEN missing; run wasm/scripts/ci.sh" >&2; exit 1; }
[[ -x "$WASM_OPT" ]] || { echo "build.sh: $WASM_OPT missing; run npm ci in wasm/npm" >&2; exit 1; }

# Two modules from one crate: the department's (`--features submission`, the default),
# built first, and the main one without department submissions, built last so that the
# cargo output size.sh reads is the main module's.
build_module() {
  local name="$1"; shift
  echo "==> cargo build --release --target wasm32-unknown-unknown -p naplint-wasm $* (opt-level z, LTO, 1 codegen unit) -> $name"
  # Size profile for this build only (the workspace's release profile stays as it is).
  (cd "$REPO" && CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
    CARGO_PROFILE_RELEASE_LTO=true \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
    cargo build --release --target wasm32-unknown-unknown -p naplint-wasm "$@")
  echo "==> wasm-bindgen --target web ($name)"
  "$WASM_BINDGEN" --target web --no-typescript --out-dir "$NPM/dist" --out-name "$name" \
    "$TARGET_DIR/wasm32-unknown-unknown/release/naplint_wasm.wasm"
  echo "==> wasm-opt -Oz --converge ($name, $("$WASM_OPT" --version))"
  "$WASM_OPT" -Oz --converge "$NPM/dist/${name}_bg.wasm" -o "$NPM/dist/${name}_bg.wasm.opt"
  mv "$NPM/dist/${name}_bg.wasm.opt" "$NPM/dist/${name}_bg.wasm"
}

rm -rf "$NPM/dist"
build_module naplint_department
build_module naplint_wasm --no-default-features
ls -l "$NPM/dist"
