use super::{exceeds, term};
use crate::diagnostic::Severity;
use crate::rules::{Ctx, Family, Finding, Rule};
use crate::source::Pointer;

pub const RULE: Rule = Rule {
    code: "R008",
    name: "operation-funnel",
    family: Family::Reconcile,
    severity: Severity::Error,
    summary: "an operation's results do not narrow from charges to pleas",
    docs: r#"## What it checks
For each operation: `guilty_pleas <= charged <= charges_laid` (errors: a plea needs a charged
person, a charged person at least one charge) and `charged <= arrested` (a warning: people
can be charged without arrest).

## Why it matters
The results are a funnel; a wider step means a figure was mistyped.

## Fails
```yaml
{ arrested: 30, charged: 20, charges_laid: 18, guilty_pleas: 8 }
```

## Passes
```yaml
{ arrested: 30, charged: 20, charges_laid: 108, guilty_pleas: 8 }
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
    for (i, op) in stats.operations.iter().enumerate() {
        let base = Pointer::root().key("statistics").key("operations").index(i);
        let steps = [
            (
                "guilty_pleas",
                op.guilty_pleas,
                "charged",
                op.charged,
                Severity::Error,
            ),
            (
                "charged",
                op.charged,
                "charges_laid",
                op.charges_laid,
                Severity::Error,
            ),
            (
                "charged",
                op.charged,
                "arrested",
                op.arrested,
                Severity::Warning,
            ),
        ];
        for (part_name, part, whole_name, whole, severity) in steps {
            let (Some(part), Some(whole)) = (part, whole) else {
                continue;
            };
            let part = term(&base, part_name, part);
            if let Some(m) = exceeds(ctx, &part, &term(&base, whole_name, whole)) {
                out.push(
                    Finding::new(base.key(whole_name), format!("{}: {m}", op.name))
                        .severity(severity),
                );
            }
        }
    }
}
