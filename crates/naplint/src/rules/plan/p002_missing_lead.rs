use crate::diagnostic::Severity;
use crate::rules::{deliverables, parent_id, Ctx, Family, Finding, Rule};
use crate::schema::{Violation, ViolationKind};
use crate::source::Node;

pub const RULE: Rule = Rule {
    code: "P002",
    name: "missing-lead",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "a deliverable has no lead department",
    docs: r#"## What it checks
Every deliverable names at least one lead department in `leads`.

## Why it matters
Accountability is the point of the chart: a deliverable nobody leads is one nobody reports on.

## Fails
```yaml
- { id: "2.13.4", text: Develop options, start: 2012/13, status: ongoing, leads: [] }
```

## Passes
```yaml
- { id: "2.13.4", text: Develop options, start: 2012/13, status: ongoing, leads: [CIC] }
```
"#,
    fixable: false,
    check: Some(check),
    claim: Some(claim),
    checks: &[],
    across: None,
};

const HELP: &str = "add at least one department code from /departments";

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (ptr, _, d) in deliverables(ctx.report) {
        if d.leads.is_empty() {
            out.push(
                Finding::new(
                    ptr.key("leads"),
                    format!("deliverable `{}` has no lead department", d.id),
                )
                .help(HELP),
            );
        }
    }
}

fn claim(v: &Violation, root: &Node) -> Option<Finding> {
    let is_it = matches!(v.kind, ViolationKind::MinItems { .. })
        && v.pointer.last().as_deref() == Some("leads");
    is_it.then(|| {
        let id = parent_id(root, &v.pointer).unwrap_or_default();
        Finding::new(
            v.pointer.clone(),
            format!("deliverable `{id}` has no lead department"),
        )
        .help(HELP)
    })
}
