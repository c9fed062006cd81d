//! page: one walk over a page's blocks with the heading stack, handing each block to the
//! reader of its section, then the page-wide decisions (kind, resource name, TODO scan).

use super::annotation::parse_annotation;
use super::document::{self, Block, CodeFence, Comment};
use super::enums::{bit_values, enum_name, says_flags};
use super::example::parse_code_block;
use super::front_matter;
use super::http_block::{parse_line, RequestLineKind};
use super::lines::LineCursor;
use super::prose;
use super::sections::{
    classify, content_kind, doc_type_kind, is_type_page_heading, table_context, title_type, ContentSignals, Heading,
    Section,
};
use super::table::{member_rows, normalise_header, permission_rows, property_rows, shape, RawTable, TableShape};
use super::text::{find_ci, is_identifier};
use crate::diagnostics::{Code, Diagnostic, Span};
use crate::facts::{
    ApiVersion, BlockType, EnumFacts, Markers, PageFacts, PageKind, PathPiece, PropertyRow, RequestLine, RequestPath,
    Spanned, Table, TableContext, TypeExpr,
};

/// How far (in lines) an annotation may be from the fence it describes; the corpus has at
/// most a short sentence or a `##### Request` heading in between.
const MAX_ANNOTATION_GAP: u32 = 25;

