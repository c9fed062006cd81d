//! xtask library: the commands behind `cargo xtask`, kept as functions so that tests (the
//! freshness test) run exactly the code path of the command line. The logic lives in
//! graph-docgen; this crate only resolves paths, calls it and prints.

use graph_docgen::diagnostics::{Diagnostic, Severity};
use graph_docgen::output::{self, Delta, Plan, Scaffold};
use graph_docgen::render;
use graph_docgen::{Generated, Options};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The workspace root, found from this crate's manifest directory so that `cargo xtask` works
/// from any current directory.
pub fn workspace_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(Path::to_path_buf).unwrap_or_else(|| here.to_path_buf())
}

/// A path as the user typed it (shown in messages) and where it resolves to. Defaults resolve
/// against the workspace root; paths given on the command line against the current directory.
#[derive(Clone, Debug)]
pub struct UserPath {
    pub shown: String,
    pub path: PathBuf,
    pub defaulted: bool,
}

impl UserPath {
    pub fn resolve(given: Option<&Path>, default: &str) -> UserPath {
        match given {
            Some(p) => UserPath { shown: p.display().to_string(), path: p.to_path_buf(), defaulted: false },
            None => UserPath { shown: default.to_string(), path: workspace_root().join(default), defaulted: true },
        }
    }
}

/// Pages read from a docs tree and what the generator made of them; the reader's diagnostics
/// are merged into `generated.diagnostics`.
pub struct Loaded {
    pub generated: Generated,
    /// Decoded page text by path relative to the docs root (for diagnostic snippets).
    pub sources: BTreeMap<String, String>,
}

pub fn load(docs: &Path) -> Loaded {
    let start = std::time::Instant::now();
    let (pages, tree_diags) = graph_docgen::tree::read_tree(docs);
    let read = start.elapsed();
    // The docs' examples become tests only for the workspace's own docs/ (the seed tree);
    // for any other tree they would make graph-models slow to compile.
    let seed = docs.canonicalize().ok() == workspace_root().join("docs").canonicalize().ok();
    let options = Options { emit: graph_docgen::emit::EmitOptions { example_tests: seed } };
    let mut generated = graph_docgen::generate_pages(&pages, &options);
    // The texts move into `sources` (no copy): diagnostics show their lines.
    let sources = pages.into_iter().map(|p| (p.path, p.text)).collect();
    generated.timings.0.insert(0, ("read docs", read));
    if options.emit.example_tests {
        graph_docgen::emit::example_tests::add(&mut generated);
    }
    // The reader names the root itself by its path; diagnostic files are relative to the root,
    // so the root is "" (rendered as the root as the user typed it).
    let root = docs.display().to_string();
    generated.diagnostics.extend(tree_diags.into_iter().map(|mut d| {
        if d.span.file == root {
            d.span.file.clear();
        }
        d
    }));
    // Acknowledged doc defects (docgen-suppressions.toml at the docs root) are applied last, so
    // they see every diagnostic and an unused one is reported.
    if let Ok(text) = std::fs::read_to_string(docs.join(graph_docgen::suppress::FILE_NAME)) {
        let (suppressions, bad) = graph_docgen::suppress::parse(&text);
        generated.diagnostics.extend(bad);
        graph_docgen::suppress::apply(&mut generated.diagnostics.0, &suppressions);
    }
    generated.diagnostics.sort();
    Loaded { generated, sources }
}

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Human,
    Json,
}

