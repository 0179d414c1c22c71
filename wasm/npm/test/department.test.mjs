// The department's form (www/department.html) in headless Chromium: choose a department,
// edit one of its deliverables by keyboard and see a finding appear beside the field and
// disappear; download the submission and check it is that department's; load a co-lead's
// conflicting submission and see A001 beside the status; axe-core (WCAG 2.1 A/AA) finds
// no violation in English or in French; and www/data/2013-14/ is exactly `naplint split`
// of the seed (the CLI: $NAPLINT_CLI, else target/debug/naplint, which ci.sh builds).
// Screenshots go to wasm/www/test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, readFile, readdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startServer } from '../../www/serve.mjs';
import { DEPT_TEXTS, FIELD_LABELS } from '../../www/i18n.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = fileURLToPath(new URL('../../www/test-artifacts/', import.meta.url));
const DATA = new URL('../../www/data/2013-14/', import.meta.url);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = process.env.NAPLINT_CLI ?? join(REPO, 'target/debug/naplint');

let server;
let profile;
let context;
let page;
const problems = [];

async function assertAccessible(what) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: AXE_SOURCE });
  const { violations, passes } = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`),
    };
  });
  assert.deepEqual(violations, [], `axe-core, ${what}`);
  assert.ok(passes >= 10, `axe-core ran only ${passes} passing rules (${what})`);
}

/** The finding codes shown beside the control with this id, and its aria-describedby. */
async function besideField(id) {
  return page.evaluate((id) => {
    const control = document.getElementById(id);
    const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const described = ids.map((i) => document.getElementById(i)).filter((n) => n?.classList.contains('diagnostic'));
    const shown = [...control.closest('.field').querySelectorAll('.errors .diagnostic')];
    return {
      codes: shown.map((n) => n.dataset.code),
      described: described.map((n) => n.dataset.code),
      messages: shown.map((n) => n.textContent),
      invalid: control.getAttribute('aria-invalid'),
    };
  }, id);
}

/** The id of the control at `pointer`. */
const controlId = (pointer) =>
  page.evaluate((p) => document.querySelector(`[data-pointer="${p}"]:is(input, select)`).id, pointer);

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  server = await startServer();
  profile = await mkdtemp(join(tmpdir(), 'naplint-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: 1280, height: 1100 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(`${server.url}department.html`);
  const ready = await page
    .waitForFunction(() => document.body.dataset.ready, null, { timeout: 20_000 })
    .then((h) => h.jsonValue());
  assert.equal(ready, 'yes', `the page did not start: ${ready}`);
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

test('choose a department: its deliverables, by keyboard; a finding appears and disappears', async () => {
  const select = page.locator('#department');
  assert.equal(await page.locator('label[for=department]').textContent(), DEPT_TEXTS.en.department);
  await select.focus();
  // DND leads and owns nothing in the seed: an empty submission, built from the base.
  await select.selectOption('DND');
  await page.waitForFunction(() => document.body.dataset.department === 'DND');
  assert.match(await page.locator('#form').textContent(), new RegExp(DEPT_TEXTS.en.noDeliverable));
  await select.selectOption('JUS');
  await page.waitForFunction(() => document.body.dataset.department === 'JUS');
  const legends = await page.locator('#form fieldset > legend').allTextContents();
  assert.ok(legends.includes('Submission of Justice Canada'), legends.join(' | '));
  assert.ok(legends.includes('Deliverable 1.11.1'), legends.join(' | '));
  // JUS funds one entry: its funding section is on the form.
  assert.ok(legends.includes(DEPT_TEXTS.en.fundingLegend), legends.join(' | '));

  const start = await controlId('/deliverables/0/start');
  assert.deepEqual((await besideField(start)).codes, []);
  await page.locator(`#${start}`).focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace'); // 2012/13 -> 2012/1
  const shown = await besideField(start);
  assert.ok(shown.codes.length >= 1, JSON.stringify(shown));
  assert.deepEqual(shown.described, shown.codes, 'aria-describedby names each finding beside the field');
  assert.equal(shown.invalid, 'true');
  const status = await page.locator('#summary-status').textContent();
  assert.match(status, /[1-9]\d* error/);
  await page.screenshot({ path: join(ARTIFACTS, 'department-finding.png'), fullPage: true });
  await page.keyboard.type('3');
  assert.deepEqual(await besideField(start), { codes: [], described: [], messages: [], invalid: null });
});

