//! A JSON Schema (draft 2020-12) validator for the subset of keywords the generated
//! report schema uses. It reports every violation, not the first, each with the pointer
//! of the offending value and the `$defs` name of the type being checked, so that rules
//! can claim the violations they explain better (P005 claims `FiscalYear` patterns).
//!
//! A test runs the `jsonschema` crate over every fixture and asserts the same verdict,
//! and another fails if the generated schema uses a keyword this validator ignores.

use super::pattern::Pattern;
use crate::i18n::{Lang, Plural, Text};
use crate::source::{escape_token, Node, Pointer, Value};
use crate::suggest::closest;
use serde_json::Value as Json;
use std::collections::HashMap;

/// Keywords this validator enforces; every other keyword must be an annotation.
pub const SUPPORTED_KEYWORDS: &[&str] = &[
    "$ref",
    "type",
    "enum",
    "const",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "minItems",
    "maxItems",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "pattern",
    "minLength",
    "maxLength",
    "anyOf",
    "oneOf",
    "allOf",
];

/// Keywords that carry no assertion.
pub const ANNOTATION_KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "title",
    "description",
    "examples",
    "default",
    "format",
    "deprecated",
    "readOnly",
    "writeOnly",
];

#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    #[error("schema is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("unsupported `$ref` `{0}`: only `#/$defs/NAME` is supported")]
    Ref(String),
    #[error(
        "unsupported pattern `{0}`: naplint's validator takes `^…$` patterns of ASCII \
         literals, classes, `\\d`, `\\w`, `\\s`, groups, `|` and greedy quantifiers"
    )]
    Pattern(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JsonType {
    Null,
    Boolean,
    Integer,
    Number,
    String,
    Array,
    Object,
}

impl JsonType {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "null" => Self::Null,
            "boolean" => Self::Boolean,
            "integer" => Self::Integer,
            "number" => Self::Number,
            "string" => Self::String,
            "array" => Self::Array,
            "object" => Self::Object,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Boolean => "a boolean",
            Self::Integer => "an integer",
            Self::Number => "a number",
            Self::String => "a string",
            Self::Array => "an array",
            Self::Object => "an object",
        }
    }

    fn accepts(self, value: &Value) -> bool {
        match (self, value) {
            (Self::Null, Value::Null)
            | (Self::Boolean, Value::Bool(_))
            | (Self::Number, Value::Number(_))
            | (Self::String, Value::String(_))
            | (Self::Array, Value::Array(_))
            | (Self::Object, Value::Object(_)) => true,
            (Self::Integer, Value::Number(n)) => n.is_integer(),
            _ => false,
        }
    }
}

#[derive(Debug, Default)]
enum Additional {
    #[default]
    Allow,
    Deny,
    Schema(usize),
}

#[derive(Debug, Default)]
struct SchemaNode {
    def_name: Option<String>,
    reference: Option<usize>,
    types: Option<Vec<JsonType>>,
    enumeration: Option<Vec<Json>>,
    properties: Vec<(String, usize)>,
    /// Per property, parallel to `properties`: [`key_tag`] of its name, compared before
    /// the name itself, so a lookup is a scan of integers and one string compare.
    property_tags: Vec<u64>,
    /// Per property, parallel to `properties`: its bit in `required_bits` when it is
    /// required, else 0.
    property_bits: Vec<u64>,
    required: Vec<String>,
    /// The bits of every required field: an object has all its required fields when
    /// its members' `property_bits` OR to this. `None` when a required field is not a
    /// property or there are more than 64 (then `required` is searched member by member).
    required_bits: Option<u64>,
    additional: Additional,
    items: Option<usize>,
    min_items: Option<usize>,
    max_items: Option<usize>,
    minimum: Option<f64>,
    maximum: Option<f64>,
    exclusive_minimum: Option<f64>,
    exclusive_maximum: Option<f64>,
    pattern: Option<Pattern>,
    min_length: Option<usize>,
    max_length: Option<usize>,
    any_of: Vec<usize>,
    one_of: Vec<usize>,
    all_of: Vec<usize>,
}

/// A cheap digest of a key (length, first, middle and last byte): two keys with
/// different tags differ, so property lookups compare integers and verify one string.
/// Hand-written: a hash map per schema object costs more than this scan over the
/// report's five to fifteen properties.
fn key_tag(key: &str) -> u64 {
    let b = key.as_bytes();
    let byte = |i: usize| u64::from(b.get(i).copied().unwrap_or(0));
    (b.len() as u64 & 0xffff)
        | byte(0) << 16
        | byte(b.len() / 2) << 24
        | byte(b.len().wrapping_sub(1)) << 32
}

impl SchemaNode {
    /// The schema of property `key` and its required bit, if `key` is a property.
    fn property(&self, key: &str) -> Option<(usize, u64)> {
        let tag = key_tag(key);
        for (i, &t) in self.property_tags.iter().enumerate() {
            if t == tag {
                if let Some((name, sub)) = self.properties.get(i) {
                    if name.as_str() == key {
                        return Some((*sub, self.property_bits.get(i).copied().unwrap_or(0)));
                    }
                }
            }
        }
        None
    }

    /// Whether `members` hold every required field; `found` is the OR of their
    /// properties' bits.
    fn has_required(&self, members: &[crate::source::Member], found: u64) -> bool {
        match self.required_bits {
            Some(bits) => found & bits == bits,
            None => self
                .required
                .iter()
                .all(|field| members.iter().any(|m| m.key.as_str() == field.as_str())),
        }
    }

    /// A `$ref` and nothing else that asserts: validating with it is validating with
    /// its target.
    fn is_pure_ref(&self) -> bool {
        self.reference.is_some() && self.asserts_nothing_itself() && self.any_of.is_empty()
    }

