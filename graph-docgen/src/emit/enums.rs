//! enums: one open enum per schema enum, with its `GraphEnum` impl (DESIGN.md "Enums").
//! Flags enums are the same enum, used through `crate::runtime::Flags<E>` by `types`.

use super::ast::{self, SelfArg};
use super::links::{description_page, item_links};
use super::structs::type_docs;
use crate::names::NameMap;
use crate::rustdoc::{self, DocContext};
use crate::schema::{EnumDef, Schema};
use quote::quote;
use syn::Item;

/// The enum `e` of feature group `group` with its impls.
pub fn emit_enum(schema: &Schema, names: &NameMap, e: &EnumDef, group: &str) -> Vec<Item> {
    let key = e.id.key();
    let Some(tn) = names.type_name(&key) else { return Vec::new() };
    let name = tn.name.as_str();
    let ctx = DocContext { version: schema.version, page: description_page(&e.sources) };
    let links = item_links(names, group);
    let mut lines = type_docs(&e.description, &e.sources, &ctx, &links);
    if e.evolvable {
        lines.push(String::new());
        lines.push(
            " Evolvable: members listed after `unknownFutureValue` are only sent when the request has".to_string(),
        );
        lines.push(
            " `Prefer: include-unknown-enum-members`; otherwise the service sends `unknownFutureValue`.".to_string(),
        );
    }
    if e.flags {
        lines.push(String::new());
        lines.push(" A flags enum: fields hold several members as `crate::runtime::Flags<Self>`.".to_string());
    }
    let mut attrs = ast::docs(&lines);
    attrs.push(ast::derive(&["Clone", "Debug", "PartialEq", "Eq", "Hash"]));
    let members: &[(String, String)] = names.variants.get(&key).map(Vec::as_slice).unwrap_or(&[]);
    let mut variants = Vec::new();
    let mut from_arms = Vec::new();
    let mut as_arms = Vec::new();
    for (wire, variant) in members {
        let description = e.members.iter().find(|m| &m.wire_name == wire).map(|m| m.description.as_str()).unwrap_or("");
        let vdocs = ast::docs(&rustdoc::doc_lines_linked(description, &ctx, &links));
        variants.push(ast::variant(vdocs, variant, Vec::new()));
        let path = format!("Self::{variant}");
        from_arms.push(ast::arm(Vec::new(), ast::pat_str(wire), ast::path_expr(&path)));
        as_arms.push(ast::arm(Vec::new(), ast::pat_path(&path), ast::lit_str(wire)));
    }
    variants.push(ast::variant(
        vec![ast::doc(" A value this crate does not know (a newer member); kept verbatim and sent back as is.")],
        "Other",
        vec![ast::ty(ast::STRING)],
    ));
    // `_ => Self::Other(s.into())` and `Self::Other(s) => s`
    let other = ast::call("Self::Other", vec![ast::method_call(ast::path_expr("s"), "into", vec![])]);
    from_arms.push(ast::arm(Vec::new(), ast::pat_wild(), other));
    let other = ast::pat_tuple_struct("Self::Other", vec![ast::pat_ident("s")]);
    as_arms.push(ast::arm(Vec::new(), other, ast::path_expr("s")));
    let str_ref = || ast::ref_ty(None, false, ast::ty("str"));
    let graph_enum = vec![
        ast::str_list_const("MEMBERS", members.iter().map(|(wire, _)| wire.as_str())),
        ast::inline_fn(
            Vec::new(),
            false,
            "from_wire",
            SelfArg::None,
            vec![("s", str_ref())],
            Some(ast::ty("Self")),
            vec![ast::stmt_value(ast::match_expr(ast::path_expr("s"), from_arms))],
        ),
        ast::value_fn(
            Vec::new(),
            false,
            "as_wire",
            SelfArg::Ref,
            str_ref(),
            ast::match_expr(ast::path_expr("self"), as_arms),
        ),
    ];
    let ident = ast::ident(name);
    vec![
        ast::pub_enum(attrs, name, variants),
        ast::impl_block(Vec::new(), Some(ast::path("crate::runtime::GraphEnum")), name, graph_enum),
        ast::macro_item("crate::runtime::impl_serde_for_enum", quote! { #ident }),
    ]
}
