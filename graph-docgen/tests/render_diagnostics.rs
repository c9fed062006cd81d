//! render: rustc-style text and JSON for diagnostics, as snapshots (insta) plus a few exact
//! assertions on the parts tools rely on.

use graph_docgen::diagnostics::{Code, Diagnostic, Severity, Span};
use graph_docgen::render::{render_json, render_one, render_text, Summary};
use std::collections::BTreeMap;

/// A small page written for this test: a request example with a trailing comma on line 7, column 14.
const PAGE: &str = "---\ntitle: \"Update thing\"\n---\n# Update thing\n\n```json\n{ \"name\": \"x\", }\n```\nUnicode: déjà vu **TODO**\n";

fn sources() -> BTreeMap<String, String> {
    BTreeMap::from([("beta/api/thing-update.md".to_string(), PAGE.to_string())])
}

fn diag(code: Code, file: &str, line: u32, col: u32, message: &str) -> Diagnostic {
    Diagnostic::new(code, Span::new(file, line, col), message)
}

#[test]
fn warning_with_snippet_and_caret() {
    let d = diag(Code::JsonTolerated, "beta/api/thing-update.md", 7, 14, "trailing comma in JSON");
    let text = render_one(&d, &sources(), "docs");
    assert!(text.starts_with("warning[GD0300]: trailing comma in JSON\n"), "{text}");
    assert!(text.contains("--> docs/beta/api/thing-update.md:7:14"), "{text}");
    insta::assert_snapshot!("warning_with_snippet", text);
}

#[test]
fn column_counts_characters_not_bytes() {
    // "Unicode: déjà vu **TODO**": the `*` is the 19th character but not the 19th byte.
    let d = diag(Code::TodoPlaceholder, "beta/api/thing-update.md", 9, 19, "`**TODO**` placeholder left in the page");
    let text = render_one(&d, &sources(), "docs/");
    assert!(text.contains("--> docs/beta/api/thing-update.md:9:19"), "{text}");
    insta::assert_snapshot!("multibyte_column", text);
}

#[test]
fn without_source_text_header_and_location_only() {
    let table = [
        (
            diag(Code::BrokenPath, "beta/api/gone.md", 12, 1, "no path"),
            "warning[GD0200]: no path\n  --> ../shared/graph-docs/beta/api/gone.md:12:1\n",
        ),
        // A line past the end of a known file falls back the same way instead of panicking.
        (
            diag(Code::JsonInvalid, "beta/api/thing-update.md", 99, 4, "bad"),
            "warning[GD0301]: bad\n  --> ../shared/graph-docs/beta/api/thing-update.md:99:4\n",
        ),
        // Line 0 names a whole file or directory.
        (diag(Code::OutputNotGenerated, "", 0, 1, "refusing"), "error[GD0900]: refusing\n  --> ../shared/graph-docs\n"),
    ];
    for (d, want) in table {
        assert_eq!(render_one(&d, &sources(), "../shared/graph-docs"), want);
    }
}

#[test]
fn related_spans_become_notes() {
    let d = diag(Code::TypeConflict, "beta/api/thing-update.md", 4, 3, "`name` is a String here")
        .with_related(Span::new("beta/resources/thing.md", 20, 5), "declared as Int32 here");
    let text = render_one(&d, &sources(), "docs");
    assert!(text.contains("= note: declared as Int32 here: docs/beta/resources/thing.md:20:5"), "{text}");
    let no_source = render_one(
        &diag(Code::TypeConflict, "x.md", 1, 1, "m").with_related(Span::new("y.md", 2, 3), "other"),
        &BTreeMap::new(),
        "docs",
    );
    assert_eq!(no_source, "warning[GD0403]: m\n  --> docs/x.md:1:1\n  = note: other: docs/y.md:2:3\n");
    insta::assert_snapshot!("related_notes", text);
}

#[test]
fn full_text_with_summary() {
    let mut err = diag(Code::EmptyTree, "v1.0/api/none.md", 1, 1, "no pages");
    err.severity = Severity::Error;
    let diags = vec![
        err,
        diag(Code::JsonTolerated, "beta/api/thing-update.md", 7, 14, "trailing comma in JSON"),
        diag(Code::EnumFromProse, "beta/api/thing-update.md", 4, 1, "enum from prose"),
    ];
    let text = render_text(&diags, &sources(), "docs");
    assert!(text.ends_with("\n1 error, 1 warning, 1 note\n"), "{text}");
    insta::assert_snapshot!("full_text", text);
}

#[test]
fn json_document_shape() {
    let diags = vec![
        diag(Code::JsonTolerated, "beta/api/thing-update.md", 7, 14, "trailing comma in JSON")
            .with_related(Span::new("beta/resources/thing.md", 3, 1), "resource"),
        diag(Code::EnumFromProse, "v1.0/api/a.md", 2, 1, "enum"),
    ];
    let json = render_json(&diags, "docs");
    assert_eq!(json["diagnostics"][0]["code"], "GD0300");
    assert_eq!(json["diagnostics"][0]["name"], "json-tolerated");
    assert_eq!(json["diagnostics"][0]["severity"], "warning");
    assert_eq!(json["diagnostics"][0]["file"], "docs/beta/api/thing-update.md");
    assert_eq!(json["diagnostics"][0]["line"], 7);
    assert_eq!(json["diagnostics"][0]["col"], 14);
    assert_eq!(json["diagnostics"][0]["related"][0]["file"], "docs/beta/resources/thing.md");
    assert_eq!(json["diagnostics"][1]["related"], serde_json::json!([]));
    assert_eq!(json["summary"], serde_json::json!({"errors": 0, "warnings": 1, "notes": 1}));
    insta::assert_snapshot!("json", serde_json::to_string_pretty(&json).expect("serializes"));
}

#[test]
fn summary_counts_by_severity() {
    let mut e = diag(Code::Io, "a", 1, 1, "e");
    e.severity = Severity::Error;
    let w = diag(Code::JsonTolerated, "a", 1, 1, "w");
    let mut n = diag(Code::JsonTolerated, "a", 1, 1, "n");
    n.severity = Severity::Note;
    let table: Vec<(Vec<Diagnostic>, Summary)> = vec![
        (vec![], Summary { errors: 0, warnings: 0, notes: 0 }),
        (vec![e.clone(), e.clone(), w.clone()], Summary { errors: 2, warnings: 1, notes: 0 }),
        (vec![n.clone(), w, n, e], Summary { errors: 1, warnings: 1, notes: 2 }),
    ];
    for (diags, want) in table {
        assert_eq!(Summary::of(&diags), want);
    }
}

#[test]
fn colour_only_adds_escape_sequences() {
    let table = [
        (diag(Code::JsonTolerated, "beta/api/thing-update.md", 7, 14, "trailing comma in JSON"), sources()),
        (
            diag(Code::BrokenPath, "beta/api/gone.md", 12, 1, "no path").with_related(Span::new("a.md", 1, 2), "other"),
            BTreeMap::new(),
        ),
    ];
    for (d, src) in table {
        let plain = graph_docgen::render::render_one(&d, &src, "docs");
        let coloured = graph_docgen::render::render_one_styled(&d, &src, "docs", true);
        assert!(coloured.contains("\u{1b}["), "no colour in {coloured:?}");
        // Strip CSI sequences (ESC [ ... letter) and compare with the plain rendering.
        let mut stripped = String::new();
        let mut chars = coloured.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' && chars.peek() == Some(&'[') {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            } else {
                stripped.push(c);
            }
        }
        assert_eq!(stripped, plain);
    }
}
