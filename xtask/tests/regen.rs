//! `regen` end to end on hand-made generator results and on the real binary: writes, check
//! mode messages, stopping on errors and denied warnings, and running from another directory.

use graph_docgen::diagnostics::{Code, Diagnostic, Diagnostics, Span};
use graph_docgen::output::FEATURES_KEY;
use graph_docgen::Generated;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;
use xtask::{Format, Loaded, RegenArgs, UserPath};

fn loaded(files: &[(&str, &str)], diags: Vec<Diagnostic>) -> Loaded {
    Loaded {
        generated: Generated {
            pages: vec![],
            schemas: vec![],
            files: files.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            diagnostics: Diagnostics(diags),
            timings: Default::default(),
        },
        sources: BTreeMap::new(),
    }
}

fn args(out: &Path, check: bool) -> RegenArgs {
    RegenArgs {
        docs: UserPath::resolve(Some(Path::new("my-docs")), "docs"),
        out: UserPath::resolve(Some(out), "graph-models"),
        check,
        format: Format::Human,
        deny_warnings: false,
        color: false,
        timings: false,
    }
}

const FILES: &[(&str, &str)] = &[
    ("src/generated/mod.rs", "pub mod beta;\n"),
    ("src/generated/beta/mod.rs", "// beta\n"),
    (FEATURES_KEY, "beta = []\n"),
];

#[test]
fn write_then_check_then_stale() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("models");
    let first = xtask::regen_with(&args(&out, false), loaded(FILES, vec![]));
    assert!(first.success, "{}", first.stderr);
    assert!(first.stderr.contains("scaffolded a new crate"), "{}", first.stderr);
    assert!(first.stderr.contains("3 added, 0 changed, 0 removed"), "{}", first.stderr);
    // The scaffold is the repo's graph-models made standalone.
    assert!(out.join("src/lib.rs").is_file());
    assert!(fs::read_to_string(out.join("Cargo.toml")).expect("manifest").contains("[workspace]"));

    let again = xtask::regen_with(&args(&out, true), loaded(FILES, vec![]));
    assert!(again.success, "{}", again.stderr);
    assert!(again.stderr.ends_with("is up to date\n"), "{}", again.stderr);

    let changed = &[
        ("src/generated/mod.rs", "pub mod beta; // changed\n"),
        ("src/generated/v1_0/mod.rs", "// new\n"),
        (FEATURES_KEY, "beta = []\n"),
    ];
    let stale = xtask::regen_with(&args(&out, true), loaded(changed, vec![]));
    assert!(!stale.success);
    for line in
        ["stale    src/generated/mod.rs", "missing  src/generated/v1_0/mod.rs", "extra    src/generated/beta/mod.rs"]
    {
        assert!(stale.stderr.contains(line), "missing `{line}` in:\n{}", stale.stderr);
    }
    let fix = format!("run `cargo xtask regen --docs my-docs --out {}` to update it", out.display());
    assert!(stale.stderr.contains(&fix), "{}", stale.stderr);
    assert_eq!(fs::read_to_string(out.join("src/generated/mod.rs")).expect("read"), "pub mod beta;\n", "check wrote");
}

#[test]
fn errors_and_denied_warnings_stop_before_writing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("models");
    let err = Diagnostic::new(Code::EmptyTree, Span::line("", 1), "no pages");
    let warn = Diagnostic::new(Code::JsonTolerated, Span::new("beta/api/a.md", 3, 4), "trailing comma");
    let table: Vec<(Vec<Diagnostic>, bool, bool)> = vec![
        (vec![err.clone()], false, false),
        (vec![warn.clone()], true, false),
        (vec![warn.clone()], false, true),
        (vec![err, warn], true, false),
    ];
    for (diags, deny, ok) in table {
        let mut a = args(&out, false);
        a.deny_warnings = deny;
        let outcome = xtask::regen_with(&a, loaded(FILES, diags.clone()));
        assert_eq!(outcome.success, ok, "{diags:?} deny={deny}: {}", outcome.stderr);
        if !ok {
            assert!(!out.exists(), "written despite {diags:?}");
            assert!(outcome.stderr.contains("nothing was written"), "{}", outcome.stderr);
        }
        let _ = fs::remove_dir_all(&out);
    }
}

