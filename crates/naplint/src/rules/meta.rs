//! M: report metadata and dates.

pub mod iso;
// codegen:modules:start (`cargo xtask codegen` writes this block; do not edit)
pub mod m001_period_order;
pub mod m002_fiscal_year_mismatch;
pub mod m003_figure_after_period;
pub mod m004_invalid_country;
pub mod m005_invalid_currency;
// codegen:modules:end

use crate::model::date_bounds;

/// A date's earliest and latest day as comparable numbers `yyyymmdd`.
pub(crate) fn day_range(s: &str) -> Option<(u32, u32)> {
    let ((y1, m1, d1), (y2, m2, d2)) = date_bounds(s)?;
    let n = |y: u16, m: u8, d: u8| u32::from(y) * 10_000 + u32::from(m) * 100 + u32::from(d);
    Some((n(y1, m1, d1), n(y2, m2, d2)))
}
