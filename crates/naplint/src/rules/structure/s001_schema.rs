use crate::diagnostic::Severity;
use crate::rules::{Family, Rule};

pub const RULE: Rule = Rule {
    code: "S001",
    name: "schema",
    name_fr: "schema-non-respecte",
    family: Family::Structure,
    severity: Severity::Error,
    summary: "the document violates the JSON Schema",
    summary_fr: "le document ne respecte pas le schéma JSON",
    docs: r#"## What it checks
The document against `schemas/report.schema.json`, generated from naplint's model: required
fields, types, enumerations, patterns, unknown fields. One diagnostic per violation, with
"did you mean" for a misspelt field. A violation that a dedicated rule explains is reported
under that rule instead (an empty `leads` is P002, a bad status P006, a bad year P005).

## Why it matters
Forms, editors and every later rule rely on the shape; a misspelt `femal` silently drops the
figure from every reconciliation.

## Fails
```yaml
statistics: { trp: { cumulative: { femal: 68 } } }
```

## Passes
```yaml
statistics: { trp: { cumulative: { female: 68 } } }
```
"#,
    docs_fr: include_str!("s001_schema.fr.md"),
    fixable: false,
    check: None,
    claim: None,
    checks: &[],
    across: None,
    texts: crate::engine::texts::S001,
};
