use crate::diagnostic::Severity;
use crate::i18n::Text;
use crate::lang::BuiltinCheck;
use crate::rules::{Family, Reads, Rule};

pub const RULE: Rule = Rule {
    code: "R006",
    name: "investigation-outcomes",
    name_fr: "resultats-enquetes",
    family: Family::Reconcile,
    severity: Severity::Error,
    summary: "investigation outcomes do not add up to investigations launched",
    summary_fr: "la somme des résultats d'enquête n'égale pas le nombre d'enquêtes ouvertes",
    docs: r#"## What it checks
For each entry of `investigations`, `closed + ongoing + escalated + concluded_with_charges =
launched`.

## Why it matters
Every investigation launched is in exactly one state; outcomes that do not add up mean an
investigation was lost or counted twice.

## Fails
```yaml
{ launched: 14, closed: 6, ongoing: 7, escalated: 1, concluded_with_charges: 1 }
```

## Passes
```yaml
{ launched: 14, closed: 6, ongoing: 6, escalated: 1, concluded_with_charges: 1 }
```
"#,
    docs_fr: include_str!("r006_investigation_outcomes.fr.md"),
    checks: &[BuiltinCheck {
        scope: "/statistics/investigations",
        check: "closed + ongoing + escalated + concluded_with_charges == launched",
        at: None,
        message: Text::new("{arithmetic}", "{arithmetic}"),
        help: Some(Text::new(
            "each investigation launched is closed, ongoing, escalated or concluded",
            "chaque enquête ouverte est close, en cours, transformée en projet ou conclue",
        )),
        severity: None,
    }],
    texts: &[],
    reads: Reads::Sections(&["statistics"]),
    ..Rule::DEFAULT
};
