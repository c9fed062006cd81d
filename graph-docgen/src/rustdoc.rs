//! rustdoc: markdown descriptions from the docs -> safe rustdoc lines (never doctests).
