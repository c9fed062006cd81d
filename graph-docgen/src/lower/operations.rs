//! operations: one [`Operation`] per method of each API page.
//!
//! Paths: the usable request lines of that method, in page order (broken lines were reported
//! by the parser); none usable -> the operation is still generated, without paths, and
//! `GD0202` says no request constructor can be made. Body (PATCH, POST, PUT): the
//! request-body rows in table order, typed as the resource's merged property (example
//! corrections included) so that the builder and the model agree;
//! a PATCH page without a body table and without "do not supply a request body" gets its
//! resource's writable structural properties (`body_from_resource`, `GD0600`). A field can be
//! cleared unless its row says it cannot be cleared or it is not nullable (row or resource).
//! A read-only property offered for PATCH is reported (`GD0602`). Response: the `## Response`
//! sentence's type, else the response example annotation's `@odata.type`.

use super::collect::{methods, response_annotation_type, Collected, PropCand};
use super::examples::Overrides;
use super::qualify::{primitive_of, workload, Namespaces};
use super::resolve::Index;
use crate::diagnostics::{Code, Diagnostic};
use crate::facts::{PageFacts, RequestPath};
use crate::schema::{BodyField, Method, Operation, Permission, Schema, TypeRef};

pub(crate) fn build(
    c: &Collected<'_>,
    index: &Index<'_>,
    ns: &Namespaces,
    overrides: &Overrides,
    schema: &mut Schema,
    diags: &mut Vec<Diagnostic>,
) {
    let mut ops = Vec::new();
    let mut rows_of: std::collections::BTreeMap<usize, Vec<&PropCand<'_>>> = Default::default();
    for p in &c.props {
        if let Some(i) = p.body_of {
            rows_of.entry(i).or_default().push(p);
        }
    }
    for (op_index, op) in c.ops.iter().enumerate() {
        let page = op.page;
        let page_ns = ns.of_page(page);
        let title = page
            .title
            .as_ref()
            .map(|t| t.value.clone())
            .or_else(|| page.front_matter.title.clone())
            .unwrap_or_else(|| page.path.clone());
        let title_line = page.title.as_ref().map_or(1, |t| t.line);
        let all_methods = methods(page);
        if all_methods.is_empty() {
            diags.push(Diagnostic::new(
                Code::NoRequestPaths,
                page.span(title_line),
                "API page has no request line and no request example; no operation was generated",
            ));
            continue;
        }
        let response = response(page, index, ns, &page_ns, diags);
        let mut rows = rows_of.remove(&op_index).unwrap_or_default();
        rows.sort_by_key(|p| (p.table_line, p.row.line));
        let resource_def = op.resource.as_ref().and_then(|r| schema.type_def(r));

        for method in all_methods {
            let lines: Vec<_> = page.requests.iter().filter(|r| Method::parse(&r.method) == Some(method)).collect();
            let paths: Vec<_> = lines
                .iter()
                .filter_map(|r| match &r.path {
                    RequestPath::Template(t) => Some(t.clone()),
                    RequestPath::Broken(_) => None,
                })
                .collect();
            let source = page.span(lines.first().map_or(title_line, |r| r.line));
            if paths.is_empty() {
                diags.push(Diagnostic::new(
                    Code::NoRequestPaths,
                    source.clone(),
                    format!(
                        "{} of `{title}`: no path can be generated; the builder has no request constructor",
                        method.as_str()
                    ),
                ));
            }
            let mut body = Vec::new();
            let mut body_from_resource = false;
            if matches!(method, Method::Patch | Method::Post | Method::Put) {
                for p in &rows {
                    let declared = resource_def.and_then(|r| schema.find_property(r, &p.row.name));
                    let owner_key = p.owner.as_ref().map(|o| o.key()).unwrap_or_default();
                    // The builder takes what the model holds (after merge and examples), so a
                    // value read from the API can be sent back; rows of action parameters keep
                    // their own type.
                    let ty = overrides
                        .get(&(owner_key, p.row.name.clone()))
                        .cloned()
                        .or_else(|| declared.map(|d| d.ty.clone()))
                        .unwrap_or_else(|| p.ty.clone());
                    let read_only = p.row.markers.read_only || declared.is_some_and(|d| d.read_only);
                    // A read-only property never gets a PATCH setter: Graph rejects or ignores it,
                    // and a builder that offers it invites a request that cannot do what it says.
                    if method == Method::Patch && read_only {
                        diags.push(Diagnostic::new(
                            Code::ReadOnlyInPatch,
                            p.span(),
                            format!(
                                "`{}` is read-only but offered in the PATCH body of `{title}`; the builder has no setter for it",
                                p.row.name
                            ),
                        ));
                        continue;
                    }
                    let not_nullable =
                        p.row.markers.not_nullable || declared.is_some_and(|d| d.nullable == Some(false));
                    body.push(BodyField {
                        wire_name: p.row.name.clone(),
                        ty,
                        description: p.row.description.clone(),
                        clearable: !(p.row.markers.cannot_be_cleared || not_nullable),
                        required: p.row.required.unwrap_or(false),
                        source: p.span(),
                    });
                }
                if method == Method::Patch && rows.is_empty() && !page.request_body_empty {
                    match resource_def {
                        Some(r) => {
                            body_from_resource = true;
                            for q in schema.all_properties(r).into_iter().filter(|q| !q.read_only && !q.navigation) {
                                body.push(BodyField {
                                    wire_name: q.wire_name.clone(),
                                    ty: q.ty.clone(),
                                    description: q.description.clone(),
                                    clearable: q.nullable != Some(false),
                                    required: false,
                                    source: q.source.clone(),
                                });
                            }
                            diags.push(Diagnostic::new(
                                Code::NoRequestBodyTable,
                                source.clone(),
                                format!("PATCH page `{title}` has no request-body table; the {} writable properties of `{}` were used", body.len(), r.id),
                            ));
                        }
                        None => {
                            let why = match &op.resource {
                                Some(r) => format!("its resource `{r}` is not described"),
                                None => "its resource could not be determined".to_string(),
                            };
                            diags.push(Diagnostic::new(
                                Code::NoBodyType,
                                source.clone(),
                                format!("PATCH page `{title}` has no request-body table and {why}; the body is empty"),
                            ))
                        }
                    }
                }
            }
            ops.push(Operation {
                title: title.clone(),
                page: page.path.clone(),
                method,
                description: page.summary.clone(),
                workload: workload(page),
                paths,
                resource: op.resource.clone(),
                body,
                body_from_resource,
                response: response.clone(),
                permissions: page
                    .permissions
                    .iter()
                    .map(|p| Permission { kind: p.kind.clone(), scopes: p.scopes.clone() })
                    .collect(),
                source,
            });
        }
    }
    ops.sort_by(|a, b| {
        let first = |o: &Operation| o.paths.first().map(|p| p.raw.clone()).unwrap_or_default();
        (&a.page, a.method, first(a)).cmp(&(&b.page, b.method, first(b)))
    });
    schema.operations = ops;
}

fn response(
    page: &PageFacts,
    index: &Index<'_>,
    ns: &Namespaces,
    page_ns: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<TypeRef> {
    if let Some(r) = &page.response_type {
        return Some(index.resolve(ns, &r.value, "", page_ns, None, &page.span(r.line), diags));
    }
    let (name, collection) = response_annotation_type(page)?;
    let one = match primitive_of(&name).map(TypeRef::Primitive) {
        Some(p) => return Some(if collection { TypeRef::Collection(Box::new(p)) } else { p }),
        None => index.lookup(ns, &name, page_ns, false),
    };
    let one = match one {
        Some(super::resolve::Found::Type(id)) => TypeRef::Complex(id),
        Some(super::resolve::Found::Enum(id)) => TypeRef::Enum(id),
        None => {
            let (q, simple) = ns.split(&name);
            TypeRef::Complex(crate::schema::TypeId::new(q.as_deref().unwrap_or(page_ns), &simple))
        }
    };
    Some(if collection { TypeRef::Collection(Box::new(one)) } else { one })
}
