use super::{sum_mismatch, term};
use crate::diagnostic::Severity;
use crate::rules::{Ctx, Family, Finding, Rule};
use crate::source::Pointer;

pub const RULE: Rule = Rule {
    code: "R004",
    name: "trp-annual-split",
    family: Family::Reconcile,
    severity: Severity::Error,
    summary: "initial + subsequent permits does not equal permits issued in a year",
    docs: r#"## What it checks
For each year of `trp.annual`, `initial_permits + subsequent_permits = permits_issued`.

## Why it matters
The split is printed beside the total ("14 TRPs (10 initial and 4 subsequent)"): they must
agree.

## Fails
```yaml
annual: [{ year: 2013, permits_issued: 14, initial_permits: 10, subsequent_permits: 5 }]
```

## Passes
```yaml
annual: [{ year: 2013, permits_issued: 14, initial_permits: 10, subsequent_permits: 4 }]
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
    for (i, a) in trp.annual.iter().enumerate() {
        let (Some(initial), Some(subsequent)) = (a.initial_permits, a.subsequent_permits) else {
            continue;
        };
        let base = Pointer::root()
            .key("statistics")
            .key("trp")
            .key("annual")
            .index(i);
        let terms = [
            term(&base, "initial_permits", initial),
            term(&base, "subsequent_permits", subsequent),
        ];
        if let Some(m) = sum_mismatch(
            ctx,
            &terms,
            &term(&base, "permits_issued", a.permits_issued),
        ) {
            out.push(Finding::new(
                base.key("permits_issued"),
                format!("{}: {m}", a.year),
            ));
        }
    }
}
