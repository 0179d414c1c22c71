use super::iso::COUNTRIES;
use super::CodeList;
use crate::i18n::Lang;
use crate::rules::{Ctx, Finding, Reads};
use crate::schema::Violation;
use crate::source::{Node, Pointer};

crate::rules::declare_rule! {
    /// ## What it checks
    /// `plan.jurisdiction` and every `country` are assigned ISO 3166-1 alpha-2 codes (`TH`, `HU`).
    /// A lower-case code is fixed to upper case.
    ///
    /// ## Why it matters
    /// Countries of birth are aggregated across years and plans; `Thailand`, `THA` and `TH` would
    /// be three countries.
    ///
    /// ## Fails
    /// ```yaml
    /// statistics:
    ///   trp:
    ///     cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 230, recipients: 102, male: 28, female: 68, minor_dependents: 6,
    ///       top_countries_of_birth: [{ country: XX, count: 31 }] }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// statistics:
    ///   trp:
    ///     cumulative: { period: { start: 2006-05, end: 2013-12 }, permits_issued: 230, recipients: 102, male: 28, female: 68, minor_dependents: 6,
    ///       top_countries_of_birth: [{ country: TH, count: 31 }] }
    /// ```
    Rule {
        code: "M004",
        name: "invalid-country" / "pays-non-valide",
        severity: Error,
        summary: "a country is not an ISO 3166-1 alpha-2 code"
            / "un pays n'est pas un code ISO 3166-1 alpha-2",
        fixable: true,
        check: Some(check),
        claim: Some(claim),
        reads: Reads::Sections(&[
            "plan/jurisdiction",
            "statistics/trp/cumulative/top_countries_of_birth",
        ]),
    }
    texts {
        MESSAGE = "`{value}` is not an ISO 3166-1 alpha-2 country code"
            / "`{value}` n'est pas un code de pays ISO 3166-1 alpha-2";
        HELP = "use the two-letter ISO 3166-1 code, e.g. `TH` for Thailand"
            / "utilisez le code ISO 3166-1 à deux lettres, p. ex. `TH` pour la Thaïlande";
    }
}

const CODES: CodeList = CodeList {
    list: COUNTRIES,
    len: 2,
    def: "CountryCode",
    message: MESSAGE,
    help: HELP,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let mut codes = vec![(
        Pointer::root().key("plan").key("jurisdiction"),
        ctx.report.plan.jurisdiction.as_str(),
    )];
    if let Some(c) = ctx
        .report
        .statistics
        .as_ref()
        .and_then(|s| s.trp.as_ref())
        .and_then(|t| t.cumulative.as_ref())
    {
        let base = Pointer::root()
            .key("statistics")
            .key("trp")
            .key("cumulative")
            .key("top_countries_of_birth");
        codes.extend(
            c.top_countries_of_birth
                .iter()
                .enumerate()
                .map(|(i, cc)| (base.index(i).key("country"), cc.country.as_str())),
        );
    }
    CODES.check(codes, ctx.lang(), out);
}

fn claim(v: &Violation, _: &Node, lang: Lang) -> Option<Finding> {
    CODES.claim(v, lang)
}
