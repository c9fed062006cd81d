//! `PatchBody`: the three-state body of a PATCH request (untouched / cleared / set), in the
//! order the fields were touched.

use std::borrow::Cow;

use serde::ser::SerializeMap;
use serde_json::Value;

use super::request::{BaseUrl, RequestError};

/// The state of a touched field. An untouched field is simply not in the body.
#[derive(Clone, Debug, PartialEq)]
pub enum Patch {
    /// Sent as JSON `null`.
    Clear,
    /// Sent as this value (produced by the typed value's own `Serialize`).
    Set(Value),
}

/// The fields a PATCH request will send, by wire name, in the order they were first touched;
/// touching a field again replaces its state in place.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PatchBody {
    fields: Vec<(Cow<'static, str>, Patch)>,
    /// The first value that could not be serialized (the builders' setters cannot return
    /// errors); reported by [`PatchBody::to_vec`] and [`PatchBody::to_request`].
    error: Option<String>,
}

impl PatchBody {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `name` to `value` serialized with its own `Serialize` impl.
    pub fn set<T: serde::Serialize + ?Sized>(&mut self, name: impl Into<Cow<'static, str>>, value: &T) {
        match serde_json::to_value(value) {
            Ok(value) => self.put(name.into(), Patch::Set(value)),
            Err(error) => {
                let name = name.into();
                // Leave the field untouched rather than send something else than asked for.
                self.reset(&name);
                self.error.get_or_insert_with(|| format!("field `{name}`: {error}"));
            }
        }
    }

    /// Sets `name` to an already built JSON value.
    pub fn set_value(&mut self, name: impl Into<Cow<'static, str>>, value: Value) {
        self.put(name.into(), Patch::Set(value));
    }

    /// Sends `name` as `null`.
    pub fn clear(&mut self, name: impl Into<Cow<'static, str>>) {
        self.put(name.into(), Patch::Clear);
    }

    /// Makes `name` untouched again (not sent).
    pub fn reset(&mut self, name: &str) {
        self.fields.retain(|(n, _)| n != name);
    }

    fn put(&mut self, name: Cow<'static, str>, patch: Patch) {
        match self.fields.iter_mut().find(|(n, _)| *n == name) {
            Some((_, slot)) => *slot = patch,
            None => self.fields.push((name, patch)),
        }
    }

    /// The state of `name`; `None` when untouched.
    pub fn get(&self, name: &str) -> Option<&Patch> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, p)| p)
    }

    /// Touched fields in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Patch)> {
        self.fields.iter().map(|(n, p)| (n.as_ref(), p))
    }

    pub fn len(&self) -> usize {
        self.fields.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// The body as a JSON value (a `serde_json::Map`, so in serde_json's key order; the bytes
    /// of [`PatchBody::to_vec`] keep the touch order).
    pub fn to_json(&self) -> Value {
        Value::Object(
            self.fields
                .iter()
                .map(|(n, p)| {
                    let value = match p {
                        Patch::Clear => Value::Null,
                        Patch::Set(v) => v.clone(),
                    };
                    (n.to_string(), value)
                })
                .collect(),
        )
    }

    /// The body as JSON bytes, fields in touch order.
    pub fn to_vec(&self) -> Result<Vec<u8>, RequestError> {
        if let Some(error) = &self.error {
            return Err(RequestError::Body(error.clone()));
        }
        serde_json::to_vec(self).map_err(|e| RequestError::Body(e.to_string()))
    }

    /// `{method} {base}/{version}{path}` with `Content-Type: application/json` and this body.
    /// `path` must start with `/` (build it with [`crate::runtime::path::PathBuilder`]).
    pub fn to_request(
        &self,
        method: http::Method,
        base: &BaseUrl,
        version: &str,
        path: &str,
    ) -> Result<http::Request<Vec<u8>>, RequestError> {
        let body = self.to_vec()?;
        let uri =
            if path.starts_with('/') { format!("{base}/{version}{path}") } else { format!("{base}/{version}/{path}") };
        let request = http::Request::builder()
            .method(method)
            .uri(uri)
            .header(http::header::CONTENT_TYPE, "application/json")
            .body(body)?;
        Ok(request)
    }

    /// [`PatchBody::to_request`], consuming the body.
    pub fn into_request(
        self,
        method: http::Method,
        base: &BaseUrl,
        version: &str,
        path: &str,
    ) -> Result<http::Request<Vec<u8>>, RequestError> {
        self.to_request(method, base, version, path)
    }
}

impl serde::Serialize for PatchBody {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.fields.len()))?;
        for (name, patch) in &self.fields {
            match patch {
                Patch::Clear => map.serialize_entry(name, &())?,
                Patch::Set(value) => map.serialize_entry(name, value)?,
            }
        }
        map.end()
    }
}
