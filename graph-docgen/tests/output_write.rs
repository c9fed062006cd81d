//! output: writing and checking a generated crate on disk (fresh dir, no-op, changes, orphans,
//! refusal, confinement to the out dir, check mode, CRLF).

use graph_docgen::diagnostics::{Code, Diagnostic};
use graph_docgen::output::{self, Delta, FileDelta, Scaffold, FEATURES_KEY};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

const MANIFEST: &str = "[package]\nname = \"m\"\nversion = \"0.1.0\"\n\n[features]\ndefault = []\n# BEGIN GENERATED FEATURES\n# END GENERATED FEATURES\n\n[workspace]\n";

fn scaffold() -> Result<Scaffold, Vec<Diagnostic>> {
    Ok(Scaffold {
        files: BTreeMap::from([
            ("Cargo.toml".to_string(), MANIFEST.to_string()),
            ("src/lib.rs".to_string(), "pub mod runtime;\n".to_string()),
            ("src/runtime/mod.rs".to_string(), "//! runtime\n".to_string()),
        ]),
    })
}

fn no_scaffold() -> Result<Scaffold, Vec<Diagnostic>> {
    panic!("a crate exists: the scaffold must not be asked for")
}

fn files(entries: &[(&str, &str)]) -> BTreeMap<String, String> {
    entries.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// Every file under `dir` with its content, keyed by `/`-separated relative path.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in fs::read_dir(dir).expect("readable") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).expect("inside").to_string_lossy().replace('\\', "/");
                out.insert(rel, fs::read(&p).expect("file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out
}

fn deltas(list: &[(&str, Delta)]) -> Vec<FileDelta> {
    list.iter().map(|(p, d)| FileDelta { path: p.to_string(), delta: *d }).collect()
}

#[test]
fn fresh_dir_is_scaffolded_and_written() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("crate");
    let gen = files(&[
        ("src/generated/mod.rs", "// gen\n"),
        ("src/generated/beta/mod.rs", "// beta\n"),
        (FEATURES_KEY, "beta = []\n"),
    ]);
    let plan = output::write(&out, &gen, scaffold).expect("writes");
    assert!(plan.scaffold);
    assert_eq!(
        plan.deltas,
        deltas(&[
            ("Cargo.toml#features", Delta::Missing),
            ("src/generated/beta/mod.rs", Delta::Missing),
            ("src/generated/mod.rs", Delta::Missing)
        ])
    );
    let disk = snapshot(&out);
    let names: Vec<&str> = disk.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        vec!["Cargo.toml", "src/generated/beta/mod.rs", "src/generated/mod.rs", "src/lib.rs", "src/runtime/mod.rs"]
    );
    let manifest = String::from_utf8(disk["Cargo.toml"].clone()).expect("utf8");
    assert!(manifest.contains("# BEGIN GENERATED FEATURES\nbeta = []\n# END GENERATED FEATURES\n"), "{manifest}");
    assert_eq!(disk["src/generated/beta/mod.rs"], b"// beta\n");
}

#[test]
fn empty_existing_dir_is_scaffolded() {
    let tmp = tempfile::tempdir().expect("tmp");
    let plan = output::write(tmp.path(), &files(&[("src/generated/mod.rs", "x\n")]), scaffold).expect("writes");
    assert!(plan.scaffold);
    assert!(tmp.path().join("src/runtime/mod.rs").is_file());
}

#[test]
fn second_write_is_a_no_op() {
    let tmp = tempfile::tempdir().expect("tmp");
    let gen = files(&[("src/generated/mod.rs", "// gen\n"), (FEATURES_KEY, "a = []\n")]);
    output::write(tmp.path(), &gen, scaffold).expect("first");
    let before = snapshot(tmp.path());
    let mtime = fs::metadata(tmp.path().join("src/generated/mod.rs")).and_then(|m| m.modified()).expect("mtime");
    let plan = output::write(tmp.path(), &gen, no_scaffold).expect("second");
    assert!(plan.is_up_to_date(), "{plan:?}");
    assert_eq!(snapshot(tmp.path()), before);
    let mtime2 = fs::metadata(tmp.path().join("src/generated/mod.rs")).and_then(|m| m.modified()).expect("mtime");
    assert_eq!(mtime, mtime2, "an up-to-date run must not touch files");
    assert!(output::check(tmp.path(), &gen).expect("check").is_up_to_date());
}

