use super::{sum_mismatch, term};
use crate::diagnostic::Severity;
use crate::rules::{Ctx, Family, Finding, Rule};
use crate::source::Pointer;

pub const RULE: Rule = Rule {
    code: "R006",
    name: "investigation-outcomes",
    family: Family::Reconcile,
    severity: Severity::Error,
    summary: "investigation outcomes do not add up to investigations launched",
    docs: r#"## What it checks
For each entry of `investigations`, `closed + ongoing + escalated + concluded_with_charges =
launched`.

## Why it matters
Every investigation launched is in exactly one state; outcomes that do not add up mean an
investigation was lost or counted twice.

## Fails
```yaml
{ launched: 14, closed: 6, ongoing: 7, escalated: 1, concluded_with_charges: 1 }
```

## Passes
```yaml
{ launched: 14, closed: 6, ongoing: 6, escalated: 1, concluded_with_charges: 1 }
```
"#,
    fixable: false,
    check: Some(check),
    claim: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(stats) = &ctx.report.statistics else {
        return;
    };
    for (i, v) in stats.investigations.iter().enumerate() {
        let base = Pointer::root()
            .key("statistics")
            .key("investigations")
            .index(i);
        let terms = [
            term(&base, "closed", v.closed),
            term(&base, "ongoing", v.ongoing),
            term(&base, "escalated", v.escalated),
            term(&base, "concluded_with_charges", v.concluded_with_charges),
        ];
        if let Some(m) = sum_mismatch(ctx, &terms, &term(&base, "launched", v.launched)) {
            out.push(
                Finding::new(base.key("launched"), m)
                    .help("each investigation launched is closed, ongoing, escalated or concluded"),
            );
        }
    }
}
