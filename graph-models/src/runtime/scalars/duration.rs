//! Graph's `Duration`: ISO 8601 durations as Graph writes them (`P365D`, `-PT15M`, `P1W`,
//! `PT1H30M`, `P1DT2H`, `PT0.5S`; years and months accepted too).

use std::fmt;
use std::str::FromStr;

use super::scan::{default_fraction_digits, Scan};
use super::{serde_via_str, ScalarError};

/// An ISO 8601 duration. The text is kept as received (so leading zeros or `P0D` vs `PT0S`
/// survive), next to its parsed components. Fractions are allowed on seconds only (up to 9
/// digits), as in XML Schema / OData. Equality compares the text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Duration {
    text: Box<str>,
    parts: Parts,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
struct Parts {
    negative: bool,
    years: u64,
    months: u64,
    weeks: u64,
    days: u64,
    hours: u64,
    minutes: u64,
    seconds: u64,
    nanos: u32,
}

const SECONDS_PER_MINUTE: u64 = 60;
const SECONDS_PER_HOUR: u64 = 3600;
const SECONDS_PER_DAY: u64 = 86_400;
const SECONDS_PER_WEEK: u64 = 7 * SECONDS_PER_DAY;

impl Duration {
    /// Builds `P{d}DT{h}H{m}M{s}S` (only the non-zero parts; `PT0S` for zero) from a
    /// `std::time::Duration`.
    pub fn from_std(value: std::time::Duration) -> Self {
        Self::from_parts(false, value.as_secs(), value.subsec_nanos())
    }

    /// Like [`Duration::from_std`]; a negative value gets a leading `-`.
    pub fn from_time(value: time::Duration) -> Self {
        let negative = value.is_negative();
        let abs = value.unsigned_abs();
        Self::from_parts(negative, abs.as_secs(), abs.subsec_nanos())
    }

