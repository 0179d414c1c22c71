// What a session edit returns across the boundary: the wrapper keeps the diagnostics it
// parsed and hands each caller a copy, so what a caller does to a reply never reaches
// the next one; the module answers an edit with a delta of its last reply (runs of the
// diagnostics kept, the others in full: `wasm/src/session.rs`); and the replies stay
// exactly `validate`'s diagnostics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validate, createSession } from 'naplint';
// The raw wasm-bindgen class the wrapper drives (the same module instance, initialised by
// the import above), to see what crosses the boundary.
import { Session as RawSession } from '../dist/naplint_wasm.js';

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

/** What a raw reply is: "unchanged", or a delta's kept and sent counts. */
function shapeOf(out) {
  if (out === 'unchanged') return { unchanged: true, kept: 0, sent: 0 };
  const { keep, ok } = JSON.parse(out);
  assert.ok(Array.isArray(keep) && Array.isArray(ok), out);
  let kept = 0;
  let end = 0;
  for (const run of keep) {
    assert.equal(run.length, 3, out);
    const [at, from, to] = run;
    assert.ok(at >= end && from < to, `a bad run: ${out}`);
    end = at + to - from;
    kept += to - from;
  }
  for (const d of ok) assert.equal(typeof d.code, 'string', out);
  return { unchanged: false, kept, sent: ok.length };
}

test('delta replies through inserts, removals, line-shifting edits and nothing kept', () => {
  const doc = JSON.parse(SEED);
  const raw = new RawSession(SEED, JSON.stringify(OPTIONS));
  const s = createSession(SEED, OPTIONS);
  const TASK = '/pillars/0/objectives/0/tasks/0/deliverables';
  const n = doc.pillars[0].objectives[0].tasks[0].deliverables.length;
  const countries = doc.statistics.trp.cumulative.top_countries_of_birth.length;
  const deliverable = { id: '1.11.99', text: 'A new deliverable', start: '2012/13', status: 'ongoing', leads: ['PS'] };
  // [op, pointer, value, what the reply must be]
  const edits = [
    ['set', `${TRP}/male`, 29, 'insert'], // R001 appears among the seed's findings
    ['set', `${D0}/start`, '2013-14', 'insert'], // P005, at the first deliverable
    ['set', `${D0}/start`, '2013-14', 'unchanged'],
    ['set', `${TRP}/male`, 28, 'remove'], // R001 goes: only kept runs
    ['set', `${D0}/status`, 'finished', 'insert'],
    ['set', `${TASK}/${n}`, deliverable, 'shift'], // lines of its own: later findings move
    ['set', `${TASK}/${n}/status`, 'finished', 'insert'],
    ['remove', `${TASK}/${n}`, undefined, 'shift'],
    ['set', `${TRP}/top_countries_of_birth/${countries}`, { country: 'zz', count: 'many' }, 'shift'],
    ['remove', `${TRP}/top_countries_of_birth/${countries}`, undefined, 'shift'],
    ['set', '/report/edition_note', 'draft', 'none kept'], // the model stops: 3 findings, all new
    ['remove', '/report/edition_note', undefined, 'none kept'],
    ['set', '', JSON.parse(SEED), 'none kept'], // the whole document re-written: every line moves
    ['set', `${TRP}/male`, 29, 'insert'], // deltas go on from the re-written text
    ['remove', `${TRP}/male`, undefined, 'remove'], // R001 cannot be worked out: it goes
  ];
  const seen = new Set();
  try {
    for (const [op, pointer, value, expect] of edits) {
      const out = op === 'remove' ? raw.remove(pointer) : raw.set(pointer, JSON.stringify(value));
      const got = op === 'remove' ? s.remove(pointer) : s.set(pointer, value);
      const where = `${op} ${pointer}: ${out.slice(0, 300)}`;
      assert.equal(raw.text(), JSON.stringify({ ok: s.text() }), `${where}: the two sessions differ`);
      const expected = validate(s.text(), OPTIONS);
      assert.deepEqual(got, expected, where);
      assert.deepEqual(s.diagnostics(), expected, where);
      const shape = shapeOf(out);
      if (!shape.unchanged) assert.equal(shape.kept + shape.sent, expected.length, where);
      const is = {
        unchanged: shape.unchanged,
        insert: shape.kept > 0 && shape.sent > 0 && shape.sent <= 2,
        remove: shape.kept > 0 && shape.sent === 0,
        shift: shape.kept > 0 && shape.sent > 0,
        'none kept': !shape.unchanged && shape.kept === 0 && shape.sent === expected.length && expected.length > 0,
      }[expect];
      assert.ok(is, `${where}: expected ${expect}, got ${JSON.stringify(shape)}`);
      seen.add(expect);
    }
  } finally {
    raw.free();
    s.free();
  }
  assert.equal(seen.size, 5);
});

test('values a form types are written as JSON.stringify writes them; others are refused', () => {
  const s = createSession(SEED, OPTIONS);
  const at = '/report/title';
  const read = () => JSON.parse(s.text()).report.title;
  try {
    for (const value of ['', 'a "quoted"\nline \u2028 é', 0, -0, 2.5, 1e21, -7, true, false, null,
      [1, 'x', null], { value: 70, qualifier: 'approximately' }]) {
      s.set(at, value);
      assert.deepEqual(read(), JSON.parse(JSON.stringify(value)), JSON.stringify(value));
      assert.deepEqual(s.diagnostics(), validate(s.text(), OPTIONS));
    }
    for (const bad of [NaN, -Infinity, { value: NaN }, [Infinity], undefined, () => 1, Symbol('x'), 10n]) {
      assert.throws(() => s.set(at, bad), (e) => e.name === 'NaplintError' && e.code === 'invalid-argument', String(bad));
    }
    assert.throws(() => s.set(7, 1), (e) => e.code === 'invalid-argument');
  } finally {
    s.free();
  }
});
