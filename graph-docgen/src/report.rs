//! report: figures about a run (pages by kind, types, enums, operations, diagnostics by code).
//!
//! Built from a [`Generated`] only, so it measures exactly what a regen would produce.
//! Printed as aligned text tables ([`Report::to_text`]) or serialized as JSON (`Report` is
//! `Serialize`; the field names below are the JSON keys).

use crate::diagnostics::{Code, Severity};
use crate::facts::{PageFacts, PageKind};
use crate::output::FEATURES_KEY;
use crate::schema::{Method, Schema, TypeKind, TypeRef};
use crate::Generated;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Diagnostics that mean the reader skipped a file: such a file has no `PageFacts`, so the
/// reason it produced nothing is the code's own help text.
const SKIPPING_CODES: &[Code] = &[Code::NotText, Code::PageTooLarge, Code::UnknownVersionDir];

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Pages by version and kind (`none` / `unknown` when undecided).
    pub pages: Vec<PageCount>,
    /// Schema figures, one entry per API version.
    pub versions: Vec<VersionFigures>,
    /// Generated files (the Cargo.toml features block not counted), and their total size in bytes.
    pub files: usize,
    pub bytes: usize,
    /// Diagnostics by code, in code order; codes that did not occur are left out.
    pub diagnostics: Vec<CodeCount>,
    /// Pages nothing was taken from, with the reason, sorted by file.
    pub empty_pages: Vec<EmptyPage>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PageCount {
    pub version: String,
    pub kind: String,
    pub pages: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct VersionFigures {
    pub version: String,
    /// Complex types and entities (opaque types included), then split by kind.
    pub types: usize,
    pub entities: usize,
    pub complex: usize,
    pub opaque: usize,
    /// Structural properties (own, not inherited).
    pub properties: usize,
    /// Navigation properties (relationships tables).
    pub relationships: usize,
    /// Properties whose type could not be resolved (raw JSON).
    pub unknown_typed: usize,
    pub enums: usize,
    pub flags_enums: usize,
    pub members: usize,
    /// Operations by HTTP method (`GET`, `PATCH`, ...).
    pub operations: BTreeMap<String, usize>,
    /// One builder per PATCH operation.
    pub patch_builders: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CodeCount {
    pub code: String,
    pub name: String,
    pub severity: Severity,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EmptyPage {
    pub file: String,
    pub reason: String,
}

fn version_figures(s: &Schema) -> VersionFigures {
    let mut f = VersionFigures { version: s.version.as_str().to_string(), ..VersionFigures::default() };
    for t in s.types.values() {
        f.types += 1;
        match t.kind {
            TypeKind::Entity => f.entities += 1,
            TypeKind::Complex => f.complex += 1,
            TypeKind::Opaque => f.opaque += 1,
        }
        for p in &t.properties {
            if p.navigation {
                f.relationships += 1;
            } else {
                f.properties += 1;
            }
            let mut ty = &p.ty;
            while let TypeRef::Collection(inner) = ty {
                ty = inner;
            }
            if matches!(ty, TypeRef::Unknown(_)) {
                f.unknown_typed += 1;
            }
        }
    }
    for e in s.enums.values() {
        f.enums += 1;
        f.flags_enums += usize::from(e.flags);
        f.members += e.members.len();
    }
    for op in &s.operations {
        *f.operations.entry(op.method.as_str().to_string()).or_default() += 1;
        if op.method == Method::Patch {
            f.patch_builders += 1;
        }
    }
    f
}

/// Why a parsed page yielded nothing, or `None` when it yielded something.
fn empty_reason(p: &PageFacts) -> Option<&'static str> {
    if p.version.is_none() {
        return Some("outside the version folders (v1.0/, beta/)");
    }
    match p.kind {
        None => Some("page kind unknown"),
        Some(PageKind::Conceptual) => Some("conceptual page (prose only)"),
        Some(_) => {
            let has_rows = p.tables.iter().any(|t| !t.rows.is_empty());
            let nothing = !has_rows && p.enums.is_empty() && p.requests.is_empty() && p.blocks.is_empty();
            nothing.then_some("no property table, enum, request line or example found")
        }
    }
}

impl Report {
    pub fn build(g: &Generated) -> Report {
        let mut pages: BTreeMap<(String, String), usize> = BTreeMap::new();
        for p in &g.pages {
            let version = p.version.map(|v| v.as_str().to_string()).unwrap_or_else(|| "none".into());
            let kind = match p.kind {
                Some(PageKind::Api) => "api",
                Some(PageKind::Resource) => "resource",
                Some(PageKind::Enum) => "enum",
                Some(PageKind::Conceptual) => "conceptual",
                None => "unknown",
            };
            *pages.entry((version, kind.to_string())).or_default() += 1;
        }

        let mut by_code: BTreeMap<Code, usize> = BTreeMap::new();
        for d in g.diagnostics.iter() {
            *by_code.entry(d.code).or_default() += 1;
        }

        let parsed: BTreeSet<&str> = g.pages.iter().map(|p| p.path.as_str()).collect();
        let mut empty: BTreeMap<String, String> = BTreeMap::new();
        for p in &g.pages {
            if let Some(reason) = empty_reason(p) {
                empty.insert(p.path.clone(), reason.to_string());
            }
        }
        for d in g.diagnostics.iter().filter(|d| SKIPPING_CODES.contains(&d.code)) {
            if !parsed.contains(d.span.file.as_str()) {
                empty.entry(d.span.file.clone()).or_insert_with(|| format!("{}: {}", d.code.id(), d.code.help()));
            }
        }

        Report {
            pages: pages.into_iter().map(|((version, kind), pages)| PageCount { version, kind, pages }).collect(),
            versions: g.schemas.iter().map(version_figures).collect(),
            files: g.files.keys().filter(|k| k.as_str() != FEATURES_KEY).count(),
            bytes: g.files.iter().filter(|(k, _)| k.as_str() != FEATURES_KEY).map(|(_, v)| v.len()).sum(),
            diagnostics: by_code
                .into_iter()
                .map(|(c, count)| CodeCount {
                    code: c.id().to_string(),
                    name: c.name().to_string(),
                    severity: c.default_severity(),
                    count,
                })
                .collect(),
            empty_pages: empty.into_iter().map(|(file, reason)| EmptyPage { file, reason }).collect(),
        }
    }

    /// Aligned text tables, one per section.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let rows: Vec<Vec<String>> =
            self.pages.iter().map(|p| vec![p.version.clone(), p.kind.clone(), p.pages.to_string()]).collect();
        section(&mut out, "Pages", &["version", "kind", "pages"], rows);

        let methods: BTreeSet<&String> = self.versions.iter().flat_map(|v| v.operations.keys()).collect();
        let mut header: Vec<String> = vec!["figure".into()];
        header.extend(self.versions.iter().map(|v| v.version.clone()));
        let figure = |name: &str, get: &dyn Fn(&VersionFigures) -> usize| -> Vec<String> {
            let mut row = vec![name.to_string()];
            row.extend(self.versions.iter().map(|v| get(v).to_string()));
            row
        };
        let mut rows = vec![
            figure("types", &|v| v.types),
            figure("  entities", &|v| v.entities),
            figure("  complex types", &|v| v.complex),
            figure("  opaque types", &|v| v.opaque),
            figure("properties", &|v| v.properties),
            figure("relationships", &|v| v.relationships),
            figure("unknown-typed properties", &|v| v.unknown_typed),
            figure("enums", &|v| v.enums),
            figure("  flags enums", &|v| v.flags_enums),
            figure("enum members", &|v| v.members),
        ];
        for m in methods {
            rows.push(figure(&format!("{m} operations"), &|v| v.operations.get(m).copied().unwrap_or(0)));
        }
        rows.push(figure("PATCH builders", &|v| v.patch_builders));
        let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
        section(&mut out, "Schema", &header_refs, rows);

        out.push_str(&format!("Generated files: {} ({} bytes)\n\n", self.files, self.bytes));

        let rows = self
            .diagnostics
            .iter()
            .map(|d| {
                vec![d.code.clone(), d.name.clone(), format!("{:?}", d.severity).to_lowercase(), d.count.to_string()]
            })
            .collect();
        section(&mut out, "Diagnostics", &["code", "name", "severity", "count"], rows);

        let rows = self.empty_pages.iter().map(|p| vec![p.file.clone(), p.reason.clone()]).collect();
        section(
            &mut out,
            &format!("Pages that produced nothing ({})", self.empty_pages.len()),
            &["file", "reason"],
            rows,
        );
        out
    }
}

/// Appends `title`, then the table with columns padded to their widest cell (in characters);
/// numeric cells are right-aligned. An empty table prints `(none)`.
fn section(out: &mut String, title: &str, header: &[&str], rows: Vec<Vec<String>>) {
    out.push_str(title);
    out.push('\n');
    if rows.is_empty() {
        out.push_str("  (none)\n\n");
        return;
    }
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count());
            }
        }
    }
    let line = |cells: &[String], out: &mut String| {
        let mut s = String::from(" ");
        for (i, cell) in cells.iter().enumerate() {
            let w = widths.get(i).copied().unwrap_or(0);
            let numeric = !cell.is_empty() && cell.chars().all(|c| c.is_ascii_digit());
            s.push(' ');
            if numeric {
                s.push_str(&format!("{cell:>w$}"));
            } else {
                s.push_str(&format!("{cell:<w$}"));
            }
        }
        out.push_str(s.trim_end());
        out.push('\n');
    };
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    line(&header, out);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(&rule, out);
    for row in &rows {
        line(row, out);
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Diagnostic, Diagnostics, Span};
    use crate::facts::{ApiVersion, EnumFacts};
    use crate::schema::{EnumDef, EnumMember, Operation, Property, TypeDef, TypeId};

    fn page(path: &str, version: Option<ApiVersion>, kind: Option<PageKind>) -> PageFacts {
        PageFacts { path: path.into(), version, kind, ..PageFacts::default() }
    }

    fn prop(name: &str, ty: TypeRef, navigation: bool) -> Property {
        Property {
            wire_name: name.into(),
            ty,
            description: String::new(),
            navigation,
            read_only: false,
            nullable: None,
            key: false,
            source: Span::line("beta/resources/group.md", 1),
        }
    }

    fn op(method: Method) -> Operation {
        Operation {
            title: "t".into(),
            page: "beta/api/x.md".into(),
            method,
            description: String::new(),
            workload: None,
            paths: vec![],
            resource: None,
            body: vec![],
            body_from_resource: false,
            response: None,
            permissions: vec![],
            source: Span::line("beta/api/x.md", 1),
        }
    }

    fn sample() -> Generated {
        let mut enum_page = page("beta/resources/enums.md", Some(ApiVersion::Beta), Some(PageKind::Enum));
        enum_page.enums.push(EnumFacts {
            name: "e".into(),
            line: 3,
            description: String::new(),
            members: vec![],
            flags: false,
        });
        let pages = vec![
            page("beta/api/group-update.md", Some(ApiVersion::Beta), Some(PageKind::Api)),
            page("beta/concepts/overview.md", Some(ApiVersion::Beta), Some(PageKind::Conceptual)),
            page("v1.0/api/odd.md", Some(ApiVersion::V1_0), None),
            enum_page,
        ];
        let mut beta = Schema::new(ApiVersion::Beta);
        beta.types.insert(
            "microsoft.graph.group".into(),
            TypeDef {
                id: TypeId("microsoft.graph.group".into()),
                kind: TypeKind::Entity,
                base: None,
                properties: vec![
                    prop("id", TypeRef::Primitive(crate::facts::Primitive::String), false),
                    prop("odd", TypeRef::Collection(Box::new(TypeRef::Unknown("x".into()))), false),
                    prop(
                        "members",
                        TypeRef::Collection(Box::new(TypeRef::Complex(TypeId("microsoft.graph.user".into())))),
                        true,
                    ),
                ],
                description: String::new(),
                workload: None,
                key_property: None,
                open_type: false,
                is_abstract: false,
                sources: vec![],
            },
        );
        beta.enums.insert(
            "microsoft.graph.e".into(),
            EnumDef {
                id: TypeId("microsoft.graph.e".into()),
                members: vec![
                    EnumMember { wire_name: "a".into(), value: None, description: String::new() },
                    EnumMember { wire_name: "b".into(), value: None, description: String::new() },
                ],
                flags: true,
                evolvable: false,
                description: String::new(),
                workload: None,
                from_prose: false,
                sources: vec![],
            },
        );
        beta.operations = vec![op(Method::Patch), op(Method::Get), op(Method::Patch)];
        let mut diagnostics = Diagnostics::default();
        diagnostics.emit(Code::JsonTolerated, Span::new("beta/api/group-update.md", 5, 2), "trailing comma");
        diagnostics.emit(Code::JsonTolerated, Span::new("beta/api/group-update.md", 9, 2), "trailing comma");
        diagnostics.emit(Code::NotText, Span::line("beta/api/blob.md", 1), "binary");
        diagnostics.push(Diagnostic::new(Code::TodoPlaceholder, Span::line("beta/api/group-update.md", 3), "TODO"));
        let files = BTreeMap::from([
            ("src/generated/mod.rs".to_string(), "abcd".to_string()),
            (FEATURES_KEY.to_string(), "beta = []\n".to_string()),
        ]);
        Generated {
            pages,
            schemas: vec![Schema::new(ApiVersion::V1_0), beta],
            files,
            diagnostics,
            timings: Default::default(),
        }
    }

    #[test]
    fn figures_from_a_generated_value() {
        let r = Report::build(&sample());
        let pages: Vec<(&str, &str, usize)> =
            r.pages.iter().map(|p| (p.version.as_str(), p.kind.as_str(), p.pages)).collect();
        assert_eq!(
            pages,
            vec![("beta", "api", 1), ("beta", "conceptual", 1), ("beta", "enum", 1), ("v1.0", "unknown", 1)]
        );
        let beta = r.versions.iter().find(|v| v.version == "beta").expect("beta figures");
        assert_eq!(
            (beta.types, beta.entities, beta.properties, beta.relationships, beta.unknown_typed),
            (1, 1, 2, 1, 1)
        );
        assert_eq!((beta.enums, beta.flags_enums, beta.members, beta.patch_builders), (1, 1, 2, 2));
        assert_eq!(beta.operations.get("GET"), Some(&1));
        assert_eq!(beta.operations.get("PATCH"), Some(&2));
        assert_eq!((r.files, r.bytes), (1, 4));
        let codes: Vec<(&str, usize)> = r.diagnostics.iter().map(|d| (d.code.as_str(), d.count)).collect();
        assert_eq!(codes, vec![("GD0003", 1), ("GD0102", 1), ("GD0300", 2)]);
        let empty: Vec<&str> = r.empty_pages.iter().map(|p| p.file.as_str()).collect();
        assert_eq!(
            empty,
            vec!["beta/api/blob.md", "beta/api/group-update.md", "beta/concepts/overview.md", "v1.0/api/odd.md"]
        );
        assert!(r.empty_pages.iter().any(|p| p.reason.starts_with("GD0003")));
    }

    #[test]
    fn text_is_aligned() {
        let text = Report::build(&sample()).to_text();
        assert!(text.contains("PATCH builders"), "{text}");
        // Every row of the diagnostics table puts the count in the same column.
        let rows: Vec<&str> = text.lines().filter(|l| l.trim_start().starts_with("GD0")).collect();
        assert_eq!(rows.len(), 3, "{text}");
        let ends: BTreeSet<usize> = rows.iter().map(|l| l.chars().count()).collect();
        assert_eq!(ends.len(), 1, "counts not right-aligned:\n{text}");
        assert!(text.contains("Pages that produced nothing (4)"));
    }
}
