//! Byte offsets to 1-based line and column, computed once per file.

/// Word-at-a-time scanning (eight bytes per step, in plain integer arithmetic), for the
/// JSON parser (kept here, beside the other byte scanning of `source`).
///
/// Hand-written: memchr's searches pay a set-up of some 40 instructions per call, more
/// than a whole short string or line of a report costs byte by byte, and a search for
/// three kinds of byte at once (a string's `"`, `\` and control bytes) has no memchr
/// call. These few lines of `u64` arithmetic are portable, need no `unsafe` and add
/// nothing measurable to the WASM module.
pub(super) mod words {
    /// `0x01` in every byte.
    const LO: u64 = 0x0101_0101_0101_0101;
    /// `0x80` in every byte.
    const HI: u64 = 0x8080_8080_8080_8080;

    /// The eight bytes at `at`, the first in the lowest bits (on every platform), or
    /// `None` when fewer than eight remain.
    #[inline]
    pub fn at(bytes: &[u8], at: usize) -> Option<u64> {
        let chunk: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
        Some(u64::from_le_bytes(chunk))
    }

    /// `byte` in every byte of a word.
    #[inline]
    pub const fn splat(byte: u8) -> u64 {
        LO * byte as u64
    }

    /// A mark on the first byte of `word` that is `"`, `\` or a control byte (below
    /// 0x20), at least: bytes after that one may be marked too (a borrow runs upwards),
    /// so only the lowest mark is exact. Zero when there is none.
    #[inline]
    pub const fn string_stops(word: u64) -> u64 {
        let quote = word ^ splat(b'"');
        let backslash = word ^ splat(b'\\');
        ((quote.wrapping_sub(LO) & !quote)
            | (backslash.wrapping_sub(LO) & !backslash)
            | (word.wrapping_sub(splat(0x20)) & !word))
            & HI
    }

    /// The index (0 to 7) of the byte a mark stands on; `marks` must not be zero.
    #[inline]
    pub const fn first(marks: u64) -> usize {
        (marks.trailing_zeros() / 8) as usize
    }
}

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
/// thousand findings costs what a thousand short lines do). Lines up to this long get no
/// checkpoint: a position on them is counted from the line's start.
const STEP: usize = 512;

/// Characters and UTF-16 units between the start of a line and a byte offset in it.
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

/// A line start as kept in the index: 4 bytes rather than 8, half the memory of an index
/// of a large report (`limits::MAX_BYTES` keeps every loaded text far below 4 GiB; a text
/// beyond that, already refused by the size limit, is indexed only up to there).
type Start = u32;

/// `offset` as a [`Start`] (saturated: see [`Start`]).
fn start_of(offset: usize) -> Start {
    Start::try_from(offset).unwrap_or(Start::MAX)
}

/// A [`Start`] as a byte offset.
fn offset_of(start: Start) -> usize {
    usize::try_from(start).unwrap_or(usize::MAX)
}

/// A text read as one: the two runs of bytes on either side of a session's gap buffer
/// (see `session::gap`), or a loaded text alone (an empty second run). Offsets are the
/// text's own: the gap is not in them. Both runs start and end at character boundaries.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextRef<'a> {
    head: &'a [u8],
    tail: &'a [u8],
}

impl<'a> From<&'a str> for TextRef<'a> {
    fn from(text: &'a str) -> Self {
        Self {
            head: text.as_bytes(),
            tail: &[],
        }
    }
}

impl<'a> From<&'a String> for TextRef<'a> {
    fn from(text: &'a String) -> Self {
        text.as_str().into()
    }
}

impl<'a> TextRef<'a> {
    /// The text `head` then `tail` (each the UTF-8 of whole characters).
    #[must_use]
    pub fn new(head: &'a [u8], tail: &'a [u8]) -> Self {
        Self { head, tail }
    }

    #[must_use]
    pub fn len(self) -> usize {
        self.head.len() + self.tail.len()
    }

    #[must_use]
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The byte at `at`.
    #[must_use]
    pub fn byte(self, at: usize) -> Option<u8> {
        match at.checked_sub(self.head.len()) {
            None => self.head.get(at).copied(),
            Some(i) => self.tail.get(i).copied(),
        }
    }

    /// The bytes of `start..end` (clamped to the text), in up to two runs.
    #[must_use]
    pub fn slices(self, start: usize, end: usize) -> (&'a [u8], &'a [u8]) {
        let (h, len) = (self.head.len(), self.len());
        let (start, end) = (start.min(len), end.min(len));
        let end = end.max(start);
        let head = self.head.get(start.min(h)..end.min(h)).unwrap_or_default();
        let tail = self
            .tail
            .get(start.saturating_sub(h)..end.saturating_sub(h))
            .unwrap_or_default();
        (head, tail)
    }

