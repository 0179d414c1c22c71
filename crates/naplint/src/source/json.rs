//! A strict JSON (RFC 8259) parser that records the byte span of every value.
//!
//! Hand-written rather than serde_json because serde_json gives no positions for values,
//! and a generic spanned parser would still need a second pass for duplicate keys. It is
//! recursive with an explicit depth limit, so deep nesting is an error, not a stack
//! overflow.

use super::line_index::words;
use super::{
    limits::MAX_DEPTH, Found, LoadIssue, Member, Node, Number, NumberProblem, Span, Str,
    SyntaxKind, Value,
};

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    /// The child positions (member or item index) from the root to the value being read.
    positions: Vec<usize>,
    /// Repeated keys, found as each object closes.
    duplicates: Vec<Duplicate>,
    /// The members and items of the objects and arrays being read, innermost last: each
    /// container takes its own off the top when it closes, in a vector of exactly their
    /// number (no growth by doubling, no spare capacity kept for the document's life).
    open_members: Vec<Member>,
    open_items: Vec<Node>,
}

/// A repeated key, with where it is: its pointer is spelled out once the tree is built.
struct Duplicate {
    /// Where its object starts: the walk order the issues keep (an object's own duplicates
    /// before those of the objects inside it).
    object: usize,
    /// The child positions from the root to the member.
    positions: Vec<usize>,
    key: Str,
    at: Span,
    first: Span,
}

struct SyntaxError {
    kind: SyntaxKind,
    at: usize,
}

type Parsed<T> = Result<T, SyntaxError>;

pub(super) fn parse(text: &str, start: usize, issues: &mut Vec<LoadIssue>) -> Option<Node> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: start,
        depth: 0,
        positions: Vec::new(),
        duplicates: Vec::new(),
        open_members: Vec::new(),
        open_items: Vec::new(),
    };
    let result = p.document();
    match result {
        Ok(node) => {
            let mut duplicates = std::mem::take(&mut p.duplicates);
            duplicates.sort_by_key(|d| (d.object, d.at.start));
            issues.extend(duplicates.into_iter().map(|d| LoadIssue::DuplicateKey {
                pointer: super::pointer::pointer_by_positions(&node, &d.positions).into_string(),
                key: super::into_string(d.key),
                at: d.at,
                first: d.first,
            }));
            Some(node)
        }
        Err(e) => {
            issues.push(LoadIssue::Syntax {
                kind: e.kind,
                at: e.at,
            });
            None
        }
    }
}

