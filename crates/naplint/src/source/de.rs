//! A `serde` deserializer over the spanned tree, so that the typed model is read straight
//! from the [`Node`]s the loader built: no `serde_json::Value` copy of the document.
//!
//! It reads the tree exactly as `serde_json::from_value(node.to_json())` did (a test
//! compares the two on every fixture): numbers as `u64`, then `i64`, then finite `f64`,
//! otherwise null; when a key is duplicated the last one wins (the duplicate is S002).
//! Strings are lent from the tree (`visit_borrowed_str`), so a model type that borrows
//! can take them without a copy.
//!
//! One reading differs, on purpose: a struct is read only from an object. serde_json also
//! reads one from an array (its fields in order); no report is written that way, an array
//! where the schema wants an object is already an S001 finding, and that second reading
//! was one `visit_seq` per model type in the WASM module (10 KB gzipped). So an array in
//! place of a struct is a model error, `invalid type: sequence, expected struct X`, as a
//! string or a number there is (`tests/model_from_tree.rs` pins it).
//!
//! The other typed entry points (`deserialize_seq`, `_str`, `_u64`, `_bool`, ...) hand the
//! visitor only the one shape it can take and word every other one as serde's
//! `invalid type` error, exactly as going through `deserialize_any` did, so the module holds
//! no visitor method that can only fail.

use super::{Node, Value};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use std::collections::HashSet;
use std::fmt;

/// Why the tree does not fit the model: serde's own wording (`missing field `x``,
/// `invalid type: string "a", expected u64`), as `serde_json` gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self(msg.to_string())
    }

    // JSON's word for serde's unit, as serde_json says it.
    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self::custom(format_args!(
            "invalid type: {}, expected {exp}",
            Unexpected(unexp)
        ))
    }

    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self::custom(format_args!(
            "invalid value: {}, expected {exp}",
            Unexpected(unexp)
        ))
    }
}

/// serde's wording of what was found (`string "a"`, `integer `5``, `floating point `1.5``),
/// except `null` for its unit as serde_json says it. Written here rather than through
/// serde's `Display` of `Unexpected`, whose float arm would bring core's float formatting
/// into the WASM module (`float_text` writes the same digits, see source/float.rs).
struct Unexpected<'a>(de::Unexpected<'a>);

impl fmt::Display for Unexpected<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use de::Unexpected as U;
        match self.0 {
            U::Bool(b) => write!(f, "boolean `{b}`"),
            U::Unsigned(n) => write!(f, "integer `{n}`"),
            U::Signed(n) => write!(f, "integer `{n}`"),
            U::Float(v) => {
                // serde adds `.0` to a finite float written without a point.
                let text = super::float_text(v);
                let point = if v.is_finite() && !text.contains('.') {
                    ".0"
                } else {
                    ""
                };
                write!(f, "floating point `{text}{point}`")
            }
            U::Char(c) => write!(f, "character `{c}`"),
            U::Str(s) => write!(f, "string {s:?}"),
            U::Bytes(_) => f.write_str("byte array"),
            U::Unit => f.write_str("null"),
            U::Option => f.write_str("Option value"),
            U::NewtypeStruct => f.write_str("newtype struct"),
            U::Seq => f.write_str("sequence"),
            U::Map => f.write_str("map"),
            U::Enum => f.write_str("enum"),
            U::UnitVariant => f.write_str("unit variant"),
            U::NewtypeVariant => f.write_str("newtype variant"),
            U::TupleVariant => f.write_str("tuple variant"),
            U::StructVariant => f.write_str("struct variant"),
            U::Other(other) => f.write_str(other),
        }
    }
}

/// Reads a `T` from the tree. `duplicates` says whether the loader met a duplicated key
/// anywhere (then objects are read last-one-wins; otherwise that bookkeeping is skipped).
///
/// # Errors
/// When the tree's shape does not fit `T`.
pub fn from_node<'de, T: de::Deserialize<'de>>(
    node: &'de Node,
    duplicates: bool,
) -> Result<T, Error> {
    T::deserialize(NodeDeserializer { node, duplicates })
}

