//! Static checks of a rule against the report schema, before it ever runs: every field
//! path exists in its scope ("did you mean"), functions exist with the right arguments,
//! and operands have the right types. A rule file with a typo fails loudly instead of
//! silently never firing.

use super::error::{RuleErrorKind, Type};
use super::syntax::{Ast, BinOp, Kind, Path, Program};
use crate::suggest::closest;
use serde_json::Value as Json;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
    Num,
    Str,
    Bool,
    Obj,
    List,
    Any,
}

impl Ty {
    fn name(self) -> Type {
        match self {
            Self::Num => Type::Number,
            Self::Str => Type::Text,
            Self::Bool => Type::Condition,
            Self::Obj => Type::Object,
            Self::List => Type::List,
            Self::Any => Type::Value,
        }
    }
}

/// A problem in a rule, at a byte offset of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleProblem {
    pub kind: RuleErrorKind,
    pub offset: usize,
}

struct Checker<'s> {
    root: &'s Json,
    problems: Vec<RuleProblem>,
}

fn deref<'s>(root: &'s Json, mut schema: &'s Json) -> &'s Json {
    for _ in 0..16 {
        match schema
            .get("$ref")
            .and_then(Json::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
        {
            Some(name) => match root.get("$defs").and_then(|d| d.get(name)) {
                Some(s) => schema = s,
                None => return schema,
            },
            None => return schema,
        }
    }
    schema
}

/// The alternatives of a schema (anyOf/oneOf branches other than `null`), dereferenced.
fn branches<'s>(root: &'s Json, schema: &'s Json) -> Vec<&'s Json> {
    let schema = deref(root, schema);
    let alts = schema
        .get("anyOf")
        .or_else(|| schema.get("oneOf"))
        .and_then(Json::as_array);
    match alts {
        Some(list) => list
            .iter()
            .map(|s| deref(root, s))
            .filter(|s| s.get("type").and_then(Json::as_str) != Some("null"))
            .collect(),
        None => vec![schema],
    }
}

fn ty_of(root: &Json, schema: &Json) -> Ty {
    let bs = branches(root, schema);
    // A figure: an integer or {value, qualifier}.
    let numeric = |s: &Json| {
        matches!(
            s.get("type").and_then(Json::as_str),
            Some("integer" | "number")
        ) || s.pointer("/properties/qualifier").is_some()
    };
    if !bs.is_empty() && bs.iter().all(|s| numeric(s)) {
        return Ty::Num;
    }
    match bs.first().and_then(|s| s.get("type")).and_then(|t| {
        t.as_str()
            .or_else(|| t.as_array().and_then(|a| a.first()).and_then(Json::as_str))
    }) {
        Some("string") => Ty::Str,
        Some("boolean") => Ty::Bool,
        Some("array") => Ty::List,
        Some("object") => Ty::Obj,
        Some("integer" | "number") => Ty::Num,
        _ => Ty::Any,
    }
}

fn child<'s>(root: &'s Json, schema: &'s Json, name: &str) -> Result<&'s Json, Vec<String>> {
    let mut known = Vec::new();
    for b in branches(root, schema) {
        let b = match b.get("items") {
            Some(items) if b.get("type").and_then(Json::as_str) == Some("array") => {
                deref(root, items)
            }
            _ => b,
        };
        for inner in branches(root, b) {
            if let Some(props) = inner.get("properties").and_then(Json::as_object) {
                if let Some(s) = props.get(name) {
                    return Ok(s);
                }
                known.extend(props.keys().cloned());
            }
        }
    }
    Err(known)
}

/// The schema of the value a JSON Pointer designates (array indices and `for each`
/// elements take the array's `items`).
fn at_pointer<'s>(root: &'s Json, pointer: &str) -> Option<&'s Json> {
    let mut schema = root;
    for token in pointer.split('/').skip(1) {
        let d = deref(root, schema);
        if token.parse::<usize>().is_ok() {
            schema = branches(root, d).into_iter().find_map(|b| b.get("items"))?;
        } else {
            schema = child(root, d, token).ok()?;
        }
    }
    Some(schema)
}

