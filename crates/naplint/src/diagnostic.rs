//! The one shape every finding takes, natively, in JSON output and in WASM (SPEC section 3).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "info" => Some(Self::Info),
            "warning" | "warn" => Some(Self::Warning),
            "error" => Some(Self::Error),
            _ => None,
        }
    }
}

/// A machine-applicable edit: set the value at `pointer` to `value`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fix {
    pub pointer: String,
    pub value: serde_json::Value,
    /// What the fix does, for a button label: "replace `2012-13` with `2012/13`".
    pub description: String,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub code: String,
    pub name: String,
    pub severity: Severity,
    pub message: String,
    /// RFC 6901 JSON Pointer into the document.
    pub pointer: String,
    /// 1-based line of the start of what the pointer designates.
    pub line: usize,
    /// 1-based column, in Unicode scalar values.
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    /// Other JSON Pointers the finding involves (each term of a failed reconciliation), so
    /// a form can mark every field concerned. Absent when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// Byte range in the source, for renderers and `--fix`; not part of the JSON shape.
    #[serde(skip)]
    pub span: (usize, usize),
    /// Byte ranges of the `related` pointers, in the same order, for renderers.
    #[serde(skip)]
    pub related_spans: Vec<(usize, usize)>,
    /// 1-based columns in UTF-16 code units, for JavaScript editors; WASM exposes them.
    #[serde(skip)]
    pub utf16_columns: (usize, usize),
}
