//! tie: what an annotated block shows — a type, a PATCH builder, or nothing to check against.

use super::Target;
use crate::facts::{BlockType, CodeBlock, Json, PageFacts, TypeExpr};
use crate::names::NameMap;
use crate::schema::{Method, Schema, TypeId, TypeRef};
use std::collections::BTreeMap;

/// One version's schema with the lookups the checks need.
pub struct Context<'a> {
    pub schema: &'a Schema,
    pub names: NameMap,
    /// Every page of every version (Type-cell links may point anywhere in the tree).
    pub pages: &'a [PageFacts],
    /// Lower-cased simple type name -> ids with that name (for names without a namespace).
    by_simple: BTreeMap<String, Vec<TypeId>>,
}

impl<'a> Context<'a> {
    pub fn new(schema: &'a Schema, pages: &'a [PageFacts]) -> Context<'a> {
        let (names, _) = NameMap::build(schema); // naming diagnostics are emit's to report
        let mut by_simple: BTreeMap<String, Vec<TypeId>> = BTreeMap::new();
        for t in schema.types.values() {
            by_simple.entry(t.id.name().to_ascii_lowercase()).or_default().push(t.id.clone());
        }
        Context { schema, names, pages, by_simple }
    }

    /// A type named as the docs spell it (`microsoft.graph.group`, `#microsoft.graph.group`,
    /// `Collection(microsoft.graph.group)`, `group`). The bool is true for a collection spelling.
    pub fn find_type(&self, raw: &str) -> Option<(TypeId, bool)> {
        let mut s = raw.trim().trim_start_matches('#').trim();
        let mut collection = false;
        if s.len() > 11 && s.get(..11).is_some_and(|p| p.eq_ignore_ascii_case("collection(")) {
            s = s.get(11..)?.strip_suffix(')')?.trim();
            collection = true;
        }
        let s = s.trim_start_matches('#');
        if s.is_empty() {
            return None;
        }
        let key = s.to_ascii_lowercase();
        if let Some(t) = self.schema.types.get(&key) {
            return Some((t.id.clone(), collection));
        }
        if let Some(t) = self.schema.types.get(&format!("microsoft.graph.{key}")) {
            return Some((t.id.clone(), collection));
        }
        // A bare name that only one namespace has.
        match self.by_simple.get(&key).map(Vec::as_slice) {
            Some([only]) if !s.contains('.') => Some((only.clone(), collection)),
            _ => None,
        }
    }

    /// Indexes of the operations documented on `page`.
    pub fn operations_of(&self, page: &str) -> impl Iterator<Item = usize> + '_ {
        let page = page.to_string();
        self.schema.operations.iter().enumerate().filter(move |(_, o)| o.page == page).map(|(i, _)| i)
    }
}

fn type_of_ref(t: &TypeRef) -> Option<(TypeId, bool)> {
    match t {
        TypeRef::Complex(id) => Some((id.clone(), false)),
        TypeRef::Collection(inner) => match inner.as_ref() {
            TypeRef::Complex(id) => Some((id.clone(), true)),
            _ => None,
        },
        _ => None,
    }
}

/// What `block` of `page` shows. `body` is the parsed body (for its own `@odata.type`).
pub fn target(ctx: &Context<'_>, page: &PageFacts, block: &CodeBlock, body: &Json) -> Target {
    let annotated = block.annotation.get("@odata.type").and_then(|v| v.as_str());
    let is_collection = block.annotation.get("isCollection").and_then(|v| v.as_bool()).unwrap_or(false);
    let own = body.get("@odata.type").and_then(Json::as_str);
    let named = |raw: Option<&str>| raw.and_then(|r| ctx.find_type(r));
    let as_type = |(id, c): (TypeId, bool)| Target::Type { id, collection: c || is_collection };
    match block.block_type {
        BlockType::Request => {
            let method = block.request.as_ref().and_then(|(m, _)| Method::parse(m));
            let ops: Vec<usize> = ctx.operations_of(&page.path).collect();
            let op =
                ops.iter().copied().find(|&i| ctx.schema.operations.get(i).is_some_and(|o| Some(o.method) == method));
            match (method, op) {
                (Some(Method::Patch), Some(i)) => Target::Builder {
                    operation: i,
                    resource: ctx.schema.operations.get(i).and_then(|o| o.resource.clone()),
                },
                (Some(Method::Patch), None) => Target::Untied("PATCH request without an operation".into()),
                (Some(Method::Get | Method::Delete), _) | (None, _) => Target::Untied("request without a body".into()),
                // A POST/PUT body is the resource only where the page says so ("supply a JSON
                // representation of the [x] object"); an action's body is its parameters.
                (Some(_), _) => {
                    let stated = page.request_body_resource.as_ref().and_then(|r| match &r.value {
                        TypeExpr::Named { name, .. } => ctx.find_type(name),
                        _ => None,
                    });
                    match named(annotated).or_else(|| named(own)).or(stated) {
                        Some(t) => as_type(t),
                        None => Target::Untied("POST/PUT body of no known type".into()),
                    }
                }
            }
        }
        BlockType::Response => {
            if let Some(t) = named(annotated).or_else(|| named(own)) {
                return as_type(t);
            }
            let response = ctx
                .operations_of(&page.path)
                .filter_map(|i| ctx.schema.operations.get(i))
                .find_map(|o| o.response.as_ref().and_then(type_of_ref));
            match response {
                Some(t) => as_type(t),
                None if annotated.is_some() => Target::Untied(
                    "response @odata.type names no complex type (a primitive, an enum, another service)".into(),
                ),
                None => Target::Untied("response of no known type".into()),
            }
        }
        BlockType::Resource => {
            let page_type = page.resource_name.as_ref().and_then(|r| ctx.find_type(&r.value));
            match named(annotated).or(page_type) {
                Some(t) => Target::Type { id: t.0, collection: false },
                None => Target::Untied("JSON representation of no known type".into()),
            }
        }
        BlockType::Example => match named(annotated).or_else(|| named(own)) {
            Some(t) => as_type(t),
            None => Target::Untied("example of no known type".into()),
        },
    }
}
