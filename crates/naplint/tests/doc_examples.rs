//! Executable documentation: every *Fails* and *Passes* example of every rule page, in
//! English and in French, runs here, as biome runs its doc examples.
//!
//! - A block is a YAML or JSON fragment deep-merged into `tests/docs/base.yaml` (a valid
//!   report: objects merge, arrays replace). The fragment text is also read on its own,
//!   so what only the text shows (S002's repeated key, S003's broken syntax) is kept from
//!   it; a fragment that does not parse is run as it stands.
//! - *Fails* gives exactly the rule's code; a first line `# also: S001, P013` lists the
//!   other codes it may give. *Passes* gives no diagnostic at all.
//! - X rules (`--previous`): a block whose info string says `previous` (```` ```yaml
//!   previous ````) is the previous report, merged into the base too, for the blocks after
//!   it in the same section.
//! - A rule with no runnable *Fails* and *Passes* example in both languages fails the
//!   test, unless it is in [`NOT_RUNNABLE`] (named, with why, in the test's output).

#![allow(clippy::disallowed_methods)]

use naplint::registry::RULES;
use naplint::source::{load, SourceFormat};
use naplint::{Config, Lang, Linter};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// Rules whose pages are not runnable yet, each with the shape its examples need.
const NOT_RUNNABLE: &[(&str, &str)] = &[
    ("S005", "a baseline file beside the report"),
    ("S006", "a baseline file beside the report"),
    ("S007", "more than 1,000 findings"),
    ("A001", "a submission set"),
    ("A002", "a submission set"),
    ("A003", "a submission set"),
    ("A004", "a submission set"),
    ("A005", "a submission set"),
    ("A006", "a submission set"),
];

struct Block {
    info: String,
    body: String,
}

/// The fenced blocks of each `## heading` section of a page.
fn sections(page: &str) -> Vec<(String, Vec<Block>)> {
    let mut out: Vec<(String, Vec<Block>)> = Vec::new();
    let mut fence: Option<Block> = None;
    for line in page.lines() {
        if let Some(block) = fence.as_mut() {
            if line.starts_with("```") {
                let done = fence.take().unwrap();
                out.last_mut().unwrap().1.push(done);
            } else {
                block.body.push_str(line);
                block.body.push('\n');
            }
        } else if let Some(heading) = line.strip_prefix("## ") {
            out.push((heading.trim().to_owned(), Vec::new()));
        } else if let Some(info) = line.strip_prefix("```") {
            assert!(!out.is_empty(), "a block before any heading");
            fence = Some(Block {
                info: info.trim().to_owned(),
                body: String::new(),
            });
        }
    }
    out
}

fn format_of(info: &str) -> SourceFormat {
    if info.starts_with("json") {
        SourceFormat::Json
    } else {
        SourceFormat::Yaml
    }
}