    /// An `anyOf` and nothing else that asserts (an optional field's `[T, null]`).
    fn is_pure_any_of(&self) -> bool {
        self.reference.is_none() && self.asserts_nothing_itself() && !self.any_of.is_empty()
    }

    /// No keyword that asserts, `$ref` and `anyOf` aside.
    fn asserts_nothing_itself(&self) -> bool {
        self.types.is_none()
            && self.enumeration.is_none()
            && self.properties.is_empty()
            && self.required.is_empty()
            && matches!(self.additional, Additional::Allow)
            && self.items.is_none()
            && self.min_items.is_none()
            && self.max_items.is_none()
            && self.minimum.is_none()
            && self.maximum.is_none()
            && self.exclusive_minimum.is_none()
            && self.exclusive_maximum.is_none()
            && self.pattern.is_none()
            && self.min_length.is_none()
            && self.max_length.is_none()
            && self.one_of.is_empty()
            && self.all_of.is_empty()
    }
}

/// One step of the path being validated, borrowed from the tree: the pointer is only
/// spelled out for a violation.
#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The state of one validation: where it is.
#[derive(Default)]
struct Walk<'a> {
    path: Vec<Step<'a>>,
    /// Every (schema node, value) pair visited, for the test that `valid` and `check`
    /// agree on each.
    #[cfg(test)]
    visited: Vec<(usize, &'a Node)>,
}

impl<'a> Walk<'a> {
    /// The pointer of the current path, spelled into one string (only for a violation).
    fn pointer(&self) -> Pointer {
        use std::fmt::Write as _;
        let mut s = String::new();
        for step in &self.path {
            match step {
                Step::Key(k) if k.contains(['~', '/']) => {
                    s.push('/');
                    s.push_str(&escape_token(k));
                }
                Step::Key(k) => {
                    s.push('/');
                    s.push_str(k);
                }
                Step::Index(i) => {
                    let _ = write!(s, "/{i}");
                }
            }
        }
        Pointer::parse(&s)
    }
}

/// What a violation is about; the message is derived from it.
#[derive(Debug, Clone, PartialEq)]
pub enum ViolationKind {
    Type {
        expected: Vec<&'static str>,
        found: &'static str,
    },
    Enum {
        value: String,
        allowed: Vec<String>,
    },
    Required {
        field: String,
    },
    UnknownField {
        field: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    MinItems {
        min: usize,
        found: usize,
    },
    MaxItems {
        max: usize,
        found: usize,
    },
    Minimum {
        value: String,
        min: f64,
        exclusive: bool,
    },
    Maximum {
        value: String,
        max: f64,
        exclusive: bool,
    },
    Pattern {
        value: String,
        pattern: String,
    },
    MinLength {
        min: usize,
    },
    MaxLength {
        max: usize,
    },
    OneOf {
        matched: usize,
    },
}

/// One schema violation.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// Where the offending value is (for `Required`, the object missing the field; for
    /// `UnknownField`, the unknown member).
    pub pointer: Pointer,
    /// The innermost `$defs` type being checked (`FiscalYear`, `Status`, ...).
    pub def: Option<String>,
    pub kind: ViolationKind,
}

fn backticked(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The validator's messages, in both languages (S001's texts).
pub const TEXTS: &[Text] = &[
    TYPE,
    ENUM_ONE,
    ENUM,
    REQUIRED,
    UNKNOWN,
    MIN_ITEMS.one,
    MIN_ITEMS.other,
    MAX_ITEMS.one,
    MAX_ITEMS.other,
    MINIMUM,
    MINIMUM_EXCLUSIVE,
    MAXIMUM,
    MAXIMUM_EXCLUSIVE,
    PATTERN,
    MIN_LENGTH.one,
    MIN_LENGTH.other,
    MAX_LENGTH.one,
    MAX_LENGTH.other,
    ONE_OF,
    DID_YOU_MEAN_ALLOWED,
    ALLOWED,
    DID_YOU_MEAN,
    KNOWN,
    OR,
];
const TYPE: Text = Text::new(
    "expected {expected}, found {found}",
    "{expected} attendu, trouvé {found}",
);
const ENUM_ONE: Text = Text::new(
    "`{value}` must be `{allowed}`",
    "`{value}` doit être `{allowed}`",
);
const ENUM: Text = Text::new(
    "`{value}` is not an allowed value",
    "`{value}` n'est pas une valeur permise",
);
const REQUIRED: Text = Text::new(
    "missing required field `{field}`",
    "champ obligatoire manquant : `{field}`",
);
const UNKNOWN: Text = Text::new("unknown field `{field}`", "champ inconnu `{field}`");
const MIN_ITEMS: Plural = Plural::new(
    Text::new(
        "expected at least {n} element, found {found}",
        "au moins {n} élément attendu, trouvé {found}",
    ),
    Text::new(
        "expected at least {n} elements, found {found}",
        "au moins {n} éléments attendus, trouvé {found}",
    ),
);
const MAX_ITEMS: Plural = Plural::new(
    Text::new(
        "expected at most {n} element, found {found}",
        "au plus {n} élément attendu, trouvé {found}",
    ),
    Text::new(
        "expected at most {n} elements, found {found}",
        "au plus {n} éléments attendus, trouvé {found}",
    ),
);
const MINIMUM: Text = Text::new(
    "`{value}` is less than the minimum {limit}",
    "`{value}` est inférieur au minimum {limit}",
);
const MINIMUM_EXCLUSIVE: Text = Text::new(
    "`{value}` is not greater than {limit}",
    "`{value}` n'est pas supérieur à {limit}",
);
const MAXIMUM: Text = Text::new(
    "`{value}` is greater than the maximum {limit}",
    "`{value}` est supérieur au maximum {limit}",
);
const MAXIMUM_EXCLUSIVE: Text = Text::new(
    "`{value}` is not less than {limit}",
    "`{value}` n'est pas inférieur à {limit}",
);
const PATTERN: Text = Text::new(
    "`{value}` does not match `{pattern}`",
    "`{value}` ne correspond pas au motif `{pattern}`",
);
const MIN_LENGTH: Plural = Plural::new(
    Text::new(
        "expected at least {n} character",
        "au moins {n} caractère attendu",
    ),
    Text::new(
        "expected at least {n} characters",
        "au moins {n} caractères attendus",
    ),
);
const MAX_LENGTH: Plural = Plural::new(
    Text::new(
        "expected at most {n} character",
        "au plus {n} caractère attendu",
    ),
    Text::new(
        "expected at most {n} characters",
        "au plus {n} caractères attendus",
    ),
);
const ONE_OF: Text = Text::new(
    "value matches {matched} alternatives, expected exactly one",
    "la valeur correspond à {matched} possibilités, une seule est attendue",
);
const DID_YOU_MEAN_ALLOWED: Text = Text::new(
    "did you mean `{value}`? allowed: {allowed}",
    "vouliez-vous dire `{value}` ? valeurs permises : {allowed}",
);
const ALLOWED: Text = Text::new("allowed: {allowed}", "valeurs permises : {allowed}");
const DID_YOU_MEAN: Text = Text::new("did you mean `{value}`?", "vouliez-vous dire `{value}` ?");
const KNOWN: Text = Text::new("known fields: {fields}", "champs connus : {fields}");
const OR: Text = Text::new("{a} or {b}", "{a} ou {b}");

