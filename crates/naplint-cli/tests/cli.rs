//! The `naplint` command where a case needs more than a command and its output: temporary
//! trees, configuration files, `--fix` writes, fault injection, schema validation. The
//! cases that read as a command and what it prints are data in `tests/cmd/`.

mod common;

use common::{naplint_in, repo, tempdir_with, write_in};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn naplint(args: &[&str], cwd: &Path) -> Output {
    naplint_in(cwd)
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

#[test]
fn colour_only_on_request_or_a_terminal() {
    let plain = stdout(&naplint(&["check", "seeds/2013-14/report.json"], &repo("")));
    assert!(
        plain.contains("P010 [error]") && !plain.contains('\x1b'),
        "no colour when stdout is not a terminal: {plain}"
    );
    let forced = stdout(&naplint(
        &["check", "seeds/2013-14/report.json", "--color", "always"],
        &repo(""),
    ));
    assert!(forced.contains("\x1b[1m\x1b[91mP010 [error]"), "{forced}");
}

#[test]
fn sarif_output_validates_against_the_sarif_schema() {
    let o = naplint(
        &[
            "check",
            "--format",
            "sarif",
            "seeds/2013-14/report.json",
            "tests/fixtures/P005/fail_dash.json",
        ],
        &repo(""),
    );
    let log: Value = serde_json::from_slice(&o.stdout).unwrap();
    // The official schema's `language` pattern has a stray `]` that ECMA-262 reads as a
    // literal and Rust's regex rejects; escape it so the validator compiles the schema.
    let schema_text = std::fs::read_to_string(repo("tests/sarif/sarif-schema-2.1.0.json"))
        .unwrap()
        .replace("[a-zA-Z]{2}]?$", "[a-zA-Z]{2}\\\\]?$");
    let schema: Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 10);
    let p005 = results.iter().find(|r| r["ruleId"] == "P005").unwrap();
    assert_eq!(
        p005["locations"][0]["physicalLocation"]["region"]["startLine"],
        72
    );
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .len(),
        naplint::registry::RULES.len()
    );
}

#[test]
fn config_is_discovered_and_applied() {
    let dir = tempdir_with(&[("tests/fixtures/R001/fail.json", "dept/2013-14/report.json")]);
    assert_eq!(
        code(&naplint(&["check", "dept/2013-14/report.json"], dir.path())),
        1
    );
    write_in(dir.path(), "naplint.toml", "[rules]\nR001 = \"warning\"\n");
    let o = naplint(&["check", "dept/2013-14/report.json"], dir.path());
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).contains("R001 [warning]"));
    write_in(
        dir.path(),
        "naplint.toml",
        "tolerance = 0.05\n[rules]\ntrp-breakdown = \"off\"\n",
    );
    assert!(!stdout(&naplint(&["check", "dept/2013-14/report.json"], dir.path())).contains("R001"));
    write_in(dir.path(), "strict.toml", "[rules]\nR001 = \"error\"\n");
    assert_eq!(
        code(&naplint(
            &[
                "check",
                "--config",
                "strict.toml",
                "dept/2013-14/report.json"
            ],
            dir.path()
        )),
        1
    );
    write_in(dir.path(), "naplint.toml", "[rules]\nR001 = \"loud\"\n");
    let bad = naplint(&["check", "dept/2013-14/report.json"], dir.path());
    assert_eq!(code(&bad), 2);
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("naplint.toml"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
}

#[test]
fn approximate_tolerance_is_configurable() {
    let dir = tempdir_with(&[("tests/fixtures/R001/pass_approximate.json", "report.json")]);
    assert_eq!(code(&naplint(&["check", "report.json"], dir.path())), 0);
    write_in(dir.path(), "naplint.toml", "tolerance = 0.0\n");
    assert_eq!(
        code(&naplint(&["check", "report.json"], dir.path())),
        1,
        "approximately 70 is exactly 70 with no tolerance"
    );
}

