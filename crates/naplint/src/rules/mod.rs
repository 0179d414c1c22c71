//! The rule framework: what a rule declares, what it sees, what it reports.
//!
//! A rule is one module under its family's folder holding one [`declare_rule!`]: its
//! declaration (code, names, severity, summary, the functions it has; every other field of
//! [`Rule`] defaults), its message texts, and its English documentation as the `///` doc
//! comments of the invocation, which the macro stores in `docs` and re-emits on the
//! module's `RULE` constant (so rustdoc shows the same page). The French page is the
//! `<CODE>.fr.md` beside the module. Then its `check` (over the typed document) and/or
//! `claim` (of JSON Schema violations it explains better than S001). Detection builds
//! [`Finding`]s; the engine adds code, name, severity and position.
//!
//! Why doc comments on the macro and not the module's `//!` doc extracted by codegen:
//! the page then exists once, in the source (codegen would have to copy every page into
//! the generated registry, a second place to keep current); rustdoc renders it where it is
//! written; and the text is a compile-time constant, stripped of the comment's leading
//! space by a `const fn` ([`declare::strip`]), so nothing grows at run time or in WASM.

pub mod chart;
pub mod common;
pub mod declare;
pub(crate) use declare::declare_rule;
// codegen:families:start (`cargo xtask codegen` writes this block; do not edit)
pub mod across;
pub mod assembly;
pub mod meta;
pub mod plan;
pub mod reconcile;
pub mod structure;
// codegen:families:end

use crate::config::Config;
pub use crate::diagnostic::Finding;
use crate::diagnostic::Severity;
use crate::i18n::{Lang, Text};
use crate::model::Report;
use crate::schema::Violation;
use crate::source::{LineIndex, Node, Pointer};

/// The texts that rules share (each module's `crate::texts!` list), for the translation
/// tests; `tests/registry.rs` fails when a `texts!` under `rules/` is not gathered here.
pub const SHARED_TEXTS: &[&[Text]] = &[chart::TEXTS, common::TEXTS];

/// The rule families; the letter is the first character of every code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// S: syntax and structure.
    Structure,
    /// P: plan structure.
    Plan,
    /// M: report metadata and dates.
    Meta,
    /// R: statistics reconcile.
    Reconcile,
    /// X: across two reports (`--previous`).
    Across,
    /// A: assembly of department submissions.
    Assembly,
}

impl Family {
    /// The family of a code, by its first letter (`P018` → `Plan`). An unknown letter
    /// gives `Structure`, which `tests/registry.rs` rejects (the letter must be the
    /// family's).
    #[must_use]
    pub const fn of(code: &str) -> Self {
        match code.as_bytes() {
            [b'P', ..] => Self::Plan,
            [b'M', ..] => Self::Meta,
            [b'R', ..] => Self::Reconcile,
            [b'X', ..] => Self::Across,
            [b'A', ..] => Self::Assembly,
            _ => Self::Structure,
        }
    }

    #[must_use]
    pub fn letter(self) -> char {
        match self {
            Self::Structure => 'S',
            Self::Plan => 'P',
            Self::Meta => 'M',
            Self::Reconcile => 'R',
            Self::Across => 'X',
            Self::Assembly => 'A',
        }
    }

    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Structure => "syntax and structure",
            Self::Plan => "plan structure",
            Self::Meta => "report metadata and dates",
            Self::Reconcile => "statistics reconcile",
            Self::Across => "across two reports",
            Self::Assembly => "assembly of submissions",
        }
    }
}

/// Takes over a schema violation (with the document, for context) as a finding.
pub type ClaimFn = fn(&Violation, &Node, Lang) -> Option<Finding>;

