//! Decode throughput of the generated types against `serde_json::Value` (issue 7 point 5: at
//! least 2x, with unknown properties kept). Run it optimised:
//! `cargo run --release -p graph-models --example decode_bench -- [--json] [--objects N]
//! [--processes N] [--rounds N] [--example-mb MB] [--docs DIR] [--only keep|drop|value]
//! [--input batch|examples]` (`examples`: both docs inputs); `cargo xtask bench` runs it with
//! `--json`.
//!
//! Three inputs, each decoded into the generated types keeping unknown properties (plain
//! `serde_json::from_str`, the default), dropping them (`runtime::decode` with
//! `DecodeOptions::discard_unknown()`), and into `serde_json::Value`:
//! * a generated batch of realistic v1.0 `group` objects (every documented property, varied
//!   values, an `@odata.type`, explicit nulls, keys in the order Graph sends them, which is not
//!   the table order, and a few properties the docs do not describe);
//! * the response examples of the docs/ seed pages (every ```` ``` ```` block annotated
//!   `"blockType": "response"` whose type has a generated model), minified as the service
//!   sends them, each repeated into an array of about `--example-mb` MB;
//! * the same examples decoded one response at a time (what a client does with a single-object
//!   response): no large `Vec` to grow, and a heap whose freed blocks are reused at once, which
//!   makes `Value`'s many small allocations cheap; a harder comparison than the arrays.
//!
//! Each variant runs in its own child process (this program again, with `--only`), so that
//! one variant never decodes on the heap another one's results left behind: measured in one
//! process, whichever variant came after `Value` (whose drop leaves tens of thousands of
//! scattered free blocks) ran up to 40% slower than on its own. The children alternate,
//! `--processes` times each (a burst of load on this shared machine then hits every variant),
//! each child decodes its input `--rounds` times, and the best run of a variant counts. The
//! children keep their heap warm (see [`WARM_HEAP`]).
//! Decoding includes dropping the result, for the typed values as for `Value`. Nothing here is
//! a test: speed is only printed, never asserted.

use graph_models::runtime::{decode, DecodeOptions, Model};
use graph_models::{beta, v1_0};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One realistic group, varied by `i` so that strings differ in length and content.
fn group_json(i: usize) -> Value {
    serde_json::json!({
        "@odata.type": "#microsoft.graph.group",
        "id": format!("{i:08x}-8f93-4758-87c3-1fb73740a315"),
        "description": format!("Team {i}: planning, budget and \"quoted\" notes \u{e9}\u{e8} ({})", "x".repeat(i % 40)),
        "displayName": format!("Group number {i}"),
        "groupTypes": ["Unified", "DynamicMembership"],
        "mail": format!("group{i}@contoso.example"),
        "mailEnabled": i % 2 == 0,
        "mailNickname": format!("group{i}"),
        "onPremisesLastSyncDateTime": "2024-01-02T03:04:05.1234567Z",
        "onPremisesSecurityIdentifier": null,
        "onPremisesSyncEnabled": null,
        "securityEnabled": i % 3 == 0,
        "unseenCount": i % 1000,
        "visibility": if i % 2 == 0 { "Public" } else { "Private" },
        "allowExternalSenders": false,
        "autoSubscribeNewMembers": true,
        "isSubscribedByMail": false,
        // Not in the seed docs: kept in `additional_properties` (or skipped).
        "createdDateTime": "2023-05-06T07:08:09Z",
        "renewedDateTime": "2023-05-06T07:08:09Z",
        "classification": null,
    })
}

