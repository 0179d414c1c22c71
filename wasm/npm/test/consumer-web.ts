// The web entries' types: `init`, `naplint/auto`, `naplint/worker` and the form adapters.
// `tsc -p test/tsconfig.json` must accept it; the @ts-expect-error lines must stay errors.
import init, { validate, toRjsfErrorSchema, toJsonFormsErrors, type Diagnostic } from 'naplint';
import * as auto from 'naplint/auto';
import { createWorker, type NaplintWorker } from 'naplint/worker';
import type { RjsfErrorSchema, JsonFormsError } from 'naplint';

export async function web(text: string): Promise<number> {
  await init();
  await init(new URL('https://example.org/naplint_wasm_bg.wasm'));
  const diagnostics: Diagnostic[] = validate(text);
  const errorSchema: RjsfErrorSchema = toRjsfErrorSchema(diagnostics, { related: false });
  const fields: RjsfErrorSchema | string[] | undefined = errorSchema['statistics'];
  const errors: JsonFormsError[] = toJsonFormsErrors(diagnostics);
  const first = errors[0];
  if (first) {
    const path: string = first.instancePath;
    const code: string = first.params.code;
    void path;
    void code;
  }
  toRjsfErrorSchema(diagnostics, { format: (d) => d.code });
  // @ts-expect-error format returns a string
  toRjsfErrorSchema(diagnostics, { format: (d) => d.line });
  const worker: NaplintWorker = createWorker();
  const inWorker: Diagnostic[] = await worker.validate(text, { lang: 'fr' });
  const version: string = await worker.version();
  const session = await worker.createSession(text, { lines: false });
  const edited: Diagnostic[] = await session.set('/statistics/trp/cumulative/male', 29);
  // @ts-expect-error a session edit in the worker is a promise too
  const now: Diagnostic[] = session.diagnostics();
  await session.free();
  void edited;
  void now;
  // @ts-expect-error worker calls return promises
  const sync: Diagnostic[] = worker.validate(text);
  worker.terminate();
  void fields;
  void sync;
  void version;
  return inWorker.length + auto.validate(text).length;
}
