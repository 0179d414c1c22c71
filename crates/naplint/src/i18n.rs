//! English and French: every text naplint shows a person exists in both, chosen per call.
//! A leaf module: it imports nothing else of the crate (labels of the model's vocabularies
//! live beside those types in `model`).
//! A message is a [`Text`] template with named `{placeholders}`; both languages take the
//! same placeholders (a test enforces it), so a rule's logic never depends on the language.

use serde::{Deserialize, Serialize};

/// The two official languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// `en`, `fr`, `en-CA`, `fr_CA.UTF-8`, ... (the language part decides).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s.get(..2).map(str::to_ascii_lowercase).as_deref() {
            Some("en") => Some(Self::En),
            Some("fr") => Some(Self::Fr),
            _ => None,
        }
    }

    /// The BCP 47 tag (`en-CA`, `fr-CA`), as SARIF and HTML want it.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en-CA",
            Self::Fr => "fr-CA",
        }
    }
}

/// A text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub fr: &'static str,
}

impl Text {
    #[must_use]
    pub const fn new(en: &'static str, fr: &'static str) -> Self {
        Self { en, fr }
    }

    #[must_use]
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }

    /// The template in `lang` with each `{name}` replaced by its argument.
    #[must_use]
    pub fn render(self, lang: Lang, args: &[(&str, &str)]) -> String {
        fill(self.get(lang), args)
    }
}

/// Whether `n` takes the singular form in `lang` (CLDR: English for 1 alone, French for
/// 0 and 1).
#[must_use]
pub fn is_singular(n: u64, lang: Lang) -> bool {
    match lang {
        Lang::En => n == 1,
        Lang::Fr => n <= 1,
    }
}

/// A text whose wording follows a count: its singular (`one`) and plural (`other`)
/// forms, each in both languages. `1 error, 2 errors`; `0 erreur, 2 erreurs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    pub one: Text,
    pub other: Text,
}

impl Plural {
    #[must_use]
    pub const fn new(one: Text, other: Text) -> Self {
        Self { one, other }
    }

    /// The form that `n` takes in `lang`.
    #[must_use]
    pub fn form(self, n: u64, lang: Lang) -> Text {
        if is_singular(n, lang) {
            self.one
        } else {
            self.other
        }
    }

    /// The form for `n` in `lang`, with `{n}` the number as the language writes it.
    #[must_use]
    pub fn render(self, n: usize, lang: Lang) -> String {
        self.render_with(n, lang, &[])
    }

    /// [`Plural::render`] with further `{placeholders}`.
    #[must_use]
    pub fn render_with(self, n: usize, lang: Lang, args: &[(&str, &str)]) -> String {
        let count = u64::try_from(n).unwrap_or(u64::MAX);
        let number = number(i128::from(count), lang);
        let mut all = vec![("n", number.as_str())];
        all.extend_from_slice(args);
        self.form(count, lang).render(lang, &all)
    }
}

/// Replaces each `{name}` of `template` by its argument.
#[must_use]
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        match after.find('}').and_then(|close| {
            let name = after.get(..close)?;
            args.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (close, *v))
        }) {
            Some((close, value)) => {
                out.push_str(value);
                rest = after.get(close + 1..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{placeholders}` of a template, sorted.
#[must_use]
pub fn placeholders(template: &str) -> Vec<String> {
    let mut out: Vec<String> = template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_owned()))
        .filter(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A whole number as each language writes it: `56,427` and `56 427` (no-break space).
/// Four-digit numbers stay ungrouped (`2014`, `9000`), as The Canadian Style and its
/// French counterpart allow, so that years read as years.
#[must_use]
pub fn number(n: i128, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    if digits.len() <= 4 {
        return n.to_string();
    }
    let sep = match lang {
        Lang::En => ",",
        Lang::Fr => "\u{a0}",
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// An amount of money: `$5,500,000` and `5 500 000 $` for Canadian dollars, the code
/// otherwise (`USD 1,000`, `1 000 USD`).
#[must_use]
pub fn money(n: i128, currency: &str, lang: Lang) -> String {
    let amount = number(n, lang);
    match (lang, currency) {
        (Lang::En, "CAD") => format!("${amount}"),
        (Lang::Fr, "CAD") => format!("{amount}\u{a0}$"),
        (Lang::En, code) => format!("{code} {amount}"),
        (Lang::Fr, code) => format!("{amount}\u{a0}{code}"),
    }
}

/// How a qualified figure is worded: `approximately 87`, `environ 87`.
#[must_use]
pub fn qualifier_label(qualifier: &str, lang: Lang) -> &'static str {
    let t = match qualifier {
        "approximately" => Text::new("approximately", "environ"),
        "over" => Text::new("over", "plus de"),
        "at_least" => Text::new("at least", "au moins"),
        "up_to" => Text::new("up to", "jusqu'à"),
        "under" => Text::new("under", "moins de"),
        _ => Text::new("about", "environ"),
    };
    t.get(lang)
}
