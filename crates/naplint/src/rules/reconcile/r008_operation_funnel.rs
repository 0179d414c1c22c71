use crate::diagnostic::Severity;
use crate::lang::BuiltinCheck;
use crate::rules::{Family, Rule};

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
    check: None,
    claim: None,
    checks: &[
        BuiltinCheck {
            scope: "/statistics/operations",
            check: "guilty_pleas <= charged",
            at: Some("charged"),
            message: "{name}: {arithmetic}",
            help: Some("a guilty plea needs a charged person"),
            severity: None,
        },
        BuiltinCheck {
            scope: "/statistics/operations",
            check: "charged <= charges_laid",
            at: Some("charges_laid"),
            message: "{name}: {arithmetic}",
            help: Some("each person charged faces at least one charge"),
            severity: None,
        },
        BuiltinCheck {
            scope: "/statistics/operations",
            check: "charged <= arrested",
            at: Some("arrested"),
            message: "{name}: {arithmetic}",
            help: Some(
                "people can be charged without arrest, but rarely more of them: check both figures",
            ),
            severity: Some(Severity::Warning),
        },
    ],
    across: None,
};
