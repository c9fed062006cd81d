//! collect: gathers type, property, enum and operation candidates from every page, each with
//! the page and line it came from. Nothing is decided here beyond "which type does this row
//! describe"; names are resolved by `resolve`, conflicts by `merge`.
//!
//! Which type a row belongs to:
//! * resource pages: the page's type (title `# group resource type`, else the resource
//!   annotation's `@odata.type`); the relationships table gives navigation properties;
//! * API pages: the operation's resource: the request-body sentence's `[x]`, else the response
//!   type, else the response example's `@odata.type`, else the title's last word
//!   (`Update connectorGroups` -> `connectorGroup`). Body rows describe that type only when the
//!   page updates or replaces it (PATCH/PUT), or creates it and says so (POST with "supply a
//!   JSON representation of [x]"): other POST bodies are action parameters, not properties;
//! * any row marked `Inherited from [base]` belongs to `base`, and makes `base` a base type of
//!   the row's type (see `inherit`).

use super::qualify::{clean_name, primitive_of, workload, Namespaces};
use super::resolve::{Found, Index};
use crate::diagnostics::{Code, Diagnostic, Span};
use crate::facts::{BlockType, PageFacts, PageKind, PropertyRow, Table, TableContext, TypeExpr};
use crate::schema::{EnumMember, Method, TypeId, TypeRef};

/// Where a table fact comes from; the merge rule prefers the smaller rank. (Examples rank
/// last: they only add what no table describes, see `examples`.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rank {
    Resource,
    Api,
}

/// A page (or row) that describes a type.
#[derive(Debug)]
pub(crate) struct TypeCand<'a> {
    pub id: TypeId,
    pub rank: Rank,
    pub page: &'a PageFacts,
    pub line: u32,
    /// Page-level base (`Inherits from` line, else annotation `baseType`), unresolved.
    pub base: Option<(String, Option<String>, u32)>,
    pub key_property: Option<String>,
    pub open_type: bool,
    pub is_abstract: bool,
    pub description: String,
}

/// One table row.
#[derive(Debug)]
pub(crate) struct PropCand<'a> {
    /// The type the row describes; `None` for body rows that are action parameters.
    pub owner: Option<TypeId>,
    pub row: &'a PropertyRow,
    pub navigation: bool,
    pub rank: Rank,
    pub page: &'a PageFacts,
    pub ns: String,
    pub table_line: u32,
    /// Index into [`Collected::ops`] when the row is a request-body row.
    pub body_of: Option<usize>,
    /// Set by `enums`: the enum this row's own values define.
    pub prose_enum: Option<TypeId>,
    /// Set by `resolve`.
    pub ty: TypeRef,
}

impl PropCand<'_> {
    pub fn span(&self) -> Span {
        self.page.span(self.row.line)
    }
}

/// `Inherited from [base]` on a row of `child`'s table.
#[derive(Debug)]
pub(crate) struct InferredBase {
    pub child: TypeId,
    pub base: TypeId,
    pub span: Span,
}

/// An API page; `operations` makes one operation per method of it.
#[derive(Debug)]
pub(crate) struct OpCand<'a> {
    pub page: &'a PageFacts,
    pub resource: Option<TypeId>,
    /// The request body is (part of) `resource`, not action parameters: request examples
    /// are evidence about the resource only then.
    pub body_is_resource: bool,
}

/// An enum as one source describes it.
#[derive(Debug)]
pub(crate) struct EnumCand {
    pub id: TypeId,
    pub span: Span,
    pub description: String,
    pub members: Vec<EnumMember>,
    pub flags: bool,
    pub from_prose: bool,
    pub workload: Option<String>,
}

#[derive(Debug, Default)]
pub(crate) struct Collected<'a> {
    pub types: Vec<TypeCand<'a>>,
    pub props: Vec<PropCand<'a>>,
    pub bases: Vec<InferredBase>,
    pub ops: Vec<OpCand<'a>>,
    pub enums: Vec<EnumCand>,
}

