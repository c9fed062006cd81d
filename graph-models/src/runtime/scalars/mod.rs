//! Scalar wrappers of Graph's primitive types. Each one parses its wire text and writes back the
//! same text (see each type for the exact promise), with `Display`/`FromStr`, serde impls and
//! conversions to the obvious `time`/std types.

mod base64;
mod date_time;
mod decimal;
mod double;
mod duration;
mod scan;

use std::fmt;

pub use self::base64::Base64;
pub use self::date_time::{Date, DateTimeOffset, TimeOfDay};
pub use self::decimal::Decimal;
pub use self::double::Double;
pub use self::duration::Duration;

/// A scalar's text did not have the expected form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScalarError {
    /// The Graph type, e.g. `DateTimeOffset`.
    pub kind: &'static str,
    /// What was wrong.
    pub reason: &'static str,
    /// The rejected text.
    pub input: String,
}

impl ScalarError {
    pub(crate) fn new(kind: &'static str, reason: &'static str, input: &str) -> Self {
        Self { kind, reason, input: input.to_owned() }
    }
}

impl fmt::Display for ScalarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {} {:?}: {}", self.kind, self.input, self.reason)
    }
}

impl std::error::Error for ScalarError {}

/// `Serialize` through `Display` and `Deserialize` through `FromStr` for the string-form
/// scalars; the string is borrowed from the input when possible.
macro_rules! serde_via_str {
    ($ty:ty) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let wire = <crate::runtime::WireStr<'de> as serde::Deserialize<'de>>::deserialize(deserializer)?;
                wire.as_str().parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use serde_via_str;
