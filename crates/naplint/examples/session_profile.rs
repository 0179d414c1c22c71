//! A native edit loop for profiling a session (callgrind): `bench/session.mjs`'s six
//! edits, `N` times, on the document at `PATH`.
//!
//! `cargo build --release -p naplint --example session_profile && valgrind
//! --tool=callgrind target/release/examples/session_profile bench/corpus/x10.json 5`

#![allow(clippy::disallowed_methods)] // reads the document to profile

use naplint::session::Session;
use naplint::SourceFormat;

#[path = "../benches/support/session_cycle.rs"]
mod session_cycle;
use session_cycle::{edits, linter};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "seeds/2013-14/report.json".into());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(5);
    let text = std::fs::read_to_string(&path).expect("a JSON report");
    let edits = edits(&text);
    let linter = linter();
    let mut session = Session::new(&linter, text, SourceFormat::Json);
    let mut total = 0;
    for _ in 0..rounds {
        for (pointer, value) in &edits {
            total += session.set(pointer, value).map_or(0, <[_]>::len);
        }
    }
    println!("{} edits, {total} diagnostics in all", rounds * edits.len());
}
