// Type declarations of the `naplint` package: the function signatures, hand-written
// here; the types they take and return are generated from the Rust types into
// types.d.ts by `cargo xtask codegen` (checked current by `cargo xtask codegen --check`).
// Checked by `tsc --noEmit` on test/consumer.ts and test/consumer-web.ts. The same
// declarations serve the Node and the browser entries (and `naplint/auto`).
import type { Diagnostic, ErrorCode, JsonValue, Options, RuleInfo, UserRuleProblem } from './types.js';

export type * from './types.js';

/** A document: JSON or YAML text, its UTF-8 bytes, or a plain JSON-able value. */
export type Document = string | Uint8Array | ArrayBuffer | JsonValue | object;

/** Codes of the errors this package throws. */
export type NaplintErrorCode = ErrorCode | 'not-initialized';

/** The only error type the package throws; documents never throw, they get diagnostics. */
export declare class NaplintError extends Error {
  readonly name: 'NaplintError';
  readonly code: NaplintErrorCode;
  /** For user rules that do not compile: one entry per problem. */
  readonly details?: UserRuleProblem[];
  constructor(code: NaplintErrorCode, message: string, cause?: unknown, details?: unknown[]);
}

/**
 * Loads the WebAssembly module, once (later calls return the same promise; a failed load
 * may be retried). In the browser entry every other function throws a NaplintError
 * `not-initialized` until it has resolved; in Node it resolves at once. `source`: where
 * the `.wasm` is, its bytes, a `Response` or a compiled module (default: the file beside
 * the glue, which Vite and webpack 5 bundle as an asset).
 */
export declare function init(
  source?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;
export default init;

export * from './adapters.js';

/**
 * Checks a report. Text is read as `options.format` or sniffed; bytes that are not
 * UTF-8 give an S003; a value is serialised with `JSON.stringify(doc, null, 2)`.
 * @throws {NaplintError} `invalid-options` or `invalid-argument` (never for a document's content)
 */
export declare function validate(doc: Document, options?: Options): Diagnostic[];

/**
 * Applies every machine-applicable fix (re-checking between passes, at most 4, as
 * `naplint check --fix`) and returns the fixed text; only fixed values change. A value
 * is serialised as for `validate` first.
 * @throws {NaplintError} `invalid-options`, or `invalid-argument` for bytes that are not UTF-8
 */
export declare function fix(doc: Document, options?: Options): string;

/** Every rule (built-in, then the options' user rules), with its level under `options`. */
export declare function rules(options?: Options): RuleInfo[];

/**
 * A rule's documentation as Markdown (as `naplint explain CODE [--lang fr]` prints it,
 * in `options.lang`), by code (any case), name or title; null for an unknown one.
 * `options` may add user rules.
 */
export declare function explain(code: string, options?: Options): string | null;

/** The report JSON Schema (draft 2020-12), as committed in `schemas/report.schema.json`. */
export declare function schema(): Record<string, unknown>;

/** The naplint version compiled into the module. */
export declare function version(): string;
