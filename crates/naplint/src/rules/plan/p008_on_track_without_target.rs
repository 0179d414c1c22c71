use crate::model::Status;
use crate::rules::{Ctx, Finding, Reads};

crate::rules::declare_rule! {
    /// ## What it checks
    /// A deliverable or item whose status is `on_track` has a `target` fiscal year.
    ///
    /// ## Why it matters
    /// "On track" only means something against a date: the chart prints "On track for 2014/2015".
    ///
    /// ## Fails
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// { status: on_track }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// { status: on_track, target: 2014/15 }
    /// ```
    Rule {
        code: "P008",
        name: "on-track-without-target" / "en-voie-sans-cible",
        severity: Warning,
        summary: "an `on_track` deliverable or item has no target year"
            / "un livrable ou un élément `on_track` n'a pas d'exercice cible",
        check: Some(check),
        reads: Reads::Sections(&[
            "pillars/*/objectives/*/tasks/*/deliverables/*/status",
            "pillars/*/objectives/*/tasks/*/deliverables/*/target",
            "pillars/*/objectives/*/tasks/*/deliverables/*/items/*/status",
            "pillars/*/objectives/*/tasks/*/deliverables/*/items/*/target",
            "pillars/*/objectives/*/tasks/*/deliverables/*/id",
        ]),
        scope: crate::rules::Scope::Objective,
    }
    texts {
        MESSAGE = "{what} is on track but has no target year"
            / "{what} est en bonne voie, mais n'a pas d'exercice cible";
        HELP = "add `target: YYYY/YY`, the year it is on track for"
            / "ajoutez `target: AAAA/AA`, l'exercice visé";
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for e in ctx.chart.entries() {
        if e.status == Some(Status::OnTrack) && e.target.is_none() {
            out.push(
                Finding::new(
                    e.pointer().key("status"),
                    ctx.t(MESSAGE, &[("what", &e.label(ctx.lang()))]),
                )
                .help(ctx.t(HELP, &[])),
            );
        }
    }
}
