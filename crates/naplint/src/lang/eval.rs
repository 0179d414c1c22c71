//! Evaluating a rule over the spanned document.
//!
//! Figures are intervals, so every comparison asks whether it *can* hold for some values
//! inside the intervals; a missing field makes the rule unknown for that element (it does
//! not fire). Evaluation is total: no loops or recursion in the language, and every step
//! is counted against a budget shared by all rules of a document.

use super::syntax::{Ast, BinOp, Kind, Path};
use crate::i18n::{number, qualifier_label, Lang, Text};
use crate::model::{date_bounds, Day};
use crate::source::{Node, Pointer, Value};
use std::borrow::Cow;

// The words of explanations, in both languages.
crate::texts! {
    TERM = "{name} {value} (line {line})" / "{name} {value} (ligne {line})";
    SUM = "{text} = {value}" / "{text} = {value}";
    BUT = "{lhs}, but {rhs}: off by {gap}" / "{lhs}, mais {rhs} : écart de {gap}";
    BUT_TERM = "{name} is {value} (line {line})" / "{name} vaut {value} (ligne {line})";
    EQUALS = "{lhs} equals {rhs}" / "{lhs} est égal à {rhs}";
    EXCEEDS = "{lhs} exceeds {rhs} by {gap}" / "{lhs} dépasse {rhs} de {gap}";
    NOT_LESS = "{lhs} is not less than {rhs}" / "{lhs} n'est pas inférieur à {rhs}";
    NOT_GREATER = "{lhs} is not greater than {rhs}" / "{lhs} n'est pas supérieur à {rhs}";
    HOLDS = "`{expr}` holds" / "`{expr}` est vrai";
    IS_FALSE = "`{name}` is false" / "`{name}` est faux";
    MISSING = "`{expr}` is missing" / "`{expr}` est absent";
    TWICE = "`{value}` is listed twice (first at line {line})" / "`{value}` figure deux fois (d'abord à la ligne {line})";
    ORDER = "{next} (line {line}) is listed after {prev}, out of descending order" / "{next} (ligne {line}) figure après {prev}, hors de l'ordre décroissant";
    NOT_WITHIN = "{year} is not within the period" / "{year} n'est pas comprise dans la période";
    AND_ALSO = "{a}; and {b}" / "{a}; et {b}";
    STR_IS = "`{expr}` is `{value}`" / "`{expr}` vaut `{value}`";
    // The same without line numbers, for forms (`Config::lines` off).
    TERM_BARE = "{name} {value}" / "{name} {value}";
    BUT_TERM_BARE = "{name} is {value}" / "{name} vaut {value}";
    TWICE_BARE = "`{value}` is listed twice" / "`{value}` figure deux fois";
    ORDER_BARE = "{next} is listed after {prev}, out of descending order" / "{next} figure après {prev}, hors de l'ordre décroissant";
}

/// `with` and a `line` argument when there is a line to cite, else `without`.
fn cite(
    lang: Lang,
    with: Text,
    without: Text,
    args: &[(&str, &str)],
    line: Option<usize>,
) -> String {
    match line {
        Some(line) => {
            let line = line.to_string();
            let mut all = args.to_vec();
            all.push(("line", &line));
            with.render(lang, &all)
        }
        None => without.render(lang, args),
    }
}

/// Steps all rules together may take on one document.
pub const STEP_BUDGET: u64 = 20_000_000;

/// Bound standing for "unbounded" in intervals (`over 100` is [101, INF]).
const INF: i128 = 1_000_000_000_000_000_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Iv {
    pub lo: i128,
    pub hi: i128,
}

fn clamp(v: i128) -> i128 {
    v.clamp(-INF, INF)
}

impl Iv {
    fn exact(v: i128) -> Self {
        Self { lo: v, hi: v }
    }
    fn add(self, o: Self) -> Self {
        Self {
            lo: clamp(self.lo.saturating_add(o.lo)),
            hi: clamp(self.hi.saturating_add(o.hi)),
        }
    }
    fn sub(self, o: Self) -> Self {
        Self {
            lo: clamp(self.lo.saturating_sub(o.hi)),
            hi: clamp(self.hi.saturating_sub(o.lo)),
        }
    }
    fn mul(self, o: Self) -> Self {
        let p = [
            self.lo.saturating_mul(o.lo),
            self.lo.saturating_mul(o.hi),
            self.hi.saturating_mul(o.lo),
            self.hi.saturating_mul(o.hi),
        ];
        Self {
            lo: clamp(p.iter().copied().min().unwrap_or(0)),
            hi: clamp(p.iter().copied().max().unwrap_or(0)),
        }
    }
    fn gap(self, o: Self) -> i128 {
        if self.hi < o.lo {
            o.lo - self.hi
        } else {
            self.lo.saturating_sub(o.hi).max(0)
        }
    }
}

/// Three-valued truth: a rule fires only on `False`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    True,
    False,
    Unknown,
}

