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

#[test]
fn a_raw_nul_is_a_syntax_error_not_a_truncated_string() {
    // 0.0.11 read `a: x<NUL>y` as `{"a": "x"}`, silently dropping the rest of the value.
    let err = read("a: x\u{0}y\n").expect_err("rejected");
    assert!(err.contains("unprintable character"), "{err}");
}

#[test]
fn a_flow_mapping_inside_a_compact_pair_keeps_its_structure() {
    // 0.0.11 lost the structure at the first comma and failed (saphyr #139).
    assert_eq!(
        read("k: [a: {b: 1, c: 2}]\n").as_deref(),
        Ok(r#"{"k":[{"a":{"b":1,"c":2}}]}"#)
    );
}

#[test]
fn a_root_block_scalar_ends_at_a_document_marker() {
    // 0.0.11 swallowed `---` and the next document into the scalar; now the second
    // document is found, and a report file holds one.
    let err = read("--- |\nfoo\n---\nbar\n").expect_err("two documents");
    assert!(err.contains("SecondDocument"), "{err}");
}

#[test]
fn sign_and_hex_oddities_stay_strings() {
    assert_eq!(
        read("a: +-5\nb: 0x-1\nc: 0x+1\nd:\n").as_deref(),
        Ok(r#"{"a":"+-5","b":"0x-1","c":"0x+1","d":null}"#)
    );
}
