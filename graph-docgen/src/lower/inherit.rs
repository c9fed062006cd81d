//! inherit: base types, inheritance cycles, and entity vs complex.
//!
//! A type's base is, in order: what its resource page says (`Inherits from [x]`, else the
//! annotation's `baseType`); else what its rows' `Inherited from [x]` markers imply. Those
//! markers list the farthest base first (template pages: `id` from `entity`, then
//! `deletedDateTime` from `directoryObject`), so the distinct bases in row order
//! `b1, …, bn` make the chain `type -> bn -> … -> b1`, each link only where nothing more
//! explicit is known. Cycles are broken at the type with the greatest key (`GD0405`).
//! A type is an entity when it has a key property, an `id` (own or inherited) or `entity`
//! among its bases; otherwise complex.

use super::collect::Collected;
use super::qualify::{clean_name, not_own_page, Namespaces};
use super::resolve::Index;
use crate::diagnostics::{Code, Diagnostic};
use crate::schema::{Schema, TypeId, TypeKind};
use std::collections::{BTreeMap, BTreeSet};

/// Key of the root entity type.
const ENTITY: &str = "microsoft.graph.entity";

pub(crate) fn inherit(
    c: &Collected<'_>,
    index: &Index<'_>,
    ns: &Namespaces,
    schema: &mut Schema,
    diags: &mut Vec<Diagnostic>,
) {
    // Explicit bases, best-ranked page first.
    let mut cands: Vec<_> = c.types.iter().filter(|t| t.base.is_some()).collect();
    let not_own = |t: &super::collect::TypeCand<'_>| not_own_page(&t.page.path, t.id.name());
    // Each candidate's key made once, not twice per comparison (stable, like `sort_by`).
    cands.sort_by_cached_key(|t| {
        let t: &super::collect::TypeCand<'_> = t;
        (t.id.key(), t.rank, not_own(t), t.page.path.as_str())
    });
    let mut decided: BTreeSet<String> = BTreeSet::new();
    for t in cands {
        let key = t.id.key();
        if decided.contains(&key) {
            continue;
        }
        let Some((name, link, line)) = &t.base else {
            continue;
        };
        let page_ns = ns.of_page(t.page);
        let found = clean_name(name).and_then(|n| index.lookup_type(ns, &n, &page_ns)).or_else(|| {
            match index.lookup_named(ns, name, link.as_deref(), &page_ns) {
                Some(super::resolve::Found::Type(id)) => Some(id),
                _ => None,
            }
        });
        match found.filter(|b| b.with_key(|key| schema.types.contains_key(key))) {
            Some(base) if base.key() != key => {
                if let Some(def) = schema.types.get_mut(&key) {
                    def.base = Some(base);
                }
                decided.insert(key);
            }
            Some(_) => {} // `Inherits from` itself: nothing to say
            None => diags.push(Diagnostic::new(
                Code::UnknownBaseType,
                t.page.span(*line),
                format!("base type `{name}` of `{}` could not be resolved; the type was generated without it", t.id),
            )),
        }
    }

    // Bases implied by `Inherited from` rows, per child in page/row order.
    let mut implied: BTreeMap<String, Vec<&TypeId>> = BTreeMap::new();
    let mut rows: Vec<_> = c.bases.iter().collect();
    rows.sort_by(|a, b| a.span.cmp(&b.span).then_with(|| a.child.cmp_key(&b.child)));
    for r in rows {
        let list = implied.entry(r.child.key()).or_default();
        if !list.iter().any(|b| b.same_key(&r.base)) {
            list.push(&r.base);
        }
    }
    for (child, bases) in implied {
        let mut chain: Vec<String> = vec![child];
        chain.extend(bases.iter().rev().map(|b| b.key()));
        for pair in chain.windows(2) {
            let [from, to] = pair else { continue };
            // `entity` is the root of every entity; a link that would close a cycle is a
            // wrong guess about the order of the rows, not a fact.
            if decided.contains(from) || from == to || from == ENTITY || reaches(schema, to, from) {
                continue;
            }
            let Some(base_id) = schema.types.get(to).map(|t| t.id.clone()) else {
                continue;
            };
            if let Some(def) = schema.types.get_mut(from) {
                def.base = Some(base_id);
                decided.insert(from.clone());
            }
        }
    }

    break_cycles(schema, diags);
}

/// Entity or complex, once bases and every property (examples included) are known. Opaque
/// types are made later by `finish` and keep their kind.
pub(crate) fn assign_kinds(schema: &mut Schema) {
    let kinds: Vec<(String, TypeKind)> = schema
        .types
        .values()
        .map(|t| {
            let entity = t.key_property.is_some()
                || schema.all_properties(t).iter().any(|p| p.wire_name == "id" || p.key)
                || chain_has_entity(schema, &t.id);
            (t.id.key(), if entity { TypeKind::Entity } else { TypeKind::Complex })
        })
        .collect();
    for (k, kind) in kinds {
        if let Some(t) = schema.types.get_mut(&k) {
            t.kind = kind;
        }
    }
}

/// Whether `from`'s base chain reaches `target`.
fn reaches(schema: &Schema, from: &str, target: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut cur = Some(from.to_string());
    while let Some(k) = cur {
        if k == target {
            return true;
        }
        if !seen.insert(k.clone()) {
            return false;
        }
        cur = schema.types.get(&k).and_then(|t| t.base.as_ref()).map(TypeId::key);
    }
    false
}

fn chain_has_entity(schema: &Schema, id: &TypeId) -> bool {
    let mut seen = BTreeSet::new();
    let mut cur = Some(id.clone());
    while let Some(c) = cur {
        if c.key() == ENTITY {
            return true;
        }
        if !seen.insert(c.key()) {
            return false;
        }
        cur = schema.type_def(&c).and_then(|t| t.base.clone());
    }
    false
}

/// Finds every cycle of base links and removes the link of its greatest-keyed member.
fn break_cycles(schema: &mut Schema, diags: &mut Vec<Diagnostic>) {
    let keys: Vec<String> = schema.types.keys().cloned().collect();
    for start in keys {
        let mut path: Vec<String> = Vec::new();
        let mut cur = Some(start);
        while let Some(k) = cur {
            if let Some(pos) = path.iter().position(|p| *p == k) {
                let cycle: Vec<String> = path.get(pos..).map(<[String]>::to_vec).unwrap_or_default();
                let Some(breaker) = cycle.iter().max().cloned() else {
                    break;
                };
                let related: Vec<_> = cycle
                    .iter()
                    .filter(|m| **m != breaker)
                    .filter_map(|m| {
                        schema.types.get(m).and_then(|t| t.sources.first().cloned().map(|s| (s, t.id.to_string())))
                    })
                    .collect();
                if let Some(def) = schema.types.get_mut(&breaker) {
                    let names: Vec<String> = cycle.to_vec();
                    let span = def.sources.first().cloned().unwrap_or_else(|| crate::diagnostics::Span::line("", 1));
                    let mut d = Diagnostic::new(
                        Code::InheritanceCycle,
                        span,
                        format!(
                            "base types form a cycle ({}); `{}` was generated without its base",
                            names.join(" -> "),
                            def.id
                        ),
                    );
                    for (s, label) in related {
                        d = d.with_related(s, format!("`{label}` is on the cycle"));
                    }
                    diags.push(d);
                    def.base = None;
                }
                break;
            }
            path.push(k.clone());
            cur = schema.types.get(&k).and_then(|t| t.base.as_ref()).map(TypeId::key);
        }
    }
}
