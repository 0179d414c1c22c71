//! A session's text in a gap buffer: the bytes before the last edit, a gap, the bytes
//! after it. An edit where the gap is (typing in one field) moves none of the text after
//! it, however long; an edit elsewhere moves the gap there, copying only the bytes
//! between the two edits. Reading goes through [`TextRef`] (the two runs read as one);
//! a contiguous string is built only where a whole parse or the caller needs one.
//!
//! Hand-written: a rope crate (ropey, crop) would do it with line indexing besides, but
//! adds tens of kilobytes to the WASM module, whose budget (300 KB gzipped) has a few
//! left; a gap buffer is these few lines over a `Vec<u8>`, without `unsafe`.

use crate::source::TextRef;

/// The text is `buf[..gap_start]` then `buf[gap_end..]`; the gap's bytes mean nothing.
/// Both runs are UTF-8 (the gap only ever sits at character boundaries).
#[derive(Debug, Clone, Default)]
pub(crate) struct GapText {
    buf: Vec<u8>,
    gap_start: usize,
    gap_end: usize,
}

impl From<String> for GapText {
    fn from(text: String) -> Self {
        let buf = text.into_bytes();
        let end = buf.len();
        Self {
            buf,
            gap_start: end,
            gap_end: end,
        }
    }
}

impl GapText {
    pub(crate) fn len(&self) -> usize {
        self.buf.len() - (self.gap_end - self.gap_start)
    }

    pub(crate) fn view(&self) -> TextRef<'_> {
        TextRef::new(
            self.buf.get(..self.gap_start).unwrap_or_default(),
            self.buf.get(self.gap_end..).unwrap_or_default(),
        )
    }

    /// The text as one string (a copy).
    pub(crate) fn to_text(&self) -> String {
        let len = self.len();
        self.view().join(len, "", len)
    }

    /// Moves the gap to offset `to` of the text (at most its length).
    fn move_gap(&mut self, to: usize) {
        let to = to.min(self.len());
        if to < self.gap_start {
            let n = self.gap_start - to;
            self.buf.copy_within(to..self.gap_start, self.gap_end - n);
            self.gap_start = to;
            self.gap_end -= n;
        } else if to > self.gap_start {
            let n = to - self.gap_start;
            self.buf
                .copy_within(self.gap_end..self.gap_end + n, self.gap_start);
            self.gap_start = to;
            self.gap_end += n;
        }
    }

    /// Replaces `start..end` of the text with `with`; the gap is left after `with`, or
    /// where it was when `with` has the length of what it replaces.
    /// False, the text unchanged, when the range is not in the text.
    pub(crate) fn splice(&mut self, start: usize, end: usize, with: &str) -> bool {
        if start > end || end > self.len() {
            return false;
        }
        // A same-length edit on one side of the gap is written in place: the gap stays
        // where the last length-changing edit left it, so retyping a figure or a year
        // far from there moves no text.
        if end - start == with.len() {
            let at = if end <= self.gap_start {
                Some(start)
            } else if start >= self.gap_start {
                Some(start + (self.gap_end - self.gap_start))
            } else {
                None
            };
            if let Some(dst) = at.and_then(|at| self.buf.get_mut(at..at + with.len())) {
                dst.copy_from_slice(with.as_bytes());
                return true;
            }
        }
        self.move_gap(start);
        // The removed bytes join the gap.
        self.gap_end += end - start;
        let gap = self.gap_end - self.gap_start;
        if gap < with.len() {
            // Grown by a share of the text, so that growing (which moves the text after
            // the gap) is amortised over that many bytes typed.
            let grow = with.len() - gap + 1024 + self.buf.len() / 16;
            let old_len = self.buf.len();
            self.buf.resize(old_len + grow, 0);
            self.buf
                .copy_within(self.gap_end..old_len, self.gap_end + grow);
            self.gap_end += grow;
        }
        let at = self.gap_start;
        if let Some(dst) = self.buf.get_mut(at..at + with.len()) {
            dst.copy_from_slice(with.as_bytes());
        }
        self.gap_start += with.len();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::GapText;

    #[test]
    fn splices_read_back_as_the_edited_string() {
        let mut gap = GapText::from("héllo wörld".to_owned());
        let mut plain = "héllo wörld".to_owned();
        let edits: &[(usize, usize, &str)] = &[
            (0, 0, "¡"),
            (3, 7, ""),
            (5, 5, "long insertion, longer than any gap so far"),
            (2, 3, "x"),
            (10, 20, "ü"),
            (0, 0, ""),
        ];
        for &(start, end, with) in edits {
            let end = end.min(plain.len());
            assert!(plain.is_char_boundary(start) && plain.is_char_boundary(end));
            assert!(gap.splice(start, end, with));
            plain.replace_range(start..end, with);
            assert_eq!(gap.to_text(), plain);
            assert_eq!(gap.len(), plain.len());
        }
        // Same-length edits before, after and across the gap: in place, or through it.
        // (Each replaces two whole characters with as many ASCII bytes.)
        let gap_at = gap.gap_start;
        for at in [0, plain.len() - 1, gap_at.saturating_sub(1)] {
            let start = (0..=at)
                .rev()
                .find(|&i| plain.is_char_boundary(i))
                .unwrap_or(0);
            let mut ends = (start + 1..=plain.len()).filter(|&i| plain.is_char_boundary(i));
            let end = ends.nth(1).or(ends.next()).unwrap_or(plain.len());
            let with = "#".repeat(end - start);
            assert!(gap.splice(start, end, &with));
            plain.replace_range(start..end, &with);
            assert_eq!(gap.to_text(), plain);
        }
        let len = gap.len();
        assert!(!gap.splice(len, len + 1, "x"));
        assert!(!gap.splice(2, 1, "x"));
        assert_eq!(gap.to_text(), plain);
        let view = gap.view();
        assert_eq!(view.len(), plain.len());
        assert!(plain
            .bytes()
            .enumerate()
            .all(|(i, b)| view.byte(i) == Some(b)));
        assert_eq!(view.byte(plain.len()), None);
    }
}
