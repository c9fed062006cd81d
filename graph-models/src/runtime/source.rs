//! `ErasedDeserializer`: the object-safe reading interface property slots (`Slot::read`) get,
//! implemented once per concrete serde deserializer type.
//!
//! Why not `erased_serde::Deserializer`: erased_serde returns every visitor's value through a
//! type-erased box when it is larger than two words, and a second erased layer (a nested model,
//! a collection element) boxes every value again; decoding was then 2 to 5 times slower than
//! serde's derive. Here each method reads one kind of value and writes it into the caller's
//! slot, visitors return only a small status, and a nested model or element is read through an
//! adapter over the *concrete* inner deserializer (for serde_json that is the same
//! `&mut serde_json::Deserializer` at every depth), so there is exactly one dynamic call per
//! value and no allocation but the value's own.
//!
//! Errors: a failing read stores the deserializer's own error in the adapter and returns the
//! [`ReadError`] marker; the caller that created the adapter returns the stored error, so
//! serde_json's messages and line/column positions reach the user unchanged.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::model::{read_entries, DynModel, Read};
use super::polymorphic::{read_polymorphic_map, PolySlot};

/// A read failed; the underlying deserializer's error is kept by the adapter that produced
/// this marker and returned by the code that created the adapter.
#[derive(Debug)]
pub struct ReadError(());

/// Result of a read: whether a value or `null` was found.
pub type ReadResult = Result<Read, ReadError>;

/// An integer as the input wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Integer {
    Signed(i64),
    Unsigned(u64),
}

/// A number (or a string that may hold one, for `Double`/`Decimal`) as the input wrote it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number<'a> {
    Signed(i64),
    Unsigned(u64),
    Float(f64),
    Str(&'a str),
}

/// One property value to be read (`'de` is the input's lifetime, as in serde). Every method reads the whole value (or `null`, giving
/// [`Read::Null`] without calling the sink) and may be called once.
pub trait ErasedDeserializer<'de> {
    /// A string, passed to `sink`; `sink`'s error message becomes the deserializer's error.
    fn read_str(&mut self, expected: &'static str, sink: &mut dyn FnMut(&str) -> Result<(), String>) -> ReadResult;
    /// A string into `slot`: what `read_str` does for a `String` property, without a call
    /// through `sink` per value and, when the deserializer owns the string, without a copy.
    fn read_string(&mut self, slot: &mut Option<String>) -> ReadResult {
        self.read_str("a string", &mut |s| {
            *slot = Some(s.to_owned());
            Ok(())
        })
    }
    fn read_bool(&mut self, slot: &mut Option<bool>) -> ReadResult;
    /// An integer (no float, no string).
    fn read_integer(
        &mut self,
        expected: &'static str,
        sink: &mut dyn FnMut(Integer) -> Result<(), String>,
    ) -> ReadResult;
    /// A number or a string (`Double`'s `"NaN"`, quoted decimals).
    fn read_number(
        &mut self,
        expected: &'static str,
        sink: &mut dyn FnMut(Number<'_>) -> Result<(), String>,
    ) -> ReadResult;
    /// Any JSON.
    fn read_json(&mut self, slot: &mut Option<serde_json::Value>) -> ReadResult;
    /// A JSON object into `model`, through the shared field-table visitor.
    fn read_model(&mut self, model: &mut dyn DynModel) -> ReadResult;
    /// A JSON object whose model is chosen from its `@odata.type`.
    fn read_polymorphic(&mut self, target: &mut dyn PolySlot) -> ReadResult;
    /// A JSON array: `element` is called once per element with that element's deserializer.
    fn read_seq(
        &mut self,
        element: &mut dyn FnMut(&mut dyn ErasedDeserializer<'de>) -> Result<(), ReadError>,
    ) -> ReadResult;
    /// Consumes and ignores the value.
    fn skip(&mut self) -> ReadResult;
    /// Records a custom error (e.g. a `null` collection element) and returns the marker.
    fn fail(&mut self, message: &str) -> ReadError;
}

/// Runs `f` with an [`ErasedDeserializer`] over `deserializer`; a [`ReadError`] becomes the
/// deserializer's own error.
pub(crate) fn with_erased<'de, D, R>(
    deserializer: D,
    f: impl FnOnce(&mut dyn ErasedDeserializer<'de>) -> Result<R, ReadError>,
) -> Result<R, D::Error>
where
    D: de::Deserializer<'de>,
{
    let mut adapter = Adapter { de: Some(deserializer), error: None, lifetime: PhantomData };
    match f(&mut adapter) {
        Ok(value) => Ok(value),
        Err(ReadError(())) => {
            Err(adapter.error.take().unwrap_or_else(|| de::Error::custom("a property value was not read exactly once")))
        }
    }
}

struct Adapter<'de, D: de::Deserializer<'de>> {
    de: Option<D>,
    error: Option<D::Error>,
    lifetime: PhantomData<&'de ()>,
}

impl<'de, D: de::Deserializer<'de>> Adapter<'de, D> {
    /// Reads the value with `reader` (or `null`), keeping the error.
    fn run<R: ReadSome<'de>>(&mut self, reader: R) -> ReadResult {
        let Some(de) = self.de.take() else {
            return Err(self.fail("a property value was read twice"));
        };
        de.deserialize_option(NullOr(reader)).map_err(|error| {
            self.error = Some(error);
            ReadError(())
        })
    }

    fn fail(&mut self, message: &str) -> ReadError {
        if self.error.is_none() {
            self.error = Some(de::Error::custom(message));
        }
        ReadError(())
    }
}

