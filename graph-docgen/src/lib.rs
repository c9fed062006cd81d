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
pub fn generate_pages(pages: &[SourcePage], options: &Options) -> Generated {
    let mut timings = timings::Timings::default();
    let mut pages: Vec<&SourcePage> = pages.iter().collect();
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    let facts: Vec<PageFacts> =
        timings.time("parse", || pages.par_iter().map(|p| parse::parse_page(&p.path, &p.text)).collect());

    let mut diagnostics = Diagnostics::default();
    for f in &facts {
        diagnostics.extend(f.diagnostics.iter().cloned());
    }
    let of_version = |v: ApiVersion| -> Vec<&PageFacts> { facts.iter().filter(|f| f.version == Some(v)).collect() };
    // Lower and emit are pipelined: v1.0, about a third of the pages, is lowered and then
    // emitted while beta is still being lowered (the second core would otherwise wait for
    // beta); beta is emitted once it has the v1.0 PATCH constraints it inherits, the only
    // step that needs both schemas (it reads v1.0 and changes beta). `--timings` shows lower
    // until both schemas are ready and emit for what is left.
    let start = std::time::Instant::now();
    let ((v1, v1_diags, v1_lowered, v1_files), (mut beta, beta_diags, beta_lowered)) = rayon::join(
        || {
            let (schema, diags) = lower::lower(ApiVersion::V1_0, &of_version(ApiVersion::V1_0));
            let lowered = start.elapsed();
            let files = emit::emit_version(&schema, &options.emit);
            (schema, diags, lowered, files)
        },
        || {
            let (schema, diags) = lower::lower(ApiVersion::Beta, &of_version(ApiVersion::Beta));
            (schema, diags, start.elapsed())
        },
    );
    let lowered = v1_lowered.max(beta_lowered);
    timings.record("lower", lowered);
    diagnostics.extend(v1_diags);
    diagnostics.extend(beta_diags);
    diagnostics.extend(lower::across::carry_patch_constraints(&v1, &mut beta));
    let beta_files = emit::emit_version(&beta, &options.emit);
    let (files, diags) = emit::assemble(vec![v1_files, beta_files]);
    timings.record("emit (v1.0 during lower)", start.elapsed().saturating_sub(lowered));
    let schemas = vec![v1, beta];
    diagnostics.extend(diags);
    diagnostics.sort();
    Generated { pages: facts, schemas, files, diagnostics, timings }
}
