use crate::i18n::Text;
use crate::lang::BuiltinCheck;
use crate::rules::Reads;

crate::rules::declare_rule! {
    /// ## What it checks
    /// For each entry of `investigations`, `closed + ongoing + escalated + concluded_with_charges =
    /// launched`.
    ///
    /// ## Why it matters
    /// Every investigation launched is in exactly one state; outcomes that do not add up mean an
    /// investigation was lost or counted twice.
    ///
    /// ## Fails
    /// ```yaml
    /// statistics:
    ///   investigations:
    ///     - { unit: RCMP team, since: 2014-01, launched: 14, closed: 6, ongoing: 7, escalated: 1,
    ///         concluded_with_charges: 1 }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// statistics:
    ///   investigations:
    ///     - { unit: RCMP team, since: 2014-01, launched: 14, closed: 6, ongoing: 6, escalated: 1,
    ///         concluded_with_charges: 1 }
    /// ```
    Rule {
        code: "R006",
        name: "investigation-outcomes" / "resultats-enquetes",
        severity: Error,
        summary: "investigation outcomes do not add up to investigations launched"
            / "la somme des résultats d'enquête n'égale pas le nombre d'enquêtes ouvertes",
        checks: &[BuiltinCheck::new(
            "/statistics/investigations",
            "closed + ongoing + escalated + concluded_with_charges == launched",
            Text::new(
                "each investigation launched is closed, ongoing, escalated or concluded",
                "chaque enquête ouverte est close, en cours, transformée en projet ou conclue",
            ),
        )],
        reads: Reads::Sections(&[
            "statistics/investigations",
        ]),
    }
}
