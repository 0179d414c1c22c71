use super::{exceeds, term};
use crate::diagnostic::Severity;
use crate::rules::meta::day_range;
use crate::rules::{Ctx, Family, Finding, Rule};
use crate::source::Pointer;

pub const RULE: Rule = Rule {
    code: "R005",
    name: "trp-annual-within-cumulative",
    family: Family::Reconcile,
    severity: Severity::Error,
    summary: "a year's TRP figures exceed the cumulative figures that include that year",
    docs: r#"## What it checks
For each year of `trp.annual` that lies inside the cumulative period, its `permits_issued`
is at most the cumulative `permits_issued`, and its `new_victims` and `initial_permits` at
most the cumulative `recipients`.

## Why it matters
A part cannot exceed a total that includes it.

## Fails
```yaml
cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 12, recipients: 10 }
annual: [{ year: 2013, permits_issued: 14 }]
```

## Passes
```yaml
cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 230, recipients: 102 }
annual: [{ year: 2013, permits_issued: 14 }]
```
"#,
    fixable: false,
    check: Some(check),
    claim: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(trp) = ctx.report.statistics.as_ref().and_then(|s| s.trp.as_ref()) else {
        return;
    };
    let Some(c) = &trp.cumulative else { return };
    let (Some((from, _)), Some((_, to))) = (
        day_range(c.period.start.as_str()),
        day_range(c.period.end.as_str()),
    ) else {
        return;
    };
    let cbase = Pointer::root()
        .key("statistics")
        .key("trp")
        .key("cumulative");
    for (i, a) in trp.annual.iter().enumerate() {
        let Some((year_first, year_last)) = day_range(&a.year.to_string()) else {
            continue;
        };
        if year_first < from || year_last > to {
            continue;
        }
        let base = Pointer::root()
            .key("statistics")
            .key("trp")
            .key("annual")
            .index(i);
        let mut pairs = vec![(
            term(&base, "permits_issued", a.permits_issued),
            term(&cbase, "permits_issued", c.permits_issued),
        )];
        pairs.extend(a.new_victims.map(|v| {
            (
                term(&base, "new_victims", v),
                term(&cbase, "recipients", c.recipients),
            )
        }));
        pairs.extend(a.initial_permits.map(|v| {
            (
                term(&base, "initial_permits", v),
                term(&cbase, "recipients", c.recipients),
            )
        }));
        for (part, whole) in pairs {
            if let Some(m) = exceeds(ctx, &part, &whole) {
                out.push(
                    Finding::new(part.pointer.clone(), format!("{}: {m}", a.year))
                        .help("the cumulative figures include this year"),
                );
            }
        }
    }
}
