//! enums: enum pages, member tables and "Possible values" phrases -> [`EnumDef`]s.
//!
//! Sources of one enum: its enum page / `### x values` member table, and every row whose
//! description lists values for it. Members are the union of all sources, in the order of the
//! first source (enum pages before prose, then by path), extra members of later sources
//! appended; a source that adds members the first one lacks is reported (`GD0501`).
//!
//! Rows whose values define an enum of their own:
//! * a bare or linked name that names nothing (`status` typed `connectorStatus`, "Possible
//!   values are: `active`, `inactive`") -> an enum of that name;
//! * `Enumeration` (no name) -> an enum named owner type + property (`group` + `accessType` ->
//!   `groupAccessType`);
//! * a primitive `String` with values (`connectorGroupType`) -> an enum named owner type +
//!   property too (`connectorGroupConnectorGroupType`), and the property is typed with it.
//!   Why not keep `String`: every generated enum keeps values it does not know in
//!   `Other(String)`, so typing the property with the enum loses no value a `String` would
//!   have kept, and users get the documented values as variants. One rule for all three
//!   cases, and the same spelling a hand-written SDK would choose.
//!
//! Every enum that exists only in prose is marked `from_prose`; `finish` notes those it keeps
//! (`GD0500`).

use super::collect::{Collected, EnumCand};
use super::qualify::{clean_name, owner_member_name, workload, Namespaces};
use super::resolve::{Found, Index};
use crate::diagnostics::{Code, Diagnostic};
use crate::facts::{Primitive, TypeExpr};
use crate::schema::{EnumDef, EnumMember, TypeId};
use std::collections::BTreeMap;

/// The member that marks an evolvable enum.
const UNKNOWN_FUTURE_VALUE: &str = "unknownFutureValue";

fn innermost(expr: &TypeExpr) -> &TypeExpr {
    match expr {
        TypeExpr::Collection(inner) => innermost(inner),
        other => other,
    }
}

fn is_key(row: &crate::facts::PropertyRow) -> bool {
    row.markers.key || row.name == "id"
}

/// Turns rows with values (or anonymous enums) into enum candidates and marks the rows
/// whose type is such an enum.
pub(crate) fn from_prose(c: &mut Collected<'_>, index: &mut Index<'_>, ns: &Namespaces) {
    for i in 0..c.props.len() {
        let Some(p) = c.props.get(i) else { continue };
        let row = p.row;
        let values: Vec<EnumMember> = row
            .possible_values
            .iter()
            .map(|v| EnumMember { wire_name: v.clone(), value: None, description: String::new() })
            .collect();
        let owner_enum = |owner: &Option<TypeId>| -> Option<TypeId> {
            let o = owner.as_ref()?;
            // `Prefer: outlook.timezone`, `files/fileData/data`: no name to build an enum name from.
            clean_name(&row.name).filter(|n| !n.contains('.'))?;
            Some(TypeId::new(o.namespace(), &owner_member_name(o.name(), &row.name)))
        };
        let target = match innermost(&row.ty) {
            TypeExpr::Named { name, link } if !values.is_empty() => {
                match index.lookup_named(ns, name, link.as_deref(), &p.ns) {
                    Some(Found::Enum(id)) => Some((id, false)),
                    Some(Found::Type(_)) => None,
                    None => clean_name(name).map(|n| {
                        let (q, simple) = ns.split(&n);
                        (TypeId::new(q.as_deref().unwrap_or(&p.ns), &simple), true)
                    }),
                }
            }
            TypeExpr::AnonymousEnum => owner_enum(&p.owner).map(|id| (id, true)),
            // A key is an identifier, never an enum (a phrase such as "cannot be one of the
            // following values" is a list of forbidden ids).
            TypeExpr::Primitive(Primitive::String) if !values.is_empty() && !is_key(row) => {
                owner_enum(&p.owner).map(|id| (id, true))
            }
            _ => None,
        };
        let Some((id, mark_row)) = target else {
            continue;
        };
        let id = index.add_enum(id);
        let (span, workload) = (p.span(), workload(p.page));
        c.enums.push(EnumCand {
            id: id.clone(),
            span,
            description: String::new(),
            members: values,
            flags: false,
            from_prose: true,
            workload,
        });
        if let (true, Some(p)) = (mark_row, c.props.get_mut(i)) {
            p.prose_enum = Some(id);
        }
    }
}

