//! possible_values: inline enum lists in Description cells ("Possible values are: `a`, `b`."
//! and the ~50 other wordings of catalog §4), ranges ("Valid values 4 to 16") excluded.

use super::text::{find_ci, finders, trim_wrapped, Finders};
use std::sync::LazyLock;

/// The core of every lead phrase; articles before them ("The possible values are") need no
/// entry, and the verbs after them are [`FILLERS`].
const LEADS: &[&str] = &[
    "possible values",
    "possible value",
    "valid values",
    "valid value",
    "supported values",
    "supported value",
    "allowed values",
    "allowed value",
    "accepted values",
    "accepted value",
    "one of the following values",
    "one of the following",
];

/// Every lead holds one of these words.
const GATES: &[&str] = &["value", "following"];

static LEAD_FINDERS: Finders = LazyLock::new(|| finders(LEADS));
static GATE_FINDERS: Finders = LazyLock::new(|| finders(GATES));

/// Words between a lead and the list. Reaching the list through one of them (or through
/// a quoted value) is what distinguishes a list from prose ("Possible values for X ...").
const FILLERS: &[&str] =
    &["for this property are", "for this field are", "include", "are", "is", "can be", ":", "-", "\u{2013}"];

/// Values of the first value list in `description`, in order; empty when there is none.
pub fn possible_values(description: &str) -> Vec<String> {
    // Leads are lower-case ASCII: searching an ASCII-lower-cased copy (same byte offsets) is a
    // case-insensitive search, done once per description instead of once per lead and try.
    let lower = description.to_ascii_lowercase();
    // Every lead holds one of the gate words; most descriptions hold neither.
    if !GATE_FINDERS.iter().any(|f| f.find(lower.as_bytes()).is_some()) {
        return Vec::new();
    }
    let mut from = 0;
    while let Some((start, len)) = next_lead(&lower, from) {
        let after = start + len;
        if let Some(values) = list_after(&description[after..]) {
            return values;
        }
        from = after;
    }
    Vec::new()
}

/// Earliest lead at or after `from` in the lower-cased description (the longest one at that
/// position).
fn next_lead(lower: &str, from: usize) -> Option<(usize, usize)> {
    // One searcher per lead, built once: `str::find` set up a new one for every lead of every
    // description that mentions a value (a third of this pass's time).
    let hay = lower.get(from..)?.as_bytes();
    LEAD_FINDERS
        .iter()
        .filter_map(|finder| finder.find(hay).map(|i| (from + i, finder.needle().len())))
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
}

fn list_after(s: &str) -> Option<Vec<String>> {
    let mut rest = s;
    let mut introduced = false;
    let mut named_subject = false;
    loop {
        let t = rest.trim_start();
        // `The supported values for {period_value} are:` / `for **dataType** are:`: skip the
        // subject once; the verb after it still has to introduce the list.
        if !named_subject && !introduced && t.len() > 4 && t.is_char_boundary(4) && t[..4].eq_ignore_ascii_case("for ")
        {
            let subject = t[4..].trim_start();
            let end = subject.find(char::is_whitespace).unwrap_or(subject.len());
            rest = &subject[end..];
            named_subject = true;
            continue;
        }
        let next = FILLERS.iter().find(|f| {
            t.len() >= f.len()
                && t.is_char_boundary(f.len())
                && t[..f.len()].eq_ignore_ascii_case(f)
                && !t[f.len()..].chars().next().is_some_and(char::is_alphanumeric)
        });
        match next {
            Some(f) => {
                rest = &t[f.len()..];
                introduced = true;
            }
            None => {
                rest = t;
                break;
            }
        }
    }
    if is_range(rest) {
        return None;
    }
    let lower = rest.to_ascii_lowercase();
    if lower.starts_with("<ul") || lower.starts_with("<li") || lower.starts_with("<br") && lower.contains("<li") {
        return Some(list_items(rest)).filter(|v| !v.is_empty());
    }
    let quoted_first = rest.starts_with(['`', '"', '\u{201C}', '*']);
    if !introduced && !quoted_first {
        return None;
    }
    inline_list(rest).filter(|v| !v.is_empty())
}

