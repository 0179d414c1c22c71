//! The full check on arbitrary bytes, as JSON and as YAML, then `--fix` on the result and a
//! second check of the fixed text. Never panics; at most MAX_DIAGNOSTICS (+ one "N more"
//! summary) come back; a fix never turns a well-formed file into a broken one.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use naplint::{fix, Config, Linter, SourceFormat, MAX_DIAGNOSTICS};

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| Linter::new(Config::default()).expect("embedded schema compiles"))
}

fuzz_target!(|data: &[u8]| {
    let linter = linter();
    for format in [SourceFormat::Json, SourceFormat::Yaml] {
        let diagnostics = linter.check_bytes(data, format);
        assert!(
            diagnostics.len() <= MAX_DIAGNOSTICS + 1,
            "{} diagnostics",
            diagnostics.len()
        );
        let Ok(text) = std::str::from_utf8(data) else {
            continue;
        };
        let parsed = !diagnostics.iter().any(|d| d.code == "S003");
        let fixed = fix::apply(text, format, &diagnostics);
        let again = linter.check(&fixed.text, format);
        if parsed && fixed.applied > 0 {
            assert!(
                !again.iter().any(|d| d.code == "S003"),
                "fix broke a well-formed {format:?} file: {:?}",
                again.iter().find(|d| d.code == "S003")
            );
        }
    }
});
