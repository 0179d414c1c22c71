// Browser and bundler entry. No top-level await, so it builds under every bundler's
// defaults (Vite's default target has no top-level await): call `await init()` once
// before the first check. `init()` fetches and instantiates the module beside the glue
// (`new URL('naplint_wasm_bg.wasm', import.meta.url)`, which Vite and webpack 5 turn into
// an asset), or the module given to it; it is idempotent, and a failed fetch may be
// retried. A call before it has resolved throws a NaplintError `not-initialized`.
// `naplint/auto` (lib/auto.js) awaits it at top level instead, as this entry used to.
import initWasm, * as raw from '../dist/naplint_wasm.js';
import initDepartmentWasm, * as departmentRaw from '../dist/naplint_department.js';
import { createApi, NaplintError } from './api.js';

/** `module`'s exports, each of which throws `not-initialized` until `ready()` is true. */
function guard(module, ready, message) {
  return new Proxy(
    {},
    {
      get(_, key) {
        const value = module[key];
        if (ready() || typeof value !== 'function') return value;
        // A plain function, so that `new raw.Session(...)` throws this too.
        return function notInitialized() {
          throw new NaplintError('not-initialized', message);
        };
      },
    },
  );
}

/**
 * One WebAssembly module of the package: `load(source)` fetches and instantiates it once
 * (idempotent; a failed fetch may be retried), and `exports` are its exports, guarded
 * until it has loaded. `what` names it in the error of a failed load, `notReady` is the
 * message of a call before.
 */
function loader(initModule, module, what, notReady) {
  let started;
  let ready = false;
  const load = (source) => {
    started ??= initModule(source === undefined ? undefined : { module_or_path: source }).then(
      () => {
        ready = true;
      },
      (e) => {
        started = undefined;
        throw new NaplintError('internal', `naplint: ${what} did not load: ${e && e.message ? e.message : String(e)}`, e);
      },
    );
    return started;
  };
  return { load, exports: guard(module, () => ready, notReady) };
}

const main = loader(
  initWasm,
  raw,
  'the WebAssembly module',
  'naplint is not initialised yet: `await init()` once before the first call (or import `naplint/auto`)',
);

// Department submissions are in a module of their own (about 26 KB gzipped that only
// the department's form needs): `validateSubmission` needs `await initDepartment()`.
const department = loader(
  initDepartmentWasm,
  departmentRaw,
  "the department's WebAssembly module",
  'validateSubmission is in the department\'s module: `await initDepartment()` once before the first call',
);

/**
 * Loads the module once: `source` is where the `.wasm` is (a URL or string), its bytes, a
 * `Response`, or a compiled `WebAssembly.Module`; by default the file beside the glue.
 * @param {unknown} [source]
 * @returns {Promise<void>}
 */
export function init(source) {
  return main.load(source);
}

/**
 * Loads the department's module once (`validateSubmission`): `source` as for `init`, by
 * default `naplint_department_bg.wasm` beside the glue. Idempotent; a failed fetch may be
 * retried.
 * @param {unknown} [source]
 * @returns {Promise<void>}
 */
export function initDepartment(source) {
  return department.load(source);
}

export { NaplintError } from './api.js';
export * from './adapters.js';
export const { validate, fix, rules, explain, schema, version, createSession } = createApi(main.exports);
export default init;
// Department submissions (issue 11), from the department's module.
export const { validateSubmission } = createApi(department.exports);
