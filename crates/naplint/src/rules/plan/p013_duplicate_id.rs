use crate::i18n::Text;
use crate::rules::{Ctx, Finding, Reads};
use crate::source::Pointer;
use std::collections::HashMap;

crate::rules::declare_rule! {
    /// ## What it checks
    /// Pillar, objective, task and deliverable ids are unique in the document, and so are
    /// department codes.
    ///
    /// ## Why it matters
    /// Ids are join keys: forms, year-over-year comparison and fixes address a deliverable by id.
    ///
    /// ## Fails
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0
    /// deliverables:
    ///   - { id: "1.11.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    ///   - { id: "1.11.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0
    /// deliverables:
    ///   - { id: "1.11.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    ///   - { id: "1.11.2", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    /// ```
    Rule {
        code: "P013",
        name: "duplicate-id" / "identifiant-en-double",
        severity: Error,
        summary: "two pillars, objectives, tasks, deliverables or departments share an id"
            / "deux piliers, objectifs, tâches, livrables ou ministères ont le même identifiant",
        check: Some(check),
        reads: Reads::Sections(&["departments", "pillars"]),
    }
    texts {
        MESSAGE = "duplicate {kind} id `{id}`" / "identifiant de {kind} en double `{id}`";
        HELP = "also used at `{first}`" / "déjà utilisé à `{first}`";
        KIND_DEPARTMENT = "department" / "ministère";
        KIND_PILLAR = "pillar" / "pilier";
        KIND_OBJECTIVE = "objective" / "objectif";
        KIND_TASK = "task" / "tâche";
        KIND_DELIVERABLE = "deliverable" / "livrable";
    }
}

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
