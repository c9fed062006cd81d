//! Corpus measurement for the lenient JSON, annotation and example readers.
//!
//! Reads the real docs (`../shared/graph-docs`, or `$GRAPH_DOCS`) with `tree::read_tree`, finds
//! every annotated code block with a simple scan (independent of the page parser), and counts
//! per block type: no body / non-JSON body / strict / tolerated / failed, compared with
//! `docs-format.md` §8 (2021). Prints a visible SKIP when the corpus is absent.

use graph_docgen::diagnostics::{Code, Diagnostic};
use graph_docgen::facts::BlockType;
use graph_docgen::parse::annotation::parse_annotation;
use graph_docgen::parse::example::{parse_code_block, split_http};
use graph_docgen::tree::read_tree;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn corpus_root() -> Option<PathBuf> {
    let root = std::env::var_os("GRAPH_DOCS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/graph-docs"));
    root.join("v1.0").is_dir().then_some(root)
}

#[derive(Default, Debug)]
struct Counts {
    blocks: usize,
    no_body: usize,
    non_json: usize,
    strict: usize,
    tolerated: usize,
    failed: usize,
}

/// One annotated block found by the scan.
struct Found<'a> {
    annotation_line: u32,
    annotation_body: &'a str,
    /// Fence content and its first page line, when a fence follows (blank lines only between).
    fence: Option<(String, u32)>,
}

/// `<!-- ... -->` comments and the fence directly after each.
fn scan(text: &str) -> Vec<Found<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text.get(from..).and_then(|r| r.find("<!--")).map(|i| i + from) {
        let body_start = open + 4;
        let Some(close) = text.get(body_start..).and_then(|r| r.find("-->")).map(|i| i + body_start) else { break };
        let annotation_line = line_at(text, open);
        let body = text.get(body_start..close).unwrap_or("");
        from = close + 3;
        out.push(Found { annotation_line, annotation_body: body, fence: fence_after(text, from) });
    }
    out
}

fn line_at(text: &str, byte: usize) -> u32 {
    u32::try_from(text.get(..byte).unwrap_or("").matches('\n').count()).unwrap_or(0) + 1
}

fn fence_after(text: &str, from: usize) -> Option<(String, u32)> {
    let rest = text.get(from..)?;
    let base = line_at(text, from);
    let mut lines = rest.split('\n').enumerate();
    // The remainder of the comment's closing line must be empty.
    let (_, first) = lines.next()?;
    if !first.trim().is_empty() {
        return None;
    }
    for (i, l) in lines.by_ref() {
        let t = l.trim_start();
        if t.is_empty() {
            continue;
        }
        let fence = if t.starts_with("```") {
            "```"
        } else if t.starts_with("~~~") {
            "~~~"
        } else {
            return None;
        };
        let first_line = base + u32::try_from(i).ok()? + 1;
        let mut content = Vec::new();
        for (_, l) in lines.by_ref() {
            if l.trim_start().starts_with(fence) {
                return Some((content.join("\n"), first_line));
            }
            content.push(l);
        }
        return None; // unclosed fence
    }
    None
}

