//! cross: the docs checked against themselves, one diagnostic code per kind of disagreement.
//!
//! * `GD0504 possible-values-mismatch`: a "Possible values are" phrase names values the
//!   property's enum table does not list (typically a table copied from another enum);
//! * `GD0603 patch-field-not-in-resource`: a PATCH request-body table offers a field the
//!   resource it updates does not have;
//! * `GD0407 type-link-broken`: a Type cell links to a page that is not in the docs tree.
//!
//! Read-only fields offered for PATCH (`GD0602`) and one type described differently on two
//! pages (`GD0403`) are found by lowering; the JSON representation vs the properties table
//! (`GD0310`) by [`super::walk`].

use super::tie::Context;
use super::walk::Known;
use crate::diagnostics::{Code, Diagnostic, Span};
use crate::facts::{PageFacts, TypeExpr};
use crate::schema::{Method, TypeKind, TypeRef};
use std::collections::{BTreeMap, BTreeSet};

/// Every cross-check over one version, minus what `known` already holds.
pub fn check(ctx: &Context<'_>, known: &Known) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    possible_values(ctx, &mut out);
    patch_fields(ctx, &mut out);
    type_links(ctx, &mut out);
    out.retain(|d| !known.contains_key(&(d.span.file.clone(), d.span.line, d.code)));
    out
}

fn version_pages<'a>(ctx: &'a Context<'_>) -> impl Iterator<Item = &'a PageFacts> + 'a {
    let v = ctx.schema.version;
    ctx.pages.iter().filter(move |p| p.version == Some(v))
}

fn possible_values(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Lowering unites an enum's table with every phrase about it, so the comparison is with the
    // members the enum tables themselves list (lower-cased simple name -> members, first line).
    let mut tables: BTreeMap<String, (Vec<&str>, Span)> = BTreeMap::new();
    for page in version_pages(ctx) {
        for e in page.enums.iter().filter(|e| !e.members.is_empty()) {
            let key = e.name.rsplit('.').next().unwrap_or(&e.name).to_ascii_lowercase();
            let entry = tables.entry(key).or_insert_with(|| (Vec::new(), page.span(e.line)));
            entry.0.extend(e.members.iter().map(|m| m.name.as_str()));
        }
    }
    for page in version_pages(ctx) {
        let Some((id, _)) = page.resource_name.as_ref().and_then(|r| ctx.find_type(&r.value)) else { continue };
        let Some(td) = ctx.schema.type_def(&id) else { continue };
        let props = ctx.schema.all_properties(td);
        for row in page.tables.iter().flat_map(|t| t.rows.iter()).filter(|r| !r.possible_values.is_empty()) {
            let Some(p) = props.iter().find(|p| p.wire_name == row.name) else { continue };
            let mut ty = &p.ty;
            while let TypeRef::Collection(inner) = ty {
                ty = inner;
            }
            let TypeRef::Enum(eid) = ty else { continue };
            let Some((members, enum_span)) = tables.get(&eid.name().to_ascii_lowercase()) else { continue };
            let missing: Vec<&str> = row
                .possible_values
                .iter()
                .map(String::as_str)
                // `null` is a value of any nullable property, not an enum member.
                .filter(|v| *v != "null" && !members.iter().any(|m| m.eq_ignore_ascii_case(v)))
                .collect();
            if !missing.is_empty() {
                out.push(
                    Diagnostic::new(
                        Code::PossibleValuesMismatch,
                        page.span(row.line),
                        format!(
                            "`{}` of `{id}`: the description's possible values {} are not members of enum `{eid}` ({})",
                            row.name,
                            missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", "),
                            members.join(", ")
                        ),
                    )
                    .with_related(enum_span.clone(), "the enum's member table"),
                );
            }
        }
    }
}

