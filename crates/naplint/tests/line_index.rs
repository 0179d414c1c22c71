//! The line index's checkpointed columns against the plain count from the line start, on
//! texts mixing ASCII, two-, three- and four-byte characters, long lines and every kind of
//! line break, at every byte offset.

use naplint::source::LineIndex;

/// The definition: count from the start of the offset's line.
fn naive(text: &str, offset: usize) -> (usize, usize, usize) {
    let offset = offset.min(text.len());
    let bytes = text.as_bytes();
    let mut line = 1;
    let mut start = 0;
    for i in 0..offset {
        let lone_cr = bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
        if bytes[i] == b'\n' || lone_cr {
            line += 1;
            start = i + 1;
        }
    }
    let before = String::from_utf8_lossy(&bytes[start..offset]).into_owned();
    let valid = text.is_char_boundary(offset);
    let before = if valid {
        text[start..offset].to_owned()
    } else {
        before
    };
    (
        line,
        before.chars().count() + 1,
        before.encode_utf16().count() + 1,
    )
}

fn texts() -> Vec<String> {
    let pieces = [
        "a",
        "é",
        "€",
        "😀",
        "\n",
        "\r\n",
        "\r",
        " ",
        "\t",
        "ab",
        "€😀é",
    ];
    let mut seed = 0x2545_f491_u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut out = vec![String::new(), "plain ascii\nsecond line".to_owned()];
    for len in [10, 300, 2000, 5000] {
        let mut s = String::new();
        for _ in 0..len {
            // Mostly characters, few breaks: long lines cross many checkpoints.
            let r = usize::try_from(next() % 40).unwrap_or(0);
            let piece = if r < pieces.len() { pieces[r] } else { "x" };
            s.push_str(piece);
        }
        out.push(s);
    }
    // One long line of four-byte characters.
    out.push("😀".repeat(3000));
    out
}

#[test]
fn positions_match_the_count_from_the_line_start() {
    let mut checked = 0;
    for text in texts() {
        let index = LineIndex::new(&text);
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            let p = index.position(&text, offset);
            assert_eq!(
                (p.line, p.column, p.column_utf16),
                naive(&text, offset),
                "offset {offset} of a {}-byte text",
                text.len()
            );
            checked += 1;
        }
    }
    assert!(checked > 10_000, "{checked}");
}

#[test]
fn offsets_invert_positions() {
    for text in texts() {
        let index = LineIndex::new(&text);
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            let p = index.position(&text, offset);
            let back = index.offset(&text, p.line, p.column);
            // A line break's position is its first byte; `\r\n` is one break.
            assert_eq!(back, offset, "line {} column {}", p.line, p.column);
        }
        // A column past the end of the text is the end.
        assert_eq!(index.offset(&text, 1, text.len() + 5), text.len());
    }
}

#[test]
fn a_spliced_index_gives_the_positions_of_a_rebuilt_one() {
    let mut text = "é€😀 ".repeat(400);
    let mut index = LineIndex::new(&text);
    let edits = [
        (10, 30, "ab\ncd"),
        (700, 700, "😀😀\né"),
        (0, 5, ""),
        (1500, 2200, "x"),
    ];
    for (start, end, with) in edits {
        let (start, end) = (floor(&text, start), floor(&text, end));
        assert!(index.splice(&text, start, end, with), "spliced");
        text.replace_range(start..end, with);
        let fresh = LineIndex::new(&text);
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            assert_eq!(
                index.position(&text, offset),
                fresh.position(&text, offset),
                "offset {offset}"
            );
        }
    }
}

fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Random edits (joining and splitting lines, inside and across long lines of mixed
/// characters): every accepted splice gives the positions and offsets of a rebuilt index.
#[test]
fn random_splices_give_the_positions_of_a_rebuilt_one() {
    let withs = ["", "x", "é", "\n", "ab\ncd", "😀\n\né€", "€€€€"];
    let mut seed = 0x9e37_79b9_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        usize::try_from(seed % 1_000_003).unwrap_or(0)
    };
    let (mut spliced, mut checked) = (0, 0);
    for mut text in texts().into_iter().filter(|t| t.len() > 1000) {
        let mut index = LineIndex::new(&text);
        for _ in 0..25 {
            let a = floor(&text, next() % (text.len() + 1));
            let b = floor(&text, (a + next() % 1500).min(text.len()));
            let with = withs[next() % withs.len()];
            if !index.splice(&text, a, b, with) {
                text.replace_range(a..b, with);
                index = LineIndex::new(&text);
                continue;
            }
            spliced += 1;
            text.replace_range(a..b, with);
            let fresh = LineIndex::new(&text);
            assert!(index == fresh, "line starts after splicing {a}..{b}");
            let step = 1 + next() % 5;
            for offset in (0..=text.len())
                .step_by(step)
                .filter(|&o| text.is_char_boundary(o))
            {
                let p = index.position(&text, offset);
                assert_eq!(p, fresh.position(&text, offset), "offset {offset}");
                assert_eq!(index.offset(&text, p.line, p.column), offset);
                checked += 1;
            }
        }
    }
    assert!(spliced > 50 && checked > 10_000, "{spliced} {checked}");
}
