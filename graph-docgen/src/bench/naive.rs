//! naive: the baseline the benchmark compares the generated crate against — the rendering a
//! straightforward generator would produce (one serde-derived struct per type, every field an
//! `Option` with serde attributes, enums with an untagged catch-all).
//!
//! It is deliberately simple and independent of `emit` and `names`: it exists only to measure
//! what serde-derive costs at Graph scale, so it makes its own identifiers with a minimal
//! sanitizer (heck casing, a keyword suffix, numeric dedup) and skips doc comments (they cost
//! next to nothing to check). It must still compile for any schema, so every complex reference
//! is boxed (all types may be recursive) and references to types the schema does not hold fall
//! back to `serde_json::Value`.

use crate::schema::{Primitive, Schema, TypeRef};
use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};

/// Name of the naive crate (distinct from `graph-models` so both share one target dir).
pub const CRATE_NAME: &str = "graph-models-naive";

/// Keywords that are not valid identifiers: they get a `_` suffix (raw identifiers cannot
/// spell `self`, `Self`, `crate`, `super`, so one rule for all).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn", "else",
    "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod",
    "move", "mut", "override", "priv", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait",
    "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// The name of the catch-all variant, taken before any member is named.
const OTHER_VARIANT: &str = "Other";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Camel,
    Snake,
}

/// A valid Rust identifier of `case` from any text: non-alphanumerics separate words, empty
/// becomes `x`/`X`, a leading digit gets a prefix, keywords get a `_` suffix.
fn sanitize(raw: &str, case: Case) -> String {
    let words: String = raw.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' }).collect();
    let mut name = match case {
        Case::Camel => words.to_upper_camel_case(),
        Case::Snake => words.to_snake_case(),
    };
    if name.is_empty() {
        name = if case == Case::Camel { "X".into() } else { "x".into() };
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, if case == Case::Camel { 'N' } else { 'n' });
    }
    if KEYWORDS.contains(&name.as_str()) {
        name.push('_');
    }
    name
}

