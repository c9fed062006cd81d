//! The field-table implementation shared by every generated struct: serde, `Clone`, `PartialEq`
//! and `Debug`.
//!
//! serde's derive would expand a visitor, a field enum and a match per struct, generic over the
//! (de)serializer, and the std derives a body per struct naming every field (see DESIGN.md "Why
//! not derive"). Here a generated struct only provides a field table ([`Model::FIELDS`]) and two
//! non-generic functions giving each property as a [`Slot`]; the one generic map visitor below
//! reads the slots through an [`ErasedDeserializer`] (source.rs) and writes them through
//! `erased_serde::Serialize`, so it is instantiated once per (de)serializer type, not per struct.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::ser::{self, SerializeMap};

use super::capture::Capture;
use super::decode;
use super::extra::Extra;
use super::lookup::Lookup;

use super::slot::Slot;
use super::source::with_erased;

/// The wire key whose value goes to a model's `odata_type` slot.
pub const ODATA_TYPE_KEY: &str = "@odata.type";

/// What reading a property ([`Slot::read`]) found: a value, or JSON `null` (the slot is then `None`, and the
/// visitor remembers the explicit null so that serializing writes it back).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Read {
    Value,
    Null,
}

/// A generated struct: its wire field table and the two non-generic functions the shared
/// runtime reaches its properties through. Implemented by generated code only; see DESIGN.md for
/// the exact shape.
pub trait Model: Default + 'static {
    /// The qualified type name without `#`, e.g. `microsoft.graph.group`.
    const ODATA_TYPE: &'static str;
    /// Wire names of the properties, in serialization order; `slot(i)` is the property `FIELDS[i]`.
    const FIELDS: &'static [&'static str];
    /// The property `FIELDS[index]`; `None` past the end.
    fn slot(&self, index: usize) -> Option<&dyn Slot>;
    /// The property `FIELDS[index]`, mutably; `None` past the end.
    fn slot_mut(&mut self, index: usize) -> Option<&mut dyn Slot>;
    fn odata_type(&self) -> Option<&str>;
    fn odata_type_mut(&mut self) -> &mut Option<String>;
    fn extra(&self) -> &Extra;
    fn extra_mut(&mut self) -> &mut Extra;
}

/// The object-safe view of a [`Model`] the shared visitor and polymorphic enums work with.
/// Blanket-implemented for every `Model`; not meant to be implemented by hand.
pub trait DynModel {
    fn model_fields(&self) -> &'static [&'static str];
    fn model_odata_type_name(&self) -> &'static str;
    fn model_slot(&self, index: usize) -> Option<&dyn Slot>;
    fn model_slot_mut(&mut self, index: usize) -> Option<&mut dyn Slot>;
    fn model_odata_type(&self) -> Option<&str>;
    fn model_odata_type_mut(&mut self) -> &mut Option<String>;
    fn model_extra(&self) -> &Extra;
    fn model_extra_mut(&mut self) -> &mut Extra;
}

impl<T: Model> DynModel for T {
    fn model_fields(&self) -> &'static [&'static str] {
        T::FIELDS
    }
    fn model_odata_type_name(&self) -> &'static str {
        T::ODATA_TYPE
    }
    fn model_slot(&self, index: usize) -> Option<&dyn Slot> {
        self.slot(index)
    }
    fn model_slot_mut(&mut self, index: usize) -> Option<&mut dyn Slot> {
        self.slot_mut(index)
    }
    fn model_odata_type(&self) -> Option<&str> {
        self.odata_type()
    }
    fn model_odata_type_mut(&mut self) -> &mut Option<String> {
        self.odata_type_mut()
    }
    fn model_extra(&self) -> &Extra {
        self.extra()
    }
    fn model_extra_mut(&mut self) -> &mut Extra {
        self.extra_mut()
    }
}

/// Deserializes a whole model (the body of the generated `Deserialize` impl).
pub fn deserialize_model<'de, D: de::Deserializer<'de>, T: Model>(deserializer: D) -> Result<T, D::Error> {
    let mut value = T::default();
    deserialize_into(deserializer, &mut value)?;
    Ok(value)
}

