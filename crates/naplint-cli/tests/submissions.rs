//! The submission commands end to end: split, check (directly and inside a larger
//! walk), assemble, template, and bad sets that write nothing.

#![allow(clippy::disallowed_methods)]

mod common;

use common::{copy_in, repo};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn naplint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_naplint"))
        .args(args)
        .env_remove("NAPLINT_LANG")
        .output()
        .unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The seed split into `<tmp>/submissions/2013-14/`.
fn split_seed(tmp: &Path, report: &str) -> PathBuf {
    let dir = tmp.join("submissions/2013-14");
    let o = naplint(&[
        "split",
        s(&repo(report)),
        "--out",
        s(&dir),
        "--owner",
        "trp=CIC",
        "--owner",
        "investigations=RCMP",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    dir
}

#[test]
fn check_of_the_split_seed_locates_the_seeds_findings_in_the_submissions() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = split_seed(tmp.path(), "seeds/2013-14/report.yaml");
    assert!(dir.join("base.yaml").is_file() && dir.join("cic.yaml").is_file());
    // Inside a larger walk, with a report beside the set.
    copy_in(tmp.path(), "seeds/2013-14/report.json", "other.json");
    let o = naplint(&["check", "--format", "json", s(tmp.path())]);
    assert_eq!(o.status.code(), Some(1));
    let all: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    let (mine, other): (Vec<&Value>, Vec<&Value>) = all
        .iter()
        .partition(|d| d["file"].as_str().unwrap().contains("submissions"));
    assert_eq!(other.len(), 9, "the plain report is checked as before");
    assert_eq!(mine.len(), 9, "{mine:#?}");
    let errors = mine.iter().filter(|d| d["severity"] == "error").count();
    assert_eq!(errors, 3);
    for d in &mine {
        let file = d["file"].as_str().unwrap();
        assert!(!file.ends_with("base.yaml"), "{d}");
        let text = std::fs::read_to_string(file).unwrap();
        let line = text
            .lines()
            .nth(d["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        let key = d["pointer"].as_str().unwrap().rsplit('/').next().unwrap();
        if key.parse::<usize>().is_err() {
            assert!(line.contains(key), "{file}:{}: {line}", d["line"]);
        } else {
            assert!(line.contains("id:"), "{file}:{}: {line}", d["line"]);
        }
    }
    // SARIF annotations land on the submission's lines.
    let o = naplint(&["check", "--format", "sarif", s(&dir)]);
    let sarif: Value = serde_json::from_slice(&o.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 9);
    assert!(results.iter().all(|r| {
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        !uri.ends_with("base.yaml") && uri.ends_with(".yaml")
    }));
}

#[test]
fn assemble_writes_the_report_back_and_nothing_while_an_error_stands() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = split_seed(tmp.path(), "seeds/2013-14/report.json");
    let out = tmp.path().join("report.json");
    let o = naplint(&["assemble", s(&dir), "-o", s(&out)]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let assembled: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let mut seed: Value =
        serde_json::from_str(&std::fs::read_to_string(repo("seeds/2013-14/report.json")).unwrap())
            .unwrap();
    // The owners given to split are part of the report now.
    seed["owners"] = serde_json::json!({ "trp": "CIC", "investigations": "RCMP" });
    assert_eq!(assembled, seed);

    // A truncated submission: S003, exit 1, the previous report untouched.
    let before = std::fs::read(&out).unwrap();
    let cic = dir.join("cic.json");
    let text = std::fs::read_to_string(&cic).unwrap();
    std::fs::write(&cic, &text[..text.len() / 2]).unwrap();
    let o = naplint(&["assemble", s(&dir), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("cic.json:") && err.contains("S003"), "{err}");
    assert!(err.contains("nothing written"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".naplint-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_directory_without_a_base_or_with_two_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = split_seed(tmp.path(), "seeds/2013-14/report.json");
    std::fs::copy(dir.join("base.json"), dir.join("base-2.json")).unwrap();
    let out = tmp.path().join("report.json");
    let o = naplint(&["assemble", s(&dir), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("2 files have `kind: base`"), "{err}");
    assert!(!out.exists());
    std::fs::remove_file(dir.join("base.json")).unwrap();
    std::fs::remove_file(dir.join("base-2.json")).unwrap();
    let o = naplint(&["check", s(&dir)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no base"));
}

/// `naplint template` for `department`, from the seed, for 2014/15, into `out`.
fn template(department: &str, out: &Path) -> Output {
    naplint(&[
        "template",
        "--department",
        department,
        "--previous",
        s(&repo("seeds/2013-14/report.json")),
        "--fiscal-year",
        "2014/15",
        "-o",
        s(out),
    ])
}

#[test]
fn template_writes_a_valid_submission_and_refuses_an_unknown_department() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("cic.yaml");
    let o = template("CIC", &out);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with("kind: submission\ndepartment: CIC\n"),
        "{text}"
    );
    assert!(text.contains("fiscal_year: \"2014/15\""));
    let bad = tmp.path().join("x.yaml");
    let o = template("StatsCan", &bad);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("did you mean `STATCAN`?"), "{err}");
    assert!(!bad.exists());
}

#[test]
fn fix_repairs_the_submission_the_value_was_written_in() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = split_seed(tmp.path(), "seeds/2013-14/report.yaml");
    let cic = dir.join("cic.yaml");
    let text = std::fs::read_to_string(&cic).unwrap();
    let broken = text
        .replacen("status: complete", "status: Completed", 1)
        .replacen("plan: ca-nap-cht", "plan: ca-nap-chtt", 1);
    std::fs::write(&cic, &broken).unwrap();
    let base_before = std::fs::read(dir.join("base.yaml")).unwrap();
    let o = naplint(&["check", "--format", "json", s(&dir)]);
    let found: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(found
        .iter()
        .any(|d| d["code"] == "P006" && d["file"].as_str().unwrap().ends_with("cic.yaml")));
    assert!(found.iter().any(|d| d["code"] == "A006"));
    let o = naplint(&["check", "--fix", "--format", "json", s(&dir)]);
    let after: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        !after
            .iter()
            .any(|d| d["code"] == "P006" || d["code"] == "A006"),
        "{after:#?}"
    );
    assert_eq!(
        std::fs::read_to_string(&cic).unwrap(),
        text,
        "only the two values changed"
    );
    assert_eq!(std::fs::read(dir.join("base.yaml")).unwrap(), base_before);
}
