//! Graph's `Double`/`Single`: an `f64` that also travels as the strings `"NaN"`, `"INF"`,
//! `"-INF"` (and as a quoted number when the service sends IEEE754-compatible JSON).

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};

use super::ScalarError;
use crate::runtime::Number;

/// An `f64` that remembers how it was written: as a JSON number or a string, and as an integer
/// (`3`) or not (`3.0`), so that it is written back the same way. Non-finite values are always
/// written as `"NaN"`, `"INF"`, `"-INF"` (JSON numbers cannot hold them).
///
/// Text round trip is exact for integers, the special names and the shortest decimal form (what
/// JSON serializers write); `1.50` reads as 1.5 and is written `1.5`. Equality compares the bits
/// of the value (so `NaN == NaN`), not the form. It is an `f64`: integers beyond 2^53 are
/// rounded (Graph's `Int64` properties are `i64`, not `Double`).
#[derive(Clone, Copy, Debug)]
pub struct Double {
    value: f64,
    quoted: bool,
    integer: bool,
}

impl Double {
    pub fn new(value: f64) -> Self {
        Self { value, quoted: false, integer: false }
    }

    pub fn get(&self) -> f64 {
        self.value
    }

    /// Whether it was received as a JSON string.
    pub fn is_quoted(&self) -> bool {
        self.quoted
    }

    /// A JSON number or string as read (the one place that decides the remembered form).
    pub(crate) fn from_number(n: Number<'_>) -> Result<Self, String> {
        Ok(match n {
            Number::Float(value) => Self { value, quoted: false, integer: false },
            Number::Signed(v) => Self { value: v as f64, quoted: false, integer: true },
            Number::Unsigned(v) => Self { value: v as f64, quoted: false, integer: true },
            Number::Str(s) => Self { quoted: true, ..s.parse::<Self>().map_err(|e| e.to_string())? },
        })
    }

    /// The value as an `i64` when it was written as an integer and fits.
    fn as_integer(&self) -> Option<i64> {
        // The casts are exact: the value is integral and inside the i64 range.
        let in_range = self.value >= -9_223_372_036_854_775_808.0 && self.value < 9_223_372_036_854_775_808.0;
        (self.integer && self.value.fract() == 0.0 && in_range).then_some(self.value as i64)
    }
}

impl From<f64> for Double {
    fn from(value: f64) -> Self {
        Self::new(value)
    }
}

impl From<Double> for f64 {
    fn from(value: Double) -> Self {
        value.value
    }
}

impl PartialEq for Double {
    fn eq(&self, other: &Self) -> bool {
        self.value.to_bits() == other.value.to_bits()
    }
}

impl FromStr for Double {
    type Err = ScalarError;
    fn from_str(s: &str) -> Result<Self, ScalarError> {
        let value = match s {
            "NaN" => f64::NAN,
            "INF" => f64::INFINITY,
            "-INF" => f64::NEG_INFINITY,
            // Rust also accepts `inf`, `infinity`, `nan`: only digits, sign, `.` and exponents.
            _ if s.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E')) => {
                s.parse().map_err(|_| ScalarError::new("Double", "not a number", s))?
            }
            _ => return Err(ScalarError::new("Double", "expected a number, NaN, INF or -INF", s)),
        };
        let digits = s.strip_prefix('-').unwrap_or(s);
        let integer = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
        Ok(Self { value, quoted: false, integer })
    }
}

impl fmt::Display for Double {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.value.is_nan() {
            f.write_str("NaN")
        } else if self.value.is_infinite() {
            f.write_str(if self.value > 0.0 { "INF" } else { "-INF" })
        } else if let Some(integer) = self.as_integer() {
            write!(f, "{integer}")
        } else {
            // `Debug` is the shortest text that reads back to the same f64 (`1.5`, `1e300`).
            write!(f, "{:?}", self.value)
        }
    }
}

impl serde::Serialize for Double {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.quoted || !self.value.is_finite() {
            serializer.collect_str(self)
        } else if let Some(integer) = self.as_integer() {
            serializer.serialize_i64(integer)
        } else {
            serializer.serialize_f64(self.value)
        }
    }
}

impl<'de> serde::Deserialize<'de> for Double {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DoubleVisitor)
    }
}

struct DoubleVisitor;

impl Visitor<'_> for DoubleVisitor {
    type Value = Double;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number or one of \"NaN\", \"INF\", \"-INF\"")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Double, E> {
        Double::from_number(Number::Float(v)).map_err(E::custom)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Double, E> {
        Double::from_number(Number::Signed(v)).map_err(E::custom)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Double, E> {
        Double::from_number(Number::Unsigned(v)).map_err(E::custom)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Double, E> {
        Double::from_number(Number::Str(v)).map_err(E::custom)
    }
}
