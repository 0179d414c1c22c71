//! P: plan structure — the action items chart.

// codegen:modules:start (`cargo xtask codegen` writes this block; do not edit)
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
// codegen:modules:end

use crate::model::FiscalYear;
use crate::rules::chart::Entry;
use crate::rules::Ctx;

/// A deliverable or item whose start is a well-formed fiscal year, seen against the
/// report's year (P010, P011).
pub(crate) struct Dated<'c> {
    pub entry: &'c Entry<'c>,
    pub start: &'c FiscalYear,
    /// The start's first calendar year, and the report's.
    pub year: u16,
    pub report_year: u16,
    report_fy: &'c str,
}

impl<'c> Dated<'c> {
    /// The message arguments `what` (the entry as `label` names it), `start` and `year`.
    pub(crate) fn args<'s>(&'s self, label: &'s str) -> [(&'static str, &'s str); 3] {
        [
            ("what", label),
            ("start", self.start.as_str()),
            ("year", self.report_fy),
        ]
    }
}

/// Every dated entry of the chart; nothing when the report's own year is malformed.
pub(crate) fn dated<'c>(ctx: &'c Ctx<'c>) -> impl Iterator<Item = Dated<'c>> + 'c {
    let report_year = ctx.report_year();
    let report_fy = ctx.report.report.fiscal_year.as_str();
    ctx.chart.entries().iter().filter_map(move |entry| {
        let start = entry.start?;
        Some(Dated {
            entry,
            start,
            year: start.start_year()?,
            report_year: report_year?,
            report_fy,
        })
    })
}
