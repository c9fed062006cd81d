//! phase: the work a benchmark child process does. The parent ([`super::run`]) re-executes its
//! own binary once per measured run with one [`Phase`] as a JSON argument; the child runs it
//! with [`run_phase`] and prints one [`PhaseOutput`] as JSON. A fresh process per run is what
//! makes each peak-memory figure (`VmHWM`, `RUSAGE_CHILDREN`) belong to that run alone.

use super::{floor, measure, naive, synthetic};
use crate::diagnostics::Severity;
use crate::output::{self, Scaffold};
use crate::schema::Schema;
use crate::{Options, SourcePage};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Which features `cargo check` gets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Features {
    /// No feature flag at all (the crate's defaults).
    Default,
    /// `--all-features`.
    All,
    /// `--no-default-features --features <name>`.
    Only(String),
}

impl Features {
    pub fn cargo_args(&self) -> Vec<String> {
        match self {
            Features::Default => vec![],
            Features::All => vec!["--all-features".into()],
            Features::Only(f) => vec!["--no-default-features".into(), "--features".into(), f.clone()],
        }
    }
}

/// Where the schemas of the compile comparison come from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SchemaSource {
    Docs(PathBuf),
    /// [`synthetic::issue_shaped_schemas`].
    Synthetic,
}

/// One unit of work for a child process.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "phase", rename_all = "snake_case")]
pub enum Phase {
    /// (a) read + pulldown-cmark every page.
    Floor { docs: PathBuf },
    /// (b) read, generate, render diagnostics, write a new crate into `out` (must be absent).
    Regen { docs: PathBuf, workspace: PathBuf, out: PathBuf },
    /// (c) read, generate, compare with the crate in `out` (expected up to date).
    Check { docs: PathBuf, out: PathBuf },
    /// Not timed: write the naive crate into `naive_out` and, for a synthetic source, the
    /// generated crate (emit + output) into `generated_out`.
    Prepare { source: SchemaSource, workspace: PathBuf, naive_out: PathBuf, generated_out: Option<PathBuf> },
    /// `cargo check` of the crate in `dir` (timed, with the peak of the largest child).
    CargoCheck { dir: PathBuf, target_dir: PathBuf, features: Features },
    /// `cargo build` of the program in `dir` after `cargo clean -p graph-models` (so the library
    /// is built again and its dependencies are not): the "small program" figure.
    CargoBuild { dir: PathBuf, target_dir: PathBuf },
}

/// What a child reports.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PhaseOutput {
    pub wall_secs: f64,
    /// User + system CPU seconds of the work (the child itself, or cargo and its children).
    pub cpu_secs: Option<f64>,
    /// `VmHWM` of the child for in-process phases, `ru_maxrss` of its children for cargo.
    pub peak_rss_kib: Option<u64>,
    /// Something the reader of the figures should know (e.g. error diagnostics).
    pub note: Option<String>,
    /// The phase failed; the figures are not meaningful.
    pub error: Option<String>,
    /// Workload feature chosen for the one-feature check, when known (from `Prepare`/`Regen`).
    pub largest_feature: Option<String>,
}

impl PhaseOutput {
    fn failed(message: impl Into<String>) -> PhaseOutput {
        PhaseOutput { error: Some(message.into()), ..PhaseOutput::default() }
    }
}

/// What a regen or check leaves behind: the generated files and the page texts.
type Leftovers = Option<(crate::Generated, BTreeMap<String, String>)>;

