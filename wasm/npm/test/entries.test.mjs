// The browser entry (lib/browser.js) has no top-level await: it imports without loading
// the module, every call throws a NaplintError `not-initialized` until `init()` resolves,
// `init()` is idempotent, a failed load is a NaplintError and may be retried. Run in
// Node by giving `init` the module's bytes (Node's fetch has no file: URLs). The Node
// entry shares the glue module and initialises it at import, so it is imported only after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as browser from '../lib/browser.js';

const WASM = readFileSync(new URL('../dist/naplint_wasm_bg.wasm', import.meta.url));
const SEED = readFileSync(new URL('../../../seeds/2013-14/report.json', import.meta.url), 'utf8');

test('the browser entry has no top-level await', () => {
  for (const file of ['browser.js', 'api.js', 'adapters.js', 'worker.js']) {
    const text = readFileSync(new URL(`../lib/${file}`, import.meta.url), 'utf8');
    assert.doesNotMatch(text, /^await /m, file);
  }
  assert.match(readFileSync(new URL('../lib/auto.js', import.meta.url), 'utf8'), /^await init\(\);$/m);
});

test('before init: not-initialized; a failed load: internal; then init works, once', async () => {
  for (const call of [() => browser.validate(SEED), () => browser.version(), () => browser.rules(), () => browser.createSession(SEED)]) {
    assert.throws(call, (e) => e instanceof browser.NaplintError && e.code === 'not-initialized'
      && /await init\(\)/.test(e.message));
  }
  await assert.rejects(browser.init(new Uint8Array([0, 1, 2, 3])), (e) =>
    e instanceof browser.NaplintError && e.code === 'internal' && /did not load/.test(e.message));
  assert.throws(() => browser.version(), (e) => e.code === 'not-initialized');
  const first = browser.init(WASM);
  assert.equal(browser.init(), first, 'init() is idempotent');
  await first;
  const node = await import('naplint');
  assert.deepEqual(browser.validate(SEED), node.validate(SEED));
  assert.equal(browser.version(), node.version());
  await node.init();
  assert.equal(await node.default(), undefined, 'the Node entry init resolves at once');
});

const DEPARTMENT = readFileSync(new URL('../dist/naplint_department_bg.wasm', import.meta.url));
const fixture = (path) => readFileSync(new URL(`../../../tests/fixtures/${path}`, import.meta.url), 'utf8');

test('department submissions are a module of their own: initDepartment, then validateSubmission', async () => {
  // The report form's module has no submission code; the department's has.
  const main = await import('../dist/naplint_wasm.js');
  const department = await import('../dist/naplint_department.js');
  assert.equal(typeof main.validateSubmissionText, 'undefined');
  assert.equal(typeof department.validateSubmissionText, 'function');
  assert.ok(DEPARTMENT.length > WASM.length, 'the department module holds more');
  const base = fixture('A001/pass/base.yaml');
  const submission = fixture('A001/fail/jus.yaml');
  // The report module loaded (previous test) is not enough.
  assert.throws(() => browser.validateSubmission(submission, base), (e) =>
    e instanceof browser.NaplintError && e.code === 'not-initialized' && /initDepartment\(\)/.test(e.message));
  await assert.rejects(browser.initDepartment(new Uint8Array([0, 1, 2, 3])), (e) =>
    e instanceof browser.NaplintError && e.code === 'internal' && /did not load/.test(e.message));
  const first = browser.initDepartment(DEPARTMENT);
  assert.equal(browser.initDepartment(), first, 'initDepartment() is idempotent');
  await first;
  const node = await import('naplint');
  const options = { others: [fixture('A001/pass/ps.yaml')] };
  const got = browser.validateSubmission(submission, base, options);
  assert.deepEqual(got, node.validateSubmission(submission, base, options));
  assert.ok(got.some((d) => d.code === 'A001'), JSON.stringify(got));
  await node.initDepartment();
});

test('the browser entry and the Node entry export the same names', async () => {
  const node = await import('naplint');
  assert.deepEqual(Object.keys(browser).sort(), Object.keys(node).sort());
});

/** The top-level field names of `export type NAME = { ... };` in the generated types.d.ts. */
function declaredFields(name) {
  const text = readFileSync(new URL('../types.d.ts', import.meta.url), 'utf8').replace(/\/\*\*[\s\S]*?\*\//g, '');
  const body = text.match(new RegExp(`export type ${name} = \\{([\\s\\S]*?)\\};\\n`))?.[1];
  assert.ok(body, `types.d.ts declares ${name}`);
  return [...body.matchAll(/(?:^|, )\s*(\w+)\??:/g)].map((m) => m[1]).sort();
}

test('the generated types.d.ts declares exactly the fields the module returns', async () => {
  const node = await import('naplint');
  const doc = JSON.parse(SEED);
  doc.statistics.trp.cumulative.male += 1;
  const withRelated = node.validate(doc).find((d) => d.related);
  assert.deepEqual(declaredFields('Diagnostic'), Object.keys(withRelated).sort());
  assert.deepEqual(declaredFields('RuleInfo'), Object.keys(node.rules()[0]).sort());
  const fixable = node.validate('format_version: "1"\nreport: { fiscal_year: 2013-14 }\n').find((d) => d.fix);
  assert.ok(fixable, 'a malformed fiscal year has a fix (P005)');
  assert.deepEqual(declaredFields('Fix'), Object.keys(fixable.fix).sort());
});
