use super::day_range;
use crate::diagnostic::Severity;
use crate::i18n::Text;
use crate::rules::{Ctx, Family, Finding, Reads, Rule};
use crate::source::Pointer;

pub const RULE: Rule = Rule {
    code: "M001",
    name: "period-order",
    name_fr: "periode-inversee",
    family: Family::Meta,
    severity: Severity::Error,
    summary: "a period ends before it starts",
    summary_fr: "une période se termine avant de commencer",
    docs: r#"## What it checks
Every period (`report.period`, the TRP cumulative period, training and outreach periods)
has `start` no later than `end`.

## Why it matters
A reversed period is a typo that makes every date comparison against it meaningless.

## Fails
```yaml
period: { start: 2014-03-31, end: 2013-04-01 }
```

## Passes
```yaml
period: { start: 2013-04-01, end: 2014-03-31 }
```
"#,
    docs_fr: include_str!("m001_period_order.fr.md"),
    check: Some(check),
    texts: &[MESSAGE, HELP],
    reads: Reads::Sections(&["report", "statistics"]),
    ..Rule::DEFAULT
};

const MESSAGE: Text = Text::new(
    "period ends `{end}` before it starts `{start}`",
    "la période se termine le `{end}`, avant son début le `{start}`",
);
const HELP: Text = Text::new(
    "swap or correct the dates",
    "inversez ou corrigez les dates",
);

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
