//! Graph's `Decimal`: kept as its exact text, never through a float.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};

use super::scan::Scan;
use super::ScalarError;
use crate::runtime::Number;

/// A decimal number as text (`-12.3400`, `1e-5`), validated but not converted, so nothing is
/// rounded. Remembers whether it came as a JSON string (IEEE754-compatible responses) and is
/// written back the same way. A JSON *number* passes through serde_json's `f64` when read
/// (serde_json without its `arbitrary_precision` feature has no other way), so only quoted
/// decimals are exact beyond 15 significant digits; a number text is written back as an integer
/// when it is one, else as the `f64` it reads as.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    text: Box<str>,
    quoted: bool,
}

impl Decimal {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The nearest `f64` (the text is valid, so this always succeeds; `NaN` never appears).
    pub fn to_f64(&self) -> f64 {
        self.text.parse().unwrap_or(f64::NAN)
    }

    /// A JSON number or string as read (the one place that decides the remembered form).
    pub(crate) fn from_number(n: Number<'_>) -> Result<Self, String> {
        let text: Box<str> = match n {
            Number::Signed(v) => v.to_string().into(),
            Number::Unsigned(v) => v.to_string().into(),
            Number::Float(v) if v.is_finite() => format!("{v:?}").into(),
            Number::Float(_) => return Err("a decimal cannot be NaN or infinite".to_owned()),
            Number::Str(s) => {
                let parsed: Decimal = s.parse().map_err(|e: ScalarError| e.to_string())?;
                return Ok(Self { quoted: true, ..parsed });
            }
        };
        Ok(Self { text, quoted: false })
    }

    /// Whether it was received as a JSON string.
    pub fn is_quoted(&self) -> bool {
        self.quoted
    }

    /// `-?digits(.digits)?([eE][+-]?digits)?`
    fn valid(s: &str) -> bool {
        let mut scan = Scan::new(s);
        scan.eat(b'-');
        if scan.skip_digits() == 0 {
            return false;
        }
        if scan.eat(b'.') && scan.skip_digits() == 0 {
            return false;
        }
        if scan.eat(b'e') || scan.eat(b'E') {
            if !scan.eat(b'+') {
                scan.eat(b'-');
            }
            if scan.skip_digits() == 0 {
                return false;
            }
        }
        scan.at_end()
    }
}

impl FromStr for Decimal {
    type Err = ScalarError;
    fn from_str(s: &str) -> Result<Self, ScalarError> {
        if Self::valid(s) {
            Ok(Self { text: s.into(), quoted: false })
        } else {
            Err(ScalarError::new("Decimal", "expected -?digits[.digits][e[+-]digits]", s))
        }
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<i64> for Decimal {
    fn from(value: i64) -> Self {
        Self { text: value.to_string().into(), quoted: false }
    }
}

impl serde::Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.quoted {
            serializer.serialize_str(&self.text)
        } else if let Ok(integer) = self.text.parse::<i64>() {
            serializer.serialize_i64(integer)
        } else if let Ok(integer) = self.text.parse::<u64>() {
            serializer.serialize_u64(integer)
        } else {
            serializer.serialize_f64(self.to_f64())
        }
    }
}

impl<'de> serde::Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DecimalVisitor)
    }
}

struct DecimalVisitor;

impl Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number or a string holding one")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Decimal::from_number(Number::Signed(v)).map_err(E::custom)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Decimal::from_number(Number::Unsigned(v)).map_err(E::custom)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        Decimal::from_number(Number::Float(v)).map_err(E::custom)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        Decimal::from_number(Number::Str(v)).map_err(E::custom)
    }
}
