//! Executable documentation: every *Fails* and *Passes* example of every rule page, in
//! English and in French, runs here, as biome runs its doc examples.
//!
//! - A block is a YAML or JSON fragment deep-merged into `tests/docs/base.yaml` (a valid
//!   report) as a JSON Merge Patch (objects merge, `null` removes, arrays replace), at the
//!   root or at the pointer of a first-lines comment `# at: /pillars/0/...`. The fragment text is also read on its own,
//!   so what only the text shows (S002's repeated key, S003's broken syntax) is kept from
//!   it; a fragment that does not parse is run as it stands.
//! - *Fails* gives exactly the rule's code; a first line `# also: S001, P013` lists the
//!   other codes it may give (comments at the top, in any order). *Passes* gives no diagnostic at all.
//! - X rules (`--previous`): a block whose info string says `previous` (```` ```yaml
//!   previous ````) is the previous report, merged into the base too, for the blocks after
//!   it in the same section.
//! - A rules (a submission set): each section is one set, `tests/docs/set-base.yaml` and
//!   a submission per block tagged with its file name (```` ```yaml ps.yaml ````).
//! - S005/S006 (a baseline): each section is a report fragment and a ```` ```toml ````
//!   baseline beside it.
//! - A rule without a runnable *Fails* and *Passes* example in both languages fails the
//!   test: no family is skipped.

#![allow(clippy::disallowed_methods)]

use naplint::registry::RULES;
use naplint::source::{load, SourceFormat};
use naplint::{Config, Lang, Linter};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// The day the baseline examples (S005, S006) are checked on: the core has no clock, the
/// CLI passes today.
const TODAY: &str = "2026-12-01";

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

/// JSON Merge Patch (RFC 7396): objects merge, `null` removes a member, arrays and
/// scalars replace.
fn merge(base: &mut Value, fragment: Value) {
    match (base, fragment) {
        (Value::Object(b), Value::Object(f)) => {
            for (k, v) in f {
                if v.is_null() {
                    b.remove(&k);
                } else if let Some(slot) = b.get_mut(&k) {
                    merge(slot, v);
                } else {
                    b.insert(k, v);
                }
            }
        }
        (slot, v) => *slot = v,
    }
}

/// Merges a block's fragment into `doc` at the pointer its `# at: /pointer` line names
/// (the root when there is none).
fn merge_block(doc: &mut Value, block: &Block, fragment: Value) {
    let at = block
        .body
        .lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| l.strip_prefix("# at:"))
        .map_or("", str::trim);
    let target = doc
        .pointer_mut(at)
        .unwrap_or_else(|| panic!("`# at: {at}` is not in the base document"));
    merge(target, fragment);
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
    merge_block(&mut doc, block, root.to_json());
    (Some(serde_json::to_string_pretty(&doc).unwrap()), alone)
}

fn also(block: &Block) -> BTreeSet<String> {
    block
        .body
        .lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| l.strip_prefix("# also:"))
        .map(|rest| rest.split(',').map(|c| c.trim().to_owned()).collect())
        .unwrap_or_default()
}

fn read(path: &str) -> Value {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(path),
    )
    .unwrap();
    load(&text, SourceFormat::Yaml).root.unwrap().to_json()
}

/// An A rule's section is one submission set: `tests/docs/set-base.yaml` (merged with a
/// block tagged `base.yaml`) and each block tagged with a file name, merged into a
/// submission of this plan and year. Returns the codes of every file's diagnostics.
fn run_set(linter: &Linter, blocks: &[Block]) -> BTreeSet<String> {
    let mut base = read("tests/docs/set-base.yaml");
    let mut files: Vec<(String, String)> = Vec::new();
    for block in blocks {
        let name = block
            .info
            .split_whitespace()
            .nth(1)
            .unwrap_or_else(|| panic!("an A rule's block names its file: {}", block.info))
            .to_owned();
        let fragment = load(&block.body, format_of(&block.info))
            .root
            .unwrap_or_else(|| panic!("{name} does not parse"))
            .to_json();
        if name == "base.yaml" {
            merge(&mut base, fragment);
            continue;
        }
        let mut doc = serde_json::json!({
            "kind": "submission", "plan": "ca-nap-cht", "fiscal_year": "2013/14"
        });
        merge(&mut doc, fragment);
        files.push((
            name.replace(".yaml", ".json"),
            serde_json::to_string_pretty(&doc).unwrap(),
        ));
    }
    files.push((
        "base.json".to_owned(),
        serde_json::to_string_pretty(&base).unwrap(),
    ));
    let set: Vec<naplint::submission::SetFile<'_>> = files
        .iter()
        .map(|(name, text)| naplint::submission::SetFile {
            name,
            text,
            format: SourceFormat::Json,
        })
        .collect();
    let checked = linter.check_submissions(&set, None).unwrap();
    checked
        .files
        .iter()
        .flatten()
        .map(|d| d.code.clone())
        .collect()
}