/// `4 to 16`, `11-1800`, `between 1 and 5`, `1 through 3`.
fn is_range(s: &str) -> bool {
    let lower = s.trim_start_matches(['`', '*']).to_ascii_lowercase();
    if lower.starts_with("between") || lower.starts_with("from ") {
        return true;
    }
    let digits = lower.trim_start_matches('-').chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return false;
    }
    let after = lower.trim_start_matches('-')[digits..].trim_start_matches(['`', '*']).trim_start();
    let dash_digit =
        after.strip_prefix(['-', '\u{2013}']).is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    after.starts_with("to ") || after.starts_with("through ") || after.starts_with("and ") || dash_digit
}

/// One value per `<li>`: the leading backticked/bold/quoted token or word.
fn list_items(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = find_ci(rest, "<li>") {
        rest = &rest[i + 4..];
        let item = rest.trim_start();
        if let Some((v, _)) = quoted_token(item).or_else(|| bare_token(item)) {
            out.push(v);
        }
    }
    out
}

/// Parses `a`, `b`, and/or `c`. Bare lists (`none, low, high.`) are accepted only when they
/// end cleanly (sentence end, line break, end of cell), so prose after a lead is not mistaken
/// for values.
fn inline_list(s: &str) -> Option<Vec<String>> {
    let mut values = Vec::new();
    let mut rest = s;
    let mut bare = false;
    let mut clean_end = false;
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        rest = skip_leading_code(rest);
        let token = quoted_token(rest).or_else(|| {
            if values.is_empty() || bare {
                bare_token(rest).inspect(|_| bare = true)
            } else {
                None
            }
        });
        let Some((value, used)) = token else { break };
        values.push(value);
        rest = rest[used..].trim_start_matches([' ', '\t']);
        rest = skip_numeric_code(rest);
        // Separator or end.
        if rest.is_empty()
            || rest.starts_with('\n')
            || rest.starts_with(". ")
            || rest == "."
            || rest.starts_with(".\n")
            || rest.starts_with(".<")
            || rest.starts_with('<')
        {
            clean_end = true;
            break;
        }
        let mut sep = false;
        if let Some(r) = rest.strip_prefix(',') {
            rest = r.trim_start();
            sep = true;
        }
        for word in ["and/or", "and", "or"] {
            if rest.len() > word.len()
                && rest.is_char_boundary(word.len())
                && rest[..word.len()].eq_ignore_ascii_case(word)
                && rest[word.len()..].starts_with(' ')
            {
                rest = &rest[word.len() + 1..];
                sep = true;
                break;
            }
        }
        if !sep {
            // Trailing `;`/`)` or prose: the list is over.
            clean_end = rest.starts_with([';', ')']);
            break;
        }
    }
    if bare && !clean_end {
        return None;
    }
    Some(values)
}

/// `` `x` ``, `**x**`, `"x"`, `“x”` at the start of `s` -> (value, bytes used).
fn quoted_token(s: &str) -> Option<(String, usize)> {
    for (open, close) in [
        ("**", "**"),
        ("``", "``"),
        ("`", "`"),
        ("\"", "\""),
        ("\u{201C}", "\u{201D}"),
        ("'", "'"),
        ("*", "*"),
        ("_", "_"),
    ] {
        if let Some(body) = s.strip_prefix(open) {
            let end = body.find(close)?;
            let value = trim_wrapped(&body[..end], b"`");
            if value.is_empty() || value.len() > 100 {
                return None;
            }
            return Some((value.to_string(), open.len() + end + close.len()));
        }
    }
    None
}

/// A bare word value: letters, digits, `_`, `-`, `.` inside (not at the end).
fn bare_token(s: &str) -> Option<(String, usize)> {
    let len: usize = s
        .char_indices()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        .map(|(_, c)| c.len_utf8())
        .sum();
    let word = s[..len].trim_end_matches(['.', '-']);
    if word.is_empty() || matches!(word.to_ascii_lowercase().as_str(), "and" | "or" | "the" | "a" | "an") {
        return None;
    }
    Some((word.to_string(), word.len()))
}

