//! Every finding's JSON Pointer designates exactly the place its line and column report:
//! for every fixture and the seed (JSON and YAML), the pointer resolved against the
//! document gives the diagnostic's span (the value's, or the member key's for findings
//! located at a key), and the line index turns that span into its line:column. A pointer
//! that does not fully resolve may only name a missing member of an existing object or
//! array (a required field that is absent).

#![allow(clippy::disallowed_methods)]

use naplint::source::{self, locate_pointer, Pointer, SourceFormat};
use naplint::{Config, Linter};

mod common;
use common::inputs;

#[test]
fn every_pointer_resolves_to_the_reported_span() {
    let linter = Linter::new(Config::default()).expect("default config");
    let (mut checked, mut files) = (0, 0);
    let mut wrong = Vec::new();
    for path in inputs() {
        let bytes = std::fs::read(&path).expect("read input");
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let format = SourceFormat::from_path(&path.to_string_lossy());
        let loaded = source::load(&text, format);
        let diagnostics = linter.check(&text, format);
        files += 1;
        for d in &diagnostics {
            let here = format!("{} {} `{}`", path.display(), d.code, d.pointer);
            // The line:column is the span's, whatever located it.
            let start = loaded.lines.position(&text, d.span.0);
            let end = loaded.lines.position(&text, d.span.1);
            if (start.line, start.column, end.line, end.column)
                != (d.line, d.column, d.end_line, d.end_column)
            {
                wrong.push(format!("{here}: line/column do not match the span"));
            }
            // Syntax errors are located at the byte the parser stopped at, not a pointer.
            let Some(tree) = loaded.root.as_ref().filter(|_| d.code != "S003") else {
                continue;
            };
            let pointer = Pointer::parse(&d.pointer);
            let located = locate_pointer(tree, &pointer);
            let span = (d.span.0, d.span.1);
            let value = (located.value.start(), located.value.end());
            let key = located.key.map(|k| (k.start(), k.end()));
            if span != value && Some(span) != key {
                wrong.push(format!(
                    "{here}: span {span:?}, the pointer gives {value:?} (key {key:?})"
                ));
            }
            if !located.exact {
                let tokens: Vec<String> = pointer.tokens().collect();
                let parent = tokens
                    .iter()
                    .take(tokens.len().saturating_sub(1))
                    .fold(Pointer::root(), |p, t| p.key(t));
                if !locate_pointer(tree, &parent).exact {
                    wrong.push(format!("{here}: points past a missing member"));
                }
            }
            checked += 1;
        }
    }
    assert!(
        files > 80 && checked > 100,
        "{files} files, {checked} findings"
    );
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