/// Deserializes a JSON object into an existing model (its slots are overwritten key by key).
pub fn deserialize_into<'de, D: de::Deserializer<'de>>(
    deserializer: D,
    model: &mut dyn DynModel,
) -> Result<(), D::Error> {
    deserializer.deserialize_map(ModelVisitor { model })
}

struct ModelVisitor<'a> {
    model: &'a mut dyn DynModel,
}

impl<'de> Visitor<'de> for ModelVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a JSON object ({})", self.model.model_odata_type_name())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        read_entries(self.model, &mut map)
    }
}

/// A key of a model object, as classified by [`KeySeed`].
#[derive(Clone, Copy)]
enum Key {
    Field(usize),
    OdataType,
    Unknown,
}

/// Reads the remaining entries of `map` into `model`.
pub(crate) fn read_entries<'de, A: MapAccess<'de>>(model: &mut dyn DynModel, map: &mut A) -> Result<(), A::Error> {
    let fields = model.model_fields();
    // Unknown members are written as JSON text, stored in `Extra` when the object ends.
    let mut capture = decode::keep_unknown().then(Capture::default);
    // Whether a typed property may be remembered as `null`: only then must a value read for it
    // forget that (a repeated key, or decoding into a model that had nulls); objects without a
    // null (most) skip that bookkeeping.
    let mut nulls = model.model_extra().has_nulls();
    let mut lookup = Lookup::new(fields);
    // Objects usually list their keys in table order: the lookup tries the index after the
    // previous key's first.
    let mut cursor = 0;
    while let Some(key) = map.next_key_seed(KeySeed { lookup: &mut lookup, cursor, capture: capture.as_mut() })? {
        match key {
            Key::Field(index) => {
                cursor = index + 1;
                let read = map.next_value_seed(FieldSeed { model: &mut *model, index })?;
                if nulls || read == Read::Null {
                    nulls = true;
                    if let Some(name) = fields.get(index) {
                        model.model_extra_mut().note_read(name, read);
                    }
                }
            }
            Key::OdataType => {
                let value: Option<String> = map.next_value()?;
                let read = if value.is_some() { Read::Value } else { Read::Null };
                *model.model_odata_type_mut() = value;
                if nulls || read == Read::Null {
                    nulls = true;
                    model.model_extra_mut().note_read(ODATA_TYPE_KEY, read);
                }
            }
            Key::Unknown => match capture.as_mut() {
                // The seed has written the key.
                Some(capture) => map.next_value_seed(CaptureValue(capture))?,
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            },
        }
    }
    if let Some(capture) = capture.filter(Capture::has_members) {
        capture.finish(model.model_extra_mut());
    }
    Ok(())
}

/// The value of an unknown member, written to the object's capture.
struct CaptureValue<'a>(&'a mut Capture);

impl<'de> DeserializeSeed<'de> for CaptureValue<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.0.value(deserializer)
    }
}

/// Classifies a key without allocating; writes an unknown key to `capture` when there is one.
struct KeySeed<'a> {
    lookup: &'a mut Lookup,
    /// The index after the previous key's.
    cursor: usize,
    capture: Option<&'a mut Capture>,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Key;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a property name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        // Before the table: a model has no field of this name, and its check is mostly a
        // length comparison.
        if key == ODATA_TYPE_KEY {
            return Ok(Key::OdataType);
        }
        if let Some(index) = self.lookup.find(self.cursor, key) {
            return Ok(Key::Field(index));
        }
        if let Some(capture) = self.capture {
            capture.key(key);
        }
        Ok(Key::Unknown)
    }
}

struct FieldSeed<'a> {
    model: &'a mut dyn DynModel,
    index: usize,
}

impl<'de> DeserializeSeed<'de> for FieldSeed<'_> {
    type Value = Read;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Read, D::Error> {
        let FieldSeed { model, index } = self;
        with_erased(deserializer, |de| match model.model_slot_mut(index) {
            Some(slot) => slot.read(de),
            None => de.skip(),
        })
    }
}

