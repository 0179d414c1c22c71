use super::iso::CURRENCIES;
use crate::i18n::Lang;
use crate::rules::{Ctx, Finding, Reads};
use crate::schema::{Violation, ViolationKind};
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
        WRITE = "write it `{fixed}`" / "écrivez `{fixed}`";
        HELP = "use the three-letter ISO 4217 code, e.g. `CAD` for Canadian dollars"
            / "utilisez le code ISO 4217 à trois lettres, p. ex. `CAD` pour le dollar canadien";
        FIX = "replace `{value}` with `{fixed}`" / "remplacer `{value}` par `{fixed}`";
    }
}

fn finding(ptr: Pointer, value: &str, lang: Lang) -> Finding {
    let f = Finding::new(ptr, MESSAGE.render(lang, &[("value", value)]));
    let upper = value.to_ascii_uppercase();
    if upper != value && CURRENCIES.contains(&upper.as_str()) {
        let args = [("value", value), ("fixed", upper.as_str())];
        f.help(WRITE.render(lang, &args))
            .fix(upper.clone(), FIX.render(lang, &args))
    } else {
        f.help(HELP.get(lang))
    }
}

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
    for (ptr, code) in codes {
        // Malformed codes are the schema's (claimed below); here, well-formed but unassigned.
        let shaped = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
        if shaped && !CURRENCIES.contains(&code) {
            out.push(finding(ptr, code, ctx.lang()));
        }
    }
}

fn claim(v: &Violation, _: &Node, lang: Lang) -> Option<Finding> {
    match &v.kind {
        ViolationKind::Pattern { value, .. } if v.def.as_deref() == Some("CurrencyCode") => {
            Some(finding(v.pointer.clone(), value, lang))
        }
        _ => None,
    }
}
