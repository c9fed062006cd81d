//! `DateTimeOffset`, `Date` and `TimeOfDay`: `time` values plus the memory of how the text was
//! written (fraction digits, seconds present, `Z` / numeric / missing offset), so that parsing
//! then formatting gives the input back.

use std::fmt;
use std::str::FromStr;

use time::{Month, OffsetDateTime, Time, UtcOffset};

use super::scan::{default_fraction_digits, write_fraction, Scan};
use super::{serde_via_str, ScalarError};

/// How the time part was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct TimeForm {
    /// `HH:MM:SS` rather than `HH:MM`.
    seconds: bool,
    /// Number of fraction digits after the seconds (0 = no fraction).
    fraction_digits: u8,
}

impl TimeForm {
    fn for_nanos(nanos: u32) -> Self {
        Self { seconds: true, fraction_digits: default_fraction_digits(nanos) }
    }
}

/// How the offset was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum OffsetForm {
    /// `Z`
    Zulu,
    /// `+03:00`, `-05:30`, `+00:00`
    Numeric,
    /// `-00:00`, which `UtcOffset` cannot tell from `+00:00`.
    NegativeZero,
    /// No offset, as Graph sometimes sends; read as UTC.
    Missing,
}

fn parse_time(scan: &mut Scan<'_>) -> Option<(Time, TimeForm)> {
    let hour = scan.fixed(2)?;
    if !scan.eat(b':') {
        return None;
    }
    let minute = scan.fixed(2)?;
    let mut form = TimeForm { seconds: false, fraction_digits: 0 };
    let mut second = 0;
    let mut nanos = 0;
    if scan.eat(b':') {
        second = scan.fixed(2)?;
        form.seconds = true;
        if scan.eat(b'.') {
            let (n, digits) = scan.fraction()?;
            nanos = n;
            form.fraction_digits = digits;
        }
    }
    let time =
        Time::from_hms_nano(u8::try_from(hour).ok()?, u8::try_from(minute).ok()?, u8::try_from(second).ok()?, nanos)
            .ok()?;
    Some((time, form))
}

fn write_time(f: &mut fmt::Formatter<'_>, time: Time, form: TimeForm) -> fmt::Result {
    write!(f, "{:02}:{:02}", time.hour(), time.minute())?;
    if form.seconds || time.second() != 0 || time.nanosecond() != 0 {
        write!(f, ":{:02}", time.second())?;
        write_fraction(f, time.nanosecond(), form.fraction_digits)?;
    }
    Ok(())
}

fn parse_date(scan: &mut Scan<'_>) -> Option<time::Date> {
    let year = scan.fixed(4)?;
    if !scan.eat(b'-') {
        return None;
    }
    let month = scan.fixed(2)?;
    if !scan.eat(b'-') {
        return None;
    }
    let day = scan.fixed(2)?;
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    time::Date::from_calendar_date(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?).ok()
}

fn write_date(f: &mut fmt::Formatter<'_>, date: time::Date) -> fmt::Result {
    let year = date.year();
    if year < 0 {
        write!(f, "-{:04}", year.unsigned_abs())?;
    } else {
        write!(f, "{year:04}")?;
    }
    write!(f, "-{:02}-{:02}", u8::from(date.month()), date.day())
}

/// Graph's `DateTimeOffset`: `2021-03-04T05:06:07.1234567Z`, `…+03:00`, `…` without offset
/// (read as UTC and written back without one), `HH:MM` or `HH:MM:SS`, 1 to 9 fraction digits.
/// Values built from an `OffsetDateTime` are written with 7 fraction digits (9 if finer) and
/// `Z` for UTC. Equality compares the instant, the offset and the written form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateTimeOffset {
    value: OffsetDateTime,
    time_form: TimeForm,
    offset_form: OffsetForm,
}

impl DateTimeOffset {
    pub fn new(value: OffsetDateTime) -> Self {
        let offset_form = if value.offset().is_utc() { OffsetForm::Zulu } else { OffsetForm::Numeric };
        Self { value, time_form: TimeForm::for_nanos(value.nanosecond()), offset_form }
    }

    /// The value (UTC if the text had no offset).
    pub fn get(&self) -> OffsetDateTime {
        self.value
    }

    /// Whether the text had no offset (the value was then read as UTC).
    pub fn offset_missing(&self) -> bool {
        self.offset_form == OffsetForm::Missing
    }

