//! names: every Rust identifier of the generated crate is made here, with collision checks.
//!
//! Two layers:
//! * [`to_ident`] turns one Graph-side name into a Rust identifier of a given [`Case`]
//!   (heck casing plus the rules below); it is a pure function of the text.
//! * [`NameMap`] applies it to a whole [`Schema`] in one pass and resolves collisions, so that
//!   emitters only look names up and never build identifiers themselves.
//!
//! Rules, in the order they are applied:
//! 1. ASCII letters and digits are kept; every other ASCII character (`@ . - space _ / ...`) is
//!    a word separator; a non-ASCII letter or digit becomes the word `u<hex code point>`
//!    (reported as GD0700 because the reader cannot guess it); other non-ASCII characters
//!    (NBSP, smart quotes, dashes) are separators.
//! 2. heck casing (`UpperCamelCase` for types, variants and builders, `snake_case` for
//!    fields, methods, parameters and modules).
//! 3. Nothing left -> `Empty` / `empty` (GD0700).
//! 4. A leading digit gets the prefix `N` / `n` (`3dModel` -> `N3dModel`, `n3d_model`).
//! 5. A Rust keyword (strict, reserved or edition-2018+) gets the suffix `_` (`type` ->
//!    `type_`, `Self` -> `Self_`). One rule for all keywords, because `self`, `Self`, `crate`
//!    and `super` cannot be raw identifiers.
//! 6. Collisions inside one scope (fields of a struct, variants of an enum, types of a module,
//!    methods of a builder, parameters of a constructor): the items are visited in a
//!    deterministic order ([`collision_order`]: plain lowerCamel wire names such as `id` or
//!    `displayName` before other spellings such as `Id`, `display-name`, `@odata.type`, then
//!    by wire name; document order for builder methods and path parameters), the first keeps
//!    the name, later ones get the numeric suffix `_2`, `_3`, ...
//!    (`2`, `3`, ... for UpperCamel names), reported as GD0701. Names the generated code
//!    reserves (`odata_type`, `additional_properties`, `Other`, `new`, `body`, `to_json`, `clone`,
//!    `base`, the modules `types`, `enums`, `requests`, and for types and builders the std
//!    prelude names of [`PRELUDE`]) are taken before any item is visited.

use crate::diagnostics::{Code, Diagnostic, Span};
use crate::schema::{Method, PathPiece, Property, Schema, TypeDef, TypeKind};
use heck::{ToSnakeCase, ToUpperCamelCase};
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// The casing of an identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// Types, enum variants, builders.
    UpperCamel,
    /// Fields, methods, parameters, modules.
    Snake,
}

/// A Rust identifier made from a Graph name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    /// True when information was lost (non-ASCII letters spelled as code points, or nothing
    /// usable left): the caller reports GD0700.
    pub lossy: bool,
}

/// Strict, reserved and edition-2018+ keywords, plus `gen` (reserved in edition 2024), so the
/// output stays valid when the generated crate moves editions.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn", "else",
    "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod",
    "move", "mut", "override", "priv", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait",
    "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Field names every generated struct declares itself.
pub const RESERVED_FIELDS: &[&str] = &["odata_type", "additional_properties"];
/// The catch-all variant of every generated enum.
pub const RESERVED_VARIANTS: &[&str] = &["Other"];
/// Methods every PATCH builder declares itself, and `clone` (a setter of that name would
/// shadow the derived `Clone::clone` in method calls).
pub const RESERVED_BUILDER_METHODS: &[&str] = &["new", "body", "to_json", "clone"];
/// The first parameter of every request constructor.
pub const RESERVED_PARAMS: &[&str] = &["base"];
/// Modules every version / namespace module declares itself.
pub const RESERVED_MODULES: &[&str] = &["types", "enums", "requests"];
/// The std prelude items the generated code names by their short name (`Option<String>`
/// rather than `::std::option::Option<::std::string::String>`: a third of the text of a field
/// type, easier to review, and fewer path segments to build and print). A generated type or
/// builder of the same name would shadow the prelude item in its module (and in every user
/// module that glob-imports `graph_models::v1_0::*`), so these names are taken in the type and
/// builder scopes before any item is named: a Graph type `result` becomes `Result2`, reported
/// as GD0701. The constants of `emit::ast` that spell them are checked against this list.
pub const PRELUDE: &[&str] = &["Option", "Some", "None", "String", "Vec", "Box", "Result", "Default", "From", "Into"];

