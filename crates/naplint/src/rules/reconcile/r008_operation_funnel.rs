use crate::diagnostic::Severity;
use crate::i18n::Text;
use crate::lang::BuiltinCheck;
use crate::rules::Reads;

crate::rules::declare_rule! {
    /// ## What it checks
    /// For each operation: `guilty_pleas <= charged <= charges_laid` (errors: a plea needs a charged
    /// person, a charged person at least one charge) and `charged <= arrested` (a warning: people
    /// can be charged without arrest).
    ///
    /// ## Why it matters
    /// The results are a funnel; a wider step means a figure was mistyped.
    ///
    /// ## Fails
    /// ```yaml
    /// statistics:
    ///   operations:
    ///     - { name: Project COMBATIVE, lead: PS, arrested: 30, charged: 20, charges_laid: 18, guilty_pleas: 8 }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// statistics:
    ///   operations:
    ///     - { name: Project COMBATIVE, lead: PS, arrested: 30, charged: 20, charges_laid: 108, guilty_pleas: 8 }
    /// ```
    Rule {
        code: "R008",
        name: "operation-funnel" / "entonnoir-operation",
        severity: Error,
        summary: "an operation's results do not narrow from charges to pleas"
            / "les résultats d'une opération ne vont pas en diminuant des accusations aux plaidoyers de culpabilité",
        checks: &[
            BuiltinCheck::new(
                "/statistics/operations",
                "guilty_pleas <= charged",
                Text::new(
                    "a guilty plea needs a charged person",
                    "un plaidoyer de culpabilité suppose une personne accusée",
                ),
            )
            .at("charged")
            .message(Text::new("{name}: {arithmetic}", "{name} : {arithmetic}")),
            BuiltinCheck::new(
                "/statistics/operations",
                "charged <= charges_laid",
                Text::new(
                    "each person charged faces at least one charge",
                    "chaque personne accusée fait face à au moins une accusation",
                ),
            )
            .at("charges_laid")
            .message(Text::new("{name}: {arithmetic}", "{name} : {arithmetic}")),
            BuiltinCheck::new(
                "/statistics/operations",
                "charged <= arrested",
                Text::new(
                    "people can be charged without arrest, but rarely more of them: check both figures",
                    "on peut être accusé sans être arrêté, mais rarement en plus grand nombre : vérifiez les deux chiffres",
                ),
            )
            .at("arrested")
            .message(Text::new("{name}: {arithmetic}", "{name} : {arithmetic}"))
            .severity(Severity::Warning),
        ],
        reads: Reads::Sections(&[
            "statistics/operations",
        ]),
    }
}
