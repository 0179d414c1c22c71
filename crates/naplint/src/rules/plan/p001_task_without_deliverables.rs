use crate::i18n::Lang;
use crate::rules::{parent_id, Ctx, Finding, Reads};
use crate::schema::{Violation, ViolationKind};
use crate::source::{Node, Pointer};

crate::rules::declare_rule! {
    /// ## What it checks
    /// Every task lists at least one deliverable.
    ///
    /// ## Why it matters
    /// A task without deliverables cannot be reported on; in a chart it usually means rows were
    /// attached to the wrong task.
    ///
    /// ## Fails
    /// ```yaml
    /// pillars: [{ id: "1", key: prevention, name: Prevention, objectives: [{ id: "1.1", statement: Prevent., tasks: [
    ///   { id: "1.11", title: Campaigns., deliverables: [
    ///     { id: "1.11.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    ///   ] },
    ///   { id: "1.12", title: Support prevention efforts, deliverables: [] }
    /// ] }] }]
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// pillars: [{ id: "1", key: prevention, name: Prevention, objectives: [{ id: "1.1", statement: Prevent., tasks: [
    ///   { id: "1.11", title: Campaigns., deliverables: [
    ///     { id: "1.11.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    ///   ] },
    ///   { id: "1.12", title: Support prevention efforts, deliverables: [{ id: "1.12.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }] }
    /// ] }] }]
    /// ```
    Rule {
        code: "P001",
        name: "task-without-deliverables" / "tache-sans-livrable",
        severity: Error,
        summary: "a task has no deliverables" / "une tâche n'a aucun livrable",
        check: Some(check),
        claim: Some(claim),
        reads: Reads::Sections(&["pillars"]),
        scope: crate::rules::Scope::Objective,
    }
    texts {
        MESSAGE = "task `{id}` has no deliverables" / "la tâche `{id}` n'a aucun livrable";
        HELP = "add the task's deliverables, or remove the task"
            / "ajoutez les livrables de la tâche, ou retirez la tâche";
    }
}

fn finding(pointer: Pointer, id: &str, lang: Lang) -> Finding {
    Finding::new(pointer, MESSAGE.render(lang, &[("id", id)])).help(HELP.get(lang))
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
                    out.push(finding(ptr, &task.id, ctx.lang()));
                }
            }
        }
    }
}

fn claim(v: &Violation, root: &Node, lang: Lang) -> Option<Finding> {
    let is_it = matches!(v.kind, ViolationKind::MinItems { .. })
        && v.pointer.last().as_deref() == Some("deliverables");
    is_it.then(|| {
        finding(
            v.pointer.clone(),
            &parent_id(root, &v.pointer).unwrap_or_default(),
            lang,
        )
    })
}
