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
function applyModel(doc, op, pointer, shared) {
  // A copy: the edit lists' objects are shared, and later edits change the document's.
  const value = shared === undefined ? undefined : structuredClone(shared);
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
  const each = (xs, f) => (Array.isArray(xs) ? xs.forEach(f) : undefined);
  each(doc.pillars, (p, i) => each(p?.objectives, (o, j) => each(o?.tasks, (t, k) => each(t?.deliverables, (_, l) => {
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

/** Every pointer of a value, with the value there. */
function allPointers(v, at = '', out = []) {
  out.push([at, v]);
  if (Array.isArray(v)) v.forEach((x, i) => allPointers(x, `${at}/${i}`, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) allPointers(x, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
  }
  return out;
}

/** An edit in another section than the deliverables and the TRP figures: the report's
 * metadata, the plan, the departments, funding, the other statistics, or any value of
 * the document replaced by another of its values. */
function otherSectionEdit(rnd, doc, pick) {
  const r = rnd();
  if (r < 0.15) return ['set', pick(['/report/fiscal_year', '/report/period/start', '/report/period/end']), pick(['2013/14', '2014/15', '2012-13', 'soon', '2013-04-01', '2014-03-31', '2015-03-31'])];
  if (r < 0.25) return ['set', pick(['/plan/jurisdiction', '/plan/coordinator', '/plan/id']), pick(['CA', 'ZZ', 'PS', 'XX', 'ca-nap-cht', 'Bad Id'])];
  if (r < 0.4) {
    const n = doc.departments.length;
    const i = Math.floor(rnd() * n);
    const q = rnd();
    // Values the model reads (a wrong type would stop the rules for the rest of the run).
    const field = pick(['code', 'name', 'membership']);
    const values = { code: ['PS', 'NEW', 'x', 'RCMP'], name: ['  Two  spaces', 'x'], membership: ['core', 'ad_hoc'] }[field];
    if (q < 0.3) return ['set', `/departments/${i}/${field}`, pick(values)];
    if (q < 0.6) return ['set', `/departments/${n}`, { code: pick(['NEWD', 'PS', 'x']), name: 'A department', membership: pick(['core', 'ad_hoc']) }];
    return ['remove', `/departments/${i}`];
  }
  if (r < 0.55 && Array.isArray(doc.funding) && doc.funding.length > 0) {
    const i = Math.floor(rnd() * doc.funding.length);
    return pick([
      ['set', `/funding/${i}/amount/value`, pick([0, 5, 5500000])],
      ['set', `/funding/${i}/amount/currency`, pick(['CAD', 'USD', 'XXX', 'cad'])],
      ['set', `/funding/${i}/years/${pick(['start', 'end'])}`, pick([2010, 2012, 2016, 2020])],
      ['set', `/funding/${i}/funder`, pick(['DFATD', 'XX', 'PS'])],
    ]);
  }
  if (r < 0.75) {
    const stats = allPointers(doc.statistics ?? {}, '/statistics').filter(([, v]) => typeof v === 'number');
    if (stats.length > 0) return ['set', pick(stats)[0], pick([0, 6, 103, 2014])];
  }
  // Any free-text field or count of the document, in any section, given another text
  // (or the same with stray spaces) or count: values the model reads, since a wrong type
  // would stop the rules for the rest of the run.
  const TEXT = ['title', 'name', 'text', 'statement', 'lead_note', 'recipient', 'what', 'unit', 'provider', 'label'];
  const leaves = allPointers(doc).filter(([p, v]) =>
    (typeof v === 'string' && TEXT.includes(p.split('/').pop())) || Number.isInteger(v));
  const [at, was] = pick(leaves);
  if (typeof was === 'number') return ['set', at, pick([0, 6, 103, 2014])];
  const texts = leaves.filter(([, v]) => typeof v === 'string');
  return ['set', at, pick([pick(texts)[1], ` ${was}`, `${was}  x`, was])];
}

function randomEdit(rnd, doc, departments, deliverables) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const d = pick(deliverables);
  if (rnd() < 0.2) return otherSectionEdit(rnd, doc, pick);
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
  // Edits the document cannot take (a deliverable a random edit made a scalar is not a
  // container).
  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const inDeliverable = isObject(tokens(d).reduce((n, t) => n?.[t], doc)) ? 'missing-parent' : null;
  return pick([
    ['set', `${d}/nothing/here`, 1, inDeliverable],
    ['set', `${d}/status/x`, 1, null], // not-a-container when status is a scalar, missing-parent when absent
    ['set', '/pillars/x', 1, 'not-an-index'],
    ['set', '/pillars/9', {}, 'index-out-of-range'],
    ['remove', `${d}/nothing`, undefined, inDeliverable && 'not-found'],
  ]);
}

for (const [seed, options] of [[2013, {}], [1415, { lang: 'fr', tolerance: 0.1, lines: false }]]) {
  test(`parity over ${STEPS} random edits (seed ${seed}, options ${JSON.stringify(options)})`, () => {
    const rnd = prng(seed);
    const doc = JSON.parse(SEED);
    const departments = doc.departments.map((x) => x.code);
    let deliverables = deliverablePointers(doc);
    const s = createSession(SEED, options);
    const counts = { set: 0, remove: 0, refused: 0, withFindings: 0 };
    // A value of a type the model cannot read (a status `7`, leads `"PS"`) is taken back
    // on the next step: left in place, it would keep the document from the model, and
    // so from the rules, for the rest of the run.
    const pending = [];
    const codes = new Set();
    try {
      for (let step = 0; step < STEPS; step++) {
        const revert = pending.shift();
        const [op, pointer, value, expectedKind] = revert ?? randomEdit(rnd, doc, departments, deliverables);
        const previous = tokens(pointer).reduce((n, t) => n?.[t], doc);
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
          // A value replaced anywhere may have moved or removed deliverables.
          if (pointer.startsWith('/pillars')) deliverables = deliverablePointers(doc);
          if (deliverables.length === 0) deliverables = ['/pillars/0/objectives/0/tasks/0/deliverables/0'];
          assert.deepEqual(s.diagnostics(), returned, where);
        }
        const text = s.text();
        const full = validate(text, { ...options, format: 'json' });
        assert.deepEqual(s.diagnostics(), full, where);
        assert.deepEqual(JSON.parse(text), doc, `${where}: the text is not the edited document`);
        if (full.length > 9) counts.withFindings++;
        const typeError = (d) => d.code === 'S001' && d.pointer.startsWith(pointer) && /^expected|attendu/.test(d.message);
        if (returned && !revert && op === 'set' && full.some(typeError)) {
          pending.push(previous === undefined ? ['remove', pointer] : ['set', pointer, previous]);
        }
        for (const d of full) codes.add(d.code);
      }
    } finally {
      s.free();
    }
    // The edits exercised what they claim to: all three outcomes and many rules.
    assert.ok(counts.set > STEPS / 2 && counts.remove > STEPS / 20 && counts.refused > STEPS / 30, JSON.stringify(counts));
    for (const code of ['P002', 'P003', 'P005', 'P006', 'P007', 'P013', 'P017', 'M001', 'M002', 'M004', 'M005', 'R001', 'R003', 'R009', 'S001']) {
      assert.ok(codes.has(code), `no step produced ${code}: ${[...codes].sort()}`);
    }
    console.log(`# seed ${seed}: ${JSON.stringify(counts)}; codes seen: ${[...codes].sort().join(' ')}`);
  });
}
