use crate::diagnostic::{Finding, Pointer};
use crate::i18n::Lang;

crate::rules::declare_rule! {
    /// ## What it checks
    /// That the file is valid UTF-8 without a byte order mark and well-formed JSON (RFC 8259) or
    /// YAML 1.2, within naplint's limits (nesting depth 128, 256 MiB, YAML aliases expanding to at
    /// most 100,000 nodes). The diagnostic gives the line and column where reading stopped.
    ///
    /// ## Why it matters
    /// Nothing else can be checked until the file can be read.
    ///
    /// ## Fails
    /// ```json
    /// { "format_version": "1", }
    /// ```
    ///
    /// ## Passes
    /// ```json
    /// { "format_version": "1" }
    /// ```
    Rule {
        code: "S003",
        name: "parse-error" / "erreur-analyse-syntaxique",
        severity: Error,
        summary: "the file is not well-formed JSON or YAML"
            / "le fichier n'est pas du JSON ou du YAML bien formé",
    }
    texts {
        BOM = "file starts with a byte order mark"
            / "le fichier commence par un indicateur d'ordre des octets (BOM)";
        SAVE_NO_BOM = "save the file as UTF-8 without a BOM"
            / "enregistrez le fichier en UTF-8 sans BOM";
        INVALID_UTF8 = "invalid UTF-8 at byte {offset}" / "UTF-8 non valide à l'octet {offset}";
        SAVE_UTF8 = "save the file as UTF-8" / "enregistrez le fichier en UTF-8";
    }
}

/// The bytes are not UTF-8 from `offset` on.
#[must_use]
pub fn invalid_utf8(offset: usize, lang: Lang) -> Finding {
    Finding::new(
        Pointer::root(),
        INVALID_UTF8.render(lang, &[("offset", &offset.to_string())]),
    )
    .help(SAVE_UTF8.get(lang))
}

/// The text starts with U+FEFF.
#[must_use]
pub fn byte_order_mark(lang: Lang) -> Finding {
    Finding::new(Pointer::root(), BOM.get(lang)).help(SAVE_NO_BOM.get(lang))
}

/// The loader's syntax error, already worded in the language asked.
#[must_use]
pub fn syntax(message: &str) -> Finding {
    Finding::new(Pointer::root(), message)
}
