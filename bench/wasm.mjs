// naplint's WASM `validate(text)` versus what a web form would otherwise run: `JSON.parse`
// plus an ajv compiled validator (draft 2020-12) on the same text, in one Node process.
//
//   node bench/wasm.mjs [FILE] [--json] [--pkg DIR]
//
// FILE defaults to the seed report. The WASM package must be built first
// (`bash wasm/scripts/ci.sh` or `bash wasm/scripts/build.sh` → wasm/npm/dist). ajv comes
// from bench/node_modules (`npm ci --prefix bench`). Each variant runs in batches after a
// warm-up; per call we report the minimum and the median batch. A benchmark, not a test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { measure } from './measure.mjs';

/** Batches of about 25 ms, 60 of them (bench/measure.mjs times them). */
const RUNS = { batches: 60, targetMs: 25 };

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');

// --pkg DIR (or NAPLINT_WASM_PKG) measures another build of the npm package (a copy with
// its own lib/ and dist/), to compare module builds in one run.
const pkgAt = args.indexOf('--pkg');
const pkg = pkgAt >= 0 ? path.resolve(args[pkgAt + 1]) : process.env.NAPLINT_WASM_PKG ? path.resolve(process.env.NAPLINT_WASM_PKG) : path.join(repo, 'wasm/npm');
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--pkg') ?? path.join(repo, 'seeds/2013-14/report.json');
const { validate } = await import(path.join(pkg, 'lib/node.js'));
const text = readFileSync(file, 'utf8');
const schema = JSON.parse(readFileSync(path.join(repo, 'schemas/report.schema.json'), 'utf8'));

// ajv's default strict mode (the schema has no format ajv does not know); allErrors: true —
// a form shows every error, as naplint does.
const ajv = new Ajv2020({ allErrors: true });
const ajvValidate = ajv.compile(schema);

// Sanity: both accept the document the way we expect (the seed is schema-valid and has
// naplint findings), so neither side is measuring an early exit.
const diagnostics = validate(text);
const ajvOk = ajvValidate(JSON.parse(text));


let sink = 0;
const results = {
  file: path.relative(repo, file),
  bytes: Buffer.byteLength(text),
  naplint_diagnostics: diagnostics.length,
  ajv_valid: ajvOk,
  json_parse: measure(() => { sink += JSON.parse(text) ? 1 : 0; }, RUNS),
  ajv_parse_validate: measure(() => { sink += ajvValidate(JSON.parse(text)) ? 1 : 0; }, RUNS),
  naplint_validate: measure(() => { sink += validate(text).length; }, RUNS),
};
results.ratio_naplint_over_ajv = results.naplint_validate.median_us / results.ajv_parse_validate.median_us;
results.cpu_ratio_naplint_over_ajv = results.naplint_validate.cpu_median_us / results.ajv_parse_validate.cpu_median_us;
if (sink < 0) console.log(sink);

if (asJson) {
  console.log(JSON.stringify(results));
} else {
  const row = (name, r) => `${name.padEnd(32)} ${r.min_us.toFixed(1).padStart(9)} ${r.median_us.toFixed(1).padStart(9)} ${r.cpu_median_us.toFixed(1).padStart(11)}`;
  console.log(`${results.file}: ${results.bytes} bytes; naplint reports ${results.naplint_diagnostics} diagnostics, ajv says valid=${ajvOk}`);
  console.log(`${'per call (µs)'.padEnd(32)} ${'min'.padStart(9)} ${'median'.padStart(9)} ${'cpu median'.padStart(11)}`);
  console.log(row('JSON.parse', results.json_parse));
  console.log(row('JSON.parse + ajv validate', results.ajv_parse_validate));
  console.log(row('naplint WASM validate(text)', results.naplint_validate));
  console.log(`naplint / (JSON.parse + ajv) = ${results.ratio_naplint_over_ajv.toFixed(2)}x (cpu: ${results.cpu_ratio_naplint_over_ajv.toFixed(2)}x)`);
}