fn patch_fields(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let resource_pages: BTreeSet<&str> =
        version_pages(ctx).filter(|p| p.resource_name.is_some()).map(|p| p.path.as_str()).collect();
    for op in ctx.schema.operations.iter().filter(|o| o.method == Method::Patch && !o.body_from_resource) {
        let Some(td) = op.resource.as_ref().and_then(|r| ctx.schema.type_def(r)) else { continue };
        // A resource no resource page describes (a partial tree such as docs/) cannot be judged.
        let described = td.sources.iter().any(|s| resource_pages.contains(s.file.as_str()));
        if td.kind == TypeKind::Opaque || td.open_type || !described {
            continue;
        }
        // Lowering merges request-body rows into the resource, so the resource's own
        // properties are those whose row is on a resource page.
        let props = ctx.schema.all_properties(td);
        for f in &op.body {
            // Instance annotations (`@microsoft.graph.conflictBehavior`) are no properties.
            let on_resource_page = |p: &&&crate::schema::Property| {
                p.wire_name == f.wire_name && resource_pages.contains(p.source.file.as_str())
            };
            if f.wire_name.contains('@') || props.iter().any(|p| on_resource_page(&p)) {
                continue;
            }
            let mut d = Diagnostic::new(
                Code::PatchFieldNotInResource,
                f.source.clone(),
                format!("PATCH field `{}` of `{}` is no property of `{}`", f.wire_name, op.title, td.id),
            );
            if let Some(src) = td.sources.first() {
                d = d.with_related(src.clone(), "the resource");
            }
            out.push(d);
        }
    }
}

fn type_links(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let paths: BTreeSet<String> = ctx.pages.iter().map(|p| p.path.to_ascii_lowercase()).collect();
    // Folders that hold at least one page. A link into a folder the tree does not have at all
    // (the seed tree `docs/` has api/ pages only) says the tree is partial, not that the link
    // is wrong, so only links into folders the tree has are judged.
    let folders: BTreeSet<&str> = paths.iter().filter_map(|p| p.rsplit_once('/').map(|(d, _)| d)).collect();
    for page in version_pages(ctx) {
        for row in page.tables.iter().flat_map(|t| t.rows.iter()) {
            let mut ty = &row.ty;
            while let TypeExpr::Collection(inner) = ty {
                ty = inner;
            }
            let TypeExpr::Named { link: Some(link), .. } = ty else { continue };
            if let Some(target) = resolve_link(&page.path, link) {
                let folder = target.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
                if !folders.contains(folder) && !target.starts_with("../") {
                    continue;
                }
                let found =
                    paths.contains(&target) || (!target.ends_with(".md") && paths.contains(&format!("{target}.md")));
                if !found {
                    out.push(Diagnostic::new(
                        Code::TypeLinkBroken,
                        Span::line(page.path.clone(), row.line),
                        format!(
                            "the Type cell of `{}` links to `{link}`, which is not a page of the docs tree",
                            row.name
                        ),
                    ));
                }
            }
        }
    }
}

/// The tree path (lower-cased) a relative link of `page` points to; `None` for links that do
/// not point into the tree (absolute URLs, site-absolute paths, fragments only).
pub fn resolve_link(page: &str, link: &str) -> Option<String> {
    let link = link.trim().trim_start_matches('<').trim_end_matches('>');
    let link = link.split(['#', '?']).next().unwrap_or("").trim();
    if link.is_empty() || link.starts_with('/') || link.contains("://") || link.starts_with("mailto:") {
        return None;
    }
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop(); // the page's own file name
    for seg in link.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                // Above the root: no page of the tree can be there, so the link is broken.
                if parts.pop().is_none() {
                    return Some(format!("../{}", link.to_ascii_lowercase()));
                }
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/").to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::resolve_link;

    #[test]
    fn links_resolve_relative_to_the_page() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("beta/resources/group.md", "user.md", Some("beta/resources/user.md")),
            ("beta/resources/group.md", "../resources/User.md#props", Some("beta/resources/user.md")),
            ("beta/api/group-update.md", "./../resources/group.md", Some("beta/resources/group.md")),
            ("beta/api/group-update.md", "https://example.com/x.md", None),
            ("beta/api/group-update.md", "/graph/api/x", None),
            ("beta/api/group-update.md", "#anchor", None),
            ("beta/x.md", "../../../x.md", Some("../../../../x.md")),
        ];
        for (page, link, want) in cases {
            assert_eq!(resolve_link(page, link).as_deref(), *want, "{page} -> {link}");
        }
    }
}