#[test]
fn fix_edits_only_the_spans_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(repo("tests/fixtures/P006/fail_spelling.yaml")).unwrap();
    let yaml = original.replace(
        "title: National Action Plan to Combat Human Trafficking",
        "title: National Action Plan to Combat Human Trafficking   # printed title",
    );
    let path = dir.path().join("report.yaml");
    std::fs::write(&path, &yaml).unwrap();
    let o = naplint(&["check", "--fix", "report.yaml"], dir.path());
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).contains("Fixed 1 problem."));
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        fixed,
        yaml.replacen("status: In Progress", "status: in_progress", 1)
    );
    let again = naplint(&["check", "--fix", "report.yaml"], dir.path());
    assert!(!stdout(&again).contains("Fixed"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
}

/// A directory with a `report.json` that `--fix` changes, its path and its bytes.
fn report_to_fix() -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>) {
    let dir = tempdir_with(&[("tests/fixtures/P005/fail_dash.json", "report.json")]);
    let path = dir.path().join("report.json");
    let before = std::fs::read(&path).unwrap();
    (dir, path, before)
}

#[test]
fn fix_refuses_a_read_only_file() {
    let (dir, path, before) = report_to_fix();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let o = naplint(&["check", "--fix", "report.json"], dir.path());
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("read-only"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn directories_respect_gitignore_and_skip_non_reports() {
    let dir = tempdir_with(&[
        ("tests/fixtures/R001/fail.json", "a.json"),
        ("tests/fixtures/P005/fail_dash.yaml", "b.yaml"),
        ("tests/fixtures/P006/fail_unknown.json", "ignored.json"),
    ]);
    write_in(dir.path(), ".gitignore", "ignored.json\n");
    write_in(dir.path(), "package.json", "{\"name\": \"not-a-report\"}");
    let o = naplint(&["check", ".", "--format", "json"], dir.path());
    let all: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    let mut files: Vec<&str> = all.iter().map(|d| d["file"].as_str().unwrap()).collect();
    files.dedup();
    assert_eq!(files, ["./a.json", "./b.yaml"]);
}

#[test]
fn rules_and_schema_match_the_core() {
    let root = repo("");
    let rules = stdout(&naplint(&["rules"], &root));
    assert_eq!(rules.lines().count(), naplint::registry::RULES.len() + 1);
    let json: Vec<Value> =
        serde_json::from_str(&stdout(&naplint(&["rules", "--json"], &root))).unwrap();
    assert_eq!(json.len(), naplint::registry::RULES.len());
    assert_eq!(
        stdout(&naplint(&["schema"], &root)),
        std::fs::read_to_string(repo("schemas/report.schema.json")).unwrap()
    );
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(code(&naplint(&["schema", "--out", "out"], dir.path())), 0);
    assert!(dir.path().join("out/report.schema.json").is_file());
}

#[test]
fn user_rules_from_naplint_toml_and_rule_files() {
    let dir = tempdir_with(&[("tests/fixtures/R008/fail_charges.json", "report.json")]);
    write_in(dir.path(), "naplint.toml", "rule_files = [\"rules/extra.toml\"]\n\n[[rule]]\ncode = \"U001\"\nname = \"charges-cover-charged\"\nscope = \"/statistics/operations\"\ncheck = \"charges_laid >= charged\"\nmessage = \"{name}: {arithmetic}\"\n");
    write_in(dir.path(), "rules/extra.toml", "[[rule]]\ncode = \"CAN001\"\nseverity = \"warning\"\ncheck = \"for each /statistics/investigations: launched <= 10\"\n");
    let o = naplint(
        &[
            "check",
            "--select",
            "U,CAN",
            "--format",
            "json",
            "report.json",
        ],
        dir.path(),
    );
    let all: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    let codes: Vec<&str> = all.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["U001", "CAN001"], "{all:#?}");
    assert_eq!(
        all[0]["message"],
        "Project COMBATIVE: charged 20 (line 184) exceeds charges_laid 18 (line 185) by 2"
    );
    assert_eq!(all[1]["severity"], "warning");
    let rules = stdout(&naplint(&["rules"], dir.path()));
    assert!(
        rules.contains("U001   charges-cover-charged") && rules.contains("CAN001"),
        "{rules}"
    );
    assert!(stdout(&naplint(&["explain", "U001"], dir.path())).contains("charges_laid >= charged"));

    write_in(dir.path(), "naplint.toml", "# rules\n[[rule]]\ncode = \"U001\"\ncheck = \"for each /statistics/operations: charges_laid >= chargd\"\n");
    let bad = naplint(&["check", "report.json"], dir.path());
    assert_eq!(code(&bad), 2);
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains(
            "naplint.toml:4:59: rule `U001`: unknown field `chargd`; did you mean `charged`?"
        ),
        "{err}"
    );
}

