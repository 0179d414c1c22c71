// Node entry: instantiates the module synchronously from the file beside it, so the API
// is ready as soon as the import resolves.
import { readFileSync } from 'node:fs';
import * as raw from '../dist/naplint_wasm.js';
import { createApi } from './api.js';

raw.initSync({ module: readFileSync(new URL('../dist/naplint_wasm_bg.wasm', import.meta.url)) });

export { NaplintError } from './api.js';
export const { validate, fix, rules, explain, schema, version, createSession } = createApi(raw);
// Department submissions (issue 11).
export const { validateSubmission } = createApi(raw);
