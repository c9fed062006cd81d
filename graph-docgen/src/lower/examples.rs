//! examples: JSON examples (requests, responses, JSON representations) as evidence.
//!
//! Each body is walked against the type it shows (annotation `@odata.type`, else the body's
//! `@odata.type`, else the operation's resource for request examples, else the page's type
//! for JSON representations; `value` arrays and `isCollection` responses are walked element by
//! element; nested objects by their own `@odata.type`, else the property's type):
//! * a property the tables do not have is added with the type its JSON shows (`GD0304`);
//! * an object whose `@odata.type` names a type nobody describes makes that type, with the
//!   properties the JSON shows (an object with nothing but `@odata.type` says nothing, so the
//!   type stays undescribed and `finish` makes it opaque);
//! * an array where the table says a single value is a contradiction: the example's shape
//!   wins (`GD0305`, table and example lines named) — the table is the part template pages
//!   get wrong (`groupTypes` typed `string`);
//! * any other value that does not fit the declared type (a string that is no member of the
//!   enum, a string for a number) is reported (`GD0303`) and the table is kept.
//!
//! Values are typed by shape only and conservatively: strings stay `String` even when they
//! look like GUIDs or dates; integers are `Int32` when they fit, else `Int64`; other numbers
//! `Double`. JSON representations hold placeholders (`"String (identifier)"`) rather than
//! values, so they only add missing properties and nested types; their values are not checked.

use super::collect::OpCand;
use super::qualify::{clean_name, is_collection_spelling, primitive_of, workload, Namespaces};
use super::resolve::{Found, Index};
use crate::diagnostics::{Code, Diagnostic, Span};
use crate::facts::{BlockType, Json, JsonValue, PageFacts, Primitive};
use crate::schema::{Property, Schema, TypeDef, TypeId, TypeKind, TypeRef};
use std::collections::{BTreeMap, BTreeSet};

/// Property types changed by examples: (type key, wire name) -> new type. `operations` applies
/// them to request-body fields too.
pub(crate) type Overrides = BTreeMap<(String, String), TypeRef>;

/// Nesting deeper than this is not walked (the JSON reader already limits depth; this keeps
/// the walk itself bounded on self-similar data).
const MAX_DEPTH: usize = 32;

struct Walker<'s, 'i, 'p> {
    schema: &'s mut Schema,
    index: &'i Index<'p>,
    ns: &'i Namespaces,
    page: &'p PageFacts,
    page_ns: String,
    check_values: bool,
    /// Properties that exist only because an example showed them.
    from_example: &'s mut BTreeSet<(String, String)>,
    overrides: &'s mut Overrides,
    diags: &'s mut Vec<Diagnostic>,
}

