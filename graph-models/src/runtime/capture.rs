//! Keeping unknown properties as JSON text while decoding: the shared model visitor writes each
//! unknown member (`"key":value`) into a reusable per-thread buffer and stores the object's
//! unknown members in [`Extra`] as one string, parsed into `serde_json::Value`s only when they
//! are read.
//!
//! Why: decoding an unknown property straight into `serde_json::Value` cost an allocation for
//! its key, one per string inside its value and a growing `Vec` per object, and freeing those
//! small blocks again is a large part of what decoding a big response costs (measured with
//! `examples/decode_bench.rs`: keeping unknowns ran at about half the speed of dropping them).
//! Written as text, all the unknown members of an object cost one allocation.
//!
//! The text is what `serde_json` writes for the `Value` that decoding it would have produced
//! (same escapes, numbers written by serde_json), so reading it back gives that same `Value`
//! and encoding the model writes the same JSON as before. It is written by transcoding the
//! deserializer's events, so this works with any self-describing deserializer, not only
//! serde_json's.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Serialize;

use super::extra::Extra;

thread_local! {
    /// The buffer of the object being decoded on this thread, kept between objects so that
    /// capturing does not allocate a buffer per object.
    static SCRATCH: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// A scratch buffer larger than this is not kept for the next object (a thread that once
/// decoded a huge unknown value should not hold on to that memory).
const KEEP_SCRATCH_BYTES: usize = 1 << 20;

/// The unknown members of one JSON object, as they are read. Holds the thread's scratch buffer
/// from the first unknown member to [`Capture::finish`] (or drop, on an error); a nested object
/// decoded meanwhile finds no buffer there and uses a new one.
#[derive(Default)]
pub(crate) struct Capture {
    buffer: Option<Vec<u8>>,
}

impl Capture {
    /// Starts the next member: writes its key (`{"key":` or `,"key":`).
    pub(crate) fn key(&mut self, key: &str) {
        let buffer = self.buffer.get_or_insert_with(|| {
            let mut buffer = SCRATCH.try_with(Cell::take).unwrap_or_default();
            buffer.clear();
            buffer
        });
        buffer.push(if buffer.is_empty() { b'{' } else { b',' });
        write_str(buffer, key);
        buffer.push(b':');
    }

    /// Reads the value of the member whose key was written last and writes it as JSON.
    pub(crate) fn value<'de, D: de::Deserializer<'de>>(&mut self, deserializer: D) -> Result<(), D::Error> {
        match self.buffer.as_mut() {
            Some(buffer) => Transcode(buffer).deserialize(deserializer),
            // `key` always comes first; kept total rather than panicking.
            None => Err(de::Error::custom("an unknown property value without its key")),
        }
    }

    /// Whether a member was captured.
    pub(crate) fn has_members(&self) -> bool {
        self.buffer.is_some()
    }

    /// Stores the captured members (if any) in `extra` and gives the buffer back to the thread.
    pub(crate) fn finish(mut self, extra: &mut Extra) {
        if let Some(buffer) = self.buffer.as_mut() {
            buffer.push(b'}');
            // Always UTF-8: keys come from `&str` and values are written by serde_json.
            match std::str::from_utf8(buffer) {
                Ok(text) => extra.add_captured(text),
                Err(_) => extra.add_captured(&String::from_utf8_lossy(buffer)),
            }
        }
    }
}

impl Drop for Capture {
    fn drop(&mut self) {
        if let Some(buffer) = self.buffer.take() {
            if buffer.capacity() <= KEEP_SCRATCH_BYTES {
                // Fails only while the thread is being torn down; the buffer is then freed.
                let _ = SCRATCH.try_with(|scratch| scratch.set(buffer));
            }
        }
    }
}

/// Writes `value` as serde_json does (strings escaped, floats shortest round-trip).
fn write_json<T: Serialize + ?Sized>(buffer: &mut Vec<u8>, value: &T) {
    // Writing into a `Vec` cannot fail, and these values always serialize.
    let _ = value.serialize(&mut serde_json::Serializer::new(buffer));
}

/// Writes a JSON string: copied as is when nothing in it needs an escape (nearly always), else
/// escaped by serde_json (whose general path costs several times more per byte).
fn write_str(buffer: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    // Without short-circuiting, so that the check is vectorised.
    let plain = bytes.iter().fold(true, |plain, &b| plain & (b >= 0x20) & (b != b'"') & (b != b'\\'));
    if plain {
        buffer.reserve(bytes.len() + 2);
        buffer.push(b'"');
        buffer.extend_from_slice(bytes);
        buffer.push(b'"');
    } else {
        write_json(buffer, s);
    }
}

/// Reads any value and writes it as JSON text into the buffer: the text of the
/// `serde_json::Value` that `Value::deserialize` would have built from the same events.
struct Transcode<'a>(&'a mut Vec<u8>);

