use crate::rules::{Ctx, Finding, Reads};

crate::rules::declare_rule! {
    /// ## What it checks
    /// A deliverable or item flagged `new` (the chart's "NEW:") starts in the report's fiscal year
    /// or later; one that starts in the report's fiscal year is flagged `new`.
    ///
    /// ## Why it matters
    /// Readers use "NEW" to see what the year added; a wrong flag hides new work or re-announces
    /// old work.
    ///
    /// ## Fails
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// { start: 2012/13, new: true }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// { start: 2013/14, new: true }
    /// ```
    Rule {
        code: "P011",
        name: "new-flag-mismatch" / "mention-nouveau-incoherente",
        severity: Warning,
        summary: "the `new` flag disagrees with the start year"
            / "l'indicateur `new` ne concorde pas avec l'exercice de début",
        check: Some(check),
        reads: Reads::Sections(&[
            "report/fiscal_year",
            "pillars/*/objectives/*/tasks/*/deliverables/*/start",
            "pillars/*/objectives/*/tasks/*/deliverables/*/new",
            "pillars/*/objectives/*/tasks/*/deliverables/*/items/*/start",
            "pillars/*/objectives/*/tasks/*/deliverables/*/items/*/new",
            "pillars/*/objectives/*/tasks/*/deliverables/*/id",
        ]),
        scope: crate::rules::Scope::Objective,
    }
    texts {
        NEW_BUT_OLD = "{what} is flagged new but started in `{start}`, before the report year `{year}`"
            / "{what} est marqué comme nouveau, mais a commencé en `{start}`, avant l'exercice du rapport `{year}`";
        NOT_FLAGGED = "{what} starts in the report year `{year}` but is not flagged new"
            / "{what} commence pendant l'exercice du rapport `{year}`, mais n'est pas marqué comme nouveau";
        REMOVE = "remove `new: true`, or correct the start year"
            / "retirez `new: true`, ou corrigez l'exercice de début";
        ADD = "add `new: true` if the chart prints it as NEW, or correct the start year"
            / "ajoutez `new: true` si le tableau l'indique comme NOUVEAU, ou corrigez l'exercice de début";
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for d in super::dated(ctx) {
        let e = d.entry;
        let flagged_but_old = e.new && d.year < d.report_year;
        let new_but_unflagged = !e.new && d.year == d.report_year;
        if !flagged_but_old && !new_but_unflagged {
            continue; // consistent: nothing to word
        }
        let label = e.label(ctx.lang());
        let args = d.args(&label);
        let (at, message, help) = if flagged_but_old {
            ("new", NEW_BUT_OLD, REMOVE)
        } else {
            ("start", NOT_FLAGGED, ADD)
        };
        out.push(Finding::new(e.pointer().key(at), ctx.t(message, &args)).help(ctx.t(help, &[])));
    }
}
