//! The macros generated code invokes once per struct / enum; each expands to a few lines
//! that call into the shared runtime (that is what keeps the generated crate fast to compile).

/// `impl_model_traits!(Group)`: for a type implementing [`Model`](crate::runtime::Model),
/// `Serialize`/`Deserialize` through the shared field-table visitor, [`Field`](crate::runtime::Field)
/// so that it can be a property of another model, and `Clone`, `PartialEq`, `Debug` slot by slot
/// (`runtime::clone_model`, `eq_model`, `debug_model`): one call per impl instead of a derive
/// naming every field, which is most of what a struct costs to type-check.
#[macro_export]
macro_rules! impl_model_traits {
    ($ty:ty) => {
        $crate::__impl_serde_via!($ty, serialize_model, deserialize_model, read_model);
        impl ::std::clone::Clone for $ty {
            #[inline]
            fn clone(&self) -> Self {
                $crate::runtime::clone_model(self)
            }
        }
        impl ::std::cmp::PartialEq for $ty {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                $crate::runtime::eq_model(self, other)
            }
        }
        impl ::std::fmt::Debug for $ty {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::runtime::debug_model(self, f)
            }
        }
    };
}

/// `impl_serde_for_enum!(ConnectorStatus)`: string `Serialize`/`Deserialize` and `Display` for
/// a type implementing [`GraphEnum`](crate::runtime::GraphEnum) (unknown values never fail), and
/// [`Field`](crate::runtime::Field).
#[macro_export]
macro_rules! impl_serde_for_enum {
    ($ty:ty) => {
        impl $crate::runtime::serde::Serialize for $ty {
            #[inline]
            fn serialize<S: $crate::runtime::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str($crate::runtime::GraphEnum::as_wire(self))
            }
        }
        impl<'de> $crate::runtime::serde::Deserialize<'de> for $ty {
            #[inline]
            fn deserialize<D: $crate::runtime::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let wire: $crate::runtime::WireStr<'de> =
                    $crate::runtime::serde::Deserialize::deserialize(deserializer)?;
                ::std::result::Result::Ok(<$ty as $crate::runtime::GraphEnum>::from_wire(wire.as_str()))
            }
        }
        impl ::std::fmt::Display for $ty {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::runtime::GraphEnum::as_wire(self))
            }
        }
        impl $crate::runtime::Field for $ty {
            #[inline]
            fn read_into(
                slot: &mut ::std::option::Option<Self>,
                de: &mut dyn $crate::runtime::ErasedDeserializer<'_>,
            ) -> $crate::runtime::ReadResult {
                $crate::runtime::read_enum(slot, de)
            }
        }
    };
}

/// `impl_serde_for_polymorphic!(DirectoryObjectKind)`: `Serialize`/`Deserialize` for a type
/// implementing [`Polymorphic`](crate::runtime::Polymorphic), dispatching on `@odata.type`, and
/// [`Field`](crate::runtime::Field).
#[macro_export]
macro_rules! impl_serde_for_polymorphic {
    ($ty:ty) => {
        $crate::__impl_serde_via!($ty, serialize_polymorphic, deserialize_polymorphic, read_polymorphic);
    };
}

/// The serde part of `impl_model_traits!` and `impl_serde_for_polymorphic!`: the three
/// impls delegate to the named runtime functions (one generic body each, in the runtime).
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_serde_via {
    ($ty:ty, $serialize:ident, $deserialize:ident, $read:ident) => {
        impl $crate::runtime::serde::Serialize for $ty {
            #[inline]
            fn serialize<S: $crate::runtime::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                $crate::runtime::$serialize(self, serializer)
            }
        }
        impl<'de> $crate::runtime::serde::Deserialize<'de> for $ty {
            #[inline]
            fn deserialize<D: $crate::runtime::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::runtime::$deserialize(deserializer)
            }
        }
        impl $crate::runtime::Field for $ty {
            #[inline]
            fn read_into(
                slot: &mut ::std::option::Option<Self>,
                de: &mut dyn $crate::runtime::ErasedDeserializer<'_>,
            ) -> $crate::runtime::ReadResult {
                $crate::runtime::$read(slot, de)
            }
        }
    };
}

/// Every method these macros write is `#[inline]`: a non-generic function of a library is
/// compiled to machine code with the library, whether a program uses it or not; an inline one
/// only where it is used. That keeps `cargo build` of a program that needs a few types from
/// paying for code generation of thousands (see DESIGN.md).
///
/// `model_accessors!();` inside a generated `impl Model for Group { ... }`: the four accessors
/// of the two slots every generated struct has (`odata_type`, `additional_properties`). One
/// line per struct instead of twelve keeps the generated files (and their diffs) small.
#[macro_export]
macro_rules! model_accessors {
    () => {
        #[inline]
        fn odata_type(&self) -> ::std::option::Option<&str> {
            self.odata_type.as_deref()
        }
        #[inline]
        fn odata_type_mut(&mut self) -> &mut ::std::option::Option<::std::string::String> {
            &mut self.odata_type
        }
        #[inline]
        fn extra(&self) -> &$crate::runtime::Extra {
            &self.additional_properties
        }
        #[inline]
        fn extra_mut(&mut self) -> &mut $crate::runtime::Extra {
            &mut self.additional_properties
        }
    };
}

/// `model_fields! { 0 id = "id", 1 display_name = "displayName", }` inside a generated
/// `impl Model for Group { ... }`: the struct's field table, one row per property (its index,
/// the field, its wire name). Expands to `FIELDS`, `slot` and `slot_mut` (`index => &self.field`)
/// and [`model_accessors!`]. The index is written out because `macro_rules!` cannot count;
/// the generator writes `0, 1, 2, ...` in row order, so `slot(i)` is always `FIELDS[i]`.
/// A table in the source instead of two `match`es in it: a struct's impl reads as the list of
/// its wire names, and is about a fifth of the generated lines shorter.
#[macro_export]
macro_rules! model_fields {
    () => {
        const FIELDS: &'static [&'static str] = &[];
        #[inline]
        fn slot(&self, _index: usize) -> ::std::option::Option<&dyn $crate::runtime::Slot> {
            ::std::option::Option::None
        }
        #[inline]
        fn slot_mut(&mut self, _index: usize) -> ::std::option::Option<&mut dyn $crate::runtime::Slot> {
            ::std::option::Option::None
        }
        $crate::model_accessors!();
    };
    ($($index:literal $field:ident = $wire:literal,)+) => {
        const FIELDS: &'static [&'static str] = &[$($wire),+];
        #[inline]
        fn slot(&self, index: usize) -> ::std::option::Option<&dyn $crate::runtime::Slot> {
            ::std::option::Option::Some(match index {
                $($index => &self.$field,)+
                _ => return ::std::option::Option::None,
            })
        }
        #[inline]
        fn slot_mut(&mut self, index: usize) -> ::std::option::Option<&mut dyn $crate::runtime::Slot> {
            ::std::option::Option::Some(match index {
                $($index => &mut self.$field,)+
                _ => return ::std::option::Option::None,
            })
        }
        $crate::model_accessors!();
    };
}
