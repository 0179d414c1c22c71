use crate::diagnostic::Severity;
use crate::model::Status;
use crate::rules::{Ctx, Family, Finding, Rule};

pub const RULE: Rule = Rule {
    code: "P010",
    name: "start-after-report-year",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "work starts after the report's fiscal year but is not `planned`",
    docs: r#"## What it checks
A deliverable or item whose `start` is later than the report's `fiscal_year` has status
`planned` (an item without a status takes its deliverable's).

## Why it matters
A 2013-14 report cannot say that work starting in 2014/15 is complete or ongoing: either the
year or the status is wrong.

## Fails
```yaml
report: { fiscal_year: 2013/14 }
# ...
{ start: 2014/15, status: ongoing }
```

## Passes
```yaml
{ start: 2014/15, status: planned }
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
        // An item without a status inherits its deliverable's.
        let status = e.status.or_else(|| e.parent.and_then(|p| p.status));
        if year > report_year
            && status != Some(Status::Planned)
            && status.is_none_or(Status::is_known)
        {
            let status =
                status.map_or_else(|| "missing".to_owned(), |s| format!("`{}`", s.as_str()));
            out.push(
                Finding::new(
                    e.pointer.key("start"),
                    format!("{} starts in `{}`, after the report year `{report_fy}`, but its status is {status}", e.label, start.as_str()),
                )
                .help("check the start year against the chart; work that has not started yet is `planned`"),
            );
        }
    }
}
