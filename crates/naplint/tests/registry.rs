//! The rule table is the one source of truth: these tests keep it well-formed, and keep
//! the generated artefacts (schema, rule reference) current.

#![allow(clippy::disallowed_methods)]

use naplint::registry::RULES;
use naplint::schema::{ANNOTATION_KEYWORDS, SUPPORTED_KEYWORDS};
use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;

fn repo(path: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(path),
    )
    .unwrap_or_default()
}

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for r in RULES {
        assert!(codes.insert(r.code), "duplicate code {}", r.code);
        assert!(names.insert(r.name), "duplicate name {}", r.name);
        let (letter, digits) = r.code.split_at(1);
        assert_eq!(
            letter.chars().next(),
            Some(r.family.letter()),
            "{} is not in family {:?}",
            r.code,
            r.family
        );
        assert!(
            digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()),
            "{}",
            r.code
        );
        assert!(
            r.name.split('-').all(|w| !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
            "{} is not kebab-case",
            r.name
        );
        assert!(
            r.summary.chars().next().is_some_and(|c| !c.is_uppercase())
                && !r.summary.ends_with('.'),
            "{}: summary style",
            r.code
        );
        for heading in [
            "## What it checks",
            "## Why it matters",
            "## Fails",
            "## Passes",
        ] {
            assert!(r.docs.contains(heading), "{} docs lack `{heading}`", r.code);
        }
        assert!(
            r.check.is_some()
                || r.claim.is_some()
                || !r.checks.is_empty()
                || r.across.is_some()
                || naplint::rules::assembly::CHECKS
                    .iter()
                    .any(|(code, _)| *code == r.code)
                || r.code.starts_with('S'),
            "{} detects nothing",
            r.code
        );
    }
    // Families in the spec's order (S, P, M, R, X, A), codes ascending within each.
    let family_rank = |c: &str| "SPMRXA".find(c.chars().next().unwrap_or('?')).unwrap_or(9);
    let mut sorted: Vec<_> = RULES.iter().map(|r| r.code).collect();
    sorted.sort_by_key(|c| (family_rank(c), *c));
    assert_eq!(
        sorted,
        RULES.iter().map(|r| r.code).collect::<Vec<_>>(),
        "RULES is in catalog order"
    );
}

#[test]
fn fixable_rules_have_a_fixture_with_a_fix() {
    for r in RULES.iter().filter(|r| r.fixable) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures")
            .join(r.code);
        let any = std::fs::read_dir(&dir).unwrap().flatten().any(|f| {
            let text = std::fs::read_to_string(f.path()).unwrap_or_default();
            f.path().to_string_lossy().ends_with(".expected.json") && text.contains("\"fix\": {")
        });
        assert!(
            any,
            "{} is declared fixable but no fixture shows a fix",
            r.code
        );
    }
}

#[test]
fn committed_schema_is_current() {
    let generated = naplint::schema::report_schema_text();
    assert!(
        repo("schemas/report.schema.json") == generated,
        "schemas/report.schema.json is stale: run `cargo xtask codegen`"
    );
    assert!(
        naplint::schema::REPORT_SCHEMA_JSON == generated,
        "the embedded schema is stale: rebuild"
    );
}

#[test]
fn committed_rule_reference_is_current() {
    assert!(
        repo("docs/rules.md") == naplint::registry::reference_markdown(),
        "docs/rules.md is stale: run `cargo xtask codegen`"
    );
}