/// Methods named by a page's request lines, in page order, without repeats.
pub(crate) fn methods(page: &PageFacts) -> Vec<Method> {
    let mut out = Vec::new();
    for m in page.requests.iter().filter_map(|r| Method::parse(&r.method)) {
        if !out.contains(&m) {
            out.push(m);
        }
    }
    if out.is_empty() {
        // No request line at all: the request example still says what the page does.
        let from_example = page.blocks.iter().filter(|b| b.block_type == BlockType::Request);
        if let Some(m) = from_example.filter_map(|b| b.request.as_ref()).find_map(|(m, _)| Method::parse(m)) {
            out.push(m);
        }
    }
    out
}

/// The `@odata.type` of a page's first response example annotation, if any.
pub(crate) fn response_annotation_type(page: &PageFacts) -> Option<(String, bool)> {
    page.blocks.iter().filter(|b| b.block_type == BlockType::Response).find_map(|b| {
        let raw = b.annotation.get("@odata.type")?.as_str()?;
        let coll = super::qualify::is_collection_spelling(raw)
            || b.annotation.get("isCollection").and_then(|v| v.as_bool()).unwrap_or(false);
        Some((clean_name(raw)?, coll))
    })
}

fn named(expr: &TypeExpr) -> Option<(&str, Option<&str>)> {
    match expr {
        TypeExpr::Named { name, link } => Some((name, link.as_deref())),
        TypeExpr::Collection(inner) => named(inner),
        _ => None,
    }
}

fn annotation_str(page: &PageFacts, key: &str) -> Option<String> {
    let block = page.blocks.iter().find(|b| b.block_type == BlockType::Resource)?;
    block.annotation.get(key)?.as_str().map(str::to_string)
}

fn annotation_bool(page: &PageFacts, keys: &[&str]) -> bool {
    let Some(block) = page.blocks.iter().find(|b| b.block_type == BlockType::Resource) else {
        return false;
    };
    keys.iter().any(|k| block.annotation.get(*k).and_then(|v| v.as_bool()).unwrap_or(false))
}

pub(crate) fn collect<'a>(
    pages: &[&'a PageFacts],
    ns: &Namespaces,
    index: &mut Index<'a>,
    diags: &mut Vec<Diagnostic>,
) -> Collected<'a> {
    let mut c = Collected::default();
    // Names first, so that rows and API pages resolve against every type and enum.
    let resource_types = c.names(pages, ns, index, diags);
    c.resource_rows(resource_types, ns, index);
    c.api_pages(pages, ns, index);
    c
}

