//! Nothing lost, nothing read from outside: a regen that meets an error (or a denied warning)
//! leaves the previous crate byte for byte and writes nothing anywhere; a Type-cell link that
//! climbs out of the docs tree (`../../../../etc/passwd`) is never opened, so the output does
//! not depend on what such a file holds.

use graph_docgen::{generate, Options};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn workspace_root() -> PathBuf {
    manifest_dir().parent().expect("workspace root").to_path_buf()
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// Every file under `dir` (recursively) with its bytes; missing dir -> empty.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path.strip_prefix(base).expect("under base").to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// `cargo xtask regen` with `args`, from `cwd`.
fn xtask(cwd: &Path, args: &[&str]) -> Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    Command::new(cargo)
        .args(["run", "--quiet", "--offline", "--package", "xtask", "--manifest-path"])
        .arg(workspace_root().join("Cargo.toml"))
        .arg("--")
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("cargo runs")
}

#[test]
fn a_blocked_regen_leaves_the_previous_crate_and_writes_nothing_anywhere() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let fixture = manifest_dir().join("tests/fixtures/hostile-docs");
    let fixture = fixture.to_str().expect("utf-8 path");
    // A docs tree without pages, then a previous crate generated from the fixture tree.
    write(tmp.path(), "empty/v1.0/notes.txt", "not a page");
    let first = xtask(tmp.path(), &["regen", "--docs", fixture, "--out", "models"]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let before = snapshot(tmp.path());
    assert!(before.keys().any(|k| k.starts_with("models/src/generated/")), "{:?}", before.keys());

    // Runs that must stop before writing: (name, docs root relative to tmp, extra args)
    let cases: &[(&str, &str, &[&str])] = &[
        ("empty tree (GD0005 error)", "empty", &[]),
        ("missing docs root (error)", "no-such-docs", &[]),
        ("fixture warnings denied", fixture, &["--deny", "warnings"]),
    ];
    for (name, docs, extra) in cases {
        let mut args = vec!["regen", "--docs", docs, "--out", "models"];
        args.extend_from_slice(extra);
        let out = xtask(tmp.path(), &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{name}: succeeded:\n{stderr}");
        assert!(stderr.contains("nothing was written"), "{name}: {stderr}");
        assert!(snapshot(tmp.path()) == before, "{name}: files changed under the temp dir");
    }
}

/// A resource page whose property's Type cell links to `link`.
fn page_linking(link: &str) -> String {
    format!(
        "# holder resource type\n\nNamespace: microsoft.graph\n\nHolds links.\n\n## Properties\n| Property | Type | Description |\n|-|-|-|\n| secret | [secret]({link}) | Points outside the tree. |\n| plain | String | A string. |\n"
    )
}

/// What a page at `target` would make of a type `secret` if anyone read it.
const SECRET_PAGE: &str = "# secret resource type\n\nNamespace: microsoft.graph\n\nRead from outside the docs tree.\n\n## Properties\n| Property | Type | Description |\n|-|-|-|\n| leaked | String | Must never appear. |\n";

#[test]
fn type_links_out_of_the_tree_read_nothing() {
    // The docs root is `tmp/a/b/docs`; links climb to `tmp/` and beyond.
    let links = ["../../../../secret.md", "../../../../../etc/passwd", "/etc/passwd", "../../../../secret.md#x"];
    for link in links {
        let tmp = tempfile::tempdir().expect("tempdir");
        let docs = tmp.path().join("a/b/docs");
        write(&docs, "v1.0/resources/holder.md", &page_linking(link));
        let run = || {
            let (pages, tree_diags) = graph_docgen::tree::read_tree(&docs);
            let g = generate(pages, &Options::default());
            let diags = serde_json::to_string(&g.diagnostics.0).expect("json");
            (g.files, diags, tree_diags.len())
        };
        let without = run();
        // Put a page describing `secret` where the link points (both targets for `/etc/passwd`
        // cannot be written; a temp-dir one is, and the absolute one exists on every Unix).
        write(tmp.path(), "secret.md", SECRET_PAGE);
        write(tmp.path(), "a/secret.md", SECRET_PAGE);
        let with = run();
        assert!(without == with, "{link}: the output changed when a file outside the tree appeared");
        let all: String = with.0.values().cloned().collect();
        assert!(!all.contains("leaked"), "{link}: content from outside the tree reached the output");
        assert!(!all.contains("root:"), "{link}: /etc/passwd reached the output");
    }
}
