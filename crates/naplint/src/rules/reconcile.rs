//! R: statistics reconcile. Figures are intervals (exact 87 is [87, 87], approximately 87
//! is 87 ± tolerance, over 100 is [101, ∞)), so a relation fails only when no choice of
//! values inside the intervals can make it hold; the message shows the arithmetic with
//! the line of every term.

pub mod r001_trp_breakdown;
pub mod r002_trp_permits_cover_recipients;
pub mod r003_trp_countries_within_total;
pub mod r004_trp_annual_split;
pub mod r005_trp_annual_within_cumulative;
pub mod r006_investigation_outcomes;
pub mod r007_subset_exceeds_total;
pub mod r008_operation_funnel;
pub mod r009_funding_years_order;

use super::{Ctx, Term};
use crate::model::{Figure, Interval};
use crate::source::Pointer;

/// A term for a figure at `base/name`.
pub(crate) fn term<'n>(base: &Pointer, name: &'n str, figure: Figure) -> Term<'n> {
    Term {
        name,
        figure,
        pointer: base.key(name),
    }
}

/// Checks `terms` add up to `total`; on failure returns the message.
pub(crate) fn sum_mismatch(ctx: &Ctx<'_>, terms: &[Term<'_>], total: &Term<'_>) -> Option<String> {
    let tol = ctx.tolerance();
    let sum = terms
        .iter()
        .fold(Interval::exact(0), |acc, t| acc.plus(t.figure.interval(tol)));
    let total_iv = total.figure.interval(tol);
    if sum.intersects(total_iv) {
        return None;
    }
    let printed: u64 = terms
        .iter()
        .map(|t| t.figure.value())
        .fold(0, u64::saturating_add);
    let lhs = terms
        .iter()
        .map(|t| ctx.term(t))
        .collect::<Vec<_>>()
        .join(" + ");
    Some(format!(
        "{lhs} = {printed}, but {} is {} (line {}): off by {}",
        total.name,
        total.figure.describe(),
        ctx.line_of(&total.pointer),
        sum.gap(total_iv)
    ))
}

/// Checks `part <= whole`; on failure returns the message.
pub(crate) fn exceeds(ctx: &Ctx<'_>, part: &Term<'_>, whole: &Term<'_>) -> Option<String> {
    let tol = ctx.tolerance();
    let (p, w) = (part.figure.interval(tol), whole.figure.interval(tol));
    if p.can_be_le(w) {
        return None;
    }
    Some(format!(
        "{} exceeds {} by {}",
        ctx.term(part),
        ctx.term(whole),
        p.lo - w.hi
    ))
}
