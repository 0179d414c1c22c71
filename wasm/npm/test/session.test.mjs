// Sessions through the package: the API, refused edits, and the parity property — after
// every one of well over 1,000 random edits (statuses, years, leads, figures, removals,
// invalid values, refused edits) driven by a seeded PRNG, `session.diagnostics()` equals
// `validate(session.text(), sameOptions)` exactly, and the text parses to the document
// the edits describe. A failure prints the seed and the step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validate, createSession, NaplintError } from 'naplint';

const SEED = readFileSync(new URL('../../../seeds/2013-14/report.json', import.meta.url), 'utf8');
const SEED_YAML = readFileSync(new URL('../../../seeds/2013-14/report.yaml', import.meta.url), 'utf8');
const STEPS = Number(process.env.NAPLINT_SESSION_STEPS ?? 1000);
const TRP = '/statistics/trp/cumulative';
const D0 = '/pillars/0/objectives/0/tasks/0/deliverables/0';

function throwsEdit(fn, kind) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof NaplintError, `expected a NaplintError, got ${e}`);
    assert.equal(e.code, 'invalid-edit', e.message);
    assert.equal(e.kind, kind, e.message);
    return true;
  });
}

test('a session gives validate\'s diagnostics before and after an edit', () => {
  const s = createSession(SEED);
  try {
    assert.deepEqual(s.diagnostics(), validate(SEED));
    const after = s.set(`${D0}/status`, 'finished');
    assert.ok(after.some((d) => d.code === 'P006' && d.pointer === `${D0}/status`));
    assert.deepEqual(after, validate(s.text()));
    assert.deepEqual(s.diagnostics(), after);
    const removed = s.remove(`${D0}/status`);
    assert.ok(removed.some((d) => d.code === 'P007'));
    assert.deepEqual(removed, validate(s.text()));
    // The rest of the text is the seed's, byte for byte.
    const doc = JSON.parse(SEED);
    delete doc.pillars[0].objectives[0].tasks[0].deliverables[0].status;
    assert.deepEqual(JSON.parse(s.text()), doc);
    assert.ok(s.text().length < SEED.length);
  } finally {
    s.free();
  }
});

test('objects, options and YAML: the session checks what validate checks', () => {
  const doc = JSON.parse(SEED);
  const options = { lang: 'fr', rules: { P004: 'off' }, tolerance: 0.1 };
  const s = createSession(doc, options);
  assert.equal(s.text(), JSON.stringify(doc, null, 2));
  s.set(`${TRP}/male`, 29);
  const r001 = s.diagnostics().filter((d) => d.code === 'R001');
  assert.equal(r001.length, 1);
  assert.match(r001[0].message, /mais/);
  assert.deepEqual(s.diagnostics(), validate(s.text(), { ...options, format: 'json' }));
  assert.ok(!s.diagnostics().some((d) => d.code === 'P004'));
  s.free();

  const y = createSession(SEED_YAML, { format: 'yaml' });
  y.set(`${D0}/start`, '2013-14');
  assert.deepEqual(y.diagnostics(), validate(y.text(), { format: 'yaml' }));
  assert.ok(y.diagnostics().some((d) => d.code === 'P005'));
  throwsEdit(() => y.set('/report/extra', 1), 'unsupported');
  y.free();
});

