//! across: what one API version's docs state that holds for the other version too.
//!
//! Graph beta is a superset of v1.0, and the beta pages are often template pages that state
//! nothing but names and types (seed `beta/api/group-update.md` has 43 empty descriptions). A
//! PATCH constraint the v1.0 docs state for a property of a type ("it cannot be cleared during
//! updates" on group `displayName`) therefore also applies to the same property of the same
//! type in beta when beta's own body row is silent. Each carried constraint is reported as a
//! note naming both rows, so a maintainer can see where the beta builder's shape came from.

use crate::diagnostics::{Code, Diagnostic};
use crate::schema::Schema;
use std::collections::BTreeMap;

/// Makes beta PATCH body fields non-clearable where v1.0 says the same property of the same
/// resource cannot be cleared and beta's row has no description of its own.
pub fn carry_patch_constraints(v1: &Schema, beta: &mut Schema) -> Vec<Diagnostic> {
    let mut not_clearable = BTreeMap::new();
    for op in v1.operations.iter().filter(|o| o.method == crate::schema::Method::Patch) {
        let Some(resource) = &op.resource else { continue };
        for f in op.body.iter().filter(|f| !f.clearable) {
            not_clearable.entry((resource.key(), f.wire_name.clone())).or_insert_with(|| f.source.clone());
        }
    }
    let mut diags = Vec::new();
    for op in beta.operations.iter_mut().filter(|o| o.method == crate::schema::Method::Patch) {
        let Some(resource) = &op.resource else { continue };
        for f in op.body.iter_mut().filter(|f| f.clearable && f.description.trim().is_empty()) {
            if let Some(v1_row) = not_clearable.get(&(resource.key(), f.wire_name.clone())) {
                f.clearable = false;
                diags.push(
                    Diagnostic::new(
                        Code::ConstraintFromOtherVersion,
                        f.source.clone(),
                        format!(
                            "`{}` of `{}` cannot be cleared according to the v1.0 docs; this beta row says nothing, so the beta builder has no `clear_` for it either",
                            f.wire_name, resource
                        ),
                    )
                    .with_related(v1_row.clone(), "the v1.0 row"),
                );
            }
        }
    }
    diags
}
