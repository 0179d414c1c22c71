use crate::diagnostic::Severity;
use crate::i18n::Text;
use crate::rules::{Ctx, Family, Finding, Reads, Rule};
use crate::source::Pointer;
use std::collections::HashMap;

pub const RULE: Rule = Rule {
    code: "P013",
    name: "duplicate-id",
    name_fr: "identifiant-en-double",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "two pillars, objectives, tasks, deliverables or departments share an id",
    summary_fr: "deux piliers, objectifs, tâches, livrables ou ministères ont le même identifiant",
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
    docs_fr: include_str!("p013_duplicate_id.fr.md"),
    check: Some(check),
    texts: &[
        MESSAGE,
        HELP,
        KIND_DEPARTMENT,
        KIND_PILLAR,
        KIND_OBJECTIVE,
        KIND_TASK,
        KIND_DELIVERABLE,
    ],
    reads: Reads::Sections(&["departments", "pillars"]),
    ..Rule::DEFAULT
};

const MESSAGE: Text = Text::new(
    "duplicate {kind} id `{id}`",
    "identifiant de {kind} en double `{id}`",
);
const HELP: Text = Text::new("also used at `{first}`", "déjà utilisé à `{first}`");
const KIND_DEPARTMENT: Text = Text::new("department", "ministère");
const KIND_PILLAR: Text = Text::new("pillar", "pilier");
const KIND_OBJECTIVE: Text = Text::new("objective", "objectif");
const KIND_TASK: Text = Text::new("task", "tâche");
const KIND_DELIVERABLE: Text = Text::new("deliverable", "livrable");

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let mut seen: HashMap<(&str, String), Pointer> = HashMap::new();
    let mut visit = |kind: Text, id: &str, ptr: Pointer, out: &mut Vec<Finding>| {
        let key = (kind.en, id.to_owned());
        if let Some(first) = seen.get(&key) {
            let first = first.to_string();
            out.push(
                Finding::new(
                    ptr,
                    ctx.t(MESSAGE, &[("kind", kind.get(ctx.lang())), ("id", id)]),
                )
                .help(ctx.t(HELP, &[("first", &first)])),
            );
        } else {
            seen.insert(key, ptr);
        }
    };
    for (i, d) in ctx.report.departments.iter().enumerate() {
        visit(
            KIND_DEPARTMENT,
            d.code.as_str(),
            Pointer::root().key("departments").index(i).key("code"),
            out,
        );
    }
    for (p, pillar) in ctx.report.pillars.iter().enumerate() {
        let pp = Pointer::root().key("pillars").index(p);
        visit(KIND_PILLAR, &pillar.id, pp.key("id"), out);
        for (o, objective) in pillar.objectives.iter().enumerate() {
            let op = pp.key("objectives").index(o);
            visit(KIND_OBJECTIVE, &objective.id, op.key("id"), out);
            for (t, task) in objective.tasks.iter().enumerate() {
                let tp = op.key("tasks").index(t);
                visit(KIND_TASK, &task.id, tp.key("id"), out);
                for (d, deliverable) in task.deliverables.iter().enumerate() {
                    visit(
                        KIND_DELIVERABLE,
                        &deliverable.id,
                        tp.key("deliverables").index(d).key("id"),
                        out,
                    );
                }
            }
        }
    }
}