/// A named figure the message can cite: `male 28 (line 41)`.
#[derive(Debug, Clone)]
struct Term {
    name: String,
    shown: String,
    line: Option<usize>,
}

#[derive(Debug, Clone)]
struct Num {
    iv: Iv,
    printed: i128,
    text: String,
    term: Option<Term>,
    pointer: Option<Pointer>,
    /// The figures this value was computed from.
    terms: Vec<Pointer>,
}

impl Num {
    fn full(&self, lang: Lang) -> String {
        if self.term.is_some() || !self.text.contains(' ') {
            self.text.clone()
        } else {
            SUM.render(
                lang,
                &[("text", &self.text), ("value", &number(self.printed, lang))],
            )
        }
    }
}

/// The outcome of a condition, with the explanation and place of a failure.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub truth: Tri,
    pub explanation: String,
    pub pointer: Option<Pointer>,
    /// Every figure the failing comparison involved, so a form can mark each field.
    pub related: Vec<Pointer>,
}

impl Verdict {
    /// A verdict with nothing to explain: one that holds, or an unknown one.
    fn plain(truth: Tri) -> Self {
        Self::explained(truth, String::new(), None)
    }

    /// A verdict that reads `explanation` (at `pointer`) when it fails.
    fn explained(truth: Tri, explanation: String, pointer: Option<Pointer>) -> Self {
        Self {
            truth,
            explanation,
            pointer,
            related: Vec::new(),
        }
    }
}

#[derive(Debug, Clone)]
enum Val<'n> {
    Num(Num),
    Str(Cow<'n, str>),
    Bool(Verdict),
    /// Nodes that are no single value (a list, an object): no operator takes them.
    Nodes,
    Missing,
}

