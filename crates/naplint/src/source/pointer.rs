//! RFC 6901 JSON Pointers: building them while walking the typed model, and resolving
//! them to the span of the source they point at.

use super::{LoadIssue, Member, Node, Span, Value};
pub use crate::diagnostic::{escape_token, Pointer};
use std::collections::HashMap;

/// Where a pointer lands in the source.
#[derive(Debug, Clone, Copy)]
pub struct Located {
    /// The span of the value (or, when the pointer names a missing member, of the
    /// deepest existing ancestor).
    pub value: Span,
    /// The span of the member's key, when the pointer ends at an object member.
    pub key: Option<Span>,
    /// Whether the whole pointer resolved.
    pub exact: bool,
}

/// Resolves `pointer` against `root`, going as deep as the document allows.
#[must_use]
pub fn locate(root: &Node, pointer: &Pointer) -> Located {
    Locator::new(root).locate(pointer)
}

impl Node {
    /// The value `pointer` names in this tree, if it is there (unlike [`locate`], no
    /// nearest ancestor).
    #[must_use]
    pub fn at(&self, pointer: &Pointer) -> Option<&Node> {
        let mut node = self;
        for token in pointer.segments() {
            node = match &node.value {
                Value::Object(_) => node.get(&token)?,
                Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(node)
    }
}

/// Resolves many pointers against one tree. An object with many members (a file with
/// thousands of unknown or duplicated keys) gets a hash index of its keys the first time a
/// pointer goes through it, so that locating a finding in it is not a scan of the object.
pub struct Locator<'a> {
    root: &'a Node,
    /// Per large object (by address), each key's last member.
    objects: HashMap<*const Node, HashMap<&'a str, usize>>,
}

/// Objects up to this many members are scanned: an index would cost more.
const SCAN_MEMBERS: usize = 16;

impl<'a> Locator<'a> {
    #[must_use]
    pub fn new(root: &'a Node) -> Self {
        Self {
            root,
            objects: HashMap::new(),
        }
    }

    /// What [`locate`] gives, in time independent of the objects' sizes.
    pub fn locate(&mut self, pointer: &Pointer) -> Located {
        let mut node = self.root;
        let mut key = None;
        for token in pointer.segments() {
            let next = match &node.value {
                Value::Object(members) if members.len() > SCAN_MEMBERS => {
                    let index = self
                        .objects
                        .entry(std::ptr::from_ref(node))
                        .or_insert_with(|| {
                            members
                                .iter()
                                .enumerate()
                                .map(|(i, m)| (m.key.as_str(), i))
                                .collect()
                        });
                    index
                        .get(token.as_ref())
                        .and_then(|&i| members.get(i))
                        .map(|m| (&m.value, Some(m.key_span)))
                }
                Value::Object(members) => members
                    .iter()
                    .rev()
                    .find(|m| m.key == *token)
                    .map(|m| (&m.value, Some(m.key_span))),
                Value::Array(items) => token
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| items.get(i))
                    .map(|n| (n, None)),
                _ => None,
            };
            match next {
                Some((n, k)) => {
                    node = n;
                    key = k;
                }
                None => {
                    return Located {
                        value: node.span,
                        key,
                        exact: false,
                    }
                }
            }
        }
        Located {
            value: node.span,
            key,
            exact: true,
        }
    }
}