/// The namespace whose types live directly in the version module.
pub const ROOT_NAMESPACE: &str = "microsoft.graph";

/// Makes a Rust identifier of `case` from a Graph-side name (rules 1-5 of the module doc).
pub fn to_ident(raw: &str, case: Case) -> Ident {
    if case == Case::Snake && is_lower_words(raw) {
        return finish_ident(raw.replace(' ', "_"), false, case);
    }
    if is_simple_camel(raw) {
        return finish_ident(simple_camel(raw, case), false, case);
    }
    let mut words = String::with_capacity(raw.len());
    let mut lossy = false;
    for c in raw.chars() {
        if c.is_ascii_alphanumeric() {
            words.push(c);
        } else if c.is_ascii() || !c.is_alphanumeric() {
            words.push(' ');
        } else {
            lossy = true;
            words.push_str(&format!(" u{:x} ", u32::from(c)));
        }
    }
    let name = match case {
        Case::UpperCamel => words.to_upper_camel_case(),
        Case::Snake => words.to_snake_case(),
    };
    finish_ident(name, lossy, case)
}

/// Lowercase ASCII words (`clear_display_name`, `users messages`) separated by one `_` or
/// space, none at either end: heck's snake case of such a name is the name with spaces made
/// `_`, so [`to_ident`] skips heck's per-character pass for them (builder method names such as
/// `clear_…`, request paths). A test compares both ways.
fn is_lower_words(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    let separator = |b: u8| b == b'_' || b == b' ';
    !bytes.is_empty()
        && bytes.iter().all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || separator(b))
        && !separator(bytes[0])
        && !separator(bytes[bytes.len() - 1])
        && !bytes.windows(2).any(|w| separator(w[0]) && separator(w[1]))
}

/// ASCII letters in lowerCamel or UpperCamel words (`displayName`, `Group`, `isAssignableToRole`):
/// no digit, no separator, no two capitals in a row, not ending in a capital. Most Graph names
/// are this; for them heck's word splitting is "a capital starts a word", so [`simple_camel`]
/// cases them in one pass (a test compares it with heck).
fn is_simple_camel(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    !bytes.is_empty()
        && bytes.iter().all(u8::is_ascii_alphabetic)
        && !bytes.windows(2).any(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_uppercase())
        && !bytes[bytes.len() - 1].is_ascii_uppercase()
}

/// `raw` (see [`is_simple_camel`]) in `case`: snake puts `_` before each inner capital and
/// lowercases; upper camel capitalises the first letter.
fn simple_camel(raw: &str, case: Case) -> String {
    let mut out = String::with_capacity(raw.len() + 4);
    for (i, b) in raw.bytes().enumerate() {
        match case {
            Case::Snake => {
                if i > 0 && b.is_ascii_uppercase() {
                    out.push('_');
                }
                out.push(char::from(b.to_ascii_lowercase()));
            }
            Case::UpperCamel => out.push(char::from(if i == 0 { b.to_ascii_uppercase() } else { b })),
        }
    }
    out
}

/// Rules 3-5 on a cased name: never empty, no leading digit, no keyword.
fn finish_ident(mut name: String, mut lossy: bool, case: Case) -> Ident {
    if name.is_empty() {
        lossy = true;
        name = match case {
            Case::UpperCamel => "Empty".to_string(),
            Case::Snake => "empty".to_string(),
        };
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, if case == Case::UpperCamel { 'N' } else { 'n' });
    }
    if KEYWORDS.contains(&name.as_str()) {
        name.push('_');
    }
    Ident { name, lossy }
}

/// The module of a namespace relative to the version module: `None` for `microsoft.graph`,
/// `callRecords` for `microsoft.graph.callRecords`, the whole name for foreign namespaces.
fn namespace_tail(namespace: &str) -> Option<&str> {
    if namespace.eq_ignore_ascii_case(ROOT_NAMESPACE) || namespace.is_empty() {
        return None;
    }
    let prefix_len = ROOT_NAMESPACE.len() + 1;
    match namespace.get(..prefix_len) {
        Some(p) if p.eq_ignore_ascii_case("microsoft.graph.") => namespace.get(prefix_len..),
        _ => Some(namespace),
    }
}

