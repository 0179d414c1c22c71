//! YAML into the same spanned tree as JSON, from saphyr-parser's event stream.
//!
//! Plain scalars are resolved with the YAML 1.2 core schema (so `2012-06-06` and `2013/14`
//! stay strings, `no` is not a boolean). Aliases are expanded under a budget, so a
//! "billion laughs" file is an error instead of an out-of-memory.

use super::{
    limits::MAX_DEPTH, LineIndex, LoadIssue, Member, Node, Number, Span, Str, SyntaxKind, Value,
};
use saphyr_parser::{Event, Parser, ScalarStyle};
use std::collections::HashMap;

/// Most nodes that alias expansion may add to a document.
const MAX_ALIAS_NODES: usize = 100_000;

enum Frame {
    Seq {
        start: usize,
        items: Vec<Node>,
        anchor: usize,
    },
    Map {
        start: usize,
        members: Vec<Member>,
        pending_key: Option<(Str, Span)>,
        anchor: usize,
    },
}

struct Builder<'a> {
    text: &'a str,
    lines: &'a LineIndex,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    alias_nodes: usize,
    root: Option<Node>,
}

fn count_nodes(node: &Node) -> usize {
    match &node.value {
        Value::Array(items) => 1 + items.iter().map(count_nodes).sum::<usize>(),
        Value::Object(members) => 1 + members.iter().map(|m| count_nodes(&m.value)).sum::<usize>(),
        _ => 1,
    }
}

impl Builder<'_> {
    fn offset(&self, marker: saphyr_parser::Marker) -> usize {
        // The scanner's line is 1-based and its column 0-based, counted in characters.
        self.lines
            .offset(self.text, marker.line(), marker.col() + 1)
    }

    /// Attaches a finished node to its parent, or makes it the root.
    fn push(&mut self, node: Node, anchor: usize) -> Result<(), (SyntaxKind, usize)> {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                members,
                pending_key,
                ..
            }) => match pending_key.take() {
                Some((key, key_span)) => members.push(Member {
                    key,
                    key_span,
                    value: node,
                }),
                None => {
                    let key = match node.value {
                        Value::String(s) => s,
                        Value::Number(n) => n.raw,
                        Value::Bool(b) => Str::from(if b { "true" } else { "false" }),
                        Value::Null => Str::from("null"),
                        Value::Array(_) | Value::Object(_) => {
                            return Err((SyntaxKind::NonScalarKey, node.span.start()))
                        }
                    };
                    *pending_key = Some((key, node.span));
                }
            },
        }
        Ok(())
    }
}

