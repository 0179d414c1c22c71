//! A native edit loop for profiling a session (callgrind): `bench/session.mjs`'s six
//! edits, `N` times, on the document at `PATH`; with `quiet`, the bench's title edit
//! instead (a keystroke that changes no finding: the fixed cost of one `set`).
//!
//! The loop is its own function, so that callgrind can count it alone:
//!
//! `cargo build --release -p naplint --example session_profile && valgrind
//! --tool=callgrind --collect-atstart=no --toggle-collect='session_profile::edit_loop'
//! target/release/examples/session_profile bench/corpus/x10.json 5 [quiet | only male|status|start]`
//!
//! The instructions per edit are the total over `rounds × 6` edits.

#![allow(clippy::disallowed_methods)] // reads the document to profile

use naplint::session::Session;
use naplint::{Linter, SourceFormat};
use serde_json::{json, Value};

#[path = "../benches/support/session_cycle.rs"]
mod session_cycle;
use session_cycle::{edits, linter};

#[inline(never)]
fn edit_loop(session: &mut Session<&Linter>, edits: &[(String, Value)], rounds: usize) -> usize {
    let mut total = 0;
    for _ in 0..rounds {
        for (pointer, value) in edits {
            total += session.set(pointer, value).map_or(0, <[_]>::len);
        }
    }
    total
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "seeds/2013-14/report.json".into());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(5);
    let mode = args.next();
    let quiet = mode.as_deref() == Some("quiet");
    let text = std::fs::read_to_string(&path).expect("a JSON report");
    let edits = if quiet {
        // The two titles of bench/session.mjs, three times: six edits a round.
        let titles = ["Annual Report on Progress", "Annual Report on Progress 2"];
        (0..6)
            .map(|i| ("/report/title".to_owned(), json!(titles[i % 2])))
            .collect()
    } else {
        let all = edits(&text);
        // `male`, `status` or `start`: that pair of the cycle alone (three times a round).
        match args.next().as_deref() {
            Some(only) => all
                .chunks(2)
                .find(|pair| pair[0].0.ends_with(only))
                .map(|pair| pair.iter().cycle().take(6).cloned().collect())
                .expect("male, status or start"),
            None => all,
        }
    };
    let linter = linter();
    let mut session = Session::new(&linter, text, SourceFormat::Json);
    let total = edit_loop(&mut session, &edits, rounds);
    println!("{} edits, {total} diagnostics in all", rounds * edits.len());
}
