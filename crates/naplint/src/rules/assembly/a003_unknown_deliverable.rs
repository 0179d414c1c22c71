use super::{base_deliverables, Assembly, FileFinding};
use crate::rules::Finding;
use crate::source::Pointer;

crate::rules::declare_rule! {
    /// ## What it checks
    /// Every `id` in a submission's `deliverables` is the id of a deliverable of the base, and
    /// its `items` are no more than the base's items of that deliverable (they are matched by
    /// position).
    ///
    /// ## Why it matters
    /// An update of a deliverable the base does not have goes nowhere: the id is misspelt, or
    /// the deliverable belongs to another year's plan.
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
    /// deliverables: [{ id: "1.11.1" }, { id: "1.11.9", status: complete }]
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
        code: "A003",
        name: "unknown-deliverable" / "livrable-inconnu",
        severity: Error,
        summary: "an update names a deliverable or item the base does not have"
            / "une mise à jour nomme un livrable ou un élément que la base n'a pas",
    }
    texts {
        MESSAGE = "the base has no deliverable `{id}`" / "la base n'a pas de livrable `{id}`";
        HELP = "use an id of the base's chart; this update is left out of the report"
            / "utilisez un identifiant du tableau de la base; cette mise à jour est exclue du rapport";
        SUGGEST = "did you mean `{id}`? This update is left out of the report"
            / "vouliez-vous dire `{id}`? Cette mise à jour est exclue du rapport";
        ITEM_ONE = "deliverable `{id}` has {count} item in the base; item {n} is not one of them"
            / "le livrable `{id}` a {count} élément dans la base ; l'élément {n} n'en fait pas partie";
        ITEM = "deliverable `{id}` has {count} items in the base; item {n} is not one of them"
            / "le livrable `{id}` a {count} éléments dans la base ; l'élément {n} n'en fait pas partie";
        ITEM_HELP = "items are matched by position; remove the extra ones or ask the coordinator to add the bullet to the base"
            / "les éléments sont appariés par position; retirez ceux en trop ou demandez à la coordination d'ajouter la puce à la base";
    }
}

pub(crate) fn check(a: &Assembly<'_>, out: &mut Vec<FileFinding>) {
    let by_id = base_deliverables(a.base);
    // In chart order, so that a tie between suggestions always goes the same way.
    let ids: Vec<&str> = crate::rules::assembly::deliverables(a.base)
        .map(|(_, _, d)| d.id.as_str())
        .collect();
    for part in a.parts {
        for (k, update) in part.doc.deliverables.iter().enumerate() {
            let at = Pointer::root().key("deliverables").index(k);
            let Some(d) = by_id.get(update.id.as_str()) else {
                let help = match crate::suggest::closest(&update.id, ids.iter().copied()) {
                    Some(id) => a.t(SUGGEST, &[("id", id)]),
                    None => a.t(HELP, &[]),
                };
                out.push(FileFinding {
                    file: part.file,
                    finding: Finding::new(at.key("id"), a.t(MESSAGE, &[("id", &update.id)]))
                        .help(help),
                });
                continue;
            };
            for n in d.items.len()..update.items {
                let count = d.items.len().to_string();
                let items = crate::i18n::Plural::new(ITEM_ONE, ITEM)
                    .form(u64::try_from(d.items.len()).unwrap_or(u64::MAX), a.lang);
                let shown = (n + 1).to_string();
                out.push(FileFinding {
                    file: part.file,
                    finding: Finding::new(
                        at.key("items").index(n),
                        a.t(
                            items,
                            &[("id", &update.id), ("count", &count), ("n", &shown)],
                        ),
                    )
                    .help(a.t(ITEM_HELP, &[])),
                });
            }
        }
    }
}
