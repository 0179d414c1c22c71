use super::{Assembly, FileFinding};
use crate::rules::Finding;
use crate::source::Pointer;

crate::rules::declare_rule! {
    /// ## What it checks
    /// A submission's `plan` is the base's `plan.id` and its `fiscal_year` is the base's
    /// `report.fiscal_year`. A submission that is not is left out of the report.
    ///
    /// ## Why it matters
    /// Last year's file copied into this year's directory would put last year's statuses into
    /// this year's report.
    ///
    /// ## Fails
    /// ```yaml ps.yaml
    /// department: PS
    /// deliverables:
    ///   - { id: "1.11.1", start: 2012/13, status: ongoing }
    ///   - { id: "1.11.2", start: 2012/13, status: complete }
    /// ```
    /// ```yaml jus.yaml
    /// department: JUS
    /// deliverables: [{ id: "1.11.1" }]
    /// fiscal_year: 2012/13
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
        code: "A006",
        name: "wrong-report" / "mauvais-rapport",
        severity: Error,
        summary: "a submission's plan or fiscal year is not the base's"
            / "le plan ou l'exercice d'une soumission n'est pas celui de la base",
        fixable: true,
    }
    texts {
        PLAN = "submission is for plan `{value}`, but the base is plan `{expected}`"
            / "la soumission porte sur le plan `{value}`, mais la base est le plan `{expected}`";
        YEAR = "submission is for fiscal year `{value}`, but the base's report is `{expected}`"
            / "la soumission porte sur l'exercice `{value}`, mais le rapport de la base est `{expected}`";
        HELP = "move the file to the directory of its report, or update it for `{expected}`; it is left out of this report"
            / "déplacez le fichier dans le répertoire de son rapport, ou mettez-le à jour pour `{expected}`; il est exclu de ce rapport";
        FIX = "replace `{value}` with `{expected}`" / "remplacer `{value}` par `{expected}`";
    }
}

pub(crate) fn check(a: &Assembly<'_>, out: &mut Vec<FileFinding>) {
    for part in a.parts {
        let checks = [
            (
                "plan",
                PLAN,
                part.doc.plan.as_str(),
                a.base.plan.id.as_str(),
            ),
            (
                "fiscal_year",
                YEAR,
                part.doc.fiscal_year.as_str(),
                a.base.report.fiscal_year.as_str(),
            ),
        ];
        for (field, text, value, expected) in checks {
            if value == expected {
                continue;
            }
            let args = [("value", value), ("expected", expected)];
            let finding =
                Finding::new(Pointer::root().key(field), a.t(text, &args)).help(a.t(HELP, &args));
            // Only the plan id is certain enough to fix: a fiscal year that differs
            // usually means last year's values, which a person must update.
            let finding = if field == "plan" {
                finding.fix(expected, a.t(FIX, &args))
            } else {
                finding
            };
            out.push(FileFinding {
                file: part.file,
                finding,
            });
        }
    }
}
