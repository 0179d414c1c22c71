//! Editing and writing spanned document trees.
//!
//! Assembly and split work on the [`Node`] tree rather than on `serde_json::Value`: the
//! tree keeps the members in the order they were written and every value exactly as
//! written (a misspelt status stays misspelt, so the rules still report it), and
//! `serde_json` without its `preserve_order` feature sorts keys. The writers below are
//! hand-written for that reason; they emit what `serde_json::to_string_pretty` emits
//! (JSON) and block-style YAML that the loader reads back to the same tree.

use crate::source::{Member, Node, Pointer, Span, Value};
use std::fmt::Write as _;

pub(crate) fn node(value: Value) -> Node {
    Node {
        value,
        span: Span::default(),
    }
}

pub(crate) fn string(s: &str) -> Node {
    node(Value::String(s.into()))
}

pub(crate) fn object(members: Vec<(&str, Node)>) -> Node {
    node(Value::Object(
        members
            .into_iter()
            .map(|(key, value)| Member {
                key: key.into(),
                key_span: Span::default(),
                value,
            })
            .collect(),
    ))
}

pub(crate) fn array(items: Vec<Node>) -> Node {
    node(Value::Array(items))
}

/// The elements of an array node; nothing for any other value.
pub(crate) fn elements(n: &Node) -> &[Node] {
    match &n.value {
        Value::Array(items) => items,
        _ => &[],
    }
}

pub(crate) fn elements_mut(n: &mut Node) -> Option<&mut Vec<Node>> {
    match &mut n.value {
        Value::Array(items) => Some(items),
        _ => None,
    }
}

/// The arrays from a report down to its deliverables.
pub(crate) const TO_DELIVERABLES: [&str; 4] = ["pillars", "objectives", "tasks", "deliverables"];

/// Every element reached from `root` through the arrays `path` names in turn (a missing or
/// non-array member gives none), with its pointer, in document order.
pub(crate) fn elements_along<'n>(root: &'n Node, path: &[&str]) -> Vec<(Pointer, &'n Node)> {
    let mut level = vec![(Pointer::root(), root)];
    for key in path {
        level = level
            .into_iter()
            .flat_map(|(at, node)| {
                let at = at.key(key);
                node.get(key)
                    .map(elements)
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                    .map(move |(i, n)| (at.index(i), n))
            })
            .collect();
    }
    level
}

/// Calls `f` on every element reached from `node` through the arrays `path` names.
pub(crate) fn for_each_along(node: &mut Node, path: &[&str], f: &mut impl FnMut(&mut Node)) {
    match path.split_first() {
        None => f(node),
        Some((key, rest)) => {
            for child in get_mut(node, key)
                .and_then(elements_mut)
                .into_iter()
                .flatten()
            {
                for_each_along(child, rest, f);
            }
        }
    }
}

pub(crate) fn get_mut<'a>(n: &'a mut Node, key: &str) -> Option<&'a mut Node> {
    match &mut n.value {
        Value::Object(members) => members
            .iter_mut()
            .rev()
            .find(|m| m.key == key)
            .map(|m| &mut m.value),
        _ => None,
    }
}

/// Removes every member named `key`, returning the last one.
pub(crate) fn remove(n: &mut Node, key: &str) -> Option<Node> {
    let Value::Object(members) = &mut n.value else {
        return None;
    };
    let mut found = None;
    members.retain(|m| {
        if m.key == key {
            found = Some(m.value.clone());
            false
        } else {
            true
        }
    });
    found
}

/// Sets `key` to `value`: in place when the member exists, else before the first member
/// that `order` puts after it (at the end when `order` does not know the key).
pub(crate) fn set_ordered(n: &mut Node, key: &str, value: Node, order: &[&str]) {
    let Value::Object(members) = &mut n.value else {
        return;
    };
    if let Some(m) = members.iter_mut().rev().find(|m| m.key == key) {
        m.value = value;
        return;
    }
    let rank = |k: &str| order.iter().position(|o| *o == k);
    let at = rank(key).and_then(|mine| {
        members
            .iter()
            .position(|m| rank(&m.key).is_some_and(|theirs| theirs > mine))
    });
    let member = Member {
        key: key.into(),
        key_span: Span::default(),
        value,
    };
    match at {
        Some(i) => members.insert(i, member),
        None => members.push(member),
    }
}

