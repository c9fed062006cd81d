//! types: the one mapping from a schema [`TypeRef`] to the Rust type of a field or argument
//! (the table in DESIGN.md "Field types").

use super::ast;
use crate::names::NameMap;
use crate::schema::{Primitive, Property, Schema, TypeKind, TypeRef};
use syn::Type;

/// Where the referring code sits: every generated file is a child of its namespace module
/// (`types.rs`, `enums.rs`, `requests.rs`), so `super::` is that namespace module.
#[derive(Clone, Copy, Debug)]
pub struct Origin<'a> {
    /// The namespace module of the file (`None` for the version module).
    pub module: Option<&'a str>,
}

/// The raw-JSON type of opaque, missing and unknown types.
const JSON_VALUE: &str = "::serde_json::Value";

/// The Rust type for `ty` without the `Option` every field adds. `boxed` puts a direct complex
/// reference in a `Box` (the caller decides, from the cycle check in `structs`). A type with a
/// polymorphic enum in `names.polymorphic` is referred to through that enum.
pub fn rust_type(ty: &TypeRef, schema: &Schema, names: &NameMap, from: Origin<'_>, boxed: bool) -> Type {
    match ty {
        TypeRef::Primitive(p) => primitive(*p),
        TypeRef::Collection(inner) => ast::generic_ty(ast::VEC, rust_type(inner, schema, names, from, false)),
        TypeRef::Complex(id) => {
            let known = schema.type_def(id).is_some_and(|t| t.kind != TypeKind::Opaque);
            // A base type with derived types: its polymorphic enum, in the base's module.
            let poly = names.polymorphic.get(&id.key()).map(|p| &p.enum_name);
            match poly.or(names.type_name(&id.key())) {
                Some(_) if !known => ast::ty(JSON_VALUE), // opaque or missing: raw JSON
                Some(name) => {
                    let path = type_path(name.module.as_deref(), &name.name, from);
                    if boxed {
                        ast::generic_ty(ast::BOX, path)
                    } else {
                        path
                    }
                }
                None => ast::ty(JSON_VALUE),
            }
        }
        TypeRef::Enum(id) => match (schema.enum_def(id), names.type_name(&id.key())) {
            (Some(def), Some(name)) => {
                let path = type_path(name.module.as_deref(), &name.name, from);
                if def.flags {
                    ast::generic_ty("crate::runtime::Flags", path)
                } else {
                    path
                }
            }
            _ => ast::ty(JSON_VALUE),
        },
        TypeRef::Unknown(_) => ast::ty(JSON_VALUE),
    }
}

/// Whether the field of `p` is a `crate::runtime::Nav<T>`: every navigation property (a
/// "Relationships" row), held as JSON and decoded on request, so that decoding a model does not
/// compile the decoders of every entity its relationships reach (the reasons are in
/// graph-models' runtime/nav.rs). The one place this rule is made: the cycle check (a `Nav`
/// holds no `T`) and the example tests (a `Nav` round-trips as JSON) ask here.
pub fn is_nav(p: &Property) -> bool {
    p.navigation
}

/// The type of a struct field for `p`, without the `Option` every field adds: `Nav<T>` when
/// [`is_nav`] (`boxed` is then moot), else [`rust_type`].
pub fn field_type(p: &Property, schema: &Schema, names: &NameMap, from: Origin<'_>, boxed: bool) -> Type {
    if is_nav(p) {
        ast::generic_ty("crate::runtime::Nav", rust_type(&p.ty, schema, names, from, false))
    } else {
        rust_type(&p.ty, schema, names, from, boxed)
    }
}

/// True for `String`, where setters take `impl Into<String>`.
pub fn is_string(ty: &TypeRef) -> bool {
    matches!(ty, TypeRef::Primitive(Primitive::String))
}

fn primitive(p: Primitive) -> Type {
    ast::ty(match p {
        Primitive::String => ast::STRING,
        Primitive::Boolean => "bool",
        Primitive::Byte => "u8",
        Primitive::SByte => "i8",
        Primitive::Int16 => "i16",
        Primitive::Int32 => "i32",
        Primitive::Int64 => "i64",
        Primitive::Single | Primitive::Double => "crate::runtime::Double",
        Primitive::Decimal => "crate::runtime::Decimal",
        Primitive::DateTimeOffset => "crate::runtime::DateTimeOffset",
        Primitive::Date => "crate::runtime::Date",
        Primitive::TimeOfDay => "crate::runtime::TimeOfDay",
        Primitive::Duration => "crate::runtime::Duration",
        Primitive::Guid => "crate::runtime::Uuid",
        Primitive::Binary | Primitive::Stream => "crate::runtime::Base64",
        Primitive::Json => JSON_VALUE,
    })
}

