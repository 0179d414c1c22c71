//! The human output as users read it: one snapshot per failing fixture
//! (`tests/fixtures/<CODE>/fail*`), without colour — the `file:line:col` line, the source
//! lines, the carets under what each finding designates and the related terms of a
//! reconciliation — and the seed in French.
//!
//! Review a change with `INSTA_UPDATE=new cargo test -p naplint-cli --test render`, read
//! each `.snap.new` beside the snapshots (`cargo insta review` if it is installed), and
//! accept only what you read: carets under the right text.

mod common;

use common::{naplint_in, repo};

/// `naplint check --color never ARGS` from the repository root, as a user runs it.
fn human(args: &[&str]) -> String {
    let o = naplint_in(&repo(""))
        .args(["check", "--color", "never"])
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .unwrap();
    assert!(
        o.stderr.is_empty(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn every_failing_fixture_renders_as_reviewed() {
    let mut rendered = 0;
    insta::glob!("../../../tests/fixtures", "*/fail*", |path| {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if !(name.ends_with(".json") || name.ends_with(".yaml")) || name.ends_with(".expected.json")
        {
            return;
        }
        let code = path
            .parent()
            .and_then(Path::file_name)
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let shown = format!("tests/fixtures/{code}/{name}");
        let baseline = format!("{shown}.baseline.toml");
        let mut args = vec![shown.as_str()];
        if code.starts_with('X') {
            args.extend(["--previous", "tests/across/previous.json"]);
        }
        if repo("").join(&baseline).is_file() {
            args.extend(["--baseline", baseline.as_str()]);
        }
        let out = human(&args);
        assert!(
            out.contains(&format!(": {code} [")),
            "{shown} should report {code}:\n{out}"
        );
        insta::with_settings!({
            description => format!("naplint check --color never {}", args.join(" ")),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(out);
        });
        rendered += 1;
    });
    assert!(
        rendered > 60,
        "expected the fixture suite, rendered {rendered}"
    );
}

#[test]
fn the_seed_in_french() {
    let out = human(&["--lang", "fr", "seeds/2013-14/report.json"]);
    insta::with_settings!({
        description => "naplint check --color never --lang fr seeds/2013-14/report.json",
        omit_expression => true,
    }, {
        insta::assert_snapshot!(out);
    });
}
