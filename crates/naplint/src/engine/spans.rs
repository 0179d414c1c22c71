//! Spans that lag behind the text, for a session's tree.
//!
//! A splice that changes the text's length moves every span after it. Moving them in
//! the tree is a walk over everything after the edit (most of a large report, for an
//! edit near its start), on every keystroke that changes a length. A [`SpanLog`] keeps
//! the splices instead and translates a span when one is read (a finding located, an
//! edit planned): the tree's spans stay as they were at the last compaction, and the
//! log is folded into the tree every [`SpanLog::COMPACT_AFTER`] splices, a walk over
//! the tree amortised over that many edits.
//!
//! The value a splice puts in is parsed alone; its spans are given *virtual*
//! coordinates, past the end of the text the tree's other spans refer to, one range
//! per splice, so that a span says by itself which splices still apply to it: those
//! after its own. Translating a span applies the same rule, splice by splice, as moving
//! it would have (what starts at or after a splice's old end moves, what ends after it
//! grows or shrinks), so a translated span is exactly the moved one.

use crate::source::{Node, Span, Value};

/// The splices since the tree's spans were last current (see the module's doc).
#[derive(Debug, Clone, Default)]
pub(crate) struct SpanLog {
    splices: Vec<Logged>,
    /// Coordinates at or above this are virtual: a spliced-in value's.
    virtual_base: usize,
    /// The next virtual range starts here.
    next_virtual: usize,
}

/// One splice: in the text as it was just before it, `[start, old_end)` became
/// `old_end - start + delta` bytes.
#[derive(Debug, Clone, Copy)]
struct Logged {
    start: usize,
    old_end: usize,
    delta: isize,
    /// The virtual range `[from, from + len]` given to the spliced-in text, whose
    /// offset 0 is `start`.
    fragment: Option<(usize, usize)>,
}

impl SpanLog {
    /// Splices kept before they are folded into the tree: a translation costs one step
    /// per kept splice, a compaction one walk of the tree.
    pub(crate) const COMPACT_AFTER: usize = 32;

    /// A log for a tree whose spans are current for a text of `text_len` bytes.
    pub(crate) fn new(text_len: usize) -> Self {
        Self {
            splices: Vec::new(),
            virtual_base: text_len + 1,
            next_virtual: text_len + 1,
        }
    }

    /// Whether the tree's spans are the text's.
    pub(crate) fn is_current(&self) -> bool {
        self.splices.is_empty()
    }

    /// How many splices are kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.splices.len()
    }

    /// Records that `[start, old_end)` of the current text became `new_len` bytes, and
    /// gives the coordinate that offset 0 of the new text has in the tree: `start`
    /// itself while nothing is logged and the length did not change, else the start of
    /// a fresh virtual range.
    pub(crate) fn splice(&mut self, start: usize, old_end: usize, new_len: usize) -> usize {
        let (Ok(new), Ok(old)) = (
            isize::try_from(new_len),
            isize::try_from(old_end.saturating_sub(start)),
        ) else {
            return start;
        };
        let delta = new - old;
        if self.splices.is_empty() && delta == 0 {
            return start;
        }
        let from = self.next_virtual;
        self.next_virtual = from + new_len + 1;
        // A splice of exactly the text the last one put in (a value typed again: a form's
        // keystrokes in one field) takes its place: the tree holds nothing of the last
        // one's text any more, so the two make one splice of the text before both, and
        // typing in one field never fills the log (nor costs a fold of the tree).
        if let Some(last) = self.splices.last_mut() {
            if let Some((_, len)) = last.fragment {
                if len > 0 && start == last.start && old_end == last.start + len {
                    // `old_end - start` is the last one's new length: the deltas add up.
                    last.delta += delta;
                    last.fragment = Some((from, new_len));
                    return from;
                }
            }
        }
        self.splices.push(Logged {
            start,
            old_end,
            delta,
            fragment: Some((from, new_len)),
        });
        from
    }

    /// Whether the log is long enough to be folded into the tree.
    pub(crate) fn full(&self) -> bool {
        self.splices.len() >= Self::COMPACT_AFTER
    }

    /// The current coordinate of a span's start (`end`: of its end) in the tree.
    pub(crate) fn at(&self, x: usize, end: bool) -> usize {
        if self.splices.is_empty() {
            return x;
        }
        let (mut pos, from) = if x >= self.virtual_base {
            let found = self.splices.iter().enumerate().find_map(|(i, s)| {
                let (v, len) = s.fragment?;
                (v..=v + len)
                    .contains(&x)
                    .then(|| (s.start + (x - v), i + 1))
            });
            // A virtual coordinate is always one splice's (they are only handed out by
            // `splice`); should one not be, it is left as it is.
            match found {
                Some(found) => found,
                None => return x,
            }
        } else {
            (x, 0)
        };
        for s in self.splices.iter().skip(from) {
            let moves = if end {
                pos > s.old_end
            } else {
                pos >= s.old_end
            };
            if moves {
                pos = pos.saturating_add_signed(s.delta);
            }
        }
        pos
    }

    /// A span of the tree, in the current text.
    pub(crate) fn span(&self, span: Span) -> Span {
        if self.splices.is_empty() {
            return span;
        }
        Span::new(self.at(span.start(), false), self.at(span.end(), true))
    }

    /// Folds the log into `root` (every span made current) and starts afresh for a text
    /// of `text_len` bytes.
    pub(crate) fn compact(&mut self, root: &mut Node, text_len: usize) {
        if !self.splices.is_empty() {
            self.translate(root);
        }
        *self = Self::new(text_len);
    }

    /// Every span of `node` made current.
    pub(crate) fn translate(&self, node: &mut Node) {
        node.span = self.span(node.span);
        match &mut node.value {
            Value::Object(members) => {
                for m in members {
                    m.key_span = self.span(m.key_span);
                    self.translate(&mut m.value);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|item| self.translate(item)),
            _ => {}
        }
    }
}
