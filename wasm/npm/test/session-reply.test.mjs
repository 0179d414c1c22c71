// What a session edit returns across the boundary: the wrapper keeps the diagnostics it
// parsed and hands each caller a copy, so what a caller does to a reply never reaches
// the next one; and the replies stay exactly `validate`'s diagnostics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validate, createSession } from 'naplint';

const SEED = readFileSync(new URL('../../../seeds/2013-14/report.json', import.meta.url), 'utf8');
const TRP = '/statistics/trp/cumulative';
const D0 = '/pillars/0/objectives/0/tasks/0/deliverables/0';
const OPTIONS = { lines: false };

/** Every object or array reachable from `v`, with where it is. */
function objectsOf(v, at = '', out = []) {
  if (v !== null && typeof v === 'object') {
    out.push([at, v]);
    for (const [k, x] of Object.entries(v)) objectsOf(x, `${at}/${k}`, out);
  }
  return out;
}

/** Changes everything a caller can change in a list of diagnostics. */
function vandalise(list) {
  for (const d of list) {
    d.code = 'X999';
    d.line = -1;
    if (d.fix) {
      d.fix.description = 'vandalised';
      d.fix.value = { vandalised: true };
    }
    if (d.related) d.related.push('/vandalised');
    d.extra = 1;
  }
  list.reverse();
  list.push({ code: 'X000' });
}

test('a reply shares no object with the next reply or with diagnostics()', () => {
  const s = createSession(SEED, OPTIONS);
  try {
    // A start year in the wrong form (P005, with a fix) and a mistyped figure (R001, with
    // related pointers): nested values of both kinds.
    s.set(`${D0}/start`, '2013-14');
    const a = s.set(`${TRP}/male`, 29);
    assert.ok(a.some((d) => d.fix), 'a diagnostic with a fix');
    assert.ok(a.some((d) => d.related), 'a diagnostic with related pointers');
    for (const b of [s.diagnostics(), s.set('/report/title', 'Another title')]) {
      assert.notEqual(a, b);
      assert.deepEqual(a, b);
      const seen = new Set(objectsOf(a).map(([, o]) => o));
      for (const [at, o] of objectsOf(b)) assert.ok(!seen.has(o), `${at} is shared between two replies`);
    }
  } finally {
    s.free();
  }
});

test('a caller changing a reply changes neither the next reply nor diagnostics()', () => {
  const s = createSession(SEED, OPTIONS);
  try {
    const edits = [
      [`${D0}/start`, '2013-14'], // a finding appears: the reply is parsed
      [`${TRP}/male`, 29], // another one
      ['/report/title', 'Another title'], // unchanged: the reply is the kept list
      ['/report/title', 'Yet another title'],
      [`${TRP}/male`, 28], // a finding goes
    ];
    for (const [pointer, value] of edits) {
      const reply = s.set(pointer, value);
      const expected = validate(s.text(), OPTIONS);
      assert.deepEqual(reply, expected, pointer);
      vandalise(reply);
      assert.deepEqual(s.diagnostics(), expected, `${pointer}: diagnostics() after the reply was changed`);
      vandalise(s.diagnostics());
      assert.deepEqual(s.diagnostics(), expected, `${pointer}: diagnostics() after diagnostics() was changed`);
    }
    // The next edit that changes nothing answers from the kept list, intact.
    const again = s.set('/report/title', 'Another title');
    assert.deepEqual(again, validate(s.text(), OPTIONS));
  } finally {
    s.free();
  }
});