impl Parser<'_> {
    #[allow(clippy::unused_self)]
    fn err<T>(&self, kind: SyntaxKind, at: usize) -> Parsed<T> {
        Err(SyntaxError { kind, at })
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        loop {
            // A pretty-printed document is a third indentation: runs of spaces, skipped
            // eight bytes at a time.
            while let Some(word) = words::at(self.bytes, self.pos) {
                let other = word ^ words::splat(b' ');
                if other != 0 {
                    self.pos += words::first(other);
                    break;
                }
                self.pos += 8;
            }
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                _ => return,
            }
        }
    }

    fn found(&self) -> Found {
        Found::at(self.text.get(self.pos..).unwrap_or_default())
    }

    fn document(&mut self) -> Parsed<Node> {
        self.skip_ws();
        if self.peek().is_none() {
            return self.err(SyntaxKind::EmptyDocument { yaml: false }, self.pos);
        }
        let node = self.value()?;
        self.skip_ws();
        if self.peek().is_some() {
            return self.err(
                SyntaxKind::TrailingData {
                    found: self.found(),
                },
                self.pos,
            );
        }
        Ok(node)
    }

    fn value(&mut self) -> Parsed<Node> {
        let start = self.pos;
        match self.peek() {
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => {
                let s = self.string()?;
                Ok(Node {
                    value: Value::String(s),
                    span: Span::new(start, self.pos),
                })
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            _ => self.err(
                SyntaxKind::ExpectedValue {
                    found: self.found(),
                },
                start,
            ),
        }
    }

    /// Records the repeated keys of the object starting at `start`, whose members are
    /// `members` (the positions lead to the object).
    fn note_duplicates(&mut self, start: usize, members: &[Member]) {
        let Self {
            positions,
            duplicates,
            ..
        } = self;
        super::pointer::duplicates_in(members, |i, first| {
            if let Some(m) = members.get(i) {
                let mut at = positions.clone();
                at.push(i);
                duplicates.push(Duplicate {
                    object: start,
                    positions: at,
                    key: m.key.clone(),
                    at: m.key_span,
                    first,
                });
            }
        });
    }

    fn nested(&mut self, f: fn(&mut Self) -> Parsed<Node>) -> Parsed<Node> {
        if self.depth >= MAX_DEPTH {
            return self.err(SyntaxKind::NestingLimit { limit: MAX_DEPTH }, self.pos);
        }
        self.depth += 1;
        let node = f(self);
        self.depth -= 1;
        node
    }

    fn literal(&mut self, word: &str, value: Value) -> Parsed<Node> {
        let start = self.pos;
        if self.bytes.get(start..start + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(Node {
                value,
                span: Span::new(start, self.pos),
            })
        } else {
            self.err(
                SyntaxKind::ExpectedValue {
                    found: self.found(),
                },
                start,
            )
        }
    }

    fn object(&mut self) -> Parsed<Node> {
        let start = self.pos;
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Node {
                value: Value::Object(Vec::new()),
                span: Span::new(start, self.pos),
            });
        }
        let first = self.open_members.len();
        self.positions.push(0);
        loop {
            if let Some(last) = self.positions.last_mut() {
                *last = self.open_members.len() - first;
            }
            self.skip_ws();
            let key_start = self.pos;
            if self.peek() != Some(b'"') {
                let what = if self.peek() == Some(b'}') {
                    SyntaxKind::TrailingComma { close: '}' }
                } else {
                    SyntaxKind::ExpectedKey {
                        found: self.found(),
                    }
                };
                return self.err(what, key_start);
            }
            let key = self.string()?;
            let key_span = Span::new(key_start, self.pos);
            self.skip_ws();
            if self.peek() != Some(b':') {
                let found = self.found();
                return self.err(
                    SyntaxKind::ExpectedColon {
                        key: super::into_string(key),
                        found,
                    },
                    self.pos,
                );
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value()?;
            self.open_members.push(Member {
                key,
                key_span,
                value,
            });
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    self.positions.pop();
                    let members = self.open_members.split_off(first);
                    self.note_duplicates(start, &members);
                    return Ok(Node {
                        value: Value::Object(members),
                        span: Span::new(start, self.pos),
                    });
                }
                _ => {
                    return self.err(
                        SyntaxKind::ExpectedCommaOrBrace {
                            found: self.found(),
                        },
                        self.pos,
                    )
                }
            }
        }
    }

    fn array(&mut self) -> Parsed<Node> {
        let start = self.pos;
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Node {
                value: Value::Array(Vec::new()),
                span: Span::new(start, self.pos),
            });
        }
        let first = self.open_items.len();
        self.positions.push(0);
        loop {
            if let Some(last) = self.positions.last_mut() {
                *last = self.open_items.len() - first;
            }
            self.skip_ws();
            if self.peek() == Some(b']') {
                return self.err(SyntaxKind::TrailingComma { close: ']' }, self.pos);
            }
            let item = self.value()?;
            self.open_items.push(item);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    self.positions.pop();
                    return Ok(Node {
                        value: Value::Array(self.open_items.split_off(first)),
                        span: Span::new(start, self.pos),
                    });
                }
                _ => {
                    return self.err(
                        SyntaxKind::ExpectedCommaOrBracket {
                            found: self.found(),
                        },
                        self.pos,
                    )
                }
            }
        }
    }

    fn number(&mut self) -> Parsed<Node> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => {
                return self.err(
                    SyntaxKind::InvalidNumber {
                        problem: NumberProblem::Digit,
                    },
                    self.pos,
                )
            }
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return self.err(
                    SyntaxKind::InvalidNumber {
                        problem: NumberProblem::DigitAfterPoint,
                    },
                    self.pos,
                );
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return self.err(
                    SyntaxKind::InvalidNumber {
                        problem: NumberProblem::DigitInExponent,
                    },
                    self.pos,
                );
            }
            self.digits();
        }
        if let Some(b'0'..=b'9') = self.peek() {
            return self.err(
                SyntaxKind::InvalidNumber {
                    problem: NumberProblem::LeadingZero,
                },
                start,
            );
        }
        let raw = Str::from(self.text.get(start..self.pos).unwrap_or_default());
        Ok(Node {
            value: Value::Number(Number { raw }),
            span: Span::new(start, self.pos),
        })
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    /// Where the run of plain string bytes from `pos` ends: at the first `"`, `\\` or
    /// control byte, or at the end of the text; eight bytes at a time (most strings of a
    /// report are shorter than memchr's set-up costs), the last few one by one.
    fn run_end(&self) -> usize {
        let mut at = self.pos;
        while let Some(word) = words::at(self.bytes, at) {
            let stops = words::string_stops(word);
            if stops != 0 {
                return at + words::first(stops);
            }
            at += 8;
        }
        let rest = self.bytes.get(at..).unwrap_or_default();
        at + rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(rest.len())
    }

    fn string(&mut self) -> Parsed<Str> {
        let open = self.pos;
        self.pos += 1;
        let mut out = Str::default();
        loop {
            let run_start = self.pos;
            self.pos = self.run_end();
            let run = self.text.get(run_start..self.pos).unwrap_or_default();
            if out.is_empty() {
                // Most strings are one run: inline up to 24 bytes, else one allocation of
                // exactly its size.
                out = Str::from(run);
            } else {
                out.push_str(run);
            }
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    if out.len() > super::limits::MAX_STRING_BYTES {
                        return self.err(
                            SyntaxKind::StringLimit {
                                limit: super::limits::MAX_STRING_BYTES,
                            },
                            open,
                        );
                    }
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return self.err(SyntaxKind::ControlInString, self.pos),
                None => return self.err(SyntaxKind::UnterminatedString, open),
            }
        }
    }

    fn escape(&mut self, out: &mut Str) -> Parsed<()> {
        let at = self.pos - 1;
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let hi = self.hex4()?;
                let c = if (0xD800..0xDC00).contains(&hi) {
                    if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                        return self.err(SyntaxKind::UnpairedSurrogate, at);
                    }
                    self.pos += 2;
                    let lo = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return self.err(SyntaxKind::UnpairedSurrogate, at);
                    }
                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                } else {
                    char::from_u32(hi)
                };
                let Some(c) = c else {
                    return self.err(SyntaxKind::UnpairedSurrogate, at);
                };
                out.push(c);
                return Ok(());
            }
            _ => {
                return self.err(
                    SyntaxKind::InvalidEscape {
                        found: self.found(),
                    },
                    at,
                )
            }
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Parsed<u32> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let Some(value) = digits.and_then(|d| u32::from_str_radix(d, 16).ok()) else {
            return self.err(SyntaxKind::InvalidUnicodeEscape, self.pos);
        };
        self.pos += 4;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{load, SourceFormat, Value};

    /// The string a one-string document holds, or `None` when it does not parse.
    fn parsed(doc: &str) -> Option<String> {
        match load(doc, SourceFormat::Json).root?.value {
            Value::String(s) => Some(s.to_string()),
            _ => None,
        }
    }

    #[test]
    fn word_at_a_time_scans_agree_with_serde_json() {
        // Each byte that ends a run of plain string bytes (`"`, `\`, a control byte), and
        // some that do not, at every place of strings of 0 to 20 bytes: inside the first
        // word, on a word boundary, in the tail that is read byte by byte.
        let mut compared = 0;
        for len in 0..21 {
            for at in 0..len {
                for stop in [
                    "\"",
                    "\\",
                    "\\n",
                    "\\u00e9",
                    "\u{1}",
                    "\n",
                    "\u{1f}",
                    " ",
                    "\u{7f}",
                    "é",
                    "\u{1f600}",
                ] {
                    let mut body: String = "a".repeat(at);
                    body.push_str(stop);
                    body.push_str(&"b".repeat(len - at));
                    for indent in [0, 1, 7, 8, 9, 17] {
                        let doc = format!(
                            "{}\"{body}\"{}",
                            " ".repeat(indent),
                            "\n".repeat(indent % 3)
                        );
                        let expected = serde_json::from_str::<String>(&doc).ok();
                        assert_eq!(parsed(&doc), expected, "{doc:?}");
                        compared += 1;
                    }
                }
            }
        }
        assert_eq!(compared, 11 * 6 * (0..21).sum::<usize>());
        // Whitespace of every kind between tokens, in runs across word boundaries.
        let doc = "{ \t\"a\" \r\n:\n        [1 ,\t\t  2   ,\r\"x\"]               }";
        let root = load(doc, SourceFormat::Json).root.map(|r| r.to_json());
        assert_eq!(root, serde_json::from_str(doc).ok());
    }
}
