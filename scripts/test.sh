#!/usr/bin/env bash
# Runs every test of naplint. Idempotent on a fresh machine: installs what it needs.
#   bash scripts/test.sh            everything (native, wasm32 build, WASM/npm/browser)
#   NAPLINT_SKIP_WASM=1 bash ...    native only
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== toolchain"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

echo "== generated files are current (schema, rule reference)"
cargo xtask codegen --check
cargo xtask fixtures --check

echo "== every schema compiles in ajv strict mode"
bash scripts/strict-schemas.sh

echo "== the core builds for wasm32-unknown-unknown unchanged"
cargo build -q -p naplint --target wasm32-unknown-unknown

echo "== native tests"
cargo test --workspace

if [ -z "${NAPLINT_SKIP_WASM:-}" ] && [ -f wasm/scripts/ci.sh ]; then
  echo "== WASM module, npm package, parity and browser tests"
  bash wasm/scripts/ci.sh
fi

echo "== pre-commit try-repo from a fresh clone (only with NAPLINT_PRE_COMMIT=1: a release build)"
bash scripts/test-pre-commit.sh