#[test]
fn json_format_puts_one_document_on_stdout() {
    let tmp = tempfile::tempdir().expect("tmp");
    let foreign = tmp.path().join("foreign");
    fs::create_dir_all(&foreign).expect("mkdir");
    fs::write(foreign.join("keep.txt"), "x").expect("write");
    let mut a = args(&foreign, false);
    a.format = Format::Json;
    let warn = Diagnostic::new(Code::JsonTolerated, Span::new("beta/api/a.md", 3, 4), "trailing comma");
    let outcome = xtask::regen_with(&a, loaded(FILES, vec![warn]));
    assert!(!outcome.success);
    let doc: serde_json::Value = serde_json::from_str(&outcome.stdout).expect("stdout is JSON");
    assert_eq!(doc["diagnostics"][0]["file"], "my-docs/beta/api/a.md");
    assert_eq!(doc["diagnostics"][1]["code"], "GD0900");
    assert_eq!(doc["diagnostics"][1]["file"], foreign.display().to_string());
    assert_eq!(doc["summary"], serde_json::json!({"errors": 1, "warnings": 1, "notes": 0}));
    assert_eq!(fs::read_dir(&foreign).expect("read").count(), 1, "foreign dir touched");
}

#[test]
fn binary_runs_from_any_directory() {
    let tmp = tempfile::tempdir().expect("tmp");
    let exe = env!("CARGO_BIN_EXE_xtask");
    // Defaults resolve against the workspace root, not the current directory.
    let check = Command::new(exe).args(["regen", "--check"]).current_dir(tmp.path()).output().expect("runs");
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(!stderr.contains("cannot read the docs root"), "{stderr}");
    assert!(stderr.contains("graph-models"), "{stderr}");

    let explain = Command::new(exe).args(["explain", "GD0300"]).current_dir(tmp.path()).output().expect("runs");
    assert!(explain.status.success());
    assert!(String::from_utf8_lossy(&explain.stdout).starts_with("GD0300 (json-tolerated), default severity: warning"));
    let by_name = Command::new(exe).args(["explain", "json-tolerated"]).output().expect("runs");
    assert_eq!(by_name.stdout, explain.stdout);
    let unknown = Command::new(exe).args(["explain", "GD9999"]).output().expect("runs");
    assert!(!unknown.status.success());

    // A docs root that does not exist is an error and nothing is written.
    let out = tmp.path().join("out");
    let missing = Command::new(exe)
        .args(["regen", "--docs", "no-such-docs", "--out"])
        .arg(&out)
        .current_dir(tmp.path())
        .output()
        .expect("runs");
    assert!(!missing.status.success());
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(stderr.contains("error[GD0005]"), "{stderr}");
    // The root itself is shown once, as typed (not `no-such-docs/no-such-docs`).
    assert!(stderr.contains("--> no-such-docs:1:1"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn schema_and_report_print_json_of_the_documented_shape() {
    let exe = env!("CARGO_BIN_EXE_xtask");
    let docs = xtask::workspace_root().join("docs");
    let all = Command::new(exe).args(["schema", "--docs"]).arg(&docs).output().expect("runs");
    assert!(all.status.success(), "{}", String::from_utf8_lossy(&all.stderr));
    let all: serde_json::Value = serde_json::from_slice(&all.stdout).expect("schema JSON");
    let versions: Vec<&str> = all.as_array().expect("an array").iter().filter_map(|s| s["version"].as_str()).collect();
    assert_eq!(versions, vec!["v1.0", "beta"]);
    for s in all.as_array().into_iter().flatten() {
        assert!(s["types"].is_object() && s["enums"].is_object() && s["operations"].is_array(), "{s}");
    }

    let beta = Command::new(exe).args(["schema", "--version", "beta", "--docs"]).arg(&docs).output().expect("runs");
    let beta: serde_json::Value = serde_json::from_slice(&beta.stdout).expect("schema JSON");
    assert_eq!(beta["version"], "beta");

    let report = Command::new(exe).args(["report", "--format", "json", "--docs"]).arg(&docs).output().expect("runs");
    assert!(report.status.success());
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).expect("report JSON");
    for key in ["pages", "versions", "files", "bytes", "diagnostics", "empty_pages"] {
        assert!(report.get(key).is_some(), "report lacks `{key}`: {report}");
    }
    let pages: u64 = report["pages"].as_array().into_iter().flatten().filter_map(|p| p["pages"].as_u64()).sum();
    assert_eq!(pages, 5, "docs/ holds five seed pages: {report}");
}
