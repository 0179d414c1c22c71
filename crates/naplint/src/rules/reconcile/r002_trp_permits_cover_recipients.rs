use crate::i18n::Text;
use crate::lang::BuiltinCheck;
use crate::rules::Reads;

crate::rules::declare_rule! {
    /// ## What it checks
    /// In the cumulative TRP statistics, `permits_issued >= recipients`.
    ///
    /// ## Why it matters
    /// Every recipient received at least one permit (many received subsequent ones); fewer
    /// permits than people is impossible.
    ///
    /// ## Fails
    /// ```yaml
    /// statistics:
    ///   trp:
    ///     cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 100, recipients: 102, male: 28, female: 68, minor_dependents: 6 }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// statistics:
    ///   trp:
    ///     cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 230, recipients: 102, male: 28, female: 68, minor_dependents: 6 }
    /// ```
    Rule {
        code: "R002",
        name: "trp-permits-cover-recipients" / "pst-couvrent-beneficiaires",
        severity: Error,
        summary: "fewer TRPs were issued than there are recipients"
            / "le nombre de PST délivrés est inférieur au nombre de bénéficiaires",
        checks: &[BuiltinCheck::new(
            "/statistics/trp/cumulative",
            "permits_issued >= recipients",
            Text::new(
                "each recipient received at least one permit",
                "chaque bénéficiaire a reçu au moins un permis",
            ),
        )
        .at("permits_issued")],
        reads: Reads::Sections(&[
            "statistics/trp/cumulative/permits_issued",
            "statistics/trp/cumulative/recipients",
        ]),
    }
}
