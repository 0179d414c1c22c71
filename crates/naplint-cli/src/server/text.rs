//! Positions as LSP counts them: 0-based lines and UTF-16 code units within a line,
//! lines broken by `\n`, `\r\n` or a lone `\r` (the same breaks the core's line index
//! counts, so a diagnostic's line is the editor's line).

use lsp_types::{Position, Range, TextDocumentContentChangeEvent, TextEdit};

/// The byte offset of an LSP position in `text`. A line past the end is the end of the
/// text; a character past the end of its line is the end of that line (as the
/// specification asks), and one inside a surrogate pair rounds down to the character.
pub fn offset_at(text: &str, position: Position) -> usize {
    let bytes = text.as_bytes();
    let mut line_start = 0;
    let mut line = 0;
    while line < position.line {
        let Some(rel) = bytes
            .get(line_start..)
            .and_then(|rest| rest.iter().position(|&b| b == b'\n' || b == b'\r'))
        else {
            return text.len();
        };
        let brk = line_start + rel;
        line_start = if bytes.get(brk) == Some(&b'\r') && bytes.get(brk + 1) == Some(&b'\n') {
            brk + 2
        } else {
            brk + 1
        };
        line += 1;
    }
    let rest = text.get(line_start..).unwrap_or_default();
    let mut units = 0u32;
    for (i, c) in rest.char_indices() {
        if c == '\n' || c == '\r' {
            return line_start + i;
        }
        let width = u32::try_from(c.len_utf16()).unwrap_or(1);
        if units + width > position.character {
            return line_start + i;
        }
        units += width;
    }
    text.len()
}

/// The LSP position of byte `offset` in `text`.
pub fn position_at(text: &str, offset: usize) -> Position {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or_default();
    let all = text.as_bytes();
    let mut line = 0u32;
    let mut line_start = 0;
    for (i, &b) in before.as_bytes().iter().enumerate() {
        let lone_cr = b == b'\r' && all.get(i + 1) != Some(&b'\n');
        if b == b'\n' || lone_cr {
            line += 1;
            line_start = i + 1;
        }
    }
    let character = before
        .get(line_start..)
        .unwrap_or_default()
        .encode_utf16()
        .count();
    Position::new(line, u32::try_from(character).unwrap_or(u32::MAX))
}

/// Applies one change from `textDocument/didChange`: a range edit (incremental sync) or,
/// without a range, the whole new text (full sync).
pub fn apply_change(text: &mut String, change: TextDocumentContentChangeEvent) {
    match change.range {
        Some(range) => {
            let start = offset_at(text, range.start);
            let end = offset_at(text, range.end).max(start);
            text.replace_range(start..end, &change.text);
        }
        None => *text = change.text,
    }
}

/// The one edit that turns `old` into `new`: everything between their common prefix and
/// common suffix (kept on character boundaries), so an editor keeps the cursor and the
/// undo history of the untouched text.
pub fn minimal_edit(old: &str, new: &str) -> Option<TextEdit> {
    if old == new {
        return None;
    }
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .find(|((_, a), b)| a != b)
        .map_or_else(|| old.len().min(new.len()), |((i, _), _)| i);
    let max_suffix = old.len().min(new.len()) - prefix;
    let suffix = old
        .chars()
        .rev()
        .zip(new.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .scan(0, |total, len| {
            *total += len;
            Some(*total)
        })
        .take_while(|&total| total <= max_suffix)
        .last()
        .unwrap_or(0);
    let replacement = new.get(prefix..new.len() - suffix).unwrap_or_default();
    Some(TextEdit::new(
        Range::new(
            position_at(old, prefix),
            position_at(old, old.len() - suffix),
        ),
        replacement.to_owned(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn utf16_positions_round_trip() {
        // `é` is one UTF-16 unit and two bytes; `𝄞` is two units and four bytes.
        let text = "ab\né𝄞x\r\nz\ry";
        assert_eq!(offset_at(text, pos(1, 0)), 3);
        assert_eq!(offset_at(text, pos(1, 1)), 5);
        assert_eq!(offset_at(text, pos(1, 3)), 9);
        assert_eq!(
            offset_at(text, pos(1, 99)),
            10,
            "clamped to the end of the line"
        );
        assert_eq!(offset_at(text, pos(2, 0)), 12);
        assert_eq!(offset_at(text, pos(3, 1)), 15, "a lone CR breaks the line");
        assert_eq!(offset_at(text, pos(9, 0)), text.len());
        for offset in [0, 3, 5, 9, 10, 12, 14, 15] {
            assert_eq!(
                offset_at(text, position_at(text, offset)),
                offset,
                "{offset}"
            );
        }
        assert_eq!(position_at(text, 9), pos(1, 3));
    }

    #[test]
    fn incremental_and_full_changes() {
        let mut text = "{\n  \"a\": \"é1\"\n}".to_owned();
        apply_change(
            &mut text,
            TextDocumentContentChangeEvent {
                range: Some(Range::new(pos(1, 9), pos(1, 10))),
                range_length: None,
                text: "2".to_owned(),
            },
        );
        assert_eq!(text, "{\n  \"a\": \"é2\"\n}");
        apply_change(
            &mut text,
            TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: "{}".to_owned(),
            },
        );
        assert_eq!(text, "{}");
    }

    #[test]
    fn minimal_edit_covers_only_the_change() {
        let edit = minimal_edit("start: 2012-13\nx", "start: 2012/13\nx").unwrap();
        assert_eq!(edit.range, Range::new(pos(0, 11), pos(0, 12)));
        assert_eq!(edit.new_text, "/");
        let edit = minimal_edit("aaa", "aa").unwrap();
        assert_eq!(edit.range, Range::new(pos(0, 2), pos(0, 3)));
        assert_eq!(edit.new_text, "");
        assert!(minimal_edit("same", "same").is_none());
        let edit = minimal_edit("é", "è").unwrap();
        assert_eq!(
            (edit.range, edit.new_text.as_str()),
            (Range::new(pos(0, 0), pos(0, 1)), "è")
        );
    }
}
