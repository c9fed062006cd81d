//! xtask: the command line over the graph-docgen library (`cargo xtask regen`, `schema`, ...).

fn main() {
    // SKELETON: the CLI is being written on the `cli` branch.
}
