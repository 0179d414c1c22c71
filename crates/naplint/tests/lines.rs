//! `lines = false` (for forms): no message or help cites a line, in either language, and
//! everything else about each diagnostic (code, position, pointer, related, fix) is what
//! it is with lines.

#![allow(clippy::disallowed_methods)]

mod common;

use common::read;
use naplint::{Config, Lang, Linter, SourceFormat};
use std::path::Path;

fn linter(lang: Lang, lines: bool) -> Linter {
    Linter::new(Config {
        lang,
        lines,
        ..Config::default()
    })
    .unwrap()
}

/// `line 12` or `ligne 12` anywhere (not `Timeline column`).
fn cites_a_line(text: &str) -> bool {
    ["line ", "ligne "].iter().any(|word| {
        text.match_indices(word).any(|(i, w)| {
            let before = text.get(..i).and_then(|b| b.chars().last());
            let after = text.get(i + w.len()..).and_then(|a| a.chars().next());
            !before.is_some_and(char::is_alphabetic) && after.is_some_and(|c| c.is_ascii_digit())
        })
    })
}

#[test]
fn reconciliations_name_their_terms_by_field_alone() {
    let text = read("tests/fixtures/R001/fail.json");
    let en = linter(Lang::En, false).check(&text, SourceFormat::Json);
    assert_eq!(
        en[0].message,
        "male 29 + female 68 + minor_dependents 6 = 103, but recipients is 102: off by 1"
    );
    let with = linter(Lang::En, true).check(&text, SourceFormat::Json);
    assert!(
        with[0].message.contains("(line 127)"),
        "{}",
        with[0].message
    );
    assert_eq!(en[0].related, with[0].related);
    assert_eq!(en[0].related.len(), 4);
    let fr = linter(Lang::Fr, false).check(&text, SourceFormat::Json);
    assert_eq!(
        fr[0].message,
        "male 29 + female 68 + minor_dependents 6 = 103, mais recipients vaut 102 : écart de 1"
    );
}

#[test]
fn no_fixture_message_cites_a_line_and_nothing_else_changes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).unwrap().flatten())
        .map(|f| f.path())
        .filter(|p| {
            let n = p.to_string_lossy();
            (n.ends_with(".json") || n.ends_with(".yaml")) && !n.ends_with(".expected.json")
        })
        .collect();
    files.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/2013-14/report.json"));
    files.sort();
    let mut cited = 0;
    for lang in [Lang::En, Lang::Fr] {
        let (with, without) = (linter(lang, true), linter(lang, false));
        for path in &files {
            let bytes = std::fs::read(path).unwrap();
            let format = SourceFormat::from_path(&path.to_string_lossy());
            let a = with.check_bytes(&bytes, format);
            let b = without.check_bytes(&bytes, format);
            assert_eq!(a.len(), b.len(), "{}", path.display());
            for (a, b) in a.iter().zip(&b) {
                let key = |d: &naplint::Diagnostic| {
                    (
                        d.code.clone(),
                        d.pointer.clone(),
                        d.line,
                        d.column,
                        d.end_line,
                        d.end_column,
                        d.related.clone(),
                        d.fix.clone(),
                        d.span,
                    )
                };
                assert_eq!(key(a), key(b), "{}", path.display());
                for text in [Some(&b.message), b.help.as_ref()].into_iter().flatten() {
                    assert!(!cites_a_line(text), "{}: {text}", path.display());
                }
                if a.message != b.message || a.help != b.help {
                    cited += 1;
                }
            }
        }
    }
    // The option did something: R rules and S002 cite lines by default.
    assert!(cited >= 10, "only {cited} diagnostics cited lines");
}
