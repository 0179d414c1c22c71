use crate::diagnostic::Severity;
use crate::rules::{parent_id, Ctx, Family, Finding, Rule};
use crate::schema::{Violation, ViolationKind};
use crate::source::{Node, Pointer};

pub const RULE: Rule = Rule {
    code: "P001",
    name: "task-without-deliverables",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "a task has no deliverables",
    docs: r#"## What it checks
Every task lists at least one deliverable.

## Why it matters
A task without deliverables cannot be reported on; in a chart it usually means rows were
attached to the wrong task.

## Fails
```yaml
tasks: [{ id: "1.12", title: Support prevention efforts, deliverables: [] }]
```

## Passes
```yaml
tasks: [{ id: "1.12", title: Support prevention efforts, deliverables: [{ id: "1.12.1", ... }] }]
```
"#,
    fixable: false,
    check: Some(check),
    claim: Some(claim),
    checks: &[],
    across: None,
};

fn message(id: &str) -> String {
    format!("task `{id}` has no deliverables")
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (p, pillar) in ctx.report.pillars.iter().enumerate() {
        for (o, objective) in pillar.objectives.iter().enumerate() {
            for (t, task) in objective.tasks.iter().enumerate() {
                if task.deliverables.is_empty() {
                    let ptr = Pointer::root()
                        .key("pillars")
                        .index(p)
                        .key("objectives")
                        .index(o)
                        .key("tasks")
                        .index(t)
                        .key("deliverables");
                    out.push(
                        Finding::new(ptr, message(&task.id))
                            .help("add the task's deliverables, or remove the task"),
                    );
                }
            }
        }
    }
}

fn claim(v: &Violation, root: &Node) -> Option<Finding> {
    let is_it = matches!(v.kind, ViolationKind::MinItems { .. })
        && v.pointer.last().as_deref() == Some("deliverables");
    is_it.then(|| {
        let id = parent_id(root, &v.pointer).unwrap_or_default();
        Finding::new(v.pointer.clone(), message(&id))
            .help("add the task's deliverables, or remove the task")
    })
}
