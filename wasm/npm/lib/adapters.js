// Adapters from naplint's diagnostics to the error shapes of the two form libraries that
// render a form from a JSON Schema: rjsf (`extraErrors`, an `ErrorSchema`) and JSON Forms
// (`additionalErrors`, ajv `ErrorObject`s). Both key errors by the JSON Pointer naplint
// already gives, so these are pure functions over plain data (no WebAssembly needed).
// A finding is placed at its `pointer` and, unless `related: false`, also beside every
// other figure of its `related` list (R001 points at `recipients` but is about `male`,
// `female` and `minor_dependents` too), as the demo form shows it.

/** RFC 6901: "/a~1b/0" -> ["a/b", "0"]; "" -> []. */
export function pointerTokens(pointer) {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Where a finding goes: its pointer, then its related pointers (each once); with `base`
 * (a form that renders only the part of the report at that pointer), only those at or
 * under `base`, relative to it.
 */
function placesOf(d, related, base) {
  const places = [d.pointer];
  if (related && Array.isArray(d.related)) {
    for (const p of d.related) if (!places.includes(p)) places.push(p);
  }
  if (!base) return places;
  return places.filter((p) => p === base || p.startsWith(`${base}/`)).map((p) => p.slice(base.length));
}

/** The default text of a finding in an rjsf `__errors` list: severity, code, message. */
export function formatDiagnostic(d) {
  return `${d.severity} ${d.code}: ${d.message}`;
}

/**
 * rjsf's `ErrorSchema` (for `extraErrors`): `{ field: { __errors: [text] } }`, nested as
 * the pointer is, array items by index (`{ countries: { 0: { code: { __errors } } } }`),
 * a finding on the whole document in the root's `__errors`.
 * @param {import('../index').Diagnostic[]} diagnostics
 * @param {{ related?: boolean, format?: (d: import('../index').Diagnostic) => string, base?: string }} [options]
 */
export function toRjsfErrorSchema(diagnostics, options = {}) {
  const { related = true, format = formatDiagnostic, base = '' } = options;
  const root = {};
  for (const d of diagnostics) {
    const text = format(d);
    for (const pointer of placesOf(d, related, base)) {
      let node = root;
      for (const token of pointerTokens(pointer)) {
        // `__errors` is rjsf's own key; an own-property check keeps `__proto__` a field.
        if (!Object.hasOwn(node, token)) {
          Object.defineProperty(node, token, { value: {}, enumerable: true, writable: true, configurable: true });
        }
        node = node[token];
      }
      if (!Object.hasOwn(node, '__errors')) node.__errors = [];
      node.__errors.push(text);
    }
  }
  return root;
}

/**
 * JSON Forms' `additionalErrors`: ajv-shaped `ErrorObject`s, `instancePath` the JSON
 * Pointer, `keyword` `naplint`, `params` the code, severity, rule name and the finding's
 * own pointer (and its `related` and `fix`, when it has them).
 * @param {import('../index').Diagnostic[]} diagnostics
 * @param {{ related?: boolean, base?: string }} [options]
 */
export function toJsonFormsErrors(diagnostics, options = {}) {
  const { related = true, base = '' } = options;
  const errors = [];
  for (const d of diagnostics) {
    const params = { code: d.code, severity: d.severity, name: d.name, pointer: d.pointer };
    if (d.related !== undefined) params.related = d.related;
    if (d.fix) params.fix = d.fix;
    for (const instancePath of placesOf(d, related, base)) {
      errors.push({
        instancePath,
        schemaPath: `#/naplint/${d.code}`,
        keyword: 'naplint',
        params,
        message: d.message,
      });
    }
  }
  return errors;
}
