//! `CompiledSchema::validate_at` (what a session re-validates after an edit) gives, for
//! every pointer of every fixture and of the seed, exactly the violations of a whole
//! validation at or under the pointer it re-validated.

#![allow(clippy::disallowed_methods)]
mod common;

use naplint::schema::{CompiledSchema, REPORT_SCHEMA_JSON};
use naplint::source::{self, Node, SourceFormat, Value};

/// Every pointer of the tree, as token lists.
fn pointers(node: &Node, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(path.clone());
    match &node.value {
        Value::Object(members) => {
            for m in members {
                path.push(m.key.to_string());
                pointers(&m.value, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(i.to_string());
                pointers(item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn under(pointer: &str, prefix: &str) -> bool {
    pointer == prefix
        || pointer
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('/'))
}

#[test]
fn validate_at_gives_the_whole_validation_under_its_pointer() {
    let schema = CompiledSchema::from_text(REPORT_SCHEMA_JSON).unwrap();
    let (mut checked, mut below_root, mut with_violations) = (0, 0, 0);
    for path in common::inputs() {
        // A few fixtures are not UTF-8 on purpose (S003).
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let format = if path.extension().is_some_and(|e| e == "yaml") {
            SourceFormat::Yaml
        } else {
            SourceFormat::Json
        };
        let loaded = source::load(&text, format);
        let Some(root) = loaded.root.as_ref() else {
            continue;
        };
        let whole = schema.validate(root);
        let mut all = Vec::new();
        pointers(root, &mut Vec::new(), &mut all);
        for tokens in &all {
            let (depth, got) = schema.validate_at(root, tokens);
            assert!(depth <= tokens.len());
            let prefix = tokens[..depth]
                .iter()
                .fold(source::Pointer::root(), |p, t| p.key(t));
            let want: Vec<_> = whole
                .iter()
                .filter(|v| under(v.pointer.as_str(), prefix.as_str()))
                .cloned()
                .collect();
            assert_eq!(
                got,
                want,
                "{}: validate_at `/{}` (re-validated at `{prefix}`)",
                path.display(),
                tokens.join("/")
            );
            checked += 1;
            below_root += usize::from(depth > 0);
            with_violations += usize::from(!want.is_empty());
        }
    }
    println!("{checked} pointers, {below_root} re-validated below the root, {with_violations} with violations");
    assert!(checked > 10_000 && below_root * 10 > checked * 9 && with_violations > 100);
}
