//! `bench/session.mjs`'s cycle of six edits, shared by the session benchmark and the
//! callgrind example so that both measure the same keystrokes.

use naplint::{Config, Linter};
use serde_json::{json, Value};

/// A figure mistyped and corrected, a status and a start year changed and changed back:
/// the document ends where it started.
pub fn edits(text: &str) -> Vec<(String, Value)> {
    let doc: Value = serde_json::from_str(text).expect("corpus parses");
    let trp = "/statistics/trp/cumulative";
    let d0 = "/pillars/0/objectives/0/tasks/0/deliverables/0";
    let at = |p: &str| doc.pointer(p).cloned().unwrap_or(Value::Null);
    vec![
        (format!("{trp}/male"), json!(29)),
        (format!("{trp}/male"), at(&format!("{trp}/male"))),
        (format!("{d0}/status"), json!("complete")),
        (format!("{d0}/status"), at(&format!("{d0}/status"))),
        (format!("{d0}/start"), json!("2013-14")),
        (format!("{d0}/start"), at(&format!("{d0}/start"))),
    ]
}

/// The form's options: messages without line numbers.
pub fn linter() -> Linter {
    Linter::new(Config {
        lines: false,
        ..Config::default()
    })
    .expect("default config")
}
