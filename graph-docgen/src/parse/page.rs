//! page: one walk over a page's blocks with the heading stack, handing each block to the
//! reader of its section, then the page-wide decisions (kind, resource name, TODO scan).

use super::annotation::parse_annotation;
use super::document::{self, Block, CodeFence, Comment};
use super::enums::{enum_name, says_flags};
use super::example::parse_code_block;
use super::front_matter;
use super::http_block::{parse_line, RequestLineKind};
use super::lines::LineIndex;
use super::prose;
use super::sections::{classify, content_kind, doc_type_kind, table_context, title_type, ContentSignals, Heading, Section};
use super::table::{member_rows, permission_rows, property_rows, shape, RawTable, TableShape};
use super::text::find_ci;
use crate::diagnostics::{Code, Diagnostic, Span};
use crate::facts::{
    ApiVersion, BlockType, EnumFacts, Markers, PageFacts, PageKind, PropertyRow, RequestLine, Spanned, Table, TableContext,
    TypeExpr,
};

/// How far (in lines) an annotation may be from the fence it describes; the corpus has at
/// most a short sentence or a `##### Request` heading in between.
const MAX_ANNOTATION_GAP: u32 = 25;

pub fn read_page(path: &str, text: &str) -> PageFacts {
    let mut facts = PageFacts {
        path: path.to_string(),
        version: path.split('/').next().and_then(ApiVersion::from_dir),
        ..Default::default()
    };
    let lines = LineIndex::new(text);
    let (front_matter, fm_end) = front_matter::parse(text);
    facts.front_matter = front_matter;
    let doc = document::read(text, fm_end, &lines);
    let mut walk = Walk { path, facts, doc: &doc, diags: Vec::new(), stack: Vec::new(), signals: ContentSignals::default(), summary: Vec::new(), summary_done: false, section_prose: Vec::new() };
    for (i, block) in doc.blocks.iter().enumerate() {
        walk.block(i, block);
    }
    let mut facts = walk.finish();
    scan_todos(path, text, &doc, &mut facts.diagnostics);
    facts
}

struct Walk<'a> {
    path: &'a str,
    facts: PageFacts,
    doc: &'a document::Document,
    diags: Vec<Diagnostic>,
    stack: Vec<Heading>,
    signals: ContentSignals,
    summary: Vec<String>,
    /// A heading below the title has been seen: the summary is over.
    summary_done: bool,
    /// Paragraphs since the last heading (an enum's description).
    section_prose: Vec<String>,
}

