#!/usr/bin/env bash
# Instruction counts (callgrind, only inside Linter::check) of each scaling dimension at n
# and 8n, and their ratio: unlike wall time, stable on a loaded machine. Linear is 8.
#   bash bench/scaling.sh            # needs valgrind (apt-get install valgrind)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
command -v valgrind >/dev/null || { echo "scaling.sh: valgrind is not installed" >&2; exit 1; }
cargo bench -q -p naplint --bench scaling --no-run >&2
BIN="$(ls -t target/release/deps/scaling-* | grep -v '\.d$' | head -1)"
names=("distinct keys" "duplicate keys" "array length" "deliverables" "findings per document" "one-line document" "long string (chars)" "YAML mapping keys")
count() {
  NAPLINT_SCALING_ONCE="$1:$2" valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    --toggle-collect='naplint::engine::Linter::check*' "$BIN" 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
echo "instructions (callgrind): 8n / n (linear is 8; target <= 10)"
for i in "${!names[@]}"; do
  a="$(count "$i" 1)"; b="$(count "$i" 8)"
  [[ -n "$a" && -n "$b" && "$a" -gt 0 ]] || { echo "scaling.sh: no count for ${names[$i]}" >&2; exit 1; }
  awk -v n="${names[$i]}" -v a="$a" -v b="$b" 'BEGIN { r = b / a; printf "instructions: %-24s n %12d  8n %13d  %6.1fx  <= 10x  %s\n", n, a, b, r, (r <= 10 ? "met" : "MISSED") }'
done