impl<'de, D: de::Deserializer<'de>> ErasedDeserializer<'de> for Adapter<'de, D> {
    fn read_str(&mut self, expected: &'static str, sink: &mut dyn FnMut(&str) -> Result<(), String>) -> ReadResult {
        self.run(StrReader { expected, sink })
    }
    fn read_string(&mut self, slot: &mut Option<String>) -> ReadResult {
        self.run(StringReader { slot })
    }
    fn read_bool(&mut self, slot: &mut Option<bool>) -> ReadResult {
        self.run(BoolReader { slot })
    }
    fn read_integer(
        &mut self,
        expected: &'static str,
        sink: &mut dyn FnMut(Integer) -> Result<(), String>,
    ) -> ReadResult {
        self.run(IntegerReader { expected, sink })
    }
    fn read_number(
        &mut self,
        expected: &'static str,
        sink: &mut dyn FnMut(Number<'_>) -> Result<(), String>,
    ) -> ReadResult {
        self.run(NumberReader { expected, sink })
    }
    fn read_json(&mut self, slot: &mut Option<serde_json::Value>) -> ReadResult {
        self.run(JsonReader { slot })
    }
    fn read_model(&mut self, model: &mut dyn DynModel) -> ReadResult {
        self.run(ModelReader { model })
    }
    fn read_polymorphic(&mut self, target: &mut dyn PolySlot) -> ReadResult {
        self.run(PolymorphicReader { target })
    }
    fn read_seq(
        &mut self,
        element: &mut dyn FnMut(&mut dyn ErasedDeserializer<'de>) -> Result<(), ReadError>,
    ) -> ReadResult {
        self.run(SeqReader { element })
    }
    fn skip(&mut self) -> ReadResult {
        let Some(de) = self.de.take() else {
            return Err(self.fail("a property value was read twice"));
        };
        match IgnoredAny::deserialize(de) {
            Ok(IgnoredAny) => Ok(Read::Value),
            Err(error) => {
                self.error = Some(error);
                Err(ReadError(()))
            }
        }
    }
    fn fail(&mut self, message: &str) -> ReadError {
        Adapter::fail(self, message)
    }
}

use serde::Deserialize as _;

/// Reads a non-null value from a deserializer (the `visit_some` half of [`NullOr`]).
trait ReadSome<'de> {
    fn read_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error>;
}

/// `null` -> [`Read::Null`], anything else -> the wrapped reader.
struct NullOr<R>(R);

impl<'de, R: ReadSome<'de>> Visitor<'de> for NullOr<R> {
    type Value = Read;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }
    fn visit_none<E: de::Error>(self) -> Result<Read, E> {
        Ok(Read::Null)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Read, E> {
        Ok(Read::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Read, D::Error> {
        self.0.read_some(deserializer).map(|()| Read::Value)
    }
}

struct StrReader<'a> {
    expected: &'static str,
    sink: &'a mut dyn FnMut(&str) -> Result<(), String>,
}

impl<'de> ReadSome<'de> for StrReader<'_> {
    fn read_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for StrReader<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expected)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        (self.sink)(v).map_err(E::custom)
    }
}

