//! Byte offsets to 1-based line and column, computed once per file.

/// A 1-based position. `column` counts Unicode scalar values, as rustc and ruff do;
/// `column_utf16` counts UTF-16 code units, as JavaScript editors do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub column_utf16: usize,
}

/// Bytes between two column checkpoints: a position costs a binary search and a count of
/// at most this many bytes, however long its line (a one-line 300 KB document with a
/// thousand findings costs what a thousand short lines do).
const STEP: usize = 512;

/// Characters and UTF-16 units before a byte offset.
#[derive(Debug, Clone, Copy, Default)]
struct Mark {
    byte: usize,
    chars: usize,
    utf16: usize,
}

/// Characters (UTF-8 sequence starts) and UTF-16 code units in `bytes`.
fn count(bytes: &[u8]) -> (usize, usize) {
    let mut chars = 0;
    let mut astral = 0;
    for &b in bytes {
        chars += usize::from(b & 0xC0 != 0x80);
        astral += usize::from(b >= 0xF0);
    }
    (chars, chars + astral)
}

#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset at which each line starts.
    starts: Vec<usize>,
    text_len: usize,
    /// Column checkpoints every [`STEP`] bytes (at character boundaries), from the start
    /// of the text; empty for an ASCII text, where a column is a byte distance.
    marks: Vec<Mark>,
}

/// Two indexes are equal when they give the same lines: the checkpoints are a cache (a
/// spliced index keeps fewer of them than a rebuilt one; both count the same columns).
impl PartialEq for LineIndex {
    fn eq(&self, other: &Self) -> bool {
        self.starts == other.starts && self.text_len == other.text_len
    }
}

impl Eq for LineIndex {}

impl LineIndex {
    #[must_use]
    pub fn new(text: &str) -> Self {
        // Line breaks are `\n`, `\r\n` and a lone `\r`, as YAML (and editors) count them;
        // counting fewer would shift every position after a lone `\r` off the YAML scanner's.
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let lone_cr = b == b'\r' && bytes.get(i + 1) != Some(&b'\n');
            if b == b'\n' || lone_cr {
                starts.push(i + 1);
            }
        }
        let mut marks = Vec::new();
        if !text.is_ascii() {
            let mut mark = Mark::default();
            marks.push(mark);
            let mut at = STEP;
            while at < bytes.len() {
                // The next character boundary at or after `at`.
                while !text.is_char_boundary(at) {
                    at += 1;
                }
                let (chars, utf16) = count(bytes.get(mark.byte..at).unwrap_or_default());
                mark = Mark {
                    byte: at,
                    chars: mark.chars + chars,
                    utf16: mark.utf16 + utf16,
                };
                marks.push(mark);
                at += STEP;
            }
        }
        Self {
            starts,
            text_len: text.len(),
            marks,
        }
    }

    /// Characters and UTF-16 units of `text` before byte `offset`.
    fn before(&self, text: &str, offset: usize) -> (usize, usize) {
        if self.marks.is_empty() {
            return (offset, offset);
        }
        let i = self
            .marks
            .partition_point(|m| m.byte <= offset)
            .saturating_sub(1);
        let mark = self.marks.get(i).copied().unwrap_or_default();
        let (chars, utf16) = count(text.as_bytes().get(mark.byte..offset).unwrap_or_default());
        (mark.chars + chars, mark.utf16 + utf16)
    }

    /// Updates the index of `text` for `text[start..end]` becoming `with` (a session's
    /// edit), without scanning the rest: the line starts and column checkpoints before the
    /// splice stay, those after it move. False, the index unchanged, when a carriage return
    /// at or in the splice could join or split a line break across it, or when the first
    /// non-ASCII character arrives; then only a rebuild is exact.
    pub fn splice(&mut self, text: &str, start: usize, end: usize, with: &str) -> bool {
        let cr_before = start
            .checked_sub(1)
            .and_then(|i| text.as_bytes().get(i))
            .is_some_and(|&b| b == b'\r');
        if cr_before || with.contains('\r') || start > end || end > self.text_len {
            return false;
        }
        if self.marks.is_empty() && !with.is_ascii() {
            return false;
        }
        let keep = self.starts.partition_point(|&s| s <= start);
        let after = self.starts.partition_point(|&s| s <= end);
        let added = with.len();
        let removed = end - start;
        let tail: Vec<usize> = self
            .starts
            .get(after..)
            .unwrap_or_default()
            .iter()
            .map(|&s| s - removed + added)
            .collect();
        self.starts.truncate(keep);
        self.starts.extend(
            with.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| start + i + 1),
        );
        self.starts.extend(tail);
        if !self.marks.is_empty() {
            // Checkpoints inside the splice go; those after it shift by what the splice
            // adds and removes. A wider gap only costs a longer count, never a wrong one.
            let (rc, ru) = count(text.as_bytes().get(start..end).unwrap_or_default());
            let (ac, au) = count(with.as_bytes());
            let keep = self.marks.partition_point(|m| m.byte <= start);
            let after = self.marks.partition_point(|m| m.byte <= end);
            let tail: Vec<Mark> = self
                .marks
                .get(after..)
                .unwrap_or_default()
                .iter()
                .map(|m| Mark {
                    byte: m.byte - removed + added,
                    chars: m.chars - rc + ac,
                    utf16: m.utf16 - ru + au,
                })
                .collect();
            self.marks.truncate(keep);
            self.marks.extend(tail);
        }
        self.text_len = self.text_len - removed + added;
        true
    }

    /// The position of byte `offset` in `text` (the text this index was built from).
    #[must_use]
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(self.text_len);
        let line0 = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let line_start = self.starts.get(line0).copied().unwrap_or(0);
        let (c0, u0) = self.before(text, line_start);
        let (c1, u1) = self.before(text, offset);
        Position {
            line: line0 + 1,
            column: c1 - c0 + 1,
            column_utf16: u1 - u0 + 1,
        }
    }

    /// The byte offset of a 1-based line and character column; used to translate
    /// positions reported by the YAML scanner. The column may run past the line's end
    /// (into the following lines), as the scanner counts.
    #[must_use]
    pub fn offset(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return self.text_len;
        };
        if self.marks.is_empty() {
            return (start + column.saturating_sub(1)).min(self.text_len);
        }
        let target = self.before(text, start).0 + column.saturating_sub(1);
        let i = self
            .marks
            .partition_point(|m| m.chars <= target)
            .saturating_sub(1);
        let mark = self.marks.get(i).copied().unwrap_or_default();
        let mut chars = mark.chars;
        for (pos, &b) in text.as_bytes().iter().enumerate().skip(mark.byte) {
            if b & 0xC0 != 0x80 {
                if chars == target {
                    return pos;
                }
                chars += 1;
            }
        }
        self.text_len
    }

    /// The text of 1-based line `line`, without its line break.
    #[must_use]
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text_len);
        let end = self
            .starts
            .get(line)
            .map_or(self.text_len, |&e| e.saturating_sub(1));
        text.get(start..end.max(start))
            .unwrap_or_default()
            .trim_end_matches('\r')
    }

    #[must_use]
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}
