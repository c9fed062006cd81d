//! The hostile fixture tree (`tests/fixtures/hostile-docs/`: keyword, digit, punctuation,
//! non-ASCII and colliding names; types named `Option`, `Result`, `String`, `Box`, `Vec`,
//! `Duration`; a type containing itself; a property listed twice; descriptions holding code
//! fences, `*/`, `"#]`, raw HTML, backslashes and link lookalikes; a broken table) is generated
//! into a temporary crate exactly like `cargo xtask regen --out` does (scaffold from this
//! workspace, then `output::write`), and that crate must pass `cargo check` under
//! `RUSTFLAGS=-D warnings`, `cargo doc` under `RUSTDOCFLAGS=-D warnings`, and list no doctest from a generated file.

use graph_docgen::diagnostics::{Code, Diagnostic, Severity};
use graph_docgen::output::{self, Scaffold};
use graph_docgen::{generate, Generated, Options};
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_path_buf()
}

fn fixture_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile-docs")
}

fn generate_fixture() -> (Generated, Vec<Diagnostic>) {
    let (pages, tree_diags) = graph_docgen::tree::read_tree(&fixture_root());
    (generate(pages, &Options::default()), tree_diags)
}

/// `(code, text the message must contain)`: each rename and each defect of the fixture has
/// its own diagnostic.
const EXPECTED: &[(Code, &str)] = &[
    // Collisions after case conversion, in one table and in a request body.
    (Code::NameCollision, "property `DisplayName` maps to `display_name`"),
    (Code::NameCollision, "property `display-name` maps to `display_name`"),
    (Code::NameCollision, "body field `DisplayName` maps to `display_name`"),
    (Code::NameCollision, "body field `display-name` maps to `display_name`"),
    (Code::NameCollision, "property `Self` maps to `self_`"),
    (Code::NameCollision, "property `Ok` maps to `ok`"),
    (Code::NameCollision, "enum member `a-b` maps to `AB`"),
    // Names adjusted by the naming rule (a note each: routine in Graph, but never silent).
    (Code::IdentifierAdjusted, "property `type` is a Rust keyword; it is named `type_`"),
    (Code::IdentifierAdjusted, "property `self` is a Rust keyword"),
    (Code::IdentifierAdjusted, "property `Self` is a Rust keyword"),
    (Code::IdentifierAdjusted, "property `match` is a Rust keyword"),
    (Code::IdentifierAdjusted, "property `fn` is a Rust keyword"),
    (Code::IdentifierAdjusted, "property `crate` is a Rust keyword"),
    (Code::IdentifierAdjusted, "property `1stPlace` starts with a digit; it is named `n1st_place`"),
    (Code::IdentifierAdjusted, "property `@odata.etag` holds characters"),
    (Code::IdentifierAdjusted, "property `my-prop` holds characters"),
    (Code::IdentifierAdjusted, "property `with space` holds characters"),
    (Code::IdentifierAdjusted, "body field `type` is a Rust keyword"),
    (Code::IdentifierAdjusted, "enum member `1st` starts with a digit"),
    (Code::IdentifierAdjusted, "enum member `Self` is a Rust keyword"),
    // Names whose spelling the reader cannot guess.
    (Code::IdentifierRenamed, "property `größe`"),
    (Code::IdentifierRenamed, "property `名前`"),
    (Code::IdentifierRenamed, "body field `größe`"),
    (Code::IdentifierRenamed, "enum member `été`"),
    (Code::IdentifierRenamed, "property `_`"),
    // A property listed twice with two types.
    (Code::PropertyTypeConflict, "as String, here as Int32"),
    (Code::PropertyTypeConflict, "as String, here as Boolean"),
    // The broken beta table is reported and skipped; the rest of the tree still generates.
    (Code::MissingColumn, "no Property/Name column"),
    (Code::TableShape, "row has 5 cells"),
    (Code::UnparsedTypeCell, "Collection(Edm.Unknown<>)"),
    // A Type link out of the docs tree names a type; it is never opened.
    (Code::UndescribedType, "microsoft.graph.secret"),
];

#[test]
fn fixture_tree_reports_every_rename_and_defect() {
    let (generated, tree_diags) = generate_fixture();
    assert!(tree_diags.is_empty(), "{tree_diags:#?}");
    let diags = &generated.diagnostics.0;
    assert!(diags.iter().all(|d| d.severity != Severity::Error), "errors: {diags:#?}");
    for (code, text) in EXPECTED {
        assert!(
            diags.iter().any(|d| d.code == *code && d.message.contains(text)),
            "expected {code} mentioning {text:?}; got:\n{}",
            diags.iter().map(|d| format!("{} {}\n", d.code, d.message)).collect::<String>()
        );
    }
    // Every diagnostic points at a fixture page and a line.
    for d in diags {
        assert!(d.span.file.starts_with("v1.0/") || d.span.file.starts_with("beta/"), "{d:?}");
        assert!(d.span.line > 0, "{d:?}");
    }
}