#[test]
fn changed_added_and_removed_files() {
    let tmp = tempfile::tempdir().expect("tmp");
    let v1 = files(&[
        ("src/generated/a.rs", "a1\n"),
        ("src/generated/old_name.rs", "o\n"),
        ("src/generated/same.rs", "s\n"),
    ]);
    output::write(tmp.path(), &v1, scaffold).expect("first");
    let v2 = files(&[
        ("src/generated/a.rs", "a2\n"),
        ("src/generated/new_name.rs", "o\n"),
        ("src/generated/same.rs", "s\n"),
    ]);
    let plan = output::write(tmp.path(), &v2, no_scaffold).expect("second");
    assert!(!plan.scaffold);
    assert_eq!(
        plan.deltas,
        deltas(&[
            ("src/generated/a.rs", Delta::Stale),
            ("src/generated/new_name.rs", Delta::Missing),
            ("src/generated/old_name.rs", Delta::Extra)
        ])
    );
    let disk = snapshot(tmp.path());
    assert!(!disk.contains_key("src/generated/old_name.rs"), "orphan left behind");
    assert_eq!(disk["src/generated/a.rs"], b"a2\n");
    assert_eq!(disk["src/generated/new_name.rs"], b"o\n");
    // No staging or backup directory survives a successful write.
    assert!(!disk.keys().any(|k| k.contains(".generated.")), "{:?}", disk.keys());
    // Hand-written files are never touched.
    assert_eq!(disk["src/lib.rs"], b"pub mod runtime;\n");
}

#[test]
fn untracked_and_nested_extra_files_are_found_and_removed() {
    let tmp = tempfile::tempdir().expect("tmp");
    let gen = files(&[("src/generated/mod.rs", "m\n")]);
    output::write(tmp.path(), &gen, scaffold).expect("first");
    fs::create_dir_all(tmp.path().join("src/generated/deep/er")).expect("mkdir");
    fs::write(tmp.path().join("src/generated/deep/er/stray.rs"), "x").expect("write");
    fs::write(tmp.path().join("src/generated/.hidden"), "x").expect("write");
    let plan = output::check(tmp.path(), &gen).expect("check");
    assert_eq!(
        plan.deltas,
        deltas(&[("src/generated/.hidden", Delta::Extra), ("src/generated/deep/er/stray.rs", Delta::Extra)])
    );
    output::write(tmp.path(), &gen, no_scaffold).expect("write");
    assert!(!tmp.path().join("src/generated/deep").exists());
    assert!(output::check(tmp.path(), &gen).expect("check").is_up_to_date());
}

#[test]
fn foreign_non_empty_dir_is_refused_untouched() {
    let table: &[(&str, &[(&str, &str)])] = &[
        ("some other project", &[("README.md", "hi"), ("src/main.rs", "fn main() {}")]),
        ("a crate without the generated block", &[("Cargo.toml", "[package]\nname = \"x\"\n")]),
        ("a single file", &[("notes.txt", "keep me")]),
        (
            "another project's own src/generated",
            &[("Cargo.toml", "[package]\nname = \"x\"\n"), ("src/generated/proto.rs", "// made by protoc\n")],
        ),
        (
            "src/generated with one hand-written file",
            &[("src/generated/a.rs", "// @generated\n"), ("src/generated/b.rs", "fn main() {}\n")],
        ),
    ];
    for (case, contents) in table {
        let tmp = tempfile::tempdir().expect("tmp");
        for (rel, text) in contents.iter() {
            let p = tmp.path().join(rel);
            fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            fs::write(p, text).expect("write");
        }
        let before = snapshot(tmp.path());
        let gen = files(&[("src/generated/mod.rs", "m\n")]);
        for result in [output::write(tmp.path(), &gen, scaffold), output::check(tmp.path(), &gen)] {
            let err = result.expect_err(case);
            assert_eq!(err.iter().map(|d| d.code).collect::<Vec<_>>(), vec![Code::OutputNotGenerated], "{case}");
            assert_eq!(err.first().map(|d| d.span.file.as_str()), Some(""), "{case}: span names the out dir itself");
        }
        assert_eq!(snapshot(tmp.path()), before, "{case}: refused dir was modified");
    }
}

#[test]
fn keys_outside_src_generated_are_refused_before_writing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("crate");
    output::write(&out, &files(&[("src/generated/mod.rs", "m\n")]), scaffold).expect("first");
    let before = snapshot(tmp.path());
    let table = [
        "../escape.rs",
        "src/lib.rs",
        "src/generated/../../x.rs",
        "/etc/passwd",
        "Cargo.toml",
        "src/generated/a\\..\\..\\b.rs",
    ];
    for key in table {
        let gen = files(&[("src/generated/mod.rs", "changed\n"), (key, "evil")]);
        let err = output::write(&out, &gen, no_scaffold).expect_err(key);
        assert!(err.iter().all(|d| d.code == Code::OutputPathNotOwned), "{key}: {err:?}");
        assert_eq!(snapshot(tmp.path()), before, "{key}: something was written");
    }
}

