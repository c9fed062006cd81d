//! patch: one builder per PATCH operation (DESIGN.md "PATCH builders"): typed setters for the
//! body fields, `clear_*` only where the docs allow clearing, one request constructor per path.

use super::ast::{self, SelfArg};
use super::links::{field_link, item_links};
use super::types::{is_string, rust_type, Origin};
use crate::names::{BuilderNames, NameMap};
use crate::rustdoc::{self, DocContext};
use crate::schema::{Operation, ParamPosition, PathPiece, Schema};
use syn::{Attribute, Expr, ImplItem, Item, Type};

/// The `PathBuilder` call that appends one path parameter to `chain`, by where it sits in the
/// path: the one place that ties `ParamPosition` to the runtime's encoders. `label` names the
/// parameter in the runtime's errors.
fn encode_step(chain: Expr, position: ParamPosition, label: &str, arg: &str) -> Expr {
    let (method, args) = match position {
        ParamPosition::Segment => ("segment", vec![ast::lit_str(label), ast::path_expr(arg)]),
        ParamPosition::Quoted => ("quoted", vec![ast::path_expr(arg)]),
        ParamPosition::ItemPath => ("item_path", vec![ast::lit_str(label), ast::path_expr(arg)]),
    };
    ast::method_call(chain, method, args)
}

/// `self.body`, where a builder keeps what it sends.
fn self_body() -> Expr {
    ast::field_expr(ast::path_expr("self"), "body")
}

/// What a setter hands `self.body` besides the wire name.
#[derive(Clone, Copy)]
enum Sent {
    /// `clear("wire")`.
    Nothing,
    /// `set("wire", &value)`.
    Value,
    /// `set("wire", &value.into())`: a string setter takes `impl Into<String>`.
    ValueInto,
}

/// `self.body.call("wire", ..);`: the statement of a setter or `clear_` method.
fn call_line(l: &mut String, call: &str, wire: &str, sent: Sent) {
    l.push_str("self.body.");
    l.push_str(call);
    l.push('(');
    ast::push_str_literal(l, wire);
    l.push_str(match sent {
        Sent::Nothing => ");",
        Sent::Value => ", &value);",
        Sent::ValueInto => ", &value.into());",
    });
}

/// [`body_setter`] as text ([`ast::Verbatim::method`]); `value` is the setter's value type
/// (none for `clear_`).
fn setter_text(docs: &[String], name: &str, value: Option<&Type>, call: &str, wire: &str, sent: Sent) -> ast::Verbatim {
    let mut signature = format!("pub fn {name}(mut self");
    let mut plain = true;
    match (value, sent) {
        (_, Sent::ValueInto) => signature.push_str(&format!(", value: impl {}<{}>", ast::INTO, ast::STRING)),
        (Some(ty), _) => {
            signature.push_str(", value: ");
            plain = ast::push_path_type(ty, &mut signature);
        }
        (None, _) => {}
    }
    signature.push_str(") -> Self");
    if !plain {
        return ast::Verbatim::unfit();
    }
    let mut statement = String::new();
    call_line(&mut statement, call, wire, sent);
    ast::Verbatim::method(docs, &signature, &[&statement, "self"])
}

