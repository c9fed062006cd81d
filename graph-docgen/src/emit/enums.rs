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
    let other_docs =
        vec![" A value this crate does not know (a newer member); kept verbatim and sent back as is.".to_string()];
    let member_docs: Vec<Vec<String>> = members
        .iter()
        .enumerate()
        .map(|(i, (wire, _))| {
            // `names` keeps the members in the schema's order, dropping repeats after the first:
            // a member at the same index with the same wire name is the first one, as the
            // search would find. Searching for every member was quadratic in enums of hundreds.
            let description = e
                .members
                .get(i)
                .filter(|m| &m.wire_name == wire)
                .or_else(|| e.members.iter().find(|m| &m.wire_name == wire))
                .map_or("", |m| m.description.as_str());
            rustdoc::doc_lines_linked(description, &ctx, &links)
        })
        .collect();
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
            from_wire(members),
        ),
        ast::inline_fn(Vec::new(), false, "as_wire", SelfArg::Ref, Vec::new(), Some(str_ref()), as_wire(members)),
    ];
    let mut text = ast::Verbatim::new(ast::MEMBER_INDENT);
    for ((_, variant), docs) in members.iter().zip(&member_docs) {
        text.doc_lines(docs).line_with(|l| {
            l.push_str(variant);
            l.push(',');
        });
    }
    text.doc_lines(&other_docs).line(&format!("Other({}),", ast::STRING));
    let variants = text.variants().unwrap_or_else(|| {
        let mut variants: Vec<_> = members
            .iter()
            .zip(&member_docs)
            .map(|((_, variant), docs)| ast::variant(ast::docs(docs), variant, Vec::new()))
            .collect();
        variants.push(ast::variant(ast::docs(&other_docs), "Other", vec![ast::ty(ast::STRING)]));
        variants
    });
    let ident = ast::ident(name);
    vec![
        ast::pub_enum(attrs, name, variants),
        ast::impl_block(Vec::new(), Some(ast::path("crate::runtime::GraphEnum")), name, graph_enum),
        ast::macro_item("crate::runtime::impl_serde_for_enum", quote! { #ident }),
    ]
}

/// The text of a `from_wire` or `as_wire` body: `match <scrutinee> {`, one arm per member
/// between its wire literal and `Self::Variant` (the literal on the left when `wire_first`),
/// the `last` arm, `}`.
fn match_text(scrutinee: &str, members: &[(String, String)], wire_first: bool, last: &str) -> ast::Verbatim {
    let mut text = ast::Verbatim::new(ast::METHOD_BODY_INDENT);
    text.line(&format!("match {scrutinee} {{"));
    for (wire, variant) in members {
        let literal = ast::str_literal_text(wire);
        let path = format!("Self::{variant}");
        let (left, right) = if wire_first { (&literal, &path) } else { (&path, &literal) };
        text.line(&format!("    {left} => {right},"));
    }
    text.line(last).line("}");
    text
}

/// The body of `from_wire`: `match s { "wire" => Self::Variant, ..., _ => Self::Other(s.into()) }`.
fn from_wire(members: &[(String, String)]) -> Vec<syn::Stmt> {
    match_text("s", members, true, "    _ => Self::Other(s.into()),").body().unwrap_or_else(|| {
        let mut arms: Vec<_> = members
            .iter()
            .map(|(wire, variant)| {
                ast::arm(Vec::new(), ast::pat_str(wire), ast::path_expr(&format!("Self::{variant}")))
            })
            .collect();
        let other = ast::call("Self::Other", vec![ast::method_call(ast::path_expr("s"), "into", vec![])]);
        arms.push(ast::arm(Vec::new(), ast::pat_wild(), other));
        vec![ast::stmt_value(ast::match_expr(ast::path_expr("s"), arms))]
    })
}

/// The body of `as_wire`: `match self { Self::Variant => "wire", ..., Self::Other(s) => s }`.
fn as_wire(members: &[(String, String)]) -> Vec<syn::Stmt> {
    match_text("self", members, false, "    Self::Other(s) => s,").body().unwrap_or_else(|| {
        let mut arms: Vec<_> = members
            .iter()
            .map(|(wire, variant)| ast::arm(Vec::new(), ast::pat_path(&format!("Self::{variant}")), ast::lit_str(wire)))
            .collect();
        let other = ast::pat_tuple_struct("Self::Other", vec![ast::pat_ident("s")]);
        arms.push(ast::arm(Vec::new(), other, ast::path_expr("s")));
        vec![ast::stmt_value(ast::match_expr(ast::path_expr("self"), arms))]
    })
}
