//! Value types that carry meaning: fiscal years, dates, codes, figures and statuses.
//!
//! Each type deserialises from any value of the right JSON type, so that a document with a
//! malformed fiscal year or an unknown status still loads into the typed model and every
//! other rule can run; the strict shape lives in the JSON Schema (patterns, enums), whose
//! violations the dedicated rules (P005, P006, M004, M005) report.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Largest count accepted: 2^53 - 1, the largest integer a JavaScript form keeps exactly.
pub const MAX_COUNT: u64 = 9_007_199_254_740_991;

macro_rules! string_type {
    ($(#[$doc:meta])* $name:ident, $pattern:expr, $description:expr, $example:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub crate::source::Str);

        impl $name {
            /// The pattern the JSON Schema requires.
            pub const PATTERN: &'static str = $pattern;

            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "pattern": $pattern,
                    "description": $description,
                    "examples": [$example],
                })
            }
        }
    };
}

string_type!(
    /// A Canadian fiscal year, April 1 to March 31, written `YYYY/YY` (`2013/14`).
    FiscalYear,
    "^[0-9]{4}/[0-9]{2}$",
    "Canadian fiscal year (April 1 - March 31) written YYYY/YY with consecutive years, e.g. 2013/14",
    "2013/14"
);

impl FiscalYear {
    /// The calendar year the fiscal year starts in, when well-formed (`YYYY/YY` with
    /// consecutive years).
    #[must_use]
    pub fn start_year(&self) -> Option<u16> {
        parse_fiscal_year(&self.0)
    }
}

/// Parses `YYYY/YY` with consecutive years into the first year.
#[must_use]
pub fn parse_fiscal_year(s: &str) -> Option<u16> {
    let (first, second) = s.split_once('/')?;
    if first.len() != 4 || second.len() != 2 {
        return None;
    }
    let first: u16 = first.parse().ok()?;
    let second: u16 = second.parse().ok()?;
    ((first + 1) % 100 == second).then_some(first)
}

/// Formats a fiscal year from its first calendar year.
#[must_use]
pub fn format_fiscal_year(start: u16) -> String {
    format!("{start}/{:02}", (start + 1) % 100)
}

string_type!(
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
    "calendar date YYYY-MM-DD",
    "2014-03-31"
);

string_type!(
    /// A date known to the year, the month or the day: `2014`, `2014-01`, `2014-01-31`.
    PartialDate,
    "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
    "date with year, month or day precision: YYYY, YYYY-MM or YYYY-MM-DD",
    "2013-12"
);

/// A calendar day as `(year, month, day)`.
pub type Day = (u16, u8, u8);

/// The first and last day a (partial or full) date can stand for.
#[must_use]
pub fn date_bounds(s: &str) -> Option<(Day, Day)> {
    let mut parts = s.split('-');
    let year: u16 = parts.next()?.parse().ok()?;
    let month: Option<u8> = parts.next().map(str::parse).transpose().ok()?;
    let day: Option<u8> = parts.next().map(str::parse).transpose().ok()?;
    Some(match (month, day) {
        (None, _) => ((year, 1, 1), (year, 12, 31)),
        (Some(m), None) => ((year, m, 1), (year, m, days_in_month(year, m))),
        (Some(m), Some(d)) => ((year, m, d), (year, m, d)),
    })
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

string_type!(
    /// A department code of the registry: upper-case letters and digits, parts joined by `-`.
    DeptCode,
    "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$",
    "department code: upper-case letters and digits, parts joined by hyphens, e.g. ESDC-TFWP",
    "PS"
);

string_type!(
    /// An ISO 3166-1 alpha-2 country code.
    CountryCode,
    "^[A-Z]{2}$",
    "ISO 3166-1 alpha-2 country code, e.g. TH",
    "TH"
);

string_type!(
    /// An ISO 4217 currency code.
    CurrencyCode,
    "^[A-Z]{3}$",
    "ISO 4217 currency code, e.g. CAD",
    "CAD"
);

/// A non-negative whole count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Count(pub u64);

impl JsonSchema for Count {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Count")
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "minimum": 0,
            "maximum": MAX_COUNT,
        })
    }
}

