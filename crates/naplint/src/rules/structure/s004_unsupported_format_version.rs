use crate::diagnostic::{Finding, Pointer};
use crate::i18n::Lang;
use crate::model::FORMAT_VERSION;
use crate::source::Node;

crate::rules::declare_rule! {
    /// ## What it checks
    /// `format_version` is `"1"`. When it is not, the other checks are skipped: a document of
    /// another version has another shape, and its findings would be noise.
    ///
    /// ## Why it matters
    /// A newer document read by an older checker would pass or fail for the wrong reasons.
    ///
    /// ## Fails
    /// ```yaml
    /// format_version: "2"
    /// ```
    ///
    /// ## Passes
    /// ```yaml
    /// format_version: "1"
    /// ```
    Rule {
        code: "S004",
        name: "unsupported-format-version" / "version-format-non-geree",
        severity: Error,
        summary: "the document's `format_version` is not one this naplint reads"
            / "la `format_version` du document n'est pas prise en charge par cette version de naplint",
    }
    texts {
        VERSION = "unsupported format version `{version}`"
            / "version de format non prise en charge `{version}`";
        VERSION_HELP = "this naplint reads format version `{version}`; other checks were skipped"
            / "cette version de naplint lit le format `{version}`; les autres vérifications ont été omises";
    }
}

/// A `format_version` other than the one this naplint reads; when it is given, every
/// other check is skipped.
#[must_use]
pub fn check(root: &Node, lang: Lang) -> Option<Finding> {
    let version = root.get("format_version")?;
    if version.as_str() == Some(FORMAT_VERSION) {
        return None;
    }
    let shown = version
        .as_str()
        .map_or_else(|| version.to_json().to_string(), str::to_owned);
    Some(
        Finding::new(
            Pointer::root().key("format_version"),
            VERSION.render(lang, &[("version", &shown)]),
        )
        .help(VERSION_HELP.render(lang, &[("version", FORMAT_VERSION)])),
    )
}
