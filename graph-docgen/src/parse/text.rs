//! text: small inline-text helpers shared by the table, type-cell and prose readers
//! (HTML entities, `<br>` variants, markdown decoration, links).

use memchr::memmem::Finder;
use std::sync::LazyLock;

/// Substring searchers for a fixed list of phrases, built on first use. `str::find` and
/// `memmem::find` set a searcher up on every call, which showed in the passes that search each
/// of the corpus's ~51,000 property descriptions for a dozen phrases.
pub type Finders = LazyLock<Vec<Finder<'static>>>;

/// The searchers of [`Finders`] (`static F: Finders = LazyLock::new(|| finders(PHRASES))`).
pub fn finders(phrases: &[&'static str]) -> Vec<Finder<'static>> {
    phrases.iter().map(|p| Finder::new(p.as_bytes())).collect()
}

/// Named HTML entities met in the docs corpus (§9 of the catalog). Numeric entities
/// (`&#124;`, `&#x2713;`) are decoded generically; an unknown name is left as written so
/// nothing is lost. A crate (html-escape) would cover all 2,000+ names, but the corpus uses
/// only these and the table keeps the generator's dependency set small.
const NAMED_ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    // Non-breaking space: treated as an ordinary space everywhere downstream.
    ("nbsp", " "),
    ("ndash", "\u{2013}"),
    ("mdash", "\u{2014}"),
    ("hellip", "\u{2026}"),
    ("lsquo", "\u{2018}"),
    ("rsquo", "\u{2019}"),
    ("ldquo", "\u{201C}"),
    ("rdquo", "\u{201D}"),
    ("copy", "\u{A9}"),
    ("reg", "\u{AE}"),
    ("trade", "\u{2122}"),
    ("times", "\u{D7}"),
    ("check", "\u{2713}"),
    ("bull", "\u{2022}"),
    ("middot", "\u{B7}"),
    ("deg", "\u{B0}"),
];

/// Decodes HTML entities (`&lt;`, `&#124;`, `&#x2713;`). `&#65279;` (a BOM written as an
/// entity) decodes to nothing useful, so it is dropped like the BOM itself.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        // An entity is at most a few dozen characters up to `;`.
        let semi = after.char_indices().take(32).find(|&(_, c)| c == ';').map(|(i, _)| i);
        let decoded = semi.and_then(|semi| decode_one(&after[..semi]).map(|d| (d, semi)));
        match decoded {
            Some((d, semi)) => {
                if d != '\u{FEFF}' {
                    out.push(d);
                }
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_one(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return char::from_u32(code);
    }
    NAMED_ENTITIES.iter().find(|(n, _)| *n == name).and_then(|(_, v)| v.chars().next())
}

/// Replaces every `<br>` spelling (`<br>`, `<br/>`, `<br />`, `</br>`, any case) by `\n`.
pub fn br_to_newline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tail = &rest[lt..];
        match br_tag_len(tail) {
            Some(n) => {
                out.push('\n');
                rest = &tail[n..];
            }
            None => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Length of a `<br>`-like tag at the start of `s`.
fn br_tag_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 1;
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    if !b.get(i..i + 2)?.eq_ignore_ascii_case(b"br") {
        return None;
    }
    i += 2;
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    (b.get(i) == Some(&b'>')).then_some(i + 1)
}

/// A table cell as description markdown: entities decoded, `<br>` as line breaks, TABs and
/// NBSPs as spaces, trimmed.
pub fn clean_cell(s: &str) -> String {
    // Most cells have nothing to decode or join: no entity, tag, TAB, line break, or byte that
    // may start an NBSP (0xC2 also starts other characters; those take the full path).
    if !s.bytes().any(|b| matches!(b, b'&' | b'<' | b'\t' | b'\n' | 0xC2)) {
        return trim(s).to_string();
    }
    let s = decode_entities(s);
    let s = br_to_newline(&s);
    let s: String = s.chars().map(|c| if c == '\t' || c == '\u{A0}' { ' ' } else { c }).collect();
    trim(&s.lines().map(trim).collect::<Vec<_>>().join("\n")).to_string()
}

/// Splits a table row into cells the GFM way: on every `|` not escaped by `\`, with the
/// optional leading and trailing pipes removed. `\|` becomes `|` in the cell.
pub fn split_row(line: &str) -> Vec<String> {
    split_row_with(line, false)
}

/// Like [`split_row`] but a `|` inside a backtick code span does not split: the docs
/// write `` `a|b` `` expecting it to stay one cell (14 rows in the corpus).
pub fn split_row_code_aware(line: &str) -> Vec<String> {
    split_row_with(line, true)
}

fn split_row_with(line: &str, code_aware: bool) -> Vec<String> {
    let t = trim(line);
    let t = t.strip_prefix('|').unwrap_or(t);
    // Bytes, not chars: every byte looked at is ASCII, and ASCII bytes never occur inside a
    // multi-byte character, so every slice below is on a char boundary. memchr jumps between
    // the three bytes that matter (rows are mostly long descriptions).
    let b = t.as_bytes();
    let mut cells = Vec::new();
    // The current cell's text before its last `\|`, when it has one (most cells have none
    // and are trimmed straight from the row).
    let mut escaped = String::new();
    let mut from = 0;
    let mut in_code = false;
    let mut i = 0;
    while let Some(offset) = b.get(i..).and_then(|rest| memchr::memchr3(b'\\', b'`', b'|', rest)) {
        i += offset;
        match b[i] {
            b'\\' if b.get(i + 1) == Some(&b'|') => {
                escaped.push_str(&t[from..i]);
                escaped.push('|');
                i += 2;
                from = i;
                continue;
            }
            b'`' if code_aware => in_code = !in_code,
            b'|' if !in_code => {
                cells.push(finish_cell(&mut escaped, &t[from..i]));
                from = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let last = finish_cell(&mut escaped, &t[from..]);
    // A trailing pipe closes the last cell instead of opening an empty one.
    if !last.is_empty() || cells.is_empty() {
        cells.push(last);
    }
    cells
}

/// The trimmed cell made of `escaped` (emptied) and `tail`, the text after its last escape.
fn finish_cell(escaped: &mut String, tail: &str) -> String {
    if escaped.is_empty() {
        return trim(tail).to_string();
    }
    escaped.push_str(tail);
    let cell = trim(escaped).to_string();
    escaped.clear();
    cell
}

/// A link at the start of `s`: inline `[text](target)` or reference style `[text][ref]`,
/// `[text][]`, `[text]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link<'a> {
    pub text: &'a str,
    pub target: LinkTarget<'a>,
    /// What follows the link.
    pub rest: &'a str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkTarget<'a> {
    Inline(&'a str),
    /// Reference label (the text itself for `[text][]` and `[text]`).
    Reference(&'a str),
}

pub fn leading_link(s: &str) -> Option<Link<'_>> {
    let body = s.strip_prefix('[')?;
    let close = matching_bracket(body)?;
    let text = &body[..close];
    let after = &body[close + 1..];
    if let Some(inner) = after.strip_prefix('(') {
        let end = inner.find(')')?;
        let target = trim(&inner[..end]);
        // `[x](target "title")`: drop the title.
        let target = before_whitespace(target);
        return Some(Link { text, target: LinkTarget::Inline(target), rest: &inner[end + 1..] });
    }
    if let Some(inner) = after.strip_prefix('[') {
        let end = inner.find(']')?;
        let label = if trim(&inner[..end]).is_empty() { text } else { &inner[..end] };
        return Some(Link { text, target: LinkTarget::Reference(label), rest: &inner[end + 1..] });
    }
    Some(Link { text, target: LinkTarget::Reference(text), rest: after })
}

/// Byte index of the `]` closing an already-opened `[` (nested brackets allowed). Bytes, not
/// chars: both brackets are ASCII, so memchr can jump between them (link texts and the rest
/// of a cell run to ~70 characters, and this is called for every linked type cell).
fn matching_bracket(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(offset) = memchr::memchr2(b'[', b']', &b[i..]) {
        i += offset;
        match b[i] {
            b'[' => depth += 1,
            _ if depth == 0 => return Some(i),
            _ => depth -= 1,
        }
        i += 1;
    }
    None
}

/// `s` up to its first whitespace character (all of it when it has none). Byte-wise up to a
/// non-ASCII character, which may be whitespace itself (NBSP): from there `char` decides.
fn before_whitespace(s: &str) -> &str {
    match s.bytes().position(|b| is_ascii_space(b) || !b.is_ascii()) {
        Some(i) if s.as_bytes()[i].is_ascii() => &s[..i],
        Some(i) => s[i..].find(char::is_whitespace).map_or(s, |j| &s[..i + j]),
        None => s,
    }
}

/// Removes markdown decoration around a name: `**id**`, `` `id` ``, `*id*`, `[id](x.md)`,
/// backslash escapes (`\_`), surrounding whitespace. Inner text is kept.
pub fn strip_decoration(s: &str) -> String {
    let trimmed = trim(s);
    // Most names carry no decoration at all: nothing that could open a link or a wrapper, and
    // no escape to remove.
    let decorated = |b: u8| matches!(b, b'[' | b'*' | b'_' | b'`' | b'"' | b'\\');
    if !trimmed.bytes().any(decorated) {
        return trimmed.to_string();
    }
    let mut cur = trimmed.to_string();
    loop {
        let before = cur.clone();
        if let Some(link) = leading_link(&cur) {
            if trim(link.rest).is_empty() {
                cur = trim(link.text).to_string();
            }
        }
        for wrap in ["**", "__", "`", "*", "_", "\""] {
            if cur.len() >= 2 * wrap.len() && cur.starts_with(wrap) && cur.ends_with(wrap) {
                cur = trim(&cur[wrap.len()..cur.len() - wrap.len()]).to_string();
            }
        }
        if cur == before {
            break;
        }
    }
    unescape(&cur)
}

/// Removes markdown backslash escapes (`\_` -> `_`).
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&n) = chars.peek() {
                if n.is_ascii_punctuation() {
                    out.push(n);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// Byte offset of the first case-insensitive occurrence of the ASCII `needle` in `hay`.
/// Always a char boundary: a match is made of ASCII bytes (`eq_ignore_ascii_case` never
/// pairs an ASCII byte with another), and ASCII bytes never occur inside a multi-byte
/// character.
pub fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || n.len() > h.len() {
        return None;
    }
    // Candidates are found by the needle's rarest byte, not its first: memchr skips many bytes
    // at a time between candidates, and each candidate costs a comparison. `required` has a
    // `q`, while an `r` starts a candidate every few words of a description (this halved the
    // memchr calls of a full-corpus regen). The needle's bytes are looked up in one pass that
    // also rejects a non-ASCII needle.
    let mut rare = 0;
    for (i, &b) in n.iter().enumerate() {
        let f = FREQUENCY[usize::from(b)];
        if f == NON_ASCII {
            return None;
        }
        if f < FREQUENCY[usize::from(n[rare])] {
            rare = i;
        }
    }
    let (lo, up) = (n[rare].to_ascii_lowercase(), n[rare].to_ascii_uppercase());
    let last_start = h.len() - n.len();
    let mut start = 0;
    while start <= last_start {
        // Windows start `rare` bytes before their rare byte, in increasing order: the first
        // that matches is the first occurrence.
        start += memchr::memchr2(lo, up, &h[start + rare..=last_start + rare])?;
        if h[start..start + n.len()].eq_ignore_ascii_case(n) {
            return Some(start);
        }
        start += 1;
    }
    None
}

/// [`FREQUENCY`] of the bytes that are not ASCII (a needle never has one).
const NON_ASCII: u8 = u8::MAX;

/// How common each byte is in the corpus's English prose, in tenths of a percent (letters:
/// the usual English letter frequencies, both cases together); only the order matters.
static FREQUENCY: [u8; 256] = frequencies();

const fn frequencies() -> [u8; 256] {
    const LETTERS: [u8; 26] =
        [82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1];
    // Digits and punctuation other than `.` and `,`: rare.
    let mut table = [5; 256];
    let mut i = 128;
    while i < 256 {
        table[i] = NON_ASCII;
        i += 1;
    }
    table[b' ' as usize] = 180;
    table[b'.' as usize] = 15;
    table[b',' as usize] = 15;
    let mut l = 0;
    while l < 26 {
        table[b'a' as usize + l] = LETTERS[l];
        table[b'A' as usize + l] = LETTERS[l];
        l += 1;
    }
    table
}

/// `str::trim`, cheaper: the whitespace at a cell's or heading's edges is nearly always ASCII,
/// and `str::trim` decodes and classifies it char by char (a full-corpus regen trims ~3 million
/// strings, and that walk was ~4% of its instructions). ASCII bytes never occur inside a
/// multi-byte character, so trimming them byte-wise leaves a valid `str`; when a non-ASCII
/// character is left at an edge it may be Unicode whitespace (NBSP, U+3000), and `str::trim`
/// decides.
pub fn trim(s: &str) -> &str {
    // `str::trim` is `trim_start` then `trim_end`; each falls back to std on its own edge.
    trim_end(trim_start(s))
}

/// `str::trim_start` the way [`trim`] does it.
pub fn trim_start(s: &str) -> &str {
    let b = s.as_bytes();
    let start = b.iter().position(|&c| !is_ascii_space(c)).unwrap_or(b.len());
    if b.get(start).is_some_and(|c| !c.is_ascii()) {
        return s.trim_start();
    }
    &s[start..]
}

/// `str::trim_end` the way [`trim`] does it.
pub fn trim_end(s: &str) -> &str {
    let b = s.as_bytes();
    let end = b.iter().rposition(|&c| !is_ascii_space(c)).map_or(0, |last| last + 1);
    if end > 0 && !b[end - 1].is_ascii() {
        return s.trim_end();
    }
    &s[..end]
}

/// The ASCII characters `char::is_whitespace` accepts: TAB, LF, VT, FF, CR and space
/// (`u8::is_ascii_whitespace` leaves VT out, so it would not trim what `str::trim` trims).
fn is_ascii_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// `s.trim_matches(chars)` for a set of ASCII characters, byte-wise (exact: a byte of a
/// multi-byte character is never ASCII, so it never matches and trimming stops before it).
pub fn trim_ascii_chars<'a>(s: &'a str, chars: &[u8]) -> &'a str {
    debug_assert!(chars.is_ascii());
    let b = s.as_bytes();
    let start = b.iter().position(|c| !chars.contains(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !chars.contains(c)).map_or(start, |last| last + 1);
    &s[start..end]
}

/// `s` without the whitespace and the ASCII `chars` around it, and the whitespace inside those
/// (`` ` **x** ` `` -> `x` for `` b"`*" ``): how a name or value is taken out of its markdown
/// decoration, as `s.trim().trim_matches(chars).trim()` would.
pub fn trim_wrapped<'a>(s: &'a str, chars: &[u8]) -> &'a str {
    trim(trim_ascii_chars(trim(s), chars))
}

/// Identifier-like names: letters, digits, `_`, `.` (qualified names), `-`; starting with a
/// letter or `_`.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_decode() {
        let cases = [
            ("a &#124; b", "a | b"),
            ("&lt;id&gt;", "<id>"),
            ("x&nbsp;y", "x y"),
            ("&#x2713;", "\u{2713}"),
            ("&#65279;a", "a"),
            ("AT&T & more &unknown;", "AT&T & more &unknown;"),
            ("&", "&"),
        ];
        for (input, want) in cases {
            assert_eq!(decode_entities(input), want, "{input}");
        }
    }

    #[test]
    fn br_variants() {
        for input in ["a<br>b", "a<br/>b", "a</br>b", "a<br />b", "a<BR>b"] {
            assert_eq!(br_to_newline(input), "a\nb", "{input}");
        }
        assert_eq!(br_to_newline("a<b>c</b>"), "a<b>c</b>");
        assert_eq!(br_to_newline("<"), "<");
    }

    #[test]
    fn rows_split() {
        let cases: &[(&str, &[&str])] = &[
            ("|a|b|c|", &["a", "b", "c"]),
            ("| Property\t   | Type\t|Description|", &["Property", "Type", "Description"]),
            ("a | b", &["a", "b"]),
            ("|a|b||", &["a", "b", ""]),
            ("|a \\| b|c|", &["a | b", "c"]),
            ("|`a|b`|c|", &["`a", "b`", "c"]),
            // Escapes at a cell's edges: the whole cell is trimmed, escapes included.
            ("|  \\| x | y \\|  |", &["| x", "y |"]),
            ("|a\\|\\|b|", &["a||b"]),
            ("| \\|", &["|"]),
            ("|", &[""]),
            ("", &[""]),
            ("|a|  |", &["a", ""]),
            ("|caf\u{e9} | \u{e8}t\u{e9}|", &["caf\u{e9}", "\u{e8}t\u{e9}"]),
        ];
        for (input, want) in cases {
            assert_eq!(split_row(input), *want, "{input}");
        }
        assert_eq!(split_row_code_aware("|`a|b`|c|"), vec!["`a|b`", "c"]);
    }

    #[test]
    fn links() {
        let l = leading_link("[group](../resources/group.md) collection").unwrap();
        assert_eq!(
            (l.text, l.target.clone(), l.rest),
            ("group", LinkTarget::Inline("../resources/group.md"), " collection")
        );
        let l = leading_link("[identitySet][]").unwrap();
        assert_eq!(l.target, LinkTarget::Reference("identitySet"));
        let l = leading_link("[**x**][ref] collection").unwrap();
        assert_eq!((l.text, l.target, l.rest), ("**x**", LinkTarget::Reference("ref"), " collection"));
        assert!(leading_link("[unclosed").is_none());
        let l = leading_link("[a [b] c](x.md \"t\") rest").unwrap();
        assert_eq!((l.text, l.target, l.rest), ("a [b] c", LinkTarget::Inline("x.md"), " rest"));
        let l = leading_link("[caf\u{e9} [\u{e9}]]").unwrap();
        assert_eq!((l.text, l.rest), ("caf\u{e9} [\u{e9}]", ""));
        assert!(leading_link("[a [b]").is_none());
    }

    #[test]
    fn before_whitespace_equals_split_once() {
        for s in [
            "",
            "x.md",
            "x.md \"t\"",
            "a\tb",
            "caf\u{e9}.md",
            "caf\u{e9}.md\u{a0}t",
            "a\u{a0}b c",
            "\u{e9} b",
            "a\u{3000}",
        ] {
            let want = s.split_once(char::is_whitespace).map(|(t, _)| t).unwrap_or(s);
            assert_eq!(before_whitespace(s), want, "{s:?}");
        }
    }

    #[test]
    fn decoration() {
        let cases = [
            ("**id**", "id"),
            ("`id`", "id"),
            ("[id](x.md)", "id"),
            ("**`id`**", "id"),
            ("display\\_name", "display_name"),
            ("  plain  ", "plain"),
            ("*", "*"),
        ];
        for (input, want) in cases {
            assert_eq!(strip_decoration(input), want, "{input}");
        }
    }

    #[test]
    fn find_case_insensitive() {
        assert_eq!(find_ci("Hello Possible values", "possible values"), Some(6));
        assert_eq!(find_ci("é possible", "POSSIBLE"), Some(3));
        assert_eq!(find_ci("ab", "abc"), None);
        assert_eq!(find_ci("aaab", "AB"), Some(2));
        assert_eq!(find_ci("xyz", ""), None);
        assert_eq!(find_ci("TODO", "todo"), Some(0));
        // The rare byte (`q`, `k`) is not the first: windows before and after it, at the edges.
        assert_eq!(find_ci("required", "REQUIRED"), Some(0));
        assert_eq!(find_ci("requ requ Required", "required"), Some(10));
        assert_eq!(find_ci("q required", "required"), Some(2));
        assert_eq!(find_ci("requirequired", "required"), Some(5));
        assert_eq!(find_ci("ey key", "key"), Some(3));
        assert_eq!(find_ci("k", "key"), None);
        assert_eq!(find_ci("\u{e9}k\u{e9}y KEY", "key"), Some(7));
        assert_eq!(find_ci("ab", "é"), None);
    }

    #[test]
    fn find_ci_matches_a_naive_search() {
        let naive = |h: &str, n: &str| {
            (!n.is_empty() && n.is_ascii())
                .then(|| {
                    (0..=h.len().checked_sub(n.len())?)
                        .find(|&i| h.as_bytes()[i..i + n.len()].eq_ignore_ascii_case(n.as_bytes()))
                })
                .flatten()
        };
        let hays = ["", "q", "Required. Optional.", "a key, the KEY", "x **todo** **TODO", "\u{e9}\u{2019}q\u{e9}"];
        let needles = ["required", "optional", "key", "**TODO", " from", "q", "e", "Q\u{e9}", "xyzzy"];
        for h in hays {
            for n in needles {
                assert_eq!(find_ci(h, n), naive(h, n), "{h:?} {n:?}");
            }
        }
    }

    /// Edges that are ASCII, non-ASCII whitespace, non-ASCII letters, all whitespace or empty.
    const TRIM_CASES: &[&str] = &[
        "",
        " ",
        "\u{b}\u{c}\t\r\n ",
        "a",
        "  a b  ",
        "\ta\n",
        "\u{a0}a\u{a0}",
        " \u{3000}a\u{2003} ",
        "\u{a0}",
        " \u{a0} ",
        "\u{85}x",
        "\u{e9}t\u{e9}",
        "  caf\u{e9}  ",
        " \u{e9} ",
        "\u{1c}\u{1f}x\u{1d}",
        "**`x`**",
        "`*` * `",
        "\u{2019}*",
    ];

    #[test]
    fn trims_equal_the_std_trims() {
        for c in (0u8..=127).map(char::from) {
            assert_eq!(is_ascii_space(c as u8), c.is_whitespace(), "{c:?}");
        }
        for &s in TRIM_CASES {
            assert_eq!(trim(s), s.trim(), "{s:?}");
            assert_eq!(trim_start(s), s.trim_start(), "{s:?}");
            assert_eq!(trim_end(s), s.trim_end(), "{s:?}");
            assert_eq!(trim_ascii_chars(s, b"`*"), s.trim_matches(['`', '*']), "{s:?}");
            assert_eq!(trim_ascii_chars(s, b"*"), s.trim_matches('*'), "{s:?}");
            assert_eq!(trim_ascii_chars(s, b" "), s.trim_matches(' '), "{s:?}");
            assert_eq!(trim_wrapped(s, b"`*"), s.trim().trim_matches(['`', '*']).trim(), "{s:?}");
        }
    }
}
