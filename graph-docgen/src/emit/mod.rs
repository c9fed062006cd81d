//! emit: schemas in, the Rust source files of graph-models out (printed by prettyplease).

use crate::diagnostics::Diagnostic;
use crate::schema::Schema;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default)]
pub struct EmitOptions {}

/// Renders every schema. Returns files keyed by path relative to the crate root.
pub fn emit(_schemas: &[Schema], _options: &EmitOptions) -> (BTreeMap<String, String>, Vec<Diagnostic>) {
    // SKELETON: emission is being written on the `emit` branch.
    (BTreeMap::new(), Vec::new())
}
