#!/usr/bin/env bash
# Supply-chain gate: `cargo deny check` (advisories, bans, licences, sources; deny.toml),
# offline, against the advisory database snapshot in ../shared/advisory-db/ (relative to
# the clone; NAPLINT_ADVISORY_SNAPSHOT overrides). Then a self-test shows
# that the gate fails on a git source, a new advisory, a stale or a missing database.
#
# cargo-deny is installed once from the crate registry into .tools/cargo-deny (gitignored).
# The snapshot is read-only: it is copied into target/advisory-dbs/ as the git repository
# cargo-deny expects, committed and dated with the snapshot's own date, so that cargo-deny's
# staleness limit (deny.toml) measures the snapshot's age. A missing snapshot fails the
# advisory check; the other checks still run first.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

DENY_VERSION=0.20.2
TOOLS="$REPO/.tools/cargo-deny"
DENY="$TOOLS/bin/cargo-deny"
SNAPSHOT="${NAPLINT_ADVISORY_SNAPSHOT:-$REPO/../shared/advisory-db}"
# The directory name cargo-deny derives from its default database URL.
DB_NAME=advisory-db-3157b0e258782691
export NAPLINT_ADVISORY_DBS="$REPO/target/advisory-dbs"

if ! { [[ -x "$DENY" ]] && "$DENY" --version | grep -qx "cargo-deny $DENY_VERSION"; }; then
  echo "==> cargo install cargo-deny $DENY_VERSION (once, into .tools/cargo-deny)"
  cargo install cargo-deny --version "$DENY_VERSION" --locked --root "$TOOLS"
fi
"$DENY" --version

# Builds the local advisory database from a snapshot directory ($1) into $2/$DB_NAME.
# Prints the snapshot's commit and date.
make_advisory_db() {
  local snap="$1" root="$2" date commit
  commit="$(grep -oE 'commit [0-9a-f]{40}' "$snap/SNAPSHOT" | cut -d' ' -f2)"
  date="$(grep -oE 'committed [0-9T:+-]+' "$snap/SNAPSHOT" | cut -d' ' -f2)"
  [[ -n "$commit" && -n "$date" ]] || {
    echo "deny.sh: $snap/SNAPSHOT names no commit and date" >&2
    return 1
  }
  rm -rf "${root:?}/$DB_NAME"
  mkdir -p "$root/$DB_NAME"
  cp -R "$snap/crates" "$root/$DB_NAME/crates"
  chmod -R u+w "$root/$DB_NAME"
  (
    cd "$root/$DB_NAME"
    git init -q -b main
    git add -A
    GIT_AUTHOR_DATE="$date" GIT_COMMITTER_DATE="$date" \
      git -c user.name=naplint -c user.email=ci@naplint.invalid -c commit.gpgsign=false \
      commit -q -m "advisory-db snapshot $commit"
    # cargo-deny dates a database by the later of HEAD's commit time and .git/HEAD's
    # modification time (FETCH_HEAD's when present): a fresh `git init` would look fresh.
    touch -d "$date" .git/HEAD
  )
  local age=$((($(date +%s) - $(date -d "$date" +%s)) / 86400))
  echo "advisory database: snapshot of commit $commit, dated $date ($age days old; deny.toml fails it past $(grep -oE 'P[0-9]+D' deny.toml))"
}

# cargo-deny --offline also runs `cargo metadata` offline: fetch the crates first.
cargo fetch --locked

status=0
echo "==> cargo deny check bans licenses sources"
"$DENY" --offline check bans licenses sources || status=1

echo "==> cargo deny check advisories"
if [[ -f "$SNAPSHOT/SNAPSHOT" && -d "$SNAPSHOT/crates" ]]; then
  make_advisory_db "$SNAPSHOT" "$NAPLINT_ADVISORY_DBS"
  "$DENY" --offline check advisories || status=1
else
  echo "deny.sh: FAILED: no advisory database snapshot at $SNAPSHOT (expected SNAPSHOT and crates/);" >&2
  echo "deny.sh: advisories were NOT checked" >&2
  status=1
fi

if [[ "$status" -ne 0 ]]; then
  echo "deny.sh: FAILED" >&2
  exit 1
