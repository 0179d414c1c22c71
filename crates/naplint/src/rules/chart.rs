//! The action items chart, indexed once per check and shared by every rule through
//! [`Ctx::chart`](super::Ctx): each deliverable and item with its pointer, in document
//! order. Rules read it instead of walking the model and spelling pointers themselves.

use crate::diagnostic::Pointer;
use crate::i18n::Lang;
use crate::model::{Deliverable, FiscalYear, Report, Status, Task};

crate::texts! {
    /// How messages name a deliverable.
    pub(crate) DELIVERABLE = "deliverable `{id}`" / "le livrable `{id}`";
    /// How messages name an item.
    pub(crate) ITEM = "item {n} of deliverable `{id}`" / "l'élément {n} du livrable `{id}`";
}

/// One deliverable of the chart.
#[derive(Debug)]
pub struct Row<'r> {
    /// `/pillars/P/objectives/O/tasks/T/deliverables/D`.
    pub pointer: Pointer,
    pub task: &'r Task,
    pub deliverable: &'r Deliverable,
}

/// A deliverable or one of its items: the two things that carry start, status, target.
#[derive(Debug)]
pub struct Entry<'r> {
    pub pointer: Pointer,
    /// The deliverable's id (the parent's, for an item).
    pub id: &'r str,
    /// For an item, its 0-based index in `items`.
    pub item: Option<usize>,
    pub new: bool,
    pub start: Option<&'r FiscalYear>,
    pub status: Option<Status>,
    pub target: Option<&'r FiscalYear>,
    /// The item's deliverable.
    pub parent: Option<&'r Deliverable>,
}

impl Entry<'_> {
    /// "deliverable `1.11.2`" or "item 2 of deliverable `1.11.2`", worded only when a
    /// finding needs it.
    #[must_use]
    pub fn label(&self, lang: Lang) -> String {
        match self.item {
            None => DELIVERABLE.render(lang, &[("id", self.id)]),
            Some(i) => ITEM.render(lang, &[("n", &(i + 1).to_string()), ("id", self.id)]),
        }
    }
}

/// The chart's deliverables and entries, built in one walk.
#[derive(Debug, Default)]
pub struct Chart<'r> {
    rows: Vec<Row<'r>>,
    entries: Vec<Entry<'r>>,
}

impl<'r> Chart<'r> {
    #[must_use]
    pub fn new(report: &'r Report) -> Self {
        let mut chart = Self::default();
        for (p, o, t, task, d, deliverable) in walk(report) {
            let pointer = Pointer::parse(&format!(
                "/pillars/{p}/objectives/{o}/tasks/{t}/deliverables/{d}"
            ));
            chart.entries.push(Entry {
                pointer: pointer.clone(),
                id: &deliverable.id,
                item: None,
                new: deliverable.new,
                start: deliverable.start.as_ref(),
                status: deliverable.status,
                target: deliverable.target.as_ref(),
                parent: None,
            });
            if !deliverable.items.is_empty() {
                let items = pointer.key("items");
                for (i, item) in deliverable.items.iter().enumerate() {
                    chart.entries.push(Entry {
                        pointer: items.index(i),
                        id: &deliverable.id,
                        item: Some(i),
                        new: item.new,
                        start: item.start.as_ref(),
                        status: item.status,
                        target: item.target.as_ref(),
                        parent: Some(deliverable),
                    });
                }
            }
            chart.rows.push(Row {
                pointer,
                task,
                deliverable,
            });
        }
        chart
    }

    /// Every deliverable, in document order.
    #[must_use]
    pub fn rows(&self) -> &[Row<'r>] {
        &self.rows
    }

    /// Every deliverable and item, in document order (a deliverable, then its items).
    #[must_use]
    pub fn entries(&self) -> &[Entry<'r>] {
        &self.entries
    }
}

/// Every deliverable with its pillar, objective, task and deliverable indexes, without
/// pointers (for the previous report, which is never located).
pub(crate) fn walk(
    report: &Report,
) -> impl Iterator<Item = (usize, usize, usize, &Task, usize, &Deliverable)> {
    report.pillars.iter().enumerate().flat_map(|(p, pillar)| {
        pillar
            .objectives
            .iter()
            .enumerate()
            .flat_map(move |(o, objective)| {
                objective
                    .tasks
                    .iter()
                    .enumerate()
                    .flat_map(move |(t, task)| {
                        task.deliverables
                            .iter()
                            .enumerate()
                            .map(move |(d, deliverable)| (p, o, t, task, d, deliverable))
                    })
            })
    })
}
