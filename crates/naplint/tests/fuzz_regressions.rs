//! Every input the fuzzers ever tripped on (`fuzz/regressions/<target>/*`), replayed
//! through the same entry point as its fuzz target (`fuzz/fuzz_targets/<target>.rs`), so a
//! fixed crash stays fixed without cargo-fuzz, nightly or a sanitizer.
//!
//! - `json_loader`, `yaml_loader`: `source::load` never panics and every span it returns
//!   lies inside the text, on character boundaries.
//! - `check`: `Linter::check_bytes` as JSON and as YAML never panics, returns diagnostics
//!   (a reproducer is never a clean report) and at most `MAX_DIAGNOSTICS` + 1 of them;
//!   `fix::apply` on the result and a second check never panic, and a fix never turns a
//!   well-formed file into one that does not parse.
//!
//! - `rule_lang`: a rule's text (a first line starting with `/` is its scope) parses,
//!   compiles against the report schema or is rejected, and when it compiles runs on the
//!   seed report within the step budget, without a panic.
//!
//! Every target's directory must exist and hold at least one input: a test that replays
//! nothing would pass whatever the loader does, so a missing or empty directory fails.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};

use naplint::source::{self, Node, SourceFormat, Value};
use naplint::{fix, Config, Linter, MAX_DIAGNOSTICS};

fn regressions(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.file_name().is_none_or(|n| n != "README.md"))
                .collect()
        })
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    files.sort();
    assert!(
        !files.is_empty(),
        "{}: no reproducer to replay (add the inputs this target guards)",
        dir.display()
    );
    files
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn spans_ok(path: &Path, text: &str, node: &Node) {
    let s = node.span;
    assert!(
        s.start <= s.end && s.end() <= text.len(),
        "{}: span {s:?} outside the text ({} bytes)",
        path.display(),
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()),
        "{}: span {s:?} splits a character",
        path.display()
    );
    match &node.value {
        Value::Array(items) => items.iter().for_each(|n| spans_ok(path, text, n)),
        Value::Object(members) => members.iter().for_each(|m| {
            assert!(
                m.key_span.end() <= text.len(),
                "{}: key span",
                path.display()
            );
            spans_ok(path, text, &m.value);
        }),
        _ => {}
    }
}

fn loader(target: &str, format: SourceFormat) -> usize {
    let files = regressions(target);
    for path in &files {
        let bytes = read(path);
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let loaded = source::load(text, format);
        if let Some(root) = &loaded.root {
            spans_ok(path, text, root);
            let _ = loaded.lines.position(text, root.span.end());
        }
    }
    files.len()
}

#[test]
fn json_loader_regressions() {
    let n = loader("json_loader", SourceFormat::Json);
    eprintln!("{n} json_loader reproducer(s)");
}

#[test]
fn yaml_loader_regressions() {
    let n = loader("yaml_loader", SourceFormat::Yaml);
    eprintln!("{n} yaml_loader reproducer(s)");
}

#[test]
fn check_regressions() {
    let linter = Linter::new(Config::default()).expect("embedded schema compiles");
    let files = regressions("check");
    for path in &files {
        let bytes = read(path);
        for format in [SourceFormat::Json, SourceFormat::Yaml] {
            let diagnostics = linter.check_bytes(&bytes, format);
            assert!(
                !diagnostics.is_empty(),
                "{} as {format:?}: no diagnostics",
                path.display()
            );
            assert!(
                diagnostics.len() <= MAX_DIAGNOSTICS + 1,
                "{} as {format:?}: {} diagnostics",
                path.display(),
                diagnostics.len()
            );
            let Ok(text) = std::str::from_utf8(&bytes) else {
                continue;
            };
            let parsed = !diagnostics.iter().any(|d| d.code == "S003");
            let fixed = fix::apply(text, format, &diagnostics);
            let again = linter.check(&fixed.text, format);
            if parsed && fixed.applied > 0 {
                assert!(
                    !again.iter().any(|d| d.code == "S003"),
                    "{} as {format:?}: the fix broke a well-formed file: {:?}",
                    path.display(),
                    again.iter().find(|d| d.code == "S003")
                );
            }
        }
    }
    eprintln!("{} check reproducer(s)", files.len());
}

#[test]
fn rule_lang_regressions() {
    let schema: serde_json::Value =
        serde_json::from_str(naplint::schema::REPORT_SCHEMA_JSON).expect("schema");
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/2013-14/report.json"),
    )
    .expect("seed report");
    let root = source::load(&seed, SourceFormat::Json)
        .root
        .expect("the seed parses");
    let files = regressions("rule_lang");
    for path in &files {
        let bytes = read(path);
        let Ok(src) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let (scope, check) = match src.split_once('\n') {
            Some((first, rest)) if first.starts_with('/') => (Some(first), rest),
            _ => (None, src),
        };
        let _ = naplint::lang::parse(check);
        let decl = naplint::lang::CheckDecl {
            scope,
            check,
            ..naplint::lang::CheckDecl::default()
        };
        if let Ok(compiled) = naplint::lang::compile(decl, &schema) {
            let mut steps = 0;
            let _ = compiled.run(&root, &|_| Some(1), 0.05, naplint::Lang::En, &mut steps);
        }
    }
    eprintln!("{} rule_lang reproducer(s)", files.len());
}
