// Node tests of the package as a consumer imports it: every entry point behaves, bad
// arguments throw a NaplintError (never an untyped error or a trap), any text gets
// diagnostics, and the module keeps working after every failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as naplint from 'naplint';
import { validate, fix, rules, explain, schema, version, NaplintError } from 'naplint';
import { createApi } from '../lib/api.js';

const SEED_PATH = new URL('../../../seeds/2013-14/report.json', import.meta.url);
const SEED = readFileSync(SEED_PATH, 'utf8');
const SEED_CODES = validate(SEED).map((d) => d.code);
const KEYS = [
  'code', 'name', 'severity', 'message', 'pointer', 'line', 'column', 'end_line',
  'end_column', 'help', 'fix', 'column_utf16', 'end_column_utf16',
];

/** The module still gives the seed's findings (run after every failure). */
function stillWorks() {
  assert.deepEqual(validate(SEED).map((d) => d.code), SEED_CODES);
}

function throwsNaplint(fn, code, pattern) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof NaplintError, `expected a NaplintError, got ${e?.constructor?.name}: ${e}`);
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'NaplintError');
    assert.equal(e.code, code, e.message);
    if (pattern) assert.match(e.message, pattern);
    return true;
  });
  stillWorks();
}

const seedWith = (edit) => {
  const doc = JSON.parse(SEED);
  edit(doc);
  return doc;
};

test('the package exports exactly the documented API', () => {
  assert.deepEqual(
    Object.keys(naplint).sort(),
    [
      'NaplintError', 'createSession', 'default', 'explain', 'fix', 'formatDiagnostic', 'init', 'initDepartment',
      'pointerTokens', 'rules', 'schema', 'toJsonFormsErrors', 'toRjsfErrorSchema', 'validate',
      'validateSubmission', 'version',
    ],
  );
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  assert.equal(version(), pkg.version, 'crate and package versions agree');
});

test('validate on the seed gives its findings, each a complete Diagnostic', () => {
  const diagnostics = validate(SEED);
  for (const code of ['P007', 'P010', 'P011', 'P004', 'M003']) {
    assert.ok(SEED_CODES.includes(code), `seed lacks ${code}: ${SEED_CODES}`);
  }
  for (const d of diagnostics) {
    assert.deepEqual(Object.keys(d), KEYS);
    assert.match(d.code, /^[SPMR]\d{3}$/);
    assert.ok(['error', 'warning', 'info'].includes(d.severity));
    assert.ok(d.pointer === '' || d.pointer.startsWith('/'));
    for (const k of ['line', 'column', 'end_line', 'end_column', 'column_utf16', 'end_column_utf16']) {
      assert.ok(Number.isInteger(d[k]) && d[k] >= 1, `${k} = ${d[k]}`);
    }
  }
});

test('a wrong male count is R001 at recipients, with the arithmetic', () => {
  const doc = seedWith((r) => { r.statistics.trp.cumulative.male = 29; });
  const r001 = validate(doc).filter((d) => d.code === 'R001');
  assert.equal(r001.length, 1);
  assert.equal(r001[0].pointer, '/statistics/trp/cumulative/recipients');
  assert.match(r001[0].message, /^male 29 \(line \d+\) \+ female 68 .* off by 1$/);
  // Every figure of the sum, for forms to mark each field; after the core fields.
  const at = (f) => `/statistics/trp/cumulative/${f}`;
  assert.deepEqual(r001[0].related, ['male', 'female', 'minor_dependents', 'recipients'].map(at));
  assert.deepEqual(Object.keys(r001[0]), [...KEYS.slice(0, 11), 'related', ...KEYS.slice(11)]);
});

test('objects, text and bytes give the same diagnostics', () => {
  const doc = JSON.parse(SEED);
  const pretty = JSON.stringify(doc, null, 2);
  assert.deepEqual(validate(doc), validate(pretty));
  assert.deepEqual(validate(new TextEncoder().encode(SEED)), validate(SEED));
  assert.deepEqual(validate(new TextEncoder().encode(SEED).buffer), validate(SEED));
  // An object is always JSON, whatever format the options ask for.
  assert.deepEqual(validate(doc, { format: 'yaml' }), validate(pretty));
});

test('broken JSON and YAML are S003 with a position', () => {
  const json = validate('{\n  "format_version": "1",\n  "plan": {\n');
  assert.deepEqual(json.map((d) => d.code), ['S003']);
  assert.equal(json[0].line, 4);
  const yaml = validate('format_version: "1"\nplan: [a, b\n');
  assert.deepEqual(yaml.map((d) => d.code), ['S003']);
  const forced = validate('format_version: "1"\n', { format: 'json' });
  assert.deepEqual(forced.map((d) => d.code), ['S003']);
  for (const text of ['', ' ', '{', '}', ']', '\uFEFF', '\0', '"just a string"', 'null', '- a\n- b\n', ':']) {
    const d = validate(text);
    assert.ok(Array.isArray(d) && d.length > 0, `${JSON.stringify(text)} gave no diagnostic`);
  }
  stillWorks();
});