/// The order in which names of one scope are claimed: Graph's canonical lowerCamel spelling
/// (`id`, `displayName`) first, so that a stray `Id` or `display-name` is the one renamed; then
/// the wire name, so that the result does not depend on table order.
pub fn collision_order(wire: &str) -> (bool, &str) {
    let canonical =
        wire.starts_with(|c: char| c.is_ascii_lowercase()) && wire.chars().all(|c| c.is_ascii_alphanumeric());
    (!canonical, wire)
}

/// One scope of names (a struct's fields, a module's types, ...): hands out unique names.
#[derive(Debug)]
pub struct Scope {
    case: Case,
    taken: BTreeSet<String>,
    /// The names taken before any item (for the message of a collision with one).
    reserved: Vec<String>,
}

impl Scope {
    pub fn new(case: Case, reserved: &[&str]) -> Scope {
        let reserved: Vec<String> = reserved.iter().map(|s| s.to_string()).collect();
        Scope { case, taken: reserved.iter().cloned().collect(), reserved }
    }
    /// Returns `wanted` if free, else the first free `wanted_N` / `wantedN` (N from 2), and
    /// whether it had to be renamed.
    pub fn claim(&mut self, wanted: &str) -> (String, bool) {
        if self.taken.insert(wanted.to_string()) {
            return (wanted.to_string(), false);
        }
        // `type_` + 2 -> `type_2`, not `type__2` (which the casing lints reject).
        let stem = wanted.trim_end_matches('_');
        let mut n = 2u32;
        loop {
            let candidate = match self.case {
                Case::UpperCamel => format!("{stem}{n}"),
                Case::Snake => format!("{stem}_{n}"),
            };
            if self.taken.insert(candidate.clone()) {
                return (candidate, true);
            }
            n += 1;
        }
    }
}

/// The kinds of names whose adjustment is reported (GD0703): names from docs tables, which a
/// reader looks up by their wire spelling. Operation titles, request paths and `{x-id}` path
/// parameters are prose or templates that always need adjusting; a note on each says nothing.
const ADJUSTMENTS_REPORTED: &[&str] = &["property", "body field", "enum member"];

/// Why `ident` is more than the casing of `raw` (rules 1, 4 and 5), for GD0703; `None` for
/// plain names and for lossy ones (already GD0700).
fn adjustment(raw: &str, ident: &Ident) -> Option<&'static str> {
    if ident.lossy {
        None
    } else if ident.name.strip_suffix('_').is_some_and(|stem| KEYWORDS.contains(&stem)) {
        Some("is a Rust keyword")
    } else if raw.starts_with(|c: char| c.is_ascii_digit()) {
        Some("starts with a digit")
    } else if !raw.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Some("holds characters a Rust identifier cannot")
    } else {
        None
    }
}

/// Claims a name for `raw` in `scope`, reporting renames.
fn claim(scope: &mut Scope, raw: &str, what: &str, span: &Span, diags: &mut Vec<Diagnostic>) -> String {
    let ident = to_ident(raw, scope.case);
    claim_ident(scope, raw, &ident, what, span, diags)
}

/// [`to_ident`] of names met again and again while one schema is named, each made once (it
/// is a pure function of the text).
struct Cased<'a> {
    snake: HashMap<&'a str, Ident>,
    upper: HashMap<&'a str, Ident>,
}

impl<'a> Cased<'a> {
    fn get(&mut self, raw: &'a str, case: Case) -> &Ident {
        let map = match case {
            Case::Snake => &mut self.snake,
            Case::UpperCamel => &mut self.upper,
        };
        map.entry(raw).or_insert_with(|| to_ident(raw, case))
    }
}

/// [`claim`] with `to_ident(raw, scope.case)` already made.
fn claim_ident(
    scope: &mut Scope,
    raw: &str,
    ident: &Ident,
    what: &str,
    span: &Span,
    diags: &mut Vec<Diagnostic>,
) -> String {
    if ident.lossy {
        diags.push(Diagnostic::new(
            Code::IdentifierRenamed,
            span.clone(),
            format!("{what} `{raw}` is empty or has non-ASCII letters; it is named `{}`", ident.name),
        ));
    }
    if let Some(why) = adjustment(raw, ident).filter(|_| ADJUSTMENTS_REPORTED.contains(&what)) {
        diags.push(Diagnostic::new(
            Code::IdentifierAdjusted,
            span.clone(),
            format!("{what} `{raw}` {why}; it is named `{}`", ident.name),
        ));
    }
    let (name, renamed) = scope.claim(&ident.name);
    if renamed {
        diags.push(Diagnostic::new(
            Code::NameCollision,
            span.clone(),
            if scope.reserved.contains(&ident.name) {
                format!(
                    "{what} `{raw}` maps to `{}`, a name the generated code reserves; it is named `{name}`",
                    ident.name
                )
            } else {
                format!("{what} `{raw}` maps to `{}`, which is already taken; it is named `{name}`", ident.name)
            },
        ));
    }
    name
}

