//! A: assembly of department submissions. What only the base and the submissions
//! together show: co-leads that disagree, updates of what a department does not lead,
//! ids the base does not have, departments that sent nothing or sent twice, and
//! submissions for another report.
//!
//! These rules do not see one document but a set: the base and every submission. Their
//! detection is [`AssemblyFn`], run by `submission` (listed in [`CHECKS`]); each finding
//! names the file it is located in.

// codegen:modules:start (`cargo xtask codegen` writes this block; do not edit)
pub mod a001_co_lead_conflict;
pub mod a002_not_a_lead;
pub mod a003_unknown_deliverable;
pub mod a004_missing_submission;
pub mod a005_duplicate_submission;
pub mod a006_wrong_report;
// codegen:modules:end

use crate::i18n::{Lang, Text};
use crate::model::{Deliverable, Report};
use crate::rules::Finding;
use crate::source::{Node, Pointer, Value};
use std::collections::HashMap;

/// One readable submission of the set.
pub struct Part<'a> {
    /// Index of its file in the set.
    pub file: usize,
    /// The file's name as shown to the user.
    pub name: &'a str,
    pub root: &'a Node,
    pub doc: &'a Head,
}

/// What the A rules and the assembly read of a submission: its header and the ids it
/// updates. Read from the tree rather than deserialised into [`crate::model::Submission`]
/// (whose types give the schema): the values themselves are checked in the assembled
/// report, and the WASM module carries one deserialiser fewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub department: String,
    pub plan: String,
    pub fiscal_year: String,
    pub deliverables: Vec<Update>,
}

/// One entry of a submission's `deliverables`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    pub id: String,
    /// How many items it updates.
    pub items: usize,
}

impl Head {
    /// The header of a submission tree; `None` when it lacks one (the schema says what).
    #[must_use]
    pub fn read(root: &Node) -> Option<Self> {
        let text = |key: &str| root.get(key).and_then(Node::as_str).map(str::to_owned);
        let deliverables = match root.get("deliverables").map(|n| &n.value) {
            None => Vec::new(),
            Some(Value::Array(entries)) => entries
                .iter()
                .map(|e| {
                    let items = match e.get("items").map(|n| &n.value) {
                        None => 0,
                        Some(Value::Array(items)) => items.len(),
                        Some(_) => return None,
                    };
                    Some(Update {
                        id: e.get("id").and_then(Node::as_str)?.to_owned(),
                        items,
                    })
                })
                .collect::<Option<Vec<_>>>()?,
            Some(_) => return None,
        };
        Some(Self {
            department: text("department")?,
            plan: text("plan")?,
            fiscal_year: text("fiscal_year")?,
            deliverables,
        })
    }
}

/// What an A rule sees.
pub struct Assembly<'a> {
    pub base: &'a Report,
    /// Index of the base's file in the set.
    pub base_file: usize,
    pub parts: &'a [Part<'a>],
    /// Every file of the set could be read (A004 stays quiet when one could not: its
    /// department is unknown).
    pub complete: bool,
    /// Whether the set is every submission (the CLI) or some of them (a form checking one
    /// department): A004 needs them all.
    pub whole: bool,
    pub lang: Lang,
    /// The 1-based line of a pointer in a file of the set.
    pub line_of: &'a dyn Fn(usize, &Pointer) -> usize,
}

impl Assembly<'_> {
    #[must_use]
    pub fn t(&self, text: Text, args: &[(&str, &str)]) -> String {
        text.render(self.lang, args)
    }

    /// `file#pointer`, how a finding names a place in another file.
    #[must_use]
    pub fn place(&self, file: usize, pointer: &Pointer) -> String {
        let name = self
            .parts
            .iter()
            .find(|p| p.file == file)
            .map_or("base", |p| p.name);
        format!("{name}#{}", pointer.as_str())
    }

    /// `name` line N, for help texts.
    #[must_use]
    pub fn where_(&self, file: usize, pointer: &Pointer) -> String {
        let name = self
            .parts
            .iter()
            .find(|p| p.file == file)
            .map_or("base", |p| p.name);
        let line = (self.line_of)(file, pointer);
        match self.lang {
            Lang::En => format!("`{name}` line {line}"),
            Lang::Fr => format!("`{name}`, ligne {line}"),
        }
    }
}

/// A finding in one file of the set.
#[derive(Debug, Clone, PartialEq)]
pub struct FileFinding {
    pub file: usize,
    pub finding: Finding,
}

/// An A rule's detection over the set.
pub type AssemblyFn = fn(&Assembly<'_>, &mut Vec<FileFinding>);

/// Every A rule's detection, by code.
pub static CHECKS: &[(&str, AssemblyFn)] = &[
    ("A001", a001_co_lead_conflict::check),
    ("A002", a002_not_a_lead::check),
    ("A003", a003_unknown_deliverable::check),
    ("A004", a004_missing_submission::check),
    ("A005", a005_duplicate_submission::check),
    ("A006", a006_wrong_report::check),
];

/// Every deliverable of a report with its pointer and task, in document order.
pub(crate) fn deliverables(
    report: &Report,
) -> impl Iterator<Item = (Pointer, &crate::model::Task, &Deliverable)> {
    super::chart::walk(report).map(|(p, o, t, task, d, deliverable)| {
        let pointer = Pointer::parse(&format!(
            "/pillars/{p}/objectives/{o}/tasks/{t}/deliverables/{d}"
        ));
        (pointer, task, deliverable)
    })
}

/// The base's deliverables by id (the first of a duplicated id, which P013 reports).
#[must_use]
pub fn base_deliverables(base: &Report) -> HashMap<&str, &Deliverable> {
    let mut out = HashMap::new();
    for (_, _, d) in deliverables(base) {
        out.entry(d.id.as_str()).or_insert(d);
    }
    out
}

/// Whether a submission belongs to this base's report: its department is in the
/// registry, its plan and fiscal year are the base's.
#[must_use]
pub fn belongs(base: &Report, doc: &Head) -> bool {
    base.has_department(doc.department.as_str())
        && doc.plan == base.plan.id
        && doc.fiscal_year == base.report.fiscal_year.as_str()
}

/// Which parts go into the assembled report: those that belong to it, the first of each
/// department (A005 reports the others).
#[must_use]
pub fn eligible(base: &Report, parts: &[Part<'_>]) -> Vec<bool> {
    let mut seen = std::collections::HashSet::new();
    parts
        .iter()
        .map(|p| belongs(base, p.doc) && seen.insert(p.doc.department.as_str()))
        .collect()
}

/// The value at `pointer` in a tree.
#[must_use]
pub fn node_at<'n>(root: &'n Node, pointer: &Pointer) -> Option<&'n Node> {
    root.at(pointer)
}

/// A value as it is shown in a message: strings bare, anything else as JSON.
#[must_use]
pub fn shown(node: &Node) -> String {
    match node.as_str() {
        Some(s) => s.to_owned(),
        None => node.to_json().to_string(),
    }
}
