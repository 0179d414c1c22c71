// The worker side of `naplint/worker`: loads the module once (on the first message, or
// from the source an `init` message names), then answers each `{id, method, args}` with
// `{id, ok}` or `{id, error: {code, message, details}}`.
import * as naplint from './browser.js';

const METHODS = new Set(['validate', 'fix', 'rules', 'explain', 'schema', 'version']);
let ready;

self.addEventListener('message', async (event) => {
  const { id, method, args = [] } = event.data ?? {};
  try {
    if (method === 'init') {
      ready ??= naplint.init(args[0]);
      await ready;
      self.postMessage({ id, ok: null });
      return;
    }
    ready ??= naplint.init();
    await ready;
    if (!METHODS.has(method)) {
      throw new naplint.NaplintError('invalid-argument', `naplint worker: unknown method ${JSON.stringify(method)}`);
    }
    self.postMessage({ id, ok: naplint[method](...args) });
  } catch (e) {
    const error =
      e instanceof naplint.NaplintError
        ? { code: e.code, message: e.message, details: e.details }
        : { code: 'internal', message: `naplint worker: ${e && e.message ? e.message : String(e)}` };
    // A failed load may be retried by the next call.
    if (error.code === 'internal') ready = undefined;
    self.postMessage({ id, error });
  }
});
