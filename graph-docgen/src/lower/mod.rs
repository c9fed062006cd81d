//! lower: all pages' facts of one API version in, one resolved [`Schema`] out.

use crate::diagnostics::Diagnostic;
use crate::facts::{ApiVersion, PageFacts};
use crate::schema::Schema;

/// Merges the pages of one version (already sorted by path) into a schema.
pub fn lower(version: ApiVersion, _pages: &[&PageFacts]) -> (Schema, Vec<Diagnostic>) {
    // SKELETON: lowering is being written on the `lower` branch.
    (Schema::new(version), Vec::new())
}