/// Where a generated type lives and what it is called.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeName {
    /// Module under the version module; `None` for the root namespace.
    pub module: Option<String>,
    pub name: String,
}

/// The names of one PATCH builder.
#[derive(Clone, Debug, Default)]
pub struct BuilderNames {
    pub name: String,
    /// Per body field (same order as `Operation::body`): setter and `clear_` method.
    pub setters: Vec<(String, String)>,
    /// Per path (same order as `Operation::paths`): constructor name and parameter names.
    pub constructors: Vec<(String, Vec<String>)>,
}

/// Every Rust name of one schema, decided once before emitting.
#[derive(Clone, Debug, Default)]
pub struct NameMap {
    /// `v1_0` / `beta`.
    pub version_module: String,
    /// Lower-cased namespace -> its module (`None` for the root namespace).
    pub modules: BTreeMap<String, Option<String>>,
    /// Type or enum key -> its name.
    pub types: BTreeMap<String, TypeName>,
    /// Struct key -> wire name -> field name.
    pub fields: BTreeMap<String, BTreeMap<String, String>>,
    /// Enum key -> (wire value, variant) in member order, duplicates removed.
    pub variants: BTreeMap<String, Vec<(String, String)>>,
    /// Index into `Schema::operations` -> builder names (PATCH operations only).
    pub builders: BTreeMap<usize, BuilderNames>,
    /// Base type key -> its polymorphic enum; filled by `emit::polymorphic::name_enums`.
    pub polymorphic: BTreeMap<String, PolyName>,
    /// Lower-cased resource page (`v1.0/resources/group.md`) -> (intra-doc path of the struct
    /// described there, its cargo feature group); filled by `emit::links::name_doc_links`.
    pub doc_links: BTreeMap<String, (String, String)>,
    /// Struct key -> (its intra-doc path, its cargo feature group) (same source).
    pub struct_links: BTreeMap<String, (String, String)>,
}

/// The polymorphic enum of a base type (DESIGN.md "Polymorphism").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolyName {
    /// Same module as the base struct.
    pub enum_name: TypeName,
    /// One per derived type, sorted by key; the catch-all `Other` is implicit.
    pub variants: Vec<PolyVariant>,
}

/// A variant of a polymorphic enum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolyVariant {
    /// The derived type's key.
    pub key: String,
    pub name: String,
    /// The cargo feature gating the derived struct, when the enum's own group does not
    /// compile it: the variant exists only with that feature (objects of that type land in
    /// `Other` without it).
    pub feature: Option<String>,
}

fn first_span(sources: &[Span]) -> Span {
    sources.first().cloned().unwrap_or_else(|| Span::line("", 1))
}

