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

/** Why a session refused an edit (`NaplintError.kind` when `code` is `invalid-edit`). */
export type EditErrorKind =
  | 'invalid-pointer'
  | 'missing-parent'
  | 'not-a-container'
  | 'not-an-index'
  | 'index-out-of-range'
  | 'not-found'
  | 'remove-root'
  | 'unreadable'
  | 'unsupported'
  | 'rejected';

/** The only error type the package throws; documents never throw, they get diagnostics. */
export declare class NaplintError extends Error {
  readonly name: 'NaplintError';
  readonly code: NaplintErrorCode;
  /** For user rules that do not compile: one entry per problem. */
  readonly details?: UserRuleProblem[];
  /** For `invalid-edit`: why the session refused the edit. */
  readonly kind?: EditErrorKind;
  /** For `invalid-edit`: the pointer of the refused edit (null when the document does not parse). */
  readonly pointer?: string | null;
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

/**
 * A live session on one document, for forms: each edit splices one value into the text
 * the module holds (no re-serialisation of the document) and returns the diagnostics,
 * in the same shape and order as `validate(session.text(), sameOptions)`, which they
 * always equal (a property test checks it). A refused edit throws a `NaplintError` with
 * code `invalid-edit` and leaves the session as it was.
 */
export interface Session {
  /**
   * Sets the value at `pointer` (RFC 6901): replaces it, or adds a member; in an array,
   * an index equal to the length (or `-`) appends, as JSON Patch `add`. `""` replaces
   * the whole document.
   * @throws {NaplintError} `invalid-edit` (a missing parent, an index into an object...),
   *   `invalid-argument` (a value JSON cannot hold, a freed session)
   */
  set(pointer: string, value: JsonValue): Diagnostic[];
  /**
   * Removes the value at `pointer` (an array's later items move up).
   * @throws {NaplintError} `invalid-edit` when there is nothing to remove
   */
  remove(pointer: string): Diagnostic[];
  /** The current diagnostics. */
  diagnostics(): Diagnostic[];
  /** The current document as text (JSON, or YAML for a YAML session). */
  text(): string;
  /** Releases the session's memory in the module; any later call throws. */
  free(): void;
}

/**
 * Opens a session on a report: text (JSON, or YAML that can have existing values
 * replaced), UTF-8 bytes, or a value (written as `JSON.stringify(doc, null, 2)`, as
 * `validate` does). Same options as `validate`.
 * @throws {NaplintError} `invalid-options` or `invalid-argument`
 */
export declare function createSession(doc: Document, options?: Options): Session;

/** Options of `validateSubmission`: those of `validate`, plus the other departments' submissions. */
export interface SubmissionOptions extends Options {
  /**
   * Other departments' submissions the form has loaded (text or values): the findings
   * that need them (A001, co-leads that disagree) appear once they are there.
   */
  others?: Document[];
}

/**
 * Loads the module that holds `validateSubmission` (department submissions are a module
 * of their own, so that a report form does not download them). In the browser entry,
 * await it once before the first `validateSubmission` call (`source` as for `init`, by
 * default `naplint_department_bg.wasm` beside the glue); in Node it resolves at once.
 */
export declare function initDepartment(
  source?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;

/**
 * Checks one department's submission (`kind: submission`) against the coordinator's base
 * (`kind: base`): the submission's shape, the A rules (not-a-lead, unknown deliverable,
 * wrong report, and co-lead conflicts with `options.others`) and every rule of the report
 * assembled from them. Every diagnostic is located in `submission` (its `pointer`, `line`
 * and columns); a `related` entry in another file reads `others[i]#/pointer`.
 * In the browser, after `await initDepartment()`.
 * @throws {NaplintError} `invalid-argument` when `base` is not a base, `invalid-options`,
 * `not-initialized`
 */
export declare function validateSubmission(
  submission: Document,
  base: Document,
  options?: SubmissionOptions,
): Diagnostic[];
