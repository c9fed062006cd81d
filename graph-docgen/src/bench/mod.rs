//! bench: `cargo xtask bench` — regen speed against a parse-only floor, and the compile cost of
//! the generated crate against a naive serde-derive rendering of the same schemas (issue 4).
//!
//! Every measured run is a fresh child process (the caller's own binary re-executed with
//! [`PHASE_SUBCOMMAND`] and one [`phase::Phase`] as JSON), because both memory probes are
//! process-lifetime high-water marks. The crates being checked live in a fixed scratch dir
//! ([`Config::work_dir`]) and share one cargo target dir, so dependencies stay warm across
//! runs and the target dir does not grow with every run.
//!
//! * [`floor`]: the read + pulldown-cmark floor;
//! * [`phase`]: what a child does (floor, regen, check, prepare crates, `cargo check`);
//! * [`naive`]: the naive renderer; [`synthetic`]: schemas of the sizes;
//! * [`program`]: the small program built against one workload;
//! * [`measure`]: `VmHWM` and `RUSAGE_CHILDREN`; [`report`]: figures, targets, table, JSON;
//! * [`decode`]: decode speed of graph-models (issue 7), its own release-built example.

pub mod decode;
pub mod floor;
pub mod measure;
pub mod naive;
pub mod phase;
pub mod program;
pub mod report;
pub mod synthetic;

use phase::{Features, Phase, PhaseOutput, SchemaSource};
use report::{targets, CompileFigures, Figures, Part, Ratio, RegenFigures, Timing};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The hidden subcommand a binary must route to [`phase_main`].
pub const PHASE_SUBCOMMAND: &str = "bench-phase";

/// What one benchmark run does.
#[derive(Clone, Debug)]
pub struct Config {
    /// Docs root (`v1.0/`, `beta/`).
    pub docs: PathBuf,
    /// The docs root as the user typed it (printed).
    pub docs_shown: String,
    /// Workspace root: the generated crate is scaffolded from its `graph-models`, and its
    /// `Cargo.lock` pins the dependencies of the checked crates.
    pub workspace: PathBuf,
    /// The binary that understands [`PHASE_SUBCOMMAND`].
    pub self_exe: PathBuf,
    /// Rounds of floor, regen and check (each figure the best of its runs).
    pub runs: usize,
    /// Timed runs per `cargo check` (best of).
    pub compile_runs: usize,
    pub skip_compile: bool,
    /// Leave out the decode-speed part (it builds graph-models in release mode).
    pub skip_decode: bool,
    /// Compare on [`synthetic::issue_shaped_schemas`] instead of the docs' schemas.
    pub synthetic: bool,
    /// Scratch dir for the crates (wiped at the start).
    pub work_dir: PathBuf,
    /// Shared `CARGO_TARGET_DIR` of the checked crates.
    pub target_dir: PathBuf,
}

impl Config {
    /// Defaults for a workspace: scratch under `<workspace>/target/bench-scratch`, target under
    /// `<workspace>/target/bench`, 5 regen rounds, 1 timed compile run.
    pub fn new(docs: PathBuf, docs_shown: String, workspace: PathBuf, self_exe: PathBuf) -> Config {
        Config {
            docs,
            docs_shown,
            target_dir: workspace.join("target").join("bench"),
            // Under the workspace's target dir, not a fixed temp path: two checkouts benchmarking
            // at once (worktrees) would otherwise wipe each other's crates mid-run.
            work_dir: workspace.join("target").join("bench-scratch"),
            workspace,
            self_exe,
            runs: 5,
            compile_runs: 1,
            skip_compile: false,
            skip_decode: false,
            synthetic: false,
        }
    }
}

/// The child side: parses the phase argument, runs it, returns the JSON line to print.
pub fn phase_main(arg: &str) -> String {
    let out = match serde_json::from_str::<Phase>(arg) {
        Ok(phase) => phase::run_phase(&phase),
        Err(e) => PhaseOutput { error: Some(format!("bad phase argument: {e}")), ..PhaseOutput::default() },
    };
    serde_json::to_string(&out).unwrap_or_else(|e| format!("{{\"wall_secs\":0,\"error\":\"{e}\"}}"))
}