pub(crate) fn apply(
    pages: &[&PageFacts],
    ops: &[OpCand<'_>],
    index: &Index<'_>,
    ns: &Namespaces,
    schema: &mut Schema,
    diags: &mut Vec<Diagnostic>,
) -> Overrides {
    let mut overrides = Overrides::new();
    let mut from_example = BTreeSet::new();
    let op_resource: BTreeMap<&str, &TypeId> = ops
        .iter()
        .filter(|o| o.body_is_resource)
        .filter_map(|o| Some((o.page.path.as_str(), o.resource.as_ref()?)))
        .collect();
    for &page in pages {
        let page_ns = ns.of_page(page);
        let page_type = page
            .resource_name
            .as_ref()
            .and_then(|r| clean_name(&r.value))
            .and_then(|n| index.lookup_type(ns, &n, &page_ns));
        for block in &page.blocks {
            let Some(body) = &block.body else { continue };
            let annotated = block.annotation.get("@odata.type").and_then(|v| v.as_str());
            let collection = block.annotation.get("isCollection").and_then(|v| v.as_bool()).unwrap_or(false)
                || annotated.is_some_and(is_collection_spelling);
            let named = annotated
                .or_else(|| body.value.get("@odata.type").and_then(Json::as_str))
                .and_then(clean_name)
                .and_then(|n| lookup_or_new(index, ns, &n, &page_ns));
            let root = match (named, block.block_type) {
                (Some(t), _) => Some(t),
                (None, BlockType::Request) => op_resource.get(page.path.as_str()).map(|t| (*t).clone()),
                (None, BlockType::Resource) => page_type.clone(),
                _ => None,
            };
            let Some(root) = root else { continue };
            let mut w = Walker {
                schema,
                index,
                ns,
                page,
                page_ns: page_ns.clone(),
                check_values: block.block_type != BlockType::Resource,
                from_example: &mut from_example,
                overrides: &mut overrides,
                diags,
            };
            // A response wraps its payload in `{"value": …}` (an array for collections, an
            // object in some single-item responses); a bare array is a collection too.
            let wrapped = body
                .value
                .get("value")
                .filter(|_| body.value.members().iter().all(|(k, _)| k == "value" || k.contains('@')));
            let items: Vec<&Json> = match (&body.value.value, wrapped) {
                (JsonValue::Array(items), _) => items.iter().collect(),
                (_, Some(Json { value: JsonValue::Array(items), .. })) => items.iter().collect(),
                (_, Some(single @ Json { value: JsonValue::Object(_), .. })) if !collection => vec![single],
                (_, Some(_)) => Vec::new(),
                _ => vec![&body.value],
            };
            for item in items {
                if let JsonValue::Object(_) = item.value {
                    let ty = object_type(item, ns, index, &page_ns).unwrap_or_else(|| root.clone());
                    w.object(&ty, item, 0);
                }
            }
        }
    }
    overrides
}

/// A (cleaned) type name -> its id: known, or new in the page's namespace.
fn lookup_or_new(index: &Index<'_>, ns: &Namespaces, name: &str, page_ns: &str) -> Option<TypeId> {
    if primitive_of(name).is_some() {
        return None;
    }
    match index.lookup(ns, name, page_ns, false) {
        Some(Found::Type(id)) => Some(id),
        // An enum is not an object: nothing to walk (and no type may take its name).
        Some(Found::Enum(_)) => None,
        None => {
            let (q, simple) = ns.split(name);
            // `#Microsoft.OutlookServices.x`, `#NAV.x`: another service's type, not a Graph one.
            let namespace = q.as_deref().unwrap_or(page_ns);
            ns.is_known(namespace).then(|| TypeId::new(namespace, &simple))
        }
    }
}

/// The type an object names with its own `@odata.type`.
fn object_type(obj: &Json, ns: &Namespaces, index: &Index<'_>, page_ns: &str) -> Option<TypeId> {
    let name = clean_name(obj.get("@odata.type")?.as_str()?)?;
    lookup_or_new(index, ns, &name, page_ns)
}

/// Properties that say something (not annotations such as `@odata.type`, `x@odata.bind`).
fn is_data_key(k: &str) -> bool {
    !k.is_empty() && !k.contains('@')
}

/// Graph property names are identifiers; `String-value` and `{column}` are placeholders.
fn is_property_name(k: &str) -> bool {
    k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && !k.starts_with(|c: char| c.is_ascii_digit())
}

fn number_type(n: &str) -> Primitive {
    if n.contains(['.', 'e', 'E']) {
        return Primitive::Double;
    }
    match n.parse::<i64>() {
        Ok(v) if i32::try_from(v).is_ok() => Primitive::Int32,
        Ok(_) => Primitive::Int64,
        Err(_) => Primitive::Double,
    }
}

impl Walker<'_, '_, '_> {
    fn span(&self, line: u32) -> Span {
        self.page.span(line)
    }

    /// Walks an object shown for type `ty`, creating the type if only examples know it.
    fn object(&mut self, ty: &TypeId, obj: &Json, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let key = ty.key();
        let has_data = obj.members().iter().any(|(k, _)| is_data_key(k));
        if !self.schema.types.contains_key(&key) {
            if !has_data {
                return;
            }
            self.schema.types.insert(
                key.clone(),
                TypeDef {
                    id: ty.clone(),
                    kind: TypeKind::Complex,
                    base: None,
                    properties: Vec::new(),
                    description: String::new(),
                    workload: workload(self.page),
                    key_property: None,
                    open_type: false,
                    is_abstract: false,
                    sources: vec![self.span(obj.line)],
                },
            );
        }
        for (name, value) in obj.members() {
            if !is_data_key(name) {
                continue;
            }
            // The declaration the tables give, looked up along the base chain.
            let (declared, open) = match self.schema.types.get(&key) {
                Some(t) => (self.schema.find_property(t, name).map(|p| (p.ty.clone(), p.source.clone())), t.open_type),
                None => (None, false),
            };
            match declared {
                // An open type's extra members are data (list item fields), not missing properties.
                None if open => {}
                None if !is_property_name(name) => self.diags.push(Diagnostic::new(
                    Code::ExampleOnlyProperty,
                    self.span(value.line),
                    format!("member `{name}` of `{ty}` appears only in an example and is no property name (a placeholder?); it was not added"),
                )),
                None => {
                    let shape = self.shape(value, depth);
                    self.diags.push(Diagnostic::new(
                        Code::ExampleOnlyProperty,
                        self.span(value.line),
                        format!("property `{name}` of `{ty}` appears only in an example; added as {}", shape.describe()),
                    ));
                    if let Some(t) = self.schema.types.get_mut(&key) {
                        t.properties.push(Property {
                            wire_name: name.clone(),
                            ty: shape,
                            description: String::new(),
                            navigation: false,
                            read_only: false,
                            nullable: None,
                            key: false,
                            source: self.page.span(value.line),
                        });
                        t.sources.push(self.page.span(value.line));
                        t.sources.sort();
                        t.sources.dedup();
                    }
                    self.from_example.insert((key.clone(), name.clone()));
                }
                Some((decl, decl_span)) => {
                    let example_made = self.from_example.contains(&(key.clone(), name.clone()));
                    if self.check_values && !example_made {
                        self.check(ty, name, &decl, &decl_span, value, depth);
                    } else {
                        self.descend(&decl, value, depth);
                    }
                }
            }
        }
    }

    /// The type a value's JSON shows; nested typed objects are walked (and made) on the way.
    fn shape(&mut self, v: &Json, depth: usize) -> TypeRef {
        if depth > MAX_DEPTH {
            return TypeRef::Primitive(Primitive::Json);
        }
        match &v.value {
            JsonValue::Null => TypeRef::Primitive(Primitive::Json),
            JsonValue::Bool(_) => TypeRef::Primitive(Primitive::Boolean),
            JsonValue::Number(n) => TypeRef::Primitive(number_type(n)),
            JsonValue::String(_) => TypeRef::Primitive(Primitive::String),
            JsonValue::Array(items) => {
                let inner = items.iter().find(|i| i.value != JsonValue::Null).map(|i| self.shape(i, depth + 1));
                TypeRef::Collection(Box::new(inner.unwrap_or(TypeRef::Primitive(Primitive::Json))))
            }
            JsonValue::Object(_) => match object_type(v, self.ns, self.index, &self.page_ns) {
                Some(t) => {
                    self.object(&t, v, depth + 1);
                    TypeRef::Complex(t)
                }
                None => TypeRef::Primitive(Primitive::Json),
            },
        }
    }

    /// Walks into nested objects without judging values.
    fn descend(&mut self, decl: &TypeRef, v: &Json, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        match (&v.value, decl) {
            (JsonValue::Array(items), TypeRef::Collection(inner)) => {
                for i in items {
                    self.descend(inner, i, depth + 1);
                }
            }
            (JsonValue::Object(_), _) => {
                let named = object_type(v, self.ns, self.index, &self.page_ns);
                let target = named.or(match decl {
                    TypeRef::Complex(id) => Some(id.clone()),
                    _ => None,
                });
                if let Some(t) = target {
                    self.object(&t, v, depth + 1);
                }
            }
            _ => {}
        }
    }

    /// Compares a value with the declared type of property `name` of `owner`.
    fn check(&mut self, owner: &TypeId, name: &str, decl: &TypeRef, decl_span: &Span, v: &Json, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let is_collection = matches!(decl, TypeRef::Collection(_));
        match (&v.value, decl) {
            (JsonValue::Null, _) | (_, TypeRef::Unknown(_)) | (_, TypeRef::Primitive(Primitive::Json)) => {}
            (JsonValue::Array(items), TypeRef::Collection(inner)) => {
                for i in items {
                    self.check(owner, name, inner, decl_span, i, depth + 1);
                }
            }
            (JsonValue::Array(_), _) if !is_collection => {
                let now = TypeRef::Collection(Box::new(decl.clone()));
                self.diags.push(
                    Diagnostic::new(
                        Code::TableExampleConflict,
                        self.span(v.line),
                        format!(
                            "`{name}` of `{owner}`: the table says {}, the example shows an array; typed {}",
                            decl.describe(),
                            now.describe()
                        ),
                    )
                    .with_related(decl_span.clone(), "the table row"),
                );
                self.retype(owner, name, now.clone());
                self.descend(&now, v, depth);
            }
            (JsonValue::Object(_), TypeRef::Complex(_)) => self.descend(decl, v, depth),
            (JsonValue::String(s), TypeRef::Enum(id)) => {
                let Some(e) = self.schema.enum_def(id) else {
                    return;
                };
                if e.members.is_empty() {
                    return;
                }
                // Flags travel as `"a,b"`; the docs do not always say an enum is a flags enum,
                // so a comma-joined list of members is accepted for any enum.
                let parts: Vec<&str> = s.split(',').map(str::trim).collect();
                let bad: Vec<&str> = parts
                    .into_iter()
                    .filter(|p| !e.members.iter().any(|m| m.wire_name.eq_ignore_ascii_case(p)))
                    .collect();
                if !bad.is_empty() {
                    let members: Vec<&str> = e.members.iter().map(|m| m.wire_name.as_str()).collect();
                    let msg = format!(
                        "`{name}` of `{owner}`: example value \"{}\" is not a member of enum `{}` ({})",
                        bad.join(","),
                        e.id,
                        members.join(", ")
                    );
                    self.mismatch(msg, v, decl_span);
                }
            }
            (value, TypeRef::Primitive(p)) if fits(value, *p) => {}
            _ => {
                let msg =
                    format!("`{name}` of `{owner}`: example value does not fit the declared type {}", decl.describe());
                self.mismatch(msg, v, decl_span);
            }
        }
    }

    fn mismatch(&mut self, msg: String, v: &Json, decl_span: &Span) {
        self.diags.push(
            Diagnostic::new(Code::ExampleValueMismatch, self.span(v.line), msg)
                .with_related(decl_span.clone(), "the declaration"),
        );
    }

    /// Changes the type of a property where it is declared (own type or a base).
    fn retype(&mut self, owner: &TypeId, name: &str, now: TypeRef) {
        let mut cur = Some(owner.key());
        let mut seen = BTreeSet::new();
        while let Some(k) = cur {
            if !seen.insert(k.clone()) {
                return;
            }
            let Some(t) = self.schema.types.get_mut(&k) else {
                return;
            };
            if let Some(p) = t.properties.iter_mut().find(|p| p.wire_name == name) {
                p.ty = now.clone();
                self.overrides.insert((k, name.to_string()), now);
                return;
            }
            cur = t.base.as_ref().map(TypeId::key);
        }
    }
}

