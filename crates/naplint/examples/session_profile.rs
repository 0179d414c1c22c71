//! A native edit loop for profiling a session (callgrind): `bench/session.mjs`'s six
//! edits, `N` times, on the document at `PATH`.
//!
//! `cargo build --release -p naplint --example session_profile && valgrind
//! --tool=callgrind target/release/examples/session_profile bench/corpus/x10.json 5`

#![allow(clippy::disallowed_methods)] // reads the document to profile

use naplint::session::Session;
use naplint::{Config, Linter, SourceFormat};
use serde_json::{json, Value};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "seeds/2013-14/report.json".into());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(5);
    let text = std::fs::read_to_string(&path).expect("a JSON report");
    let doc: Value = serde_json::from_str(&text).expect("JSON");
    let trp = "/statistics/trp/cumulative";
    let d0 = "/pillars/0/objectives/0/tasks/0/deliverables/0";
    let at = |p: &str| doc.pointer(p).cloned().unwrap_or(Value::Null);
    let edits = [
        (format!("{trp}/male"), json!(29)),
        (format!("{trp}/male"), at(&format!("{trp}/male"))),
        (format!("{d0}/status"), json!("complete")),
        (format!("{d0}/status"), at(&format!("{d0}/status"))),
        (format!("{d0}/start"), json!("2013-14")),
        (format!("{d0}/start"), at(&format!("{d0}/start"))),
    ];
    let linter = Linter::new(Config {
        lines: false,
        ..Config::default()
    })
    .expect("default config");
    let mut session = Session::new(&linter, text, SourceFormat::Json);
    let mut total = 0;
    for _ in 0..rounds {
        for (pointer, value) in &edits {
            total += session.set(pointer, value).map_or(0, <[_]>::len);
        }
    }
    println!("{} edits, {total} diagnostics in all", rounds * edits.len());
}
