use crate::rules::{Ctx, Finding, Reads};

crate::rules::declare_rule! {
    /// ## What it checks
    /// When a deliverable or item has both, `target` is not earlier than `start`.
    ///
    /// ## Why it matters
    /// Work cannot be due before it starts: one of the two years is mistyped.
    ///
    /// ## Fails
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// { start: 2013/14, new: true, status: on_track, target: 2012/13 }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// { start: 2013/14, new: true, status: on_track, target: 2014/15 }
    /// ```
    Rule {
        code: "P009",
        name: "target-before-start" / "cible-avant-debut",
        severity: Error,
        summary: "a target fiscal year is before the start"
            / "un exercice cible est antérieur à l'exercice de début",
        check: Some(check),
        reads: Reads::Sections(&[
            "pillars/*/objectives/*/tasks/*/deliverables/*/start",
            "pillars/*/objectives/*/tasks/*/deliverables/*/target",
            "pillars/*/objectives/*/tasks/*/deliverables/*/items/*/start",
            "pillars/*/objectives/*/tasks/*/deliverables/*/items/*/target",
            "pillars/*/objectives/*/tasks/*/deliverables/*/id",
        ]),
        scope: crate::rules::Scope::Objective,
    }
    texts {
        MESSAGE = "{what} has target `{target}` before its start `{start}`"
            / "{what} a un exercice cible `{target}` antérieur à son début `{start}`";
        HELP = "one of the two years is mistyped: check both against the chart"
            / "l'une des deux années est erronée : vérifiez-les dans le tableau";
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for e in ctx.chart.entries() {
        let (Some(start), Some(target)) = (e.start, e.target) else {
            continue;
        };
        if let (Some(s), Some(t)) = (start.start_year(), target.start_year()) {
            if t < s {
                let label = e.label(ctx.lang());
                let args = [
                    ("what", label.as_str()),
                    ("target", target.as_str()),
                    ("start", start.as_str()),
                ];
                out.push(
                    Finding::new(e.pointer().key("target"), ctx.t(MESSAGE, &args))
                        .help(ctx.t(HELP, &[])),
                );
            }
        }
    }
}
