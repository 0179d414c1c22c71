//! The YAML loader on arbitrary text: never panics, and every span it returns lies inside
//! the text on character boundaries (diagnostics, `--fix` and pointers slice by them).
#![no_main]

use libfuzzer_sys::fuzz_target;
use naplint::source::{self, Node, SourceFormat, Value};

fn spans_ok(text: &str, node: &Node) {
    let s = node.span;
    assert!(
        s.start() <= s.end() && s.end() <= text.len(),
        "span {s:?} outside the text"
    );
    assert!(text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()));
    match &node.value {
        Value::Array(items) => items.iter().for_each(|n| spans_ok(text, n)),
        Value::Object(members) => members.iter().for_each(|m| {
            assert!(m.key_span.end() <= text.len());
            spans_ok(text, &m.value);
        }),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let loaded = source::load(text, SourceFormat::Yaml);
    if let Some(root) = &loaded.root {
        spans_ok(text, root);
        let _ = loaded.lines.position(text, root.span.end());
    }
});
