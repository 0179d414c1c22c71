//! S: syntax and structure. These rules are found while loading and validating against
//! the JSON Schema, so they declare no `check`; the engine reports them.

// codegen:modules:start (`cargo xtask codegen` writes this block; do not edit)
pub mod s001_schema;
pub mod s002_duplicate_key;
pub mod s003_parse_error;
pub mod s004_unsupported_format_version;
pub mod s005_unused_suppression;
pub mod s006_expired_suppression;
pub mod s007_too_many_diagnostics;
// codegen:modules:end
