//! `Field`: how each type a generated struct field can hold is read from an
//! [`ErasedDeserializer`] straight into its slot (JSON `null` -> `None`).

use std::fmt;
use std::str::FromStr;

use super::enums::GraphEnum;
use super::model::{Model, Read};
use super::polymorphic::{PolyTarget, Polymorphic};
use super::source::{ErasedDeserializer, Integer, Number, ReadResult};

/// A type a generated struct field can hold. Implemented here for the primitive and runtime
/// types and by the `impl_serde_for_*!` macros for generated models and enums.
pub trait Field: Sized {
    /// Reads the value (or `null`, then `*slot = None`) into `slot`.
    fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult;
}

/// Clears the slot when the read found `null`.
fn settle<T>(slot: &mut Option<T>, read: ReadResult) -> ReadResult {
    if let Ok(Read::Null) = read {
        *slot = None;
    }
    read
}

impl Field for String {
    fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
        let read = de.read_string(slot);
        settle(slot, read)
    }
}

impl Field for bool {
    fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
        let read = de.read_bool(slot);
        settle(slot, read)
    }
}

/// Integers: read as i64/u64, then range-checked with serde's wording.
macro_rules! integer_fields {
    ($($ty:ty),* $(,)?) => {$(
        impl Field for $ty {
            fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
                let read = de.read_integer(concat!("an integer (", stringify!($ty), ")"), &mut |n| {
                    let value = match n {
                        Integer::Signed(v) => <$ty>::try_from(v).map_err(|_| out_of_range(v, stringify!($ty))),
                        Integer::Unsigned(v) => <$ty>::try_from(v).map_err(|_| out_of_range(v, stringify!($ty))),
                    }?;
                    *slot = Some(value);
                    Ok(())
                });
                settle(slot, read)
            }
        }
    )*};
}

integer_fields!(i8, i16, i32, i64, u8, u16, u32, u64);

fn out_of_range(value: impl fmt::Display, ty: &str) -> String {
    format!("invalid value: integer `{value}`, expected {ty}")
}

/// Plain floats (generated code uses `Double`; these exist for completeness): numbers only.
macro_rules! float_fields {
    ($($ty:ty),* $(,)?) => {$(
        impl Field for $ty {
            fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
                let read = de.read_number("a number", &mut |n| {
                    // Lossy by nature: these are the plain float types.
                    *slot = Some(match n {
                        Number::Signed(v) => v as $ty,
                        Number::Unsigned(v) => v as $ty,
                        Number::Float(v) => v as $ty,
                        Number::Str(s) => return Err(format!("invalid type: string {s:?}, expected a number")),
                    });
                    Ok(())
                });
                settle(slot, read)
            }
        }
    )*};
}

float_fields!(f32, f64);

impl Field for super::Double {
    fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
        let read = de.read_number("a number or one of \"NaN\", \"INF\", \"-INF\"", &mut |n| {
            *slot = Some(super::Double::from_number(n)?);
            Ok(())
        });
        settle(slot, read)
    }
}

impl Field for super::Decimal {
    fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
        let read = de.read_number("a decimal number or a string holding one", &mut |n| {
            *slot = Some(super::Decimal::from_number(n)?);
            Ok(())
        });
        settle(slot, read)
    }
}

/// Types read from a JSON string with `FromStr` (the scalars written as strings).
macro_rules! parsed_fields {
    ($($ty:ty => $expected:literal),* $(,)?) => {$(
        impl Field for $ty {
            fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
                read_parsed(slot, de, $expected)
            }
        }
    )*};
}

parsed_fields!(
    super::DateTimeOffset => "a DateTimeOffset string",
    super::Date => "a Date string",
    super::TimeOfDay => "a TimeOfDay string",
    super::Duration => "an ISO 8601 duration string",
    super::Base64 => "a base64 string",
    uuid::Uuid => "a GUID string",
);

/// Reads a string and parses it with `FromStr` into the slot.
pub fn read_parsed<T>(slot: &mut Option<T>, de: &mut dyn ErasedDeserializer<'_>, expected: &'static str) -> ReadResult
where
    T: FromStr,
    T::Err: fmt::Display,
{
    let read = de.read_str(expected, &mut |s| {
        *slot = Some(s.parse::<T>().map_err(|e| e.to_string())?);
        Ok(())
    });
    settle(slot, read)
}

impl Field for serde_json::Value {
    fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
        let read = de.read_json(slot);
        settle(slot, read)
    }
}

impl<E: GraphEnum + PartialEq> Field for super::Flags<E> {
    fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
        let read = de.read_str("a comma-separated flags string", &mut |s| {
            *slot = Some(super::Flags::parse(s));
            Ok(())
        });
        settle(slot, read)
    }
}

impl<T: Field> Field for Box<T> {
    fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
        let mut inner = None;
        let read = T::read_into(&mut inner, de)?;
        *slot = inner.map(Box::new);
        Ok(read)
    }
}

impl<T: Field> Field for Vec<T> {
    fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
        let mut items = Vec::new();
        let read = de.read_seq(&mut |element| {
            let mut item = None;
            match T::read_into(&mut item, element)? {
                Read::Value => {
                    // `push`, not `extend(item)`: extending from an `Option` instantiates the
                    // iterator machinery for every element type a program reaches.
                    if let Some(item) = item {
                        items.push(item);
                    }
                    Ok(())
                }
                // A collection cannot hold null; report rather than drop it silently.
                Read::Null => Err(element.fail("invalid type: null, expected a collection element")),
            }
        })?;
        *slot = match read {
            Read::Value => Some(items),
            Read::Null => None,
        };
        Ok(read)
    }
}

/// `Field::read_into` of a generated model (used by `impl_model_traits!`): decodes in place.
pub fn read_model<T: Model>(slot: &mut Option<T>, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
    let read = de.read_model(slot.insert(T::default()));
    settle(slot, read)
}

/// `Field::read_into` of a generated enum (used by `impl_serde_for_enum!`).
pub fn read_enum<T: GraphEnum>(slot: &mut Option<T>, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
    let read = de.read_str("an enum member string", &mut |s| {
        *slot = Some(T::from_wire(s));
        Ok(())
    });
    settle(slot, read)
}

/// `Field::read_into` of a generated polymorphic enum (used by `impl_serde_for_polymorphic!`).
pub fn read_polymorphic<T: Polymorphic>(slot: &mut Option<T>, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
    let mut target = PolyTarget::<T>(None);
    let read = de.read_polymorphic(&mut target)?;
    *slot = match read {
        Read::Value => Some(target.0.unwrap_or_else(T::base)),
        Read::Null => None,
    };
    Ok(read)
}
