use super::day_range;
use crate::rules::{Ctx, Finding, Reads};
use crate::source::Pointer;

crate::rules::declare_rule! {
    /// ## What it checks
    /// Every period (`report.period`, the TRP cumulative period, training and outreach periods)
    /// has `start` no later than `end`.
    ///
    /// ## Why it matters
    /// A reversed period is a typo that makes every date comparison against it meaningless.
    ///
    /// ## Fails
    /// ```yaml
    /// # also: M002
    /// report: { period: { start: 2014-03-31, end: 2013-04-01 } }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// report: { period: { start: 2013-04-01, end: 2014-03-31 } }
    /// ```
    Rule {
        code: "M001",
        name: "period-order" / "periode-inversee",
        severity: Error,
        summary: "a period ends before it starts" / "une période se termine avant de commencer",
        check: Some(check),
        reads: Reads::Sections(&[
            "report/period",
            "statistics/trp/cumulative/period",
            "statistics/training/*/period",
            "statistics/outreach/*/period",
        ]),
    }
    texts {
        MESSAGE = "period ends `{end}` before it starts `{start}`"
            / "la période se termine le `{end}`, avant son début le `{start}`";
        HELP = "swap or correct the dates" / "inversez ou corrigez les dates";
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let mut periods: Vec<(Pointer, &str, &str)> = vec![(
        Pointer::root().key("report").key("period"),
        r.report.period.start.as_str(),
        r.report.period.end.as_str(),
    )];
    if let Some(stats) = &r.statistics {
        let base = Pointer::root().key("statistics");
        if let Some(c) = stats.trp.as_ref().and_then(|t| t.cumulative.as_ref()) {
            periods.push((
                base.key("trp").key("cumulative").key("period"),
                c.period.start.as_str(),
                c.period.end.as_str(),
            ));
        }
        for (i, t) in stats.training.iter().enumerate() {
            periods.push((
                base.key("training").index(i).key("period"),
                t.period.start.as_str(),
                t.period.end.as_str(),
            ));
        }
        for (i, o) in stats.outreach.iter().enumerate() {
            if let Some(p) = &o.period {
                periods.push((
                    base.key("outreach").index(i).key("period"),
                    p.start.as_str(),
                    p.end.as_str(),
                ));
            }
        }
    }
    for (ptr, start, end) in periods {
        let (Some((s, _)), Some((_, e))) = (day_range(start), day_range(end)) else {
            continue;
        };
        if s > e {
            out.push(
                Finding::new(
                    ptr.key("end"),
                    ctx.t(MESSAGE, &[("start", start), ("end", end)]),
                )
                .help(ctx.t(HELP, &[])),
            );
        }
    }
}
