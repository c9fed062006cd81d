//! rustdoc: markdown descriptions from the docs -> safe rustdoc lines (never doctests).
//!
//! The description is parsed with pulldown-cmark and written back as markdown that rustdoc
//! reads the way the docs meant it, with these changes:
//! * code blocks become ```` ```text ```` fences whatever their language, so nothing runs as a
//!   doctest;
//! * links to the page of a generated type become intra-doc links to it (the caller passes the
//!   page -> item resolver, [`doc_lines_linked`]); other relative links to docs pages become
//!   absolute learn.microsoft.com links for the version;
//! * `> [!NOTE]`-style alerts become a bold `**Note:**` paragraph before their text; tables
//!   become rustdoc (markdown) tables, one line per row;
//! * HTML is never passed through: `<br>` / `<p>` become line breaks, `<li>` a list item,
//!   other known formatting tags are dropped, anything else (placeholders like `<country>`)
//!   is kept as escaped text; entities are decoded;
//! * bare URLs are wrapped in `<...>`; text characters markdown or rustdoc would interpret
//!   (`[`, `]`, `<`, `*`, `|`, ...) are backslash-escaped, so there are no broken intra-doc links.
//!
//! The result is one string per line, each starting with a space (so that
//! `#[doc = " line"]` prints as `/// line`), empty strings for blank lines.

use crate::facts::ApiVersion;
use pulldown_cmark::{BlockQuoteKind, Event, LinkType, Options, Parser, Tag, TagEnd};

/// Where a description comes from: decides how relative links resolve.
#[derive(Clone, Copy, Debug)]
pub struct DocContext<'a> {
    pub version: ApiVersion,
    /// The page the description was read from, relative to the docs root
    /// (`beta/resources/group.md`).
    pub page: &'a str,
}

/// Maps a docs page (relative to the docs root, lower-cased: `v1.0/resources/group.md`) to the
/// intra-doc path of the item generated from it (`crate::v1_0::Group`), if any.
pub type ItemLinks<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Converts a markdown description to rustdoc lines (see the module doc); every docs link
/// becomes an absolute learn.microsoft.com link.
pub fn doc_lines(markdown: &str, ctx: &DocContext<'_>) -> Vec<String> {
    doc_lines_linked(markdown, ctx, &|_| None)
}

/// The title of an alert's bold first paragraph.
fn alert_title(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "Note:",
        BlockQuoteKind::Tip => "Tip:",
        BlockQuoteKind::Important => "Important:",
        BlockQuoteKind::Warning => "Warning:",
        BlockQuoteKind::Caution => "Caution:",
    }
}

/// [`doc_lines`], with links to the pages `items` knows turned into intra-doc links.
pub fn doc_lines_linked(markdown: &str, ctx: &DocContext<'_>, items: ItemLinks<'_>) -> Vec<String> {
    if is_plain_paragraph(markdown) {
        // What the parser would hand the writer, without running it: most descriptions
        // ("The name displayed in the address book.") are this, and parsing them was most of
        // the cost of converting docs.
        let mut w = Writer::default();
        w.block_start();
        w.text(markdown);
        w.block_end();
        return w.finish();
    }
    parse_and_write(markdown, ctx, items)
}

/// Characters that can begin markdown syntax somewhere in a line (or an HTML entity).
const MARKUP: &[u8] = b"\\`*_[]<>&!~|";

/// Bytes that keep a description off the plain path: [`MARKUP`] and control characters.
const NOT_PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[0x7f] = true;
    let mut i = 0;
    while i < MARKUP.len() {
        table[MARKUP[i] as usize] = true;
        i += 1;
    }
    table
};

/// Whether pulldown-cmark reads `markdown` as one paragraph holding one text event equal to
/// it: one line, no control character, no leading or trailing space or tab (a paragraph trims
/// them; four spaces make code), no [`MARKUP`] byte, and a first character that cannot open a
/// block (`#` heading, `-`/`+`/`=` list or rule, a digit of `1.`, `>` quote). The writer then
/// gets exactly what the parser would give it; `plain_paragraphs_write_as_parsed` pins it.
fn is_plain_paragraph(markdown: &str) -> bool {
    let bytes = markdown.as_bytes();
    let Some(&first) = bytes.first() else { return false };
    let last = bytes[bytes.len() - 1];
    !matches!(first, b'#' | b'-' | b'+' | b'=' | b' ' | b'\t' | b'0'..=b'9')
        && !matches!(last, b' ' | b'\t')
        && !bytes.iter().any(|&b| NOT_PLAIN[b as usize])
}

