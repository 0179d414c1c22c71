// Node entry: instantiates the module synchronously from the file beside it, so the API
// is ready as soon as the import resolves. `init()` exists so that code written for the
// browser entry runs unchanged; here it has nothing left to do.
import { readFileSync } from 'node:fs';
import * as raw from '../dist/naplint_wasm.js';
import * as departmentRaw from '../dist/naplint_department.js';
import { createApi } from './api.js';

raw.initSync({ module: readFileSync(new URL('../dist/naplint_wasm_bg.wasm', import.meta.url)) });

// Department submissions are in a module of their own (scripts/build.sh), instantiated
// on the first `validateSubmission` call, synchronously from the file as above.
let departmentReady = false;
const department = new Proxy(
  {},
  {
    get(_, key) {
      if (!departmentReady) {
        departmentRaw.initSync({
          module: readFileSync(new URL('../dist/naplint_department_bg.wasm', import.meta.url)),
        });
        departmentReady = true;
      }
      return departmentRaw[key];
    },
  },
);

/** Already done at import (or on first use) in Node; resolves at once. */
export function initDepartment() {
  return Promise.resolve();
}

/** Already done at import in Node; resolves at once. */
export function init() {
  return Promise.resolve();
}

export { NaplintError } from './api.js';
export * from './adapters.js';
export const { validate, fix, rules, explain, schema, version, createSession } = createApi(raw);
// Department submissions (issue 11), from the department's module.
export const { validateSubmission } = createApi(department);
export default init;
