use crate::diagnostic::Severity;
use crate::rules::{deliverables, Ctx, Family, Finding, Rule};

pub const RULE: Rule = Rule {
    code: "P007",
    name: "missing-status",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "a deliverable has no status",
    docs: r#"## What it checks
Every deliverable has a `status`, unless it has items that all carry their own.

## Why it matters
A progress report without a status for a deliverable reports no progress on it.

## Fails
```yaml
- { id: "1.11.6", text: Disseminate awareness materials, start: 2012/13, leads: [DFATD] }
```

## Passes
```yaml
- { id: "1.11.6", text: Disseminate awareness materials, start: 2012/13, status: ongoing, leads: [DFATD] }
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
        let items_cover = !d.items.is_empty() && d.items.iter().all(|i| i.status.is_some());
        if d.status.is_none() && !items_cover {
            out.push(
                Finding::new(ptr, format!("deliverable `{}` has no status", d.id))
                    .help("add `status:` as the chart's Status column gives it"),
            );
        }
    }
}
