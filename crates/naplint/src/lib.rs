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

/// Declares a module's bilingual texts: each a [`i18n::Text`] const, and `TEXTS`, the list
/// of all of them that the translation tests read, so that no text escapes the list.
///
/// ```
/// naplint::texts! {
///     /// Shown when nothing is wrong.
///     pub CLEAN = "no problems" / "aucun problème";
/// }
/// assert_eq!(TEXTS, &[CLEAN]);
/// ```
#[macro_export]
macro_rules! texts {
    ($($(#[doc = $doc:literal])* $vis:vis $name:ident = $en:literal / $fr:literal;)*) => {
        $(
            $(#[doc = $doc])*
            $vis const $name: $crate::i18n::Text = $crate::i18n::Text::new($en, $fr);
        )*
        /// Every text this module declares.
        // A shell's module may read its list only in its tests.
        #[allow(dead_code)]
        pub const TEXTS: &[$crate::i18n::Text] = &[$($name,)*];
    };
}

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
