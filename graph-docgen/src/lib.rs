//! graph-docgen: Microsoft Graph reference pages (markdown) in, a typed Rust crate out.
//!
//! The pipeline, one module per pass:
//! 1. [`tree`] reads a docs tree (`v1.0/…`, `beta/…`) into decoded pages;
//! 2. [`parse`] turns each page into [`facts::PageFacts`] (one page at a time, in parallel);
//! 3. [`lower`] merges all pages of a version into one [`schema::Schema`], resolving names;
//! 4. [`emit`] renders the schemas as Rust files for `graph-models` (naming in [`names`],
//!    doc comments in [`rustdoc`]);
//! 5. [`output`] writes or checks those files.
//!
//! Every pass reports problems as [`diagnostics::Diagnostic`]s instead of failing; only
//! error-severity diagnostics stop a regen, and they stop it before anything is written.

pub mod bench;
pub mod diagnostics;
pub mod emit;
pub mod examples;
pub mod facts;
pub mod lower;
pub mod names;
pub mod output;
pub mod parse;
pub mod render;
pub mod report;
pub mod rustdoc;
pub mod schema;
pub mod suppress;
pub mod timings;
pub mod tree;

use diagnostics::Diagnostics;
use facts::{ApiVersion, PageFacts};
use rayon::prelude::*;
use schema::Schema;
use std::collections::BTreeMap;

/// A decoded docs page: path relative to the docs root (`/`-separated) and its text
/// (BOM stripped, line endings normalised to `\n`).
#[derive(Clone, Debug)]
pub struct SourcePage {
    pub path: String,
    pub text: String,
}

/// Options for [`generate`].
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Passed to `emit`: see [`emit::EmitOptions`].
    pub emit: emit::EmitOptions,
}

/// Everything one run produces.
#[derive(Debug)]
pub struct Generated {
    pub pages: Vec<PageFacts>,
    pub schemas: Vec<Schema>,
    /// Files of the generated crate, keyed by path relative to the crate root (`/`-separated).
    pub files: BTreeMap<String, String>,
    pub diagnostics: Diagnostics,
    /// Wall time of each pass (`cargo xtask regen --timings`).
    pub timings: timings::Timings,
}

/// Runs parse, lower and emit over already-read pages. Deterministic: the result does not
/// depend on the order of `pages` or on the number of threads.
pub fn generate(pages: Vec<SourcePage>, options: &Options) -> Generated {
    generate_pages(&pages, options)
}

/// [`generate`] on borrowed pages: a caller that keeps the texts afterwards (to show source
/// lines in diagnostics) does not have to copy them.
///
/// The passes are scheduled so that both cores stay busy (the critical path is beta, about
/// two thirds of the pages, whose lowering and naming are serial):
/// 1. the beta pages are parsed, on all cores;
/// 2. one core lowers beta and plans its names and feature groups, while the others parse the
///    v1.0 pages (and any page outside a version folder), lower v1.0 and emit it;
/// 3. the v1.0 PATCH constraints are carried into beta (the one step that needs both schemas)
///    and beta's items are rendered, on all cores.
pub fn generate_pages(pages: &[SourcePage], options: &Options) -> Generated {
    let mut timings = timings::Timings::default();
    let mut pages: Vec<&SourcePage> = pages.iter().collect();
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    let (beta_pages, other_pages): (Vec<&SourcePage>, Vec<&SourcePage>) =
        pages.iter().partition(|p| ApiVersion::of_path(&p.path) == Some(ApiVersion::Beta));
    let beta_facts = timings.time("parse beta", || parse_all(&beta_pages));

    let start = std::time::Instant::now();
    let ((other_facts, v1, v1_diags, v1_files), (mut beta, beta_diags, beta_plan, beta_ready)) = rayon::join(
        || {
            let facts = parse_all(&other_pages);
            let of_v1: Vec<&PageFacts> = facts.iter().filter(|f| f.version == Some(ApiVersion::V1_0)).collect();
            let (schema, diags) = lower::lower(ApiVersion::V1_0, &of_v1);
            let files = emit::emit_version(&schema, &options.emit);
            (facts, schema, diags, files)
        },
        || {
            let of_beta: Vec<&PageFacts> = beta_facts.iter().collect();
            let (schema, diags) = lower::lower(ApiVersion::Beta, &of_beta);
            let plan = emit::plan_version(&schema);
            (schema, diags, plan, start.elapsed())
        },
    );
    timings.record("parse v1.0, lower, name", beta_ready);
    let mut diagnostics = Diagnostics::default();
    diagnostics.extend(v1_diags);
    diagnostics.extend(beta_diags);
    diagnostics.extend(lower::across::carry_patch_constraints(&v1, &mut beta));
    let beta_files = emit::render_version(&beta, beta_plan, &options.emit);
    let (files, diags) = emit::assemble(vec![v1_files, beta_files]);
    timings.record("emit (v1.0 during the above)", start.elapsed().saturating_sub(beta_ready));
    let mut facts = beta_facts;
    facts.extend(other_facts);
    facts.sort_by(|a, b| a.path.cmp(&b.path));
    for f in &facts {
        diagnostics.extend(f.diagnostics.iter().cloned());
    }
    let schemas = vec![v1, beta];
    diagnostics.extend(diags);
    diagnostics.sort();
    Generated { pages: facts, schemas, files, diagnostics, timings }
}

/// Parses pages in parallel, keeping their order. Leaves of at most [`PAGES_PER_TASK`] pages
/// keep the last task short: pages sorted by path cluster the heaviest ones (`intune-*`), and
/// rayon's default splitting could leave one core parsing such a run alone at the end.
fn parse_all(pages: &[&SourcePage]) -> Vec<PageFacts> {
    pages.par_iter().with_max_len(PAGES_PER_TASK).map(|p| parse::parse_page(&p.path, &p.text)).collect()
}

/// See [`parse_all`]: a task of this many pages takes well under a millisecond.
const PAGES_PER_TASK: usize = 8;