/// A JSON text as a service sends it: `serde_json::json!` sorts keys (no `preserve_order`), so
/// the batch is written by hand in Graph's order instead of through `Value`.
fn group_text(i: usize) -> String {
    let value = group_json(i);
    let order = [
        "@odata.type",
        "id",
        "description",
        "displayName",
        "groupTypes",
        "mail",
        "mailEnabled",
        "mailNickname",
        "onPremisesLastSyncDateTime",
        "onPremisesSecurityIdentifier",
        "onPremisesSyncEnabled",
        "securityEnabled",
        "unseenCount",
        "visibility",
        "allowExternalSenders",
        "autoSubscribeNewMembers",
        "isSubscribedByMail",
        "createdDateTime",
        "renewedDateTime",
        "classification",
    ];
    let members: Vec<String> =
        order.iter().map(|key| format!("{}:{}", Value::from(*key), value.get(key).unwrap_or(&Value::Null))).collect();
    format!("{{{}}}", members.join(","))
}

/// How to decode an array of one generated type, three ways.
#[derive(Clone, Copy)]
struct Kind {
    name: &'static str,
    /// A JSON array of objects of the type.
    keep: fn(&str) -> Result<usize, String>,
    drop: fn(&str) -> Result<usize, String>,
    /// One object of the type.
    keep_one: fn(&str) -> Result<usize, String>,
    drop_one: fn(&str) -> Result<usize, String>,
    /// Decodes one object (keeping unknowns) and checks that it encodes back to the same JSON.
    round_trip: fn(&str) -> Result<(), String>,
}

fn keep<T: DeserializeOwned>(text: &str) -> Result<usize, String> {
    serde_json::from_str::<Vec<T>>(text).map(|v| v.len()).map_err(|e| e.to_string())
}

fn drop_unknown<T: DeserializeOwned>(text: &str) -> Result<usize, String> {
    decode::<Vec<T>>(text, DecodeOptions::discard_unknown()).map(|v| v.len()).map_err(|e| e.to_string())
}

fn keep_one<T: DeserializeOwned>(text: &str) -> Result<usize, String> {
    serde_json::from_str::<T>(text).map(|v| std::mem::size_of_val(&v)).map_err(|e| e.to_string())
}

fn drop_one<T: DeserializeOwned>(text: &str) -> Result<usize, String> {
    decode::<T>(text, DecodeOptions::discard_unknown()).map(|v| std::mem::size_of_val(&v)).map_err(|e| e.to_string())
}

fn round_trip<T: DeserializeOwned + Serialize>(text: &str) -> Result<(), String> {
    let want: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let model: T = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let got = serde_json::to_value(&model).map_err(|e| e.to_string())?;
    if got == want {
        Ok(())
    } else {
        Err(format!("re-encoded JSON differs: {got} vs {want}"))
    }
}

fn kind<T: DeserializeOwned + Serialize>(name: &'static str) -> Kind {
    Kind {
        name,
        keep: keep::<T>,
        drop: drop_unknown::<T>,
        keep_one: keep_one::<T>,
        drop_one: drop_one::<T>,
        round_trip: round_trip::<T>,
    }
}

/// The generated type of a response example: API version folder and qualified type name.
fn kind_for(version: &str, odata_type: &str) -> Option<Kind> {
    Some(match (version, odata_type) {
        ("v1.0", "microsoft.graph.group") => kind::<v1_0::Group>("v1_0::Group"),
        ("beta", "microsoft.graph.group") => kind::<beta::Group>("beta::Group"),
        ("beta", "microsoft.graph.connector") => kind::<beta::Connector>("beta::Connector"),
        ("beta", "microsoft.graph.connectorGroup") => kind::<beta::ConnectorGroup>("beta::ConnectorGroup"),
        ("beta", "microsoft.graph.externalConnection") => kind::<beta::ExternalConnection>("beta::ExternalConnection"),
        _ => return None,
    })
}

/// One decode input: JSON texts, each of objects of one kind.
struct Input {
    name: String,
    detail: String,
    parts: Vec<Part>,
}

/// A JSON text and how it is decoded.
struct Part {
    kind: Kind,
    text: String,
    /// `None`: `text` is an array, decoded at once into a `Vec`. `Some(n)`: `text` is one
    /// object (a response), decoded `n` times, each on its own as a client decodes a response.
    repeat: Option<usize>,
}

impl Input {
    fn bytes(&self) -> usize {
        self.parts.iter().map(|p| p.text.len() * p.repeat.unwrap_or(1)).sum()
    }
}