/// Objects merge, arrays and scalars replace.
fn merge(base: &mut Value, fragment: Value) {
    match (base, fragment) {
        (Value::Object(b), Value::Object(f)) => {
            for (k, v) in f {
                match b.get_mut(&k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (slot, v) => *slot = v,
    }
}

fn base() -> Value {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/docs/base.yaml"),
    )
    .unwrap();
    load(&text, SourceFormat::Yaml).root.unwrap().to_json()
}

/// The document a block stands for (JSON text), and the codes its text alone gives.
fn document(linter: &Linter, block: &Block) -> (Option<String>, BTreeSet<String>) {
    let format = format_of(&block.info);
    let alone: BTreeSet<String> = linter
        .check(&block.body, format)
        .into_iter()
        .map(|d| d.code)
        .filter(|c| c == "S002" || c == "S003")
        .collect();
    let Some(root) = load(&block.body, format).root else {
        return (None, alone);
    };
    let mut doc = base();
    merge(&mut doc, root.to_json());
    (Some(serde_json::to_string_pretty(&doc).unwrap()), alone)
}

fn also(block: &Block) -> BTreeSet<String> {
    block
        .body
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("# also:"))
        .map(|rest| rest.split(',').map(|c| c.trim().to_owned()).collect())
        .unwrap_or_default()
}

/// Runs every example of one page; returns how many Fails and Passes blocks ran.
fn run_page(
    linter: &Linter,
    code: &str,
    page: &str,
    headings: [&str; 2],
    errors: &mut Vec<String>,
) -> (usize, usize) {
    let mut ran = (0, 0);
    for (heading, blocks) in sections(page) {
        let fails = heading == headings[0];
        if !fails && heading != headings[1] {
            continue;
        }
        let mut previous = None;
        for block in &blocks {
            if !(block.info.starts_with("yaml") || block.info.starts_with("json")) {
                continue; // a baseline (`toml`): S005/S006 are in NOT_RUNNABLE
            }
            let (doc, alone) = document(linter, block);
            if block.info.split_whitespace().any(|w| w == "previous") {
                let text =
                    doc.unwrap_or_else(|| panic!("{code}: the previous block does not parse"));
                previous = Some(
                    linter
                        .previous(&text, SourceFormat::Json)
                        .unwrap_or_else(|e| panic!("{code}: previous report unreadable: {e:?}")),
                );
                continue;
            }
            let mut got = alone;
            if let Some(text) = &doc {
                let diagnostics = match &previous {
                    Some(p) => linter.check_with_previous(text, SourceFormat::Json, p),
                    None => linter.check(text, SourceFormat::Json),
                };
                got.extend(diagnostics.into_iter().map(|d| d.code));
            } else {
                got.extend(
                    linter
                        .check(&block.body, format_of(&block.info))
                        .into_iter()
                        .map(|d| d.code),
                );
            }
            if fails {
                let allowed: BTreeSet<String> = also(block);
                if !(got.contains(code) && got.iter().all(|c| c == code || allowed.contains(c))) {
                    errors.push(format!(
                        "{code} `{heading}` example gives {got:?}, not exactly {code} (also allowed: {allowed:?}):\n{}",
                        block.body
                    ));
                }
                ran.0 += 1;
            } else {
                if !got.is_empty() {
                    errors.push(format!(
                        "{code} `{heading}` example gives {got:?}, not nothing:\n{}",
                        block.body
                    ));
                }
                ran.1 += 1;
            }
        }
    }
    ran
}

#[test]
fn the_base_document_is_clean() {
    let linter = Linter::new(Config::default()).unwrap();
    let text = serde_json::to_string(&base()).unwrap();
    assert_eq!(linter.check(&text, SourceFormat::Json), vec![]);
}

#[test]
fn every_rule_page_example_runs() {
    let en = Linter::new(Config::default()).unwrap();
    let fr = Linter::new(Config {
        lang: Lang::Fr,
        ..Config::default()
    })
    .unwrap();
    let mut runnable = Vec::new();
    let mut total = 0;
    let mut errors = Vec::new();
    for r in RULES {
        if NOT_RUNNABLE.iter().any(|(c, _)| *c == r.code) {
            continue; // listed, printed below, and counted in the last assertion
        }
        let (f1, p1) = run_page(&en, r.code, r.docs, ["Fails", "Passes"], &mut errors);
        let (f2, p2) = run_page(&fr, r.code, r.docs_fr, ["Échoue", "Réussit"], &mut errors);
        total += f1 + p1 + f2 + p2;
        for (what, n) in [
            ("Fails", f1),
            ("Passes", p1),
            ("Échoue", f2),
            ("Réussit", p2),
        ] {
            assert!(n > 0, "{}: no runnable `{what}` example", r.code);
        }
        runnable.push(r.code);
    }
    println!(
        "doc examples: {total} blocks of {} rules ran; not runnable yet: {}",
        runnable.len(),
        NOT_RUNNABLE
            .iter()
            .map(|(c, why)| format!("{c} ({why})"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(
        errors.is_empty(),
        "{} examples do not give what their heading says:\n\n{}",
        errors.len(),
        errors.join("\n")
    );
    assert_eq!(runnable.len() + NOT_RUNNABLE.len(), RULES.len());
}