test('refused edits throw invalid-edit with kind and pointer, and change nothing', () => {
  const s = createSession(SEED, { lang: 'fr' });
  const text = s.text();
  const diagnostics = s.diagnostics();
  throwsEdit(() => s.set('/nope/deeper', 1), 'missing-parent');
  throwsEdit(() => s.set(`${TRP}/male/x`, 1), 'not-a-container');
  throwsEdit(() => s.set('/pillars/x', 1), 'not-an-index');
  throwsEdit(() => s.set('/pillars/99', 1), 'index-out-of-range');
  throwsEdit(() => s.set('no-slash', 1), 'invalid-pointer');
  throwsEdit(() => s.remove('/nope'), 'not-found');
  throwsEdit(() => s.remove(''), 'remove-root');
  try {
    s.set('/nope/deeper', 1);
  } catch (e) {
    assert.equal(e.pointer, '/nope/deeper');
    assert.match(e.message, /^impossible de modifier/);
  }
  for (const bad of [undefined, () => 1, NaN, Infinity, 10n]) {
    assert.throws(() => s.set(`${TRP}/male`, bad), (e) => e instanceof NaplintError && e.code === 'invalid-argument');
  }
  assert.throws(() => s.set(7, 1), (e) => e instanceof NaplintError && e.code === 'invalid-argument');
  assert.equal(s.text(), text);
  assert.deepEqual(s.diagnostics(), diagnostics);
  s.free();
  s.free(); // idempotent
  assert.throws(() => s.text(), (e) => e instanceof NaplintError && e.code === 'invalid-argument');
  assert.throws(() => createSession(SEED, { rules: { P999: 'off' } }), (e) => e.code === 'invalid-options');
  assert.throws(() => createSession(undefined), (e) => e.code === 'invalid-argument');
  // A document that does not parse has diagnostics, and no values to edit.
  const broken = createSession('{"format_version": ');
  assert.equal(broken.diagnostics()[0].code, 'S003');
  throwsEdit(() => broken.set('/a', 1), 'unreadable');
  broken.free();
});

// ------------------------------------------------------------------ the property

/** mulberry32: a small seeded PRNG, so that a failure can be replayed. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tokens = (p) => (p === '' ? [] : p.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')));

/** The same edit on a plain object, as JSON Patch `add` (replace or add) and `remove`. */
function applyModel(doc, op, pointer, value) {
  const path = tokens(pointer);
  const last = path.pop();
  let node = doc;
  for (const t of path) node = node[t];
  if (op === 'remove') {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else if (Array.isArray(node) && (last === '-' || Number(last) === node.length)) {
    node.push(value);
  } else {
    node[last] = value;
  }
}

function deliverablePointers(doc) {
  const out = [];
  doc.pillars.forEach((p, i) => p.objectives.forEach((o, j) => o.tasks.forEach((t, k) => t.deliverables.forEach((_, l) => {
    out.push(`/pillars/${i}/objectives/${j}/tasks/${k}/deliverables/${l}`);
  }))));
  return out;
}

const STATUSES = ['planned', 'not_started', 'in_progress', 'on_track', 'ongoing', 'complete', 'delayed', 'discontinued',
  'finished', 'Complete', '', 7, null];
const YEARS = ['2013/14', '2014/15', '2012/13', '2016/17', '2012-13', '2015/17', 'soon', 2014, null];
const FIGURES = [0, 6, 28, 29, 68, 102, 103, 230, -1, 2.5, 'many', null,
  { value: 70, qualifier: 'approximately' }, { value: 100, qualifier: 'over' }, { value: 5, qualifier: 'sometimes' }];
const FIGURE_FIELDS = ['permits_issued', 'recipients', 'male', 'female', 'minor_dependents'];

function randomEdit(rnd, doc, departments, deliverables) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const d = pick(deliverables);
  const r = rnd();
  if (r < 0.22) return ['set', `${d}/status`, pick(STATUSES)];
  if (r < 0.36) return ['set', `${d}/${pick(['start', 'target'])}`, pick(YEARS)];
  if (r < 0.46) {
    const n = Math.floor(rnd() * 3);
    const leads = Array.from({ length: n }, () => pick([...departments, 'XX', 'ps']));
    return ['set', `${d}/leads`, rnd() < 0.1 ? 'PS' : leads];
  }
  if (r < 0.5) {
    const leads = tokens(`${d}/leads`).reduce((n, t) => n?.[t], doc);
    return Array.isArray(leads) ? ['set', `${d}/leads/-`, pick(departments)] : ['set', `${d}/leads`, [pick(departments)]];
  }
  if (r < 0.54) return ['set', `${d}/new`, pick([true, false, 'yes'])];
  if (r < 0.72) return ['set', `${TRP}/${pick(FIGURE_FIELDS)}`, pick(FIGURES)];
  if (r < 0.76) {
    const countries = doc.statistics?.trp?.cumulative?.top_countries_of_birth;
    const n = Array.isArray(countries) ? countries.length : 0;
    if (n > 0 && rnd() < 0.5) return ['remove', `${TRP}/top_countries_of_birth/${Math.floor(rnd() * n)}`];
    return ['set', `${TRP}/top_countries_of_birth/${n}`, { country: pick(['TH', 'HU', 'zz', 'XK']), count: pick(FIGURES) }];
  }
  if (r < 0.9) {
    return ['remove', pick([`${d}/status`, `${d}/start`, `${d}/target`, `${d}/leads`, `${d}/new`, `${TRP}/${pick(FIGURE_FIELDS)}`])];
  }
  // Edits the document cannot take.
  return pick([
    ['set', `${d}/nothing/here`, 1, 'missing-parent'],
    ['set', `${d}/status/x`, 1, null], // not-a-container when status is a scalar, missing-parent when absent
    ['set', '/pillars/x', 1, 'not-an-index'],
    ['set', '/pillars/9', {}, 'index-out-of-range'],
    ['remove', `${d}/nothing`, undefined, 'not-found'],
  ]);
}

