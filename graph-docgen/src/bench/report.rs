//! report: the benchmark's figures, their targets (issue 4) and how they are printed — a
//! compact aligned table for people, the same struct as JSON for notes and CI.

use super::decode::DecodeFigures;
use serde::{Deserialize, Serialize};

/// Targets from issue 4, in one place.
pub mod targets {
    /// Full regen wall time at most this many times the parse floor.
    pub const REGEN_OVER_FLOOR: f64 = 6.0;
    /// Peak memory of a regen.
    pub const REGEN_PEAK_KIB: u64 = 1024 * 1024;
    /// `cargo check --all-features` of the generated crate (warm dependency cache).
    pub const CHECK_ALL_SECS: f64 = 60.0;
    pub const CHECK_ALL_PEAK_KIB: u64 = 3 * 1024 * 1024;
    /// Generated over naive, for both time and memory ("less than half the naive cost").
    pub const OVER_NAIVE: f64 = 0.5;
    /// `cargo build` of a small program using one workload, with only that workload's feature.
    pub const PROGRAM_BUILD_SECS: f64 = 10.0;
}

/// Best-of-N figures of one measured phase.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Timing {
    /// What was measured (`floor`, `regen`, `check`, `generated --all-features`, ...).
    pub name: String,
    /// Fastest successful run, seconds; `None` when no run succeeded.
    pub best_secs: Option<f64>,
    /// Every run's wall time, in run order.
    pub runs_secs: Vec<f64>,
    /// Least user + system CPU seconds over the successful runs (steadier than wall time on a
    /// shared machine; above wall time when both cores worked).
    pub cpu_secs: Option<f64>,
    /// Highest peak RSS over the runs, KiB.
    pub peak_rss_kib: Option<u64>,
    /// Notes and errors the runs reported (deduplicated).
    pub notes: Vec<String>,
    /// True when a run failed.
    pub failed: bool,
}

impl Timing {
    pub fn new(name: impl Into<String>) -> Timing {
        Timing { name: name.into(), ..Timing::default() }
    }
    /// Adds one run's result.
    pub fn add(
        &mut self,
        wall_secs: f64,
        cpu_secs: Option<f64>,
        peak_rss_kib: Option<u64>,
        note: Option<String>,
        error: Option<String>,
    ) {
        if let Some(e) = error {
            self.failed = true;
            self.push_note(format!("error: {e}"));
        } else {
            self.runs_secs.push(wall_secs);
            self.best_secs = Some(self.best_secs.map_or(wall_secs, |b| b.min(wall_secs)));
            if let Some(c) = cpu_secs {
                self.cpu_secs = Some(self.cpu_secs.map_or(c, |b| b.min(c)));
            }
        }
        if let Some(k) = peak_rss_kib {
            self.peak_rss_kib = Some(self.peak_rss_kib.map_or(k, |p| p.max(k)));
        }
        if let Some(n) = note {
            self.push_note(n);
        }
    }
    fn push_note(&mut self, n: String) {
        if !self.notes.contains(&n) {
            self.notes.push(n);
        }
    }
}

/// A ratio with its target (`value <= target` is met).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ratio {
    pub name: String,
    pub value: Option<f64>,
    pub target: f64,
}

impl Ratio {
    pub fn of(name: impl Into<String>, num: Option<f64>, den: Option<f64>, target: f64) -> Ratio {
        let value = match (num, den) {
            (Some(n), Some(d)) if d > 0.0 => Some(n / d),
            _ => None,
        };
        Ratio { name: name.into(), value, target }
    }
    pub fn met(&self) -> Option<bool> {
        self.value.map(|v| v <= self.target)
    }
}

/// Regen speed (part 1).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RegenFigures {
    pub floor: Timing,
    pub regen: Timing,
    pub check: Timing,
    pub ratios: Vec<Ratio>,
}

/// Compile cost (part 2).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CompileFigures {
    /// `docs` or `synthetic (issue 4 shapes: ...)`.
    pub schemas: String,
    pub generated_all: Option<Timing>,
    /// The one-feature check, with the feature's name in `name`.
    pub generated_one: Option<Timing>,
    pub naive: Option<Timing>,
    /// `cargo build` of the small program ([`super::program`]), the features in `name`.
    #[serde(default)]
    pub program_build: Option<Timing>,
    pub ratios: Vec<Ratio>,
}

