//! lower: all pages' facts of one API version in, one resolved [`Schema`] out.
//!
//! Passes, in order, each in its own module:
//! 1. `qualify`: one spelling per namespace (`termStore`/`termstore`, `microsoft.graph.`);
//! 2. `collect`: type, property, enum and operation candidates from every page, with spans;
//! 3. `enums` (prose part): rows whose "Possible values" define an enum of their own;
//! 4. `resolve`: every Type cell -> a `TypeRef`;
//! 5. `merge`: one type from all pages that describe it, conflicts reported;
//! 6. `inherit`: base types and cycles (entity vs complex is decided after examples);
//! 7. `examples`: JSON examples add, correct and check properties;
//! 8. `operations`: one operation per method of each API page;
//! 9. `finish`: undescribed types become opaque, dangling references are fixed.
//!
//! Deterministic: pages are sorted by path first, and every pass iterates sorted data, so the
//! schema and the diagnostics do not depend on the order pages arrive in.

pub mod across;
mod collect;
mod enums;
mod examples;
mod finish;
mod inherit;
mod merge;
mod operations;
mod qualify;
mod resolve;

#[cfg(test)]
mod tests;

use crate::diagnostics::Diagnostic;
use crate::facts::{ApiVersion, PageFacts};
use crate::schema::Schema;

/// Merges the pages of one version into a schema. Never panics; every defect is a diagnostic.
pub fn lower(version: ApiVersion, pages: &[&PageFacts]) -> (Schema, Vec<Diagnostic>) {
    let mut pages: Vec<&PageFacts> = pages.iter().copied().filter(|p| p.version.is_none_or(|v| v == version)).collect();
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    let mut diags = Vec::new();

    let ns = qualify::Namespaces::new(&pages);
    let mut index = resolve::Index::new(&pages);
    let mut c = collect::collect(&pages, &ns, &mut index, &mut diags);
    enums::from_prose(&mut c, &mut index, &ns);
    for p in &mut c.props {
        let span = p.span();
        p.ty = index.resolve(&ns, &p.row.ty, &p.row.type_raw, &p.ns, p.prose_enum.as_ref(), &span, &mut diags);
    }

    let mut schema = Schema::new(version);
    schema.enums = enums::build(std::mem::take(&mut c.enums), &mut diags);
    merge::merge(&c, &mut schema, &mut diags);
    inherit::inherit(&c, &index, &ns, &mut schema, &mut diags);
    let overrides = examples::apply(&pages, &c.ops, &index, &ns, &mut schema, &mut diags);
    operations::build(&c, &index, &ns, &overrides, &mut schema, &mut diags);
    inherit::assign_kinds(&mut schema);
    finish::finish(&mut schema, &mut diags);

    diags.sort();
    diags.dedup();
    (schema, diags)
}
