//! The binding layer as plain Rust: strings in, JSON strings out, so that every behaviour
//! of the WASM module is unit-tested natively. `bindings.rs` only forwards to these
//! functions under `#[wasm_bindgen]`.
//!
//! Every function that can fail returns an *envelope*, one JSON object that is either
//! `{"ok": <value>}` or `{"error": {"code": "...", "message": "..."}}`. The JavaScript
//! wrapper (`npm/lib/api.js`) parses it once with `JSON.parse` and throws a
//! `NaplintError` for the second form. Nothing here panics on any input: a document that
//! cannot be read is a diagnostic (S003), and a bad option is an error envelope.

use naplint::config::RuleLevel;
use naplint::i18n::Lang;
use naplint::lang::UserRule;
use naplint::{registry, Config, Diagnostic, Linter, LinterError, SourceFormat};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Most fix passes, as in the CLI (the core's loop): a fix can enable another, but never
/// forever.
pub use naplint::fix::MAX_FIX_PASSES;

/// How many compiled linters (one per distinct configuration) are kept.
const CACHE_SIZE: usize = 4;

/// The error codes a caller can branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// The options object is malformed or names unknown rules, fields or formats.
    InvalidOptions,
    /// The document argument is not a document (not text, bytes or a JSON-able value).
    InvalidArgument,
    /// A session edit the document cannot take (a pointer through a missing parent, an
    /// index into an object); `details` has the `kind` and the `pointer`.
    InvalidEdit,
    /// Should never happen: the embedded schema did not compile.
    Internal,
}

/// A typed failure of a call (never of a document: documents get diagnostics).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// Structured detail where there is some: for user rules that do not compile, one
    /// `{code, message, line, column}` per problem (positions in the rule's `check`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<serde_json::Value>,
}

impl ApiError {
    pub(crate) fn options(message: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::InvalidOptions,
            message: message.into(),
            details: None,
        }
    }
}

impl From<LinterError> for ApiError {
    fn from(e: LinterError) -> Self {
        Self::linter(&e, naplint::Lang::En)
    }
}

impl ApiError {
    /// The core's refusal of a configuration, worded in `lang` (the options' language).
    fn linter(e: &LinterError, lang: naplint::Lang) -> Self {
        let message = e.message(lang);
        match e {
            LinterError::Schema(_) => Self {
                code: ErrorCode::Internal,
                message,
                details: None,
            },
            LinterError::Config(_) => Self::options(format!("options: {message}")),
            LinterError::Rules(problems) => Self {
                details: serde_json::to_value(problems).ok(),
                ..Self::options(format!("options: {message}"))
            },
        }
    }
}

/// `{"ok": value}` or `{"error": {...}}`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "lowercase")]
enum Envelope<T> {
    Ok(T),
    Error(ApiError),
}

pub(crate) fn envelope<T: Serialize>(result: Result<T, ApiError>) -> String {
    let value = match result {
        Ok(v) => Envelope::Ok(v),
        Err(e) => Envelope::Error(e),
    };
    serde_json::to_string(&value).unwrap_or_else(|e| {
        // Only reachable if a value cannot be serialised (non-finite floats are
        // written as null by serde_json, so in practice never).
        format!(
            r#"{{"error":{{"code":"internal","message":{}}}}}"#,
            serde_json::Value::String(format!("cannot serialise the result: {e}"))
        )
    })
}

/// The options object of every call: `{ format?, config?, tolerance?, select?, ignore?,
/// rules?, rule?, lang?, lines? }`. `config` has the shape of `naplint.toml`. The top-level keys
/// are shorthands applied on top of `config`, the way the CLI applies
/// `--select`/`--ignore` on top of `naplint.toml`: `select` replaces, `ignore` adds,
/// `rules` entries override, `rule` (user rules) adds, `tolerance` and `lang` replace.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(optional_fields))]
#[serde(deny_unknown_fields)]
pub struct Options {
    pub format: Option<SourceFormat>,
    pub config: Option<Config>,
    pub tolerance: Option<f64>,
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub rules: Option<BTreeMap<String, RuleLevel>>,
    /// User rules, as `[[rule]]` in `naplint.toml`.
    pub rule: Option<Vec<UserRule>>,
    /// Language of messages, help and documentation.
    pub lang: Option<Lang>,
    /// `false` leaves line numbers out of messages (for forms); default true.
    pub lines: Option<bool>,
}

