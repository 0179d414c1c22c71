//! X: across two reports. `naplint check --previous OLD NEW` joins deliverables by id
//! and compares what a report may not silently change from one year to the next.

// codegen:modules:start (`cargo xtask codegen` writes this block; do not edit)
pub mod x001_status_regression;
pub mod x002_start_changed;
pub mod x003_new_flag_on_existing;
pub mod x004_dropped_deliverable;
pub mod x005_cumulative_decreased;
// codegen:modules:end

use crate::model::{Deliverable, Report};
use std::collections::HashMap;

/// The previous report's deliverables by id.
pub(crate) fn previous_by_id(report: &Report) -> HashMap<&str, &Deliverable> {
    super::chart::walk(report)
        .map(|(.., d)| (d.id.as_str(), d))
        .collect()
}