/// What a path reaches in the tree.
enum Reached<'n> {
    /// Nothing: a member on the way is missing.
    Missing,
    /// One node, through objects only.
    One(&'n Node, Pointer),
    /// The nodes reached through arrays (possibly none).
    Many(Vec<(&'n Node, Pointer)>),
}

/// Where the rule is evaluated and what it may consult.
pub struct Env<'n> {
    pub root: &'n Node,
    pub element: &'n Node,
    pub pointer: Pointer,
    pub tolerance: f64,
    pub lang: Lang,
    /// The line a pointer designates, or `None` when messages leave lines out.
    pub line_of: &'n dyn Fn(&Pointer) -> Option<usize>,
    pub source: &'n str,
}

/// The budget ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfBudget;

pub struct Evaluator<'e, 'n> {
    env: &'e Env<'n>,
    steps: &'e mut u64,
    /// Whether to word explanations. Most elements pass, and wording what passed (texts,
    /// numbers, line lookups) was most of the evaluation's cost, so a check first runs
    /// without words and runs again with them only for an element that fails.
    explain: bool,
}

/// The interval of a figure node: an integer, or `{value, qualifier}`.
/// Its words (`approximately 40`) only when `explain`. Not inlined: its callers are many.
#[inline(never)]
fn figure(node: &Node, tolerance: f64, lang: Lang, explain: bool) -> Option<(Iv, i128, String)> {
    let say = |words: &dyn Fn() -> String| if explain { words() } else { String::new() };
    match &node.value {
        // Counts are never negative; a negative one is the schema's error, not a sum's.
        Value::Number(n) => {
            let v = i128::from(n.as_u64()?);
            Some((Iv::exact(v), v, say(&|| number(v, lang))))
        }
        Value::Object(_) => {
            let v = match &node.get("value")?.value {
                Value::Number(n) => i128::from(n.as_u64()?),
                _ => return None,
            };
            let q = node.get("qualifier")?.as_str()?;
            #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
            let delta = ((v as f64) * tolerance.max(0.0)).ceil() as i128;
            let iv = match q {
                "approximately" => Iv {
                    lo: v - delta,
                    hi: v + delta,
                },
                "over" => Iv { lo: v + 1, hi: INF },
                "at_least" => Iv { lo: v, hi: INF },
                "up_to" => Iv { lo: 0, hi: v },
                "under" => Iv { lo: 0, hi: v - 1 },
                _ => return None,
            };
            Some((
                iv,
                v,
                say(&|| format!("{} {}", qualifier_label(q, lang), number(v, lang))),
            ))
        }
        _ => None,
    }
}

fn day_number((y, m, d): Day) -> u32 {
    u32::from(y) * 10_000 + u32::from(m) * 100 + u32::from(d)
}

impl<'e, 'n> Evaluator<'e, 'n> {
    /// An evaluator that only decides: verdicts carry no explanation, terms or lines.
    pub fn new(env: &'e Env<'n>, steps: &'e mut u64) -> Self {
        Self {
            env,
            steps,
            explain: false,
        }
    }

    /// An evaluator that words every verdict; the same truth as [`Evaluator::new`]'s.
    pub fn explaining(env: &'e Env<'n>, steps: &'e mut u64) -> Self {
        Self {
            env,
            steps,
            explain: true,
        }
    }

    /// The words of a verdict. [`Self::eval`] and what it calls run only to explain (an
    /// element is decided by [`Self::decide`]), so they always word what they find.
    #[allow(clippy::unused_self)]
    fn say(&self, words: impl FnOnce() -> String) -> String {
        words()
    }

    /// The line to cite for `ptr`.
    fn line(&self, ptr: &Pointer) -> Option<usize> {
        (self.env.line_of)(ptr)
    }

    /// The figures a value was computed from (the finding's `related`).
    #[allow(clippy::unused_self)]
    fn terms<'p>(&self, pointers: impl Iterator<Item = &'p Pointer>) -> Vec<Pointer> {
        pointers.cloned().collect()
    }

    fn tick(&mut self, n: u64) -> Result<(), OutOfBudget> {
        *self.steps = self.steps.saturating_add(n);
        if *self.steps > STEP_BUDGET {
            Err(OutOfBudget)
        } else {
            Ok(())
        }
    }

    fn text(&self, ast: &Ast) -> String {
        self.say(|| {
            self.env
                .source
                .get(ast.start..ast.end)
                .unwrap_or_default()
                .to_owned()
        })
    }

    /// `ptr` extended by `key`, built only when explaining: deciding needs no places.
    fn key(&self, ptr: &Pointer, key: &str) -> Pointer {
        if self.explain {
            ptr.key(key)
        } else {
            Pointer::root()
        }
    }

    /// `ptr` extended by an array index, built only when explaining.
    fn index(&self, ptr: &Pointer, index: usize) -> Pointer {
        if self.explain {
            ptr.index(index)
        } else {
            Pointer::root()
        }
    }

    /// The nodes a path reaches: one, several (through arrays), or none.
    fn reach(&mut self, path: &Path) -> Result<Reached<'n>, OutOfBudget> {
        let (mut node, mut ptr) = if path.from_root {
            (self.env.root, Pointer::root())
        } else {
            let ptr = if self.explain {
                self.env.pointer.clone()
            } else {
                Pointer::root()
            };
            (self.env.element, ptr)
        };
        // The usual path: members of objects all the way down, walked without a list.
        for (walked, seg) in path.segments.iter().enumerate() {
            match &node.value {
                Value::Array(_) => {
                    let rest = path.segments.get(walked..).unwrap_or_default();
                    return self.reach_lists(node, ptr, rest).map(Reached::Many);
                }
                Value::Object(_) => {
                    self.tick(1)?;
                    let Some(child) = node.get(seg) else {
                        return Ok(Reached::Missing);
                    };
                    ptr = self.key(&ptr, seg);
                    node = child;
                }
                _ => {
                    self.tick(1)?;
                    return Ok(Reached::Missing);
                }
            }
        }
        Ok(Reached::One(node, ptr))
    }

    /// The rest of a path from an array on: each element's member, and so on.
    fn reach_lists(
        &mut self,
        start: &'n Node,
        ptr: Pointer,
        segments: &[String],
    ) -> Result<Vec<(&'n Node, Pointer)>, OutOfBudget> {
        let mut current = vec![(start, ptr)];
        for seg in segments {
            let mut next = Vec::new();
            for (node, ptr) in current {
                self.tick(1)?;
                match &node.value {
                    Value::Object(_) => {
                        if let Some(child) = node.get(seg) {
                            next.push((child, self.key(&ptr, seg)));
                        }
                    }
                    Value::Array(items) => {
                        self.tick(items.len() as u64)?;
                        for (i, item) in items.iter().enumerate() {
                            if let Some(child) = item.get(seg) {
                                let at = self.index(&ptr, i);
                                next.push((child, self.key(&at, seg)));
                            }
                        }
                    }
                    _ => {}
                }
            }
            current = next;
        }
        Ok(current)
    }

    /// Resolves a path to its value: a figure, a text, a condition, nodes, or missing.
    fn resolve(&mut self, path: &Path) -> Result<Val<'n>, OutOfBudget> {
        Ok(match self.reach(path)? {
            Reached::Missing => Val::Missing,
            Reached::One(node, ptr) => {
                // `$.statistics.trp.cumulative.recipients` reads as `recipients` in messages.
                let name = self.say(|| match (path.from_root, path.segments.as_slice()) {
                    (true, [.., last]) | (false, [last]) => last.clone(),
                    _ => path.to_string(),
                });
                self.scalar(node, ptr, &name)
            }
            Reached::Many(_) => Val::Nodes,
        })
    }

    /// `name value`, with the line when there is one to cite.
    fn term(&self, name: &str, value: &str, line: Option<usize>) -> String {
        self.say(|| {
            cite(
                self.env.lang,
                TERM,
                TERM_BARE,
                &[("name", name), ("value", value)],
                line,
            )
        })
    }

    fn scalar(&self, node: &'n Node, ptr: Pointer, name: &str) -> Val<'n> {
        if let Some((iv, printed, shown)) =
            figure(node, self.env.tolerance, self.env.lang, self.explain)
        {
            let line = self.line(&ptr);
            return Val::Num(Num {
                iv,
                printed,
                text: self.term(name, &shown, line),
                term: Some(Term {
                    name: name.to_owned(),
                    shown,
                    line,
                }),
                terms: self.terms(std::iter::once(&ptr)),
                pointer: Some(ptr),
            });
        }
        match &node.value {
            Value::String(s) => Val::Str(Cow::Borrowed(s)),
            Value::Bool(b) => Val::Bool(Verdict::explained(
                if *b { Tri::True } else { Tri::False },
                self.say(|| IS_FALSE.render(self.env.lang, &[("name", name)])),
                Some(ptr),
            )),
            Value::Null => Val::Missing,
            _ => Val::Nodes,
        }
    }

    fn eval(&mut self, ast: &Ast) -> Result<Val<'n>, OutOfBudget> {
        self.tick(1)?;
        Ok(match &ast.kind {
            Kind::Int(v) => Val::Num(Num {
                iv: Iv::exact(*v),
                printed: *v,
                text: self.say(|| v.to_string()),
                term: None,
                pointer: None,
                terms: Vec::new(),
            }),
            Kind::Str(s) => Val::Str(Cow::Owned(s.clone())),
            Kind::Bool(b) => Val::Bool(Verdict::explained(
                if *b { Tri::True } else { Tri::False },
                self.say(|| "`false`".to_owned()),
                None,
            )),
            Kind::Path(p) => self.resolve(p)?,
            Kind::Neg(inner) => match self.eval(inner)? {
                Val::Num(n) => Val::Num(Num {
                    iv: Iv {
                        lo: -n.iv.hi,
                        hi: -n.iv.lo,
                    },
                    printed: -n.printed,
                    text: self.say(|| format!("-{}", n.text)),
                    term: None,
                    pointer: n.pointer,
                    terms: n.terms,
                }),
                _ => Val::Missing,
            },
            Kind::Not(inner) => {
                let v = self.condition(inner)?;
                let truth = match v.truth {
                    Tri::True => Tri::False,
                    Tri::False => Tri::True,
                    Tri::Unknown => Tri::Unknown,
                };
                Val::Bool(Verdict::explained(
                    truth,
                    self.say(|| HOLDS.render(self.env.lang, &[("expr", &self.text(inner))])),
                    v.pointer,
                ))
            }
            Kind::If(cond, then) => {
                let c = self.condition(cond)?;
                if c.truth == Tri::True {
                    Val::Bool(self.condition(then)?)
                } else {
                    Val::Bool(Verdict::plain(Tri::True))
                }
            }
            Kind::Binary(op, lhs, rhs) => self.binary(*op, lhs, rhs)?,
            Kind::Call(name, args) => self.call(name, args, ast)?,
        })
    }

    /// Evaluates a condition; anything not boolean is unknown.
    pub fn condition(&mut self, ast: &Ast) -> Result<Verdict, OutOfBudget> {
        Ok(match self.eval(ast)? {
            Val::Bool(v) => v,
            _ => Verdict::plain(Tri::Unknown),
        })
    }

    fn binary(&mut self, op: BinOp, lhs: &Ast, rhs: &Ast) -> Result<Val<'n>, OutOfBudget> {
        if matches!(op, BinOp::And | BinOp::Or) {
            let a = self.condition(lhs)?;
            // Short-circuit like the reader would: a failed conjunct is the explanation.
            if op == BinOp::And && a.truth == Tri::False {
                return Ok(Val::Bool(a));
            }
            if op == BinOp::Or && a.truth == Tri::True {
                return Ok(Val::Bool(a));
            }
            let b = self.condition(rhs)?;
            let truth = match (op, a.truth, b.truth) {
                (BinOp::And, _, Tri::False) => return Ok(Val::Bool(b)),
                (BinOp::And, Tri::True, Tri::True) | (BinOp::Or, _, Tri::True) => Tri::True,
                (BinOp::Or, Tri::False, Tri::False) => {
                    return Ok(Val::Bool(Verdict::explained(
                        Tri::False,
                        self.say(|| {
                            AND_ALSO.render(
                                self.env.lang,
                                &[("a", &a.explanation), ("b", &b.explanation)],
                            )
                        }),
                        a.pointer,
                    )));
                }
                _ => Tri::Unknown,
            };
            return Ok(Val::Bool(Verdict::plain(truth)));
        }
        let a = self.eval(lhs)?;
        let b = self.eval(rhs)?;
        Ok(match (a, b) {
            (Val::Num(a), Val::Num(b)) => match op {
                BinOp::Add | BinOp::Sub | BinOp::Mul => {
                    let (iv, printed) = match op {
                        BinOp::Add => (a.iv.add(b.iv), a.printed.saturating_add(b.printed)),
                        BinOp::Sub => (a.iv.sub(b.iv), a.printed.saturating_sub(b.printed)),
                        _ => (a.iv.mul(b.iv), a.printed.saturating_mul(b.printed)),
                    };
                    let text = self.say(|| {
                        let wrap = matches!(op, BinOp::Mul);
                        let mut text = String::with_capacity(a.text.len() + b.text.len() + 8);
                        for (n, ast, gap) in [(&a, lhs, ""), (&b, rhs, op.symbol())] {
                            if !gap.is_empty() {
                                text.push(' ');
                                text.push_str(gap);
                                text.push(' ');
                            }
                            let paren = wrap && matches!(ast.kind, Kind::Binary(..));
                            if paren {
                                text.push('(');
                            }
                            text.push_str(&n.text);
                            if paren {
                                text.push(')');
                            }
                        }
                        text
                    });
                    let mut terms = a.terms;
                    terms.extend(b.terms);
                    Val::Num(Num {
                        iv,
                        printed,
                        text,
                        term: None,
                        terms,
                        pointer: a.pointer.or(b.pointer),
                    })
                }
                _ => Val::Bool(compare(op, a, b, self.env.lang, self.explain)),
            },
            (Val::Str(a), Val::Str(b)) if matches!(op, BinOp::Eq | BinOp::Ne) => {
                let equal = a == b;
                let truth = if equal == (op == BinOp::Eq) {
                    Tri::True
                } else {
                    Tri::False
                };
                let explanation = self.say(|| {
                    STR_IS.render(self.env.lang, &[("expr", &self.text(lhs)), ("value", &a)])
                });
                Val::Bool(Verdict::explained(truth, explanation, None))
            }
            (Val::Missing, _) | (_, Val::Missing) => Val::Bool(Verdict::plain(Tri::Unknown)),
            _ => Val::Missing,
        })
    }

    fn nodes_of(
        &mut self,
        ast: Option<&Ast>,
    ) -> Result<Option<Vec<(&'n Node, Pointer)>>, OutOfBudget> {
        let Some(Ast {
            kind: Kind::Path(p),
            ..
        }) = ast
        else {
            return Ok(None);
        };
        Ok(match self.reach(p)? {
            Reached::Many(nodes) => Some(
                nodes
                    .into_iter()
                    .flat_map(|(n, ptr)| self.expand(n, ptr))
                    .collect(),
            ),
            Reached::One(node, ptr) => match &node.value {
                Value::String(_) | Value::Bool(_) => None,
                Value::Null => Some(Vec::new()),
                _ => Some(self.expand(node, ptr)),
            },
            Reached::Missing => Some(Vec::new()),
        })
    }

    /// A node that is an array stands for its elements.
    fn expand(&self, node: &'n Node, ptr: Pointer) -> Vec<(&'n Node, Pointer)> {
        match &node.value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, n)| (n, self.index(&ptr, i)))
                .collect(),
            _ => vec![(node, ptr)],
        }
    }

    fn call(&mut self, name: &str, args: &[Ast], call: &Ast) -> Result<Val<'n>, OutOfBudget> {
        let label = self.text(call);
        match name {
            "sum" | "min" | "max" | "count" => {
                let Some(nodes) = self.nodes_of(args.first())? else {
                    return Ok(Val::Missing);
                };
                self.tick(nodes.len() as u64)?;
                let ptr = nodes
                    .first()
                    .filter(|_| self.explain)
                    .map(|(_, p)| list_pointer(p));
                let line = ptr.as_ref().and_then(|p| self.line(p));
                if name == "count" {
                    let n = i128::try_from(nodes.len()).unwrap_or(INF);
                    return Ok(Val::Num(Num {
                        iv: Iv::exact(n),
                        printed: n,
                        text: self.term(&label, &self.say(|| number(n, self.env.lang)), line),
                        term: Some(Term {
                            name: label.clone(),
                            shown: self.say(|| number(n, self.env.lang)),
                            line,
                        }),
                        pointer: ptr,
                        terms: self.terms(nodes.iter().map(|(_, p)| p)),
                    }));
                }
                let Some((iv, printed)) = aggregate(name, &nodes, self.env.tolerance) else {
                    return Ok(Val::Missing);
                };
                Ok(Val::Num(Num {
                    iv,
                    printed,
                    text: self.term(&label, &self.say(|| number(printed, self.env.lang)), line),
                    term: Some(Term {
                        name: label.clone(),
                        shown: self.say(|| number(printed, self.env.lang)),
                        line,
                    }),
                    pointer: ptr,
                    terms: self.terms(nodes.iter().map(|(_, p)| p)),
                }))
            }
            "exists" => {
                let present = match args.first().map(|a| &a.kind) {
                    Some(Kind::Path(p)) => match self.reach(p)? {
                        Reached::Missing => false,
                        Reached::One(node, _) => !matches!(node.value, Value::Null),
                        Reached::Many(_) => true,
                    },
                    _ => false,
                };
                Ok(Val::Bool(Verdict::explained(
                    if present { Tri::True } else { Tri::False },
                    self.say(|| {
                        MISSING.render(
                            self.env.lang,
                            &[(
                                "expr",
                                &args.first().map(|a| self.text(a)).unwrap_or_default(),
                            )],
                        )
                    }),
                    None,
                )))
            }
            "distinct" => {
                let Some(nodes) = self.nodes_of(args.first())? else {
                    return Ok(Val::Missing);
                };
                self.tick((nodes.len() as u64).saturating_mul(nodes.len() as u64) / 8 + 1)?;
                for (i, (node, ptr)) in nodes.iter().enumerate() {
                    if let Some((_, first)) = nodes
                        .iter()
                        .take(i)
                        .find(|(other, _)| other.value == node.value)
                    {
                        let explanation = self.say(|| {
                            let shown = node
                                .as_str()
                                .map_or_else(|| node.to_json().to_string(), str::to_owned);
                            cite(
                                self.env.lang,
                                TWICE,
                                TWICE_BARE,
                                &[("value", &shown)],
                                (self.env.line_of)(first),
                            )
                        });
                        return Ok(Val::Bool(Verdict::explained(
                            Tri::False,
                            explanation,
                            Some(ptr.clone()),
                        )));
                    }
                }
                Ok(Val::Bool(Verdict::plain(Tri::True)))
            }
            "descending" => {
                let Some(nodes) = self.nodes_of(args.first())? else {
                    return Ok(Val::Missing);
                };
                self.tick(nodes.len() as u64)?;
                let figs: Vec<_> = nodes
                    .iter()
                    .filter_map(|(n, p)| {
                        figure(n, self.env.tolerance, self.env.lang, self.explain).map(|f| (f, p))
                    })
                    .collect();
                for pair in figs.windows(2) {
                    if let [((prev, _, pv), _), ((next, _, nv), ptr)] = pair {
                        if prev.hi < next.lo {
                            let ptr: &Pointer = ptr;
                            return Ok(Val::Bool(Verdict::explained(
                                Tri::False,
                                self.say(|| {
                                    cite(
                                        self.env.lang,
                                        ORDER,
                                        ORDER_BARE,
                                        &[("next", nv), ("prev", pv)],
                                        (self.env.line_of)(ptr),
                                    )
                                }),
                                Some(parent(ptr)),
                            )));
                        }
                    }
                }
                Ok(Val::Bool(Verdict::plain(Tri::True)))
            }
            "within" => {
                let year = match args.first().map(|a| self.eval(a)).transpose()? {
                    Some(Val::Num(n)) if n.iv.lo == n.iv.hi => n.iv.lo,
                    _ => return Ok(Val::Bool(Verdict::plain(Tri::Unknown))),
                };
                let Some(Some(period)) = self.nodes_of(args.get(1))?.map(|n| n.into_iter().next())
                else {
                    return Ok(Val::Bool(Verdict::plain(Tri::Unknown)));
                };
                let inside = within(year, period.0);
                if inside == Tri::Unknown {
                    return Ok(Val::Bool(Verdict::plain(Tri::Unknown)));
                }
                Ok(Val::Bool(Verdict::explained(
                    inside,
                    self.say(|| NOT_WITHIN.render(self.env.lang, &[("year", &year.to_string())])),
                    None,
                )))
            }
            _ => Ok(Val::Missing),
        }
    }
}

