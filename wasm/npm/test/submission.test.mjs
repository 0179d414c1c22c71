// validateSubmission through the package: one department's submission against the base,
// its findings located in its own text, A001 once a co-lead's conflicting submission is
// loaded, French messages, and bad arguments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateSubmission, NaplintError } from 'naplint';

const fixture = (path) =>
  readFileSync(new URL(`../../../tests/fixtures/${path}`, import.meta.url), 'utf8');
const BASE = fixture('A001/pass/base.yaml');
const PS = fixture('A001/pass/ps.yaml');
const JUS_AGREES = fixture('A001/pass/jus.yaml');
const JUS_DISAGREES = fixture('A001/fail/jus.yaml');

test('a valid submission has no finding, alone or with its co-lead', () => {
  assert.deepEqual(validateSubmission(PS, BASE), []);
  assert.deepEqual(validateSubmission(PS, BASE, { others: [JUS_AGREES] }), []);
});

test('A001 appears once the co-lead\'s conflicting submission is loaded', () => {
  assert.deepEqual(validateSubmission(PS, BASE, { others: [] }), []);
  const found = validateSubmission(PS, BASE, { others: [JUS_DISAGREES] });
  assert.equal(found.length, 1, JSON.stringify(found));
  const [d] = found;
  assert.equal(d.code, 'A001');
  assert.equal(d.pointer, '/deliverables/0/status');
  assert.equal(d.line, 6);
  assert.equal(PS.split('\n')[d.line - 1].slice(d.column_utf16 - 1, d.end_column_utf16 - 1), 'ongoing');
  assert.deepEqual(d.related, ['others[0]#/deliverables/0/status']);
  assert.match(d.message, /`PS` submits `ongoing` for `status` of deliverable `1\.11\.1`, but `JUS` submits `complete`/);
});

test('findings of the assembled report land in the submission, with fixes; values work too', () => {
  const doc = {
    kind: 'submission',
    department: 'PS',
    plan: 'ca-nap-cht',
    fiscal_year: '2013/14',
    deliverables: [{ id: '1.11.1', start: '2012/13', status: 'Completed' }],
  };
  const [d, ...rest] = validateSubmission(doc, BASE);
  assert.deepEqual(rest, []);
  assert.equal(d.code, 'P006');
  assert.equal(d.pointer, '/deliverables/0/status');
  assert.equal(d.fix.value, 'complete');
  const lines = JSON.stringify(doc, null, 2).split('\n');
  assert.equal(d.line, lines.findIndex((l) => l.includes('"Completed"')) + 1);
});

test('messages in French; a base that is not one and bad options throw', () => {
  const wrong = PS.replace('fiscal_year: 2013/14', 'fiscal_year: 2012/13');
  const [d] = validateSubmission(wrong, BASE, { lang: 'fr' });
  assert.equal(d.code, 'A006');
  assert.match(d.message, /^la soumission porte sur l'exercice `2012\/13`/);
  const code = (fn) => {
    try {
      fn();
    } catch (e) {
      assert.ok(e instanceof NaplintError, String(e));
      return e.code;
    }
    return 'no error';
  };
  assert.equal(code(() => validateSubmission(PS, PS)), 'invalid-argument');
  assert.equal(code(() => validateSubmission(PS, BASE, { others: 'x' })), 'invalid-options');
  assert.equal(code(() => validateSubmission(PS, BASE, { bogus: 1 })), 'invalid-options');
  assert.equal(code(() => validateSubmission(undefined, BASE)), 'invalid-argument');
});

test('a truncated submission is S003, never a trap', () => {
  const found = validateSubmission(PS.slice(0, 40) + '\n  - {', BASE);
  assert.ok(found.length > 0 && found.every((d) => d.code.startsWith('S')), JSON.stringify(found));
});
