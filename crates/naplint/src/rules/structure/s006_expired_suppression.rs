use crate::diagnostic::Severity;
use crate::i18n::Text;
use crate::rules::{Family, Rule};

pub const RULE: Rule = Rule {
    code: "S006",
    name: "expired-suppression",
    name_fr: "exemption-expiree",
    family: Family::Structure,
    severity: Severity::Warning,
    summary: "a suppression in the baseline is past its expiry date",
    summary_fr: "une exemption de la base de référence a dépassé sa date d'expiration",
    docs: r#"## What it checks
No entry of `naplint-baseline.toml` is past its `expires` date. An expired entry no longer
hides its finding, which shows again beside this warning.

## Why it matters
An acceptance "until the next report" must be reviewed when the next report comes.

## Fails
```toml
[[suppress]]
code = "M003"
pointer = "/statistics/training/1/period/end"
reason = "accepted for the 2013-14 edition"
expires = "2015-03-31"
```

## Passes
```toml
expires = "2027-03-31"
```
"#,
    docs_fr: include_str!("s006_expired_suppression.fr.md"),
    texts: &[EXPIRED, EXPIRED_HELP],
    ..Rule::DEFAULT
};

pub(crate) const EXPIRED: Text = Text::new(
    "suppression of `{code}` at `{pointer}` expired on {date}",
    "l'exemption de `{code}` à `{pointer}` a expiré le {date}",
);
pub(crate) const EXPIRED_HELP: Text = Text::new(
    "review it: renew `expires` with a reason, or fix the data",
    "réexaminez-la : renouvelez `expires` avec une justification, ou corrigez les données",
);