/// A response example found in the docs.
struct Example {
    /// `v1.0/api/group-update.md:66`
    source: String,
    version: String,
    odata_type: Option<String>,
    /// The body, minified.
    json: String,
}

/// JSON text without the whitespace between tokens (strings untouched), keeping key order.
fn minify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !c.is_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

/// The `@odata.type` of an annotation comment or of a body, without `#`.
fn odata_type_of(value: &Value) -> Option<String> {
    let t = value.get("@odata.type")?.as_str()?;
    Some(t.strip_prefix('#').unwrap_or(t).to_string())
}

/// The response examples of one page: the code block after each `<!-- { "blockType":
/// "response", ... } -->` annotation, from its first `{` line (after the HTTP status and
/// headers). Problems become notes, never errors.
fn page_examples(source: &str, version: &str, text: &str, notes: &mut Vec<String>) -> Vec<Example> {
    let lines: Vec<&str> = text.lines().collect();
    let mut examples = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(start) = lines[i].find("<!--") else {
            i += 1;
            continue;
        };
        // The annotation comment, possibly over several lines.
        let mut comment = lines[i][start + 4..].to_string();
        let mut end = i;
        while !comment.contains("-->") && end + 1 < lines.len() {
            end += 1;
            comment.push('\n');
            comment.push_str(lines[end]);
        }
        i = end + 1;
        let comment = comment.split("-->").next().unwrap_or_default();
        let Ok(annotation) = serde_json::from_str::<Value>(comment.trim()) else { continue };
        if annotation.get("blockType").and_then(Value::as_str) != Some("response") {
            continue;
        }
        let Some(open) = (i..lines.len()).find(|&j| lines[j].trim_start().starts_with("```")) else { break };
        let close = (open + 1..lines.len()).find(|&j| lines[j].trim_start().starts_with("```")).unwrap_or(lines.len());
        i = close + 1;
        let at = format!("{source}:{}", open + 1);
        let Some(first) = (open + 1..close).find(|&j| lines[j].trim_start().starts_with(['{', '['])) else {
            notes.push(format!("{at}: skipped, the response example has no JSON body"));
            continue;
        };
        let body = lines[first..close].join("\n");
        let value = match serde_json::from_str::<Value>(&body) {
            Ok(v) => v,
            Err(e) => {
                notes.push(format!("{at}: skipped, the response body is not strict JSON ({e})"));
                continue;
            }
        };
        if !value.is_object() {
            notes.push(format!("{at}: skipped, the response body is not one object"));
            continue;
        }
        let odata_type = odata_type_of(&annotation).or_else(|| odata_type_of(&value));
        examples.push(Example { source: at, version: version.to_string(), odata_type, json: minify(&body) });
    }
    examples
}

/// Every response example under `docs/<version>/api/`, in path order.
fn docs_examples(docs: &Path, notes: &mut Vec<String>) -> Vec<Example> {
    let mut examples = Vec::new();
    for version in ["v1.0", "beta"] {
        let dir = docs.join(version).join("api");
        let mut pages: Vec<PathBuf> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                notes.push(format!("cannot read {}: {e}", dir.display()));
                continue;
            }
        };
        pages.retain(|p| p.extension().is_some_and(|x| x == "md"));
        pages.sort();
        for page in pages {
            let name = page.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            match std::fs::read_to_string(&page) {
                Ok(text) => examples.extend(page_examples(&format!("{version}/api/{name}"), version, &text, notes)),
                Err(e) => notes.push(format!("cannot read {}: {e}", page.display())),
            }
        }
    }
    examples
}

