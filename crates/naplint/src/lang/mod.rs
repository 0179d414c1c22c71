//! The rule language: reconciliation rules over the document, written as text, checked
//! against the schema when loaded and evaluated by the core (natively and in WASM). The
//! built-in R rules and users' own rules (family U) are the same mechanism.
//!
//! ```text
//! for each /statistics/trp/annual: initial_permits + subsequent_permits == permits_issued
//! sum(top_countries_of_birth.count) <= recipients
//! if exists(law_enforcement) then law_enforcement <= participants
//! ```

mod check;
mod error;
mod eval;
pub mod syntax;

pub use check::RuleProblem;
pub use error::{RuleErrorKind, Type, INVALID_RULES, RULE_AT, TEXTS as RULE_ERROR_TEXTS};
pub use eval::{OutOfBudget, STEP_BUDGET, TEXTS as EXPLANATION_TEXTS};
pub use syntax::{parse, Program, SyntaxError};

use crate::diagnostic::Finding;
use crate::diagnostic::Severity;
use crate::i18n::{Lang, Text};
use crate::source::{Node, Pointer, Value};
pub(crate) use eval::Tri;
use eval::{Env, Evaluator};
use serde::{Deserialize, Serialize};

/// A built-in reconciliation check, declared beside its rule's documentation.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinCheck {
    /// The JSON Pointer the rule runs on; an array means "for each element".
    pub scope: &'static str,
    pub check: &'static str,
    /// Field (relative to the scope element) the finding points at; default: the total.
    pub at: Option<&'static str>,
    /// Message template: `{arithmetic}` is the worked sum, `{field}` a field of the element.
    pub message: Text,
    pub help: Option<Text>,
    /// A milder severity for this check than the rule's default.
    pub severity: Option<Severity>,
}

impl BuiltinCheck {
    /// `check` over each element of `scope`, worded as its worked arithmetic
    /// (`{arithmetic}`) with `help`, at the total, at the rule's severity; [`Self::at`],
    /// [`Self::message`] and [`Self::severity`] change one of those.
    #[must_use]
    pub const fn new(scope: &'static str, check: &'static str, help: Text) -> Self {
        Self {
            scope,
            check,
            at: None,
            message: Text::new("{arithmetic}", "{arithmetic}"),
            help: Some(help),
            severity: None,
        }
    }

    /// The finding points at this field of the element.
    #[must_use]
    pub const fn at(self, field: &'static str) -> Self {
        Self {
            at: Some(field),
            ..self
        }
    }

    /// Another message template than the bare arithmetic.
    #[must_use]
    pub const fn message(self, message: Text) -> Self {
        Self { message, ..self }
    }

    /// A milder severity than the rule's.
    #[must_use]
    pub const fn severity(self, severity: Severity) -> Self {
        Self {
            severity: Some(severity),
            ..self
        }
    }
}

/// A user's rule, from `naplint.toml` (`[[rule]]`), a rule file or WASM options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(optional_fields))]
#[serde(deny_unknown_fields)]
// An absent `Option` field reads as `None` without `#[serde(default)]`.
pub struct UserRule {
    /// `U` and digits (`U001`) or a project prefix and digits (`CAN001`).
    pub code: String,
    /// kebab-case name; defaults to the code in lower case.
    pub name: Option<String>,
    pub severity: Option<Severity>,
    /// One line: what a finding means.
    pub description: Option<String>,
    /// JSON Pointer the rule runs on (`/statistics/operations`); or write `for each` in `check`.
    pub scope: Option<String>,
    /// The condition that must hold.
    pub check: String,
    pub at: Option<String>,
    pub message: Option<String>,
    pub help: Option<String>,
    /// The message in French (default: `message`).
    pub message_fr: Option<String>,
    /// The help in French (default: `help`).
    pub help_fr: Option<String>,
    /// Tolerance of "approximately" for this rule.
    pub tolerance: Option<f64>,
}

