//! enums: one open enum per schema enum, with its `GraphEnum` impl (DESIGN.md "Enums").
//! Flags enums are the same enum, used through `crate::runtime::Flags<E>` by `types`.

use super::format::doc_attrs;
use super::links::{description_page, item_links};
use super::structs::type_docs;
use crate::names::NameMap;
use crate::rustdoc::{self, DocContext};
use crate::schema::{EnumDef, Schema};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The enum `e` of feature group `group` with its impls.
pub fn emit_enum(schema: &Schema, names: &NameMap, e: &EnumDef, group: &str) -> TokenStream {
    let key = e.id.key();
    let Some(tn) = names.type_name(&key) else { return TokenStream::new() };
    let ident = format_ident!("{}", tn.name);
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
    let docs = doc_attrs(&lines);
    let members: &[(String, String)] = names.variants.get(&key).map(Vec::as_slice).unwrap_or(&[]);
    let mut variants = Vec::new();
    let mut wires = Vec::new();
    let mut from_arms = Vec::new();
    let mut as_arms = Vec::new();
    for (wire, variant) in members {
        let v = format_ident!("{}", variant);
        let description = e.members.iter().find(|m| &m.wire_name == wire).map(|m| m.description.as_str()).unwrap_or("");
        let vdocs = doc_attrs(&rustdoc::doc_lines_linked(description, &ctx, &links));
        variants.push(quote! { #vdocs #v, });
        wires.push(wire.clone());
        from_arms.push(quote! { #wire => Self::#v, });
        as_arms.push(quote! { Self::#v => #wire, });
    }
    quote! {
        #docs
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum #ident {
            #(#variants)*
            /// A value this crate does not know (a newer member); kept verbatim and sent back as is.
            Other(::std::string::String),
        }
        impl crate::runtime::GraphEnum for #ident {
            const MEMBERS: &'static [&'static str] = &[#(#wires),*];
            #[inline]
            fn from_wire(s: &str) -> Self {
                match s {
                    #(#from_arms)*
                    _ => Self::Other(s.into()),
                }
            }
            #[inline]
            fn as_wire(&self) -> &str {
                match self {
                    #(#as_arms)*
                    Self::Other(s) => s,
                }
            }
        }
        crate::runtime::impl_serde_for_enum!(#ident);
    }
}
