//! features: which cargo feature (workload) gates each generated item, and the features block
//! of graph-models' `Cargo.toml`.
//!
//! Every struct, enum and PATCH builder has a home workload: the normalised front matter
//! `ms.prod` of the page that described it ([`workload_name`]), or [`CORE`] without one. Items
//! of [`CORE`] are always compiled (with their version feature); the others only with the
//! feature named after their workload. Feature names are shared by both API versions, so
//! `v1_0` + `groups` compiles v1.0's groups items and nothing of beta.
//!
//! A feature only adds code and never needs another workload's feature: an item referenced
//! from more than one group (or from [`CORE`]) moves to [`CORE`], repeated until nothing moves
//! ([`Grouping::compute`]). So the generated features have no dependencies on each other, no
//! cycles, and a user enables exactly one feature per workload they use.

use crate::schema::{Operation, Schema, TypeKind, TypeRef};
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// The always-compiled group: items without a workload, and items several groups share.
pub const CORE: &str = "core";

/// Feature names graph-models defines by hand or for another purpose; a workload spelled like
/// one of them gets the suffix `-workload` (a cargo feature name must be unique).
const RESERVED_FEATURES: &[&str] = &["default", "full", "v1_0", "beta"];

/// Spelling variants of `ms.prod` in the docs that name the same workload, with the reason.
const WORKLOAD_ALIASES: &[(&str, &str, &str)] = &[
    // (normalised spelling, workload, why)
    ("sharepoint-taxonomy", "taxonomy", "one page spells the taxonomy workload this way"),
];

/// The feature name of a front matter `ms.prod` value: lower case, runs of anything but ASCII
/// letters and digits become one `-`, trimmed; empty -> [`CORE`]. Case and stray spaces vary in
/// the docs (`SharePoint`, `Sharepoint`, `sharepoint`, `people `).
pub fn workload_name(ms_prod: Option<&str>) -> String {
    let raw = ms_prod.unwrap_or("");
    let mut name = String::new();
    for c in raw.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
    }
    while name.ends_with('-') {
        name.pop();
    }
    if name.is_empty() {
        return CORE.to_string();
    }
    if let Some((_, to, _)) = WORKLOAD_ALIASES.iter().find(|(from, _, _)| *from == name) {
        return (*to).to_string();
    }
    // A leading digit is a valid feature name but not a valid module name suffix start; the
    // module is `types_<name>`, so only reserved names need care.
    if RESERVED_FEATURES.contains(&name.as_str()) {
        name.push_str("-workload");
    }
    name
}

/// The module-name form of a group (`cloud-pc` -> `cloud_pc`), used after a `types_` /
/// `enums_` / `requests_` prefix, so it is never a keyword.
pub fn module_suffix(group: &str) -> String {
    group.replace('-', "_")
}

/// The `#[cfg]` of a group's items, if any: [`CORE`] is not gated.
pub fn feature_of(group: &str) -> Option<&str> {
    (group != CORE).then_some(group)
}

/// Whether an item of group `target` is compiled whenever an item of group `from` is (same
/// version): [`CORE`] always is, a workload only with its own feature. The one rule for naming
/// one generated item from another: code may name `target` ungated only then (else the target
/// moves to core, [`Grouping::compute`], or the use is gated, as polymorphic variants are), and
/// docs link to it only then (`emit::links`), so that no feature set breaks the build or
/// `cargo doc`.
pub fn compiled_with(target: &str, from: &str) -> bool {
    target == CORE || target == from
}

/// Where each item of one schema goes. Keys: [`TypeId::key`](crate::schema::TypeId::key) for
/// types and enums, the index into `Schema::operations` for builders.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grouping {
    pub types: BTreeMap<String, String>,
    pub enums: BTreeMap<String, String>,
    pub builders: BTreeMap<usize, String>,
}

/// An item of the reference graph.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Node {
    Type(String),
    Enum(String),
    Builder(usize),
}

/// The structs and enums a type reference names (recursing into collections).
fn refs_of(ty: &TypeRef, schema: &Schema, out: &mut BTreeSet<Node>) {
    match ty {
        TypeRef::Complex(id) => {
            // An opaque type is a `serde_json::Value` alias at the use site: no reference.
            if schema.type_def(id).is_some_and(|t| t.kind != TypeKind::Opaque) {
                out.insert(Node::Type(id.key()));
            }
        }
        TypeRef::Enum(id) => {
            if schema.enum_def(id).is_some() {
                out.insert(Node::Enum(id.key()));
            }
        }
        TypeRef::Collection(inner) => refs_of(inner, schema, out),
        TypeRef::Primitive(_) | TypeRef::Unknown(_) => {}
    }
}

fn builder_refs(op: &Operation, schema: &Schema) -> BTreeSet<Node> {
    let mut out = BTreeSet::new();
    for field in &op.body {
        refs_of(&field.ty, schema, &mut out);
    }
    out
}

