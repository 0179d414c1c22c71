#!/usr/bin/env bash
# `pre-commit try-repo` from a fresh clone of the committed HEAD, as a new user runs it:
# pre-commit builds naplint through its rust language (`cargo install --path .` of the
# root package) and runs the hook on the seed (it must fail with the seed's 3 errors and
# 6 warnings) and on a file that is not a report (which it must pass over).
# It builds naplint in release once more, with its own target directory (about 6 minutes
# on 2 shared cores), so it runs only when asked:
#   NAPLINT_PRE_COMMIT=1 bash scripts/test-pre-commit.sh
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
if [[ -z "${NAPLINT_PRE_COMMIT:-}" ]]; then
  echo "test-pre-commit: SKIPPED (set NAPLINT_PRE_COMMIT=1; it compiles naplint in release, several minutes)"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet 'pre-commit>=4,<5'
"$work/venv/bin/pre-commit" --version
git clone --quiet "$REPO" "$work/clone"
cd "$work/clone"
echo "clone at $(git log --oneline -1)"

# One run (try-repo installs into a fresh store each time): the seed and a JSON file that
# is not a report, which --reports-only must pass over ("in 1 file").
status=0
"$work/venv/bin/pre-commit" try-repo . naplint \
  --files seeds/2013-14/report.json wasm/npm/package.json > "$work/try.log" 2>&1 || status=$?
cat "$work/try.log"
if [[ "$status" != 1 ]] || ! grep -q '^naplint\.*Failed' "$work/try.log" \
  || ! grep -q 'Found 3 errors, 6 warnings, 0 infos in 1 file' "$work/try.log" \
  || grep -q 'package.json' <(sed -n '/^naplint/,$p' "$work/try.log"); then
  echo "FAIL: try-repo exited $status without exactly the seed's findings" >&2
  exit 1
fi
echo "test-pre-commit: passed (the hook built by pre-commit reports the seed's 3 errors and 6 warnings, skips package.json)"
