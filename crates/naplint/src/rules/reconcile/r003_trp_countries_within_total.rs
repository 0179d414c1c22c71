use crate::diagnostic::Severity;
use crate::lang::BuiltinCheck;
use crate::rules::{Family, Rule};

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
    check: None,
    claim: None,
    checks: &[
        BuiltinCheck {
            scope: "/statistics/trp/cumulative/top_countries_of_birth",
            check: "count <= $.statistics.trp.cumulative.recipients",
            at: Some("count"),
            message: "`{country}`: {arithmetic}",
            help: Some("no country can have more recipients born there than there are recipients"),
            severity: None,
        },
        BuiltinCheck {
            scope: "/statistics/trp/cumulative",
            check: "sum(top_countries_of_birth.count) <= recipients",
            at: Some("top_countries_of_birth"),
            message: "{arithmetic}",
            help: Some("recipients were born in one country each"),
            severity: None,
        },
        BuiltinCheck {
            scope: "/statistics/trp/cumulative",
            check: "distinct(top_countries_of_birth.country)",
            at: None,
            message: "country {arithmetic}",
            help: Some("list each country once"),
            severity: None,
        },
        BuiltinCheck {
            scope: "/statistics/trp/cumulative",
            check: "descending(top_countries_of_birth.count)",
            at: None,
            message: "country count {arithmetic}",
            help: Some("list the top countries from the most to the fewest recipients"),
            severity: Some(Severity::Warning),
        },
    ],
    across: None,
};