impl Grouping {
    /// Groups the items of `schema`; `builders` lists the operation indexes that get a builder.
    pub fn compute(schema: &Schema, builders: impl IntoIterator<Item = usize>) -> Grouping {
        // Looked up once per reference in every pass; its order never shows (the result is
        // sorted maps).
        let mut group: HashMap<Node, String> = HashMap::default();
        let mut edges: Vec<(Node, BTreeSet<Node>)> = Vec::new();
        for (key, t) in &schema.types {
            let node = Node::Type(key.clone());
            group.insert(node.clone(), workload_name(t.workload.as_deref()));
            let mut refs = BTreeSet::new();
            if t.kind != TypeKind::Opaque {
                for p in schema.all_properties(t) {
                    refs_of(&p.ty, schema, &mut refs);
                }
            }
            refs.remove(&node);
            edges.push((node, refs));
        }
        for (key, e) in &schema.enums {
            group.insert(Node::Enum(key.clone()), workload_name(e.workload.as_deref()));
        }
        for index in builders {
            if let Some(op) = schema.operations.get(index) {
                let node = Node::Builder(index);
                group.insert(node.clone(), workload_name(op.workload.as_deref()));
                edges.push((node, builder_refs(op, schema)));
            }
        }
        // Fixed point: a non-core item used from another group moves to core. Items only ever
        // move to core, so this ends after at most one pass per item.
        loop {
            let mut moves = BTreeSet::new();
            for (from, refs) in &edges {
                let Some(from_group) = group.get(from) else { continue };
                for to in refs {
                    match group.get(to) {
                        Some(to_group) if !compiled_with(to_group, from_group) => {
                            moves.insert(to.clone());
                        }
                        _ => {}
                    }
                }
            }
            if moves.is_empty() {
                break;
            }
            for node in moves {
                group.insert(node, CORE.to_string());
            }
        }
        let mut out = Grouping::default();
        for (node, g) in group {
            match node {
                Node::Type(k) => {
                    out.types.insert(k, g);
                }
                Node::Enum(k) => {
                    out.enums.insert(k, g);
                }
                Node::Builder(i) => {
                    out.builders.insert(i, g);
                }
            }
        }
        out
    }

    pub fn type_group(&self, key: &str) -> &str {
        self.types.get(key).map(String::as_str).unwrap_or(CORE)
    }
    pub fn enum_group(&self, key: &str) -> &str {
        self.enums.get(key).map(String::as_str).unwrap_or(CORE)
    }
    pub fn builder_group(&self, index: usize) -> &str {
        self.builders.get(&index).map(String::as_str).unwrap_or(CORE)
    }

    /// The gated groups that hold at least one item.
    pub fn features(&self) -> BTreeSet<&str> {
        self.types
            .values()
            .chain(self.enums.values())
            .chain(self.builders.values())
            .map(String::as_str)
            .filter(|g| *g != CORE)
            .collect()
    }
}

