// The worker side of `naplint/worker`: loads the module once (on the first message, or
// from the source an `init` message names), then answers each `{id, method, args}` with
// `{id, ok}` or `{id, error: {code, message, details}}`. Sessions stay here, by id:
// `createSession` answers an id, `session` runs `[id, op, ...args]` on one.
import * as naplint from './browser.js';

const METHODS = new Set(['validate', 'fix', 'rules', 'explain', 'schema', 'version']);
const SESSION_METHODS = new Set(['set', 'remove', 'diagnostics', 'text', 'free']);
let ready;
/** Open sessions by id (`createSession`); `free` removes one. */
const sessions = new Map();
let nextSession = 0;

function run(method, args) {
  if (METHODS.has(method)) return naplint[method](...args);
  if (method === 'createSession') {
    const id = nextSession++;
    sessions.set(id, naplint.createSession(...args));
    return id;
  }
  if (method === 'session') {
    const [id, op, ...rest] = args;
    const session = sessions.get(id);
    if (session === undefined || !SESSION_METHODS.has(op)) {
      throw new naplint.NaplintError('invalid-argument', session === undefined ? 'this session was freed' : `naplint worker: unknown session method ${JSON.stringify(op)}`);
    }
    if (op === 'free') sessions.delete(id);
    return session[op](...rest);
  }
  throw new naplint.NaplintError('invalid-argument', `naplint worker: unknown method ${JSON.stringify(method)}`);
}

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
    self.postMessage({ id, ok: run(method, args) ?? null });
  } catch (e) {
    const error =
      e instanceof naplint.NaplintError
        ? { code: e.code, message: e.message, details: e.code === 'invalid-edit' ? { kind: e.kind, pointer: e.pointer } : e.details }
        : { code: 'internal', message: `naplint worker: ${e && e.message ? e.message : String(e)}` };
    // A failed load may be retried by the next call.
    if (error.code === 'internal') ready = undefined;
    self.postMessage({ id, error });
  }
});