#[test]
fn nothing_outside_the_out_dir_is_touched() {
    let tmp = tempfile::tempdir().expect("tmp");
    let sibling = tmp.path().join("sibling.txt");
    fs::write(&sibling, "untouched").expect("write");
    let out = tmp.path().join("out");
    let gen1 = files(&[("src/generated/a.rs", "1\n"), (FEATURES_KEY, "x = []\n")]);
    let gen2 = files(&[("src/generated/b.rs", "2\n")]);
    output::write(&out, &gen1, scaffold).expect("first");
    output::write(&out, &gen2, no_scaffold).expect("second");
    let names: Vec<String> = fs::read_dir(tmp.path())
        .expect("read")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, vec!["out", "sibling.txt"]);
    assert_eq!(fs::read_to_string(&sibling).expect("read"), "untouched");
}

#[test]
fn check_names_stale_missing_and_extra_and_writes_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let old = files(&[
        ("src/generated/stale.rs", "old\n"),
        ("src/generated/extra.rs", "e\n"),
        ("src/generated/ok.rs", "k\n"),
        (FEATURES_KEY, "a = []\n"),
    ]);
    output::write(tmp.path(), &old, scaffold).expect("write");
    let before = snapshot(tmp.path());
    let new = files(&[
        ("src/generated/stale.rs", "new\n"),
        ("src/generated/missing.rs", "m\n"),
        ("src/generated/ok.rs", "k\n"),
        (FEATURES_KEY, "b = []\n"),
    ]);
    let plan = output::check(tmp.path(), &new).expect("check");
    assert_eq!(
        plan.deltas,
        deltas(&[
            ("Cargo.toml#features", Delta::Stale),
            ("src/generated/extra.rs", Delta::Extra),
            ("src/generated/missing.rs", Delta::Missing),
            ("src/generated/stale.rs", Delta::Stale)
        ])
    );
    assert_eq!(snapshot(tmp.path()), before, "check wrote something");
}

#[test]
fn check_of_a_missing_dir_lists_every_file_as_missing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("nope");
    let plan = output::check(&out, &files(&[("src/generated/mod.rs", "m\n")])).expect("check");
    assert!(plan.scaffold);
    assert_eq!(plan.deltas, deltas(&[("src/generated/mod.rs", Delta::Missing)]));
    assert!(!out.exists(), "check created the directory");
}

#[test]
fn crlf_on_disk_compares_equal_but_other_bytes_do_not() {
    let tmp = tempfile::tempdir().expect("tmp");
    let gen = files(&[("src/generated/a.rs", "line 1\nline 2\n"), (FEATURES_KEY, "a = []\n")]);
    output::write(tmp.path(), &gen, scaffold).expect("write");
    fs::write(tmp.path().join("src/generated/a.rs"), "line 1\r\nline 2\r\n").expect("crlf");
    let manifest = fs::read_to_string(tmp.path().join("Cargo.toml")).expect("read").replace('\n', "\r\n");
    fs::write(tmp.path().join("Cargo.toml"), manifest).expect("crlf");
    assert!(output::check(tmp.path(), &gen).expect("check").is_up_to_date());
    let table = ["line 1\nline 2", "line 1\n\nline 2\n", "line 1\rline 2\r", "line 1\nline 2\n\u{feff}"];
    for text in table {
        fs::write(tmp.path().join("src/generated/a.rs"), text).expect("write");
        let plan = output::check(tmp.path(), &gen).expect("check");
        assert_eq!(plan.deltas, deltas(&[("src/generated/a.rs", Delta::Stale)]), "{text:?}");
    }
    fs::write(tmp.path().join("src/generated/a.rs"), [0xff, 0xfe, 0x00]).expect("binary");
    assert_eq!(output::check(tmp.path(), &gen).expect("check").deltas, deltas(&[("src/generated/a.rs", Delta::Stale)]));
}

#[test]
fn features_block_needs_markers_unless_unmanaged() {
    let tmp = tempfile::tempdir().expect("tmp");
    fs::create_dir_all(tmp.path().join("src/generated")).expect("mkdir");
    fs::write(tmp.path().join("Cargo.toml"), "[package]\nname = \"x\"\n").expect("write");
    let err = output::write(tmp.path(), &files(&[(FEATURES_KEY, "a = []\n")]), no_scaffold).expect_err("no markers");
    assert_eq!(err.iter().map(|d| d.code).collect::<Vec<_>>(), vec![Code::MissingGeneratedBlock]);
    // No manifest at all: same error, in both modes.
    fs::remove_file(tmp.path().join("Cargo.toml")).expect("rm");
    for result in [
        output::check(tmp.path(), &files(&[(FEATURES_KEY, "a = []\n")])),
        output::write(tmp.path(), &files(&[(FEATURES_KEY, "a = []\n")]), no_scaffold),
    ] {
        assert_eq!(
            result.expect_err("no manifest").iter().map(|d| d.code).collect::<Vec<_>>(),
            vec![Code::MissingGeneratedBlock]
        );
    }
    fs::write(tmp.path().join("Cargo.toml"), "[package]\nname = \"x\"\n").expect("write");
    // Without the key the manifest is not the generator's business.
    let plan = output::write(tmp.path(), &files(&[("src/generated/m.rs", "m\n")]), no_scaffold).expect("writes");
    assert_eq!(plan.deltas, deltas(&[("src/generated/m.rs", Delta::Missing)]));
    assert_eq!(fs::read_to_string(tmp.path().join("Cargo.toml")).expect("read"), "[package]\nname = \"x\"\n");
}

