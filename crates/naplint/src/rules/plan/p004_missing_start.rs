use crate::diagnostic::Severity;
use crate::rules::{deliverables, Ctx, Family, Finding, Rule};

pub const RULE: Rule = Rule {
    code: "P004",
    name: "missing-start",
    family: Family::Plan,
    severity: Severity::Warning,
    summary: "a deliverable has no start fiscal year",
    docs: r#"## What it checks
Every deliverable has a `start`, unless it has items that all carry their own.

## Why it matters
The chart's Timeline column is how readers tell new work from old; without it the
year-over-year and "new" checks cannot run.

## Fails
```yaml
- { id: "1.11.1", text: Promote the online training tool, status: ongoing, leads: [PS] }
```

## Passes
```yaml
- { id: "1.11.1", text: Promote the online training tool, start: 2012/13, status: ongoing, leads: [PS] }
```
"#,
    fixable: false,
    check: Some(check),
    claim: None,
    checks: &[],
    across: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (ptr, _, d) in deliverables(ctx.report) {
        let items_cover = !d.items.is_empty() && d.items.iter().all(|i| i.start.is_some());
        if d.start.is_none() && !items_cover {
            out.push(
                Finding::new(
                    ptr,
                    format!("deliverable `{}` has no start fiscal year", d.id),
                )
                .help("add `start: YYYY/YY` as the chart's Timeline column gives it"),
            );
        }
    }
}
