//! Determinism: the same docs give byte-identical files and diagnostics whatever the run, the
//! order pages arrive in, the number of rayon threads, or the current directory of
//! `cargo xtask regen`.

use graph_docgen::{generate, Generated, Options, SourcePage};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn workspace_root() -> PathBuf {
    manifest_dir().parent().expect("workspace root").to_path_buf()
}

/// The repository's seed pages and the hostile fixture tree, as one list (distinct paths).
fn pages() -> Vec<SourcePage> {
    let mut all = Vec::new();
    for root in [workspace_root().join("docs"), manifest_dir().join("tests/fixtures/hostile-docs")] {
        let (pages, _) = graph_docgen::tree::read_tree(&root);
        all.extend(pages);
    }
    all.sort_by(|a, b| a.path.cmp(&b.path));
    all.dedup_by(|a, b| a.path == b.path);
    assert!(all.len() >= 10, "expected the seed and fixture pages, got {}", all.len());
    all
}

/// Everything a run produces that reaches a user: files and rendered diagnostics.
fn fingerprint(g: &Generated) -> (BTreeMap<String, String>, String) {
    let diags = serde_json::to_string(&g.diagnostics.0).expect("diagnostics serialize");
    (g.files.clone(), diags)
}

/// A fixed permutation unlike sorted order: odd positions reversed, then even ones.
fn shuffled(mut pages: Vec<SourcePage>) -> Vec<SourcePage> {
    pages.reverse();
    let (odd, even): (Vec<_>, Vec<_>) = pages.into_iter().enumerate().partition(|(i, _)| i % 2 == 1);
    odd.into_iter().chain(even).map(|(_, p)| p).collect()
}

fn in_pool(threads: usize, pages: Vec<SourcePage>) -> Generated {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
    pool.install(|| generate(pages, &Options::default()))
}

#[test]
fn same_output_across_runs_orders_and_thread_counts() {
    let base = fingerprint(&generate(pages(), &Options::default()));
    assert!(base.0.keys().any(|k| k.ends_with("types.rs")), "nothing was generated: {:?}", base.0.keys());
    let runs: Vec<(&str, Generated)> = vec![
        ("second run", generate(pages(), &Options::default())),
        ("reversed pages", generate(pages().into_iter().rev().collect(), &Options::default())),
        ("shuffled pages", generate(shuffled(pages()), &Options::default())),
        ("1 thread", in_pool(1, pages())),
        ("4 threads", in_pool(4, pages())),
        ("4 threads, shuffled", in_pool(4, shuffled(pages()))),
    ];
    for (name, g) in runs {
        let fp = fingerprint(&g);
        for (path, text) in &base.0 {
            assert!(fp.0.get(path) == Some(text), "{name}: {path} differs");
        }
        assert_eq!(fp.0.len(), base.0.len(), "{name}: file sets differ");
        assert!(fp.1 == base.1, "{name}: diagnostics differ");
    }
}

/// All files under `dir`, by relative path.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).expect("read_dir").flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let path = e.path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path.strip_prefix(base).expect("under base").to_string_lossy().replace('\\', "/");
                out.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

#[test]
fn xtask_regen_from_another_directory_writes_the_same_bytes() {
    let root = workspace_root();
    let docs = manifest_dir().join("tests/fixtures/hostile-docs");
    let tmp = tempfile::tempdir().expect("tempdir");
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let mut outs = Vec::new();
    for (name, cwd) in [("from the workspace", root.as_path()), ("from a temp dir", elsewhere.as_path())] {
        let out = tmp.path().join(format!("out-{}", outs.len()));
        let status = Command::new(&cargo)
            .args(["run", "--quiet", "--offline", "--package", "xtask", "--manifest-path"])
            .arg(root.join("Cargo.toml"))
            .args(["--", "regen", "--docs"])
            .arg(&docs)
            .arg("--out")
            .arg(&out)
            .current_dir(cwd)
            .output()
            .expect("cargo runs");
        assert!(status.status.success(), "{name}: {}", String::from_utf8_lossy(&status.stderr));
        outs.push(snapshot(&out));
    }
    let (a, b) = (&outs[0], &outs[1]);
    assert!(a.keys().any(|k| k.starts_with("src/generated/")), "nothing generated: {:?}", a.keys());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in a {
        assert!(b.get(path) == Some(bytes), "{path} differs between working directories");
    }
    // And the same bytes as the library produces in this process.
    let (pages, _) = graph_docgen::tree::read_tree(&docs);
    let generated = generate(pages, &Options::default());
    for (path, text) in generated.files.iter().filter(|(k, _)| k.starts_with("src/generated/")) {
        assert!(a.get(path).map(Vec::as_slice) == Some(text.as_bytes()), "{path}: xtask and library differ");
    }
}