/// Runs one phase in this process and reports it.
pub fn run_phase(phase: &Phase) -> PhaseOutput {
    let start = Instant::now();
    let (mut out, leftovers): (PhaseOutput, Leftovers) = match phase {
        Phase::Floor { docs } => match floor::run(docs) {
            Ok(stats) => (
                PhaseOutput {
                    note: Some(format!("{} pages, {} bytes", stats.pages, stats.bytes)),
                    ..PhaseOutput::default()
                },
                None,
            ),
            Err(e) => (PhaseOutput::failed(format!("cannot read {}: {e}", docs.display())), None),
        },
        Phase::Regen { docs, workspace, out } => regen(docs, workspace, out),
        Phase::Check { docs, out } => check(docs, out),
        Phase::Prepare { source, workspace, naive_out, generated_out } => {
            (prepare(source, workspace, naive_out, generated_out.as_deref()), None)
        }
        Phase::CargoCheck { dir, target_dir, features } => return cargo_check(dir, target_dir, features),
        Phase::CargoBuild { dir, target_dir } => return cargo_build(dir, target_dir),
    };
    out.wall_secs = start.elapsed().as_secs_f64();
    out.cpu_secs = measure::self_cpu_secs();
    out.peak_rss_kib = measure::self_peak_rss_kib();
    // The benchmark's own bookkeeping for its compile part, after the figures: it is not part
    // of a regen.
    if let (Phase::Regen { .. }, Some((generated, _))) = (phase, &leftovers) {
        out.largest_feature = largest_workload_feature(&generated.files);
    }
    // Freed after the figures are taken, as `cargo xtask regen` leaves them to the OS at exit
    // (xtask's main); the measured run is the command's work, nothing more or less.
    drop(leftovers);
    out
}

/// Reads and generates like `cargo xtask regen` does (tree diagnostics merged, sources kept
/// for rendering).
fn load(docs: &Path) -> (crate::Generated, BTreeMap<String, String>) {
    let (pages, tree_diags) = crate::tree::read_tree(docs);
    let mut generated = crate::generate_pages(&pages, &Options::default());
    let sources: BTreeMap<String, String> = pages.into_iter().map(|p: SourcePage| (p.path, p.text)).collect();
    generated.diagnostics.extend(tree_diags);
    generated.diagnostics.sort();
    (generated, sources)
}

fn error_note(generated: &crate::Generated) -> Option<String> {
    let errors = generated.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    (errors > 0).then(|| {
        format!("{errors} error diagnostic(s): a real regen would stop before writing; the benchmark wrote anyway")
    })
}

fn regen(docs: &Path, workspace: &Path, out: &Path) -> (PhaseOutput, Leftovers) {
    let (generated, sources) = load(docs);
    // The user sees every diagnostic rendered; that is part of a regen's cost.
    let rendered = crate::render::render_text(&generated.diagnostics.0, &sources, &docs.display().to_string());
    std::hint::black_box(rendered.len());
    let out = match output::write(out, &generated.files, || Scaffold::from_workspace(workspace)) {
        Ok(_) => PhaseOutput { note: error_note(&generated), ..PhaseOutput::default() },
        Err(d) => PhaseOutput::failed(format!("writing the crate failed: {}", first_message(&d))),
    };
    (out, Some((generated, sources)))
}

fn check(docs: &Path, out: &Path) -> (PhaseOutput, Leftovers) {
    let (generated, sources) = load(docs);
    let out = match output::check(out, &generated.files) {
        Ok(plan) if plan.is_up_to_date() => PhaseOutput::default(),
        Ok(plan) => PhaseOutput {
            note: Some(format!(
                "not up to date: {} file(s) differ (generation is not deterministic?)",
                plan.deltas.len()
            )),
            ..PhaseOutput::default()
        },
        Err(d) => PhaseOutput::failed(format!("check failed: {}", first_message(&d))),
    };
    (out, Some((generated, sources)))
}

fn first_message(d: &[crate::diagnostics::Diagnostic]) -> String {
    d.first().map(|d| format!("{}: {}", d.span, d.message)).unwrap_or_default()
}

fn prepare(source: &SchemaSource, workspace: &Path, naive_out: &Path, generated_out: Option<&Path>) -> PhaseOutput {
    let schemas: Vec<Schema> = match source {
        SchemaSource::Docs(docs) => load(docs).0.schemas,
        SchemaSource::Synthetic => synthetic::issue_shaped_schemas(),
    };
    let naive_files = match naive::render_crate(&schemas) {
        Ok(f) => f,
        Err(e) => return PhaseOutput::failed(format!("naive renderer built invalid Rust: {e}")),
    };
    if let Err(e) = write_files(naive_out, &naive_files) {
        return PhaseOutput::failed(format!("cannot write the naive crate: {e}"));
    }
    let mut out = PhaseOutput::default();
    if let Some(dir) = generated_out {
        let (files, _) = crate::emit::emit(&schemas, &crate::emit::EmitOptions::default());
        out.largest_feature = largest_workload_feature(&files);
        if let Err(d) = output::write(dir, &files, || Scaffold::from_workspace(workspace)) {
            return PhaseOutput::failed(format!("writing the generated crate failed: {}", first_message(&d)));
        }
    }
    out
}

