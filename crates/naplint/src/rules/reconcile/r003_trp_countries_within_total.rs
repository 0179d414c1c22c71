use super::{exceeds, term};
use crate::diagnostic::Severity;
use crate::model::{Figure, Interval};
use crate::rules::{Ctx, Family, Finding, Rule, Term};
use crate::source::Pointer;

pub const RULE: Rule = Rule {
    code: "R003",
    name: "trp-countries-within-total",
    family: Family::Reconcile,
    severity: Severity::Error,
    summary: "countries of birth exceed the TRP recipients, repeat, or are out of order",
    docs: r#"## What it checks
In `top_countries_of_birth`: each country's count is at most `recipients`, their sum is at
most `recipients`, no country is listed twice (errors), and the list is in descending order
of count (a warning).

## Why it matters
Recipients were born in one country each; the "top countries" of a report are read in the
order printed.

## Fails
```yaml
recipients: 102
top_countries_of_birth: [{ country: TH, count: 31 }, { country: HU, count: 80 }]
```

## Passes
```yaml
recipients: 102
top_countries_of_birth: [{ country: TH, count: 31 }, { country: HU, count: 17 }]
```
"#,
    fixable: false,
    check: Some(check),
    claim: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(c) = ctx
        .report
        .statistics
        .as_ref()
        .and_then(|s| s.trp.as_ref())
        .and_then(|t| t.cumulative.as_ref())
    else {
        return;
    };
    let base = Pointer::root()
        .key("statistics")
        .key("trp")
        .key("cumulative");
    let list = base.key("top_countries_of_birth");
    let recipients = term(&base, "recipients", c.recipients);
    let tol = ctx.tolerance();
    let mut sum = Interval::exact(0);
    let mut printed: u64 = 0;
    for (i, cc) in c.top_countries_of_birth.iter().enumerate() {
        let entry = list.index(i);
        let country = cc.country.as_str();
        let t = Term {
            name: country,
            figure: cc.count,
            pointer: entry.key("count"),
        };
        if let Some(m) = exceeds(ctx, &t, &recipients) {
            out.push(Finding::new(entry.key("count"), m));
        }
        if let Some(j) = c
            .top_countries_of_birth
            .iter()
            .take(i)
            .position(|o| o.country == cc.country)
        {
            out.push(
                Finding::new(
                    entry.key("country"),
                    format!("country `{country}` is listed twice"),
                )
                .help(format!("first listed at `{}`", list.index(j))),
            );
        }
        if let Some(prev) = i
            .checked_sub(1)
            .and_then(|p| c.top_countries_of_birth.get(p))
        {
            if prev.count.interval(tol).hi < cc.count.interval(tol).lo {
                out.push(
                    Finding::new(
                        entry.clone(),
                        format!(
                            "`{country}` ({}) is listed after `{}` ({}), out of descending order",
                            cc.count.describe(),
                            prev.country.as_str(),
                            prev.count.describe()
                        ),
                    )
                    .severity(Severity::Warning)
                    .help("list the top countries from the most to the fewest recipients"),
                );
            }
        }
        sum = sum.plus(cc.count.interval(tol));
        printed = printed.saturating_add(cc.count.value());
    }
    if !c.top_countries_of_birth.is_empty() && !sum.can_be_le(recipients.figure.interval(tol)) {
        let total = Term {
            name: "top countries",
            figure: Figure::Exact(crate::model::Count(printed)),
            pointer: list.clone(),
        };
        if let Some(m) = exceeds(ctx, &total, &recipients) {
            out.push(Finding::new(list, m).help("recipients were born in one country each"));
        }
    }
}