impl<'a> Collected<'a> {
    /// Every enum of every page, and the type each resource page describes.
    fn names(
        &mut self,
        pages: &[&'a PageFacts],
        ns: &Namespaces,
        index: &mut Index<'a>,
        diags: &mut Vec<Diagnostic>,
    ) -> Vec<(&'a PageFacts, TypeId)> {
        let mut resource_types: Vec<(&'a PageFacts, TypeId)> = Vec::new();
        for &page in pages {
            let page_ns = ns.of_page(page);
            for e in &page.enums {
                let Some(name) = clean_name(&e.name) else {
                    diags.push(Diagnostic::new(
                        Code::UnparsedTypeCell,
                        page.span(e.line),
                        format!("enum heading `{}` is not a type name; its members were not generated", e.name),
                    ));
                    continue;
                };
                let (q, simple) = ns.split(&name);
                let id = index.add_enum(TypeId::new(q.as_deref().unwrap_or(&page_ns), &simple));
                self.enums.push(EnumCand {
                    id,
                    span: page.span(e.line),
                    description: e.description.clone(),
                    members: e
                        .members
                        .iter()
                        .map(|m| EnumMember {
                            wire_name: m.name.clone(),
                            value: m.value,
                            description: m.description.clone(),
                        })
                        .collect(),
                    flags: e.flags,
                    from_prose: false,
                    workload: workload(page),
                });
            }
            if page.kind != Some(PageKind::Resource) {
                continue;
            }
            let named_by =
                page.resource_name.as_ref().and_then(|r| Some((clean_name(&r.value)?, r.line))).or_else(|| {
                    Some((
                        clean_name(&annotation_str(page, "@odata.type")?)?,
                        page.title.as_ref().map_or(1, |t| t.line),
                    ))
                });
            let Some((name, line)) = named_by else {
                if page
                    .tables
                    .iter()
                    .any(|t| matches!(t.context, TableContext::Properties | TableContext::Relationships))
                {
                    diags.push(Diagnostic::new(
                        Code::PageKindUnknown,
                        page.span(page.title.as_ref().map_or(1, |t| t.line)),
                        "resource page names no type (title or `@odata.type`); its property tables were not used",
                    ));
                }
                continue;
            };
            let (q, simple) = ns.split(&name);
            let id = index.add_type(TypeId::new(q.as_deref().unwrap_or(&page_ns), &simple));
            let base = page
                .inherits_from
                .as_ref()
                .and_then(|b| named(&b.value).map(|(n, l)| (n.to_string(), l.map(str::to_string), b.line)))
                .or_else(|| annotation_str(page, "baseType").map(|b| (b, None, line)));
            self.types.push(TypeCand {
                id: id.clone(),
                rank: Rank::Resource,
                page,
                line,
                base,
                key_property: annotation_str(page, "keyProperty"),
                open_type: annotation_bool(page, &["openType"]),
                is_abstract: annotation_bool(page, &["abstract", "isAbstract"]),
                description: page.summary.clone(),
            });
            resource_types.push((page, id));
        }
        resource_types
    }

    /// The property and relationship rows of resource pages.
    fn resource_rows(&mut self, resource_types: Vec<(&'a PageFacts, TypeId)>, ns: &Namespaces, index: &mut Index<'a>) {
        for (page, id) in resource_types {
            let page_ns = ns.of_page(page);
            for t in &page.tables {
                let navigation = match t.context {
                    TableContext::Properties => false,
                    TableContext::Relationships => true,
                    _ => continue,
                };
                for row in &t.rows {
                    let owner = self.owner_of(row, &id, Rank::Resource, page, &page_ns, ns, index);
                    self.props.push(PropCand {
                        owner: Some(owner),
                        row,
                        navigation,
                        rank: Rank::Resource,
                        page,
                        ns: page_ns.clone(),
                        table_line: t.line,
                        body_of: None,
                        prose_enum: None,
                        ty: TypeRef::Primitive(crate::facts::Primitive::Json),
                    });
                }
            }
        }
    }

    /// Operations and request-body rows of API pages.
    fn api_pages(&mut self, pages: &[&'a PageFacts], ns: &Namespaces, index: &mut Index<'a>) {
        for &page in pages.iter().filter(|p| p.kind == Some(PageKind::Api)) {
            let page_ns = ns.of_page(page);
            let body_rows: Vec<(&'a Table, &'a PropertyRow)> = page
                .tables
                .iter()
                .filter(|t| t.context == TableContext::RequestBody)
                .flat_map(|t| t.rows.iter().map(move |r| (t, r)))
                .collect();
            let ms = methods(page);
            // The title is weak evidence: used only where the body must be the resource (an
            // action's title names the action, `Answer call`, not a type).
            let needs_type = ms.iter().any(|m| matches!(m, Method::Patch | Method::Put));
            let resource = resource_of(page, &page_ns, ns, index, needs_type);
            let describes = ms.iter().any(|m| matches!(m, Method::Patch | Method::Put))
                || (ms.contains(&Method::Post) && page.request_body_resource.is_some());
            let owner_type = match (&resource, describes && !body_rows.is_empty()) {
                (Some(r), true) => {
                    let id = index.add_type(r.clone());
                    self.types.push(TypeCand {
                        id: id.clone(),
                        rank: Rank::Api,
                        page,
                        line: page
                            .request_body_resource
                            .as_ref()
                            .map_or(body_rows.first().map_or(1, |(t, _)| t.line), |r| r.line),
                        base: None,
                        key_property: None,
                        open_type: false,
                        is_abstract: false,
                        description: String::new(),
                    });
                    Some(id)
                }
                _ => None,
            };
            let op_index = self.ops.len();
            self.ops.push(OpCand { page, resource: owner_type.clone().or(resource), body_is_resource: describes });
            for (t, row) in body_rows {
                let owner = owner_type.as_ref().map(|o| self.owner_of(row, o, Rank::Api, page, &page_ns, ns, index));
                self.props.push(PropCand {
                    owner,
                    row,
                    navigation: false,
                    rank: Rank::Api,
                    page,
                    ns: page_ns.clone(),
                    table_line: t.line,
                    body_of: Some(op_index),
                    prose_enum: None,
                    ty: TypeRef::Primitive(crate::facts::Primitive::Json),
                });
            }
        }
    }

    /// The type a row belongs to: its table's type, or the base its `Inherited from` names.
    #[allow(clippy::too_many_arguments)]
    fn owner_of(
        &mut self,
        row: &PropertyRow,
        table_type: &TypeId,
        rank: Rank,
        page: &'a PageFacts,
        page_ns: &str,
        ns: &Namespaces,
        index: &mut Index<'a>,
    ) -> TypeId {
        let Some(base_name) = row.markers.inherited_from.as_deref().and_then(clean_name) else {
            return table_type.clone();
        };
        let base = match index.lookup_type(ns, &base_name, page_ns) {
            Some(id) => id,
            None => {
                let (q, simple) = ns.split(&base_name);
                let id = index.add_type(TypeId::new(q.as_deref().unwrap_or(page_ns), &simple));
                self.types.push(TypeCand {
                    id: id.clone(),
                    rank,
                    page,
                    line: row.line,
                    base: None,
                    key_property: None,
                    open_type: false,
                    is_abstract: false,
                    description: String::new(),
                });
                id
            }
        };
        if base.key() == table_type.key() {
            return base;
        }
        self.bases.push(InferredBase { child: table_type.clone(), base: base.clone(), span: page.span(row.line) });
        base
    }
}

/// The type an API page acts on (see the module doc for the order of evidence).
fn resource_of(page: &PageFacts, page_ns: &str, ns: &Namespaces, index: &Index, use_title: bool) -> Option<TypeId> {
    let to_id_linked = |name: &str, link: Option<&str>| -> Option<TypeId> {
        let n = clean_name(name)?;
        if primitive_of(ns.split(&n).1.as_str()).is_some() {
            return None; // `Edm.String`, `stream`: no type to describe
        }
        // The link target settles names whose text is off (`[tabs](../resources/teamstab.md)`).
        match index.lookup_named(ns, &n, link, page_ns) {
            Some(Found::Type(id)) => Some(id),
            // An enum (an action returning a status) is no resource: no body describes it.
            Some(Found::Enum(_)) => None,
            None => {
                let (q, simple) = ns.split(&n);
                Some(TypeId::new(q.as_deref().unwrap_or(page_ns), &simple))
            }
        }
    };
    let to_id = |name: &str| to_id_linked(name, None);
    if let Some(id) =
        page.request_body_resource.as_ref().and_then(|r| named(&r.value)).and_then(|(n, l)| to_id_linked(n, l))
    {
        return Some(id);
    }
    if let Some(id) = page.response_type.as_ref().and_then(|r| named(&r.value)).and_then(|(n, l)| to_id_linked(n, l)) {
        return Some(id);
    }
    if let Some(id) = response_annotation_type(page).and_then(|(n, _)| to_id(&n)) {
        return Some(id);
    }
    if !use_title {
        return None;
    }
    let title = page.title.as_ref()?.value.trim();
    let word = clean_name(title.rsplit(char::is_whitespace).next()?)?;
    let singulars = [word.strip_suffix("es"), word.strip_suffix('s')];
    let known =
        std::iter::once(Some(word.as_str())).chain(singulars).flatten().find_map(|w| index.lookup_type(ns, w, page_ns));
    known.or_else(|| to_id(word.strip_suffix('s').unwrap_or(&word)))
}
