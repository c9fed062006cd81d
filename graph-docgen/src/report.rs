//! report: figures about a run (pages by kind, types, enums, operations, diagnostics by code).
