//! polymorphic: one enum per base type that has derived types *and* is used as a field or
//! body type (DESIGN.md "Polymorphism"), so that a `members` collection keeps its users and
//! groups; the runtime picks the variant from `@odata.type`.
//!
//! Only referenced bases get an enum: `entity` has thousands of derived types and an enum over
//! them would cost compile time for nothing unless a property actually holds an `entity`.

use super::ast::{self, SelfArg};
use super::features::{compiled_with, feature_of, Grouping};
use super::types::{type_path, Origin};
use crate::diagnostics::{Code, Diagnostic, Span};
use crate::names::{to_ident, Case, NameMap, PolyName, PolyVariant, Scope, TypeName};
use crate::schema::{Method, Schema, TypeKind, TypeRef};
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};
use syn::{Arm, Attribute, Expr, Item, Type};

/// The catch-all variant: the base type itself, or a derived type this crate does not know.
pub const OTHER_VARIANT: &str = "Other";
/// Appended to the base type's name: `DirectoryObject` -> `DirectoryObjectKind`.
pub const ENUM_SUFFIX: &str = "Kind";

/// Keys of the complex types some struct property or PATCH body field is typed with (directly
/// or as a collection element): the only bases worth an enum.
pub fn referenced_types(schema: &Schema) -> BTreeSet<String> {
    fn complex_key(ty: &TypeRef) -> Option<String> {
        match ty {
            TypeRef::Complex(id) => Some(id.key()),
            TypeRef::Collection(inner) => complex_key(inner),
            _ => None,
        }
    }
    let props =
        schema.types.values().filter(|t| t.kind != TypeKind::Opaque).flat_map(|t| t.properties.iter().map(|p| &p.ty));
    let bodies =
        schema.operations.iter().filter(|op| op.method == Method::Patch).flat_map(|op| op.body.iter().map(|f| &f.ty));
    props.chain(bodies).filter_map(complex_key).collect()
}

/// Decides the polymorphic enums of `schema` and their names, into `names.polymorphic`.
/// Runs after [`NameMap::build`], so the enum names avoid every struct and enum name of the
/// module; collisions are renamed by the usual rule and reported. The enum goes with its base
/// struct; a variant whose struct is in another cargo feature group is gated by that feature,
/// so that enabling one workload never needs another.
pub fn name_enums(schema: &Schema, names: &mut NameMap, grouping: &Grouping) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    // Every taken name per module, so that `FooKind` never shadows a documented `fooKind`.
    let mut scopes: BTreeMap<Option<String>, Vec<String>> = BTreeMap::new();
    for tn in names.types.values() {
        scopes.entry(tn.module.clone()).or_default().push(tn.name.clone());
    }
    let mut scopes: BTreeMap<Option<String>, Scope> = scopes
        .into_iter()
        .map(|(m, taken)| {
            let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
            (m, Scope::new(Case::UpperCamel, &taken))
        })
        .collect();
    let derived_index = schema.derived_index();
    for key in referenced_types(schema) {
        let Some(base) = schema.types.get(&key).filter(|t| t.kind != TypeKind::Opaque) else { continue };
        let Some(base_name) = names.type_name(&key).cloned() else { continue };
        let derived: Vec<(String, &TypeName, String)> = derived_index
            .get(&key)
            .into_iter()
            .flatten()
            .filter(|t| t.kind != TypeKind::Opaque)
            .filter_map(|t| names.type_name(&t.id.key()).map(|n| (t.id.key(), n, t.id.0.clone())))
            .collect();
        if derived.is_empty() {
            continue;
        }
        let span = base.sources.first().cloned().unwrap_or_else(|| Span::line("", 1));
        let scope = scopes.entry(base_name.module.clone()).or_insert_with(|| Scope::new(Case::UpperCamel, &[]));
        let wanted = format!("{}{ENUM_SUFFIX}", base_name.name);
        let (enum_name, renamed) = scope.claim(&wanted);
        if renamed {
            diags.push(Diagnostic::new(
                Code::NameCollision,
                span.clone(),
                format!(
                    "the polymorphic enum of `{}` would be `{wanted}`, which is taken; it is named `{enum_name}`",
                    base.id
                ),
            ));
        }
        // Variants are the derived structs' names; a struct of another namespace module with
        // the same name gets its module as a prefix (`CallRecordsSession`).
        let mut variant_scope = Scope::new(Case::UpperCamel, &[OTHER_VARIANT]);
        let mut variants: Vec<PolyVariant> = Vec::new();
        let mut name_count: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, n, _) in &derived {
            *name_count.entry(n.name.as_str()).or_default() += 1;
        }
        let shared = |name: &str| name_count.get(name).is_some_and(|c| *c > 1);
        for (dkey, dname, qualified) in &derived {
            // A derived type named `other` must not take the catch-all's name.
            let wanted = if dname.name == OTHER_VARIANT { format!("{OTHER_VARIANT}Type") } else { dname.name.clone() };
            let wanted = if dname.module.is_some() && shared(&dname.name) {
                let prefix = dname.module.as_deref().map(|m| to_ident(m, Case::UpperCamel).name).unwrap_or_default();
                format!("{prefix}{wanted}")
            } else {
                wanted
            };
            let (variant, renamed) = variant_scope.claim(&wanted);
            if renamed {
                diags.push(Diagnostic::new(
                    Code::NameCollision,
                    span.clone(),
                    format!("derived type `{qualified}` of `{}` maps to variant `{wanted}`, which is taken; it is named `{variant}`", base.id),
                ));
            }
            let group = grouping.type_group(dkey);
            let feature = (!compiled_with(group, grouping.type_group(&key)))
                .then(|| feature_of(group).map(str::to_string))
                .flatten();
            variants.push(PolyVariant { key: dkey.clone(), name: variant, feature });
        }
        names.polymorphic.insert(
            key,
            PolyName { enum_name: TypeName { module: base_name.module.clone(), name: enum_name }, variants },
        );
    }
    diags
}