test('a statistic it owns: a wrong male count shows R001 beside the figures, by their labels', async () => {
  await page.locator('#department').selectOption('PS');
  await page.waitForFunction(() => document.body.dataset.department === 'PS');
  const male = await controlId('/statistics/trp/cumulative/male');
  assert.equal(await page.locator(`label[for=${male}]`).textContent(), FIELD_LABELS.male.en);
  const recipients = await controlId('/statistics/trp/cumulative/recipients');
  assert.deepEqual((await besideField(recipients)).codes, []);
  await page.locator(`#${male}`).fill('29');
  assert.deepEqual((await besideField(recipients)).codes, ['R001']);
  assert.deepEqual((await besideField(male)).described, ['R001'], 'related: beside male too');
  await page.locator(`#${male}`).fill('28');
  assert.deepEqual((await besideField(recipients)).codes, []);
  assert.deepEqual((await besideField(male)).codes, []);
  await page.locator('#department').selectOption('JUS');
  await page.waitForFunction(() => document.body.dataset.department === 'JUS');
});

test('every statistics and funding field of the demo data has a label in both languages', async () => {
  const keys = new Set();
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) keys.add(k), walk(c);
  };
  for (const name of await readdir(DATA)) {
    const doc = JSON.parse(await readFile(new URL(name, DATA), 'utf8'));
    if (doc.kind === 'submission') walk([doc.statistics ?? {}, doc.funding ?? []]);
  }
  assert.ok(keys.has('permits_issued') && keys.size > 30, [...keys].join(' '));
  for (const key of keys) assert.ok(FIELD_LABELS[key]?.en && FIELD_LABELS[key]?.fr, `no label for ${key}`);
});

test('the download is this department\'s submission', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  assert.equal(download.suggestedFilename(), 'jus.json');
  const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(doc.kind, 'submission');
  assert.equal(doc.department, 'JUS');
  const original = JSON.parse(await readFile(new URL('jus.json', DATA), 'utf8'));
  assert.deepEqual(doc.deliverables.map((d) => d.id), original.deliverables.map((d) => d.id));
  assert.equal(doc.deliverables[0].start, '2012/13');
  assert.ok(!('pillars' in doc) && !('report' in doc), 'not the report');
});

test('a co-lead\'s conflicting submission shows A001 beside the status; axe in both languages', async () => {
  const status = await controlId('/deliverables/0/status');
  assert.deepEqual((await besideField(status)).codes, []);
  const ps = JSON.parse(await readFile(new URL('ps.json', DATA), 'utf8'));
  assert.equal(ps.deliverables[0].id, '1.11.1');
  ps.deliverables[0].status = 'complete'; // JUS says ongoing
  await page.locator('#others-file').setInputFiles([
    { name: 'ps.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ps, null, 2)) },
  ]);
  await page.waitForFunction(() => document.querySelector('[data-code=A001]'));
  const shown = await besideField(status);
  assert.deepEqual(shown.codes, ['A001']);
  assert.deepEqual(shown.described, ['A001']);
  assert.match(shown.messages[0], /`JUS` submits `ongoing` for `status` of deliverable `1\.11\.1`, but `PS` submits `complete`/);
  assert.match(await page.locator('#others-list').textContent(), /ps\.json: PS/);
  await page.screenshot({ path: join(ARTIFACTS, 'department-a001.png'), fullPage: true });
  await assertAccessible('English, A001 on the form');

  await page.locator('.lang-toggle[data-lang=fr]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'fr-CA');
  assert.equal(await page.locator('label[for=department]').textContent(), DEPT_TEXTS.fr.department);
  const fr = await besideField(await controlId('/deliverables/0/status'));
  assert.deepEqual(fr.codes, ['A001']);
  assert.doesNotMatch(fr.messages[0], /submits/);
  assert.match(await page.locator('#download').textContent(), /^Télécharger/);
  // No English text of the form is left in French.
  const body = await page.locator('body').innerText();
  for (const [key, text] of Object.entries(DEPT_TEXTS.en)) {
    if (typeof text === 'string' && text !== DEPT_TEXTS.fr[key] && text.length > 12) { // short words ("Department") are in department names
      assert.ok(!body.includes(text), `English text left in French: ${key}`);
    }
  }
  await page.screenshot({ path: join(ARTIFACTS, 'department-fr.png'), fullPage: true });
  await assertAccessible('French, A001 on the form');

  await page.locator('#others-clear').click();
  assert.deepEqual((await besideField(await controlId('/deliverables/0/status'))).codes, []);
  assert.deepEqual(problems, []);
});

test('the demo data is what `naplint split` writes for the seed', async () => {
  const out = await mkdtemp(join(tmpdir(), 'naplint-split-'));
  try {
    execFileSync(CLI, ['split', join(REPO, 'seeds/2013-14/report.json'), '--out', out], { stdio: 'pipe' });
    const written = (await readdir(out)).sort();
    const committed = (await readdir(DATA)).sort();
    assert.deepEqual(committed, written);
    assert.ok(written.includes('base.json') && written.includes('jus.json'), written.join(' '));
    for (const name of written) {
      assert.equal(await readFile(new URL(name, DATA), 'utf8'), await readFile(join(out, name), 'utf8'), name);
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
