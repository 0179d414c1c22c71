#!/usr/bin/env bash
# Everything the WASM side needs, from a fresh machine of this kind (Debian 12, root) to
# green: installs what is missing (idempotently), builds the module, and runs the Rust
# binding-layer tests, the TypeScript check, the Node tests, the fuzz corpus through the
# module, CLI/WASM parity, the browser test in headless Chromium, and the size budget.
# Runnable from any directory.
set -euo pipefail

WASM_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO="$(cd "$WASM_DIR/.." && pwd)"
NPM="$WASM_DIR/npm"
TOOLS="$WASM_DIR/.tools"
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO/target}"
LOGS="$(mktemp -d)"
trap 'rm -rf "$LOGS"' EXIT
started=$SECONDS
passed=0

step() { echo; echo "==> [wasm $((SECONDS - started))s] $*"; }

# The exact wasm-bindgen version the crate pins (`wasm-bindgen = "=X.Y.Z"`).
WB_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9][0-9.]*\)".*/\1/p' "$WASM_DIR/Cargo.toml")"
[[ -n "$WB_VERSION" ]] || { echo "ci.sh: no exact wasm-bindgen pin in wasm/Cargo.toml" >&2; exit 1; }

# Runs a node --test suite (TAP), fails when it fails or when it ran no test.
node_suite() {
  local name="$1"; shift
  local log="$LOGS/$name.tap"
  local status=0
  (cd "$NPM" && node --test --test-reporter=tap "$@") | tee "$log" || status=$?
  local tests pass fail
  tests="$(sed -n 's/^# tests \([0-9]*\)$/\1/p' "$log" | tail -1)"
  pass="$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$log" | tail -1)"
  fail="$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$log" | tail -1)"
  if [[ "$status" != 0 || -z "$tests" || "${fail:-1}" != 0 ]]; then
    echo "FAIL: $name (exit $status, ${fail:-?} failed)" >&2
    exit 1
  fi
  if (( tests == 0 )); then
    echo "FAIL: $name ran no test" >&2
    exit 1
  fi
  passed=$((passed + pass))
  echo "$name: $pass passed, 0 failed"
}

step "rustup target wasm32-unknown-unknown"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

step "wasm-bindgen-cli $WB_VERSION in $TOOLS"
if [[ "$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ]]; then
  # Not --locked: one of its pinned transitive crates is not available here.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --root "$TOOLS" --force
fi
"$TOOLS/bin/wasm-bindgen" --version

step "npm ci (wasm/npm)"
(cd "$NPM" && npm ci --no-audit --no-fund)

step "chromium"
if [[ ! -x /usr/bin/chromium ]]; then
  SUDO=""
  [[ "$(id -u)" == 0 ]] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
fi
/usr/bin/chromium --version 2>/dev/null | tail -1

step "cargo clippy --target wasm32-unknown-unknown (the bindings compile only there)"
(cd "$REPO" && cargo clippy -p naplint-wasm --target wasm32-unknown-unknown --all-targets -- -D warnings)
# The report module is built without the `submission` feature (scripts/build.sh).
(cd "$REPO" && cargo clippy -p naplint-wasm --target wasm32-unknown-unknown --no-default-features --all-targets -- -D warnings)

step "build the module"
bash "$WASM_DIR/scripts/build.sh"

step "npm package: runtime dependencies (audit) and what npm pack ships"
node "$WASM_DIR/scripts/npm-supply.mjs"

step "cargo build -p naplint-cli (for parity)"
(cd "$REPO" && cargo build -p naplint-cli)

step "cargo test -p naplint-wasm (binding layer, native)"
(cd "$REPO" && cargo test -p naplint-wasm) 2>&1 | tee "$LOGS/cargo.log"
rust_passed="$(sed -n 's/^test result: ok\. \([0-9]*\) passed.*/\1/p' "$LOGS/cargo.log" | awk '{s+=$1} END {print s+0}')"
if grep -q '^test result: FAILED' "$LOGS/cargo.log" || (( rust_passed == 0 )); then
  echo "FAIL: cargo test -p naplint-wasm (${rust_passed} passed)" >&2
  exit 1
fi
passed=$((passed + rust_passed))

step "tsc --noEmit on test/consumer.ts"
(cd "$NPM" && node_modules/.bin/tsc -p test/tsconfig.json)
echo "typescript: consumer.ts type-checks"

step "node tests"
node_suite api test/api.test.mjs

step "sessions: API and parity over 2,000 random edits"
node_suite session test/session.test.mjs
node_suite session-reply test/session-reply.test.mjs  # what crosses the boundary per edit

step "fuzz corpus through the module (fuzz/corpus, else the fixtures and the seed)"
node_suite corpus test/corpus.test.mjs

step "parity: CLI --format json vs WASM validate"
NAPLINT_CLI="$TARGET_DIR/debug/naplint" node_suite parity test/parity.test.mjs

# Department submissions (issue 11).
node_suite submission test/submission.test.mjs

step "browser test (headless Chromium)"
node_suite browser test/browser.test.mjs
node_suite department test/department.test.mjs  # the department's form (issue 11)
ls "$WASM_DIR/www/test-artifacts"

step "web apps: Vite and webpack on their defaults, the worker, the adapters (scripts/webapps.sh)"
WEBAPPS_COUNT="$LOGS/webapps.count" bash "$WASM_DIR/scripts/webapps.sh"; passed=$((passed + $(cat "$LOGS/webapps.count")))

step "size"
bash "$WASM_DIR/scripts/size.sh" --no-build --check

echo
echo "wasm ci done in $((SECONDS - started))s"
echo "wasm: $passed passed, 0 failed"