/// The general path of [`doc_lines_linked`]: pulldown-cmark's events written back.
fn parse_and_write(markdown: &str, ctx: &DocContext<'_>, items: ItemLinks<'_>) -> Vec<String> {
    let mut w = Writer::default();
    let mut links: Vec<Option<String>> = Vec::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut in_code_block = false;
    let mut in_autolink = false;
    // Columns of the table being written (for the `|---|` line after its head).
    let mut table_columns = 0usize;
    let options = Options::ENABLE_TABLES | Options::ENABLE_GFM;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => w.block_start(),
                Tag::Heading { level, .. } => {
                    w.block_start();
                    w.raw(&"#".repeat(level as usize));
                    w.raw(" ");
                }
                Tag::BlockQuote(Some(kind)) => {
                    // An alert: a bold title paragraph, then its content as plain paragraphs.
                    w.block_start();
                    w.raw(&format!("**{}**", alert_title(kind)));
                    w.block_end();
                    w.prefix.push(String::new());
                }
                Tag::BlockQuote(None) => {
                    w.block_start();
                    w.prefix.push("> ".to_string());
                }
                Tag::Table(aligns) => {
                    w.block_start();
                    table_columns = aligns.len();
                }
                Tag::TableHead | Tag::TableRow => {
                    w.line_end();
                    w.raw("|");
                }
                Tag::TableCell => w.raw(" "),
                Tag::CodeBlock(_) => {
                    // Every language (`rust` included) and indented code becomes `text`.
                    w.block_start();
                    in_code_block = true;
                    w.code = Some(String::new());
                }
                Tag::List(first) => {
                    w.block_start();
                    lists.push(first);
                }
                Tag::Item => {
                    w.line_end();
                    let marker = match lists.last_mut() {
                        Some(Some(n)) => {
                            let m = format!("{n}. ");
                            *n += 1;
                            m
                        }
                        _ => "- ".to_string(),
                    };
                    w.raw(&marker);
                    w.prefix.push(" ".repeat(marker.len()));
                    w.started_item = true;
                }
                Tag::Emphasis => w.raw("*"),
                Tag::Strong => w.raw("**"),
                Tag::Strikethrough => w.raw("~~"),
                Tag::Link { link_type: LinkType::Autolink | LinkType::Email, dest_url, .. } => {
                    // `<https://...>` stays an autolink; its text event repeats the URL.
                    w.raw(&format!("<{dest_url}>"));
                    links.push(None);
                    in_autolink = true;
                }
                Tag::Link { dest_url, .. } => {
                    let url = item_link(&dest_url, ctx, items).or_else(|| resolve_link(&dest_url, ctx));
                    if url.is_some() {
                        w.raw("[");
                    }
                    links.push(url);
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::Heading(_) => w.block_end(),
                TagEnd::TableCell => w.raw(" |"),
                TagEnd::TableHead => {
                    w.line_end();
                    w.raw(&format!("|{}", "---|".repeat(table_columns.max(1))));
                    w.line_end();
                }
                TagEnd::TableRow => w.line_end(),
                TagEnd::Table => w.block_end(),
                TagEnd::BlockQuote(_) => {
                    w.prefix.pop();
                    w.block_end();
                }
                TagEnd::CodeBlock => {
                    in_code_block = false;
                    let code = w.code.take().unwrap_or_default();
                    let fence = "`".repeat(3.max(longest_run(&code, '`') + 1));
                    w.raw(&fence);
                    w.raw("text");
                    for line in code.trim_end_matches('\n').split('\n') {
                        w.newline();
                        w.raw(line);
                    }
                    w.newline();
                    w.raw(&fence);
                    w.block_end();
                }
                TagEnd::List(_) => {
                    lists.pop();
                    if lists.is_empty() {
                        w.block_end();
                    } else {
                        // A nested list ends inside its item: no blank line, which would make
                        // the outer list loose.
                        w.line_end();
                    }
                }
                TagEnd::Item => {
                    w.prefix.pop();
                    w.started_item = false;
                }
                TagEnd::Emphasis => w.raw("*"),
                TagEnd::Strong => w.raw("**"),
                TagEnd::Strikethrough => w.raw("~~"),
                TagEnd::Link => {
                    in_autolink = false;
                    if let Some(Some(url)) = links.pop() {
                        w.raw("](");
                        w.raw(&url.replace(' ', "%20").replace('(', "%28").replace(')', "%29"));
                        w.raw(")");
                    }
                }
                _ => {}
            },
            Event::Text(_) if in_autolink => {}
            Event::Text(text) => {
                if in_code_block {
                    if let Some(code) = w.code.as_mut() {
                        code.push_str(&text);
                    }
                } else {
                    w.text(&text);
                }
            }
            Event::Code(code) => w.code_span(&code),
            Event::Html(html) | Event::InlineHtml(html) => html_to_markdown(&html, &mut w),
            Event::SoftBreak | Event::HardBreak => w.newline(),
            Event::Rule => {
                w.block_start();
                w.raw("---");
                w.block_end();
            }
            _ => {}
        }
    }
    w.finish()
}

