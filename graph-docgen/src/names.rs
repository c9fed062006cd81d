//! names: every Rust identifier of the generated crate is made here, with collision checks.
