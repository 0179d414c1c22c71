//! Loading JSON and YAML into one spanned document tree.
//!
//! Both formats are read into the same [`Node`] tree, in which every value carries the
//! byte span it came from, so that any RFC 6901 JSON Pointer can be turned into a
//! `line:column` whatever the file format. Problems found while loading (syntax errors,
//! duplicate keys, a byte order mark, limits) are returned as [`LoadIssue`]s, never panics.

mod de;
mod error;
mod float;
mod json;
mod line_index;
mod pointer;
mod yaml;

pub use de::{from_node, Error as ModelError};
pub use error::{Found, NumberProblem, SyntaxKind, YamlKind};
pub use float::float_text;
pub use line_index::{LineIndex, Position, TextRef};
pub use pointer::{escape_token, locate as locate_pointer, Located, Locator, Pointer};
pub(crate) use pointer::{pointer_of, Step};

/// Limits that keep a hostile or broken file from exhausting the stack or memory.
pub mod limits {
    /// Deepest nesting of arrays and objects accepted; a report needs about ten.
    pub const MAX_DEPTH: usize = 128;
    /// Largest input accepted, in bytes.
    pub const MAX_BYTES: usize = 256 * 1024 * 1024;
    /// Longest string value accepted, in bytes; the longest text of a report is a few
    /// hundred characters.
    pub const MAX_STRING_BYTES: usize = 1024 * 1024;
}

/// A half-open byte range `[start, end)` in the source text.
///
/// Stored as `u32`: the input limit ([`limits::MAX_BYTES`], 256 MiB) is far below 4 GiB,
/// and every node and member of the tree carries a span (a member two), so this takes 16
/// bytes off each member and 8 off each node (README "Speed, size and memory").
/// [`Span::start`] and [`Span::end`] give the offsets as `usize`, for slicing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// A byte offset as stored in a [`Span`]: offsets past `u32::MAX` (never met: the input
/// is at most [`limits::MAX_BYTES`]) are kept at `u32::MAX`.
#[must_use]
fn offset32(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl Span {
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start: offset32(start),
            end: offset32(end),
        }
    }

    /// The first byte, as an offset into the text.
    #[must_use]
    pub const fn start(self) -> usize {
        self.start as usize
    }

    /// One past the last byte, as an offset into the text.
    #[must_use]
    pub const fn end(self) -> usize {
        self.end as usize
    }

    /// The span as a range of the text, for slicing.
    #[must_use]
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }
}

/// The two source formats a report may be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Json,
    Yaml,
}

impl SourceFormat {
    /// Guesses the format from a file name; anything not ending in `.yaml`/`.yml` is JSON.
    #[must_use]
    pub fn from_path(path: &str) -> Self {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".yaml") || lower.ends_with(".yml") {
            Self::Yaml
        } else {
            Self::Json
        }
    }

    /// Guesses the format from the text itself: JSON documents start with `{` or `[`.
    #[must_use]
    pub fn sniff(text: &str) -> Self {
        match text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .chars()
            .next()
        {
            Some('{' | '[') | None => Self::Json,
            Some(_) => Self::Yaml,
        }
    }
}

/// The text of a key, a string value or a number in the tree.
///
/// Natively, `CompactString` rather than `String`: the same 24 bytes in the node, but a
/// text of up to 24 bytes is kept inline, with no heap allocation. Most of a report's
/// texts are that short (in `bench/corpus/big.json`, every key and 78% of the strings), so
/// loading makes about a fifth of the allocations it did, and peak memory falls by what
/// those allocations and their malloc headers took (README "Speed, size and memory" has
/// the numbers). Borrowing from the source text (`Cow<'src, str>`) would also spare the
/// copy of the longer strings, but it is as large in the node, makes every `Node` carry
/// the text's lifetime through the schema, the rules and the sessions (which keep a tree
/// across edits), and still allocates every escaped string.
///
/// In the WASM module it stays `String`: `CompactString` adds about 3.8 KB gzipped there
/// (measured with `wasm/scripts/size.sh`: 353,634 against 349,845 bytes), over the
/// module's size ceiling, for documents a form sends, whose memory is not the limit. The
/// code is the same for both: it uses only what `String` and `CompactString` share.
#[cfg(not(target_arch = "wasm32"))]
pub type Str = compact_str::CompactString;
/// The text of a key, a string value or a number in the tree (see the native alias).
#[cfg(target_arch = "wasm32")]
pub type Str = String;

/// A tree text as a `String`: a move where [`Str`] is `String`.
#[must_use]
pub fn into_string(text: Str) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    return text.into_string();
    #[cfg(target_arch = "wasm32")]
    return text;
}

/// A `String` as a tree text: a move where [`Str`] is `String`.
#[must_use]
pub fn from_string(text: String) -> Str {
    #[cfg(not(target_arch = "wasm32"))]
    return Str::from(text);
    #[cfg(target_arch = "wasm32")]
    return text;
}

/// A number kept as written, so that values beyond `u64` or `f64` are still reported
/// precisely instead of being rounded.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub raw: Str,
}

