use crate::i18n::Text;
use crate::lang::BuiltinCheck;
use crate::rules::Reads;

crate::rules::declare_rule! {
    /// ## What it checks
    /// For each funding entry, `years.start <= years.end` and `amount.value > 0`.
    ///
    /// ## Why it matters
    /// "$5.5 million, 2016-2012" or "$0" is a typo that makes funding totals per year wrong.
    ///
    /// ## Fails
    /// ```yaml
    /// funding:
    ///   - { title: ASEAN project, recipient: ILO, funder: PS,
    ///       amount: { value: 5500000, currency: CAD }, years: { start: 2016, end: 2012 } }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// funding:
    ///   - { title: ASEAN project, recipient: ILO, funder: PS,
    ///       amount: { value: 5500000, currency: CAD }, years: { start: 2012, end: 2016 } }
    /// ```
    Rule {
        code: "R009",
        name: "funding-years-order" / "ordre-annees-financement",
        severity: Error,
        summary: "a funding entry ends before it starts or has no amount"
            / "une entrée de financement se termine avant de commencer ou n'a pas de montant",
        checks: &[
            BuiltinCheck::new(
                "/funding",
                "years.start <= years.end",
                Text::new(
                    "correct the years as the report prints them",
                    "corrigez les années telles que le rapport les indique",
                ),
            )
            .at("years.end")
            .message(Text::new(
                "`{title}` ends before it starts: {arithmetic}",
                "`{title}` se termine avant de commencer : {arithmetic}",
            )),
            BuiltinCheck::new(
                "/funding",
                "amount.value > 0",
                Text::new(
                    "give the amount the report prints",
                    "indiquez le montant que donne le rapport",
                ),
            )
            .at("amount.value")
            .message(Text::new(
                "`{title}` has no amount: {arithmetic}",
                "`{title}` n'a pas de montant : {arithmetic}",
            )),
        ],
        reads: Reads::Sections(&["funding"]),
    }
}
