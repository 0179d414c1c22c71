//! X: across two reports. `naplint check --previous OLD NEW` joins deliverables by id
//! and compares what a report may not silently change from one year to the next.

// codegen:modules:start (`cargo xtask codegen` writes this block; do not edit)
pub mod x001_status_regression;
pub mod x002_start_changed;
pub mod x003_new_flag_on_existing;
pub mod x004_dropped_deliverable;
pub mod x005_cumulative_decreased;
// codegen:modules:end

use crate::diagnostic::{Finding, Pointer};
use crate::i18n::Text;
use crate::model::{Deliverable, Report};
use crate::rules::Across;
use std::collections::HashMap;

/// The previous report's deliverables by id.
pub(crate) fn previous_by_id(report: &Report) -> HashMap<&str, &Deliverable> {
    super::chart::walk(report)
        .map(|(.., d)| (d.id.as_str(), d))
        .collect()
}

/// Every deliverable of the current report that the previous one also has (joined by
/// id): its pointer, its current and its previous version.
pub(crate) fn joined<'x>(
    x: &'x Across<'x>,
) -> impl Iterator<Item = (Pointer, &'x Deliverable, &'x Deliverable)> + 'x {
    let before = previous_by_id(x.previous);
    x.current.chart.rows().iter().filter_map(move |r| {
        let previous = before.get(r.deliverable.id.as_str())?;
        Some((r.pointer(), r.deliverable, *previous))
    })
}

/// An X finding at `at`: `message` with `args`, and `help`, in the report's language.
pub(crate) fn finding(
    x: &Across<'_>,
    at: Pointer,
    message: Text,
    args: &[(&str, &str)],
    help: Text,
) -> Finding {
    Finding::new(at, x.current.t(message, args)).help(x.current.t(help, &[]))
}
