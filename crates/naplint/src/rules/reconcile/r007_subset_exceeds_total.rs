use crate::i18n::Text;
use crate::lang::BuiltinCheck;
use crate::rules::Reads;

crate::rules::declare_rule! {
    /// ## What it checks
    /// Figures that are a part of another are at most that figure: training `law_enforcement <=
    /// participants`; TRP cumulative `male`, `female`, `minor_dependents <= recipients`; court
    /// cases `accused_convicted` and `victims` are not checked (one case has many of each).
    ///
    /// ## Why it matters
    /// "Of this number, approximately 23,770 were law enforcement officers" cannot exceed the
    /// number.
    ///
    /// ## Fails
    /// ```yaml
    /// statistics:
    ///   training:
    ///     - { provider: PS, period: { start: 2006-12, end: 2013-12 },
    ///         participants: 23770, law_enforcement: 56427 }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// statistics:
    ///   training:
    ///     - { provider: PS, period: { start: 2006-12, end: 2013-12 },
    ///         participants: 56427, law_enforcement: 23770 }
    /// ```
    Rule {
        code: "R007",
        name: "subset-exceeds-total" / "partie-excede-total",
        severity: Error,
        summary: "an \"of which\" figure exceeds its total"
            / "un chiffre « de ce nombre » dépasse son total",
        checks: &[
            BuiltinCheck::new(
                "/statistics/training",
                "law_enforcement <= participants",
                Text::new(
                    "law-enforcement participants are some of the participants",
                    "les participants des services de police font partie de l'ensemble des participants",
                ),
            )
            .at("law_enforcement"),
            BuiltinCheck::new(
                "/statistics/trp/cumulative",
                "male <= recipients and female <= recipients and minor_dependents <= recipients",
                Text::new(
                    "each part of the recipients is at most all of them",
                    "chaque partie des bénéficiaires ne peut dépasser leur total",
                ),
            ),
        ],
        reads: Reads::Sections(&[
            "statistics/training",
            "statistics/trp/cumulative/male",
            "statistics/trp/cumulative/female",
            "statistics/trp/cumulative/minor_dependents",
            "statistics/trp/cumulative/recipients",
        ]),
    }
}
