//! Snapshot tests: every file under `tests/fixtures/<CODE>/` is checked and its
//! diagnostics compared with `<file>.expected.json` beside it. `fail*` files must report
//! their folder's code and `pass*` files must report nothing at all.
//!
//! `UPDATE_SNAPSHOTS=1 cargo test -p naplint --test fixtures` rewrites the expected
//! files; review the diff before committing it.

#![allow(clippy::disallowed_methods)]

use naplint::{Config, Diagnostic, Linter, SourceFormat};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every fixture input file, sorted.
pub fn fixture_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(dirs) = std::fs::read_dir(root().join("tests/fixtures")) else {
        return out;
    };
    for dir in dirs.flatten() {
        let Ok(files) = std::fs::read_dir(dir.path()) else {
            continue;
        };
        for f in files.flatten() {
            let p = f.path();
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            let data = name.ends_with(".json") || name.ends_with(".yaml");
            // A rules' fixtures are sets: a directory with a base and submissions.
            let set = p.is_dir() && (name.starts_with("fail") || name.starts_with("pass"));
            if set || (data && !name.ends_with(".expected.json")) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn snapshot(diagnostics: &[Diagnostic]) -> Value {
    Value::Array(
        diagnostics
            .iter()
            .map(|d| {
                json!({
                    "code": d.code, "severity": d.severity, "line": d.line, "column": d.column,
                    "pointer": d.pointer, "message": d.message, "help": d.help,
                    "fix": d.fix.as_ref().map(|f| json!({"pointer": f.pointer, "value": f.value})),
                })
            })
            .collect(),
    )
}

#[test]
fn fixtures_match_their_snapshots() {
    let linter = Linter::new(Config::default()).unwrap();
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let files = fixture_files();
    assert!(
        files.len() > 60,
        "expected the fixture suite, found {} files",
        files.len()
    );
    let mut failures = Vec::new();
    for path in &files {
        let code = path
            .parent()
            .and_then(Path::file_name)
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let (diagnostics, actual) = if path.is_dir() {
            check_set(&linter, path)
        } else {
            let diagnostics = check_file(&linter, path, name, code);
            let actual = snapshot(&diagnostics);
            (diagnostics, actual)
        };
        check_snapshot(
            path,
            name,
            code,
            &diagnostics,
            actual,
            update,
            &mut failures,
        );
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Checks a file fixture: against `tests/across/previous.json` for the X rules, with its
/// `<fixture>.baseline.toml` when it has one.
fn check_file(linter: &Linter, path: &Path, name: &str, code: &str) -> Vec<Diagnostic> {
    let bytes = std::fs::read(path).unwrap();
    let format = SourceFormat::from_path(name);
    // X rules compare with the previous year: tests/across/previous.json.
    let diagnostics = if code.starts_with('X') {
        let previous = std::fs::read_to_string(root().join("tests/across/previous.json")).unwrap();
        let previous = linter.previous(&previous, SourceFormat::Json).unwrap();
        linter.check_with_previous(std::str::from_utf8(&bytes).unwrap(), format, &previous)
    } else {
        linter.check_bytes(&bytes, format)
    };
    // `<fixture>.baseline.toml` suppresses findings (S005/S006 fixtures), as of a fixed day.
    let baseline_path = path.with_file_name(format!("{name}.baseline.toml"));
    match std::fs::read_to_string(&baseline_path) {
        Ok(text) => {
            #[derive(serde::Deserialize)]
            struct Baseline {
                suppress: Vec<naplint::suppress::Suppression>,
            }
            let baseline: Baseline = toml::from_str(&text).unwrap();
            let entries: Vec<_> = baseline.suppress.iter().collect();
            let (mut kept, states) = naplint::suppress::apply(diagnostics, &entries, "2026-11-29");
            let states: Vec<_> = states.into_iter().map(|s| (true, Some(s))).collect();
            kept.extend(naplint::suppress::diagnostics(
                &text,
                &baseline.suppress,
                &states,
                &Config::default(),
            ));
            kept
        }
        Err(_) => diagnostics,
    }
}

/// Checks a set fixture: every file of the directory, as `naplint check DIR` does. The
/// snapshot names the file of each diagnostic.
fn check_set(linter: &Linter, dir: &Path) -> (Vec<Diagnostic>, Value) {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    let texts: Vec<(String, String)> = names
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(p).unwrap(),
            )
        })
        .collect();
    let files: Vec<naplint::submission::SetFile<'_>> = texts
        .iter()
        .map(|(name, text)| naplint::submission::SetFile {
            name,
            text,
            format: SourceFormat::from_path(name),
        })
        .collect();
    let checked = linter.check_submissions(&files, None).unwrap();
    let mut all = Vec::new();
    let mut shown = Vec::new();
    for ((name, _), diagnostics) in texts.iter().zip(&checked.files) {
        for (d, mut v) in diagnostics.iter().zip(
            snapshot(diagnostics)
                .as_array()
                .cloned()
                .unwrap_or_default(),
        ) {
            v["file"] = json!(name);
            v["related"] = json!(d.related);
            shown.push(v);
            all.push(d.clone());
        }
    }
    (all, Value::Array(shown))
}

/// Compares one fixture's diagnostics with its expectations and snapshot.
fn check_snapshot(
    path: &Path,
    name: &str,
    code: &str,
    diagnostics: &[Diagnostic],
    actual: Value,
    update: bool,
    failures: &mut Vec<String>,
) {
    let shown = path
        .strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string();
    if name.starts_with("fail") && !diagnostics.iter().any(|d| d.code == code) {
        failures.push(format!(
            "{shown}: expected a {code} diagnostic, got {:?}",
            diagnostics.iter().map(|d| &d.code).collect::<Vec<_>>()
        ));
    }
    if name.starts_with("pass") && !diagnostics.is_empty() {
        failures.push(format!("{shown}: expected no diagnostics, got {actual:#}"));
    }
    let expected_path = path.with_file_name(format!("{name}.expected.json"));
    if update {
        std::fs::write(
            &expected_path,
            serde_json::to_string_pretty(&actual).unwrap() + "\n",
        )
        .unwrap();
        return;
    }
    match std::fs::read_to_string(&expected_path) {
        Ok(text) => {
            let expected: Value = serde_json::from_str(&text).unwrap();
            if expected != actual {
                failures.push(format!(
                    "{shown}: diagnostics differ from {}\nexpected: {}\nactual:   {}",
                    expected_path.display(),
                    serde_json::to_string_pretty(&expected).unwrap(),
                    serde_json::to_string_pretty(&actual).unwrap()
                ));
            }
        }
        Err(_) => failures.push(format!(
            "{shown}: no snapshot; run with UPDATE_SNAPSHOTS=1 and review it"
        )),
    }
}

/// Every rule of the registry has a failing and a passing fixture.
#[test]
fn every_rule_has_fixtures() {
    let files = fixture_files();
    for rule in naplint::registry::RULES {
        let has = |prefix: &str| {
            files.iter().any(|f| {
                f.parent()
                    .and_then(Path::file_name)
                    .and_then(|n| n.to_str())
                    == Some(rule.code)
                    && f.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with(prefix))
            })
        };
        assert!(has("fail"), "{} has no failing fixture", rule.code);
        assert!(has("pass"), "{} has no passing fixture", rule.code);
    }
}

