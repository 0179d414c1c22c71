//! The JSON Schema of a report: generated from the typed model, committed as
//! `schemas/report.schema.json`, and enforced by a small validator that works on the
//! spanned tree (so every violation has a position) and fits the WASM size budget.

mod pattern;
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
    generate::<crate::model::Report>(REPORT_SCHEMA_ID)
}

/// The draft 2020-12 schema of `T`, with the `$id` it is published under.
fn generate<T: schemars::JsonSchema>(id: &str) -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12()
        .with_transform(schemars::transform::RecursiveTransform(formats_to_bounds))
        .into_generator();
    let mut value = generator.into_root_schema_for::<T>().to_value();
    if let Some(obj) = value.as_object_mut() {
        obj.insert("$id".to_owned(), serde_json::Value::String(id.to_owned()));
    }
    value
}

/// A schema as committed: pretty-printed with a final newline.
fn committed_text(schema: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

/// schemars names Rust's number types in `format` (`uint16`, `uint32`, `double`), which
/// no standard validator knows: ajv's strict mode, behind rjsf and JSON Forms, refuses the
/// schema. What such a format means is a range, so it becomes `minimum`/`maximum` (unless
/// the model sets a tighter bound) and the format goes.
fn formats_to_bounds(schema: &mut schemars::Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    let bounds: Option<(serde_json::Value, serde_json::Value)> =
        match obj.get("format").and_then(serde_json::Value::as_str) {
            Some("uint8") => Some((0.into(), u8::MAX.into())),
            Some("uint16") => Some((0.into(), u16::MAX.into())),
            Some("uint32") => Some((0.into(), u32::MAX.into())),
            Some("uint64" | "uint") => Some((0.into(), u64::MAX.into())),
            Some("int8") => Some((i8::MIN.into(), i8::MAX.into())),
            Some("int16") => Some((i16::MIN.into(), i16::MAX.into())),
            Some("int32") => Some((i32::MIN.into(), i32::MAX.into())),
            Some("int64" | "int") => Some((i64::MIN.into(), i64::MAX.into())),
            Some("float" | "double") => None,
            _ => return,
        };
    obj.remove("format");
    if let Some((minimum, maximum)) = bounds {
        obj.entry("minimum").or_insert(minimum);
        obj.entry("maximum").or_insert(maximum);
    }
}

/// The generated schema as committed: pretty-printed with a final newline.
#[must_use]
pub fn report_schema_text() -> String {
    committed_text(&generate_report_schema())
}

/// The `$id` of the submission schema.
pub const SUBMISSION_SCHEMA_ID: &str = "https://naplint.dev/schemas/submission.schema.json";

/// The committed submission schema, embedded (a test keeps it equal to
/// [`generate_submission_schema`]).
pub const SUBMISSION_SCHEMA_JSON: &str = include_str!("../../../../schemas/submission.schema.json");

/// Generates the schema of a department submission (draft 2020-12) from the model.
#[must_use]
pub fn generate_submission_schema() -> serde_json::Value {
    generate::<crate::model::Submission>(SUBMISSION_SCHEMA_ID)
}

/// The generated submission schema as committed: pretty-printed with a final newline.
#[must_use]
pub fn submission_schema_text() -> String {
    committed_text(&generate_submission_schema())
}
