//! json: lenient JSON for doc examples, keeping key order, duplicate keys, numbers as written
//! and the page line of every value.
//!
//! Why a hand-written reader instead of `jsonc-parser` or `serde_json`: the docs need tolerances
//! neither offers (raw newlines in strings, NBSP/ZWSP as whitespace, bare `...` elements,
//! missing commas, `00:00:00`-style literals, prose after the JSON), and every accepted
//! deviation must be *reported with its line*, which a permissive parser cannot tell us after
//! the fact. One small recursive-descent reader does both jobs: it reads strict JSON exactly as
//! RFC 8259 says and records each deviation it had to accept in [`JsonParse::tolerated`]; an
//! empty list therefore means "strict JSON" (a test checks that it agrees with `serde_json` on
//! many inputs). Recursion is bounded by [`MAX_DEPTH`] (serde_json's limit), checked *before*
//! descending, so no input can exhaust the stack.

use crate::facts::{Json, JsonValue};

/// Nesting limit for arrays and objects, the same as `serde_json`'s: 128 open containers fail.
pub const MAX_DEPTH: usize = 128;

/// A successfully read body and the tolerances it needed (empty for strict JSON).
#[derive(Clone, Debug)]
pub struct JsonParse {
    pub json: Json,
    /// `(line, what)` for every non-strict construct accepted, e.g. `(12, "trailing comma")`.
    pub tolerated: Vec<(u32, String)>,
}

impl JsonParse {
    /// True when the text was strict JSON.
    pub fn is_strict(&self) -> bool {
        self.tolerated.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum JsonError {
    /// Not JSON even leniently.
    Syntax { line: u32, col: u32, message: String },
    /// Nested deeper than the limit.
    TooDeep { line: u32 },
}

impl JsonError {
    pub fn line(&self) -> u32 {
        match self {
            JsonError::Syntax { line, .. } | JsonError::TooDeep { line } => *line,
        }
    }
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JsonError::Syntax { message, .. } => f.write_str(message),
            JsonError::TooDeep { .. } => write!(f, "nested deeper than {MAX_DEPTH} levels"),
        }
    }
}

/// Parses `text` (whose first line is line `first_line` of the page).
pub fn parse_json(text: &str, first_line: u32) -> Result<JsonParse, JsonError> {
    let mut r = Reader { src: text, pos: 0, line: first_line, line_start: 0, tolerated: Vec::new() };
    r.skip_ws();
    if r.peek().is_none() {
        return Err(r.error("empty body: expected a JSON value"));
    }
    let bare = !matches!(r.peek(), Some('{' | '[' | '"' | '\''));
    let json = r.value(0)?;
    // A lone unquoted word is prose or a placeholder (`<bytes 0-25 of the file>`), not JSON.
    if bare && matches!(json.value, JsonValue::String(_)) {
        return Err(JsonError::Syntax { line: json.line, col: 1, message: "expected a JSON value, found text".into() });
    }
    r.skip_ws();
    if r.peek().is_some() {
        r.tolerate(r.line, "text after the JSON (ignored)");
    }
    Ok(JsonParse { json, tolerated: r.tolerated })
}

/// Groups tolerances by kind (the text before `": "`), one entry per kind at its first line,
/// so that a body indented with NBSPs gives one warning, not one per character. The message
/// says how many more there were and on which lines.
pub fn group_tolerances(tolerated: &[(u32, String)]) -> Vec<(u32, String)> {
    /// Lines listed in a grouped message before `…`.
    const MAX_LINES: usize = 8;
    let kind = |w: &str| w.split(": ").next().unwrap_or(w).to_string();
    let mut groups: Vec<(String, u32, String, Vec<u32>)> = Vec::new();
    for (line, what) in tolerated {
        let k = kind(what);
        match groups.iter_mut().find(|g| g.0 == k) {
            Some(g) => g.3.push(*line),
            None => groups.push((k, *line, what.clone(), Vec::new())),
        }
    }
    groups
        .into_iter()
        .map(|(_, line, what, more)| {
            if more.is_empty() {
                return (line, what);
            }
            let mut lines: Vec<u32> = more.clone();
            lines.dedup();
            let mut list: Vec<String> = lines.iter().take(MAX_LINES).map(u32::to_string).collect();
            if lines.len() > MAX_LINES {
                list.push("…".into());
            }
            let on = if lines.len() == 1 { "line" } else { "lines" };
            (line, format!("{what} (and {} more, on {on} {})", more.len(), list.join(", ")))
        })
        .collect()
}