    /// Whether byte `at` starts a character (or is the text's end).
    #[must_use]
    pub fn is_char_boundary(self, at: usize) -> bool {
        at == self.len() || self.byte(at).is_some_and(|b| b & 0xC0 != 0x80)
    }

    /// How many times `byte` occurs in `start..end`.
    #[must_use]
    pub fn count_byte(self, byte: u8, start: usize, end: usize) -> usize {
        let (a, b) = self.slices(start, end);
        memchr::memchr_iter(byte, a).count() + memchr::memchr_iter(byte, b).count()
    }

    /// Whether `byte` occurs in `start..end` (a search that stops at the first).
    #[must_use]
    pub fn contains_byte(self, byte: u8, start: usize, end: usize) -> bool {
        let (a, b) = self.slices(start, end);
        memchr::memchr(byte, a).is_some() || memchr::memchr(byte, b).is_some()
    }

    /// The offset of the last `byte` before `at` (a short search back: the start of
    /// a line).
    #[must_use]
    pub fn rfind_byte(self, byte: u8, at: usize) -> Option<usize> {
        let (a, b) = self.slices(0, at);
        b.iter()
            .rposition(|&c| c == byte)
            .map(|i| i + a.len())
            .or_else(|| a.iter().rposition(|&c| c == byte))
    }

