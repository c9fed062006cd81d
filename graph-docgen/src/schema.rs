//! The resolved schema: one per API version, built by `lower` from all pages' facts.
//!
//! Types refer to each other by [`TypeId`], never by nesting, so cycles (a type that contains
//! itself) are harmless. Everything is sorted (BTreeMap, sorted Vecs) so that serializing the
//! schema (`cargo xtask schema`) and emitting Rust from it are deterministic. Only Graph-side
//! names live here; Rust identifiers are made by `names` from this schema.

use crate::diagnostics::Span;
pub use crate::facts::{ApiVersion, ParamPosition, PathParam, PathPiece, PathTemplate, Primitive};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A fully qualified Graph name: `microsoft.graph.group`, `microsoft.graph.callRecords.session`.
/// The spelling is the first one found (by sorted page path); lookups go through
/// [`TypeId::key`], which is case-insensitive because the docs mix `termStore`/`termstore`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TypeId(pub String);

impl TypeId {
    pub fn new(namespace: &str, name: &str) -> TypeId {
        TypeId(format!("{namespace}.{name}"))
    }
    /// Case-folded form used as the map key.
    pub fn key(&self) -> String {
        self.0.to_ascii_lowercase()
    }
    /// `f(&self.key())` without allocating the key when it fits a stack buffer (every id of
    /// the corpus does): lowering and emitting look types up by key millions of times.
    pub fn with_key<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        let mut buf = [0u8; 128];
        let bytes = self.0.as_bytes();
        if let Some(folded) = buf.get_mut(..bytes.len()) {
            folded.copy_from_slice(bytes);
            folded.make_ascii_lowercase();
            // ASCII case folding keeps UTF-8 valid, so this is always `Ok`.
            if let Ok(key) = std::str::from_utf8(folded) {
                return f(key);
            }
        }
        f(&self.key())
    }
    /// Whether both ids have the same [`key`](Self::key).
    pub fn same_key(&self, other: &TypeId) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }
    /// `self.key().cmp(&other.key())`, folding byte by byte instead of allocating both keys.
    pub fn cmp_key(&self, other: &TypeId) -> std::cmp::Ordering {
        self.0.bytes().map(|b| b.to_ascii_lowercase()).cmp(other.0.bytes().map(|b| b.to_ascii_lowercase()))
    }
    /// `microsoft.graph.callRecords` of `microsoft.graph.callRecords.session`.
    pub fn namespace(&self) -> &str {
        self.0.rsplit_once('.').map(|(ns, _)| ns).unwrap_or("")
    }
    /// `session` of `microsoft.graph.callRecords.session`.
    pub fn name(&self) -> &str {
        self.0.rsplit_once('.').map(|(_, n)| n).unwrap_or(&self.0)
    }
}

impl std::fmt::Display for TypeId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The schema of one API version.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Schema {
    pub version: ApiVersion,
    /// Complex types and entities, keyed by [`TypeId::key`].
    pub types: BTreeMap<String, TypeDef>,
    /// Enums, keyed by [`TypeId::key`]. A key is never in both maps.
    pub enums: BTreeMap<String, EnumDef>,
    /// Operations sorted by page path, then method and first path.
    pub operations: Vec<Operation>,
}