impl<'de> DeserializeSeed<'de> for Transcode<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Transcode<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.0.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        write_json(self.0, &v);
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        write_json(self.0, &v);
        Ok(())
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<(), E> {
        // What `Value` accepts (fits in i64/u64) and how it fails otherwise.
        let value: serde_json::Value = serde::Deserialize::deserialize(de::value::I128Deserializer::<E>::new(v))?;
        write_json(self.0, &value);
        Ok(())
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<(), E> {
        let value: serde_json::Value = serde::Deserialize::deserialize(de::value::U128Deserializer::<E>::new(v))?;
        write_json(self.0, &value);
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        // `Value` turns a non-finite float into `null`.
        match serde_json::Number::from_f64(v) {
            Some(n) => write_json(self.0, &n),
            None => self.0.extend_from_slice(b"null"),
        }
        Ok(())
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        write_str(self.0, v);
        Ok(())
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.0.extend_from_slice(b"null");
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.visit_none()
    }
    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.deserialize(deserializer)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let buffer = self.0;
        buffer.push(b'[');
        let mut first = true;
        loop {
            // The separator is written before knowing whether another element follows, and
            // taken back at the end.
            let mark = buffer.len();
            if !first {
                buffer.push(b',');
            }
            if seq.next_element_seed(Transcode(&mut *buffer))?.is_none() {
                buffer.truncate(mark);
                break;
            }
            first = false;
        }
        buffer.push(b']');
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let buffer = self.0;
        buffer.push(b'{');
        let mut first = true;
        loop {
            let mark = buffer.len();
            if !first {
                buffer.push(b',');
            }
            if map.next_key_seed(KeyText(&mut *buffer))?.is_none() {
                buffer.truncate(mark);
                break;
            }
            buffer.push(b':');
            map.next_value_seed(Transcode(&mut *buffer))?;
            first = false;
        }
        buffer.push(b'}');
        Ok(())
    }
}

/// An object key (a string, as `Value` requires), written as JSON text.
struct KeyText<'a>(&'a mut Vec<u8>);

impl<'de> DeserializeSeed<'de> for KeyText<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyText<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        write_str(self.0, v);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// The text captured for `json`'s members, through serde_json's reader and through a
    /// `Value` as the deserializer.
    fn captured(json: &str) -> (String, String) {
        struct Members;
        impl<'de> Visitor<'de> for Members {
            type Value = Extra;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Extra, A::Error> {
                let mut capture = Capture::default();
                while let Some(key) = map.next_key::<String>()? {
                    capture.key(&key);
                    map.next_value_seed(ValueSeed(&mut capture))?;
                }
                let mut extra = Extra::new();
                capture.finish(&mut extra);
                Ok(extra)
            }
        }
        struct ValueSeed<'a>(&'a mut Capture);
        impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
            type Value = ();
            fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
                self.0.value(d)
            }
        }
        let from_text = serde::Deserializer::deserialize_map(&mut serde_json::Deserializer::from_str(json), Members)
            .expect("captures");
        let value: Value = serde_json::from_str(json).expect("valid");
        let from_value = serde::Deserializer::deserialize_map(value, Members).expect("captures");
        (from_text.captured_text().unwrap_or_default(), from_value.captured_text().unwrap_or_default())
    }

    #[test]
    fn captured_text_is_what_serde_json_writes_for_the_value() {
        let json = r#"{"s":"a\"b\\c\n\u0001é😀","n":-3,"u":18446744073709551615,"f":1.5e300,"g":-0.0,
            "z":0.1,"i":100,"b":[true,false,null],"o":{"x":{},"y":[],"x":2},"e":""}"#;
        let (text, through_value) = captured(json);
        assert_eq!(
            text,
            r#"{"s":"a\"b\\c\n\u0001é😀","n":-3,"u":18446744073709551615,"f":1.5e+300,"g":-0.0,"z":0.1,"i":100,"b":[true,false,null],"o":{"x":{},"y":[],"x":2},"e":""}"#
        );
        // A `Value` deserializer presents the same data (its objects already deduplicated and
        // sorted); either way, reading the text back gives the `Value`s decoding would have.
        let members: Value = serde_json::from_str(&through_value).expect("valid JSON");
        assert_eq!(members, serde_json::from_str::<Value>(json).expect("valid"));
        assert_eq!(serde_json::from_str::<Value>(&text).expect("valid JSON"), members);
    }

    #[test]
    fn out_of_range_and_odd_values_behave_as_in_value() {
        let mut buffer = Vec::new();
        Transcode(&mut buffer).visit_f64::<serde_json::Error>(f64::NAN).expect("null");
        assert_eq!(buffer, b"null");
        let mut buffer = Vec::new();
        let too_big = Transcode(&mut buffer).visit_u128::<serde_json::Error>(u128::MAX);
        let value_too =
            serde_json::Value::deserialize(de::value::U128Deserializer::<serde_json::Error>::new(u128::MAX));
        assert_eq!(too_big.is_err(), value_too.is_err());
        let mut buffer = Vec::new();
        Transcode(&mut buffer).visit_i128::<serde_json::Error>(-5).expect("fits");
        assert_eq!(buffer, b"-5");
        assert_eq!(json!(-5), serde_json::from_slice::<Value>(&buffer).expect("valid"));
    }

    use serde::Deserialize as _;
}