/// The status vocabulary of the action items chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(description = "status of a deliverable or item, as the chart's Status column")]
pub enum Status {
    Planned,
    NotStarted,
    InProgress,
    OnTrack,
    Ongoing,
    Complete,
    Delayed,
    Discontinued,
    /// Any other text; the schema rejects it (P006) but the rest of the document still
    /// gets checked.
    #[serde(other)]
    #[schemars(skip)]
    Unrecognised,
}

impl Status {
    pub const ALL: [Self; 8] = [
        Self::Planned,
        Self::NotStarted,
        Self::InProgress,
        Self::OnTrack,
        Self::Ongoing,
        Self::Complete,
        Self::Delayed,
        Self::Discontinued,
    ];

    /// Whether the status is one of the vocabulary (not [`Status::Unrecognised`]).
    #[must_use]
    pub fn is_known(self) -> bool {
        self != Self::Unrecognised
    }

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::NotStarted => "not_started",
            Self::InProgress => "in_progress",
            Self::OnTrack => "on_track",
            Self::Ongoing => "ongoing",
            Self::Complete => "complete",
            Self::Delayed => "delayed",
            Self::Discontinued => "discontinued",
            Self::Unrecognised => "unrecognised",
        }
    }
}

/// How a report words an inexact figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(
    description = "how the report words an inexact figure: approximately 87, over 9,000, up to $500,000"
)]
pub enum Qualifier {
    Approximately,
    Over,
    AtLeast,
    UpTo,
    Under,
    #[serde(other)]
    #[schemars(skip)]
    Unrecognised,
}

/// A figure with the report's wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QualifiedFigure {
    /// The number as printed.
    pub value: Count,
    /// The word that qualifies it.
    pub qualifier: Qualifier,
}

/// A count: an exact non-negative integer, or `{value, qualifier}` as the report words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Figure {
    Exact(Count),
    Qualified(QualifiedFigure),
}

/// The set of whole numbers a figure can stand for, `[lo, hi]`; `hi == u64::MAX` is
/// unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub lo: u64,
    pub hi: u64,
}

impl Interval {
    #[must_use]
    pub const fn exact(v: u64) -> Self {
        Self { lo: v, hi: v }
    }
}

impl Figure {
    /// The printed number.
    #[must_use]
    pub fn value(self) -> u64 {
        match self {
            Self::Exact(Count(v))
            | Self::Qualified(QualifiedFigure {
                value: Count(v), ..
            }) => v,
        }
    }

    #[must_use]
    pub fn qualifier(self) -> Option<Qualifier> {
        match self {
            Self::Exact(_) => None,
            Self::Qualified(q) => Some(q.qualifier),
        }
    }

    /// The interval the figure stands for; `tolerance` is the relative width of
    /// "approximately" (0.05 for 5%).
    #[must_use]
    pub fn interval(self, tolerance: f64) -> Interval {
        let v = self.value();
        match self.qualifier() {
            None => Interval::exact(v),
            Some(Qualifier::Approximately) => {
                #[allow(
                    clippy::cast_precision_loss,
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss
                )]
                let delta = ((v as f64) * tolerance.max(0.0)).ceil() as u64;
                Interval {
                    lo: v.saturating_sub(delta),
                    hi: v.saturating_add(delta),
                }
            }
            Some(Qualifier::Over) => Interval {
                lo: v.saturating_add(1),
                hi: u64::MAX,
            },
            Some(Qualifier::AtLeast) => Interval {
                lo: v,
                hi: u64::MAX,
            },
            Some(Qualifier::UpTo) => Interval { lo: 0, hi: v },
            Some(Qualifier::Under) => Interval {
                lo: 0,
                hi: v.saturating_sub(1),
            },
            Some(Qualifier::Unrecognised) => Interval {
                lo: 0,
                hi: u64::MAX,
            },
        }
    }

    /// The figure as the report would print it, in `lang`: `87`, `approximately 87`,
    /// `plus de 9 000`.
    #[must_use]
    pub fn describe(self, lang: crate::i18n::Lang) -> String {
        let v = crate::i18n::number(i128::from(self.value()), lang);
        match self.qualifier() {
            None => v,
            Some(q) => format!("{} {v}", qualifier_words(q, lang)),
        }
    }
}

