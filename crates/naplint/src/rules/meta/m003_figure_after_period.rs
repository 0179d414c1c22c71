use super::day_range;
use crate::rules::{Ctx, Finding, Reads};
use crate::source::Pointer;

crate::rules::declare_rule! {
    /// ## What it checks
    /// No statistic is dated after `report.period.end`: the end of the TRP, training and outreach
    /// periods, `as_of` of court cases, outreach and funding results, `since` of investigations
    /// and outreach, and `concluded` of operations. A partial date (`2014`, `2014-04`) is after the
    /// period only if its first possible day is.
    ///
    /// ## Why it matters
    /// A report on 2013-14 that counts events of April 2014 mixes years: next year's report will
    /// count them again.
    ///
    /// ## Fails
    /// ```yaml
    /// statistics:
    ///   training: [{ provider: PS, period: { start: "2010", end: 2014-04 }, participants: 100 }]
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// statistics:
    ///   training: [{ provider: PS, period: { start: "2010", end: 2014-03 }, participants: 100 }]
    /// ```
    Rule {
        code: "M003",
        name: "figure-after-period" / "chiffre-apres-periode",
        severity: Warning,
        summary: "a statistic is dated after the report period"
            / "une statistique est datée d'après la période du rapport",
        check: Some(check),
        reads: Reads::Sections(&[
            "report/period/end",
            "statistics/trp/cumulative/period/end",
            "statistics/court_cases/as_of",
            "statistics/operations/*/concluded",
            "statistics/investigations/*/since",
            "statistics/training/*/period/end",
            "statistics/outreach/*/since",
            "statistics/outreach/*/as_of",
            "statistics/outreach/*/period/end",
            "funding/*/results/*/as_of",
        ]),
    }
    texts {
        MESSAGE = "statistic dated `{date}`, after the report period ends `{end}`"
            / "statistique datée du `{date}`, après la fin de la période du rapport (`{end}`)";
        HELP = "report the figure as of the period's end, or leave it to next year's report"
            / "donnez le chiffre à la fin de la période, ou laissez-le au rapport de l'an prochain";
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let end_text = ctx.report.report.period.end.as_str();
    let Some((_, period_end)) = day_range(end_text) else {
        return;
    };
    let Some(stats) = &ctx.report.statistics else {
        return;
    };
    let base = Pointer::root().key("statistics");
    let mut dates: Vec<(Pointer, &str)> = Vec::new();
    if let Some(c) = stats.trp.as_ref().and_then(|t| t.cumulative.as_ref()) {
        dates.push((
            base.key("trp").key("cumulative").key("period").key("end"),
            c.period.end.as_str(),
        ));
    }
    if let Some(c) = &stats.court_cases {
        dates.push((base.key("court_cases").key("as_of"), c.as_of.as_str()));
    }
    for (i, o) in stats.operations.iter().enumerate() {
        dates.extend(
            o.concluded
                .as_ref()
                .map(|d| (base.key("operations").index(i).key("concluded"), d.as_str())),
        );
    }
    for (i, v) in stats.investigations.iter().enumerate() {
        dates.extend(
            v.since
                .as_ref()
                .map(|d| (base.key("investigations").index(i).key("since"), d.as_str())),
        );
    }
    for (i, t) in stats.training.iter().enumerate() {
        dates.push((
            base.key("training").index(i).key("period").key("end"),
            t.period.end.as_str(),
        ));
    }
    for (i, o) in stats.outreach.iter().enumerate() {
        let p = base.key("outreach").index(i);
        dates.extend(o.since.as_ref().map(|d| (p.key("since"), d.as_str())));
        dates.extend(o.as_of.as_ref().map(|d| (p.key("as_of"), d.as_str())));
        dates.extend(
            o.period
                .as_ref()
                .map(|d| (p.key("period").key("end"), d.end.as_str())),
        );
    }
    for (i, f) in ctx.report.funding.iter().enumerate() {
        for (j, r) in f.results.iter().enumerate() {
            dates.extend(r.as_of.as_ref().map(|d| {
                (
                    Pointer::root()
                        .key("funding")
                        .index(i)
                        .key("results")
                        .index(j)
                        .key("as_of"),
                    d.as_str(),
                )
            }));
        }
    }
    for (ptr, date) in dates {
        if day_range(date).is_some_and(|(first, _)| first > period_end) {
            out.push(
                Finding::new(ptr, ctx.t(MESSAGE, &[("date", date), ("end", end_text)]))
                    .help(ctx.t(HELP, &[])),
            );
        }
    }
}
