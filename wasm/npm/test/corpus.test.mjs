// The fuzz corpus through the WASM module (issue 6, "WASM never traps"): every file of
// fuzz/corpus/<target>/* (and the crash reproducers in fuzz/regressions/<target>/*, when
// there are any) goes through `validate` as a string read as JSON and as YAML, and as raw
// bytes read as JSON and as YAML, and through `fix` as a string in both formats; the
// rule-language corpus also goes in as a user rule's `check`. Every call must return
// diagnostics (or, for `fix`, a string) or throw a typed NaplintError — and since
// documents never throw, only a user rule may throw, and only `invalid-options`. A trap
// (`internal`) or anything else fails. After the whole corpus the module must still give
// the seed's exact findings.
//
// When fuzz/corpus is missing or empty, the fixtures and the seed are used instead, and
// the output says so. NAPLINT_FUZZ_CORPUS=<dir> runs another corpus (e.g. fuzz/corpus-full).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { validate, fix, NaplintError } from 'naplint';

const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const CORPUS = resolve(REPO, process.env.NAPLINT_FUZZ_CORPUS ?? join('fuzz', 'corpus'));
const REGRESSIONS = join(REPO, 'fuzz', 'regressions');
const FIXTURES = join(REPO, 'tests', 'fixtures');
const SEED_PATH = join(REPO, 'seeds', '2013-14', 'report.json');
const SEED = readFileSync(SEED_PATH, 'utf8');
/** The seed's findings before any corpus input. */
const SEED_FINDINGS = validate(SEED);
/** The core's cap of diagnostics per document, plus its "N more" summary. */
const MAX_DIAGNOSTICS = 1000 + 1;
const SEVERITIES = new Set(['error', 'warning', 'info']);

const isFile = (p) => statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
const isDir = (p) => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** `dir/<target>/<file>`, as `{ target, path }`, sorted; README files are not inputs. */
function targetFiles(dir) {
  if (!isDir(dir)) return [];
  const out = [];
  for (const target of readdirSync(dir).sort()) {
    const sub = join(dir, target);
    if (!isDir(sub)) continue;
    for (const name of readdirSync(sub).sort()) {
      const path = join(sub, name);
      if (isFile(path) && !/^README/i.test(name)) out.push({ target, path });
    }
  }
  return out;
}

