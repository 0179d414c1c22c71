use crate::diagnostic::Severity;
use crate::rules::{Ctx, Family, Finding, Rule};

pub const RULE: Rule = Rule {
    code: "P011",
    name: "new-flag-mismatch",
    family: Family::Plan,
    severity: Severity::Warning,
    summary: "the `new` flag disagrees with the start year",
    docs: r#"## What it checks
A deliverable or item flagged `new` (the chart's "NEW:") starts in the report's fiscal year
or later; one that starts in the report's fiscal year is flagged `new`.

## Why it matters
Readers use "NEW" to see what the year added; a wrong flag hides new work or re-announces
old work.

## Fails
```yaml
report: { fiscal_year: 2013/14 }
# ...
{ new: true, start: 2012/13 }
```

## Passes
```yaml
{ new: true, start: 2013/14 }
```
"#,
    fixable: false,
    check: Some(check),
    claim: None,
    checks: &[],
    across: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(report_year) = ctx.report_year() else {
        return;
    };
    let report_fy = ctx.report.report.fiscal_year.as_str();
    for e in super::entries(ctx.report) {
        let Some(start) = e.start else { continue };
        let Some(year) = start.start_year() else {
            continue;
        };
        if e.new && year < report_year {
            out.push(
                Finding::new(e.pointer.key("new"), format!("{} is flagged new but started in `{}`, before the report year `{report_fy}`", e.label, start.as_str()))
                    .help("remove `new: true`, or correct the start year"),
            );
        } else if !e.new && year == report_year {
            out.push(
                Finding::new(
                    e.pointer.key("start"),
                    format!(
                        "{} starts in the report year `{report_fy}` but is not flagged new",
                        e.label
                    ),
                )
                .help("add `new: true` if the chart prints it as NEW, or correct the start year"),
            );
        }
    }
}
