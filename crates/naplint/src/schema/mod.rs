//! The JSON Schema of a report: generated from the typed model, committed as
//! `schemas/report.schema.json`, and enforced by a small validator that works on the
//! spanned tree (so every violation has a position) and fits the WASM size budget.

mod validator;

pub use validator::{
    CompiledSchema, SchemaError, Violation, ViolationKind, ANNOTATION_KEYWORDS, SUPPORTED_KEYWORDS,
    TEXTS as VALIDATOR_TEXTS,
};

/// The `$id` of the report schema.
pub const REPORT_SCHEMA_ID: &str = "https://naplint.dev/schemas/report.schema.json";

/// The committed schema, embedded so that the core needs no IO (a test keeps it equal to
/// [`generate_report_schema`]).
pub const REPORT_SCHEMA_JSON: &str = include_str!("../../../../schemas/report.schema.json");

/// Generates the report schema (draft 2020-12) from the model.
#[must_use]
pub fn generate_report_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<crate::model::Report>();
    let mut value = schema.to_value();
    if let Some(obj) = value.as_object_mut() {
        obj.insert(
            "$id".to_owned(),
            serde_json::Value::String(REPORT_SCHEMA_ID.to_owned()),
        );
    }
    value
}

/// The generated schema as committed: pretty-printed with a final newline.
#[must_use]
pub fn report_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&generate_report_schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// The `$id` of the submission schema.
pub const SUBMISSION_SCHEMA_ID: &str = "https://naplint.dev/schemas/submission.schema.json";

/// The committed submission schema, embedded (a test keeps it equal to
/// [`generate_submission_schema`]).
pub const SUBMISSION_SCHEMA_JSON: &str = include_str!("../../../../schemas/submission.schema.json");

/// Generates the schema of a department submission (draft 2020-12) from the model.
#[must_use]
pub fn generate_submission_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<crate::model::Submission>();
    let mut value = schema.to_value();
    if let Some(obj) = value.as_object_mut() {
        obj.insert(
            "$id".to_owned(),
            serde_json::Value::String(SUBMISSION_SCHEMA_ID.to_owned()),
        );
    }
    value
}

/// The generated submission schema as committed: pretty-printed with a final newline.
#[must_use]
pub fn submission_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&generate_submission_schema()).unwrap_or_default();
    text.push('\n');
    text
}