/// `text` as a markdown code span (page paths, HTTP request lines, wire names).
pub fn code_span(text: &str) -> String {
    // Most spans (wire names, paths, file names) hold no backtick and no line break: one
    // allocation, no search for the longest backtick run.
    if memchr::memchr3(b'`', b'\n', b'\r', text.as_bytes()).is_none() {
        let mut span = String::with_capacity(text.len() + 2);
        span.push('`');
        span.push_str(text);
        span.push('`');
        return span;
    }
    let text = text.replace(['\n', '\r'], " ");
    let ticks = "`".repeat(longest_run(&text, '`') + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

/// `text` (a page title, a permission name) escaped so markdown reads it literally.
pub fn plain_text(text: &str) -> String {
    let mut w = Writer::default();
    w.text(&text.replace(['\n', '\r'], " "));
    w.finish().into_iter().map(|l| l.trim_start().to_string()).collect::<Vec<_>>().join(" ")
}

/// The ` Source: `a.md`, `b.md`` line of a generated item.
pub fn source_line<'a>(files: impl Iterator<Item = &'a str>) -> String {
    let files: Vec<String> = files.map(code_span).collect();
    format!(" Source: {}", files.join(", "))
}

/// The intra-doc path for a link to the page of a generated item (no fragment: an anchor
/// inside a page has no item to point at).
fn item_link(dest: &str, ctx: &DocContext<'_>, items: ItemLinks<'_>) -> Option<String> {
    let dest = dest.trim();
    let lower = dest.to_ascii_lowercase();
    if dest.is_empty() || dest.starts_with(['#', '/']) || dest.contains(['#', '?']) || lower.contains(':') {
        return None;
    }
    // Resolve against the page's folder, keeping the version folder.
    let mut segs: Vec<&str> = ctx.page.split('/').collect();
    segs.pop();
    for seg in dest.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                segs.pop();
            }
            s => segs.push(s),
        }
    }
    items(&segs.join("/").to_ascii_lowercase())
}

/// Absolute form of a link target, or `None` when the link is only an anchor or empty
/// (its text is kept without a link).
fn resolve_link(dest: &str, ctx: &DocContext<'_>) -> Option<String> {
    let dest = dest.trim();
    if dest.is_empty() || dest.starts_with('#') {
        return None;
    }
    let lower = dest.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:") {
        return Some(dest.to_string());
    }
    if lower.contains(':') {
        return None; // other schemes (javascript:, ...) are not links worth keeping
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    let path = path.split_once('?').map(|(p, _)| p).unwrap_or(path);
    let view = match ctx.version {
        ApiVersion::V1_0 => "graph-rest-1.0",
        ApiVersion::Beta => "graph-rest-beta",
    };
    let mut url = if let Some(abs) = path.strip_prefix('/') {
        format!("https://learn.microsoft.com/{}", abs.trim_end_matches(".md"))
    } else {
        // Resolve against the page's folder below the version folder (`api`, `resources`).
        let mut segs: Vec<&str> = ctx.page.split('/').skip(1).collect();
        segs.pop();
        for seg in path.split('/') {
            match seg {
                "" | "." => {}
                ".." => {
                    segs.pop();
                }
                s => segs.push(s),
            }
        }
        let joined = segs.join("/");
        let joined = joined.trim_end_matches(".md");
        let site_path = if joined.starts_with("api/") || joined.starts_with("resources/") {
            format!("graph/api/{}", joined.strip_prefix("api/").unwrap_or(joined))
        } else {
            format!("graph/{joined}")
        };
        format!("https://learn.microsoft.com/{site_path}?view={view}")
    };
    if let Some(f) = fragment {
        url.push('#');
        url.push_str(f);
    }
    Some(url)
}