/// Collects the keywords of every schema object, skipping the names of `properties` and
/// `$defs` entries (those are field and type names, not keywords).
fn keywords(schema: &Value, out: &mut HashSet<String>) {
    match schema {
        Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                match (k.as_str(), v) {
                    ("properties" | "$defs", Value::Object(children)) => {
                        children.values().for_each(|c| keywords(c, out))
                    }
                    ("enum" | "const" | "examples" | "default" | "required", _) => {}
                    _ => keywords(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| keywords(i, out)),
        _ => {}
    }
}

#[test]
fn schema_uses_only_keywords_the_validator_enforces() {
    let schema: Value = serde_json::from_str(naplint::schema::REPORT_SCHEMA_JSON).unwrap();
    let mut used = HashSet::new();
    keywords(&schema, &mut used);
    let unknown: Vec<_> = used
        .iter()
        .filter(|k| {
            !SUPPORTED_KEYWORDS.contains(&k.as_str()) && !ANNOTATION_KEYWORDS.contains(&k.as_str())
        })
        .collect();
    assert!(
        unknown.is_empty(),
        "the schema uses keywords naplint's validator ignores: {unknown:?}"
    );
}

#[test]
fn every_field_has_a_description() {
    let schema: Value = serde_json::from_str(naplint::schema::REPORT_SCHEMA_JSON).unwrap();
    for (name, def) in schema["$defs"].as_object().unwrap() {
        for (field, sub) in def
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            assert!(
                sub.get("description").is_some(),
                "{name}.{field} has no description"
            );
        }
    }
}

/// Every `.rs` file under `crates/naplint/src/rules`, with its text.
fn rule_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut out = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path.strip_prefix(&root).unwrap().display().to_string();
                out.push((name, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out.sort();
    assert!(
        out.len() > RULES.len(),
        "only {} rule sources found",
        out.len()
    );
    out
}

/// A text a rule uses but does not declare cannot be written: `declare_rule!`'s `texts`
/// block (or `crate::texts!`, gathered in `SHARED_TEXTS`) is the only way to make a
/// `Text` under `rules/`, and both list what they define. The one exception is a
/// `BuiltinCheck`'s own message and help (inside `checks: &[...]`), which the rule's
/// `checks` list carries.
#[test]
fn every_text_under_rules_is_declared() {
    let mut shared = 0;
    let mut declared_rules = 0;
    for (name, source) in rule_sources() {
        if name == "declare.rs" {
            continue;
        }
        // A rule's `checks: &[ ... ],` (the R rules' `BuiltinCheck`s carry their texts).
        let mut in_checks = false;
        for (n, line) in source.lines().enumerate() {
            let t = line.trim_start();
            if t.starts_with("checks: &[") {
                in_checks = true;
            }
            let in_check = in_checks;
            if in_checks && (t == "]," || t.ends_with(")],")) {
                in_checks = false;
            }
            assert!(
                in_check || !(line.contains("Text::new(") || line.contains("Text { en")),
                "{name}:{}: a `Text` made outside `declare_rule!`/`texts!`: {line}",
                n + 1
            );
        }
        shared += source.matches("texts! {").count();
        let rules_here = source.matches("declare_rule! {").count();
        let is_rule_module = name.rsplit('/').next().is_some_and(|f| {
            f.as_bytes()
                .get(1..4)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        });
        assert_eq!(
            rules_here,
            usize::from(is_rule_module),
            "{name}: a rule module has exactly one `declare_rule!`, other files none"
        );
        declared_rules += rules_here;
    }
    assert_eq!(
        declared_rules,
        RULES.len(),
        "every declared rule is in RULES"
    );
    assert_eq!(
        shared,
        naplint::rules::SHARED_TEXTS.len(),
        "a `texts!` list is missing from `rules::SHARED_TEXTS`"
    );
}

/// The English page is the doc comment of `declare_rule!`, so rustdoc shows the same text
/// on the rule's `RULE` constant; the stored text has no doc-comment indentation left.
#[test]
fn docs_are_the_doc_comments_as_written() {
    for r in RULES {
        assert!(
            r.docs.starts_with("## What it checks\n"),
            "{}: {:?}",
            r.code,
            r.docs.get(..40)
        );
        assert!(
            r.docs.ends_with('\n') && !r.docs.ends_with("\n\n"),
            "{}",
            r.code
        );
        assert!(
            !r.docs
                .lines()
                .any(|l| l.starts_with(' ') && !l.starts_with("  ")),
            "{}: a line keeps the doc comment's space",
            r.code
        );
    }
}
