//! The Rust snippets of README.md's "Generated API shape" and "Using graph-models" sections are
//! verbatim excerpts of compiled code: generated files, `examples/*.rs` (compiled and run by
//! `cargo test --examples`) or the polymorphism fixture crate's tests
//! (`graph-docgen/tests/fixtures/poly_crate_test.rs`, compiled by `graph-docgen/tests/emit_poly.rs`).
//! A snippet edited in the README alone, or code changed under it, fails here.

use std::path::{Path, PathBuf};

const SECTIONS: &[&str] = &["## Generated API shape", "## Using graph-models"];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The ```` ```rust ```` blocks of the README sections in [`SECTIONS`].
fn snippets(readme: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_section = false;
    let mut block: Option<Vec<&str>> = None;
    for line in readme.lines() {
        if let Some(lines) = block.as_mut() {
            if line.trim_start() == "```" {
                out.push(lines.join("\n"));
                block = None;
            } else {
                lines.push(line);
            }
            continue;
        }
        if line.starts_with("## ") {
            in_section = SECTIONS.contains(&line.trim_end());
        } else if in_section && line.trim_end() == "```rust" {
            block = Some(Vec::new());
        }
    }
    out
}

/// Every compiled source a snippet may come from.
fn sources() -> Vec<(PathBuf, String)> {
    let root = workspace();
    let mut files = vec![root.join("graph-docgen/tests/fixtures/poly_crate_test.rs")];
    let mut dirs = vec![root.join("graph-models/examples"), root.join("graph-models/src/generated")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.into_iter().filter_map(|p| std::fs::read_to_string(&p).ok().map(|t| (p, t))).collect()
}

#[test]
fn readme_snippets_are_compiled_code() {
    let readme = std::fs::read_to_string(workspace().join("README.md")).expect("README.md");
    let snippets = snippets(&readme);
    // Struct, enum, builder, two polymorphism excerpts, two decode, two PATCH excerpts.
    assert!(snippets.len() >= 9, "found only {} rust snippets in {SECTIONS:?}", snippets.len());
    let sources = sources();
    for snippet in &snippets {
        let found = sources.iter().find(|(_, text)| text.contains(snippet.as_str()));
        assert!(found.is_some(), "README snippet is not verbatim in any compiled source:\n{snippet}");
    }
}

#[test]
fn snippet_extraction() {
    let md = "## Other\n```rust\nnot this\n```\n## Using graph-models\ntext\n```rust\na\n  b\n```\n```toml\nx\n```\n";
    assert_eq!(snippets(md), ["a\n  b"]);
}
