//! Corpus smoke test: parses and lowers every page of `../shared/graph-docs` (both versions)
//! and prints what came out. Prints `SKIP` when the corpus is absent.

use graph_docgen::facts::{ApiVersion, PageFacts};
use graph_docgen::schema::{Method, TypeRef};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn md_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            md_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "md") {
            out.push(p);
        }
    }
}

#[test]
fn corpus_lowers_without_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/graph-docs");
    if !root.join("v1.0").is_dir() {
        println!("SKIP: corpus not found at {}", root.display());
        return;
    }
    let mut files = Vec::new();
    md_files(&root, &mut files);
    files.sort();
    let facts: Vec<PageFacts> = files
        .par_iter()
        .filter_map(|f| {
            let rel = f.strip_prefix(&root).ok()?.to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(f).ok()?;
            Some(graph_docgen::parse::parse_page(&rel, &text))
        })
        .collect();
    println!("pages read: {}", facts.len());
    for v in ApiVersion::ALL {
        let pages: Vec<&PageFacts> = facts.iter().filter(|f| f.version == Some(v)).collect();
        let started = std::time::Instant::now();
        let (schema, diags) = graph_docgen::lower::lower(v, &pages);
        let took = started.elapsed();
        // Same schema and diagnostics whatever the page order.
        let reversed: Vec<&PageFacts> = pages.iter().rev().copied().collect();
        let (again, diags_again) = graph_docgen::lower::lower(v, &reversed);
        assert!(diags == diags_again, "diagnostics depend on page order");
        assert!(
            serde_json::to_string(&schema).ok() == serde_json::to_string(&again).ok(),
            "schema depends on page order"
        );
        let props: usize = schema.types.values().map(|t| t.properties.len()).sum();
        let nav: usize = schema.types.values().flat_map(|t| &t.properties).filter(|p| p.navigation).count();
        let unknown =
            schema.types.values().flat_map(|t| &t.properties).filter(|p| matches!(p.ty, TypeRef::Unknown(_))).count();
        let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
        for t in schema.types.values() {
            *kinds.entry(format!("{:?}", t.kind)).or_default() += 1;
        }
        let members: usize = schema.enums.values().map(|e| e.members.len()).sum();
        let mut by_method: BTreeMap<Method, usize> = BTreeMap::new();
        for o in &schema.operations {
            *by_method.entry(o.method).or_default() += 1;
        }
        let patch_no_paths =
            schema.operations.iter().filter(|o| o.method == Method::Patch && o.paths.is_empty()).count();
        let patch_from_resource = schema.operations.iter().filter(|o| o.body_from_resource).count();
        let mut codes: BTreeMap<&str, usize> = BTreeMap::new();
        for d in &diags {
            *codes.entry(d.code.id()).or_default() += 1;
        }
        println!("== {}: {} pages, lowered in {:.2?}", v.as_str(), pages.len(), took);
        println!("types {} {:?}, properties {props} (navigation {nav}, unknown {unknown})", schema.types.len(), kinds);
        println!(
            "enums {} (from prose {}, evolvable {}), members {members}",
            schema.enums.len(),
            schema.enums.values().filter(|e| e.from_prose).count(),
            schema.enums.values().filter(|e| e.evolvable).count()
        );
        println!(
            "operations {} {:?}; PATCH without paths {patch_no_paths}, PATCH body from resource {patch_from_resource}",
            schema.operations.len(),
            by_method
        );
        println!("diagnostics {} {:?}", diags.len(), codes);
        // `LOWER_CORPUS_DUMP=dir` writes the diagnostics and the schema for review.
        if let Some(dir) = std::env::var_os("LOWER_CORPUS_DUMP") {
            let dir = PathBuf::from(dir);
            let lines: Vec<String> =
                diags.iter().map(|d| format!("{} {}:{} {}", d.code, d.span.file, d.span.line, d.message)).collect();
            let _ = std::fs::write(dir.join(format!("{}-diagnostics.txt", v.as_str())), lines.join("\n"));
            let _ = std::fs::write(
                dir.join(format!("{}-schema.json", v.as_str())),
                serde_json::to_string_pretty(&schema).unwrap_or_default(),
            );
        }
        // Every reference resolves to something the schema holds.
        for t in schema.types.values() {
            for p in &t.properties {
                check_ref(&schema, &p.ty);
            }
            if let Some(b) = &t.base {
                assert!(schema.type_def(b).is_some(), "base {b} of {} missing", t.id);
            }
        }
        for k in schema.enums.keys() {
            assert!(!schema.types.contains_key(k), "{k} is both a type and an enum");
        }
    }
}

fn check_ref(schema: &graph_docgen::schema::Schema, t: &TypeRef) {
    match t {
        TypeRef::Complex(id) => assert!(schema.type_def(id).is_some(), "dangling type {id}"),
        TypeRef::Enum(id) => assert!(schema.enum_def(id).is_some(), "dangling enum {id}"),
        TypeRef::Collection(inner) => check_ref(schema, inner),
        _ => {}
    }
}
