use crate::diagnostic::Severity;
use crate::rules::{Family, Rule};

pub const RULE: Rule = Rule {
    code: "S004",
    name: "unsupported-format-version",
    family: Family::Structure,
    severity: Severity::Error,
    summary: "the document's `format_version` is not one this naplint reads",
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
    fixable: false,
    check: None,
    claim: None,
    checks: &[],
    across: None,
};