impl Walk<'_> {
    /// The nearest heading that says what the section is about. The H1 title does not count:
    /// `deviceHealthScriptBooleanParameter resource type` is not a parameters section.
    fn section(&self) -> Section {
        self.stack.iter().rev().filter(|h| h.level > 1).map(|h| classify(&h.text)).find(|s| *s != Section::Other).unwrap_or(Section::Other)
    }

    fn block(&mut self, index: usize, block: &Block) {
        match block {
            Block::Heading(h) => self.heading(h),
            Block::Paragraph { text, line, in_quote } => self.paragraph(text, *line, *in_quote),
            Block::Table(t) => self.table(t),
            Block::Code(c) => self.code(c),
            Block::Comment(c) => self.comment(index, c),
        }
    }

    fn heading(&mut self, h: &Heading) {
        if h.level == 1 && self.facts.title.is_none() {
            self.facts.title = Some(Spanned { value: h.text.clone(), line: h.line });
        } else if h.level >= 2 {
            self.summary_done = true;
        }
        while self.stack.last().is_some_and(|t| t.level >= h.level) {
            self.stack.pop();
        }
        self.stack.push(h.clone());
        self.section_prose.clear();
        match classify(&h.text) {
            Section::HttpRequest => self.signals.has_http_request = true,
            Section::Properties | Section::Relationships | Section::JsonRepresentation if h.level >= 2 => {
                self.signals.has_type_sections = true
            }
            _ => {}
        }
    }

    fn paragraph(&mut self, text: &str, line: u32, in_quote: bool) {
        let line_of = |at: usize| line + text.get(..at).map(|s| s.matches('\n').count()).unwrap_or(0) as u32;
        if self.facts.namespace.is_none() {
            if let Some(ns) = prose::namespace(text) {
                self.facts.namespace = Some(Spanned { value: ns, line });
                return;
            }
        }
        if in_quote {
            return;
        }
        if !self.summary_done && self.facts.title.is_some() {
            let kept: Vec<&str> = text.lines().filter(|l| !l.trim_start().starts_with("[!")).collect();
            if !kept.is_empty() {
                self.summary.push(kept.join("\n"));
            }
        }
        let section = self.section();
        let found = {
            let doc = self.doc;
                    let refs = |label: &str| doc.resolve_ref(label);
            match section {
                Section::RequestBody => prose::request_body_resource(text, &refs).map(|f| (1, f)),
                Section::Response => prose::response_type(text, &refs).map(|f| (2, f)),
                Section::Other | Section::Properties | Section::Members | Section::JsonRepresentation => {
                    prose::inherits_from(text, &refs).map(|f| (3, f))
                }
                _ => None,
            }
        };
        match found {
            Some((1, (ty, at))) if self.facts.request_body_resource.is_none() => {
                self.facts.request_body_resource = Some(Spanned { value: ty, line: line_of(at) })
            }
            Some((2, (ty, at))) if self.facts.response_type.is_none() => {
                self.facts.response_type = Some(Spanned { value: ty, line: line_of(at) })
            }
            Some((3, (ty, at))) if self.facts.inherits_from.is_none() => {
                self.facts.inherits_from = Some(Spanned { value: ty, line: line_of(at) })
            }
            _ => {}
        }
        if section == Section::RequestBody && prose::request_body_empty(text) {
            self.facts.request_body_empty = true;
        }
        self.section_prose.push(text.to_string());
    }

    fn table(&mut self, raw: &RawTable) {
        let context = table_context(&self.stack);
        let heading = self.stack.last().map(|h| h.text.clone()).unwrap_or_default();
        match shape(&raw.header, context == TableContext::Members) {
            TableShape::Property { name, ty, description, required } => {
                let context = if context == TableContext::Members { TableContext::Other } else { context };
                if matches!(context, TableContext::Properties | TableContext::Relationships) {
                    self.signals.has_property_tables = true;
                }
                let rows = {
                    let doc = self.doc;
                    let refs = |label: &str| doc.resolve_ref(label);
                    property_rows(raw, (name, ty, description, required), &refs, self.path, &mut self.diags)
                };
                self.facts.tables.push(Table { context, heading, line: raw.line, rows });
            }
            TableShape::TypeWithoutName => self.diags.push(Diagnostic::new(
                Code::MissingColumn,
                Span::line(self.path, raw.line),
                "table has a Type column but no Property/Name column; it was skipped",
            )),
            TableShape::Members { name, value, description } => {
                self.signals.has_member_tables = true;
                let members = member_rows(raw, (name, value, description), self.path, &mut self.diags);
                let title_name = self.facts.title.as_ref().and_then(|t| title_type(&t.value)).map(|(n, _)| n);
                let name = enum_name(&heading, title_name.as_deref());
                let mut description = self.section_prose.join("\n\n");
                if description.is_empty() && self.stack.len() <= 2 {
                    description = self.summary.join("\n\n");
                }
                let page_says_flags = self.facts.front_matter.description.as_deref().is_some_and(says_flags) && self.stack.len() <= 2;
                let flags = says_flags(&description) || says_flags(&heading) || page_says_flags;
                let rows = members.iter().map(member_as_row).collect();
                self.facts.tables.push(Table { context: TableContext::Members, heading, line: raw.line, rows });
                self.facts.enums.push(EnumFacts { name, line: raw.line, description, members, flags });
            }
            TableShape::Permissions { kind, scopes } => {
                let rows = permission_rows(raw, kind, &scopes, self.path, &mut self.diags);
                self.facts.permissions.extend(rows);
            }
            TableShape::Ignored => {}
        }
    }

    fn code(&mut self, c: &CodeFence) {
        if !c.closed {
            self.diags.push(Diagnostic::new(Code::UnclosedFence, Span::line(self.path, c.line), "code fence is never closed; it runs to the end of the page"));
        }
        // Any ancestor heading counts: sub-headings of the HTTP request section describe
        // variants (`#### GET a resource instance expanded with an extended property`).
        if !self.stack.iter().any(|h| classify(&h.text) == Section::HttpRequest) {
            return;
        }
        for (i, text) in c.content.lines().enumerate() {
            let line = c.content_line + i as u32;
            match parse_line(text) {
                RequestLineKind::Blank => {}
                RequestLineKind::Junk => self.diags.push(Diagnostic::new(
                    Code::UnparsedRequestLine,
                    Span::line(self.path, line),
                    format!("`{}` is not `METHOD /path`; it was skipped", text.trim()),
                )),
                RequestLineKind::Request { method, path, trailing } => {
                    if let crate::facts::RequestPath::Broken(p) = &path {
                        self.diags.push(Diagnostic::new(Code::BrokenPath, Span::line(self.path, line), format!("placeholder instead of a path: `{p}`")));
                    }
                    if let Some(t) = trailing {
                        self.diags.push(Diagnostic::new(
                            Code::UnparsedRequestLine,
                            Span::line(self.path, line),
                            format!("text after the path was ignored: `{t}`"),
                        ));
                    }
                    self.facts.requests.push(RequestLine { line, method, path });
                }
            }
        }
    }

    fn comment(&mut self, index: usize, c: &Comment) {
        if !c.closed {
            self.diags.push(Diagnostic::new(Code::UnclosedComment, Span::line(self.path, c.line), "HTML comment is never closed; the rest of the page was ignored"));
            return;
        }
        if !c.body.trim_start().starts_with('{') {
            return;
        }
        let Some(annotation) = parse_annotation(&c.body, c.line, self.path, &mut self.diags) else { return };
        let block_type = match annotation.get("blockType").and_then(|v| v.as_str()) {
            Some("request") => BlockType::Request,
            Some("response") => BlockType::Response,
            Some("resource") => BlockType::Resource,
            Some("example") => BlockType::Example,
            // `ignored`, `samples`, page annotations: not examples.
            _ => return,
        };
        let end_line = c.line + c.body.matches('\n').count() as u32;
        match attached_fence(&self.doc.blocks, index, end_line) {
            Some(fence) => {
                let block = parse_code_block(block_type, annotation, c.line, &fence.content, fence.content_line, self.path, &mut self.diags);
                self.facts.blocks.push(block);
            }
            None => self.diags.push(Diagnostic::new(
                Code::AnnotationWithoutBlock,
                Span::line(self.path, c.line),
                format!("`{:?}` annotation is not followed by a code block", block_type).to_lowercase(),
            )),
        }
    }

    fn finish(mut self) -> PageFacts {
        let f = &mut self.facts;
        f.summary = self.summary.join("\n\n");
        self.signals.title = f.title.as_ref().map(|t| t.value.clone());
        let content = content_kind(&self.signals);
        let declared = f.front_matter.doc_type.as_deref().and_then(doc_type_kind);
        let folder = match self.path.split('/').nth(1) {
            Some("api") => Some(PageKind::Api),
            Some("resources") => Some(PageKind::Resource),
            _ => None,
        };
        if let (Some(c), Some(d)) = (content, declared) {
            if c != d {
                self.diags.push(Diagnostic::new(
                    Code::PageKindMismatch,
                    Span::line(self.path, 1),
                    format!("doc_type says {d:?} but the content is {c:?}; the content decided"),
                ));
            }
        }
        f.kind = content.or(declared).or(folder);
        if f.kind.is_none() {
            self.diags.push(Diagnostic::new(Code::PageKindUnknown, Span::line(self.path, 1), "page kind unknown: no doc_type, no telling sections"));
        }
        if matches!(f.kind, Some(PageKind::Resource | PageKind::Enum)) {
            f.resource_name = f.title.as_ref().and_then(|t| title_type(&t.value).map(|(n, _)| Spanned { value: n, line: t.line }));
        } else {
            // Page-level inheritance is a type-page fact; API prose mentioning it is not.
            f.inherits_from = None;
        }
        if f.title.is_none() {
            self.diags.push(Diagnostic::new(Code::MissingTitle, Span::line(self.path, 1), "the page has no H1 title"));
        }
        f.diagnostics.append(&mut self.diags);
        self.facts
    }
}

