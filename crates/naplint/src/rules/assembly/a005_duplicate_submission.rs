use super::{Assembly, FileFinding};
use crate::rules::Finding;
use crate::source::Pointer;

crate::rules::declare_rule! {
    /// ## What it checks
    /// No two submissions of the set have the same `department` and `fiscal_year`. Each of them
    /// is reported, naming the other; only the first (in file order) is assembled.
    ///
    /// ## Why it matters
    /// Two files for one department are two answers to one question: a copy left behind, or a
    /// file saved under another name. Which one is right is for a person to say.
    ///
    /// ## Fails
    /// ```yaml ps.yaml
    /// department: PS
    /// deliverables:
    ///   - { id: "1.11.1", start: 2012/13, status: ongoing }
    ///   - { id: "1.11.2", start: 2012/13, status: complete }
    /// ```
    /// ```yaml ps-again.yaml
    /// department: PS
    /// deliverables:
    ///   - { id: "1.11.1", start: 2012/13, status: ongoing }
    ///   - { id: "1.11.2", start: 2012/13, status: complete }
    /// ```
    /// ```yaml jus.yaml
    /// department: JUS
    /// deliverables: [{ id: "1.11.1" }]
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
        code: "A005",
        name: "duplicate-submission" / "soumission-en-double",
        severity: Error,
        summary: "two files are submissions of the same department and year"
            / "deux fichiers sont des soumissions du même ministère pour la même année",
    }
    texts {
        MESSAGE = "another submission of `{department}` for `{year}` is in this set"
            / "une autre soumission de `{department}` pour `{year}` se trouve dans cet ensemble";
        HELP = "keep one file per department; the other is {place}"
            / "gardez un fichier par ministère; l'autre est {place}";
    }
}

pub(crate) fn check(a: &Assembly<'_>, out: &mut Vec<FileFinding>) {
    let at = Pointer::root().key("department");
    for (i, part) in a.parts.iter().enumerate() {
        let same = |p: &&super::Part<'_>| {
            p.doc.department == part.doc.department && p.doc.fiscal_year == part.doc.fiscal_year
        };
        let Some(other) = a
            .parts
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, p)| p)
            .find(same)
        else {
            continue;
        };
        let mut finding = Finding::new(
            at.clone(),
            a.t(
                MESSAGE,
                &[
                    ("department", part.doc.department.as_str()),
                    ("year", part.doc.fiscal_year.as_str()),
                ],
            ),
        )
        .help(a.t(HELP, &[("place", &a.where_(other.file, &at))]));
        finding.related = vec![a.place(other.file, &at)];
        out.push(FileFinding {
            file: part.file,
            finding,
        });
    }
}
