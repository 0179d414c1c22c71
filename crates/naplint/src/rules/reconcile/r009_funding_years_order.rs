use crate::diagnostic::Severity;
use crate::lang::BuiltinCheck;
use crate::rules::{Family, Rule};

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
    check: None,
    claim: None,
    checks: &[
        BuiltinCheck {
            scope: "/funding",
            check: "years.start <= years.end",
            at: Some("years.end"),
            message: "`{title}` ends before it starts: {arithmetic}",
            help: Some("correct the years as the report prints them"),
            severity: None,
        },
        BuiltinCheck {
            scope: "/funding",
            check: "amount.value > 0",
            at: Some("amount.value"),
            message: "`{title}` has no amount: {arithmetic}",
            help: Some("give the amount the report prints"),
            severity: None,
        },
    ],
    across: None,
};
