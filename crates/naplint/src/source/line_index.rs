//! Byte offsets to 1-based line and column, computed once per file.

/// A 1-based position. `column` counts Unicode scalar values, as rustc and ruff do;
/// `column_utf16` counts UTF-16 code units, as JavaScript editors do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub column_utf16: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset at which each line starts.
    starts: Vec<usize>,
    text_len: usize,
}

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
        Self {
            starts,
            text_len: text.len(),
        }
    }

    /// Updates the index of `text` for `text[start..end]` becoming `with` (a session's
    /// edit), without scanning the rest: the line starts before the splice stay, those
    /// after it move. False, the index unchanged, when a carriage return at or in the
    /// splice could join or split a line break across it; then only a rebuild is exact.
    pub fn splice(&mut self, text: &str, start: usize, end: usize, with: &str) -> bool {
        let cr_before = start
            .checked_sub(1)
            .and_then(|i| text.as_bytes().get(i))
            .is_some_and(|&b| b == b'\r');
        if cr_before || with.contains('\r') || start > end || end > self.text_len {
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
        let before = text.get(line_start..offset).unwrap_or_default();
        Position {
            line: line0 + 1,
            column: before.chars().count() + 1,
            column_utf16: before.encode_utf16().count() + 1,
        }
    }

    /// The byte offset of a 1-based line and character column; used to translate
    /// positions reported by the YAML scanner.
    #[must_use]
    pub fn offset(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return self.text_len;
        };
        let rest = text.get(start..).unwrap_or_default();
        rest.char_indices()
            .nth(column.saturating_sub(1))
            .map_or(self.text_len, |(i, _)| start + i)
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
