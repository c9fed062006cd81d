//! synthetic: a made-up [`Schema`] of a given size, shaped like the Graph reference (a mix of
//! primitive, enum, complex and collection properties, a few base types, types spread over
//! workloads), so the compile cost of the generated and the naive crates can be compared
//! without the docs corpus or before the whole generator has landed.
//!
//! Sizes from issue 4: v1.0-like is `synthetic_schema(1000, 8, 320)`, beta-like
//! `synthetic_schema(2600, 8, 830)` (then set `version` to beta).

use crate::diagnostics::Span;
use crate::schema::{ApiVersion, EnumDef, EnumMember, Primitive, Property, Schema, TypeDef, TypeId, TypeKind, TypeRef};

/// The sizes issue 4 measured the naive rendering at.
pub const V1_0_SHAPE: Shape = Shape { types: 1000, props_per_type: 8, enums: 320 };
pub const BETA_SHAPE: Shape = Shape { types: 2600, props_per_type: 8, enums: 830 };

/// How big a synthetic schema is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    pub types: usize,
    pub props_per_type: usize,
    pub enums: usize,
}

/// Types per synthetic workload: about what the real `ms.prod` groups hold on average.
const TYPES_PER_WORKLOAD: usize = 50;
/// Members per synthetic enum, the last one being `unknownFutureValue` as in most Graph enums.
const MEMBERS_PER_ENUM: usize = 6;
/// Every this-many types derives from the previous one (Graph has shallow inheritance chains).
const DERIVED_EVERY: usize = 10;
/// One type in this many is a "core" value type (like `identitySet`, `itemBody`): core types
/// hold only primitives and enums, and every complex reference points at a core type. That
/// keeps reference chains two deep, as in Graph; chains through hundreds of types (what
/// references to arbitrary types make) overflow rustc's drop-check recursion limit (E0320).
const CORE_EVERY: usize = 10;

const NAMESPACE: &str = "microsoft.graph";

/// The primitive properties cycle through (the common Graph ones).
const PRIMITIVES: [Primitive; 6] = [
    Primitive::String,
    Primitive::Boolean,
    Primitive::Int32,
    Primitive::DateTimeOffset,
    Primitive::Int64,
    Primitive::Double,
];

fn type_id(i: usize) -> TypeId {
    TypeId::new(NAMESPACE, &format!("syntheticType{i:05}"))
}

fn enum_id(i: usize) -> TypeId {
    TypeId::new(NAMESPACE, &format!("syntheticEnum{i:05}"))
}

fn workload(i: usize) -> Option<String> {
    Some(format!("synthetic-workload-{:03}", i / TYPES_PER_WORKLOAD))
}

fn span(line: usize) -> Span {
    Span::line("synthetic.md", u32::try_from(line + 1).unwrap_or(u32::MAX))
}

/// Number of core types among `types` (see [`CORE_EVERY`]); core types are the first ones.
fn core_count(types: usize) -> usize {
    types.div_ceil(CORE_EVERY)
}

/// The type of property `p` of type `t`: primitives most often, then enums, complex references
/// and collections. Complex references go from non-core types to core types only.
fn property_type(t: usize, p: usize, types: usize, enums: usize) -> TypeRef {
    let primitive = TypeRef::Primitive(PRIMITIVES[(t + p) % PRIMITIVES.len()]);
    let core = core_count(types);
    let may_reference = t >= core && core > 0;
    match p % 8 {
        3 if enums > 0 => TypeRef::Enum(enum_id((t * 7 + p) % enums)),
        5 if may_reference => TypeRef::Complex(type_id((t + p * 13) % core)),
        6 => TypeRef::Collection(Box::new(TypeRef::Primitive(Primitive::String))),
        7 if may_reference => TypeRef::Collection(Box::new(TypeRef::Complex(type_id((t * 3 + p) % core)))),
        _ => primitive,
    }
}

