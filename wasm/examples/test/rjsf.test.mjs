// The React + @rjsf/core example (rjsf/, built by Vite on its default configuration) in
// headless Chromium: typing a wrong male count shows naplint's cross-field R001 under
// male and under each other figure of the reconciliation, through rjsf's `extraErrors`;
// an out-of-order country count and a bad country code show under that array item and
// its field, and the sum that then exceeds recipients under each count; correcting the figure clears R001. axe-core finds no WCAG 2.1 A/AA violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { launch, waitReady } from './browser.mjs';

const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));
let server;
let browser;
let page;
let problems;

before(async () => {
  server = await serve(fileURLToPath(new URL('../rjsf/dist', import.meta.url)));
  browser = await launch();
  ({ page, problems } = await browser.page());
  await page.goto(server.url);
  await waitReady(page, problems);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const errorsUnder = (id) => page.locator(`#${id}__error li`).allTextContents();
const R001 = 'error R001: male 29 + female 68 + minor_dependents 6 = 103, but recipients is 102: off by 1';

test('the seed\'s figures reconcile: no error under any field', async () => {
  assert.equal(await page.locator('#root_male').inputValue(), '28');
  assert.equal(await page.locator('.error-detail li').count(), 0);
});

test('a wrong male count shows R001 under male and every figure it involves', async () => {
  await page.fill('#root_male', '29');
  await page.waitForSelector('#root_male__error li');
  for (const field of ['male', 'female', 'minor_dependents', 'recipients']) {
    assert.deepEqual(await errorsUnder(`root_${field}`), [R001], field);
  }
  assert.deepEqual(await errorsUnder('root_permits_issued'), []);
  assert.equal(await page.locator('#root_male').getAttribute('aria-describedby').then((v) => v.split(' ')[0]), 'root_male__error');
});

test('array items: an out-of-order count and a bad country code show under that item', async () => {
  await page.fill('#root_top_countries_of_birth_1_count', '40');
  await page.fill('#root_top_countries_of_birth_2_country', 'X');
  await page.waitForSelector('#root_top_countries_of_birth_2_country__error li');
  // The sum's R003 relates every count, so it shows under each of them.
  assert.deepEqual(await errorsUnder('root_top_countries_of_birth_1_count'),
    ['error R003: sum(top_countries_of_birth.count) 104 exceeds recipients 102 by 2']);
  const item = await page.locator('#root_top_countries_of_birth_1 .error-detail li, #root_top_countries_of_birth_1__error li').allTextContents();
  assert.ok(item.some((t) => /^warning R003: country count 40 is listed after 31, out of descending order$/.test(t)), JSON.stringify(item));
  assert.deepEqual(await errorsUnder('root_top_countries_of_birth_2_country'),
    ['error M004: `X` is not an ISO 3166-1 alpha-2 country code']);
});

test('correcting the figures clears R001; no WCAG 2.1 A/AA violation; no page error', async () => {
  await page.fill('#root_top_countries_of_birth_1_count', '17');
  await page.fill('#root_top_countries_of_birth_2_country', 'PH');
  await page.fill('#root_male', '28');
  await page.waitForFunction(() => document.querySelectorAll('.error-detail li').length === 0);
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  assert.deepEqual(problems, []);
});
