//! Compiles the fixture output: a temporary copy of graph-models (its `Cargo.toml`,
//! `src/lib.rs`, `src/runtime/**`) plus the generated files, checked with `cargo check` under
//! `RUSTFLAGS=-D warnings`. A snapshot that does not compile proves nothing.
//!
//! `EMIT_COMPILE_MODELS_DIR` may point at another graph-models checkout (e.g. a sibling
//! worktree with a newer runtime); by default the repository's own is used. Without a runtime
//! the test prints `SKIP` and passes.

mod emit_common;

use graph_docgen::emit::{emit, EmitOptions, FEATURES_KEY};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// The `key = value` lines of one `[section]` of a TOML file (enough for the workspace manifest).
fn section(toml: &str, name: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut inside = false;
    for line in toml.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            inside = t == format!("[{name}]");
            continue;
        }
        if inside {
            if let Some((k, v)) = t.split_once('=') {
                out.insert(k.trim().to_string(), v.trim().to_string());
            }
        }
    }
    out
}

/// graph-models' manifest made standalone: `x.workspace = true` replaced by the workspace's
/// value, the generated features block replaced, an empty `[workspace]` table added.
fn standalone_manifest(manifest: &str, workspace: &str, features: &str) -> String {
    let package = section(workspace, "workspace.package");
    let deps = section(workspace, "workspace.dependencies");
    let mut out = String::new();
    let mut in_generated = false;
    for line in manifest.lines() {
        let t = line.trim();
        if t == "# BEGIN GENERATED FEATURES" {
            in_generated = true;
            out.push_str(line);
            out.push('\n');
            out.push_str(features);
            continue;
        }
        if t == "# END GENERATED FEATURES" {
            in_generated = false;
        }
        if in_generated {
            continue;
        }
        match t.strip_suffix(".workspace = true") {
            Some(key) => {
                let value = package.get(key).or_else(|| deps.get(key)).cloned().unwrap_or_default();
                out.push_str(&format!("{key} = {value}\n"));
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out.push_str("\n[workspace]\n");
    out
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

#[test]
fn fixture_output_compiles_without_warnings() {
    let root = workspace_root();
    let models = std::env::var_os("EMIT_COMPILE_MODELS_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("graph-models"));
    if !models.join("src/runtime").is_dir() {
        println!("SKIP: {} has no src/runtime; nothing to compile the generated code against", models.display());
        return;
    }
    let (files, diags) = emit(&[emit_common::beta()], &EmitOptions::default());
    assert!(diags.iter().all(|d| d.severity != graph_docgen::diagnostics::Severity::Error), "{diags:#?}");

    let krate = root.join("target/emit-compile/crate");
    let _ = std::fs::remove_dir_all(&krate);
    std::fs::create_dir_all(krate.join("src")).expect("create temp crate");
    let manifest = std::fs::read_to_string(models.join("Cargo.toml")).expect("read graph-models/Cargo.toml");
    let workspace = std::fs::read_to_string(root.join("Cargo.toml")).expect("read workspace Cargo.toml");
    let features = files.get(FEATURES_KEY).cloned().unwrap_or_default();
    std::fs::write(krate.join("Cargo.toml"), standalone_manifest(&manifest, &workspace, &features)).expect("write manifest");
    if let Ok(lock) = std::fs::read(root.join("Cargo.lock")) {
        std::fs::write(krate.join("Cargo.lock"), lock).expect("write lock");
    }
    std::fs::copy(models.join("src/lib.rs"), krate.join("src/lib.rs")).expect("copy lib.rs");
    copy_dir(&models.join("src/runtime"), &krate.join("src/runtime")).expect("copy runtime");
    for (path, text) in files.iter().filter(|(k, _)| k.as_str() != FEATURES_KEY) {
        let target = krate.join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).expect("create dir");
        }
        std::fs::write(target, text).expect("write generated file");
    }

    // `check` for the code, `doc` for the doc comments (broken links, HTML, bare URLs).
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    for (command, flags_var) in [("check", "RUSTFLAGS"), ("doc", "RUSTDOCFLAGS")] {
        let mut cmd = Command::new(&cargo);
        cmd.args([command, "--offline", "--all-features", "--lib", "--quiet", "--manifest-path"])
            .arg(krate.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", root.join("target/emit-compile"))
            .env(flags_var, "-D warnings");
        if command == "doc" {
            cmd.arg("--no-deps");
        }
        let output = cmd.output().expect("run cargo");
        assert!(
            output.status.success(),
            "cargo {command} of the generated code failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