/// Whether a JSON value can be read as primitive `p` (strings for the textual kinds; numbers
/// as number or the `NaN`/`INF` spellings; Decimal and Int64 also as strings, as Graph sends them).
fn fits(v: &JsonValue, p: Primitive) -> bool {
    v.fits(p, |_, _| true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_by_value() {
        let cases = [
            ("1", Primitive::Int32),
            ("3000000000", Primitive::Int64),
            ("2.5", Primitive::Double),
            ("1e3", Primitive::Double),
        ];
        for (n, want) in cases {
            assert_eq!(number_type(n), want, "{n}");
        }
    }

    #[test]
    fn values_fit_primitives() {
        let s = |x: &str| JsonValue::String(x.into());
        let cases = [
            (s("String"), Primitive::String, true),
            (s("2017-01-01"), Primitive::DateTimeOffset, true),
            (s("x"), Primitive::Int32, false),
            (JsonValue::Number("11".into()), Primitive::Int32, true),
            (JsonValue::Number("1.5".into()), Primitive::Int32, false),
            (JsonValue::Bool(true), Primitive::String, false),
            (s("NaN"), Primitive::Double, true),
        ];
        for (v, p, want) in cases {
            assert_eq!(fits(&v, p), want, "{v:?} as {p:?}");
        }
    }
}