impl Number {
    /// The value as an unsigned integer when it is one and fits.
    #[must_use]
    pub fn as_u64(&self) -> Option<u64> {
        self.raw.parse().ok()
    }

    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        self.raw.parse().ok()
    }

    #[must_use]
    pub fn as_f64(&self) -> Option<f64> {
        self.raw.parse::<f64>().ok().filter(|v| v.is_finite())
    }

    /// Whether the number is mathematically an integer (`3`, `3.0`, `3e2`), the test
    /// JSON Schema's `integer` type uses.
    #[must_use]
    pub fn is_integer(&self) -> bool {
        if self.raw.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
            return true;
        }
        self.as_f64().is_some_and(|v| v.fract() == 0.0)
    }
}

/// One value of the document with the span it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

/// One `key: value` pair of an object; the key's own span locates "unknown field" errors.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: Str,
    pub key_span: Span,
    pub value: Node,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(Str),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

impl Value {
    /// The JSON type name, as JSON Schema spells it.
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Bool(_) => "boolean",
            Self::Number(n) if n.is_integer() => "integer",
            Self::Number(_) => "number",
            Self::String(_) => "string",
            Self::Array(_) => "array",
            Self::Object(_) => "object",
        }
    }
}

impl Node {
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Object(members) => members
                .iter()
                .rev()
                .find(|m| m.key == key)
                .map(|m| &m.value),
            _ => None,
        }
    }

    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// Converts to a `serde_json::Value` for typed deserialisation. When a key is
    /// duplicated the last one wins, as in serde_json (the duplicate is reported as S002).
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        match &self.value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => n
                .as_u64()
                .map(serde_json::Value::from)
                .or_else(|| n.as_i64().map(serde_json::Value::from))
                .or_else(|| {
                    n.as_f64()
                        .and_then(serde_json::Number::from_f64)
                        .map(serde_json::Value::Number)
                })
                .unwrap_or(serde_json::Value::Null),
            Value::String(s) => serde_json::Value::String(s.to_string()),
            Value::Array(items) => {
                serde_json::Value::Array(items.iter().map(Node::to_json).collect())
            }
            Value::Object(members) => {
                let mut map = serde_json::Map::with_capacity(members.len());
                for m in members {
                    map.insert(m.key.to_string(), m.value.to_json());
                }
                serde_json::Value::Object(map)
            }
        }
    }
}

/// What can go wrong while loading, before any schema or rule runs.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadIssue {
    /// The text is not well-formed JSON/YAML. Loading stops here.
    /// `kind` says what, in data; S003 words it in the language asked.
    Syntax { kind: SyntaxKind, at: usize },
    /// A key appears twice in one object; `first` is where it appeared before.
    DuplicateKey {
        pointer: String,
        key: String,
        at: Span,
        first: Span,
    },
    /// The file starts with a UTF-8 byte order mark.
    ByteOrderMark,
}

/// A loaded document: the tree (absent when the text could not be parsed), the issues
/// met on the way, and the line index that turns spans into positions.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub format: SourceFormat,
    pub root: Option<Node>,
    pub issues: Vec<LoadIssue>,
    pub lines: LineIndex,
}

impl Loaded {
    /// Whether some object repeats a key (then the typed model reads the last one).
    #[must_use]
    pub fn has_duplicate_keys(&self) -> bool {
        self.issues
            .iter()
            .any(|i| matches!(i, LoadIssue::DuplicateKey { .. }))
    }

    /// The tree read into a typed value (the model), straight from the spanned nodes.
    /// `None` when the text did not parse.
    #[must_use]
    pub fn typed<'a, T: serde::Deserialize<'a>>(&'a self) -> Option<Result<T, ModelError>> {
        let duplicates = self.has_duplicate_keys();
        self.root.as_ref().map(|root| from_node(root, duplicates))
    }
}

/// Parses `text` in the given format. Never panics; every problem is a [`LoadIssue`].
#[must_use]
pub fn load(text: &str, format: SourceFormat) -> Loaded {
    let lines = LineIndex::new(text);
    let mut issues = Vec::new();
    let body_start = if text.starts_with('\u{feff}') {
        issues.push(LoadIssue::ByteOrderMark);
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let root = if text.len() > limits::MAX_BYTES {
        issues.push(LoadIssue::Syntax {
            kind: SyntaxKind::SizeLimit {
                size: text.len(),
                limit: limits::MAX_BYTES,
            },
            at: 0,
        });
        None
    } else {
        match format {
            SourceFormat::Json => json::parse(text, body_start, &mut issues),
            SourceFormat::Yaml => yaml::parse(text, body_start, &lines, &mut issues),
        }
    };
    Loaded {
        format,
        root,
        issues,
        lines,
    }
}

/// Validates raw bytes as UTF-8, giving the byte offset of the first bad sequence.
///
/// # Errors
/// Returns the offset of the first invalid byte.
pub fn decode_utf8(bytes: &[u8]) -> Result<&str, usize> {
    std::str::from_utf8(bytes).map_err(|e| e.valid_up_to())
}
