//! Department submissions: split and assemble give the seed back, the split seed keeps
//! its findings (located in the departments' files), templates are schema-valid, and bad
//! sets get clear diagnostics.

#![allow(clippy::disallowed_methods)]

mod common;

use naplint::submission::{to_json_text, to_yaml_text, SetError, SetFile};
use naplint::{Config, Linter, SourceFormat};
use std::path::Path;

fn seed(name: &str) -> String {
    common::read(&format!("seeds/2013-14/{name}"))
}

/// The submission schema as the `jsonschema` crate (the oracle) and naplint compile it.
fn submission_schemas() -> (jsonschema::Validator, naplint::schema::CompiledSchema) {
    let schema: serde_json::Value =
        serde_json::from_str(naplint::schema::SUBMISSION_SCHEMA_JSON).unwrap();
    let oracle = jsonschema::draft202012::new(&schema).unwrap();
    let ours = naplint::schema::CompiledSchema::from_text(naplint::schema::SUBMISSION_SCHEMA_JSON)
        .unwrap();
    (oracle, ours)
}

fn linter() -> Linter {
    Linter::new(Config::default()).unwrap()
}

/// The seed split into (file name, text) pairs.
fn split_seed(format: SourceFormat) -> Vec<(String, String)> {
    let (name, ext) = match format {
        SourceFormat::Json => ("report.json", "json"),
        SourceFormat::Yaml => ("report.yaml", "yaml"),
    };
    let split = linter().split_report(&seed(name), format, &[]).unwrap();
    let write = |n: &naplint::source::Node| match format {
        SourceFormat::Json => to_json_text(n),
        SourceFormat::Yaml => to_yaml_text(n),
    };
    let mut files = vec![(format!("base.{ext}"), write(&split.base))];
    for (code, node) in &split.submissions {
        files.push((format!("{}.{ext}", code.to_ascii_lowercase()), write(node)));
    }
    files
}

fn set(files: &[(String, String)], format: SourceFormat) -> Vec<SetFile<'_>> {
    files
        .iter()
        .map(|(name, text)| SetFile { name, text, format })
        .collect()
}

fn value(text: &str, format: SourceFormat) -> serde_json::Value {
    naplint::source::load(text, format).root.unwrap().to_json()
}

#[test]
fn split_then_assemble_gives_the_seed_back_in_json() {
    let files = split_seed(SourceFormat::Json);
    assert!(
        files.len() > 10,
        "one submission per department: {}",
        files.len()
    );
    let checked = linter()
        .assemble_submissions(&set(&files, SourceFormat::Json))
        .unwrap();
    assert!(!checked.blocking, "{:#?}", checked.files);
    let assembled = to_json_text(checked.report.as_ref().unwrap());
    assert_eq!(
        value(&assembled, SourceFormat::Json),
        value(&seed("report.json"), SourceFormat::Json)
    );
    // Key order and formatting too: the same text.
    assert!(
        assembled == seed("report.json"),
        "assembled text differs from the seed"
    );
}

#[test]
fn split_then_assemble_gives_the_seed_back_in_yaml() {
    let files = split_seed(SourceFormat::Yaml);
    for (name, text) in &files {
        assert!(
            !text.trim_start().starts_with('{'),
            "{name} is written as YAML"
        );
    }
    let checked = linter()
        .assemble_submissions(&set(&files, SourceFormat::Yaml))
        .unwrap();
    assert!(!checked.blocking, "{:#?}", checked.files);
    let assembled = checked.report.unwrap();
    let seed_value = value(&seed("report.yaml"), SourceFormat::Yaml);
    assert_eq!(assembled.to_json(), seed_value);
    // And written as YAML, the assembled report reads back to the seed.
    assert_eq!(
        value(&to_yaml_text(&assembled), SourceFormat::Yaml),
        seed_value
    );
}