pub(super) fn parse(
    text: &str,
    start: usize,
    lines: &LineIndex,
    issues: &mut Vec<LoadIssue>,
) -> Option<Node> {
    let body = text.get(start..).unwrap_or_default();
    let mut b = Builder {
        text,
        lines,
        stack: Vec::new(),
        anchors: HashMap::new(),
        alias_nodes: 0,
        root: None,
    };
    let mut parser = Parser::new_from_str(body);
    let mut documents = 0;
    let fail = |issues: &mut Vec<LoadIssue>, kind: SyntaxKind, at: usize| {
        issues.push(LoadIssue::Syntax { kind, at });
        None
    };
    while let Some(event) = parser.next_event() {
        let (event, span) = match event {
            Ok(ev) => ev,
            Err(e) => {
                let at = b.offset(*e.marker());
                return fail(issues, SyntaxKind::yaml(e.info()), at);
            }
        };
        let from = b.offset(span.start);
        let to = b.offset(span.end);
        let result = match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return fail(issues, SyntaxKind::SecondDocument, from);
                }
                Ok(())
            }
            Event::Scalar(value, _, _, _) if value.len() > super::limits::MAX_STRING_BYTES => {
                Err((
                    SyntaxKind::StringLimit {
                        limit: super::limits::MAX_STRING_BYTES,
                    },
                    from,
                ))
            }
            Event::Scalar(value, style, anchor, tag) => {
                let forced_string = tag.as_ref().is_some_and(|t| t.suffix == "str");
                let value = if style == ScalarStyle::Plain && !forced_string {
                    resolve_plain(&value)
                } else {
                    Value::String(Str::from(value))
                };
                b.push(
                    Node {
                        value,
                        span: Span::new(from, to),
                    },
                    anchor,
                )
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _)
                if b.stack.len() >= MAX_DEPTH =>
            {
                let _ = anchor;
                Err((SyntaxKind::NestingLimit { limit: MAX_DEPTH }, from))
            }
            Event::SequenceStart(anchor, _) => {
                b.stack.push(Frame::Seq {
                    start: from,
                    items: Vec::new(),
                    anchor,
                });
                Ok(())
            }
            Event::MappingStart(anchor, _) => {
                b.stack.push(Frame::Map {
                    start: from,
                    members: Vec::new(),
                    pending_key: None,
                    anchor,
                });
                Ok(())
            }
            Event::SequenceEnd | Event::MappingEnd => match b.stack.pop() {
                Some(Frame::Seq {
                    start,
                    items,
                    anchor,
                }) => b.push(
                    Node {
                        value: Value::Array(items),
                        span: Span::new(start, to.max(start)),
                    },
                    anchor,
                ),
                Some(Frame::Map {
                    start,
                    members,
                    anchor,
                    ..
                }) => b.push(
                    Node {
                        value: Value::Object(members),
                        span: Span::new(start, to.max(start)),
                    },
                    anchor,
                ),
                None => Ok(()),
            },
            Event::Alias(id) => match b.anchors.get(&id).cloned() {
                Some(mut node) => {
                    b.alias_nodes += count_nodes(&node);
                    if b.alias_nodes > MAX_ALIAS_NODES {
                        Err((
                            SyntaxKind::AliasLimit {
                                limit: MAX_ALIAS_NODES,
                            },
                            from,
                        ))
                    } else {
                        node.span = Span::new(from, to);
                        b.push(node, 0)
                    }
                }
                None => Err((SyntaxKind::UnknownAnchor, from)),
            },
            Event::StreamEnd => break,
            Event::Nothing | Event::StreamStart | Event::DocumentEnd => Ok(()),
        };
        if let Err((kind, at)) = result {
            return fail(issues, kind, at);
        }
    }
    match b.root {
        Some(root) => {
            super::pointer::find_duplicate_keys(&root, issues);
            Some(root)
        }
        None => fail(issues, SyntaxKind::EmptyDocument { yaml: true }, start),
    }
}

/// The YAML 1.2 core schema's resolution of a plain scalar.
fn resolve_plain(s: &str) -> Value {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let unsigned = s.strip_prefix(['-', '+']).unwrap_or(s);
    if digits(unsigned) {
        let magnitude = unsigned.trim_start_matches('0');
        let raw = match (magnitude.is_empty(), s.starts_with('-')) {
            (true, _) => Str::from("0"),
            (false, true) => Str::from(format!("-{magnitude}")),
            (false, false) => Str::from(magnitude),
        };
        return Value::Number(Number { raw });
    }
    for (prefix, radix) in [("0x", 16), ("0o", 8)] {
        if let Some(v) = s
            .strip_prefix(prefix)
            // Digits only: `from_str_radix` would take `0x+1` as 1 (the core schema
            // makes it a string, as saphyr 0.3 does).
            .filter(|h| h.bytes().all(|b| b.is_ascii_alphanumeric()))
            .and_then(|h| u64::from_str_radix(h, radix).ok())
        {
            return Value::Number(Number {
                raw: Str::from(v.to_string()),
            });
        }
    }
    let is_float = {
        let mantissa_exp: Vec<&str> = unsigned.splitn(2, ['e', 'E']).collect();
        let mantissa = mantissa_exp.first().copied().unwrap_or_default();
        let exp_ok = mantissa_exp
            .get(1)
            .is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e)));
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        exp_ok
            && (digits(int) || (int.is_empty() && digits(frac)))
            && (frac.is_empty() || digits(frac))
    };
    if is_float {
        if let Ok(v) = s.parse::<f64>() {
            if v.is_finite() {
                return Value::Number(Number {
                    raw: Str::from(super::float_text(v)),
                });
            }
        }
    }
    Value::String(Str::from(s))
}
