//! What a user can configure: per-rule severity or off, rule selection, and the
//! tolerance of "approximately". The CLI reads it from `naplint.toml`, the WASM module
//! from its options object; both deserialise into this one type.

use crate::diagnostic::Severity;
use crate::i18n::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The tolerance of "approximately" when none is configured: 5%.
pub const DEFAULT_TOLERANCE: f64 = 0.05;

/// A rule's configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Off,
    Info,
    Warning,
    Error,
}

impl RuleLevel {
    #[must_use]
    pub fn severity(self) -> Option<Severity> {
        match self {
            Self::Off => None,
            Self::Info => Some(Severity::Info),
            Self::Warning => Some(Severity::Warning),
            Self::Error => Some(Severity::Error),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Relative tolerance of "approximately" figures (0.05 = 5%).
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<_>"))]
    pub tolerance: f64,
    /// Per-rule level, by code (`P016`) or name (`idle-department`).
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<_>"))]
    pub rules: BTreeMap<String, RuleLevel>,
    /// Only these codes or prefixes (`P`, `R00`, `M004`); empty means all.
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<_>"))]
    pub select: Vec<String>,
    /// Never these codes or prefixes.
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<_>"))]
    pub ignore: Vec<String>,
    /// Users' own rules (`[[rule]]` in naplint.toml), family U.
    #[serde(rename = "rule")]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<_>"))]
    pub user_rules: Vec<crate::lang::UserRule>,
    /// Language of messages, help and documentation: `en` or `fr`.
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<_>"))]
    pub lang: crate::i18n::Lang,
    /// Further rule files (paths relative to the configuration file), each holding
    /// `[[rule]]` entries; the CLI reads them into `user_rules`.
    // Rejected by the WASM options (no file access), so not in the TypeScript type.
    #[cfg_attr(feature = "ts", ts(skip))]
    pub rule_files: Vec<String>,
    /// Whether messages cite line numbers (`male 29 (line 127)`). A form sets it to
    /// `false`: its user never sees the file's lines, and a reconciliation then names its
    /// terms by field alone. Diagnostics keep their positions and `related` pointers.
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<_>"))]
    pub lines: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            tolerance: DEFAULT_TOLERANCE,
            rules: BTreeMap::new(),
            select: Vec::new(),
            ignore: Vec::new(),
            user_rules: Vec::new(),
            rule_files: Vec::new(),
            lang: crate::i18n::Lang::En,
            lines: true,
        }
    }
}

impl Config {
    /// Problems of the configuration that need no rule table: a tolerance out of range.
    /// The linter adds the unknown rule names when it resolves the levels.
    #[must_use]
    pub fn problems(&self) -> Vec<ConfigProblem> {
        let mut out = Vec::new();
        if !(0.0..=1.0).contains(&self.tolerance) || self.tolerance.is_nan() {
            out.push(ConfigProblem::Tolerance {
                value: crate::source::float_text(self.tolerance),
            });
        }
        out
    }
}

/// Settings given on top of a configuration (the CLI's flags, the WASM options object):
/// each present field replaces (`tolerance`, `select`, `lang`, `lines`) or extends
/// (`ignore`, `rules`, `user_rules`) the configuration's own.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overlay {
    pub tolerance: Option<f64>,
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
    pub rules: BTreeMap<String, RuleLevel>,
    pub user_rules: Vec<crate::lang::UserRule>,
    pub lang: Option<crate::i18n::Lang>,
    pub lines: Option<bool>,
}

impl Config {
    /// This configuration with `overlay` on top.
    #[must_use]
    pub fn overlaid(mut self, overlay: &Overlay) -> Self {
        if let Some(t) = overlay.tolerance {
            self.tolerance = t;
        }
        if let Some(select) = &overlay.select {
            self.select.clone_from(select);
        }
        self.ignore.extend(overlay.ignore.iter().cloned());
        self.rules
            .extend(overlay.rules.iter().map(|(k, v)| (k.clone(), *v)));
        self.user_rules.extend(overlay.user_rules.iter().cloned());
        if let Some(lang) = overlay.lang {
            self.lang = lang;
        }
        if let Some(lines) = overlay.lines {
            self.lines = lines;
        }
        self
    }
}

