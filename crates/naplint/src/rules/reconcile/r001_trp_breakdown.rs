use crate::i18n::Text;
use crate::lang::BuiltinCheck;
use crate::rules::Reads;

crate::rules::declare_rule! {
    /// ## What it checks
    /// In the cumulative TRP statistics, `male + female + minor_dependents = recipients`, over
    /// figure intervals.
    ///
    /// ## Why it matters
    /// The breakdown is published beside the total; a department's typo in one figure makes the
    /// published numbers contradict each other.
    ///
    /// ## Fails
    /// ```yaml
    /// statistics:
    ///   trp:
    ///     cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 230, recipients: 102, male: 29, female: 68, minor_dependents: 6 }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// statistics:
    ///   trp:
    ///     cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 230, recipients: 102, male: 28, female: 68, minor_dependents: 6 }
    /// ```
    Rule {
        code: "R001",
        name: "trp-breakdown" / "repartition-pst",
        severity: Error,
        summary: "male + female + minor dependents does not equal TRP recipients"
            / "hommes + femmes + personnes à charge mineures n'égale pas le nombre de bénéficiaires de PST",
        checks: &[BuiltinCheck::new(
            "/statistics/trp/cumulative",
            "male + female + minor_dependents == recipients",
            Text::new(
                "every recipient is male, female or a minor dependent: correct the figure that was mistyped",
                "chaque bénéficiaire est un homme, une femme ou une personne à charge mineure : corrigez le chiffre erroné",
            ),
        )],
        reads: Reads::Sections(&[
            "statistics/trp/cumulative/male",
            "statistics/trp/cumulative/female",
            "statistics/trp/cumulative/minor_dependents",
            "statistics/trp/cumulative/recipients",
        ]),
    }
}