    fn from_parts(negative: bool, total_seconds: u64, nanos: u32) -> Self {
        let parts = Parts {
            negative,
            days: total_seconds / SECONDS_PER_DAY,
            hours: total_seconds % SECONDS_PER_DAY / SECONDS_PER_HOUR,
            minutes: total_seconds % SECONDS_PER_HOUR / SECONDS_PER_MINUTE,
            seconds: total_seconds % SECONDS_PER_MINUTE,
            nanos,
            ..Parts::default()
        };
        Self { text: canonical_text(&parts).into_boxed_str(), parts }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
    pub fn is_negative(&self) -> bool {
        self.parts.negative
    }
    pub fn years(&self) -> u64 {
        self.parts.years
    }
    pub fn months(&self) -> u64 {
        self.parts.months
    }
    pub fn weeks(&self) -> u64 {
        self.parts.weeks
    }
    pub fn days(&self) -> u64 {
        self.parts.days
    }
    pub fn hours(&self) -> u64 {
        self.parts.hours
    }
    pub fn minutes(&self) -> u64 {
        self.parts.minutes
    }
    pub fn seconds(&self) -> u64 {
        self.parts.seconds
    }
    pub fn subsec_nanos(&self) -> u32 {
        self.parts.nanos
    }

    /// The length as whole seconds and nanoseconds, ignoring the sign; `None` when the duration
    /// has years or months (their length depends on the calendar) or overflows.
    fn magnitude(&self) -> Option<std::time::Duration> {
        let p = &self.parts;
        if p.years != 0 || p.months != 0 {
            return None;
        }
        let seconds = p
            .weeks
            .checked_mul(SECONDS_PER_WEEK)?
            .checked_add(p.days.checked_mul(SECONDS_PER_DAY)?)?
            .checked_add(p.hours.checked_mul(SECONDS_PER_HOUR)?)?
            .checked_add(p.minutes.checked_mul(SECONDS_PER_MINUTE)?)?
            .checked_add(p.seconds)?;
        Some(std::time::Duration::new(seconds, p.nanos))
    }

    /// As a `std::time::Duration`; `None` if it has years or months, is negative (and not zero)
    /// or overflows.
    pub fn to_std(&self) -> Option<std::time::Duration> {
        let magnitude = self.magnitude()?;
        (!self.parts.negative || magnitude.is_zero()).then_some(magnitude)
    }

    /// As a `time::Duration`; `None` if it has years or months or overflows.
    pub fn to_time(&self) -> Option<time::Duration> {
        let magnitude = time::Duration::try_from(self.magnitude()?).ok()?;
        Some(if self.parts.negative { -magnitude } else { magnitude })
    }

    fn parse_parts(s: &str) -> Option<Parts> {
        let mut scan = Scan::new(s);
        let mut parts = Parts { negative: scan.eat(b'-'), ..Parts::default() };
        if !scan.eat(b'P') {
            return None;
        }
        let mut any = false;
        // Designators, each at most once and in this order.
        let mut next_unit = 0;
        while scan.peek().is_some_and(|b| b.is_ascii_digit()) {
            let value = scan.number()?;
            let designator = scan.peek()?;
            let index = b"YMWD".get(next_unit..)?.iter().position(|d| *d == designator)? + next_unit;
            let slot = match index {
                0 => &mut parts.years,
                1 => &mut parts.months,
                2 => &mut parts.weeks,
                _ => &mut parts.days,
            };
            *slot = value;
            next_unit = index + 1;
            scan.eat(designator);
            any = true;
        }
        if scan.eat(b'T') {
            let mut time_any = false;
            let mut next_unit = 0;
            while scan.peek().is_some_and(|b| b.is_ascii_digit()) {
                let value = scan.number()?;
                let fraction = if scan.eat(b'.') { Some(scan.fraction()?) } else { None };
                let designator = scan.peek()?;
                let index = b"HMS".get(next_unit..)?.iter().position(|d| *d == designator)? + next_unit;
                match (index, fraction) {
                    (0, None) => parts.hours = value,
                    (1, None) => parts.minutes = value,
                    (2, fraction) => {
                        parts.seconds = value;
                        parts.nanos = fraction.map_or(0, |(nanos, _)| nanos);
                    }
                    _ => return None,
                }
                next_unit = index + 1;
                scan.eat(designator);
                time_any = true;
            }
            if !time_any {
                return None;
            }
            any = true;
        }
        (any && scan.at_end()).then_some(parts)
    }
}

/// The text written for a duration built from a `time`/std value.
fn canonical_text(p: &Parts) -> String {
    use std::fmt::Write as _;
    let mut text = String::from(if p.negative { "-P" } else { "P" });
    if p.days != 0 {
        let _ = write!(text, "{}D", p.days);
    }
    if p.hours != 0 || p.minutes != 0 || p.seconds != 0 || p.nanos != 0 || p.days == 0 {
        text.push('T');
        if p.hours != 0 {
            let _ = write!(text, "{}H", p.hours);
        }
        if p.minutes != 0 {
            let _ = write!(text, "{}M", p.minutes);
        }
        if p.seconds != 0 || p.nanos != 0 || (p.hours == 0 && p.minutes == 0) {
            let _ = write!(text, "{}", p.seconds);
            if p.nanos != 0 {
                let digits = u32::from(default_fraction_digits(p.nanos));
                let scaled = p.nanos / 10u32.pow(9 - digits);
                let fraction = format!("{:0width$}", scaled, width = digits as usize);
                let _ = write!(text, ".{}", fraction.trim_end_matches('0'));
            }
            text.push('S');
        }
    }
    text
}

impl FromStr for Duration {
    type Err = ScalarError;
    fn from_str(s: &str) -> Result<Self, ScalarError> {
        match Self::parse_parts(s) {
            Some(parts) => Ok(Self { text: s.into(), parts }),
            None => Err(ScalarError::new("Duration", "expected an ISO 8601 duration such as P1DT2H30M or -PT15M", s)),
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<std::time::Duration> for Duration {
    fn from(value: std::time::Duration) -> Self {
        Self::from_std(value)
    }
}

impl From<time::Duration> for Duration {
    fn from(value: time::Duration) -> Self {
        Self::from_time(value)
    }
}

serde_via_str!(Duration);