/// A check ready to run.
#[derive(Debug, Clone)]
pub struct CompiledCheck {
    program: Program,
    at: Option<Vec<String>>,
    message: [String; 2],
    help: [Option<String>; 2],
    pub severity: Option<Severity>,
    tolerance: Option<f64>,
    /// What the check reads, found in its text when it is compiled.
    reads: Vec<Read>,
    /// The scope's pointer and its tokens, parsed once.
    scope_ptr: Pointer,
    scope_tokens: Vec<String>,
}

/// One part of the document a check reads: its scope's elements, a field path or a
/// placeholder of its message. A session re-runs the check only after an edit at, above
/// or under one of them ([`CompiledCheck::reads_edit`]).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Read {
    /// Tokens that must match exactly: the scope's, for a path relative to its elements.
    exact: Vec<String>,
    /// The field names the path follows from there. An array index may come between any
    /// two (a path through an array reads each element's field), and a path that ends at
    /// an array reads its elements.
    names: Vec<String>,
    /// Only which elements the scope has: the node at `exact`, and an element of it added,
    /// removed or replaced (not an edit inside one, which `names` cover).
    elements: bool,
}

/// Whether a token can be an array index (`-` appends, as in JSON Patch).
fn is_index(token: &str) -> bool {
    token == "-" || (!token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()))
}

impl Read {
    /// Whether an edit of the value at `tokens` is at, above or under this part.
    fn meets<S: AsRef<str>>(&self, tokens: &[S]) -> bool {
        let mut rest = tokens.iter().map(AsRef::as_ref);
        for want in &self.exact {
            match rest.next() {
                None => return true,
                Some(token) if token == want => {}
                Some(_) => return false,
            }
        }
        if self.elements {
            return match (rest.next(), rest.next()) {
                (None, _) => true,
                (Some(token), None) => is_index(token),
                _ => false,
            };
        }
        let mut names = self.names.iter();
        let mut want = names.next();
        for token in rest {
            let Some(name) = want else {
                return true;
            };
            if token == name {
                want = names.next();
            } else if !is_index(token) {
                return false;
            }
        }
        true
    }
}

/// The paths of a rule's body, in the order written.
fn paths<'a>(ast: &'a syntax::Ast, out: &mut Vec<&'a syntax::Path>) {
    use syntax::Kind;
    match &ast.kind {
        Kind::Int(_) | Kind::Str(_) | Kind::Bool(_) => {}
        Kind::Path(p) => out.push(p),
        Kind::Call(_, args) => args.iter().for_each(|a| paths(a, out)),
        Kind::Neg(a) | Kind::Not(a) => paths(a, out),
        Kind::Binary(_, a, b) | Kind::If(a, b) => {
            paths(a, out);
            paths(b, out);
        }
    }
}

/// The names of a message template's placeholders (`{year}`), in the order written.
fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    let mut rest = template;
    std::iter::from_fn(move || {
        let open = rest.find('{')?;
        let close = rest.get(open..)?.find('}')? + open;
        let name = rest.get(open + 1..close)?;
        rest = rest.get(close + 1..).unwrap_or_default();
        Some(name)
    })
}

/// Everything a check reads: its scope's elements, each path of its body, each field
/// its messages name.
fn reads_of(program: &Program, scope: &[String], messages: &[&str]) -> Vec<Read> {
    let scope = scope.to_vec();
    let mut reads = vec![Read {
        exact: scope.clone(),
        names: Vec::new(),
        elements: true,
    }];
    let mut found = Vec::new();
    paths(&program.body, &mut found);
    let fields = messages
        .iter()
        .flat_map(|m| placeholders(m))
        .filter(|name| !PLACEHOLDERS.contains(name))
        .map(|name| Read {
            exact: scope.clone(),
            names: vec![name.to_owned()],
            elements: false,
        });
    let paths = found.into_iter().map(|p| Read {
        exact: if p.from_root {
            Vec::new()
        } else {
            scope.clone()
        },
        names: p.segments.clone(),
        elements: false,
    });
    // Some may repeat (`male <= recipients and female <= recipients`): a few more
    // comparisons per edit, and less code than taking them out.
    reads.extend(paths.chain(fields));
    reads
}

