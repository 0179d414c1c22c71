// Compiles every JSON Schema under schemas/ with ajv (draft 2020-12) in its default strict
// mode and again with every strict option an error, as rjsf and JSON Forms would load them,
// then checks that the compiled report schema accepts the seed and refuses an out-of-range
// value. Any error, any strict-mode warning, or no schema at all fails.
//   node scripts/strict-schemas.mjs      (ajv comes from bench/node_modules: npm ci there)
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(repo, 'bench', 'package.json'));
const Ajv2020 = require('ajv/dist/2020').default;
const ajvVersion = require('ajv/package.json').version;

const failures = [];
const fail = (message) => {
  failures.push(message);
  console.error(`FAIL: ${message}`);
};

const dir = path.join(repo, 'schemas');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) fail('no schema under schemas/');

const compiled = {};
for (const file of files) {
  const schema = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  for (const [mode, options] of [['default strict', {}], ['strict: true', { strict: true }]]) {
    const warnings = [];
    const logger = { log() {}, warn: (...a) => warnings.push(a.join(' ')), error: (...a) => warnings.push(a.join(' ')) };
    try {
      const validate = new Ajv2020({ ...options, allErrors: true, logger }).compile(schema);
      compiled[file] ??= validate;
    } catch (e) {
      fail(`${file} (${mode}): ${e.message}`);
      continue;
    }
    for (const w of warnings) fail(`${file} (${mode}) warns: ${w}`);
    if (warnings.length === 0) console.log(`ok: ${file} compiles (ajv ${ajvVersion}, ${mode})`);
  }
}

const report = compiled['report.schema.json'];
if (!report) {
  fail('schemas/report.schema.json did not compile');
} else {
  const seed = JSON.parse(readFileSync(path.join(repo, 'seeds/2013-14/report.json'), 'utf8'));
  if (report(seed)) console.log('ok: the seed is valid against report.schema.json');
  else fail(`the seed is invalid: ${JSON.stringify(report.errors.slice(0, 3))}`);
  // A bound that came from a Rust integer type (`edition: u32`) is still enforced.
  const tooBig = structuredClone(seed);
  tooBig.report.edition = 2 ** 32;
  if (report(tooBig)) fail('edition 2^32 passed: the u32 bound is lost');
  else console.log('ok: edition 2^32 is refused (maximum from u32)');
}

if (failures.length) {
  console.error(`strict-schemas: ${failures.length} failure(s)`);
  process.exit(1);
}
console.log(`strict-schemas: ${files.length} schema(s) compiled in ajv strict mode, 0 failures`);
