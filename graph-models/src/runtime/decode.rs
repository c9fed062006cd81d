//! Decoding entry points with options (keep or discard properties the docs do not describe).
//!
//! `serde::Deserialize` has no way to pass options down to nested models, so the option is a
//! thread-local read by the shared model visitor and set for the duration of one [`decode`]
//! call. Trade-off: keeping unknown properties (the default, what plain `serde_json::from_str`
//! does) makes re-serializing exact but costs a `serde_json::Value` per unknown property;
//! discarding them skips those values without building anything, which is faster and smaller
//! when the caller only reads the typed fields, but a decoded object then re-serializes without
//! them (so it must not be sent back as a full replacement).

use std::cell::Cell;

use serde::de::DeserializeOwned;

thread_local! {
    static KEEP_UNKNOWN: Cell<bool> = const { Cell::new(true) };
}

/// Options of [`decode`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecodeOptions {
    /// Keep unknown properties in each model's `additional_properties` (default `true`).
    pub keep_unknown: bool,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        Self { keep_unknown: true }
    }
}

impl DecodeOptions {
    /// Options that drop unknown properties while decoding.
    pub fn discard_unknown() -> Self {
        Self { keep_unknown: false }
    }
}

/// Whether the model visitor on this thread keeps unknown properties.
pub(crate) fn keep_unknown() -> bool {
    KEEP_UNKNOWN.with(Cell::get)
}

/// Restores the previous option when dropped, also on unwinding.
struct Restore(bool);

impl Drop for Restore {
    fn drop(&mut self) {
        KEEP_UNKNOWN.with(|k| k.set(self.0));
    }
}

/// Runs `f` (any deserialization of graph-models types) with `options` in effect on this thread.
pub fn with_options<R>(options: DecodeOptions, f: impl FnOnce() -> R) -> R {
    let _restore = Restore(KEEP_UNKNOWN.with(|k| k.replace(options.keep_unknown)));
    f()
}

/// Decodes a JSON text with `options`.
pub fn decode<T: DeserializeOwned>(json: &str, options: DecodeOptions) -> serde_json::Result<T> {
    with_options(options, || serde_json::from_str(json))
}

/// Decodes JSON bytes with `options`.
pub fn decode_slice<T: DeserializeOwned>(json: &[u8], options: DecodeOptions) -> serde_json::Result<T> {
    with_options(options, || serde_json::from_slice(json))
}