/// Serializes a whole model (the body of the generated `Serialize` impl): `@odata.type` first
/// when set, then the fields in `FIELDS` order (unset ones skipped), then the unknown properties.
pub fn serialize_model<S: ser::Serializer>(model: &dyn DynModel, serializer: S) -> Result<S::Ok, S::Error> {
    serialize_model_typed(model, serializer, None)
}

/// Like [`serialize_model`]; `default_type` (with its `#`) is written when the model has no
/// `@odata.type` of its own, which is how a polymorphic enum tells the service a derived type.
pub(crate) fn serialize_model_typed<S: ser::Serializer>(
    model: &dyn DynModel,
    serializer: S,
    default_type: Option<&str>,
) -> Result<S::Ok, S::Error> {
    let extra = model.model_extra();
    let mut map = serializer.serialize_map(None)?;
    match model.model_odata_type().or(default_type) {
        Some(odata_type) => map.serialize_entry(ODATA_TYPE_KEY, odata_type)?,
        None if extra.was_null(ODATA_TYPE_KEY) => map.serialize_entry(ODATA_TYPE_KEY, &())?,
        None => {}
    }
    for (index, key) in model.model_fields().iter().enumerate() {
        // Unset properties are skipped, except one received as an explicit `null`: it is written
        // back, so that decoding then encoding is exact.
        match model.model_slot(index).and_then(|slot| slot.value()) {
            Some(value) => map.serialize_entry(key, value)?,
            None if extra.was_null(key) => map.serialize_entry(key, &())?,
            None => {}
        }
    }
    for (key, value) in extra.iter() {
        map.serialize_entry(key, value)?;
    }
    map.end()
}

/// `Clone` of a generated struct (through `impl_model_traits!`): slot by slot. The generic part
/// is only `T::default()`; the copying is one non-generic function for every struct.
#[inline]
pub fn clone_model<T: Model>(model: &T) -> T {
    let mut copy = T::default();
    clone_slots(&mut copy, model);
    copy
}

fn clone_slots(to: &mut dyn DynModel, from: &dyn DynModel) {
    for index in 0..from.model_fields().len() {
        if let (Some(to), Some(from)) = (to.model_slot_mut(index), from.model_slot(index)) {
            to.clone_from_slot(from);
        }
    }
    *to.model_odata_type_mut() = from.model_odata_type().map(str::to_owned);
    *to.model_extra_mut() = from.model_extra().clone();
}

/// `PartialEq` of a generated struct (through `impl_model_traits!`): every slot, `@odata.type`
/// and the unknown properties.
#[inline]
pub fn eq_model<T: Model>(a: &T, b: &T) -> bool {
    slots_eq(a, b)
}

fn slots_eq(a: &dyn DynModel, b: &dyn DynModel) -> bool {
    (0..a.model_fields().len()).all(|index| match (a.model_slot(index), b.model_slot(index)) {
        (Some(x), Some(y)) => x.eq_slot(y),
        (x, y) => x.is_none() && y.is_none(),
    }) && a.model_odata_type() == b.model_odata_type()
        && a.model_extra() == b.model_extra()
}

/// `Debug` of a generated struct (through `impl_model_traits!`): the Rust type name, then the
/// set properties by wire name, `@odata.type` and the unknown properties when there are any.
#[inline]
pub fn debug_model<T: Model>(model: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let name = std::any::type_name::<T>();
    debug_slots(model, name.rsplit("::").next().unwrap_or(name), f)
}

fn debug_slots(model: &dyn DynModel, name: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut out = f.debug_struct(name);
    for (index, key) in model.model_fields().iter().enumerate() {
        if let Some(value) = model.model_slot(index).and_then(|slot| slot.debug()) {
            out.field(key, value);
        }
    }
    if let Some(odata_type) = model.model_odata_type() {
        out.field(ODATA_TYPE_KEY, &odata_type);
    }
    if !model.model_extra().is_empty() {
        out.field("additional_properties", model.model_extra());
    }
    out.finish()
}
