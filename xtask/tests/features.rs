//! The feature matrix of graph-models: each version feature alone, both, and neither compile
//! without warnings (a feature only adds code; no generated item may need a disabled module);
//! and a crate generated from pages with a workload compiles with that workload's feature alone.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

/// `cargo check` of the crate at `dir` with `--no-default-features --features <features>`.
fn check(root: &Path, manifest: &Path, features: &str) {
    // A target dir of its own: `-D warnings` and other feature sets must not invalidate the
    // workspace's build cache.
    let target = root.join("target").join("feature-matrix");
    let out = Command::new(env!("CARGO"))
        .current_dir(root)
        .args(["check", "--quiet", "--manifest-path"])
        .arg(manifest)
        .args(["--no-default-features", "--lib", "--tests"])
        .args(if features.is_empty() { vec![] } else { vec!["--features", features] })
        .env("CARGO_TARGET_DIR", &target)
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "{} does not compile with features [{features}]:\n{}",
        manifest.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn graph_models_compiles_with_each_feature_set() {
    let root = workspace_root();
    let manifest = root.join("graph-models").join("Cargo.toml");
    for features in ["v1_0", "beta", "v1_0,beta", "", "v1_0,beta,full"] {
        check(&root, &manifest, features);
    }
}

/// Two v1.0 pages written for this test: a `widgets` workload whose body uses its own enum and
/// a complex type that a page without `ms.prod` (core) uses too.
const WIDGET_PAGE: &str = r#"---
title: "Update widget"
ms.prod: "Widgets"
doc_type: apiPageType
---
# Update widget

Namespace: microsoft.graph

Update a widget.

## HTTP request

<!-- { "blockType": "ignored" } -->
```http
PATCH /widgets/{id}
```

## Request body

| Property | Type | Description |
|:---------|:-----|:------------|
| name | String | The name. |
| size | Int32 | The size. |
| place | [location](../resources/location.md) | Where it is. |
"#;

const GADGET_PAGE: &str = r#"---
title: "Update gadget"
doc_type: apiPageType
---
# Update gadget

Namespace: microsoft.graph

Update a gadget.

## HTTP request

<!-- { "blockType": "ignored" } -->
```http
PATCH /gadgets/{id}
```

## Request body

| Property | Type | Description |
|:---------|:-----|:------------|
| label | String | The label. |
| place | [location](../resources/location.md) | Where it is. |
"#;

#[test]
fn a_workload_feature_alone_compiles() {
    let root = workspace_root();
    let tmp = tempfile::tempdir().expect("tmp");
    let api = tmp.path().join("docs").join("v1.0").join("api");
    fs::create_dir_all(&api).expect("mkdir");
    fs::write(api.join("widget-update.md"), WIDGET_PAGE).expect("write");
    fs::write(api.join("gadget-update.md"), GADGET_PAGE).expect("write");
    let out_dir = tmp.path().join("graph-models");
    let regen = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(&root)
        .arg("regen")
        .arg("--docs")
        .arg(tmp.path().join("docs"))
        .arg("--out")
        .arg(&out_dir)
        .output()
        .expect("xtask runs");
    assert!(regen.status.success(), "regen failed:\n{}", String::from_utf8_lossy(&regen.stderr));
    let manifest_text = fs::read_to_string(out_dir.join("Cargo.toml")).expect("generated Cargo.toml");
    assert!(manifest_text.contains("\nwidgets = []\n"), "no widgets feature:\n{manifest_text}");
    assert!(manifest_text.contains("\nfull = [\"widgets\"]\n"), "full is not every workload:\n{manifest_text}");
    let requests = fs::read_to_string(out_dir.join("src/generated/v1_0/requests.rs")).expect("requests.rs");
    assert!(requests.contains("#[cfg(feature = \"widgets\")]"), "widgets builders are not gated:\n{requests}");
    assert!(out_dir.join("src/generated/v1_0/requests_widgets.rs").exists(), "no requests_widgets.rs");
    // Pin the workspace's dependency versions: same cache, no resolution.
    fs::copy(root.join("Cargo.lock"), out_dir.join("Cargo.lock")).expect("lock");
    let manifest = out_dir.join("Cargo.toml");
    for features in ["v1_0", "v1_0,widgets", "widgets", "v1_0,beta,full"] {
        check(&root, &manifest, features);
    }
}
