//! Renders the fixture schema and compares every generated file, and the diagnostics, with
//! checked-in snapshots (`cargo insta review` to accept changes).

mod emit_common;

use graph_docgen::emit::{emit, EmitOptions, FEATURES_KEY};

#[test]
fn fixture_files_match_snapshots() {
    let (files, diags) = emit(&[emit_common::beta()], &EmitOptions::default());
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    insta::assert_debug_snapshot!("file_list", names);
    for (path, text) in &files {
        let name = path.replace(['/', '#', '.'], "_");
        insta::assert_snapshot!(name, text);
    }
    let rendered: Vec<String> =
        diags.iter().map(|d| format!("{} {} {}: {}", d.span, d.code, d.code.name(), d.message)).collect();
    insta::assert_snapshot!("diagnostics", rendered.join("\n"));
    assert_eq!(files.get(FEATURES_KEY).map(String::as_str), Some("v1_0 = []\nbeta = []\n"));
}

#[test]
fn output_is_deterministic() {
    let a = emit(&[emit_common::beta()], &EmitOptions::default());
    let b = emit(&[emit_common::beta()], &EmitOptions::default());
    assert_eq!(a.0, b.0);
    assert_eq!(a.1, b.1);
}

#[test]
fn every_file_has_the_header() {
    let (files, _) = emit(&[emit_common::beta()], &EmitOptions::default());
    for (path, text) in files.iter().filter(|(k, _)| k.as_str() != FEATURES_KEY) {
        assert!(text.starts_with(graph_docgen::emit::format::HEADER), "{path}");
    }
}