/// Longest run of `c` in `s`.
fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut cur) = (0, 0);
    for ch in s.chars() {
        if ch == c {
            cur += 1;
            best = best.max(cur);
        } else {
            cur = 0;
        }
    }
    best
}

/// HTML tags that only format: dropped (with the line structure they imply).
const FORMATTING_TAGS: &[&str] = &[
    "a", "b", "i", "em", "strong", "code", "span", "div", "sup", "sub", "u", "table", "thead", "tbody", "tr", "td",
    "th", "font", "center", "small", "img", "pre", "ol", "ul", "li", "br", "p", "strike", "s", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "nobr", "wbr", "tt", "kbd", "var", "section", "details", "summary",
];

/// Writes an HTML event: known tags become line structure or nothing, other `<...>` text and
/// comments are handled as described in the module doc.
fn html_to_markdown(html: &str, w: &mut Writer) {
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            w.text(&decode_entities(rest));
            break;
        };
        if lt > 0 {
            w.text(&decode_entities(rest.get(..lt).unwrap_or("")));
        }
        let tail = rest.get(lt..).unwrap_or("");
        if tail.starts_with("<!--") {
            rest = match tail.find("-->") {
                Some(end) => tail.get(end + 3..).unwrap_or(""),
                None => "",
            };
            continue;
        }
        let Some(gt) = tail.find('>') else {
            w.text(&decode_entities(tail));
            break;
        };
        let tag = tail.get(1..gt).unwrap_or("");
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if FORMATTING_TAGS.contains(&name.as_str()) {
            let closing = tag.starts_with('/');
            match name.as_str() {
                "br" | "tr" | "hr" => w.newline(),
                "p" | "ul" | "ol" | "table" | "div" | "pre" => {
                    if closing {
                        w.block_end()
                    } else {
                        w.block_start()
                    }
                }
                "li" if !closing => {
                    w.newline();
                    w.raw("- ");
                }
                "td" | "th" if !closing => w.text(" "),
                _ => {}
            }
        } else {
            // A placeholder such as `<country>`: keep it as text.
            w.text(tail.get(..=gt).unwrap_or(""));
        }
        rest = tail.get(gt + 1..).unwrap_or("");
    }
}

