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
    let mut schemas: Vec<Schema> = timings.time("lower", || {
        ApiVersion::ALL
            .par_iter()
            .map(|&v| {
                let pages: Vec<&PageFacts> = facts.iter().filter(|f| f.version == Some(v)).collect();
                lower::lower(v, &pages)
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|(schema, diags)| {
                diagnostics.extend(diags);
                schema
            })
            .collect()
    });
    if let [v1, beta] = schemas.as_mut_slice() {
        diagnostics.extend(lower::across::carry_patch_constraints(v1, beta));
    }
    let (files, diags) = timings.time("emit", || emit::emit(&schemas, &options.emit));
    diagnostics.extend(diags);
    diagnostics.sort();
    Generated { pages: facts, schemas, files, diagnostics, timings }
}