/// `a`, `a or b`, `a, b or c`.
fn alternatives(items: &[&'static str], lang: Lang) -> String {
    let names: Vec<&str> = items.iter().map(|n| type_label(n, lang)).collect();
    match names.as_slice() {
        [] => type_label("a value", lang).to_owned(),
        [one] => (*one).to_owned(),
        [init @ .., last] => OR.render(lang, &[("a", &init.join(", ")), ("b", last)]),
    }
}

fn type_label(name: &str, lang: Lang) -> &str {
    if lang == Lang::En {
        return name;
    }
    match name {
        "a boolean" => "un booléen",
        "an integer" => "un entier",
        "a number" => "un nombre",
        "a string" => "une chaîne",
        "an array" => "un tableau",
        "an object" => "un objet",
        "null" => "null",
        _ => "une valeur",
    }
}

// `float_text`, not `Display`: the WASM module then holds no float formatting of core's
// (source/float.rs). An integer below 1e16 is written as `{:.0}` wrote it (tested there).
fn number_text(n: f64) -> String {
    crate::source::float_text(n)
}

impl Violation {
    /// The one-line message (lowercase, values in backticks).
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let t = |text: Text, args: &[(&str, &str)]| text.render(lang, args);
        match &self.kind {
            ViolationKind::Type { expected, found } => t(
                TYPE,
                &[
                    ("expected", &alternatives(expected, lang)),
                    ("found", type_label(found, lang)),
                ],
            ),
            ViolationKind::Enum { value, allowed } if allowed.len() == 1 => t(
                ENUM_ONE,
                &[
                    ("value", value),
                    ("allowed", allowed.first().map_or("", String::as_str)),
                ],
            ),
            ViolationKind::Enum { value, .. } => t(ENUM, &[("value", value)]),
            ViolationKind::Required { field } => t(REQUIRED, &[("field", field)]),
            ViolationKind::UnknownField { field, .. } => t(UNKNOWN, &[("field", field)]),
            ViolationKind::MinItems { min, found } => {
                MIN_ITEMS.render_with(*min, lang, &[("found", &found.to_string())])
            }
            ViolationKind::MaxItems { max, found } => {
                MAX_ITEMS.render_with(*max, lang, &[("found", &found.to_string())])
            }
            ViolationKind::Minimum {
                value,
                min,
                exclusive,
            } => t(
                if *exclusive {
                    MINIMUM_EXCLUSIVE
                } else {
                    MINIMUM
                },
                &[("value", value), ("limit", &number_text(*min))],
            ),
            ViolationKind::Maximum {
                value,
                max,
                exclusive,
            } => t(
                if *exclusive {
                    MAXIMUM_EXCLUSIVE
                } else {
                    MAXIMUM
                },
                &[("value", value), ("limit", &number_text(*max))],
            ),
            ViolationKind::Pattern { value, pattern } => {
                t(PATTERN, &[("value", value), ("pattern", pattern)])
            }
            ViolationKind::MinLength { min } => MIN_LENGTH.render(*min, lang),
            ViolationKind::MaxLength { max } => MAX_LENGTH.render(*max, lang),
            ViolationKind::OneOf { matched } => t(ONE_OF, &[("matched", &matched.to_string())]),
        }
    }

    /// A hint on how to correct it.
    #[must_use]
    pub fn help(&self, lang: Lang) -> Option<String> {
        match &self.kind {
            ViolationKind::Enum { value, allowed } => {
                let list = backticked(allowed);
                Some(match closest(value, allowed.iter().map(String::as_str)) {
                    Some(s) => {
                        DID_YOU_MEAN_ALLOWED.render(lang, &[("value", s), ("allowed", &list)])
                    }
                    None => ALLOWED.render(lang, &[("allowed", &list)]),
                })
            }
            ViolationKind::UnknownField {
                suggestion: Some(s),
                ..
            } => Some(DID_YOU_MEAN.render(lang, &[("value", s)])),
            ViolationKind::UnknownField { known, .. } => {
                Some(KNOWN.render(lang, &[("fields", &backticked(known))]))
            }
            _ => None,
        }
    }
}

