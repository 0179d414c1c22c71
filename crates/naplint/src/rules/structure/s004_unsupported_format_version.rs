use crate::diagnostic::Severity;
use crate::rules::{Family, Rule};

pub const RULE: Rule = Rule {
    code: "S004",
    name: "unsupported-format-version",
    name_fr: "version-format-non-geree",
    family: Family::Structure,
    severity: Severity::Error,
    summary: "the document's `format_version` is not one this naplint reads",
    summary_fr:
        "la `format_version` du document n'est pas prise en charge par cette version de naplint",
    docs: r#"## What it checks
`format_version` is `"1"`. When it is not, the other checks are skipped: a document of
another version has another shape, and its findings would be noise.

## Why it matters
A newer document read by an older checker would pass or fail for the wrong reasons.

## Fails
```yaml
format_version: "2"
```

## Passes
```yaml
format_version: "1"
```
"#,
    docs_fr: include_str!("s004_unsupported_format_version.fr.md"),
    fixable: false,
    check: None,
    claim: None,
    checks: &[],
    across: None,
    texts: crate::engine::texts::S004,
};
