//! `--previous`: the X rules on a realistic pair of years, and on identical reports.

#![allow(clippy::disallowed_methods)]

use naplint::{Config, Linter, SourceFormat};

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn across(previous: &str, current: &str) -> Vec<naplint::Diagnostic> {
    let linter = Linter::new(Config::default()).unwrap();
    let previous = linter
        .previous(&read(previous), SourceFormat::from_path(previous))
        .unwrap();
    linter
        .check_with_previous(&read(current), SourceFormat::from_path(current), &previous)
        .into_iter()
        .filter(|d| d.code.starts_with('X'))
        .collect()
}

#[test]
fn the_seed_against_its_previous_year_has_no_x_findings() {
    assert_eq!(
        across(
            "tests/across/seed-2012-13.json",
            "seeds/2013-14/report.json"
        ),
        vec![]
    );
}

#[test]
fn identical_reports_have_no_x_findings() {
    assert_eq!(
        across("seeds/2013-14/report.json", "seeds/2013-14/report.json"),
        vec![]
    );
    assert_eq!(
        across("seeds/2013-14/report.json", "seeds/2013-14/report.yaml"),
        vec![]
    );
}

#[test]
fn a_year_reversed_shows_every_regression() {
    // Reading the years backwards: statuses fall back, deliverables vanish, totals shrink.
    let d = across(
        "seeds/2013-14/report.json",
        "tests/across/seed-2012-13.json",
    );
    let codes: std::collections::BTreeSet<&str> = d.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(
        codes.into_iter().collect::<Vec<_>>(),
        ["X001", "X004", "X005"],
        "{d:#?}"
    );
    assert!(
        d.iter().any(|d| d.message
            == "permits_issued fell from 230 in the previous report to 216 (line 1221)"),
        "{d:#?}"
    );
}

#[test]
fn an_unreadable_previous_report_is_an_error() {
    let linter = Linter::new(Config::default()).unwrap();
    let errors = linter
        .previous("{\"format_version\": ", SourceFormat::Json)
        .unwrap_err();
    assert_eq!(errors[0].code, "S003");
}
