//! enums: enum names from headings and titles, flags detection, member rows -> members.

use super::text::strip_decoration;

/// Heading suffixes that follow an enum's name (`### status values`).
const NAME_SUFFIXES: &[&str] = &[" values", " enum type", " enumeration", " enum", " members", " member values"];
/// Headings that name no enum by themselves: the page title names it.
const GENERIC_HEADINGS: &[&str] = &["members", "values", "enum values", "enumeration values", "properties"];

/// The enum a member table describes: its heading (`### x values` -> `x`) unless the heading
/// is generic (`## Members`), then the page's type name (`# x enum type`). Non-identifier
/// headings (`Group visibility options`) are kept as written: `lower` decides what they mean.
pub fn enum_name(heading: &str, title_name: Option<&str>) -> String {
    let h = strip_decoration(heading);
    // ASCII lowering keeps byte offsets, so `lower`'s suffix positions are valid in `h`.
    let lower = h.to_ascii_lowercase();
    if GENERIC_HEADINGS.contains(&lower.trim()) {
        if let Some(t) = title_name {
            return t.to_string();
        }
    }
    for suffix in NAME_SUFFIXES {
        if lower.ends_with(suffix) && h.len() > suffix.len() {
            let name = h[..h.len() - suffix.len()].trim();
            let name = strip_decoration(name);
            if !name.is_empty() && !name.contains(char::is_whitespace) {
                return name;
            }
        }
    }
    match title_name {
        Some(t) if h.contains(char::is_whitespace) && GENERIC_HEADINGS.iter().any(|g| lower.contains(g)) => {
            t.to_string()
        }
        _ => h,
    }
}

/// The text calls the enum a flags enum (`Flags representing ...`, `This is a flags enum`).
pub fn says_flags(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| w.eq_ignore_ascii_case("flags"))
}

/// Member values that only make sense as bit flags: every value given, 0 or a distinct power
/// of two, and more than one non-zero value.
pub fn bit_values(values: &[Option<i64>]) -> bool {
    let mut seen = 0i64;
    let mut nonzero = 0;
    for v in values {
        match v {
            Some(0) => {}
            Some(v) if *v > 0 && v.count_ones() == 1 && seen & v == 0 => {
                seen |= v;
                nonzero += 1;
            }
            _ => return false,
        }
    }
    nonzero > 1
}

/// A member Value cell -> its integer (`0`, `0x1`, `` `4` ``); `None` for anything else.
pub fn member_value(cell: &str) -> Option<i64> {
    let v = strip_decoration(cell);
    let v = v.trim();
    if let Some(hex) = v.strip_prefix("0x").or_else(|| v.strip_prefix("0X")) {
        return i64::from_str_radix(hex, 16).ok();
    }
    v.parse::<i64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        let cases = [
            ("connectorStatus values", None, "connectorStatus"),
            ("consentRequestFilterByCurrentUserOptions values ", None, "consentRequestFilterByCurrentUserOptions"),
            ("Members", Some("connectorStatus"), "connectorStatus"),
            ("`riskLevel` values", None, "riskLevel"),
            ("Group visibility options", Some("group"), "Group visibility options"),
            ("status enum", None, "status"),
            ("\u{130}\u{130} values", None, "\u{130}\u{130}"),
        ];
        for (heading, title, want) in cases {
            assert_eq!(enum_name(heading, title), want, "{heading}");
        }
    }

    #[test]
    fn flags_and_values() {
        assert!(says_flags("Flags representing firewall rule interface types."));
        assert!(says_flags("This is a flags enum."));
        assert!(!says_flags("followupFlagStatus values"));
        assert!(!says_flags("The flag status."));
        assert!(bit_values(&[Some(0), Some(1), Some(2), Some(4)]));
        assert!(!bit_values(&[Some(0), Some(1), Some(2), Some(3)]));
        assert!(!bit_values(&[Some(1), None]));
        assert!(!bit_values(&[Some(0), Some(1)]));
        let cases =
            [("0", Some(0)), ("`4`", Some(4)), ("0x10", Some(16)), ("-1", Some(-1)), ("none", None), ("", None)];
        for (cell, want) in cases {
            assert_eq!(member_value(cell), want, "{cell}");
        }
    }
}
