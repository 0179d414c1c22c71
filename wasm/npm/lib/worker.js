// `naplint/worker`: the package's API in a module worker, so that checking a large report
// does not block the page. `createWorker()` starts one worker, which fetches and
// instantiates the module once, on its first call; every call is a message to it and
// returns a promise of what the same call returns on the main thread (a NaplintError,
// with the same `code`, when it throws). Bundlers see
// `new Worker(new URL('./worker-main.js', import.meta.url), { type: 'module' })` and
// bundle the worker with its `.wasm` (Vite and webpack 5 do by default).
import { NaplintError } from './api.js';

const METHODS = ['validate', 'fix', 'rules', 'explain', 'schema', 'version'];

/**
 * @param {{ module?: string | URL | WebAssembly.Module, worker?: Worker }} [options]
 *   `module`: where the worker loads the `.wasm` from (a URL), or a compiled module to
 *   share between workers; default: the file beside the glue, as `init()` does.
 *   `worker`: a Worker already running `naplint/worker-main` (for a custom set-up).
 */
export function createWorker(options = {}) {
  const worker =
    options.worker ?? new Worker(new URL('./worker-main.js', import.meta.url), { type: 'module' });
  const pending = new Map();
  let nextId = 0;
  let closed;

  function failAll(error) {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  }

  worker.addEventListener('message', (event) => {
    const { id, ok, error } = event.data ?? {};
    const call = pending.get(id);
    if (call === undefined) return;
    pending.delete(id);
    if (error) call.reject(new NaplintError(error.code, error.message, undefined, error.details));
    else call.resolve(ok);
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault?.();
    closed = new NaplintError('internal', `naplint worker failed: ${event.message ?? 'the worker script did not load'}`);
    failAll(closed);
  });
  worker.addEventListener('messageerror', () => {
    failAll(new NaplintError('internal', 'naplint worker: a message could not be read'));
  });

  function send(method, args) {
    return new Promise((resolve, reject) => {
      if (closed) {
        reject(closed);
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve, reject });
      try {
        worker.postMessage({ id, method, args });
      } catch (e) {
        pending.delete(id);
        reject(new NaplintError('invalid-argument', `cannot be sent to the worker: ${e && e.message ? e.message : String(e)}`, e));
      }
    });
  }

  if (options.module !== undefined) {
    const source = options.module instanceof URL ? options.module.href : options.module;
    send('init', [source]).catch(() => {});
  }

  const api = Object.fromEntries(METHODS.map((m) => [m, (...args) => send(m, args)]));
  /** A session held by the worker: the same methods as `createSession`'s, each a promise. */
  async function createSession(doc, sessionOptions) {
    const sid = await send('createSession', [doc, sessionOptions]);
    const op = (name) => (...args) => send('session', [sid, name, ...args]);
    return { set: op('set'), remove: op('remove'), diagnostics: op('diagnostics'), text: op('text'), free: op('free') };
  }
  return {
    ...api,
    createSession,
    /** Stops the worker; pending and later calls reject with a NaplintError `internal`. */
    terminate() {
      worker.terminate();
      closed = new NaplintError('internal', 'naplint worker was terminated');
      failAll(closed);
    },
  };
}
