use crate::model::Membership;
use crate::rules::{Ctx, Finding, Reads};
use crate::source::Pointer;

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
        reads: Reads::Sections(&["departments", "pillars"]),
    }
    texts {
        MESSAGE = "core department `{code}` leads no deliverable"
            / "le ministère membre `{code}` n'est responsable d'aucun livrable";
        HELP = "check the chart's Lead column, or make the department `ad_hoc`"
            / "vérifiez la colonne Responsable du tableau, ou indiquez le ministère comme `ad_hoc` (participant ponctuel)";
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let leading: std::collections::HashSet<&str> = ctx
        .chart
        .rows()
        .iter()
        .flat_map(|r| r.deliverable.leads.iter().map(String::as_str))
        .collect();
    for (i, dept) in ctx.report.departments.iter().enumerate() {
        if dept.membership != Membership::Core {
            continue;
        }
        let leads_something = leading.contains(dept.code.as_str());
        if !leads_something {
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