impl Checker<'_> {
    fn problem(&mut self, offset: usize, kind: RuleErrorKind) {
        self.problems.push(RuleProblem { kind, offset });
    }

    fn path(&mut self, scope: &Json, path: &Path, at: usize) -> (Ty, bool) {
        let mut schema = if path.from_root { self.root } else { scope };
        let mut through_array = false;
        for seg in &path.segments {
            let d = deref(self.root, schema);
            if branches(self.root, d)
                .iter()
                .any(|b| b.get("type").and_then(Json::as_str) == Some("array"))
            {
                through_array = true;
            }
            match child(self.root, d, seg) {
                Ok(s) => schema = s,
                Err(known) => {
                    let suggestion =
                        closest(seg, known.iter().map(String::as_str)).map(str::to_owned);
                    let within =
                        (path.segments.len() > 1 || path.from_root).then(|| path.to_string());
                    self.problem(
                        at,
                        RuleErrorKind::UnknownField {
                            field: seg.clone(),
                            path: within,
                            suggestion,
                        },
                    );
                    return (Ty::Any, through_array);
                }
            }
        }
        (ty_of(self.root, schema), through_array)
    }

    fn expect(&mut self, ast: &Ast, scope: &Json, want: Ty, context: &str) {
        let got = self.ty(ast, scope);
        if got != want && got != Ty::Any && want != Ty::Any {
            self.problem(
                ast.start,
                RuleErrorKind::Needs {
                    context: context.to_owned(),
                    want: want.name(),
                    got: got.name(),
                },
            );
        }
    }

    fn ty(&mut self, ast: &Ast, scope: &Json) -> Ty {
        match &ast.kind {
            Kind::Int(_) => Ty::Num,
            Kind::Str(_) => Ty::Str,
            Kind::Bool(_) => Ty::Bool,
            Kind::Path(p) => {
                let (ty, through_array) = self.path(scope, p, ast.start);
                if through_array {
                    self.problem(
                        ast.start,
                        RuleErrorKind::ListPath {
                            path: p.to_string(),
                        },
                    );
                }
                ty
            }
            Kind::Neg(inner) => {
                self.expect(inner, scope, Ty::Num, "`-`");
                Ty::Num
            }
            Kind::Not(inner) => {
                self.expect(inner, scope, Ty::Bool, "`not`");
                Ty::Bool
            }
            Kind::If(cond, then) => {
                self.expect(cond, scope, Ty::Bool, "`if`");
                self.expect(then, scope, Ty::Bool, "`then`");
                Ty::Bool
            }
            Kind::Binary(op, a, b) => match op {
                BinOp::And | BinOp::Or => {
                    self.expect(a, scope, Ty::Bool, op.symbol());
                    self.expect(b, scope, Ty::Bool, op.symbol());
                    Ty::Bool
                }
                BinOp::Add | BinOp::Sub | BinOp::Mul => {
                    self.expect(a, scope, Ty::Num, op.symbol());
                    self.expect(b, scope, Ty::Num, op.symbol());
                    Ty::Num
                }
                BinOp::Eq | BinOp::Ne => {
                    let (ta, tb) = (self.ty(a, scope), self.ty(b, scope));
                    if ta != tb && ta != Ty::Any && tb != Ty::Any {
                        self.problem(
                            ast.start,
                            RuleErrorKind::Compares {
                                op: op.symbol().to_owned(),
                                left: ta.name(),
                                right: tb.name(),
                            },
                        );
                    }
                    Ty::Bool
                }
                _ => {
                    self.expect(a, scope, Ty::Num, op.symbol());
                    self.expect(b, scope, Ty::Num, op.symbol());
                    Ty::Bool
                }
            },
            Kind::Call(name, args) => self.call(name, args, scope, ast.start),
        }
    }

    fn list_arg(&mut self, name: &str, args: &[Ast], scope: &Json, at: usize) {
        match args {
            [Ast {
                kind: Kind::Path(p),
                start,
                ..
            }] => {
                let _ = self.path(scope, p, *start);
            }
            _ => self.problem(
                at,
                RuleErrorKind::ListArgument {
                    function: name.to_owned(),
                },
            ),
        }
    }

    fn call(&mut self, name: &str, args: &[Ast], scope: &Json, at: usize) -> Ty {
        match name {
            "sum" | "min" | "max" | "count" => {
                self.list_arg(name, args, scope, at);
                Ty::Num
            }
            "distinct" | "descending" | "exists" => {
                self.list_arg(name, args, scope, at);
                Ty::Bool
            }
            "within" => {
                match args {
                    [year, Ast {
                        kind: Kind::Path(p),
                        start,
                        ..
                    }] => {
                        self.expect(year, scope, Ty::Num, "`within()`");
                        let (ty, _) = self.path(scope, p, *start);
                        if ty != Ty::Obj && ty != Ty::Any {
                            self.problem(
                                *start,
                                RuleErrorKind::WithinPeriod {
                                    path: p.to_string(),
                                    got: ty.name(),
                                },
                            );
                        }
                    }
                    _ => self.problem(at, RuleErrorKind::WithinArguments),
                }
                Ty::Bool
            }
            _ => {
                let known = [
                    "sum",
                    "count",
                    "min",
                    "max",
                    "distinct",
                    "descending",
                    "exists",
                    "within",
                ];
                let suggestion = closest(name, known.iter().copied()).map(str::to_owned);
                self.problem(
                    at,
                    RuleErrorKind::UnknownFunction {
                        name: name.to_owned(),
                        suggestion,
                    },
                );
                Ty::Any
            }
        }
    }
}

/// Checks a parsed rule against the report schema.
#[must_use]
pub fn check(program: &Program, schema: &Json) -> Vec<RuleProblem> {
    let mut c = Checker {
        root: schema,
        problems: Vec::new(),
    };
    let scope_pointer = program.scope.as_deref().unwrap_or("");
    let Some(scope) = at_pointer(schema, scope_pointer) else {
        return vec![RuleProblem {
            kind: RuleErrorKind::UnknownScope {
                scope: scope_pointer.to_owned(),
            },
            offset: 0,
        }];
    };
    // `for each` over an array checks paths against its elements.
    let d = deref(schema, scope);
    let element = branches(schema, d)
        .into_iter()
        .find_map(|b| b.get("items"))
        .unwrap_or(scope);
    let ty = c.ty(&program.body, element);
    if ty != Ty::Bool && ty != Ty::Any {
        c.problem(
            program.body.start,
            RuleErrorKind::NotACondition { got: ty.name() },
        );
    }
    c.problems
}