#[test]
fn the_split_seed_reports_the_seeds_findings_in_the_submissions() {
    for format in [SourceFormat::Json, SourceFormat::Yaml] {
        let files = split_seed(format);
        let checked = linter()
            .check_submissions(&set(&files, format), None)
            .unwrap();
        let expected: Vec<serde_json::Value> =
            serde_json::from_str(&seed("findings.json")).unwrap();
        let mut found = Vec::new();
        for ((name, text), diagnostics) in files.iter().zip(&checked.files) {
            for d in diagnostics {
                assert_ne!(name.as_str(), "base.json", "{d:?} is in the base");
                assert!(!name.starts_with("base."), "{d:?} is in the base");
                // The line holds the value the pointer names.
                let line = text.lines().nth(d.line - 1).unwrap();
                let key = d.pointer.rsplit('/').next().unwrap();
                if key.parse::<usize>().is_err() {
                    assert!(
                        line.contains(key),
                        "{name}:{}: `{line}` for {}",
                        d.line,
                        d.pointer
                    );
                }
                found.push((d.code.clone(), d.severity, d.message.clone(), name.clone()));
            }
        }
        let errors = found
            .iter()
            .filter(|f| f.1 == naplint::Severity::Error)
            .count();
        let warnings = found
            .iter()
            .filter(|f| f.1 == naplint::Severity::Warning)
            .count();
        assert_eq!((errors, warnings, found.len()), (3, 6, 9), "{found:#?}");
        let mut messages: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
        let mut want: Vec<&str> = expected
            .iter()
            .map(|d| d["message"].as_str().unwrap())
            .collect();
        messages.sort_unstable();
        want.sort_unstable();
        assert_eq!(messages, want);
        // 1.11.7 (DFATD, CBSA, ESDC-TFWP) has no status: reported once, in its first
        // lead's file.
        let p007: Vec<_> = found
            .iter()
            .filter(|f| f.0 == "P007" && f.2.contains("1.11.7"))
            .collect();
        assert_eq!(p007.len(), 1);
        assert!(p007[0].3.starts_with("dfatd."), "{p007:?}");
    }
}

#[test]
fn a_template_is_a_schema_valid_submission_for_every_department() {
    let (oracle, ours) = submission_schemas();
    let report = seed("report.json");
    let l = linter();
    let seed_doc: naplint::model::Report = serde_json::from_str(&report).unwrap();
    for dept in &seed_doc.departments {
        let code = dept.code.as_str();
        let node = l
            .template(&report, SourceFormat::Json, code, "2014/15")
            .unwrap();
        let value = node.to_json();
        assert!(oracle.is_valid(&value), "{code}: {value}");
        let text = to_yaml_text(&node);
        let reread = naplint::source::load(&text, SourceFormat::Yaml)
            .root
            .unwrap();
        assert!(
            ours.is_valid(&reread),
            "{code}: {:?}",
            ours.validate(&reread)
        );
        assert_eq!(value["fiscal_year"], "2014/15");
        assert_eq!(value["department"], code);
        let leads = naplint::rules::chart::Chart::new(&seed_doc)
            .rows()
            .iter()
            .filter(|r| r.deliverable.leads.iter().any(|l| l == code))
            .count();
        assert_eq!(
            value["deliverables"].as_array().unwrap().len(),
            leads,
            "{code}"
        );
    }
    // Pre-filled: CIC's TRP figures are last year's only if CIC owns them; with the
    // defaults the coordinator (PS) does.
    let ps = l
        .template(&report, SourceFormat::Json, "PS", "2014/15")
        .unwrap()
        .to_json();
    assert_eq!(ps["statistics"]["trp"]["cumulative"]["recipients"], 102);
}

#[test]
fn template_refuses_an_unknown_department_and_a_bad_year() {
    let l = linter();
    let report = seed("report.json");
    let e = l
        .template(&report, SourceFormat::Json, "CIX", "2014/15")
        .unwrap_err();
    assert!(
        e[0].contains("`CIX` is not in the report's registry") && e[0].contains("`CIC`"),
        "{e:?}"
    );
    let e = l
        .template(&report, SourceFormat::Json, "CIC", "2014-15")
        .unwrap_err();
    assert!(e[0].contains("`2014-15` is not a fiscal year"), "{e:?}");
}

