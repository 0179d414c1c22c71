use super::previous_by_id;
use crate::model::Status;
use crate::rules::{Across, Finding};
use crate::source::Pointer;

crate::rules::declare_rule! {
    /// ## What it checks
    /// With `--previous`, every deliverable of the previous report that was not `discontinued` is
    /// still in the current one (by `id`); work that stops is kept, with status `discontinued`.
    ///
    /// ## Why it matters
    /// A commitment that silently disappears from the chart cannot be held to account.
    ///
    /// ## Fails
    /// ```yaml previous
    /// # at: /pillars/0/objectives/0/tasks/0
    /// deliverables:
    ///   - { id: "1.11.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    ///   - { id: "1.11.3", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    /// ```
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// status: ongoing
    /// ```
    ///
    /// ## Passes
    /// ```yaml previous
    /// # at: /pillars/0/objectives/0/tasks/0
    /// deliverables:
    ///   - { id: "1.11.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    ///   - { id: "1.11.3", text: Promote the tool., start: 2012/13, status: discontinued, leads: [PS] }
    /// ```
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0
    /// deliverables:
    ///   - { id: "1.11.1", text: Promote the tool., start: 2012/13, status: ongoing, leads: [PS] }
    /// ```
    Rule {
        code: "X004",
        name: "dropped-deliverable" / "livrable-disparu",
        severity: Error,
        summary: "a deliverable of the previous report is gone without being discontinued"
            / "un livrable du rapport précédent a disparu sans avoir été abandonné",
        across: Some(across),
    }
    texts {
        MESSAGE = "deliverable `{id}` of the previous report is missing"
            / "le livrable `{id}` du rapport précédent est absent";
        HELP = "keep it with `status: discontinued` (and say why in its text) instead of removing it"
            / "conservez-le avec `status: discontinued` (abandonné), en expliquant pourquoi dans son texte, plutôt que de le retirer";
    }
}

fn across(x: &Across<'_>, out: &mut Vec<Finding>) {
    let now: std::collections::HashSet<&str> = x
        .current
        .chart
        .rows()
        .iter()
        .map(|r| r.deliverable.id.as_str())
        .collect();
    let mut gone: Vec<_> = previous_by_id(x.previous)
        .into_iter()
        .filter(|(id, d)| !now.contains(id) && d.status != Some(Status::Discontinued))
        .collect();
    gone.sort_by_key(|(id, _)| *id);
    for (id, _) in gone {
        // Point at the task the deliverable belonged to, when the current report has it.
        let task_id = id.rsplit_once('.').map_or("", |(t, _)| t);
        let at = x
            .current
            .report
            .pillars
            .iter()
            .enumerate()
            .find_map(|(p, pillar)| {
                pillar
                    .objectives
                    .iter()
                    .enumerate()
                    .find_map(|(o, objective)| {
                        objective
                            .tasks
                            .iter()
                            .position(|t| t.id == task_id)
                            .map(|t| {
                                Pointer::root()
                                    .key("pillars")
                                    .index(p)
                                    .key("objectives")
                                    .index(o)
                                    .key("tasks")
                                    .index(t)
                                    .key("deliverables")
                            })
                    })
            });
        out.push(
            Finding::new(
                at.unwrap_or_else(|| Pointer::root().key("pillars")),
                x.current.t(MESSAGE, &[("id", id)]),
            )
            .help(x.current.t(HELP, &[])),
        );
    }
}
