use crate::rules::{Ctx, Finding, Reads};

crate::rules::declare_rule! {
    /// ## What it checks
    /// Every deliverable has a `start`, unless it has items that all carry their own.
    ///
    /// ## Why it matters
    /// The chart's Timeline column is how readers tell new work from old; without it the
    /// year-over-year and "new" checks cannot run.
    ///
    /// ## Fails
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// start: null
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// start: 2012/13
    /// ```
    Rule {
        code: "P004",
        name: "missing-start" / "debut-manquant",
        severity: Warning,
        summary: "a deliverable has no start fiscal year"
            / "un livrable n'a pas d'exercice de début",
        check: Some(check),
        reads: Reads::Sections(&[
            "pillars/*/objectives/*/tasks/*/deliverables/*/start",
            "pillars/*/objectives/*/tasks/*/deliverables/*/items/*/start",
            "pillars/*/objectives/*/tasks/*/deliverables/*/id",
        ]),
        scope: crate::rules::Scope::Objective,
    }
    texts {
        MESSAGE = "deliverable `{id}` has no start fiscal year"
            / "le livrable `{id}` n'a pas d'exercice de début";
        HELP = "add `start: YYYY/YY` as the chart's Timeline column gives it"
            / "ajoutez `start: AAAA/AA` tel que l'indique la colonne Échéancier du tableau";
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (row, d) in ctx.chart.rows().iter().map(|r| (r, r.deliverable)) {
        let items_cover = !d.items.is_empty() && d.items.iter().all(|i| i.start.is_some());
        if d.start.is_none() && !items_cover {
            out.push(
                Finding::new(row.pointer(), ctx.t(MESSAGE, &[("id", &d.id)]))
                    .help(ctx.t(HELP, &[])),
            );
        }
    }
}
