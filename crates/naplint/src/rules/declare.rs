//! `declare_rule!`: a rule's one declaration, as biome's
//! `declare_lint_rule!` does it.
//!
//! Why `///` doc comments on the invocation rather than the module's `//!` doc extracted
//! by codegen: the text then lives in one place only (no generated copy of every page in
//! the registry to keep current), rustdoc shows it on the rule's `RULE` constant as it is
//! written, and a rule's documentation cannot drift from its code between two codegen
//! runs. The doc comments arrive as `#[doc = " line"]` attributes; [`strip`] removes the
//! one space each line starts with, at compile time, so the text stored in the binary is
//! exactly the Markdown written (no runtime cost, no extra bytes in the WASM module).
//!
//! The message texts are declared in the same invocation (`texts { NAME = "en" / "fr"; }`):
//! the macro defines each constant and the rule's `texts` list at once, so a text cannot be
//! defined in a rule module without being listed (`tests/registry.rs` also fails on a
//! `Text::new` written outside them (shared texts use `crate::texts!`), or a `BuiltinCheck`'s own texts, which the
//! `checks` list already carries).

/// The length of `raw` without the one leading space of each line (see [`strip`]).
#[must_use]
pub const fn stripped_len(raw: &str) -> usize {
    let mut rest = raw.as_bytes();
    let mut len = 0;
    let mut line_start = true;
    while let [byte, tail @ ..] = rest {
        if !(line_start && *byte == b' ') {
            len += 1;
        }
        line_start = *byte == b'\n';
        rest = tail;
    }
    len
}

/// `raw` (doc-comment lines joined by `\n`) without the one space rustc keeps at the start
/// of each `///` line. Evaluated in constants only: `N` is [`stripped_len`] of `raw`, and a
/// mismatch is a compile error, never a run-time one.
#[must_use]
pub const fn strip<const N: usize>(raw: &str) -> [u8; N] {
    let mut out = [0u8; N];
    let mut rest = raw.as_bytes();
    let mut at = 0;
    let mut line_start = true;
    while let [byte, tail @ ..] = rest {
        if !(line_start && *byte == b' ') {
            if let Some((_, [slot, ..])) = out.split_at_mut_checked(at) {
                *slot = *byte;
            }
            at += 1;
        }
        line_start = *byte == b'\n';
        rest = tail;
    }
    out
}

/// The Markdown of `///` lines captured as `#[doc]` literals, as a `&'static str`.
#[cfg(feature = "docs")]
macro_rules! rule_docs {
    ($($doc:literal)*) => {{
        const RAW: &str = concat!($($doc, "\n",)*);
        const BYTES: [u8; $crate::rules::declare::stripped_len(RAW)] =
            $crate::rules::declare::strip(RAW);
        match ::core::str::from_utf8(&BYTES) {
            Ok(text) => text,
            Err(_) => "",
        }
    }};
}
#[cfg(feature = "docs")]
pub(crate) use rule_docs;

/// Declares a rule module's `RULE` and its message texts.
///
/// ```text
/// declare_rule! {
///     /// ## What it checks
///     /// …   (the English page: `## What it checks`, `## Why it matters`, `## Fails`,
///     ///      `## Passes`; the French page is `<CODE>.fr.md` beside the module)
///     Rule {
///         code: "P018",
///         name: "kebab-name" / "nom-en-francais",
///         severity: Warning,
///         summary: "one line, lowercase" / "une ligne, en minuscules",
///         check: Some(check),          // any other field of `Rule`; the rest default
///     }
///     texts {
///         MESSAGE = "what was found: `{value}`" / "ce qui a été trouvé : `{value}`";
///         pub(crate) HELP = "…" / "…";
///     }
///     also [crate::lang::BUDGET]      // texts defined elsewhere that this rule files
/// }
/// ```
///
/// The family comes from the code's letter ([`Family::of`](crate::rules::Family::of)).
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        Rule {
            code: $code:literal,
            name: $name:literal / $name_fr:literal,
            severity: $severity:ident,
            summary: $summary:literal / $summary_fr:literal,
            $($field:ident: $value:expr,)*
        }
        $(texts {
            $($(#[doc = $text_doc:literal])* $vis:vis $text:ident = $en:literal / $fr:literal;)*
        })?
        $(also [$($other:path),* $(,)?])?
    ) => {
        $(#[doc = $doc])*
        pub const RULE: $crate::rules::Rule = $crate::rules::Rule {
            code: $code,
            name: $name,
            name_fr: $name_fr,
            family: $crate::rules::Family::of($code),
            severity: $crate::diagnostic::Severity::$severity,
            summary: $summary,
            summary_fr: $summary_fr,
            // Without the `docs` feature both stay `Rule::DEFAULT`'s empty text, and the
            // pages are not in the binary (the WASM module: its npm package ships them).
            #[cfg(feature = "docs")]
            docs: $crate::rules::declare::rule_docs!($($doc)*),
            #[cfg(feature = "docs")]
            docs_fr: include_str!(concat!($code, ".fr.md")),
            texts: &[$($($text,)*)? $($($other,)*)?],
            $($field: $value,)*
            ..$crate::rules::Rule::DEFAULT
        };
        $($(
            $(#[doc = $text_doc])*
            $vis const $text: $crate::i18n::Text = $crate::i18n::Text::new($en, $fr);
        )*)?
    };
}
pub(crate) use declare_rule;

#[cfg(test)]
mod tests {
    use super::{strip, stripped_len};

    #[test]
    fn strips_one_leading_space_per_line() {
        const RAW: &str = " ## What it checks\n That `x`.\n\n ```yaml\n   indented: 1\n ```\n";
        const OUT: [u8; stripped_len(RAW)] = strip(RAW);
        assert_eq!(
            std::str::from_utf8(&OUT).ok(),
            Some("## What it checks\nThat `x`.\n\n```yaml\n  indented: 1\n```\n")
        );
    }
}