#[test]
fn fixture_tree_names_are_valid_and_std_types_stay_std() {
    let (generated, _) = generate_fixture();
    let types = generated.files.get("src/generated/v1_0/types.rs").expect("v1.0 types");
    // (generated text that must appear, why)
    let cases: &[(&str, &str)] = &[
        ("pub type_:", "keyword `type` gets the `_` suffix"),
        ("pub self_:", "`self` cannot be a raw identifier"),
        ("pub self_2:", "`Self` collides with `self` after casing"),
        ("pub crate_:", "keyword `crate`"),
        ("pub match_:", "keyword `match`"),
        ("pub fn_:", "keyword `fn`"),
        ("pub n1st_place:", "leading digit gets `n`"),
        ("pub n42:", "digits only"),
        ("pub odata_etag:", "`@` and `.` are separators"),
        ("pub my_prop:", "`-` is a separator"),
        ("pub with_space:", "space is a separator"),
        ("pub display_name:", "first of the colliding names keeps it"),
        ("pub display_name_2:", "second colliding name"),
        ("pub display_name_3:", "third colliding name"),
        // Graph types named like the std prelude items generated code writes unqualified
        // (names::PRELUDE) are renamed, so they shadow nothing, here or in a user's glob import.
        ("pub struct Option2 {", "a Graph type named Option"),
        ("pub struct Result2 {", "a Graph type named Result"),
        ("pub struct Box2 {", "a Graph type named Box"),
        ("pub struct Vec2 {", "a Graph type named Vec"),
        ("Option<super::Option2>", "std Option around the Graph Option"),
        ("Box<super::TreeNode>", "a self-containing type is boxed"),
    ];
    for (text, why) in cases {
        assert!(types.contains(text), "{why}: `{text}` not in v1.0/types.rs");
    }
    // One bad table does not stop its page or the tree: the broken beta page keeps its good
    // rows, and the unreadable Type cell keeps raw JSON rather than being dropped.
    let beta = generated.files.get("src/generated/beta/types.rs").expect("beta types");
    for text in [
        "pub struct BrokenTable {",
        "pub good: Option<String>",
        "pub weird: Option<::serde_json::Value>",
        "pub struct HostileNames {",
    ] {
        assert!(beta.contains(text), "`{text}` not in beta/types.rs");
    }
    // The description's ```rust block and the cell's ```rust text never become code blocks.
    assert!(!types.contains("```rust"), "a rust fence reached a doc comment");
    assert!(!types.contains("panic!(\"a doc example"), "the page's rust block reached the docs");
    // Every generated file parses.
    for (path, text) in &generated.files {
        if path.ends_with(".rs") {
            syn::parse_file(text).unwrap_or_else(|e| panic!("{path}: {e}"));
        }
    }
}

/// Runs cargo `args` on the crate in `dir` with `flags_var=-D warnings`; returns stdout.
fn cargo(dir: &Path, target: &Path, args: &[&str], flags_var: &str) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    // `args` may end with `-- ...` for the test harness: cargo's own options go first.
    let (cargo_args, harness_args) = match args.iter().position(|a| *a == "--") {
        Some(at) => args.split_at(at),
        None => (args, &[][..]),
    };
    let output = Command::new(cargo)
        .args(cargo_args)
        .args(["--offline", "--all-features", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .args(harness_args)
        .env("CARGO_TARGET_DIR", target)
        // One value for all three commands, so that they share the dependencies' builds.
        .env("RUSTFLAGS", "-D warnings")
        .env(flags_var, "-D warnings")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "cargo {args:?} failed:\n{stdout}\n{}",
        stderr.chars().take(30_000).collect::<String>()
    );
    stdout
}

#[test]
fn fixture_tree_crate_checks_documents_and_has_no_doctests() {
    let root = workspace_root();
    if !root.join("graph-models/src/runtime").is_dir() {
        println!("SKIP: graph-models has no src/runtime to compile the generated code against");
        return;
    }
    let (generated, _) = generate_fixture();
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("graph-models");
    output::write(&out, &generated.files, || Scaffold::from_workspace(&root)).expect("write the crate");
    // The workspace's lock pins the versions its tests used (as `.ci/run` does).
    std::fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock")).expect("copy Cargo.lock");

    let target = root.join("target/hostile-tree");
    cargo(&out, &target, &["check", "--lib", "--quiet"], "RUSTFLAGS");
    cargo(&out, &target, &["doc", "--lib", "--no-deps", "--quiet"], "RUSTDOCFLAGS");
    // Listed, not run: the hand-written `lib.rs` examples name items generated from `docs/`,
    // which this fixture crate does not have; only doctests of generated files matter here.
    let doctests = cargo(&out, &target, &["test", "--doc", "--", "--list"], "RUSTDOCFLAGS");
    assert!(doctests.lines().any(|l| l.ends_with(": test")), "no doctest listed at all (runtime has some): {doctests}");
    let from_generated: Vec<&str> = doctests.lines().filter(|l| l.starts_with("src/generated")).collect();
    assert!(from_generated.is_empty(), "doctests from generated items: {from_generated:#?}");
}