/// The schema oracle: the `jsonschema` crate gives every parseable fixture the same
/// valid/invalid verdict as naplint's own validator.
#[test]
fn schema_verdicts_agree_with_jsonschema() {
    let schema: Value = serde_json::from_str(naplint::schema::REPORT_SCHEMA_JSON).unwrap();
    let oracle = jsonschema::draft202012::new(&schema).unwrap();
    let ours =
        naplint::schema::CompiledSchema::from_text(naplint::schema::REPORT_SCHEMA_JSON).unwrap();
    let mut compared = 0;
    let mut seeds = fixture_files();
    seeds.push(root().join("seeds/2013-14/report.json"));
    seeds.push(root().join("seeds/2013-14/report.yaml"));
    for path in seeds {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let name = path.to_string_lossy().into_owned();
        let loaded = naplint::source::load(&text, SourceFormat::from_path(&name));
        let Some(root) = loaded.root else { continue };
        let instance = root.to_json();
        let theirs = oracle.is_valid(&instance);
        let mine = ours.is_valid(&root);
        assert_eq!(
            mine,
            theirs,
            "{name}: naplint says valid={mine}, jsonschema says valid={theirs}: {:?}",
            ours.validate(&root)
        );
        compared += 1;
    }
    assert!(compared > 60, "compared only {compared} documents");
}
