use crate::diagnostic::{Finding, Pointer};
use crate::i18n::Lang;

crate::rules::declare_rule! {
    /// ## What it checks
    /// Every object of the document, in JSON and YAML, for a key given twice.
    ///
    /// ## Why it matters
    /// Parsers keep one of the two values (most the last) without a word, so one department's
    /// figure silently replaces another's.
    ///
    /// ## Fails
    /// ```json
    /// { "report": { "edition": 2, "edition": 3 } }
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// { "report": { "edition": 2 } }
    /// ```
    Rule {
        code: "S002",
        name: "duplicate-key" / "cle-en-double",
        severity: Error,
        summary: "a key appears twice in one object"
            / "une clé figure deux fois dans un même objet",
    }
    texts {
        DUPLICATE = "duplicate key `{key}`" / "clé en double `{key}`";
        DUPLICATE_HELP = "first defined on line {line}; the last one wins, remove the other"
            / "définie d'abord à la ligne {line}; la dernière l'emporte, retirez l'autre";
        /// Without line numbers (`lines = false`, for forms).
        DUPLICATE_HELP_BARE = "the key is also defined earlier in this object; the last one wins, remove the other"
            / "la clé est aussi définie plus haut dans cet objet; la dernière l'emporte, retirez l'autre";
    }
}

/// A key given twice: located at the second key, the help names the first one's line
/// (unless messages leave lines out).
#[must_use]
pub fn finding(pointer: &str, key: &str, first_line: Option<usize>, lang: Lang) -> Finding {
    let help = match first_line {
        Some(line) => DUPLICATE_HELP.render(lang, &[("line", &line.to_string())]),
        None => DUPLICATE_HELP_BARE.render(lang, &[]),
    };
    Finding::new(
        Pointer::parse(pointer),
        DUPLICATE.render(lang, &[("key", key)]),
    )
    .help(help)
    .at_key()
}
