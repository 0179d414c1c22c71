use crate::diagnostic::Severity;
use crate::i18n::Text;
use crate::lang::BuiltinCheck;
use crate::rules::{Family, Reads, Rule};

pub const RULE: Rule = Rule {
    code: "R004",
    name: "trp-annual-split",
    name_fr: "ventilation-annuelle-pst",
    family: Family::Reconcile,
    severity: Severity::Error,
    summary: "initial + subsequent permits does not equal permits issued in a year",
    summary_fr: "permis initiaux + permis subséquents n'égale pas le nombre de permis délivrés au cours d'une année",
    docs: r#"## What it checks
For each year of `trp.annual`, `initial_permits + subsequent_permits = permits_issued`.

## Why it matters
The split is printed beside the total ("14 TRPs (10 initial and 4 subsequent)"): they must
agree.

## Fails
```yaml
annual: [{ year: 2013, permits_issued: 14, initial_permits: 10, subsequent_permits: 5 }]
```

## Passes
```yaml
annual: [{ year: 2013, permits_issued: 14, initial_permits: 10, subsequent_permits: 4 }]
```
"#,
    docs_fr: include_str!("r004_trp_annual_split.fr.md"),
    checks: &[BuiltinCheck {
        scope: "/statistics/trp/annual",
        check: "initial_permits + subsequent_permits == permits_issued",
        at: None,
        message: Text::new("{year}: {arithmetic}", "{year} : {arithmetic}"),
        help: Some(Text::new("every permit of the year is an initial or a subsequent one", "chaque permis de l'année est un premier permis ou un permis subséquent")),
        severity: None,
    }],
    texts: &[],
    reads: Reads::Sections(&["statistics"]),
    ..Rule::DEFAULT
};