/// One part of the benchmark: measured, or skipped with the reason (`SKIP: ...`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part<T> {
    Measured(T),
    Skipped(String),
}

impl<T> Part<T> {
    pub fn measured(&self) -> Option<&T> {
        match self {
            Part::Measured(t) => Some(t),
            Part::Skipped(_) => None,
        }
    }
}

/// Everything one `cargo xtask bench` prints.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub docs: String,
    pub runs: usize,
    pub compile_runs: usize,
    pub regen: Part<RegenFigures>,
    pub compile: Part<CompileFigures>,
    /// Decode speed of graph-models (issue 7), [`super::decode`].
    #[serde(default = "decode_not_run")]
    pub decode: Part<DecodeFigures>,
    /// Remarks for the reader (feature choice, noise, ...).
    pub notes: Vec<String>,
}

/// What reading a report written before the decode part existed gives.
fn decode_not_run() -> Part<DecodeFigures> {
    Part::Skipped("SKIP: not run".to_string())
}

/// `1.23 s`, `45.6 s`, `—` when unknown.
pub fn secs(v: Option<f64>) -> String {
    match v {
        Some(s) if s < 10.0 => format!("{s:.2} s"),
        Some(s) => format!("{s:.1} s"),
        None => "—".to_string(),
    }
}

/// `812 MiB`, `2.10 GiB`, `—` when unknown.
pub fn mem(kib: Option<u64>) -> String {
    match kib {
        Some(k) if k >= 1024 * 1024 => format!("{:.2} GiB", k as f64 / (1024.0 * 1024.0)),
        Some(k) => format!("{} MiB", (k + 512) / 1024),
        None => "—".to_string(),
    }
}

fn verdict(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => "ok",
        Some(false) => "MISSED",
        None => "n/a",
    }
}

/// Table columns: name, best wall, cpu, peak RSS, every run, target.
const COLUMNS: usize = 6;
/// Columns holding figures, printed right-aligned.
const RIGHT_ALIGNED: [usize; 3] = [1, 2, 3];
type Row = [String; COLUMNS];

fn timing_row(rows: &mut Vec<Row>, t: &Timing, target: &str) {
    let runs = t.runs_secs.iter().map(|s| format!("{s:.2}")).collect::<Vec<_>>().join(" ");
    rows.push([t.name.clone(), secs(t.best_secs), secs(t.cpu_secs), mem(t.peak_rss_kib), runs, target.to_string()]);
}

/// The verdict on an absolute target: `  time <= 60 s: ok`.
fn met_row(what: &str, value: Option<f64>, limit: f64) -> Row {
    let met = value.map(|v| v <= limit);
    [format!("  {what}"), String::new(), String::new(), String::new(), String::new(), verdict(met).to_string()]
}

fn ratio_row(rows: &mut Vec<Row>, r: &Ratio) {
    let value = r.value.map_or("—".to_string(), |v| format!("{v:.2}x"));
    let target = format!("<= {} {}", r.target, verdict(r.met()));
    rows.push([r.name.clone(), value, String::new(), String::new(), String::new(), target]);
}

/// Columns padded to their widest cell, two spaces apart, trailing spaces trimmed.
fn aligned(rows: &[Row]) -> String {
    aligned_columns(rows, &RIGHT_ALIGNED)
}