/// Whether the calendar year `year` lies within the `period` (`{start, end}`); unknown
/// when either date is missing or unreadable.
fn within(year: i128, period: &Node) -> Tri {
    let bounds = |key: &str| period.get(key).and_then(Node::as_str).and_then(date_bounds);
    let (Some((from, _)), Some((_, to)), Ok(y)) =
        (bounds("start"), bounds("end"), u16::try_from(year))
    else {
        return Tri::Unknown;
    };
    truth(day_number((y, 1, 1)) >= day_number(from) && day_number((y, 12, 31)) <= day_number(to))
}

fn truth(holds: bool) -> Tri {
    if holds {
        Tri::True
    } else {
        Tri::False
    }
}

/// A value as deciding sees it: no words and no places, so that evaluating an element
/// that passes (most do) copies a few bytes per node rather than a worded value.
enum Fact<'a> {
    Num(Iv),
    Str(Cow<'a, str>),
    Bool(Tri),
    /// Missing, a list or an object: no operator takes it, and a condition of it is
    /// unknown (as [`Val::Missing`] and [`Val::Nodes`] are to [`Evaluator::eval`]).
    Other,
}

/// Deciding: the truth [`Evaluator::condition`] finds, with the same steps, without words.
impl<'n> Evaluator<'_, 'n> {
    /// The truth of a condition; anything not boolean is unknown.
    pub fn decide<'a>(&mut self, ast: &'a Ast) -> Result<Tri, OutOfBudget>
    where
        'n: 'a,
    {
        Ok(match self.fact(ast)? {
            Fact::Bool(t) => t,
            _ => Tri::Unknown,
        })
    }

    fn fact<'a>(&mut self, ast: &'a Ast) -> Result<Fact<'a>, OutOfBudget>
    where
        'n: 'a,
    {
        self.tick(1)?;
        Ok(match &ast.kind {
            Kind::Int(v) => Fact::Num(Iv::exact(*v)),
            Kind::Str(s) => Fact::Str(Cow::Borrowed(s)),
            Kind::Bool(b) => Fact::Bool(truth(*b)),
            Kind::Path(p) => match self.reach(p)? {
                Reached::One(node, _) => {
                    match (
                        figure(node, self.env.tolerance, self.env.lang, false),
                        &node.value,
                    ) {
                        (Some((iv, _, _)), _) => Fact::Num(iv),
                        (None, Value::String(s)) => Fact::Str(Cow::Borrowed(s)),
                        (None, Value::Bool(b)) => Fact::Bool(truth(*b)),
                        _ => Fact::Other,
                    }
                }
                _ => Fact::Other,
            },
            Kind::Neg(inner) => match self.fact(inner)? {
                Fact::Num(iv) => Fact::Num(Iv {
                    lo: -iv.hi,
                    hi: -iv.lo,
                }),
                _ => Fact::Other,
            },
            Kind::Not(inner) => Fact::Bool(match self.decide(inner)? {
                Tri::True => Tri::False,
                Tri::False => Tri::True,
                Tri::Unknown => Tri::Unknown,
            }),
            Kind::If(cond, then) => Fact::Bool(if self.decide(cond)? == Tri::True {
                self.decide(then)?
            } else {
                Tri::True
            }),
            Kind::Binary(op @ (BinOp::And | BinOp::Or), lhs, rhs) => {
                let a = self.decide(lhs)?;
                let (stop, keep) = if *op == BinOp::And {
                    (Tri::False, Tri::True)
                } else {
                    (Tri::True, Tri::False)
                };
                if a == stop {
                    return Ok(Fact::Bool(a));
                }
                let b = self.decide(rhs)?;
                Fact::Bool(if b == stop {
                    stop
                } else if a == keep && b == keep {
                    keep
                } else {
                    Tri::Unknown
                })
            }
            Kind::Binary(op, lhs, rhs) => match (self.fact(lhs)?, self.fact(rhs)?) {
                (Fact::Num(x), Fact::Num(y)) => match op {
                    BinOp::Add => Fact::Num(x.add(y)),
                    BinOp::Sub => Fact::Num(x.sub(y)),
                    BinOp::Mul => Fact::Num(x.mul(y)),
                    _ => Fact::Bool(truth(holds(*op, x, y))),
                },
                (Fact::Str(a), Fact::Str(b)) if matches!(op, BinOp::Eq | BinOp::Ne) => {
                    Fact::Bool(truth((a == b) == (*op == BinOp::Eq)))
                }
                _ => Fact::Bool(Tri::Unknown),
            },
            Kind::Call(name, args) => self.fact_of_call(name, args)?,
        })
    }

    fn fact_of_call<'a>(&mut self, name: &str, args: &'a [Ast]) -> Result<Fact<'a>, OutOfBudget>
    where
        'n: 'a,
    {
        if let (
            "exists",
            Some(Ast {
                kind: Kind::Path(p),
                ..
            }),
        ) = (name, args.first())
        {
            return Ok(Fact::Bool(truth(match self.reach(p)? {
                Reached::Missing => false,
                Reached::One(node, _) => !matches!(node.value, Value::Null),
                Reached::Many(_) => true,
            })));
        }
        if name == "within" {
            let year = match args.first().map(|a| self.fact(a)).transpose()? {
                Some(Fact::Num(iv)) if iv.lo == iv.hi => iv.lo,
                _ => return Ok(Fact::Bool(Tri::Unknown)),
            };
            let period = self
                .nodes_of(args.get(1))?
                .and_then(|n| n.into_iter().next());
            return Ok(Fact::Bool(
                period.map_or(Tri::Unknown, |(p, _)| within(year, p)),
            ));
        }
        match name {
            // `exists` of anything but a path.
            "exists" => return Ok(Fact::Bool(Tri::False)),
            "sum" | "min" | "max" | "count" | "distinct" | "descending" => {}
            _ => return Ok(Fact::Other),
        }
        let Some(nodes) = self.nodes_of(args.first())? else {
            return Ok(Fact::Other);
        };
        let n = nodes.len() as u64;
        Ok(match name {
            "count" => {
                self.tick(n)?;
                Fact::Num(Iv::exact(i128::try_from(nodes.len()).unwrap_or(INF)))
            }
            "distinct" => {
                self.tick(n.saturating_mul(n) / 8 + 1)?;
                let twice = nodes.iter().enumerate().any(|(i, (node, _))| {
                    nodes
                        .iter()
                        .take(i)
                        .any(|(other, _)| other.value == node.value)
                });
                Fact::Bool(truth(!twice))
            }
            "descending" => {
                self.tick(n)?;
                let mut prev: Option<Iv> = None;
                let mut rises = false;
                for (node, _) in &nodes {
                    if let Some((next, _, _)) =
                        figure(node, self.env.tolerance, self.env.lang, false)
                    {
                        rises |= prev.is_some_and(|p| p.hi < next.lo);
                        prev = Some(next);
                    }
                }
                Fact::Bool(truth(!rises))
            }
            _ => {
                self.tick(n)?;
                aggregate(name, &nodes, self.env.tolerance)
                    .map_or(Fact::Other, |(iv, _)| Fact::Num(iv))
            }
        })
    }
}