for (const [seed, options] of [[2013, {}], [1415, { lang: 'fr', tolerance: 0.1, lines: false }]]) {
  test(`parity over ${STEPS} random edits (seed ${seed}, options ${JSON.stringify(options)})`, () => {
    const rnd = prng(seed);
    const doc = JSON.parse(SEED);
    const departments = doc.departments.map((x) => x.code);
    const deliverables = deliverablePointers(doc);
    const s = createSession(SEED, options);
    const counts = { set: 0, remove: 0, refused: 0, withFindings: 0 };
    const codes = new Set();
    try {
      for (let step = 0; step < STEPS; step++) {
        const [op, pointer, value, expectedKind] = randomEdit(rnd, doc, departments, deliverables);
        const where = `seed ${seed} step ${step}: ${op} ${pointer} ${JSON.stringify(value)}`;
        const before = s.text();
        let returned;
        try {
          returned = op === 'remove' ? s.remove(pointer) : s.set(pointer, value);
        } catch (e) {
          assert.ok(e instanceof NaplintError && e.code === 'invalid-edit', `${where}: ${e}`);
          if (expectedKind) assert.equal(e.kind, expectedKind, where);
          assert.equal(s.text(), before, `${where}: a refused edit changed the text`);
          counts.refused++;
        }
        if (returned) {
          assert.ok(expectedKind === undefined || expectedKind === null, `${where}: should have been refused`);
          applyModel(doc, op, pointer, value);
          counts[op]++;
          assert.deepEqual(s.diagnostics(), returned, where);
        }
        const text = s.text();
        const full = validate(text, { ...options, format: 'json' });
        assert.deepEqual(s.diagnostics(), full, where);
        assert.deepEqual(JSON.parse(text), doc, `${where}: the text is not the edited document`);
        if (full.length > 9) counts.withFindings++;
        for (const d of full) codes.add(d.code);
      }
    } finally {
      s.free();
    }
    // The edits exercised what they claim to: all three outcomes and many rules.
    assert.ok(counts.set > STEPS / 2 && counts.remove > STEPS / 20 && counts.refused > STEPS / 30, JSON.stringify(counts));
    for (const code of ['P002', 'P003', 'P005', 'P006', 'P007', 'R001', 'R003', 'S001']) {
      assert.ok(codes.has(code), `no step produced ${code}: ${[...codes].sort()}`);
    }
    console.log(`# seed ${seed}: ${JSON.stringify(counts)}; codes seen: ${[...codes].sort().join(' ')}`);
  });
}
