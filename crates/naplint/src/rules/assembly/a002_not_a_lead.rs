use super::{base_deliverables, Assembly, FileFinding};
use crate::model::{List, Section};
use crate::rules::Finding;
use crate::source::{Node, Pointer};

crate::rules::declare_rule! {
    /// ## What it checks
    /// A submission updates only the deliverables whose `leads` (in the base) include its
    /// `department`, the statistics sections the base gives it (`owners`, else the plan's
    /// coordinator), and the statistics and funding entries whose own `lead`, `provider` or
    /// `funder` is its department. Its `department` is a code of the base's registry.
    ///
    /// ## Why it matters
    /// Each department answers for its own part of the report. An update of another's
    /// deliverable is ignored when the report is assembled; the finding says so rather than
    /// dropping it silently.
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
    /// deliverables: [{ id: "1.11.1" }, { id: "1.11.2", status: complete }]
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
        code: "A002",
        name: "not-a-lead" / "non-responsable",
        severity: Error,
        summary: "a submission updates what its department does not lead or own"
            / "une soumission met à jour ce dont son ministère n'est ni responsable ni propriétaire",
    }
    texts {
        UNKNOWN = "department `{department}` is not in the base's registry of departments"
            / "le ministère `{department}` n'est pas dans le registre des ministères de la base";
        UNKNOWN_HELP = "use a `code` from the base's `departments`; this submission is left out of the report"
            / "utilisez un `code` des `departments` de la base; cette soumission est exclue du rapport";
        SUGGEST = "did you mean `{code}`? This submission is left out of the report"
            / "vouliez-vous dire `{code}`? Cette soumission est exclue du rapport";
        DELIVERABLE = "`{department}` does not lead deliverable `{id}`"
            / "`{department}` n'est pas responsable du livrable `{id}`";
        DELIVERABLE_HELP = "its leads are {leads}; remove this update, or ask the coordinator to add `{department}` to its leads in the base"
            / "ses responsables sont {leads}; retirez cette mise à jour, ou demandez à la coordination d'ajouter `{department}` à ses responsables dans la base";
        SECTION = "`{department}` does not own the statistics section `{section}`"
            / "`{department}` n'est pas propriétaire de la section de statistiques `{section}`";
        ENTRY = "entry {n} of `{section}` belongs to `{owner}`, not `{department}`"
            / "l'entrée {n} de `{section}` appartient à `{owner}`, pas à `{department}`";
        OWNER_HELP = "the base gives it to `{owner}`; remove it from this submission, or correct its department"
            / "la base l'attribue à `{owner}`; retirez-la de cette soumission, ou corrigez son ministère";
    }
}

pub(crate) fn check(a: &Assembly<'_>, out: &mut Vec<FileFinding>) {
    let by_id = base_deliverables(a.base);
    for part in a.parts {
        let me = part.doc.department.as_str();
        let mut push = |finding: Finding| {
            out.push(FileFinding {
                file: part.file,
                finding,
            });
        };
        if !a.base.has_department(me) {
            let codes = a.base.departments.iter().map(|d| d.code.as_str());
            let aliases = a.base.departments.iter().flat_map(|d| {
                d.aliases
                    .iter()
                    .map(String::as_str)
                    .chain(d.label.as_deref())
                    .map(move |alias| (alias, d.code.as_str()))
            });
            let suggestion = crate::suggest::closest(me, codes.clone()).or_else(|| {
                aliases
                    .clone()
                    .find(|(alias, _)| {
                        crate::suggest::normalise(alias) == crate::suggest::normalise(me)
                    })
                    .map(|(_, code)| code)
            });
            let help = match suggestion {
                Some(code) => a.t(SUGGEST, &[("code", code)]),
                None => a.t(UNKNOWN_HELP, &[]),
            };
            push(
                Finding::new(
                    Pointer::root().key("department"),
                    a.t(UNKNOWN, &[("department", me)]),
                )
                .help(help),
            );
            continue;
        }
        for (k, update) in part.doc.deliverables.iter().enumerate() {
            let Some(d) = by_id.get(update.id.as_str()) else {
                continue; // A003
            };
            if d.leads.iter().any(|l| l == me) {
                continue;
            }
            let leads = d
                .leads
                .iter()
                .map(|l| format!("`{l}`"))
                .collect::<Vec<_>>()
                .join(", ");
            push(
                Finding::new(
                    Pointer::root().key("deliverables").index(k),
                    a.t(DELIVERABLE, &[("department", me), ("id", &update.id)]),
                )
                .help(a.t(DELIVERABLE_HELP, &[("leads", &leads), ("department", me)])),
            );
        }
        let stats = Pointer::root().key("statistics");
        for section in [Section::Trp, Section::CourtCases] {
            if part
                .root
                .get("statistics")
                .and_then(|s| s.get(section.key()))
                .is_none()
            {
                continue;
            }
            let owner = a.base.section_owner(section).unwrap_or("-");
            if owner != me {
                push(
                    Finding::new(
                        stats.key(section.key()),
                        a.t(SECTION, &[("department", me), ("section", section.key())]),
                    )
                    .help(a.t(OWNER_HELP, &[("owner", owner)])),
                );
            }
        }
        for list in List::ALL {
            let (at, entries) = list_of(part.root, list);
            for (i, entry) in entries.iter().enumerate() {
                let named = list
                    .owner_field()
                    .and_then(|f| entry.get(f))
                    .and_then(Node::as_str);
                let owner = a.base.entry_owner(list, named).unwrap_or("-");
                if owner == me {
                    continue;
                }
                let n = (i + 1).to_string();
                push(
                    Finding::new(
                        at.index(i),
                        a.t(
                            ENTRY,
                            &[
                                ("n", &n),
                                ("section", list.key()),
                                ("owner", owner),
                                ("department", me),
                            ],
                        ),
                    )
                    .help(a.t(OWNER_HELP, &[("owner", owner)])),
                );
            }
        }
    }
}

/// A list's pointer and entries in a submission or base tree.
pub(crate) fn list_of(root: &Node, list: List) -> (Pointer, &[Node]) {
    let (at, node) = match list {
        List::Funding => (Pointer::root().key("funding"), root.get("funding")),
        _ => (
            Pointer::root().key("statistics").key(list.key()),
            root.get("statistics").and_then(|s| s.get(list.key())),
        ),
    };
    let entries = match node.map(|n| &n.value) {
        Some(crate::source::Value::Array(items)) => items.as_slice(),
        _ => &[],
    };
    (at, entries)
}
