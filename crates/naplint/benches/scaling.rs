//! Does the check stay linear? For each dimension of a document (distinct keys,
//! duplicate keys, array length, deliverables, findings, one-line documents, long strings,
//! YAML mappings), the time for a document 8 times larger along that dimension divided by
//! the time for the smaller one. Linear is 8; the target is at most 10.
//!
//! `cargo bench -p naplint --bench scaling` (also run by `bash bench/run.sh`). Each time
//! is the minimum of several runs of `Linter::check`, both sizes measured back to back, so
//! the ratio holds on a shared, noisy machine. A benchmark, not a test: it asserts nothing.
//!
//! Under mimalloc, the allocator of the `naplint` binary, as the `check` bench: the check
//! is timed as shipped. Under glibc's allocator the array-length row printed 11.2-11.4x by
//! time on `d79f0ae` while callgrind counted 7.2x by instructions (which leave out page
//! faults and cache misses, where large vectors differ between the two allocators); under
//! mimalloc it printed 9.0x.

#![allow(clippy::disallowed_methods, clippy::cast_precision_loss)] // reads the seed; prints ratios

use naplint::{Config, Linter, SourceFormat};
use serde_json::{json, Value};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn seed() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds/2013-14/report.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("seed report")).expect("seed parses")
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).expect("serialises")
}

/// The seed with `n` unknown keys in `report` (each an S001 with a suggestion).
fn distinct_keys(n: usize) -> (String, SourceFormat) {
    let mut v = seed();
    let report = v["report"].as_object_mut().expect("report object");
    for i in 0..n {
        report.insert(format!("extra_{i}"), json!(i));
    }
    (pretty(&v), SourceFormat::Json)
}

/// The seed with the key `edition` repeated `n` more times in `report` (each an S002).
fn duplicate_keys(n: usize) -> (String, SourceFormat) {
    let text = pretty(&seed());
    let dup = "\"edition\": 2,\n    ".repeat(n);
    (
        text.replacen("\"edition\": 2,", &format!("{dup}\"edition\": 2,"), 1),
        SourceFormat::Json,
    )
}

/// The seed with one deliverable leading through `n` known departments.
fn array_length(n: usize) -> (String, SourceFormat) {
    let mut v = seed();
    let leads: Vec<Value> = (0..n)
        .map(|i| json!(["PS", "JUS", "CBSA"][i % 3]))
        .collect();
    v["pillars"][0]["objectives"][0]["tasks"][0]["deliverables"][0]["leads"] = Value::Array(leads);
    (pretty(&v), SourceFormat::Json)
}

/// The seed's first task with `n` clean deliverables.
fn with_deliverables(n: usize, lead: bool) -> Value {
    let mut v = seed();
    let task = &mut v["pillars"][0]["objectives"][0]["tasks"][0];
    let template = task["deliverables"][0].clone();
    let list: Vec<Value> = (0..n)
        .map(|i| {
            let mut d = template.clone();
            d["id"] = json!(format!("1.11.{}", i + 1));
            if !lead {
                d["leads"] = json!([]);
            }
            d
        })
        .collect();
    task["deliverables"] = Value::Array(list);
    v
}

fn deliverables(n: usize) -> (String, SourceFormat) {
    (pretty(&with_deliverables(n, true)), SourceFormat::Json)
}

/// `n` deliverables without a lead: `n` P002 findings (the output is capped, the work not).
fn findings(n: usize) -> (String, SourceFormat) {
    (pretty(&with_deliverables(n, false)), SourceFormat::Json)
}

/// The same findings in a document on one line, as a browser form sends it.
fn one_line(n: usize) -> (String, SourceFormat) {
    (with_deliverables(n, false).to_string(), SourceFormat::Json)
}

/// One report title `n` characters long, accented and with wide characters.
fn long_string(n: usize) -> (String, SourceFormat) {
    let mut v = seed();
    let title: String = "Rapport annuel é€😀 ".chars().cycle().take(n).collect();
    v["report"]["title"] = json!(title);
    (v.to_string(), SourceFormat::Json)
}

/// A YAML report whose `report` mapping has `n` unknown keys.
fn yaml_mapping(n: usize) -> (String, SourceFormat) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds/2013-14/report.yaml");
    let text = std::fs::read_to_string(path).expect("seed yaml");
    let extra: String = (0..n).map(|i| format!("  extra_{i}: {i}\n")).collect();
    (
        text.replacen("report:\n", &format!("report:\n{extra}"), 1),
        SourceFormat::Yaml,
    )
}

/// Minimum times of `check` on the two texts, measured interleaved (eight runs of the
/// small one, then one of the large one) for about `budget`, so that both see the same
/// load on a shared machine.
fn times(
    linter: &Linter,
    small: &str,
    large: &str,
    format: SourceFormat,
    budget: Duration,
) -> (Duration, Duration) {
    let run = |text: &str| {
        let t = Instant::now();
        black_box(linter.check(black_box(text), format));
        t.elapsed()
    };
    let (mut best_small, mut best_large) = (Duration::MAX, Duration::MAX);
    let started = Instant::now();
    let mut rounds = 0;
    while rounds < 5 || (started.elapsed() < budget && rounds < 40) {
        for _ in 0..8 {
            best_small = best_small.min(run(small));
        }
        best_large = best_large.min(run(large));
        rounds += 1;
    }
    (best_small, best_large)
}

type Generator = fn(usize) -> (String, SourceFormat);

/// Every dimension: its name, the smaller size, the document generator.
const DIMENSIONS: [(&str, usize, Generator); 8] = [
    ("distinct keys", 2_000, distinct_keys),
    ("duplicate keys", 5_000, duplicate_keys),
    ("array length", 20_000, array_length),
    ("deliverables", 1_000, deliverables),
    ("findings per document", 1_000, findings),
    ("one-line document", 1_000, one_line),
    ("long string (chars)", 50_000, long_string),
    ("YAML mapping keys", 2_000, yaml_mapping),
];

fn main() {
    // `cargo bench` passes `--bench`; any other argument is a filter on the name.
    // `NAPLINT_SCALING_ONCE=<dimension index>:<multiplier>`: one check of that document and
    // nothing else, for `bench/scaling.sh` to count its instructions under callgrind.
    if let Ok(once) = std::env::var("NAPLINT_SCALING_ONCE") {
        let (i, m) = once.split_once(':').expect("index:multiplier");
        let (i, m): (usize, usize) = (i.parse().expect("index"), m.parse().expect("multiplier"));
        let (_, n, generate) = DIMENSIONS[i];
        let (text, format) = generate(n * m);
        let linter = Linter::new(Config::default()).expect("default config");
        black_box(linter.check(&text, format));
        return;
    }
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let linter = Linter::new(Config::default()).expect("default config");
    let dimensions = DIMENSIONS;
    println!("scaling: time for 8n / time for n (linear is 8; target <= 10)");
    for (name, n, generate) in dimensions {
        if !filter.is_empty() && !filter.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        let (small, format) = generate(n);
        let (large, _) = generate(8 * n);
        let (t1, t8) = times(&linter, &small, &large, format, Duration::from_secs(6));
        let ratio = t8.as_secs_f64() / t1.as_secs_f64();
        println!(
            "scaling: {name:<24} n={n:<7} {:>9.2} ms  8n {:>9.2} ms  {ratio:>6.1}x  <= 10x  {}",
            t1.as_secs_f64() * 1e3,
            t8.as_secs_f64() * 1e3,
            if ratio <= 10.0 { "met" } else { "MISSED" }
        );
    }
}
