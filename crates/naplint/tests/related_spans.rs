//! A reconciliation's `related` pointers come with their byte spans, in the same order, so
//! renderers mark each term without looking pointers up: asserted on the underlined text.
#![allow(clippy::disallowed_methods)]

use naplint::{Config, Linter, SourceFormat};

fn underlined(path: &str) -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(path),
    )
    .unwrap();
    let linter = Linter::new(Config::default()).unwrap();
    linter
        .check(&text, SourceFormat::from_path(path))
        .into_iter()
        .filter(|d| d.code == "R001")
        .map(|d| {
            assert_eq!(d.related.len(), d.related_spans.len(), "{d:?}");
            let terms = d
                .related_spans
                .iter()
                .map(|&(s, e)| text[s..e].to_owned())
                .collect();
            (text[d.span.0..d.span.1].to_owned(), terms)
        })
        .collect()
}

#[test]
fn each_term_of_a_reconciliation_has_its_span_in_json_and_yaml() {
    for path in [
        "tests/fixtures/R001/fail.json",
        "tests/fixtures/R001/fail.yaml",
    ] {
        assert_eq!(
            underlined(path),
            [(
                "102".to_owned(),
                ["29", "68", "6", "102"].map(str::to_owned).to_vec()
            )],
            "{path}"
        );
    }
}

#[test]
fn a_finding_without_terms_has_no_spans_for_them() {
    let text = "{\"format_version\": \"1\"}";
    let linter = Linter::new(Config::default()).unwrap();
    let all = linter.check(text, SourceFormat::Json);
    assert!(!all.is_empty());
    assert!(all
        .iter()
        .all(|d| d.related.is_empty() && d.related_spans.is_empty()));
}