#[derive(Clone, Copy)]
struct NodeDeserializer<'de> {
    node: &'de Node,
    duplicates: bool,
}

impl<'de> NodeDeserializer<'de> {
    fn unexpected(self) -> de::Unexpected<'de> {
        match &self.node.value {
            Value::Null => de::Unexpected::Unit,
            Value::Bool(b) => de::Unexpected::Bool(*b),
            Value::Number(n) => n
                .as_u64()
                .map(de::Unexpected::Unsigned)
                .or_else(|| n.as_i64().map(de::Unexpected::Signed))
                .or_else(|| n.as_f64().map(de::Unexpected::Float))
                .unwrap_or(de::Unexpected::Unit),
            Value::String(s) => de::Unexpected::Str(s),
            Value::Array(_) => de::Unexpected::Seq,
            Value::Object(_) => de::Unexpected::Map,
        }
    }
}

/// What [`NodeDeserializer::deserialize_any`] hands its visitor.
enum Shape<'de> {
    Unit,
    Bool(bool),
    U64(u64),
    I64(i64),
    F64(f64),
    Str(&'de str),
    Seq(&'de [Node]),
    /// The members, and per member whether a later member has the same key (empty: none has).
    Map(&'de [super::Member], Vec<bool>),
}

impl<'de> NodeDeserializer<'de> {
    #[inline(never)]
    fn shape(self) -> Shape<'de> {
        match &self.node.value {
            Value::Null => Shape::Unit,
            Value::Bool(b) => Shape::Bool(*b),
            Value::Number(n) => {
                if let Some(v) = n.as_u64() {
                    Shape::U64(v)
                } else if let Some(v) = n.as_i64() {
                    Shape::I64(v)
                } else if let Some(v) = n.as_f64() {
                    Shape::F64(v)
                } else {
                    Shape::Unit
                }
            }
            Value::String(s) => Shape::Str(s),
            Value::Array(items) => Shape::Seq(items),
            Value::Object(members) => {
                // Last one wins: a member is skipped when the same key comes again later.
                // Only a document with a duplicated key pays for the set.
                let shadowed = if self.duplicates && members.len() > 1 {
                    let mut later: HashSet<&str> = HashSet::with_capacity(members.len());
                    let mut shadowed = vec![false; members.len()];
                    for (flag, m) in shadowed.iter_mut().zip(members).rev() {
                        *flag = !later.insert(m.key.as_str());
                    }
                    shadowed
                } else {
                    Vec::new()
                };
                Shape::Map(members, shadowed)
            }
        }
    }

    /// serde's `invalid type: <what the node is>, expected <what the visitor wants>`.
    fn invalid_type(self, exp: &dyn de::Expected) -> Error {
        de::Error::invalid_type(self.unexpected(), exp)
    }

    fn map(self, members: &'de [super::Member], shadowed: Vec<bool>) -> Map<'de> {
        Map {
            members: members.iter().enumerate(),
            shadowed,
            value: None,
            duplicates: self.duplicates,
        }
    }

    /// Every element read, or serde_json's error for an array longer than the type.
    fn visit_seq<V: Visitor<'de>>(self, items: &'de [Node], visitor: V) -> Result<V::Value, Error> {
        let mut seq = Seq {
            items: items.iter(),
            duplicates: self.duplicates,
        };
        let value = visitor.visit_seq(&mut seq)?;
        if seq.items.len() == 0 {
            Ok(value)
        } else {
            Err(de::Error::invalid_length(
                items.len(),
                &"fewer elements in array",
            ))
        }
    }
}

impl<'de> de::Deserializer<'de> for NodeDeserializer<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // The work that does not depend on the visitor is in `shape` (not generic), so
        // that each of the model's many visitors adds only its own dispatch to the module.
        match self.shape() {
            Shape::Unit => visitor.visit_unit(),
            Shape::Bool(b) => visitor.visit_bool(b),
            Shape::U64(v) => visitor.visit_u64(v),
            Shape::I64(v) => visitor.visit_i64(v),
            Shape::F64(v) => visitor.visit_f64(v),
            Shape::Str(s) => visitor.visit_borrowed_str(s),
            Shape::Seq(items) => self.visit_seq(items, visitor),
            Shape::Map(members, shadowed) => visitor.visit_map(self.map(members, shadowed)),
        }
    }

    // A struct only from an object (the module docs say why), a map too (as serde_json).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.shape() {
            Shape::Map(members, shadowed) => visitor.visit_map(self.map(members, shadowed)),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.node.value {
            Value::Array(items) => self.visit_seq(items, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.node.value {
            Value::String(s) => visitor.visit_borrowed_str(s),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.value {
            Value::Bool(b) => visitor.visit_bool(b),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.shape() {
            Shape::U64(v) => visitor.visit_u64(v),
            Shape::I64(v) => visitor.visit_i64(v),
            Shape::F64(v) => visitor.visit_f64(v),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match &self.node.value {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            Value::Object(members) => match members.as_slice() {
                [only] => visitor.visit_enum(Variant {
                    key: &only.key,
                    value: NodeDeserializer {
                        node: &only.value,
                        duplicates: self.duplicates,
                    },
                }),
                _ => Err(de::Error::invalid_value(
                    de::Unexpected::Map,
                    &"map with a single key",
                )),
            },
            _ => Err(de::Error::invalid_type(self.unexpected(), &"string or map")),
        }
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i128 u8 u16 u32 u128 f32 char bytes byte_buf unit unit_struct tuple
        tuple_struct identifier ignored_any
    }
}

struct Seq<'de> {
    items: std::slice::Iter<'de, Node>,
    duplicates: bool,
}

impl<'de> SeqAccess<'de> for Seq<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.items
            .next()
            .map(|node| {
                seed.deserialize(NodeDeserializer {
                    node,
                    duplicates: self.duplicates,
                })
            })
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Map<'de> {
    members: std::iter::Enumerate<std::slice::Iter<'de, super::Member>>,
    /// Per member, whether a later member has the same key (empty: none has).
    shadowed: Vec<bool>,
    value: Option<&'de Node>,
    duplicates: bool,
}

impl<'de> Map<'de> {
    /// The next member that no later one shadows: its key, with its value kept for
    /// `next_value_seed`. Not generic, so that it is in the module once.
    #[inline(never)]
    fn next_member(&mut self) -> Option<&'de str> {
        for (i, m) in self.members.by_ref() {
            if self.shadowed.get(i).copied().unwrap_or(false) {
                continue;
            }
            self.value = Some(&m.value);
            return Some(&m.key);
        }
        None
    }
}

impl<'de> MapAccess<'de> for Map<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.next_member() {
            Some(key) => seed
                .deserialize(de::value::BorrowedStrDeserializer::<Error>::new(key))
                .map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let node = self
            .value
            .take()
            .ok_or_else(|| <Error as de::Error>::custom("value is missing"))?;
        seed.deserialize(NodeDeserializer {
            node,
            duplicates: self.duplicates,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

struct Variant<'de> {
    key: &'de str,
    value: NodeDeserializer<'de>,
}

impl<'de> de::EnumAccess<'de> for Variant<'de> {
    type Error = Error;
    type Variant = NodeDeserializer<'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), Error> {
        let key = de::value::BorrowedStrDeserializer::<Error>::new(self.key);
        seed.deserialize(key).map(|v| (v, self.value))
    }
}

impl<'de> de::VariantAccess<'de> for NodeDeserializer<'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        de::Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_any(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_any(self, visitor)
    }
}
