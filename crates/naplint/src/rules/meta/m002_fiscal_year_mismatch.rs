use crate::rules::{Ctx, Finding, Reads};
use crate::source::Pointer;

crate::rules::declare_rule! {
    /// ## What it checks
    /// `report.period` is April 1 to March 31 of `report.fiscal_year` (Canada's fiscal year):
    /// `2013/14` is 2013-04-01 to 2014-03-31.
    ///
    /// ## Why it matters
    /// The fiscal year decides what is "new" and what starts late (P010, P011); the period decides
    /// which figures are out of range (M003). They must say the same thing.
    ///
    /// ## Fails
    /// ```yaml
    /// report: { fiscal_year: 2013/14, period: { start: 2012-04-01, end: 2013-03-31 } }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// report: { fiscal_year: 2013/14, period: { start: 2013-04-01, end: 2014-03-31 } }
    /// ```
    Rule {
        code: "M002",
        name: "fiscal-year-mismatch" / "exercice-incoherent",
        severity: Error,
        summary: "the report's fiscal year disagrees with its period"
            / "l'exercice du rapport ne concorde pas avec sa période",
        check: Some(check),
        reads: Reads::Sections(&["report/fiscal_year", "report/period"]),
    }
    texts {
        START = "period start `{date}` does not match fiscal year `{year}`"
            / "le début de la période `{date}` ne correspond pas à l'exercice `{year}`";
        END = "period end `{date}` does not match fiscal year `{year}`"
            / "la fin de la période `{date}` ne correspond pas à l'exercice `{year}`";
        HELP = "fiscal year `{year}` runs from {start} to {end}"
            / "l'exercice `{year}` va du {start} au {end}";
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let meta = &ctx.report.report;
    let Some(year) = meta.fiscal_year.start_year() else {
        return;
    };
    let expected_start = format!("{year}-04-01");
    let expected_end = format!("{}-03-31", year + 1);
    let base = Pointer::root().key("report").key("period");
    let fy = meta.fiscal_year.as_str();
    for (field, text, actual, expected) in [
        ("start", START, &meta.period.start, &expected_start),
        ("end", END, &meta.period.end, &expected_end),
    ] {
        if actual.as_str() != expected {
            out.push(
                Finding::new(
                    base.key(field),
                    ctx.t(text, &[("date", actual.as_str()), ("year", fy)]),
                )
                .help(ctx.t(
                    HELP,
                    &[
                        ("year", fy),
                        ("start", &expected_start),
                        ("end", &expected_end),
                    ],
                )),
            );
        }
    }
}
