// Browser and bundler entry: fetches and instantiates the module beside the glue
// (`new URL('naplint_wasm_bg.wasm', import.meta.url)`, which bundlers understand) with a
// top-level await, so the API is ready as soon as the import resolves.
import init, * as raw from '../dist/naplint_wasm.js';
import { createApi } from './api.js';

await init();

export { NaplintError } from './api.js';
export const { validate, fix, rules, explain, schema, version, createSession } = createApi(raw);
// Department submissions (issue 11).
export const { validateSubmission } = createApi(raw);