    fn parse_text(s: &str) -> Option<Self> {
        let mut scan = Scan::new(s);
        let date = parse_date(&mut scan)?;
        if !scan.eat(b'T') {
            return None;
        }
        let (time, time_form) = parse_time(&mut scan)?;
        let (offset, offset_form) = match scan.peek() {
            None => (UtcOffset::UTC, OffsetForm::Missing),
            Some(b'Z') => {
                scan.eat(b'Z');
                (UtcOffset::UTC, OffsetForm::Zulu)
            }
            Some(sign @ (b'+' | b'-')) => {
                scan.eat(sign);
                // RFC 3339 offsets: hours 00-23, minutes 00-59.
                let hours = i8::try_from(scan.fixed(2).filter(|h| *h < 24)?).ok()?;
                if !scan.eat(b':') {
                    return None;
                }
                let minutes = i8::try_from(scan.fixed(2).filter(|m| *m < 60)?).ok()?;
                let (hours, minutes) = if sign == b'-' { (-hours, -minutes) } else { (hours, minutes) };
                let form = if sign == b'-' && hours == 0 && minutes == 0 {
                    OffsetForm::NegativeZero
                } else {
                    OffsetForm::Numeric
                };
                (UtcOffset::from_hms(hours, minutes, 0).ok()?, form)
            }
            Some(_) => return None,
        };
        if !scan.at_end() {
            return None;
        }
        let value = date.with_time(time).assume_offset(offset);
        Some(Self { value, time_form, offset_form })
    }
}

impl From<OffsetDateTime> for DateTimeOffset {
    fn from(value: OffsetDateTime) -> Self {
        Self::new(value)
    }
}

impl From<DateTimeOffset> for OffsetDateTime {
    fn from(value: DateTimeOffset) -> Self {
        value.value
    }
}

impl From<DateTimeOffset> for std::time::SystemTime {
    fn from(value: DateTimeOffset) -> Self {
        value.value.into()
    }
}

impl FromStr for DateTimeOffset {
    type Err = ScalarError;
    fn from_str(s: &str) -> Result<Self, ScalarError> {
        Self::parse_text(s)
            .ok_or_else(|| ScalarError::new("DateTimeOffset", "expected YYYY-MM-DDTHH:MM[:SS[.fffffff]][Z|+HH:MM]", s))
    }
}

impl fmt::Display for DateTimeOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_date(f, self.value.date())?;
        f.write_str("T")?;
        write_time(f, self.value.time(), self.time_form)?;
        match self.offset_form {
            OffsetForm::Missing => Ok(()),
            OffsetForm::Zulu if self.value.offset().is_utc() => f.write_str("Z"),
            OffsetForm::NegativeZero if self.value.offset().is_utc() => f.write_str("-00:00"),
            OffsetForm::Zulu | OffsetForm::NegativeZero | OffsetForm::Numeric => {
                let (hours, minutes, _) = self.value.offset().as_hms();
                let sign = if hours < 0 || minutes < 0 { '-' } else { '+' };
                write!(f, "{sign}{:02}:{:02}", hours.unsigned_abs(), minutes.unsigned_abs())
            }
        }
    }
}

serde_via_str!(DateTimeOffset);

/// Graph's `Date`: `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(pub time::Date);

impl Date {
    pub fn get(&self) -> time::Date {
        self.0
    }
}

impl From<time::Date> for Date {
    fn from(value: time::Date) -> Self {
        Self(value)
    }
}

impl From<Date> for time::Date {
    fn from(value: Date) -> Self {
        value.0
    }
}

impl FromStr for Date {
    type Err = ScalarError;
    fn from_str(s: &str) -> Result<Self, ScalarError> {
        let mut scan = Scan::new(s);
        match parse_date(&mut scan) {
            Some(date) if scan.at_end() => Ok(Self(date)),
            _ => Err(ScalarError::new("Date", "expected YYYY-MM-DD", s)),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_date(f, self.0)
    }
}

serde_via_str!(Date);

/// Graph's `TimeOfDay`: `HH:MM:SS`, `HH:MM:SS.fffffff` (1 to 9 digits) or `HH:MM`.
/// Values built from a `time::Time` are written with 7 fraction digits (9 if finer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimeOfDay {
    value: Time,
    form: TimeForm,
}

impl TimeOfDay {
    pub fn new(value: Time) -> Self {
        Self { value, form: TimeForm::for_nanos(value.nanosecond()) }
    }

    pub fn get(&self) -> Time {
        self.value
    }
}

impl From<Time> for TimeOfDay {
    fn from(value: Time) -> Self {
        Self::new(value)
    }
}

impl From<TimeOfDay> for Time {
    fn from(value: TimeOfDay) -> Self {
        value.value
    }
}

impl FromStr for TimeOfDay {
    type Err = ScalarError;
    fn from_str(s: &str) -> Result<Self, ScalarError> {
        let mut scan = Scan::new(s);
        match parse_time(&mut scan) {
            Some((value, form)) if scan.at_end() => Ok(Self { value, form }),
            _ => Err(ScalarError::new("TimeOfDay", "expected HH:MM[:SS[.fffffff]]", s)),
        }
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_time(f, self.value, self.form)
    }
}

serde_via_str!(TimeOfDay);
