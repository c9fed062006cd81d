//! The feature matrix of graph-models: each version feature alone, both, and neither compile
//! without warnings (a feature only adds code; no generated item may need a disabled module).

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

#[test]
fn graph_models_compiles_with_each_feature_set() {
    let root = workspace_root();
    // A target dir of its own: `-D warnings` and other feature sets must not invalidate the
    // workspace's build cache.
    let target = root.join("target").join("feature-matrix");
    for features in ["v1_0", "beta", "v1_0,beta", ""] {
        let out = Command::new(env!("CARGO"))
            .current_dir(&root)
            .args(["check", "--quiet", "--package", "graph-models", "--no-default-features", "--lib", "--tests"])
            .args(if features.is_empty() { vec![] } else { vec!["--features", features] })
            .env("CARGO_TARGET_DIR", &target)
            .env("RUSTFLAGS", "-D warnings")
            .output()
            .expect("cargo runs");
        assert!(
            out.status.success(),
            "graph-models does not compile with features [{features}]:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
