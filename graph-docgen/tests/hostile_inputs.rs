//! Hostile pages on disk: each case writes a one-page docs tree into a temp dir (binary, NUL and
//! invalid-UTF-8 bytes are generated here rather than committed), reads it with
//! `tree::read_tree`, runs `generate`, and expects one diagnostic with its code, file and line —
//! never a panic, never a silent skip.

use graph_docgen::diagnostics::{Code, Diagnostic, Severity};
use graph_docgen::{generate, Options};
use std::path::Path;

const PAGE: &str = "v1.0/resources/hostile.md";

/// A resource page whose `## Properties` table lacks a name column: `GD0107` at `table_line`
/// (line 4) tells whether lines were counted right after decoding.
const NO_NAME_TABLE: &str = "# hostile resource type\n\n## Properties\n| Type | Description |\n|-|-|\n| String | x |\n";

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

/// Reads and generates a tree holding `bytes` at [`PAGE`]; all diagnostics, tree's first.
fn run(bytes: &[u8]) -> (Vec<Diagnostic>, Vec<graph_docgen::SourcePage>) {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(tmp.path(), PAGE, bytes);
    let (pages, mut diags) = graph_docgen::tree::read_tree(tmp.path());
    let generated = generate(pages.clone(), &Options::default());
    diags.extend(generated.diagnostics.0);
    for (path, text) in &generated.files {
        if path.ends_with(".rs") {
            syn::parse_file(text).unwrap_or_else(|e| panic!("{path}: {e}"));
        }
    }
    (diags, pages)
}

fn deep_json(depth: usize) -> String {
    format!(
        "# deep resource type\n\n## JSON representation\n<!-- {{ \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.deep\" }} -->\n```json\n{{\"a\": {}1{}}}\n```\n",
        "[".repeat(depth),
        "]".repeat(depth)
    )
}