/// The keywords of one schema object, found in one pass over its members (a lookup
/// per keyword compared some 13,000 strings per schema).
#[derive(Default)]
struct Keywords<'s> {
    reference: Option<&'s Json>,
    types: Option<&'s Json>,
    enumeration: Option<&'s Json>,
    constant: Option<&'s Json>,
    properties: Option<&'s Json>,
    required: Option<&'s Json>,
    additional: Option<&'s Json>,
    items: Option<&'s Json>,
    min_items: Option<&'s Json>,
    max_items: Option<&'s Json>,
    minimum: Option<&'s Json>,
    maximum: Option<&'s Json>,
    exclusive_minimum: Option<&'s Json>,
    exclusive_maximum: Option<&'s Json>,
    pattern: Option<&'s Json>,
    min_length: Option<&'s Json>,
    max_length: Option<&'s Json>,
    any_of: Option<&'s Json>,
    one_of: Option<&'s Json>,
    all_of: Option<&'s Json>,
}

impl<'s> Keywords<'s> {
    fn of(schema: &'s Json) -> Self {
        let mut k = Self::default();
        for (key, value) in schema.as_object().into_iter().flatten() {
            let slot = match key.as_str() {
                "$ref" => &mut k.reference,
                "type" => &mut k.types,
                "enum" => &mut k.enumeration,
                "const" => &mut k.constant,
                "properties" => &mut k.properties,
                "required" => &mut k.required,
                "additionalProperties" => &mut k.additional,
                "items" => &mut k.items,
                "minItems" => &mut k.min_items,
                "maxItems" => &mut k.max_items,
                "minimum" => &mut k.minimum,
                "maximum" => &mut k.maximum,
                "exclusiveMinimum" => &mut k.exclusive_minimum,
                "exclusiveMaximum" => &mut k.exclusive_maximum,
                "pattern" => &mut k.pattern,
                "minLength" => &mut k.min_length,
                "maxLength" => &mut k.max_length,
                "anyOf" => &mut k.any_of,
                "oneOf" => &mut k.one_of,
                "allOf" => &mut k.all_of,
                _ => continue,
            };
            *slot = Some(value);
        }
        k
    }
}

/// A schema compiled for repeated validation.
#[derive(Debug)]
pub struct CompiledSchema {
    nodes: Vec<SchemaNode>,
    /// Per node that is an alternative of an `anyOf`/`oneOf`, the JSON types it can
    /// accept (`None`: any; every other node has `None` and is never asked), computed
    /// once: a value of another type fails the node, so the alternative is skipped
    /// without validating it.
    accepted: Vec<Option<Vec<JsonType>>>,
}

fn as_usize(v: Option<&Json>) -> Option<usize> {
    v.and_then(Json::as_u64)
        .and_then(|n| usize::try_from(n).ok())
}

impl CompiledSchema {
    /// Compiles a schema given as JSON text.
    ///
    /// # Errors
    /// When the text is not JSON or uses an unsupported `$ref` or pattern.
    pub fn from_text(text: &str) -> Result<Self, SchemaError> {
        Self::compile(&serde_json::from_str(text)?)
    }

    /// Compiles a schema value. Node 0 is the root.
    ///
    /// # Errors
    /// When the schema uses an unsupported `$ref` or an invalid pattern.
    pub fn compile(schema: &Json) -> Result<Self, SchemaError> {
        let mut c = Self {
            nodes: vec![SchemaNode::default()],
            accepted: Vec::new(),
        };
        let defs: Vec<(String, &Json)> = schema
            .get("$defs")
            .and_then(Json::as_object)
            .map(|m| m.iter().map(|(k, v)| (k.clone(), v)).collect())
            .unwrap_or_default();
        let mut def_index = HashMap::new();
        for (name, _) in &defs {
            def_index.insert(name.clone(), c.nodes.len());
            c.nodes.push(SchemaNode {
                def_name: Some(name.clone()),
                ..SchemaNode::default()
            });
        }
        for (name, def) in &defs {
            let at = def_index.get(name).copied().unwrap_or(0);
            c.fill(at, def, &def_index)?;
        }
        c.fill(0, schema, &def_index)?;
        // Only the alternatives of `anyOf`/`oneOf` are asked for their types.
        let mut is_alternative = vec![false; c.nodes.len()];
        for n in &c.nodes {
            for &alt in n.any_of.iter().chain(&n.one_of) {
                if let Some(slot) = is_alternative.get_mut(alt) {
                    *slot = true;
                }
            }
        }
        c.accepted = is_alternative
            .iter()
            .enumerate()
            .map(|(at, &alt)| if alt { c.accepted_types(at, 0) } else { None })
            .collect();
        Ok(c)
    }

    fn add(&mut self, schema: &Json, defs: &HashMap<String, usize>) -> Result<usize, SchemaError> {
        let at = self.nodes.len();
        self.nodes.push(SchemaNode::default());
        self.fill(at, schema, defs)?;
        Ok(at)
    }

