//! structs: one struct per complex type / entity with its `Model` impl (DESIGN.md "Structs");
//! opaque types become aliases of `serde_json::Value`; `Box` breaks reference cycles.

use super::ast;
use super::links::{description_page, item_links};
use super::types::{field_type, is_nav, Origin};
use crate::names::NameMap;
use crate::rustdoc::{self, DocContext};
use crate::schema::{Schema, TypeDef, TypeKind, TypeRef};
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};
use syn::Item;

/// The struct keys that lie on a cycle of direct (non-`Vec`) references, grouped: a field is
/// boxed when its target is in the same group as the struct holding it.
pub struct Cycles {
    component: BTreeMap<String, usize>,
}

impl Cycles {
    /// Strongly connected components of the "has a direct field of type" graph (Kosaraju,
    /// iterative so that deep chains cannot overflow the stack).
    pub fn new(schema: &Schema) -> Cycles {
        let structs: Vec<&TypeDef> = schema.types.values().filter(|t| t.kind != TypeKind::Opaque).collect();
        let keys: BTreeSet<String> = structs.iter().map(|t| t.id.key()).collect();
        let mut edges: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut reverse: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for t in &structs {
            let from = t.id.key();
            // A `Nav` field holds JSON, not its target: no edge.
            for p in schema.all_properties(t).into_iter().filter(|p| !is_nav(p)) {
                if let TypeRef::Complex(id) = &p.ty {
                    let to = id.key();
                    if keys.contains(&to) {
                        edges.entry(from.clone()).or_default().push(to.clone());
                        reverse.entry(to).or_default().push(from.clone());
                    }
                }
            }
        }
        // Pass 1: finishing order.
        let mut visited = BTreeSet::new();
        let mut order = Vec::new();
        for start in &keys {
            if !visited.insert(start.clone()) {
                continue;
            }
            let mut stack: Vec<(String, usize)> = vec![(start.clone(), 0)];
            while let Some((node, i)) = stack.pop() {
                let next = edges.get(&node).and_then(|e| e.get(i)).cloned();
                match next {
                    Some(n) => {
                        stack.push((node, i + 1));
                        if visited.insert(n.clone()) {
                            stack.push((n, 0));
                        }
                    }
                    None => order.push(node),
                }
            }
        }
        // Pass 2: components on the reversed graph, in reverse finishing order.
        let mut component = BTreeMap::new();
        for (c, start) in order.iter().rev().enumerate() {
            if component.contains_key(start) {
                continue;
            }
            component.insert(start.clone(), c);
            let mut stack = vec![start.clone()];
            while let Some(node) = stack.pop() {
                for n in reverse.get(&node).into_iter().flatten() {
                    if !component.contains_key(n) {
                        component.insert(n.clone(), c);
                        stack.push(n.clone());
                    }
                }
            }
        }
        Cycles { component }
    }

    /// Whether a direct field of type `to` inside `from` must be boxed.
    pub fn must_box(&self, from: &str, to: &str) -> bool {
        match (self.component.get(from), self.component.get(to)) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        }
    }
}

/// The doc lines of a type: its description (links to the pages `items` resolves become
/// intra-doc links), then where it came from.
pub fn type_docs(
    description: &str,
    sources: &[crate::diagnostics::Span],
    ctx: &DocContext<'_>,
    items: rustdoc::ItemLinks<'_>,
) -> Vec<String> {
    let mut lines = rustdoc::doc_lines_linked(description, ctx, items);
    let files: BTreeSet<&str> = sources.iter().map(|s| s.file.as_str()).collect();
    if !files.is_empty() {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(rustdoc::source_line(files.into_iter()));
    }
    lines
}