/// `0 - ` before a quoted value (`0 - `Not Ready`, 1 - `Ready``): the value's numeric code.
fn skip_leading_code(s: &str) -> &str {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let after = s[digits..].trim_start();
        if let Some(r) = after.strip_prefix(['-', '=', ':']) {
            let r = r.trim_start();
            if r.starts_with(['`', '"']) || r.starts_with("**") {
                return r;
            }
        }
    }
    s
}

/// `(0)`, `= 0`, `- 0` after a value: its numeric code, not a value of its own.
fn skip_numeric_code(s: &str) -> &str {
    if let Some(body) = s.strip_prefix('(') {
        if let Some(end) = body.find(')') {
            if body[..end].trim().chars().all(|c| c.is_ascii_digit() || c == '-' || c == 'x' || c.is_ascii_hexdigit()) {
                return body[end + 1..].trim_start_matches([' ', '\t']);
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wordings() {
        let cases: &[(&str, &[&str])] = &[
            ("Possible values are: `applicationProxy`.", &["applicationProxy"]),
            ("**TODO: Add Description**. Possible values are: `active`, `inactive`.", &["active", "inactive"]),
            (". Possible values are: `none`, `private`, `secret`, `public`.", &["none", "private", "secret", "public"]),
            ("The possible values are: `a`, `b`, and `c`.", &["a", "b", "c"]),
            ("Valid values are `a` and/or `b`", &["a", "b"]),
            ("Supported values are: **low**, **high**.", &["low", "high"]),
            ("Possible values: \"x\", \"y\".", &["x", "y"]),
            ("Possible values are: none, low, medium, high.", &["none", "low", "medium", "high"]),
            (
                "Possible values are: `none` (0), `low` (1), `unknownFutureValue` (2).",
                &["none", "low", "unknownFutureValue"],
            ),
            ("Can be one of the following values: `a`, `b`.", &["a", "b"]),
            (
                "Supported values are:<ul><li>`AzureADMyOrg`: users</li><li>`PersonalMicrosoftAccount`: x</li></ul>",
                &["AzureADMyOrg", "PersonalMicrosoftAccount"],
            ),
            ("Allowed values: `x`<br>Default is x", &["x"]),
            ("The status. Possible values are `a`, `b`. Default value is `a`.", &["a", "b"]),
            ("Possible values `a`, `b`", &["a", "b"]),
            (
                "The supported values for {period_value} are: D7, D30, D90, and D180. These values",
                &["D7", "D30", "D90", "D180"],
            ),
            (
                "The supported values for **dataType** are: `string` , `boolean` , `int64`.",
                &["string", "boolean", "int64"],
            ),
            (
                "Possible values are: 0 - `Not Ready`, 1 - `Ready`, 2 - `Processing`. Inherited",
                &["Not Ready", "Ready", "Processing"],
            ),
            ("Valid values: ``None``, ``UserRead``, and ``AdminRead``.", &["None", "UserRead", "AdminRead"]),
            ("Current possible values: *UserPrincipalName* or *ProxyAddress*", &["UserPrincipalName", "ProxyAddress"]),
        ];
        for (input, want) in cases {
            assert_eq!(possible_values(input), *want, "{input}");
        }
    }

    #[test]
    fn not_lists() {
        for input in [
            "Valid values 4 to 16",
            "Valid values 1 to 365",
            "Supported values are 11-1800.",
            "Possible values for LocalSecurityOptions is described elsewhere.",
            "Possible values are the names of the things you own.",
            "The name of the group.",
            "",
            "Possible values are:",
            "Valid values are described in the following table.",
            "The possible values are: TableStyleLight1 thru TableStyleLight21, TableStyleMedium1 thru TableStyleMedium28.",
        ] {
            assert!(possible_values(input).is_empty(), "{input}");
        }
    }
}