    fn fill(
        &mut self,
        at: usize,
        schema: &Json,
        defs: &HashMap<String, usize>,
    ) -> Result<(), SchemaError> {
        let mut node = SchemaNode::default();
        let kw = Keywords::of(schema);
        if let Some(r) = kw.reference.and_then(Json::as_str) {
            let name = r
                .strip_prefix("#/$defs/")
                .ok_or_else(|| SchemaError::Ref(r.to_owned()))?;
            node.reference = Some(
                *defs
                    .get(name)
                    .ok_or_else(|| SchemaError::Ref(r.to_owned()))?,
            );
        }
        node.types = match kw.types {
            Some(Json::String(t)) => Some(JsonType::parse(t).into_iter().collect()),
            Some(Json::Array(ts)) => Some(
                ts.iter()
                    .filter_map(Json::as_str)
                    .filter_map(JsonType::parse)
                    .collect(),
            ),
            _ => None,
        };
        node.enumeration = kw
            .enumeration
            .and_then(Json::as_array)
            .cloned()
            .or_else(|| kw.constant.map(|c| vec![c.clone()]));
        if let Some(props) = kw.properties.and_then(Json::as_object) {
            for (name, sub) in props {
                let idx = self.add(sub, defs)?;
                node.properties.push((name.clone(), idx));
                node.property_tags.push(key_tag(name));
            }
        }
        node.required = kw
            .required
            .and_then(Json::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(Json::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        node.property_bits = vec![0; node.properties.len()];
        let mut bits = Some(0u64);
        for field in &node.required {
            let i = node.properties.iter().position(|(n, _)| n == field);
            let next = bits.and_then(|b| (b.count_ones() < 64).then(|| 1u64 << b.count_ones()));
            match (i.and_then(|i| node.property_bits.get_mut(i)), next) {
                (Some(slot), _) if *slot != 0 => {}
                (Some(slot), Some(bit)) => {
                    *slot = bit;
                    bits = bits.map(|b| b | bit);
                }
                _ => bits = None,
            }
        }
        node.required_bits = bits;
        node.additional = match kw.additional {
            Some(Json::Bool(false)) => Additional::Deny,
            Some(sub @ Json::Object(_)) => Additional::Schema(self.add(sub, defs)?),
            _ => Additional::Allow,
        };
        if let Some(items) = kw.items {
            node.items = Some(self.add(items, defs)?);
        }
        node.min_items = as_usize(kw.min_items);
        node.max_items = as_usize(kw.max_items);
        node.min_length = as_usize(kw.min_length);
        node.max_length = as_usize(kw.max_length);
        node.minimum = kw.minimum.and_then(Json::as_f64);
        node.maximum = kw.maximum.and_then(Json::as_f64);
        node.exclusive_minimum = kw.exclusive_minimum.and_then(Json::as_f64);
        node.exclusive_maximum = kw.exclusive_maximum.and_then(Json::as_f64);
        if let Some(p) = kw.pattern.and_then(Json::as_str) {
            node.pattern = Some(Pattern::new(p).ok_or_else(|| SchemaError::Pattern(p.to_owned()))?);
        }
        for (subs, list) in [
            (kw.any_of, &mut node.any_of),
            (kw.one_of, &mut node.one_of),
            (kw.all_of, &mut node.all_of),
        ] {
            for sub in subs.and_then(Json::as_array).into_iter().flatten() {
                list.push(self.add(sub, defs)?);
            }
        }
        if let Some(slot) = self.nodes.get_mut(at) {
            node.def_name = slot.def_name.take();
            *slot = node;
        }
        Ok(())
    }

    /// Validates a document, returning every violation in document order.
    #[must_use]
    pub fn validate(&self, root: &Node) -> Vec<Violation> {
        let mut out = Vec::new();
        let mut walk = Walk::default();
        self.check(0, root, None, &mut walk, &mut out);
        out
    }

    /// Whether the document is valid (used by the schema-agreement tests).
    #[must_use]
    pub fn is_valid(&self, root: &Node) -> bool {
        self.validate(root).is_empty()
    }

    /// Re-validates only what an edit at `tokens` can change: walks the schema down
    /// the pointer (`properties`, `items`, `additionalProperties` schemas, `$ref`s
    /// with no other keyword) and validates the subtree where the walk stops, that is at
    /// `tokens` itself, or above it at the first schema node whose verdict on the
    /// subtree depends on more than the subtree's own value: a combinator (`anyOf`,
    /// `oneOf`, `allOf`: alternatives are chosen by their errors over the whole
    /// value), an `enum`, a `$ref` beside other keywords, a member that
    /// `additionalProperties: false` reports, a value of the wrong type.
    ///
    /// Returns how many tokens the re-validated pointer has and its violations, which
    /// are exactly the violations of [`CompiledSchema::validate`] whose pointer is at or
    /// under that pointer (a whole validation visits that subtree once, with the same
    /// schema). An edit that adds or removes a member must pass its parent's tokens, whose
    /// own keywords (`required`, `additionalProperties`, `minItems`) then re-run.
    #[must_use]
    pub fn validate_at<'a>(&self, root: &'a Node, tokens: &'a [String]) -> (usize, Vec<Violation>) {
        let mut at = 0;
        let mut inst = root;
        let mut def: Option<&str> = None;
        let mut walk = Walk::default();
        let mut depth = 0;
        loop {
            // Pure `$ref`s are followed, each bringing its `$defs` name.
            let mut node = self.nodes.get(at);
            while let Some(n) = node {
                def = n.def_name.as_deref().or(def);
                match n.reference {
                    Some(r) if n.is_pure_ref() => {
                        at = r;
                        node = self.nodes.get(r);
                    }
                    _ => break,
                }
            }
            let Some(node) = node else { break };
            // An `anyOf` and nothing else (an optional field's `[T, null]`) of which one
            // alternative alone allows the value's type reports exactly that one's
            // violations (`check_alternatives` picks the best of those whose type allows
            // the value, and no other can match): the walk goes on into it, so that an
            // edit under an optional section does not re-validate the whole section.
            if let Some(alt) = self.sole_alternative(node, inst) {
                at = alt;
                continue;
            }
            let simple = node.reference.is_none()
                && node.any_of.is_empty()
                && node.one_of.is_empty()
                && node.all_of.is_empty()
                && node.enumeration.is_none()
                && node
                    .types
                    .as_ref()
                    .is_none_or(|ts| ts.iter().any(|t| t.accepts(&inst.value)));
            let Some(token) = tokens.get(depth).filter(|_| simple) else {
                break;
            };
            let next = match &inst.value {
                Value::Object(members) => members
                    .iter()
                    .rposition(|m| m.key == *token)
                    .and_then(|i| members.get(i))
                    .and_then(|m| {
                        let sub = match node.property(&m.key) {
                            Some((sub, _)) => sub,
                            None => match node.additional {
                                Additional::Schema(sub) => sub,
                                Additional::Allow | Additional::Deny => return None,
                            },
                        };
                        Some((sub, &m.value, Step::Key(m.key.as_str())))
                    }),
                Value::Array(items) => {
                    let i = token.parse::<usize>().ok();
                    i.and_then(|i| Some((node.items?, items.get(i)?, Step::Index(i))))
                }
                _ => None,
            };
            let Some((sub, child, step)) = next else {
                break;
            };
            walk.path.push(step);
            at = sub;
            inst = child;
            depth += 1;
        }
        let mut out = Vec::new();
        self.check(at, inst, def, &mut walk, &mut out);
        (depth, out)
    }

    /// The set of JSON types a schema node can accept (`None`: any). `depth` stops a
    /// cycle of `$ref`s with no `type` (which no value can satisfy) from recursing forever.
    fn accepted_types(&self, at: usize, depth: usize) -> Option<Vec<JsonType>> {
        let node = self.nodes.get(at)?;
        if let Some(types) = &node.types {
            return Some(types.clone());
        }
        if depth > self.nodes.len() {
            return None;
        }
        if let Some(r) = node.reference {
            return self.accepted_types(r, depth + 1);
        }
        let alternatives = if node.any_of.is_empty() {
            &node.one_of
        } else {
            &node.any_of
        };
        if alternatives.is_empty() {
            return None;
        }
        let mut all = Vec::new();
        for &alt in alternatives {
            all.extend(self.accepted_types(alt, depth + 1)?);
        }
        Some(all)
    }

    /// The one alternative of a node that is an `anyOf` and nothing else whose type
    /// allows `inst` (see [`Self::validate_at`]), when exactly one does.
    fn sole_alternative(&self, node: &SchemaNode, inst: &Node) -> Option<usize> {
        if !node.is_pure_any_of() {
            return None;
        }
        let mut allowing = node
            .any_of
            .iter()
            .copied()
            .filter(|&alt| self.type_allows(alt, &inst.value));
        match (allowing.next(), allowing.next()) {
            (Some(alt), None) => Some(alt),
            _ => None,
        }
    }

    /// The precomputed [`Self::accepted_types`] of a node.
    fn accepted(&self, at: usize) -> Option<&[JsonType]> {
        self.accepted.get(at).and_then(Option::as_deref)
    }

    /// Whether a node's accepted types allow the value's type (a node that accepts any
    /// type allows it).
    fn type_allows(&self, at: usize, value: &Value) -> bool {
        self.accepted(at)
            .is_none_or(|ts| ts.iter().any(|t| t.accepts(value)))
    }

    /// Whether `inst` is valid against node `at`: exactly whether [`Self::check`] would
    /// report no violation, computed without building one (no message, no pointer, no
    /// `Vec`) and stopping at the first failure. Alternatives of `anyOf`/`oneOf` are
    /// decided this way; only a combinator that fails re-runs [`Self::check`] to report.
    fn valid<'a>(&self, at: usize, inst: &'a Node, walk: &mut Walk<'a>) -> bool {
        #[cfg(test)]
        walk.visited.push((at, inst));
        let Some(node) = self.nodes.get(at) else {
            return true;
        };
        if let Some(types) = &node.types {
            if !types.iter().any(|t| t.accepts(&inst.value)) {
                return false;
            }
        }
        if let Some(allowed) = &node.enumeration {
            if !enum_contains(allowed, inst) {
                return false;
            }
        }
        match &inst.value {
            Value::String(s) => {
                let s: &'a str = s;
                if let Some(pattern) = &node.pattern {
                    if !pattern.is_match(s) {
                        return false;
                    }
                }
                if node.min_length.is_some() || node.max_length.is_some() {
                    let len = s.chars().count();
                    if node.min_length.is_some_and(|m| len < m)
                        || node.max_length.is_some_and(|m| len > m)
                    {
                        return false;
                    }
                }
            }
            Value::Number(n) => {
                let v = number_value(n);
                if node.minimum.is_some_and(|m| v < m)
                    || node.exclusive_minimum.is_some_and(|m| v <= m)
                    || node.maximum.is_some_and(|m| v > m)
                    || node.exclusive_maximum.is_some_and(|m| v >= m)
                {
                    return false;
                }
            }
            Value::Array(items) => {
                if node.min_items.is_some_and(|m| items.len() < m)
                    || node.max_items.is_some_and(|m| items.len() > m)
                {
                    return false;
                }
                if let Some(item_schema) = node.items {
                    if !items.iter().all(|item| self.valid(item_schema, item, walk)) {
                        return false;
                    }
                }
            }
            Value::Object(members) => {
                let mut found = 0;
                for m in members {
                    let sub = match node.property(&m.key) {
                        Some((sub, bit)) => {
                            found |= bit;
                            sub
                        }
                        None => match node.additional {
                            Additional::Allow => continue,
                            Additional::Schema(sub) => sub,
                            Additional::Deny => return false,
                        },
                    };
                    if !self.valid(sub, &m.value, walk) {
                        return false;
                    }
                }
                if !node.has_required(members, found) {
                    return false;
                }
            }
            Value::Null | Value::Bool(_) => {}
        }
        if let Some(r) = node.reference {
            if !self.valid(r, inst, walk) {
                return false;
            }
        }
        if !node.all_of.iter().all(|&sub| self.valid(sub, inst, walk)) {
            return false;
        }
        if !node.any_of.is_empty() && self.matching(&node.any_of, inst, walk, 1) == 0 {
            return false;
        }
        node.one_of.is_empty() || self.matching(&node.one_of, inst, walk, usize::MAX) == 1
    }