/// The items of one struct (or the alias of an opaque type) of feature group `group`:
///
/// ```text
/// #[derive(Default)] pub struct Name { pub field: Option<T>, ..., odata_type, additional_properties }
/// impl crate::runtime::Model for Name { ODATA_TYPE, model_fields! { 0 field = "wire", ... } }
/// crate::runtime::impl_model_traits!(Name);
/// ```
///
/// then the base type's polymorphic enum, if it has one.
pub fn emit_struct(schema: &Schema, names: &NameMap, cycles: &Cycles, t: &TypeDef, group: &str) -> Vec<Item> {
    let key = t.id.key();
    let Some(tn) = names.type_name(&key) else { return Vec::new() };
    let name = tn.name.as_str();
    let ctx = DocContext { version: schema.version, page: description_page(&t.sources) };
    let links = item_links(names, group);
    let mut attrs = ast::docs(&type_docs(&t.description, &t.sources, &ctx, &links));
    if t.kind == TypeKind::Opaque {
        attrs.push(ast::doc(""));
        attrs.push(ast::doc(" The docs never describe this type: it keeps whatever JSON it receives."));
        return vec![ast::pub_type(attrs, name, ast::ty("::serde_json::Value"))];
    }
    let option = |ty| ast::generic_ty(ast::OPTION, ty);
    let from = Origin { module: tn.module.as_deref() };
    let props = schema.all_properties(t);
    // Each field is written as text when it allows it, else built as a node.
    let mut fields = ast::Members::fields();
    let mut push_field = |docs: Vec<String>, name: &str, ty: syn::Type| {
        let mut text = ast::Verbatim::new(ast::MEMBER_INDENT);
        text.doc_lines(&docs).typed_line(&format!("pub {name}: "), &ty, ",");
        fields.push(&text, || ast::field(ast::docs(&docs), true, name, ty));
    };
    let mut rows = Vec::new();
    for p in &props {
        let Some(fname) = names.field(&key, &p.wire_name) else { continue };
        // A polymorphic enum holds the derived structs, which may hold this struct: a direct
        // field of one is always boxed (collections already are indirect).
        let boxed = matches!(&p.ty, TypeRef::Complex(id)
            if cycles.must_box(&key, &id.key()) || names.polymorphic.contains_key(&id.key()));
        let ty = field_type(p, schema, names, from, boxed);
        let pctx = DocContext { version: schema.version, page: &p.source.file };
        push_field(rustdoc::doc_lines_linked(&p.description, &pctx, &links), fname, option(ty));
        // `index field = "wireName",`: the index counts rows, so `slot(i)` is `FIELDS[i]`.
        rows.push(format!("{} {fname} = {},", rows.len(), ast::str_literal_text(&p.wire_name)));
    }
    push_field(
        vec![" `@odata.type` as received, written back when set.".to_string()],
        "odata_type",
        option(ast::ty(ast::STRING)),
    );
    push_field(
        vec![" Properties the docs do not describe, kept so that re-serializing loses nothing.".to_string()],
        "additional_properties",
        ast::ty("crate::runtime::Extra"),
    );
    let fields = fields.finish();
    attrs.push(ast::derive(&["Default"]));
    // The field table: `model_fields!` (runtime/macros.rs) makes `FIELDS` and `slot`/`slot_mut`
    // (`index` -> `&self.field` as a `Slot`), the only per-property code besides the field
    // itself; reading, writing, cloning, comparing and printing go through it (runtime/slot.rs).
    let model =
        vec![ast::str_const("ODATA_TYPE", &t.id.0), ast::table_macro_impl_item("crate::runtime::model_fields", &rows)];
    let ident = ast::ident(name);
    let mut items = vec![
        ast::pub_struct(attrs, name, fields),
        ast::impl_block(Vec::new(), Some(ast::path("crate::runtime::Model")), name, model),
        ast::macro_item("crate::runtime::impl_model_traits", quote! { #ident }),
    ];
    items.extend(super::polymorphic::emit_enum(schema, names, &key));
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Span;
    use crate::schema::{ApiVersion, Primitive, Property, TypeId};

    #[test]
    fn cycles_box_only_direct_references_on_a_cycle() {
        let mut s = Schema::new(ApiVersion::V1_0);
        let edges: &[(&str, &[(&str, bool)])] = &[
            // (type, [(target, through a collection)])
            ("a", &[("b", false)]),
            ("b", &[("c", false), ("a", false)]),
            ("c", &[("c", true), ("d", false)]), // a self-reference through a Vec is no cycle for boxing
            ("d", &[]),
            ("e", &[("e", false)]),
        ];
        for (name, props) in edges {
            let properties = props
                .iter()
                .map(|(to, coll)| {
                    let target = TypeRef::Complex(TypeId::new("microsoft.graph", to));
                    Property {
                        wire_name: format!("to_{to}"),
                        ty: if *coll { TypeRef::Collection(Box::new(target)) } else { target },
                        description: String::new(),
                        navigation: false,
                        read_only: false,
                        nullable: None,
                        key: false,
                        source: Span::line("x.md", 1),
                    }
                })
                .chain([Property {
                    wire_name: "n".into(),
                    ty: TypeRef::Primitive(Primitive::Int32),
                    description: String::new(),
                    navigation: false,
                    read_only: false,
                    nullable: None,
                    key: false,
                    source: Span::line("x.md", 1),
                }])
                .collect();
            let t = TypeDef {
                id: TypeId::new("microsoft.graph", name),
                kind: TypeKind::Complex,
                base: None,
                properties,
                description: String::new(),
                workload: None,
                key_property: None,
                open_type: false,
                is_abstract: false,
                sources: vec![],
            };
            s.types.insert(t.id.key(), t);
        }
        let cycles = Cycles::new(&s);
        let k = |n: &str| format!("microsoft.graph.{n}");
        let cases = [
            ("a", "b", true),
            ("b", "a", true),
            ("b", "c", false),
            ("a", "c", false),
            ("c", "d", false),
            ("e", "e", true),
        ];
        for (from, to, want) in cases {
            assert_eq!(cycles.must_box(&k(from), &k(to)), want, "{from} -> {to}");
        }
    }
    #[test]
    fn a_relationship_is_no_edge_of_a_cycle() {
        // `a.toB` is a relationship (a `Nav`, holding JSON), `b.toA` a property: no cycle.
        let mut s = Schema::new(ApiVersion::V1_0);
        for (name, to, navigation) in [("a", "b", true), ("b", "a", false)] {
            let mut t = TypeDef::new(TypeId::new("microsoft.graph", name), TypeKind::Entity);
            let target = TypeRef::Complex(TypeId::new("microsoft.graph", to));
            t.properties
                .push(Property { navigation, ..Property::new(format!("to_{to}"), target, Span::line("x.md", 1)) });
            s.types.insert(t.id.key(), t);
        }
        let cycles = Cycles::new(&s);
        assert!(!cycles.must_box("microsoft.graph.b", "microsoft.graph.a"));
        assert!(!cycles.must_box("microsoft.graph.a", "microsoft.graph.b"));
    }
}
