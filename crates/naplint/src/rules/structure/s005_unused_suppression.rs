use crate::diagnostic::Severity;
use crate::i18n::Text;
use crate::rules::{Family, Rule};

pub const RULE: Rule = Rule {
    code: "S005",
    name: "unused-suppression",
    name_fr: "exemption-inutilisee",
    family: Family::Structure,
    severity: Severity::Warning,
    summary: "a suppression in the baseline matches no finding",
    summary_fr: "une exemption de la base de référence ne correspond à aucun constat",
    docs: r#"## What it checks
Every entry of `naplint-baseline.toml` (beside the data files) still matches a finding:
same code, same pointer. Reported at the entry, in the baseline file.

## Why it matters
A suppression outliving its finding would silently hide the next problem at that place;
remove it once the data is corrected.

## Fails
```toml
[[suppress]]
code = "P011"
pointer = "/pillars/0/objectives/0/tasks/0/deliverables/4/start"
reason = "printed without NEW"     # but the data now says new: true
```

## Passes
```toml
# the entry's finding is still reported by naplint check
```
"#,
    docs_fr: include_str!("s005_unused_suppression.fr.md"),
    texts: &[
        UNUSED,
        UNUSED_HELP,
        crate::lang::BUDGET,
        crate::lang::BUDGET_HELP,
    ],
    ..Rule::DEFAULT
};

pub(crate) const UNUSED: Text = Text::new(
    "suppression of `{code}` at `{pointer}` matches no finding",
    "l'exemption de `{code}` à `{pointer}` ne correspond à aucun constat",
);
pub(crate) const UNUSED_HELP: Text = Text::new(
    "remove the entry: its finding is gone",
    "retirez l'entrée : son constat a disparu",
);
