use crate::i18n::Text;
use crate::lang::BuiltinCheck;
use crate::rules::Reads;

crate::rules::declare_rule! {
    /// ## What it checks
    /// For each year of `trp.annual`, `initial_permits + subsequent_permits = permits_issued`.
    ///
    /// ## Why it matters
    /// The split is printed beside the total ("14 TRPs (10 initial and 4 subsequent)"): they must
    /// agree.
    ///
    /// ## Fails
    /// ```yaml
    /// statistics:
    ///   trp:
    ///     cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 230, recipients: 102, male: 28, female: 68, minor_dependents: 6 }
    ///     annual: [{ year: 2013, new_victims: 10, permits_issued: 14, initial_permits: 10, subsequent_permits: 5 }]
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// statistics:
    ///   trp:
    ///     cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 230, recipients: 102, male: 28, female: 68, minor_dependents: 6 }
    ///     annual: [{ year: 2013, new_victims: 10, permits_issued: 14, initial_permits: 10, subsequent_permits: 4 }]
    /// ```
    Rule {
        code: "R004",
        name: "trp-annual-split" / "ventilation-annuelle-pst",
        severity: Error,
        summary: "initial + subsequent permits does not equal permits issued in a year"
            / "permis initiaux + permis subséquents n'égale pas le nombre de permis délivrés au cours d'une année",
        checks: &[BuiltinCheck::new(
            "/statistics/trp/annual",
            "initial_permits + subsequent_permits == permits_issued",
            Text::new(
                "every permit of the year is an initial or a subsequent one",
                "chaque permis de l'année est un premier permis ou un permis subséquent",
            ),
        )
        .message(Text::new("{year}: {arithmetic}", "{year} : {arithmetic}"))],
        reads: Reads::Sections(&[
            "statistics/trp/annual",
        ]),
    }
}