/// Merges enum candidates into enum definitions keyed by [`TypeId::key`].
pub(crate) fn build(mut cands: Vec<EnumCand>, diags: &mut Vec<Diagnostic>) -> BTreeMap<String, EnumDef> {
    // Each candidate's key made once, not twice per comparison (stable, like `sort_by`).
    cands.sort_by_cached_key(|c| (c.id.key(), c.from_prose, c.span.clone()));
    let mut grouped: BTreeMap<String, Vec<EnumCand>> = BTreeMap::new();
    for c in cands {
        grouped.entry(c.id.key()).or_default().push(c);
    }
    let mut out = BTreeMap::new();
    for (key, group) in grouped {
        let Some(first) = group.first() else { continue };
        let mut def = EnumDef {
            id: first.id.clone(),
            members: Vec::new(),
            flags: group.iter().any(|c| c.flags),
            evolvable: false,
            description: group.iter().map(|c| c.description.as_str()).find(|d| !d.is_empty()).unwrap_or("").to_string(),
            workload: group.iter().find_map(|c| c.workload.clone()),
            from_prose: group.iter().all(|c| c.from_prose),
            sources: Vec::new(),
        };
        // The first source that lists members is the reference others are compared with.
        let reference = group.iter().find(|c| !c.members.is_empty());
        for c in &group {
            let mut added = Vec::new();
            for m in &c.members {
                if !def.members.iter().any(|d| d.wire_name.eq_ignore_ascii_case(&m.wire_name)) {
                    def.members.push(m.clone());
                    added.push(m.wire_name.clone());
                } else if let Some(d) = def.members.iter_mut().find(|d| d.wire_name.eq_ignore_ascii_case(&m.wire_name))
                {
                    // Fill in what an earlier (prose) source did not say.
                    if d.value.is_none() {
                        d.value = m.value;
                    }
                    if d.description.is_empty() {
                        d.description = m.description.clone();
                    }
                }
            }
            if let Some(r) = reference.filter(|r| !std::ptr::eq(*r, c) && !added.is_empty()) {
                diags.push(
                    Diagnostic::new(
                        Code::EnumMembersConflict,
                        c.span.clone(),
                        format!(
                            "enum `{}`: this source adds {} that the first source lacks; the union was generated",
                            def.id,
                            added.join(", ")
                        ),
                    )
                    .with_related(r.span.clone(), "first source of the members"),
                );
            }
            def.sources.push(c.span.clone());
        }
        def.sources.sort();
        def.sources.dedup();
        def.evolvable = def.members.iter().any(|m| m.wire_name == UNKNOWN_FUTURE_VALUE);
        let first_span = def.sources.first().cloned().unwrap_or_else(|| first.span.clone());
        if def.members.is_empty() {
            diags.push(Diagnostic::new(
                Code::EmptyEnum,
                first_span,
                format!("enum `{}` has no members anywhere; it keeps raw values", def.id),
            ));
        }
        out.insert(key, def);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Span;

    fn cand(name: &str, file: &str, line: u32, members: &[&str], from_prose: bool) -> EnumCand {
        EnumCand {
            id: TypeId::new("microsoft.graph", name),
            span: Span::line(file, line),
            description: String::new(),
            members: members
                .iter()
                .map(|m| EnumMember { wire_name: m.to_string(), value: None, description: String::new() })
                .collect(),
            flags: false,
            from_prose,
            workload: None,
        }
    }

    #[test]
    fn union_of_sources_with_conflict_reported() {
        let mut diags = Vec::new();
        let enums = build(
            vec![
                cand("color", "b.md", 9, &["red", "blue", "green"], true),
                cand("Color", "a.md", 4, &["red", "blue", "unknownFutureValue"], false),
            ],
            &mut diags,
        );
        let e = enums.get("microsoft.graph.color").expect("enum built");
        let names: Vec<_> = e.members.iter().map(|m| m.wire_name.as_str()).collect();
        assert_eq!(names, ["red", "blue", "unknownFutureValue", "green"]);
        assert!(e.evolvable);
        assert!(!e.from_prose);
        assert_eq!(e.id.0, "microsoft.graph.Color", "the enum page's spelling wins");
        let conflict: Vec<_> = diags.iter().filter(|d| d.code == Code::EnumMembersConflict).collect();
        assert_eq!(conflict.len(), 1);
        assert_eq!(conflict[0].span, Span::line("b.md", 9));
        assert_eq!(conflict[0].related[0].0, Span::line("a.md", 4));
    }

    #[test]
    fn prose_only_enum_is_marked_and_empty_enum_reported() {
        let mut diags = Vec::new();
        let enums =
            build(vec![cand("status", "x.md", 3, &["active"], true), cand("empty", "x.md", 5, &[], true)], &mut diags);
        assert!(enums.get("microsoft.graph.status").is_some_and(|e| e.from_prose && !e.evolvable));
        let codes: Vec<_> = diags.iter().map(|d| (d.code, d.span.line)).collect();
        assert_eq!(codes, [(Code::EmptyEnum, 5)]);
    }
}
