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
    /// pillars: [{ id: "1", key: prevention, name: Prevention, objectives: [{ id: "1.1", statement: Prevent., tasks: [
    ///   { id: "1.11", title: Campaigns., deliverables: [
    ///     { id: "1.11.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS], new: true }
    ///   ] }
    /// ] }] }]
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// pillars: [{ id: "1", key: prevention, name: Prevention, objectives: [{ id: "1.1", statement: Prevent., tasks: [
    ///   { id: "1.11", title: Campaigns., deliverables: [
    ///     { id: "1.11.1", text: Promote the tool., start: 2013/14, status: ongoing, leads: [PS], new: true }
    ///   ] }
    /// ] }] }]
    /// ```
    Rule {
        code: "P011",
        name: "new-flag-mismatch" / "mention-nouveau-incoherente",
        severity: Warning,
        summary: "the `new` flag disagrees with the start year"
            / "l'indicateur `new` ne concorde pas avec l'exercice de début",
        check: Some(check),
        reads: Reads::Sections(&["report", "pillars"]),
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
    let Some(report_year) = ctx.report_year() else {
        return;
    };
    let report_fy = ctx.report.report.fiscal_year.as_str();
    for e in ctx.chart.entries() {
        let Some(start) = e.start else { continue };
        let Some(year) = start.start_year() else {
            continue;
        };
        let flagged_but_old = e.new && year < report_year;
        let new_but_unflagged = !e.new && year == report_year;
        if !flagged_but_old && !new_but_unflagged {
            continue; // consistent: nothing to word
        }
        let label = e.label(ctx.lang());
        let args = [
            ("what", label.as_str()),
            ("start", start.as_str()),
            ("year", report_fy),
        ];
        if flagged_but_old {
            out.push(
                Finding::new(e.pointer.key("new"), ctx.t(NEW_BUT_OLD, &args))
                    .help(ctx.t(REMOVE, &[])),
            );
        } else {
            out.push(
                Finding::new(e.pointer.key("start"), ctx.t(NOT_FLAGGED, &args))
                    .help(ctx.t(ADD, &[])),
            );
        }
    }
}
