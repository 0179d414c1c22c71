// The demo form's "Check a whole report file" (wasm/www/check-file.js, on naplint/worker)
// in headless Chromium: a report with a wrong male count gets its R001 listed with its
// line, a broken YAML file its S003; the worker fetches the module once for every file;
// the English/Français toggle re-checks in French; axe-core finds no WCAG 2.1 A/AA
// violation in the section in either language; the page logs no error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../www/serve.mjs';
import { launch, waitReady } from './browser.mjs';

const SEED = readFileSync(new URL('../../../seeds/2013-14/report.json', import.meta.url), 'utf8');
const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));

let server;
let browser;
let page;
let problems;
let worker;
/** Every naplint worker the page started, in order. */
const workers = [];

before(async () => {
  server = await startServer();
  browser = await launch();
  ({ page, problems } = await browser.page());
  page.on('worker', (w) => {
    if (w.url().endsWith('/worker-main.js')) {
      workers.push(w);
      worker ??= w;
    }
  });
  await page.goto(server.url);
  await waitReady(page, problems);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** `.wasm` fetches seen by a worker (its Resource Timing entries). */
const wasmFetches = (w) =>
  w.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
const workerWasmFetches = () => wasmFetches(worker);

async function choose(name, text) {
  const before = await page.locator('#file-check-status').textContent();
  await page.setInputFiles('#check-file', { name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });
  await page.waitForFunction(
    ([prev, file]) => {
      const s = document.getElementById('file-check-status').textContent;
      return s !== prev && s.startsWith(file) && !s.endsWith('…');
    },
    [before, name],
  );
  return page.locator('#file-check-status').textContent();
}

async function axe() {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    window.axe.run('#file-check', { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a wrong male count: R001 listed with its line, checked in the worker', async () => {
  const doc = JSON.parse(SEED);
  doc.statistics.trp.cumulative.male += 1;
  const status = await choose('wrong-male.json', JSON.stringify(doc, null, 2));
  assert.equal(status, 'wrong-male.json: 4 errors, 6 warnings, 0 notes.');
  const items = await page.locator('#file-check-list li').allTextContents();
  assert.equal(items.length, 10);
  const r001 = items.filter((t) => / R001: /.test(t));
  assert.equal(r001.length, 1);
  assert.match(r001[0], /^line \d+:\d+ — error R001: male 29 .*recipients is 102/);
  assert.ok(worker, 'the check ran in a worker');
  assert.equal(await workerWasmFetches(), 1);
});

test('a broken YAML file gets S003; the module is not fetched again', async () => {
  const status = await choose('broken.yaml', 'format_version: "1"\nplan: [\n');
  assert.match(status, /^broken\.yaml: 1 error, 0 warnings, 0 notes\.$/);
  assert.match(await page.locator('#file-check-list li').first().textContent(), /^line \d+:\d+ — error S003: /);
  assert.equal(await workerWasmFetches(), 1, 'the worker fetched the module once for both files');
});

test('Français re-checks the file in French; no WCAG 2.1 AA violation in either language', async () => {
  assert.deepEqual(await axe(), []);
  await page.getByRole('button', { name: 'Français' }).click();
  await page.waitForFunction(() => document.getElementById('file-check-status').textContent.includes('erreur'));
  assert.equal(await page.locator('#file-check-heading').textContent(), 'Vérifier tout un fichier de rapport');
  assert.equal(await page.locator('#file-check-status').textContent(), 'broken.yaml : 1 erreur, 0 avertissement, 0 remarque.');
  assert.match(await page.locator('#file-check-list li').first().textContent(), /^ligne \d+:\d+ — erreur S003 : /);
  assert.equal(await page.locator('#file-check-list').getAttribute('lang'), 'fr-CA');
  assert.deepEqual(await axe(), []);
  assert.deepEqual(problems, []);
});

test('createWorker({ module }) shares a compiled module; errors keep their code; a session in the worker; terminate()', async () => {
  const started = workers.length;
  const result = await page.evaluate(async () => {
    const { createWorker } = await import('/wasm/npm/lib/worker.js');
    const { NaplintError } = await import('/wasm/npm/lib/api.js');
    const module = await WebAssembly.compileStreaming(fetch('/wasm/npm/dist/naplint_wasm_bg.wasm'));
    const w = createWorker({ module });
    const version = await w.version();
    const codes = (await w.validate('format_version: "1"\n', { format: 'yaml' })).map((d) => d.code);
    const error = await w.validate('{}', { format: 'xml' }).catch((e) => e);
    // A session in the worker: a wrong male count, its R001, a refused edit, free().
    const seed = await (await fetch('/seeds/2013-14/report.json')).text();
    const session = await w.createSession(seed);
    const before = (await session.diagnostics()).length;
    const afterSet = (await session.set('/statistics/trp/cumulative/male', 29)).map((d) => d.code);
    const text = await session.text();
    const refused = await session.set('/statistics/nope/x', 1).catch((e) => e);
    await session.free();
    const freed = await session.text().catch((e) => e);
    w.terminate();
    const after = await w.version().catch((e) => e);
    return {
      session: {
        before, r001: afterSet.filter((c) => c === 'R001').length, more: afterSet.length - before,
        male: JSON.parse(text).statistics.trp.cumulative.male,
        refused: [refused instanceof NaplintError, refused.code, refused.kind, refused.pointer],
        freed: [freed.code, freed.message],
      },
      version, codes: [...new Set(codes)],
      error: [error instanceof NaplintError, error.code, error.message],
      after: [after instanceof NaplintError, after.code, after.message],
    };
  });
  assert.match(result.version, /^\d+\.\d+\.\d+$/);
  assert.ok(result.codes.includes('S001'), JSON.stringify(result.codes));
  assert.deepEqual(result.error, [true, 'invalid-options', 'options: format must be "json" or "yaml", not "xml"']);
  assert.deepEqual(result.after, [true, 'internal', 'naplint worker was terminated']);
  assert.deepEqual(result.session, {
    before: 9, r001: 1, more: 1, male: 29,
    refused: [true, 'invalid-edit', 'missing-parent', '/statistics/nope/x'],
    freed: ['invalid-argument', 'this session was freed'],
  });
  assert.equal(workers.length, started + 1);
  assert.equal(await wasmFetches(workers.at(-1)).catch(() => 0), 0, 'the worker fetched no .wasm of its own');
});
