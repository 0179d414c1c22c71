use crate::diagnostic::Severity;
use crate::rules::{Family, Rule};

pub const RULE: Rule = Rule {
    code: "S003",
    name: "parse-error",
    family: Family::Structure,
    severity: Severity::Error,
    summary: "the file is not well-formed JSON or YAML",
    docs: r#"## What it checks
That the file is valid UTF-8 without a byte order mark and well-formed JSON (RFC 8259) or
YAML 1.2, within naplint's limits (nesting depth 128, 256 MiB, YAML aliases expanding to at
most 100,000 nodes). The diagnostic gives the line and column where reading stopped.

## Why it matters
Nothing else can be checked until the file can be read.

## Fails
```json
{ "format_version": "1", }
```

## Passes
```json
{ "format_version": "1" }
```
"#,
    fixable: false,
    check: None,
    claim: None,
    checks: &[],
    across: None,
};