/// A rule's declaration: the one source of its code, name, severity and documentation.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Stable forever: a family letter and three digits.
    pub code: &'static str,
    /// kebab-case name, the stable identifier (configuration accepts it too).
    pub name: &'static str,
    /// French display name (kebab-case, ASCII).
    pub name_fr: &'static str,
    pub family: Family,
    pub severity: Severity,
    /// One line, lowercase: what a finding means.
    pub summary: &'static str,
    /// The summary in French.
    pub summary_fr: &'static str,
    /// Markdown with the headings `## What it checks`, `## Why it matters`, `## Fails`,
    /// `## Passes`. Empty, as `docs_fr` is, when the crate is built without its `docs`
    /// feature (the WASM module; the npm package ships the pages).
    pub docs: &'static str,
    /// The documentation in French (`## Ce que la règle vérifie`, `## Pourquoi c'est
    /// important`, `## Échoue`, `## Réussit`), in the `<CODE>.fr.md` file beside the module.
    pub docs_fr: &'static str,
    /// Every message and help template the rule uses, in both languages.
    pub texts: &'static [Text],
    /// Whether some findings carry a machine-applicable fix.
    pub fixable: bool,
    /// Detection over the typed document.
    pub check: Option<fn(&Ctx<'_>, &mut Vec<Finding>)>,
    /// Takes over a schema violation that this rule explains.
    pub claim: Option<ClaimFn>,
    /// Checks written in the rule language (the R family), run by the same evaluator as
    /// users' own rules.
    pub checks: &'static [crate::lang::BuiltinCheck],
    /// Detection comparing this report with the previous one (`--previous`).
    pub across: Option<fn(&Across<'_>, &mut Vec<Finding>)>,
    /// The parts of a report that the rule's `check` and `checks` findings depend on: a
    /// top-level section (`plan`, `report`, `departments`, `pillars`, `statistics`,
    /// `funding`, ...) or one field of it (`report/fiscal_year`). A live session re-runs
    /// a rule only after an edit at, above or under one of them, and keeps its other
    /// findings; a test edits every other section, and every other field of a section
    /// declared by field, of every fixture and fails if the rule's findings change. The
    /// default, [`Reads::Everything`], is always right.
    pub reads: Reads,
    /// How far the findings of a rule that reads `pillars` reach (see [`Scope`]): what
    /// lets a session re-run it on one objective after an edit inside it. The default,
    /// [`Scope::Document`], is always right.
    pub scope: Scope,
    /// Whether the rule reads `pillars` and the other sections apart: its findings under
    /// `pillars` do not depend on the other sections (but `departments`), and its
    /// findings elsewhere do not depend on the pillars. After an edit outside `pillars`
    /// and `departments` a session re-runs it without the pillars (and the chart of every
    /// deliverable is not built). `engine/reads_tests.rs` holds every rule that says so
    /// to it. The default, false, is always right.
    pub pillars_apart: bool,
}

/// How far a rule's findings reach, for a session to re-run it on less after an edit
/// (see [`Rule::scope`]). `engine/reads_tests.rs` holds every rule to what it declares,
/// on every objective of every fixture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Any finding may depend on anything the rule reads.
    Document,
    /// Its findings under one objective depend only on that objective (its id, tasks and
    /// deliverables), on its pillar's own fields and on the sections outside `pillars`,
    /// and its findings elsewhere do not depend on it: after an edit inside one
    /// objective, it re-runs on that objective alone, so that an edit costs the same in
    /// a report ten times as long.
    Objective,
}

/// What a rule's findings depend on (see [`Rule::reads`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reads {
    /// The whole document: the rule re-runs after every edit.
    Everything,
    /// Only these parts of the report: a top-level member (`statistics`), or a value
    /// inside one, its tokens joined by `/` (`report/fiscal_year`), `*` standing for
    /// every item of an array (`pillars/*/objectives/*/id`).
    Sections(&'static [&'static str]),
    /// Each finding depends only on the value at its pointer (and the keys on the way
    /// there): after an edit, the rule re-runs on the edited value alone and its other
    /// findings stay (P017's whitespace in one string).
    Local,
}

impl Reads {
    /// Whether the rule reads anything of the top-level member `section`.
    #[must_use]
    pub fn section(self, section: &str) -> bool {
        match self {
            Self::Everything | Self::Local => true,
            Self::Sections(parts) => parts
                .iter()
                .any(|part| part.split('/').next() == Some(section)),
        }
    }

    /// Whether an edit of the value at `tokens` (a pointer's unescaped tokens) can change
    /// the findings: it is at, above or under a declared part.
    #[must_use]
    pub fn edit<S: AsRef<str>>(self, tokens: &[S]) -> bool {
        match self {
            Self::Everything | Self::Local => true,
            Self::Sections(parts) => parts.iter().any(|part| on_the_way(part, tokens)),
        }
    }
}

