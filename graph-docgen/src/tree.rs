//! tree: reads a docs tree from disk into decoded [`crate::SourcePage`]s.
