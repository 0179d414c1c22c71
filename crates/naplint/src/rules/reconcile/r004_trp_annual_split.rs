use crate::diagnostic::Severity;
use crate::lang::BuiltinCheck;
use crate::rules::{Family, Rule};

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
    check: None,
    claim: None,
    checks: &[BuiltinCheck {
        scope: "/statistics/trp/annual",
        check: "initial_permits + subsequent_permits == permits_issued",
        at: None,
        message: "{year}: {arithmetic}",
        help: Some("every permit of the year is an initial or a subsequent one"),
        severity: None,
    }],
    across: None,
};
