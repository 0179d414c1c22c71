use crate::rules::{Ctx, Finding, Reads};

crate::rules::declare_rule! {
    /// ## What it checks
    /// An item's `start` is not earlier than its deliverable's `start`.
    ///
    /// ## Why it matters
    /// A deliverable starts when its first part starts; an earlier item means one of the two years
    /// is wrong.
    ///
    /// ## Fails
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// start: 2012/13
    /// items: [{ text: A, start: 2011/12 }]
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// start: 2011/12
    /// items: [{ text: A, start: 2011/12 }, { text: B, start: 2012/13 }]
    /// ```
    Rule {
        code: "P015",
        name: "item-start-before-parent" / "element-avant-livrable",
        severity: Warning,
        summary: "an item starts before its deliverable"
            / "un élément commence avant son livrable",
        check: Some(check),
        reads: Reads::Sections(&[
            "pillars/*/objectives/*/tasks/*/deliverables/*/start",
            "pillars/*/objectives/*/tasks/*/deliverables/*/items/*/start",
            "pillars/*/objectives/*/tasks/*/deliverables/*/id",
        ]),
        scope: crate::rules::Scope::Objective,
    }
    texts {
        MESSAGE = "item {n} of deliverable `{id}` starts in `{start}`, before the deliverable's `{parent}`"
            / "l'élément {n} du livrable `{id}` commence en `{start}`, avant le livrable (`{parent}`)";
        HELP = "a deliverable starts with its first item: correct the item's start or the deliverable's"
            / "un livrable commence avec son premier élément : corrigez le début de l'élément ou celui du livrable";
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (row, d) in ctx.chart.rows().iter().map(|r| (r, r.deliverable)) {
        let Some(parent_start) = &d.start else {
            continue;
        };
        let Some(parent) = parent_start.start_year() else {
            continue;
        };
        for (i, item) in d.items.iter().enumerate() {
            let Some(start) = &item.start else { continue };
            if start.start_year().is_some_and(|y| y < parent) {
                let n = (i + 1).to_string();
                let args = [
                    ("n", n.as_str()),
                    ("id", d.id.as_str()),
                    ("start", start.as_str()),
                    ("parent", parent_start.as_str()),
                ];
                out.push(
                    Finding::new(
                        row.pointer().key("items").index(i).key("start"),
                        ctx.t(MESSAGE, &args),
                    )
                    .help(ctx.t(HELP, &[])),
                );
            }
        }
    }
}
