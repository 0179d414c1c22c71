// validateSubmission against validate, in Node: one department's submission of the split
// seed checked against the base, alone and with the 14 other departments' submissions
// loaded (A001 needs them). `node bench/submission.mjs` after a build and
// `cargo build -p naplint-cli` (it splits the seed with the CLI into a temporary
// directory); the machine is noisy, so compare the ratios within one run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate, validateSubmission } from '../lib/node.js';

const repo = new URL('../../../', import.meta.url).pathname;
const cli = process.env.NAPLINT_CLI ?? join(repo, 'target/debug/naplint');
const seedPath = join(repo, 'seeds/2013-14/report.yaml');
const dir = mkdtempSync(join(tmpdir(), 'naplint-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
execFileSync(cli, ['split', seedPath, '--out', dir], { stdio: 'ignore' });
const text = (n) => readFileSync(join(dir, n), 'utf8');
const names = readdirSync(dir).sort();
const base = text('base.yaml');
const ps = text('ps.yaml');
const others = names.filter((n) => n !== 'base.yaml' && n !== 'ps.yaml').map(text);
const seed = readFileSync(seedPath, 'utf8');

function time(label, fn, n = 40) {
  for (let i = 0; i < 5; i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  const ms = (performance.now() - t0) / n;
  console.log(`${label}: ${ms.toFixed(2)} ms`);
  return ms;
}

const whole = time('validate(seed report.yaml)', () => validate(seed));
const alone = time('validateSubmission(ps.yaml, base.yaml)', () => validateSubmission(ps, base));
const all = time(`validateSubmission(ps.yaml, base.yaml, { others: ${others.length} })`, () =>
  validateSubmission(ps, base, { others }),
);
console.log(`ratios to validate: alone ${(alone / whole).toFixed(2)}x, with others ${(all / whole).toFixed(2)}x`);
