//! merge: one [`TypeDef`] per type from every page that describes it.
//!
//! The rule, for the type's attributes and for each property: a resource page beats an API
//! page, which beats an example; among pages of one rank the type's own page (`user.md`)
//! beats pages that extend it (`intune-shared-user.md`); then the smaller page path, then
//! the earlier line. A
//! source whose type is `Unknown` loses to any resolved one (it carries no information).
//! Properties keep the order of the winning description: the resource table's rows first,
//! then rows only API pages list. Another source giving the same property another type is
//! reported (`GD0403`, both places named); the same table listing a property twice with two
//! types is `GD0404`.

use super::collect::{Collected, PropCand, Rank};
use super::qualify::{not_own_page, workload};
use crate::diagnostics::{Code, Diagnostic};
use crate::schema::{EnumDef, Property, Schema, TypeDef, TypeId, TypeKind, TypeRef};
use std::collections::BTreeMap;

/// Rank, not the owner's own page, page path, table line, row line: the merge order of rows.
type OrderKey<'a> = (Rank, bool, &'a str, u32, u32);

fn order_key<'a>(p: &'a PropCand<'_>) -> OrderKey<'a> {
    let not_own = p.owner.as_ref().is_none_or(|o| not_own_page(&p.page.path, o.name()));
    (p.rank, not_own, p.page.path.as_str(), p.table_line, p.row.line)
}

/// A row that only lists values (its own prose enum) agrees with a winner typed with a named
/// enum holding all those values: the row just did not name the enum.
fn values_fit(loser: &PropCand<'_>, winner: &TypeRef, enums: &BTreeMap<String, EnumDef>) -> bool {
    let inner = |t: &TypeRef| -> Option<TypeId> {
        match t {
            TypeRef::Enum(id) => Some(id.clone()),
            TypeRef::Collection(i) => match i.as_ref() {
                TypeRef::Enum(id) => Some(id.clone()),
                _ => None,
            },
            _ => None,
        }
    };
    let Some(e) = loser.prose_enum.as_ref().and(inner(winner)).and_then(|id| id.with_key(|key| enums.get(key))) else {
        return false;
    };
    loser.row.possible_values.iter().all(|v| e.members.iter().any(|m| m.wire_name.eq_ignore_ascii_case(v)))
}

fn is_unknown(t: &TypeRef) -> bool {
    match t {
        TypeRef::Unknown(_) => true,
        TypeRef::Collection(inner) => is_unknown(inner),
        _ => false,
    }
}

pub(crate) fn merge(c: &Collected<'_>, schema: &mut Schema, diags: &mut Vec<Diagnostic>) {
    // Types: attributes from the best-ranked candidate that states them.
    let mut type_cands: Vec<_> = c.types.iter().collect();
    // Among resource pages, the type's own page (`user.md` for `user`) describes it before
    // pages that extend it (`intune-shared-user.md`).
    let own_page = |t: &super::collect::TypeCand<'_>| not_own_page(&t.page.path, t.id.name());
    // Each candidate's key made once, not twice per comparison (stable, like `sort_by`).
    type_cands.sort_by_cached_key(|t| {
        let t: &super::collect::TypeCand<'_> = t;
        (t.id.key(), t.rank, own_page(t), t.page.path.as_str(), t.line)
    });
    for t in type_cands {
        let def = schema.types.entry(t.id.key()).or_insert_with(|| TypeDef::new(t.id.clone(), TypeKind::Complex));
        if def.description.is_empty() && t.rank == Rank::Resource {
            def.description = t.description.clone();
        }
        if def.workload.is_none() {
            def.workload = workload(t.page);
        }
        if def.key_property.is_none() {
            def.key_property = t.key_property.clone();
        }
        def.open_type |= t.open_type;
        def.is_abstract |= t.is_abstract;
        def.sources.push(t.page.span(t.line));
    }

    // Properties, grouped by owner and wire name.
    let mut by_owner: BTreeMap<String, BTreeMap<&str, Vec<&PropCand<'_>>>> = BTreeMap::new();
    for p in &c.props {
        if let Some(owner) = &p.owner {
            by_owner.entry(owner.key()).or_default().entry(p.row.name.as_str()).or_default().push(p);
        }
    }
    for (owner, props) in by_owner {
        let Some(def) = schema.types.get_mut(&owner) else {
            continue;
        };
        let mut chosen: Vec<(&PropCand<'_>, OrderKey<'_>)> = Vec::new();
        for (_, mut cands) in props {
            cands.sort_by(|a, b| (is_unknown(&a.ty), order_key(a)).cmp(&(is_unknown(&b.ty), order_key(b))));
            let Some(winner) = cands.first().copied() else {
                continue;
            };
            let enums = &schema.enums;
            for loser in cands.iter().skip(1).filter(|l| l.ty != winner.ty && !values_fit(l, &winner.ty, enums)) {
                let same_table = loser.page.path == winner.page.path && loser.table_line == winner.table_line;
                let (code, what) = if same_table {
                    (Code::PropertyTypeConflict, "is listed twice in this table")
                } else {
                    (Code::TypeConflict, "is described elsewhere")
                };
                diags.push(
                    Diagnostic::new(
                        code,
                        loser.span(),
                        format!(
                            "property `{}` of `{}` {what} as {}, here as {}; the first was kept",
                            winner.row.name,
                            def.id,
                            winner.ty.describe(),
                            loser.ty.describe()
                        ),
                    )
                    .with_related(winner.span(), "the description that was kept"),
                );
            }
            // Position: where the property first appears in rank/path/line order.
            let first_seen = cands.iter().map(|p| order_key(p)).min().unwrap_or_else(|| order_key(winner));
            chosen.push((winner, first_seen));
        }
        chosen.sort_by(|a, b| a.1.cmp(&b.1));
        for (p, _) in chosen {
            let m = &p.row.markers;
            def.properties.push(Property {
                wire_name: p.row.name.clone(),
                ty: p.ty.clone(),
                description: p.row.description.clone(),
                navigation: p.navigation,
                read_only: m.read_only,
                nullable: if m.not_nullable {
                    Some(false)
                } else if m.nullable {
                    Some(true)
                } else {
                    None
                },
                key: m.key || def.key_property.as_deref() == Some(p.row.name.as_str()),
                source: p.span(),
            });
            def.sources.push(p.page.span(p.table_line));
        }
    }
    for def in schema.types.values_mut() {
        def.sources.sort();
        def.sources.dedup();
    }
}