/// [`aligned`] for any column count: the columns in `right` are right-aligned (numbers), the
/// others left-aligned. Shared with the decode table (`super::decode`).
pub(super) fn aligned_columns<const N: usize>(rows: &[[String; N]], right: &[usize]) -> String {
    let mut widths = [0usize; N];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, (w, cell)) in widths.iter().zip(row).enumerate() {
            let pad = w.saturating_sub(cell.chars().count());
            if right.contains(&i) {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            }
            line.push_str("  ");
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn notes_of(t: &Timing, out: &mut Vec<String>) {
    for n in &t.notes {
        out.push(format!("{}: {n}", t.name));
    }
}

impl Figures {
    /// The compact table printed without `--json`.
    pub fn to_table(&self) -> String {
        let header = || -> Row {
            ["".to_string(), "best".into(), "cpu".into(), "peak RSS".into(), "runs (s)".into(), "target".into()]
        };
        let mut out = format!(
            "graph-docgen bench — docs: {}, best of {} (compile: best of {}); shared machine, figures are noisy\n\n",
            self.docs, self.runs, self.compile_runs
        );
        let mut notes = self.notes.clone();
        match &self.regen {
            Part::Skipped(skip) => out.push_str(&format!("regen speed: {skip}\n")),
            Part::Measured(r) => {
                let mut rows = vec![header()];
                rows[0][0] = "regen speed".into();
                timing_row(&mut rows, &r.floor, "");
                let peak = format!("peak < {}", mem(Some(targets::REGEN_PEAK_KIB)));
                timing_row(&mut rows, &r.regen, &peak);
                timing_row(&mut rows, &r.check, &peak);
                for ratio in &r.ratios {
                    ratio_row(&mut rows, ratio);
                }
                out.push_str(&aligned(&rows));
                for t in [&r.floor, &r.regen, &r.check] {
                    notes_of(t, &mut notes);
                }
            }
        }
        out.push('\n');
        match &self.compile {
            Part::Skipped(skip) => out.push_str(&format!("compile cost: {skip}\n")),
            Part::Measured(c) => {
                out.push_str(&format!("compile cost of the schemas of: {}\n", c.schemas));
                let mut rows = vec![header()];
                rows[0][0] = "cargo check, warm dependencies".into();
                let all_target =
                    format!("<= {} s, < {}", targets::CHECK_ALL_SECS, mem(Some(targets::CHECK_ALL_PEAK_KIB)));
                for (t, target) in [(&c.generated_all, all_target.as_str()), (&c.generated_one, ""), (&c.naive, "")] {
                    if let Some(t) = t {
                        timing_row(&mut rows, t, target);
                        notes_of(t, &mut notes);
                    }
                    if let (Some(t), false) = (t, target.is_empty()) {
                        rows.push(met_row("check time", t.best_secs, targets::CHECK_ALL_SECS));
                        let peak = t.peak_rss_kib.map(|k| k as f64);
                        rows.push(met_row("check peak memory", peak, targets::CHECK_ALL_PEAK_KIB as f64));
                    }
                }
                for ratio in &c.ratios {
                    ratio_row(&mut rows, ratio);
                }
                if let Some(t) = &c.program_build {
                    let mut build = vec![header()];
                    build[0][0] = "cargo build, warm dependencies".into();
                    timing_row(&mut build, t, &format!("<= {} s", targets::PROGRAM_BUILD_SECS));
                    build.push(met_row("build time", t.best_secs, targets::PROGRAM_BUILD_SECS));
                    notes_of(t, &mut notes);
                    rows.push(Row::default());
                    rows.extend(build);
                }
                out.push_str(&aligned(&rows));
            }
        }
        out.push('\n');
        match &self.decode {
            Part::Skipped(skip) => out.push_str(&format!("decode speed: {skip}\n")),
            Part::Measured(d) => {
                let (table, decode_notes) = d.to_table();
                out.push_str(&table);
                notes.extend(decode_notes);
            }
        }
        if !notes.is_empty() {
            out.push_str("\nnotes:\n");
            for n in notes {
                out.push_str(&format!("  - {n}\n"));
            }
        }
        out
    }

    /// Pretty JSON of the same figures (`--json`).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"cannot serialize: {e}\"}}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units() {
        let cases = [(Some(0.1234), "0.12 s"), (Some(9.999), "10.00 s"), (Some(12.34), "12.3 s"), (None, "—")];
        for (v, want) in cases {
            assert_eq!(secs(v), want);
        }
        let cases =
            [(Some(0), "0 MiB"), (Some(1536), "2 MiB"), (Some(2 * 1024 * 1024 + 104858), "2.10 GiB"), (None, "—")];
        for (v, want) in cases {
            assert_eq!(mem(v), want);
        }
    }

    #[test]
    fn timing_keeps_best_and_highest_peak() {
        let mut t = Timing::new("regen");
        t.add(3.0, Some(2.5), Some(100), None, None);
        t.add(2.0, Some(3.5), Some(300), Some("n".into()), None);
        t.add(9.0, Some(0.1), Some(50), Some("n".into()), Some("boom".into()));
        assert_eq!(t.best_secs, Some(2.0));
        assert_eq!(t.cpu_secs, Some(2.5));
        assert_eq!(t.runs_secs, vec![3.0, 2.0]);
        assert_eq!(t.peak_rss_kib, Some(300));
        assert_eq!(t.notes, vec!["n".to_string(), "error: boom".to_string()]);
        assert!(t.failed);
    }

    #[test]
    fn ratios() {
        let r = Ratio::of("b/a", Some(5.0), Some(1.0), 6.0);
        assert_eq!((r.value, r.met()), (Some(5.0), Some(true)));
        assert_eq!(Ratio::of("x", Some(1.0), Some(0.0), 1.0).value, None);
        assert_eq!(Ratio::of("x", None, Some(1.0), 1.0).met(), None);
        assert_eq!(Ratio::of("x", Some(7.0), Some(1.0), 6.0).met(), Some(false));
    }

    fn sample() -> Figures {
        let timing = |name: &str, s: f64, k: u64| {
            let mut t = Timing::new(name);
            t.add(s, Some(s * 1.5), Some(k), None, None);
            t
        };
        let floor = timing("(a) floor: read + pulldown-cmark", 1.0, 200 * 1024);
        let regen = timing("(b) full regen", 5.5, 900 * 1024);
        let check = timing("(c) regen --check, unchanged", 4.0, 850 * 1024);
        let ratios = vec![Ratio::of("b/a", regen.best_secs, floor.best_secs, targets::REGEN_OVER_FLOOR)];
        Figures {
            docs: "../shared/graph-docs".into(),
            runs: 1,
            compile_runs: 1,
            regen: Part::Measured(RegenFigures { floor, regen, check, ratios }),
            compile: Part::Skipped("SKIP: --skip-compile".into()),
            decode: Part::Skipped("SKIP: --skip-decode".into()),
            notes: vec!["one note".into()],
        }
    }

    #[test]
    fn table_is_aligned_and_complete() {
        let table = sample().to_table();
        let want = "\
graph-docgen bench — docs: ../shared/graph-docs, best of 1 (compile: best of 1); shared machine, figures are noisy

regen speed                         best     cpu  peak RSS  runs (s)  target
(a) floor: read + pulldown-cmark  1.00 s  1.50 s   200 MiB  1.00
(b) full regen                    5.50 s  8.25 s   900 MiB  5.50      peak < 1.00 GiB
(c) regen --check, unchanged      4.00 s  6.00 s   850 MiB  4.00      peak < 1.00 GiB
b/a                                5.50x                              <= 6 ok

compile cost: SKIP: --skip-compile

decode speed: SKIP: --skip-decode

notes:
  - one note
";
        assert_eq!(table, want);
    }

    #[test]
    fn json_round_trips() {
        let f = sample();
        let back: Figures = serde_json::from_str(&f.to_json()).expect("parses");
        assert_eq!(back, f);
        let json = f.to_json();
        assert!(json.contains("\"best_secs\": 5.5"));
        assert!(json.contains("\"skipped\": \"SKIP: --skip-compile\""));
        assert!(json.contains("\"regen\": {\n    \"measured\": {"));
    }
}