/// A problem of a rule's text, positioned in that text (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RuleError {
    /// The problem in words: English from `compile`, the configuration's language from
    /// `Linter::new` (see [`RuleError::localized`]).
    pub message: String,
    pub line: usize,
    pub column: usize,
    /// What the problem is, as data.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub kind: RuleErrorKind,
}

impl RuleError {
    /// A problem at line 1, column 1 (of the rule's declaration as a whole).
    #[must_use]
    pub fn whole(kind: RuleErrorKind) -> Self {
        Self {
            message: kind.message(Lang::En),
            line: 1,
            column: 1,
            kind,
        }
    }

    /// This error with its message in `lang`.
    #[must_use]
    pub fn localized(mut self, lang: Lang) -> Self {
        self.message = self.kind.message(lang);
        self
    }
}

fn positioned(source: &str, offset: usize, kind: RuleErrorKind) -> RuleError {
    let before = source.get(..offset.min(source.len())).unwrap_or(source);
    RuleError {
        message: kind.message(Lang::En),
        kind,
        line: before.matches('\n').count() + 1,
        column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
    }
}

/// Placeholders a message template may use besides the scope element's own fields.
const PLACEHOLDERS: [&str; 2] = ["arithmetic", "expr"];

/// A check as declared, built-in or user's, before compilation.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckDecl<'a> {
    pub scope: Option<&'a str>,
    pub check: &'a str,
    pub at: Option<&'a str>,
    pub message: Option<&'a str>,
    pub help: Option<&'a str>,
    pub message_fr: Option<&'a str>,
    pub help_fr: Option<&'a str>,
    pub severity: Option<Severity>,
    pub tolerance: Option<f64>,
}

impl BuiltinCheck {
    #[must_use]
    pub fn decl(&self) -> CheckDecl<'static> {
        CheckDecl {
            scope: Some(self.scope),
            check: self.check,
            at: self.at,
            message: Some(self.message.en),
            help: self.help.map(|h| h.en),
            message_fr: Some(self.message.fr),
            help_fr: self.help.map(|h| h.fr),
            severity: self.severity,
            tolerance: None,
        }
    }
}

impl UserRule {
    /// A rule with only its code and check; every optional field absent (`..UserRule::new`
    /// fills the rest in a literal).
    #[must_use]
    pub fn new(code: &str, check: &str) -> Self {
        Self {
            code: code.to_owned(),
            name: None,
            severity: None,
            description: None,
            scope: None,
            check: check.to_owned(),
            at: None,
            message: None,
            help: None,
            message_fr: None,
            help_fr: None,
            tolerance: None,
        }
    }

    #[must_use]
    pub fn decl(&self) -> CheckDecl<'_> {
        CheckDecl {
            scope: self.scope.as_deref(),
            check: &self.check,
            at: self.at.as_deref(),
            message: self.message.as_deref(),
            help: self.help.as_deref(),
            message_fr: self.message_fr.as_deref(),
            help_fr: self.help_fr.as_deref(),
            severity: None,
            tolerance: self.tolerance,
        }
    }
}

