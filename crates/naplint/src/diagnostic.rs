//! The one shape every finding takes, natively, in JSON output and in WASM (SPEC section 3),
//! the [`Finding`] a rule reports before it is located, and the JSON [`Pointer`] both use.
//! A leaf module: it imports nothing else of the crate.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Fix {
    pub pointer: String,
    pub value: serde_json::Value,
    /// What the fix does, for a button label: "replace `2012-13` with `2012/13`".
    pub description: String,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

/// An RFC 6901 JSON Pointer, built token by token.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Pointer(String);

/// Escapes one reference token (`~` → `~0`, `/` → `~1`).
#[must_use]
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

impl Pointer {
    #[must_use]
    pub fn root() -> Self {
        Self(String::new())
    }

    #[must_use]
    pub fn parse(s: &str) -> Self {
        Self(s.to_owned())
    }

    /// This pointer extended by an object key.
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        let mut s = String::with_capacity(self.0.len() + key.len() + 1);
        s.push_str(&self.0);
        s.push('/');
        if key.contains(['~', '/']) {
            s.push_str(&escape_token(key));
        } else {
            s.push_str(key);
        }
        Self(s)
    }

    /// This pointer extended by each of `tokens` (object keys, or indexes spelled as
    /// tokens): one string grown in place, not a pointer per token.
    #[must_use]
    pub fn keys<S: AsRef<str>>(&self, tokens: &[S]) -> Self {
        let len = tokens.iter().map(|t| t.as_ref().len() + 1).sum::<usize>();
        let mut s = String::with_capacity(self.0.len() + len);
        s.push_str(&self.0);
        for token in tokens {
            let token = token.as_ref();
            s.push('/');
            if token.contains(['~', '/']) {
                s.push_str(&escape_token(token));
            } else {
                s.push_str(token);
            }
        }
        Self(s)
    }

    /// This pointer extended by an array index.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        Self(format!("{}/{index}", self.0))
    }

    #[must_use]
    pub fn into_string(self) -> String {
        self.0
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The unescaped reference tokens.
    pub fn tokens(&self) -> impl Iterator<Item = String> + '_ {
        self.0
            .split('/')
            .skip(1)
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
    }

    /// The tokens, unescaped, borrowed from the pointer unless they hold a `~` escape
    /// (locating a finding walks every token, and most need no copy).
    pub fn segments(&self) -> impl Iterator<Item = std::borrow::Cow<'_, str>> + '_ {
        self.0.split('/').skip(1).map(|t| {
            if t.contains('~') {
                std::borrow::Cow::Owned(t.replace("~1", "/").replace("~0", "~"))
            } else {
                std::borrow::Cow::Borrowed(t)
            }
        })
    }

    /// The last token, unescaped.
    #[must_use]
    pub fn last(&self) -> Option<String> {
        // Only the last token is unescaped: claims call this on every violation, and the
        // pointers of a one-line document are long.
        let (_, last) = self.0.rsplit_once('/')?;
        Some(last.replace("~1", "/").replace("~0", "~"))
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One finding of a rule, before the engine gives it a code and a position.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub pointer: Pointer,
    /// Locate the member's key rather than its value (unknown or duplicated fields).
    pub at_key: bool,
    pub message: String,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    /// A severity other than the rule's default, for rules with a milder sub-check.
    pub severity: Option<Severity>,
    /// Other places the finding involves (every term of a failed sum).
    pub related: Vec<String>,
}

impl Finding {
    #[must_use]
    pub fn new(pointer: Pointer, message: impl Into<String>) -> Self {
        Self {
            pointer,
            at_key: false,
            message: message.into(),
            help: None,
            fix: None,
            severity: None,
            related: Vec::new(),
        }
    }

    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a fix that sets this finding's pointer to `value`.
    #[must_use]
    pub fn fix(
        mut self,
        value: impl Into<serde_json::Value>,
        description: impl Into<String>,
    ) -> Self {
        self.fix = Some(Fix {
            pointer: self.pointer.as_str().to_owned(),
            value: value.into(),
            description: description.into(),
        });
        self
    }

    #[must_use]
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }

    #[must_use]
    pub fn at_key(mut self) -> Self {
        self.at_key = true;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::Pointer;

    #[test]
    fn last_is_the_last_token_unescaped() {
        assert_eq!(Pointer::root().last(), None);
        let p = Pointer::root().key("a/b").index(3).key("x~1/y");
        assert_eq!(p.last().as_deref(), Some("x~1/y"));
        assert_eq!(p.last(), p.tokens().last());
        let segments: Vec<String> = p.segments().map(|t| t.into_owned()).collect();
        assert_eq!(segments, p.tokens().collect::<Vec<_>>());
        assert_eq!(Pointer::root().key("").last().as_deref(), Some(""));
    }
}
