#!/usr/bin/env bash
# The npm package as web developers use it (issue 16): packs wasm/npm as `npm pack` would
# publish it, installs it into wasm/examples (whose own dependencies are pinned by its
# package-lock.json), builds the example app with Vite 8, Vite 6 and webpack 5 on their
# default configurations and with esbuild and Rollup (each example's build.sh), and the
# rjsf and JSON Forms examples with Vite 8, and runs, failing on any failure or on a suite
# that ran no test:
#   - the adapters and the browser entry's init in Node (wasm/npm/test/{adapters,entries}.test.mjs);
#   - the built apps, the demo form's worker-checked file and the React + @rjsf/core and
#     JSON Forms examples in headless Chromium
#     (wasm/examples/test/{bundlers,demo-worker,rjsf,jsonforms}.test.mjs);
#   - that npm/README.md's "Use in a web app" shows those examples verbatim (readme.test.mjs).
# Needs the module built (scripts/build.sh) and what ci.sh installs. Prints
# `webapps: N passed, 0 failed` last, and writes N to $WEBAPPS_COUNT when that is set.
set -euo pipefail

WASM_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NPM="$WASM_DIR/npm"
EXAMPLES="$WASM_DIR/examples"
LOGS="$(mktemp -d)"
trap 'rm -rf "$LOGS"' EXIT
passed=0

[[ -f "$NPM/dist/naplint_wasm_bg.wasm" ]] || { echo "webapps.sh: $NPM/dist is not built; run scripts/build.sh" >&2; exit 1; }

# Runs node --test in a directory (TAP); fails when it fails or ran no test.
suite() {
  local name="$1" dir="$2"; shift 2
  local status=0
  (cd "$dir" && node --test --test-reporter=tap "$@") | tee "$LOGS/$name.tap" || status=$?
  local tests pass fail
  tests="$(sed -n 's/^# tests \([0-9]*\)$/\1/p' "$LOGS/$name.tap" | tail -1)"
  pass="$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$LOGS/$name.tap" | tail -1)"
  fail="$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$LOGS/$name.tap" | tail -1)"
  if [[ "$status" != 0 || -z "$tests" || "${fail:-1}" != 0 || "${tests:-0}" == 0 ]]; then
    echo "FAIL: $name (exit $status, tests ${tests:-?}, failed ${fail:-?})" >&2
    exit 1
  fi
  passed=$((passed + pass))
  echo "$name: $pass passed, 0 failed"
}

echo "==> webapps: adapters and the browser entry in Node"
suite adapters "$NPM" test/adapters.test.mjs test/entries.test.mjs

echo "==> webapps: npm ci (wasm/examples)"
(cd "$EXAMPLES" && npm ci --no-audit --no-fund)

echo "==> webapps: npm pack wasm/npm, installed into wasm/examples/node_modules/naplint"
(cd "$NPM" && npm pack --pack-destination "$LOGS" --silent)
rm -rf "$EXAMPLES/node_modules/naplint"
mkdir -p "$EXAMPLES/node_modules/naplint"
tar -xzf "$LOGS"/naplint-*.tgz -C "$EXAMPLES/node_modules/naplint" --strip-components=1

# Each on its defaults: no configuration file (Vite 6 only gets another output folder,
# as both Vite versions build the same app).
echo "==> webapps: vite build (Vite 8, default configuration)"
(cd "$EXAMPLES/vite" && rm -rf dist dist-vite6 && node ../node_modules/vite/bin/vite.js build)
echo "==> webapps: vite build (Vite 6, default configuration)"
(cd "$EXAMPLES/vite" && node ../node_modules/vite6/bin/vite.js build --outDir dist-vite6)
echo "==> webapps: webpack (webpack 5, no configuration file)"
(cd "$EXAMPLES/webpack" && rm -rf dist && node ../node_modules/webpack/bin/webpack.js)

# esbuild and Rollup leave `new URL(..., import.meta.url)` alone: each example's build.sh
# (printed in npm/README.md) bundles the worker as a second entry and copies the `.wasm`.
echo "==> webapps: esbuild (esbuild/build.sh)"
(cd "$EXAMPLES/esbuild" && rm -rf dist && bash -e build.sh)
echo "==> webapps: Rollup (rollup/build.sh)"
(cd "$EXAMPLES/rollup" && rm -rf dist && bash -e build.sh)

echo "==> webapps: vite build of the React + @rjsf/core example (Vite 8, default configuration)"
(cd "$EXAMPLES/rjsf" && rm -rf dist && node ../node_modules/vite/bin/vite.js build)

echo "==> webapps: vite build of the React + JSON Forms example (Vite 8, default configuration)"
(cd "$EXAMPLES/jsonforms" && rm -rf dist && node ../node_modules/vite/bin/vite.js build)

echo "==> webapps: the built apps in headless Chromium"
suite examples "$EXAMPLES" test/bundlers.test.mjs test/demo-worker.test.mjs test/rjsf.test.mjs test/jsonforms.test.mjs test/readme.test.mjs

[[ -z "${WEBAPPS_COUNT:-}" ]] || echo "$passed" > "$WEBAPPS_COUNT"
echo "webapps: $passed passed, 0 failed"
