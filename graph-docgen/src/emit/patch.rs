//! patch: one builder per PATCH operation (DESIGN.md "PATCH builders"): typed setters for the
//! body fields, `clear_*` only where the docs allow clearing, one request constructor per path.

use super::format::doc_attrs;
use super::links::{field_link, item_links};
use super::types::{is_string, rust_type, Origin};
use crate::names::{BuilderNames, NameMap};
use crate::rustdoc::{self, DocContext};
use crate::schema::{Operation, ParamPosition, PathPiece, Schema};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The `PathBuilder` call that appends one path parameter, by where it sits in the path: the
/// one place that ties `ParamPosition` to the runtime's encoders. `label` names the parameter
/// in the runtime's errors.
fn encode_step(position: ParamPosition, label: &str, arg: &proc_macro2::Ident) -> TokenStream {
    match position {
        ParamPosition::Segment => quote! { .segment(#label, #arg) },
        ParamPosition::Quoted => quote! { .quoted(#arg) },
        ParamPosition::ItemPath => quote! { .item_path(#label, #arg) },
    }
}

/// The doc lines of a builder: title with method and paths, description, permissions, source.
fn builder_docs(schema: &Schema, op: &Operation, links: rustdoc::ItemLinks<'_>) -> Vec<String> {
    let ctx = DocContext { version: schema.version, page: &op.page };
    let mut lines = vec![format!(" {}", rustdoc::plain_text(&op.title))];
    let description = rustdoc::doc_lines_linked(&op.description, &ctx, links);
    if !description.is_empty() {
        lines.push(String::new());
        lines.extend(description);
    }
    lines.push(String::new());
    if op.paths.is_empty() {
        lines
            .push(" No request constructor: the docs give no usable request path for this operation; send".to_string());
        lines.push(" [`Self::to_json`] to the right URL yourself.".to_string());
    } else {
        lines.push(" Requests:".to_string());
        for path in &op.paths {
            lines.push(format!(" - {}", rustdoc::code_span(&format!("{} {}", op.method.as_str(), path.raw))));
        }
    }
    if !op.permissions.is_empty() {
        lines.push(String::new());
        lines.push(" Permissions:".to_string());
        for p in &op.permissions {
            let scopes: Vec<String> = p.scopes.iter().map(|s| rustdoc::code_span(s)).collect();
            let scopes = if scopes.is_empty() { "not supported".to_string() } else { scopes.join(", ") };
            lines.push(format!(" - {}: {}", rustdoc::plain_text(&p.kind), scopes));
        }
    }
    lines.push(String::new());
    lines.push(rustdoc::source_line(std::iter::once(op.page.as_str())));
    lines
}

/// How the docs of a setter or `clear_` method name the body field `wire`: the wire name as a
/// code span, linked to the field of the operation's resource struct it sets
/// (`crate::v1_0::Group::display_name`) when that field exists and is compiled whenever the
/// builder (of feature group `group`) is.
fn field_ref(names: &NameMap, op: &Operation, wire: &str, group: &str) -> String {
    let span = rustdoc::code_span(wire);
    match op.resource.as_ref().and_then(|id| field_link(names, &id.key(), wire, group)) {
        Some(path) => format!("[{span}]({path})"),
        None => span,
    }
}

/// The builder of `op`, of feature group `group`.
pub fn emit_builder(schema: &Schema, names: &NameMap, op: &Operation, bn: &BuilderNames, group: &str) -> TokenStream {
    let ident = format_ident!("{}", bn.name);
    let links = item_links(names, group);
    let docs = doc_attrs(&builder_docs(schema, op, &links));
    let from = Origin { module: None };
    let version = schema.version.as_str();
    let mut methods = Vec::new();
    for (field, (set, clear)) in op.body.iter().zip(&bn.setters) {
        let set = format_ident!("{}", set);
        let wire = &field.wire_name;
        let ctx = DocContext { version: schema.version, page: &field.source.file };
        let mut lines = rustdoc::doc_lines_linked(&field.description, &ctx, &links);
        if !lines.is_empty() {
            lines.push(String::new());
        }
        let target = field_ref(names, op, wire, group);
        lines.push(format!(" Sets {target}."));
        let set_docs = doc_attrs(&lines);
        if is_string(&field.ty) {
            methods.push(quote! {
                #set_docs
                #[inline]
                pub fn #set(mut self, value: impl ::std::convert::Into<::std::string::String>) -> Self {
                    self.body.set(#wire, &value.into());
                    self
                }
            });
        } else {
            let ty = rust_type(&field.ty, schema, names, from, false);
            methods.push(quote! {
                #set_docs
                #[inline]
                pub fn #set(mut self, value: #ty) -> Self {
                    self.body.set(#wire, &value);
                    self
                }
            });
        }
        if field.clearable {
            let clear = format_ident!("{}", clear);
            let clear_docs = doc_attrs(&[format!(" Sends `null` for {target}, clearing it.")]);
            methods.push(quote! {
                #clear_docs
                #[inline]
                pub fn #clear(mut self) -> Self {
                    self.body.clear(#wire);
                    self
                }
            });
        }
    }
    for (path, (ctor, params)) in op.paths.iter().zip(&bn.constructors) {
        let ctor = format_ident!("{}", ctor);
        let mut lines =
            vec![format!(" {}", rustdoc::code_span(&format!("{} {{base}}/{version}{}", op.method.as_str(), path.raw)))];
        let mut args = Vec::new();
        let mut steps = Vec::new();
        let mut param_names = params.iter();
        for piece in &path.pieces {
            match piece {
                PathPiece::Literal(text) => steps.push(quote! { .lit(#text) }),
                PathPiece::Param(p) => {
                    let Some(name) = param_names.next() else { continue };
                    let arg = format_ident!("{}", name);
                    let label = p.names.first().unwrap_or(&p.raw);
                    steps.push(encode_step(p.position, label, &arg));
                    args.push(quote! { #arg: &str });
                    if p.names.len() > 1 {
                        let alts: Vec<String> = p.names.iter().map(|n| rustdoc::code_span(n)).collect();
                        lines.push(String::new());
                        lines.push(format!(" {}: one of {}.", rustdoc::code_span(name), alts.join(" or ")));
                    }
                }
            }
        }
        lines.push(String::new());
        lines.push(
            " Fails when a parameter cannot be put in the path (empty, or a `.`/`..` part of an item".to_string(),
        );
        lines.push(" path) or the body cannot be serialized.".to_string());
        let ctor_docs = doc_attrs(&lines);
        methods.push(quote! {
            #ctor_docs
            #[inline]
            pub fn #ctor(
                &self,
                base: &crate::runtime::BaseUrl #(, #args)*
            ) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, crate::runtime::RequestError> {
                let path = crate::runtime::path::PathBuilder::new() #(#steps)* .finish()?;
                self.body.to_request(::http::Method::PATCH, base, #version, &path)
            }
        });
    }
    quote! {
        #docs
        #[derive(Clone, Debug, Default)]
        pub struct #ident {
            body: crate::runtime::PatchBody,
        }
        impl #ident {
            /// An empty update: nothing is sent for a field until its setter or `clear_` method is called.
            #[inline]
            pub fn new() -> Self {
                // Spelled out: a body field may be named `default` and shadow the trait method.
                <Self as ::std::default::Default>::default()
            }
            #(#methods)*
            /// The fields set or cleared so far, in call order.
            #[inline]
            pub fn body(&self) -> &crate::runtime::PatchBody {
                &self.body
            }
            /// The JSON body that will be sent.
            #[inline]
            pub fn to_json(&self) -> ::serde_json::Value {
                self.body.to_json()
            }
        }
    }
}