/// `docs pub fn name(mut self, inputs) -> Self { self.body.call("wire", ..); self }`: a setter
/// or a `clear_` method. The body is written as text ([`ast::Verbatim`]) when it fits,
/// which is nearly always.
fn body_setter(
    docs: Vec<Attribute>,
    name: &str,
    inputs: Vec<(&str, Type)>,
    call: &str,
    wire: &str,
    sent: Sent,
) -> ImplItem {
    let body = ast::Verbatim::new(ast::METHOD_BODY_INDENT)
        .line_with(|l| call_line(l, call, wire, sent))
        .line("self")
        .body()
        .unwrap_or_else(|| {
            let value = ast::path_expr("value");
            let mut args = vec![ast::lit_str(wire)];
            match sent {
                Sent::Nothing => {}
                Sent::Value => args.push(ast::reference(false, value)),
                Sent::ValueInto => args.push(ast::reference(false, ast::method_call(value, "into", vec![]))),
            }
            vec![ast::stmt_semi(ast::method_call(self_body(), call, args)), ast::stmt_value(ast::path_expr("self"))]
        });
    ast::inline_fn(docs, true, name, SelfArg::MutValue, inputs, Some(ast::ty("Self")), body)
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

/// The builder of `op`, of feature group `group`:
///
/// ```text
/// #[derive(Clone, Debug, Default)] pub struct Name { body: crate::runtime::PatchBody }
/// impl Name { new, one setter per body field (and `clear_` where allowed),
///             one request constructor per path, body, to_json }
/// ```
pub fn emit_builder(schema: &Schema, names: &NameMap, op: &Operation, bn: &BuilderNames, group: &str) -> Vec<Item> {
    let links = item_links(names, group);
    let mut attrs = ast::docs(&builder_docs(schema, op, &links));
    attrs.push(ast::derive(&["Clone", "Debug", "Default"]));
    let from = Origin { module: None };
    let version = schema.version.as_str();
    // Spelled out: a body field may be named `default` and shadow the trait method.
    let default = ast::call_expr(ast::qualified_path_expr(ast::ty("Self"), ast::DEFAULT, "default"), vec![]);
    let mut methods = ast::Members::impl_items();
    let new_docs =
        [" An empty update: nothing is sent for a field until its setter or `clear_` method is called.".to_string()];
    methods.push(&ast::Verbatim::method(&new_docs, "pub fn new() -> Self", &["<Self as Default>::default()"]), || {
        ast::value_fn(ast::docs(&new_docs), true, "new", SelfArg::None, ast::ty("Self"), default)
    });
    for (field, (set, clear)) in op.body.iter().zip(&bn.setters) {
        let wire = &field.wire_name;
        let ctx = DocContext { version: schema.version, page: &field.source.file };
        let mut lines = rustdoc::doc_lines_linked(&field.description, &ctx, &links);
        if !lines.is_empty() {
            lines.push(String::new());
        }
        let target = field_ref(names, op, wire, group);
        lines.push(format!(" Sets {target}."));
        // `value: impl Into<String>` sent as `&value.into()`, or `value: T` sent as `&value`.
        let (ty, sent) = if is_string(&field.ty) {
            (ast::impl_ty(ast::generic_path(ast::INTO, vec![ast::ty(ast::STRING)])), Sent::ValueInto)
        } else {
            (rust_type(&field.ty, schema, names, from, false), Sent::Value)
        };
        let text = setter_text(&lines, set, Some(&ty), "set", wire, sent);
        methods.push(&text, || body_setter(ast::docs(&lines), set, vec![("value", ty)], "set", wire, sent));
        if field.clearable {
            let docs = vec![format!(" Sends `null` for {target}, clearing it.")];
            let text = setter_text(&docs, clear, None, "clear", wire, Sent::Nothing);
            methods.push(&text, || body_setter(ast::docs(&docs), clear, vec![], "clear", wire, Sent::Nothing));
        }
    }
    for (path, (ctor, params)) in op.paths.iter().zip(&bn.constructors) {
        let mut lines =
            vec![format!(" {}", rustdoc::code_span(&format!("{} {{base}}/{version}{}", op.method.as_str(), path.raw)))];
        let mut args = vec![("base", ast::ref_ty(None, false, ast::ty("crate::runtime::BaseUrl")))];
        // `crate::runtime::path::PathBuilder::new().lit(..).segment(..)...`
        let mut chain = ast::call("crate::runtime::path::PathBuilder::new", vec![]);
        let mut param_names = params.iter();
        for piece in &path.pieces {
            match piece {
                PathPiece::Literal(text) => chain = ast::method_call(chain, "lit", vec![ast::lit_str(text)]),
                PathPiece::Param(p) => {
                    let Some(name) = param_names.next() else { continue };
                    let label = p.names.first().unwrap_or(&p.raw);
                    chain = encode_step(chain, p.position, label, name);
                    args.push((name.as_str(), ast::ref_ty(None, false, ast::ty("str"))));
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
        let request = ast::generic_ty("::http::Request", ast::generic_ty(ast::VEC, ast::ty("u8")));
        let result = ast::generic_path(ast::RESULT, vec![request, ast::ty("crate::runtime::RequestError")]);
        let to_request = ast::method_call(
            self_body(),
            "to_request",
            vec![
                ast::path_expr("::http::Method::PATCH"),
                ast::path_expr("base"),
                ast::lit_str(version),
                ast::reference(false, ast::path_expr("path")),
            ],
        );
        methods.push_node(ast::inline_fn(
            ast::docs(&lines),
            true,
            ctor,
            SelfArg::Ref,
            args,
            Some(ast::path_ty(result)),
            vec![
                ast::stmt_let("path", ast::try_expr(ast::method_call(chain, "finish", vec![]))),
                ast::stmt_value(to_request),
            ],
        ));
    }
    let body_docs = [" The fields set or cleared so far, in call order.".to_string()];
    let body_text =
        ast::Verbatim::method(&body_docs, "pub fn body(&self) -> &crate::runtime::PatchBody", &["&self.body"]);
    methods.push(&body_text, || {
        let ty = ast::ref_ty(None, false, ast::ty("crate::runtime::PatchBody"));
        ast::value_fn(ast::docs(&body_docs), true, "body", SelfArg::Ref, ty, ast::reference(false, self_body()))
    });
    let json_docs = [" The JSON body that will be sent.".to_string()];
    let json_text =
        ast::Verbatim::method(&json_docs, "pub fn to_json(&self) -> ::serde_json::Value", &["self.body.to_json()"]);
    methods.push(&json_text, || {
        let value = ast::method_call(self_body(), "to_json", vec![]);
        ast::value_fn(ast::docs(&json_docs), true, "to_json", SelfArg::Ref, ast::ty("::serde_json::Value"), value)
    });
    let body = ast::field(Vec::new(), false, "body", ast::ty("crate::runtime::PatchBody"));
    vec![ast::pub_struct(attrs, &bn.name, vec![body]), ast::impl_block(Vec::new(), None, &bn.name, methods.finish())]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::format::print_items;

    /// Setter and `clear_` methods written as text print as their nodes do, for each way a
    /// value is sent, with a wire name that needs escaping.
    #[test]
    fn setter_text_prints_like_its_node() {
        let docs = vec![" Sets it.".to_string()];
        let cases: Vec<(&str, Option<Type>, &str, Sent)> = vec![
            ("color", Some(ast::ty("super::CalendarColor")), "set", Sent::Value),
            (
                "name",
                Some(ast::impl_ty(ast::generic_path(ast::INTO, vec![ast::ty(ast::STRING)]))),
                "set",
                Sent::ValueInto,
            ),
            ("clear_name", None, "clear", Sent::Nothing),
        ];
        let print = |as_text: bool| {
            let mut methods = ast::Members::impl_items();
            for (name, ty, call, sent) in &cases {
                let inputs: Vec<(&str, Type)> = ty.iter().map(|t| ("value", t.clone())).collect();
                let node = || body_setter(ast::docs(&docs), name, inputs.clone(), call, "a\"b", *sent);
                if as_text {
                    let text = setter_text(&docs, name, ty.as_ref(), call, "a\"b", *sent);
                    assert!(text.fits(), "{name}");
                    methods.push(&text, node);
                } else {
                    methods.push_node(node());
                }
            }
            print_items(vec![ast::impl_block(Vec::new(), None, "UpdateX", methods.finish())])
        };
        let text = print(true);
        assert_eq!(text, print(false));
        assert!(text.contains("        self.body.set(\"a\\\"b\", &value.into());\n"), "{text}");
    }
}
