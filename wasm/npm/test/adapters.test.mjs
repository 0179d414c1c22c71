// The form-library adapters on real findings: rjsf's ErrorSchema nests by pointer (array
// items by index, escaped tokens unescaped, the root's own __errors), JSON Forms' errors
// are ajv-shaped with instancePath; both keep code and severity and place a finding
// beside each of its related figures unless told not to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validate, toRjsfErrorSchema, toJsonFormsErrors, formatDiagnostic, pointerTokens } from 'naplint';

const SEED = readFileSync(new URL('../../../seeds/2013-14/report.json', import.meta.url), 'utf8');
const TRP = '/statistics/trp/cumulative';

/** The seed with one male too many: R001 at recipients, related to all four figures. */
function wrongMale() {
  const doc = JSON.parse(SEED);
  doc.statistics.trp.cumulative.male += 1;
  return validate(doc);
}

test('pointerTokens unescapes RFC 6901 tokens', () => {
  assert.deepEqual(pointerTokens(''), []);
  assert.deepEqual(pointerTokens('/a~1b/c~0d/0'), ['a/b', 'c~d', '0']);
  assert.deepEqual(pointerTokens('/'), ['']);
});

test('toRjsfErrorSchema puts R001 under recipients and each related figure', () => {
  const diagnostics = wrongMale();
  const r001 = diagnostics.find((d) => d.code === 'R001');
  assert.ok(r001, 'the seed with a wrong male count trips R001');
  const schema = toRjsfErrorSchema(diagnostics);
  const trp = schema.statistics.trp.cumulative;
  for (const field of ['recipients', 'male', 'female', 'minor_dependents']) {
    assert.deepEqual(trp[field].__errors, [formatDiagnostic(r001)], field);
  }
  assert.match(trp.male.__errors[0], /^error R001: male 29 .* recipients is 102/);
  // Without related, only the finding's own pointer.
  const own = toRjsfErrorSchema([r001], { related: false }).statistics.trp.cumulative;
  assert.deepEqual(Object.keys(own), ['recipients']);
});

test('toRjsfErrorSchema nests array items by index and keeps every finding of a field', () => {
  const diagnostics = validate(SEED);
  const schema = toRjsfErrorSchema(diagnostics, { format: (d) => `${d.code}/${d.severity}` });
  const deliverables = schema.pillars[0].objectives[0].tasks[0].deliverables;
  assert.deepEqual(deliverables[6].__errors, ['P007/error']);
  assert.deepEqual(deliverables[6].start.__errors, ['P010/error']);
  assert.deepEqual(deliverables[4].start.__errors, ['P011/warning']);
  assert.deepEqual(schema.statistics.training[1].period.end.__errors, ['M003/warning']);
  // Every diagnostic is somewhere: count the texts.
  const count = (node) =>
    Object.entries(node).reduce((n, [k, v]) => n + (k === '__errors' ? v.length : count(v)), 0);
  assert.equal(count(schema), diagnostics.length);
});

test('toRjsfErrorSchema: the root, escaped keys and __proto__ as a field name', () => {
  const base = { code: 'S001', name: 'schema', severity: 'error', message: 'm', help: null, fix: null };
  const schema = toRjsfErrorSchema([
    { ...base, pointer: '' },
    { ...base, pointer: '/a~1b' },
    { ...base, pointer: '/__proto__/x' },
  ]);
  assert.deepEqual(schema.__errors, ['error S001: m']);
  assert.deepEqual(schema['a/b'].__errors, ['error S001: m']);
  assert.ok(Object.hasOwn(schema, '__proto__'));
  assert.deepEqual(schema['__proto__'].x.__errors, ['error S001: m']);
  assert.equal({}.x, undefined, 'Object.prototype is untouched');
});

test('toJsonFormsErrors gives ajv-shaped errors with instancePath, code and severity', () => {
  const diagnostics = wrongMale();
  const errors = toJsonFormsErrors(diagnostics);
  const r001 = errors.filter((e) => e.params.code === 'R001');
  assert.deepEqual(
    r001.map((e) => e.instancePath),
    [`${TRP}/recipients`, `${TRP}/male`, `${TRP}/female`, `${TRP}/minor_dependents`],
  );
  for (const e of r001) {
    assert.deepEqual(Object.keys(e), ['instancePath', 'schemaPath', 'keyword', 'params', 'message']);
    assert.equal(e.keyword, 'naplint');
    assert.equal(e.schemaPath, '#/naplint/R001');
    assert.equal(e.params.severity, 'error');
    assert.equal(e.params.name, 'trp-breakdown');
    assert.equal(e.params.pointer, `${TRP}/recipients`);
    assert.match(e.message, /off by 1/);
  }
  // One error per finding without related; the seed's own findings map one to one.
  const seed = validate(SEED);
  const plain = toJsonFormsErrors(seed, { related: false });
  assert.deepEqual(plain.map((e) => [e.instancePath, e.params.code, e.params.severity]),
    seed.map((d) => [d.pointer, d.code, d.severity]));
  const fixable = seed.find((d) => d.fix);
  if (fixable) assert.deepEqual(plain[seed.indexOf(fixable)].params.fix, fixable.fix);
});

test('adapters of no findings are empty', () => {
  assert.deepEqual(toRjsfErrorSchema([]), {});
  assert.deepEqual(toJsonFormsErrors([]), []);
});

test('base: a form of one part of the report gets that part\'s findings, relative to it', () => {
  const diagnostics = wrongMale();
  const part = toRjsfErrorSchema(diagnostics, { base: TRP });
  assert.deepEqual(Object.keys(part).sort(), ['female', 'male', 'minor_dependents', 'recipients']);
  assert.match(part.male.__errors[0], /R001/);
  const errors = toJsonFormsErrors(diagnostics, { base: TRP });
  assert.deepEqual(errors.map((e) => e.instancePath), ['/recipients', '/male', '/female', '/minor_dependents']);
  assert.equal(errors[0].params.pointer, `${TRP}/recipients`, 'params keep the full pointer');
  // A finding on the base itself lands on the form's root; a sibling prefix is not "under".
  const base = { code: 'X', name: 'x', severity: 'info', message: 'm', help: null, fix: null };
  assert.deepEqual(toRjsfErrorSchema([{ ...base, pointer: TRP }], { base: TRP }), { __errors: ['info X: m'] });
  assert.deepEqual(toRjsfErrorSchema([{ ...base, pointer: `${TRP}x/y` }], { base: TRP }), {});
});