/// The docs' response examples with a generated type, as two inputs: each example repeated
/// into a JSON array of about `mb` megabytes (decoded at once, as a large collection is), and
/// each decoded on its own as one response, as many times as fit in `mb` megabytes. Examples
/// that cannot be decoded are left out with a note.
fn examples_inputs(docs: &Path, mb: f64, notes: &mut Vec<String>) -> Vec<Input> {
    let mut arrays = Vec::new();
    let mut responses = Vec::new();
    let mut used = Vec::new();
    for example in docs_examples(docs, notes) {
        let Some(odata_type) = &example.odata_type else {
            notes.push(format!("{}: skipped, no @odata.type in the annotation or the body", example.source));
            continue;
        };
        let Some(kind) = kind_for(&example.version, odata_type) else {
            notes.push(format!("{}: skipped, no generated type for {odata_type} here", example.source));
            continue;
        };
        if let Err(e) = (kind.round_trip)(&example.json) {
            notes.push(format!("{}: skipped, {} does not round-trip it: {e}", example.source, kind.name));
            continue;
        }
        let copies = ((mb * 1e6) / (example.json.len() as f64 + 1.0)).ceil().max(1.0) as usize;
        let array = format!("[{}]", vec![example.json.as_str(); copies].join(","));
        arrays.push(Part { kind, text: array, repeat: None });
        responses.push(Part { kind, text: example.json, repeat: Some(copies) });
        used.push(format!("{} ({})", example.source, kind.name));
    }
    if arrays.is_empty() {
        notes.push(format!("no usable response example under {}", docs.display()));
        return Vec::new();
    }
    let used = used.join(", ");
    vec![
        Input {
            name: "docs response examples".into(),
            detail: format!("{} examples, each repeated into an array of ~{mb} MB: {used}", arrays.len()),
            parts: arrays,
        },
        Input {
            name: "docs responses one by one".into(),
            detail: format!("the same examples, each decoded on its own as a response, ~{mb} MB of each"),
            parts: responses,
        },
    ]
}

fn batch_input(objects: usize, notes: &mut Vec<String>) -> Input {
    let kind = kind::<v1_0::Group>("v1_0::Group");
    if let Err(e) = (kind.round_trip)(&group_text(1)) {
        notes.push(format!("generated batch: a group does not round-trip: {e}"));
    }
    let text = format!("[{}]", (0..objects).map(group_text).collect::<Vec<_>>().join(","));
    let sample = group_json(0);
    let known = <v1_0::Group as Model>::FIELDS;
    let unknown = sample
        .as_object()
        .map_or(0, |o| o.keys().filter(|k| !k.starts_with('@') && !known.contains(&k.as_str())).count());
    Input {
        name: "generated batch".into(),
        detail: format!("{objects} realistic v1.0 groups, {unknown} unknown properties each"),
        parts: vec![Part { kind, text, repeat: None }],
    }
}

/// The three ways an input is decoded.
#[derive(Clone, Copy, PartialEq)]
enum Variant {
    Keep,
    Drop,
    Value,
}

const VARIANTS: [Variant; 3] = [Variant::Keep, Variant::Drop, Variant::Value];

impl Variant {
    /// As `--only` spells it.
    fn name(self) -> &'static str {
        match self {
            Variant::Keep => "keep",
            Variant::Drop => "drop",
            Variant::Value => "value",
        }
    }
    /// Its figure in the JSON report.
    fn key(self) -> &'static str {
        match self {
            Variant::Keep => "keep_mb_s",
            Variant::Drop => "drop_mb_s",
            Variant::Value => "value_mb_s",
        }
    }
}

/// Decodes every part of `input` once, `variant` way; the time taken, or the first error.
/// Never inlined, so that `valgrind --tool=callgrind --toggle-collect=decode_bench::run` counts
/// exactly the decoding (with `--only` and `--rounds 1`): instruction counts compare variants of
/// the runtime far more steadily than times on a shared machine.
#[inline(never)]
fn run(input: &Input, variant: Variant) -> Result<Duration, String> {
    let start = Instant::now();
    for part in &input.parts {
        let (kind, text) = (&part.kind, black_box(part.text.as_str()));
        let (keep, drop) = match part.repeat {
            None => (kind.keep, kind.drop),
            Some(_) => (kind.keep_one, kind.drop_one),
        };
        for _ in 0..part.repeat.unwrap_or(1) {
            match variant {
                Variant::Keep => black_box(keep(text)?),
                Variant::Drop => black_box(drop(text)?),
                Variant::Value => {
                    black_box(serde_json::from_str::<Value>(text).map_err(|e| e.to_string())?);
                    0
                }
            };
        }
    }
    // glibc defers part of the work of freeing small blocks (fast bins) to the next large
    // allocation: done here, it is charged to the run whose drop caused it.
    drop(black_box(Vec::<u8>::with_capacity(1 << 16)));
    Ok(start.elapsed())
}

