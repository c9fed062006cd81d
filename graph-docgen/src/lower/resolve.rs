//! resolve: type names as the docs write them -> [`TypeRef`]s.
//!
//! Order of lookup for a bare name: the page's namespace, then `microsoft.graph`, then any
//! namespace where the name is unique (all case-insensitive). A qualified name is looked up
//! as is. A link whose text resolves to nothing is followed to its target page (same version):
//! an enum page names the enum, a resource page names the type. A name that still resolves
//! to nothing becomes a reference to an undescribed type when it was a link (the `finish`
//! pass turns it into an opaque type, `GD0401`), and `TypeRef::Unknown` + `GD0400` when it was
//! a bare word: a link says "a type page exists", a bare word says nothing.

use super::qualify::{clean_name, primitive_of, Namespaces, ROOT};
use crate::diagnostics::{Code, Diagnostic, Span};
use crate::facts::{PageFacts, PageKind, TypeExpr};
use crate::schema::{TypeId, TypeRef};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

/// What a name found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Found {
    Type(TypeId),
    Enum(TypeId),
}

/// Every known type and enum name of one version.
#[derive(Debug, Default)]
/// Only looked up, never iterated (hash maps: every type reference of a version is resolved
/// here, several lookups each); the name sets stay sorted, since their first entry is used.
pub(crate) struct Index<'a> {
    types: HashMap<String, TypeId>,
    enums: HashMap<String, TypeId>,
    /// Lower-case simple name -> keys of types / enums with that name (any namespace).
    type_names: HashMap<String, BTreeSet<String>>,
    enum_names: HashMap<String, BTreeSet<String>>,
    /// Lower-case file stem of `resources/` pages -> page (link targets).
    pages_by_stem: HashMap<String, &'a PageFacts>,
}

/// `TypeId::new(namespace, name).key()`, written into `buf`.
fn key_of<'b>(buf: &'b mut String, namespace: &str, name: &str) -> &'b str {
    buf.clear();
    buf.push_str(namespace);
    buf.push('.');
    buf.push_str(name);
    buf.make_ascii_lowercase();
    buf
}

fn stem(path: &str) -> String {
    let file = path.rsplit('/').next().unwrap_or(path);
    let file = file.split('#').next().unwrap_or(file);
    file.strip_suffix(".md").unwrap_or(file).to_ascii_lowercase()
}