/// Writes `files` (paths relative to `root`, `/`-separated) under `root`.
pub fn write_files(root: &Path, files: &BTreeMap<String, String>) -> std::io::Result<()> {
    for (rel, text) in files {
        let path = root.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)?;
    }
    Ok(())
}

/// The cargo the benchmark was started by (`CARGO` is set by `cargo run`), else `cargo`.
pub fn cargo_command() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// `cargo check` of `dir` with the shared target dir and incremental compilation off (a timed
/// re-check must not reuse the previous run's incremental state).
pub fn cargo_check_command(dir: &Path, target_dir: &Path, features: &Features) -> Command {
    let mut cmd = cargo_command();
    cmd.arg("check").arg("--quiet").arg("--manifest-path").arg(dir.join("Cargo.toml"));
    cmd.args(features.cargo_args());
    cmd.env("CARGO_TARGET_DIR", target_dir).env("CARGO_INCREMENTAL", "0");
    cmd
}

fn cargo_check(dir: &Path, target_dir: &Path, features: &Features) -> PhaseOutput {
    timed_cargo("check", cargo_check_command(dir, target_dir, features))
}

/// `cargo <args>` for the program in `dir`, with the shared target dir, incremental off.
pub fn cargo_program_command(dir: &Path, target_dir: &Path, args: &[&str]) -> Command {
    let mut cmd = cargo_command();
    cmd.args(args).arg("--quiet").arg("--manifest-path").arg(dir.join("Cargo.toml"));
    cmd.env("CARGO_TARGET_DIR", target_dir).env("CARGO_INCREMENTAL", "0");
    cmd
}

fn cargo_build(dir: &Path, target_dir: &Path) -> PhaseOutput {
    // Untimed: forget the built library (only it), so the timed build compiles it again.
    match cargo_program_command(dir, target_dir, &["clean", "-p", "graph-models"]).output() {
        Ok(o) if o.status.success() => {}
        Ok(o) => {
            return PhaseOutput::failed(format!("cargo clean failed: {}", tail(&String::from_utf8_lossy(&o.stderr), 5)))
        }
        Err(e) => return PhaseOutput::failed(format!("cannot run cargo: {e}")),
    }
    timed_cargo("build", cargo_program_command(dir, target_dir, &["build"]))
}

/// Runs a cargo command, timing it; peak memory and CPU are those of cargo's children (the
/// `clean` before a build is a child too, but far smaller than any rustc).
fn timed_cargo(what: &str, mut command: Command) -> PhaseOutput {
    let start = Instant::now();
    let result = command.output();
    let wall_secs = start.elapsed().as_secs_f64();
    let peak_rss_kib = measure::children_peak_rss_kib();
    let cpu_secs = measure::children_cpu_secs();
    match result {
        Err(e) => PhaseOutput::failed(format!("cannot run cargo: {e}")),
        Ok(o) if !o.status.success() => PhaseOutput {
            wall_secs,
            cpu_secs,
            peak_rss_kib,
            error: Some(format!(
                "cargo {what} failed ({}): {}",
                o.status,
                tail(&String::from_utf8_lossy(&o.stderr), 15)
            )),
            ..PhaseOutput::default()
        },
        Ok(_) => PhaseOutput { wall_secs, cpu_secs, peak_rss_kib, ..PhaseOutput::default() },
    }
}

/// The last `n` lines of `text`.
pub fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines.get(lines.len().saturating_sub(n)..).unwrap_or_default().join("\n")
}

