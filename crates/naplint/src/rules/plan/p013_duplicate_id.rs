use crate::diagnostic::Severity;
use crate::rules::{Ctx, Family, Finding, Rule};
use crate::source::Pointer;
use std::collections::HashMap;

pub const RULE: Rule = Rule {
    code: "P013",
    name: "duplicate-id",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "two pillars, objectives, tasks, deliverables or departments share an id",
    docs: r#"## What it checks
Pillar, objective, task and deliverable ids are unique in the document, and so are
department codes.

## Why it matters
Ids are join keys: forms, year-over-year comparison and fixes address a deliverable by id.

## Fails
```yaml
deliverables: [{ id: "1.11.1", ... }, { id: "1.11.1", ... }]
```

## Passes
```yaml
deliverables: [{ id: "1.11.1", ... }, { id: "1.11.2", ... }]
```
"#,
    fixable: false,
    check: Some(check),
    claim: None,
    checks: &[],
    across: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let mut seen: HashMap<(&str, String), Pointer> = HashMap::new();
    let mut visit = |kind: &'static str, id: &str, ptr: Pointer, out: &mut Vec<Finding>| {
        let key = (kind, id.to_owned());
        if let Some(first) = seen.get(&key) {
            out.push(
                Finding::new(ptr, format!("duplicate {kind} id `{id}`"))
                    .help(format!("also used at `{first}`")),
            );
        } else {
            seen.insert(key, ptr);
        }
    };
    for (i, d) in ctx.report.departments.iter().enumerate() {
        visit(
            "department",
            d.code.as_str(),
            Pointer::root().key("departments").index(i).key("code"),
            out,
        );
    }
    for (p, pillar) in ctx.report.pillars.iter().enumerate() {
        let pp = Pointer::root().key("pillars").index(p);
        visit("pillar", &pillar.id, pp.key("id"), out);
        for (o, objective) in pillar.objectives.iter().enumerate() {
            let op = pp.key("objectives").index(o);
            visit("objective", &objective.id, op.key("id"), out);
            for (t, task) in objective.tasks.iter().enumerate() {
                let tp = op.key("tasks").index(t);
                visit("task", &task.id, tp.key("id"), out);
                for (d, deliverable) in task.deliverables.iter().enumerate() {
                    visit(
                        "deliverable",
                        &deliverable.id,
                        tp.key("deliverables").index(d).key("id"),
                        out,
                    );
                }
            }
        }
    }
}
