use crate::diagnostic::Severity;
use crate::lang::BuiltinCheck;
use crate::rules::{Family, Rule};

pub const RULE: Rule = Rule {
    code: "R001",
    name: "trp-breakdown",
    family: Family::Reconcile,
    severity: Severity::Error,
    summary: "male + female + minor dependents does not equal TRP recipients",
    docs: r#"## What it checks
In the cumulative TRP statistics, `male + female + minor_dependents = recipients`, over
figure intervals.

## Why it matters
The breakdown is published beside the total; a department's typo in one figure makes the
published numbers contradict each other.

## Fails
```yaml
cumulative: { recipients: 102, male: 29, female: 68, minor_dependents: 6, ... }
```

## Passes
```yaml
cumulative: { recipients: 102, male: 28, female: 68, minor_dependents: 6, ... }
```
"#,
    fixable: false,
    check: None,
    claim: None,
    checks: &[BuiltinCheck {
        scope: "/statistics/trp/cumulative",
        check: "male + female + minor_dependents == recipients",
        at: None,
        message: "{arithmetic}",
        help: Some("every recipient is male, female or a minor dependent: correct the figure that was mistyped"),
        severity: None,
    }],
    across: None,
};
