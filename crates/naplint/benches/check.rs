//! naplint's full check against the physical floor: parsing the same bytes with
//! `serde_json` into a `serde_json::Value`, on the seed report and on 10x and 100x more
//! deliverables (`bench/gen_corpus.py`). Also naplint's own spanned loader alone, to show
//! where the time goes.
//!
//! `bash bench/run.sh` generates the corpus, runs this and prints the ratios; on its own:
//! `cargo bench -p naplint --bench check` (after `python3 bench/gen_corpus.py`; without the
//! corpus only the seed is measured). `NAPLINT_BENCH_CORPUS=DIR` points elsewhere.
//!
//! A benchmark, not a test: nothing here asserts a time.
//!
//! Both sides run under mimalloc, the allocator of the `naplint` binary: the check is
//! measured as shipped, and serde_json gets the same allocator.

#![allow(clippy::disallowed_methods)] // a benchmark reads its corpus from disk

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use naplint::{Config, Linter, SourceFormat};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus() -> Vec<(&'static str, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::var_os("NAPLINT_BENCH_CORPUS")
        .map_or_else(|| root.join("bench/corpus"), PathBuf::from);
    let mut out = Vec::new();
    for name in ["x1", "x10", "x100"] {
        let path = dir.join(format!("{name}.json"));
        match std::fs::read_to_string(&path) {
            Ok(text) => out.push((name, text)),
            Err(_) if name == "x1" => {
                let seed = root.join("seeds/2013-14/report.json");
                out.push((name, std::fs::read_to_string(seed).expect("seed report")));
            }
            Err(_) => eprintln!(
                "{} missing: run `python3 bench/gen_corpus.py` to measure {name}",
                path.display()
            ),
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let linter = Linter::new(Config::default()).expect("embedded schema compiles");
    for (name, text) in corpus() {
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() > 1_000_000 {
            group.sample_size(20);
        }
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(4));
        group.bench_with_input(BenchmarkId::new("serde_json_value", name), &text, |b, t| {
            b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(t)).expect("valid"));
        });
        group.bench_with_input(BenchmarkId::new("naplint_load", name), &text, |b, t| {
            b.iter(|| naplint::source::load(black_box(t), SourceFormat::Json));
        });
        group.bench_with_input(BenchmarkId::new("naplint_check", name), &text, |b, t| {
            b.iter(|| linter.check(black_box(t), SourceFormat::Json));
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
