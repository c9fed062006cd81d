//! tree: reads a docs tree from disk into decoded [`crate::SourcePage`]s.

use crate::diagnostics::Diagnostic;
use crate::SourcePage;
use std::path::Path;

/// Reads every `*.md` page under `root/v1.0` and `root/beta`, sorted by path.
pub fn read_tree(_root: &Path) -> (Vec<SourcePage>, Vec<Diagnostic>) {
    // SKELETON: being written on the `json` branch.
    (Vec::new(), Vec::new())
}
