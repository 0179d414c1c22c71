//! The CLI's cases as data: `tests/cmd/*.md` are pages of commands and what they print
//! (with `? CODE` for a non-zero exit), `tests/cmd/*.toml` the cases that feed stdin. Each
//! command runs from the repository root, as the README's commands do.
//!
//! After a deliberate change of output: `TRYCMD=overwrite cargo test -p naplint-cli --test
//! cmd`, then read the diff before committing it.

use std::path::Path;

#[test]
fn cli_cases() {
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd");
    let count = std::fs::read_dir(&cases).map_or(0, |d| {
        d.flatten()
            .filter(|e| {
                e.path()
                    .extension()
                    .is_some_and(|x| x == "md" || x == "toml")
            })
            .count()
    });
    assert!(
        count >= 5,
        "expected the CLI cases in {}, found {count}",
        cases.display()
    );
    // The only test of this binary, so changing its directory and environment affects
    // nothing else: run from the repository root, in English unless a case says otherwise.
    std::env::set_current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")).unwrap();
    std::env::remove_var("NAPLINT_LANG");
    trycmd::TestCases::new()
        .register_bin("naplint", Path::new(env!("CARGO_BIN_EXE_naplint")))
        // No colour, whatever the caller's CLICOLOR_FORCE says.
        .env("NO_COLOR", "1")
        .case(cases.join("*.md"))
        .case(cases.join("*.toml"));
}
