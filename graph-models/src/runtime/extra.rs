//! `Extra`: what a decoded model received beyond its typed fields, kept so that re-serializing
//! loses nothing.

use serde_json::Value;

use super::model::Read;

/// Properties the docs do not describe (in the order received) and the typed properties that
/// were received as an explicit JSON `null` (their field is `None`, like an absent one; this
/// remembers the difference so that encoding writes the `null` back).
///
/// One pointer wide and allocation-free while empty, which is the common case. Equality is
/// that of JSON objects: order does not matter.
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
    properties: Vec<(String, Value)>,
    nulls: Vec<&'static str>,
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
        self.0.as_ref().is_none_or(|d| d.properties.is_empty() && d.nulls.is_empty())
    }

    /// Number of unknown properties.
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |d| d.properties.len())
    }

    /// An unknown property by wire name.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.as_ref()?.properties.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Sets an unknown property; a key set again keeps its first position.
    pub fn insert(&mut self, key: impl Into<String>, value: Value) -> Option<Value> {
        let key = key.into();
        let data = self.0.get_or_insert_with(Box::default);
        match data.properties.iter_mut().find(|(k, _)| *k == key) {
            Some((_, slot)) => Some(std::mem::replace(slot, value)),
            None => {
                data.properties.push((key, value));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let data = self.0.as_mut()?;
        let index = data.properties.iter().position(|(k, _)| k == key)?;
        Some(data.properties.remove(index).1)
    }

    /// Unknown properties in the order received (or inserted).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.as_deref().map_or(&[][..], |d| &d.properties[..]).iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Whether the typed property `key` (or `@odata.type`) was received as JSON `null`.
    pub fn was_null(&self, key: &str) -> bool {
        self.0.as_ref().is_some_and(|d| d.nulls.contains(&key))
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
