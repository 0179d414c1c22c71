// The React + JSON Forms example (jsonforms/, vanilla renderers, built by Vite on its
// default configuration) in headless Chromium: typing a wrong male count shows naplint's
// R001 under male and each other figure of the reconciliation, through JSON Forms'
// `additionalErrors` (toJsonFormsErrors); correcting it clears them. axe-core finds no
// WCAG 2.1 A/AA violation; the page logs no error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { launch, waitReady } from './browser.mjs';

const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));
const R001 = 'male 29 + female 68 + minor_dependents 6 = 103, but recipients is 102: off by 1';
const FIGURES = ['permits_issued', 'recipients', 'male', 'female', 'minor_dependents'];
let server;
let browser;
let page;
let problems;

before(async () => {
  server = await serve(fileURLToPath(new URL('../jsonforms/dist', import.meta.url)));
  browser = await launch();
  ({ page, problems } = await browser.page());
  await page.goto(server.url);
  await waitReady(page, problems);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const input = (field) => page.locator(`[id="#/properties/${field}-input"]`);
const errorOf = (field) => page.locator(`[id="#/properties/${field}"] .validation`).textContent();

test('a wrong male count shows R001 under each figure it involves, and only there', async () => {
  assert.equal(await input('male').inputValue(), '28');
  for (const field of FIGURES) assert.equal(await errorOf(field), '', field);
  await input('male').fill('29');
  await page.waitForFunction(() => document.querySelectorAll('.validation_error').length === 4);
  for (const field of FIGURES) {
    assert.equal(await errorOf(field), field === 'permits_issued' ? '' : R001, field);
  }
});

test('correcting it clears the errors; no WCAG 2.1 A/AA violation; no page error', async () => {
  await input('male').fill('28');
  await page.waitForFunction(() => document.querySelectorAll('.validation_error').length === 0);
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  assert.deepEqual(problems, []);
});
