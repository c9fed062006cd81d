//! emit: schemas in, the Rust source files of graph-models out (printed by prettyplease).
//!
//! `names` decides every identifier first ([`NameMap`]); the submodules then only look names
//! up: [`structs`], [`enums`] and [`patch`] build the items, [`types`] maps field types,
//! [`modules`] lays the files out and [`format`] prints them. Besides the files under
//! `src/generated/`, the result holds the key [`FEATURES_KEY`]: the lines of graph-models'
//! `Cargo.toml` between `# BEGIN GENERATED FEATURES` and `# END GENERATED FEATURES`.

pub mod enums;
pub mod example_tests;
pub mod format;
pub mod modules;
pub mod patch;
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
    let mut files = BTreeMap::new();
    let mut diags = Vec::new();
    for version in ApiVersion::ALL {
        let empty = Schema::new(version);
        let schema = schemas.iter().find(|s| s.version == version).unwrap_or(&empty);
        let (names, name_diags) = NameMap::build(schema);
        diags.extend(name_diags);
        for file in modules::version_files(schema, &names) {
            match format::format_file(file.tokens) {
                Ok(text) => {
                    files.insert(file.path, text);
                }
                Err(message) => diags.push(Diagnostic::new(
                    Code::GeneratedCodeInvalid,
                    Span::line(file.path.clone(), 1),
                    format!("emit built tokens that are not a Rust file ({message}); the file was not written"),
                )),
            }
        }
    }
    files.insert(FEATURES_KEY.to_string(), features_block());
    diags.sort();
    diags.dedup();
    (files, diags)
}

/// The generated cargo features: one per API version for now.
fn features_block() -> String {
    ApiVersion::ALL.iter().map(|v| format!("{} = []\n", v.module())).collect()
}
