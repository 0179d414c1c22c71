#!/usr/bin/env bash
# naplint's benchmarks, in one run, as ratios. Prints one table (and writes it to
# bench/results/table.txt):
#   (a) generates the corpus from the seed (bench/gen_corpus.py → bench/corpus/)
#   (b) criterion: full Linter::check vs serde_json::from_str::<Value> on 1x/10x/100x
#   (c) whole commands on 1,000 seed-sized files: naplint vs check-jsonschema vs ajv-cli
#   (d) Node: naplint's WASM validate(text) vs JSON.parse + ajv (draft 2020-12), seed
#   (d2) Node: one live-form session edit vs JSON.parse + ajv, seed and x10 (bench/session.mjs)
#   (e) peak RSS of checking the ~50 MB report
#   (f) gzipped .wasm size with and without wasm-opt (when wasm/ has been built)
#   (g) scaling: time and callgrind instructions for 8n / n along each dimension of a
#       document (crates/naplint/benches/scaling.rs, bench/scaling.sh)
#
#   bash bench/run.sh            # everything (about 6 minutes on 2 cores)
#   RUNS=3 bash bench/run.sh     # fewer hyperfine runs
#   SKIP_TOOLS=1 ...             # do not install check-jsonschema / ajv-cli / hyperfine
#
# Installs what it needs when missing: hyperfine (apt), check-jsonschema (PyPI, into
# bench/.venv), ajv-cli + ajv-formats + ajv (npm, into bench/node_modules). A benchmark,
# not a test: it never fails on a missed target, and CI does not run it.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH/.." && pwd)"
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO/target}"
RUNS="${RUNS:-5}"
OUT="$BENCH/results"
CORPUS="$BENCH/corpus"
mkdir -p "$OUT"
cd "$REPO"

say() { echo "==> $*" >&2; }

# ---------------------------------------------------------------- tools
if [[ "${SKIP_TOOLS:-0}" != 1 ]]; then
  if ! command -v hyperfine >/dev/null; then
    say "installing hyperfine (apt)"
    (apt-get install -y hyperfine || { apt-get update && apt-get install -y hyperfine; }) >&2
  fi
  if [[ ! -x "$BENCH/.venv/bin/check-jsonschema" ]]; then
    say "installing check-jsonschema into bench/.venv"
    python3 -m venv "$BENCH/.venv"
    "$BENCH/.venv/bin/pip" install -q check-jsonschema >&2
  fi
  if [[ ! -x "$BENCH/node_modules/.bin/ajv" ]]; then
    say "installing ajv-cli into bench/node_modules"
    (cd "$BENCH" && npm install --no-audit --no-fund >&2)
  fi
fi

# ---------------------------------------------------------------- (a) corpus
say "generating the corpus"
python3 "$BENCH/gen_corpus.py" --out "$CORPUS" 2> "$OUT/corpus.txt"
cat "$OUT/corpus.txt" >&2

# ---------------------------------------------------------------- build
say "building naplint (release)"
cargo build --release -q -p naplint-cli
NAPLINT="$TARGET_DIR/release/naplint"

# ---------------------------------------------------------------- (b) criterion
say "criterion: full check vs serde_json parse (1x, 10x, 100x)"
NAPLINT_BENCH_CORPUS="$CORPUS" cargo bench -q -p naplint --bench check 2>&1 \
  | grep -E '^(x[0-9]+/|\s+time:|\s+thrpt:)' >&2 || true

