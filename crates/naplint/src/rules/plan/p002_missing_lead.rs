use crate::i18n::Lang;
use crate::rules::{parent_id, Ctx, Finding, Reads};
use crate::schema::{Violation, ViolationKind};
use crate::source::{Node, Pointer};

crate::rules::declare_rule! {
    /// ## What it checks
    /// Every deliverable names at least one lead department in `leads`.
    ///
    /// ## Why it matters
    /// Accountability is the point of the chart: a deliverable nobody leads is one nobody reports on.
    ///
    /// ## Fails
    /// ```yaml
    /// # also: P016
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// leads: []
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// # at: /pillars/0/objectives/0/tasks/0/deliverables/0
    /// leads: [PS]
    /// ```
    Rule {
        code: "P002",
        name: "missing-lead" / "responsable-manquant",
        severity: Error,
        summary: "a deliverable has no lead department"
            / "un livrable n'a aucun ministère responsable",
        check: Some(check),
        claim: Some(claim),
        reads: Reads::Sections(&[
            "pillars/*/objectives/*/tasks/*/deliverables/*/leads",
            "pillars/*/objectives/*/tasks/*/deliverables/*/id",
        ]),
        scope: crate::rules::Scope::Objective,
    }
    texts {
        MESSAGE = "deliverable `{id}` has no lead department"
            / "le livrable `{id}` n'a aucun ministère responsable";
        HELP = "add at least one department code from /departments"
            / "ajoutez au moins un code de ministère tiré de /departments";
    }
}

fn finding(pointer: Pointer, id: &str, lang: Lang) -> Finding {
    Finding::new(pointer, MESSAGE.render(lang, &[("id", id)])).help(HELP.get(lang))
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (row, d) in ctx.chart.rows().iter().map(|r| (r, r.deliverable)) {
        if d.leads.is_empty() {
            out.push(finding(row.pointer().key("leads"), &d.id, ctx.lang()));
        }
    }
}

/// An empty `leads` (`minItems`) or an absent one (`required`) of a deliverable: both
/// located at `leads`, so that the claim and the check are one finding.
fn claim(v: &Violation, root: &Node, lang: Lang) -> Option<Finding> {
    let pointer = match &v.kind {
        ViolationKind::MinItems { .. } if v.pointer.last().as_deref() == Some("leads") => {
            v.pointer.clone()
        }
        ViolationKind::Required { field }
            if field == "leads" && v.pointer.as_str().contains("/deliverables/") =>
        {
            v.pointer.key("leads")
        }
        _ => return None,
    };
    let id = parent_id(root, &pointer).unwrap_or_default();
    Some(finding(pointer, &id, lang))
}
