// The demo form in headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core): a wrong male count shows R001 beside the male field and every other
// figure of its `related` list, and correcting it clears it; a fix button repairs a
// malformed fiscal year; the English/Français toggle switches every label, `<html lang>`
// and the findings without reloading. Screenshots go to wasm/www/test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../www/serve.mjs';
import { TEXTS, STATUS_LABELS, QUALIFIER_LABELS } from '../../www/i18n.js';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

/** axe-core's browser build, injected into the page to check WCAG 2.1 A and AA. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page as it is now; fails on any WCAG 2.1 A/AA violation. */
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

const ARTIFACTS = fileURLToPath(new URL('../../www/test-artifacts/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

let server;
let profile;
let context;
let page;
/** Page errors and console errors: any of them fails the test that saw it. */
const problems = [];

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  server = await startServer();
  profile = await mkdtemp(join(tmpdir(), 'naplint-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
    viewport: { width: 1280, height: 1100 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => {
    problems.push(`pageerror: ${e.message}`);
    console.error(`[browser pageerror] ${e.stack ?? e.message}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') {
      problems.push(`console.${m.type()}: ${m.text()}`);
      console.error(`[browser console.${m.type()}] ${m.text()}`);
    }
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(server.url);
  // Fail fast with the page's own error rather than a timeout.
  const ready = await page
    .waitForFunction(() => document.body.dataset.ready, null, { timeout: 20_000 })
    .then((h) => h.jsonValue())
    .catch((e) => `timeout: ${e.message}`);
  assert.equal(ready, 'true', `the page did not become ready: ${ready}\n${problems.join('\n')}`);
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** The diagnostics shown beside a field, found through its aria-describedby. */
async function describedText(locator) {
  return locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join('\n'),
  );
}

test('the form loads the seed report and lists its findings', async () => {
  await assertAccessible('English, as loaded');
  assert.match(await page.locator('#report-title').textContent(), /2013-2014 Annual Report on Progress/);
  assert.equal(await page.getByLabel('Male', { exact: true }).inputValue(), '28');
  const status = await page.locator('#summary-status').textContent();
  assert.match(status, /\d+ errors?, \d+ warnings?/);
  const summary = await page.locator('#summary').textContent();
  assert.match(summary, /M003/, 'the seed has an M003 finding');
  // The form names where a finding is in its own words, never by a line of the file.
  assert.doesNotMatch(summary, /\bline \d/);
  assert.match(summary, /Deliverable 1\.11\.7 — Error P007/);
  assert.match(summary, /In the report — Warning M003/);
  assert.doesNotMatch(summary, /R001/);
  assert.deepEqual(problems, []);
});

test('a wrong male count shows R001 beside the male field, and fixing it clears it', async () => {
  const male = page.getByLabel('Male', { exact: true });
  const maleField = page.locator('.field', { has: male });
  await male.fill('29');
  // R001 appears beside the male field, with the arithmetic.
  await maleField.locator('.diagnostic[data-code="R001"]').waitFor({ timeout: 5_000 });
  const beside = await describedText(male);
  assert.match(beside, /R001/);
  // The form's messages leave lines out (`lines: false`): the terms are named by field.
  assert.match(beside, /male 29 \+ female 68 \+ minor_dependents 6 = 103, but recipients is 102: off by 1/);
  assert.doesNotMatch(beside, /line \d/);
  assert.equal(await male.getAttribute('aria-invalid'), 'true');
  // And beside every other figure of its `related` list, once each.
  for (const label of ['Female', 'Minor dependents', 'Recipients']) {
    const field = page.locator('.field', { has: page.getByLabel(label, { exact: true }) });
    assert.equal(await field.locator('.diagnostic[data-code="R001"]').count(), 1, label);
  }
  assert.equal(await maleField.locator('.diagnostic[data-code="R001"]').count(), 1);
  // The summary lists it with a link to the field.
  const link = page.locator('#summary-here li[data-code="R001"] a').first();
  assert.match(await link.textContent(), /R001/);
  await page.screenshot({ path: join(ARTIFACTS, 'r001-male-29.png'), fullPage: true });
  await link.click();
  // The link focuses a field of the breakdown.
  const focused = await page.evaluate(() => document.activeElement?.id ?? '');
  assert.match(focused, /^field-/);

  await male.fill('28');
  await maleField.locator('.diagnostic[data-code="R001"]').waitFor({ state: 'detached', timeout: 5_000 });
  assert.doesNotMatch(await describedText(male), /R001/);
  assert.equal(await male.getAttribute('aria-invalid'), null);
  assert.equal(await page.locator('#summary li[data-code="R001"]').count(), 0);
  await page.screenshot({ path: join(ARTIFACTS, 'r001-male-28.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('typing into fields: one session edit per keystroke, findings appear and disappear', async () => {
  // Count what each keystroke costs the page: session edits, and any serialisation of a
  // whole report (a JSON text of more than 10,000 characters) — there must be none.
  await page.evaluate(() => {
    window.bigStringify = 0;
    const stringify = JSON.stringify;
    JSON.stringify = function (...args) {
      const out = stringify.apply(this, args);
      if (typeof out === 'string' && out.length > 10_000) window.bigStringify++;
      return out;
    };
  });
  const edits = () => page.evaluate(() => Number(document.body.dataset.edits ?? 0));
  const r001 = (label) => page.locator('.field', { has: page.getByLabel(label, { exact: true }) })
    .locator('.diagnostic[data-code="R001"]');

  const female = page.getByLabel('Female', { exact: true });
  await female.click();
  await female.press('End');
  const before = await edits();
  await female.press('Backspace'); // 68 → 6: 28 + 6 + 6 = 40, but recipients is 102
  await r001('Female').waitFor({ timeout: 5_000 });
  assert.match(await r001('Female').textContent(), /female 6 \+ .*off by 62/);
  await page.keyboard.type('9'); // 69: off by 1
  await page.waitForFunction(() => /off by 1\b/.test(document.querySelector('.diagnostic[data-code="R001"]')?.textContent ?? ''));
  assert.equal(await r001('Male').count(), 1, 'shown beside every related figure');
  await female.press('Backspace');
  await page.keyboard.type('8'); // 68: it holds again
  await r001('Female').waitFor({ state: 'detached', timeout: 5_000 });
  assert.equal(await r001('Male').count(), 0);
  assert.equal(await edits() - before, 4, 'one session edit per keystroke');
  await female.press('Backspace'); // 6 again, for axe-core with a finding on the form
  await r001('Female').waitFor({ timeout: 5_000 });
  await assertAccessible('English, with R001 beside four fields');
  await page.keyboard.type('8');
  await r001('Female').waitFor({ state: 'detached', timeout: 5_000 });

  // A start year typed character by character: malformed until it is whole.
  const start = page.getByLabel('Start', { exact: true });
  const original = await start.inputValue();
  await start.fill('');
  const p005 = page.locator('.field', { has: start }).locator('.diagnostic[data-code="P005"]');
  await start.pressSequentially('2013/1');
  await p005.waitFor({ timeout: 5_000 });
  await start.pressSequentially('4');
  await p005.waitFor({ state: 'detached', timeout: 5_000 });
  await start.fill(original);
  assert.equal(await page.evaluate(() => window.bigStringify), 0, 'a keystroke serialised the whole report');
  await page.screenshot({ path: join(ARTIFACTS, 'typing.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('a malformed start year offers a fix button that repairs it', async () => {
  const start = page.getByLabel('Start', { exact: true });
  const field = page.locator('.field', { has: start });
  const original = await start.inputValue();
  await start.fill('2012-13');
  const button = field.locator('.diagnostic[data-code="P005"] button.fix');
  await button.waitFor({ timeout: 5_000 });
  assert.match(await button.textContent(), /2012\/13/);
  await page.screenshot({ path: join(ARTIFACTS, 'p005-fix.png'), fullPage: true });
  await button.click();
  const fixed = page.getByLabel('Start', { exact: true });
  assert.equal(await fixed.inputValue(), '2012/13');
  assert.equal(await page.locator('.diagnostic[data-code="P005"]').count(), 0);
  await fixed.fill(original);
  assert.deepEqual(problems, []);
});

test('a finding elsewhere in the report links to its deliverable', async () => {
  const link = page.locator('#summary-elsewhere li[data-code="P007"] a').first();
  const text = await link.textContent();
  const id = /deliverable `([^`]+)`/.exec(text)?.[1];
  assert.ok(id, text);
  await link.click();
  const selected = await page.locator('#deliverable').evaluate((el) => el.selectedOptions[0]?.textContent ?? '');
  assert.ok(selected.startsWith(`${id} `), `${selected} is not deliverable ${id}`);
  // Now on the form, beside the deliverable (its status is missing), and focused.
  await page.locator('#deliverable-fieldset .diagnostic[data-code="P007"]').first().waitFor({ timeout: 5_000 });
  assert.ok(await page.locator('#summary-here li[data-code="P007"]').count() >= 1);
  const focused = await page.evaluate(() => document.activeElement?.closest('fieldset')?.id ?? document.activeElement?.id);
  assert.equal(focused, 'deliverable-fieldset');
  await page.screenshot({ path: join(ARTIFACTS, 'p007-elsewhere.png'), fullPage: true });
  // Reporting a status clears it.
  await page.getByLabel('Status', { exact: true }).selectOption('in_progress');
  assert.equal(await page.locator('#deliverable-fieldset .diagnostic[data-code="P007"]').count(), 0);
  assert.deepEqual(problems, []);
});

/** Texts that differ between the languages (some, like "Note", are the same in both). */
const onlyEnglish = (key) => typeof TEXTS.en[key] === 'string' && TEXTS.en[key] !== TEXTS.fr[key];

/** Every label-like text the page shows: its own words, not the report's. */
async function pageTexts() {
  return page.evaluate(() => {
    const texts = [document.title];
    for (const el of document.querySelectorAll('label, legend, h1, h2, h3, .hint, button, [data-i18n]')) {
      if (!el.closest('.diagnostic')) texts.push(el.textContent.trim());
    }
    for (const sel of document.querySelectorAll('#form select:not(#department):not(#deliverable)')) {
      for (const o of sel.options) texts.push(o.textContent.trim());
    }
    return texts;
  });
}

test('the English/Français toggle switches labels, <html lang> and findings live', async () => {
  // A marker that a reload would lose.
  await page.evaluate(() => { window.noReload = true; });
  const english = await pageTexts();
  for (const key of ['heading', 'department', 'trpLegend', 'fixAll', 'findings']) {
    assert.ok(english.includes(TEXTS.en[key].trim()), `English page lacks ${key}`);
  }

  await page.getByRole('button', { name: 'Français', exact: true }).click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr-CA');
  assert.equal(await page.getByRole('button', { name: 'Français', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('button', { name: 'English', exact: true }).getAttribute('aria-pressed'), 'false');
  assert.equal(await page.title(), TEXTS.fr.pageTitle);

  // French labels everywhere: the page's own texts and the form's fields.
  const french = await pageTexts();
  for (const key of Object.keys(TEXTS.en).filter(onlyEnglish)) {
    assert.ok(!french.includes(TEXTS.en[key].trim()), `still in English: ${key} "${TEXTS.en[key]}"`);
  }
  for (const [key, text] of [
    ['heading', 'Mise à jour annuelle sur les progrès'],
    ['department', 'Ministère'],
    ['deliverableLegend', 'Livrable'],
    ['countriesLegend', 'Principaux pays de naissance'],
    ['fixAll', 'Appliquer tous les correctifs'],
    ['findings', 'Constats'],
  ]) {
    assert.equal(TEXTS.fr[key], text);
    assert.ok(french.includes(text), `French page lacks "${text}"`);
  }
  assert.match(await page.locator('#trp-fieldset > legend').textContent(), /^Permis de séjour temporaire \(PST\)/);
  for (const label of ['Statut', 'Exercice de début', 'Exercice cible', 'Ministères responsables', 'Nouveau cette année',
    'Permis délivrés', 'Bénéficiaires', 'Hommes', 'Femmes', 'Personnes à charge mineures', 'Pays 1', 'Nombre 1']) {
    assert.equal(await page.getByLabel(label, { exact: true }).count(), 1, `no field labelled "${label}"`);
  }
  assert.equal(await page.getByLabel('Male', { exact: true }).count(), 0);
  const statuses = await page.getByLabel('Statut', { exact: true }).evaluate((el) => [...el.options].map((o) => o.textContent));
  for (const status of Object.values(STATUS_LABELS)) {
    assert.ok(statuses.some((s) => s.toLowerCase() === status.fr), `no status option "${status.fr}" in ${statuses}`);
  }
  const qualifiers = await page.getByLabel('Hommes : qualificatif', { exact: true }).evaluate((el) => [...el.options].map((o) => o.textContent));
  assert.deepEqual(qualifiers, ['exactement', ...Object.values(QUALIFIER_LABELS).map((q) => q.fr)]);
  assert.match(await page.locator('#summary-status').textContent(), /\d+ erreurs?, \d+ avertissements?, .* dans le rapport; \d+ dans ce formulaire\./);

  // A wrong male count: the French R001 beside the male field.
  const male = page.getByLabel('Hommes', { exact: true });
  const maleField = page.locator('.field', { has: male });
  await male.fill('29');
  const beside = maleField.locator('.diagnostic[data-code="R001"]');
  await beside.waitFor({ timeout: 5_000 });
  const fr = await beside.textContent();
  assert.match(fr, /écart de 1/);
  assert.match(fr, /^Erreur\u00a0: /);
  assert.match(await describedText(male), /écart de 1/);
  assert.equal(await beside.getAttribute('lang'), 'fr-CA');
  assert.match(await page.locator('#summary-here li[data-code="R001"]').first().textContent(), /^Bénéficiaires — Erreur R001 : .*écart de 1/);
  await page.screenshot({ path: join(ARTIFACTS, 'r001-fr.png'), fullPage: true });
  await assertAccessible('French, with R001 beside four fields');

  // Back to English, live: the same finding in English, the English labels, no reload.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en-CA');
  const maleEn = page.getByLabel('Male', { exact: true });
  assert.equal(await maleEn.inputValue(), '29');
  const besideEn = page.locator('.field', { has: maleEn }).locator('.diagnostic[data-code="R001"]');
  await besideEn.waitFor({ timeout: 5_000 });
  assert.match(await besideEn.textContent(), /off by 1/);
  assert.equal(await besideEn.getAttribute('lang'), 'en-CA');
  assert.deepEqual((await pageTexts()).filter((x) => !english.includes(x)), [], 'the English page is as before');
  assert.equal(await page.evaluate(() => window.noReload), true, 'the page was reloaded');
  await page.screenshot({ path: join(ARTIFACTS, 'r001-en-again.png'), fullPage: true });

  await maleEn.fill('28');
  await besideEn.waitFor({ state: 'detached', timeout: 5_000 });
  assert.deepEqual(problems, []);
});

test('explain and rules in the browser and in naplint/worker: the pages of lib/docs.js', async () => {
  const got = await page.evaluate(async () => {
    const naplint = await import('/wasm/npm/lib/browser.js');
    const { createWorker } = await import('/wasm/npm/lib/worker.js');
    const docs = (await import('/wasm/npm/lib/docs.js')).default;
    await naplint.init();
    const worker = createWorker();
    try {
      return {
        main: naplint.explain('R001', { lang: 'fr' }),
        inWorker: await worker.explain('trp-breakdown', { lang: 'fr' }),
        unknown: await worker.explain('R999'),
        file: docs.fr.R001.page,
        rulesDocs: (await worker.rules()).find((r) => r.code === 'P005').docs,
        fileDocs: docs.en.P005.docs,
      };
    } finally {
      worker.terminate();
    }
  });
  assert.match(got.main, /^# R001 `trp-breakdown` \(.+\)\n\nreconcile · gravité par défaut : erreur\n\n## Ce que la règle vérifie/);
  assert.equal(got.inWorker, got.main);
  assert.equal(got.file, got.main);
  assert.equal(got.unknown, null);
  assert.match(got.rulesDocs, /^## What it checks/);
  assert.equal(got.rulesDocs, got.fileDocs);
  assert.deepEqual(problems, []);
});