impl<'a> Index<'a> {
    pub(crate) fn new(pages: &[&'a PageFacts]) -> Index<'a> {
        let mut index = Index::default();
        for p in pages {
            if p.path.contains("/resources/") {
                // Sorted input: the first page with a stem wins.
                index.pages_by_stem.entry(stem(&p.path)).or_insert(p);
            }
        }
        index
    }

    /// Registers a type; returns the id already known under the same key if any (its
    /// spelling is kept: the first registration, in page order, names the type).
    pub(crate) fn add_type(&mut self, id: TypeId) -> TypeId {
        let key = id.key();
        if let Some(known) = self.types.get(&key) {
            return known.clone();
        }
        self.type_names.entry(id.name().to_ascii_lowercase()).or_default().insert(key.clone());
        self.types.insert(key, id.clone());
        id
    }

    pub(crate) fn add_enum(&mut self, id: TypeId) -> TypeId {
        let key = id.key();
        if let Some(known) = self.enums.get(&key) {
            return known.clone();
        }
        self.enum_names.entry(id.name().to_ascii_lowercase()).or_default().insert(key.clone());
        self.enums.insert(key, id.clone());
        id
    }

    /// Looks a (cleaned) name up. `prefer_enum` breaks a tie where the same name is both a
    /// type and an enum (a link to an enum page).
    pub(crate) fn lookup(&self, ns: &Namespaces, name: &str, page_ns: &str, prefer_enum: bool) -> Option<Found> {
        let pick = |key: &str| -> Option<Found> {
            let t = self.types.get(key).map(|id| Found::Type(id.clone()));
            let e = self.enums.get(key).map(|id| Found::Enum(id.clone()));
            if prefer_enum {
                e.or(t)
            } else {
                t.or(e)
            }
        };
        let (qualifier, simple) = ns.split(name);
        // One buffer for the up to three keys tried (`TypeId::new(scope, simple).key()`):
        // lowering resolves every type reference of a version here.
        let mut key = String::new();
        if let Some(q) = qualifier {
            return pick(key_of(&mut key, &q, &simple));
        }
        for scope in [page_ns, ROOT] {
            if let Some(f) = pick(key_of(&mut key, scope, &simple)) {
                return Some(f);
            }
        }
        let lower = simple.to_ascii_lowercase();
        let types = self.type_names.get(&lower).map(|s| s.len()).unwrap_or(0);
        let enums = self.enum_names.get(&lower).map(|s| s.len()).unwrap_or(0);
        let unique_type = self.type_names.get(&lower).filter(|_| types == 1).and_then(|s| s.iter().next());
        let unique_enum = self.enum_names.get(&lower).filter(|_| enums == 1).and_then(|s| s.iter().next());
        match (unique_type, unique_enum) {
            (Some(t), Some(e)) => pick(if prefer_enum { e } else { t }),
            (Some(k), None) | (None, Some(k)) if types + enums == 1 => pick(k),
            _ => None,
        }
    }

    /// Only complex types / entities (base types, operation resources).
    pub(crate) fn lookup_type(&self, ns: &Namespaces, name: &str, page_ns: &str) -> Option<TypeId> {
        match self.lookup(ns, name, page_ns, false) {
            Some(Found::Type(id)) => Some(id),
            _ => None,
        }
    }

    /// The page a link points to, if it is a page of this version.
    fn target(&self, link: &str) -> Option<&'a PageFacts> {
        let l = link.trim();
        if l.is_empty() || l.contains("://") {
            return None;
        }
        self.pages_by_stem.get(&stem(l)).copied()
    }

    /// Resolves a named reference (link text + optional target).
    pub(crate) fn lookup_named(&self, ns: &Namespaces, name: &str, link: Option<&str>, page_ns: &str) -> Option<Found> {
        let target = link.and_then(|l| self.target(l));
        let target_is_enum = target.is_some_and(|t| t.kind == Some(PageKind::Enum));
        if let Some(f) = clean_name(name).and_then(|n| self.lookup(ns, &n, page_ns, target_is_enum)) {
            return Some(f);
        }
        // The text names nothing: let the target page say what it documents.
        let t = target?;
        let t_ns = ns.of_page(t);
        match t.kind {
            Some(PageKind::Enum) => {
                let cleaned = clean_name(name).unwrap_or_default();
                let only = match t.enums.as_slice() {
                    [only] => Some(only),
                    _ => None,
                };
                let e = t.enums.iter().find(|e| e.name.eq_ignore_ascii_case(&cleaned)).or(only)?;
                let n = clean_name(&e.name)?;
                match self.lookup(ns, &n, &t_ns, true) {
                    Some(f @ Found::Enum(_)) => Some(f),
                    _ => None,
                }
            }
            Some(PageKind::Resource) => {
                let n = clean_name(&t.resource_name.as_ref()?.value)?;
                self.lookup_type(ns, &n, &t_ns).map(Found::Type)
            }
            _ => None,
        }
    }

    /// A Type cell -> a `TypeRef`, reporting what cannot be resolved at `span`.
    /// `prose_enum` replaces the innermost name (set by `enums` for rows whose values make an
    /// enum of their own).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn resolve(
        &self,
        ns: &Namespaces,
        expr: &TypeExpr,
        raw: &str,
        page_ns: &str,
        prose_enum: Option<&TypeId>,
        span: &Span,
        diags: &mut Vec<Diagnostic>,
    ) -> TypeRef {
        if let (Some(id), false) = (prose_enum, matches!(expr, TypeExpr::Collection(_))) {
            return TypeRef::Enum(id.clone());
        }
        // `Edm.String`, `[String](…)`: a primitive the parser saw as a name.
        let primitive = match expr {
            TypeExpr::Named { name, .. } => clean_name(name).and_then(|n| primitive_of(ns.split(&n).1.as_str())),
            _ => None,
        };
        if let Some(p) = primitive {
            return TypeRef::Primitive(p);
        }
        match expr {
            TypeExpr::Collection(inner) => {
                TypeRef::Collection(Box::new(self.resolve(ns, inner, raw, page_ns, prose_enum, span, diags)))
            }
            TypeExpr::Primitive(p) => TypeRef::Primitive(*p),
            TypeExpr::Named { name, link } => {
                match self.lookup_named(ns, name, link.as_deref(), page_ns) {
                    Some(Found::Type(id)) => TypeRef::Complex(id),
                    Some(Found::Enum(id)) => TypeRef::Enum(id),
                    None => match (clean_name(name), link) {
                        (Some(n), Some(_)) => {
                            // A link to a page this version does not describe: an opaque type (`finish`).
                            let (q, simple) = ns.split(&n);
                            TypeRef::Complex(TypeId::new(q.as_deref().unwrap_or(page_ns), &simple))
                        }
                        (Some(n), None) => {
                            diags.push(Diagnostic::new(
                            Code::UnknownType,
                            span.clone(),
                            format!("type `{n}` is not described anywhere in this version and has no values; the property keeps raw JSON"),
                        ));
                            TypeRef::Unknown(n)
                        }
                        (None, _) => unparsed(raw, span, diags),
                    },
                }
            }
            TypeExpr::AnonymousEnum => {
                // `enums` gives every anonymous enum a name; reaching here means it had no owner.
                diags.push(Diagnostic::new(
                    Code::UnknownType,
                    span.clone(),
                    format!(
                        "`{}` names no enum and the row has no owner type; the property keeps raw JSON",
                        raw.trim()
                    ),
                ));
                TypeRef::Unknown(raw.trim().to_string())
            }
            TypeExpr::Unparsed => unparsed(raw, span, diags),
        }
    }
}