/// Decodes the HTML entities pulldown-cmark leaves inside raw HTML. Unknown ones stay text.
fn decode_entities(s: &str) -> String {
    const NAMED: &[(&str, &str)] = &[
        ("amp", "&"),
        ("lt", "<"),
        ("gt", ">"),
        ("quot", "\""),
        ("apos", "'"),
        ("nbsp", "\u{a0}"),
        ("copy", "©"),
        ("reg", "®"),
        ("trade", "™"),
        ("mdash", "—"),
        ("ndash", "–"),
        ("hellip", "…"),
        ("lsquo", "‘"),
        ("rsquo", "’"),
        ("ldquo", "“"),
        ("rdquo", "”"),
        ("bull", "•"),
        ("middot", "·"),
    ];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let tail = rest.get(amp..).unwrap_or("");
        let decoded = tail.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let body = tail.get(1..semi)?;
            let ch = if let Some(num) = body.strip_prefix('#') {
                let n = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => num.parse().ok()?,
                };
                char::from_u32(n)?.to_string()
            } else {
                NAMED.iter().find(|(n, _)| *n == body)?.1.to_string()
            };
            Some((ch, semi))
        });
        match decoded {
            Some((ch, semi)) => {
                out.push_str(&ch);
                rest = tail.get(semi + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// Accumulates markdown text line by line.
#[derive(Default)]
struct Writer {
    lines: Vec<String>,
    cur: String,
    /// Indentation / quote markers repeated at the start of every new line.
    prefix: Vec<String>,
    /// Nothing but the prefix written on the current line yet.
    line_fresh: bool,
    /// The current line is the first line of a list item (its marker is already written).
    started_item: bool,
    /// Text of the code block being read.
    code: Option<String>,
}

impl Writer {
    fn ensure_prefix(&mut self) {
        if self.cur.is_empty() && !self.line_fresh {
            for p in &self.prefix {
                self.cur.push_str(p);
            }
            self.line_fresh = true;
            if self.started_item {
                // The marker is on this line already: drop the item's own indentation.
                let indent = self.prefix.last().map(String::len).unwrap_or(0);
                let keep = self.cur.len().saturating_sub(indent);
                self.cur.truncate(keep);
            }
        }
    }
    fn raw(&mut self, s: &str) {
        self.ensure_prefix();
        self.cur.push_str(s);
        self.line_fresh = false;
    }
    fn newline(&mut self) {
        let line = std::mem::take(&mut self.cur);
        self.lines.push(line.trim_end().to_string());
        self.line_fresh = false;
        self.started_item = false;
    }
    /// Starts a block: a blank line before it unless at the very start or right after a
    /// list marker.
    fn block_start(&mut self) {
        if self.started_item && !self.cur.trim().is_empty() {
            return;
        }
        if !self.cur.trim().is_empty() {
            self.newline();
        }
        self.cur.clear();
        self.line_fresh = false;
        if self.lines.last().is_some_and(|l| !l.trim().is_empty()) {
            self.lines.push(String::new());
        }
    }
    fn line_end(&mut self) {
        if !self.cur.trim().is_empty() {
            self.newline();
        }
        self.cur.clear();
        self.line_fresh = false;
    }
    fn block_end(&mut self) {
        if !self.cur.trim().is_empty() {
            self.newline();
        }
        self.cur.clear();
        self.line_fresh = false;
        self.lines.push(String::new());
    }
    fn code_span(&mut self, code: &str) {
        self.raw(&code_span(code));
    }
    /// Writes prose: escapes what markdown would read as syntax, wraps bare URLs.
    fn text(&mut self, text: &str) {
        let mut rest = text;
        while !rest.is_empty() {
            match find_url(rest) {
                Some((start, end)) => {
                    self.escaped(rest.get(..start).unwrap_or(""));
                    self.raw(&format!("<{}>", rest.get(start..end).unwrap_or("")));
                    rest = rest.get(end..).unwrap_or("");
                }
                None => {
                    self.escaped(rest);
                    break;
                }
            }
        }
    }
    fn escaped(&mut self, text: &str) {
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.newline();
            }
            if line.is_empty() {
                continue;
            }
            self.ensure_prefix();
            let at_start = self.line_fresh && !self.started_item || self.cur.trim().is_empty();
            // Leading spaces could turn the line into an indented code block (a doctest).
            let line = if self.line_fresh || self.cur.ends_with(' ') { line.trim_start() } else { line };
            let prev = self.cur.chars().last();
            push_escaped(&mut self.cur, line, at_start, prev);
            self.line_fresh = false;
        }
    }
    fn finish(mut self) -> Vec<String> {
        if !self.cur.trim().is_empty() {
            self.newline();
        }
        let mut out: Vec<String> = Vec::new();
        for line in self.lines {
            if line.is_empty() && out.last().is_none_or(|l| l.is_empty()) {
                continue; // no leading or doubled blank lines
            }
            out.push(line);
        }
        while out.last().is_some_and(|l| l.is_empty()) {
            out.pop();
        }
        out.into_iter().map(|l| if l.is_empty() { l } else { format!(" {l}") }).collect()
    }
}

/// Characters markdown reads as syntax anywhere in a line; `_` is one of them only at a word
/// boundary ([`push_escaped`]). All ASCII, so a byte search finds them.
const ALWAYS_SYNTAX: &[u8] = b"\\`*[]<>|&~_";

/// `ALWAYS_SYNTAX` as a byte table, for the scan over the settled part of a line.
const IS_ALWAYS_SYNTAX: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < ALWAYS_SYNTAX.len() {
        table[ALWAYS_SYNTAX[i] as usize] = true;
        i += 1;
    }
    table
};