/// The workload that gates the most generated code, as the feature list that turns it on:
/// `"<version>,<workload>"` (e.g. `beta,intune`; a workload feature alone enables nothing
/// without its version's feature). Weight: the bytes of the files of that workload in that
/// version (`src/generated/<version>/{types,enums,requests}_<workload>.rs`). Only features of the
/// generated `Cargo.toml` block (`output::FEATURES_KEY`) count, not `default`, `full` or the
/// version features. `None` when the block has no workload feature.
pub fn largest_workload_feature(files: &BTreeMap<String, String>) -> Option<String> {
    let block = files.get(output::FEATURES_KEY)?;
    let versions: Vec<&str> = crate::facts::ApiVersion::ALL.iter().map(|v| v.module()).collect();
    let features: Vec<&str> = block
        .lines()
        .filter_map(|l| l.split_once('=').map(|(name, _)| name.trim().trim_matches('"')))
        .filter(|n| !n.is_empty() && !n.starts_with('#') && *n != "default" && *n != "full" && !versions.contains(n))
        .collect();
    let weight = |version: &str, feature: &str| -> usize {
        let suffix = format!("_{}.rs", feature.replace('-', "_"));
        let dir = format!("src/generated/{version}/");
        files
            .iter()
            .filter(|(path, _)| {
                path.strip_prefix(&dir).is_some_and(|rest| !rest.contains('/') && rest.ends_with(&suffix))
            })
            .map(|(_, text)| text.len())
            .sum()
    };
    // Ties go to the first (version, feature) in order, so the choice is stable.
    let mut best: Option<(String, usize)> = None;
    for version in &versions {
        for feature in &features {
            let w = weight(version, feature);
            if best.as_ref().is_none_or(|(_, bw)| w > *bw) {
                best = Some((format!("{version},{feature}"), w));
            }
        }
    }
    best.map(|(f, _)| f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_round_trip_as_json() {
        let phases = [
            Phase::Floor { docs: "d".into() },
            Phase::Regen { docs: "d".into(), workspace: "w".into(), out: "o".into() },
            Phase::Check { docs: "d".into(), out: "o".into() },
            Phase::Prepare {
                source: SchemaSource::Synthetic,
                workspace: "w".into(),
                naive_out: "n".into(),
                generated_out: None,
            },
            Phase::CargoCheck { dir: "c".into(), target_dir: "t".into(), features: Features::Only("mail".into()) },
        ];
        for p in phases {
            let json = serde_json::to_string(&p).expect("serializes");
            assert_eq!(serde_json::from_str::<Phase>(&json).expect("parses"), p, "{json}");
        }
    }

    #[test]
    fn feature_arguments() {
        assert!(Features::Default.cargo_args().is_empty());
        assert_eq!(Features::All.cargo_args(), ["--all-features"]);
        assert_eq!(Features::Only("mail".into()).cargo_args(), ["--no-default-features", "--features", "mail"]);
    }

    #[test]
    fn largest_feature_table() {
        let files = |block: &str, body: &[(&str, usize)]| -> BTreeMap<String, String> {
            let mut m: BTreeMap<String, String> = body.iter().map(|(k, n)| (k.to_string(), "x".repeat(*n))).collect();
            m.insert(output::FEATURES_KEY.to_string(), block.to_string());
            m
        };
        let block = "v1_0 = []\nbeta = []\nfull = [\"mail\", \"teams-x\"]\nmail = []\nteams-x = []\n";
        let cases = [
            // No workload feature: nothing to pick.
            (files("v1_0 = []\nbeta = []\n", &[("src/generated/v1_0/types_mail.rs", 9)]), None),
            // The biggest (version, workload) by bytes of its files; module names use `_`.
            (
                files(
                    block,
                    &[
                        ("src/generated/v1_0/types_mail.rs", 5),
                        ("src/generated/v1_0/requests_mail.rs", 5),
                        ("src/generated/beta/types_teams_x.rs", 8),
                        ("src/generated/beta/types.rs", 100),
                    ],
                ),
                Some("v1_0,mail"),
            ),
            (files(block, &[("src/generated/beta/types_teams_x.rs", 8)]), Some("beta,teams-x")),
            // Nested namespace files do not count as a workload's files.
            (files(block, &[("src/generated/beta/nav/types_mail.rs", 8)]), Some("v1_0,mail")),
            (BTreeMap::new(), None),
        ];
        for (input, want) in cases {
            assert_eq!(largest_workload_feature(&input).as_deref(), want, "{input:?}");
        }
    }

    #[test]
    fn tail_lines() {
        assert_eq!(tail("a\nb\nc\n", 2), "b\nc");
        assert_eq!(tail("a", 5), "a");
        assert_eq!(tail("", 3), "");
    }
}
