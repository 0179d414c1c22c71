// The public API of the `naplint` package, over the raw wasm-bindgen exports.
//
// The raw exports take and return strings: every call that can fail returns one JSON
// envelope, `{"ok": value}` or `{"error": {"code", "message"}}`, parsed here with a
// single `JSON.parse` (cheaper than building JS objects field by field across the
// boundary). Documents never cause errors — they get diagnostics; only a bad argument or
// bad options throw, and always a `NaplintError`.

// The built-in rules' documentation, by language and code (written by `cargo xtask
// codegen`): the module is built without it, to keep within its size budget.
import DOCS from './docs.js';

/** The one error type this package throws. `code` says what went wrong. */
export class NaplintError extends Error {
  /**
   * @param {'invalid-options' | 'invalid-argument' | 'invalid-edit' | 'not-initialized' | 'internal'} code
   * @param {string} message
   * @param {unknown} [cause]
   * @param {unknown[]} [details] per-problem detail (user rules that do not compile)
   */
  constructor(code, message, cause, details) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'NaplintError';
    this.code = code;
    if (code === 'invalid-edit' && details && typeof details === 'object') {
      // A refused session edit: what kind of refusal, and the pointer it was about.
      this.kind = details.kind;
      this.pointer = details.pointer;
    } else if (details !== undefined) {
      this.details = details;
    }
  }
}

const FORMATS = new Set(['json', 'yaml']);

/** What a session edit returns across the boundary when the diagnostics did not change
 * (`session::UNCHANGED` in the crate); never an envelope. */
const UNCHANGED = 'unchanged';

/** JSON.stringify would write NaN and Infinity as null; in options that is a mistake. */
function finiteNumbers(key, value) {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new NaplintError('invalid-options', `options: \`${key}\` must be a finite number, not ${value}`);
  }
  return value;
}

/** A copy of a JSON value (a fix's `value` may be an object or an array). */
function copyJson(v) {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(copyJson);
  const o = {};
  for (const k of Object.keys(v)) o[k] = copyJson(v[k]);
  return o;
}

/**
 * A copy of a list of diagnostics that shares no object with it, made for their shape
 * (types.d.ts `Diagnostic`): the top level spread, and its only nested values, `fix`
 * (with its JSON `value`) and `related`, copied. About ten times cheaper than a generic
 * deep clone or a `JSON.parse` of the list, which a session would otherwise pay on every
 * keystroke. `test/session-reply.test.mjs` checks that no nested object is shared.
 */
function copyDiagnostics(list) {
  const out = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const d = list[i];
    const c = { ...d };
    if (d.fix) c.fix = { ...d.fix, value: copyJson(d.fix.value) };
    if (d.related) c.related = d.related.slice();
    out[i] = c;
  }
  return out;
}

/**
 * The diagnostics a session reply describes (`wasm/src/session.rs`): `ok` in full, or,
 * with `keep`, the previous list's diagnostics `from..to` at positions `at..` of each
 * `[at, from, to]` and those of `ok`, in order, everywhere else. Kept ones are reused,
 * not copied: the list is the session's own, never the caller's.
 */
function rebuild(reply, previous) {
  const sent = reply.ok;
  if (reply.keep === undefined) return sent;
  const out = [];
  let n = 0;
  for (const [at, from, to] of reply.keep) {
    if (!(at >= out.length && at - out.length <= sent.length - n && from >= 0 && from < to && to <= previous.length)) {
      throw new NaplintError('internal', `naplint internal error: a session reply keeps ${from}..${to} of ${previous.length} diagnostics at ${at}`);
    }
    while (out.length < at) out.push(sent[n++]);
    for (let k = from; k < to; k++) out.push(previous[k]);
  }
  while (n < sent.length) out.push(sent[n++]);
  return out;
}

/**
 * Builds the API over an initialised wasm-bindgen module.
 * @param {object} raw the wasm-bindgen glue module (after init)
 */