/// Reads one page: front matter, markdown blocks, then one walk over the blocks.
pub fn read_page(path: &str, text: &str) -> PageFacts {
    let mut facts = PageFacts { path: path.to_string(), version: ApiVersion::of_path(path), ..Default::default() };
    let lines = LineCursor::new(text);
    let (front_matter, fm_end) = front_matter::parse(text);
    facts.front_matter = front_matter;
    let doc = document::read(text, fm_end, &lines);
    let mut walk = Walk {
        path,
        facts,
        doc: &doc,
        diags: Vec::new(),
        stack: Vec::new(),
        sections: Vec::new(),
        signals: ContentSignals::default(),
        summary: Vec::new(),
        summary_done: false,
        section_prose: Vec::new(),
    };
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
    /// `classify` of each heading of `stack` (same length), computed once per heading: the
    /// walk asks for the current section at every paragraph and code block.
    sections: Vec<Section>,
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
        self.below_title().rev().find(|s| *s != Section::Other).unwrap_or(Section::Other)
    }

    /// The sections of the headings of the stack below the title, outermost first.
    fn below_title(&self) -> impl DoubleEndedIterator<Item = Section> + '_ {
        self.stack.iter().zip(&self.sections).filter(|(h, _)| h.level > 1).map(|(_, s)| *s)
    }

    /// Some heading of the stack below the title opens a section of this kind.
    fn within(&self, section: Section) -> bool {
        self.below_title().any(|s| s == section)
    }

    /// The deepest heading below the title that opens one of `sections`
    /// (`## Request body` + `### Response` is a response section).
    fn nearest_of(&self, sections: &[Section]) -> Option<Section> {
        self.below_title().rev().find(|s| sections.contains(s))
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
            self.sections.pop();
        }
        let section = classify(&h.text);
        self.stack.push(h.clone());
        self.sections.push(section);
        self.section_prose.clear();
        if section == Section::HttpRequest {
            self.signals.has_http_request = true;
        }
        if h.level >= 2 && is_type_page_heading(&h.text) {
            self.signals.has_type_sections = true;
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
        let doc = self.doc;
        let refs = |label: &str| doc.resolve_ref(label);
        // Which sentence fact this section can state, and where it goes (first one wins).
        // Request-body and response facts may sit under sub-headings
        // (`### Delegated permissions and JSON payload` under `## Response`).
        let body_or_response = self.nearest_of(&[Section::RequestBody, Section::Response]);
        let (found, slot) = match body_or_response {
            Some(Section::RequestBody) => {
                (prose::request_body_resource(text, &refs), &mut self.facts.request_body_resource)
            }
            Some(_) => (prose::response_type(text, &refs), &mut self.facts.response_type),
            None if matches!(
                section,
                Section::Other | Section::Properties | Section::Members | Section::JsonRepresentation
            ) =>
            {
                (prose::inherits_from(text, &refs), &mut self.facts.inherits_from)
            }
            None => (None, &mut self.facts.inherits_from),
        };
        if let (Some((ty, at)), None) = (found, slot.as_ref()) {
            *slot = Some(Spanned { value: ty, line: line_of(at) });
        }
        if body_or_response == Some(Section::RequestBody) && prose::request_body_empty(text) {
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
                if self.stack.last().is_some_and(|h| is_type_page_heading(&h.text)) {
                    self.signals.has_property_tables = true;
                }
                let rows = {
                    let doc = self.doc;
                    let refs = |label: &str| doc.resolve_ref(label);
                    property_rows(raw, (name, ty, description, required), &refs, self.path, &mut self.diags)
                };
                self.facts.tables.push(Table { context, heading, line: raw.line, rows });
            }
            // Only a defect where properties are expected; elsewhere (`## Derived types`,
            // `| Type | Description |`) such a table lists types, not properties.
            TableShape::TypeWithoutName if context != TableContext::Other => self.diags.push(Diagnostic::new(
                Code::MissingColumn,
                Span::line(self.path, raw.line),
                "table has a Type column but no Property/Name column; it was skipped",
            )),
            TableShape::TypeWithoutName => {}
            TableShape::Members { name: name_col, value, description } => {
                let title_name = self.facts.title.as_ref().and_then(|t| title_type(&t.value)).map(|(n, _)| n);
                let name = enum_name(&heading, title_name.as_deref());
                // A `| Value | Description |` table (no Member column) is an enum only when its
                // heading names one (`### status values`), not under `### Prefer header values`.
                let member_column = raw.header.get(name_col).is_some_and(|h| normalise_header(h).contains("member"));
                if !member_column && !is_identifier(&name) {
                    return;
                }
                self.signals.has_member_tables = true;
                let members = member_rows(raw, (name_col, value, description), self.path, &mut self.diags);
                let mut description = self.section_prose.join("\n\n");
                if description.is_empty() && self.stack.len() <= 2 {
                    description = self.summary.join("\n\n");
                }
                let page_says_flags =
                    self.facts.front_matter.description.as_deref().is_some_and(says_flags) && self.stack.len() <= 2;
                // Or a member says it (`none | 0 | No flags set.`) and the values are bits.
                let member_says_flags = members.iter().any(|m| says_flags(&m.description))
                    && bit_values(&members.iter().map(|m| m.value).collect::<Vec<_>>());
                let flags = says_flags(&description) || says_flags(&heading) || page_says_flags || member_says_flags;
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
            self.diags.push(Diagnostic::new(
                Code::UnclosedFence,
                Span::line(self.path, c.line),
                "code fence is never closed; it runs to the end of the page",
            ));
        }
        // Any ancestor heading counts: sub-headings of the HTTP request section describe
        // variants (`#### GET a resource instance expanded with an extended property`).
        if !self.within(Section::HttpRequest) {
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
                    match &path {
                        RequestPath::Broken(p) => {
                            self.diags.push(Diagnostic::new(
                                Code::BrokenPath,
                                Span::line(self.path, line),
                                format!("placeholder instead of a path: `{p}`"),
                            ));
                        }
                        // 2015-style `<id>` parameters are read as `{id}`.
                        RequestPath::Template(t) => {
                            for p in t.pieces.iter().filter_map(|p| match p {
                                PathPiece::Param(p) if t.raw.contains(&format!("<{}>", p.raw)) => Some(p),
                                _ => None,
                            }) {
                                self.diags.push(Diagnostic::new(
                                    Code::PathParameter,
                                    Span::line(self.path, line),
                                    format!("path parameter `<{}>` read as `{{{}}}`", p.raw, p.raw),
                                ));
                            }
                        }
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
            self.diags.push(Diagnostic::new(
                Code::UnclosedComment,
                Span::line(self.path, c.line),
                "HTML comment is never closed; the rest of the page was ignored",
            ));
            return;
        }
        if !c.body.trim_start().starts_with('{') {
            return;
        }
        let Some(annotation) = parse_annotation(&c.body, c.line, self.path, &mut self.diags) else {
            return;
        };
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
                let block = parse_code_block(
                    block_type,
                    annotation,
                    c.line,
                    &fence.content,
                    fence.content_line,
                    self.path,
                    &mut self.diags,
                );
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
        // The folder is the weakest hint: `api/` pages are operations, but a `resources/`
        // page with no type heading, no type title and no doc_type is an overview (the
        // Intune `*-conceptual.md` pages), not a type.
        let folder = match self.path.split('/').nth(1) {
            Some("api") => Some(PageKind::Api),
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
            self.diags.push(Diagnostic::new(
                Code::PageKindUnknown,
                Span::line(self.path, 1),
                "page kind unknown: no doc_type, no telling sections",
            ));
        }
        if matches!(f.kind, Some(PageKind::Resource | PageKind::Enum)) {
            // `# group resource type`; a title that is a bare identifier (`# insightIdentity`)
            // names the type too.
            f.resource_name = f.title.as_ref().and_then(|t| {
                let name = title_type(&t.value)
                    .map(|(n, _)| n)
                    .or_else(|| is_identifier(t.value.trim()).then(|| t.value.trim().to_string()));
                name.map(|value| Spanned { value, line: t.line })
            });
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
    // Nearly every page has none: one scan of the page instead of one per line.
    if find_ci(text, "**TODO").is_none() {
        return;
    }
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
            diags.push(Diagnostic::new(
                Code::TodoPlaceholder,
                Span::line(path, line),
                format!("placeholder left in the page: `{placeholder}`"),
            ));
            from = end.max(start + 2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Primitive;

    const RESOURCE: &str = "---
title: \"group resource type\"
doc_type: resourcePageType
ms.prod: \"groups\"
---

# group resource type

Namespace: microsoft.graph.callRecords

[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]

Represents a group &amp; more.

> **Note:** not part of the summary.

Inherits from [directoryObject](directoryobject.md).

## Methods

| Method | Return Type | Description |
|:-------|:------------|:------------|
| [Get](../api/group-get.md) | [group](group.md) | Read. |

## Properties
| Property\t   | Type\t|Description|
|:---|:---|:---|
|**id**|String|Key. Read-only.|
|visibility|[groupVisibility](groupvisibility.md)|Possible values are: `public`, `private`.|

### groupVisibility values

Flags describing visibility.

|Member|Value|Description|
|:---|:---|:---|
|public|0|Public.|
|private|1|Private.|

## Relationships
|Relationship|Type|Description|
|:---|:---|:---|
|members|[directoryObject](directoryobject.md) collection|Members.|

## JSON representation

<!-- {
  \"blockType\": \"resource\",
  \"@odata.type\": \"microsoft.graph.group\"
}-->

```json
{ \"id\": \"String (identifier)\" }
```
";

    #[test]
    fn resource_page() {
        let f = read_page("beta/resources/group.md", RESOURCE);
        assert_eq!(f.kind, Some(PageKind::Resource));
        assert_eq!(f.front_matter.ms_prod.as_deref(), Some("groups"));
        assert_eq!(f.resource_name.as_ref().map(|n| (n.value.as_str(), n.line)), Some(("group", 7)));
        assert_eq!(f.namespace.as_ref().map(|n| n.value.as_str()), Some("microsoft.graph.callRecords"));
        assert_eq!(f.summary, "Represents a group &amp; more.\n\nInherits from [directoryObject](directoryobject.md).");
        assert_eq!(
            f.inherits_from.as_ref().map(|i| (i.value.clone(), i.line)),
            Some((TypeExpr::Named { name: "directoryObject".into(), link: Some("directoryobject.md".into()) }, 17))
        );
        let contexts: Vec<_> = f.tables.iter().map(|t| (t.context, t.line, t.rows.len())).collect();
        assert_eq!(
            contexts,
            [(TableContext::Properties, 26, 2), (TableContext::Members, 35, 2), (TableContext::Relationships, 41, 1)]
        );
        let id = &f.tables[0].rows[0];
        assert_eq!(
            (id.name.as_str(), &id.ty, id.markers.key, id.markers.read_only),
            ("id", &TypeExpr::Primitive(Primitive::String), true, true)
        );
        assert_eq!(f.enums.len(), 1);
        let e = &f.enums[0];
        assert_eq!(
            (e.name.as_str(), e.flags, e.description.as_str()),
            ("groupVisibility", true, "Flags describing visibility.")
        );
        assert_eq!(
            e.members.iter().map(|m| (m.name.as_str(), m.value, m.line)).collect::<Vec<_>>(),
            [("public", Some(0), 37), ("private", Some(1), 38)]
        );
        assert_eq!(f.blocks.len(), 1);
        assert_eq!((f.blocks[0].block_type, f.blocks[0].line), (BlockType::Resource, 47));
        assert!(f.diagnostics.is_empty(), "{:?}", f.diagnostics);
    }

    #[test]
    fn enum_pages() {
        let single = "---\ndoc_type: enumPageType\ndescription: \"Flags representing interface types.\"\n---\n# interfaceTypes enum type\n\nNamespace: microsoft.graph\n\nInterface types.\n\n## Members\n|Member|Value|Description|\n|:---|:---|:---|\n|notConfigured|0|Not configured.|\n|domain|1|Domain.|\n";
        let f = read_page("beta/resources/interfacetypes.md", single);
        assert_eq!(f.kind, Some(PageKind::Enum));
        assert_eq!(f.resource_name.as_ref().map(|n| n.value.as_str()), Some("interfaceTypes"));
        assert_eq!(
            f.enums
                .iter()
                .map(|e| (e.name.as_str(), e.members.len(), e.flags, e.description.as_str()))
                .collect::<Vec<_>>(),
            [("interfaceTypes", 2, true, "Interface types.")]
        );

        let multi = "---\ndoc_type: enumTypes\n---\n# Enum values\n\nNamespace: microsoft.graph\n\n### filterMode values\n\n|Member|\n|:---|\n|include|\n|exclude|\n\n### changeType values\n\n|Member|\n|:---|\n|created|\n";
        let f = read_page("beta/resources/enums.md", multi);
        assert_eq!(f.kind, Some(PageKind::Enum));
        assert_eq!(f.front_matter.doc_type.as_deref(), Some("enumPageType"));
        assert!(f.resource_name.is_none());
        let enums: Vec<_> = f
            .enums
            .iter()
            .map(|e| (e.name.as_str(), e.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>()))
            .collect();
        assert_eq!(enums, [("filterMode", vec!["include", "exclude"]), ("changeType", vec!["created"])]);
    }

    #[test]
    fn api_page_with_tab_groups() {
        let page = "---\ndoc_type: \"apiPageType\" \n---\n# List users\n\n## HTTP Requests\n<!-- { \"blockType\": \"ignored\" } -->\n``` http\nGET /users\n\nGET https://graph.microsoft.com/v1.0/users/{id | userPrincipalName}?$select=id\nor\n```\n\n## Request body\nDo not supply a request body for this method.\n\n## Response\nIf successful, this method returns a `200 OK` response code and a collection of [user](../resources/user.md) objects in the response body.\n\n## Example\n# [HTTP](#tab/http)\n<!-- {\n  \"blockType\": \"request\",\n  \"name\": \"list_users\"\n} -->\n```msgraph-interactive\nGET https://graph.microsoft.com/v1.0/users\n```\n# [C#](#tab/csharp)\n[!INCLUDE [sample-code](../includes/snippets/csharp/x.md)]\n\n---\n\n### Response\n<!-- { \"blockType\": \"response\", \"truncated\": true } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{\"value\": []}\n```\n";
        let f = read_page("v1.0/api/user-list.md", page);
        assert_eq!(f.kind, Some(PageKind::Api));
        assert_eq!(f.title.as_ref().map(|t| t.value.as_str()), Some("List users"));
        let lines: Vec<_> = f.requests.iter().map(|r| (r.line, matches!(r.path, RequestPath::Template(_)))).collect();
        assert_eq!(lines, [(9, true), (11, true)]);
        assert_eq!(
            f.diagnostics.iter().map(|d| (d.code, d.span.line)).collect::<Vec<_>>(),
            [(Code::UnparsedRequestLine, 12)]
        );
        assert!(f.request_body_empty);
        assert!(f.request_body_resource.is_none());
        assert_eq!(
            f.response_type.map(|r| r.value),
            Some(TypeExpr::Collection(Box::new(TypeExpr::Named {
                name: "user".into(),
                link: Some("../resources/user.md".into())
            })))
        );
        assert_eq!(
            f.blocks.iter().map(|b| (b.block_type, b.line)).collect::<Vec<_>>(),
            [(BlockType::Request, 23), (BlockType::Response, 36)]
        );
        assert_eq!(f.blocks[1].status, Some(200));
    }
}

#[cfg(test)]
mod kind_tests {
    use super::*;

    #[test]
    fn kind_decisions() {
        // (path, text, kind, diagnostic codes)
        let cases: Vec<(&str, &str, Option<PageKind>, Vec<Code>)> = vec![
            (
                "v1.0/resources/x.md",
                "---\ndoc_type: apiPageType\n---\n# x resource type\n## Properties\n",
                Some(PageKind::Resource),
                vec![Code::PageKindMismatch],
            ),
            (
                "v1.0/resources/intune-x-conceptual.md",
                "---\ntitle: x\n---\n# Working with Intune\n\nProse.\n",
                None,
                vec![Code::PageKindUnknown],
            ),
            (
                "v1.0/resources/overview.md",
                "---\ndoc_type: conceptualPageType\n---\n# Overview\n",
                Some(PageKind::Conceptual),
                vec![],
            ),
            ("v1.0/api/x.md", "# Delete x\n\nProse only.\n", Some(PageKind::Api), vec![]),
            ("beta/resources/x.md", "# x values\n|Value|Description|\n|-|-|\n|a|A.|\n", Some(PageKind::Enum), vec![]),
            ("beta/api/x.md", "no title\n", Some(PageKind::Api), vec![Code::MissingTitle]),
        ];
        for (path, text, kind, codes) in cases {
            let f = read_page(path, text);
            assert_eq!(f.kind, kind, "{path}");
            assert_eq!(f.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(), codes, "{path}");
        }
    }
}
