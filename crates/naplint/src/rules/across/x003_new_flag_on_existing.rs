use super::{finding, joined};
use crate::rules::{Across, Finding};

crate::rules::declare_rule! {
    /// ## What it checks
    /// With `--previous` of an earlier fiscal year, a deliverable flagged `new` did not exist (by
    /// `id`) in the previous report.
    ///
    /// ## Why it matters
    /// "NEW" tells readers what the year added; re-announcing last year's work inflates it.
    ///
    /// ## Fails
    /// ```yaml previous
    /// report: { fiscal_year: 2012/13, period: { start: 2012-04-01, end: 2013-03-31 } }
    /// pillars: [{ id: "1", key: prevention, name: Prevention, objectives: [{ id: "1.1", statement: Prevent., tasks: [
    ///   { id: "1.11", title: Campaigns., deliverables: [
    ///     { id: "1.11.1", text: Promote the tool., start: 2013/14, status: planned, leads: [PS] }
    ///   ] }
    /// ] }] }]
    /// ```
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// { start: 2013/14, new: true }
    /// ```
    ///
    /// ## Passes
    /// ```yaml previous
    /// report: { fiscal_year: 2012/13, period: { start: 2012-04-01, end: 2013-03-31 } }
    /// ```
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// new: false
    /// ```
    Rule {
        code: "X003",
        name: "new-flag-on-existing" / "nouveau-deja-existant",
        severity: Warning,
        summary: "a deliverable flagged new was already in the previous report"
            / "un livrable marqué comme nouveau figurait déjà dans le rapport précédent",
        across: Some(across),
    }
    texts {
        MESSAGE = "deliverable `{id}` is flagged new but was in the previous report"
            / "le livrable `{id}` est marqué comme nouveau, mais figurait dans le rapport précédent";
        HELP = "remove `new: true`, or give the new deliverable its own id"
            / "retirez `new: true`, ou donnez au nouveau livrable son propre identifiant";
    }
}

fn across(x: &Across<'_>, out: &mut Vec<Finding>) {
    // Only a later year can re-announce: two versions of the same year's report (a pull
    // request against the published one) may both flag the year's new work.
    let (Some(then), Some(now)) = (
        x.previous.report.fiscal_year.start_year(),
        x.current.report_year(),
    ) else {
        return;
    };
    if then >= now {
        return;
    }
    for (ptr, d, _) in joined(x) {
        if d.new {
            out.push(finding(x, ptr.key("new"), MESSAGE, &[("id", &d.id)], HELP));
        }
    }
}