/** Every fixture document under tests/fixtures (not the snapshots beside them). */
function fixtureFiles(dir) {
  if (!isDir(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (isDir(path)) out.push(...fixtureFiles(path));
    else if (/\.(json|ya?ml)$/.test(name) && !name.endsWith('.expected.json')) out.push(path);
  }
  return out;
}

const corpus = targetFiles(CORPUS);
const regressions = targetFiles(REGRESSIONS);
const fallback = corpus.length === 0;
const inputs = fallback
  ? [...fixtureFiles(FIXTURES), SEED_PATH].map((path) => ({ target: 'fixtures and seed', path }))
  : corpus;
inputs.push(...regressions.map(({ target, path }) => ({ target: `regressions/${target}`, path })));
const where = relative(REPO, CORPUS) || CORPUS;
const SOURCE_NOTE = fallback
  ? `${where} is missing or empty: running the ${inputs.length - regressions.length - 1} fixtures and the seed instead`
  : `${corpus.length} files of ${where}`;

/** What is wrong with one diagnostic, or null. */
function badField(d) {
  if (d === null || typeof d !== 'object') return `an element is ${d === null ? 'null' : typeof d}`;
  if (typeof d.code !== 'string' || !/^[A-Z]+\d{3}$/.test(d.code)) return 'code';
  if (typeof d.name !== 'string') return 'name';
  if (!SEVERITIES.has(d.severity)) return 'severity';
  if (typeof d.message !== 'string' || d.message === '') return 'message';
  if (typeof d.pointer !== 'string' || (d.pointer !== '' && !d.pointer.startsWith('/'))) return 'pointer';
  for (const k of ['line', 'column', 'end_line', 'end_column', 'column_utf16', 'end_column_utf16']) {
    if (!Number.isInteger(d[k]) || d[k] < 1) return k;
  }
  if (d.help !== null && typeof d.help !== 'string') return 'help';
  if (d.fix !== null && (typeof d.fix !== 'object' || typeof d.fix.pointer !== 'string')) return 'fix';
  if ('related' in d && !(Array.isArray(d.related) && d.related.every((p) => typeof p === 'string'))) return 'related';
  return null;
}

/** Why `value` is not a list of diagnostics, or null when it is one. */
function notDiagnostics(value) {
  if (!Array.isArray(value)) return `returned ${typeof value}, not an array`;
  if (value.length > MAX_DIAGNOSTICS) return `${value.length} diagnostics, over the cap`;
  for (const d of value) {
    const bad = badField(d);
    if (bad) return `bad ${bad} in ${JSON.stringify(d)?.slice(0, 300)}`;
  }
  return null;
}

/**
 * Runs `call` and says what went wrong, or null. `allowed` are the NaplintError codes
 * that are a correct answer here (none for documents: they never throw).
 */
function outcome(call, check, allowed = [], counts = {}) {
  let value;
  try {
    value = call();
  } catch (e) {
    if (e instanceof NaplintError) {
      if (!allowed.includes(e.code)) return `threw NaplintError ${e.code}: ${e.message}`;
      counts[e.code] = (counts[e.code] ?? 0) + 1;
      return null;
    }
    return `threw a non-NaplintError ${e?.constructor?.name}: ${e?.message ?? e}`;
  }
  return check(value);
}

const isText = (v) => (typeof v === 'string' ? null : `fix returned ${typeof v}, not a string`);

/** Every call made for one input, by name. */
function callsFor(target, bytes) {
  const text = bytes.toString('utf8');
  const view = new Uint8Array(bytes);
  const calls = [];
  for (const format of ['json', 'yaml']) {
    calls.push([`validate(string, ${format})`, () => validate(text, { format }), notDiagnostics]);
    calls.push([`validate(bytes, ${format})`, () => validate(view, { format }), notDiagnostics]);
    calls.push([`fix(string, ${format})`, () => fix(text, { format }), isText]);
  }
  if (target.endsWith('rule_lang')) {
    const rule = [{ code: 'U001', scope: '/statistics/trp/cumulative', check: text }];
    calls.push(['validate(seed, rule check)', () => validate(SEED, { rule }), notDiagnostics, ['invalid-options']]);
  }
  return calls;
}

test('the corpus to run', (t) => {
  t.diagnostic(SOURCE_NOTE);
  if (regressions.length) t.diagnostic(`plus ${regressions.length} crash reproducers of fuzz/regressions`);
  assert.ok(inputs.length > 0, 'no input at all: not even the fixtures and the seed');
});

const byTarget = new Map();
for (const input of inputs) {
  if (!byTarget.has(input.target)) byTarget.set(input.target, []);
  byTarget.get(input.target).push(input);
}
for (const [target, files] of byTarget) {
  test(`corpus ${target}: ${files.length} inputs give diagnostics or a typed NaplintError`, (t) => {
    const failures = [];
    const slowest = [];
    let calls = 0;
    let vanished = 0;
    const typed = {};
    for (const { path } of files) {
      const name = relative(REPO, path);
      let bytes;
      try {
        bytes = readFileSync(path);
      } catch (e) {
        // A fuzzer minimising the corpus while this runs removes files: not a failure.
        if (e.code !== 'ENOENT') throw e;
        vanished += 1;
        continue;
      }
      const started = performance.now();
      for (const [label, call, check, allowed] of callsFor(target, bytes)) {
        calls += 1;
        const problem = outcome(call, check, allowed, typed);
        if (problem) failures.push(`${name} (${bytes.length} bytes), ${label}: ${problem}`);
      }
      slowest.push([performance.now() - started, name, bytes.length]);
      slowest.sort((a, b) => b[0] - a[0]).splice(3);
    }
    for (const [code, n] of Object.entries(typed)) t.diagnostic(`${n} calls threw NaplintError ${code} (allowed there)`);
    if (vanished) t.diagnostic(`${vanished} files disappeared while the test ran (a fuzzer at work?)`);
    t.diagnostic(`${files.length - vanished} inputs, ${calls} calls; slowest: ${slowest
      .map(([ms, name, size]) => `${name} (${size} bytes) ${ms.toFixed(0)} ms`)
      .join(', ')}`);
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures (first 20 shown)`);
  });
}

test("after the whole corpus the module still gives the seed's exact findings", () => {
  assert.ok(SEED_FINDINGS.length > 0);
  assert.deepStrictEqual(validate(SEED), SEED_FINDINGS);
  assert.deepStrictEqual(validate(new Uint8Array(readFileSync(SEED_PATH))), SEED_FINDINGS);
  assert.deepStrictEqual(validate(JSON.parse(SEED)).map((d) => d.code), SEED_FINDINGS.map((d) => d.code));
});
