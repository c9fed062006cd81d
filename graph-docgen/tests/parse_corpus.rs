//! Corpus smoke test: parses every page of `../shared/graph-docs` (when present; prints SKIP
//! otherwise), asserts that no page panics, and prints counts to compare with the catalog
//! (`../shared/docs-format.md`).

use graph_docgen::facts::{PageFacts, RequestPath};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn corpus_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/graph-docs")
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "md") {
            out.push(p);
        }
    }
}

#[test]
fn corpus_parses_without_panics() {
    let root = corpus_root();
    if !root.is_dir() {
        println!("SKIP: {} not found", root.display());
        return;
    }
    let mut files = Vec::new();
    for v in ["v1.0", "beta"] {
        collect(&root.join(v), &mut files);
    }
    files.sort();
    let started = std::time::Instant::now();
    let results: Vec<(String, Result<PageFacts, ()>)> = files
        .par_iter()
        .map(|p| {
            let rel = p.strip_prefix(&root).unwrap_or(p).to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(p).unwrap_or_default();
            let r = std::panic::catch_unwind(|| graph_docgen::parse::parse_page(&rel, &text)).map_err(|_| ());
            (rel, r)
        })
        .collect();
    let elapsed = started.elapsed();
    let panicked: Vec<&String> = results.iter().filter(|(_, r)| r.is_err()).map(|(p, _)| p).collect();

    let mut c: BTreeMap<String, usize> = BTreeMap::new();
    let mut add = |k: String, n: usize| *c.entry(k).or_default() += n;
    for (_, r) in &results {
        let Ok(f) = r else { continue };
        let v = f.version.map(|v| v.as_str()).unwrap_or("?");
        add(format!("pages {v} {:?}", f.kind), 1);
        for t in &f.tables {
            add(format!("tables {v} {:?}", t.context), 1);
            add(format!("rows {v} {:?}", t.context), t.rows.len());
            let unparsed = t.rows.iter().filter(|r| r.ty == graph_docgen::facts::TypeExpr::Unparsed).count();
            if t.context != graph_docgen::facts::TableContext::Members {
                add(format!("unparsed-type rows {v} {:?}", t.context), unparsed);
            }
            let pv = t.rows.iter().filter(|r| !r.possible_values.is_empty()).count();
            add("rows with possible values".into(), pv);
        }
        add("request lines".into(), f.requests.len());
        add(
            "request lines broken".into(),
            f.requests.iter().filter(|r| matches!(r.path, RequestPath::Broken(_))).count(),
        );
        add("enums".into(), f.enums.len());
        add("enum members".into(), f.enums.iter().map(|e| e.members.len()).sum());
        add("enums flags".into(), f.enums.iter().filter(|e| e.flags).count());
        for b in &f.blocks {
            add(format!("blocks {:?}", b.block_type), 1);
        }
        add("permissions rows".into(), f.permissions.len());
        add("pages with namespace".into(), usize::from(f.namespace.is_some()));
        add("pages with inherits_from".into(), usize::from(f.inherits_from.is_some()));
        add("pages with request_body_resource".into(), usize::from(f.request_body_resource.is_some()));
        add("pages with request_body_empty".into(), usize::from(f.request_body_empty));
        add("pages with response_type".into(), usize::from(f.response_type.is_some()));
        add("pages with resource_name".into(), usize::from(f.resource_name.is_some()));
        for d in &f.diagnostics {
            add(format!("diag {} {}", d.code, d.code.name()), 1);
        }
    }
    println!("parsed {} pages in {:.2?}", results.len(), elapsed);
    for (k, n) in &c {
        println!("{k:<50} {n:>7}");
    }
    assert!(panicked.is_empty(), "pages that panicked: {panicked:?}");
    assert!(results.len() > 10_000, "corpus looks incomplete: {} pages", results.len());
}