/// An S005/S006 section: a report fragment (the base alone when there is none) and a
/// ```` ```toml ```` baseline beside it, applied on [`TODAY`] as `naplint check` does.
fn run_baseline(linter: &Linter, code: &str, blocks: &[Block]) -> BTreeSet<String> {
    #[derive(serde::Deserialize)]
    struct Baseline {
        suppress: Vec<naplint::suppress::Suppression>,
    }
    let toml_block = blocks
        .iter()
        .find(|b| b.info == "toml")
        .unwrap_or_else(|| panic!("{code}: a section without its baseline"));
    let baseline: Baseline = toml::from_str(&toml_block.body).unwrap();
    let mut doc = base();
    for b in blocks.iter().filter(|b| b.info.starts_with("yaml")) {
        let fragment = load(&b.body, SourceFormat::Yaml).root.unwrap().to_json();
        merge_block(&mut doc, b, fragment);
    }
    let found = linter.check(&serde_json::to_string(&doc).unwrap(), SourceFormat::Json);
    let entries: Vec<&naplint::suppress::Suppression> = baseline.suppress.iter().collect();
    let (kept, states) = naplint::suppress::apply(found, &entries, TODAY);
    let states: Vec<_> = states.into_iter().map(|s| (true, Some(s))).collect();
    let own = naplint::suppress::diagnostics(
        &toml_block.body,
        &baseline.suppress,
        &states,
        linter.config(),
    );
    kept.into_iter().chain(own).map(|d| d.code).collect()
}

fn check_codes(
    code: &str,
    heading: &str,
    fails: bool,
    got: &BTreeSet<String>,
    blocks: &[Block],
    errors: &mut Vec<String>,
) {
    let body: String = blocks
        .iter()
        .map(|b| format!("{}\n{}", b.info, b.body))
        .collect();
    let allowed: BTreeSet<String> = blocks.iter().flat_map(also).collect();
    let ok = if fails {
        got.contains(code) && got.iter().all(|c| c == code || allowed.contains(c))
    } else {
        got.is_empty()
    };
    if !ok {
        errors.push(format!(
            "{code} `{heading}` example gives {got:?}, not {} (also allowed: {allowed:?}):\n{body}",
            if fails {
                format!("exactly {code}")
            } else {
                "nothing".to_owned()
            }
        ));
    }
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
        let whole = code.starts_with('A') || code == "S005" || code == "S006";
        if whole {
            let got = if code.starts_with('A') {
                run_set(linter, &blocks)
            } else {
                run_baseline(linter, code, &blocks)
            };
            check_codes(code, &heading, fails, &got, &blocks[..], errors);
            if fails {
                ran.0 += 1;
            } else {
                ran.1 += 1;
            }
            continue;
        }
        let mut previous = None;
        for block in &blocks {
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
            check_codes(
                code,
                &heading,
                fails,
                &got,
                std::slice::from_ref(block),
                errors,
            );
            if fails {
                ran.0 += 1;
            } else {
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
        "doc examples: {total} examples (a block, or a set for A rules) of {} rules ran",
        runnable.len()
    );
    assert!(
        errors.is_empty(),
        "{} examples do not give what their heading says:\n\n{}",
        errors.len(),
        errors.join("\n")
    );
    assert_eq!(runnable.len(), RULES.len());
}