# ---------------------------------------------------------------- (c) whole commands
say "hyperfine: 1,000 files (naplint vs check-jsonschema vs ajv-cli), $RUNS runs each"
SCHEMA=schemas/report.schema.json
files=("$CORPUS"/many/*.json)
# naplint exits 1 on the corpus (the seed's own findings are errors): -i ignores that.
hyperfine -i --warmup 1 --runs "$RUNS" --export-json "$OUT/many.json" --style basic \
  -n naplint "$NAPLINT check $CORPUS/many/ --format json > /dev/null" \
  -n check-jsonschema "$BENCH/.venv/bin/check-jsonschema --schemafile $SCHEMA ${files[*]} > /dev/null" \
  -n ajv-cli "$BENCH/node_modules/.bin/ajv validate --spec=draft2020 -c ajv-formats -s $SCHEMA -d '$CORPUS/many/*.json' > /dev/null 2>&1" \
  >&2
# Sanity: each tool actually read the 1,000 files.
n_naplint="$("$NAPLINT" check "$CORPUS/many/" --format json | python3 -c 'import json,sys; print(len({d["file"] for d in json.load(sys.stdin)}))' || true)"
n_ajv="$("$BENCH/node_modules/.bin/ajv" validate --spec=draft2020 -c ajv-formats -s $SCHEMA -d "$CORPUS/many/*.json" 2>&1 | grep -c ' valid$' || true)"
"$BENCH/.venv/bin/check-jsonschema" --schemafile $SCHEMA "${files[@]}" > "$OUT/check-jsonschema.txt" 2>&1 && cj_ok=ok || cj_ok=failed

# ---------------------------------------------------------------- (d) WASM in Node
WASM_JSON=""
if [[ -f "$REPO/wasm/npm/dist/naplint_wasm_bg.wasm" ]]; then
  say "node: WASM validate vs JSON.parse + ajv (seed)"
  WASM_JSON="$(node "$BENCH/wasm.mjs" --json)" || WASM_JSON=""
else
  say "wasm/npm/dist not built (bash wasm/scripts/ci.sh): skipping the Node benchmark"
fi
echo "${WASM_JSON:-{\}}" > "$OUT/wasm.json"

# ---------------------------------------------------------------- (d2) live-form sessions
# One keystroke: session.set vs JSON.parse + ajv, seed and x10 (issue 12's two rows).
if [[ -f "$REPO/wasm/npm/dist/naplint_wasm_bg.wasm" ]]; then
  say "node: session edit vs JSON.parse + ajv (seed, x10)"
  node "$BENCH/session.mjs" --corpus "$CORPUS" | tee "$OUT/session.txt" >&2 || true
fi

# ---------------------------------------------------------------- (e) peak RSS
say "peak RSS: naplint check on $(du -h "$CORPUS/big.json" | cut -f1) report"
/usr/bin/time -v "$NAPLINT" check "$CORPUS/big.json" --format json > /dev/null 2> "$OUT/rss.txt" || true
/usr/bin/time -v python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$CORPUS/big.json" 2> "$OUT/rss-python.txt" || true

# ---------------------------------------------------------------- instructions (linearity)
# Wall-clock per byte grows with size on a shared, noisy machine (caches, page faults:
# serde_json's own per-byte time grows too); callgrind's instruction counts do not depend
# on load, so they tell whether the work itself is linear.
: > "$OUT/instructions.txt"
if command -v valgrind >/dev/null; then
  say "callgrind: instructions of naplint check on an empty object, x1, x10, x100"
  echo '{}' > "$OUT/empty.json"
  for f in "$OUT/empty.json" "$CORPUS/x1.json" "$CORPUS/x10.json" "$CORPUS/x100.json"; do
    # naplint exits 1 (the documents have errors): keep going.
    n="$( (valgrind --tool=callgrind --callgrind-out-file=/dev/null "$NAPLINT" check "$f" --format json 2>&1 >/dev/null || true) \
         | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')"
    echo "$(basename "$f") $(wc -c < "$f") ${n:-0}" >> "$OUT/instructions.txt"
  done
fi

# ---------------------------------------------------------------- (g) scaling, 8n / n
say "scaling: each dimension at n and 8n (time, and callgrind instructions)"
cargo bench -q -p naplint --bench scaling 2>/dev/null | grep '^scaling:' > "$OUT/scaling.txt" || true
if command -v valgrind >/dev/null; then
  bash "$BENCH/scaling.sh" 2>/dev/null | grep '^instructions:' > "$OUT/scaling-instructions.txt" || true
else
  : > "$OUT/scaling-instructions.txt"
fi

# ---------------------------------------------------------------- (f) WASM size
SIZE_TXT=""
if [[ -f "$REPO/wasm/npm/dist/naplint_wasm_bg.wasm" && -x "$REPO/wasm/.tools/bin/wasm-bindgen" \
      && -f "$TARGET_DIR/wasm32-unknown-unknown/release/naplint_wasm.wasm" ]]; then
  SIZE_TXT="$(bash "$REPO/wasm/scripts/size.sh" --no-build 2>/dev/null || true)"
fi
echo "$SIZE_TXT" > "$OUT/size.txt"

# ---------------------------------------------------------------- the table
python3 - "$TARGET_DIR" "$OUT" "$CORPUS" "$n_naplint" "$n_ajv" "$cj_ok" <<'PY' | tee "$OUT/table.txt"
import datetime, json, os, platform, re, subprocess, sys
target_dir, out, corpus, n_naplint, n_ajv, cj_ok = sys.argv[1:7]

def cpu():
    for line in open('/proc/cpuinfo'):
        if line.startswith('model name'):
            return line.split(':', 1)[1].strip()
    return platform.processor() or '?'

def est(group, bench):
    p = os.path.join(target_dir, 'criterion', group, bench, group, 'new', 'estimates.json')
    try:
        with open(p) as fh:
            return json.load(fh)['median']['point_estimate']  # ns
    except OSError:
        return None

def fmt_t(ns):
    if ns is None: return 'n/a'
    if ns >= 1e9: return f'{ns/1e9:.2f} s'
    if ns >= 1e6: return f'{ns/1e6:.2f} ms'
    return f'{ns/1e3:.0f} µs'

def verdict(ok): return 'met' if ok else 'MISSED'

rows = []
def row(what, value, target='', status=''):
    rows.append((what, value, target, status))

nproc = os.cpu_count()
print(f'naplint benchmarks — {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC')
print(f'machine: {nproc} cores, {cpu()}, {platform.system()} {platform.release()}')
rev = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True).stdout.strip()
dirty = subprocess.run(['git', 'status', '--porcelain', '--', 'crates'], capture_output=True, text=True).stdout.strip()
print(f'naplint: git {rev or "?"}{" + uncommitted changes in crates/" if dirty else ""}; rustc {subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.split()[1]}')
print()

# (b)
sizes = {}
for g in ('x1', 'x10', 'x100'):
    p = os.path.join(corpus, f'{g}.json')
    if os.path.exists(p): sizes[g] = os.path.getsize(p)
per_byte = {}
for g in ('x1', 'x10', 'x100'):
    c, s, l = est(g, 'naplint_check'), est(g, 'serde_json_value'), est(g, 'naplint_load')
    if c is None or s is None:
        row(f'check vs serde_json parse, {g}', 'not measured'); continue
    per_byte[g] = c / sizes[g]
    row(f'{g} ({sizes[g]/1e3:,.0f} KB): check {fmt_t(c)} / serde_json::Value {fmt_t(s)}',
        f'{c/s:.1f}x', '<= 3x', verdict(c / s <= 3))
    if l is not None:
        row(f'   of which naplint load (spanned parse) {fmt_t(l)}', f'{l/s:.1f}x', '', '')
if 'x1' in per_byte:
    for g in ('x10', 'x100'):
        if g in per_byte:
            r = per_byte[g] / per_byte['x1']
            row(f'linearity: check time per byte, {g} / x1', f'{r:.2f}', '<= 1.5 (linear)', verdict(r <= 1.5))

try:
    ins = {}
    for line in open(os.path.join(out, 'instructions.txt')):
        name, size, n = line.split()
        ins[name] = (int(size), int(n))
    base = ins['empty.json'][1]
    ipb = {g: (ins[f'{g}.json'][1] - base) / ins[f'{g}.json'][0] for g in ('x1', 'x10', 'x100')}
    row(f'instructions per byte (callgrind, startup subtracted): x1 {ipb["x1"]:.0f}, x10 {ipb["x10"]:.0f}, x100 {ipb["x100"]:.0f}', '', '', '')
    for g in ('x10', 'x100'):
        r = ipb[g] / ipb['x1']
        row(f'linearity: instructions per byte, {g} / x1', f'{r:.2f}', '<= 1.5 (linear)', verdict(r <= 1.5))
except (OSError, KeyError, ValueError, ZeroDivisionError):
    pass

# (c)
try:
    res = {r['command']: r for r in json.load(open(os.path.join(out, 'many.json')))['results']}
    nl = res['naplint']
    for name, target in (('check-jsonschema', 10), ('ajv-cli', 3)):
        r = res[name]
        ratio = r['median'] / nl['median']
        row(f'1,000 files: {name} {r["median"]:.2f} s (min {r["min"]:.2f}) / naplint {nl["median"]:.2f} s (min {nl["min"]:.2f})',
            f'{ratio:.1f}x faster', f'>= {target}x', verdict(ratio >= target))
    for name in ('check-jsonschema', 'ajv-cli'):
        r = res[name]
        cpu_ratio = (r['user'] + r['system']) / (nl['user'] + nl['system'])
        row(f'   CPU time (user+sys): {name} {r["user"]+r["system"]:.2f} s / naplint {nl["user"]+nl["system"]:.2f} s', f'{cpu_ratio:.1f}x less', '', '')
    row(f'   files seen: naplint {n_naplint}, ajv {n_ajv}, check-jsonschema {cj_ok}', '')
except (OSError, KeyError, ValueError) as e:
    row('1,000 files', f'not measured ({e})')

# (d)
try:
    w = json.load(open(os.path.join(out, 'wasm.json')))
    a, n, j = w['ajv_parse_validate'], w['naplint_validate'], w['json_parse']
    row(f'WASM, seed: naplint validate {n["median_us"]:.0f} µs / JSON.parse+ajv {a["median_us"]:.0f} µs (JSON.parse alone {j["median_us"]:.0f} µs)',
        f'{n["median_us"]/a["median_us"]:.2f}x', '<= 1x', verdict(n['median_us'] <= a['median_us']))
    row('WASM, seed: naplint validate, absolute', f'{n["median_us"]/1000:.2f} ms', '< 1 ms', verdict(n['median_us'] < 1000))
except (OSError, KeyError, ValueError):
    row('WASM in Node', 'not measured (wasm/npm/dist not built)')

# (e)
def rss_kb(path):
    try:
        m = re.search(r'Maximum resident set size \(kbytes\): (\d+)', open(path).read())
        return int(m.group(1)) if m else None
    except OSError:
        return None
def wall(path):
    try:
        m = re.search(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)', open(path).read())
        return m.group(1) if m else '?'
    except OSError:
        return '?'
big = os.path.getsize(os.path.join(corpus, 'big.json'))
kb = rss_kb(os.path.join(out, 'rss.txt'))
if kb:
    ratio = kb * 1024 / big
    row(f'peak RSS, {big/1e6:.0f} MB report: {kb/1024:,.0f} MiB (wall {wall(os.path.join(out, "rss.txt"))})',
        f'{ratio:.1f}x file', '< 3x', verdict(ratio < 3))
    pk = rss_kb(os.path.join(out, 'rss-python.txt'))
    if pk:
        row(f'   for scale: python json.load of the same file {pk/1024:,.0f} MiB', f'{pk*1024/big:.1f}x file')

# (f)
size = open(os.path.join(out, 'size.txt')).read()
def gz(label):
    for line in size.splitlines():
        if line.startswith(label):
            return int(line.split()[-1])
    return None
with_opt, without = gz('wasm-bindgen + wasm-opt'), gz('wasm-bindgen, without')
if with_opt:
    row('WASM gzip -9: with wasm-opt -Oz', f'{with_opt/1024:.0f} KiB')
    row('WASM gzip -9: without wasm-opt', f'{without/1024:.0f} KiB' if without else 'n/a')
else:
    row('WASM size', 'not measured (wasm not built)')

# (g)
def scaling(path, prefix, unit):
    try:
        lines = open(path).read().splitlines()
    except OSError:
        lines = []
    found = False
    for line in lines:
        m = re.match(r'^\w+: (.+?)\s+n[= ]\s*(\S+)\s+(.*?)\s+8n\s+(.*?)\s+([0-9.]+)x\s', line)
        if not m:
            continue
        found = True
        name, n, a, b, r = m.groups()
        a = a.strip() or n
        row(f'scaling ({unit}), {name.strip()}: n {a.strip()} / 8n {b.strip()}', f'{float(r):.1f}x', '<= 10x', verdict(float(r) <= 10))
    if not found:
        row(f'scaling ({unit})', 'not measured')
scaling(os.path.join(out, 'scaling.txt'), 'scaling', 'time')
scaling(os.path.join(out, 'scaling-instructions.txt'), 'instructions', 'instructions')

w1 = max(len(r[0]) for r in rows)
w2 = max(len(r[1]) for r in rows)
w3 = max(len(r[2]) for r in rows)
print(f'{"measure":<{w1}}  {"result":>{w2}}  {"target":<{w3}}  status')
print('-' * (w1 + w2 + w3 + 14))
for a, b, c, d in rows:
    print(f'{a:<{w1}}  {b:>{w2}}  {c:<{w3}}  {d}'.rstrip())
PY
