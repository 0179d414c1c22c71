use super::iso::CURRENCIES;
use super::CodeList;
use crate::i18n::Lang;
use crate::rules::{Ctx, Finding, Reads};
use crate::schema::Violation;
use crate::source::{Node, Pointer};

crate::rules::declare_rule! {
    /// ## What it checks
    /// Every `amount.currency` is an active ISO 4217 code (`CAD`, `USD`). A lower-case code is
    /// fixed to upper case.
    ///
    /// ## Why it matters
    /// Funding is summed per currency; `$`, `CDN` and `CAD` would be three currencies.
    ///
    /// ## Fails
    /// ```yaml
    /// funding:
    ///   - { title: ASEAN project, recipient: ILO, funder: PS,
    ///       amount: { value: 5500000, currency: CDN }, years: { start: 2012, end: 2016 } }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// funding:
    ///   - { title: ASEAN project, recipient: ILO, funder: PS,
    ///       amount: { value: 5500000, currency: CAD }, years: { start: 2012, end: 2016 } }
    /// ```
    Rule {
        code: "M005",
        name: "invalid-currency" / "devise-non-valide",
        severity: Error,
        summary: "a currency is not an ISO 4217 code" / "une devise n'est pas un code ISO 4217",
        fixable: true,
        check: Some(check),
        claim: Some(claim),
        reads: Reads::Sections(&["funding"]),
    }
    texts {
        MESSAGE = "`{value}` is not an ISO 4217 currency code"
            / "`{value}` n'est pas un code de devise ISO 4217";
        HELP = "use the three-letter ISO 4217 code, e.g. `CAD` for Canadian dollars"
            / "utilisez le code ISO 4217 à trois lettres, p. ex. `CAD` pour le dollar canadien";
    }
}

const CODES: CodeList = CodeList {
    list: CURRENCIES,
    len: 3,
    def: "CurrencyCode",
    message: MESSAGE,
    help: HELP,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let codes: Vec<(Pointer, &str)> = ctx
        .report
        .funding
        .iter()
        .enumerate()
        .map(|(i, f)| {
            (
                Pointer::root()
                    .key("funding")
                    .index(i)
                    .key("amount")
                    .key("currency"),
                f.amount.currency.as_str(),
            )
        })
        .collect();
    CODES.check(codes, ctx.lang(), out);
}

fn claim(v: &Violation, _: &Node, lang: Lang) -> Option<Finding> {
    CODES.claim(v, lang)
}