/// The enum, its `Polymorphic` impl, serde impls and `From` conversions, for the base `key`
/// (empty when `key` has no enum). Printed right after the base struct in the same file:
///
/// ```text
/// #[derive(Clone, Debug, PartialEq)] pub enum BaseKind { Derived(super::Derived), ..., Other(super::Base) }
/// impl ::std::default::Default for BaseKind { default }
/// impl crate::runtime::Polymorphic for BaseKind { BASE_TYPE, for_odata_type, base, is_base, as_model, as_model_mut }
/// crate::runtime::impl_serde_for_polymorphic!(BaseKind);
/// impl ::std::convert::From<super::Base> for BaseKind { from }   (and one per derived type)
/// ```
///
/// A variant whose struct is in another feature group, and all its arms and its `From`, carry
/// that group's `#[cfg(feature = ..)]`.
pub fn emit_enum(schema: &Schema, names: &NameMap, key: &str) -> Vec<Item> {
    let (Some(poly), Some(base), Some(base_name)) =
        (names.polymorphic.get(key), schema.types.get(key), names.type_name(key))
    else {
        return Vec::new();
    };
    let from = Origin { module: poly.enum_name.module.as_deref() };
    let name = poly.enum_name.name.as_str();
    let other = format!("Self::{OTHER_VARIANT}");
    let base_path = type_path(base_name.module.as_deref(), &base_name.name, from);
    let base_odata = base.id.0.as_str();
    let mut variant_defs = Vec::new();
    let mut picks = Vec::new();
    let mut arms = Vec::new();
    let mut froms = Vec::new();
    for pv in &poly.variants {
        let (Some(dname), Some(dtype)) = (names.type_name(&pv.key), schema.types.get(&pv.key)) else { continue };
        let cfg = || pv.feature.as_deref().map(ast::cfg_feature).into_iter().collect::<Vec<_>>();
        let variant = format!("Self::{}", pv.name);
        let path = type_path(dname.module.as_deref(), &dname.name, from);
        let odata = &dtype.id.0;
        let mut attrs = vec![ast::doc(&format!(" `#{odata}`."))];
        attrs.extend(cfg());
        variant_defs.push(ast::variant(attrs, &pv.name, vec![path.clone()]));
        // Graph's spelling is not always the docs' one (`termStore`/`termstore`): match the
        // lower-cased name, the same key the schema uses.
        let lower = odata.to_ascii_lowercase();
        let some = ast::call(ast::SOME, vec![default_of(&variant)]);
        picks.push(ast::arm(cfg(), ast::pat_str(&lower), some));
        arms.push(model_arm(cfg(), &variant));
        froms.push(from_impl(cfg(), name, path, &variant));
    }
    let mut attrs = ast::docs(&[
        format!(" A [`{}`] or one of its derived types, chosen by `@odata.type` when decoding.", base_name.name),
        String::new(),
        format!(" Properties and collections typed `{base_odata}` use this enum; [`{name}::{OTHER_VARIANT}`] also"),
        " receives derived types this crate does not know, with their `@odata.type` kept.".to_string(),
    ]);
    attrs.push(ast::derive(&["Clone", "Debug", "PartialEq"]));
    let other_doc =
        format!(" `#{base_odata}` itself, or a derived type this crate does not know (see its `odata_type`).");
    variant_defs.push(ast::variant(vec![ast::doc(&other_doc)], OTHER_VARIANT, vec![base_path.clone()]));
    picks.push(ast::arm(Vec::new(), ast::pat_wild(), ast::path_expr(ast::NONE)));
    arms.push(model_arm(Vec::new(), &other));
    let default_impl =
        vec![ast::value_fn(Vec::new(), false, "default", SelfArg::None, ast::ty("Self"), default_of(&other))];
    // `odata_type.to_ascii_lowercase().as_str()`
    let lower_name = ast::method_call(
        ast::method_call(ast::path_expr("odata_type"), "to_ascii_lowercase", vec![]),
        "as_str",
        vec![],
    );
    let other_ident = ast::ident(OTHER_VARIANT);
    let is_base = ast::macro_expr(ast::MATCHES, quote! { self, Self::#other_ident(_) });
    let model_ty = |mutable| ast::ref_ty(None, mutable, ast::dyn_ty("crate::runtime::DynModel"));
    let as_model = |fn_name, self_arg, mutable, arms: Vec<Arm>| {
        let value = ast::match_expr(ast::path_expr("self"), arms);
        ast::value_fn(Vec::new(), false, fn_name, self_arg, model_ty(mutable), value)
    };
    let polymorphic = vec![
        ast::str_const("BASE_TYPE", base_odata),
        ast::inline_fn(
            Vec::new(),
            false,
            "for_odata_type",
            SelfArg::None,
            vec![("odata_type", ast::ref_ty(None, false, ast::ty("str")))],
            Some(ast::generic_ty(ast::OPTION, ast::ty("Self"))),
            vec![ast::stmt_value(ast::match_expr(lower_name, picks))],
        ),
        ast::value_fn(Vec::new(), false, "base", SelfArg::None, ast::ty("Self"), default_of(&other)),
        ast::value_fn(Vec::new(), false, "is_base", SelfArg::Ref, ast::ty("bool"), is_base),
        as_model("as_model", SelfArg::Ref, false, arms.clone()),
        as_model("as_model_mut", SelfArg::RefMut, true, arms),
    ];
    let ident = ast::ident(name);
    let mut items = vec![
        ast::pub_enum(attrs, name, variant_defs),
        ast::impl_block(Vec::new(), Some(ast::path(ast::DEFAULT)), name, default_impl),
        ast::impl_block(Vec::new(), Some(ast::path("crate::runtime::Polymorphic")), name, polymorphic),
        ast::macro_item("crate::runtime::impl_serde_for_polymorphic", quote! { #ident }),
        from_impl(Vec::new(), name, base_path, &other),
    ];
    items.extend(froms);
    items
}

/// `variant(Default::default())`.
fn default_of(variant: &str) -> Expr {
    ast::call(variant, vec![ast::call(ast::DEFAULT_FN, vec![])])
}

/// `attrs variant(v) => v,`: an arm of `as_model`/`as_model_mut`.
fn model_arm(attrs: Vec<Attribute>, variant: &str) -> Arm {
    ast::arm(attrs, ast::pat_tuple_struct(variant, vec![ast::pat_ident("v")]), ast::path_expr("v"))
}

/// `attrs impl ::std::convert::From<ty> for enum_name { fn from(value: ty) -> Self { variant(value) } }`.
fn from_impl(attrs: Vec<Attribute>, enum_name: &str, ty: Type, variant: &str) -> Item {
    let from = ast::inline_fn(
        Vec::new(),
        false,
        "from",
        SelfArg::None,
        vec![("value", ty.clone())],
        Some(ast::ty("Self")),
        vec![ast::stmt_value(ast::call(variant, vec![ast::path_expr("value")]))],
    );
    ast::impl_block(attrs, Some(ast::generic_path(ast::FROM, vec![ty])), enum_name, vec![from])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Span;
    use crate::schema::{ApiVersion, Property, TypeDef, TypeId};

    fn ty(ns: &str, name: &str, base: Option<&str>, props: &[(&str, TypeRef)]) -> TypeDef {
        TypeDef {
            id: TypeId::new(ns, name),
            kind: TypeKind::Entity,
            base: base.map(|b| TypeId::new("microsoft.graph", b)),
            properties: props
                .iter()
                .map(|(w, t)| Property {
                    wire_name: w.to_string(),
                    ty: t.clone(),
                    description: String::new(),
                    navigation: false,
                    read_only: false,
                    nullable: None,
                    key: false,
                    source: Span::line("x.md", 1),
                })
                .collect(),
            description: String::new(),
            workload: None,
            key_property: None,
            open_type: false,
            is_abstract: false,
            sources: vec![],
        }
    }

    fn g(name: &str) -> TypeRef {
        TypeRef::Complex(TypeId::new("microsoft.graph", name))
    }

    #[test]
    fn enums_only_for_referenced_bases_with_unique_names() {
        let mut s = Schema::new(ApiVersion::Beta);
        let coll = |t: TypeRef| TypeRef::Collection(Box::new(t));
        for t in [
            ty("microsoft.graph", "entity", None, &[]),
            ty("microsoft.graph", "base", Some("entity"), &[]),
            ty("microsoft.graph", "holder", None, &[("items", coll(g("base"))), ("leaf", g("leaf"))]),
            ty("microsoft.graph", "leaf", Some("entity"), &[]),
            ty("microsoft.graph", "other", Some("base"), &[]),
            ty("microsoft.graph", "session", Some("base"), &[]),
            ty("microsoft.graph.callRecords", "session", Some("base"), &[]),
            // A documented type already called `baseKind`.
            ty("microsoft.graph", "baseKind", None, &[]),
        ] {
            s.types.insert(t.id.key(), t);
        }
        let (mut names, _) = NameMap::build(&s);
        let diags = name_enums(&s, &mut names, &Grouping::default());
        // `entity` and `leaf` are not referenced as a base with derived types: only `base`.
        let bases: Vec<&str> = names.polymorphic.keys().map(String::as_str).collect();
        assert_eq!(bases, ["microsoft.graph.base"]);
        let poly = names.polymorphic.get("microsoft.graph.base").cloned().unwrap_or_else(|| unreachable!());
        assert_eq!(poly.enum_name.name, "BaseKind2");
        let variants: Vec<(&str, &str)> = poly.variants.iter().map(|v| (v.key.as_str(), v.name.as_str())).collect();
        assert_eq!(
            variants,
            [
                ("microsoft.graph.callrecords.session", "CallRecordsSession"),
                ("microsoft.graph.other", "OtherType"),
                ("microsoft.graph.session", "Session"),
            ]
        );
        assert!(poly.variants.iter().all(|v| v.feature.is_none()));
        // Only the enum name was taken; the variants were told apart without renaming.
        assert_eq!(diags.iter().filter(|d| d.code == Code::NameCollision).count(), 1, "{diags:#?}");
    }
}