#[test]
fn previous_runs_the_year_over_year_rules() {
    let root = repo("");
    let clean = naplint(
        &[
            "check",
            "--previous",
            "tests/across/seed-2012-13.json",
            "--select",
            "X",
            "seeds/2013-14/report.json",
        ],
        &root,
    );
    assert_eq!(code(&clean), 0, "{}", stdout(&clean));
    let reversed = naplint(
        &[
            "check",
            "--previous",
            "seeds/2013-14/report.json",
            "--select",
            "X",
            "--format",
            "json",
            "tests/across/seed-2012-13.json",
        ],
        &root,
    );
    assert_eq!(code(&reversed), 1);
    let all: Vec<Value> = serde_json::from_slice(&reversed.stdout).unwrap();
    assert!(all.iter().any(|d| d["code"] == "X005") && all.iter().any(|d| d["code"] == "X001"));
    let broken = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(broken.path(), "{ \"format_version\": ").unwrap();
    let o = naplint(
        &[
            "check",
            "--previous",
            broken.path().to_str().unwrap(),
            "seeds/2013-14/report.json",
        ],
        &root,
    );
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("the previous report cannot be read"));
}

#[test]
fn baseline_suppresses_with_reasons_and_reports_stale_entries() {
    let dir = tempdir_with(&[("seeds/2013-14/report.json", "report.json")]);
    let run = |args: &[&str]| {
        naplint_in(dir.path())
            .args(args)
            .env("NAPLINT_TODAY", "2026-11-29")
            .output()
            .unwrap()
    };
    let w = run(&["check", "--write-baseline", "report.json"]);
    assert_eq!(code(&w), 0);
    assert!(String::from_utf8_lossy(&w.stderr).contains("wrote 9 suppressions"));
    let clean = run(&["check", "report.json"]);
    assert_eq!(code(&clean), 0, "{}", stdout(&clean));
    assert!(stdout(&clean).contains("no problems"));
    let path = dir.path().join("naplint-baseline.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    // Expire the P010 entry, and add one that matches nothing.
    let text = text.replacen("code = \"P010\"", "code = \"P010\"\nexpires = \"2026-01-31\"", 1)
        + "\n[[suppress]]\nfile = \"report.json\"\ncode = \"R001\"\npointer = \"/statistics/trp/cumulative/recipients\"\nreason = \"fixed since\"\n";
    std::fs::write(&path, text).unwrap();
    let o = run(&["check", "--format", "json", "report.json"]);
    assert_eq!(code(&o), 1, "the expired suppression's error shows again");
    let all: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    let codes: Vec<(&str, &str)> = all
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["file"].as_str().unwrap()))
        .collect();
    assert!(codes.contains(&("P010", "report.json")), "{codes:?}");
    assert!(
        codes.contains(&("S006", "./naplint-baseline.toml"))
            && codes.contains(&("S005", "./naplint-baseline.toml")),
        "{codes:?}"
    );
    std::fs::write(
        &path,
        "[[suppress]]\ncode = \"P010\"\npointer = \"/x\"\nreason = \"\"\n",
    )
    .unwrap();
    let bad = run(&["check", "report.json"]);
    assert_eq!(code(&bad), 2);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("has no reason"));
}