/// Relative path from a file in `from` to a type of namespace module `module`.
pub fn type_path(module: Option<&str>, name: &str, from: Origin<'_>) -> Type {
    let up = if from.module.is_some() { "super::super" } else { "super" };
    ast::ty(&match (from.module, module) {
        (Some(a), Some(b)) if a == b => format!("super::{name}"),
        (None, None) => format!("super::{name}"),
        (_, Some(m)) => format!("{up}::{m}::{name}"),
        (_, None) => format!("{up}::{name}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{ApiVersion, EnumDef, TypeDef, TypeId};

    fn schema() -> Schema {
        let mut s = Schema::new(ApiVersion::Beta);
        for (ns, name, kind) in [
            ("microsoft.graph", "group", TypeKind::Entity),
            ("microsoft.graph", "mystery", TypeKind::Opaque),
            ("microsoft.graph.callRecords", "session", TypeKind::Entity),
        ] {
            let t = TypeDef {
                id: TypeId::new(ns, name),
                kind,
                base: None,
                properties: vec![],
                description: String::new(),
                workload: None,
                key_property: None,
                open_type: false,
                is_abstract: false,
                sources: vec![],
            };
            s.types.insert(t.id.key(), t);
        }
        for (name, flags) in [("color", false), ("days", true)] {
            let e = EnumDef {
                id: TypeId::new("microsoft.graph", name),
                members: vec![],
                flags,
                evolvable: false,
                description: String::new(),
                workload: None,
                from_prose: false,
                sources: vec![],
            };
            s.enums.insert(e.id.key(), e);
        }
        s
    }

    #[test]
    fn mapping_table() {
        let s = schema();
        let (names, _) = NameMap::build(&s);
        let g = |n: &str| TypeRef::Complex(TypeId::new("microsoft.graph", n));
        let e = |n: &str| TypeRef::Enum(TypeId::new("microsoft.graph", n));
        let coll = |t: TypeRef| TypeRef::Collection(Box::new(t));
        let root = Origin { module: None };
        let sub = Origin { module: Some("call_records") };
        let cases: Vec<(TypeRef, Origin<'_>, bool, &str)> = vec![
            (TypeRef::Primitive(Primitive::String), root, false, "String"),
            (TypeRef::Primitive(Primitive::Boolean), root, false, "bool"),
            (TypeRef::Primitive(Primitive::Byte), root, false, "u8"),
            (TypeRef::Primitive(Primitive::SByte), root, false, "i8"),
            (TypeRef::Primitive(Primitive::Int16), root, false, "i16"),
            (TypeRef::Primitive(Primitive::Int32), root, false, "i32"),
            (TypeRef::Primitive(Primitive::Int64), root, false, "i64"),
            (TypeRef::Primitive(Primitive::Single), root, false, "crate :: runtime :: Double"),
            (TypeRef::Primitive(Primitive::Double), root, false, "crate :: runtime :: Double"),
            (TypeRef::Primitive(Primitive::Decimal), root, false, "crate :: runtime :: Decimal"),
            (TypeRef::Primitive(Primitive::DateTimeOffset), root, false, "crate :: runtime :: DateTimeOffset"),
            (TypeRef::Primitive(Primitive::Date), root, false, "crate :: runtime :: Date"),
            (TypeRef::Primitive(Primitive::TimeOfDay), root, false, "crate :: runtime :: TimeOfDay"),
            (TypeRef::Primitive(Primitive::Duration), root, false, "crate :: runtime :: Duration"),
            (TypeRef::Primitive(Primitive::Guid), root, false, "crate :: runtime :: Uuid"),
            (TypeRef::Primitive(Primitive::Binary), root, false, "crate :: runtime :: Base64"),
            (TypeRef::Primitive(Primitive::Stream), root, false, "crate :: runtime :: Base64"),
            (TypeRef::Primitive(Primitive::Json), root, false, ":: serde_json :: Value"),
            (TypeRef::Unknown("x".into()), root, false, ":: serde_json :: Value"),
            (g("group"), root, false, "super :: Group"),
            (g("group"), root, true, "Box < super :: Group >"),
            (g("group"), sub, false, "super :: super :: Group"),
            (coll(g("group")), root, true, "Vec < super :: Group >"),
            (g("mystery"), root, true, ":: serde_json :: Value"),
            (g("nowhere"), root, false, ":: serde_json :: Value"),
            (
                TypeRef::Complex(TypeId::new("microsoft.graph.callRecords", "session")),
                root,
                false,
                "super :: call_records :: Session",
            ),
            (TypeRef::Complex(TypeId::new("microsoft.graph.callRecords", "session")), sub, false, "super :: Session"),
            (e("color"), root, false, "super :: Color"),
            (e("days"), root, false, "crate :: runtime :: Flags < super :: Days >"),
            (coll(e("days")), root, false, "Vec < crate :: runtime :: Flags < super :: Days > >"),
            (e("nowhere"), root, false, ":: serde_json :: Value"),
        ];
        for (ty, from, boxed, want) in cases {
            let printed = quote::ToTokens::to_token_stream(&rust_type(&ty, &s, &names, from, boxed)).to_string();
            assert_eq!(printed, want, "{ty:?}");
        }
    }
    #[test]
    fn a_relationship_is_a_nav_of_its_type_and_never_boxed() {
        let s = schema();
        let (names, _) = NameMap::build(&s);
        let group = TypeRef::Complex(TypeId::new("microsoft.graph", "group"));
        let prop = |ty: TypeRef, navigation| Property {
            navigation,
            ..Property::new("x", ty, crate::diagnostics::Span::line("x.md", 1))
        };
        let root = Origin { module: None };
        let cases = [
            (prop(group.clone(), true), true, "crate :: runtime :: Nav < super :: Group >"),
            (
                prop(TypeRef::Collection(Box::new(group.clone())), true),
                false,
                "crate :: runtime :: Nav < Vec < super :: Group > >",
            ),
            (prop(group.clone(), false), true, "Box < super :: Group >"),
            (prop(group, false), false, "super :: Group"),
        ];
        for (p, boxed, want) in cases {
            let printed = quote::ToTokens::to_token_stream(&field_type(&p, &s, &names, root, boxed)).to_string();
            assert_eq!(printed, want, "navigation {} boxed {boxed}", p.navigation);
        }
    }
}