test('YAML documents are checked like JSON ones', () => {
  const yaml = `format_version: '1'\nplan:\n  id: ca-nap-cht\n  title: T\n  jurisdiction: CA\n  launched: 2012-06-06\n  coordinator: PS\n  extra_field: 1\n`;
  const d = validate(yaml);
  assert.ok(d.length > 0);
  const unknown = d.find((x) => x.pointer === '/plan/extra_field');
  assert.ok(unknown, JSON.stringify(d, null, 1));
  assert.equal(unknown.line, 8);
  assert.equal(unknown.column, 3);
});

test('invalid UTF-8 bytes and lone UTF-16 surrogates get diagnostics', () => {
  const bytes = new Uint8Array([...new TextEncoder().encode('{"format_version": "'), 0xff, 0xfe, 0x22, 0x7d]);
  const d = validate(bytes);
  assert.deepEqual(d.map((x) => x.code), ['S003']);
  assert.match(d[0].message, /invalid UTF-8 at byte 20/);
  // A lone surrogate cannot be encoded as UTF-8: the boundary replaces it (U+FFFD).
  for (const text of ['{"plan": "\uD800"}', '\uDFFF', `{"format_version": "1", "x": "a\uD83D"}`]) {
    assert.ok(validate(text).length > 0);
  }
  stillWorks();
});

test('UTF-16 columns count code units, for JavaScript editors', () => {
  const text = '{"format_version": "1", "x": "😀😀", "bad": 1}';
  const d = validate(text).find((x) => x.pointer === '/bad');
  assert.ok(d);
  assert.equal(d.column_utf16 - d.column, 2);
  // The UTF-16 column indexes the JavaScript string directly.
  assert.equal(text.slice(d.column_utf16 - 1, d.end_column_utf16 - 1), '"bad"');
});

test('wrong argument types throw NaplintError invalid-argument', () => {
  throwsNaplint(() => validate(undefined), 'invalid-argument', /not undefined/);
  throwsNaplint(() => validate(), 'invalid-argument');
  throwsNaplint(() => validate(() => 1), 'invalid-argument', /not function/);
  throwsNaplint(() => validate(Symbol('x')), 'invalid-argument', /not symbol/);
  throwsNaplint(() => validate({ big: 1n }), 'invalid-argument', /BigInt/);
  const cyclic = {};
  cyclic.self = cyclic;
  throwsNaplint(() => validate(cyclic), 'invalid-argument', /circular/);
  throwsNaplint(() => fix(new Uint8Array([0xff])), 'invalid-argument', /UTF-8/);
  throwsNaplint(() => explain(42), 'invalid-argument');
  // JSON values that are not reports are documents with findings, not errors.
  for (const value of [null, 42, true, 'x', [], [1, 2], {}]) {
    assert.ok(validate(value).length > 0, JSON.stringify(value));
  }
  stillWorks();
});

test('bad options throw NaplintError invalid-options with a clear message', () => {
  const cases = [
    ['yaml', /options must be an object, not string/],
    [[], /not an array/],
    [42, /not number/],
    [{ format: 'toml' }, /format must be "json" or "yaml"/],
    [{ formt: 'yaml' }, /unknown field `formt`/],
    [{ rules: { P999: 'off' } }, /unknown rule `P999`/],
    [{ rules: { P004: 'loud' } }, /unknown variant `loud`/],
    [{ tolerance: 2 }, /between 0 and 1/],
    [{ tolerance: 'x' }, /invalid type/],
    [{ tolerance: Number.NaN }, /`tolerance` must be a finite number, not NaN/],
    [{ select: ['Q'] }, /`Q` matches no rule/],
    [{ ignore: 'P004' }, /invalid type/],
    [{ config: { tolerence: 0.1 } }, /unknown field `tolerence`/],
    [{ config: 'naplint.toml' }, /invalid type/],
    [{ tolerance: 1n }, /cannot be serialised/],
    [{ lang: 'de' }, /unknown variant `de`/],
  ];
  for (const [options, pattern] of cases) {
    throwsNaplint(() => validate(SEED, options), 'invalid-options', pattern);
    throwsNaplint(() => fix(SEED, options), 'invalid-options', pattern);
    throwsNaplint(() => rules(options), 'invalid-options', pattern);
  }
});

