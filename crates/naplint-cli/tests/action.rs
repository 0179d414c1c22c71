//! The GitHub Action's check step (`scripts/action/check.sh`, run by `action.yml`) as the
//! runner runs it: inputs as environment variables, annotations on stdout, SARIF written,
//! naplint's exit code in `GITHUB_OUTPUT`; on a pull request, the base branch's
//! configuration and none of the pull request's.

mod common;

use common::{copy_in, repo, write_in};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn step(cwd: &Path, env: &[(&str, &str)]) -> (Output, String) {
    let output_file = cwd.join("github-output");
    std::fs::write(&output_file, "").unwrap();
    let out = Command::new("bash")
        .arg(repo("scripts/action/check.sh"))
        .current_dir(cwd)
        .env("NAPLINT", env!("CARGO_BIN_EXE_naplint"))
        .env("GITHUB_OUTPUT", &output_file)
        .env("NAPLINT_SARIF", "naplint.sarif")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    let outputs = std::fs::read_to_string(&output_file).unwrap();
    (out, outputs)
}

fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("reports")).unwrap();
    copy_in(
        dir.path(),
        "seeds/2013-14/report.json",
        "reports/2013-14.json",
    );
    dir
}

fn sarif_codes(dir: &Path) -> Vec<String> {
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("naplint.sarif")).unwrap()).unwrap();
    sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn annotations_sarif_and_exit_code() {
    let dir = tree();
    let (out, outputs) = step(
        dir.path(),
        &[("NAPLINT_PATHS", "reports/"), ("NAPLINT_FORMAT", "github")],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(
        stdout.contains(
            "::error title=P010 start-after-report-year,file=reports/2013-14.json,line=212"
        ),
        "{stdout}"
    );
    assert!(outputs.contains("exit-code=1\n"), "{outputs}");
    assert!(outputs.contains("sarif=naplint.sarif\n"), "{outputs}");
    let codes = sarif_codes(dir.path());
    assert_eq!(
        codes.len(),
        9,
        "the seed's 3 errors and 6 warnings: {codes:?}"
    );
}

#[test]
fn pull_request_takes_the_base_branch_configuration() {
    let dir = tree();
    // The pull request tries to switch every rule off, and to accept its findings.
    write_in(
        dir.path(),
        "naplint.toml",
        "ignore = [\"S\", \"P\", \"M\", \"R\", \"X\"]\n",
    );
    write_in(dir.path(), "reports/naplint.toml", "ignore = [\"P\"]\n");
    // The base branch turns one rule off.
    std::fs::create_dir(dir.path().join(".naplint-base")).unwrap();
    write_in(
        dir.path(),
        ".naplint-base/naplint.toml",
        "[rules]\nP011 = \"off\"\n",
    );

    let (out, outputs) = step(
        dir.path(),
        &[
            ("NAPLINT_PATHS", "reports"),
            ("NAPLINT_BASE_CONFIG_DIR", ".naplint-base"),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    assert!(outputs.contains("exit-code=1\n"), "{outputs}");
    let codes = sarif_codes(dir.path());
    assert!(codes.iter().any(|c| c == "P010"), "{codes:?}");
    assert!(
        !codes.iter().any(|c| c == "P011"),
        "the base branch's P011 = off applies: {codes:?}"
    );

    // Without the base branch's file, naplint's defaults (still not the pull request's).
    std::fs::remove_file(dir.path().join(".naplint-base/naplint.toml")).unwrap();
    let (_, outputs) = step(
        dir.path(),
        &[
            ("NAPLINT_PATHS", "reports"),
            ("NAPLINT_BASE_CONFIG_DIR", ".naplint-base"),
        ],
    );
    assert!(outputs.contains("exit-code=1\n"), "{outputs}");
    assert_eq!(sarif_codes(dir.path()).len(), 9);

    // A named configuration missing on the base branch is a failure, not a silent default.
    let (out, _) = step(
        dir.path(),
        &[
            ("NAPLINT_PATHS", "reports"),
            ("NAPLINT_BASE_CONFIG_DIR", ".naplint-base"),
            ("NAPLINT_CONFIG", "ci/naplint.toml"),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

/// A YAML file read by naplint's own loader (which reports every syntax error and
/// duplicate key) as JSON.
fn yaml(path: &str) -> Value {
    let text = std::fs::read_to_string(repo(path)).unwrap();
    let loaded = naplint::source::load(&text, naplint::SourceFormat::Yaml);
    assert!(loaded.issues.is_empty(), "{path}: {:?}", loaded.issues);
    loaded.root.unwrap().to_json()
}

#[test]
fn action_yml_runs_the_script_with_every_input() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"], "composite");
    let steps = action["runs"]["steps"].as_array().unwrap();
    let check = steps.iter().find(|s| s["id"] == "check").unwrap();
    assert_eq!(
        check["run"],
        "bash \"$GITHUB_ACTION_PATH/scripts/action/check.sh\""
    );
    let script = std::fs::read_to_string(repo("scripts/action/check.sh")).unwrap();
    for (input, variable) in [
        ("paths", "NAPLINT_PATHS"),
        ("format", "NAPLINT_FORMAT"),
        ("previous", "NAPLINT_PREVIOUS"),
        ("config", "NAPLINT_CONFIG"),
        ("sarif", "NAPLINT_SARIF"),
    ] {
        assert!(
            action["inputs"][input]["description"].is_string(),
            "input `{input}` declared"
        );
        assert_eq!(
            check["env"][variable],
            format!("${{{{ inputs.{input} }}}}"),
            "`{input}` passed as {variable}"
        );
        assert!(script.contains(variable), "check.sh reads {variable}");
    }
    let install = steps
        .iter()
        .find(|s| {
            s["run"]
                .as_str()
                .is_some_and(|r| r.starts_with("cargo install"))
        })
        .unwrap();
    assert_eq!(
        install["run"],
        "cargo install --locked --path \"$GITHUB_ACTION_PATH/crates/naplint-cli\" --root \"$ROOT\""
    );
    assert_eq!(install["if"], "steps.cache.outputs.cache-hit != 'true'");
    assert!(steps.iter().any(|s| s["uses"] == "actions/cache@v4"));
    assert!(steps
        .iter()
        .any(|s| s["uses"] == "github/codeql-action/upload-sarif@v3"));
    for s in steps.iter().filter(|s| s["run"].is_string()) {
        assert_eq!(s["shell"], "bash", "a composite step names its shell: {s}");
    }
}

#[test]
fn pre_commit_hooks_yaml_is_well_formed() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hook = &hooks[0];
    assert_eq!(hook["id"], "naplint");
    assert_eq!(hook["language"], "rust");
    assert_eq!(hook["files"], "\\.(json|ya?ml)$");
}
