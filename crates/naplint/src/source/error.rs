//! What a loader found wrong, as data: a [`SyntaxKind`] names the problem and carries the
//! user's own text (a key, a character) untouched. S003 words it in the language asked
//! through `i18n::Text`, so no translation ever runs over the user's content.

/// What stands where reading stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    EndOfFile,
    /// A control character, shown by its code point (`U+0001`).
    Control(char),
    /// Any other character, shown as written.
    Char(char),
}

impl Found {
    /// What begins `rest` (the text from the place reading stopped).
    #[must_use]
    pub fn at(rest: &str) -> Self {
        match rest.chars().next() {
            None => Self::EndOfFile,
            Some(c) if c.is_control() => Self::Control(c),
            Some(c) => Self::Char(c),
        }
    }
}

/// A number that breaks RFC 8259's grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberProblem {
    /// No digit after `-`.
    Digit,
    /// No digit after `.`.
    DigitAfterPoint,
    /// No digit in the exponent.
    DigitInExponent,
    /// `01`.
    LeadingZero,
}

/// The syntax problems the YAML library (saphyr-parser) reports that naplint words itself.
/// The library gives each only as an English sentence (its `ScanError` has no kind), so
/// [`SyntaxKind::yaml`] recognises the whole sentence exactly; any other sentence is kept
/// verbatim in [`SyntaxKind::Yaml`] with [`YamlKind::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlKind {
    /// A tab where YAML wants spaces.
    Tab,
    /// `key: value` where the library cannot take a mapping value.
    MappingValue,
    /// A block mapping line that is not `key: value`.
    ExpectedKey,
    /// A line indented where no block is open.
    Indentation,
    /// A quoted scalar without its closing quote.
    UnterminatedQuote,
    /// An unknown `\` escape in a double-quoted scalar.
    InvalidEscape,
    /// `*name` before any `&name`.
    UnknownAnchor,
    /// `&name` given twice.
    DuplicateAnchor,
    /// An anchor or alias without a name.
    AnchorName,
    /// A tag whose `!handle!` was never declared.
    UndeclaredTag,
    /// A malformed tag.
    InvalidTag,
    /// A flow sequence not closed by `]` or separated by `,`.
    FlowSequence,
    /// A flow mapping not closed by `}` or separated by `,`.
    FlowMapping,
    /// The library's own nesting limit.
    Recursion,
    /// A character YAML does not allow in a document.
    Unprintable,
    /// Anything else: only the library's English sentence is known.
    Other,
}

/// Why a text could not be read into a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxKind {
    /// Nothing but white space (`yaml` says which format was expected).
    EmptyDocument {
        yaml: bool,
    },
    /// More text after the JSON document.
    TrailingData {
        found: Found,
    },
    /// Something that begins no JSON value.
    ExpectedValue {
        found: Found,
    },
    /// An object member that does not start with a quoted key.
    ExpectedKey {
        found: Found,
    },
    /// A key not followed by `:`; `key` is the user's key as read.
    ExpectedColon {
        key: String,
        found: Found,
    },
    /// An object member followed by neither `,` nor `}`.
    ExpectedCommaOrBrace {
        found: Found,
    },
    /// An array element followed by neither `,` nor `]`.
    ExpectedCommaOrBracket {
        found: Found,
    },
    /// `,` right before the closing `close` (`}` or `]`).
    TrailingComma {
        close: char,
    },
    InvalidNumber {
        problem: NumberProblem,
    },
    /// A raw control character inside a string.
    ControlInString,
    /// A string without its closing `"`.
    UnterminatedString,
    /// `\` followed by `found`, which is no escape.
    InvalidEscape {
        found: Found,
    },
    /// `\u` not followed by four hexadecimal digits.
    InvalidUnicodeEscape,
    /// Half of a UTF-16 surrogate pair in `\u` escapes.
    UnpairedSurrogate,
    /// Deeper than `limit` nested arrays and objects.
    NestingLimit {
        limit: usize,
    },
    /// A string longer than `limit` bytes.
    StringLimit {
        limit: usize,
    },
    /// A file of `size` bytes, more than `limit`.
    SizeLimit {
        size: usize,
        limit: usize,
    },
    /// A second YAML document (`---`) in one file.
    SecondDocument,
    /// A YAML mapping key that is a sequence or a mapping.
    NonScalarKey,
    /// YAML aliases adding more than `limit` nodes.
    AliasLimit {
        limit: usize,
    },
    /// An alias (`*name`) to an anchor the loader does not know.
    UnknownAnchor,
    /// The YAML library's error; `info` is its English sentence, as it gave it.
    Yaml {
        kind: YamlKind,
        info: String,
    },
}

impl SyntaxKind {
    /// The YAML library's error sentence as a kind (whole sentences only, compared exactly:
    /// none of them contains the user's text except `unexpected character`, which is
    /// kept verbatim as [`YamlKind::Other`]).
    #[must_use]
    pub fn yaml(info: &str) -> Self {
        let kind = match info {
            "tabs disallowed within this context (block indentation)"
            | "tabs disallowed in this context"
            | "tab cannot be used as indentation"
            | "while scanning a plain scalar, found a tab"
            | "a block scalar content cannot start with a tab" => YamlKind::Tab,
            "mapping values are not allowed in this context" => YamlKind::MappingValue,
            "while parsing a block mapping, did not find expected key" | "simple key expected" => {
                YamlKind::ExpectedKey
            }
            "invalid indentation"
            | "invalid indentation in quoted scalar"
            | "invalid indentation in flow construct"
            | "wrongly indented line in block scalar" => YamlKind::Indentation,
            "while scanning a quoted scalar, found unexpected end of stream" => {
                YamlKind::UnterminatedQuote
            }
            "while parsing a quoted scalar, found unknown escape character"
            | "while parsing a quoted scalar, found invalid Unicode character escape code"
            | "while parsing a quoted scalar, did not find expected hexadecimal number" => {
                YamlKind::InvalidEscape
            }
            "while parsing node, found unknown anchor" => YamlKind::UnknownAnchor,
            "while parsing anchor, found duplicated anchor" => YamlKind::DuplicateAnchor,
            "while scanning an anchor or alias, did not find expected alphabetic or numeric character" => {
                YamlKind::AnchorName
            }
            "the handle wasn't declared" => YamlKind::UndeclaredTag,
            "while parsing a tag, did not find expected tag URI"
            | "while scanning a tag, did not find expected '!'"
            | "while scanning a tag, did not find expected whitespace or line break"
            | "while scanning a verbatim tag, did not find the expected '>'"
            | "while parsing a tag, found an invalid escape sequence"
            | "invalid global tag character" => YamlKind::InvalidTag,
            "while parsing a flow sequence, expected ',' or ']'" => YamlKind::FlowSequence,
            "while parsing a flow mapping, did not find expected ',' or '}'" => {
                YamlKind::FlowMapping
            }
            "recursion limit exceeded" => YamlKind::Recursion,
            "found unprintable character" => YamlKind::Unprintable,
            _ => YamlKind::Other,
        };
        Self::Yaml {
            kind,
            info: info.to_owned(),
        }
    }
}
