//! The typed model is read straight from the spanned tree (`source::from_node`), not from
//! a `serde_json::Value` copy of it. This test holds the two readings equal on every
//! fixture, the seed and a few edge cases: the same model, or the same error text. The one
//! difference is pinned below: a struct is read only from an object (serde_json also reads
//! one from an array, field by field), so an array in its place is a model error, as a
//! string is; the check reports it as S001 from the schema.

#![allow(clippy::disallowed_methods)]

use naplint::model::Report;
use naplint::source::{self, from_node, SourceFormat};

mod common;
use common::{inputs, root};

fn both(
    text: &str,
    format: SourceFormat,
) -> Option<(Result<Report, String>, Result<Report, String>)> {
    let loaded = source::load(text, format);
    let root = loaded.root.as_ref()?;
    let direct = from_node::<Report>(root, loaded.has_duplicate_keys()).map_err(|e| e.to_string());
    let via_value = serde_json::from_value::<Report>(root.to_json()).map_err(|e| e.to_string());
    Some((direct, via_value))
}

#[test]
fn every_fixture_reads_the_same_as_through_a_value() {
    let files = inputs();
    assert!(files.len() > 80, "only {} inputs", files.len());
    let (mut ok, mut err) = (0, 0);
    for path in &files {
        let bytes = std::fs::read(path).expect("read fixture");
        let Ok(text) = String::from_utf8(bytes) else {
            continue; // the invalid-UTF-8 fixture never reaches the model
        };
        let format = SourceFormat::from_path(&path.to_string_lossy());
        let Some((direct, via_value)) = both(&text, format) else {
            continue;
        };
        assert_eq!(direct, via_value, "{}", path.display());
        if direct.is_ok() {
            ok += 1;
        } else {
            err += 1;
        }
    }
    // Both branches must be exercised for the comparison to mean anything.
    assert!(ok > 50 && err > 0, "{ok} models, {err} errors");
}

#[test]
fn edge_cases_read_the_same() {
    let seed = std::fs::read_to_string(root().join("seeds/2013-14/report.json")).expect("seed");
    let cases = [
        // A duplicated key: the last one wins.
        seed.replacen(
            "\"format_version\": \"1\"",
            "\"format_version\": \"0\", \"format_version\": \"1\"",
            1,
        ),
        // Numbers beyond u64, negative, fractional, exponent.
        seed.replacen(
            "\"format_version\": \"1\"",
            "\"format_version\": \"1\", \"x\": 1e400",
            1,
        ),
        r#"{"format_version": "1", "report": {"fiscal_year": 3.0}}"#.to_owned(),
        r#"{"format_version": "1", "report": {"fiscal_year": -1}}"#.to_owned(),
        r#"{"format_version": "1", "report": null}"#.to_owned(),
        r#"{"format_version": "1", "report": "2013/14"}"#.to_owned(),
        // Arrays where the model wants arrays, with a wrong element or too many.
        seed.replacen("\"leads\": [", "\"leads\": [7, ", 1),
        r#"{"format_version": "1", "report": {"period": {"start": [1]}}}"#.to_owned(),
        r#""text""#.to_owned(),
    ];
    for case in &cases {
        let (direct, via_value) = both(case, SourceFormat::Json).expect("parses");
        assert_eq!(direct, via_value, "{case:.120}");
    }
    // Beyond u64 the number is a float: both reject it, serde_json printing the float
    // in its own notation (`1.8446744073709552e+19`), this reader in Rust's.
    let big = r#"{"format_version": "1", "report": {"fiscal_year": 18446744073709551616}}"#;
    let (direct, via_value) = both(big, SourceFormat::Json).expect("parses");
    assert!(direct.is_err() && via_value.is_err());
}

#[test]
fn an_array_in_place_of_an_object_is_a_model_error() {
    let seed = std::fs::read_to_string(root().join("seeds/2013-14/report.json")).expect("seed");
    let period =
        "\"period\": {\n      \"start\": \"2013-04-01\",\n      \"end\": \"2014-03-31\"\n    }";
    assert!(seed.contains(period), "the seed's report period moved");
    let cases = [
        // serde_json reads this one as the struct's fields in order: a whole model.
        (
            seed.replacen(period, "\"period\": [\"2013-04-01\", \"2014-03-31\"]", 1),
            "invalid type: sequence, expected struct DatePeriod",
            "/report/period",
        ),
        (
            r#"{"format_version": "1", "report": []}"#.to_owned(),
            "invalid type: sequence, expected struct ReportMeta",
            "/report",
        ),
        (
            r#"[1, 2]"#.to_owned(),
            "invalid type: sequence, expected struct Report",
            "",
        ),
    ];
    let linter = naplint::Linter::new(naplint::Config::default()).expect("default config");
    for (case, error, pointer) in &cases {
        let (direct, via_value) = both(case, SourceFormat::Json).expect("parses");
        assert_eq!(direct, Err((*error).to_owned()), "{case:.120}");
        assert_ne!(direct, via_value, "{case:.120}");
        // The schema already says it: an S001 at that pointer.
        let found = linter.check(case, SourceFormat::Json);
        assert!(
            found
                .iter()
                .any(|d| d.code == "S001" && d.pointer == *pointer),
            "{case:.120}: {found:?}"
        );
    }
    // The first one is a whole model through serde_json, an error here.
    let (direct, via_value) = both(&cases[0].0, SourceFormat::Json).expect("parses");
    assert!(direct.is_err() && via_value.is_ok());
}
