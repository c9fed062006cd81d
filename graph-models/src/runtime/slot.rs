//! `Slot`: one property of a generated struct seen without its type, so that reading, writing,
//! cloning, comparing and printing are written once here instead of once per struct.
//!
//! A generated struct lists its properties once, in `Model::slot` / `Model::slot_mut` (a
//! `match` from index to `&self.field`); everything else per property goes through the
//! object-safe [`Slot`] implemented below for every `Option<T>` whose `T` is a [`Field`]. This is
//! what keeps the generated crate cheap to type-check: derived `Clone`, `PartialEq` and `Debug`
//! plus a per-struct writer cost ~5 bodies mentioning every field; this costs 2 (DESIGN.md).

use std::any::Any;
use std::fmt;

use super::field::Field;
use super::source::{ErasedDeserializer, ReadResult};

/// A property slot (`Option<T>`) of a generated struct, type-erased.
pub trait Slot: Any {
    /// Reads the property's JSON value into the slot (`null` leaves it `None`).
    fn read(&mut self, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult;
    /// The value to serialize, `None` when the slot is empty.
    fn value(&self) -> Option<&dyn erased_serde::Serialize>;
    /// The value for `Debug`, `None` when the slot is empty.
    fn debug(&self) -> Option<&dyn fmt::Debug>;
    /// Equality with another slot of the same struct and index (`false` for another type).
    fn eq_slot(&self, other: &dyn Slot) -> bool;
    /// Makes this slot a clone of `source` (a slot of the same struct and index).
    fn clone_from_slot(&mut self, source: &dyn Slot);
    /// `self` as `Any`, for the downcasts of `eq_slot` and `clone_from_slot`.
    fn as_any(&self) -> &dyn Any;
}

impl<T> Slot for Option<T>
where
    T: Field + serde::Serialize + Clone + PartialEq + fmt::Debug + 'static,
{
    fn read(&mut self, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
        T::read_into(self, de)
    }

    // `match` rather than `Option::map` with a closure: these are instantiated for every
    // property type a program reaches, and a closure is one more function per type to compile.
    fn value(&self) -> Option<&dyn erased_serde::Serialize> {
        match self {
            Some(v) => Some(v),
            None => None,
        }
    }

    fn debug(&self) -> Option<&dyn fmt::Debug> {
        match self {
            Some(v) => Some(v),
            None => None,
        }
    }

    fn eq_slot(&self, other: &dyn Slot) -> bool {
        other.as_any().downcast_ref::<Self>() == Some(self)
    }

    fn clone_from_slot(&mut self, source: &dyn Slot) {
        if let Some(source) = source.as_any().downcast_ref::<Self>() {
            // `clone`, not `clone_from`: the allocation reuse of `Vec::clone_from` is a second
            // code path per property type, compiled wherever models are used.
            *self = source.clone();
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_compare_clone_and_print_their_values() {
        let a: Option<String> = Some("x".into());
        let b: Option<String> = Some("x".into());
        let none: Option<String> = None;
        let other_type: Option<bool> = Some(true);
        assert!(a.eq_slot(&b));
        assert!(!a.eq_slot(&none));
        assert!(!a.eq_slot(&other_type));
        let mut c: Option<String> = None;
        c.clone_from_slot(&a);
        assert_eq!(c.as_deref(), Some("x"));
        assert_eq!(format!("{:?}", a.debug().unwrap()), "\"x\"");
        assert!(none.debug().is_none() && none.value().is_none());
        assert_eq!(serde_json::to_string(a.value().unwrap()).unwrap(), "\"x\"");
    }
}