/// Appends one line of prose to `out`, a backslash before each character markdown would read
/// as syntax: `ALWAYS_SYNTAX` (`_` only where it touches a non-alphanumeric character or the
/// line's end), and at the start of a line (`at_start`) the block markers `#`, `-`, `+`, `=`
/// before any other character and `.`/`)` after a leading number (`1.`, `2)`). `prev` is the
/// character before the line (for the `_` rule).
///
/// The head of a line, where a block marker can still begin, is read character by character;
/// once it is settled (a non-blank character that is not part of a number, or an escape), the
/// rest is copied in runs between the bytes of `ALWAYS_SYNTAX`, which most descriptions
/// barely contain.
fn push_escaped(out: &mut String, line: &str, at_start: bool, mut prev: Option<char>) {
    let mut rest = line;
    if at_start {
        // What the head holds so far: only whitespace, only ASCII digits and spaces.
        let (mut blank, mut numeral) = (true, true);
        let mut chars = line.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if !blank && !numeral {
                rest = line.get(at..).unwrap_or("");
                break;
            }
            let next = chars.peek().map(|&(_, n)| n);
            let escape = match c {
                '_' => !prev.is_some_and(char::is_alphanumeric) || !next.is_some_and(char::is_alphanumeric),
                c if c.is_ascii() && IS_ALWAYS_SYNTAX[c as usize] => true,
                '#' | '-' | '+' | '=' => blank,
                '.' | ')' => numeral && !blank,
                _ => false,
            };
            if escape {
                out.push('\\');
                (blank, numeral) = (false, false);
            }
            out.push(c);
            blank &= c.is_whitespace();
            numeral &= c.is_ascii_digit() || c == ' ';
            prev = Some(c);
            if next.is_none() {
                return;
            }
        }
    }
    while let Some(at) = rest.bytes().position(|b| IS_ALWAYS_SYNTAX[usize::from(b)]) {
        let (run, tail) = rest.split_at(at);
        out.push_str(run);
        if let Some(c) = run.chars().next_back() {
            prev = Some(c);
        }
        let c = char::from(tail.as_bytes()[0]);
        let next = tail.get(1..).and_then(|t| t.chars().next());
        let escape = c != '_' || !prev.is_some_and(char::is_alphanumeric) || !next.is_some_and(char::is_alphanumeric);
        if escape {
            out.push('\\');
        }
        out.push(c);
        prev = Some(c);
        rest = tail.get(1..).unwrap_or("");
    }
    out.push_str(rest);
}

