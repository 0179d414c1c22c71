//! naplint compiled to WebAssembly.
//!
//! [`api`] is the whole binding layer in plain Rust (strings in, JSON envelopes out), so
//! it is tested natively by `cargo test -p naplint-wasm`; `bindings` (wasm32 only) exports
//! it with `#[wasm_bindgen]`. The npm package in `npm/` wraps those exports into the
//! public JavaScript API (`validate`, `fix`, `rules`, `explain`, `schema`, `version`).
//!
//! ```
//! let envelope = naplint_wasm::api::validate_envelope("{\"format_version\": \"1\"", "{}");
//! let value: serde_json::Value = serde_json::from_str(&envelope).unwrap();
//! assert_eq!(value["ok"][0]["code"], "S003");
//! let bad = naplint_wasm::api::validate_envelope("{}", r#"{"rules": {"P999": "off"}}"#);
//! assert!(bad.starts_with(r#"{"error":{"code":"invalid-options""#));
//! ```
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub mod api;
pub mod session;
#[cfg(feature = "submission")]
pub mod submission;

#[cfg(target_arch = "wasm32")]
mod bindings;
