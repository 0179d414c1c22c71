use crate::diagnostic::Severity;
use crate::i18n::Text;
use crate::lang::BuiltinCheck;
use crate::rules::Reads;

crate::rules::declare_rule! {
    /// ## What it checks
    /// In `top_countries_of_birth`: each country's count is at most `recipients`, their sum is at
    /// most `recipients`, no country is listed twice (errors), and the list is in descending order
    /// of count (a warning).
    ///
    /// ## Why it matters
    /// Recipients were born in one country each; the "top countries" of a report are read in the
    /// order printed.
    ///
    /// ## Fails
    /// ```yaml
    /// statistics:
    ///   trp:
    ///     cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 230, recipients: 102, male: 28, female: 68, minor_dependents: 6,
    ///       top_countries_of_birth: [{ country: TH, count: 31 }, { country: HU, count: 80 }] }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// statistics:
    ///   trp:
    ///     cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 230, recipients: 102, male: 28, female: 68, minor_dependents: 6,
    ///       top_countries_of_birth: [{ country: TH, count: 31 }, { country: HU, count: 17 }] }
    /// ```
    Rule {
        code: "R003",
        name: "trp-countries-within-total" / "pays-pst-dans-total",
        severity: Error,
        summary: "countries of birth exceed the TRP recipients, repeat, or are out of order"
            / "les pays de naissance dépassent le nombre de bénéficiaires de PST, se répètent ou ne sont pas dans l'ordre",
        checks: &[
            BuiltinCheck::new(
                "/statistics/trp/cumulative/top_countries_of_birth",
                "count <= $.statistics.trp.cumulative.recipients",
                Text::new(
                    "no country can have more recipients born there than there are recipients",
                    "aucun pays ne peut compter plus de bénéficiaires nés sur son territoire qu'il n'y a de bénéficiaires",
                ),
            )
            .at("count")
            .message(Text::new("`{country}`: {arithmetic}", "`{country}` : {arithmetic}")),
            BuiltinCheck::new(
                "/statistics/trp/cumulative",
                "sum(top_countries_of_birth.count) <= recipients",
                Text::new(
                    "recipients were born in one country each",
                    "chaque bénéficiaire est né dans un seul pays",
                ),
            )
            .at("top_countries_of_birth"),
            BuiltinCheck::new(
                "/statistics/trp/cumulative",
                "distinct(top_countries_of_birth.country)",
                Text::new("list each country once", "ne mentionnez chaque pays qu'une fois"),
            )
            .message(Text::new("country {arithmetic}", "pays {arithmetic}")),
            BuiltinCheck::new(
                "/statistics/trp/cumulative",
                "descending(top_countries_of_birth.count)",
                Text::new(
                    "list the top countries from the most to the fewest recipients",
                    "classez les principaux pays du plus grand au plus petit nombre de bénéficiaires",
                ),
            )
            .message(Text::new("country count {arithmetic}", "nombre par pays : {arithmetic}"))
            .severity(Severity::Warning),
        ],
        reads: Reads::Sections(&[
            "statistics/trp/cumulative/top_countries_of_birth",
            "statistics/trp/cumulative/recipients",
        ]),
    }
}
