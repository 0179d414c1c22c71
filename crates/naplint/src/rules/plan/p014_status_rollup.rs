use crate::model::Status;
use crate::rules::{Ctx, Finding, Reads};

crate::rules::declare_rule! {
    /// ## What it checks
    /// When every item of a deliverable is `complete`, the deliverable (if it has a status) is
    /// `complete`; when the deliverable is `complete`, every item that has a status is `complete`.
    ///
    /// ## Why it matters
    /// The deliverable's status is what summaries count; it must agree with the bullets under it.
    ///
    /// ## Fails
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// status: ongoing
    /// items: [{ text: A, status: complete }, { text: B, status: complete }]
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// status: complete
    /// items: [{ text: A, status: complete }, { text: B, status: complete }]
    /// ```
    Rule {
        code: "P014",
        name: "status-rollup" / "consolidation-statuts",
        severity: Warning,
        summary: "a deliverable's status disagrees with its items' statuses"
            / "le statut d'un livrable ne concorde pas avec celui de ses éléments",
        check: Some(check),
        reads: Reads::Sections(&[
            "pillars/*/objectives/*/tasks/*/deliverables/*/status",
            "pillars/*/objectives/*/tasks/*/deliverables/*/items/*/status",
            "pillars/*/objectives/*/tasks/*/deliverables/*/id",
        ]),
        scope: crate::rules::Scope::Objective,
    }
    texts {
        ALL_COMPLETE = "every item of deliverable `{id}` is complete, but it is `{status}`"
            / "tous les éléments du livrable `{id}` sont terminés, mais son statut est `{status}`";
        ALL_COMPLETE_HELP = "mark the deliverable `complete`, or correct the items"
            / "marquez le livrable `complete` (terminé), ou corrigez les éléments";
        ITEM_NOT_COMPLETE = "deliverable `{id}` is complete, but its item {n} is `{status}`"
            / "le livrable `{id}` est terminé, mais son élément {n} a le statut `{status}`";
        ITEM_HELP = "correct the item's status, or the deliverable's"
            / "corrigez le statut de l'élément, ou celui du livrable";
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (row, d) in ctx.chart.rows().iter().map(|r| (r, r.deliverable)) {
        // An unrecognised status is P006's; comparing it here would only repeat that.
        let Some(status) = d.status.filter(|s| s.is_known()) else {
            continue;
        };
        if d.items.is_empty() {
            continue;
        }
        let all_complete = d.items.iter().all(|i| i.status == Some(Status::Complete));
        if all_complete && status != Status::Complete {
            out.push(
                Finding::new(
                    row.pointer().key("status"),
                    ctx.t(ALL_COMPLETE, &[("id", &d.id), ("status", status.as_str())]),
                )
                .help(ctx.t(ALL_COMPLETE_HELP, &[])),
            );
        }
        if status == Status::Complete {
            for (i, item) in d.items.iter().enumerate() {
                if let Some(s) = item
                    .status
                    .filter(|&s| s != Status::Complete && s.is_known())
                {
                    let n = (i + 1).to_string();
                    out.push(
                        Finding::new(
                            row.pointer().key("items").index(i).key("status"),
                            ctx.t(
                                ITEM_NOT_COMPLETE,
                                &[("id", &d.id), ("n", &n), ("status", s.as_str())],
                            ),
                        )
                        .help(ctx.t(ITEM_HELP, &[])),
                    );
                }
            }
        }
    }
}