/// Whether `part` (tokens joined by `/`, where `*` stands for any one token: an array
/// index, `pillars/*/id`) and `tokens` agree as far as both go: one is at, above or under
/// the other. Compared in place (a session asks it of every rule on every edit).
fn on_the_way<S: AsRef<str>>(part: &str, tokens: &[S]) -> bool {
    // Byte by byte: a session asks this of every declared part on every edit.
    let mut rest = part.as_bytes();
    for token in tokens {
        let token = token.as_ref().as_bytes();
        let ends = |more: &[u8]| more.is_empty() || more.first() == Some(&b'/');
        let more = match rest.strip_prefix(b"*") {
            Some(more) if ends(more) => more,
            _ => match rest.strip_prefix(token) {
                Some(more) if ends(more) => more,
                _ => return false,
            },
        };
        match more.split_first() {
            Some((_, after)) => rest = after,
            None => return true,
        }
    }
    true
}

impl Rule {
    /// Every field at its default: [`declare_rule!`] fills code, names, family,
    /// severity, summaries, both pages and texts, passes the fields a rule spells (`check`,
    /// `claim`, `checks`, `across`, `fixable`, ...) and takes the rest from here (none of
    /// those functions; not fixable). The registry tests reject a declaration that leaves
    /// the code, names or documentation empty.
    pub const DEFAULT: Rule = Rule {
        code: "",
        name: "",
        name_fr: "",
        family: Family::Structure,
        severity: Severity::Error,
        summary: "",
        summary_fr: "",
        docs: "",
        docs_fr: "",
        texts: &[],
        fixable: false,
        check: None,
        claim: None,
        checks: &[],
        across: None,
        reads: Reads::Everything,
        scope: Scope::Document,
        pillars_apart: false,
    };
}

/// What an X rule sees: the previous report and the current one (with its context).
pub struct Across<'a> {
    pub previous: &'a Report,
    pub current: &'a Ctx<'a>,
}

/// What a rule's `check` sees.
pub struct Ctx<'a> {
    pub report: &'a Report,
    /// The chart, indexed once for every rule.
    pub chart: &'a chart::Chart<'a>,
    pub config: &'a Config,
    pub(crate) root: &'a Node,
    pub(crate) text: crate::source::TextRef<'a>,
    pub(crate) lines: &'a LineIndex,
    /// Line numbers of another text (the files an assembled report came from).
    pub(crate) line_map: Option<&'a dyn Fn(&Pointer) -> usize>,
}

impl Ctx<'_> {
    /// The 1-based line `pointer` designates.
    #[must_use]
    pub fn line_of(&self, pointer: &Pointer) -> usize {
        if let Some(map) = self.line_map {
            return map(pointer);
        }
        let at = crate::source::locate_pointer(self.root, pointer)
            .value
            .start();
        self.lines.position(self.text, at).line
    }

    /// The language of messages.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.config.lang
    }

    /// Renders one of the rule's texts in the configured language.
    #[must_use]
    pub fn t(&self, text: Text, args: &[(&str, &str)]) -> String {
        text.render(self.config.lang, args)
    }

    /// The relative tolerance of "approximately".
    #[must_use]
    pub fn tolerance(&self) -> f64 {
        self.config.tolerance
    }

    /// The report's fiscal year, as its first calendar year, when well-formed.
    #[must_use]
    pub fn report_year(&self) -> Option<u16> {
        self.report.report.fiscal_year.start_year()
    }
}

/// The `id` string beside the value at `pointer`'s parent object, for messages of
/// claimed schema violations ("deliverable `1.11.1` has no lead department").
#[must_use]
pub fn parent_id(root: &Node, pointer: &Pointer) -> Option<String> {
    let tokens: Vec<String> = pointer.tokens().collect();
    let parent_len = tokens.len().checked_sub(1)?;
    let mut node = root;
    for token in tokens.iter().take(parent_len) {
        node = match &node.value {
            crate::source::Value::Object(_) => node.get(token)?,
            crate::source::Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    node.get("id").and_then(Node::as_str).map(str::to_owned)
}
