//! One keystroke in a live form, natively: a session edit (`Session::set`) on the seed
//! and on the 10x report (`bench/gen_corpus.py`), against a whole `Linter::check` of the
//! same text, the cost of an edit before sessions re-checked only what an edit changes.
//! The edits are `bench/session.mjs`'s cycle of six: a figure mistyped and corrected, a
//! status and a start year changed and changed back.
//!
//! `cargo bench -p naplint --bench session` (after `python3 bench/gen_corpus.py`; without
//! the corpus only the seed is measured; `NAPLINT_BENCH_CORPUS=DIR` points elsewhere).
//! After criterion's times it prints the two ratios of issue 12 measured in one run
//! (median of batches). A benchmark, not a test: nothing here asserts a time.

#![allow(clippy::disallowed_methods, clippy::cast_precision_loss)] // reads its corpus; prints ratios

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use naplint::session::Session;
use naplint::SourceFormat;

#[path = "support/session_cycle.rs"]
mod session_cycle;
use session_cycle::{edits, linter};

fn corpus() -> Vec<(&'static str, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::var_os("NAPLINT_BENCH_CORPUS")
        .map_or_else(|| root.join("bench/corpus"), PathBuf::from);
    let mut out = Vec::new();
    for name in ["x1", "x10"] {
        match std::fs::read_to_string(dir.join(format!("{name}.json"))) {
            Ok(text) => out.push((name, text)),
            Err(_) if name == "x1" => {
                let seed = root.join("seeds/2013-14/report.json");
                out.push((name, std::fs::read_to_string(seed).expect("seed report")));
            }
            Err(_) => eprintln!("{name}.json missing: run `python3 bench/gen_corpus.py`"),
        }
    }
    out
}

fn median_us(mut f: impl FnMut()) -> f64 {
    let mut n = 1u32;
    loop {
        let t = Instant::now();
        (0..n).for_each(|_| f());
        if t.elapsed() > Duration::from_millis(20) {
            break;
        }
        n *= 2;
    }
    let mut per: Vec<f64> = (0..15)
        .map(|_| {
            let t = Instant::now();
            (0..n).for_each(|_| f());
            t.elapsed().as_secs_f64() * 1e6 / f64::from(n)
        })
        .collect();
    per.sort_by(f64::total_cmp);
    per[per.len() / 2]
}

fn bench(c: &mut Criterion) {
    let linter = linter();
    let mut rows = Vec::new();
    for (name, text) in corpus() {
        let cycle = edits(&text);
        let mut session = Session::new(&linter, text.clone(), SourceFormat::Json);
        let mut i = 0;
        let mut edit = || {
            let (pointer, value) = &cycle[i % cycle.len()];
            i += 1;
            black_box(session.set(pointer, value).map(<[_]>::len).unwrap_or(0));
        };
        let mut group = c.benchmark_group(format!("session/{name}"));
        group.measurement_time(Duration::from_secs(3));
        group.bench_function("session.set", |b| b.iter(&mut edit));
        group.bench_function("whole check", |b| {
            b.iter(|| black_box(linter.check(black_box(&text), SourceFormat::Json).len()));
        });
        group.finish();
        let set = median_us(&mut edit);
        let whole = median_us(|| {
            black_box(linter.check(&text, SourceFormat::Json).len());
        });
        rows.push((name, set, whole));
    }
    for (name, set, whole) in &rows {
        println!(
            "session: {name} session.set {set:.1} µs, whole check {whole:.1} µs ({:.1}x)",
            whole / set
        );
    }
    if let [(_, x1, _), (_, x10, _)] = rows.as_slice() {
        println!(
            "session: per edit x10 / x1 = {:.2}x (target <= 2x)",
            x10 / x1
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