impl Options {
    /// Parses the options JSON; empty text and `null` mean no options.
    ///
    /// # Errors
    /// `invalid-options` when the text is not an options object.
    pub fn parse(json: &str) -> Result<Self, ApiError> {
        let trimmed = json.trim();
        if trimmed.is_empty() || trimmed == "null" {
            return Ok(Self::default());
        }
        match serde_json::from_str::<serde_json::Value>(trimmed) {
            Ok(serde_json::Value::Object(_)) => {}
            Ok(other) => {
                return Err(ApiError::options(format!(
                    "options must be an object, not {}",
                    json_type(&other)
                )))
            }
            Err(e) => return Err(ApiError::options(format!("options are not JSON: {e}"))),
        }
        // Read into the types through the core's tree, as documents are, not with
        // `serde_json::from_str`: its typed deserializer is then not in the module (one copy
        // per options type, and the float formatting its errors reach). The words are
        // serde's either way (`unknown field `formt``, `invalid type: ...`), without
        // serde_json's `at line 1 column N`; a repeated key is read last-one-wins, as in a
        // document (`JSON.stringify` never writes one).
        let loaded = naplint::source::load(trimmed, SourceFormat::Json);
        let root = loaded
            .root
            .as_ref()
            .ok_or_else(|| ApiError::options("options are not JSON"))?;
        naplint::source::from_node(root, loaded.has_duplicate_keys())
            .map_err(|e| ApiError::options(format!("options: {e}")))
    }

    /// The effective configuration (validated when the linter is built).
    ///
    /// # Errors
    /// `invalid-options` for `rule_files`, which need file access: in the browser the
    /// rules themselves go in `config.rule`.
    pub fn config(&self) -> Result<Config, ApiError> {
        let mut config = self.config.clone().unwrap_or_default();
        if !config.rule_files.is_empty() {
            return Err(ApiError::options(
                "options: `rule_files` needs file access, which the WASM module has not; put the rules themselves in `config.rule`",
            ));
        }
        let overlay = naplint::config::Overlay {
            tolerance: self.tolerance,
            select: self.select.clone(),
            ignore: self.ignore.clone().unwrap_or_default(),
            rules: self.rules.clone().unwrap_or_default(),
            user_rules: self.rule.clone().unwrap_or_default(),
            lang: self.lang,
            lines: self.lines,
        };
        config = config.overlaid(&overlay);
        Ok(config)
    }

    /// The format to read `text` in: the one asked for, else sniffed from the text.
    #[must_use]
    pub fn format_for(&self, text: &str) -> SourceFormat {
        self.format.unwrap_or_else(|| SourceFormat::sniff(text))
    }
}

fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

thread_local! {
    /// Compiled linters by configuration (most recently used last). The core keeps no
    /// globals; this cache belongs to the module instance.
    static LINTERS: RefCell<Vec<(String, Rc<Linter>)>> = const { RefCell::new(Vec::new()) };
}

/// The linter for `config`, compiled once per distinct configuration.
///
/// # Errors
/// `invalid-options` for a configuration the core rejects (unknown rules, a bad
/// tolerance, user rules that do not compile); `internal` if the embedded schema does
/// not compile (a core test rules it out).
pub fn linter_for(config: Config) -> Result<Rc<Linter>, ApiError> {
    let key = serde_json::to_string(&config).unwrap_or_default();
    let cached = LINTERS.with(|cell| {
        let mut cache = cell.borrow_mut();
        let at = cache.iter().position(|(k, _)| *k == key)?;
        let entry = cache.remove(at);
        let linter = Rc::clone(&entry.1);
        cache.push(entry);
        Some(linter)
    });
    if let Some(linter) = cached {
        return Ok(linter);
    }
    let lang = config.lang;
    let linter = Rc::new(Linter::new(config).map_err(|e| ApiError::linter(&e, lang))?);
    LINTERS.with(|cell| {
        let mut cache = cell.borrow_mut();
        if cache.len() >= CACHE_SIZE {
            cache.remove(0);
        }
        cache.push((key, Rc::clone(&linter)));
    });
    Ok(linter)
}