    /// How many of `alts` accept `inst`, counting up to `enough`. An alternative whose
    /// types exclude the value's is not validated (the `Option<T>` shape, `anyOf:
    /// [{$ref}, {type: null}]`, costs one type test for `null`).
    fn matching<'a>(
        &self,
        alts: &[usize],
        inst: &'a Node,
        walk: &mut Walk<'a>,
        enough: usize,
    ) -> usize {
        let mut matched = 0;
        for &alt in alts {
            if self.type_allows(alt, &inst.value) && self.valid(alt, inst, walk) {
                matched += 1;
                if matched >= enough {
                    break;
                }
            }
        }
        matched
    }

    #[allow(clippy::too_many_lines)]
    fn check<'a>(
        &self,
        at: usize,
        inst: &'a Node,
        def: Option<&str>,
        walk: &mut Walk<'a>,
        out: &mut Vec<Violation>,
    ) {
        #[cfg(test)]
        walk.visited.push((at, inst));
        let Some(node) = self.nodes.get(at) else {
            return;
        };
        let def = node.def_name.as_deref().or(def);
        macro_rules! push {
            ($kind:expr) => {
                out.push(Violation {
                    pointer: walk.pointer(),
                    def: def.map(str::to_owned),
                    kind: $kind,
                })
            };
        }
        if let Some(types) = &node.types {
            if !types.iter().any(|t| t.accepts(&inst.value)) {
                let found = inst.value.type_name();
                push!(ViolationKind::Type {
                    expected: types.iter().map(|t| t.name()).collect(),
                    found: if found == "integer" || found == "number" {
                        "a number"
                    } else {
                        JsonType::parse(found).map_or("a value", JsonType::name)
                    },
                });
                return;
            }
        }
        if let Some(allowed) = &node.enumeration {
            if !enum_contains(allowed, inst) {
                let json = inst.to_json();
                push!(ViolationKind::Enum {
                    value: inst
                        .as_str()
                        .map_or_else(|| json.to_string(), str::to_owned),
                    allowed: allowed
                        .iter()
                        .map(|a| a.as_str().map_or_else(|| a.to_string(), str::to_owned))
                        .collect(),
                });
            }
        }
        match &inst.value {
            Value::String(s) => {
                let len = if node.min_length.is_some() || node.max_length.is_some() {
                    s.chars().count()
                } else {
                    0
                };
                if let Some(pattern) = &node.pattern {
                    if !pattern.is_match(s) {
                        push!(ViolationKind::Pattern {
                            value: s.to_string(),
                            pattern: pattern.source.clone()
                        });
                    }
                }
                if node.min_length.is_some_and(|m| len < m) {
                    push!(ViolationKind::MinLength {
                        min: node.min_length.unwrap_or(0)
                    });
                }
                if node.max_length.is_some_and(|m| len > m) {
                    push!(ViolationKind::MaxLength {
                        max: node.max_length.unwrap_or(0)
                    });
                }
            }
            Value::Number(n) => {
                let v = number_value(n);
                if let Some(min) = node.minimum.filter(|&m| v < m) {
                    push!(ViolationKind::Minimum {
                        value: n.raw.to_string(),
                        min,
                        exclusive: false
                    });
                }
                if let Some(min) = node.exclusive_minimum.filter(|&m| v <= m) {
                    push!(ViolationKind::Minimum {
                        value: n.raw.to_string(),
                        min,
                        exclusive: true
                    });
                }
                if let Some(max) = node.maximum.filter(|&m| v > m) {
                    push!(ViolationKind::Maximum {
                        value: n.raw.to_string(),
                        max,
                        exclusive: false
                    });
                }
                if let Some(max) = node.exclusive_maximum.filter(|&m| v >= m) {
                    push!(ViolationKind::Maximum {
                        value: n.raw.to_string(),
                        max,
                        exclusive: true
                    });
                }
            }
            Value::Array(items) => {
                if let Some(min) = node.min_items.filter(|&m| items.len() < m) {
                    push!(ViolationKind::MinItems {
                        min,
                        found: items.len()
                    });
                }
                if let Some(max) = node.max_items.filter(|&m| items.len() > m) {
                    push!(ViolationKind::MaxItems {
                        max,
                        found: items.len()
                    });
                }
                if let Some(item_schema) = node.items {
                    for (i, item) in items.iter().enumerate() {
                        walk.path.push(Step::Index(i));
                        self.check(item_schema, item, def, walk, out);
                        walk.path.pop();
                    }
                }
            }
            Value::Object(members) => {
                // The required fields are reported before the members' violations:
                // they are found during the members' pass and, when one is missing
                // (rare), inserted where that pass began.
                let start = out.len();
                let mut found = 0;
                for m in members {
                    let sub = match node.property(&m.key) {
                        Some((sub, bit)) => {
                            found |= bit;
                            Some(sub)
                        }
                        None => match node.additional {
                            Additional::Allow => None,
                            Additional::Schema(sub) => Some(sub),
                            Additional::Deny => {
                                let known: Vec<String> =
                                    node.properties.iter().map(|(n, _)| n.clone()).collect();
                                walk.path.push(Step::Key(&m.key));
                                out.push(Violation {
                                    pointer: walk.pointer(),
                                    def: def.map(str::to_owned),
                                    kind: ViolationKind::UnknownField {
                                        field: m.key.to_string(),
                                        suggestion: closest(
                                            &m.key,
                                            known.iter().map(String::as_str),
                                        )
                                        .map(str::to_owned),
                                        known,
                                    },
                                });
                                walk.path.pop();
                                None
                            }
                        },
                    };
                    if let Some(sub) = sub {
                        walk.path.push(Step::Key(&m.key));
                        self.check(sub, &m.value, def, walk, out);
                        walk.path.pop();
                    }
                }
                if !node.has_required(members, found) {
                    let missing: Vec<Violation> = node
                        .required
                        .iter()
                        .filter(|field| !members.iter().any(|m| m.key.as_str() == field.as_str()))
                        .map(|field| Violation {
                            pointer: walk.pointer(),
                            def: def.map(str::to_owned),
                            kind: ViolationKind::Required {
                                field: field.clone(),
                            },
                        })
                        .collect();
                    let at = start.min(out.len());
                    out.splice(at..at, missing);
                }
            }
            Value::Null | Value::Bool(_) => {}
        }
        if let Some(r) = node.reference {
            self.check(r, inst, def, walk, out);
        }
        for &sub in &node.all_of {
            self.check(sub, inst, def, walk, out);
        }
        if !node.any_of.is_empty() {
            self.check_alternatives(&node.any_of, inst, def, walk, out, false);
        }
        if !node.one_of.is_empty() {
            self.check_alternatives(&node.one_of, inst, def, walk, out, true);
        }
    }

    /// `anyOf`/`oneOf`: when no alternative matches, report the errors of the best one,
    /// the one that accepts the value's type with the fewest violations, as ajv's
    /// "best match" does; a type mismatch with all of them is one type error.
    ///
    /// The alternatives are first decided by [`Self::valid`] (no violation built); only
    /// when none matches are the ones that accept the value's type checked again to
    /// collect their violations, in the same order, so the output is what checking every
    /// alternative in full gives.
    fn check_alternatives<'a>(
        &self,
        alts: &[usize],
        inst: &'a Node,
        def: Option<&str>,
        walk: &mut Walk<'a>,
        out: &mut Vec<Violation>,
        exactly_one: bool,
    ) {
        let matched = self.matching(alts, inst, walk, if exactly_one { usize::MAX } else { 1 });
        if matched == 0 {
            let mut best: Option<Vec<Violation>> = None;
            for &alt in alts {
                if !self.type_allows(alt, &inst.value) {
                    continue;
                }
                let mut errs = Vec::new();
                self.check(alt, inst, def, walk, &mut errs);
                if best.as_ref().is_none_or(|b| errs.len() < b.len()) {
                    best = Some(errs);
                }
            }
            match best {
                Some(errs) => out.extend(errs),
                None => {
                    let mut expected: Vec<&'static str> = alts
                        .iter()
                        .filter_map(|&a| self.accepted(a))
                        .flatten()
                        .map(|t| t.name())
                        .collect();
                    expected.dedup();
                    out.push(Violation {
                        pointer: walk.pointer(),
                        def: def.map(str::to_owned),
                        kind: ViolationKind::Type {
                            expected,
                            found: JsonType::parse(inst.value.type_name())
                                .map_or("a value", JsonType::name),
                        },
                    });
                }
            }
        } else if exactly_one && matched > 1 {
            out.push(Violation {
                pointer: walk.pointer(),
                def: def.map(str::to_owned),
                kind: ViolationKind::OneOf { matched },
            });
        }
    }
}

