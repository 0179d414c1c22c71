use crate::model::Status;
use crate::rules::{Ctx, Finding, Reads};

crate::rules::declare_rule! {
    /// ## What it checks
    /// A deliverable or item whose `start` is later than the report's `fiscal_year` has status
    /// `planned` (an item without a status takes its deliverable's).
    ///
    /// ## Why it matters
    /// A 2013-14 report cannot say that work starting in 2014/15 is complete or ongoing: either the
    /// year or the status is wrong.
    ///
    /// ## Fails
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// { start: 2014/15, status: ongoing }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// { start: 2014/15, status: planned }
    /// ```
    Rule {
        code: "P010",
        name: "start-after-report-year" / "debut-apres-exercice",
        severity: Error,
        summary: "work starts after the report's fiscal year but is not `planned`"
            / "un travail commence après l'exercice du rapport, mais n'est pas `planned`",
        check: Some(check),
        reads: Reads::Sections(&[
            "report/fiscal_year",
            "pillars/*/objectives/*/tasks/*/deliverables/*/start",
            "pillars/*/objectives/*/tasks/*/deliverables/*/status",
            "pillars/*/objectives/*/tasks/*/deliverables/*/items/*/start",
            "pillars/*/objectives/*/tasks/*/deliverables/*/items/*/status",
            "pillars/*/objectives/*/tasks/*/deliverables/*/id",
        ]),
        scope: crate::rules::Scope::Objective,
    }
    texts {
        WITH_STATUS = "{what} starts in `{start}`, after the report year `{year}`, but its status is `{status}`"
            / "{what} commence en `{start}`, après l'exercice du rapport `{year}`, mais son statut est `{status}`";
        WITHOUT_STATUS = "{what} starts in `{start}`, after the report year `{year}`, but its status is missing"
            / "{what} commence en `{start}`, après l'exercice du rapport `{year}`, mais n'a pas de statut";
        HELP = "check the start year against the chart; work that has not started yet is `planned`"
            / "vérifiez l'exercice de début dans le tableau; un travail qui n'a pas encore commencé est `planned` (prévu)";
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for d in super::dated(ctx) {
        let e = d.entry;
        // An item without a status inherits its deliverable's.
        let status = e.status.or_else(|| e.parent.and_then(|p| p.status));
        if d.year > d.report_year
            && status != Some(Status::Planned)
            && status.is_none_or(Status::is_known)
        {
            let label = e.label(ctx.lang());
            let [what, start, year] = d.args(&label);
            let args = [
                what,
                start,
                year,
                ("status", status.map_or("", Status::as_str)),
            ];
            let message = match status {
                Some(_) => ctx.t(WITH_STATUS, &args),
                None => ctx.t(WITHOUT_STATUS, &args),
            };
            out.push(Finding::new(e.pointer().key("start"), message).help(ctx.t(HELP, &[])));
        }
    }
}
