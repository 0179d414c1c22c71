use crate::diagnostic::{Finding, Pointer};
use crate::i18n::Lang;
use crate::schema::{Violation, ViolationKind};

crate::rules::declare_rule! {
    /// ## What it checks
    /// The document against `schemas/report.schema.json`, generated from naplint's model: required
    /// fields, types, enumerations, patterns, unknown fields. One diagnostic per violation, with
    /// "did you mean" for a misspelt field. A violation that a dedicated rule explains is reported
    /// under that rule instead (an empty `leads` is P002, a bad status P006, a bad year P005).
    ///
    /// ## Why it matters
    /// Forms, editors and every later rule rely on the shape; a misspelt `femal` silently drops the
    /// figure from every reconciliation.
    ///
    /// ## Fails
    /// ```yaml
    /// report: { editon: 2 }
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// report: { edition: 2 }
    /// ```
    Rule {
        code: "S001",
        name: "schema" / "schema-non-respecte",
        severity: Error,
        summary: "the document violates the JSON Schema"
            / "le document ne respecte pas le schéma JSON",
    }
    texts {
        pub(crate) MODEL = "document does not match the model: {detail}"
            / "le document ne correspond pas au modèle : {detail}";
    }
}
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