/// The `sum`, `min` or `max` (`name`) of the figures among `nodes`, and of the values
/// printed; `None` when there are none.
fn aggregate(name: &str, nodes: &[(&Node, Pointer)], tolerance: f64) -> Option<(Iv, i128)> {
    let (sum, min) = (name == "sum", name == "min");
    let mut total: Option<(Iv, i128)> = None;
    for (node, _) in nodes {
        // The figures' own words are not part of the total's: none are made.
        let Some((iv, v, _)) = figure(node, tolerance, Lang::En, false) else {
            continue;
        };
        total = Some(match total {
            None => (iv, v),
            Some((acc, p)) if sum => (acc.add(iv), p.saturating_add(v)),
            Some((acc, p)) if min => (
                Iv {
                    lo: acc.lo.min(iv.lo),
                    hi: acc.hi.min(iv.hi),
                },
                p.min(v),
            ),
            Some((acc, p)) => (
                Iv {
                    lo: acc.lo.max(iv.lo),
                    hi: acc.hi.max(iv.hi),
                },
                p.max(v),
            ),
        });
    }
    total
}

/// The array a path through an array came from: `/a/list/3/count` → `/a/list`.
fn list_pointer(ptr: &Pointer) -> Pointer {
    let tokens: Vec<String> = ptr.tokens().collect();
    let cut = tokens
        .iter()
        .rposition(|t| t.parse::<usize>().is_ok())
        .unwrap_or(tokens.len());
    tokens
        .iter()
        .take(cut)
        .fold(Pointer::root(), |p, t| p.key(t))
}

