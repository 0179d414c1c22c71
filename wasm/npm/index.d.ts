// Type declarations of the `naplint` package (hand-written; checked by `tsc --noEmit` on
// test/consumer.ts). The same declarations serve the Node and the browser entries.

/** How serious a finding is. Every rule has a default; options can change it. */
export type Severity = 'error' | 'warning' | 'info';

/** A rule's configured level: a severity, or off. */
export type RuleLevel = Severity | 'off';

/** Canada's official languages. */
export type Lang = 'en' | 'fr';

/** The source format of a document. */
export type SourceFormat = 'json' | 'yaml';

/** A JSON value, as found in a fix. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

/** A machine-applicable edit: set the value at `pointer` to `value`. */
export interface Fix {
  /** RFC 6901 JSON Pointer of the value to replace. */
  pointer: string;
  value: JsonValue;
  /** What the fix does, for a button label: "replace `2012-13` with `2012/13`". */
  description: string;
}

/**
 * One finding: the same object `naplint check --format json` prints (without `file`),
 * plus the columns in UTF-16 code units.
 */
export interface Diagnostic {
  /** Stable rule code: a family letter (S, P, M, R) and three digits, e.g. "R001". */
  code: string;
  /** The rule's kebab-case name, e.g. "trp-breakdown". */
  name: string;
  severity: Severity;
  message: string;
  /** RFC 6901 JSON Pointer into the document ("" is the whole document). */
  pointer: string;
  /** 1-based line where what the pointer designates starts. */
  line: number;
  /** 1-based column, counted in Unicode scalar values (code points). */
  column: number;
  end_line: number;
  /** 1-based column just past the end, in Unicode scalar values. */
  end_column: number;
  help: string | null;
  fix: Fix | null;
  /**
   * JSON Pointers of every figure the finding involves, when there are others than
   * `pointer` to show it beside: each term of a failed reconciliation (R001 at
   * `/statistics/trp/cumulative/recipients` relates `.../male`, `.../female`,
   * `.../minor_dependents` and `.../recipients`). Absent (not empty) otherwise, as in
   * `naplint check --format json`.
   */
  related?: string[];
  /** 1-based start column in UTF-16 code units (JavaScript string indices, editors). */
  column_utf16: number;
  /** 1-based end column in UTF-16 code units. */
  end_column_utf16: number;
}

/**
 * A user's reconciliation rule, as `[[rule]]` in `naplint.toml`: a condition in the rule
 * language, checked for the element at `scope` (or each element, for an array).
 */
export interface UserRule {
  /** `U` and digits (`U001`) or a project prefix and digits (`CAN001`). */
  code: string;
  /** kebab-case name; default: the code in lower case. */
  name?: string;
  /** Default: error. */
  severity?: Severity;
  /** One line: what a finding means. */
  description?: string;
  /** JSON Pointer the rule runs on (`/statistics/operations`). */
  scope?: string;
  /** The condition that must hold: `male + female + minor_dependents == recipients`. */
  check: string;
  /** Field (relative to the scope element) the finding points at. */
  at?: string;
  /** Message template; `{arithmetic}` is the worked sum, `{field}` a field of the element. */
  message?: string;
  help?: string;
  /** Tolerance of "approximately" for this rule. */
  tolerance?: number;
}

/** A problem in a user rule's `check`, positioned in that text (1-based). */
export interface UserRuleProblem {
  code: string;
  message: string;
  line: number;
  column: number;
}

/**
 * The configuration, as in `naplint.toml`. (`rule_files` needs file access and is
 * rejected: put the rules themselves in `rule`.)
 */
export interface Config {
  /** Relative tolerance of "approximately" figures, 0 to 1 (default 0.05 = 5%). */
  tolerance?: number;
  /** Level per rule, by code ("P016") or name ("idle-department"). */
  rules?: Record<string, RuleLevel>;
  /** Only these codes or prefixes ("P", "R00", "M004"); empty means all. */
  select?: string[];
  /** Never these codes or prefixes. */
  ignore?: string[];
  /** User rules (family U). */
  rule?: UserRule[];
  /** Language of messages, help and documentation (default English). */
  lang?: Lang;
  /**
   * `false` leaves line numbers out of messages, for forms: a reconciliation then names
   * its terms by field (`male 29 + female 68 + minor_dependents 6 = 103, but recipients
   * is 102: off by 1`). Positions and `related` stay. Default true.
   */
  lines?: boolean;
}

/**
 * Options of every call. `tolerance`, `select`, `ignore`, `rules`, `rule`, `lang` and `lines` are
 * shorthands applied on top of `config`: `select` replaces, `ignore` adds, `rules`
 * entries override, `rule` adds, `tolerance`, `lang` and `lines` replace.
 * Unknown fields, unknown rules and bad values throw a `NaplintError` with code
 * `invalid-options`.
 */
export interface Options extends Config {
  /** How to read a text document; default: JSON if it starts with `{` or `[`, else YAML. */
  format?: SourceFormat;
  config?: Config;
}

/** A rule, as `naplint rules --json` lists it, plus its level under the options. */
export interface RuleInfo {
  code: string;
  /** Stable kebab-case identifier (English in every language). */
  name: string;
  /** Display name in the options' language. */
  title: string;
  family: 'structure' | 'plan' | 'meta' | 'reconcile' | 'across' | 'user';
  /** Default severity. */
  severity: Severity;
  fixable: boolean;
  /** One line: what a finding means. */
  summary: string;
  /** Markdown documentation. */
  docs: string;
  /** The severity findings get under the options, or "off". */
  level: RuleLevel;
}

/** A document: JSON or YAML text, its UTF-8 bytes, or a plain JSON-able value. */
export type Document = string | Uint8Array | ArrayBuffer | JsonValue | object;

/** Codes of the errors this package throws. */
export type NaplintErrorCode = 'invalid-options' | 'invalid-argument' | 'invalid-edit' | 'internal';

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
 * Checks one department's submission (`kind: submission`) against the coordinator's base
 * (`kind: base`): the submission's shape, the A rules (not-a-lead, unknown deliverable,
 * wrong report, and co-lead conflicts with `options.others`) and every rule of the report
 * assembled from them. Every diagnostic is located in `submission` (its `pointer`, `line`
 * and columns); a `related` entry in another file reads `others[i]#/pointer`.
 * @throws {NaplintError} `invalid-argument` when `base` is not a base, `invalid-options`
 */
export declare function validateSubmission(
  submission: Document,
  base: Document,
  options?: SubmissionOptions,
): Diagnostic[];