impl Schema {
    pub fn new(version: ApiVersion) -> Schema {
        Schema { version, types: BTreeMap::new(), enums: BTreeMap::new(), operations: Vec::new() }
    }
    pub fn type_def(&self, id: &TypeId) -> Option<&TypeDef> {
        id.with_key(|key| self.types.get(key))
    }
    pub fn enum_def(&self, id: &TypeId) -> Option<&EnumDef> {
        id.with_key(|key| self.enums.get(key))
    }
    /// The type's own properties preceded by every inherited one, base-most first.
    /// A property redeclared by a derived type replaces the inherited one in place.
    pub fn all_properties<'a>(&'a self, ty: &'a TypeDef) -> Vec<&'a Property> {
        let chain = self.base_chain(ty);
        if let [only] = chain.as_slice() {
            if !has_duplicate_wire_names(&only.properties) {
                return only.properties.iter().collect();
            }
        }
        let mut out: Vec<&Property> = Vec::new();
        // Entities have up to a few hundred properties and this runs for every struct in
        // several passes: past a few dozen, a position index keeps the replace-in-place rule
        // linear (below that a scan is cheaper than hashing).
        let mut position: Option<rustc_hash::FxHashMap<&str, usize>> = None;
        for t in chain.iter().rev() {
            for p in &t.properties {
                if position.is_none() && out.len() >= 32 {
                    position = Some(out.iter().enumerate().map(|(i, q)| (q.wire_name.as_str(), i)).collect());
                }
                let found = match &position {
                    Some(index) => index.get(p.wire_name.as_str()).copied(),
                    None => out.iter().position(|q| q.wire_name == p.wire_name),
                };
                match found {
                    Some(i) => out[i] = p,
                    None => {
                        if let Some(index) = &mut position {
                            index.insert(&p.wire_name, out.len());
                        }
                        out.push(p);
                    }
                }
            }
        }
        out
    }
    /// The property `wire_name` of `ty` as [`Schema::all_properties`] would list it (the most
    /// derived declaration, the last one within a type), without building the whole list.
    pub fn find_property<'a>(&'a self, ty: &'a TypeDef, wire_name: &str) -> Option<&'a Property> {
        let own = |t: &'a TypeDef| t.properties.iter().rev().find(|p| p.wire_name == wire_name);
        // Most names asked for are the type's own: the base chain is built only past them.
        own(ty).or_else(|| self.base_chain(ty).into_iter().skip(1).find_map(own))
    }
    /// `ty` and its bases, most derived first, stopping before a base met twice (cycles are
    /// reported by lower; never loop here). Keys compare case-insensitively.
    fn base_chain<'a>(&'a self, ty: &'a TypeDef) -> Vec<&'a TypeDef> {
        let mut chain = vec![ty];
        let mut cur = ty;
        while let Some(base) = cur.base.as_ref().and_then(|b| self.type_def(b)) {
            if chain.iter().any(|t| t.id.0.eq_ignore_ascii_case(&base.id.0)) {
                break;
            }
            chain.push(base);
            cur = base;
        }
        chain
    }
    /// Types that derive (directly or not) from `id`, sorted by key.
    pub fn derived_types(&self, id: &TypeId) -> Vec<&TypeDef> {
        self.derived_index().remove(&id.key()).unwrap_or_default()
    }
    /// [`Schema::derived_types`] of every base at once (base key -> derived types, sorted by
    /// key), in one walk up each type's base chain instead of one walk over all types per base.
    pub fn derived_index(&self) -> rustc_hash::FxHashMap<String, Vec<&TypeDef>> {
        let mut index: rustc_hash::FxHashMap<String, Vec<&TypeDef>> = rustc_hash::FxHashMap::default();
        for t in self.types.values() {
            let mut cur = t.base.as_ref();
            let mut hops = 0;
            while let Some(b) = cur {
                let list = index.entry(b.key()).or_default();
                // A cycle visits a base again: the type is listed once.
                if !list.last().is_some_and(|last| std::ptr::eq(*last, t)) {
                    list.push(t);
                }
                hops += 1;
                if hops > 64 {
                    break;
                }
                cur = self.type_def(b).and_then(|t| t.base.as_ref());
            }
        }
        index
    }
}

