//! `naplint completions SHELL` and the manual pages (`naplint man-pages`, run by
//! `cargo xtask man`) are produced from the clap definition, for every shell and
//! subcommand.

use std::process::Command;

fn naplint(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_naplint"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _naplint"),
        ("zsh", "#compdef naplint"),
        ("fish", "complete -c naplint"),
        ("elvish", "edit:completion:arg-completer[naplint]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = naplint(&["completions", shell]);
        assert!(out.status.success(), "{shell}: {out:?}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(marker), "{shell}: no `{marker}`");
        for word in [
            "check",
            "server",
            "explain",
            "man-pages",
            "previous",
            "reports-only",
        ] {
            // fish spells a long option `-l previous`, the others `--previous`.
            assert!(script.contains(word), "{shell}: `{word}` missing");
        }
    }
    let out = naplint(&["completions", "nushell"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

#[test]
fn man_pages_for_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let out = naplint(&["man-pages", "--out", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    let mut pages: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "naplint-assemble.1",
            "naplint-check.1",
            "naplint-completions.1",
            "naplint-explain.1",
            "naplint-man-pages.1",
            "naplint-rules.1",
            "naplint-schema.1",
            "naplint-server.1",
            "naplint-split.1",
            "naplint-template.1",
            "naplint.1",
        ],
        "a page per subcommand"
    );
    let top = std::fs::read_to_string(dir.path().join("naplint.1")).unwrap();
    assert!(top.contains(".TH naplint 1"), "{top}");
    let check = std::fs::read_to_string(dir.path().join("naplint-check.1")).unwrap();
    assert!(check.contains(".TH naplint-check 1"), "{check}");
    assert!(check.contains("\\-\\-previous"), "{check}");
}
