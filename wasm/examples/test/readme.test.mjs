// README's "Use in a web app" (wasm/npm/README.md) shows the code the tests run: every
// code block of the section is, verbatim, part of an example file that
// scripts/webapps.sh builds and tests in Chromium, and every example is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (p) => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8');
const README = read('../npm/README.md');
const EXAMPLES = [
  'vite/src/index.js', 'webpack/src/index.js', 'esbuild/src/index.js', 'rollup/src/index.js',
  'esbuild/build.sh', 'rollup/build.sh', 'rjsf/src/index.js', 'jsonforms/src/index.js',
];

function section() {
  const start = README.indexOf('\n## Use in a web app\n');
  assert.ok(start >= 0, 'README has a "Use in a web app" section');
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

const blocks = () => [...section().matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], code: m[2] }));

test('every code block of the section is part of a tested example', () => {
  const found = blocks();
  assert.ok(found.length >= 7, `${found.length} blocks`);
  for (const { code } of found) {
    const where = EXAMPLES.filter((p) => read(p).includes(code));
    assert.ok(where.length > 0, `not in any example:\n${code}`);
  }
});

test('every example is shown: the app whole, both build scripts whole, both form adapters', () => {
  const codes = blocks().map((b) => b.code);
  for (const p of ['vite/src/index.js', 'esbuild/build.sh', 'rollup/build.sh']) {
    assert.ok(codes.includes(read(p)), `${p} appears whole`);
  }
  assert.ok(codes.some((c) => c.includes('toRjsfErrorSchema(validate(doc, { lines: false }), { base: AT })')));
  assert.ok(codes.some((c) => c.includes('toJsonFormsErrors(validate(doc, { lines: false }), { base: AT })')));
  // The bundlers share one app.
  for (const p of ['webpack/src/index.js', 'esbuild/src/index.js', 'rollup/src/index.js']) {
    assert.equal(read(p), read('vite/src/index.js'), p);
  }
});
