use super::{finding, joined};
use crate::rules::{Across, Finding};

crate::rules::declare_rule! {
    /// ## What it checks
    /// With `--previous`, a deliverable present in both reports has the same `start`.
    ///
    /// ## Why it matters
    /// When work started is history: a changed start year rewrites the previous report.
    ///
    /// ## Fails
    /// ```yaml previous
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// start: 2012/13
    /// ```
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// start: 2011/12
    /// ```
    ///
    /// ## Passes
    /// ```yaml previous
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// start: 2012/13
    /// ```
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// start: 2012/13
    /// ```
    Rule {
        code: "X002",
        name: "start-changed" / "debut-modifie",
        severity: Warning,
        summary: "a deliverable's start year differs from the previous report's"
            / "l'exercice de début d'un livrable diffère de celui du rapport précédent",
        across: Some(across),
    }
    texts {
        MESSAGE = "deliverable `{id}` started in `{old}` in the previous report, now `{new}`"
            / "le livrable `{id}` commençait en `{old}` dans le rapport précédent, maintenant en `{new}`";
        HELP = "a start year does not change from one report to the next: check which one the chart prints"
            / "l'exercice de début ne change pas d'un rapport à l'autre : vérifiez celui qu'indique le tableau";
    }
}

fn across(x: &Across<'_>, out: &mut Vec<Finding>) {
    for (ptr, d, previous) in joined(x) {
        if let (Some(old), Some(new)) = (&previous.start, &d.start) {
            if old != new {
                let args = [
                    ("id", d.id.as_str()),
                    ("old", old.as_str()),
                    ("new", new.as_str()),
                ];
                out.push(finding(x, ptr.key("start"), MESSAGE, &args, HELP));
            }
        }
    }
}
