// Types of `naplint/worker` (lib/worker.js).
import type { Diagnostic, Document, JsonValue, Options, RuleInfo } from './index.js';

/** A session held by the worker: `createSession`'s methods, each answered as a promise. */
export interface WorkerSession {
  set(pointer: string, value: JsonValue): Promise<Diagnostic[]>;
  remove(pointer: string): Promise<Diagnostic[]>;
  diagnostics(): Promise<Diagnostic[]>;
  text(): Promise<string>;
  /** Releases the session in the worker; later calls reject with `invalid-argument`. */
  free(): Promise<null>;
}

export interface CreateWorkerOptions {
  /** Where the worker loads the `.wasm` from, or a compiled module to share between workers. */
  module?: string | URL | WebAssembly.Module;
  /** A Worker already running the package's `lib/worker-main.js`. */
  worker?: Worker;
}

/** The package's API, each call answered by the worker. Errors are `NaplintError`s. */
export interface NaplintWorker {
  validate(doc: Document, options?: Options): Promise<Diagnostic[]>;
  fix(doc: Document, options?: Options): Promise<string>;
  rules(options?: Options): Promise<RuleInfo[]>;
  explain(code: string, options?: Options): Promise<string | null>;
  schema(): Promise<Record<string, unknown>>;
  version(): Promise<string>;
  /** Opens a session in the worker (as `createSession`); edits then cross as messages. */
  createSession(doc: Document, options?: Options): Promise<WorkerSession>;
  /** Stops the worker; pending and later calls reject with a NaplintError `internal`. */
  terminate(): void;
}

/** Starts a module worker that loads the module once and runs every call off the main thread. */
export declare function createWorker(options?: CreateWorkerOptions): NaplintWorker;
