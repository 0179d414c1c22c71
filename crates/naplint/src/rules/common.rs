//! What several rules' findings share: the wording of a certain correction.

use crate::diagnostic::Finding;
use crate::i18n::Lang;

crate::texts! {
    /// The help of a finding whose value has one certain spelling.
    pub(crate) WRITE = "write it `{fixed}`" / "écrivez `{fixed}`";
    /// The title of that fix.
    pub(crate) REPLACE = "replace `{value}` with `{fixed}`" / "remplacer `{value}` par `{fixed}`";
}

/// `finding` with the help "write it `fixed`" and the fix that writes it.
#[must_use]
pub(crate) fn respell(finding: Finding, value: &str, fixed: &str, lang: Lang) -> Finding {
    let args = [("value", value), ("fixed", fixed)];
    finding
        .help(WRITE.render(lang, &args))
        .fix(fixed, REPLACE.render(lang, &args))
}
