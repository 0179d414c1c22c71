//! naplint's pure core: the text of a national action plan progress report in,
//! diagnostics out. No IO, clock, threads or globals, so the same code runs in the CLI
//! and, compiled to `wasm32-unknown-unknown`, in the browser.
//!
//! ```
//! let linter = naplint::Linter::new(naplint::Config::default()).unwrap();
//! let diagnostics = linter.check("{\"format_version\": \"1\"", naplint::SourceFormat::Json);
//! assert_eq!(diagnostics[0].code, "S003");
//! ```
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub mod config;
pub mod diagnostic;
mod engine;
pub mod fix;
pub mod i18n;
pub mod lang;
pub mod model;
pub mod registry;
pub mod rules;
pub mod schema;
pub mod session;
pub mod source;
pub mod submission;
mod suggest;
pub mod suppress;

pub use config::{Config, RuleLevel};
pub use diagnostic::{Diagnostic, Fix, Severity};
pub use engine::{Level, Levels, Linter, LinterError, UserRuleError, MAX_DIAGNOSTICS};
pub use i18n::Lang;
pub use rules::{Family, Rule};
pub use source::SourceFormat;
