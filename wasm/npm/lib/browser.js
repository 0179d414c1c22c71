// Browser and bundler entry. No top-level await, so it builds under every bundler's
// defaults (Vite's default target has no top-level await): call `await init()` once
// before the first check. `init()` fetches and instantiates the module beside the glue
// (`new URL('naplint_wasm_bg.wasm', import.meta.url)`, which Vite and webpack 5 turn into
// an asset), or the module given to it; it is idempotent, and a failed fetch may be
// retried. A call before it has resolved throws a NaplintError `not-initialized`.
// `naplint/auto` (lib/auto.js) awaits it at top level instead, as this entry used to.
import initWasm, * as raw from '../dist/naplint_wasm.js';
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

/** The raw exports, each of which throws `not-initialized` until `init()` has resolved. */
const guarded = new Proxy(
  {},
  {
    get(_, key) {
      const value = raw[key];
      if (initialized || typeof value !== 'function') return value;
      // A plain function, so that `new raw.Session(...)` throws this too.
      return function notInitialized() {
        throw new NaplintError(
          'not-initialized',
          'naplint is not initialised yet: `await init()` once before the first call (or import `naplint/auto`)',
        );
      };
    },
  },
);

export { NaplintError } from './api.js';
export * from './adapters.js';
export const { validate, fix, rules, explain, schema, version, createSession } = createApi(guarded);
export default init;
// Department submissions (issue 11).
export const { validateSubmission } = createApi(guarded);