fi

# Negative controls: the gate must fail on each of these, for the reason named.
expect_failure() { # what, expected-text, command...
  local what="$1" want="$2" out
  shift 2
  if out="$("$@" 2>&1)"; then
    echo "$out" >&2
    echo "deny.sh: SELF-TEST FAILED: $what passed" >&2
    exit 1
  fi
  if ! grep -q -- "$want" <<<"$out"; then
    echo "$out" >&2
    echo "deny.sh: SELF-TEST FAILED: $what failed without \`$want\`" >&2
    exit 1
  fi
  echo "self-test: $what fails as it must ($(grep -m1 -o -- "$want.*" <<<"$out" | cut -c1-100))"
}

selftest() {
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT

  # 1. A git source: a crate depending on a (local) git repository, under deny.toml.
  mkdir -p "$tmp/gitdep/src" "$tmp/probe/src"
  printf '[package]\nname = "gitdep"\nversion = "0.1.0"\nedition = "2021"\nlicense = "MIT"\n' \
    >"$tmp/gitdep/Cargo.toml"
  : >"$tmp/gitdep/src/lib.rs"
  git -C "$tmp/gitdep" init -q -b main
  git -C "$tmp/gitdep" add -A
  git -C "$tmp/gitdep" -c user.name=t -c user.email=t@t.invalid -c commit.gpgsign=false commit -q -m x
  printf '[package]\nname = "probe"\nversion = "0.1.0"\nedition = "2021"\nlicense = "MIT"\npublish = false\n[dependencies]\ngitdep = { git = "file://%s/gitdep" }\n[workspace]\n' \
    "$tmp" >"$tmp/probe/Cargo.toml"
  : >"$tmp/probe/src/lib.rs"
  cp deny.toml "$tmp/probe/deny.toml"
  (cd "$tmp/probe" && cargo generate-lockfile -q)
  expect_failure "a git source" "'git' source not explicitly allowed" \
    bash -c "cd '$tmp/probe' && '$DENY' --offline check sources"

  # 2. A new advisory against a crate the workspace links (regex-lite, every version).
  mkdir -p "$tmp/snap"
  cp -R "$SNAPSHOT/crates" "$tmp/snap/crates"
  cp "$SNAPSHOT/SNAPSHOT" "$tmp/snap/SNAPSHOT"
  chmod -R u+w "$tmp/snap"
  mkdir -p "$tmp/snap/crates/regex-lite"
  printf '```toml\n[advisory]\nid = "RUSTSEC-2026-9999"\npackage = "regex-lite"\ndate = "%s"\n\n[versions]\npatched = []\n```\n\n# a made-up advisory: deny.sh self-test\n\nNot a real advisory.\n' \
    "$(date -u +%F)" >"$tmp/snap/crates/regex-lite/RUSTSEC-2026-9999.md"
  make_advisory_db "$tmp/snap" "$tmp/dbs" >/dev/null
  expect_failure "a new advisory" "RUSTSEC-2026-9999" \
    env NAPLINT_ADVISORY_DBS="$tmp/dbs" "$DENY" --offline check advisories

  # 3. A stale database: the same snapshot committed 400 days ago.
  sed -i "s/committed [0-9T:+-]*/committed $(date -u -d '400 days ago' +%FT%T+00:00)/" "$tmp/snap/SNAPSHOT"
  rm "$tmp/snap/crates/regex-lite/RUSTSEC-2026-9999.md"
  make_advisory_db "$tmp/snap" "$tmp/dbs" >/dev/null
  expect_failure "a stale advisory database" "stale" \
    env NAPLINT_ADVISORY_DBS="$tmp/dbs" "$DENY" --offline check advisories

  # 4. No snapshot at all: deny.sh says so and fails.
  expect_failure "a missing snapshot" "advisories were NOT checked" \
    env NAPLINT_ADVISORY_SNAPSHOT="$tmp/none" NAPLINT_DENY_SELFTEST=0 bash "$REPO/scripts/deny.sh"
}

if [[ "${NAPLINT_DENY_SELFTEST:-1}" == 1 ]]; then
  echo "==> self-test: the gate fails where it must"
  selftest
fi
echo "deny.sh: OK"
