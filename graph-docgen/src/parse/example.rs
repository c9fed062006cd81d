//! example: an annotated fenced block -> request line / status / headers stripped, JSON body read.

use crate::diagnostics::Diagnostic;
use crate::facts::{BlockType, CodeBlock};

/// `code` is the fence content; its first line is page line `code_first_line`.
pub fn parse_code_block(
    block_type: BlockType,
    annotation: serde_json::Map<String, serde_json::Value>,
    annotation_line: u32,
    _code: &str,
    _code_first_line: u32,
    _path: &str,
    _diags: &mut Vec<Diagnostic>,
) -> CodeBlock {
    // SKELETON: being written on the `json` branch.
    CodeBlock { block_type, line: annotation_line, annotation, request: None, status: None, body: None }
}
