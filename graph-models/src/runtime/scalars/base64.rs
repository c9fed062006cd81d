//! Graph's `Binary`/`Stream` as JSON: base64 text decoded to bytes.

use std::fmt;
use std::str::FromStr;

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use base64::Engine as _;

use super::{serde_via_str, ScalarError};

/// Bytes sent as base64. Graph uses standard base64 with padding, which is what values built
/// from bytes are written as; unpadded and URL-safe input is accepted too and written back in
/// the same alphabet. Decoding is canonical (no stray padding or trailing bits, no whitespace),
/// so writing back reproduces the input text exactly.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Base64 {
    bytes: Vec<u8>,
    alphabet: Alphabet,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
enum Alphabet {
    #[default]
    Standard,
    StandardNoPad,
    UrlSafe,
    UrlSafeNoPad,
}

impl Alphabet {
    /// Tried in this order when decoding; the first that accepts the text wins.
    const ALL: [Alphabet; 4] = [Alphabet::Standard, Alphabet::StandardNoPad, Alphabet::UrlSafe, Alphabet::UrlSafeNoPad];

    fn engine(self) -> &'static base64::engine::GeneralPurpose {
        match self {
            Alphabet::Standard => &STANDARD,
            Alphabet::StandardNoPad => &STANDARD_NO_PAD,
            Alphabet::UrlSafe => &URL_SAFE,
            Alphabet::UrlSafeNoPad => &URL_SAFE_NO_PAD,
        }
    }
}

impl Base64 {
    pub fn new(bytes: Vec<u8>) -> Self {
        Self { bytes, alphabet: Alphabet::Standard }
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

impl From<Vec<u8>> for Base64 {
    fn from(bytes: Vec<u8>) -> Self {
        Self::new(bytes)
    }
}

impl From<Base64> for Vec<u8> {
    fn from(value: Base64) -> Self {
        value.bytes
    }
}

impl FromStr for Base64 {
    type Err = ScalarError;
    fn from_str(s: &str) -> Result<Self, ScalarError> {
        Alphabet::ALL
            .iter()
            .find_map(|alphabet| alphabet.engine().decode(s).ok().map(|bytes| Self { bytes, alphabet: *alphabet }))
            .ok_or_else(|| ScalarError::new("Binary", "not canonical base64", s))
    }
}

impl fmt::Display for Base64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.alphabet.engine().encode(&self.bytes))
    }
}

serde_via_str!(Base64);
