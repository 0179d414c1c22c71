use super::previous_by_id;
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
    /// pillars: [{ id: "1", key: prevention, name: Prevention, objectives: [{ id: "1.1", statement: Prevent., tasks: [
    ///   { id: "1.11", title: Campaigns., deliverables: [
    ///     { id: "1.11.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    ///   ] }
    /// ] }] }]
    /// ```
    /// ```yaml
    /// pillars: [{ id: "1", key: prevention, name: Prevention, objectives: [{ id: "1.1", statement: Prevent., tasks: [
    ///   { id: "1.11", title: Campaigns., deliverables: [
    ///     { id: "1.11.1", text: Promote the tool., start: 2011/12, status: ongoing, leads: [PS] }
    ///   ] }
    /// ] }] }]
    /// ```
    ///
    /// ## Passes
    /// ```yaml previous
    /// pillars: [{ id: "1", key: prevention, name: Prevention, objectives: [{ id: "1.1", statement: Prevent., tasks: [
    ///   { id: "1.11", title: Campaigns., deliverables: [
    ///     { id: "1.11.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    ///   ] }
    /// ] }] }]
    /// ```
    /// ```yaml
    /// pillars: [{ id: "1", key: prevention, name: Prevention, objectives: [{ id: "1.1", statement: Prevent., tasks: [
    ///   { id: "1.11", title: Campaigns., deliverables: [
    ///     { id: "1.11.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    ///   ] }
    /// ] }] }]
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
    let before = previous_by_id(x.previous);
    for (ptr, d) in x
        .current
        .chart
        .rows()
        .iter()
        .map(|r| (&r.pointer, r.deliverable))
    {
        let Some(prev) = before.get(d.id.as_str()) else {
            continue;
        };
        if let (Some(old), Some(new)) = (&prev.start, &d.start) {
            if old != new {
                let args = [
                    ("id", d.id.as_str()),
                    ("old", old.as_str()),
                    ("new", new.as_str()),
                ];
                out.push(
                    Finding::new(ptr.key("start"), x.current.t(MESSAGE, &args))
                        .help(x.current.t(HELP, &[])),
                );
            }
        }
    }
}
