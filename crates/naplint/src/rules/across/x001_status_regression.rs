use super::{finding, joined};
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
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// status: complete
    /// ```
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// status: ongoing
    /// ```
    ///
    /// ## Passes
    /// ```yaml previous
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// status: complete
    /// ```
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// status: complete
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
    for (ptr, d, previous) in joined(x) {
        let now = d.status.filter(|s| s.is_known() && *s != Status::Complete);
        if let (Some(Status::Complete), Some(now)) = (previous.status, now) {
            let args = [("id", d.id.as_str()), ("status", now.as_str())];
            out.push(finding(x, ptr.key("status"), MESSAGE, &args, HELP));
        }
    }
}
