use super::previous_by_id;
use crate::model::Status;
use crate::rules::{Across, Finding};

crate::rules::declare_rule! {
    /// ## What it checks
    /// With `--previous`, every deliverable that was `complete` in the previous report is still
    /// `complete` (joined by `id`).
    ///
    /// ## Why it matters
    /// Completed work does not become incomplete; a regression is a data-entry error or an
    /// unannounced reopening that readers deserve to have explained.
    ///
    /// ## Fails
    /// ```yaml previous
    /// pillars: [{ id: "1", key: prevention, name: Prevention, objectives: [{ id: "1.1", statement: Prevent., tasks: [
    ///   { id: "1.11", title: Campaigns., deliverables: [
    ///     { id: "1.11.1", text: Promote the tool., start: 2012/13, status: complete, leads: [PS] }
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
    ///
    /// ## Passes
    /// ```yaml previous
    /// pillars: [{ id: "1", key: prevention, name: Prevention, objectives: [{ id: "1.1", statement: Prevent., tasks: [
    ///   { id: "1.11", title: Campaigns., deliverables: [
    ///     { id: "1.11.1", text: Promote the tool., start: 2012/13, status: complete, leads: [PS] }
    ///   ] }
    /// ] }] }]
    /// ```
    /// ```yaml
    /// pillars: [{ id: "1", key: prevention, name: Prevention, objectives: [{ id: "1.1", statement: Prevent., tasks: [
    ///   { id: "1.11", title: Campaigns., deliverables: [
    ///     { id: "1.11.1", text: Promote the tool., start: 2012/13, status: complete, leads: [PS] }
    ///   ] }
    /// ] }] }]
    /// ```
    Rule {
        code: "X001",
        name: "status-regression" / "regression-statut",
        severity: Error,
        summary: "a deliverable complete in the previous report is no longer complete"
            / "un livrable terminé dans le rapport précédent ne l'est plus",
        across: Some(across),
    }
    texts {
        MESSAGE = "deliverable `{id}` was complete in the previous report, now `{status}`"
            / "le livrable `{id}` était terminé dans le rapport précédent; son statut est maintenant `{status}`";
        HELP = "keep it `complete`, or explain the reopening in the deliverable's text"
            / "gardez-le `complete` (terminé), ou expliquez la reprise des travaux dans le texte du livrable";
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
        let was_complete = before
            .get(d.id.as_str())
            .is_some_and(|p| p.status == Some(Status::Complete));
        if let (true, Some(now)) = (
            was_complete,
            d.status.filter(|s| s.is_known() && *s != Status::Complete),
        ) {
            out.push(
                Finding::new(
                    ptr.key("status"),
                    x.current
                        .t(MESSAGE, &[("id", &d.id), ("status", now.as_str())]),
                )
                .help(x.current.t(HELP, &[])),
            );
        }
    }
}
