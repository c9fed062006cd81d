//! `Nav<T>`: a navigation property (a "Relationships" row of the docs), held as the JSON it was
//! received as and decoded into `T` when asked.
//!
//! Why not a plain `T` field: navigation properties link every entity to most others
//! (`group.members` holds any directory object, whose own navigations reach users, drives,
//! sites, calendars, ...). Typed fields would make decoding one `Group` compile the decoders of
//! most of the version into the program that does it (the benchmark's small program, which
//! decodes `Group` and three more structs, held 258 models with typed relationships and holds 9
//! with `Nav`; README "Compile cost"), although Graph only sends a navigation property when the
//! request `$expand`s it. Held as JSON, a `Nav` costs
//! nothing to compile until the program calls [`Nav::get`] or [`Nav::new`] for that `T`, and
//! re-encoding writes back exactly what was received.
//!
//! Nothing here calls code of `T` except those two: `Clone`, `PartialEq`, `Debug` and the serde
//! impls work on the JSON, which is what keeps `T` out of the program.

use std::fmt;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::field::Field;
use super::source::{ErasedDeserializer, ReadResult};

/// A navigation property of type `T` (`Vec<DirectoryObjectKind>` for `group.members`), as JSON.
///
/// Decode it with [`get`](Nav::get); build one to send with [`new`](Nav::new). Equality compares
/// the JSON (as `serde_json::Value`s: member order does not matter).
pub struct Nav<T> {
    json: Value,
    // `fn() -> T`: a `Nav<T>` owns no `T`, so it is `Send`, `Sync` and `'static`-friendly
    // whatever `T` is.
    target: PhantomData<fn() -> T>,
}

impl<T> Nav<T> {
    /// A navigation property holding `json` as received (no check that it decodes as `T`).
    pub fn from_json(json: Value) -> Self {
        Nav { json, target: PhantomData }
    }

    /// The JSON as received.
    pub fn json(&self) -> &Value {
        &self.json
    }

    /// The JSON as received, by value.
    pub fn into_json(self) -> Value {
        self.json
    }
}

impl<T: DeserializeOwned> Nav<T> {
    /// Decodes the JSON as `T`, with the same rules as decoding the model holding it (unknown
    /// properties kept unless inside [`with_options`](super::with_options)).
    pub fn get(&self) -> Result<T, serde_json::Error> {
        T::deserialize(&self.json)
    }
}

impl<T: Serialize> Nav<T> {
    /// The navigation property for `value`, to send in a create request (deep insert).
    pub fn new(value: &T) -> Result<Self, serde_json::Error> {
        serde_json::to_value(value).map(Nav::from_json)
    }
}

// Hand-written rather than derived: a derive would bound each impl on `T: Clone` (and so on),
// and call nothing of `T`, but the bound alone would demand those impls of every `T`.
impl<T> Clone for Nav<T> {
    fn clone(&self) -> Self {
        Nav::from_json(self.json.clone())
    }
}

impl<T> PartialEq for Nav<T> {
    fn eq(&self, other: &Self) -> bool {
        self.json == other.json
    }
}

/// `Nav(<the JSON, compact>)`.
impl<T> fmt::Debug for Nav<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Nav({})", self.json)
    }
}

impl<T> Serialize for Nav<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.json.serialize(serializer)
    }
}

impl<'de, T> Deserialize<'de> for Nav<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Value::deserialize(deserializer).map(Nav::from_json)
    }
}

impl<T> Field for Nav<T> {
    fn read_into(slot: &mut Option<Self>, de: &mut dyn ErasedDeserializer<'_>) -> ReadResult {
        let mut json = None;
        let read = de.read_json(&mut json)?;
        *slot = json.map(Nav::from_json);
        Ok(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_the_json_and_decodes_it_on_request() {
        let nav: Nav<Vec<String>> = serde_json::from_str(r#"["a","b"]"#).unwrap();
        assert_eq!(nav.json(), &serde_json::json!(["a", "b"]));
        assert_eq!(nav.get().unwrap(), ["a", "b"]);
        assert_eq!(serde_json::to_string(&nav).unwrap(), r#"["a","b"]"#);
        assert_eq!(format!("{nav:?}"), r#"Nav(["a","b"])"#);
        assert!(nav == nav.clone());
        let built = Nav::new(&vec!["a".to_string(), "b".to_string()]).unwrap();
        assert!(built == nav);
    }

    #[test]
    fn json_that_is_not_a_t_fails_only_when_decoded() {
        let nav: Nav<Vec<String>> = serde_json::from_str(r#"{"not":"a list"}"#).unwrap();
        assert!(nav.get().is_err());
        assert_eq!(nav.into_json(), serde_json::json!({"not": "a list"}));
    }
}
