//! The `#[wasm_bindgen]` exports: thin forwards to [`crate::api`]. Every export takes and
//! returns strings (or bytes), which cross the boundary as one copy each; the JavaScript
//! wrapper in `npm/lib/api.js` turns the returned envelope into values or a
//! `NaplintError` with one `JSON.parse`. None of these functions can panic.

use crate::api;
use wasm_bindgen::prelude::wasm_bindgen;

/// Diagnostics envelope for a document's text.
#[wasm_bindgen(js_name = validateText)]
#[must_use]
pub fn validate_text(doc: &str, options: &str) -> String {
    api::validate_envelope(doc, options)
}

/// Diagnostics envelope for a document's bytes (invalid UTF-8 is an S003).
#[wasm_bindgen(js_name = validateBytes)]
#[must_use]
pub fn validate_bytes(doc: &[u8], options: &str) -> String {
    api::validate_bytes_envelope(doc, options)
}

/// Fix envelope: `{"ok": {"text", "applied"}}`.
#[wasm_bindgen(js_name = fixText)]
#[must_use]
pub fn fix_text(doc: &str, options: &str) -> String {
    api::fix_envelope(doc, options)
}

/// Rules envelope.
#[wasm_bindgen(js_name = rulesJson)]
#[must_use]
pub fn rules_json(options: &str) -> String {
    api::rules_envelope(options)
}

/// Explain envelope (`{"ok": null}` for an unknown code).
#[wasm_bindgen(js_name = explainJson)]
#[must_use]
pub fn explain_json(code: &str, options: &str) -> String {
    api::explain_envelope(code, options)
}

/// The report JSON Schema text.
#[wasm_bindgen(js_name = schemaText)]
#[must_use]
pub fn schema_text() -> String {
    api::schema().to_owned()
}

/// The naplint version.
#[wasm_bindgen(js_name = version)]
#[must_use]
pub fn version() -> String {
    api::version().to_owned()
}
