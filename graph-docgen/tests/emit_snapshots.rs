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
    assert_eq!(
        files.get(FEATURES_KEY).map(String::as_str),
        Some(
            "v1_0 = []\nbeta = []\n# Every workload; with `v1_0` and/or `beta`, the whole generated API.\nfull = []\n"
        )
    );
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

/// The rules the snapshots show, asserted directly so a snapshot update cannot hide a regression.
#[test]
fn emitted_rules() {
    let (files, _) = emit(&[emit_common::beta()], &EmitOptions::default());
    let file = |p: &str| files.get(p).cloned().unwrap_or_default();
    let types = file("src/generated/beta/types.rs");
    let requests = file("src/generated/beta/requests.rs");
    let enums = file("src/generated/beta/enums.rs");
    let cases: &[(&str, &str, bool)] = &[
        (&types, "pub parent: Option<Box<super::Folder>>", true),
        (&types, "pub children: Option<Vec<super::Folder>>", true),
        (&types, "pub ping: Option<Box<super::Pong>>", true),
        (&types, "pub back: Option<Box<super::Folder>>", true),
        // A base with derived types is held through its polymorphic enum; a direct one is boxed.
        (&types, "pub owner: Option<Box<super::DirectoryObjectKind>>", true),
        (&types, "pub members: Option<Vec<super::DirectoryObjectKind>>", true),
        (&types, "pub enum DirectoryObjectKind {", true),
        (&types, "Group(super::Group),", true),
        (&types, "Other(super::DirectoryObject),", true),
        (&types, "Some(Self::Group(Default::default()))", true),
        // `entity` is never a field type: no enum over all entities.
        (&types, "pub enum EntityKind", false),
        (&types, "pub mystery: Option<::serde_json::Value>", true),
        (&types, "pub type Mystery = ::serde_json::Value;", true),
        (&types, "pub meeting_days: Option<crate::runtime::Flags<super::WeekDays>>", true),
        (&types, "pub last_call: Option<super::call_records::Session>", true),
        // Inherited properties come first, base-most first.
        (&types, "model_fields! {\n        0 id = \"id\",\n        1 deleted_date_time = \"deletedDateTime\",\n        2 display_name = \"displayName\",", true),
        (&types, "pub type_: ", true),
        (&types, "pub self_: ", true),
        (&types, "pub type_2: ", true),
        (&types, "pub n3d_model: ", true),
        (&types, "pub struct FooBar2 ", true),
        // A Graph type named like a std prelude item the generated code writes (names::PRELUDE).
        (&types, "pub struct Option2 ", true),
        (&types, "```text", true),
        (&types, "```rust", false),
        (&requests, "pub fn clear_display_name", false),
        (&requests, "pub fn clear_description", true),
        (&requests, "pub struct GetGroup", false),
        (&requests, "No request constructor", true),
        (&requests, "pub fn users_joined_groups(", true),
        (&requests, "`id`: one of `id` or `userPrincipalName`.", true),
        (&requests, ".quoted(site_id)", true),
        (&requests, ".item_path(\"item-path\", item_path)", true),
        (&enums, "Other2,", true),
        (&enums, "Other(String),", true),
    ];
    for (text, needle, present) in cases {
        assert_eq!(text.contains(needle), *present, "{needle}");
    }
}
