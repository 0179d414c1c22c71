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

/// Explain envelope: `{"ok": {"code", "lang", "page"?}}`, `{"ok": null}` for an unknown
/// code (a built-in rule's page is in `npm/lib/docs.js`).
#[wasm_bindgen(js_name = explainJson)]
#[must_use]
pub fn explain_json(code: &str, options: &str) -> String {
    api::explain_envelope(code, options)
}

/// Language envelope: `{"ok": "en"}` or `{"ok": "fr"}`, as the options give it.
#[wasm_bindgen(js_name = langJson)]
#[must_use]
pub fn lang_json(options: &str) -> String {
    api::lang_envelope(options)
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

/// A live form session (`createSession` in `npm/lib/api.js`): every method returns an
/// envelope, as the functions above do, except that an edit that leaves the diagnostics
/// as they were returns `"unchanged"` (the wrapper keeps the list it parsed last);
/// `free()` comes from wasm-bindgen.
#[wasm_bindgen(js_name = Session)]
pub struct WasmSession(crate::session::SessionHandle);

#[wasm_bindgen(js_class = Session)]
impl WasmSession {
    /// A session on a document's text; bad options are reported by every method.
    #[wasm_bindgen(constructor)]
    #[must_use]
    pub fn new(doc: &str, options: &str) -> Self {
        Self(crate::session::SessionHandle::create(doc, options))
    }

    /// Diagnostics envelope after setting `pointer` to the JSON `value`, or
    /// `"unchanged"` when they are those of the previous reply (`session::UNCHANGED`).
    #[must_use]
    pub fn set(&mut self, pointer: &str, value: &str) -> String {
        self.0.set_reply(pointer, value)
    }

    /// Diagnostics envelope after removing `pointer`, or `"unchanged"` as for `set`.
    #[must_use]
    pub fn remove(&mut self, pointer: &str) -> String {
        self.0.remove_reply(pointer)
    }

    /// The current diagnostics envelope.
    #[must_use]
    pub fn diagnostics(&self) -> String {
        self.0.diagnostics_envelope()
    }

    /// The current text envelope.
    #[must_use]
    pub fn text(&self) -> String {
        self.0.text_envelope()
    }
}

/// Diagnostics envelope of one department's submission against the base
/// (`validateSubmission` in `npm/lib/api.js`); `options` may carry `others`. Only in the
/// department's module (the `submission` feature).
#[cfg(feature = "submission")]
#[wasm_bindgen(js_name = validateSubmissionText)]
#[must_use]
pub fn validate_submission_text(submission: &str, base: &str, options: &str) -> String {
    crate::submission::validate_submission_envelope(submission, base, options)
}