/// The code fence an annotation at block `index` (ending on `line`) describes: the next
/// fence, with only prose or minor headings in between, not past another annotation, an
/// H1/H2 or a table.
fn attached_fence(blocks: &[Block], index: usize, line: u32) -> Option<&CodeFence> {
    for b in blocks.iter().skip(index + 1) {
        match b {
            Block::Code(c) => return (c.line <= line.saturating_add(MAX_ANNOTATION_GAP)).then_some(c),
            Block::Heading(h) if h.level <= 2 => return None,
            Block::Comment(c) if c.body.trim_start().starts_with('{') => return None,
            Block::Table(_) => return None,
            Block::Heading(_) | Block::Comment(_) | Block::Paragraph { .. } => {}
        }
    }
    None
}

/// A member table row in the shape of the page's `tables` list (no Type column).
fn member_as_row(m: &crate::facts::EnumMemberFacts) -> PropertyRow {
    PropertyRow {
        line: m.line,
        name: m.name.clone(),
        type_raw: String::new(),
        ty: TypeExpr::Unparsed,
        description: m.description.clone(),
        markers: Markers::default(),
        possible_values: Vec::new(),
        required: None,
    }
}

/// One GD0102 per `**TODO ...**` placeholder outside code blocks (front matter values,
/// permission cells, descriptions alike).
fn scan_todos(path: &str, text: &str, doc: &document::Document, diags: &mut Vec<Diagnostic>) {
    let code_ranges: Vec<(u32, u32)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Code(c) => Some((c.content_line, c.content_line + c.content.lines().count() as u32)),
            _ => None,
        })
        .collect();
    for (i, l) in text.lines().enumerate() {
        let line = i as u32 + 1;
        if code_ranges.iter().any(|&(a, b)| line >= a && line < b) {
            continue;
        }
        let mut from = 0;
        while let Some(at) = l.get(from..).and_then(|s| find_ci(s, "**TODO")) {
            let start = from + at;
            let body = &l[start + 2..];
            let end = body.find("**").map(|e| start + 2 + e + 2).unwrap_or(l.len());
            let placeholder: String = l[start..end].chars().take(80).collect();
            diags.push(Diagnostic::new(Code::TodoPlaceholder, Span::line(path, line), format!("placeholder left in the page: `{placeholder}`")));
            from = end.max(start + 2);
        }
    }
}
