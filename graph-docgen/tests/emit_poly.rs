//! Polymorphism end to end: the `poly-docs` fixture tree (`entity` <- `directoryObject` <-
//! `user`/`group`, a `members` collection and a `manager` property typed `directoryObject`)
//! goes through parse, lower and emit; the output is compiled into a scratch copy of
//! graph-models together with `fixtures/poly_crate_test.rs`, whose tests decode mixed
//! collections and the runtime scalars through the generated types. Without a runtime to
//! compile against the test prints `SKIP`.

mod emit_common;

use graph_docgen::diagnostics::Severity;
use graph_docgen::schema::{ApiVersion, TypeId};
use graph_docgen::{generate, tree, Options};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/poly-docs")
}

fn generated() -> graph_docgen::Generated {
    let (pages, diags) = tree::read_tree(&fixture_root());
    assert!(diags.is_empty(), "{diags:#?}");
    generate(pages, &Options::default())
}

#[test]
fn fixture_schema_has_the_hierarchy_and_one_enum() {
    let g = generated();
    let errors: Vec<_> = g.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let schema = g.schemas.iter().find(|s| s.version == ApiVersion::V1_0).expect("a v1.0 schema");
    let derived: Vec<&str> =
        schema.derived_types(&TypeId::new("microsoft.graph", "directoryObject")).iter().map(|t| t.id.name()).collect();
    assert_eq!(derived, ["group", "user"]);
    let types = g.files.get("src/generated/v1_0/types.rs").cloned().unwrap_or_default();
    let cases: &[(&str, bool)] = &[
        ("pub enum DirectoryObjectKind {", true),
        ("User(super::User),", true),
        ("Group(super::Group),", true),
        ("Other(super::DirectoryObject),", true),
        // A relationship is a `Nav` (runtime/nav.rs); `manager` is a property.
        ("pub members: Option<crate::runtime::Nav<Vec<super::DirectoryObjectKind>>>", true),
        ("pub manager: Option<Box<super::DirectoryObjectKind>>", true),
        // Rustdoc: links to a generated type's page are intra-doc links (checked by
        // `cargo doc -D warnings` in the scratch crate); other links stay absolute.
        ("A group of [users](crate::v1_0::User) and other groups.", true),
        ("the base type of [user](crate::v1_0::User) and [group](crate::v1_0::Group).", true),
        ("[date formats](https://learn.microsoft.com/graph/overview)", true),
        // `entity` has derived types but no property holds one: no enum.
        ("pub enum EntityKind", false),
    ];
    for (needle, present) in cases {
        assert_eq!(types.contains(needle), *present, "{needle}");
    }
}

#[test]
fn fixture_crate_decodes_mixed_collections() {
    let mut g = generated();
    // With the docs' example tests, which decode the expanded `members` of group.md's example.
    graph_docgen::emit::example_tests::add(&mut g);
    assert!(
        g.files
            .get("src/generated/v1_0/example_tests.rs")
            .is_some_and(|t| t.contains("round_trip::<Vec<super::DirectoryObjectKind>>(&doc, \"/members\")")),
        "the example's relationship gets a typed round trip"
    );
    let mut files = g.files.clone();
    let test_src =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/poly_crate_test.rs"))
            .expect("the scratch crate's test file");
    files.insert("tests/poly.rs".to_string(), test_src);
    match emit_common::check_crate(&files, "emit-poly", true) {
        Ok(true) => {}
        Ok(false) => {
            println!("SKIP: graph-models has no src/runtime; nothing to run the generated code against");
            return;
        }
        Err(e) => panic!("{e}"),
    }
    // check_crate built it under target/emit-poly; now run the scratch crate's tests.
    let target_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/emit-poly");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let output = Command::new(cargo)
        .args(["test", "--offline", "--all-features", "--lib", "--test", "poly", "--manifest-path"])
        .arg(target_dir.join("crate/Cargo.toml"))
        .env("CARGO_TARGET_DIR", &target_dir)
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "scratch crate tests failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("test result: ok"), "{stdout}");
    assert!(stdout.contains("group_md_l") && stdout.contains("_response ... ok"), "the example test ran: {stdout}");
    println!("{stdout}");
}
