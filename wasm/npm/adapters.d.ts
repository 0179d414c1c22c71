// Types of the form-library adapters (lib/adapters.js), exported by every entry.
import type { Diagnostic, Fix, Severity } from './index.js';

/** rjsf's `ErrorSchema`, as its `extraErrors` prop takes it. */
export type RjsfErrorSchema = {
  __errors?: string[];
} & { [field: string]: RjsfErrorSchema | string[] | undefined };

export interface RjsfAdapterOptions {
  /** Also place each finding beside every pointer of its `related` list (default true). */
  related?: boolean;
  /** The text of one finding (default `formatDiagnostic`: "error R001: message"). */
  format?: (d: Diagnostic) => string;
  /**
   * The JSON Pointer of the part of the report the form renders
   * (`/statistics/trp/cumulative`): only findings at or under it, relative to it.
   */
  base?: string;
}

/** naplint's findings as rjsf's `extraErrors`, nested by JSON Pointer (array items by index). */
export declare function toRjsfErrorSchema(
  diagnostics: readonly Diagnostic[],
  options?: RjsfAdapterOptions,
): RjsfErrorSchema;

/** An ajv `ErrorObject` as JSON Forms' `additionalErrors` takes it. */
export interface JsonFormsError {
  /** The JSON Pointer of the field (the finding's `pointer`, or one of its `related`). */
  instancePath: string;
  /** `#/naplint/CODE`. */
  schemaPath: string;
  keyword: 'naplint';
  params: {
    code: string;
    severity: Severity;
    name: string;
    /** The finding's own pointer (differs from `instancePath` for a related field). */
    pointer: string;
    related?: string[];
    fix?: Fix;
  };
  message: string;
}

export interface JsonFormsAdapterOptions {
  /** Also give an error at every pointer of a finding's `related` list (default true). */
  related?: boolean;
  /** As for rjsf: only findings at or under this pointer, with `instancePath` relative to it. */
  base?: string;
}

/** naplint's findings as JSON Forms' `additionalErrors`. */
export declare function toJsonFormsErrors(
  diagnostics: readonly Diagnostic[],
  options?: JsonFormsAdapterOptions,
): JsonFormsError[];

/** The default text of a finding in rjsf: "`severity` `code`: `message`". */
export declare function formatDiagnostic(d: Diagnostic): string;

/** RFC 6901 reference tokens of a JSON Pointer, unescaped ("" is []). */
export declare function pointerTokens(pointer: string): string[];