    /// `..end` of the text, then `with`, then `from..` of the text, as one string
    /// (`0..len, "", len` for the whole text).
    #[must_use]
    pub fn join(self, end: usize, with: &str, from: usize) -> String {
        let mut all = Vec::with_capacity(self.len() + with.len());
        let ((a, b), (c, d)) = (self.slices(0, end), self.slices(from, self.len()));
        for run in [a, b, with.as_bytes(), c, d] {
            all.extend_from_slice(run);
        }
        // Whole characters in every run (each ends at a character boundary): the check
        // passes; should it not, what a lossy conversion writes is parsed and reported.
        String::from_utf8(all)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Where each line starts, in a vector of exactly their number: the first `split`
    /// as byte offsets, the others as their distance from the text's end, so that an
    /// edit moves none of the starts after it (they keep their distance from the end)
    /// and the split moves to the next edit, converting only the starts between the two
    /// (a session's edits in one field convert none).
    starts: Vec<Start>,
    /// See `starts`.
    split: usize,
    text_len: usize,
    /// An ASCII text: a column is a byte distance, and no checkpoint is kept.
    ascii: bool,
    /// Column checkpoints every [`STEP`] bytes (at character boundaries) inside the lines
    /// longer than that, counted from their line's start, in byte order; none for an ASCII
    /// text or one of short lines, the common case, so building the index is a scan for
    /// line breaks.
    marks: Vec<Mark>,
}

/// Two indexes are equal when they give the same lines: the checkpoints are a cache (a
/// spliced index keeps fewer of them than a rebuilt one; both count the same columns).
impl PartialEq for LineIndex {
    fn eq(&self, other: &Self) -> bool {
        self.text_len == other.text_len
            && self.starts.len() == other.starts.len()
            && (0..self.starts.len()).all(|i| self.start(i) == other.start(i))
    }
}

impl Eq for LineIndex {}

/// Checkpoints every [`STEP`] bytes of the line `text[start..end]`, after the line start.
fn mark_line(text: &str, start: usize, end: usize, marks: &mut Vec<Mark>) {
    let bytes = text.as_bytes();
    let mut mark = Mark {
        byte: start,
        chars: 0,
        utf16: 0,
    };
    let mut at = start + STEP;
    while at < end {
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

impl LineIndex {
    #[must_use]
    pub fn new(text: &str) -> Self {
        // Line breaks are `\n`, `\r\n` and a lone `\r`, as YAML (and editors) count them;
        // counting fewer would shift every position after a lone `\r` off the YAML scanner's.
        // memchr (already in the tree through serde_json) finds them a word at a time.
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        if memchr::memchr(b'\r', bytes).is_none() {
            // The common case, `\n` alone: a search for one byte costs less than for two
            // (about 120,000 instructions against 140,000 on the 67 KB x1 report).
            for i in memchr::memchr_iter(b'\n', bytes) {
                let Ok(start) = Start::try_from(i + 1) else {
                    break;
                };
                starts.push(start);
            }
        } else {
            for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
                let crlf = bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) == Some(&b'\n');
                if !crlf {
                    let Ok(start) = Start::try_from(i + 1) else {
                        break;
                    };
                    starts.push(start);
                }
            }
        }
        // Grown by doubling: give back the spare capacity, kept for the document's life.
        starts.shrink_to_fit();
        let ascii = text.is_ascii();
        let mut marks = Vec::new();
        if !ascii {
            let ends = starts
                .iter()
                .skip(1)
                .map(|&s| offset_of(s))
                .chain([text.len()]);
            for (start, end) in starts.iter().map(|&s| offset_of(s)).zip(ends) {
                if end.saturating_sub(start) > STEP {
                    mark_line(text, start, end, &mut marks);
                }
            }
        }
        Self {
            split: starts.len(),
            starts,
            text_len: text.len(),
            ascii,
            marks,
        }
    }

    /// The byte offset at which 0-based line `i` starts.
    fn start(&self, i: usize) -> Option<usize> {
        let s = offset_of(*self.starts.get(i)?);
        Some(if i < self.split {
            s
        } else {
            self.text_len.saturating_sub(s)
        })
    }

    /// How many lines start at or before `offset` (a binary search over both forms).
    fn starts_upto(&self, offset: usize) -> usize {
        let (mut lo, mut hi) = (0, self.starts.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.start(mid).is_some_and(|s| s <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Moves the split of `starts` to `to`: the starts between the two change form.
    fn move_split(&mut self, to: usize) {
        let to = to.min(self.starts.len());
        let range = if to > self.split {
            self.split..to
        } else {
            to..self.split
        };
        let len = self.text_len;
        // An offset and a distance from the end convert into each other alike.
        for s in self.starts.get_mut(range).unwrap_or_default() {
            *s = start_of(len.saturating_sub(offset_of(*s)));
        }
        self.split = to;
    }

    /// The 0-based line of byte `offset` (at most the text's length) and its start.
    fn line_of(&self, offset: usize) -> (usize, usize) {
        let line0 = self.starts_upto(offset).saturating_sub(1);
        (line0, self.start(line0).unwrap_or(0))
    }

    /// The 1-based line of byte `offset` (what messages that cite lines need: no text).
    #[must_use]
    pub fn line(&self, offset: usize) -> usize {
        self.line_of(offset.min(self.text_len)).0 + 1
    }

    /// The nearest checkpoint at or before `offset` on the line starting at `line_start`
    /// (the line start itself when the line has none there).
    fn base(&self, line_start: usize, offset: usize) -> Mark {
        let i = self.marks.partition_point(|m| m.byte <= offset);
        i.checked_sub(1)
            .and_then(|i| self.marks.get(i))
            .filter(|m| m.byte >= line_start)
            .copied()
            .unwrap_or(Mark {
                byte: line_start,
                chars: 0,
                utf16: 0,
            })
    }

    /// Characters and UTF-16 units of `text` between `line_start` (the start of the line
    /// of `offset`) and byte `offset`.
    fn columns(&self, text: TextRef<'_>, line_start: usize, offset: usize) -> (usize, usize) {
        if self.ascii {
            let n = offset.saturating_sub(line_start);
            return (n, n);
        }
        let base = self.base(line_start, offset);
        let (a, b) = text.slices(base.byte, offset);
        let ((c1, u1), (c2, u2)) = (count(a), count(b));
        (base.chars + c1 + c2, base.utf16 + u1 + u2)
    }

    /// Updates the index of `text` for `text[start..end]` becoming `with` (a session's
    /// edit), without scanning the rest: the line starts and column checkpoints before the
    /// splice stay, those after it move. False, the index unchanged, when a carriage return
    /// at or in the splice could join or split a line break across it, or when the first
    /// non-ASCII character arrives; then only a rebuild is exact.
    pub fn splice<'t>(
        &mut self,
        text: impl Into<TextRef<'t>>,
        start: usize,
        end: usize,
        with: &str,
    ) -> bool {
        self.splice_in(text.into(), start, end, with)
    }

    fn splice_in(&mut self, text: TextRef<'_>, start: usize, end: usize, with: &str) -> bool {
        let cr_before = start
            .checked_sub(1)
            .and_then(|i| text.byte(i))
            .is_some_and(|b| b == b'\r');
        if cr_before || with.contains('\r') || start > end || end > self.text_len {
            return false;
        }
        if self.text_len - (end - start) + with.len() > offset_of(Start::MAX) {
            return false;
        }
        if self.ascii && !with.is_ascii() {
            return false;
        }
        let keep = self.starts_upto(start);
        let after = self.starts_upto(end);
        let added = with.len();
        let removed = end - start;
        // A same-length edit within one line (a figure or a year retyped) moves no line
        // start, so the index stays as it is, split included: an edit far from the last
        // one then converts no starts between the two.
        if added == removed && keep == after && self.marks.is_empty() && !with.contains('\n') {
            return true;
        }
        if !self.marks.is_empty() {
            // Checkpoints up to the splice stay; those inside it go; those after it on the
            // line of `end` move by what the splice adds and removes to their line; those
            // on later lines only move by bytes. A wider gap only costs a longer count,
            // never a wrong one. (Only long lines of non-ASCII text have any.)
            let (_, start_line) = self.line_of(start);
            let (_, end_line) = self.line_of(end);
            let next_line = self.start(after).unwrap_or(usize::MAX);
            let (old_c, old_u) = self.columns(text, end_line, end);
            let (new_c, new_u) = match with.rfind('\n') {
                Some(nl) => count(with.as_bytes().get(nl + 1..).unwrap_or_default()),
                None => {
                    let (c, u) = self.columns(text, start_line, start);
                    let (ac, au) = count(with.as_bytes());
                    (c + ac, u + au)
                }
            };
            let keep = self.marks.partition_point(|m| m.byte <= start);
            let inside = self.marks.partition_point(|m| m.byte <= end);
            let tail: Vec<Mark> = self
                .marks
                .get(inside..)
                .unwrap_or_default()
                .iter()
                .map(|m| {
                    let byte = m.byte - removed + added;
                    if m.byte < next_line {
                        Mark {
                            byte,
                            chars: m.chars - old_c + new_c,
                            utf16: m.utf16 - old_u + new_u,
                        }
                    } else {
                        Mark { byte, ..*m }
                    }
                })
                .collect();
            self.marks.truncate(keep);
            self.marks.extend(tail);
        }
        // The starts after the splice are kept as distances from the end, which it does
        // not change; those inside it give way to the new text's, in place (no copy of
        // the tail unless the number of lines changes).
        self.move_split(after);
        let new_starts =
            memchr::memchr_iter(b'\n', with.as_bytes()).map(|i| start_of(start + i + 1));
        let before = self.starts.len();
        self.starts.splice(keep..after, new_starts);
        self.split = after + self.starts.len() - before;
        self.text_len = self.text_len - removed + added;
        true
    }

    /// The position of byte `offset` in `text` (the text this index was built from).
    #[must_use]
    pub fn position<'t>(&self, text: impl Into<TextRef<'t>>, offset: usize) -> Position {
        self.position_in(text.into(), offset)
    }

    fn position_in(&self, text: TextRef<'_>, offset: usize) -> Position {
        let offset = offset.min(self.text_len);
        let (line0, line_start) = self.line_of(offset);
        let (chars, utf16) = self.columns(text, line_start, offset);
        Position {
            line: line0 + 1,
            column: chars + 1,
            column_utf16: utf16 + 1,
        }
    }

    /// The byte offset of a 1-based line and character column; used to translate
    /// positions reported by the YAML scanner. The column may run past the line's end
    /// (into the following lines), as the scanner counts.
    #[must_use]
    pub fn offset(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(start) = self.start(line.saturating_sub(1)) else {
            return self.text_len;
        };
        let target = column.saturating_sub(1);
        if self.ascii {
            return (start + target).min(self.text_len);
        }
        // The line's checkpoints, then the last one before the column.
        let next = self.start(line).unwrap_or(self.text_len);
        let lo = self.marks.partition_point(|m| m.byte <= start);
        let hi = self.marks.partition_point(|m| m.byte < next);
        let marks = self.marks.get(lo..hi).unwrap_or_default();
        let base = marks
            .partition_point(|m| m.chars <= target)
            .checked_sub(1)
            .and_then(|i| marks.get(i))
            .copied()
            .unwrap_or(Mark {
                byte: start,
                chars: 0,
                utf16: 0,
            });
        let mut chars = base.chars;
        let rest = text.as_bytes().get(base.byte..).unwrap_or_default();
        for (i, &b) in rest.iter().enumerate() {
            if b & 0xC0 != 0x80 {
                if chars == target {
                    return base.byte + i;
                }
                chars += 1;
            }
        }
        self.text_len
    }

    /// The text of 1-based line `line`, without its line break.
    #[must_use]
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let start = self.start(line.saturating_sub(1)).unwrap_or(self.text_len);
        let end = self
            .start(line)
            .map_or(self.text_len, |e| e.saturating_sub(1));
        text.get(start..end.max(start))
            .unwrap_or_default()
            .trim_end_matches('\r')
    }

    #[must_use]
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}