/// A problem of a configuration, as data; [`ConfigProblem::message`] words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// `tolerance` out of 0..=1 (`value` as written).
    Tolerance { value: String },
    /// A key of `rules` that names no rule.
    UnknownRule { key: String },
    /// A `select` or `ignore` entry that matches no rule code or name.
    NoMatch { pattern: String },
    /// A key `naplint.toml` does not have, with the nearest one it has.
    UnknownKey {
        key: String,
        suggestion: Option<String>,
    },
    /// A rule's level in `rules` that is not one of [`LEVELS`].
    BadLevel { rule: String, value: String },
    /// A `lang` that is not `en` or `fr`.
    BadLang { value: String },
}

/// The keys of `naplint.toml` (the fields of [`Config`], `rule` for `user_rules`).
pub const KEYS: &[&str] = &[
    "tolerance",
    "rules",
    "select",
    "ignore",
    "rule",
    "lang",
    "rule_files",
    "lines",
];

/// The levels a rule can be given.
pub const LEVELS: &[&str] = &["off", "info", "warning", "error"];

/// The languages `lang` takes.
pub const LANGS: &[&str] = &["en", "fr"];

/// The texts of configuration problems, for the translation test.
pub const TEXTS: &[Text] = &[
    TOLERANCE,
    UNKNOWN_RULE,
    NO_MATCH,
    INVALID,
    UNKNOWN_KEY,
    DID_YOU_MEAN,
    BAD_LEVEL,
    BAD_LANG,
];

const UNKNOWN_KEY: Text = Text::new(
    "unknown key `{key}`{suggestion}",
    "clé inconnue `{key}`{suggestion}",
);
const DID_YOU_MEAN: Text = Text::new(
    "; did you mean `{name}`?",
    " ; vouliez-vous dire `{name}` ?",
);
const BAD_LEVEL: Text = Text::new(
    "`{value}` is not a level for `{rule}`: use `off`, `info`, `warning` or `error`",
    "`{value}` n'est pas un niveau pour `{rule}` : utilisez `off`, `info`, `warning` ou `error`",
);
const BAD_LANG: Text = Text::new(
    "`{value}` is not a language naplint speaks: use `en` or `fr`",
    "`{value}` n'est pas une langue que naplint parle : utilisez `en` ou `fr`",
);

const TOLERANCE: Text = Text::new(
    "tolerance `{value}` must be between 0 and 1 (0.05 is 5%)",
    "la tolérance `{value}` doit être comprise entre 0 et 1 (0.05 vaut 5 %)",
);
const UNKNOWN_RULE: Text = Text::new(
    "unknown rule `{key}` in `rules`",
    "règle inconnue `{key}` dans `rules`",
);
const NO_MATCH: Text = Text::new(
    "`{pattern}` matches no rule code or name",
    "`{pattern}` ne correspond à aucun code ni nom de règle",
);
/// The frame of a configuration's problems, joined by `; `.
pub const INVALID: Text = Text::new(
    "invalid configuration: {problems}",
    "configuration non valide : {problems}",
);

impl ConfigProblem {
    /// `key` is no key of `naplint.toml`: the problem, with the nearest key there is.
    #[must_use]
    pub fn unknown_key(key: &str) -> Self {
        Self::UnknownKey {
            key: key.to_owned(),
            suggestion: crate::suggest::closest(key, KEYS.iter().copied()).map(str::to_owned),
        }
    }

    /// This problem worded in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Tolerance { value } => TOLERANCE.render(lang, &[("value", value)]),
            Self::UnknownRule { key } => UNKNOWN_RULE.render(lang, &[("key", key)]),
            Self::NoMatch { pattern } => NO_MATCH.render(lang, &[("pattern", pattern)]),
            Self::UnknownKey { key, suggestion } => {
                let hint = suggestion
                    .as_ref()
                    .map(|name| DID_YOU_MEAN.render(lang, &[("name", name)]))
                    .unwrap_or_default();
                UNKNOWN_KEY.render(lang, &[("key", key), ("suggestion", &hint)])
            }
            Self::BadLevel { rule, value } => {
                BAD_LEVEL.render(lang, &[("rule", rule), ("value", value)])
            }
            Self::BadLang { value } => BAD_LANG.render(lang, &[("value", value)]),
        }
    }
}
