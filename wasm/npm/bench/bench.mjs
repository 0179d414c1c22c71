// Where the time of `validate` goes, in Node: the raw WASM call (checking plus building
// the JSON envelope) against the JS side (JSON.stringify of an object input, JSON.parse
// of the result). `node bench/bench.mjs` after a build; the machine is noisy, so compare
// ratios within one run.
import { readFileSync } from 'node:fs';
import * as raw from '../dist/naplint_wasm.js';
import { validate } from '../lib/node.js';

raw.initSync({ module: readFileSync(new URL('../dist/naplint_wasm_bg.wasm', import.meta.url)) });
const seed = readFileSync(new URL('../../../seeds/2013-14/report.json', import.meta.url), 'utf8');
const doc = JSON.parse(seed);
const broken = JSON.parse(seed);
// Many findings: every deliverable's start made malformed (P005, each with a fix).
for (const p of broken.pillars) for (const o of p.objectives) for (const t of o.tasks) for (const d of t.deliverables) d.start = '2012-13';
const brokenText = JSON.stringify(broken, null, 2);

function time(label, fn, n = 40) {
  fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  const us = ((performance.now() - t0) / n) * 1000;
  console.log(`${label.padEnd(52)} ${us.toFixed(0).padStart(7)} µs`);
  return us;
}

for (const [name, text] of [['seed', seed], ['seed with 100+ P005 findings', brokenText]]) {
  const envelope = raw.validateText(text, '');
  console.log(`\n${name}: ${(text.length / 1024).toFixed(0)} KB, ${JSON.parse(envelope).ok.length} diagnostics, result ${(envelope.length / 1024).toFixed(1)} KB of JSON`);
  time('raw validateText (check + serialise to JSON)', () => raw.validateText(text, ''));
  time('JSON.parse of the result', () => JSON.parse(envelope));
  time('validate(text) (the public API)', () => validate(text));
}
time('\nJSON.stringify(seed object, null, 2)', () => JSON.stringify(doc, null, 2));
time('validate(seed object)', () => validate(doc));
