//! decode: the decode-speed part of `cargo xtask bench` (issue 7 point 5) — builds and runs
//! graph-models' `decode_bench` example in release mode, reads its `--json` report, and prints
//! MB/s of the generated types (unknown properties kept / dropped) against `serde_json::Value`
//! with the ratios against the 2x target.
//!
//! The benchmark runs as `cargo run` of the example rather than being linked in: graph-docgen
//! must not depend on graph-models (the crate it generates), and the figures only mean
//! something in an optimised build, which `cargo xtask` (a dev build) is not.

use super::phase;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::process::{Command, Stdio};

/// Issue 7: decoding into the generated types at least this many times as fast as into
/// `serde_json::Value`, with unknown properties kept.
pub const OVER_VALUE: f64 = 2.0;

/// One input of the decode benchmark, as `decode_bench --json` reports it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DecodeInput {
    /// `generated batch`, `docs response examples`.
    pub name: String,
    /// What the input holds (object count, which examples).
    #[serde(default)]
    pub detail: String,
    pub bytes: u64,
    /// MB/s into the generated types, unknown properties kept (the default decode).
    pub keep_mb_s: Option<f64>,
    /// MB/s into the generated types with `DecodeOptions::discard_unknown()`.
    pub drop_mb_s: Option<f64>,
    /// MB/s into `serde_json::Value`.
    pub value_mb_s: Option<f64>,
}

impl DecodeInput {
    /// Generated types (unknown kept) over `Value`.
    pub fn keep_ratio(&self) -> Option<f64> {
        ratio(self.keep_mb_s, self.value_mb_s)
    }
    /// Generated types (unknown dropped) over `Value`.
    pub fn drop_ratio(&self) -> Option<f64> {
        ratio(self.drop_mb_s, self.value_mb_s)
    }
}

fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => Some(a / b),
        _ => None,
    }
}

/// The decode part of the figures.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DecodeFigures {
    /// Best of this many runs per variant (child processes x rounds each).
    pub rounds: usize,
    /// False when the example was not built optimised (then the figures mean little).
    pub optimized: bool,
    pub inputs: Vec<DecodeInput>,
    /// The example's own remarks (skipped docs examples, round-trip problems).
    #[serde(default)]
    pub notes: Vec<String>,
    /// Building or running the example failed; the other fields are then empty.
    pub error: Option<String>,
}

impl DecodeFigures {
    fn failed(error: String) -> DecodeFigures {
        DecodeFigures { error: Some(error), ..DecodeFigures::default() }
    }

    /// The table section printed by `Figures::to_table`, ending with a newline; notes are
    /// returned separately so that they join the report's notes.
    pub fn to_table(&self) -> (String, Vec<String>) {
        let mut notes: Vec<String> = self.notes.iter().map(|n| format!("decode: {n}")).collect();
        if let Some(e) = &self.error {
            return (format!("decode speed: FAILED: {e}\n"), notes);
        }
        if !self.optimized {
            notes.push("decode: the example was not built optimised; its figures mean little".into());
        }
        let mut rows = vec![[
            "decode speed (MB/s)".to_string(),
            "unknown kept".into(),
            "unknown dropped".into(),
            "Value".into(),
            "kept/Value".into(),
            "dropped/Value".into(),
        ]];
        for input in &self.inputs {
            rows.push([
                format!("{} ({:.1} MB)", input.name, input.bytes as f64 / 1e6),
                mb_s(input.keep_mb_s),
                mb_s(input.drop_mb_s),
                mb_s(input.value_mb_s),
                verdict(input.keep_ratio()),
                verdict(input.drop_ratio()),
            ]);
            if !input.detail.is_empty() {
                notes.push(format!("decode: {}: {}", input.name, input.detail));
            }
        }
        let mut out = format!(
            "decode speed: graph-models examples/decode_bench (release), best of {} runs; target: generated types >= {OVER_VALUE}x serde_json::Value with unknown properties kept\n",
            self.rounds
        );
        out.push_str(&aligned(&rows));
        (out, notes)
    }
}

/// `344.2`, `—` when the variant failed.
fn mb_s(v: Option<f64>) -> String {
    v.map_or("—".to_string(), |v| format!("{v:.1}"))
}

/// `2.41x met`, `1.95x MISSED`, `—`.
fn verdict(ratio: Option<f64>) -> String {
    match ratio {
        Some(r) if r >= OVER_VALUE => format!("{r:.2}x met"),
        Some(r) => format!("{r:.2}x MISSED"),
        None => "—".to_string(),
    }
}

/// Names and verdicts left-aligned, MB/s right-aligned, two spaces apart.
fn aligned(rows: &[[String; 6]]) -> String {
    super::report::aligned_columns(rows, &[1, 2, 3])
}

