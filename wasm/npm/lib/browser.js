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

let started;
let initialized = false;

/**
 * Loads the module once: `source` is where the `.wasm` is (a URL or string), its bytes, a
 * `Response`, or a compiled `WebAssembly.Module`; by default the file beside the glue.
 * @param {unknown} [source]
 * @returns {Promise<void>}
 */
export function init(source) {
  started ??= initWasm(source === undefined ? undefined : { module_or_path: source }).then(
    () => {
      initialized = true;
    },
    (e) => {
      started = undefined;
      throw new NaplintError('internal', `naplint: the WebAssembly module did not load: ${e && e.message ? e.message : String(e)}`, e);
    },
  );
  return started;
}

/** `raw`'s exports, each of which throws `not-initialized` until `ready()` is true. */
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

const guarded = guard(
  raw,
  () => initialized,
  'naplint is not initialised yet: `await init()` once before the first call (or import `naplint/auto`)',
);

// Department submissions are in a module of their own (about 26 KB gzipped that only
// the department's form needs): `validateSubmission` needs `await initDepartment()`.
let departmentStarted;
let departmentInitialized = false;

/**
 * Loads the department's module once (`validateSubmission`): `source` as for `init`, by
 * default `naplint_department_bg.wasm` beside the glue. Idempotent; a failed fetch may be
 * retried.
 * @param {unknown} [source]
 * @returns {Promise<void>}
 */
export function initDepartment(source) {
  departmentStarted ??= initDepartmentWasm(source === undefined ? undefined : { module_or_path: source }).then(
    () => {
      departmentInitialized = true;
    },
    (e) => {
      departmentStarted = undefined;
      throw new NaplintError('internal', `naplint: the department's WebAssembly module did not load: ${e && e.message ? e.message : String(e)}`, e);
    },
  );
  return departmentStarted;
}

const department = guard(
  departmentRaw,
  () => departmentInitialized,
  'validateSubmission is in the department\'s module: `await initDepartment()` once before the first call',
);

export { NaplintError } from './api.js';
export * from './adapters.js';
export const { validate, fix, rules, explain, schema, version, createSession } = createApi(guarded);
export default init;
// Department submissions (issue 11), from the department's module.
export const { validateSubmission } = createApi(department);
