use crate::diagnostic::Severity;
use crate::diagnostic::{Finding, Pointer};
use crate::i18n::{Lang, Text};
use crate::rules::{Family, Rule};
use crate::schema::{Violation, ViolationKind};

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
    texts: &[MODEL],
    ..Rule::DEFAULT
};

pub(crate) const MODEL: Text = Text::new(
    "document does not match the model: {detail}",
    "le document ne correspond pas au modèle : {detail}",
);
/// A schema violation that no other rule claims.
#[must_use]
pub fn from_violation(violation: &Violation, lang: Lang) -> Finding {
    let mut f = Finding::new(violation.pointer.clone(), violation.message(lang));
    f.help = violation.help(lang);
    f.at_key = matches!(violation.kind, ViolationKind::UnknownField { .. });
    f
}

/// The document has a shape the typed model cannot read (reported only when the schema
/// found nothing more precise).
#[must_use]
pub fn model_error(detail: &str, lang: Lang) -> Finding {
    Finding::new(Pointer::root(), MODEL.render(lang, &[("detail", detail)]))
}
