//! Bad input always gets a clear diagnostic with a position, never a panic or a stack
//! overflow: syntax errors, hostile nesting, alias bombs, giant files, odd roots.

#![allow(clippy::disallowed_methods)]

use naplint::{Config, Diagnostic, Linter, SourceFormat};

fn check(text: &str, format: SourceFormat) -> Vec<Diagnostic> {
    Linter::new(Config::default()).unwrap().check(text, format)
}

fn only(diagnostics: &[Diagnostic], code: &str) -> (usize, usize, String) {
    let d = diagnostics
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code} in {diagnostics:#?}"));
    (d.line, d.column, d.message.clone())
}

#[test]
fn deep_json_nesting_is_a_parse_error_not_a_stack_overflow() {
    let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let d = check(&text, SourceFormat::Json);
    let (line, column, message) = only(&d, "S003");
    assert_eq!((line, column), (1, 129));
    assert!(
        message.contains("deeper than the limit of 128"),
        "{message}"
    );
}

#[test]
fn deep_yaml_nesting_is_a_parse_error() {
    let flow = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let (line, _, message) = only(&check(&flow, SourceFormat::Yaml), "S003");
    assert_eq!(line, 1);
    assert!(
        message.contains("deeper") || message.contains("recursion"),
        "{message}"
    );
    let mut block = String::new();
    for depth in 0..10_000 {
        block.push_str(&" ".repeat(depth));
        block.push_str("a:\n");
    }
    let d = check(&block, SourceFormat::Yaml);
    assert_eq!(d.first().map(|d| d.code.as_str()), Some("S003"), "{d:?}");
}

#[test]
fn yaml_alias_bomb_is_refused() {
    let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let mut prev = 'a';
    for name in 'b'..='k' {
        text.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        prev = name;
    }
    let (_, _, message) = only(&check(&text, SourceFormat::Yaml), "S003");
    assert!(message.contains("aliases expand"), "{message}");
}

#[test]
fn syntax_errors_have_positions() {
    let cases: &[(&str, SourceFormat, (usize, usize))] = &[
        ("", SourceFormat::Json, (1, 1)),
        ("{\n  \"a\": 1,\n}", SourceFormat::Json, (3, 1)),
        ("{\n  \"a\": tru\n}", SourceFormat::Json, (2, 8)),
        ("{\"a\": \"x\n\"}", SourceFormat::Json, (1, 9)),
        ("{\"a\": 01}", SourceFormat::Json, (1, 7)),
        ("{\"a\": 1} {", SourceFormat::Json, (1, 10)),
        ("a: [1, 2\nb: 3\n", SourceFormat::Yaml, (2, 2)),
    ];
    for (text, format, expected) in cases {
        let d = check(text, *format);
        let (line, column, _) = only(&d, "S003");
        assert_eq!((line, column), *expected, "{text:?}: {d:#?}");
    }
}

#[test]
fn wrong_roots_and_values_are_schema_errors() {
    for text in ["null", "[]", "42", "\"report\"", "{}"] {
        let d = check(text, SourceFormat::Json);
        assert!(
            d.iter().all(|d| d.code == "S001") && !d.is_empty(),
            "{text}: {d:#?}"
        );
    }
    let d = check("{\"format_version\": 1}", SourceFormat::Json);
    assert_eq!(d.first().map(|d| d.code.as_str()), Some("S004"));
}

#[test]
fn invalid_utf8_and_bom_are_reported() {
    let linter = Linter::new(Config::default()).unwrap();
    let d = linter.check_bytes(b"{\"a\":\n \"\xff\"}", SourceFormat::Json);
    assert_eq!((d[0].code.as_str(), d[0].line, d[0].column), ("S003", 2, 3));
    let d = linter.check("\u{feff}{}", SourceFormat::Json);
    assert_eq!((d[0].code.as_str(), d[0].line, d[0].column), ("S003", 1, 1));
}

#[test]
fn every_prefix_of_the_seed_is_handled() {
    // Truncation at every 97th byte: each gives diagnostics or none, never a panic.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../seeds/2013-14/report.yaml"
    ))
    .unwrap();
    let linter = Linter::new(Config::default()).unwrap();
    for end in (0..text.len())
        .step_by(97)
        .filter(|&i| text.is_char_boundary(i))
    {
        let _ = linter.check(&text[..end], SourceFormat::Yaml);
        let _ = linter.check(&text[..end], SourceFormat::Json);
    }
}

#[test]
fn a_fifty_megabyte_report_is_checked() {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../seeds/2013-14/report.json"
    ))
    .unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&seed).unwrap();
    let deliverables = doc["pillars"][0]["objectives"][0]["tasks"][0]["deliverables"]
        .as_array()
        .unwrap()
        .clone();
    let mut grown = Vec::new();
    let mut n = 0;
    while grown.len() < 110_000 {
        for d in &deliverables {
            let mut d = d.clone();
            n += 1;
            d["id"] = serde_json::Value::String(format!("1.11.{n}"));
            grown.push(d);
        }
    }
    doc["pillars"][0]["objectives"][0]["tasks"][0]["deliverables"] =
        serde_json::Value::Array(grown);
    let text = serde_json::to_string_pretty(&doc).unwrap();
    assert!(text.len() > 50_000_000, "{} bytes", text.len());
    let d = check(&text, SourceFormat::Json);
    assert!(
        d.iter()
            .all(|d| !d.code.starts_with('S') || d.severity == naplint::Severity::Info),
        "{:?}",
        &d[..3.min(d.len())]
    );
    // Capped, with the count of what was left out.
    assert_eq!(d.len(), naplint::MAX_DIAGNOSTICS + 1);
    assert_eq!(d.last().unwrap().code, "S007");
    assert!(d
        .last()
        .unwrap()
        .message
        .contains("more diagnostics not shown"));
}

#[test]
fn giant_strings_are_refused() {
    let big = "x".repeat(naplint::source::limits::MAX_STRING_BYTES + 1);
    for (text, format) in [
        (
            format!("{{\"format_version\": \"1\", \"plan\": \"{big}\"}}"),
            SourceFormat::Json,
        ),
        (
            format!("format_version: '1'\nplan: {big}\n"),
            SourceFormat::Yaml,
        ),
    ] {
        let d = check(&text, format);
        assert!(
            only(&d, "S003").2.contains("string longer than the limit"),
            "{format:?}: {:?}",
            d[0].message
        );
    }
}

#[test]
fn numbers_beyond_u64_and_negative_counts_are_schema_errors() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/R001/pass.json"
    ))
    .unwrap();
    for (value, words) in [
        ("-3", "less than the minimum 0"),
        ("99999999999999999999999", "greater than the maximum"),
        ("1e400", "found a number"),
        ("2.5", "expected an integer"),
    ] {
        let d = check(
            &text.replacen("\"male\": 28", &format!("\"male\": {value}"), 1),
            SourceFormat::Json,
        );
        assert!(
            d.iter()
                .any(|d| d.code == "S001" && d.message.contains(words)),
            "{value}: {d:#?}"
        );
        assert!(
            d.iter().all(|d| d.code != "R001"),
            "a bad count is the schema's, not a sum's: {d:#?}"
        );
    }
}