thread_local! {
    /// The linter and format of the last few options texts, exactly as they came (most
    /// recently used last): a form calls with the same options every time, and this
    /// spares it parsing them, overlaying the configuration and writing the key of
    /// [`linter_for`] on each call. Only options that were accepted are kept.
    static PREPARED: RefCell<Vec<(String, Prepared)>> = const { RefCell::new(Vec::new()) };
}

/// What an options text gives every call: the compiled linter, and the format asked for.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub linter: Rc<Linter>,
    pub format: Option<SourceFormat>,
}

impl Prepared {
    /// The format to read `text` in: the one asked for, else sniffed from the text.
    #[must_use]
    pub fn format_for(&self, text: &str) -> SourceFormat {
        self.format.unwrap_or_else(|| SourceFormat::sniff(text))
    }
}

/// [`Options::parse`], [`Options::config`] and [`linter_for`] of an options text, once
/// per distinct text among the last few.
///
/// # Errors
/// Those of the three.
pub fn prepare(options: &str) -> Result<Prepared, ApiError> {
    let cached = PREPARED.with(|cell| {
        let mut cache = cell.borrow_mut();
        let at = cache.iter().position(|(k, _)| k == options)?;
        let entry = cache.remove(at);
        let prepared = entry.1.clone();
        cache.push(entry);
        Some(prepared)
    });
    if let Some(prepared) = cached {
        return Ok(prepared);
    }
    let parsed = Options::parse(options)?;
    let prepared = Prepared {
        linter: linter_for(parsed.config()?)?,
        format: parsed.format,
    };
    PREPARED.with(|cell| {
        let mut cache = cell.borrow_mut();
        if cache.len() >= CACHE_SIZE {
            cache.remove(0);
        }
        cache.push((options.to_owned(), prepared.clone()));
    });
    Ok(prepared)
}

/// How many linters are cached (for tests).
#[must_use]
pub fn cached_linters() -> usize {
    LINTERS.with(|cell| cell.borrow().len())
}

/// A diagnostic as JavaScript sees it: the core's JSON shape (SPEC section 3, the same
/// fields in the same order as `naplint check --format json`, without `file`; `related`
/// only when the finding involves other figures) plus the columns in UTF-16 code units, which is what JavaScript string indices and editors
/// (Monaco, CodeMirror, LSP) count in.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "Diagnostic"))]
pub struct WasmDiagnostic<'a> {
    #[serde(flatten)]
    pub diagnostic: &'a Diagnostic,
    /// 1-based start column in UTF-16 code units.
    pub column_utf16: usize,
    /// 1-based end column in UTF-16 code units.
    pub end_column_utf16: usize,
}

impl<'a> From<&'a Diagnostic> for WasmDiagnostic<'a> {
    fn from(diagnostic: &'a Diagnostic) -> Self {
        Self {
            diagnostic,
            column_utf16: diagnostic.utf16_columns.0,
            end_column_utf16: diagnostic.utf16_columns.1,
        }
    }
}

/// Checks a document's text.
///
/// # Errors
/// Only for bad options; every text gets diagnostics.
pub fn validate(doc: &str, options: &str) -> Result<Vec<Diagnostic>, ApiError> {
    let prepared = prepare(options)?;
    Ok(prepared.linter.check(doc, prepared.format_for(doc)))
}

/// Checks raw bytes (a `Uint8Array` in JavaScript): invalid UTF-8 is an S003.
///
/// # Errors
/// Only for bad options.
pub fn validate_bytes(doc: &[u8], options: &str) -> Result<Vec<Diagnostic>, ApiError> {
    let prepared = prepare(options)?;
    let format = prepared
        .format
        .unwrap_or_else(|| SourceFormat::sniff(&String::from_utf8_lossy(doc)));
    Ok(prepared.linter.check_bytes(doc, format))
}

fn diagnostics_envelope(result: Result<Vec<Diagnostic>, ApiError>) -> String {
    match result {
        Ok(ds) => envelope(Ok::<_, ApiError>(
            ds.iter().map(WasmDiagnostic::from).collect::<Vec<_>>(),
        )),
        Err(e) => envelope(Err::<(), _>(e)),
    }
}

/// [`validate`] as an envelope of `WasmDiagnostic`s.
#[must_use]
pub fn validate_envelope(doc: &str, options: &str) -> String {
    diagnostics_envelope(validate(doc, options))
}

/// [`validate_bytes`] as an envelope.
#[must_use]
pub fn validate_bytes_envelope(doc: &[u8], options: &str) -> String {
    diagnostics_envelope(validate_bytes(doc, options))
}