/// One step of a path being walked: the pointer is only spelled out when needed.
#[derive(Clone, Copy)]
pub(crate) enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The pointer of a walked path.
pub(crate) fn pointer_of(path: &[Step<'_>]) -> Pointer {
    path.iter().fold(Pointer::root(), |p, step| match step {
        Step::Key(k) => p.key(k),
        Step::Index(i) => p.index(*i),
    })
}

/// Objects up to this many members are checked for a repeated key by comparing each key
/// with the ones before it; larger ones through a hash set (linear in the members).
const SCAN_DUPLICATES: usize = 16;

/// Calls `found(i, first)` for every member `i` of one object whose key an earlier member
/// already has; `first` is the key span of the nearest such earlier member.
///
/// The keys are the document's, so the hash set keeps std's SipHash: a hostile file could
/// otherwise choose keys that collide.
pub(super) fn duplicates_in(members: &[Member], mut found: impl FnMut(usize, Span)) {
    if members.len() <= SCAN_DUPLICATES {
        for (i, m) in members.iter().enumerate().skip(1) {
            let before = members.get(..i).unwrap_or_default();
            if let Some(first) = before.iter().rev().find(|b| b.key == m.key) {
                found(i, first.key_span);
            }
        }
    } else {
        let mut seen: HashMap<&str, Span> = HashMap::with_capacity(members.len());
        for (i, m) in members.iter().enumerate() {
            if let Some(first) = seen.insert(&m.key, m.key_span) {
                found(i, first);
            }
        }
    }
}

/// Finds every key that appears twice in one object, anywhere in the tree (the YAML
/// loader's check, whose aliases copy nodes; the JSON parser checks each object as it
/// closes it). Recursion is bounded by the loaders' depth limit.
pub(super) fn find_duplicate_keys(root: &Node, issues: &mut Vec<LoadIssue>) {
    fn walk<'a>(node: &'a Node, path: &mut Vec<Step<'a>>, issues: &mut Vec<LoadIssue>) {
        match &node.value {
            Value::Object(members) => {
                duplicates_in(members, |i, first| {
                    if let Some(m) = members.get(i) {
                        issues.push(LoadIssue::DuplicateKey {
                            pointer: pointer_of(path).key(&m.key).into_string(),
                            key: m.key.to_string(),
                            at: m.key_span,
                            first,
                        });
                    }
                });
                for m in members {
                    path.push(Step::Key(&m.key));
                    walk(&m.value, path, issues);
                    path.pop();
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    walk(item, path, issues);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    walk(root, &mut Vec::new(), issues);
}

/// The pointer of the node reached from `root` by child positions (member or item
/// indices), as the JSON parser records where a duplicate key is.
pub(super) fn pointer_by_positions(root: &Node, positions: &[usize]) -> Pointer {
    let mut pointer = Pointer::root();
    let mut node = root;
    for &i in positions {
        let next = match &node.value {
            Value::Object(members) => members.get(i).map(|m| {
                pointer = pointer.key(&m.key);
                &m.value
            }),
            Value::Array(items) => items.get(i).inspect(|_| pointer = pointer.index(i)),
            _ => None,
        };
        match next {
            Some(n) => node = n,
            None => break,
        }
    }
    pointer
}

#[cfg(test)]
mod tests {
    use super::{find_duplicate_keys, LoadIssue};

    /// The JSON parser finds, as each object closes, the duplicates the walk of the built
    /// tree finds: same pointers, spans and order.
    #[test]
    fn the_parser_reports_the_duplicates_the_tree_walk_finds() {
        let wide: String = (0..40)
            .map(|i| format!("\"k{}\": {i}", i % 13))
            .collect::<Vec<_>>()
            .join(", ");
        let docs = [
            r#"{"a": 1, "b": {"x": 1, "x": 2, "c": [{"y": 1}, {"y": 1, "y": 2, "y": 3}]}, "a": 3}"#
                .to_owned(),
            r#"{"a/b": 1, "m~n": {"": 1, "": 2}, "a/b": 2, "q\"": {"z\u0041": 1, "zA": 2}}"#
                .to_owned(),
            format!(r#"{{"list": [{{{wide}}}, {{"w": {{{wide}}}}}], "k1": 0, "k1": 1}}"#),
            r#"[{"a": 1}, [{"b": 1, "b": 2}]]"#.to_owned(),
        ];
        for doc in docs {
            let mut from_parser = Vec::new();
            let Some(root) = super::super::json::parse(&doc, 0, &mut from_parser) else {
                unreachable!("{doc} does not parse: {from_parser:?}");
            };
            let mut from_walk = Vec::new();
            find_duplicate_keys(&root, &mut from_walk);
            assert!(
                from_walk
                    .iter()
                    .all(|i| matches!(i, LoadIssue::DuplicateKey { .. })),
                "{doc}"
            );
            assert!(!from_walk.is_empty(), "{doc}");
            assert_eq!(from_parser, from_walk, "{doc}");
        }
    }
}
