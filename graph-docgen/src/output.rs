//! output: writes the generated files into a crate directory, or checks them (`--check`).