fn parent(ptr: &Pointer) -> Pointer {
    let s = ptr.as_str();
    Pointer::parse(s.rsplit_once('/').map_or("", |(head, _)| head))
}

/// Whether the comparison `op` can hold for some values inside the intervals.
fn holds(op: BinOp, x: Iv, y: Iv) -> bool {
    match op {
        BinOp::Eq => x.lo <= y.hi && y.lo <= x.hi,
        BinOp::Ne => !(x.lo == x.hi && y.lo == y.hi && x.lo == y.lo),
        BinOp::Lt => x.lo < y.hi,
        BinOp::Le => x.lo <= y.hi,
        BinOp::Gt => x.hi > y.lo,
        _ => x.hi >= y.lo,
    }
}

fn compare(op: BinOp, a: Num, b: Num, lang: Lang, explain: bool) -> Verdict {
    let (x, y) = (a.iv, b.iv);
    let holds = holds(op, x, y);
    if !explain {
        return Verdict::plain(if holds { Tri::True } else { Tri::False });
    }
    let pointer = b
        .term
        .as_ref()
        .and(b.pointer.clone())
        .or_else(|| a.term.as_ref().and(a.pointer.clone()))
        .or_else(|| b.pointer.clone())
        .or_else(|| a.pointer.clone());
    if holds {
        return Verdict {
            truth: if holds { Tri::True } else { Tri::False },
            explanation: String::new(),
            pointer,
            related: Vec::new(),
        };
    }
    let (fa, fb) = (a.full(lang), b.full(lang));
    let explanation = match op {
        BinOp::Eq => {
            let rhs = match &b.term {
                Some(t) => cite(
                    lang,
                    BUT_TERM,
                    BUT_TERM_BARE,
                    &[("name", &t.name), ("value", &t.shown)],
                    t.line,
                ),
                None => fb,
            };
            BUT.render(
                lang,
                &[
                    ("lhs", &fa),
                    ("rhs", &rhs),
                    ("gap", &number(x.gap(y), lang)),
                ],
            )
        }
        BinOp::Ne => EQUALS.render(lang, &[("lhs", &fa), ("rhs", &fb)]),
        BinOp::Le => EXCEEDS.render(
            lang,
            &[
                ("lhs", &fa),
                ("rhs", &fb),
                ("gap", &number(x.lo.saturating_sub(y.hi), lang)),
            ],
        ),
        BinOp::Ge => EXCEEDS.render(
            lang,
            &[
                ("lhs", &fb),
                ("rhs", &fa),
                ("gap", &number(y.lo.saturating_sub(x.hi), lang)),
            ],
        ),
        BinOp::Lt => NOT_LESS.render(lang, &[("lhs", &fa), ("rhs", &fb)]),
        _ => NOT_GREATER.render(lang, &[("lhs", &fa), ("rhs", &fb)]),
    };
    let mut related = a.terms;
    related.extend(b.terms);
    Verdict {
        truth: Tri::False,
        explanation,
        pointer,
        related,
    }
}
