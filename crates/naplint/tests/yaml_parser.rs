//! How the YAML reader (saphyr-parser 0.3) reads the inputs whose reading changed from
//! 0.0.11: each case was checked against both versions; these are the 0.3 readings.

use naplint::source::{load, SourceFormat};

fn read(text: &str) -> Result<String, String> {
    let loaded = load(text, SourceFormat::Yaml);
    match loaded.root {
        Some(root) if loaded.issues.is_empty() => Ok(root.to_json().to_string()),
        _ => Err(format!("{:?}", loaded.issues)),
    }
}

/// What 0.3 reads: the document as JSON, or an error holding these words.
enum Reading {
    Json(&'static str),
    Error(&'static str),
}

/// (what 0.0.11 did, the input, what 0.3 reads).
const CASES: &[(&str, &str, Reading)] = &[
    (
        // Silently dropped the rest of the value: `{"a": "x"}`.
        "a raw NUL is a syntax error, not a truncated string",
        "a: x\u{0}y\n",
        Reading::Error("unprintable character"),
    ),
    (
        // Lost the structure at the first comma and failed (saphyr #139).
        "a flow mapping inside a compact pair keeps its structure",
        "k: [a: {b: 1, c: 2}]\n",
        Reading::Json(r#"{"k":[{"a":{"b":1,"c":2}}]}"#),
    ),
    (
        // Swallowed `---` and the next document into the scalar; now the second document
        // is found, and a report file holds one.
        "a root block scalar ends at a document marker",
        "--- |\nfoo\n---\nbar\n",
        Reading::Error("SecondDocument"),
    ),
    (
        "sign and hex oddities stay strings",
        "a: +-5\nb: 0x-1\nc: 0x+1\nd:\n",
        Reading::Json(r#"{"a":"+-5","b":"0x-1","c":"0x+1","d":null}"#),
    ),
];

#[test]
fn the_readings_that_changed_from_0_0_11() {
    for (case, input, expected) in CASES {
        match (read(input), expected) {
            (Ok(json), Reading::Json(want)) => assert_eq!(json, *want, "{case}"),
            (Err(err), Reading::Error(words)) => assert!(err.contains(words), "{case}: {err}"),
            (got, _) => panic!("{case}: read as {got:?}"),
        }
    }
}
