// The same tiny app (src/index.js, README's "Use in a web app" snippet), built by Vite 8,
// Vite 6 and webpack 5 on their default configurations, and by esbuild and Rollup as
// their build.sh does, by scripts/webapps.sh, served on 127.0.0.1 and opened in Chromium: the page must list the seed's findings, checked on the
// main thread after `await init()` and in a worker (`naplint/worker`, in French).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve, SEED } from './serve.mjs';
import { launch, waitReady } from './browser.mjs';

const here = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const EXPECTED = JSON.parse(readFileSync(new URL('../../../seeds/2013-14/findings.json', import.meta.url), 'utf8'));
const APPS = [
  ['Vite 8.3 (default configuration)', 'vite/dist'],
  ['Vite 6 (default configuration: target es2020, no top-level await)', 'vite/dist-vite6'],
  ['webpack 5 (no configuration file)', 'webpack'],
  ['esbuild (esbuild/build.sh: the worker as a second entry, the .wasm copied)', 'esbuild'],
  ['Rollup with node-resolve (rollup/build.sh: the worker as a second entry, the .wasm copied)', 'rollup'],
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the seed really has findings to show', () => {
  assert.equal(EXPECTED.length, 9);
  assert.ok(readFileSync(SEED, 'utf8').length > 1000);
});

for (const [name, root] of APPS) {
  test(`${name}: the built page shows the seed's findings, on the main thread and in a worker`, async () => {
    const server = await serve(here(root));
    const { page, problems } = await browser.page();
    try {
      await page.goto(server.url);
      await waitReady(page, problems);
      const main = await page.locator('#findings li').allTextContents();
      const inWorker = await page.locator('#worker-findings li').allTextContents();
      assert.deepEqual(main, EXPECTED.map((d) => `${d.severity} ${d.code} ${d.pointer}: ${d.message}`));
      assert.deepEqual(inWorker.map((t) => t.split(' ').slice(0, 3).join(' ')),
        EXPECTED.map((d) => `${d.severity} ${d.code} ${d.pointer}:`));
      assert.notDeepEqual(inWorker, main, 'the worker was asked for French messages');
      const wasm = [...server.requests].filter(([p]) => p.endsWith('.wasm'));
      assert.equal(wasm.length, 1, `one .wasm asset: ${JSON.stringify(wasm)}`);
      assert.ok(wasm[0][1] <= 2, `fetched once per thread at most: ${wasm[0][1]}`);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
      await server.close();
    }
  });
}