/// Runs `phase` in a child process and reads its report (the last stdout line).
fn spawn(config: &Config, phase: &Phase) -> PhaseOutput {
    let arg = match serde_json::to_string(phase) {
        Ok(a) => a,
        Err(e) => {
            return PhaseOutput { error: Some(format!("cannot encode the phase: {e}")), ..PhaseOutput::default() }
        }
    };
    let result = Command::new(&config.self_exe)
        .arg(PHASE_SUBCOMMAND)
        .arg(arg)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output();
    let output = match result {
        Ok(o) => o,
        Err(e) => {
            return PhaseOutput {
                error: Some(format!("cannot start {}: {e}", config.self_exe.display())),
                ..PhaseOutput::default()
            }
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    match stdout.lines().last().map(serde_json::from_str::<PhaseOutput>) {
        Some(Ok(out)) if output.status.success() => out,
        Some(Ok(out)) => PhaseOutput { error: Some(format!("child exited with {}", output.status)), ..out },
        _ => PhaseOutput {
            error: Some(format!("child exited with {} without a report", output.status)),
            ..PhaseOutput::default()
        },
    }
}

/// Runs `phase` `n` times (fresh child each), calling `before` before each run.
fn timed(
    config: &Config,
    name: &str,
    n: usize,
    phase: &Phase,
    progress: &mut dyn FnMut(&str),
    mut before: impl FnMut(),
) -> (Timing, Vec<PhaseOutput>) {
    let mut t = Timing::new(name);
    let mut outs = Vec::new();
    for i in 1..=n.max(1) {
        progress(&format!("{name}: run {i}/{}", n.max(1)));
        before();
        let out = spawn(config, phase);
        t.add(out.wall_secs, out.cpu_secs, out.peak_rss_kib, out.note.clone(), out.error.clone());
        outs.push(out);
    }
    (t, outs)
}

fn remove_dir(dir: &Path) {
    if let Err(e) = std::fs::remove_dir_all(dir) {
        if e.kind() != std::io::ErrorKind::NotFound {
            eprintln!("bench: cannot remove {}: {e}", dir.display());
        }
    }
}

/// The whole benchmark. `progress` receives one line per step (the caller prints it on stderr).
pub fn run(config: &Config, progress: &mut dyn FnMut(&str)) -> Figures {
    let docs_present = config.docs.join("v1.0").is_dir() || config.docs.join("beta").is_dir();
    let mut notes = Vec::new();
    remove_dir(&config.work_dir);
    let regen_dir = config.work_dir.join("regen");

    let mut largest_feature = None;
    let regen = if docs_present {
        let (figures, feature) = regen_speed(config, &regen_dir, progress);
        largest_feature = feature;
        Part::Measured(figures)
    } else {
        Part::Skipped(format!("SKIP: no docs corpus at {} (no v1.0/ or beta/)", config.docs_shown))
    };

    let compile = if config.skip_compile {
        Part::Skipped("SKIP: --skip-compile".to_string())
    } else if !config.synthetic && !docs_present {
        Part::Skipped(format!(
            "SKIP: no docs corpus at {} (use --synthetic to compare on made-up schemas)",
            config.docs_shown
        ))
    } else {
        let regen_ok = regen.measured().is_some_and(|r| !r.regen.failed);
        Part::Measured(compile_cost(config, &regen_dir, regen_ok, largest_feature, &mut notes, progress))
    };
    let decode = if config.skip_decode {
        Part::Skipped("SKIP: --skip-decode".to_string())
    } else {
        progress("decode speed: building and running graph-models' decode_bench example (release)");
        Part::Measured(decode::run(&config.workspace))
    };
    Figures {
        docs: config.docs_shown.clone(),
        runs: config.runs,
        compile_runs: config.compile_runs,
        regen,
        compile,
        decode,
        notes,
    }
}

/// Part 1: floor, full regen (the last one is kept in `regen_dir`), check. The three are run
/// in rounds (floor, regen, check, floor, ...), not one phase after another: on this shared
/// machine the speed drifts over tens of seconds, and the floor (a small, streaming process)
/// feels that drift less than regen does, so phases run minutes apart gave ratios that moved
/// by a third between benches of the same code. Each figure is still the best of its runs.
fn regen_speed(config: &Config, regen_dir: &Path, progress: &mut dyn FnMut(&str)) -> (RegenFigures, Option<String>) {
    let docs = config.docs.clone();
    let floor_phase = Phase::Floor { docs: docs.clone() };
    let regen_phase =
        Phase::Regen { docs: docs.clone(), workspace: config.workspace.clone(), out: regen_dir.to_path_buf() };
    let check_phase = Phase::Check { docs, out: regen_dir.to_path_buf() };
    let mut floor = Timing::new("(a) floor: read + pulldown-cmark");
    let mut regen = Timing::new("(b) full regen into a new dir");
    let mut check = Timing::new("(c) regen --check, unchanged");
    let mut feature = None;
    let rounds = config.runs.max(1);
    for round in 1..=rounds {
        let mut run = |t: &mut Timing, phase: &Phase| {
            progress(&format!("{}: run {round}/{rounds}", t.name));
            let out = spawn(config, phase);
            t.add(out.wall_secs, out.cpu_secs, out.peak_rss_kib, out.note.clone(), out.error.clone());
            out
        };
        run(&mut floor, &floor_phase);
        // Every regen writes a new crate from scratch (scaffold included), as a first regen does.
        remove_dir(regen_dir);
        let out = run(&mut regen, &regen_phase);
        feature = out.largest_feature.or(feature);
        // (c) compares against the crate this round's regen wrote.
        if out.error.is_none() {
            run(&mut check, &check_phase);
        }
    }
    if regen.failed && check.runs_secs.is_empty() {
        check.notes.push("not run: the regen failed".into());
    }
    let ratios = vec![
        Ratio::of("(b)/(a)", regen.best_secs, floor.best_secs, targets::REGEN_OVER_FLOOR),
        Ratio::of("(c)/(a)", check.best_secs, floor.best_secs, targets::REGEN_OVER_FLOOR),
    ];
    (RegenFigures { floor, regen, check, ratios }, feature)
}

/// Copies the workspace lock file into `dir` so the checked crate resolves the same versions
/// as the workspace, without touching the network.
fn pin_lock_file(config: &Config, dir: &Path, notes: &mut Vec<String>) {
    if let Err(e) = std::fs::copy(config.workspace.join("Cargo.lock"), dir.join("Cargo.lock")) {
        notes.push(format!("cannot copy Cargo.lock into {}: {e}", dir.display()));
    }
}

/// Builds the dependencies of the crate in `dir` once, untimed: `src/lib.rs` is swapped for
/// an empty one for the build, then written back (with a new mtime, so the next check is a
/// real one).
fn warm(config: &Config, dir: &Path, features: &Features, notes: &mut Vec<String>) {
    let lib = dir.join("src").join("lib.rs");
    let original = match std::fs::read_to_string(&lib) {
        Ok(t) => t,
        Err(e) => {
            notes.push(format!("cannot read {}: {e}", lib.display()));
            return;
        }
    };
    if std::fs::write(&lib, "").is_ok() {
        match phase::cargo_check_command(dir, &config.target_dir, features).output() {
            Ok(o) if !o.status.success() => notes.push(format!(
                "warming {} failed: {}",
                dir.display(),
                phase::tail(&String::from_utf8_lossy(&o.stderr), 5)
            )),
            Err(e) => notes.push(format!("cannot run cargo: {e}")),
            Ok(_) => {}
        }
    }
    if let Err(e) = std::fs::write(&lib, original) {
        notes.push(format!("cannot restore {}: {e}", lib.display()));
    }
}

/// Marks `src/lib.rs` modified so cargo checks the crate again (incremental is off).
fn touch_lib(dir: &Path) {
    let lib = dir.join("src").join("lib.rs");
    if let Ok(f) = std::fs::File::options().append(true).open(&lib) {
        let _ = f.set_modified(std::time::SystemTime::now());
    }
}

/// Part 2: `cargo check` of the generated crate (all features, one workload feature) and of
/// the naive rendering of the same schemas.
fn compile_cost(
    config: &Config,
    regen_dir: &Path,
    regen_ok: bool,
    largest_feature: Option<String>,
    notes: &mut Vec<String>,
    progress: &mut dyn FnMut(&str),
) -> CompileFigures {
    let naive_dir = config.work_dir.join("naive");
    let (source, generated_dir, schemas) = if config.synthetic {
        let s = synthetic::V1_0_SHAPE;
        let b = synthetic::BETA_SHAPE;
        let label = format!(
            "synthetic: v1.0 {}x{} + {} enums, beta {}x{} + {} enums",
            s.types, s.props_per_type, s.enums, b.types, b.props_per_type, b.enums
        );
        (SchemaSource::Synthetic, Some(config.work_dir.join("generated")), label)
    } else {
        (SchemaSource::Docs(config.docs.clone()), regen_ok.then(|| regen_dir.to_path_buf()), "docs".to_string())
    };
    let mut figures = CompileFigures { schemas, ..CompileFigures::default() };

    progress("preparing the crates to check");
    let prepare = Phase::Prepare {
        source: source.clone(),
        workspace: config.workspace.clone(),
        naive_out: naive_dir.clone(),
        generated_out: if config.synthetic { generated_dir.clone() } else { None },
    };
    let prepared = spawn(config, &prepare);
    if let Some(e) = prepared.error {
        notes.push(format!("preparing the crates failed: {e}"));
    }
    let feature = if config.synthetic { prepared.largest_feature } else { largest_feature };

    let check = |name: String, dir: &Path, features: Features, progress: &mut dyn FnMut(&str)| -> Timing {
        let phase = Phase::CargoCheck {
            dir: dir.to_path_buf(),
            target_dir: config.target_dir.clone(),
            features: features.clone(),
        };
        timed(config, &name, config.compile_runs, &phase, progress, || touch_lib(dir)).0
    };

    match &generated_dir {
        Some(dir) if dir.join("Cargo.toml").is_file() => {
            pin_lock_file(config, dir, notes);
            progress("warming the dependencies of the generated crate");
            warm(config, dir, &Features::All, notes);
            figures.generated_all = Some(check("generated --all-features".into(), dir, Features::All, progress));
            match &feature {
                Some(f) => {
                    let name = format!("generated --features {f} (largest workload)");
                    figures.generated_one = Some(check(name, dir, Features::Only(f.clone()), progress));
                }
                None => notes
                    .push("one-feature check skipped: the generated Cargo.toml has no workload features yet".into()),
            }
            figures.program_build = program_build(config, dir, feature.as_deref(), notes, progress);
        }
        _ => notes.push("generated crate not checked: it was not produced (see the regen / prepare errors)".into()),
    }
    if naive_dir.join("Cargo.toml").is_file() {
        pin_lock_file(config, &naive_dir, notes);
        progress("warming the dependencies of the naive crate");
        warm(config, &naive_dir, &Features::Default, notes);
        figures.naive = Some(check("naive serde-derive rendering".into(), &naive_dir, Features::Default, progress));
    }

    let best = |t: &Option<Timing>| t.as_ref().and_then(|t| t.best_secs);
    let peak = |t: &Option<Timing>| t.as_ref().and_then(|t| t.peak_rss_kib).map(|k| k as f64);
    figures.ratios = vec![
        Ratio::of("generated/naive, time", best(&figures.generated_all), best(&figures.naive), targets::OVER_NAIVE),
        Ratio::of(
            "generated/naive, peak memory",
            peak(&figures.generated_all),
            peak(&figures.naive),
            targets::OVER_NAIVE,
        ),
    ];
    figures
}

/// `cargo build` of a small program using one workload ([`program`]), graph-models rebuilt
/// each run with only that version and workload feature, dependencies warm.
fn program_build(
    config: &Config,
    generated: &Path,
    largest: Option<&str>,
    notes: &mut Vec<String>,
    progress: &mut dyn FnMut(&str),
) -> Option<Timing> {
    let read = |path: &str| std::fs::read_to_string(generated.join(path)).ok();
    let largest = largest.map(|features| program::Usage { features, structs: &[], builder: "" });
    let built = [Some(program::PREFERRED), largest]
        .into_iter()
        .flatten()
        .find_map(|usage| program::program_files(&read, &usage, generated).map(|files| (usage.features, files)));
    let Some((features, files)) = built else {
        notes.push("small-program build skipped: no workload with structs in the generated crate".into());
        return None;
    };
    let dir = config.work_dir.join("program");
    if let Err(e) = phase::write_files(&dir, &files) {
        notes.push(format!("small-program build skipped: cannot write {}: {e}", dir.display()));
        return None;
    }
    pin_lock_file(config, &dir, notes);
    progress("warming the dependencies of the small program");
    // Its own target dir: `cargo clean -p graph-models` before each run must not touch the
    // artifacts of the other crates the benchmark checks.
    let target_dir = config.target_dir.with_file_name("bench-program");
    if let Ok(o) = phase::cargo_program_command(&dir, &target_dir, &["build"]).output() {
        if !o.status.success() {
            notes.push(format!(
                "warming the small program failed: {}",
                phase::tail(&String::from_utf8_lossy(&o.stderr), 5)
            ));
        }
    }
    let phase = Phase::CargoBuild { dir: dir.clone(), target_dir };
    let name = format!("small program, graph-models with {features} only");
    Some(timed(config, &name, config.compile_runs, &phase, progress, || {}).0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(docs: &str, skip_compile: bool, synthetic: bool) -> Config {
        let scratch = std::env::temp_dir()
            .join(format!("graph-docgen-bench-test-{}-{skip_compile}-{synthetic}", std::process::id()));
        let mut c =
            Config::new(PathBuf::from(docs), docs.to_string(), scratch.clone(), PathBuf::from("/nonexistent/xtask"));
        c.work_dir = scratch;
        c.skip_compile = skip_compile;
        c.skip_decode = true;
        c.synthetic = synthetic;
        c
    }

    #[test]
    fn absent_docs_skip_without_running_anything() {
        let cases = [
            (true, false, "SKIP: --skip-compile"),
            (false, false, "SKIP: no docs corpus at /nonexistent/docs (use --synthetic"),
            (true, true, "SKIP: --skip-compile"),
        ];
        for (skip_compile, synthetic, compile_skip) in cases {
            let c = config("/nonexistent/docs", skip_compile, synthetic);
            let mut lines = Vec::new();
            let f = run(&c, &mut |l| lines.push(l.to_string()));
            assert_eq!(
                f.regen,
                Part::Skipped("SKIP: no docs corpus at /nonexistent/docs (no v1.0/ or beta/)".to_string())
            );
            assert!(matches!(&f.compile, Part::Skipped(e) if e.starts_with(compile_skip)), "{:?}", f.compile);
            assert!(lines.is_empty(), "no phase ran: {lines:?}");
            assert!(f.to_table().contains("regen speed: SKIP"));
        }
    }

    #[test]
    fn a_child_that_cannot_start_is_an_error_not_a_panic() {
        let c = config("/nonexistent/docs", true, false);
        let out = spawn(&c, &Phase::Floor { docs: "/nonexistent/docs".into() });
        assert!(out.error.is_some_and(|e| e.contains("cannot start /nonexistent/xtask")));
    }

    #[test]
    fn phase_main_reports_bad_arguments_as_json() {
        let out: PhaseOutput = serde_json::from_str(&phase_main("not json")).expect("a JSON report");
        assert!(out.error.is_some_and(|e| e.starts_with("bad phase argument")));
        let floor = serde_json::to_string(&Phase::Floor { docs: "/nonexistent/docs".into() }).expect("encodes");
        let out: PhaseOutput = serde_json::from_str(&phase_main(&floor)).expect("a JSON report");
        // A missing version folder is simply empty for the floor.
        assert_eq!((out.error, out.note.as_deref()), (None, Some("0 pages, 0 bytes")));
    }
}
