//! The cost of checking a report as submissions, against checking it whole: the seed
//! checked as one file, then split into its base and 15 submissions and checked as a set
//! (each file's shape, the A rules, the assembled report once plus once per submission),
//! and assembled alone. Compare as ratios within one run:
//! `cargo bench -p naplint --bench submissions`.
//!
//! A benchmark, not a test: nothing here asserts a time.

#![allow(clippy::disallowed_methods)] // a benchmark reads the seed from disk

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use naplint::submission::{to_json_text, SetFile};
use naplint::{Config, Linter, SourceFormat};

fn bench(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let seed = std::fs::read_to_string(root.join("seeds/2013-14/report.json")).expect("seed");
    let linter = Linter::new(Config::default()).expect("embedded schema compiles");
    let split = linter
        .split_report(&seed, SourceFormat::Json, &[])
        .expect("the seed splits");
    let mut texts = vec![("base.json".to_owned(), to_json_text(&split.base))];
    for (code, node) in &split.submissions {
        texts.push((format!("{code}.json"), to_json_text(node)));
    }
    let files: Vec<SetFile<'_>> = texts
        .iter()
        .map(|(name, text)| SetFile {
            name,
            text,
            format: SourceFormat::Json,
        })
        .collect();
    let mut group = c.benchmark_group("submissions");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    group.bench_function("check_report", |b| {
        b.iter(|| linter.check(black_box(&seed), SourceFormat::Json));
    });
    group.bench_function("assemble_set", |b| {
        b.iter(|| linter.assemble_submissions(black_box(&files)));
    });
    group.bench_function("check_set", |b| {
        b.iter(|| linter.check_submissions(black_box(&files), None));
    });
    group.bench_function("split_report", |b| {
        b.iter(|| linter.split_report(black_box(&seed), SourceFormat::Json, &[]));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