/// Whether `inst` is one of an `enum`'s values. Strings (every enum of the report
/// schema) compare without building a value.
fn enum_contains(allowed: &[Json], inst: &Node) -> bool {
    match &inst.value {
        Value::String(s) => {
            let s: &str = s;
            allowed.iter().any(|a| a.as_str() == Some(s))
        }
        _ => allowed.contains(&inst.to_json()),
    }
}

/// A number as `minimum`/`maximum` compare it: beyond `f64`, an infinity of its sign.
fn number_value(n: &crate::source::Number) -> f64 {
    n.as_f64().unwrap_or(if n.raw.starts_with('-') {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    })
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::disallowed_methods,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )]
    use super::{CompiledSchema, Walk};
    use crate::source::{self, Node, SourceFormat};
    use std::path::{Path, PathBuf};

    fn inputs() -> Vec<PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut out = vec![
            root.join("seeds/2013-14/report.json"),
            root.join("seeds/2013-14/report.yaml"),
        ];
        for dir in std::fs::read_dir(root.join("tests/fixtures"))
            .unwrap()
            .flatten()
        {
            for f in std::fs::read_dir(dir.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                let p = f.path();
                let name = p.to_string_lossy().into_owned();
                if (name.ends_with(".json") || name.ends_with(".yaml"))
                    && !name.ends_with(".expected.json")
                {
                    out.push(p);
                }
            }
        }
        out.sort();
        out
    }

    /// The boolean walk that decides alternatives says "valid" exactly when the full
    /// check reports nothing, for every (schema node, value) pair a validation of the
    /// seed or of any fixture visits, in either mode.
    #[test]
    fn valid_agrees_with_check_on_every_visited_pair() {
        for (name, text) in [
            ("report", super::super::REPORT_SCHEMA_JSON),
            ("submission", super::super::SUBMISSION_SCHEMA_JSON),
        ] {
            let schema = CompiledSchema::from_text(text).unwrap();
            let (mut pairs, mut invalid) = (0, 0);
            for path in inputs() {
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                let format = if path.extension().is_some_and(|e| e == "yaml") {
                    SourceFormat::Yaml
                } else {
                    SourceFormat::Json
                };
                let loaded = source::load(&text, format);
                let Some(root) = loaded.root.as_ref() else {
                    continue;
                };
                let mut walk = Walk::default();
                let mut out = Vec::new();
                schema.check(0, root, None, &mut walk, &mut out);
                let mut seen: Vec<(usize, *const Node)> = Vec::new();
                for &(at, inst) in &walk.visited {
                    let key = (at, std::ptr::from_ref(inst));
                    if seen.contains(&key) {
                        continue;
                    }
                    seen.push(key);
                    let mut errs = Vec::new();
                    schema.check(at, inst, None, &mut Walk::default(), &mut errs);
                    let valid = schema.valid(at, inst, &mut Walk::default());
                    assert_eq!(
                        valid,
                        errs.is_empty(),
                        "{name} schema node {at} at {} in {}: {errs:?}",
                        inst.span.start,
                        path.display()
                    );
                    pairs += 1;
                    invalid += usize::from(!valid);
                }
            }
            println!("{name}: {pairs} pairs, {invalid} invalid");
            assert!(
                pairs > 1_000 && invalid > 100,
                "{name}: {pairs} pairs, {invalid} invalid"
            );
        }
    }
}
