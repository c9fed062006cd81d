//! A byte cursor for the hand-written scalar grammars (ASCII only, so no slicing can split a
//! UTF-8 character: the cursor never slices the input, it only reads bytes).

pub(crate) struct Scan<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Scan<'a> {
    pub(crate) fn new(s: &'a str) -> Self {
        Self { bytes: s.as_bytes(), pos: 0 }
    }

    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    pub(crate) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Consumes `b` if it is next.
    pub(crate) fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Exactly `n` ASCII digits.
    pub(crate) fn fixed(&mut self, n: usize) -> Option<u32> {
        let mut value = 0u32;
        for _ in 0..n {
            let digit = self.peek().filter(u8::is_ascii_digit)?;
            value = value * 10 + u32::from(digit - b'0');
            self.pos += 1;
        }
        Some(value)
    }

    /// Skips ASCII digits (any number of them); returns how many.
    pub(crate) fn skip_digits(&mut self) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// One or more ASCII digits as a `u64`; `None` if there is none or it overflows.
    pub(crate) fn number(&mut self) -> Option<u64> {
        let start = self.pos;
        let mut value = 0u64;
        while let Some(digit) = self.peek().filter(u8::is_ascii_digit) {
            value = value.checked_mul(10)?.checked_add(u64::from(digit - b'0'))?;
            self.pos += 1;
        }
        (self.pos > start).then_some(value)
    }

    /// After a `.`: 1 to 9 fraction digits as (nanoseconds, digit count).
    pub(crate) fn fraction(&mut self) -> Option<(u32, u8)> {
        let mut nanos = 0u32;
        let mut digits = 0u8;
        while let Some(digit) = self.peek().filter(u8::is_ascii_digit) {
            if digits == 9 {
                return None;
            }
            nanos = nanos * 10 + u32::from(digit - b'0');
            digits += 1;
            self.pos += 1;
        }
        if digits == 0 {
            return None;
        }
        Some((nanos * 10u32.pow(9 - u32::from(digits)), digits))
    }
}

/// Writes `nanos` as `digits` fraction digits (truncating finer precision).
pub(crate) fn write_fraction(f: &mut std::fmt::Formatter<'_>, nanos: u32, digits: u8) -> std::fmt::Result {
    let digits = u32::from(digits.min(9));
    if digits == 0 {
        return Ok(());
    }
    let scaled = nanos / 10u32.pow(9 - digits);
    write!(f, ".{:0width$}", scaled, width = digits as usize)
}

/// The fraction digits used for a value built from a `time`/std value: 7 (Graph's usual
/// precision) when that is exact, else 9.
pub(crate) fn default_fraction_digits(nanos: u32) -> u8 {
    if nanos % 100 == 0 {
        7
    } else {
        9
    }
}