impl NameMap {
    /// Names everything in `schema`; collisions are resolved and reported.
    pub fn build(schema: &Schema) -> (NameMap, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut map = NameMap { version_module: schema.version.module().to_string(), ..Default::default() };

        // Modules: one per case-insensitive namespace, named after the first spelling (sorted).
        let mut namespaces: BTreeMap<String, (String, Span)> = BTreeMap::new();
        let mut ids: Vec<(&str, Span)> = Vec::new();
        for t in schema.types.values() {
            ids.push((&t.id.0, first_span(&t.sources)));
        }
        for e in schema.enums.values() {
            ids.push((&e.id.0, first_span(&e.sources)));
        }
        // Sorted by (collision order of the type name, id, span); the order key is made once
        // per id (`TypeId::name` without building a `TypeId`), not once per comparison.
        fn name(id: &str) -> &str {
            id.rsplit_once('.').map_or(id, |(_, n)| n)
        }
        let mut ids: Vec<((bool, &str), &str, Span)> =
            ids.into_iter().map(|(id, span)| (collision_order(name(id)), id, span)).collect();
        ids.sort();
        for (_, id, span) in &ids {
            let ns = crate::schema::TypeId(id.to_string()).namespace().to_string();
            namespaces.entry(ns.to_ascii_lowercase()).or_insert((ns, span.clone()));
        }
        let mut module_scope = Scope::new(Case::Snake, RESERVED_MODULES);
        for (key, (ns, span)) in &namespaces {
            let module = namespace_tail(ns).map(|tail| claim(&mut module_scope, tail, "namespace", span, &mut diags));
            map.modules.insert(key.clone(), module);
        }

        // Types and enums share one scope per module; visited by id so table order is irrelevant.
        let mut type_scopes: BTreeMap<Option<String>, Scope> = BTreeMap::new();
        for (_, id, span) in &ids {
            let tid = crate::schema::TypeId(id.to_string());
            let module = map.modules.get(&tid.namespace().to_ascii_lowercase()).cloned().flatten();
            let scope = type_scopes.entry(module.clone()).or_insert_with(|| Scope::new(Case::UpperCamel, PRELUDE));
            let name = claim(scope, tid.name(), "type", span, &mut diags);
            map.types.insert(tid.key(), TypeName { module, name });
        }

        // Inherited properties are named again in every derived struct: the casing of each
        // wire name is made once, then each struct's fields are named in parallel (its own
        // scope; results and diagnostics kept in type order). This runs before any of the
        // version's items can be emitted.
        use rayon::prelude::*;
        let structs: Vec<&TypeDef> = schema.types.values().filter(|t| t.kind != TypeKind::Opaque).collect();
        let wires: BTreeSet<&str> =
            structs.iter().flat_map(|t| t.properties.iter().map(|p| p.wire_name.as_str())).collect();
        let field_idents: HashMap<&str, Ident> = wires.into_par_iter().map(|w| (w, to_ident(w, Case::Snake))).collect();
        let named: Vec<(String, BTreeMap<String, String>, Vec<Diagnostic>)> = structs
            .par_iter()
            .map(|t| {
                let mut d = Vec::new();
                let fields = Self::name_fields(schema, t, &field_idents, &mut d);
                (t.id.key(), fields, d)
            })
            .collect();
        for (key, fields, d) in named {
            map.fields.insert(key, fields);
            diags.extend(d);
        }
        // Enum members and body fields repeat across enums and builders (`unknownFutureValue`,
        // `displayName`): each spelling is cased once, starting from the field names above.
        let mut cased = Cased { snake: field_idents, upper: HashMap::default() };

        for e in schema.enums.values() {
            let mut scope = Scope::new(Case::UpperCamel, RESERVED_VARIANTS);
            let mut seen = BTreeSet::new();
            let mut members: Vec<&crate::schema::EnumMember> = Vec::new();
            for m in &e.members {
                if seen.insert(m.wire_name.as_str()) {
                    members.push(m);
                } else {
                    diags.push(Diagnostic::new(
                        Code::NameCollision,
                        first_span(&e.sources),
                        format!("enum `{}` lists the member `{}` twice; it was generated once", e.id, m.wire_name),
                    ));
                }
            }
            let mut sorted = members.clone();
            sorted.sort_by_cached_key(|m| {
                let m: &crate::schema::EnumMember = m;
                collision_order(&m.wire_name)
            });
            let mut by_wire = BTreeMap::new();
            for m in sorted {
                let ident = cased.get(&m.wire_name, Case::UpperCamel);
                let v =
                    claim_ident(&mut scope, &m.wire_name, ident, "enum member", &first_span(&e.sources), &mut diags);
                by_wire.insert(m.wire_name.as_str(), v);
            }
            let variants = members
                .iter()
                .filter_map(|m| by_wire.get(m.wire_name.as_str()).map(|v| (m.wire_name.clone(), v.clone())))
                .collect();
            map.variants.insert(e.id.key(), variants);
        }

        let mut builder_scope = Scope::new(Case::UpperCamel, PRELUDE);
        for (index, op) in schema.operations.iter().enumerate() {
            if op.method != Method::Patch {
                continue;
            }
            map.builders.insert(index, Self::name_builder(op, &mut builder_scope, &mut cased, &mut diags));
        }
        (map, diags)
    }