#[test]
fn corpus_json_figures() {
    let Some(root) = corpus_root() else {
        println!("SKIP corpus_json_figures: no docs corpus at ../shared/graph-docs (set GRAPH_DOCS)");
        return;
    };
    let started = std::time::Instant::now();
    let (pages, tree_diags) = read_tree(&root);
    let read_time = started.elapsed();
    let mut tree_codes: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &tree_diags {
        *tree_codes.entry(d.code.id()).or_default() += 1;
    }

    let mut counts: BTreeMap<&str, Counts> = BTreeMap::new();
    let (mut json_comments, mut malformed, mut unreadable) = (0usize, 0usize, 0usize);
    let mut failures: Vec<String> = Vec::new();
    let mut tolerance_kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut annotation_kinds: BTreeMap<String, usize> = BTreeMap::new();
    let started = std::time::Instant::now();
    for page in &pages {
        for found in scan(&page.text) {
            let mut adiags: Vec<Diagnostic> = Vec::new();
            let ann = parse_annotation(found.annotation_body, found.annotation_line, &page.path, &mut adiags);
            if ann.is_some() || !adiags.is_empty() {
                json_comments += 1;
            }
            if !adiags.is_empty() {
                if ann.is_some() {
                    malformed += 1;
                    for d in &adiags {
                        if std::env::var_os("JSON_CORPUS_VERBOSE").is_some() {
                            println!("  annotation {}:{}: {}", page.path, d.span.line, d.message);
                        }
                        let what = d.message.trim_start_matches("annotation comment is not valid JSON: ");
                        let what = what.split(" (and ").next().unwrap_or(what);
                        let what = what.split(": ").next().unwrap_or(what);
                        let what = what.trim_end_matches("; it was read leniently").to_string();
                        *annotation_kinds.entry(what).or_default() += 1;
                    }
                } else {
                    unreadable += 1;
                    failures.push(format!("annotation {}:{}: {}", page.path, found.annotation_line, adiags[0].message));
                }
            }
            let Some(ann) = ann else { continue };
            let (kind, block_type) = match ann.get("blockType").and_then(|v| v.as_str()) {
                Some("request") => ("request", BlockType::Request),
                Some("response") => ("response", BlockType::Response),
                Some("resource") => ("resource", BlockType::Resource),
                _ => continue,
            };
            let Some((code, first_line)) = found.fence else { continue };
            let c = counts.entry(kind).or_default();
            c.blocks += 1;
            let parts = split_http(&code, first_line);
            let mut diags = Vec::new();
            let block =
                parse_code_block(block_type, ann, found.annotation_line, &code, first_line, &page.path, &mut diags);
            if parts.body.trim().is_empty() {
                c.no_body += 1;
            } else if !parts.body_is_json() || (block.body.is_none() && diags.is_empty()) {
                // Not JSON by its look or by its Content-Type (`[Zip file …]` as application/zip).
                c.non_json += 1;
            } else if block.body.is_none() {
                c.failed += 1;
                for d in &diags {
                    failures.push(format!("{kind} {}:{}: {}", page.path, d.span.line, d.message));
                }
            } else if diags.iter().any(|d| d.code == Code::JsonTolerated) {
                c.tolerated += 1;
                if std::env::var_os("JSON_CORPUS_VERBOSE").is_some() {
                    for d in &diags {
                        println!("  tolerated {kind} {}:{}: {}", page.path, d.span.line, d.message);
                    }
                }
                for d in &diags {
                    // Counted by kind: one diagnostic per kind and body.
                    let what = d.message.trim_start_matches("example body is not strict JSON: ");
                    let what = what.split(" (and ").next().unwrap_or(what);
                    let what = what.split(": ").next().unwrap_or(what).to_string();
                    *tolerance_kinds.entry(what).or_default() += 1;
                }
            } else {
                c.strict += 1;
            }
        }
    }
    let scan_time = started.elapsed();

    println!("pages read: {} in {:?}; tree diagnostics: {:?}", pages.len(), read_time, tree_codes);
    println!("JSON annotation comments: {json_comments}; recovered malformed: {malformed}; unreadable: {unreadable}");
    println!("GD0105 kinds in annotations: {annotation_kinds:?}");
    println!(
        "block     blocks  no-body  non-JSON  strict  tolerated  failed   (docs-format §8, 2021: strict / strict-fail)"
    );
    let reference: BTreeMap<&str, (usize, usize)> =
        [("request", (1407, 58)), ("response", (2917, 151)), ("resource", (3299, 58))].into();
    for (kind, c) in &counts {
        let (rs, rf) = reference.get(kind).copied().unwrap_or_default();
        println!(
            "{kind:9} {:6} {:8} {:9} {:7} {:10} {:7}   ({rs} / {rf})",
            c.blocks, c.no_body, c.non_json, c.strict, c.tolerated, c.failed
        );
    }
    println!("tolerances in example bodies: {tolerance_kinds:?}");
    println!("read+parse time of the scan: {scan_time:?}");
    println!("failures ({}):", failures.len());
    for f in &failures {
        println!("  {f}");
    }

    // The corpus has thousands of annotated blocks; a near-empty count means the scan broke.
    let total: usize = counts.values().map(|c| c.blocks).sum();
    assert!(total > 10_000, "only {total} annotated blocks found");
    let strict: usize = counts.values().map(|c| c.strict).sum();
    let tolerated: usize = counts.values().map(|c| c.tolerated).sum();
    let failed: usize = counts.values().map(|c| c.failed).sum();
    assert!(tolerated > 200, "lenient reading should recover the ~267 non-strict bodies, got {tolerated}");
    assert!(failed * 100 < strict, "too many unparsable bodies: {failed}");
}
