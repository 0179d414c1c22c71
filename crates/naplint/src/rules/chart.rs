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

/// Where a deliverable sits: its pillar, objective, task and deliverable indexes. The
/// pointer is spelled out only when a finding needs it (a session re-indexes the chart on
/// every edit of the pillars, and most deliverables have no finding).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub pillar: usize,
    pub objective: usize,
    pub task: usize,
    pub deliverable: usize,
}

impl Place {
    /// `/pillars/P/objectives/O/tasks/T/deliverables/D`.
    #[must_use]
    pub fn pointer(self) -> Pointer {
        let Self {
            pillar: p,
            objective: o,
            task: t,
            deliverable: d,
        } = self;
        Pointer::parse(&format!(
            "/pillars/{p}/objectives/{o}/tasks/{t}/deliverables/{d}"
        ))
    }
}

/// One deliverable of the chart.
#[derive(Debug)]
pub struct Row<'r> {
    pub place: Place,
    pub task: &'r Task,
    pub deliverable: &'r Deliverable,
}

impl Row<'_> {
    /// `/pillars/P/objectives/O/tasks/T/deliverables/D`.
    #[must_use]
    pub fn pointer(&self) -> Pointer {
        self.place.pointer()
    }
}

/// A deliverable or one of its items: the two things that carry start, status, target.
#[derive(Debug)]
pub struct Entry<'r> {
    /// The deliverable's place (the parent's, for an item).
    pub place: Place,
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
    /// The deliverable's pointer, or its item's (`…/items/I`).
    #[must_use]
    pub fn pointer(&self) -> Pointer {
        let deliverable = self.place.pointer();
        match self.item {
            None => deliverable,
            Some(i) => deliverable.key("items").index(i),
        }
    }

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
        // Sized exactly (a count over the walk first): grown by doubling, the two vectors
        // kept up to twice their size for the whole check of a large report.
        let (rows, entries) = walk(report).fold((0, 0), |(rows, entries), (.., d)| {
            (rows + 1, entries + 1 + d.items.len())
        });
        let mut chart = Self {
            rows: Vec::with_capacity(rows),
            entries: Vec::with_capacity(entries),
        };
        for (p, o, t, task, d, deliverable) in walk(report) {
            let place = Place {
                pillar: p,
                objective: o,
                task: t,
                deliverable: d,
            };
            chart.entries.push(Entry {
                place,
                id: &deliverable.id,
                item: None,
                new: deliverable.new,
                start: deliverable.start.as_ref(),
                status: deliverable.status,
                target: deliverable.target.as_ref(),
                parent: None,
            });
            for (i, item) in deliverable.items.iter().enumerate() {
                chart.entries.push(Entry {
                    place,
                    id: &deliverable.id,
                    item: Some(i),
                    new: item.new,
                    start: item.start.as_ref(),
                    status: item.status,
                    target: item.target.as_ref(),
                    parent: Some(deliverable),
                });
            }
            chart.rows.push(Row {
                place,
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
