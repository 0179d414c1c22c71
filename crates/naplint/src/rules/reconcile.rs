//! R: statistics reconcile. Each rule is a set of checks in the rule language
//! (`crate::lang`), run by the same evaluator as users' own rules. Figures are intervals
//! (exact 87 is [87, 87], approximately 87 is 87 ± tolerance, over 100 is [101, ∞)), so a
//! relation fails only when no choice of values inside the intervals can make it hold;
//! the message shows the arithmetic with the line of every term.

// codegen:modules:start (`cargo xtask codegen` writes this block; do not edit)
pub mod r001_trp_breakdown;
pub mod r002_trp_permits_cover_recipients;
pub mod r003_trp_countries_within_total;
pub mod r004_trp_annual_split;
pub mod r005_trp_annual_within_cumulative;
pub mod r006_investigation_outcomes;
pub mod r007_subset_exceeds_total;
pub mod r008_operation_funnel;
pub mod r009_funding_years_order;
// codegen:modules:end