/// Whether two properties share a wire name (quadratic, for the short lists it is used on).
fn has_duplicate_wire_names(props: &[Property]) -> bool {
    if props.len() > 64 {
        let mut seen = rustc_hash::FxHashSet::default();
        return !props.iter().all(|p| seen.insert(p.wire_name.as_str()));
    }
    props.iter().enumerate().any(|(i, p)| props[..i].iter().any(|q| q.wire_name == p.wire_name))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TypeKind {
    /// Has a key (usually `id`), addressable by a path.
    Entity,
    /// A value type (`assignedLicense`, `identitySet`).
    Complex,
    /// Referenced but never described: keeps whatever JSON it receives.
    Opaque,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TypeDef {
    pub id: TypeId,
    pub kind: TypeKind,
    pub base: Option<TypeId>,
    /// Own properties, in table order (structural and navigation).
    pub properties: Vec<Property>,
    /// Markdown.
    pub description: String,
    /// Front matter `ms.prod` of the page that described the type (used for cargo features).
    pub workload: Option<String>,
    pub key_property: Option<String>,
    pub open_type: bool,
    pub is_abstract: bool,
    /// Every place the type was described or inferred from, sorted.
    pub sources: Vec<Span>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Property {
    /// The JSON name, exactly as sent on the wire (`displayName`, `@odata.type`, `@microsoft.graph.conflictBehavior`).
    pub wire_name: String,
    pub ty: TypeRef,
    /// Markdown.
    pub description: String,
    /// From the relationships table: never sent in PATCH.
    pub navigation: bool,
    pub read_only: bool,
    /// `Some(false)` for "Not nullable", `Some(true)` for "Nullable", `None` when unsaid.
    pub nullable: Option<bool>,
    pub key: bool,
    pub source: Span,
}

impl TypeDef {
    /// A type with only its name and kind known: no base, properties, description, sources.
    /// Lowering and tests set the rest through the public fields.
    pub fn new(id: TypeId, kind: TypeKind) -> TypeDef {
        TypeDef {
            id,
            kind,
            base: None,
            properties: Vec::new(),
            description: String::new(),
            workload: None,
            key_property: None,
            open_type: false,
            is_abstract: false,
            sources: Vec::new(),
        }
    }
}

impl Property {
    /// A property with only its name, type and source known: no description, not a
    /// relationship, not read-only, not a key, nullability unsaid.
    pub fn new(wire_name: impl Into<String>, ty: TypeRef, source: Span) -> Property {
        Property {
            wire_name: wire_name.into(),
            ty,
            description: String::new(),
            navigation: false,
            read_only: false,
            nullable: None,
            key: false,
            source,
        }
    }
}

/// A resolved type reference.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TypeRef {
    Primitive(Primitive),
    /// A complex type or entity (key in `Schema::types`).
    Complex(TypeId),
    /// An enum (key in `Schema::enums`).
    Enum(TypeId),
    Collection(Box<TypeRef>),
    /// An unresolvable type: raw JSON (`serde_json::Value`), reported as `unknown-type`.
    Unknown(String),
}

impl TypeRef {
    /// `String`, `String collection`, `` `microsoft.graph.x` ``: how diagnostics name a type.
    pub fn describe(&self) -> String {
        match self {
            TypeRef::Primitive(p) => format!("{p:?}"),
            TypeRef::Complex(id) | TypeRef::Enum(id) => format!("`{id}`"),
            TypeRef::Collection(inner) => format!("{} collection", inner.describe()),
            TypeRef::Unknown(n) => format!("unknown `{n}`"),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct EnumDef {
    pub id: TypeId,
    pub members: Vec<EnumMember>,
    /// Graph sends flags enums as a comma-separated string (`"a,b"`).
    pub flags: bool,
    /// Has an `unknownFutureValue` member: members after it are only sent when the client asks
    /// (`Prefer: include-unknown-enum-members`).
    pub evolvable: bool,
    pub description: String,
    pub workload: Option<String>,
    /// True when the enum only exists as a "Possible values" phrase on a property.
    pub from_prose: bool,
    pub sources: Vec<Span>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct EnumMember {
    /// The wire value, exactly (`unknownFutureValue`, `JIS B4`).
    pub wire_name: String,
    pub value: Option<i64>,
    pub description: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    Post,
    Patch,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
    pub fn parse(s: &str) -> Option<Method> {
        match s.to_ascii_uppercase().as_str() {
            "GET" => Some(Method::Get),
            "POST" => Some(Method::Post),
            "PATCH" => Some(Method::Patch),
            "PUT" => Some(Method::Put),
            "DELETE" => Some(Method::Delete),
            _ => None,
        }
    }
}

/// One documented operation (one method of one API page).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Operation {
    /// The page title (`Update group`).
    pub title: String,
    /// Page path relative to the docs root.
    pub page: String,
    pub method: Method,
    pub description: String,
    pub workload: Option<String>,
    /// Every usable path of the HTTP request block, in page order; empty when all were broken.
    pub paths: Vec<PathTemplate>,
    /// The resource the body is made of / the operation acts on (`microsoft.graph.group`).
    pub resource: Option<TypeId>,
    /// The request-body fields, in table order.
    pub body: Vec<BodyField>,
    /// True when `body` came from the resource's properties (no request-body table).
    pub body_from_resource: bool,
    pub response: Option<TypeRef>,
    pub permissions: Vec<Permission>,
    pub source: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BodyField {
    pub wire_name: String,
    pub ty: TypeRef,
    pub description: String,
    /// False where the docs say the property cannot be cleared: no `clear_` method.
    pub clearable: bool,
    pub required: bool,
    pub source: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Permission {
    pub kind: String,
    pub scopes: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_without_allocation_match_key() {
        let long = TypeId(format!("microsoft.graph.{}", "VeryLong".repeat(40)));
        for id in [TypeId::new("microsoft.graph.termStore", "Set"), TypeId("é.Ünïcode".into()), long] {
            assert_eq!(id.with_key(str::to_string), id.key(), "{id}");
        }
        assert!(
            TypeId("microsoft.graph.termStore.set".into()).same_key(&TypeId("Microsoft.Graph.TermStore.Set".into()))
        );
        assert!(!TypeId("a.b".into()).same_key(&TypeId("a.c".into())));
        let ids = ["a.B", "a.b", "A.bc", "a.Ba", "a_b", "a.C"].map(|s| TypeId(s.into()));
        for a in &ids {
            for b in &ids {
                assert_eq!(a.cmp_key(b), a.key().cmp(&b.key()), "{a} vs {b}");
            }
        }
    }
}
