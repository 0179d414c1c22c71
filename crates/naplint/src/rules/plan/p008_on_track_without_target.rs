use crate::diagnostic::Severity;
use crate::model::Status;
use crate::rules::{Ctx, Family, Finding, Rule};

pub const RULE: Rule = Rule {
    code: "P008",
    name: "on-track-without-target",
    family: Family::Plan,
    severity: Severity::Warning,
    summary: "an `on_track` deliverable or item has no target year",
    docs: r#"## What it checks
A deliverable or item whose status is `on_track` has a `target` fiscal year.

## Why it matters
"On track" only means something against a date: the chart prints "On track for 2014/2015".

## Fails
```yaml
{ status: on_track }
```

## Passes
```yaml
{ status: on_track, target: 2014/15 }
```
"#,
    fixable: false,
    check: Some(check),
    claim: None,
    checks: &[],
    across: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for e in super::entries(ctx.report) {
        if e.status == Some(Status::OnTrack) && e.target.is_none() {
            out.push(
                Finding::new(
                    e.pointer.key("status"),
                    format!("{} is on track but has no target year", e.label),
                )
                .help("add `target: YYYY/YY`, the year it is on track for"),
            );
        }
    }
}