/// MB/s of the best of `rounds` runs of `variant`; `None` after an error.
fn measure(input: &Input, rounds: usize, variant: Variant, notes: &mut Vec<String>) -> Option<f64> {
    let mut best = Duration::MAX;
    for _ in 0..rounds {
        match run(input, variant) {
            Ok(t) => best = best.min(t),
            Err(e) => {
                notes.push(format!("{}: decoding failed: {e}", input.name));
                return None;
            }
        }
    }
    Some(input.bytes() as f64 / 1e6 / best.as_secs_f64().max(1e-9))
}

/// glibc's allocator settings for the children: keep freed memory in the heap (no trimming)
/// and serve large blocks from it (no `mmap`). By default each run's drop gave memory back to
/// the kernel and the next run page-faulted it in again, zeroed: a cost of the kernel, not of
/// decoding, and far larger for `Value`'s many blocks (it decoded the batch at ~115 MB/s
/// instead of ~170). This is the steady state of a long-running process, and the stricter
/// comparison. Ignored by other allocators; a `GLIBC_TUNABLES` already set is left alone.
const WARM_HEAP: &str = "glibc.malloc.trim_threshold=4294967295:glibc.malloc.mmap_threshold=33554432";

/// The JSON report of a child measuring one variant, or why there is none.
fn child_report(variant: Variant) -> Result<Value, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let mut args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--json").collect();
    args.extend(["--json".to_string(), "--only".to_string(), variant.name().to_string()]);
    let mut command = std::process::Command::new(exe);
    if std::env::var_os("GLIBC_TUNABLES").is_none() {
        command.env("GLIBC_TUNABLES", WARM_HEAP);
    }
    let output = command
        .args(&args)
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start a child: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!("the {} child exited with {}", variant.name(), output.status));
    }
    let line = stdout.lines().rfind(|l| l.starts_with('{')).unwrap_or_default();
    serde_json::from_str(line).map_err(|e| format!("the {} child's report is unreadable: {e}", variant.name()))
}

/// Runs every variant `processes` times in children, alternating, and merges their reports:
/// per input, the best MB/s of each variant.
fn measure_in_children(processes: usize, notes: &mut Vec<String>) -> Vec<Value> {
    let mut results: Vec<Value> = Vec::new();
    for _ in 0..processes {
        for variant in VARIANTS {
            let report = match child_report(variant) {
                Ok(r) => r,
                Err(e) => {
                    notes.push(e);
                    continue;
                }
            };
            for note in report["notes"].as_array().into_iter().flatten().filter_map(Value::as_str) {
                if !notes.iter().any(|n| n == note) {
                    notes.push(note.to_string());
                }
            }
            for input in report["inputs"].as_array().into_iter().flatten() {
                let at = match results.iter().position(|r| r["name"] == input["name"]) {
                    Some(at) => at,
                    None => {
                        results.push(input.clone());
                        results.len() - 1
                    }
                };
                let key = variant.key();
                let best = results[at][key].as_f64().into_iter().chain(input[key].as_f64()).reduce(f64::max);
                results[at][key] = best.into();
            }
        }
    }
    results
}

