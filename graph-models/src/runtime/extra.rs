//! `Extra`: what a decoded model received beyond its typed fields, kept so that re-serializing
//! loses nothing.

use std::sync::OnceLock;

use serde::de::{MapAccess, Visitor};
use serde_json::Value;

use super::model::Read;

/// Properties the docs do not describe (in the order received) and the typed properties that
/// were received as an explicit JSON `null` (their field is `None`, like an absent one; this
/// remembers the difference so that encoding writes the `null` back).
///
/// One pointer wide and allocation-free while empty, which is the common case. Equality is
/// that of JSON objects: order does not matter.
///
/// Decoding stores an object's unknown properties as the JSON text of its unknown members
/// (capture.rs: one allocation instead of one per key and string); they become
/// `serde_json::Value`s the first time they are read, which the API does not show.
#[derive(Clone, Default)]
pub struct Extra(Option<Box<ExtraData>>);

/// As a map of the unknown properties, values as JSON text (`{"x": 1}`), then the typed
/// properties received as `null` under the key `(null)` when there are any.
impl std::fmt::Debug for Extra {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut map = f.debug_map();
        for (key, value) in self.iter() {
            map.key(&key).value(&format_args!("{value}"));
        }
        if let Some(data) = self.0.as_ref().filter(|d| !d.nulls.is_empty()) {
            map.key(&format_args!("(null)")).value(&data.nulls);
        }
        map.finish()
    }
}

#[derive(Clone, Debug, Default)]
struct ExtraData {
    /// The unknown properties, unless they are still held as `captured` text.
    values: Properties,
    /// The unknown members as decoding captured them (capture.rs), when nothing changed them
    /// since: a JSON object in the order received (a repeated key included), parsed into the
    /// cell on first read and moved into `values` on the first change. `values` is then empty.
    captured: Option<(Box<str>, OnceLock<Properties>)>,
    nulls: Vec<&'static str>,
}

type Properties = Vec<(String, Value)>;

impl ExtraData {
    fn properties(&self) -> &[(String, Value)] {
        match &self.captured {
            Some((text, parsed)) => parsed.get_or_init(|| parse_members(text)),
            None => &self.values,
        }
    }

    fn properties_mut(&mut self) -> &mut Properties {
        if let Some((text, parsed)) = self.captured.take() {
            self.values = parsed.into_inner().unwrap_or_else(|| parse_members(&text));
        }
        &mut self.values
    }

    fn has_properties(&self) -> bool {
        // Captured text always holds at least one member.
        self.captured.is_some() || !self.values.is_empty()
    }
}

/// Sets `key` in `properties`: a key set again keeps its first position, the last value wins.
fn set(properties: &mut Properties, key: String, value: Value) -> Option<Value> {
    match properties.iter_mut().find(|(k, _)| *k == key) {
        Some((_, slot)) => Some(std::mem::replace(slot, value)),
        None => {
            properties.push((key, value));
            None
        }
    }
}

/// The members of captured text, in order; a repeated key keeps its first position and its
/// last value (what inserting them one by one gives).
fn parse_members(text: &str) -> Properties {
    struct Members;
    impl<'de> Visitor<'de> for Members {
        type Value = Properties;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Properties, A::Error> {
            let mut properties = Vec::with_capacity(map.size_hint().unwrap_or(0));
            while let Some((key, value)) = map.next_entry::<String, Value>()? {
                set(&mut properties, key, value);
            }
            Ok(properties)
        }
    }
    // The text was written by capture.rs and is valid JSON; an error would mean a bug there,
    // and an empty list is the answer that cannot panic.
    let parsed = serde::Deserializer::deserialize_map(&mut serde_json::Deserializer::from_str(text), Members);
    debug_assert!(parsed.is_ok(), "captured text does not parse: {text}");
    parsed.unwrap_or_default()
}

impl PartialEq for Extra {
    fn eq(&self, other: &Self) -> bool {
        let nulls = |e: &Extra| e.0.as_ref().map_or(0, |d| d.nulls.len());
        self.len() == other.len()
            && self.iter().all(|(k, v)| other.get(k) == Some(v))
            && nulls(self) == nulls(other)
            && self.0.as_ref().is_none_or(|d| d.nulls.iter().all(|n| other.was_null(n)))
    }
}

impl Extra {
    pub fn new() -> Self {
        Self(None)
    }

    /// No unknown property and no remembered null.
    pub fn is_empty(&self) -> bool {
        self.0.as_ref().is_none_or(|d| !d.has_properties() && d.nulls.is_empty())
    }

    /// Number of unknown properties.
    pub fn len(&self) -> usize {
        self.properties().len()
    }

    /// An unknown property by wire name.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.properties().iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Sets an unknown property; a key set again keeps its first position.
    pub fn insert(&mut self, key: impl Into<String>, value: Value) -> Option<Value> {
        set(self.0.get_or_insert_with(Box::default).properties_mut(), key.into(), value)
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let properties = self.0.as_mut()?.properties_mut();
        let index = properties.iter().position(|(k, _)| k == key)?;
        Some(properties.remove(index).1)
    }

    /// Unknown properties in the order received (or inserted).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.properties().iter().map(|(k, v)| (k.as_str(), v))
    }

    fn properties(&self) -> &[(String, Value)] {
        self.0.as_deref().map_or(&[], ExtraData::properties)
    }

    /// Adds the unknown members decoding captured (`{"key":value,...}`, capture.rs).
    pub(crate) fn add_captured(&mut self, text: &str) {
        let data = self.0.get_or_insert_with(Box::default);
        if !data.has_properties() {
            data.captured = Some((text.into(), OnceLock::new()));
        } else {
            // Decoding into a model that already had unknown properties: merge as `insert` does.
            let properties = data.properties_mut();
            for (key, value) in parse_members(text) {
                set(properties, key, value);
            }
        }
    }

    /// The captured text, while the unknown properties are still held as text.
    #[cfg(test)]
    pub(crate) fn captured_text(&self) -> Option<String> {
        self.0.as_deref()?.captured.as_ref().map(|(text, _)| text.to_string())
    }

    /// Whether the typed property `key` (or `@odata.type`) was received as JSON `null`.
    pub fn was_null(&self, key: &str) -> bool {
        self.0.as_ref().is_some_and(|d| d.nulls.contains(&key))
    }

    /// Whether a typed property is remembered as received `null`.
    pub(crate) fn has_nulls(&self) -> bool {
        self.0.as_ref().is_some_and(|d| !d.nulls.is_empty())
    }

    /// Forgets a remembered `null`, so that an unset field is no longer written as `null`.
    pub fn forget_null(&mut self, key: &str) {
        if let Some(data) = self.0.as_mut() {
            data.nulls.retain(|n| *n != key);
        }
    }

    /// Drops everything (unknown properties and remembered nulls).
    pub fn clear(&mut self) {
        self.0 = None;
    }

    /// Records how a typed property was read: a `null` is remembered, a value forgets an
    /// earlier `null` of a duplicated key.
    pub(crate) fn note_read(&mut self, key: &'static str, read: Read) {
        match read {
            Read::Null => {
                if !self.was_null(key) {
                    self.0.get_or_insert_with(Box::default).nulls.push(key);
                }
            }
            Read::Value => self.forget_null(key),
        }
    }
}
