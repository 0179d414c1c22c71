//! P: plan structure — the action items chart.

pub mod p001_task_without_deliverables;
pub mod p002_missing_lead;
pub mod p003_unknown_lead;
pub mod p004_missing_start;
pub mod p005_invalid_fiscal_year;
pub mod p006_invalid_status;
pub mod p007_missing_status;
pub mod p008_on_track_without_target;
pub mod p009_target_before_start;
pub mod p010_start_after_report_year;
pub mod p011_new_flag_mismatch;
pub mod p012_id_hierarchy;
pub mod p013_duplicate_id;
pub mod p014_status_rollup;
pub mod p015_item_start_before_parent;
pub mod p016_idle_department;
pub mod p017_whitespace;

use crate::i18n::{Lang, Text};
use crate::model::{Deliverable, FiscalYear, Report, Status};

/// How messages name a deliverable and an item.
pub(crate) const DELIVERABLE: Text = Text::new("deliverable `{id}`", "le livrable `{id}`");
pub(crate) const ITEM: Text = Text::new(
    "item {n} of deliverable `{id}`",
    "l'élément {n} du livrable `{id}`",
);
use crate::source::Pointer;

/// A deliverable or one of its items: the two things that carry start, status, target.
pub(crate) struct Entry<'r> {
    pub pointer: Pointer,
    /// "deliverable `1.11.2`" or "item 2 of deliverable `1.11.2`".
    pub label: String,
    pub new: bool,
    pub start: Option<&'r FiscalYear>,
    pub status: Option<Status>,
    pub target: Option<&'r FiscalYear>,
    pub parent: Option<&'r Deliverable>,
}

/// Every deliverable and item of the chart, in document order.
pub(crate) fn entries(report: &Report, lang: Lang) -> Vec<Entry<'_>> {
    let mut out = Vec::new();
    for (ptr, _, d) in super::deliverables(report) {
        out.push(Entry {
            pointer: ptr.clone(),
            label: DELIVERABLE.render(lang, &[("id", &d.id)]),
            new: d.new,
            start: d.start.as_ref(),
            status: d.status,
            target: d.target.as_ref(),
            parent: None,
        });
        for (i, item) in d.items.iter().enumerate() {
            out.push(Entry {
                pointer: ptr.key("items").index(i),
                label: ITEM.render(lang, &[("n", &(i + 1).to_string()), ("id", &d.id)]),
                new: item.new,
                start: item.start.as_ref(),
                status: item.status,
                target: item.target.as_ref(),
                parent: Some(d),
            });
        }
    }
    out
}