#[cfg(test)]
mod compile_table_tests {
    use super::*;

    #[test]
    fn compile_part_shows_each_absolute_target_verdict() {
        let timing = |name: &str, s: f64, k: u64| {
            let mut t = Timing::new(name);
            t.add(s, Some(s), Some(k), None, None);
            t
        };
        let compile = CompileFigures {
            schemas: "docs".into(),
            generated_all: Some(timing("generated --all-features", 40.0, 4 * 1024 * 1024)),
            generated_one: Some(timing("generated --features beta,intune (largest workload)", 20.0, 1024 * 1024)),
            naive: None,
            program_build: Some(timing("small program, graph-models with v1_0,groups only", 9.0, 600 * 1024)),
            ratios: vec![],
        };
        let figures = Figures {
            docs: "d".into(),
            runs: 1,
            compile_runs: 1,
            regen: Part::Skipped("SKIP: x".into()),
            compile: Part::Measured(compile),
            decode: Part::Skipped("SKIP: x".into()),
            notes: vec![],
        };
        let table = figures.to_table();
        let verdict = |label: &str| {
            let line = table.lines().find(|l| l.trim_start().starts_with(label)).unwrap_or_else(|| panic!("{table}"));
            line.split_whitespace().last().unwrap_or_default().to_string()
        };
        assert_eq!(verdict("check time"), "ok", "40 s <= 60 s");
        assert_eq!(verdict("check peak memory"), "MISSED", "4 GiB > 3 GiB");
        assert_eq!(verdict("build time"), "ok", "9 s <= 10 s");
        assert!(table.contains("small program, graph-models with v1_0,groups only"), "{table}");
        assert!(table.contains("cargo build, warm dependencies"), "{table}");
    }
}
