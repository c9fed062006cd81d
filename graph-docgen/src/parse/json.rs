//! json: lenient JSON for doc examples, keeping the line of every value.

use crate::facts::{Json, JsonValue};

/// A successfully read body and the tolerances it needed (empty for strict JSON).
#[derive(Clone, Debug)]
pub struct JsonParse {
    pub json: Json,
    /// `(line, what)` for every non-strict construct accepted, e.g. `(12, "trailing comma")`.
    pub tolerated: Vec<(u32, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum JsonError {
    /// Not JSON even leniently.
    Syntax { line: u32, col: u32, message: String },
    /// Nested deeper than the limit.
    TooDeep { line: u32 },
}

/// Parses `text` (whose first line is line `first_line` of the page).
pub fn parse_json(text: &str, first_line: u32) -> Result<JsonParse, JsonError> {
    // SKELETON: strict only; the lenient reader is being written on the `json` branch.
    let v: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| JsonError::Syntax { line: first_line + e.line() as u32 - 1, col: e.column() as u32, message: e.to_string() })?;
    fn conv(v: &serde_json::Value, line: u32) -> Json {
        let value = match v {
            serde_json::Value::Null => JsonValue::Null,
            serde_json::Value::Bool(b) => JsonValue::Bool(*b),
            serde_json::Value::Number(n) => JsonValue::Number(n.to_string()),
            serde_json::Value::String(s) => JsonValue::String(s.clone()),
            serde_json::Value::Array(a) => JsonValue::Array(a.iter().map(|x| conv(x, line)).collect()),
            serde_json::Value::Object(o) => JsonValue::Object(o.iter().map(|(k, x)| (k.clone(), conv(x, line))).collect()),
        };
        Json { line, value }
    }
    Ok(JsonParse { json: conv(&v, first_line), tolerated: Vec::new() })
}
