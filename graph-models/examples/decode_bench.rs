//! Decode throughput of the generated types against `serde_json::Value` (issue 7: at least
//! 2x). Run it optimised: `cargo run --release --example decode_bench [objects] [rounds]`.
//!
//! Two inputs: the seed docs' response-shaped example (one `group`, repeated) and a generated
//! batch of realistic `group` objects (every documented property, varied values, a few
//! undocumented ones and an `@odata.type`), each decoded into `Vec<Group>` (keeping and
//! dropping unknown properties) and into `serde_json::Value`. Prints MB/s and the ratio; it
//! is not a test, so nothing here is timed in CI.

use graph_models::runtime::{decode, DecodeOptions};
use graph_models::v1_0::Group;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// One realistic group, varied by `i` so that strings differ in length and content.
fn group_json(i: usize) -> serde_json::Value {
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

/// The response example of the seed page `v1.0/api/group-update.md`'s resource, as served.
const SEED_RESPONSE: &str = r#"{"description":"description-value","displayName":"displayName-value","groupTypes":["groupTypes-value"],"mail":"mail-value","mailEnabled":true,"mailNickname":"mailNickname-value"}"#;

/// Best of `rounds` runs of `f` over `input`, in MB/s.
fn throughput(input: &str, rounds: usize, mut f: impl FnMut(&str)) -> f64 {
    let mut best = Duration::MAX;
    for _ in 0..rounds {
        let start = Instant::now();
        f(black_box(input));
        best = best.min(start.elapsed());
    }
    input.len() as f64 / 1e6 / best.as_secs_f64().max(1e-9)
}

fn report(label: &str, input: &str, rounds: usize) {
    let keep = throughput(input, rounds, |s| {
        black_box(serde_json::from_str::<Vec<Group>>(s).expect("decodes"));
    });
    let drop = throughput(input, rounds, |s| {
        black_box(decode::<Vec<Group>>(s, DecodeOptions { keep_unknown: false }).expect("decodes"));
    });
    let value = throughput(input, rounds, |s| {
        black_box(serde_json::from_str::<serde_json::Value>(s).expect("decodes"));
    });
    println!("{label} ({:.1} MB)", input.len() as f64 / 1e6);
    println!("  Vec<Group>, unknown kept   {keep:8.1} MB/s  {:.2}x Value", keep / value);
    println!("  Vec<Group>, unknown dropped{drop:8.1} MB/s  {:.2}x Value", drop / value);
    println!("  serde_json::Value          {value:8.1} MB/s");
}

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>().ok());
    let objects = args.next().flatten().unwrap_or(20_000);
    let rounds = args.next().flatten().unwrap_or(5).max(1);
    if cfg!(debug_assertions) {
        println!("note: a debug build; run with --release for meaningful figures");
    }
    let batch = serde_json::Value::Array((0..objects).map(group_json).collect()).to_string();
    report(&format!("generated batch: {objects} groups"), &batch, rounds);
    let seeds = format!("[{}]", vec![SEED_RESPONSE; objects].join(","));
    report(&format!("seed response example x {objects}"), &seeds, rounds);
}
