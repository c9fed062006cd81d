//! document: the markdown structure of a page (pulldown-cmark, GFM tables) flattened into
//! a list of blocks with lines: headings, paragraphs, tables (rows kept as source text),
//! code blocks and HTML comments. Everything else in `parse` works on this list.

use super::lines::LineCursor;
use super::sections::Heading;
use super::table::{RawRow, RawTable};
use super::text::split_row;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;

#[derive(Clone, Debug)]
pub enum Block {
    Heading(Heading),
    /// Paragraph source text (markdown as written).
    Paragraph {
        text: String,
        line: u32,
        in_quote: bool,
    },
    Table(RawTable),
    Code(CodeFence),
    Comment(Comment),
}

#[derive(Clone, Debug)]
pub struct CodeFence {
    /// Line of the opening fence (or first line of an indented block).
    pub line: u32,
    /// Page line of the first content line.
    pub content_line: u32,
    pub content: String,
    pub closed: bool,
}

#[derive(Clone, Debug)]
pub struct Comment {
    /// Line of `<!--`.
    pub line: u32,
    /// Text between `<!--` and `-->`.
    pub body: String,
    pub closed: bool,
}

#[derive(Debug, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// Link reference definitions, label lower-cased -> destination.
    pub refs: HashMap<String, String>,
}

impl Document {
    pub fn resolve_ref(&self, label: &str) -> Option<String> {
        self.refs.get(&label.trim().to_lowercase()).cloned()
    }
}

/// Reads the markdown structure of `text`. Front matter (lines `1..=front_matter_end`) is
/// blanked first so that its `---` lines cannot turn into setext headings or rules.
pub fn read(text: &str, front_matter_end: u32, lines: &LineCursor<'_>) -> Document {
    let blanked = blank_front_matter(text, front_matter_end);
    let text = blanked.as_str();
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter();
    let refs = parser.reference_definitions().iter().map(|(k, d)| (k.to_lowercase(), d.dest.to_string())).collect();
    let mut doc = Document { blocks: Vec::new(), refs };

    let mut heading: Option<(u8, u32, String, bool)> = None;
    let mut code: Option<CodeFence> = None;
    let mut table: Option<RawTable> = None;
    let mut in_head = false;
    let mut quote_depth = 0u32;

    for (event, range) in parser {
        let src = text.get(range.clone()).unwrap_or("");
        // Only the events that make a block need their line (counted from the last one asked).
        let line = || lines.line(range.start);
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level as u8, line(), String::new(), false)),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, line, raw, tab)) = heading.take() {
                    // NBSPs and TABs are spaces; runs of spaces are one.
                    let text = raw
                        .split(|c: char| c.is_whitespace() || c == '\u{A0}')
                        .filter(|w| !w.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                    let text = text.trim_end_matches(':').trim_end().to_string();
                    // `# [HTTP](#tab/http)` tab-group labels and `[!INCLUDE ...]` lines that a
                    // following `---` turned into setext headings are not headings.
                    if !tab && !text.starts_with("[!") {
                        doc.blocks.push(Block::Heading(Heading { level, text, line }));
                    }
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(h) = heading.as_mut() {
                    if dest_url.starts_with("#tab/") {
                        h.3 = true;
                    }
                }
            }
            Event::Text(t) | Event::Code(t) if code.is_none() => {
                if let Some(h) = heading.as_mut() {
                    h.2.push_str(&t);
                }
            }
            Event::Start(Tag::Paragraph) if heading.is_none() && table.is_none() => {
                doc.blocks.push(Block::Paragraph {
                    text: src.trim_end().to_string(),
                    line: line(),
                    in_quote: quote_depth > 0,
                });
            }
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::Start(Tag::Table(_)) => {
                table = Some(RawTable { line: line(), header: Vec::new(), rows: Vec::new() })
            }
            Event::Start(Tag::TableHead) => {
                in_head = true;
                if let Some(t) = table.as_mut() {
                    t.line = line();
                    let mut header = split_row(first_line(src));
                    // `| Property | Type | Description |     |`: a trailing column with no
                    // name is not a column.
                    while header.len() > 1 && header.last().is_some_and(|c| c.is_empty()) {
                        header.pop();
                    }
                    t.header = header;
                }
            }
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) if !in_head => {
                if let Some(t) = table.as_mut() {
                    t.rows.push(RawRow { line: line(), text: first_line(src).to_string() });
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some(t) = table.take() {
                    doc.blocks.push(Block::Table(t));
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let code_fenced = matches!(kind, CodeBlockKind::Fenced(_));
                let line = line();
                let content_line = if code_fenced { line + 1 } else { line };
                code = Some(CodeFence {
                    line,
                    content_line,
                    content: String::new(),
                    closed: !code_fenced || fence_closed(src),
                });
            }
            Event::Text(t) => {
                if let Some(c) = code.as_mut() {
                    c.content.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(c) = code.take() {
                    doc.blocks.push(Block::Code(c));
                }
            }
            Event::Start(Tag::HtmlBlock) => {
                let start = range.start;
                push_comments(&mut doc.blocks, src, start, lines);
            }
            _ => {}
        }
    }
    doc
}

