// Node entry: instantiates the module synchronously from the file beside it, so the API
// is ready as soon as the import resolves. `init()` exists so that code written for the
// browser entry runs unchanged; here it has nothing left to do.
import { readFileSync } from 'node:fs';
import * as raw from '../dist/naplint_wasm.js';
import { createApi } from './api.js';

raw.initSync({ module: readFileSync(new URL('../dist/naplint_wasm_bg.wasm', import.meta.url)) });

/** Already done at import in Node; resolves at once. */
export function init() {
  return Promise.resolve();
}

export { NaplintError } from './api.js';
export * from './adapters.js';
export const { validate, fix, rules, explain, schema, version, createSession } = createApi(raw);
// Department submissions (issue 11).
export const { validateSubmission } = createApi(raw);
export default init;
