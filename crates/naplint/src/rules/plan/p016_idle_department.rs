use crate::model::{Membership, Report};
use crate::rules::{Ctx, Finding, Reads};
use crate::source::Pointer;
use std::collections::HashMap;

crate::rules::declare_rule! {
    /// ## What it checks
    /// Every department with `membership: core` leads at least one deliverable.
    ///
    /// ## Why it matters
    /// A core member of the coordinating body with nothing to report is either missing from the
    /// chart or listed by mistake.
    ///
    /// ## Fails
    /// ```yaml
    /// departments:
    ///   - { code: PS, name: Public Safety Canada, membership: core }
    ///   - { code: SWC, name: Status of Women Canada, membership: core }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// departments:
    ///   - { code: PS, name: Public Safety Canada, membership: core }
    ///   - { code: SWC, name: Status of Women Canada, membership: ad_hoc }
    /// ```
    Rule {
        code: "P016",
        name: "idle-department" / "ministere-inactif",
        severity: Info,
        summary: "a core department leads no deliverable"
            / "un ministère membre principal n'est responsable d'aucun livrable",
        check: Some(check),
        reads: Reads::Sections(&[
            "departments/*/code",
            "departments/*/membership",
            "pillars/*/objectives/*/tasks/*/deliverables/*/leads",
        ]),
    }
    texts {
        MESSAGE = "core department `{code}` leads no deliverable"
            / "le ministère membre `{code}` n'est responsable d'aucun livrable";
        HELP = "check the chart's Lead column, or make the department `ad_hoc`"
            / "vérifiez la colonne Responsable du tableau, ou indiquez le ministère comme `ad_hoc` (participant ponctuel)";
    }
}

/// How many deliverables each department code leads: what `check` reports from, and
/// what a session keeps between edits, so that an edit inside one objective recounts
/// that objective alone ([`Leading::replace_objective`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct Leading {
    // The codes are the document's: std's SipHash, so that no file can choose collisions.
    counts: HashMap<String, usize>,
    /// Each objective's leads (one per deliverable that names it), to take them out.
    by_objective: HashMap<(usize, usize), Vec<String>>,
}

impl Leading {
    /// The leads of every deliverable of `report`.
    pub(crate) fn new(report: &Report) -> Self {
        let mut leading = Self::default();
        for (p, pillar) in report.pillars.iter().enumerate() {
            for o in 0..pillar.objectives.len() {
                leading.add_objective(report, p, o);
            }
        }
        leading
    }

    fn add_objective(&mut self, report: &Report, p: usize, o: usize) {
        let Some(objective) = report.pillars.get(p).and_then(|x| x.objectives.get(o)) else {
            return;
        };
        let leads: Vec<String> = objective
            .tasks
            .iter()
            .flat_map(|t| &t.deliverables)
            .flat_map(|d| d.leads.iter().map(|l| l.as_str().to_owned()))
            .collect();
        for lead in &leads {
            *self.counts.entry(lead.clone()).or_default() += 1;
        }
        self.by_objective.insert((p, o), leads);
    }

    /// Takes out the leads that objective `o` of pillar `p` had and counts those it has
    /// in `report` (the same report with that objective changed, or a view of it that
    /// holds that objective at the same place).
    pub(crate) fn replace_objective(&mut self, report: &Report, p: usize, o: usize) {
        for lead in self.by_objective.remove(&(p, o)).unwrap_or_default() {
            if let Some(n) = self.counts.get_mut(&lead) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    self.counts.remove(&lead);
                }
            }
        }
        self.add_objective(report, p, o);
    }

    /// A finding for every core department that leads nothing.
    pub(crate) fn findings(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        for (i, dept) in ctx.report.departments.iter().enumerate() {
            if dept.membership != Membership::Core || self.counts.contains_key(dept.code.as_str()) {
                continue;
            }
            out.push(
                Finding::new(
                    Pointer::root().key("departments").index(i),
                    ctx.t(MESSAGE, &[("code", dept.code.as_str())]),
                )
                .help(ctx.t(HELP, &[])),
            );
        }
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    Leading::new(ctx.report).findings(ctx, out);
}