/// The tree as pretty-printed JSON (two-space indent, final newline).
#[must_use]
pub fn to_json_text(n: &Node) -> String {
    let mut out = String::new();
    json(n, 0, &mut out);
    out.push('\n');
    out
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

fn json(n: &Node, depth: usize, out: &mut String) {
    let pad = |d: usize| "  ".repeat(d);
    match &n.value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(num) => out.push_str(&num.raw),
        Value::String(s) => out.push_str(&quoted(s)),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(members) if members.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                out.push_str(&pad(depth + 1));
                json(item, depth + 1, out);
            }
            let _ = write!(out, "\n{}]", pad(depth));
        }
        Value::Object(members) => {
            out.push_str("{\n");
            for (i, m) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                let _ = write!(out, "{}{}: ", pad(depth + 1), quoted(&m.key));
                json(&m.value, depth + 1, out);
            }
            let _ = write!(out, "\n{}}}", pad(depth));
        }
    }
}

/// The tree as block-style YAML (final newline).
#[must_use]
pub fn to_yaml_text(n: &Node) -> String {
    let mut out = String::new();
    match &n.value {
        Value::Object(members) if !members.is_empty() => yaml_members(members, 0, &mut out),
        _ => {
            out.push_str(&yaml_scalar(n));
            out.push('\n');
        }
    }
    out
}

/// A string written plain when the YAML 1.2 core schema reads it back as that same
/// string; otherwise double-quoted (a JSON string is a valid YAML double-quoted scalar).
fn yaml_string(s: &str) -> String {
    let plain = s.starts_with(|c: char| c.is_ascii_alphabetic())
        && !s.ends_with(' ')
        && !s.contains("  ")
        && s.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.' | '/' | '(' | ')')
        })
        && !matches!(
            s,
            "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
        );
    if plain {
        s.to_owned()
    } else {
        quoted(s)
    }
}

/// A scalar or an empty collection, on one line.
fn yaml_scalar(n: &Node) -> String {
    match &n.value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(num) => num.raw.to_string(),
        Value::String(s) => yaml_string(s),
        Value::Array(_) => "[]".to_owned(),
        Value::Object(_) => "{}".to_owned(),
    }
}

fn is_block(n: &Node) -> bool {
    match &n.value {
        Value::Array(items) => !items.is_empty(),
        Value::Object(members) => !members.is_empty(),
        _ => false,
    }
}

fn yaml_members(members: &[Member], indent: usize, out: &mut String) {
    for (i, m) in members.iter().enumerate() {
        // The first member of a sequence entry follows its `- `.
        if i > 0 || indent == 0 {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(&yaml_string(&m.key));
        out.push(':');
        match &m.value.value {
            Value::Object(children) if is_block(&m.value) => {
                out.push('\n');
                out.push_str(&" ".repeat(indent + 2));
                yaml_members(children, indent + 2, out);
            }
            Value::Array(items) if is_block(&m.value) => {
                out.push('\n');
                yaml_items(items, indent, out);
            }
            _ => {
                out.push(' ');
                out.push_str(&yaml_scalar(&m.value));
                out.push('\n');
            }
        }
    }
}

fn yaml_items(items: &[Node], indent: usize, out: &mut String) {
    for item in items {
        out.push_str(&" ".repeat(indent));
        out.push_str("- ");
        match &item.value {
            Value::Object(members) if is_block(item) => yaml_members(members, indent + 2, out),
            Value::Array(inner) if is_block(item) => {
                out.push('\n');
                yaml_items(inner, indent + 2, out);
            }
            _ => {
                out.push_str(&yaml_scalar(item));
                out.push('\n');
            }
        }
    }
}
