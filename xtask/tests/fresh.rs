//! Freshness: `graph-models` must be what `cargo xtask regen` makes of `docs/`. Runs the very
//! code path of `cargo xtask regen --check` (every generated file compared, orphans and the
//! Cargo.toml features block included), so plain `cargo test` catches stale generated code.

use xtask::{Format, RegenArgs, UserPath};

#[test]
fn graph_models_is_up_to_date_with_docs() {
    let args = RegenArgs {
        docs: UserPath::resolve(None, "docs"),
        out: UserPath::resolve(None, "graph-models"),
        check: true,
        format: Format::Human,
        deny_warnings: false,
        color: false,
        timings: false,
    };
    let outcome = xtask::regen(&args);
    // The stale-file list alone when that is the problem; every diagnostic when errors stopped it.
    let detail = if outcome.message.contains("out of date") { &outcome.message } else { &outcome.stderr };
    assert!(outcome.success, "graph-models is stale or docs/ has errors:\n{detail}");
    assert_eq!(outcome.message, "graph-models is up to date\n");
}