#[must_use]
pub fn qualifier_words(q: Qualifier, lang: crate::i18n::Lang) -> &'static str {
    let key = match q {
        Qualifier::Approximately => "approximately",
        Qualifier::Over => "over",
        Qualifier::AtLeast => "at_least",
        Qualifier::UpTo => "up_to",
        Qualifier::Under => "under",
        Qualifier::Unrecognised => "",
    };
    crate::i18n::qualifier_label(key, lang)
}
/// The document format version; `"1"` is the only one so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FormatVersion(pub String);

impl JsonSchema for FormatVersion {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("FormatVersion")
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "enum": [super::FORMAT_VERSION],
            "description": "version of the naplint document format",
        })
    }
}

/// Display labels of the status vocabulary.
#[must_use]
pub fn status_label(status: crate::model::Status, lang: crate::i18n::Lang) -> &'static str {
    use crate::model::Status as S;
    let t = match status {
        S::Planned => crate::i18n::Text::new("planned", "prévu"),
        S::NotStarted => crate::i18n::Text::new("not started", "non commencé"),
        S::InProgress => crate::i18n::Text::new("in progress", "en cours"),
        S::OnTrack => crate::i18n::Text::new("on track", "en bonne voie"),
        S::Ongoing => crate::i18n::Text::new("ongoing", "continu"),
        S::Complete => crate::i18n::Text::new("complete", "terminé"),
        S::Delayed => crate::i18n::Text::new("delayed", "retardé"),
        S::Discontinued => crate::i18n::Text::new("discontinued", "abandonné"),
        S::Unrecognised => crate::i18n::Text::new("unrecognised", "non reconnu"),
    };
    t.get(lang)
}

/// Display labels of the four pillars.
#[must_use]
pub fn pillar_label(key: crate::model::PillarKey, lang: crate::i18n::Lang) -> &'static str {
    use crate::model::PillarKey as K;
    let t = match key {
        K::Prevention => crate::i18n::Text::new("Prevention", "Prévention"),
        K::Protection => crate::i18n::Text::new("Protection", "Protection"),
        K::Prosecution => crate::i18n::Text::new("Prosecution", "Poursuites"),
        K::Partnership => crate::i18n::Text::new("Partnership", "Partenariats"),
    };
    t.get(lang)
}

/// A printed text of the chart (a deliverable's or item's text, a task's title, an
/// objective's statement) that the model does not copy.
///
/// No rule reads these texts from the model: the schema checks them on the tree, and the
/// rules that read prose (P017) walk the tree's strings. The model only records that the
/// field is there and is a string, as `String` did (the same `invalid type: …, expected a
/// string` when it is not), and keeps no copy: on `bench/corpus/big.json` (50 MB) that
/// copy was 21 MB of the check's peak memory (README "Speed, size and memory"). To read
/// one, take the node at the field's pointer in the tree.
///
/// It cannot be serialised (it has nothing to write): serialising a model that holds one
/// is an error, never a silently emptied text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Prose;

impl<'de> Deserialize<'de> for Prose {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Prose;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Prose, E> {
                Ok(Prose)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl Serialize for Prose {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(
            "the model keeps no copy of the chart's texts: serialise the document tree",
        ))
    }
}

impl JsonSchema for Prose {
    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        String::json_schema(generator)
    }
}
