//! emit: schemas in, the Rust source files of graph-models out (printed by prettyplease).
//!
//! `names` decides every identifier first ([`NameMap`]); the submodules then only look names
//! up: [`structs`], [`enums`] and [`patch`] build the items as syn nodes (small constructors in
//! [`ast`]; no `quote!` tokens parsed back by syn), [`types`] maps field types,
//! [`links`] decides which generated items their docs link to,
//! [`modules`] lays the files out and [`format`](mod@format) prints them. Besides the files under
//! `src/generated/`, the result holds the key [`FEATURES_KEY`]: the lines of graph-models'
//! `Cargo.toml` between `# BEGIN GENERATED FEATURES` and `# END GENERATED FEATURES`: the version
//! features, `full` and one feature per workload ([`features`]).

pub mod ast;
pub mod enums;
pub mod example_tests;
pub mod features;
pub mod format;
pub mod links;
pub mod modules;
pub mod patch;
pub mod polymorphic;
pub mod structs;
pub mod types;

use crate::diagnostics::{Code, Diagnostic, Span};
use crate::facts::ApiVersion;
use crate::names::NameMap;
use crate::schema::Schema;
use std::collections::BTreeMap;

/// The key of the generated cargo features block in the files map; `output` owns the name.
pub use crate::output::FEATURES_KEY;

#[derive(Clone, Debug, Default)]
pub struct EmitOptions {
    /// Also render the docs' JSON examples as tests (`src/generated/<version>/example_tests.rs`,
    /// see [`example_tests`]). They need the pages, so [`example_tests::add`] runs on the
    /// finished [`crate::Generated`]; the caller of `generate` applies it when this is on.
    pub example_tests: bool,
}

/// Renders every schema. Returns files keyed by path relative to the crate root.
///
/// Every version gets a `src/generated/<version>/mod.rs`, even without a schema, because
/// graph-models' `lib.rs` declares both version modules.
pub fn emit(schemas: &[Schema], _options: &EmitOptions) -> (BTreeMap<String, String>, Vec<Diagnostic>) {
    use rayon::prelude::*;
    // The versions are independent until the features block: emitting them side by side lets
    // one version's serial naming passes overlap the other's parallel item rendering.
    let per_version: Vec<VersionOutput> = ApiVersion::ALL
        .par_iter()
        .map(|&version| {
            let empty = Schema::new(version);
            emit_version(schemas.iter().find(|s| s.version == version).unwrap_or(&empty), _options)
        })
        .collect();
    assemble(per_version)
}

/// What one version contributes to [`emit`]'s result ([`emit_version`]); [`assemble`] joins
/// them. Split so that `generate` can emit one version while it still lowers the other.
pub struct VersionOutput {
    files: Vec<(String, String)>,
    diags: Vec<Diagnostic>,
    workloads: Vec<String>,
}

/// The files of all versions and the features block, from each version's [`emit_version`].
/// Every version needs its `mod.rs` (graph-models' `lib.rs` declares both): pass one output
/// per version of [`ApiVersion::ALL`], empty schemas included.
pub fn assemble(per_version: Vec<VersionOutput>) -> (BTreeMap<String, String>, Vec<Diagnostic>) {
    let mut files = BTreeMap::new();
    let mut diags = Vec::new();
    let mut workloads = std::collections::BTreeSet::new();
    for out in per_version {
        files.extend(out.files);
        diags.extend(out.diags);
        workloads.extend(out.workloads);
    }
    let versions: Vec<&str> = ApiVersion::ALL.iter().map(|v| v.module()).collect();
    let workloads = workloads.iter().map(String::as_str).collect();
    files.insert(FEATURES_KEY.to_string(), features::features_block(&versions, &workloads));
    diags.sort();
    diags.dedup();
    (files, diags)
}

/// Renders one version's schema: names, feature groups, items, files.
pub fn emit_version(schema: &Schema, options: &EmitOptions) -> VersionOutput {
    render_version(schema, plan_version(schema), options)
}

/// `head` then every piece, in one allocation.
fn join_file(head: String, pieces: Vec<String>) -> String {
    let mut text = head;
    text.reserve_exact(pieces.iter().map(String::len).sum());
    for piece in pieces {
        text.push_str(&piece);
    }
    text
}

/// What [`plan_version`] decides before any item of a version is rendered: every name, every
/// feature group, the doc links. Owns its data, so the schema may still change in ways these
/// decisions do not read (`generate` carries the v1.0 PATCH constraints into beta between
/// [`plan_version`] and [`render_version`]; only `clearable` changes, which no planning pass
/// reads).
pub struct VersionPlan {
    names: NameMap,
    grouping: features::Grouping,
    diags: Vec<Diagnostic>,
}

/// The serial first half of [`emit_version`]: naming and grouping, which must see the whole
/// version before any item is rendered. Split out so that `generate` can run it for beta on
/// one core while the other renders v1.0.
pub fn plan_version(schema: &Schema) -> VersionPlan {
    let (mut names, mut diags) = NameMap::build(schema);
    let grouping = features::Grouping::compute(schema, names.builders.keys().copied());
    diags.extend(polymorphic::name_enums(schema, &mut names, &grouping));
    links::name_doc_links(schema, &mut names, &grouping);
    VersionPlan { names, grouping, diags }
}

/// The parallel second half of [`emit_version`]: every item built and printed, then the files.
pub fn render_version(schema: &Schema, plan: VersionPlan, _options: &EmitOptions) -> VersionOutput {
    let VersionPlan { names, grouping, diags } = plan;
    let mut out = VersionOutput { files: Vec::new(), diags, workloads: Vec::new() };
    out.workloads.extend(grouping.features().into_iter().map(str::to_string));
    // The heads (docs and module declarations) are printed here, as tokens cannot cross
    // threads; the files are then joined in parallel: a version is ~15 MB of printed items,
    // and joining (and freeing) them on one thread left the other core idle at the end of
    // every regen.
    let mut heads = Vec::new();
    for file in modules::version_files(schema, &names, &grouping) {
        match format::format_file(file.tokens) {
            Ok(head) => heads.push((file.path, head, file.body)),
            Err(message) => out.diags.push(Diagnostic::new(
                Code::GeneratedCodeInvalid,
                Span::line(file.path.clone(), 1),
                format!("emit built tokens that are not a Rust file ({message}); the file was not written"),
            )),
        }
    }
    use rayon::prelude::*;
    out.files = heads.into_par_iter().with_max_len(1).map(|(path, head, body)| (path, join_file(head, body))).collect();
    out
}
