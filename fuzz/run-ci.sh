#!/usr/bin/env bash
# Builds the fuzz targets and runs each for a bounded time on the committed seed corpus
# (plus tests/fixtures and seeds/ for the document targets),
# one after the other on one core. Fails (exit 1) when a target crashes, hangs (>10 s on
# one input) or allocates past 2 GiB; the reproducer is left in fuzz/artifacts/<target>/.
#
#   bash fuzz/run-ci.sh [SECONDS_PER_TARGET]     # default 60
#   TARGETS="check" bash fuzz/run-ci.sh 30       # a subset
#
# Needs cargo-fuzz (installed here with cargo install when missing, about 40 s) and nightly
# compiler features: on the stable toolchain RUSTC_BOOTSTRAP=1 unlocks them
# (-Zsanitizer=address). The first build takes about a minute per target.
# New inputs found during the run go to a scratch copy of the corpus; the committed
# corpus is not modified.
set -euo pipefail

FUZZ="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SECONDS_PER_TARGET="${1:-60}"
TARGETS="${TARGETS:-json_loader yaml_loader check rule_lang}"
export RUSTC_BOOTSTRAP=1

if ! command -v cargo-fuzz >/dev/null; then
  echo "==> installing cargo-fuzz" >&2
  cargo install cargo-fuzz --quiet
fi

cd "$FUZZ"
dict_for() {
  case "$1" in
    json_loader) echo dict/json.dict ;;
    yaml_loader) echo dict/yaml.dict ;;
    rule_lang) echo dict/rule_lang.dict ;;
    *) echo dict/check.dict ;;
  esac
}
# The committed corpus holds only what the fixtures and the seed do not already cover;
# the documents targets read those too (libFuzzer only writes to the first directory).
extra_for() { case "$1" in rule_lang) ;; *) echo ../tests/fixtures ../seeds ;; esac; }

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
status=0
for target in $TARGETS; do
  echo "==> building $target" >&2
  cargo fuzz build "$target" >&2
  mkdir -p "$scratch/$target" "artifacts/$target"
  echo "==> fuzzing $target for ${SECONDS_PER_TARGET}s" >&2
  log="$scratch/$target.log"
  # One process, one core: no -jobs/-workers here so libFuzzer's summary lands in $log.
  # shellcheck disable=SC2046
  if cargo fuzz run "$target" "$scratch/$target" "corpus/$target" $(extra_for "$target") -- \
      -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
      -max_total_time="$SECONDS_PER_TARGET" -dict="$(dict_for "$target")" \
      -print_final_stats=1 -artifact_prefix="artifacts/$target/" > "$log" 2>&1; then
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done )' "$log" | sed "s/^/  $target: /" >&2 || true
    tail -n 30 "$log" | grep -E '^#[0-9]+.*(DONE|pulse)' | tail -n 1 | sed "s/^/  $target: /" >&2 || true
  else
    status=1
    echo "FAIL: $target" >&2
    grep -E 'ERROR|panicked|SUMMARY|Test unit written|artifact' "$log" | head -n 20 >&2 || tail -n 40 "$log" >&2
  fi
done
if [[ "$status" == 0 ]]; then
  echo "fuzz: every target ran ${SECONDS_PER_TARGET}s without a crash" >&2
else
  echo "fuzz: crash found; minimise with 'cargo fuzz tmin <target> <artifact>' and add it to fuzz/regressions/<target>/" >&2
fi
exit "$status"