/// The split seed with one file replaced (or removed when `text` is None).
fn with(files: &[(String, String)], name: &str, text: Option<&str>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = files.iter().filter(|(n, _)| n != name).cloned().collect();
    if let Some(t) = text {
        out.push((name.to_owned(), t.to_owned()));
    }
    out
}

fn diagnostics_of<'c>(
    files: &[(String, String)],
    checked: &'c naplint::submission::Checked,
    name: &str,
) -> &'c [naplint::Diagnostic] {
    let i = files.iter().position(|(n, _)| n == name).unwrap();
    &checked.files[i]
}

#[test]
fn a_truncated_submission_is_s003_and_blocks_assembly() {
    let files = split_seed(SourceFormat::Json);
    let cic = &files.iter().find(|(n, _)| n == "cic.json").unwrap().1;
    let truncated = &cic[..cic.len() / 2];
    let files = with(&files, "cic.json", Some(truncated));
    let checked = linter()
        .check_submissions(&set(&files, SourceFormat::Json), None)
        .unwrap();
    let d = diagnostics_of(&files, &checked, "cic.json");
    assert_eq!(d[0].code, "S003", "{d:?}");
    assert!(d[0].line > 1);
    assert!(checked.blocking);
    // Its department is unknown, so no A004 claims CIC sent nothing.
    assert!(!checked.files.iter().flatten().any(|d| d.code == "A004"));
}

#[test]
fn a_submission_without_department_is_reported_at_its_root() {
    let files = split_seed(SourceFormat::Yaml);
    let swc = "kind: submission\nplan: ca-nap-cht\nfiscal_year: 2013/14\ndeliverables: []\n";
    let files = with(&files, "swc.yaml", Some(swc));
    let checked = linter()
        .check_submissions(&set(&files, SourceFormat::Yaml), None)
        .unwrap();
    let d = diagnostics_of(&files, &checked, "swc.yaml");
    assert!(
        d.iter()
            .any(|d| d.code == "S001" && d.message.contains("`department`")),
        "{d:?}"
    );
    assert!(checked.blocking);
}

#[test]
fn a_set_needs_exactly_one_base() {
    let files = split_seed(SourceFormat::Json);
    let without = with(&files, "base.json", None);
    assert_eq!(
        linter()
            .check_submissions(&set(&without, SourceFormat::Json), None)
            .unwrap_err(),
        SetError::NoBase
    );
    let base = files[0].1.clone();
    let two = with(&files, "base-copy.json", Some(&base));
    let e = linter()
        .assemble_submissions(&set(&two, SourceFormat::Json))
        .unwrap_err();
    assert_eq!(
        e,
        SetError::SeveralBases(vec!["base.json".to_owned(), "base-copy.json".to_owned()])
    );
    assert!(e
        .message(naplint::Lang::Fr)
        .starts_with("2 fichiers ont `kind: base`"));
}

#[test]
fn an_unknown_department_code_is_a002_with_a_suggestion() {
    let files = split_seed(SourceFormat::Json);
    let cic = files
        .iter()
        .find(|(n, _)| n == "cic.json")
        .unwrap()
        .1
        .replace("\"department\": \"CIC\"", "\"department\": \"CIX\"");
    let files = with(&files, "cic.json", Some(&cic));
    let checked = linter()
        .check_submissions(&set(&files, SourceFormat::Json), None)
        .unwrap();
    let d = diagnostics_of(&files, &checked, "cic.json");
    let a002 = d.iter().find(|d| d.code == "A002").unwrap();
    assert_eq!(a002.pointer, "/department");
    assert_eq!(a002.line, 3);
    assert!(a002.help.as_deref().unwrap().contains("`CIC`"));
    assert!(checked.blocking);
    // CIC sent nothing the base can use, and A004 says so.
    assert!(checked.files[0]
        .iter()
        .any(|d| d.code == "A004" && d.message.contains("`CIC`")));
}