test('options select, ignore and re-level rules', () => {
  const off = validate(SEED, { rules: { P004: 'off' } }).map((d) => d.code);
  assert.deepEqual(off, SEED_CODES.filter((c) => c !== 'P004'));
  assert.deepEqual(validate(SEED, { config: { rules: { 'missing-start': 'off' } } }).map((d) => d.code), off);
  const m = validate(SEED, { select: ['M'] });
  assert.ok(m.length > 0 && m.every((d) => d.code.startsWith('M')));
  const rest = validate(SEED, { ignore: ['P'], config: { ignore: ['M'] } });
  assert.ok(rest.every((d) => !/^[PM]/.test(d.code)));
  const info = validate(SEED, { rules: { P011: 'info' } }).filter((d) => d.code === 'P011');
  assert.ok(info.length > 0 && info.every((d) => d.severity === 'info'));
  // Tolerance: approximately 100 recipients against 102 passes at 5%, fails at 1%.
  const doc = seedWith((r) => { r.statistics.trp.cumulative.recipients = { value: 100, qualifier: 'approximately' }; });
  assert.equal(validate(doc).filter((d) => d.code === 'R001').length, 0);
  assert.equal(validate(doc, { tolerance: 0.01 }).filter((d) => d.code === 'R001').length, 1);
  assert.equal(validate(doc, { config: { tolerance: 0.01 } }).filter((d) => d.code === 'R001').length, 1);
  // null and undefined options are no options.
  assert.deepEqual(validate(SEED, null), validate(SEED, undefined));
});

test('user rules come through options; broken ones are invalid-options with details', () => {
  const rule = { code: 'U001', name: 'more-men', scope: '/statistics/trp/cumulative', check: 'male > female', message: 'fewer men than women' };
  for (const options of [{ rule: [rule] }, { config: { rule: [rule] } }]) {
    const u = validate(SEED, options).filter((d) => d.code === 'U001');
    assert.equal(u.length, 1);
    assert.equal(u[0].name, 'more-men');
    const info = rules(options).find((r) => r.code === 'U001');
    assert.equal(info.family, 'user');
  }
  assert.throws(
    () => validate(SEED, { rule: [{ ...rule, check: 'male +' }] }),
    (e) => e instanceof NaplintError && e.code === 'invalid-options' && /U001/.test(e.message)
      && e.details?.[0]?.code === 'U001' && e.details[0].line >= 1 && e.details[0].column >= 1,
  );
  throwsNaplint(() => validate(SEED, { config: { rule_files: ['x.toml'] } }), 'invalid-options', /rule_files/);
});

test('lang chooses the language of messages, help and docs', () => {
  const doc = seedWith((r) => { r.statistics.trp.cumulative.male = 29; });
  const en = validate(doc);
  const fr = validate(doc, { lang: 'fr' });
  assert.deepEqual(validate(doc, { config: { lang: 'fr' } }), fr);
  const where = (ds) => ds.map((d) => [d.code, d.pointer, d.line, d.column]);
  assert.deepEqual(where(fr), where(en));
  const r001 = (ds) => ds.find((d) => d.code === 'R001').message;
  assert.notEqual(r001(fr), r001(en));
  assert.notEqual(explain('R001', { lang: 'fr' }), explain('R001'));
  assert.notDeepEqual(rules({ lang: 'fr' }).map((r) => r.summary), rules().map((r) => r.summary));
});

test('fix applies machine-applicable fixes, idempotently, editing only the fixed spans', () => {
  const doc = seedWith((r) => { r.pillars[0].objectives[0].tasks[0].deliverables[0].start = '2012-13'; });
  const text = JSON.stringify(doc, null, 2);
  const p005 = validate(text).find((d) => d.code === 'P005');
  assert.ok(p005?.fix);
  assert.equal(p005.fix.value, '2012/13');
  assert.match(p005.fix.description, /2012\/13/);
  const fixed = fix(text);
  assert.equal(fixed, text.replace('"2012-13"', '"2012/13"'));
  assert.equal(fix(fixed), fixed);
  assert.ok(!validate(fixed).some((d) => d.code === 'P005'));
  assert.equal(fix(doc), fixed, 'an object is fixed as its pretty JSON');
  assert.equal(fix(text, { ignore: ['P005'] }), text);
  // YAML keeps its formatting and comments.
  const yaml = '# comment\nreport:\n  fiscal_year: 2013-14   # as printed\n';
  const fy = fix(yaml);
  assert.equal(fy, '# comment\nreport:\n  fiscal_year: 2013/14   # as printed\n');
  // Unfixable and broken text is returned unchanged.
  for (const t of ['', '{', 'a: [', SEED]) assert.equal(fix(t), t);
  stillWorks();
});

