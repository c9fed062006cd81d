//! annotation: the JSON inside `<!-- { "blockType": ... } -->` comments.

use crate::diagnostics::Diagnostic;

/// `body` is the text between `<!--` and `-->`, starting on page line `first_line`.
/// Returns `None` for comments that are not JSON annotations (uuid stamps, markdownlint, prose).
pub fn parse_annotation(
    body: &str,
    _first_line: u32,
    _path: &str,
    _diags: &mut Vec<Diagnostic>,
) -> Option<serde_json::Map<String, serde_json::Value>> {
    // SKELETON: strict only; being written on the `json` branch.
    serde_json::from_str(body.trim()).ok()
}
