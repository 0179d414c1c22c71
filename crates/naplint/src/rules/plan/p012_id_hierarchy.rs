use crate::diagnostic::Severity;
use crate::rules::{Ctx, Family, Finding, Rule};
use crate::source::Pointer;

pub const RULE: Rule = Rule {
    code: "P012",
    name: "id-hierarchy",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "an id does not extend its parent's id",
    docs: r#"## What it checks
Ids nest: objective `1.1` under pillar `1`, task `1.11` (the objective's id and one or more
digits) under objective `1.1`, deliverable `1.11.3` (the task's id, a dot and a number)
under task `1.11`.

## Why it matters
Ids are how departments, forms and the year-over-year comparison find a deliverable; one
filed under the wrong task is reported against the wrong commitment.

## Fails
```yaml
- id: "1.11"
  deliverables: [{ id: "1.12.1", ... }]
```

## Passes
```yaml
- id: "1.11"
  deliverables: [{ id: "1.11.1", ... }]
```
"#,
    fixable: false,
    check: Some(check),
    claim: None,
    checks: &[],
    across: None,
};

fn extends(child: &str, parent: &str, separator: &str) -> bool {
    child
        .strip_prefix(parent)
        .and_then(|rest| rest.strip_prefix(separator))
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()))
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (p, pillar) in ctx.report.pillars.iter().enumerate() {
        let pp = Pointer::root().key("pillars").index(p);
        for (o, objective) in pillar.objectives.iter().enumerate() {
            let op = pp.key("objectives").index(o);
            if !extends(&objective.id, &pillar.id, ".") {
                out.push(
                    Finding::new(
                        op.key("id"),
                        format!(
                            "objective `{}` is under pillar `{}`",
                            objective.id, pillar.id
                        ),
                    )
                    .help(format!(
                        "objective ids under pillar `{0}` are `{0}.N`",
                        pillar.id
                    )),
                );
            }
            for (t, task) in objective.tasks.iter().enumerate() {
                let tp = op.key("tasks").index(t);
                if !extends(&task.id, &objective.id, "") {
                    out.push(
                        Finding::new(
                            tp.key("id"),
                            format!("task `{}` is under objective `{}`", task.id, objective.id),
                        )
                        .help(format!(
                            "task ids under objective `{0}` are `{0}N`, e.g. `{0}1`",
                            objective.id
                        )),
                    );
                }
                for (d, deliverable) in task.deliverables.iter().enumerate() {
                    if !extends(&deliverable.id, &task.id, ".") {
                        out.push(
                            Finding::new(
                                tp.key("deliverables").index(d).key("id"),
                                format!(
                                    "deliverable `{}` is under task `{}`",
                                    deliverable.id, task.id
                                ),
                            )
                            .help(format!(
                                "deliverable ids under task `{0}` are `{0}.N`",
                                task.id
                            )),
                        );
                    }
                }
            }
        }
    }
}