fn unparsed(raw: &str, span: &Span, diags: &mut Vec<Diagnostic>) -> TypeRef {
    diags.push(Diagnostic::new(
        Code::UnparsedTypeCell,
        span.clone(),
        format!("Type cell `{}` could not be read as a type; the property keeps raw JSON", raw.trim()),
    ));
    TypeRef::Unknown(raw.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::EnumFacts;

    #[test]
    fn key_of_is_the_type_ids_key() {
        let mut buf = String::from("left over");
        for (ns, name) in [("microsoft.graph", "Group"), ("microsoft.graph.callRecords", "session"), ("", "x")] {
            assert_eq!(key_of(&mut buf, ns, name), TypeId::new(ns, name).key());
        }
    }

    #[test]
    fn lookup_order() {
        let ns = Namespaces::default();
        let mut ix = Index::default();
        ix.add_type(TypeId::new("microsoft.graph", "group"));
        ix.add_type(TypeId::new("microsoft.graph.callRecords", "session"));
        ix.add_type(TypeId::new("microsoft.graph.callRecords", "segment"));
        ix.add_type(TypeId::new("microsoft.graph", "segment"));
        ix.add_enum(TypeId::new("microsoft.graph", "connectorStatus"));
        let cases: [(&str, &str, Option<Found>); 7] = [
            ("group", "microsoft.graph.callRecords", Some(Found::Type(TypeId::new("microsoft.graph", "group")))),
            ("GROUP", "microsoft.graph", Some(Found::Type(TypeId::new("microsoft.graph", "group")))),
            ("session", "microsoft.graph", Some(Found::Type(TypeId::new("microsoft.graph.callRecords", "session")))),
            (
                "segment",
                "microsoft.graph.callRecords",
                Some(Found::Type(TypeId::new("microsoft.graph.callRecords", "segment"))),
            ),
            ("segment", "microsoft.graph", Some(Found::Type(TypeId::new("microsoft.graph", "segment")))),
            (
                "connectorStatus",
                "microsoft.graph",
                Some(Found::Enum(TypeId::new("microsoft.graph", "connectorStatus"))),
            ),
            ("nothing", "microsoft.graph", None),
        ];
        for (name, page_ns, want) in cases {
            assert_eq!(ix.lookup(&ns, name, page_ns, false), want, "{name} in {page_ns}");
        }
    }

    #[test]
    fn link_target_decides_when_text_names_nothing() {
        let ns = Namespaces::default();
        let enum_page = PageFacts {
            path: "beta/resources/printcolormode.md".into(),
            kind: Some(PageKind::Enum),
            enums: vec![EnumFacts {
                name: "printColorMode".into(),
                line: 5,
                description: String::new(),
                members: vec![],
                flags: false,
            }],
            ..Default::default()
        };
        let pages = [&enum_page];
        let mut ix = Index::new(&pages);
        ix.add_enum(TypeId::new("microsoft.graph", "printColorMode"));
        let f = ix.lookup_named(&ns, "colorMode", Some("../resources/printcolormode.md"), "microsoft.graph");
        assert_eq!(f, Some(Found::Enum(TypeId::new("microsoft.graph", "printColorMode"))));
        assert_eq!(ix.lookup_named(&ns, "colorMode", None, "microsoft.graph"), None);
    }

    #[test]
    fn unresolved_bare_name_is_unknown_and_reported() {
        let ns = Namespaces::default();
        let ix = Index::default();
        let span = Span::line("v1.0/api/group-update.md", 21);
        let mut diags = Vec::new();
        let expr = TypeExpr::Named { name: "groupAccessType".into(), link: None };
        let t = ix.resolve(&ns, &expr, "groupAccessType", ROOT, None, &span, &mut diags);
        assert_eq!(t, TypeRef::Unknown("groupAccessType".into()));
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, Code::UnknownType);
        assert_eq!(diags[0].span.line, 21);
        // A link instead: a reference to an undescribed type, no diagnostic here.
        let mut diags = Vec::new();
        let expr = TypeExpr::Named { name: "configuration".into(), link: Some("../resources/configuration.md".into()) };
        let t = ix.resolve(&ns, &expr, "x", ROOT, None, &span, &mut diags);
        assert_eq!(t, TypeRef::Complex(TypeId::new(ROOT, "configuration")));
        assert!(diags.is_empty());
    }
}