test('rules lists every rule with its level under the options', () => {
  const all = rules();
  assert.ok(all.length >= 35);
  assert.equal(new Set(all.map((r) => r.code)).size, all.length, 'codes are unique');
  assert.deepEqual([...new Set(all.map((r) => r.code[0]))].slice(0, 4), ['S', 'P', 'M', 'R'], 'family order');
  for (const r of all) {
    for (const key of ['code', 'name', 'title', 'family', 'severity', 'fixable', 'summary', 'docs', 'level']) {
      assert.ok(key in r, `${r.code} lacks ${key}`);
    }
    assert.equal(r.level, r.severity);
    assert.match(r.docs, /## What it checks/);
  }
  const configured = rules({ rules: { P016: 'error' }, ignore: ['R'] });
  assert.equal(configured.find((r) => r.code === 'P016').level, 'error');
  assert.ok(configured.filter((r) => r.code.startsWith('R')).every((r) => r.level === 'off'));
});

test('explain gives Markdown for a code or name, null for an unknown one', () => {
  const text = explain('R001');
  assert.match(text, /^# R001 `trp-breakdown`\n\nreconcile · default severity: error\n\n## What it checks/);
  assert.equal(explain('r001'), text);
  assert.equal(explain('trp-breakdown'), text);
  assert.equal(explain('R999'), null);
  assert.equal(explain(''), null);
  const user = { rule: [{ code: 'U001', scope: '/statistics/trp/cumulative', check: 'male > female' }] };
  assert.match(explain('U001', user), /^# U001 `u001`\n\nuser · default severity: error/);
  throwsNaplint(() => explain('R001', { select: ['Q'] }), 'invalid-options');
  // In French: the core's page in French, found by code, name or French title.
  const fr = explain('R001', { lang: 'fr' });
  assert.match(fr, /^# R001 `trp-breakdown` \(.+\)\n\nreconcile · gravité par défaut : erreur\n\n/);
  const title = rules({ lang: 'fr' }).find((r) => r.code === 'R001').title;
  assert.equal(explain(title, { lang: 'fr' }), fr);
  assert.equal(explain('trp-breakdown', { lang: 'fr' }), fr);
});

test('schema is the committed report schema', () => {
  const committed = JSON.parse(readFileSync(new URL('../../../schemas/report.schema.json', import.meta.url), 'utf8'));
  const s = schema();
  assert.deepEqual(s, committed);
  s.mutated = true;
  assert.equal(schema().mutated, undefined, 'each call returns a fresh copy');
});

test('huge and deeply nested input gets diagnostics, not a trap', () => {
  const deep = '['.repeat(200_000);
  assert.deepEqual(validate(deep).map((d) => d.code), ['S003']);
  const deepYaml = `a:\n${'- '.repeat(100_000)}x\n`;
  assert.ok(validate(deepYaml).length > 0);
  // About 8 MB: the seed's deliverables many times over, as one long array.
  const doc = JSON.parse(SEED);
  const task = doc.pillars[0].objectives[0].tasks[0];
  const many = [];
  for (let i = 0; i < 400; i++) many.push(...task.deliverables);
  task.deliverables = many;
  const big = JSON.stringify(doc, null, 2);
  assert.ok(big.length > 1_000_000);
  const t0 = performance.now();
  const d = validate(big);
  const ms = performance.now() - t0;
  assert.ok(d.length > 0 && d.length <= 1001, `${d.length} diagnostics`);
  console.log(`# ${(big.length / 1e6).toFixed(1)} MB document: ${d.length} diagnostics in ${ms.toFixed(0)} ms`);
  // A string of 64 MB of garbage.
  assert.deepEqual(validate('x'.repeat(64 * 1024 * 1024) + ': [').map((x) => x.code), ['S003']);
  stillWorks();
});

test('a trap inside the module surfaces as NaplintError internal', () => {
  const trapping = (...args) => {
    void args;
    throw new WebAssembly.RuntimeError('unreachable');
  };
  const api = createApi({
    validateText: trapping,
    validateBytes: trapping,
    fixText: trapping,
    rulesJson: trapping,
    explainJson: trapping,
    langJson: trapping,
    schemaText: trapping,
    version: trapping,
  });
  for (const call of [() => api.validate('{}'), () => api.fix('{}'), () => api.rules(), () => api.explain('P001'), () => api.schema(), () => api.version()]) {
    assert.throws(call, (e) => e instanceof NaplintError && e.code === 'internal' && e.cause instanceof WebAssembly.RuntimeError);
  }
});

test('speed: validate the seed (text and object)', () => {
  const doc = JSON.parse(SEED);
  const time = (fn, n) => {
    fn();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    return ((performance.now() - t0) / n) * 1000;
  };
  const text = time(() => validate(SEED), 50);
  const object = time(() => validate(doc), 50);
  const fixing = time(() => fix(SEED), 20);
  console.log(`# seed (${(SEED.length / 1024).toFixed(0)} KB): validate(text) ${text.toFixed(0)} µs, validate(object) ${object.toFixed(0)} µs, fix ${fixing.toFixed(0)} µs`);
  assert.ok(text > 0);
});
