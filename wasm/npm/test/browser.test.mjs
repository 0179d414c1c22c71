// The demo form in headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core): a wrong male count shows R001 beside the male field, and correcting
// it clears it; a fix button repairs a malformed fiscal year. Screenshots go to
// wasm/www/test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../www/serve.mjs';

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
  assert.match(await page.locator('#report-title').textContent(), /2013-2014 Annual Report on Progress/);
  assert.equal(await page.getByLabel('Male', { exact: true }).inputValue(), '28');
  const status = await page.locator('#summary-status').textContent();
  assert.match(status, /\d+ errors?, \d+ warnings?/);
  const summary = await page.locator('#summary').textContent();
  assert.match(summary, /M003/, 'the seed has an M003 finding');
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
  assert.match(beside, /male 29 \(line \d+\) \+ female 68 \(line \d+\) \+ minor_dependents 6 \(line \d+\) = 103, but recipients is 102 \(line \d+\): off by 1/);
  assert.equal(await male.getAttribute('aria-invalid'), 'true');
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

test('findings can be read in French', async () => {
  const male = page.getByLabel('Male', { exact: true });
  await male.fill('29');
  const beside = page.locator('.field', { has: male }).locator('.diagnostic[data-code="R001"]');
  await beside.waitFor({ timeout: 5_000 });
  const english = await beside.textContent();
  await page.getByLabel('Language of the findings').selectOption('fr');
  const french = await beside.textContent();
  assert.notEqual(french, english);
  assert.equal(await beside.getAttribute('lang'), 'fr-CA');
  await page.screenshot({ path: join(ARTIFACTS, 'r001-fr.png'), fullPage: true });
  await page.getByLabel('Language of the findings').selectOption('en');
  await male.fill('28');
  await beside.waitFor({ state: 'detached', timeout: 5_000 });
  assert.deepEqual(problems, []);
});