/// Whitespace other than JSON's four characters that the docs use between tokens. Each is
/// reported by its code point; `char::is_whitespace` covers NBSP, U+202F and friends, the
/// rest are invisible characters that are not Unicode whitespace.
fn is_extra_ws(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Characters that end a bare (unquoted) token.
fn ends_token(c: char) -> bool {
    matches!(c, ',' | '{' | '}' | '[' | ']' | '"' | '\'') || c.is_whitespace() || is_extra_ws(c)
}

struct Reader<'a> {
    src: &'a str,
    /// Byte offset, always on a char boundary (advanced only by whole chars).
    pos: usize,
    line: u32,
    /// Byte offset where the current line starts, for columns.
    line_start: usize,
    tolerated: Vec<(u32, String)>,
}

impl Reader<'_> {
    fn rest(&self) -> &str {
        self.src.get(self.pos..).unwrap_or("")
    }

    fn peek(&self) -> Option<char> {
        // ASCII without decoding: examples are almost all ASCII, and this runs per character.
        match self.src.as_bytes().get(self.pos) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            Some(_) => self.rest().chars().next(),
            None => None,
        }
    }

    fn peek2(&self) -> Option<char> {
        self.rest().chars().nth(1)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line = self.line.saturating_add(1);
            self.line_start = self.pos;
        }
        Some(c)
    }

    fn col(&self) -> u32 {
        let line = self.src.get(self.line_start..self.pos).unwrap_or("");
        u32::try_from(line.chars().count()).unwrap_or(u32::MAX).saturating_add(1)
    }

    fn error(&self, message: impl Into<String>) -> JsonError {
        JsonError::Syntax { line: self.line, col: self.col(), message: message.into() }
    }

    fn tolerate(&mut self, line: u32, what: impl Into<String>) {
        self.tolerated.push((line, what.into()));
    }

    /// Skips whitespace and comments, recording the non-strict ones.
    fn skip_ws(&mut self) {
        // The run of plain ASCII whitespace (an example's indentation) byte by byte; the loop
        // below handles comments and the tolerated kinds.
        let bytes = self.src.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            match b {
                b' ' | b'\t' | b'\r' => self.pos += 1,
                b'\n' => {
                    self.pos += 1;
                    self.line = self.line.saturating_add(1);
                    self.line_start = self.pos;
                }
                _ => break,
            }
        }
        while let Some(c) = self.peek() {
            match c {
                ' ' | '\t' | '\n' | '\r' => {
                    self.bump();
                }
                '/' if self.peek2() == Some('/') => {
                    self.tolerate(self.line, "`//` comment");
                    while let Some(c) = self.peek() {
                        if c == '\n' {
                            break;
                        }
                        self.bump();
                    }
                }
                '/' if self.peek2() == Some('*') => {
                    self.tolerate(self.line, "`/* */` comment");
                    self.bump();
                    self.bump();
                    // An unclosed comment swallows the rest, like in JavaScript; whatever
                    // was open then fails as unterminated.
                    while self.peek().is_some() && !self.rest().starts_with("*/") {
                        self.bump();
                    }
                    self.bump();
                    self.bump();
                }
                c if is_extra_ws(c) => {
                    self.tolerate(self.line, format!("non-ASCII whitespace: U+{:04X}", c as u32));
                    self.bump();
                }
                _ => break,
            }
        }
    }

    /// Reads one value; `depth` is the number of containers already open.
    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        let line = self.line;
        let value = match self.peek() {
            None => return Err(self.error("unexpected end: expected a value")),
            Some('{') => self.object(depth)?,
            Some('[') => self.array(depth)?,
            Some('"') => JsonValue::String(self.string('"')?),
            Some('\'') => {
                self.tolerate(line, "single-quoted string");
                JsonValue::String(self.string('\'')?)
            }
            Some(c) if ends_token(c) || c == ':' => {
                return Err(self.error(format!("unexpected `{c}`: expected a value")));
            }
            Some(_) => self.bare_value()?,
        };
        Ok(Json { line, value })
    }

    /// A token without quotes: a number, `true`/`false`/`null`, or something the docs wrote
    /// that JSON has no word for (`00:00:00`, `+1`, `String`), kept as a string.
    fn bare_value(&mut self) -> Result<JsonValue, JsonError> {
        let line = self.line;
        // A bare value runs to the next `,`, `}`, `]` or line end, so that prose such as
        // `translationLanguageOverride resource"` becomes one string, not a cascade of errors.
        let src = self.src;
        let start = self.pos;
        let rest = src.get(start..).unwrap_or("");
        let mut end = rest.find([',', '{', '}', '[', ']', '\n']).unwrap_or(rest.len());
        // A comment after the value is still a comment.
        for comment in [" //", " /*", "\t//", "\t/*"] {
            end = rest.get(..end).and_then(|r| r.find(comment)).unwrap_or(end);
        }
        let token = rest.get(..end).unwrap_or("").trim_end_matches(is_extra_ws);
        self.pos = start + token.len(); // no newline inside, so the line is unchanged
        if token.is_empty() || token.starts_with('/') {
            // Only `/` not starting a comment gets here; failing guarantees progress.
            return Err(self.error("unexpected `/`: expected a value"));
        }
        Ok(match token {
            "true" => JsonValue::Bool(true),
            "false" => JsonValue::Bool(false),
            "null" => JsonValue::Null,
            t if is_json_number(t) => JsonValue::Number(t.to_string()),
            t => {
                let t = t.to_string();
                self.tolerate(line, format!("non-JSON literal kept as a string: `{t}`"));
                JsonValue::String(t)
            }
        })
    }

    /// Reads a maximal run of chars not satisfying `stop`; never empty when called on a
    /// non-stop char.
    fn token(&mut self, stop: impl Fn(char) -> bool) -> &str {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if stop(c) {
                break;
            }
            self.bump();
        }
        self.src.get(start..self.pos).unwrap_or("")
    }

    fn object(&mut self, depth: usize) -> Result<JsonValue, JsonError> {
        let open_line = self.line;
        if depth + 1 >= MAX_DEPTH {
            return Err(JsonError::TooDeep { line: open_line });
        }
        self.bump(); // '{'
        let mut members = Vec::new();
        // Whether a separator was seen since the last member (or this is the first one).
        let mut separated = true;
        let mut last_comma_line = None;
        loop {
            self.skip_ws();
            match self.peek() {
                None => return Err(self.unterminated("object", open_line)),
                Some('}') => {
                    if let (Some(l), false) = (last_comma_line, members.is_empty()) {
                        self.tolerate(l, "trailing comma");
                    }
                    self.bump();
                    return Ok(JsonValue::Object(members));
                }
                Some(',') => {
                    let l = self.line;
                    if separated {
                        self.tolerate(l, "extra comma");
                    }
                    self.bump();
                    separated = true;
                    last_comma_line = Some(l);
                    continue;
                }
                Some(_) => {}
            }
            if self.at_ellipsis() {
                self.tolerate(self.line, "bare `...` member");
                self.token(|c| ends_token(c) || c == ':');
                separated = false;
                last_comma_line = None;
                continue;
            }
            if !separated {
                self.tolerate(self.line, "missing comma");
            }
            let key = self.key()?;
            self.skip_ws();
            if self.peek() != Some(':') {
                return Err(self.error(format!("expected `:` after key \"{key}\"")));
            }
            self.bump();
            self.skip_ws();
            let value = self.value(depth + 1)?;
            members.push((key, value));
            separated = false;
            last_comma_line = None;
        }
    }

    fn key(&mut self) -> Result<String, JsonError> {
        let line = self.line;
        match self.peek() {
            Some('"') => self.string('"'),
            Some('\'') => {
                self.tolerate(line, "single-quoted string");
                self.string('\'')
            }
            Some(c) if !ends_token(c) && c != ':' => {
                let key = self.token(|c| ends_token(c) || c == ':').to_string();
                self.tolerate(line, format!("unquoted key: `{key}`"));
                Ok(key)
            }
            Some(c) => Err(self.error(format!("unexpected `{c}`: expected a key"))),
            None => Err(self.error("unexpected end: expected a key")),
        }
    }

    fn at_ellipsis(&self) -> bool {
        let rest = self.rest();
        let end = rest.find(|c: char| ends_token(c) || c == ':').unwrap_or(rest.len());
        rest.get(..end).is_some_and(is_ellipsis)
    }

    fn array(&mut self, depth: usize) -> Result<JsonValue, JsonError> {
        let open_line = self.line;
        if depth + 1 >= MAX_DEPTH {
            return Err(JsonError::TooDeep { line: open_line });
        }
        self.bump(); // '['
        let mut items = Vec::new();
        let mut separated = true;
        let mut any = false;
        let mut last_comma_line = None;
        loop {
            self.skip_ws();
            match self.peek() {
                None => return Err(self.unterminated("array", open_line)),
                Some(']') => {
                    if let (Some(l), true) = (last_comma_line, any) {
                        self.tolerate(l, "trailing comma");
                    }
                    self.bump();
                    return Ok(JsonValue::Array(items));
                }
                Some(',') => {
                    let l = self.line;
                    if separated {
                        self.tolerate(l, "extra comma");
                    }
                    self.bump();
                    separated = true;
                    last_comma_line = Some(l);
                    continue;
                }
                Some(_) => {}
            }
            any = true;
            if self.at_ellipsis() {
                // `...` stands for "more of the same": it is reported, not kept.
                self.tolerate(self.line, "bare `...` element");
                self.token(|c| ends_token(c) || c == ':');
                separated = false;
                last_comma_line = None;
                continue;
            }
            if !separated {
                self.tolerate(self.line, "missing comma");
            }
            items.push(self.value(depth + 1)?);
            separated = false;
            last_comma_line = None;
        }
    }

    fn unterminated(&self, what: &str, open_line: u32) -> JsonError {
        JsonError::Syntax {
            line: open_line,
            col: 1,
            message: format!("unterminated {what} (opened on line {open_line})"),
        }
    }

    /// Reads a string opened by `quote`, decoding escapes; raw control characters and bad
    /// escapes are kept as written and reported.
    fn string(&mut self, quote: char) -> Result<String, JsonError> {
        let open_line = self.line;
        let open_col = self.col();
        self.bump();
        let mut out = String::new();
        loop {
            // Copy the run of plain characters up to the next quote, backslash or control
            // character at once: the per-character path below only handles those. (`quote` is
            // ASCII; no byte of a multi-byte character is below 0x80, so the run ends on a char
            // boundary.)
            let rest = self.rest().as_bytes();
            let plain = rest.iter().position(|&b| b == quote as u8 || b == b'\\' || b < 0x20).unwrap_or(rest.len());
            if plain > 0 {
                out.push_str(&self.src[self.pos..self.pos + plain]);
                self.pos += plain;
            }
            let line = self.line;
            if self.peek() == Some('\n') && next_line_starts_member(self.rest()) {
                // `"description": "User delete x,` ⏎ `"keywords": ""`: the quote was never
                // closed and the next line is a new member, so the string ends with its line.
                self.tolerate(line, "unterminated string (closed at the end of its line)");
                return Ok(out);
            }
            let Some(c) = self.bump() else {
                return Err(JsonError::Syntax {
                    line: open_line,
                    col: open_col,
                    message: format!("unterminated string (opened on line {open_line})"),
                });
            };
            match c {
                c if c == quote => return Ok(out),
                '\\' => self.escape(&mut out, quote)?,
                '\n' => {
                    self.tolerate(line, "raw newline inside a string");
                    out.push('\n');
                }
                c if (c as u32) < 0x20 => {
                    self.tolerate(line, format!("raw control character inside a string: U+{:04X}", c as u32));
                    out.push(c);
                }
                c => out.push(c),
            }
        }
    }

    fn escape(&mut self, out: &mut String, quote: char) -> Result<(), JsonError> {
        let line = self.line;
        let Some(c) = self.bump() else {
            return Err(self.error("unexpected end inside an escape"));
        };
        match c {
            '"' => out.push('"'),
            '\\' => out.push('\\'),
            '/' => out.push('/'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'u' => {
                let hi = self.hex4();
                match hi {
                    Some(hi @ 0xD800..=0xDBFF) => {
                        let lo = if self.rest().starts_with("\\u") {
                            let save = (self.pos, self.line, self.line_start);
                            self.bump();
                            self.bump();
                            match self.hex4() {
                                Some(lo @ 0xDC00..=0xDFFF) => Some(lo),
                                _ => {
                                    (self.pos, self.line, self.line_start) = save;
                                    None
                                }
                            }
                        } else {
                            None
                        };
                        match lo {
                            Some(lo) => {
                                let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                                out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                            }
                            None => {
                                self.tolerate(line, "lone surrogate in `\\u` escape");
                                out.push('\u{FFFD}');
                            }
                        }
                    }
                    Some(cp) => match char::from_u32(cp) {
                        Some(ch) => out.push(ch),
                        None => {
                            self.tolerate(line, "lone surrogate in `\\u` escape");
                            out.push('\u{FFFD}');
                        }
                    },
                    None => {
                        self.tolerate(line, "invalid `\\u` escape (kept as written)");
                        out.push_str("\\u");
                    }
                }
            }
            c if c == quote => out.push(c),
            c => {
                self.tolerate(line, format!("invalid escape kept as written: `\\{c}`"));
                out.push('\\');
                if c == '\n' {
                    self.tolerate(line, "raw newline inside a string");
                }
                out.push(c);
            }
        }
        Ok(())
    }

    /// Four hex digits after `\u`; consumes them only when all four are there.
    fn hex4(&mut self) -> Option<u32> {
        let digits = self.rest().get(..4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let v = u32::from_str_radix(digits, 16).ok()?;
        self.pos += 4; // four ASCII bytes, no newline among them
        Some(v)
    }
}

/// Whether the line after `rest`'s leading newline starts like an object member
/// (`"key":`), which a string spilling over from the line before never does in the docs.
fn next_line_starts_member(rest: &str) -> bool {
    let Some(next) = rest.strip_prefix('\n') else {
        return false;
    };
    let next = next.trim_start_matches([' ', '\t']);
    let Some(key_and_rest) = next.strip_prefix('"') else {
        return false;
    };
    let line = key_and_rest.split('\n').next().unwrap_or("");
    match line.split_once('"') {
        Some((key, after)) => !key.is_empty() && !key.contains(' ') && after.trim_start().starts_with(':'),
        None => false,
    }
}

fn is_ellipsis(s: &str) -> bool {
    matches!(s, "..." | "…" | "....")
}

/// RFC 8259 number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str, line: u32) -> Json {
        Json { line, value: JsonValue::String(v.into()) }
    }
    fn n(v: &str, line: u32) -> Json {
        Json { line, value: JsonValue::Number(v.into()) }
    }
    fn obj(line: u32, m: Vec<(&str, Json)>) -> Json {
        Json { line, value: JsonValue::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()) }
    }
    fn arr(line: u32, items: Vec<Json>) -> Json {
        Json { line, value: JsonValue::Array(items) }
    }

    #[test]
    fn strict_json_keeps_order_duplicates_numbers_and_lines() {
        let text = "{\n  \"b\": 1.50,\n  \"a\": [true, null],\n  \"b\": -2e10,\n  \"big\": 12345678901234567890\n}";
        let p = parse_json(text, 10).expect("strict");
        assert!(p.is_strict(), "{:?}", p.tolerated);
        let expected = obj(
            10,
            vec![
                ("b", n("1.50", 11)),
                (
                    "a",
                    arr(
                        12,
                        vec![
                            Json { line: 12, value: JsonValue::Bool(true) },
                            Json { line: 12, value: JsonValue::Null },
                        ],
                    ),
                ),
                ("b", n("-2e10", 13)),
                ("big", n("12345678901234567890", 14)),
            ],
        );
        assert_eq!(p.json, expected);
    }

    #[test]
    fn string_escapes_decode() {
        let p = parse_json(r#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#, 1).expect("ok");
        assert!(p.is_strict());
        assert_eq!(p.json, s("a\"b\\c/d\né😀", 1));
    }

    /// One row per tolerance: input (first line 100), expected value, expected tolerances.
    #[test]
    fn each_tolerance_is_read_and_reported_with_its_line() {
        struct Case {
            text: &'static str,
            value: Json,
            tolerated: &'static [(u32, &'static str)],
        }
        let cases = vec![
            Case {
                text: "{\n  \"a\": 1,\n}",
                value: obj(100, vec![("a", n("1", 101))]),
                tolerated: &[(101, "trailing comma")],
            },
            Case {
                text: "[\n 1,\n 2,\n\n]",
                value: arr(100, vec![n("1", 101), n("2", 102)]),
                tolerated: &[(102, "trailing comma")],
            },
            Case {
                text: "{\n  /* relationships */\n  \"a\": 1\n}",
                value: obj(100, vec![("a", n("1", 102))]),
                tolerated: &[(101, "`/* */` comment")],
            },
            Case {
                text: "{\n  \"id\": \"x\", //template id\n  \"b\": 2\n}",
                value: obj(100, vec![("id", s("x", 101)), ("b", n("2", 102))]),
                tolerated: &[(101, "`//` comment")],
            },
            Case {
                text: "{\n  \"u\": \"https://x/\nusers\"\n}",
                value: obj(100, vec![("u", s("https://x/\nusers", 101))]),
                tolerated: &[(101, "raw newline inside a string")],
            },
            Case {
                text: "{\n  \"endTime\"\u{a0}: \"18:30\",\n\u{202f}\"b\": 1\u{200b}\n}",
                value: obj(100, vec![("endTime", s("18:30", 101)), ("b", n("1", 102))]),
                tolerated: &[
                    (101, "non-ASCII whitespace: U+00A0"),
                    (102, "non-ASCII whitespace: U+202F"),
                    (102, "non-ASCII whitespace: U+200B"),
                ],
            },
            Case {
                text: "[\n  {\"a\": 1},\n  ...\n]",
                value: arr(100, vec![obj(101, vec![("a", n("1", 101))])]),
                tolerated: &[(102, "bare `...` element")],
            },
            Case {
                text: "{\n 'target':'#para-id'\n}",
                value: obj(100, vec![("target", s("#para-id", 101))]),
                tolerated: &[(101, "single-quoted string"), (101, "single-quoted string")],
            },
            Case {
                text: "{\n  credentials: [\n  ]\n}",
                value: obj(100, vec![("credentials", arr(101, vec![]))]),
                tolerated: &[(101, "unquoted key: `credentials`")],
            },
            Case {
                text: "{\n  \"a\": 1\n  \"b\": {}\n}",
                value: obj(100, vec![("a", n("1", 101)), ("b", obj(102, vec![]))]),
                tolerated: &[(102, "missing comma")],
            },
            Case {
                text: "{\n  \"audioDuration\": 00:00:00,\n  \"tz\": +1\n}",
                value: obj(100, vec![("audioDuration", s("00:00:00", 101)), ("tz", s("+1", 102))]),
                tolerated: &[
                    (101, "non-JSON literal kept as a string: `00:00:00`"),
                    (102, "non-JSON literal kept as a string: `+1`"),
                ],
            },
            Case {
                text: "{\n  \"description\": \"User delete x,\n  \"keywords\": \"\"\n}",
                value: obj(100, vec![("description", s("User delete x,", 101)), ("keywords", s("", 102))]),
                tolerated: &[(101, "unterminated string (closed at the end of its line)"), (102, "missing comma")],
            },
            Case {
                text: "{\"a\": 1}\n\nThe following is an example of the response.",
                value: obj(100, vec![("a", n("1", 100))]),
                tolerated: &[(102, "text after the JSON (ignored)")],
            },
            Case {
                text: "{\"a\": \"x\\qy\"}",
                value: obj(100, vec![("a", s("x\\qy", 100))]),
                tolerated: &[(100, "invalid escape kept as written: `\\q`")],
            },
            Case {
                text: "[1,,2]",
                value: arr(100, vec![n("1", 100), n("2", 100)]),
                tolerated: &[(100, "extra comma")],
            },
            Case {
                text: "{\"a\": \"t\tb\"}",
                value: obj(100, vec![("a", s("t\tb", 100))]),
                tolerated: &[(100, "raw control character inside a string: U+0009")],
            },
        ];
        for c in cases {
            let p = parse_json(c.text, 100).unwrap_or_else(|e| panic!("{:?}: {e:?}", c.text));
            assert_eq!(p.json, c.value, "value of {:?}", c.text);
            let got: Vec<(u32, &str)> = p.tolerated.iter().map(|(l, w)| (*l, w.as_str())).collect();
            assert_eq!(got, c.tolerated, "tolerances of {:?}", c.text);
        }
    }

    #[test]
    fn bare_values_run_to_the_delimiter() {
        let text = "{\n  \"description\": translationLanguageOverride resource\",\n  \"d\": 00:00:00 // hh:mm:ss\n}";
        let p = parse_json(text, 1).expect("lenient");
        assert_eq!(
            p.json,
            obj(1, vec![("description", s("translationLanguageOverride resource\"", 2)), ("d", s("00:00:00", 3))])
        );
        let got: Vec<(u32, &str)> = p.tolerated.iter().map(|(l, w)| (*l, w.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (2, "non-JSON literal kept as a string: `translationLanguageOverride resource\"`"),
                (3, "non-JSON literal kept as a string: `00:00:00`"),
                (3, "`//` comment"),
            ]
        );
    }

    #[test]
    fn tolerances_group_by_kind() {
        let t = |l: u32, w: &str| (l, w.to_string());
        let input = vec![
            t(3, "non-ASCII whitespace: U+00A0"),
            t(3, "non-ASCII whitespace: U+00A0"),
            t(4, "trailing comma"),
            t(5, "non-ASCII whitespace: U+202F"),
            t(9, "unquoted key: `a`"),
        ];
        assert_eq!(
            group_tolerances(&input),
            vec![
                t(3, "non-ASCII whitespace: U+00A0 (and 2 more, on lines 3, 5)"),
                t(4, "trailing comma"),
                t(9, "unquoted key: `a`"),
            ]
        );
        let many: Vec<(u32, String)> = (1..=20).map(|l| t(l, "missing comma")).collect();
        assert_eq!(
            group_tolerances(&many),
            vec![t(1, "missing comma (and 19 more, on lines 2, 3, 4, 5, 6, 7, 8, 9, …)")]
        );
    }

    #[test]
    fn unrecoverable_inputs_are_errors_with_lines() {
        let cases: &[(&str, u32)] = &[
            ("", 5),
            ("   \n ", 6),
            ("{\n \"a\": \"oops\n}", 6),
            ("{\n \"a\" 1\n}", 6),
            ("[1, 2", 5),
            ("{\"a\": }", 5),
            ("}", 5),
            ("<bytes 0-25 of the file>", 5),
            ("\nBinary data", 6),
        ];
        for (text, line) in cases {
            match parse_json(text, 5) {
                Err(JsonError::Syntax { line: l, .. }) => assert_eq!(l, *line, "{text:?}"),
                other => panic!("{text:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn nesting_limit_matches_serde_json() {
        for depth in [1usize, 64, 126, 127, 128, 129, 5000, 200_000] {
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let ours = parse_json(&text, 1);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "depth {depth}");
            if theirs.is_err() {
                assert_eq!(ours.err(), Some(JsonError::TooDeep { line: 1 }));
            }
        }
        let objects = format!("{}1{}", "{\"a\":".repeat(300), "}".repeat(300));
        assert!(matches!(parse_json(&objects, 3), Err(JsonError::TooDeep { line: 3 })));
    }

    /// Agrees with serde_json on what is strict: valid documents parse with no tolerances,
    /// invalid ones are either errors or report at least one tolerance.
    #[test]
    fn strictness_agrees_with_serde_json() {
        let samples = [
            "{}",
            "[]",
            "0",
            "-0",
            "1.5e+3",
            "01",
            "1.",
            ".5",
            "-",
            "\"a\"",
            "'a'",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" : [1, 2, {\"b\": null}]}",
            "true",
            "tru",
            "nul",
            "[1 2]",
            "\"\\u12\"",
            "\"\\ud800\"",
            "{\"a\":1}x",
            "{\"a\":1} ",
            " \t\n[ ]\n",
            "\u{feff}{}",
            "[1e5, -1E-5, 0.0]",
            "[\"\u{1}\"]",
        ];
        for text in samples {
            let ours = parse_json(text, 1);
            let strict_ok = serde_json::from_str::<serde_json::Value>(text).is_ok();
            let ours_strict = ours.as_ref().is_ok_and(JsonParse::is_strict);
            assert_eq!(ours_strict, strict_ok, "{text:?}: {ours:?}");
        }
    }

    /// Random bytes, random JSON-ish token soup and unterminated constructs never panic.
    #[test]
    fn never_panics_on_garbage() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let alphabet: Vec<&str> = vec![
            "{", "}", "[", "]", ",", ":", "\"", "'", "\\", "/", "*", "\n", " ", "a", "1", "-", ".", "...", "é",
            "\u{a0}", "\\u", "\\ud800", "true", "//", "/*", "*/", "e",
        ];
        for _ in 0..20_000 {
            let len = (next() % 40) as usize;
            let text: String = (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect();
            let _ = parse_json(&text, 1);
            let bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            let _ = parse_json(&String::from_utf8_lossy(&bytes), 1);
        }
        for text in ["\"abc", "{\"a\": \"", "/*", "[\"\\", "{'a", "{a", "[...", "\"\\u00"] {
            assert!(parse_json(text, 1).is_err(), "{text:?}");
        }
    }
}