/// Reads the report `decode_bench --json` prints: its last line that is a JSON object (cargo
/// or the example may print other lines before it).
pub fn parse_output(stdout: &str) -> Result<DecodeFigures, String> {
    let line = stdout
        .lines()
        .map(str::trim)
        .rfind(|l| l.starts_with('{'))
        .ok_or_else(|| format!("no JSON report in the output: {:?}", phase::tail(stdout, 3)))?;
    serde_json::from_str::<DecodeFigures>(line).map_err(|e| format!("unreadable report ({e}): {line}"))
}

/// `cargo run --release` of the example in `workspace`, on the docs/ seed pages.
fn command(workspace: &Path) -> Command {
    let mut cmd = phase::cargo_command();
    cmd.current_dir(workspace)
        .args(["run", "--release", "--quiet", "-p", "graph-models", "--example", "decode_bench", "--"])
        .arg("--json")
        .arg("--docs")
        .arg(workspace.join("docs"));
    cmd
}

/// Builds and runs the decode benchmark of the workspace at `workspace`. Cargo's progress
/// and errors go to this process's stderr as they come (a first release build takes a minute).
pub fn run(workspace: &Path) -> DecodeFigures {
    let output = match command(workspace).stdin(Stdio::null()).stderr(Stdio::inherit()).output() {
        Ok(o) => o,
        Err(e) => return DecodeFigures::failed(format!("cannot run cargo: {e}")),
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return DecodeFigures::failed(format!(
            "`cargo run --release -p graph-models --example decode_bench` exited with {} (its errors are above)",
            output.status
        ));
    }
    parse_output(&stdout).unwrap_or_else(DecodeFigures::failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = r#"{"inputs":[{"bytes":14396694,"detail":"20000 realistic v1.0 groups, 4 unknown properties each","drop_mb_s":441.3,"keep_mb_s":344.2,"name":"generated batch","value_mb_s":101.0},{"bytes":10002572,"detail":"5 examples","drop_mb_s":null,"keep_mb_s":190.0,"name":"docs response examples","value_mb_s":100.0}],"notes":["beta/api/x.md:3: skipped, no generated type"],"optimized":true,"rounds":7}"#;

    #[test]
    fn parses_the_last_json_line_of_the_output() {
        let stdout = format!("note: something\n{{not the report\n{REPORT}\n\n");
        let figures = parse_output(&stdout).expect("parses");
        assert_eq!(figures.rounds, 7);
        assert!(figures.optimized && figures.error.is_none());
        assert_eq!(figures.inputs.len(), 2);
        let batch = &figures.inputs[0];
        assert_eq!((batch.name.as_str(), batch.bytes, batch.keep_mb_s), ("generated batch", 14_396_694, Some(344.2)));
        assert!(batch.keep_ratio().is_some_and(|r| (r - 3.408).abs() < 0.001));
        let examples = &figures.inputs[1];
        assert_eq!((examples.drop_mb_s, examples.drop_ratio()), (None, None), "a failed variant is null");
        assert_eq!(figures.notes, ["beta/api/x.md:3: skipped, no generated type"]);
    }

    #[test]
    fn bad_output_is_an_error_not_a_panic() {
        for stdout in ["", "warning: unused\n", "{\"rounds\": \"seven\"}", "{\"inputs\": [{\"name\": 1}]}", "{"] {
            assert!(parse_output(stdout).is_err(), "{stdout:?}");
        }
    }

    #[test]
    fn table_shows_figures_ratios_and_verdicts() {
        let figures = parse_output(REPORT).expect("parses");
        let (table, notes) = figures.to_table();
        let want = "\
decode speed: graph-models examples/decode_bench (release), best of 7 runs; target: generated types >= 2x serde_json::Value with unknown properties kept
decode speed (MB/s)               unknown kept  unknown dropped  Value  kept/Value    dropped/Value
generated batch (14.4 MB)                344.2            441.3  101.0  3.41x met     4.37x met
docs response examples (10.0 MB)         190.0                —  100.0  1.90x MISSED  —
";
        assert_eq!(table, want);
        assert_eq!(
            notes,
            [
                "decode: beta/api/x.md:3: skipped, no generated type",
                "decode: generated batch: 20000 realistic v1.0 groups, 4 unknown properties each",
                "decode: docs response examples: 5 examples",
            ]
        );
        let failed = DecodeFigures::failed("boom".into()).to_table();
        assert_eq!(failed, ("decode speed: FAILED: boom\n".to_string(), vec![]));
        let debug = DecodeFigures { optimized: false, ..parse_output(REPORT).expect("parses") };
        assert!(debug.to_table().1.iter().any(|n| n.contains("not built optimised")));
    }
}