/// Parses and type-checks a rule.
///
/// # Errors
/// Every problem found, positioned in the rule's text.
pub fn compile(
    decl: CheckDecl<'_>,
    schema: &serde_json::Value,
) -> Result<CompiledCheck, Vec<RuleError>> {
    let CheckDecl {
        scope,
        check,
        at,
        message,
        help,
        message_fr,
        help_fr,
        severity,
        tolerance,
    } = decl;
    let mut program = parse(check).map_err(|e| {
        vec![RuleError {
            message: e.kind.message(Lang::En),
            line: e.line,
            column: e.column,
            kind: e.kind,
        }]
    })?;
    match (&program.scope, scope) {
        (Some(_), Some(_)) => return Err(vec![positioned(check, 0, RuleErrorKind::ScopeTwice)]),
        (None, Some(s)) => program.scope = Some(s.to_owned()),
        _ => {}
    }
    if let Some(s) = program.scope.as_deref().filter(|s| !s.starts_with('/')) {
        return Err(vec![positioned(
            check,
            0,
            RuleErrorKind::ScopeNotPointer {
                scope: s.to_owned(),
            },
        )]);
    }
    let mut problems: Vec<RuleError> = check::check(&program, schema)
        .into_iter()
        .map(|p| positioned(check, p.offset, p.kind))
        .collect();
    let at = at.map(|a| a.split('.').map(str::to_owned).collect::<Vec<_>>());
    let message = message.unwrap_or("{arithmetic}").to_owned();
    let message_fr = message_fr.map_or_else(|| message.clone(), str::to_owned);
    for name in placeholders(&message).chain(placeholders(&message_fr)) {
        if !PLACEHOLDERS.contains(&name)
            && !name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
        {
            problems.push(positioned(
                check,
                0,
                RuleErrorKind::BadPlaceholder {
                    name: name.to_owned(),
                },
            ));
        }
    }
    if tolerance.is_some_and(|t| !(0.0..=1.0).contains(&t)) {
        problems.push(positioned(check, 0, RuleErrorKind::Tolerance));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let scope = program.scope.clone().unwrap_or_default();
    let scope_ptr = Pointer::parse(&scope);
    let scope_tokens: Vec<String> = scope_ptr.tokens().collect();
    Ok(CompiledCheck {
        reads: reads_of(&program, &scope_tokens, &[&message, &message_fr]),
        scope_tokens,
        scope_ptr,
        program,
        at,
        message: [message, message_fr],
        help: [help.map(str::to_owned), help_fr.or(help).map(str::to_owned)],
        severity,
        tolerance,
    })
}

/// A finding's message: each placeholder of `template` replaced by the worked arithmetic,
/// the rule's text or the element's field of that name (its first, as written), once:
/// what is put in is not searched for placeholders again, so that a message depends on
/// the fields its template names and no others.
fn render(template: &str, arithmetic: &str, expr: &str, element: &Node) -> String {
    let mut args = vec![("arithmetic", arithmetic), ("expr", expr)];
    if let Value::Object(members) = &element.value {
        for name in placeholders(template) {
            if let Some(m) = members.iter().find(|m| m.key == name) {
                let text: &str = match &m.value.value {
                    Value::String(s) => s,
                    Value::Number(n) => &n.raw,
                    Value::Bool(true) => "true",
                    Value::Bool(false) => "false",
                    _ => "",
                };
                args.push((name, text));
            }
        }
    }
    crate::i18n::fill(template, &args)
}

/// The elements a check runs on: an array scope's, each with its index, or the scope.
fn elements(scope: &Node) -> impl Iterator<Item = (&Node, Option<usize>)> {
    let (items, whole) = match &scope.value {
        Value::Array(items) => (items.as_slice(), None),
        _ => (&[][..], Some(scope)),
    };
    whole
        .into_iter()
        .map(|n| (n, None))
        .chain(items.iter().enumerate().map(|(i, n)| (n, Some(i))))
}

impl CompiledCheck {
    /// The node of the check's scope, as [`Node::at`] finds it.
    fn scope<'n>(&self, root: &'n Node) -> Option<&'n Node> {
        let mut node = root;
        for token in &self.scope_tokens {
            node = match &node.value {
                Value::Object(_) => node.get(token)?,
                Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// The truth of the check on one element (not inlined, as [`Self::explain`], so that
    /// a profile tells deciding from wording).
    #[inline(never)]
    fn decide(&self, env: &Env<'_>, steps: &mut u64) -> Result<Tri, OutOfBudget> {
        Evaluator::new(env, steps).decide(&self.program.body)
    }

    /// Why the check fails on one element. The replay takes the steps deciding took,
    /// already counted, so it has a budget of its own.
    #[inline(never)]
    fn explain(&self, env: &Env<'_>) -> Result<eval::Verdict, OutOfBudget> {
        Evaluator::explaining(env, &mut 0).condition(&self.program.body)
    }

    /// Whether an edit of the value at `tokens` (a pointer's unescaped tokens) can change
    /// the check's findings or the steps it takes: it is at, above or under a field the
    /// check reads, or it adds, removes or replaces an element of its scope.
    #[must_use]
    pub fn reads_edit<S: AsRef<str>>(&self, tokens: &[S]) -> bool {
        self.reads.iter().any(|r| r.meets(tokens))
    }

    /// Runs the check on a document, for each element of its scope.
    ///
    /// Not inlined, so that a profile of a whole check counts it apart.
    ///
    /// # Errors
    /// [`OutOfBudget`] when the document's evaluation budget is spent.
    #[inline(never)]
    pub fn run(
        &self,
        root: &Node,
        line_of: &dyn Fn(&Pointer) -> Option<usize>,
        default_tolerance: f64,
        lang: Lang,
        steps: &mut u64,
    ) -> Result<Vec<Finding>, OutOfBudget> {
        let which = usize::from(lang == Lang::Fr);
        let Some(scope) = self.scope(root) else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for (element, index) in elements(scope) {
            // Deciding needs no places: the element's pointer is made for a failure alone.
            let mut env = Env {
                root,
                element,
                pointer: Pointer::root(),
                tolerance: self.tolerance.unwrap_or(default_tolerance),
                lang,
                line_of,
                source: &self.program.source,
            };
            if self.decide(&env, steps)? != Tri::False {
                continue;
            }
            let pointer = index.map_or_else(|| self.scope_ptr.clone(), |i| self.scope_ptr.index(i));
            env.pointer = pointer.clone();
            // The element fails: run it again to word why.
            let verdict = self.explain(&env)?;
            let at = self
                .at
                .as_ref()
                .map(|segs| segs.iter().fold(pointer.clone(), |p, s| p.key(s)));
            let target = at.or(verdict.pointer).unwrap_or_else(|| pointer.clone());
            let template = self
                .message
                .get(which)
                .map_or("{arithmetic}", String::as_str);
            let message = render(
                template,
                &verdict.explanation,
                &self.program.source,
                element,
            );
            let mut finding = Finding::new(target, message);
            finding.related = verdict
                .related
                .iter()
                .map(|p| p.as_str().to_owned())
                .collect();
            finding.help = self.help.get(which).cloned().flatten();
            finding.severity = self.severity;
            out.push(finding);
        }
        Ok(out)
    }
}

#[cfg(test)]
impl CompiledCheck {
    /// For each element of the scope, the truth and steps of the deciding evaluator and
    /// those of the explaining one (`registry`'s tests check they agree).
    pub(crate) fn both_truths(&self, root: &Node) -> Vec<((Tri, u64), (Tri, u64))> {
        let Some(scope) = self.scope(root) else {
            return Vec::new();
        };
        let line_of = |_: &Pointer| Some(1);
        elements(scope)
            .map(|(element, index)| {
                let env = Env {
                    root,
                    element,
                    pointer: index
                        .map_or_else(|| self.scope_ptr.clone(), |i| self.scope_ptr.index(i)),
                    tolerance: self.tolerance.unwrap_or(0.0),
                    lang: Lang::En,
                    line_of: &line_of,
                    source: &self.program.source,
                };
                let (mut a, mut b) = (0, 0);
                let decided = Evaluator::new(&env, &mut a).decide(&self.program.body);
                let explained = Evaluator::explaining(&env, &mut b).condition(&self.program.body);
                (
                    (decided.unwrap_or(Tri::Unknown), a),
                    (explained.map_or(Tri::Unknown, |v| v.truth), b),
                )
            })
            .collect()
    }
}

crate::texts! {
    pub(crate) BUDGET = "rule evaluation stopped: the budget of {steps} steps per document is spent" / "évaluation des règles interrompue : le budget de {steps} étapes par document est épuisé";
    pub(crate) BUDGET_HELP = "simplify the project's rules, or check smaller files" / "simplifiez les règles du projet, ou vérifiez des fichiers plus petits";
}

/// The finding filed under the rule whose evaluation spent the step budget.
#[must_use]
pub fn out_of_budget(lang: Lang) -> Finding {
    Finding::new(
        Pointer::root(),
        BUDGET.render(
            lang,
            &[("steps", &crate::i18n::number(i128::from(STEP_BUDGET), lang))],
        ),
    )
    .help(BUDGET_HELP.get(lang))
    .severity(Severity::Warning)
}

#[cfg(test)]
#[allow(
    clippy::disallowed_methods,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic
)]
mod tests {
    use super::{compile, CheckDecl, Tri};
    use crate::source::{self, SourceFormat};