/// The outcome of [`fix`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FixOutcome {
    /// The fixed text (the input unchanged when nothing was fixable).
    pub text: String,
    /// Fixes applied over all passes.
    pub applied: usize,
}

/// Applies every machine-applicable fix, re-checking between passes (at most
/// [`MAX_FIX_PASSES`]), exactly as `naplint check --fix` does.
///
/// # Errors
/// Only for bad options.
pub fn fix(doc: &str, options: &str) -> Result<FixOutcome, ApiError> {
    let Prepared { linter, format } = prepare(options)?;
    let format = format.unwrap_or_else(|| SourceFormat::sniff(doc));
    let done = naplint::fix::fix_loop(doc, format, linter.check(doc, format), |t| {
        linter.check(t, format)
    });
    Ok(FixOutcome {
        text: done.text,
        applied: done.applied,
    })
}

/// [`fix`] as an envelope.
#[must_use]
pub fn fix_envelope(doc: &str, options: &str) -> String {
    envelope(fix(doc, options))
}

/// One rule as `naplint rules --json` prints it, plus `level`: the severity its findings
/// get under the given options, or `off`.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RuleInfo {
    #[serde(flatten)]
    pub rule: registry::RuleInfo,
    /// The severity findings get under the options, or `off`.
    #[cfg_attr(feature = "ts", ts(as = "naplint::config::RuleLevel"))]
    pub level: &'static str,
}

/// Every rule the options give (built-in, then user rules), with its level.
///
/// # Errors
/// Only for bad options.
pub fn rules(options: &str) -> Result<Vec<RuleInfo>, ApiError> {
    let linter = prepare(options)?.linter;
    Ok(linter
        .rules()
        .iter()
        .map(|r| RuleInfo {
            level: linter
                .level(&r.code)
                .map_or("off", naplint::Severity::as_str),
            rule: r.clone(),
        })
        .collect())
}

/// [`rules`] as an envelope.
#[must_use]
pub fn rules_envelope(options: &str) -> String {
    envelope(rules(options))
}

/// What [`explain`] finds for a code, name or title: the rule's code, the language of the
/// page, and the page itself for a user rule (generated from its declaration, exactly what
/// `naplint explain CODE` prints). A built-in rule's page is not in the module: it is
/// built without the core's `docs` feature (the pages were about 22 KB of its gzipped
/// size), and the npm package reads it from `lib/docs.js`, which `cargo xtask codegen`
/// writes from [`registry::explain_markdown`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explained {
    pub code: String,
    pub lang: Lang,
    /// The page of a user rule; `None` for a built-in rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
}

/// The rule that `code` (code in any case, name or title in the options' language) names
/// among the options' rules (user rules included), as [`Explained`]; `None` for none.
///
/// # Errors
/// Only for bad options.
pub fn explain(code: &str, options: &str) -> Result<Option<Explained>, ApiError> {
    let linter = prepare(options)?.linter;
    let lang = linter.config().lang;
    Ok(linter.find_rule(code).map(|rule| Explained {
        code: rule.code.clone(),
        lang,
        // Never the core's `Linter::explain` for a built-in rule: its page is not here.
        page: (rule.family == "user").then(|| registry::explain_markdown(rule, lang)),
    }))
}

/// [`explain`] as an envelope (`{"ok": null}` for an unknown code).
#[must_use]
pub fn explain_envelope(code: &str, options: &str) -> String {
    envelope(explain(code, options))
}

/// The language the options give (`lang`, else `config.lang`, else English): the npm
/// package picks the built-in rules' documentation in `lib/docs.js` by it.
///
/// # Errors
/// Only for bad options.
pub fn lang(options: &str) -> Result<Lang, ApiError> {
    Ok(Options::parse(options)?.config()?.lang)
}

/// [`lang`] as an envelope (`{"ok": "en"}` or `{"ok": "fr"}`).
#[must_use]
pub fn lang_envelope(options: &str) -> String {
    envelope(lang(options))
}

/// The committed JSON Schema of a report (draft 2020-12), as text.
#[must_use]
pub fn schema() -> &'static str {
    naplint::schema::REPORT_SCHEMA_JSON
}

/// The version of naplint compiled into the module.
#[must_use]
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[cfg(test)]
mod tests;
