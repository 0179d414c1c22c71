use crate::diagnostic::Severity;
use crate::lang::BuiltinCheck;
use crate::rules::{Family, Rule};

pub const RULE: Rule = Rule {
    code: "R002",
    name: "trp-permits-cover-recipients",
    family: Family::Reconcile,
    severity: Severity::Error,
    summary: "fewer TRPs were issued than there are recipients",
    docs: r#"## What it checks
In the cumulative TRP statistics, `permits_issued >= recipients`.

## Why it matters
Every recipient received at least one permit (many received subsequent ones); fewer
permits than people is impossible.

## Fails
```yaml
cumulative: { permits_issued: 100, recipients: 102, ... }
```

## Passes
```yaml
cumulative: { permits_issued: 230, recipients: 102, ... }
```
"#,
    fixable: false,
    check: None,
    claim: None,
    checks: &[BuiltinCheck {
        scope: "/statistics/trp/cumulative",
        check: "permits_issued >= recipients",
        at: Some("permits_issued"),
        message: "{arithmetic}",
        help: Some("each recipient received at least one permit"),
        severity: None,
    }],
    across: None,
};
