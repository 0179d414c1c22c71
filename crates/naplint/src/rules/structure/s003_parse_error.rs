use crate::diagnostic::Severity;
use crate::rules::{Family, Rule};

pub const RULE: Rule = Rule {
    code: "S003",
    name: "parse-error",
    name_fr: "erreur-analyse-syntaxique",
    family: Family::Structure,
    severity: Severity::Error,
    summary: "the file is not well-formed JSON or YAML",
    summary_fr: "le fichier n'est pas du JSON ou du YAML bien formé",
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
    docs_fr: include_str!("s003_parse_error.fr.md"),
    fixable: false,
    check: None,
    claim: None,
    checks: &[],
    across: None,
    texts: crate::engine::texts::S003,
};