/// Hands out unique names within one scope: the first keeps the name, later ones get `_2`, ...
struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    fn new(reserved: &[&str]) -> Scope {
        Scope { taken: reserved.iter().map(|s| s.to_string()).collect() }
    }
    fn claim(&mut self, base: String) -> String {
        if self.taken.insert(base.clone()) {
            return base;
        }
        let mut n = 2u32;
        loop {
            let candidate = format!("{base}_{n}");
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// Rust names of one schema's types and enums (one flat module per version), by schema key.
struct Names {
    types: BTreeMap<String, String>,
    enums: BTreeMap<String, String>,
}

impl Names {
    fn build(schema: &Schema) -> Names {
        // Types and enums share the module's namespace; keys are visited in sorted order so
        // the result does not depend on anything but the schema.
        let mut scope = Scope::new(&[]);
        let mut types = BTreeMap::new();
        let mut enums = BTreeMap::new();
        for (key, t) in &schema.types {
            types.insert(key.clone(), scope.claim(sanitize(t.id.name(), Case::Camel)));
        }
        for (key, e) in &schema.enums {
            enums.insert(key.clone(), scope.claim(sanitize(e.id.name(), Case::Camel)));
        }
        Names { types, enums }
    }
}

/// Field type of a property (inside the `Option`).
fn field_type(schema: &Schema, names: &Names, ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::Primitive(p) => primitive(*p),
        TypeRef::Complex(id) => match names.types.get(&id.key()) {
            Some(n) => {
                let n = ident(n);
                quote! { ::std::boxed::Box<#n> }
            }
            None => quote! { ::serde_json::Value },
        },
        TypeRef::Enum(id) => match (schema.enum_def(id), names.enums.get(&id.key())) {
            // Flags travel as one comma-separated string; a naive generator keeps the string.
            (Some(def), _) if def.flags => quote! { ::std::string::String },
            (Some(_), Some(n)) => {
                let n = ident(n);
                quote! { #n }
            }
            _ => quote! { ::serde_json::Value },
        },
        TypeRef::Collection(inner) => {
            // Vec already gives the indirection recursive types need.
            let inner = match inner.as_ref() {
                TypeRef::Complex(id) => match names.types.get(&id.key()) {
                    Some(n) => {
                        let n = ident(n);
                        quote! { #n }
                    }
                    None => quote! { ::serde_json::Value },
                },
                other => field_type(schema, names, other),
            };
            quote! { ::std::vec::Vec<#inner> }
        }
        TypeRef::Unknown(_) => quote! { ::serde_json::Value },
    }
}

/// The naive primitive mapping: everything that is not a bool or a number is a string.
fn primitive(p: Primitive) -> TokenStream {
    match p {
        Primitive::Boolean => quote! { bool },
        Primitive::Byte | Primitive::SByte | Primitive::Int16 | Primitive::Int32 => quote! { i32 },
        Primitive::Int64 => quote! { i64 },
        Primitive::Single | Primitive::Double => quote! { f64 },
        Primitive::Json => quote! { ::serde_json::Value },
        Primitive::String
        | Primitive::Decimal
        | Primitive::DateTimeOffset
        | Primitive::Date
        | Primitive::TimeOfDay
        | Primitive::Duration
        | Primitive::Guid
        | Primitive::Binary
        | Primitive::Stream => quote! { ::std::string::String },
    }
}

/// The items of one version module.
pub fn render_schema(schema: &Schema) -> TokenStream {
    let names = Names::build(schema);
    let mut items = TokenStream::new();
    for (key, t) in &schema.types {
        let Some(name) = names.types.get(key) else { continue };
        let name = ident(name);
        let mut fields = Scope::new(&[]);
        let props = schema.all_properties(t).into_iter().map(|p| {
            let field = ident(&fields.claim(sanitize(&p.wire_name, Case::Snake)));
            let ty = field_type(schema, &names, &p.ty);
            let wire = &p.wire_name;
            quote! {
                #[serde(rename = #wire, skip_serializing_if = "Option::is_none")]
                pub #field: ::std::option::Option<#ty>,
            }
        });
        items.extend(quote! {
            #[derive(Clone, Debug, Default, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
            pub struct #name {
                #(#props)*
            }
        });
    }
    for (key, e) in &schema.enums {
        let Some(name) = names.enums.get(key) else { continue };
        let name = ident(name);
        let other = ident(OTHER_VARIANT);
        let mut variants = Scope::new(&[OTHER_VARIANT]);
        let mut seen_wire = BTreeSet::new();
        let members = e.members.iter().filter(|m| seen_wire.insert(m.wire_name.as_str())).map(|m| {
            let v = ident(&variants.claim(sanitize(&m.wire_name, Case::Camel)));
            let wire = &m.wire_name;
            quote! { #[serde(rename = #wire)] #v, }
        });
        items.extend(quote! {
            #[derive(Clone, Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
            pub enum #name {
                #(#members)*
                /// A value this crate does not know, kept verbatim.
                #[serde(untagged)]
                #other(::std::string::String),
            }
        });
    }
    items
}

/// The naive crate's files keyed by path relative to its root: `Cargo.toml` (standalone, with
/// an empty `[workspace]` table), `src/lib.rs` and one `src/<version>.rs` per schema.
/// `Err` only if the renderer built tokens that are not a Rust file (a bug here).
pub fn render_crate(schemas: &[Schema]) -> Result<BTreeMap<String, String>, String> {
    let mut files = BTreeMap::new();
    files.insert("Cargo.toml".to_string(), manifest());
    let mut lib = String::from(
        "//! Naive serde-derive rendering of the Graph schemas (benchmark baseline).\n\
         #![allow(non_camel_case_types, non_snake_case)]\n",
    );
    for schema in schemas {
        let module = schema.version.module();
        lib.push_str(&format!("pub mod {module};\n"));
        let file: syn::File = syn::parse2(render_schema(schema)).map_err(|e| format!("{module}: {e}"))?;
        files.insert(format!("src/{module}.rs"), prettyplease::unparse(&file));
    }
    files.insert("src/lib.rs".to_string(), lib);
    Ok(files)
}

fn manifest() -> String {
    format!(
        "[package]\nname = \"{CRATE_NAME}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\n\n\
         # Not part of any workspace.\n[workspace]\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::synthetic::synthetic_schema;
    use crate::diagnostics::Span as DSpan;
    use crate::schema::{ApiVersion, EnumDef, EnumMember, Property, TypeDef, TypeId, TypeKind};

    fn prop(wire: &str, ty: TypeRef) -> Property {
        Property::new(wire, ty, DSpan::line("t.md", 1))
    }

    /// A schema with the awkward cases: keyword and `@odata` names, a self reference, a
    /// collision after casing, an unknown reference, a member named like the catch-all.
    fn awkward() -> Schema {
        let mut s = Schema::new(ApiVersion::V1_0);
        let id = TypeId::new("microsoft.graph", "type");
        s.types.insert(
            id.key(),
            TypeDef {
                id: id.clone(),
                kind: TypeKind::Entity,
                base: None,
                properties: vec![
                    prop("self", TypeRef::Complex(id.clone())),
                    prop("@odata.type", TypeRef::Primitive(Primitive::String)),
                    prop("odataType", TypeRef::Primitive(Primitive::Int64)),
                    prop("3d", TypeRef::Collection(Box::new(TypeRef::Complex(id.clone())))),
                    prop("missing", TypeRef::Complex(TypeId::new("microsoft.graph", "nowhere"))),
                    prop("status", TypeRef::Enum(TypeId::new("microsoft.graph", "status"))),
                ],
                description: String::new(),
                workload: None,
                key_property: None,
                open_type: false,
                is_abstract: false,
                sources: vec![],
            },
        );
        let eid = TypeId::new("microsoft.graph", "status");
        s.enums.insert(
            eid.key(),
            EnumDef {
                id: eid,
                members: ["other", "JIS B4", "", "other"]
                    .iter()
                    .map(|w| EnumMember { wire_name: w.to_string(), value: None, description: String::new() })
                    .collect(),
                flags: false,
                evolvable: false,
                description: String::new(),
                workload: None,
                from_prose: false,
                sources: vec![],
            },
        );
        s
    }

    #[test]
    fn sanitize_table() {
        let cases = [
            ("displayName", Case::Snake, "display_name"),
            ("@odata.type", Case::Snake, "odata_type"),
            ("type", Case::Snake, "type_"),
            ("self", Case::Snake, "self_"),
            ("3dModel", Case::Camel, "N3dModel"),
            ("", Case::Camel, "X"),
            ("JIS B4", Case::Camel, "JisB4"),
            ("Self", Case::Camel, "Self_"),
        ];
        for (raw, case, want) in cases {
            assert_eq!(sanitize(raw, case), want, "{raw}");
        }
    }

    #[test]
    fn awkward_schema_renders_valid_rust_with_serde_attributes() {
        let files = render_crate(&[awkward()]).expect("renders");
        let text = files.get("src/v1_0.rs").expect("version file");
        let parsed: syn::File = syn::parse_str(text).expect("valid Rust");
        assert_eq!(parsed.items.len(), 2);
        for needle in [
            "#[derive(Clone, Debug, Default, PartialEq, ::serde::Serialize, ::serde::Deserialize)]",
            "#[serde(rename = \"@odata.type\", skip_serializing_if = \"Option::is_none\")]",
            "pub odata_type: ::std::option::Option<::std::string::String>",
            "pub odata_type_2: ::std::option::Option<i64>",
            "pub self_: ::std::option::Option<::std::boxed::Box<Type>>",
            "pub n3d: ::std::option::Option<::std::vec::Vec<Type>>",
            "pub missing: ::std::option::Option<::serde_json::Value>",
            "pub status: ::std::option::Option<Status>",
            "#[serde(rename = \"other\")]\n    Other_2,",
            "#[serde(rename = \"JIS B4\")]\n    JisB4,",
            "#[serde(untagged)]\n    Other(::std::string::String),",
        ] {
            assert!(text.contains(needle), "missing `{needle}` in:\n{text}");
        }
        // The duplicate wire member is rendered once.
        assert_eq!(text.matches("rename = \"other\"").count(), 1);
        let lib = files.get("src/lib.rs").expect("lib");
        assert!(lib.contains("pub mod v1_0;"));
        let manifest = files.get("Cargo.toml").expect("manifest");
        assert!(manifest.contains("[workspace]") && manifest.contains(CRATE_NAME));
    }

    #[test]
    fn synthetic_schema_renders_one_item_per_type_and_enum() {
        let schema = synthetic_schema(30, 8, 7);
        let file: syn::File = syn::parse2(render_schema(&schema)).expect("valid Rust");
        let structs = file.items.iter().filter(|i| matches!(i, syn::Item::Struct(_))).count();
        let enums = file.items.iter().filter(|i| matches!(i, syn::Item::Enum(_))).count();
        assert_eq!((structs, enums), (30, 7));
        let text = prettyplease::unparse(&file);
        // One attributed field per property, inherited ones included (3 derived types add 7 each).
        let fields: usize = schema.types.values().map(|t| schema.all_properties(t).len()).sum();
        assert_eq!(fields, 30 * 8 + 3 * 7);
        assert_eq!(text.matches("skip_serializing_if = \"Option::is_none\"").count(), fields);
    }
}