#[test]
fn each_hostile_page_gets_its_diagnostic_at_its_line() {
    let mut binary: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
    binary.splice(0..0, b"\x89PNG\r\n\x1a\n".iter().copied());
    let no_nul_binary: Vec<u8> = (1u8..0x20).chain(0x80..=0xFF).cycle().take(4096).collect();
    let wide_row = format!(
        "# wide resource type\n\n## Properties\n| Property | Type | Description |\n|-|-|-|\n{}|\n",
        "| x ".repeat(10_000)
    );
    let mut invalid_utf8 = b"# bad resource type\n\nfine\n".to_vec();
    invalid_utf8.extend_from_slice(b"caf\xE9 \xFF\xFE\n");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(NO_NAME_TABLE.as_bytes());
    // (case, bytes, expected code, expected line)
    let cases: Vec<(&str, Vec<u8>, Code, u32)> = vec![
        ("invalid UTF-8", invalid_utf8, Code::InvalidUtf8, 4),
        ("BOM: the table is still found at its line", bom, Code::MissingColumn, 4),
        ("CRLF", NO_NAME_TABLE.replace('\n', "\r\n").into_bytes(), Code::MissingColumn, 4),
        ("lone CR", NO_NAME_TABLE.replace('\n', "\r").into_bytes(), Code::MissingColumn, 4),
        ("NUL bytes", b"# T\n\nok\nx\0y\n".to_vec(), Code::NotText, 4),
        // PNG signature `\x89PNG\r\n\x1a\n`, then a NUL at byte 8, on line 3.
        ("binary named .md", binary, Code::NotText, 3),
        ("binary without NUL bytes", no_nul_binary, Code::NotText, 1),
        (
            "unclosed code fence",
            b"# T resource type\n\n## JSON representation\n```json\n{\"a\": 1}\n".to_vec(),
            Code::UnclosedFence,
            4,
        ),
        (
            "unclosed HTML comment",
            b"# T resource type\n\ntext\n<!-- never closed\n## Properties\n".to_vec(),
            Code::UnclosedComment,
            4,
        ),
        (
            "unclosed annotation",
            b"# T resource type\n\n<!-- {\n  \"blockType\": \"resource\"\n```json\n{}\n```\n".to_vec(),
            Code::UnclosedComment,
            3,
        ),
        ("10,000-cell row", wide_row.into_bytes(), Code::TableShape, 6),
        ("JSON deeper than serde_json's limit", deep_json(200).into_bytes(), Code::JsonTooDeep, 6),
        ("empty page", Vec::new(), Code::MissingTitle, 1),
    ];
    for (name, bytes, code, line) in cases {
        let (diags, _) = run(&bytes);
        assert!(
            diags.iter().any(|d| d.code == code && d.span.file == PAGE && d.span.line == line),
            "{name}: expected {code} at {PAGE}:{line}; got {:#?}",
            diags
                .iter()
                .map(|d| format!("{} {}:{} {}", d.code, d.span.file, d.span.line, d.message))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn decoded_text_has_no_bom_and_no_carriage_returns() {
    for (name, bytes) in [
        ("BOM", format!("\u{feff}{NO_NAME_TABLE}").into_bytes()),
        ("CRLF", NO_NAME_TABLE.replace('\n', "\r\n").into_bytes()),
        ("lone CR", NO_NAME_TABLE.replace('\n', "\r").into_bytes()),
        (
            "mixed",
            b"# hostile resource type\r\n\r## Properties\n| Type | Description |\r|-|-|\r\n| String | x |\n".to_vec(),
        ),
    ] {
        let (_, pages) = run(&bytes);
        let text = &pages.first().expect(name).text;
        assert_eq!(text, NO_NAME_TABLE, "{name}");
    }
}

#[test]
fn json_below_serde_json_limit_is_read_and_at_it_is_reported() {
    use graph_docgen::parse::json::{parse_json, JsonError, MAX_DEPTH};
    let at = |d: usize| format!("{}{}", "[".repeat(d), "]".repeat(d));
    // serde_json's own limit (MAX_DEPTH open containers fail), to prove ours is the same.
    assert!(serde_json::from_str::<serde_json::Value>(&at(MAX_DEPTH - 1)).is_ok());
    assert!(serde_json::from_str::<serde_json::Value>(&at(MAX_DEPTH)).is_err());
    assert!(parse_json(&at(MAX_DEPTH - 1), 1).is_ok());
    assert!(matches!(parse_json(&at(MAX_DEPTH), 1), Err(JsonError::TooDeep { .. })));
    // Far deeper than any stack allows for naive recursion.
    assert!(matches!(parse_json(&at(1_000_000), 7), Err(JsonError::TooDeep { line: 7 })));
}

#[test]
fn a_50_mb_page_is_skipped_without_being_read() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join(PAGE);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    // A sparse 50 MB file: the reader must refuse it by size, before loading it.
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(50 * 1024 * 1024).expect("set_len");
    drop(file);
    write(tmp.path(), "v1.0/resources/small.md", b"# small resource type\n");
    let (pages, diags) = graph_docgen::tree::read_tree(tmp.path());
    assert_eq!(pages.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(), ["v1.0/resources/small.md"]);
    assert!(
        diags.iter().any(|d| d.code == Code::PageTooLarge && d.span.file == PAGE && d.message.contains("52428800")),
        "{diags:#?}"
    );

    // The same size in memory (e.g. from a caller that decodes bytes itself) is refused too.
    let big = "# big\n".repeat(50 * 1024 * 1024 / 6 + 1);
    let (text, d) = graph_docgen::tree::decode(PAGE, big.as_bytes());
    assert!(text.is_none());
    assert_eq!(d.iter().map(|d| d.code).collect::<Vec<_>>(), [Code::PageTooLarge]);
}

#[test]
fn an_empty_tree_is_an_error_and_generates_only_empty_modules() {
    let cases: [(&str, &[&str]); 3] = [
        ("no folders at all", &[]),
        ("empty version folders", &["v1.0/api", "beta/resources"]),
        ("only non-pages", &["v1.0/api/image.png", "beta/resources/notes.md.txt"]),
    ];
    for (name, entries) in cases {
        let tmp = tempfile::tempdir().expect("tempdir");
        for e in entries {
            if e.contains('.') && !e.ends_with("v1.0") {
                write(tmp.path(), e, b"x");
            } else {
                std::fs::create_dir_all(tmp.path().join(e)).expect("mkdir");
            }
        }
        let (pages, diags) = graph_docgen::tree::read_tree(tmp.path());
        assert!(pages.is_empty(), "{name}");
        let empty: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == Code::EmptyTree).collect();
        assert_eq!(empty.len(), 1, "{name}: {diags:#?}");
        assert!(empty.iter().all(|d| d.severity == Severity::Error), "{name}");
        // generate itself copes with no pages: only the two empty version modules.
        let generated = generate(pages, &Options::default());
        for (path, text) in &generated.files {
            if path.ends_with(".rs") {
                syn::parse_file(text).unwrap_or_else(|e| panic!("{name}: {path}: {e}"));
            }
        }
    }
}