    /// Deciding agrees with explaining, truth and steps, on every construct of the
    /// language (the built-in checks use few of them), on the seed and every fixture.
    #[test]
    fn deciding_agrees_with_explaining_on_every_construct() {
        let schema: serde_json::Value =
            serde_json::from_str(crate::schema::REPORT_SCHEMA_JSON).unwrap();
        let rules = [
            ("/statistics/trp/cumulative", "not (male > female) or -male * 2 + 3 < recipients"),
            ("/statistics/trp/cumulative", "count(top_countries_of_birth) >= 1 and min(top_countries_of_birth.count) <= max(top_countries_of_birth.count) - 5"),
            ("/statistics/trp/cumulative", "distinct(top_countries_of_birth.country) and descending(top_countries_of_birth.count) and sum(top_countries_of_birth.count) != 0"),
            ("/statistics/trp/annual", "if exists(new_victims) then within(year, $.statistics.trp.cumulative.period) or year == 2013"),
            ("/statistics/trp/annual", "not within(year, $.statistics.trp.cumulative.period) and new_victims * 2 > initial_permits"),
            ("/statistics/operations", "name != \"x\" and (charged - arrested <= 3 or not exists(guilty_pleas))"),
            ("/funding", "exists(amount) and amount.value >= 10 and years.start < years.end"),
            ("/statistics/training", "law_enforcement + 1 == participants + 1 or false"),
        ];
        let checks: Vec<_> = rules
            .iter()
            .map(|(scope, check)| {
                compile(
                    CheckDecl {
                        scope: Some(scope),
                        check,
                        ..CheckDecl::default()
                    },
                    &schema,
                )
                .unwrap_or_else(|e| panic!("{check}: {e:?}"))
            })
            .collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut texts =
            vec![std::fs::read_to_string(root.join("seeds/2013-14/report.json")).unwrap()];
        for dir in std::fs::read_dir(root.join("tests/fixtures"))
            .unwrap()
            .flatten()
        {
            for f in std::fs::read_dir(dir.path()).unwrap().flatten() {
                let name = f.path().to_string_lossy().into_owned();
                if name.ends_with(".json") && !name.ends_with(".expected.json") {
                    texts.extend(std::fs::read_to_string(f.path()).ok());
                }
            }
        }
        let mut seen = [0usize; 3];
        for text in &texts {
            let Some(doc) = source::load(text, SourceFormat::Json).root else {
                continue;
            };
            for check in &checks {
                for (decided, explained) in check.both_truths(&doc) {
                    assert_eq!(decided, explained, "{}", check.program.source);
                    seen[match decided.0 {
                        Tri::True => 0,
                        Tri::False => 1,
                        Tri::Unknown => 2,
                    }] += 1;
                }
            }
        }
        println!("true, false, unknown: {seen:?}");
        assert!(seen[0] > 100 && seen[1] > 100 && seen[2] > 0, "{seen:?}");
    }
}
