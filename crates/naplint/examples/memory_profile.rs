//! One check of the document at `PATH` under the system allocator, for heap profilers
//! that intercept `malloc` (`heaptrack`, `valgrind --tool=massif`); the CLI's mimalloc
//! hides its allocations from them. Prints the sizes of the tree's types first.
//!
//! `cargo build --release -p naplint --example memory_profile && heaptrack
//! target/release/examples/memory_profile bench/corpus/x100.json`

#![allow(clippy::disallowed_methods)] // reads the document to profile
#![allow(clippy::print_stdout)]

use naplint::source::{Member, Node, Span, Value};
use naplint::{Config, Linter, SourceFormat};
use std::mem::size_of;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "seeds/2013-14/report.json".into());
    println!(
        "size_of: Span {}, Node {}, Member {}, Value {}",
        size_of::<Span>(),
        size_of::<Node>(),
        size_of::<Member>(),
        size_of::<Value>()
    );
    let text = std::fs::read_to_string(&path).expect("a report");
    let linter = Linter::new(Config::default()).expect("default config");
    let diagnostics = linter.check(&text, SourceFormat::Json);
    println!("{} bytes, {} diagnostics", text.len(), diagnostics.len());
}
