//! Reading one property through the erased deserializer straight into its slot.
//!
//! Why not just `erased_serde::deserialize::<Option<T>>`: every value that crosses the erased
//! layer as a visitor's return value is moved through a type-erased box when it is larger than
//! two words (`String`, `Vec`, every struct), which cost an allocation per property and made
//! decoding slower than serde's derive. Here every visitor that crosses the erased layer returns
//! `()` (or a small value) and writes the result into the slot itself, so reading allocates only
//! what the value owns. Types of two words or less still take the plain serde path.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{self, DeserializeSeed, IgnoredAny, SeqAccess, Visitor};

use super::enums::GraphEnum;
use super::model::{deserialize_into, ErasedDeserializer, Model, Read, ReadResult};

/// A type a generated struct field can hold: how to read a non-null value into its slot.
/// Implemented here for the primitive and runtime types and by the `impl_serde_for_*!` macros
/// for generated models and enums.
pub trait Field: Sized {
    /// Reads a value (the input is not `null`, [`read`] handled that) into `slot`.
    fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> Result<(), erased_serde::Error>;
}

/// Reads one property into its slot: JSON `null` gives `None` and [`Read::Null`].
pub fn read<T: Field>(slot: &mut Option<T>, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
    de::Deserializer::deserialize_option(de, OptionSlot { slot })
}

/// The catch-all arm of a generated `read_field`: consumes and ignores the value.
pub fn skip(de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
    erased_serde::deserialize::<IgnoredAny>(de)?;
    Ok(Read::Value)
}

struct OptionSlot<'a, T> {
    slot: &'a mut Option<T>,
}

impl<'de, T: Field> Visitor<'de> for OptionSlot<'_, T> {
    type Value = Read;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }
    fn visit_none<E: de::Error>(self) -> Result<Read, E> {
        *self.slot = None;
        Ok(Read::Null)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Read, E> {
        self.visit_none()
    }
    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Read, D::Error> {
        let mut erased = <dyn ErasedDeserializer>::erase(deserializer);
        T::read_into(self.slot, &mut erased).map_err(de::Error::custom)?;
        Ok(Read::Value)
    }
}

/// Values of two words or less cross the erased layer without a box: plain serde.
macro_rules! small_fields {
    ($($ty:ty),* $(,)?) => {$(
        impl Field for $ty {
            fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> Result<(), erased_serde::Error> {
                *slot = Some(erased_serde::deserialize(de)?);
                Ok(())
            }
        }
    )*};
}

small_fields!(bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, super::Double, super::Date);

/// Types read from a JSON string with `FromStr` (the scalars written as strings).
macro_rules! parsed_fields {
    ($($ty:ty),* $(,)?) => {$(
        impl Field for $ty {
            fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> Result<(), erased_serde::Error> {
                read_parsed(slot, de)
            }
        }
    )*};
}

parsed_fields!(
    super::DateTimeOffset,
    super::TimeOfDay,
    super::Duration,
    super::Base64,
    uuid::Uuid,
);

/// Reads a string and parses it with `FromStr` into the slot.
pub fn read_parsed<T>(slot: &mut Option<T>, de: &mut dyn ErasedDeserializer<'_>) -> Result<(), erased_serde::Error>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    de::Deserializer::deserialize_str(de, StrSlot { slot, convert: |s: &str| s.parse::<T>().map_err(|e| e.to_string()) })
}

/// Writes `convert(string)` into the slot; `convert` reports a message on failure.
struct StrSlot<'a, T, F> {
    slot: &'a mut Option<T>,
    convert: F,
}

impl<'de, T, F: FnOnce(&str) -> Result<T, String>> Visitor<'de> for StrSlot<'_, T, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        *self.slot = Some((self.convert)(v).map_err(E::custom)?);
        Ok(())
    }
}

impl Field for String {
    fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> Result<(), erased_serde::Error> {
        de::Deserializer::deserialize_string(de, StringSlot { slot })
    }
}

struct StringSlot<'a> {
    slot: &'a mut Option<String>,
}

impl<'de> Visitor<'de> for StringSlot<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        *self.slot = Some(v.to_owned());
        Ok(())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<(), E> {
        *self.slot = Some(v);
        Ok(())
    }
}

impl Field for super::Decimal {
    fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> Result<(), erased_serde::Error> {
        // The value crosses the erased layer boxed; decimals are rare in Graph.
        *slot = Some(erased_serde::deserialize(de)?);
        Ok(())
    }
}

impl Field for serde_json::Value {
    fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> Result<(), erased_serde::Error> {
        // Untyped JSON: the boxed path (`Value` is four words); it is untyped anyway.
        *slot = Some(erased_serde::deserialize(de)?);
        Ok(())
    }
}

impl<E: GraphEnum + PartialEq> Field for super::Flags<E> {
    fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> Result<(), erased_serde::Error> {
        de::Deserializer::deserialize_str(de, StrSlot { slot, convert: |s: &str| Ok(super::Flags::parse(s)) })
    }
}

impl<T: Field> Field for Box<T> {
    fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> Result<(), erased_serde::Error> {
        let mut inner = None;
        T::read_into(&mut inner, de)?;
        *slot = inner.map(Box::new);
        Ok(())
    }
}

impl<T: Field> Field for Vec<T> {
    fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> Result<(), erased_serde::Error> {
        de::Deserializer::deserialize_seq(de, VecSlot { slot })
    }
}

struct VecSlot<'a, T> {
    slot: &'a mut Option<Vec<T>>,
}

impl<'de, T: Field> Visitor<'de> for VecSlot<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        // Cap the hint: it comes from the input.
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        let mut item = None;
        while seq.next_element_seed(ElementSeed { item: &mut item })?.is_some() {
            match item.take() {
                Some(value) => items.push(value),
                None => return Err(de::Error::custom("a collection element is null")),
            }
        }
        *self.slot = Some(items);
        Ok(())
    }
}

struct ElementSeed<'a, T> {
    item: &'a mut Option<T>,
}

impl<'de, T: Field> DeserializeSeed<'de> for ElementSeed<'_, T> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let mut erased = <dyn ErasedDeserializer>::erase(deserializer);
        T::read_into(self.item, &mut erased).map_err(de::Error::custom)
    }
}

/// `Field::read_into` of a generated model (used by `impl_serde_for_model!`): decodes in place.
pub fn read_model<T: Model>(slot: &mut Option<T>, de: &mut dyn ErasedDeserializer<'_>) -> Result<(), erased_serde::Error> {
    deserialize_into(de, slot.insert(T::default()))
}

/// `Field::read_into` of a generated enum (used by `impl_serde_for_enum!`).
pub fn read_enum<T: GraphEnum>(slot: &mut Option<T>, de: &mut dyn ErasedDeserializer<'_>) -> Result<(), erased_serde::Error> {
    de::Deserializer::deserialize_str(de, StrSlot { slot, convert: |s: &str| Ok(T::from_wire(s)) })
}

/// `Field::read_into` of a generated polymorphic enum (used by `impl_serde_for_polymorphic!`):
/// the value crosses the erased layer boxed (these are rarer than plain models).
pub fn read_polymorphic<T: super::Polymorphic>(
    slot: &mut Option<T>,
    de: &mut dyn ErasedDeserializer<'_>,
) -> Result<(), erased_serde::Error> {
    *slot = Some(de::Deserializer::deserialize_map(de, super::polymorphic::PolymorphicVisitor(PhantomData))?);
    Ok(())
}
