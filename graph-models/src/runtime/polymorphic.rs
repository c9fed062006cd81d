//! `@odata.type`-driven polymorphism: a generated enum over a base type and its derived types
//! picks its variant from `@odata.type`, with a catch-all variant holding the base type (which
//! also receives objects of derived types this crate does not know).
//!
//! Graph writes `@odata.type` as the first key, so decoding streams: the first key is read, the
//! variant chosen, and the rest of the object goes straight into it through the shared model
//! visitor. When `@odata.type` comes later, the entries are buffered as `serde_json::Value`s
//! (the slow path) and replayed into the chosen variant.

use std::fmt;

use serde::de::{self, value::MapDeserializer, MapAccess, Visitor};

use super::model::{read_entries, serialize_model_typed, DynModel, Read, ODATA_TYPE_KEY};

/// A generated enum over a base type and its derived types:
///
/// ```ignore
/// pub enum DirectoryObjectKind { User(User), Group(Group), Other(DirectoryObject) }
/// ```
pub trait Polymorphic: Sized {
    /// The base type's qualified name, without `#`.
    const BASE_TYPE: &'static str;
    /// A default-valued variant for a derived type's qualified name (without `#`); `None` for
    /// the base type itself and for names the crate does not know.
    fn for_odata_type(odata_type: &str) -> Option<Self>;
    /// The catch-all variant, default-valued.
    fn base() -> Self;
    /// Whether this is the catch-all variant.
    fn is_base(&self) -> bool;
    fn as_model(&self) -> &dyn DynModel;
    fn as_model_mut(&mut self) -> &mut dyn DynModel;
}

/// Serializes the variant; a derived variant without its own `@odata.type` gets
/// `#<its type name>` so that the service knows which type it is.
pub fn serialize_polymorphic<P: Polymorphic, S: serde::Serializer>(
    value: &P,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let model = value.as_model();
    if value.is_base() || model.model_odata_type().is_some() {
        serialize_model_typed(model, serializer, None)
    } else {
        let default_type = format!("#{}", model.model_odata_type_name());
        serialize_model_typed(model, serializer, Some(&default_type))
    }
}

/// Where a polymorphic value is decoded to: the variant is chosen once `@odata.type` is known.
/// Object-safe, so the decoding visitor is not instantiated per polymorphic type.
pub trait PolySlot {
    /// The base type's qualified name, for error messages.
    fn base_type(&self) -> &'static str;
    /// Creates the variant for the received `@odata.type` (`None` when absent) and returns it.
    fn choose(&mut self, odata_type: Option<&str>) -> &mut dyn DynModel;
}

/// The [`PolySlot`] of a [`Polymorphic`] enum.
pub(crate) struct PolyTarget<P>(pub(crate) Option<P>);

impl<P: Polymorphic> PolySlot for PolyTarget<P> {
    fn base_type(&self) -> &'static str {
        P::BASE_TYPE
    }
    fn choose(&mut self, odata_type: Option<&str>) -> &mut dyn DynModel {
        self.0.insert(pick::<P>(odata_type)).as_model_mut()
    }
}

/// Deserializes a polymorphic value (the body of the generated `Deserialize` impl).
pub fn deserialize_polymorphic<'de, D: serde::Deserializer<'de>, P: Polymorphic>(
    deserializer: D,
) -> Result<P, D::Error> {
    let mut target = PolyTarget::<P>(None);
    read_polymorphic_map(deserializer, &mut target)?;
    Ok(target.0.unwrap_or_else(P::base))
}

/// Reads a JSON object into the variant `target` chooses.
pub(crate) fn read_polymorphic_map<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    target: &mut dyn PolySlot,
) -> Result<(), D::Error> {
    deserializer.deserialize_map(PolymorphicVisitor { target })
}

/// The variant for a received `@odata.type` (with or without the leading `#`).
fn pick<P: Polymorphic>(odata_type: Option<&str>) -> P {
    odata_type.map(|t| t.strip_prefix('#').unwrap_or(t)).and_then(P::for_odata_type).unwrap_or_else(P::base)
}

/// Sets the received `@odata.type` on the chosen variant.
fn set_odata_type(model: &mut dyn DynModel, odata_type: Option<String>) {
    let read = if odata_type.is_some() { Read::Value } else { Read::Null };
    *model.model_odata_type_mut() = odata_type;
    model.model_extra_mut().note_read(ODATA_TYPE_KEY, read);
}

struct PolymorphicVisitor<'a> {
    target: &'a mut dyn PolySlot,
}

impl<'de> Visitor<'de> for PolymorphicVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a JSON object ({} or a derived type)", self.target.base_type())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        match map.next_key_seed(FirstKeySeed)? {
            None => {
                self.target.choose(None);
                Ok(())
            }
            Some(FirstKey::OdataType) => {
                let odata_type: Option<String> = map.next_value()?;
                let model = self.target.choose(odata_type.as_deref());
                set_odata_type(model, odata_type);
                read_entries(model, &mut map)
            }
            Some(FirstKey::Other(first_key)) => buffered(first_key, map, self.target),
        }
    }
}

/// The first key of a polymorphic object: `@odata.type` (the fast path) or another one.
enum FirstKey {
    OdataType,
    Other(String),
}

struct FirstKeySeed;

impl<'de> de::DeserializeSeed<'de> for FirstKeySeed {
    type Value = FirstKey;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<FirstKey, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for FirstKeySeed {
    type Value = FirstKey;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a property name")
    }
    fn visit_str<E: de::Error>(self, key: &str) -> Result<FirstKey, E> {
        Ok(if key == ODATA_TYPE_KEY { FirstKey::OdataType } else { FirstKey::Other(key.to_owned()) })
    }
    fn visit_string<E: de::Error>(self, key: String) -> Result<FirstKey, E> {
        Ok(if key == ODATA_TYPE_KEY { FirstKey::OdataType } else { FirstKey::Other(key) })
    }
}

/// The slow path: `@odata.type` is not the first key.
fn buffered<'de, A: MapAccess<'de>>(first_key: String, mut map: A, target: &mut dyn PolySlot) -> Result<(), A::Error> {
    let mut entries: Vec<(String, serde_json::Value)> = vec![(first_key, map.next_value()?)];
    let mut odata_type: Option<Option<String>> = None;
    while let Some(key) = map.next_key::<String>()? {
        if key == ODATA_TYPE_KEY {
            odata_type = Some(map.next_value()?);
        } else {
            entries.push((key, map.next_value()?));
        }
    }
    let model = target.choose(odata_type.as_ref().and_then(|t| t.as_deref()));
    if let Some(odata_type) = odata_type {
        set_odata_type(model, odata_type);
    }
    let mut replay = MapDeserializer::<_, serde_json::Error>::new(entries.into_iter());
    read_entries(model, &mut replay).and_then(|()| replay.end()).map_err(de::Error::custom)
}
