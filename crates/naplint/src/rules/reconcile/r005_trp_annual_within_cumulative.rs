use crate::i18n::Text;
use crate::lang::BuiltinCheck;
use crate::rules::Reads;

crate::rules::declare_rule! {
    /// ## What it checks
    /// For each year of `trp.annual` that lies inside the cumulative period, its `permits_issued`
    /// is at most the cumulative `permits_issued`, and its `new_victims` and `initial_permits` at
    /// most the cumulative `recipients`.
    ///
    /// ## Why it matters
    /// A part cannot exceed a total that includes it.
    ///
    /// ## Fails
    /// ```yaml
    /// statistics:
    ///   trp:
    ///     cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 12, recipients: 10 }
    ///     annual: [{ year: 2013, permits_issued: 14 }]
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// statistics:
    ///   trp:
    ///     cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 230, recipients: 102 }
    ///     annual: [{ year: 2013, permits_issued: 14 }]
    /// ```
    Rule {
        code: "R005",
        name: "trp-annual-within-cumulative" / "pst-annuels-dans-cumul",
        severity: Error,
        summary: "a year's TRP figures exceed the cumulative figures that include that year"
            / "les chiffres sur les PST d'une année dépassent les chiffres cumulatifs qui englobent cette année",
        checks: &[
            BuiltinCheck::new(
                "/statistics/trp/annual",
                "if within(year, $.statistics.trp.cumulative.period) then permits_issued <= $.statistics.trp.cumulative.permits_issued",
                Text::new(
                    "the cumulative figures include this year",
                    "les chiffres cumulatifs comprennent cette année",
                ),
            )
            .at("permits_issued")
            .message(Text::new("{year}: {arithmetic}", "{year} : {arithmetic}")),
            BuiltinCheck::new(
                "/statistics/trp/annual",
                "if within(year, $.statistics.trp.cumulative.period) then new_victims <= $.statistics.trp.cumulative.recipients",
                Text::new(
                    "the cumulative figures include this year",
                    "les chiffres cumulatifs comprennent cette année",
                ),
            )
            .at("new_victims")
            .message(Text::new("{year}: {arithmetic}", "{year} : {arithmetic}")),
            BuiltinCheck::new(
                "/statistics/trp/annual",
                "if within(year, $.statistics.trp.cumulative.period) then initial_permits <= $.statistics.trp.cumulative.recipients",
                Text::new(
                    "the cumulative figures include this year",
                    "les chiffres cumulatifs comprennent cette année",
                ),
            )
            .at("initial_permits")
            .message(Text::new("{year}: {arithmetic}", "{year} : {arithmetic}")),
        ],
        reads: Reads::Sections(&[
            "statistics/trp/annual",
            "statistics/trp/cumulative/period",
            "statistics/trp/cumulative/permits_issued",
            "statistics/trp/cumulative/recipients",
        ]),
    }
}