/// Diagnostics of the docs (paths under `docs_shown`) and of the output step (paths under
/// `out_shown`), as text for stderr or as one JSON document.
pub fn render_diagnostics(
    format: Format,
    docs: &[Diagnostic],
    docs_shown: &str,
    out: &[Diagnostic],
    out_shown: &str,
    sources: &BTreeMap<String, String>,
    color: bool,
) -> String {
    match format {
        Format::Human => {
            let mut s = render::render_each(docs, sources, docs_shown, color);
            for d in out {
                s.push_str(&render::render_one_styled(d, &BTreeMap::new(), out_shown, color));
                s.push('\n');
            }
            s.push_str(&render::Summary::of(docs.iter().chain(out)).to_string());
            s.push('\n');
            s
        }
        Format::Json => {
            let mut doc = render::render_json(docs, docs_shown);
            let extra = render::render_json(out, out_shown);
            if let (Some(list), Some(more)) = (
                doc.get_mut("diagnostics").and_then(|v| v.as_array_mut()),
                extra.get("diagnostics").and_then(|v| v.as_array()),
            ) {
                list.extend(more.iter().cloned());
            }
            if let Some(obj) = doc.as_object_mut() {
                obj.insert("summary".into(), serde_json::json!(render::Summary::of(docs.iter().chain(out))));
            }
            let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

/// The command that brings `out` up to date, spelled with the user's own arguments.
pub fn fix_command(docs: &UserPath, out: &UserPath) -> String {
    let mut cmd = String::from("cargo xtask regen");
    if !docs.defaulted {
        cmd.push_str(&format!(" --docs {}", docs.shown));
    }
    if !out.defaulted {
        cmd.push_str(&format!(" --out {}", out.shown));
    }
    cmd
}

/// One line per differing file: `  stale    src/generated/beta/group.rs`.
pub fn plan_lines(plan: &Plan, check: bool) -> String {
    let mut s = String::new();
    for d in &plan.deltas {
        let word = if check { d.delta.check_word() } else { d.delta.write_word() };
        s.push_str(&format!("  {word:<8} {}\n", d.shown()));
    }
    s
}

/// What `regen` decided; `main` turns it into output and an exit code.
pub struct RegenOutcome {
    /// Everything to print on stderr (diagnostics, then the result message).
    pub stderr: String,
    /// Machine-readable diagnostics for `--format json` (stdout).
    pub stdout: String,
    /// The result alone (what changed, what is stale, or why nothing was written); also the
    /// end of `stderr`.
    pub message: String,
    pub success: bool,
}

#[derive(Clone, Debug)]
pub struct RegenArgs {
    pub docs: UserPath,
    pub out: UserPath,
    pub check: bool,
    pub format: Format,
    pub deny_warnings: bool,
    /// ANSI colours in human diagnostics.
    pub color: bool,
    /// Append the wall time of each pass to stderr.
    pub timings: bool,
}

/// `cargo xtask regen [--check]`: read, generate, stop on errors before writing, then write
/// (or compare) through `graph_docgen::output`.
pub fn regen(args: &RegenArgs) -> RegenOutcome {
    regen_keeping(args).0
}

/// [`regen`], also handing back what it loaded, for a caller that decides when (or whether)
/// to free it: `main` exits without freeing it.
pub fn regen_keeping(args: &RegenArgs) -> (RegenOutcome, Loaded) {
    let loaded = load(&args.docs.path);
    let outcome = regen_loaded(args, &loaded);
    (outcome, loaded)
}

/// [`regen`] on already loaded docs (tests feed hand-made `Generated` values through this).
pub fn regen_with(args: &RegenArgs, loaded: Loaded) -> RegenOutcome {
    regen_loaded(args, &loaded)
}

fn regen_loaded(args: &RegenArgs, loaded: &Loaded) -> RegenOutcome {
    let mut timings = loaded.generated.timings.clone();
    let docs_diags = &loaded.generated.diagnostics.0;
    let blocking = docs_diags
        .iter()
        .any(|d| d.severity == Severity::Error || (args.deny_warnings && d.severity == Severity::Warning));

    let mut message = String::new();
    let mut out_diags: Vec<Diagnostic> = Vec::new();
    let mut success = false;
    if blocking {
        let why = if docs_diags.iter().any(|d| d.severity == Severity::Error) { "errors" } else { "denied warnings" };
        message = format!("regen stopped because of {why}; nothing was written to {}\n", args.out.shown);
    } else if args.check {
        match timings.time("compare", || output::check(&args.out.path, &loaded.generated.files)) {
            Err(d) => out_diags = d,
            Ok(plan) if plan.is_up_to_date() => {
                success = true;
                message = format!("{} is up to date\n", args.out.shown);
            }
            Ok(plan) => {
                let what = if plan.scaffold { " (no crate there yet)" } else { "" };
                message = format!(
                    "{} is out of date{what}: {} file(s) differ\n{}run `{}` to update it\n",
                    args.out.shown,
                    plan.deltas.len(),
                    plan_lines(&plan, true),
                    fix_command(&args.docs, &args.out)
                );
            }
        }
    } else {
        let root = workspace_root();
        match timings.time("write", || {
            output::write(&args.out.path, &loaded.generated.files, || Scaffold::from_workspace(&root))
        }) {
            Err(d) => out_diags = d,
            Ok(plan) => {
                success = true;
                message = if plan.is_up_to_date() {
                    format!("{} is up to date\n", args.out.shown)
                } else {
                    let count = |k: Delta| plan.deltas.iter().filter(|d| d.delta == k).count();
                    format!(
                        "{}{}: {} added, {} changed, {} removed\n{}",
                        if plan.scaffold { "scaffolded a new crate; " } else { "" },
                        args.out.shown,
                        count(Delta::Missing),
                        count(Delta::Stale),
                        count(Delta::Extra),
                        plan_lines(&plan, false)
                    )
                };
            }
        }
    }

    let rendered = timings.time("render diagnostics", || {
        render_diagnostics(
            args.format,
            docs_diags,
            &args.docs.shown,
            &out_diags,
            &args.out.shown,
            &loaded.sources,
            args.color,
        )
    });
    let (stdout, mut stderr) = match args.format {
        Format::Json => (rendered, String::new()),
        Format::Human => (String::new(), rendered),
    };
    stderr.push_str(&message);
    if args.timings {
        stderr.push_str(&format!("timings (wall):\n{}", timings.lines()));
    }
    RegenOutcome { stderr, stdout, message, success }
}

/// Markers around the README's generated diagnostic code table.
pub const README_TABLE_BEGIN: &str = "<!-- BEGIN CODE TABLE (cargo xtask explain --all) -->\n";
pub const README_TABLE_END: &str = "<!-- END CODE TABLE -->";

/// The README with the block between the markers replaced by the current code table
/// (`cargo xtask readme`); `None` when the markers are missing.
pub fn readme_with_code_table(readme: &str) -> Option<String> {
    let start = readme.find(README_TABLE_BEGIN)? + README_TABLE_BEGIN.len();
    let len = readme.get(start..)?.find(README_TABLE_END)?;
    let (head, tail) = (readme.get(..start)?, readme.get(start + len..)?);
    Some(format!("{head}{}{tail}", graph_docgen::render::code_table()))
}

/// `--color auto`: colours when stderr is a terminal and `NO_COLOR` is unset.
pub fn stderr_wants_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}
