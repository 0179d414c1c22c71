use super::{Assembly, FileFinding};
use crate::rules::Finding;
use crate::source::Pointer;

crate::rules::declare_rule! {
    /// ## What it checks
    /// Every department of the base's registry that leads at least one deliverable has a
    /// submission in the set. It is reported on the department's entry in the base. It is not
    /// checked while a file of the set cannot be read (its department is unknown), nor when a
    /// form checks one department's submission alone.
    ///
    /// ## Why it matters
    /// Until that department answers, its deliverables have no status and the assembled report
    /// has gaps that the P rules report one by one.
    ///
    /// ## Fails
    /// ```yaml ps.yaml
    /// department: PS
    /// deliverables:
    ///   - { id: "1.11.1", start: 2012/13, status: ongoing }
    ///   - { id: "1.11.2", start: 2012/13, status: complete }
    /// ```
    ///
    /// ## Passes
    /// ```yaml ps.yaml
    /// department: PS
    /// deliverables:
    ///   - { id: "1.11.1", start: 2012/13, status: ongoing }
    ///   - { id: "1.11.2", start: 2012/13, status: complete }
    /// ```
    /// ```yaml jus.yaml
    /// department: JUS
    /// deliverables: [{ id: "1.11.1" }]
    /// ```
    Rule {
        code: "A004",
        name: "missing-submission" / "soumission-manquante",
        severity: Warning,
        summary: "a department that leads deliverables has no submission"
            / "un ministère responsable de livrables n'a pas de soumission",
    }
    texts {
        MESSAGE_ONE = "`{code}` leads {count} deliverable but has no submission"
            / "`{code}` est responsable de {count} livrable mais n'a pas de soumission";
        MESSAGE = "`{code}` leads {count} deliverables but has no submission"
            / "`{code}` est responsable de {count} livrables mais n'a pas de soumission";
        HELP = "add its file: `naplint template --department {code} --previous LAST_REPORT --fiscal-year {year}` writes one"
            / "ajoutez son fichier : `naplint template --department {code} --previous RAPPORT_PRÉCÉDENT --fiscal-year {year}` en écrit un";
    }
}

pub(crate) fn check(a: &Assembly<'_>, out: &mut Vec<FileFinding>) {
    if !a.complete || !a.whole {
        return;
    }
    for (i, dept) in a.base.departments.iter().enumerate() {
        let code = dept.code.as_str();
        let count = crate::rules::assembly::deliverables(a.base)
            .filter(|(_, _, d)| d.leads.iter().any(|l| l == code))
            .count();
        if count == 0 || a.parts.iter().any(|p| p.doc.department.as_str() == code) {
            continue;
        }
        out.push(FileFinding {
            file: a.base_file,
            finding: Finding::new(
                Pointer::root().key("departments").index(i),
                a.t(
                    crate::i18n::Plural::new(MESSAGE_ONE, MESSAGE)
                        .form(u64::try_from(count).unwrap_or(u64::MAX), a.lang),
                    &[("code", code), ("count", &count.to_string())],
                ),
            )
            .help(a.t(
                HELP,
                &[("code", code), ("year", a.base.report.fiscal_year.as_str())],
            )),
        });
    }
}
