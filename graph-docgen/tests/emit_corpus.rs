//! Runs the naming and rustdoc conversions over the real docs corpus (`/work/shared/graph-docs`,
//! or `GRAPH_DOCS_DIR`); prints `SKIP` when it is absent.
//!
//! * `rustdoc_invariants_on_corpus`: every page converts without panicking, every code fence
//!   is a `text` fence and fences are balanced, every line starts with a space.
//! * `corpus_docs_pass_rustdoc` (ignored, slow): a sample of pages is rendered into a scratch
//!   crate as doc comments and documented with `RUSTDOCFLAGS=-D warnings` (broken intra-doc
//!   links, unclosed HTML, bare URLs all fail).
//! * `pipeline_on_corpus`: parse + lower + emit of the whole corpus; no generator-bug
//!   diagnostic, figures printed.
//! * `corpus_output_compiles` (ignored, slow): the generated crate passes `cargo check`
//!   with `-D warnings`.

mod emit_common;

use graph_docgen::diagnostics::Code;
use graph_docgen::facts::ApiVersion;
use graph_docgen::rustdoc::{doc_lines, DocContext};
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("GRAPH_DOCS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared/graph-docs"));
    dir.is_dir().then_some(dir)
}

/// (path relative to the corpus root, text) of every page, sorted.
fn pages(root: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                let rel = p.strip_prefix(root).map(|r| r.to_string_lossy().replace('\\', "/")).unwrap_or_default();
                if let Ok(bytes) = std::fs::read(&p) {
                    out.push((rel, String::from_utf8_lossy(&bytes).replace("\r\n", "\n")));
                }
            }
        }
    }
    out.sort();
    out
}

fn version_of(rel: &str) -> ApiVersion {
    if rel.starts_with("beta/") {
        ApiVersion::Beta
    } else {
        ApiVersion::V1_0
    }
}

#[test]
fn rustdoc_invariants_on_corpus() {
    let Some(root) = corpus() else {
        println!("SKIP: docs corpus not found (set GRAPH_DOCS_DIR)");
        return;
    };
    let pages = pages(&root);
    let start = std::time::Instant::now();
    let mut lines_total = 0usize;
    for (rel, text) in &pages {
        let ctx = DocContext { version: version_of(rel), page: rel };
        let lines = doc_lines(text, &ctx);
        lines_total += lines.len();
        let mut open: Option<usize> = None;
        for line in &lines {
            assert!(line.is_empty() || line.starts_with(' '), "{rel}: {line:?}");
            let t = line.trim_start().trim_start_matches("> ").trim_start();
            let ticks = t.chars().take_while(|c| *c == '`').count();
            if ticks >= 3 {
                match open {
                    None => {
                        assert_eq!(t.get(ticks..), Some("text"), "{rel}: fence {line:?}");
                        open = Some(ticks);
                    }
                    Some(n) if ticks == n && t.len() == n => open = None,
                    Some(_) => {}
                }
            }
        }
        assert_eq!(open, None, "{rel}: unclosed fence");
    }
    println!("{} pages, {} doc lines in {:?}", pages.len(), lines_total, start.elapsed());
    assert!(pages.len() > 1000, "corpus looks truncated: {} pages", pages.len());
}

#[test]
#[ignore = "slow: documents a sample of the corpus with rustdoc"]
fn corpus_docs_pass_rustdoc() {
    let Some(root) = corpus() else {
        println!("SKIP: docs corpus not found (set GRAPH_DOCS_DIR)");
        return;
    };
    let step: usize = std::env::var("CORPUS_SAMPLE_STEP").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    let mut lib = String::new();
    let pages = pages(&root);
    for (i, (rel, text)) in pages.iter().enumerate().step_by(step.max(1)) {
        let ctx = DocContext { version: version_of(rel), page: rel };
        for line in doc_lines(text, &ctx) {
            lib.push_str(&format!("#[doc = {line:?}]\n"));
        }
        lib.push_str(&format!("pub struct Page{i};\n"));
    }
    let ws = Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default();
    let krate = ws.join("target/emit-corpus/crate");
    std::fs::create_dir_all(krate.join("src")).expect("mkdir");
    std::fs::write(
        krate.join("Cargo.toml"),
        "[package]\nname = \"corpus_docs\"\nversion = \"0.0.0\"\nedition = \"2021\"\n[workspace]\n",
    )
    .expect("manifest");
    std::fs::write(krate.join("src/lib.rs"), lib).expect("lib");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let out = std::process::Command::new(cargo)
        .args(["doc", "--offline", "--quiet", "--manifest-path"])
        .arg(krate.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", ws.join("target/emit-corpus"))
        .env("RUSTDOCFLAGS", "-D warnings")
        .output()
        .expect("cargo doc");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "rustdoc warnings on corpus docs:\n{}",
        stderr.chars().take(20000).collect::<String>()
    );
}

fn generate_corpus(root: &Path) -> graph_docgen::Generated {
    let pages = pages(root)
        .into_iter()
        .filter(|(rel, _)| rel.starts_with("v1.0/") || rel.starts_with("beta/"))
        .map(|(path, text)| graph_docgen::SourcePage { path, text })
        .collect();
    graph_docgen::generate(pages, &graph_docgen::Options::default())
}

#[test]
fn pipeline_on_corpus() {
    let Some(root) = corpus() else {
        println!("SKIP: docs corpus not found (set GRAPH_DOCS_DIR)");
        return;
    };
    let start = std::time::Instant::now();
    let g = generate_corpus(&root);
    let bytes: usize = g.files.values().map(String::len).sum();
    let lines: usize = g.files.values().map(|t| t.lines().count()).sum();
    println!("{} files, {} lines, {} bytes in {:?}", g.files.len(), lines, bytes, start.elapsed());
    for s in &g.schemas {
        println!(
            "{}: {} types, {} enums, {} PATCH operations",
            s.version.as_str(),
            s.types.len(),
            s.enums.len(),
            s.operations.iter().filter(|o| o.method == graph_docgen::schema::Method::Patch).count()
        );
    }
    for code in [Code::IdentifierRenamed, Code::NameCollision, Code::GeneratedCodeInvalid] {
        let found: Vec<_> = g.diagnostics.iter().filter(|d| d.code == code).collect();
        println!("{code} {}: {}", code.name(), found.len());
        let mut kinds: std::collections::BTreeMap<&str, usize> = Default::default();
        for d in &found {
            *kinds.entry(d.message.split(" `").next().unwrap_or("")).or_default() += 1;
        }
        println!("  by kind: {kinds:?}");
        for d in found.iter().take(3) {
            println!("  {} {}", d.span, d.message);
        }
    }
    assert!(g.diagnostics.iter().all(|d| d.code != Code::GeneratedCodeInvalid));
}

#[test]
#[ignore = "slow: cargo check of the whole generated crate"]
fn corpus_output_compiles() {
    let Some(root) = corpus() else {
        println!("SKIP: docs corpus not found (set GRAPH_DOCS_DIR)");
        return;
    };
    let g = generate_corpus(&root);
    match emit_common::check_crate(&g.files, "emit-corpus-compile", false) {
        Ok(true) => {}
        Ok(false) => println!("SKIP: graph-models has no src/runtime"),
        Err(e) => panic!("{e}"),
    }
}