/// The first line of a row's source (rows never span lines; this guards odd ranges).
fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

/// A fenced block is closed when its source ends with a fence line (``` or ~~~).
fn fence_closed(src: &str) -> bool {
    let mut lines = src.trim_end().lines();
    let first = lines.next();
    let last = lines.next_back();
    match (first, last) {
        (Some(_), Some(last)) => {
            let l = last.trim();
            l.len() >= 3 && (l.chars().all(|c| c == '`') || l.chars().all(|c| c == '~'))
        }
        _ => false,
    }
}

/// Every `<!-- ... -->` comment in an HTML block, with its line.
fn push_comments(blocks: &mut Vec<Block>, src: &str, start: usize, lines: &LineCursor<'_>) {
    let mut from = 0;
    while let Some(i) = src.get(from..).and_then(|s| s.find("<!--")) {
        let open = from + i;
        let body_start = open + 4;
        let line = lines.line(start + open);
        match src.get(body_start..).and_then(|s| s.find("-->")) {
            Some(end) => {
                let body = &src[body_start..body_start + end];
                blocks.push(Block::Comment(Comment { line, body: body.to_string(), closed: true }));
                from = body_start + end + 3;
            }
            None => {
                let body = src.get(body_start..).unwrap_or("");
                blocks.push(Block::Comment(Comment { line, body: body.to_string(), closed: false }));
                break;
            }
        }
    }
}

/// `text` with every byte of the front matter lines replaced by a space (newlines kept), so
/// offsets and lines stay those of the page (a multi-byte character becomes as many spaces
/// as it had bytes).
fn blank_front_matter(text: &str, end_line: u32) -> String {
    if end_line == 0 {
        return text.to_string();
    }
    // Byte offset just past the newline that ends line `end_line` (the whole text if it has
    // fewer lines). Every byte before it but the newlines becomes a space, which is the same
    // as one space per byte of each character.
    let end = memchr::memchr_iter(b'\n', text.as_bytes()).nth(end_line as usize - 1).map_or(text.len(), |i| i + 1);
    let mut bytes = text.as_bytes().to_vec();
    for b in &mut bytes[..end] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
    // Only whole characters were replaced, by ASCII, so the bytes are still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<Block> {
        let lines = LineCursor::new(text);
        let (_, end) = super::super::front_matter::parse(text);
        read(text, end, &lines).blocks
    }

    #[test]
    fn structure_with_lines() {
        let text = "---\ntitle: x\n---\n# Title\n\nSummary.\n\n# [HTTP](#tab/http)\n<!-- { \"blockType\": \"request\" } -->\n```http\nGET /me\n```\n---\n\n## Properties\n| Property | Type |\n|---|---|\n|id|String|\n<!--\n|a|b|\n|-|-|\n-->\n";
        let b = blocks(text);
        let kinds: Vec<String> = b
            .iter()
            .map(|b| match b {
                Block::Heading(h) => format!("h{}:{}@{}", h.level, h.text, h.line),
                Block::Paragraph { text, line, .. } => format!("p:{text}@{line}"),
                Block::Table(t) => format!("t:{}x{}@{}", t.header.len(), t.rows.len(), t.line),
                Block::Code(c) => format!("c:{}@{}/{}", c.content.trim(), c.line, c.content_line),
                Block::Comment(c) => format!("!:{}@{}", c.body.trim(), c.line),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "h1:Title@4",
                "p:Summary.@6",
                "!:{ \"blockType\": \"request\" }@9",
                "c:GET /me@10/11",
                "h2:Properties@15",
                "t:2x1@16",
                "!:|a|b|\n|-|-|@19",
            ]
        );
    }

    #[test]
    fn tab_groups_and_includes_are_not_headings() {
        let b = blocks("# T\n# [HTTP](#tab/http)\n```http\nGET /me\n```\n# [C#](#tab/csharp)\n[!INCLUDE [x](../includes/x.md)]\n---\n## Response\n");
        let headings: Vec<_> = b
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) => Some((h.level, h.text.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(headings, [(1, "T"), (2, "Response")]);
    }

    #[test]
    fn unclosed_things() {
        let b = blocks("# T\n```http\nGET /x\n");
        assert!(matches!(b.last(), Some(Block::Code(c)) if !c.closed));
        let b = blocks("# T\n<!-- {\n\"a\": 1\n");
        assert!(matches!(b.last(), Some(Block::Comment(c)) if !c.closed));
        let b = blocks("```\n```\n");
        assert!(matches!(b.last(), Some(Block::Code(c)) if c.closed));
    }

    #[test]
    fn reference_definitions() {
        let text = "x\n\n[identitySet]: ../resources/identityset.md\n";
        let doc = read(text, 0, &LineCursor::new(text));
        assert_eq!(doc.resolve_ref("IdentitySet").as_deref(), Some("../resources/identityset.md"));
    }
}
