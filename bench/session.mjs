// The cost of one keystroke in a live form: a naplint session edit (`session.set`, the
// demo form's path) against what a form would otherwise run per change, `JSON.parse` + a
// compiled ajv validator (draft 2020-12) of the same document, and against the whole
// `validate(text)` the demo ran before sessions. On the seed and on the 10x report of
// the benchmark corpus, in one Node process. A benchmark, not a test: it prints the two
// target rows of issue 12 and never fails on a missed target.
//
//   node bench/session.mjs [--corpus DIR] [--json] [--pkg DIR] [--pairs]
//
// --pairs adds the cycle's edits pair by pair (a value and back: male, status, start) and
// the title pair, each measured on its own: which keystroke costs what.
//
// DIR (default bench/corpus) must hold x1.json and x10.json (`python3 bench/gen_corpus.py`,
// which bench/run.sh runs first). The WASM package must be built (wasm/scripts/build.sh);
// ajv comes from bench/node_modules.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { measure } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const byPair = args.includes('--pairs');
const corpusAt = args.indexOf('--corpus');
const corpus = corpusAt >= 0 ? path.resolve(args[corpusAt + 1]) : path.join(here, 'corpus');
for (const f of ['x1.json', 'x10.json']) {
  if (!existsSync(path.join(corpus, f))) {
    console.error(`${path.join(corpus, f)} missing: run python3 bench/gen_corpus.py --out ${corpus}`);
    process.exit(2);
  }
}

// --pkg DIR (or NAPLINT_WASM_PKG) measures another build of the npm package (a copy with
// its own lib/ and dist/), to compare module builds in one run.
const pkgAt = args.indexOf('--pkg');
const pkg = pkgAt >= 0 ? path.resolve(args[pkgAt + 1]) : process.env.NAPLINT_WASM_PKG ? path.resolve(process.env.NAPLINT_WASM_PKG) : path.join(repo, 'wasm/npm');
const { validate, createSession } = await import(path.join(pkg, 'lib/node.js'));
const schema = JSON.parse(readFileSync(path.join(repo, 'schemas/report.schema.json'), 'utf8'));
// As bench/wasm.mjs: ajv's default strict mode (the schema has no format ajv does not
// know); allErrors as a form wants.
const ajv = new Ajv2020({ allErrors: true });
const ajvValidate = ajv.compile(schema);

/** The form's options: messages without line numbers. */
const OPTIONS = { format: 'json', lines: false };
const TRP = '/statistics/trp/cumulative';
const D0 = '/pillars/0/objectives/0/tasks/0/deliverables/0';

/**
 * The keystrokes measured, in a cycle that returns the document to where it started:
 * a figure mistyped and corrected (R001 appears and disappears), a status and a start
 * year changed and changed back.
 */
function edits(doc) {
  const d0 = doc.pillars[0].objectives[0].tasks[0].deliverables[0];
  return [
    [`${TRP}/male`, 29],
    [`${TRP}/male`, doc.statistics.trp.cumulative.male],
    [`${D0}/status`, 'complete'],
    [`${D0}/status`, d0.status],
    [`${D0}/start`, '2013-14'],
    [`${D0}/start`, d0.start],
  ];
}

/** Two values of the report's title, neither of which trips a rule. */
const TITLES = ['Annual Report on Progress', 'Annual Report on Progress 2'];

let sink = 0;
function run(name) {
  const text = readFileSync(path.join(corpus, name), 'utf8');
  const doc = JSON.parse(text);
  const cycle = edits(doc);
  const session = createSession(text, OPTIONS);
  // Sanity: the session agrees with a full check after a cycle step, so neither side is
  // measuring a shortcut.
  session.set(...cycle[0]);
  const agree = JSON.stringify(session.diagnostics()) === JSON.stringify(validate(session.text(), OPTIONS));
  session.set(...cycle[1]);
  const result = {
    file: name,
    bytes: Buffer.byteLength(text),
    diagnostics: session.diagnostics().length,
    session_agrees_with_validate: agree,
    session_edit: measure((i) => { sink += session.set(...cycle[i % cycle.length]).length; }),
    // A keystroke that changes no finding (typing in the report's title): the common case
    // in a form, where the module answers "unchanged".
    session_edit_quiet: measure((i) => { sink += session.set('/report/title', TITLES[i % TITLES.length]).length; }),
    json_parse_ajv: measure(() => { sink += ajvValidate(JSON.parse(text)) ? 1 : 0; }),
    validate_whole: measure(() => { sink += validate(text, OPTIONS).length; }, { batches: 15 }),
  };
  if (byPair) {
    const pairs = { male: cycle.slice(0, 2), status: cycle.slice(2, 4), start: cycle.slice(4, 6), title: TITLES.map((t) => ['/report/title', t]) };
    result.pairs = Object.fromEntries(Object.entries(pairs).map(([k, pair]) =>
      [k, measure((i) => { sink += session.set(...pair[i % 2]).length; })]));
  }
  session.free();
  return result;
}

const x1 = run('x1.json');
const x10 = run('x10.json');
if (sink < 0) console.log(sink);
const rows = {
  per_edit_seed_over_ajv: x1.session_edit.median_us / x1.json_parse_ajv.median_us,
  per_edit_x10_over_seed: x10.session_edit.median_us / x1.session_edit.median_us,
  cpu_per_edit_seed_over_ajv: x1.session_edit.cpu_median_us / x1.json_parse_ajv.cpu_median_us,
  cpu_per_edit_x10_over_seed: x10.session_edit.cpu_median_us / x1.session_edit.cpu_median_us,
};
const out = { x1, x10, ...rows };

if (asJson) {
  console.log(JSON.stringify(out));
} else {
  const f = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(0)} µs`);
  const g = (r) => `${f(r.median_us)}, ${f(r.min_us)}; cpu ${f(r.cpu_median_us)}`;
  for (const r of [x1, x10]) {
    console.log(`${r.file}: ${r.bytes} bytes, ${r.diagnostics} diagnostics; session agrees with validate: ${r.session_agrees_with_validate}`);
    console.log(`  session.set (median, min; cpu)     ${g(r.session_edit)}`);
    console.log(`  session.set, no finding changes    ${g(r.session_edit_quiet)}`);
    console.log(`  JSON.parse + ajv (median, min; cpu) ${g(r.json_parse_ajv)}`);
    console.log(`  whole validate(text)               ${g(r.validate_whole)}`);
    if (r.pairs) {
      console.log(`  per pair (median; cpu)             ${Object.entries(r.pairs).map(([k, m]) => `${k} ${f(m.median_us)}; cpu ${f(m.cpu_median_us)}`).join(' · ')}`);
    }
  }
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  console.log('| measure | result | target |');
  console.log('|---|---|---|');
  console.log(`| per edit on the seed / (JSON.parse + ajv) | ${rows.per_edit_seed_over_ajv.toFixed(2)}x (cpu ${rows.cpu_per_edit_seed_over_ajv.toFixed(2)}x) | <= 0.3x — ${verdict(rows.per_edit_seed_over_ajv <= 0.3)} |`);
  console.log(`| per edit on a 10x report / per edit on the seed | ${rows.per_edit_x10_over_seed.toFixed(2)}x (cpu ${rows.cpu_per_edit_x10_over_seed.toFixed(2)}x) | <= 2x — ${verdict(rows.per_edit_x10_over_seed <= 2)} |`);
}
