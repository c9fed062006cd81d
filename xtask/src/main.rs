//! xtask: the command line over the graph-docgen library (`cargo xtask regen`, `schema`, ...).

mod bench;

use clap::{Parser, Subcommand, ValueEnum};
use graph_docgen::diagnostics::Code;
use graph_docgen::facts::ApiVersion;
use graph_docgen::render;
use graph_docgen::report::Report;
use std::path::PathBuf;
use std::process::ExitCode;
use xtask::{Format, RegenArgs, UserPath};

mod examples;

// Every xtask phase (regen, bench children, examples) allocates many small strings and syn
// nodes; mimalloc makes that cheaper than glibc malloc, which was ~20% of a regen's CPU.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "cargo xtask", about = "graph-docgen: Microsoft Graph docs -> graph-models")]
struct Cli {
    /// Colours in diagnostics on stderr (auto: when it is a terminal and NO_COLOR is unset)
    #[arg(long, value_enum, default_value = "auto", global = true)]
    color: ColorArg,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

impl ColorArg {
    fn enabled(self) -> bool {
        match self {
            ColorArg::Auto => xtask::stderr_wants_color(),
            ColorArg::Always => true,
            ColorArg::Never => false,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Deny {
    Warnings,
}

#[derive(Clone, Copy, ValueEnum)]
enum VersionArg {
    #[value(name = "v1.0")]
    V1_0,
    Beta,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate graph-models from the docs (or, with --check, verify it is up to date).
    Regen {
        /// Docs root holding v1.0/ and beta/ [default: <workspace>/docs]
        #[arg(long)]
        docs: Option<PathBuf>,
        /// Output crate [default: <workspace>/graph-models]; scaffolded when missing or empty
        #[arg(long)]
        out: Option<PathBuf>,
        /// Write nothing; fail naming every stale, missing or extra file
        #[arg(long)]
        check: bool,
        #[arg(long, value_enum, default_value = "human")]
        format: FormatArg,
        /// Treat warnings as errors (nothing is written)
        #[arg(long, value_enum)]
        deny: Option<Deny>,
        /// Print the wall time of each pass (read, parse, lower, emit, write, diagnostics)
        #[arg(long)]
        timings: bool,
    },
    /// Print the resolved schemas as JSON (an array of both versions, or one with --version).
    Schema {
        #[arg(long)]
        docs: Option<PathBuf>,
        #[arg(long, value_enum)]
        version: Option<VersionArg>,
    },
    /// Print figures about the docs corpus and what is generated from it.
    Report {
        #[arg(long)]
        docs: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: FormatArg,
    },
    /// Check the docs' JSON examples against the schema; print found/checked/passed/failed.
    Examples {
        #[arg(long)]
        docs: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: FormatArg,
    },
    /// Measure regen speed and the compile cost of the generated crate (issue 4).
    Bench(bench::BenchArgs),
    /// One measured run of `bench` (internal: the benchmark re-runs this binary per phase).
    #[command(name = "bench-phase", hide = true)]
    BenchPhase { phase: String },
    /// Rewrite the diagnostic code table of README.md from the code list.
    Readme,
    /// Explain a diagnostic code (`GD0300` or its name); --all prints the Markdown table.
    Explain {
        code: Option<String>,
        #[arg(long, conflicts_with = "code")]
        all: bool,
    },
}

fn format(f: FormatArg) -> Format {
    match f {
        FormatArg::Human => Format::Human,
        FormatArg::Json => Format::Json,
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = cli.color.enabled();
    match cli.command {
        Command::Regen { docs, out, check, format: f, deny, timings } => {
            let args = RegenArgs {
                docs: UserPath::resolve(docs.as_deref(), "docs"),
                out: UserPath::resolve(out.as_deref(), "graph-models"),
                check,
                format: format(f),
                deny_warnings: deny.is_some(),
                color,
                timings,
            };
            let (outcome, loaded) = xtask::regen_keeping(&args);
            print!("{}", outcome.stdout);
            eprint!("{}", outcome.stderr);
            // The process exits next and the OS takes the memory back at once; freeing the
            // pages, facts, schemas and files first (about a million allocations, one by one,
            // on this thread) would add ~0.15 s to a full-corpus regen for nothing.
            std::mem::forget(loaded);
            if outcome.success {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Command::Schema { docs, version } => {
            let docs = UserPath::resolve(docs.as_deref(), "docs");
            let loaded = xtask::load(&docs.path);
            eprint!(
                "{}",
                xtask::render_diagnostics(
                    Format::Human,
                    &loaded.generated.diagnostics.0,
                    &docs.shown,
                    &[],
                    "",
                    &loaded.sources,
                    color
                )
            );
            let wanted = version.map(|v| match v {
                VersionArg::V1_0 => ApiVersion::V1_0,
                VersionArg::Beta => ApiVersion::Beta,
            });
            let json = match wanted {
                Some(v) => serde_json::to_value(loaded.generated.schemas.iter().find(|s| s.version == v)),
                None => serde_json::to_value(&loaded.generated.schemas),
            };
            match json.and_then(|j| serde_json::to_string_pretty(&j)) {
                Ok(s) => {
                    println!("{s}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: cannot serialize the schema: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Report { docs, format: f } => {
            let docs = UserPath::resolve(docs.as_deref(), "docs");
            let loaded = xtask::load(&docs.path);
            let report = Report::build(&loaded.generated);
            match format(f) {
                Format::Human => print!("{}", report.to_text()),
                Format::Json => match serde_json::to_string_pretty(&report) {
                    Ok(s) => println!("{s}"),
                    Err(e) => {
                        eprintln!("error: cannot serialize the report: {e}");
                        return ExitCode::FAILURE;
                    }
                },
            }
            ExitCode::SUCCESS
        }
        Command::Examples { docs, format: f } => {
            let outcome = examples::run(&UserPath::resolve(docs.as_deref(), "docs"), format(f), color);
            print!("{}", outcome.stdout);
            eprint!("{}", outcome.stderr);
            if outcome.success {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Command::Bench(args) => bench::run(args),
        Command::BenchPhase { phase } => bench::phase(&phase),
        Command::Readme => {
            let path = xtask::workspace_root().join("README.md");
            let updated = std::fs::read_to_string(&path)
                .map_err(|e| e.to_string())
                .and_then(|t| xtask::readme_with_code_table(&t).ok_or_else(|| "no CODE TABLE markers".to_string()))
                .and_then(|t| std::fs::write(&path, t).map_err(|e| e.to_string()));
            match updated {
                Ok(()) => {
                    eprintln!("README.md code table updated");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {}: {e}", path.display());
                    ExitCode::FAILURE
                }
            }
        }
        Command::Explain { code, all } => {
            if all {
                print!("{}", render::code_table());
                return ExitCode::SUCCESS;
            }
            let Some(code) = code else {
                eprintln!("error: name a code (`cargo xtask explain GD0300`) or pass --all");
                return ExitCode::FAILURE;
            };
            match Code::parse(&code) {
                Some(c) => {
                    print!("{}", render::explain(c));
                    ExitCode::SUCCESS
                }
                None => {
                    eprintln!("error: unknown diagnostic code `{code}`; `cargo xtask explain --all` lists them");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
