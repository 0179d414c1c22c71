use crate::i18n::Text;
use crate::rules::{Ctx, Finding, Reads};
use crate::source::Pointer;

crate::rules::declare_rule! {
    /// ## What it checks
    /// Ids nest: objective `1.1` under pillar `1`, task `1.11` (the objective's id and one or more
    /// digits) under objective `1.1`, deliverable `1.11.3` (the task's id, a dot and a number)
    /// under task `1.11`.
    ///
    /// ## Why it matters
    /// Ids are how departments, forms and the year-over-year comparison find a deliverable; one
    /// filed under the wrong task is reported against the wrong commitment.
    ///
    /// ## Fails
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// id: "1.12.1"
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// id: "1.11.1"
    /// ```
    Rule {
        code: "P012",
        name: "id-hierarchy" / "hierarchie-identifiants",
        severity: Error,
        summary: "an id does not extend its parent's id"
            / "un identifiant ne prolonge pas celui de son parent",
        check: Some(check),
        reads: Reads::Sections(&[
            "pillars/*/id",
            "pillars/*/objectives/*/id",
            "pillars/*/objectives/*/tasks/*/id",
            "pillars/*/objectives/*/tasks/*/deliverables/*/id",
        ]),
        scope: crate::rules::Scope::Objective,
    }
    texts {
        OBJECTIVE = "objective `{id}` is under pillar `{parent}`"
            / "l'objectif `{id}` relève du pilier `{parent}`";
        OBJECTIVE_HELP = "objective ids under pillar `{parent}` are `{parent}.N`"
            / "sous le pilier `{parent}`, les objectifs sont numérotés `{parent}.N`";
        TASK = "task `{id}` is under objective `{parent}`"
            / "la tâche `{id}` relève de l'objectif `{parent}`";
        TASK_HELP = "task ids under objective `{parent}` are `{parent}N`, e.g. `{parent}1`"
            / "sous l'objectif `{parent}`, les tâches sont numérotées `{parent}N`, p. ex. `{parent}1`";
        DELIVERABLE = "deliverable `{id}` is under task `{parent}`"
            / "le livrable `{id}` relève de la tâche `{parent}`";
        DELIVERABLE_HELP = "deliverable ids under task `{parent}` are `{parent}.N`"
            / "sous la tâche `{parent}`, les livrables sont numérotés `{parent}.N`";
    }
}

fn extends(child: &str, parent: &str, separator: &str) -> bool {
    child
        .strip_prefix(parent)
        .and_then(|rest| rest.strip_prefix(separator))
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()))
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let report = |ptr: Pointer,
                  message: Text,
                  help: Text,
                  id: &str,
                  parent: &str,
                  out: &mut Vec<Finding>| {
        let args = [("id", id), ("parent", parent)];
        out.push(Finding::new(ptr, ctx.t(message, &args)).help(ctx.t(help, &args)));
    };
    for (p, pillar) in ctx.report.pillars.iter().enumerate() {
        let pp = Pointer::root().key("pillars").index(p);
        for (o, objective) in pillar.objectives.iter().enumerate() {
            let op = pp.key("objectives").index(o);
            if !extends(&objective.id, &pillar.id, ".") {
                report(
                    op.key("id"),
                    OBJECTIVE,
                    OBJECTIVE_HELP,
                    &objective.id,
                    &pillar.id,
                    out,
                );
            }
            for (t, task) in objective.tasks.iter().enumerate() {
                let tp = op.key("tasks").index(t);
                if !extends(&task.id, &objective.id, "") {
                    report(tp.key("id"), TASK, TASK_HELP, &task.id, &objective.id, out);
                }
                for (d, deliverable) in task.deliverables.iter().enumerate() {
                    if !extends(&deliverable.id, &task.id, ".") {
                        report(
                            tp.key("deliverables").index(d).key("id"),
                            DELIVERABLE,
                            DELIVERABLE_HELP,
                            &deliverable.id,
                            &task.id,
                            out,
                        );
                    }
                }
            }
        }
    }
}