#[test]
fn french_from_naplint_lang_and_naplint_toml() {
    let root = repo("");
    let env = naplint_in(&root)
        .args(["check", "--format", "sarif", "seeds/2013-14/report.json"])
        .env("NAPLINT_LANG", "fr")
        .output()
        .unwrap();
    let log: Value = serde_json::from_slice(&env.stdout).unwrap();
    assert_eq!(log["runs"][0]["language"], "fr-CA");
    assert!(log["runs"][0]["results"][0]["message"]["text"]
        .as_str()
        .unwrap()
        .starts_with("le livrable"));
    let dir = tempdir_with(&[("tests/fixtures/R001/fail.json", "report.json")]);
    write_in(dir.path(), "naplint.toml", "lang = \"fr\"\n");
    assert!(stdout(&naplint(&["check", "report.json"], dir.path())).contains("écart de 1"));
    assert!(stdout(&naplint(
        &["check", "--lang", "en", "report.json"],
        dir.path()
    ))
    .contains("off by 1"));
    assert_eq!(
        code(&naplint(
            &["check", "--lang", "de", "report.json"],
            dir.path()
        )),
        2
    );
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    let mut child = naplint_in(&repo(""))
        .args(["explain", "P005"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(
        !String::from_utf8_lossy(&o.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn an_interrupted_fix_leaves_the_original_intact() {
    let (dir, path, before) = report_to_fix();
    let o = naplint_in(dir.path())
        .args(["check", "--fix", "report.json"])
        .env("NAPLINT_FAULT_BEFORE_RENAME", "1")
        .output()
        .unwrap();
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("interrupted between write and rename"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left behind"
    );
}

#[test]
fn fix_keeps_mixed_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    let text = std::fs::read_to_string(repo("tests/fixtures/P005/fail_dash.json")).unwrap();
    // Every other line ends in CRLF, as files edited on two systems do.
    let mixed: String = text
        .split_inclusive('\n')
        .enumerate()
        .map(|(i, l)| {
            if i % 2 == 0 {
                l.replace('\n', "\r\n")
            } else {
                l.to_owned()
            }
        })
        .collect();
    std::fs::write(&path, &mixed).unwrap();
    let o = naplint(&["check", "--fix", "report.json"], dir.path());
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        mixed.replacen("\"2012-13\"", "\"2012/13\"", 1)
    );
}

#[test]
fn configuration_and_rule_errors_in_french() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo("tests/fixtures/R001/fail.json"),
        dir.path().join("r.json"),
    )
    .unwrap();
    let config = dir.path().join("naplint.toml");
    let stderr = |o: &Output| String::from_utf8_lossy(&o.stderr).into_owned();
    // Each kind, with `--lang fr`: the message and exit 2.
    for (toml, fr) in [
        (
            "tolerence = 0.1\n",
            "naplint.toml:1:1: clé inconnue `tolerence` ; vouliez-vous dire `tolerance` ?",
        ),
        (
            "[rules]\nP001 = \"warn\"\n",
            "naplint.toml:2:8: `warn` n'est pas un niveau pour `P001` : utilisez `off`, `info`, `warning` ou `error`",
        ),
        (
            "lang = \"de\"\n",
            "naplint.toml:1:8: `de` n'est pas une langue que naplint parle : utilisez `en` ou `fr`",
        ),
        (
            "[rules]\nnope = \"warning\"\n",
            "naplint.toml: configuration non valide : règle inconnue `nope` dans `rules`",
        ),
        (
            "tolerance = 3\n",
            "configuration non valide : la tolérance `3` doit être comprise entre 0 et 1",
        ),
        (
            "tolerance = \"a lot\"\n",
            "naplint.toml:1:13: erreur TOML (message du lecteur TOML, en anglais) : invalid type",
        ),
        (
            "[[rule]]\ncode = \"U001\"\ncheck = \"male >\"\n",
            "naplint.toml:3:16: règle `U001` : valeur attendue, trouvé la fin de la règle",
        ),
        (
            "[[rule]]\ncode = \"U001\"\ncheck = \"males == 1\"\nscope = \"/statistics/trp/annual\"\n",
            "règle `U001` : champ inconnu `males`",
        ),
    ] {
        std::fs::write(&config, toml).unwrap();
        let o = naplint(&["check", "--lang", "fr", "r.json"], dir.path());
        assert_eq!(code(&o), 2, "{toml}: {}", stderr(&o));
        assert!(stderr(&o).contains(fr), "{toml}:\n{}", stderr(&o));
        assert!(stderr(&o).starts_with("naplint : erreur : "), "{}", stderr(&o));
    }
    // The language from NAPLINT_LANG, and from the file itself when it parses that far.
    std::fs::write(&config, "[rules]\nP001 = \"warn\"\n").unwrap();
    let env = Command::new(env!("CARGO_BIN_EXE_naplint"))
        .args(["check", "r.json"])
        .current_dir(dir.path())
        .env("NAPLINT_LANG", "fr")
        .output()
        .unwrap();
    assert!(
        stderr(&env).contains("n'est pas un niveau"),
        "{}",
        stderr(&env)
    );
    std::fs::write(&config, "lang = \"fr\"\n[rules]\nP001 = \"warn\"\n").unwrap();
    let own = naplint(&["check", "r.json"], dir.path());
    assert!(
        stderr(&own).contains("n'est pas un niveau"),
        "{}",
        stderr(&own)
    );
    let en = naplint(&["check", "--lang", "en", "r.json"], dir.path());
    assert!(
        stderr(&en).contains("`warn` is not a level for `P001`"),
        "{}",
        stderr(&en)
    );
}
