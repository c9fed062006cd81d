//! scalars: whether an example's string is in the text form graph-models' scalar wrappers read
//! (`graph-models/src/runtime/scalars/`), so that "checked and passed" here means the value
//! also decodes there. Shapes only, mirroring the runtime's grammar: `DateTimeOffset`
//! `YYYY-MM-DDTHH:MM[:SS[.f{1,9}]][Z|±HH:MM]`, `Date` `YYYY-MM-DD`, `TimeOfDay`
//! `HH:MM[:SS[.f{1,9}]]`, `Guid` as the uuid crate reads it (hyphenated, simple, braced, urn),
//! `Binary` as canonical base64 (standard or URL-safe alphabet, padded or not, no stray bits).
//! Calendar validity (Feb 30) and `Duration` are left to the runtime.

use crate::facts::Primitive;

/// `true` when `s` has the shape primitive `p` is read from (always for the other primitives).
pub fn text_fits(s: &str, p: Primitive) -> bool {
    match p {
        Primitive::DateTimeOffset => date_time(s),
        Primitive::Date => date(s.as_bytes()).is_some_and(|rest| rest.is_empty()),
        Primitive::TimeOfDay => time(s.as_bytes()).is_some_and(|rest| rest.is_empty()),
        Primitive::Guid => guid(s),
        Primitive::Binary | Primitive::Stream => base64(s),
        _ => true,
    }
}

/// `n` ASCII digits with value at most `max`; the rest of the input.
fn digits(b: &[u8], n: usize, max: u32) -> Option<&[u8]> {
    let (head, rest) = (b.get(..n)?, b.get(n..)?);
    if !head.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let v = head.iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
    (v <= max).then_some(rest)
}

fn lit(b: &[u8], c: u8) -> Option<&[u8]> {
    b.strip_prefix(&[c])
}

fn date(b: &[u8]) -> Option<&[u8]> {
    let b = lit(digits(b, 4, 9999)?, b'-')?;
    let b = lit(digits(b, 2, 12)?, b'-')?;
    digits(b, 2, 31)
}

fn time(b: &[u8]) -> Option<&[u8]> {
    let b = lit(digits(b, 2, 23)?, b':')?;
    let b = digits(b, 2, 59)?;
    let Some(b) = lit(b, b':') else { return Some(b) };
    let b = digits(b, 2, 59)?;
    let Some(b) = lit(b, b'.') else { return Some(b) };
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=9).contains(&n).then(|| b.get(n..)).flatten()
}

fn date_time(s: &str) -> bool {
    let Some(b) = date(s.as_bytes()).and_then(|b| lit(b, b'T')).and_then(time) else { return false };
    match b {
        [] | [b'Z'] => true,
        [b'+' | b'-', rest @ ..] => {
            digits(rest, 2, 23).and_then(|r| lit(r, b':')).and_then(|r| digits(r, 2, 59)).is_some_and(<[u8]>::is_empty)
        }
        _ => false,
    }
}

fn guid(s: &str) -> bool {
    let s = s.strip_prefix("urn:uuid:").unwrap_or(s);
    let s = s.strip_prefix('{').and_then(|x| x.strip_suffix('}')).unwrap_or(s);
    let hex = |p: &str, n: usize| p.len() == n && p.bytes().all(|c| c.is_ascii_hexdigit());
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [one] => hex(one, 32),
        [a, b, c, d, e] => hex(a, 8) && hex(b, 4) && hex(c, 4) && hex(d, 4) && hex(e, 12),
        _ => false,
    }
}

/// Canonical base64 as the `base64` crate's general-purpose engines decode it.
fn base64(s: &str) -> bool {
    [b"+/", b"-_"].iter().any(|extra| {
        let value = |c: u8| -> Option<u8> {
            match c {
                b'A'..=b'Z' => Some(c - b'A'),
                b'a'..=b'z' => Some(c - b'a' + 26),
                b'0'..=b'9' => Some(c - b'0' + 52),
                _ if c == extra[0] => Some(62),
                _ if c == extra[1] => Some(63),
                _ => None,
            }
        };
        let body = s.trim_end_matches('=');
        let pad = s.len() - body.len();
        let rem = body.len() % 4;
        let lengths_ok = match pad {
            0 => rem != 1,
            1 => s.len() % 4 == 0 && rem == 3,
            2 => s.len() % 4 == 0 && rem == 2,
            _ => false,
        };
        let Some(values) = body.bytes().map(value).collect::<Option<Vec<u8>>>() else { return false };
        // The bits past the last whole byte must be zero.
        let stray = match (rem, values.last()) {
            (2, Some(v)) => v & 0x0F,
            (3, Some(v)) => v & 0x03,
            _ => 0,
        };
        lengths_ok && stray == 0
    })
}

/// Whether a GUID has upper-case hex digits: graph-models writes GUIDs lower-case (a
/// documented runtime limit), so such a value decodes but does not re-encode to the same text.
pub fn guid_not_lower_case(s: &str) -> bool {
    guid(s) && s.bytes().any(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Primitive::*;

    #[test]
    fn shapes() {
        let cases: &[(&str, Primitive, bool)] = &[
            ("2017-01-01T00:00:12.2826741+03:00", DateTimeOffset, true),
            ("2021-03-04T05:06:07Z", DateTimeOffset, true),
            ("2021-03-04T05:06", DateTimeOffset, true),
            ("2021-03-04T05:06:07.1234567890Z", DateTimeOffset, false),
            ("2021-03-04 05:06:07Z", DateTimeOffset, false),
            ("String (timestamp)", DateTimeOffset, false),
            ("datetime-value", DateTimeOffset, false),
            ("2021-03-04", Date, true),
            ("2021-13-04", Date, false),
            ("2021-03-04T00:00:00Z", Date, false),
            ("08:30:00.0000000", TimeOfDay, true),
            ("8:30", TimeOfDay, false),
            ("7aa5aca1-aca1-7aa5-a1ac-a57aa1aca57a", Guid, true),
            ("{7aa5aca1-aca1-7aa5-a1ac-a57aa1aca57a}", Guid, true),
            ("7aa5aca1aca17aa5a1aca57aa1aca57a", Guid, true),
            ("Guid", Guid, false),
            ("anything", String, true),
            ("bWFjIGFuZCBjaGVlc2UgdG9kYXk=", Binary, true),
            ("bWFjIGFuZCBjaGVlc2UgdG9kYXk", Binary, true),
            ("_-8", Binary, true),
            ("", Binary, true),
            ("base64bWFjIGFuZCBjaGVlc2UgdG9kYXk=", Binary, false),
            ("contentBytes-value", Binary, false),
            ("Adfsdfsdfsdfw==", Binary, false),
            ("QQ==", Binary, true),
            ("QR==", Binary, false),
        ];
        for (s, p, want) in cases {
            assert_eq!(text_fits(s, *p), *want, "{s:?} as {p:?}");
        }
    }
}