/// The byte range of the first bare `http(s)://` URL in `s`, without trailing punctuation.
fn find_url(s: &str) -> Option<(usize, usize)> {
    // The first `http` that goes on as `://` or `s://` is the earlier of the two schemes.
    let start = memchr::memmem::find_iter(s.as_bytes(), b"http").find(|&at| {
        let after = s.as_bytes().get(at + 4..).unwrap_or_default();
        after.starts_with(b"://") || after.starts_with(b"s://")
    })?;
    let tail = s.get(start..)?;
    let mut end = tail.find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`')).unwrap_or(tail.len());
    while end > 0 {
        let last = tail.get(..end)?.chars().last()?;
        if matches!(last, '.' | ',' | ';' | ':' | ')' | '\'' | '!' | '?' | ']') {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    if end <= "https://".len() {
        return None;
    }
    Some((start, start + end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paragraphs_write_as_parsed() {
        let ctx = DocContext { version: ApiVersion::Beta, page: "beta/resources/group.md" };
        let plain = [
            "The name displayed in the address book for the user.",
            "Read-only. Nullable. Supports $filter (eq, ne, not, ge, le, in).",
            "See https://example.com/a?b=c for details.",
            "Unicode: caf\u{e9}, \u{a0}non-breaking\u{a0}, emoji \u{1f600}.",
            "a",
            "Faster? No: 2x (not a list, 1. neither).",
            "Quoted \"text\" and 'text' and {braces} and ^caret and $dollar.",
            "Ends with a period.\u{a0}",
            "Spaces  inside   stay.",
        ];
        for md in plain {
            assert!(is_plain_paragraph(md), "{md:?} should take the plain path");
            assert_eq!(doc_lines_linked(md, &ctx, &|_| None), parse_and_write(md, &ctx, &|_| None), "{md:?}");
        }
        let not_plain = [
            "",
            " leading space",
            "trailing space ",
            "two\nlines",
            "1. a list",
            "- a list",
            "# heading",
            "> quote",
            "=== rule",
            "a [link](x.md)",
            "a `code` span",
            "*emphasis*",
            "snake_case",
            "a &amp; b",
            "a <b>tag</b>",
            "a | pipe",
            "tab\tinside",
        ];
        for md in not_plain {
            assert!(!is_plain_paragraph(md), "{md:?} should be parsed");
        }
    }

    /// The escaping rule as one character-by-character loop (how `push_escaped` was first
    /// written): the reference its fast path must match.
    fn escaped_reference(line: &str, at_start: bool, mut prev: Option<char>) -> String {
        let mut out = String::new();
        let (mut blank, mut numeral) = (true, true);
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            let next = chars.peek().copied();
            let line_start = at_start && blank;
            let escape = match c {
                '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '&' | '~' => true,
                '_' => !prev.is_some_and(|p| p.is_alphanumeric()) || !next.is_some_and(|n| n.is_alphanumeric()),
                '#' | '-' | '+' | '=' => line_start,
                '.' | ')' => at_start && numeral && !blank,
                _ => false,
            };
            if escape {
                out.push('\\');
                (blank, numeral) = (false, false);
            }
            out.push(c);
            blank &= c.is_whitespace();
            numeral &= c.is_ascii_digit() || c == ' ';
            prev = Some(c);
        }
        out
    }

    #[test]
    fn fast_escaping_matches_the_character_loop() {
        let pieces = [
            "",
            " ",
            "\u{a0}",
            "\t",
            "1",
            "12",
            "3.",
            "4)",
            "#",
            "-",
            "+",
            "=",
            ".",
            ")",
            "_",
            "__",
            "a_b",
            "_a",
            "a_",
            "\u{e9}_\u{e9}",
            "x",
            "Word",
            "*",
            "`",
            "[",
            "]",
            "<",
            ">",
            "|",
            "&",
            "~",
            "\\",
            "é",
            "日本",
            "-1",
            "--",
        ];
        let mut checked = 0;
        for a in pieces {
            for b in pieces {
                for c in ["", "_", "x_", " - ", ". #"] {
                    let line = format!("{a}{b}{c}");
                    for at_start in [true, false] {
                        for prev in [None, Some('a'), Some(' '), Some('_')] {
                            let mut fast = String::new();
                            push_escaped(&mut fast, &line, at_start, prev);
                            assert_eq!(fast, escaped_reference(&line, at_start, prev), "{line:?} {at_start} {prev:?}");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert_eq!(checked, pieces.len() * pieces.len() * 5 * 2 * 4);
    }

    #[test]
    fn bare_urls_are_found_whichever_scheme_comes_first() {
        assert_eq!(find_url("see http://a.example/x and https://b.example"), Some((4, 22)));
        assert_eq!(find_url("httpx https://b.example/y."), Some((6, 25)));
        assert_eq!(find_url("http https http:/ https:/"), None);
        assert_eq!(find_url("https://"), None);
    }

    fn render(md: &str) -> String {
        let ctx = DocContext { version: ApiVersion::V1_0, page: "v1.0/resources/group.md" };
        doc_lines(md, &ctx).join("\n")
    }

    #[test]
    fn links_to_generated_items_become_intra_doc_links() {
        let items = |page: &str| match page {
            "v1.0/resources/user.md" => Some("crate::v1_0::User".to_string()),
            _ => None,
        };
        let cases: &[(&str, &str, &str)] = &[
            ("v1.0/resources/group.md", "A [user](user.md).", " A [user](crate::v1_0::User)."),
            ("v1.0/resources/group.md", "A [user](User.md).", " A [user](crate::v1_0::User)."),
            ("v1.0/api/group-update.md", "A [user](../resources/user.md).", " A [user](crate::v1_0::User)."),
            // An anchor inside the page, or a page without an item: absolute links.
            (
                "v1.0/resources/group.md",
                "[props](user.md#properties)",
                " [props](https://learn.microsoft.com/graph/api/resources/user?view=graph-rest-1.0#properties)",
            ),
            (
                "v1.0/resources/group.md",
                "[g](group.md)",
                " [g](https://learn.microsoft.com/graph/api/resources/group?view=graph-rest-1.0)",
            ),
        ];
        for (page, md, want) in cases {
            let ctx = DocContext { version: ApiVersion::V1_0, page };
            assert_eq!(doc_lines_linked(md, &ctx, &items).join("\n"), *want, "{md}");
        }
    }

    #[test]
    fn conversions() {
        let cases: &[(&str, &str)] = &[
            ("The name of the group.", " The name of the group."),
            ("", ""),
            ("```rust\nfn main() {}\n```", " ```text\n fn main() {}\n ```"),
            ("```\nplain\n```", " ```text\n plain\n ```"),
            ("    indented code", " ```text\n indented code\n ```"),
            ("```json\n{\"a\": \"```\"}\n```", " ````text\n {\"a\": \"```\"}\n ````"),
            (
                "See [group](../resources/group.md).",
                " See [group](https://learn.microsoft.com/graph/api/resources/group?view=graph-rest-1.0).",
            ),
            (
                "See [update](../api/group-update.md#request).",
                " See [update](https://learn.microsoft.com/graph/api/group-update?view=graph-rest-1.0#request).",
            ),
            (
                "See [user](user.md).",
                " See [user](https://learn.microsoft.com/graph/api/resources/user?view=graph-rest-1.0).",
            ),
            ("See [concepts](/graph/throttling).", " See [concepts](https://learn.microsoft.com/graph/throttling)."),
            ("See [here](#properties).", " See here."),
            ("First.<br>Second.", " First.\n Second."),
            ("First.<br/>Second.", " First.\n Second."),
            ("A &lt;tag&gt; &amp; more", " A \\<tag\\> \\& more"),
            ("Use <country> code", " Use \\<country\\> code"),
            ("<b>bold</b> text", " bold text"),
            ("Go to https://example.com/x.", " Go to <https://example.com/x>."),
            ("Array [0] and [link][missing]", " Array \\[0\\] and \\[link\\]\\[missing\\]"),
            ("End */ and \"#] here", " End \\*/ and \"#\\] here"),
            ("a `code [x]` span", " a `code [x]` span"),
            ("Values: <ul><li>`a`: first</li><li>`b`</li></ul>", " Values:\n\n - `a`: first\n - `b`"),
            ("- one\n- two", " - one\n - two"),
            ("1. one\n2. two", " 1. one\n 2. two"),
            ("> [!NOTE]\n> Careful.", " **Note:**\n\n Careful."),
            ("> [!WARNING]\n> Careful.\n>\n> Really.", " **Warning:**\n\n Careful.\n\n Really."),
            ("> Quoted.", " > Quoted."),
            ("| A | B |\n|---|---|\n| 1 | x\\|y |", " | A | B |\n |---|---|\n | 1 | x\\|y |"),
            ("Para one.\n\nPara two.", " Para one.\n\n Para two."),
            ("x &#124; y &#x2713;", " x \\| y ✓"),
            ("snake_case _emph_ \\_lit\\_", " snake_case *emph* \\_lit\\_"),
            ("<!-- hidden --> shown", " shown"),
            ("See <https://example.com/a> now", " See <https://example.com/a> now"),
            ("Mail <a@example.com>.", " Mail <a@example.com>."),
        ];
        for (md, want) in cases {
            assert_eq!(render(md), *want, "input: {md:?}");
        }
    }

    #[test]
    fn structure() {
        let cases: &[(&str, &str)] = &[
            ("- a\n  - b\n- c", " - a\n   - b\n - c"),
            ("- a\n\n- b", " - a\n\n - b"),
            ("## Heading\n\nText", " ## Heading\n\n Text"),
            ("Line one\nline two", " Line one\n line two"),
            ("Text\n\n---\n\nMore", " Text\n\n ---\n\n More"),
            ("a\n# heading", " a\n\n # heading"),
            ("a\n\\# not heading", " a\n \\# not heading"),
            ("x <br> - y", " x\n \\- y"),
            ("![alt text](img.png) after", " alt text after"),
        ];
        for (md, want) in cases {
            assert_eq!(render(md), *want, "input: {md:?}");
        }
    }

    #[test]
    fn helpers() {
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
        assert_eq!(code_span("displayName"), "`displayName`");
        assert_eq!(code_span("a\nb\rc"), "`a b c`");
        assert_eq!(code_span(""), "``");
        assert_eq!(plain_text("Update [group] <x>"), "Update \\[group\\] \\<x\\>");
        assert_eq!(source_line(["a.md", "b.md"].into_iter()), " Source: `a.md`, `b.md`");
    }

    #[test]
    fn beta_links_use_the_beta_view() {
        let ctx = DocContext { version: ApiVersion::Beta, page: "beta/api/group-update.md" };
        let lines = doc_lines("[group](../resources/group.md)", &ctx);
        assert_eq!(
            lines,
            vec![" [group](https://learn.microsoft.com/graph/api/resources/group?view=graph-rest-beta)".to_string()]
        );
    }

    #[test]
    fn no_line_can_open_a_doctest() {
        for md in ["```rust\nassert!(false);\n```", "```\nassert!(false);\n```", "    assert!(false);"] {
            let ctx = DocContext { version: ApiVersion::V1_0, page: "v1.0/resources/a.md" };
            let lines = doc_lines(md, &ctx);
            let fences: Vec<&String> = lines.iter().filter(|l| l.trim_start().starts_with("```")).collect();
            assert_eq!(fences.len(), 2, "{md:?}");
            assert_eq!(fences.first().map(|l| l.trim()), Some("```text"), "{md:?}");
        }
    }
}
