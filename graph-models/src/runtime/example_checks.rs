//! The two helpers every generated example test calls (`src/generated/<version>/example_tests.rs`),
//! written once here instead of once per version file. Compiled only for this crate's own tests.

// Only the docs/ tree gets example tests, and only with a version feature on: in other test
// builds (the full-corpus crate, `--no-default-features`) nothing calls these.
#![allow(dead_code)]

use serde_json::Value;

/// Decodes the member at `pointer` of `doc` as `T` and checks that encoding it gives the same
/// JSON back.
pub(crate) fn round_trip<T>(doc: &Value, pointer: &str)
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let want = doc.pointer(pointer).cloned().unwrap_or(Value::Null);
    let model: T = match serde_json::from_value(want.clone()) {
        Ok(m) => m,
        Err(e) => panic!("{pointer}: does not decode: {e}"),
    };
    let got = serde_json::to_value(&model).unwrap_or(Value::Null);
    assert_eq!(got, want, "{pointer}: re-encoded JSON differs");
}

/// Parses a JSON literal the generator wrote.
pub(crate) fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("bad JSON literal: {e}"))
}
