use crate::diagnostic::Severity;
use crate::rules::{Ctx, Family, Finding, Rule};
use crate::source::Pointer;

pub const RULE: Rule = Rule {
    code: "R009",
    name: "funding-years-order",
    family: Family::Reconcile,
    severity: Severity::Error,
    summary: "a funding entry ends before it starts or has no amount",
    docs: r#"## What it checks
For each funding entry, `years.start <= years.end` and `amount.value > 0`.

## Why it matters
"$5.5 million, 2016-2012" or "$0" is a typo that makes funding totals per year wrong.

## Fails
```yaml
{ amount: { value: 5500000, currency: CAD }, years: { start: 2016, end: 2012 } }
```

## Passes
```yaml
{ amount: { value: 5500000, currency: CAD }, years: { start: 2012, end: 2016 } }
```
"#,
    fixable: false,
    check: Some(check),
    claim: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (i, f) in ctx.report.funding.iter().enumerate() {
        let base = Pointer::root().key("funding").index(i);
        if let Some(years) = &f.years {
            if let Some(end) = years.end.filter(|&e| e < years.start) {
                out.push(Finding::new(
                    base.key("years").key("end"),
                    format!(
                        "`{}` ends in {end}, before it starts in {}",
                        f.title, years.start
                    ),
                ));
            }
        }
        if f.amount.value.0 == 0 {
            out.push(
                Finding::new(
                    base.key("amount").key("value"),
                    format!("`{}` has an amount of 0", f.title),
                )
                .help("give the amount the report prints"),
            );
        }
    }
}