/// The generated lines of graph-models' `Cargo.toml` features block: the version features,
/// `full` (every workload), and one dependency-free feature per workload, sorted.
pub fn features_block(versions: &[&str], workloads: &BTreeSet<&str>) -> String {
    let mut out = String::new();
    for v in versions {
        out.push_str(&format!("{v} = []\n"));
    }
    let all: Vec<String> = workloads.iter().map(|w| format!("\"{w}\"")).collect();
    out.push_str("# Every workload; with `v1_0` and/or `beta`, the whole generated API.\n");
    out.push_str(&format!("full = [{}]\n", all.join(", ")));
    for w in workloads {
        out.push_str(&format!("{w} = []\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Span;
    use crate::schema::{ApiVersion, BodyField, EnumDef, Method, Primitive, Property, TypeDef, TypeId};

    #[test]
    fn workload_names_are_normalised() {
        let cases: &[(Option<&str>, &str)] = &[
            (Some("groups"), "groups"),
            (Some("SharePoint"), "sharepoint"),
            (Some("people "), "people"),
            (Some("microsoft-teams"), "microsoft-teams"),
            (Some("Identity and Sign-in"), "identity-and-sign-in"),
            (Some("sharepoint-taxonomy"), "taxonomy"),
            (Some("full"), "full-workload"),
            (Some("v1_0"), "v1-0"),
            (Some("  "), CORE),
            (Some(""), CORE),
            (None, CORE),
        ];
        for (raw, want) in cases {
            assert_eq!(workload_name(*raw), *want, "{raw:?}");
        }
        assert_eq!(module_suffix("cloud-pc"), "cloud_pc");
        assert_eq!(feature_of(CORE), None);
        assert_eq!(feature_of("groups"), Some("groups"));
        assert!(compiled_with(CORE, "groups"));
        assert!(compiled_with("groups", "groups"));
        assert!(!compiled_with("intune", "groups"));
        assert!(!compiled_with("groups", CORE));
    }

    fn prop((index, to): (usize, TypeRef)) -> Property {
        Property {
            wire_name: format!("p{index}"),
            ty: to,
            description: String::new(),
            navigation: false,
            read_only: false,
            nullable: None,
            key: false,
            source: Span::line("x.md", 1),
        }
    }

    fn ty(name: &str, workload: Option<&str>, refs: &[TypeRef]) -> TypeDef {
        TypeDef {
            id: TypeId::new("microsoft.graph", name),
            kind: TypeKind::Complex,
            base: None,
            properties: refs.iter().cloned().enumerate().map(prop).collect(),
            description: String::new(),
            workload: workload.map(str::to_string),
            key_property: None,
            open_type: false,
            is_abstract: false,
            sources: vec![],
        }
    }

    fn c(name: &str) -> TypeRef {
        TypeRef::Complex(TypeId::new("microsoft.graph", name))
    }

    fn schema() -> Schema {
        let mut s = Schema::new(ApiVersion::V1_0);
        let types = [
            // groups uses its own `owner`, and `shared` which intune uses too.
            ty("group", Some("groups"), &[c("owner"), c("shared"), c("group")]),
            ty("owner", Some("groups"), &[TypeRef::Primitive(Primitive::String)]),
            ty("shared", Some("groups"), &[c("leaf")]),
            ty("leaf", Some("groups"), &[]),
            ty(
                "device",
                Some("intune"),
                &[TypeRef::Collection(Box::new(c("shared"))), TypeRef::Enum(TypeId::new("microsoft.graph", "state"))],
            ),
            // core references an intune type: it must be core too.
            ty("identity", None, &[c("policy")]),
            ty("policy", Some("Intune"), &[]),
        ];
        for t in types {
            s.types.insert(t.id.key(), t);
        }
        let e = EnumDef {
            id: TypeId::new("microsoft.graph", "state"),
            members: vec![],
            flags: false,
            evolvable: false,
            description: String::new(),
            workload: Some("intune".into()),
            from_prose: false,
            sources: vec![],
        };
        s.enums.insert(e.id.key(), e);
        s.operations.push(Operation {
            title: "Update group".into(),
            page: "v1.0/api/group-update.md".into(),
            method: Method::Patch,
            description: String::new(),
            workload: Some("groups".into()),
            paths: vec![],
            resource: None,
            body: vec![BodyField {
                wire_name: "owner".into(),
                ty: c("owner"),
                description: String::new(),
                clearable: true,
                required: false,
                source: Span::line("x.md", 1),
            }],
            body_from_resource: false,
            response: None,
            permissions: vec![],
            source: Span::line("x.md", 1),
        });
        s
    }

    #[test]
    fn shared_items_and_their_closure_move_to_core() {
        let s = schema();
        let g = Grouping::compute(&s, [0]);
        let k = |n: &str| format!("microsoft.graph.{n}");
        let cases = [
            ("group", "groups"),
            ("owner", "groups"), // used by a groups struct and a groups builder only
            ("shared", CORE),    // used by groups and intune
            ("leaf", CORE),      // only used by `shared`, which is core now
            ("device", "intune"),
            ("identity", CORE), // no workload
            ("policy", CORE),   // used by a core item
        ];
        for (name, want) in cases {
            assert_eq!(g.type_group(&k(name)), want, "{name}");
        }
        assert_eq!(g.enum_group(&k("state")), "intune");
        assert_eq!(g.builder_group(0), "groups");
        assert_eq!(g.features(), BTreeSet::from(["groups", "intune"]));
    }

    #[test]
    fn every_reference_stays_in_its_group_or_core() {
        // The property the features rely on: a gated item never names an item of another
        // gated group (so no feature depends on another, and none can form a cycle).
        let s = schema();
        let g = Grouping::compute(&s, [0]);
        for (key, t) in &s.types {
            let from = g.type_group(key);
            let mut refs = BTreeSet::new();
            for p in s.all_properties(t) {
                refs_of(&p.ty, &s, &mut refs);
            }
            for r in refs {
                let to = match &r {
                    Node::Type(k) => g.type_group(k),
                    Node::Enum(k) => g.enum_group(k),
                    Node::Builder(i) => g.builder_group(*i),
                };
                assert!(to == CORE || to == from, "{key} ({from}) -> {r:?} ({to})");
            }
        }
    }

    #[test]
    fn grouping_and_block_are_deterministic() {
        let s = schema();
        assert_eq!(Grouping::compute(&s, [0]), Grouping::compute(&s, [0]));
        let g = Grouping::compute(&s, [0]);
        let block = features_block(&["v1_0", "beta"], &g.features());
        let want = "v1_0 = []\nbeta = []\n# Every workload; with `v1_0` and/or `beta`, the whole generated API.\nfull = [\"groups\", \"intune\"]\ngroups = []\nintune = []\n";
        assert_eq!(block, want);
    }
}
