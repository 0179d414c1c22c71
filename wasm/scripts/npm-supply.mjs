// Supply-chain checks of the npm package (wasm/npm), run by wasm/scripts/ci.sh after the
// module is built:
//
// 1. Runtime dependencies. `npm audit` cannot be used as the gate here: the registry's
//    audit endpoint answers 405 to these machines. With no runtime dependency npm sends
//    no audit request at all, so the offline equivalent is to read package-lock.json: the
//    packages that are not `dev` must be none (nothing from npm ships; the Rust crates in
//    the WASM module are checked by scripts/deny.sh and listed by `cargo xtask sbom`).
//    Should one appear, `npm audit --omit=dev` must pass, and fails where it cannot ask.
// 2. What ships: `npm pack --dry-run --json` must list exactly the package's own files:
//    every `files` entry, `types` and `exports` target present, nothing else (no tests,
//    source maps, logs, dotfiles, archives or benchmarks).
// 3. A self-test: the same checks on made-up packs with a stray and a missing file fail.
//
// Usage: node wasm/scripts/npm-supply.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NPM_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'npm');

// The shapes of file the package may ship. Anything else in the tarball is stray.
const SHIPPABLE = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICEN[CS]E([-.][\w.-]+)?$/,
  /^(index|types|worker|adapters)\.d\.ts$/,
  /^lib\/[\w-]+\.(js|mjs|d\.ts)$/,
  // The report module and the department's (scripts/build.sh builds both).
  /^dist\/naplint_(wasm|department)(\.js|_bg\.wasm|\.d\.ts|_bg\.wasm\.d\.ts)$/,
];

/** Non-dev packages of a v2/v3 package-lock.json, as `name@version`. */
export function runtimeDependencies(lock) {
  return Object.entries(lock.packages ?? {})
    .filter(([path, p]) => path !== '' && !p.dev && !p.link)
    .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')}@${p.version}`);
}

/** Every target named by `exports` (nested conditions included) and `types`/`main`. */
function declaredTargets(pkg) {
  const out = new Set();
  const walk = (v) => {
    if (typeof v === 'string') out.add(v.replace(/^\.\//, ''));
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(pkg.exports);
  for (const k of ['types', 'main', 'module', 'browser']) if (typeof pkg[k] === 'string') walk(pkg[k]);
  return [...out];
}

/** Problems with the packed file list `paths` of package.json `pkg`; [] when fine. */
export function packProblems(pkg, paths) {
  const problems = [];
  const packed = new Set(paths);
  for (const p of paths) {
    if (!SHIPPABLE.some((re) => re.test(p))) problems.push(`stray file in the package: ${p}`);
  }
  for (const entry of pkg.files ?? []) {
    const dir = entry.endsWith('/') ? entry : null;
    const present = dir ? paths.some((p) => p.startsWith(dir)) : packed.has(entry);
    if (!present) problems.push(`\`files\` entry ${entry} is not in the package`);
  }
  for (const t of declaredTargets(pkg)) {
    if (!packed.has(t)) problems.push(`exports/types target ${t} is not in the package`);
  }
  if (!pkg.files) problems.push('package.json has no `files` list');
  return problems;
}

function fail(message) {
  console.error(`npm-supply: FAILED: ${message}`);
  process.exit(1);
}

function selfTest(pkg, paths) {
  const cases = [
    ['a test file', [...paths, 'test/api.test.mjs'], 'stray file in the package: test/api.test.mjs'],
    ['a source map', [...paths, 'lib/api.js.map'], 'stray file in the package: lib/api.js.map'],
    ['a dotfile', [...paths, 'lib/.env'], 'stray file in the package: lib/.env'],
    [
      'an unbuilt module',
      paths.filter((p) => p !== 'dist/naplint_wasm_bg.wasm'),
      'dist/naplint_wasm_bg.wasm is not in the package',
    ],
  ];
  for (const [what, list, want] of cases) {
    const got = packProblems(pkg, list);
    if (!got.some((m) => m.includes(want))) fail(`self-test: ${what} was not caught (${JSON.stringify(got)})`);
    console.log(`self-test: ${what} fails as it must (${want})`);
  }
  return cases.length;
}

function main() {
  const pkg = JSON.parse(readFileSync(join(NPM_DIR, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(NPM_DIR, 'package-lock.json'), 'utf8'));

  console.log('== runtime dependencies (package-lock.json) and npm audit --omit=dev');
  const runtime = runtimeDependencies(lock);
  const declared = Object.keys(pkg.dependencies ?? {});
  if (declared.length && !runtime.length) fail(`package.json declares ${declared.join(', ')} but package-lock.json has none: run npm install`);
  const audit = spawnSync('npm', ['audit', '--omit=dev'], { cwd: NPM_DIR, encoding: 'utf8' });
  process.stdout.write(audit.stdout);
  if (runtime.length) {
    if (audit.status !== 0) {
      process.stderr.write(audit.stderr);
      fail(`npm audit --omit=dev failed for runtime dependencies ${runtime.join(', ')} (the audit endpoint is not reachable from these machines: audit them another way before shipping them)`);
    }
  } else if (audit.status !== 0) {
    process.stderr.write(audit.stderr);
    fail('npm audit --omit=dev failed');
  }
  console.log(`runtime dependencies: ${runtime.length ? runtime.join(', ') : 'none (nothing from npm ships; dev tools only: ' + Object.keys(pkg.devDependencies ?? {}).join(', ') + ')'}`);

  console.log('== npm pack --dry-run --json');
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: NPM_DIR, encoding: 'utf8' });
  const [report] = JSON.parse(out);
  const paths = report.files.map((f) => f.path).sort();
  for (const f of report.files) console.log(`  ${String(f.size).padStart(8)}  ${f.path}`);
  console.log(`  ${report.files.length} files, ${report.size} bytes packed, ${report.unpackedSize} unpacked`);
  const problems = packProblems(pkg, paths);
  if (problems.length) fail(problems.join('; '));
  console.log('package files: OK (every `files` entry and export present, nothing stray)');

  // Two checks above (runtime dependencies, package files), then the self-test cases.
  const passed = 2 + selfTest(pkg, paths);
  console.log(`npm-supply: ${passed} passed, 0 failed`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