/// A schema of `types` types with `props_per_type` own properties each and `enums` enums
/// (version v1.0; set `version` for another). Deterministic.
pub fn synthetic_schema(types: usize, props_per_type: usize, enums: usize) -> Schema {
    let mut schema = Schema::new(ApiVersion::V1_0);
    for t in 0..types {
        let id = type_id(t);
        let properties = (0..props_per_type)
            .map(|p| Property {
                wire_name: if p == 0 { "id".to_string() } else { format!("property{p}Of{t}") },
                ty: if p == 0 { TypeRef::Primitive(Primitive::String) } else { property_type(t, p, types, enums) },
                description: format!("Property {p} of synthetic type {t}."),
                navigation: false,
                read_only: p == 0,
                nullable: Some(p % 2 == 0),
                key: p == 0,
                source: span(t * props_per_type + p),
            })
            .collect();
        let base = (t % DERIVED_EVERY == DERIVED_EVERY - 1).then(|| type_id(t - 1));
        schema.types.insert(
            id.key(),
            TypeDef {
                kind: if props_per_type > 0 { TypeKind::Entity } else { TypeKind::Complex },
                base,
                properties,
                description: format!("Synthetic type {t}."),
                workload: workload(t),
                key_property: (props_per_type > 0).then(|| "id".to_string()),
                open_type: false,
                is_abstract: false,
                sources: vec![span(t)],
                id,
            },
        );
    }
    for e in 0..enums {
        let id = enum_id(e);
        let members = (0..MEMBERS_PER_ENUM)
            .map(|m| EnumMember {
                wire_name: if m + 1 == MEMBERS_PER_ENUM {
                    "unknownFutureValue".to_string()
                } else {
                    format!("value{m}")
                },
                value: i64::try_from(m).ok(),
                description: String::new(),
            })
            .collect();
        schema.enums.insert(
            id.key(),
            EnumDef {
                members,
                flags: false,
                evolvable: true,
                description: format!("Synthetic enum {e}."),
                workload: workload(e * types.max(1) / enums.max(1)),
                from_prose: false,
                sources: vec![span(e)],
                id,
            },
        );
    }
    schema
}

/// The two version-shaped schemas of issue 4 (v1.0-like and beta-like).
pub fn issue_shaped_schemas() -> Vec<Schema> {
    ApiVersion::ALL
        .iter()
        .map(|&v| {
            let shape = if v == ApiVersion::V1_0 { V1_0_SHAPE } else { BETA_SHAPE };
            let mut s = synthetic_schema(shape.types, shape.props_per_type, shape.enums);
            s.version = v;
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_match_the_request() {
        for (types, props, enums) in [(0, 0, 0), (1, 1, 0), (10, 8, 3), (1000, 8, 320)] {
            let s = synthetic_schema(types, props, enums);
            assert_eq!(s.types.len(), types);
            assert_eq!(s.enums.len(), enums);
            assert!(s.types.values().all(|t| t.properties.len() == props));
            assert!(s.enums.values().all(|e| e.members.len() == MEMBERS_PER_ENUM));
        }
    }

    #[test]
    fn references_resolve_and_cover_every_kind() {
        let s = synthetic_schema(100, 8, 20);
        let mut kinds = [false; 4];
        for t in s.types.values() {
            if let Some(b) = &t.base {
                assert!(s.type_def(b).is_some(), "base {b}");
            }
            for p in &t.properties {
                let target = match &p.ty {
                    TypeRef::Collection(inner) => inner.as_ref(),
                    other => other,
                };
                match target {
                    TypeRef::Primitive(_) => kinds[0] = true,
                    TypeRef::Enum(id) => {
                        kinds[1] = true;
                        assert!(s.enum_def(id).is_some(), "{id}");
                    }
                    TypeRef::Complex(id) => {
                        kinds[2] = true;
                        assert!(s.type_def(id).is_some(), "{id}");
                    }
                    TypeRef::Collection(_) | TypeRef::Unknown(_) => kinds[3] = true,
                }
            }
        }
        assert_eq!(kinds, [true, true, true, false]);
        // Reference chains stay short: whatever a type references references no complex type.
        let references = |t: &TypeDef| -> Vec<TypeId> {
            t.properties
                .iter()
                .filter_map(|p| match &p.ty {
                    TypeRef::Complex(id) => Some(id.clone()),
                    TypeRef::Collection(inner) => match inner.as_ref() {
                        TypeRef::Complex(id) => Some(id.clone()),
                        _ => None,
                    },
                    _ => None,
                })
                .collect()
        };
        for t in s.types.values() {
            for target in references(t) {
                let target = s.type_def(&target).expect("resolves");
                assert!(references(target).is_empty(), "{} -> {} -> ...", t.id, target.id);
            }
        }
        // Derived types see their base's properties too.
        let derived = s.types.values().find(|t| t.base.is_some()).expect("some derived type");
        assert_eq!(s.all_properties(derived).len(), 8 + 7); // `id` is redeclared in place
    }

    #[test]
    fn issue_shapes() {
        let schemas = issue_shaped_schemas();
        let sizes: Vec<(ApiVersion, usize, usize)> =
            schemas.iter().map(|s| (s.version, s.types.len(), s.enums.len())).collect();
        assert_eq!(sizes, vec![(ApiVersion::V1_0, 1000, 320), (ApiVersion::Beta, 2600, 830)]);
        let workloads: std::collections::BTreeSet<_> =
            schemas[1].types.values().filter_map(|t| t.workload.clone()).collect();
        assert_eq!(workloads.len(), 2600 / TYPES_PER_WORKLOAD);
    }
}
