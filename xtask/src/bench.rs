//! `cargo xtask bench`: argument parsing and printing around `graph_docgen::bench`, plus the
//! hidden `bench-phase` subcommand each measured run re-executes this binary with.

use clap::Args;
use graph_docgen::bench::{self, Config};
use std::path::PathBuf;
use std::process::ExitCode;
use xtask::UserPath;

/// The real corpus, next to the workspace on this machine.
const DEFAULT_DOCS: &str = "../shared/graph-docs";

#[derive(Args)]
pub struct BenchArgs {
    /// Docs root holding v1.0/ and beta/ [default: <workspace>/../shared/graph-docs]
    #[arg(long)]
    docs: Option<PathBuf>,
    /// Only the regen-speed part
    #[arg(long)]
    skip_compile: bool,
    /// Leave out the decode-speed part (it builds graph-models in release mode, about a minute
    /// the first time, and decodes for a few seconds)
    #[arg(long)]
    skip_decode: bool,
    /// Compare generated and naive crates on synthetic schemas of issue 4's sizes
    /// (v1.0: 1,000 types x 8 + 320 enums; beta: 2,600 x 8 + 830) instead of the docs' schemas
    #[arg(long)]
    synthetic: bool,
    /// Print the figures as JSON
    #[arg(long)]
    json: bool,
    /// Rounds of floor, regen and check, run in turn (the best of each is reported)
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Timed runs per `cargo check` (the best is reported)
    #[arg(long, default_value_t = 1)]
    compile_runs: usize,
}

pub fn run(args: BenchArgs) -> ExitCode {
    let docs = UserPath::resolve(args.docs.as_deref(), DEFAULT_DOCS);
    let self_exe = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: cannot find this program's path to re-run it per phase: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut config = Config::new(docs.path, docs.shown, xtask::workspace_root(), self_exe);
    config.runs = args.runs.max(1);
    config.compile_runs = args.compile_runs.max(1);
    config.skip_compile = args.skip_compile;
    config.skip_decode = args.skip_decode;
    config.synthetic = args.synthetic;
    let mut figures = bench::run(&config, &mut |line| eprintln!("bench: {line}"));
    if cfg!(debug_assertions) {
        figures.notes.push(
            "xtask is a debug build (as `cargo xtask` runs it): graph-docgen and dependencies at opt-level 2 (workspace Cargo.toml)".into(),
        );
    }
    if args.json {
        println!("{}", figures.to_json());
    } else {
        print!("{}", figures.to_table());
    }
    ExitCode::SUCCESS
}

/// `bench-phase <json>`: one measured run, reported as one JSON line on stdout.
pub fn phase(arg: &str) -> ExitCode {
    println!("{}", bench::phase_main(arg));
    ExitCode::SUCCESS
}