    fn name_fields<'a>(
        schema: &'a Schema,
        t: &'a TypeDef,
        idents: &HashMap<&'a str, Ident>,
        diags: &mut Vec<Diagnostic>,
    ) -> BTreeMap<String, String> {
        let mut scope = Scope::new(Case::Snake, RESERVED_FIELDS);
        let mut props = schema.all_properties(t);
        // The key of each property once, not once per comparison (stable, like `sort_by`).
        props.sort_by_cached_key(|p| {
            let p: &'a Property = p;
            collision_order(&p.wire_name)
        });
        props
            .into_iter()
            .map(|p| {
                let wire = p.wire_name.as_str();
                let made;
                let ident = match idents.get(wire) {
                    Some(i) => i,
                    None => {
                        made = to_ident(wire, Case::Snake);
                        &made
                    }
                };
                (p.wire_name.clone(), claim_ident(&mut scope, wire, ident, "property", &p.source, diags))
            })
            .collect()
    }

    fn name_builder<'a>(
        op: &'a crate::schema::Operation,
        scope: &mut Scope,
        cased: &mut Cased<'a>,
        diags: &mut Vec<Diagnostic>,
    ) -> BuilderNames {
        let title = if to_ident(&op.title, Case::UpperCamel).lossy {
            // No usable title: the page file name (`group-update.md`) says what it is.
            op.page.rsplit('/').next().unwrap_or(&op.page).trim_end_matches(".md").to_string()
        } else {
            op.title.clone()
        };
        let name = claim(scope, &title, "operation", &op.source, diags);
        let mut methods = Scope::new(Case::Snake, RESERVED_BUILDER_METHODS);
        let mut setters = Vec::new();
        for f in &op.body {
            let ident = cased.get(&f.wire_name, Case::Snake);
            let set = claim_ident(&mut methods, &f.wire_name, ident, "body field", &f.source, diags);
            let clear = claim(&mut methods, &format!("clear_{set}"), "body field", &f.source, diags);
            setters.push((set, clear));
        }
        let mut constructors = Vec::new();
        for path in &op.paths {
            let literals: Vec<&str> = path
                .pieces
                .iter()
                .filter_map(|p| match p {
                    PathPiece::Literal(l) => Some(l.as_str()),
                    PathPiece::Param(_) => None,
                })
                .collect();
            let joined = literals.join(" ");
            let wanted = if to_ident(&joined, Case::Snake).lossy { "request".to_string() } else { joined };
            let ctor = claim(&mut methods, &wanted, "request path", &op.source, diags);
            let mut params = Scope::new(Case::Snake, RESERVED_PARAMS);
            let names = path
                .pieces
                .iter()
                .filter_map(|p| match p {
                    PathPiece::Param(param) => {
                        let first = param.names.first().map(String::as_str).unwrap_or(param.raw.as_str());
                        Some(claim(&mut params, first, "path parameter", &op.source, diags))
                    }
                    PathPiece::Literal(_) => None,
                })
                .collect();
            constructors.push((ctor, names));
        }
        BuilderNames { name, setters, constructors }
    }

    /// The name of a struct or enum (`None` for a key the schema does not hold).
    pub fn type_name(&self, key: &str) -> Option<&TypeName> {
        self.types.get(key)
    }

    /// The field name of `wire` in struct `type_key`.
    pub fn field(&self, type_key: &str, wire: &str) -> Option<&str> {
        self.fields.get(type_key).and_then(|f| f.get(wire)).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Span;
    use crate::schema::{ApiVersion, Primitive, Property, TypeId, TypeRef};

    #[test]
    fn adjustments_are_reported_with_their_reason() {
        // (raw, case, reason or None)
        let cases: &[(&str, Case, Option<&str>)] = &[
            ("displayName", Case::Snake, None),
            ("DisplayName", Case::Snake, None),
            ("display_name", Case::Snake, None),
            ("type", Case::Snake, Some("is a Rust keyword")),
            ("Self", Case::UpperCamel, Some("is a Rust keyword")),
            ("self", Case::Snake, Some("is a Rust keyword")),
            ("1stPlace", Case::Snake, Some("starts with a digit")),
            ("42", Case::UpperCamel, Some("starts with a digit")),
            ("@odata.etag", Case::Snake, Some("holds characters a Rust identifier cannot")),
            ("with space", Case::Snake, Some("holds characters a Rust identifier cannot")),
            ("r#type", Case::Snake, Some("holds characters a Rust identifier cannot")),
            // Lossy names are GD0700 already.
            ("größe", Case::Snake, None),
            ("__", Case::Snake, None),
        ];
        for (raw, case, want) in cases {
            assert_eq!(adjustment(raw, &to_ident(raw, *case)), *want, "{raw}");
        }
    }

    #[test]
    fn single_names() {
        let cases: &[(&str, Case, &str, bool)] = &[
            ("displayName", Case::Snake, "display_name", false),
            ("displayName", Case::UpperCamel, "DisplayName", false),
            ("@odata.type", Case::Snake, "odata_type", false),
            ("@microsoft.graph.conflictBehavior", Case::Snake, "microsoft_graph_conflict_behavior", false),
            ("display-name", Case::Snake, "display_name", false),
            ("JIS B4", Case::UpperCamel, "JisB4", false),
            ("type", Case::Snake, "type_", false),
            ("self", Case::Snake, "self_", false),
            ("Self", Case::UpperCamel, "Self_", false),
            ("self", Case::UpperCamel, "Self_", false),
            ("crate", Case::Snake, "crate_", false),
            ("super", Case::Snake, "super_", false),
            ("match", Case::Snake, "match_", false),
            ("fn", Case::Snake, "fn_", false),
            ("async", Case::Snake, "async_", false),
            ("gen", Case::Snake, "gen_", false),
            ("3dModel", Case::Snake, "n3d_model", false),
            ("3dModel", Case::UpperCamel, "N3dModel", false),
            ("24Hours", Case::UpperCamel, "N24hours", false),
            ("café", Case::Snake, "caf_ue9", true),
            ("naïve\u{a0}name", Case::UpperCamel, "NaUefVeName", true),
            ("", Case::Snake, "empty", true),
            ("@", Case::UpperCamel, "Empty", true),
            ("Option", Case::UpperCamel, "Option", false),
            ("String", Case::UpperCamel, "String", false),
            ("x\u{2019}s", Case::Snake, "x_s", false),
            ("unknownFutureValue", Case::UpperCamel, "UnknownFutureValue", false),
        ];
        for (raw, case, want, lossy) in cases {
            let got = to_ident(raw, *case);
            assert_eq!((got.name.as_str(), got.lossy), (*want, *lossy), "{raw:?} as {case:?}");
            assert!(syn::parse_str::<syn::Ident>(&got.name).is_ok(), "{} is not an identifier", got.name);
        }
    }

    /// The shortcut for names already in lowercase words gives what heck gives.
    #[test]
    fn lower_words_shortcut_agrees_with_heck() {
        let shortcut = ["clear_display_name", "users messages", "a1b2", "v1_0", "x", "2fa", "type", "me events 9 x"];
        for raw in shortcut {
            assert!(is_lower_words(raw), "{raw}");
            let heck = raw.replace(' ', "_").to_snake_case();
            assert_eq!(to_ident(raw, Case::Snake).name, finish_ident(heck, false, Case::Snake).name, "{raw}");
        }
        for raw in ["", "_a", "a_", "a__b", "a  b", "aB", "a-b", "a.b", "caf\u{e9}"] {
            assert!(!is_lower_words(raw), "{raw}");
        }
    }

    /// The shortcut for plain camel-case names gives what heck gives, in both cases.
    #[test]
    fn simple_camel_shortcut_agrees_with_heck() {
        let shortcut = [
            "displayName",
            "Group",
            "group",
            "isAssignableToRole",
            "aBc",
            "x",
            "type",
            "self",
            "onPremisesSyncEnabled",
        ];
        for raw in shortcut {
            assert!(is_simple_camel(raw), "{raw}");
            for case in [Case::Snake, Case::UpperCamel] {
                let heck = match case {
                    Case::Snake => raw.to_snake_case(),
                    Case::UpperCamel => raw.to_upper_camel_case(),
                };
                assert_eq!(simple_camel(raw, case), heck, "{raw} as {case:?}");
            }
        }
        for raw in ["", "aB", "HTMLParser", "aBC", "a1", "a_b", "a b", "caf\u{e9}", "URL", "X"] {
            assert!(!is_simple_camel(raw), "{raw}");
        }
    }

    #[test]
    fn namespaces() {
        let cases: &[(&str, Option<&str>)] = &[
            ("microsoft.graph", None),
            ("Microsoft.Graph", None),
            ("microsoft.graph.callRecords", Some("callRecords")),
            ("microsoft.graph.security", Some("security")),
            ("graph.other", Some("graph.other")),
        ];
        for (ns, want) in cases {
            assert_eq!(namespace_tail(ns), *want, "{ns}");
        }
    }

    #[test]
    fn scope_suffixes() {
        let mut s = Scope::new(Case::Snake, RESERVED_FIELDS);
        assert_eq!(s.claim("a"), ("a".to_string(), false));
        assert_eq!(s.claim("a"), ("a_2".to_string(), true));
        assert_eq!(s.claim("a"), ("a_3".to_string(), true));
        assert_eq!(s.claim("odata_type"), ("odata_type_2".to_string(), true));
        assert_eq!(s.claim("type_"), ("type_".to_string(), false));
        assert_eq!(s.claim("type_"), ("type_2".to_string(), true));
        let mut s = Scope::new(Case::UpperCamel, RESERVED_VARIANTS);
        assert_eq!(s.claim("Other"), ("Other2".to_string(), true));
        assert_eq!(s.claim("Self_"), ("Self_".to_string(), false));
        assert_eq!(s.claim("Self_"), ("Self2".to_string(), true));
    }

    fn prop(wire: &str) -> Property {
        Property {
            wire_name: wire.into(),
            ty: TypeRef::Primitive(Primitive::String),
            description: String::new(),
            navigation: false,
            read_only: false,
            nullable: None,
            key: false,
            source: Span::line("beta/resources/x.md", 10),
        }
    }

    #[test]
    fn field_collisions_follow_wire_order_and_are_reported() {
        let mut schema = Schema::new(ApiVersion::Beta);
        let t = TypeDef {
            id: TypeId::new("microsoft.graph", "thing"),
            kind: TypeKind::Complex,
            base: None,
            properties: [
                "display-name",
                "DisplayName",
                "displayName",
                "@odata.type",
                "additionalProperties",
                "type",
                "Id",
                "id",
            ]
            .iter()
            .map(|w| prop(w))
            .collect(),
            description: String::new(),
            workload: None,
            key_property: None,
            open_type: false,
            is_abstract: false,
            sources: vec![],
        };
        schema.types.insert(t.id.key(), t);
        let (map, diags) = NameMap::build(&schema);
        let key = "microsoft.graph.thing";
        let want: &[(&str, &str)] = &[
            ("displayName", "display_name"),
            ("DisplayName", "display_name_2"),
            ("display-name", "display_name_3"),
            ("@odata.type", "odata_type_2"),
            ("additionalProperties", "additional_properties_2"),
            ("type", "type_"),
            ("id", "id"),
            ("Id", "id_2"),
        ];
        for (wire, field) in want {
            assert_eq!(map.field(key, wire), Some(*field), "{wire}");
        }
        assert_eq!(diags.iter().filter(|d| d.code == Code::NameCollision).count(), 5);
    }

    #[test]
    fn type_and_module_collisions() {
        let mut schema = Schema::new(ApiVersion::V1_0);
        for (ns, name) in [
            ("microsoft.graph", "fooBar"),
            ("microsoft.graph", "foo_bar"),
            ("microsoft.graph.callRecords", "session"),
            ("microsoft.graph.types", "x"),
            // Would shadow the std prelude's `Result`, which emit writes unqualified.
            ("microsoft.graph", "result"),
            ("microsoft.graph.callRecords", "option"),
        ] {
            let t = TypeDef::new(TypeId::new(ns, name), TypeKind::Complex);
            schema.types.insert(t.id.key(), t);
        }
        let (map, diags) = NameMap::build(&schema);
        let name = |k: &str| map.type_name(k).cloned();
        assert_eq!(name("microsoft.graph.foobar").map(|t| t.name), Some("FooBar".into()));
        assert_eq!(name("microsoft.graph.foo_bar").map(|t| t.name), Some("FooBar2".into()));
        assert_eq!(name("microsoft.graph.callrecords.session").and_then(|t| t.module), Some("call_records".into()));
        assert_eq!(name("microsoft.graph.types.x").and_then(|t| t.module), Some("types_2".into()));
        assert_eq!(name("microsoft.graph.result").map(|t| t.name), Some("Result2".into()));
        assert_eq!(name("microsoft.graph.callrecords.option").map(|t| t.name), Some("Option2".into()));
        assert_eq!(diags.len(), 4);
    }
}
