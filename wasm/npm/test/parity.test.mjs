// Parity: every fixture under tests/fixtures and the seed give identical diagnostics
// through the native CLI (`naplint check --format json`, minus `file`) and through the
// WASM package's `validate` — every field, `related` included. Also `naplint rules
// --json` and `naplint explain CODE [--lang fr]`.
//
// The CLI is target/debug/naplint (build it with `cargo build -p naplint-cli`), or the
// binary named by NAPLINT_CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseToml } from 'smol-toml';
import { validate, validateSubmission, rules, explain } from 'naplint';

const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const CLI = process.env.NAPLINT_CLI ?? join(REPO, 'target', 'debug', 'naplint');
const FIXTURES = join(REPO, 'tests', 'fixtures');
const SEED = join(REPO, 'seeds', '2013-14', 'report.json');

assert.ok(existsSync(CLI), `${CLI} is missing: run \`cargo build -p naplint-cli\` first`);

/** Submission sets (a directory with a base and submissions), compared on their own below. */
const sets = [];
const isSet = (dir) => readdirSync(dir).some((n) => /^base\.(json|ya?ml)$/.test(n));

/** Every fixture document (not the `.expected.json` snapshots beside them). */
function fixtures(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory() && isSet(path)) sets.push(path);
    else if (statSync(path).isDirectory()) out.push(...fixtures(path));
    else if (/\.(json|ya?ml)$/.test(name) && !name.endsWith('.expected.json')) out.push(path);
  }
  return out;
}

