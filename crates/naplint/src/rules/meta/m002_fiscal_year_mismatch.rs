use crate::diagnostic::Severity;
use crate::rules::{Ctx, Family, Finding, Rule};
use crate::source::Pointer;

pub const RULE: Rule = Rule {
    code: "M002",
    name: "fiscal-year-mismatch",
    family: Family::Meta,
    severity: Severity::Error,
    summary: "the report's fiscal year disagrees with its period",
    docs: r#"## What it checks
`report.period` is April 1 to March 31 of `report.fiscal_year` (Canada's fiscal year):
`2013/14` is 2013-04-01 to 2014-03-31.

## Why it matters
The fiscal year decides what is "new" and what starts late (P010, P011); the period decides
which figures are out of range (M003). They must say the same thing.

## Fails
```yaml
report: { fiscal_year: 2013/14, period: { start: 2012-04-01, end: 2013-03-31 } }
```

## Passes
```yaml
report: { fiscal_year: 2013/14, period: { start: 2013-04-01, end: 2014-03-31 } }
```
"#,
    fixable: false,
    check: Some(check),
    claim: None,
    checks: &[],
    across: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let meta = &ctx.report.report;
    let Some(year) = meta.fiscal_year.start_year() else {
        return;
    };
    let expected_start = format!("{year}-04-01");
    let expected_end = format!("{}-03-31", year + 1);
    let base = Pointer::root().key("report").key("period");
    for (field, actual, expected) in [
        ("start", &meta.period.start, &expected_start),
        ("end", &meta.period.end, &expected_end),
    ] {
        if actual.as_str() != expected {
            out.push(
                Finding::new(
                    base.key(field),
                    format!(
                        "period {field} `{}` does not match fiscal year `{}`",
                        actual.as_str(),
                        meta.fiscal_year.as_str()
                    ),
                )
                .help(format!(
                    "fiscal year `{}` runs from {expected_start} to {expected_end}",
                    meta.fiscal_year.as_str()
                )),
            );
        }
    }
}
