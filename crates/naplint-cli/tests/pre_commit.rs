//! The pre-commit hook: the root package that pre-commit installs builds the same CLI
//! (same source, same dependencies), the hook calls its binary, and `--reports-only`
//! passes over the JSON and YAML files that are not reports.

mod common;

use common::{naplint_in, repo, write_in};
use std::process::Command;

fn manifest(path: &str) -> toml::Table {
    toml::from_str(&std::fs::read_to_string(repo(path)).unwrap()).unwrap()
}

#[test]
fn root_package_builds_the_cli_with_its_dependencies() {
    let root = manifest("Cargo.toml");
    let cli = manifest("crates/naplint-cli/Cargo.toml");
    assert_eq!(
        root["dependencies"], cli["dependencies"],
        "root [dependencies] must equal naplint-cli's"
    );
    assert_eq!(
        root["target"], cli["target"],
        "root [target.*.dependencies] must equal naplint-cli's"
    );
    let bin = &root["bin"].as_array().unwrap()[0];
    assert_eq!(bin["path"].as_str(), Some("crates/naplint-cli/src/main.rs"));
    let name = bin["name"].as_str().unwrap();
    let hooks = std::fs::read_to_string(repo(".pre-commit-hooks.yaml")).unwrap();
    assert!(hooks.contains("language: rust"), "{hooks}");
    assert!(
        hooks.contains(&format!("entry: {name} check --reports-only")),
        "{hooks}"
    );
    let default_members = root["workspace"]["default-members"].as_array().unwrap();
    assert!(
        !default_members.iter().any(|m| m.as_str() == Some(".")),
        "the root package stays out of default builds"
    );
}

#[test]
fn reports_only_skips_what_is_not_a_report() {
    let dir = tempfile::tempdir().unwrap();
    write_in(dir.path(), "package.json", "{\"name\": \"x\"}");
    let run = |files: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_naplint"))
            .args(["check", "--reports-only"])
            .args(files)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let only_other = run(&["package.json"]);
    assert_eq!(only_other.status.code(), Some(0), "{only_other:?}");
    assert!(only_other.stdout.is_empty(), "{only_other:?}");

    let seed = repo("seeds/2013-14/report.json");
    let seed = seed.to_str().unwrap();
    let both = run(&["package.json", seed]);
    let out = String::from_utf8_lossy(&both.stdout);
    assert_eq!(both.status.code(), Some(1), "{out}");
    assert!(out.contains("P010"), "{out}");
    assert!(!out.contains("package.json"), "{out}");

    // Without the flag a named file is checked whatever it holds.
    let plain = naplint_in(dir.path())
        .args(["check", "package.json"])
        .output()
        .unwrap();
    assert_eq!(plain.status.code(), Some(1), "{plain:?}");
}