/** The nearest naplint.toml above a file, as the CLI finds it. */
function configFor(file) {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const candidate = join(dir, 'naplint.toml');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/** Where `rules` and `explain` run: no naplint.toml above it, so the defaults apply. */
const NEUTRAL = mkdtempSync(join(tmpdir(), 'naplint-parity-'));
process.on('exit', () => rmSync(NEUTRAL, { recursive: true, force: true }));

/**
 * A naplint.toml as WASM options: the module has no file access, so the rules of its
 * `rule_files` (relative to the file) are read here and inlined into `rule`.
 */
function configOptions(path) {
  const config = parseToml(readFileSync(path, 'utf8'));
  const files = config.rule_files ?? [];
  delete config.rule_files;
  for (const file of files) {
    const extra = parseToml(readFileSync(resolve(dirname(path), file), 'utf8'));
    config.rule = [...(config.rule ?? []), ...(extra.rule ?? [])];
  }
  return config;
}

/** The CLI's environment: no NAPLINT_LANG, so that only `--lang` and naplint.toml decide. */
const CLI_ENV = { ...process.env };
delete CLI_ENV.NAPLINT_LANG;

function runCli(args, cwd = REPO) {
  try {
    return execFileSync(CLI, args, { cwd, env: CLI_ENV, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    // Exit 1 means "errors found"; its output is still the answer.
    if (e.status === 1 && typeof e.stdout === 'string') return e.stdout;
    throw new Error(`${CLI} ${args.join(' ')} exited ${e.status}: ${e.stderr}`);
  }
}

const files = [...fixtures(FIXTURES), SEED];
const fixtureCount = files.length - 1;

// One CLI run for all files; group its diagnostics by file.
const cliByFile = new Map(files.map((f) => [f, []]));
for (const d of JSON.parse(runCli(['check', '--format', 'json', '--color', 'never', ...files]))) {
  const file = resolve(REPO, d.file);
  assert.ok(cliByFile.has(file), `the CLI reported an unexpected file ${d.file}`);
  cliByFile.get(file).push(d);
}

test('there are fixtures to compare', () => {
  console.log(`# ${fixtureCount} fixture files and the seed`);
  assert.ok(files.includes(SEED));
});

/** Diagnostics with `related` pointers, as each side reported them. */
const withRelated = { cli: 0, wasm: 0 };

for (const file of files) {
  test(`parity: ${relative(REPO, file)}`, () => {
    const config = configFor(file);
    const options = { format: /\.ya?ml$/.test(file) ? 'yaml' : 'json' };
    if (config) options.config = configOptions(config);
    // Bytes, as the CLI reads them (an invalid-UTF-8 fixture must give the same S003).
    const wasm = validate(new Uint8Array(readFileSync(file)), options).map(
      ({ column_utf16: _a, end_column_utf16: _b, ...rest }) => rest,
    );
    const cli = cliByFile.get(file).map(({ file: _f, ...rest }) => rest);
    withRelated.cli += cli.filter((d) => 'related' in d).length;
    withRelated.wasm += wasm.filter((d) => 'related' in d).length;
    assert.deepStrictEqual(wasm, cli);
  });
}

// Department submissions: `naplint check DIR` against `validateSubmission(file, base,
// { others })` for every submission of every set fixture — the same findings in the
// same file. A001 and A005 name the other file, by path in the CLI and as `others[i]` in
// WASM, so their `help` and `related` are left out; A004 is in the base, which a form
// does not check.
for (const dir of sets) {
  test(`parity: submission set ${relative(REPO, dir)}`, () => {
    const names = readdirSync(dir).filter((n) => /\.(json|ya?ml)$/.test(n)).sort();
    const paths = names.map((n) => join(dir, n));
    const cli = JSON.parse(runCli(['check', '--format', 'json', '--color', 'never', dir]));
    const base = paths.find((p) => /\/base\.(json|ya?ml)$/.test(p));
    const text = (p) => readFileSync(p, 'utf8');
    const comparable = ({ file: _f, column_utf16: _a, end_column_utf16: _b, ...d }) => {
      if (d.code === 'A001' || d.code === 'A005') {
        delete d.help;
        delete d.related;
      }
      return d;
    };
    let compared = 0;
    for (const path of paths.filter((p) => p !== base)) {
      const others = paths.filter((p) => p !== base && p !== path).map(text);
      const wasm = validateSubmission(text(path), text(base), { others }).map(comparable);
      const mine = cli.filter((d) => resolve(REPO, d.file) === path).map(comparable);
      assert.deepStrictEqual(wasm, mine, relative(REPO, path));
      compared += 1;
    }
    assert.ok(compared > 0);
  });
}

test('parity covers `related`: some fixture findings carry it, on both sides', () => {
  console.log(`# ${withRelated.cli} CLI and ${withRelated.wasm} WASM diagnostics with related pointers`);
  assert.ok(withRelated.cli > 0, 'no fixture gives a finding with related pointers');
  assert.equal(withRelated.wasm, withRelated.cli);
});

test('parity: R001 on the seed with a wrong male count relates every figure of the sum', () => {
  const dir = mkdtempSync(join(NEUTRAL, 'r001-'));
  const report = join(dir, 'report.json');
  const seed = JSON.parse(readFileSync(SEED, 'utf8'));
  seed.statistics.trp.cumulative.male = 29;
  writeFileSync(report, `${JSON.stringify(seed, null, 2)}\n`);
  for (const lang of ['en', 'fr']) {
    const cli = JSON.parse(runCli(['check', '--format', 'json', '--color', 'never', '--lang', lang, report]))
      .map(({ file: _f, ...rest }) => rest);
    const wasm = validate(readFileSync(report, 'utf8'), { lang })
      .map(({ column_utf16: _a, end_column_utf16: _b, ...rest }) => rest);
    assert.deepStrictEqual(wasm, cli);
    const r001 = wasm.find((d) => d.code === 'R001');
    const at = (f) => `/statistics/trp/cumulative/${f}`;
    assert.equal(r001?.pointer, at('recipients'));
    assert.deepEqual(r001.related, ['male', 'female', 'minor_dependents', 'recipients'].map(at));
  }
});

test('parity: the seed under a naplint.toml (French, re-levelled rules, a user rule)', () => {
  const dir = mkdtempSync(join(NEUTRAL, 'configured-'));
  const report = join(dir, 'report.json');
  writeFileSync(report, readFileSync(SEED));
  writeFileSync(join(dir, 'naplint.toml'), [
    'lang = "fr"',
    'tolerance = 0.1',
    'ignore = ["P004"]',
    '',
    '[rules]',
    'P011 = "info"',
    '',
    '[[rule]]',
    'code = "U001"',
    'scope = "/statistics/trp/cumulative"',
    'check = "male > female"',
    'severity = "warning"',
    '',
  ].join('\n'));
  const cli = JSON.parse(runCli(['check', '--format', 'json', '--color', 'never', report])).map(({ file: _f, ...rest }) => rest);
  const wasm = validate(readFileSync(report, 'utf8'), { format: 'json', config: configOptions(join(dir, 'naplint.toml')) })
    .map(({ column_utf16: _a, end_column_utf16: _b, ...rest }) => rest);
  assert.deepStrictEqual(wasm, cli);
  const codes = new Set(cli.map((d) => d.code));
  assert.ok(codes.has('U001') && !codes.has('P004') && cli.some((d) => d.code === 'P011' && d.severity === 'info'), [...codes].join());
});

test('parity: rules', () => {
  assert.equal(configFor(join(NEUTRAL, 'x')), null, 'no naplint.toml above the temporary directory');
  const cli = JSON.parse(runCli(['rules', '--json'], NEUTRAL));
  assert.deepStrictEqual(rules().map(({ level: _l, ...rest }) => rest), cli);
});

test('parity: explain for every rule', () => {
  for (const rule of rules()) {
    assert.equal(explain(rule.code), runCli(['explain', rule.code], NEUTRAL), rule.code);
  }
});

test('parity: explain --lang fr for every rule, by code and by French title', () => {
  for (const rule of rules({ lang: 'fr' })) {
    const cli = runCli(['explain', rule.code, '--lang', 'fr'], NEUTRAL);
    assert.equal(explain(rule.code, { lang: 'fr' }), cli, rule.code);
    assert.equal(explain(rule.title, { lang: 'fr' }), runCli(['explain', rule.title, '--lang', 'fr'], NEUTRAL), rule.title);
  }
  assert.match(explain('P005', { lang: 'fr' }), /gravité par défaut : erreur · corrigeable/);
});