/// The child side: builds the inputs and measures `variant` on each (the other variants'
/// figures are `null`).
fn measure_here(args: &Args, variant: Variant, notes: &mut Vec<String>) -> Vec<Value> {
    let mut inputs = Vec::new();
    if args.input.as_deref().is_none_or(|i| i == "batch") {
        inputs.push(batch_input(args.objects, notes));
    }
    if args.input.as_deref().is_none_or(|i| i == "examples") {
        inputs.extend(examples_inputs(&args.docs, args.example_mb, notes));
    }
    let mut results = Vec::new();
    for input in &inputs {
        let mut result = serde_json::json!({
            "name": input.name,
            "detail": input.detail,
            "bytes": input.bytes(),
            "keep_mb_s": null,
            "drop_mb_s": null,
            "value_mb_s": null,
        });
        result[variant.key()] = measure(input, args.rounds, variant, notes).into();
        results.push(result);
    }
    results
}

struct Args {
    json: bool,
    objects: usize,
    /// Child processes per variant (the best counts).
    processes: usize,
    /// Runs per child.
    rounds: usize,
    example_mb: f64,
    docs: PathBuf,
    /// `--only keep|drop|value`: run just that variant (for profiling).
    only: Option<Variant>,
    /// `--input batch|examples`: just that input (for profiling).
    input: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        json: false,
        objects: 20_000,
        processes: 5,
        rounds: 3,
        example_mb: 2.0,
        docs: Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("docs"),
        only: None,
        input: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--json" => args.json = true,
            "--objects" => args.objects = value("--objects")?.parse().map_err(|e| format!("--objects: {e}"))?,
            "--rounds" => args.rounds = value("--rounds")?.parse().map_err(|e| format!("--rounds: {e}"))?,
            "--processes" => args.processes = value("--processes")?.parse().map_err(|e| format!("--processes: {e}"))?,
            "--example-mb" => {
                args.example_mb = value("--example-mb")?.parse().map_err(|e| format!("--example-mb: {e}"))?
            }
            "--docs" => args.docs = PathBuf::from(value("--docs")?),
            "--only" => {
                args.only = Some(match value("--only")?.as_str() {
                    "keep" => Variant::Keep,
                    "drop" => Variant::Drop,
                    "value" => Variant::Value,
                    other => return Err(format!("--only: expected keep, drop or value, not {other:?}")),
                })
            }
            "--input" => args.input = Some(value("--input")?),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    args.rounds = args.rounds.max(1);
    args.processes = args.processes.max(1);
    args.objects = args.objects.max(1);
    Ok(args)
}

fn main() -> std::process::ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("decode_bench: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let mut notes = Vec::new();
    if cfg!(debug_assertions) {
        notes.push("a debug build: run with --release for meaningful figures".to_string());
    }
    let results = match args.only {
        Some(variant) => measure_here(&args, variant, &mut notes),
        None => measure_in_children(args.processes, &mut notes),
    };
    if args.json {
        let report = serde_json::json!({
            "rounds": args.rounds * if args.only.is_some() { 1 } else { args.processes },
            "optimized": !cfg!(debug_assertions),
            "inputs": results,
            "notes": notes,
        });
        println!("{report}");
    } else {
        let figure = |v: &Value| v.as_f64().map_or("failed".to_string(), |v| format!("{v:8.1} MB/s"));
        let ratio = |a: &Value, b: &Value| match (a.as_f64(), b.as_f64()) {
            (Some(a), Some(b)) if b > 0.0 => format!("{:.2}x Value", a / b),
            _ => String::new(),
        };
        for r in &results {
            println!(
                "{} ({:.1} MB; {})",
                r["name"].as_str().unwrap_or(""),
                r["bytes"].as_f64().unwrap_or(0.0) / 1e6,
                r["detail"].as_str().unwrap_or("")
            );
            println!(
                "  generated types, unknown kept    {}  {}",
                figure(&r["keep_mb_s"]),
                ratio(&r["keep_mb_s"], &r["value_mb_s"])
            );
            println!(
                "  generated types, unknown dropped {}  {}",
                figure(&r["drop_mb_s"]),
                ratio(&r["drop_mb_s"], &r["value_mb_s"])
            );
            println!("  serde_json::Value                {}", figure(&r["value_mb_s"]));
        }
        for n in &notes {
            println!("note: {n}");
        }
    }
    std::process::ExitCode::SUCCESS
}