#[test]
fn year_over_year_rules_apply_to_what_a_department_changes() {
    let l = linter();
    let report = seed("report.json");
    let previous = l.previous(&report, SourceFormat::Json).unwrap();
    let files = split_seed(SourceFormat::Json);
    // Unchanged, the set has no X finding against the report it came from.
    let checked = l
        .check_submissions(&set(&files, SourceFormat::Json), Some(&previous))
        .unwrap();
    assert!(!checked
        .files
        .iter()
        .flatten()
        .any(|d| d.code.starts_with('X')));
    // CIC reopens 2.13.1, complete last year.
    let cic = files
        .iter()
        .find(|(n, _)| n == "cic.json")
        .unwrap()
        .1
        .clone();
    let at = cic.find("\"id\": \"2.13.1\"").unwrap();
    let status = at + cic[at..].find("\"complete\"").unwrap();
    let changed = format!("{}\"in_progress\"{}", &cic[..status], &cic[status + 10..]);
    let files = with(&files, "cic.json", Some(&changed));
    let checked = l
        .check_submissions(&set(&files, SourceFormat::Json), Some(&previous))
        .unwrap();
    let d = diagnostics_of(&files, &checked, "cic.json");
    let x001 = d.iter().find(|d| d.code == "X001").unwrap();
    let line = changed.lines().nth(x001.line - 1).unwrap();
    assert!(line.contains("\"status\": \"in_progress\""), "{line}");
    assert!(
        x001.pointer.starts_with("/deliverables/"),
        "{}",
        x001.pointer
    );
}

/// The schema oracle for submissions: the `jsonschema` crate and naplint's validator give
/// every submission of the split seed and of the A fixtures the same verdict.
#[test]
fn submission_schema_verdicts_agree_with_jsonschema() {
    let (oracle, ours) = submission_schemas();
    let mut docs: Vec<(String, String, SourceFormat)> = split_seed(SourceFormat::Yaml)
        .into_iter()
        .map(|(n, t)| (n, t, SourceFormat::Yaml))
        .collect();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    for code in ["A001", "A002", "A003", "A004", "A005", "A006"] {
        for set in ["pass", "fail"] {
            for f in std::fs::read_dir(fixtures.join(code).join(set))
                .unwrap()
                .flatten()
            {
                let name = f.path().display().to_string();
                docs.push((
                    name,
                    std::fs::read_to_string(f.path()).unwrap(),
                    SourceFormat::Yaml,
                ));
            }
        }
    }
    let mut compared = 0;
    for (name, text, format) in docs {
        if name.contains("base.") {
            continue;
        }
        let root = naplint::source::load(&text, format).root.unwrap();
        assert_eq!(
            ours.is_valid(&root),
            oracle.is_valid(&root.to_json()),
            "{name}: {:?}",
            ours.validate(&root)
        );
        compared += 1;
    }
    assert!(compared > 30, "compared {compared}");
}

/// A co-lead's own mistake is reported in its file even where the first lead's value is
/// the one assembled.
#[test]
fn a_value_masked_by_the_first_lead_is_still_checked() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/A001/pass");
    let mut files: Vec<(String, String)> = ["base.yaml", "cic.yaml", "jus.yaml", "ps.yaml"]
        .iter()
        .map(|n| {
            (
                (*n).to_owned(),
                std::fs::read_to_string(dir.join(n)).unwrap(),
            )
        })
        .collect();
    files[2].1 = files[2].1.replace("status: ongoing", "status: Ongoin");
    let checked = linter()
        .check_submissions(&set(&files, SourceFormat::Yaml), None)
        .unwrap();
    let jus = &checked.files[2];
    assert!(
        jus.iter()
            .any(|d| d.code == "P006" && d.pointer == "/deliverables/0/status" && d.line == 6),
        "{jus:#?}"
    );
    // PS's value is the one assembled; PS's file has only the conflict.
    let ps: Vec<&str> = checked.files[3].iter().map(|d| d.code.as_str()).collect();
    assert_eq!(ps, ["A001"]);
}

#[test]
fn committed_submission_schema_is_current() {
    let generated = naplint::schema::submission_schema_text();
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas/submission.schema.json"),
    )
    .unwrap();
    assert!(
        committed == generated,
        "schemas/submission.schema.json is stale: run `cargo xtask codegen`"
    );
    assert!(
        naplint::schema::SUBMISSION_SCHEMA_JSON == generated,
        "rebuild"
    );
}
