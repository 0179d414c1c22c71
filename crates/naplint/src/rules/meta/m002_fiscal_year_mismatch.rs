use crate::diagnostic::Severity;
use crate::i18n::Text;
use crate::rules::{Ctx, Family, Finding, Reads, Rule};
use crate::source::Pointer;

pub const RULE: Rule = Rule {
    code: "M002",
    name: "fiscal-year-mismatch",
    name_fr: "exercice-incoherent",
    family: Family::Meta,
    severity: Severity::Error,
    summary: "the report's fiscal year disagrees with its period",
    summary_fr: "l'exercice du rapport ne concorde pas avec sa période",
    docs: r#"## What it checks
`report.period` is April 1 to March 31 of `report.fiscal_year` (Canada's fiscal year):
`2013/14` is 2013-04-01 to 2014-03-31.

## Why it matters
The fiscal year decides what is "new" and what starts late (P010, P011); the period decides
which figures are out of range (M003). They must say the same thing.

## Fails
```yaml
report: { fiscal_year: 2013/14, period: { start: 2012-04-01, end: 2013-03-31 } }
```

## Passes
```yaml
report: { fiscal_year: 2013/14, period: { start: 2013-04-01, end: 2014-03-31 } }
```
"#,
    docs_fr: include_str!("m002_fiscal_year_mismatch.fr.md"),
    check: Some(check),
    texts: &[START, END, HELP],
    reads: Reads::Sections(&["report"]),
    ..Rule::DEFAULT
};

const START: Text = Text::new(
    "period start `{date}` does not match fiscal year `{year}`",
    "le début de la période `{date}` ne correspond pas à l'exercice `{year}`",
);
const END: Text = Text::new(
    "period end `{date}` does not match fiscal year `{year}`",
    "la fin de la période `{date}` ne correspond pas à l'exercice `{year}`",
);
const HELP: Text = Text::new(
    "fiscal year `{year}` runs from {start} to {end}",
    "l'exercice `{year}` va du {start} au {end}",
);

fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let meta = &ctx.report.report;
    let Some(year) = meta.fiscal_year.start_year() else {
        return;
    };
    let expected_start = format!("{year}-04-01");
    let expected_end = format!("{}-03-31", year + 1);
    let base = Pointer::root().key("report").key("period");
    let fy = meta.fiscal_year.as_str();
    for (field, text, actual, expected) in [
        ("start", START, &meta.period.start, &expected_start),
        ("end", END, &meta.period.end, &expected_end),
    ] {
        if actual.as_str() != expected {
            out.push(
                Finding::new(
                    base.key(field),
                    ctx.t(text, &[("date", actual.as_str()), ("year", fy)]),
                )
                .help(ctx.t(
                    HELP,
                    &[
                        ("year", fy),
                        ("start", &expected_start),
                        ("end", &expected_end),
                    ],
                )),
            );
        }
    }
}
