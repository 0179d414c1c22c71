use crate::rules::{Ctx, Finding, Reads};

crate::rules::declare_rule! {
    /// ## What it checks
    /// Every deliverable has a `status`, unless it has items that all carry their own.
    ///
    /// ## Why it matters
    /// A progress report without a status for a deliverable reports no progress on it.
    ///
    /// ## Fails
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// status: null
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// status: ongoing
    /// ```
    Rule {
        code: "P007",
        name: "missing-status" / "statut-manquant",
        severity: Error,
        summary: "a deliverable has no status" / "un livrable n'a pas de statut",
        check: Some(check),
        reads: Reads::Sections(&[
            "pillars/*/objectives/*/tasks/*/deliverables/*/status",
            "pillars/*/objectives/*/tasks/*/deliverables/*/items/*/status",
            "pillars/*/objectives/*/tasks/*/deliverables/*/id",
        ]),
        scope: crate::rules::Scope::Objective,
    }
    texts {
        MESSAGE = "deliverable `{id}` has no status" / "le livrable `{id}` n'a pas de statut";
        HELP = "add `status:` as the chart's Status column gives it"
            / "ajoutez `status:` tel que l'indique la colonne État du tableau";
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (row, d) in ctx.chart.rows().iter().map(|r| (r, r.deliverable)) {
        let items_cover = !d.items.is_empty() && d.items.iter().all(|i| i.status.is_some());
        if d.status.is_none() && !items_cover {
            out.push(
                Finding::new(row.pointer(), ctx.t(MESSAGE, &[("id", &d.id)]))
                    .help(ctx.t(HELP, &[])),
            );
        }
    }
}
