//! `cargo xtask examples --docs DIR [--format json]`: the docs' JSON examples checked against
//! the schema (graph-docgen's `examples` module), figures on stdout, diagnostics on stderr.

use graph_docgen::examples::ExampleSet;
use xtask::{Format, UserPath};

/// What to print and whether the run succeeded (it fails only on error diagnostics).
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub success: bool,
}

pub fn run(docs: &UserPath, format: Format, color: bool) -> Outcome {
    let loaded = xtask::load(&docs.path);
    let set = ExampleSet::build(&loaded.generated);
    let figures = set.figures();
    // Only the example checks' own diagnostics: `regen` prints the rest.
    let diags = xtask::render_diagnostics(format, &set.diagnostics, &docs.shown, &[], "", &loaded.sources, color);
    let success = !loaded.generated.diagnostics.has_errors();
    match format {
        Format::Human => Outcome { stdout: figures.to_text(), stderr: diags, success },
        Format::Json => {
            // `render_diagnostics` gives `{"diagnostics": [...], "summary": ...}`: its two
            // members go to the top level next to the figures.
            let rendered = serde_json::from_str::<serde_json::Value>(&diags).unwrap_or_default();
            let doc = serde_json::json!({
                "figures": figures,
                "failures": set.examples.iter().filter(|e| !e.findings.is_empty()).collect::<Vec<_>>(),
                "diagnostics": rendered.get("diagnostics").cloned().unwrap_or_default(),
                "summary": rendered.get("summary").cloned().unwrap_or_default(),
            });
            let mut stdout = serde_json::to_string_pretty(&doc).unwrap_or_default();
            stdout.push('\n');
            Outcome { stdout, stderr: String::new(), success }
        }
    }
}