struct StringReader<'a> {
    slot: &'a mut Option<String>,
}

impl<'de> ReadSome<'de> for StringReader<'_> {
    fn read_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_string(self)
    }
}

impl<'de> Visitor<'de> for StringReader<'_> {
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

struct BoolReader<'a> {
    slot: &'a mut Option<bool>,
}

impl<'de> ReadSome<'de> for BoolReader<'_> {
    fn read_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_bool(self)
    }
}

impl<'de> Visitor<'de> for BoolReader<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a boolean")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        *self.slot = Some(v);
        Ok(())
    }
}

struct IntegerReader<'a> {
    expected: &'static str,
    sink: &'a mut dyn FnMut(Integer) -> Result<(), String>,
}

impl<'de> ReadSome<'de> for IntegerReader<'_> {
    fn read_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_i64(self)
    }
}

impl<'de> Visitor<'de> for IntegerReader<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expected)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        (self.sink)(Integer::Signed(v)).map_err(E::custom)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        (self.sink)(Integer::Unsigned(v)).map_err(E::custom)
    }
}

struct NumberReader<'a> {
    expected: &'static str,
    sink: &'a mut dyn FnMut(Number<'_>) -> Result<(), String>,
}

impl<'de> ReadSome<'de> for NumberReader<'_> {
    fn read_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NumberReader<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expected)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        (self.sink)(Number::Signed(v)).map_err(E::custom)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        (self.sink)(Number::Unsigned(v)).map_err(E::custom)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        (self.sink)(Number::Float(v)).map_err(E::custom)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        (self.sink)(Number::Str(v)).map_err(E::custom)
    }
}

struct JsonReader<'a> {
    slot: &'a mut Option<serde_json::Value>,
}

impl<'de> ReadSome<'de> for JsonReader<'_> {
    fn read_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        *self.slot = Some(serde_json::Value::deserialize(deserializer)?);
        Ok(())
    }
}

struct ModelReader<'a> {
    model: &'a mut dyn DynModel,
}

impl<'de> ReadSome<'de> for ModelReader<'_> {
    fn read_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ModelReader<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a JSON object ({})", self.model.model_odata_type_name())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        read_entries(self.model, &mut map)
    }
}

struct PolymorphicReader<'a> {
    target: &'a mut dyn PolySlot,
}

impl<'de> ReadSome<'de> for PolymorphicReader<'_> {
    fn read_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        read_polymorphic_map(deserializer, self.target)
    }
}

struct SeqReader<'a, 'de> {
    element: &'a mut dyn FnMut(&mut dyn ErasedDeserializer<'de>) -> Result<(), ReadError>,
}

impl<'de> ReadSome<'de> for SeqReader<'_, 'de> {
    fn read_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for SeqReader<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON array")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(ElementSeed { element: &mut *self.element })?.is_some() {}
        Ok(())
    }
}

struct ElementSeed<'a, 'de> {
    element: &'a mut dyn FnMut(&mut dyn ErasedDeserializer<'de>) -> Result<(), ReadError>,
}

impl<'de> DeserializeSeed<'de> for ElementSeed<'_, 'de> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        with_erased(deserializer, |de| (self.element)(de))
    }
}
