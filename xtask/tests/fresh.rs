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
    };
    let outcome = xtask::regen(&args);
    assert!(outcome.success, "graph-models is stale or docs/ has errors:\n{}", outcome.stderr);
    assert!(outcome.stderr.ends_with("graph-models is up to date\n"), "{}", outcome.stderr);
}