export function createApi(raw) {
  /** A trap (which the core is built never to cause) as a NaplintError. */
  function internal(e) {
    if (e instanceof NaplintError) return e;
    return new NaplintError('internal', `naplint internal error: ${e && e.message ? e.message : String(e)}`, e);
  }

  /** Calls into WASM; a trap becomes a NaplintError. */
  function call(fn, ...args) {
    try {
      return fn(...args);
    } catch (e) {
      throw internal(e);
    }
  }

  /** An envelope's `ok`, or its error thrown; `whole` returns the envelope itself. */
  function unwrap(envelope, whole) {
    const parsed = JSON.parse(envelope);
    if (parsed.error) {
      const { code, message, details } = parsed.error;
      throw new NaplintError(code, message, undefined, details);
    }
    return whole ? parsed : parsed.ok;
  }

  function optionsText(options) {
    if (options === undefined || options === null) return '';
    if (typeof options !== 'object' || Array.isArray(options)) {
      throw new NaplintError(
        'invalid-options',
        `options must be an object, not ${Array.isArray(options) ? 'an array' : typeof options}`,
      );
    }
    if (options.format !== undefined && !FORMATS.has(options.format)) {
      throw new NaplintError(
        'invalid-options',
        `options: format must be "json" or "yaml", not ${JSON.stringify(options.format) ?? String(options.format)}`,
      );
    }
    try {
      return JSON.stringify(options, finiteNumbers);
    } catch (e) {
      if (e instanceof NaplintError) throw e;
      throw new NaplintError('invalid-options', `options cannot be serialised as JSON: ${e.message}`, e);
    }
  }

  /**
   * A document argument as text (or bytes). Objects are serialised with two-space
   * indentation so that line numbers mean something; `format` becomes JSON.
   */
  function documentOf(doc, options, { bytes }) {
    if (typeof doc === 'string') return { text: doc, options };
    if (doc instanceof Uint8Array || doc instanceof ArrayBuffer) {
      const view = doc instanceof ArrayBuffer ? new Uint8Array(doc) : doc;
      if (bytes) return { bytes: view, options };
      try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(view), options };
      } catch (e) {
        throw new NaplintError(
          'invalid-argument',
          'document is not valid UTF-8; validate() reports where',
          e,
        );
      }
    }
    if (doc === undefined || typeof doc === 'function' || typeof doc === 'symbol') {
      throw new NaplintError(
        'invalid-argument',
        `document must be a string, a Uint8Array or a JSON value, not ${typeof doc}`,
      );
    }
    let text;
    try {
      text = JSON.stringify(doc, null, 2);
    } catch (e) {
      throw new NaplintError('invalid-argument', `document cannot be serialised as JSON: ${e.message}`, e);
    }
    if (typeof text !== 'string') {
      throw new NaplintError('invalid-argument', 'document cannot be serialised as JSON');
    }
    return { text, options: { ...(options ?? {}), format: 'json' } };
  }

  /**
   * Checks a report. `doc` is JSON or YAML text, its UTF-8 bytes, or a plain object.
   * @returns {import('../index').Diagnostic[]}
   */
  function validate(doc, options) {
    const given = optionsText(options);
    const d = documentOf(doc, options, { bytes: true });
    // Text and bytes keep the options as given: serialised once.
    const opts = d.options === options ? given : optionsText(d.options);
    const envelope =
      d.bytes !== undefined
        ? call(raw.validateBytes, d.bytes, opts)
        : call(raw.validateText, d.text, opts);
    return unwrap(envelope);
  }

  /**
   * Applies every machine-applicable fix (re-checking between passes, as `naplint check
   * --fix` does) and returns the fixed text. Only the fixed values change.
   * @returns {string}
   */
  function fix(doc, options) {
    const given = optionsText(options);
    const d = documentOf(doc, options, { bytes: false });
    const opts = d.options === options ? given : optionsText(d.options);
    return unwrap(call(raw.fixText, d.text, opts)).text;
  }

  /** A built-in rule's entry of lib/docs.js (`page`, `docs`) in a language. */
  function builtinDocs(code, lang) {
    const entry = Object.hasOwn(DOCS, lang) && Object.hasOwn(DOCS[lang], code) ? DOCS[lang][code] : undefined;
    if (entry === undefined) {
      throw new NaplintError('internal', `naplint: lib/docs.js has no ${lang} documentation of ${code} (run \`cargo xtask codegen\`)`);
    }
    return entry;
  }

  /** Every rule, with `level`: its severity under `options`, or "off". */
  function rules(options) {
    const opts = optionsText(options);
    const list = unwrap(call(raw.rulesJson, opts));
    const lang = unwrap(call(raw.langJson, opts));
    for (const rule of list) {
      // A user rule's docs come from the module (generated from its declaration).
      if (rule.family !== 'user') rule.docs = builtinDocs(rule.code, lang).docs;
    }
    return list;
  }

  /** A rule's documentation as Markdown (what `naplint explain` prints), or null. */
  function explain(code, options) {
    if (typeof code !== 'string') {
      throw new NaplintError('invalid-argument', `rule code must be a string, not ${typeof code}`);
    }
    // The module finds the rule (code, name or title, user rules included) and says in
    // which language; a built-in rule's page is in lib/docs.js.
    const found = unwrap(call(raw.explainJson, code, optionsText(options)));
    if (found === null) return null;
    return typeof found.page === 'string' ? found.page : builtinDocs(found.code, found.lang).page;
  }

  let schemaCache;
  /** The report JSON Schema (draft 2020-12), a fresh copy on every call. */
  function schema() {
    schemaCache ??= call(raw.schemaText);
    return JSON.parse(schemaCache);
  }

  /** The naplint version compiled into the module. */
  function version() {
    return call(raw.version);
  }

  /** `JSON.stringify`'s replacer for a `Session.set` value: no NaN or Infinity. */
  function finiteValue(key, v) {
    if (typeof v === 'number' && !Number.isFinite(v)) {
      throw new NaplintError('invalid-argument', `value: ${v} is not a JSON number`);
    }
    return v;
  }

  /**
   * A value for `Session.set`, as JSON text; what JSON cannot hold is a NaplintError.
   * What a form types (a string, a finite number, a boolean, null) is written without
   * the replacer, which `JSON.stringify` would call on every value of an object.
   */
  function valueText(value) {
    switch (typeof value) {
      case 'string':
        return JSON.stringify(value);
      case 'boolean':
        return value ? 'true' : 'false';
      case 'number':
        if (Number.isFinite(value)) return JSON.stringify(value);
        break;
      case 'object':
        if (value === null) return 'null';
        break;
      default:
    }
    let text;
    try {
      text = JSON.stringify(value, finiteValue);
    } catch (e) {
      if (e instanceof NaplintError) throw e;
      throw new NaplintError('invalid-argument', `value cannot be serialised as JSON: ${e.message}`, e);
    }
    if (typeof text !== 'string') {
      throw new NaplintError('invalid-argument', `value must be a JSON value, not ${typeof value}`);
    }
    return text;
  }

  function pointerArg(pointer) {
    if (typeof pointer !== 'string') {
      throw new NaplintError('invalid-argument', `pointer must be a string, not ${typeof pointer}`);
    }
    return pointer;
  }

  /**
   * A live session on one document: each `set`/`remove` splices one value into the
   * text held in WASM and returns the diagnostics, exactly those `validate(text())`
   * gives. `free()` releases it.
   * @returns {import('../index').Session}
   */
  function createSession(doc, options) {
    const given = optionsText(options);
    const d = documentOf(doc, options, { bytes: false });
    const opts = d.options === options ? given : optionsText(d.options);
    const handle = call((text, o) => new raw.Session(text, o), d.text, opts);
    let freed = false;
    const live = () => {
      if (freed) throw new NaplintError('invalid-argument', 'this session was freed');
      return handle;
    };
    // The session's current diagnostics, kept here as the module last described them.
    // An edit that leaves them as they were (most keystrokes) gets `UNCHANGED`, and
    // nothing is parsed; one that changes them gets a delta (`rebuild`). Each call returns
    // a fresh copy of this list (`copyDiagnostics`), which the caller may keep or change
    // without touching it.
    let current;
    const reply = (out) => {
      if (out !== UNCHANGED) current = rebuild(unwrap(out, true), current);
      return copyDiagnostics(current);
    };
    const session = {
      // Called on every keystroke: the module is called directly, not through `call`.
      set(pointer, value) {
        const h = live();
        const json = valueText(value);
        const p = pointerArg(pointer);
        let out;
        try {
          out = h.set(p, json);
        } catch (e) {
          throw internal(e);
        }
        return reply(out);
      },
      remove(pointer) {
        const h = live();
        const p = pointerArg(pointer);
        let out;
        try {
          out = h.remove(p);
        } catch (e) {
          throw internal(e);
        }
        return reply(out);
      },
      diagnostics() {
        live();
        return copyDiagnostics(current);
      },
      text() {
        const h = live();
        return unwrap(call(() => h.text()));
      },
      free() {
        if (!freed) {
          freed = true;
          handle.free();
        }
      },
    };
    try {
      // Bad options: throw now, and release the handle.
      current = unwrap(call(() => handle.diagnostics()));
    } catch (e) {
      session.free();
      throw e;
    }
    return session;
  }

  /**
   * Checks one department's submission against the coordinator's base (documents as for
   * `validate`). `options.others` holds other departments' submissions the form has
   * loaded: the findings that need them (A001 co-lead conflicts) appear once they are
   * there. Every diagnostic is located in `submission`.
   * @returns {import('../index').Diagnostic[]}
   */
  function validateSubmission(submission, base, options) {
    optionsText(options);
    const { others, ...rest } = options ?? {};
    if (others !== undefined && !Array.isArray(others)) {
      throw new NaplintError('invalid-options', 'options: `others` must be an array of submissions');
    }
    const texts = (others ?? []).map((o) => documentOf(o, undefined, { bytes: false }).text);
    const sub = documentOf(submission, undefined, { bytes: false });
    const b = documentOf(base, undefined, { bytes: false });
    // Each text's format is sniffed unless `options.format` names one for all.
    const envelope = call(
      raw.validateSubmissionText,
      sub.text,
      b.text,
      optionsText({ ...rest, others: texts }),
    );
    return unwrap(envelope);
  }

  return { validate, fix, rules, explain, schema, version, createSession, validateSubmission };
}
