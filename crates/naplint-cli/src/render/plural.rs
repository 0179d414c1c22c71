//! Counts with their nouns in proper plural forms (the core's [`Plural`]): `1 error, 2 warnings`,
//! `1 erreur, 2 avertissements`. Two forms cover both languages; only the rule differs
//! (CLDR: English takes the singular for 1 alone, French for 0 and 1).

pub use naplint::i18n::Plural;

/// Declares [`Plural`] consts, one a line:
/// `NAME = "{n} one" / "{n} un", "{n} others" / "{n} autres";` (singular, then plural).
macro_rules! plurals {
    ($($vis:vis $name:ident = $one_en:literal / $one_fr:literal, $other_en:literal / $other_fr:literal;)*) => {
        $(
            $vis const $name: $crate::render::plural::Plural = $crate::render::plural::Plural::new(
                naplint::i18n::Text::new($one_en, $one_fr),
                naplint::i18n::Text::new($other_en, $other_fr),
            );
        )*
    };
}
pub(crate) use plurals;

#[cfg(test)]
mod tests {
    use naplint::Lang;

    super::plurals! {
        ERRORS = "{n} error" / "{n} erreur", "{n} errors" / "{n} erreurs";
    }

    #[test]
    fn english_takes_the_singular_for_one_only() {
        let got: Vec<String> = [0, 1, 2].map(|n| ERRORS.render(n, Lang::En)).into();
        assert_eq!(got, ["0 errors", "1 error", "2 errors"]);
    }

    #[test]
    fn french_takes_the_singular_for_zero_and_one() {
        let got: Vec<String> = [0, 1, 2].map(|n| ERRORS.render(n, Lang::Fr)).into();
        assert_eq!(got, ["0 erreur", "1 erreur", "2 erreurs"]);
    }

    #[test]
    fn large_counts_are_grouped_as_each_language_writes_them() {
        assert_eq!(ERRORS.render(12_345, Lang::En), "12,345 errors");
        assert_eq!(ERRORS.render(12_345, Lang::Fr), "12\u{a0}345 erreurs");
    }
}