#[test]
fn an_interrupted_swap_is_repaired() {
    let tmp = tempfile::tempdir().expect("tmp");
    let gen = files(&[("src/generated/a.rs", "a\n")]);
    output::write(tmp.path(), &gen, scaffold).expect("write");
    // Simulate a run killed between "old -> backup" and "new -> place", with a half-built
    // staging dir left behind.
    fs::rename(tmp.path().join("src/generated"), tmp.path().join("src/.generated.old")).expect("rename");
    fs::create_dir_all(tmp.path().join("src/.generated.new")).expect("mkdir");
    fs::write(tmp.path().join("src/.generated.new/half.rs"), "h").expect("write");
    // The previous content is still seen as the crate's...
    assert!(output::check(tmp.path(), &gen).expect("check").is_up_to_date());
    // ...an up-to-date write restores it and removes the half-built staging dir...
    assert!(output::write(tmp.path(), &gen, no_scaffold).expect("write").is_up_to_date());
    assert!(tmp.path().join("src/generated/a.rs").is_file());
    assert!(!tmp.path().join("src/.generated.new").exists());
    assert!(!tmp.path().join("src/.generated.old").exists());
    fs::rename(tmp.path().join("src/generated"), tmp.path().join("src/.generated.old")).expect("rename");
    // ...and so does a write with changes.
    let plan = output::write(tmp.path(), &files(&[("src/generated/b.rs", "b\n")]), no_scaffold).expect("write");
    assert_eq!(plan.deltas, deltas(&[("src/generated/a.rs", Delta::Extra), ("src/generated/b.rs", Delta::Missing)]));
    let names: Vec<String> = snapshot(tmp.path()).into_keys().collect();
    assert_eq!(names, vec!["Cargo.toml", "src/generated/b.rs", "src/lib.rs", "src/runtime/mod.rs"]);
}

#[test]
fn a_failing_scaffold_writes_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("new");
    let err = output::write(&out, &files(&[("src/generated/a.rs", "a\n")]), || {
        Err(vec![Diagnostic::new(
            Code::Io,
            graph_docgen::diagnostics::Span::line("/ws/graph-models/Cargo.toml", 0),
            "cannot read",
        )])
    })
    .expect_err("scaffold fails");
    assert_eq!(err.len(), 1);
    assert!(!out.exists());
}

#[test]
fn scaffold_from_this_workspace_is_standalone() {
    let ws = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace");
    let s = Scaffold::from_workspace(ws).expect("scaffold");
    let manifest = s.files.get("Cargo.toml").expect("manifest");
    assert!(!manifest.contains(".workspace = true") && !manifest.contains("workspace = true"), "{manifest}");
    assert!(manifest.contains("[workspace]"), "{manifest}");
    assert!(s.files.contains_key("src/lib.rs"));
    assert!(
        s.files.keys().all(|k| k == "Cargo.toml" || k == "src/lib.rs" || k.starts_with("src/runtime/")),
        "{:?}",
        s.files.keys()
    );
}

#[test]
fn a_crate_without_markers_is_recognised_by_its_generated_headers() {
    let tmp = tempfile::tempdir().expect("tmp");
    let header = "// @generated by `cargo xtask regen` from the Microsoft Graph docs. Do not edit by hand.\n";
    fs::create_dir_all(tmp.path().join("src/generated/beta")).expect("mkdir");
    fs::write(tmp.path().join("Cargo.toml"), "[package]\nname = \"x\"\n").expect("write");
    fs::write(tmp.path().join("src/generated/beta/mod.rs"), format!("{header}pub struct A;\n")).expect("write");
    let gen = files(&[("src/generated/beta/mod.rs", "// @generated\npub struct B;\n")]);
    let plan = output::write(tmp.path(), &gen, no_scaffold).expect("recognised as generated");
    assert_eq!(plan.deltas, deltas(&[("src/generated/beta/mod.rs", Delta::Stale)]));
}
