//! finish: makes the schema self-consistent before it is handed to `emit`.
//!
//! * Every `Complex` reference names a type in the schema: a type referenced (by a link or an
//!   `@odata.type`) but never described becomes [`TypeKind::Opaque`] (`GD0401`, at its first
//!   reference), so emitted code always compiles and keeps whatever JSON it receives.
//! * A key is never both a type and an enum: the type is kept (it was described by a page or
//!   an example), and references to the enum become `String`, which holds every enum value
//!   (`GD0503`).
//! * An enum made from prose that nothing uses any more (its row lost a merge) is dropped.
//! * Every `Enum` reference names an enum in the schema (else `String`, same reason), and a
//!   `Complex` reference to a name that only an enum has is that enum.

use crate::diagnostics::{Code, Diagnostic, Span};
use crate::facts::Primitive;
use crate::schema::{Schema, TypeDef, TypeId, TypeKind, TypeRef};
use std::collections::{BTreeMap, BTreeSet};

pub(crate) fn finish(schema: &mut Schema, diags: &mut Vec<Diagnostic>) {
    // Enum keys that also name a type.
    let clashes: BTreeSet<String> = schema.enums.keys().filter(|k| schema.types.contains_key(*k)).cloned().collect();
    for k in &clashes {
        if let (Some(e), Some(t)) = (schema.enums.remove(k), schema.types.get(k)) {
            let span = e.sources.first().cloned().unwrap_or_else(|| Span::line("", 1));
            let mut d = Diagnostic::new(
                Code::EnumTypeClash,
                span,
                format!("`{}` names both an enum and a type; the type was kept and properties of the enum hold plain strings", e.id),
            );
            if let Some(s) = t.sources.first() {
                d = d.with_related(s.clone(), "the type");
            }
            diags.push(d);
        }
    }
    let enum_keys: BTreeSet<String> = schema.enums.keys().cloned().collect();
    let enum_ids: BTreeMap<String, TypeId> = schema.enums.iter().map(|(k, e)| (k.clone(), e.id.clone())).collect();
    let type_keys: BTreeSet<String> = schema.types.keys().cloned().collect();
    let fix = |t: &mut TypeRef| {
        fix_enum_refs(t, &enum_keys);
        fix_complex_refs(t, &type_keys, &enum_ids);
    };
    for def in schema.types.values_mut() {
        for p in &mut def.properties {
            fix(&mut p.ty);
        }
    }
    for op in &mut schema.operations {
        for f in &mut op.body {
            fix(&mut f.ty);
        }
        if let Some(r) = &mut op.response {
            fix(r);
        }
        if op.resource.as_ref().is_some_and(|r| r.with_key(|key| enum_keys.contains(key))) {
            op.resource = None;
        }
    }

    drop_unused_prose_enums(schema);
    note_prose_enums(schema, diags);

    // Referenced but undescribed types, with their first reference.
    let mut missing: BTreeMap<String, (TypeId, Span)> = BTreeMap::new();
    let mut note = |t: &TypeRef, span: &Span, types: &BTreeMap<String, TypeDef>| {
        if let Some(id) = complex_of(t) {
            if !id.with_key(|key| types.contains_key(key)) {
                let entry = missing.entry(id.key()).or_insert_with(|| (id.clone(), span.clone()));
                if *span < entry.1 {
                    entry.1 = span.clone();
                }
            }
        }
    };
    for def in schema.types.values() {
        for p in &def.properties {
            note(&p.ty, &p.source, &schema.types);
        }
        if let Some(b) = &def.base {
            if let Some(s) = def.sources.first() {
                note(&TypeRef::Complex(b.clone()), s, &schema.types);
            }
        }
    }
    for op in &schema.operations {
        for f in &op.body {
            note(&f.ty, &f.source, &schema.types);
        }
        if let Some(r) = &op.response {
            note(r, &op.source, &schema.types);
        }
        if let Some(r) = &op.resource {
            note(&TypeRef::Complex(r.clone()), &op.source, &schema.types);
        }
    }
    for (key, (id, span)) in missing {
        diags.push(Diagnostic::new(
            Code::UndescribedType,
            span.clone(),
            format!("type `{id}` is referenced but never described; it keeps whatever JSON it receives"),
        ));
        schema.types.insert(
            key,
            TypeDef {
                id,
                kind: TypeKind::Opaque,
                base: None,
                properties: Vec::new(),
                description: String::new(),
                workload: None,
                key_property: None,
                open_type: true,
                is_abstract: false,
                sources: vec![span],
            },
        );
    }
}

/// A prose enum that no property or body field uses lost a merge (`GD0403` named the row
/// it came from, and the winning type was kept): generating it would only add dead code.
fn drop_unused_prose_enums(schema: &mut Schema) {
    fn collect(t: &TypeRef, used: &mut BTreeSet<String>) {
        match t {
            TypeRef::Enum(id) => {
                used.insert(id.key());
            }
            TypeRef::Collection(inner) => collect(inner, used),
            _ => {}
        }
    }
    let mut used = BTreeSet::new();
    for p in schema.types.values().flat_map(|t| &t.properties) {
        collect(&p.ty, &mut used);
    }
    for op in &schema.operations {
        for f in &op.body {
            collect(&f.ty, &mut used);
        }
        if let Some(r) = &op.response {
            collect(r, &mut used);
        }
    }
    schema.enums.retain(|k, e| !e.from_prose || used.contains(k));
}

fn note_prose_enums(schema: &Schema, diags: &mut Vec<Diagnostic>) {
    for e in schema.enums.values().filter(|e| e.from_prose) {
        if let Some(span) = e.sources.first() {
            diags.push(Diagnostic::new(
                Code::EnumFromProse,
                span.clone(),
                format!("enum `{}` was built from a \"Possible values\" phrase ({} members)", e.id, e.members.len()),
            ));
        }
    }
}

fn complex_of(t: &TypeRef) -> Option<&TypeId> {
    match t {
        TypeRef::Complex(id) => Some(id),
        TypeRef::Collection(inner) => complex_of(inner),
        _ => None,
    }
}

/// A reference to an undescribed "type" whose name is an enum's is that enum.
fn fix_complex_refs(t: &mut TypeRef, types: &BTreeSet<String>, enums: &BTreeMap<String, TypeId>) {
    match t {
        TypeRef::Complex(id) if !id.with_key(|key| types.contains(key)) => {
            if let Some(e) = id.with_key(|key| enums.get(key)) {
                *t = TypeRef::Enum(e.clone());
            }
        }
        TypeRef::Collection(inner) => fix_complex_refs(inner, types, enums),
        _ => {}
    }
}

fn fix_enum_refs(t: &mut TypeRef, enums: &BTreeSet<String>) {
    match t {
        TypeRef::Enum(id) if !id.with_key(|key| enums.contains(key)) => *t = TypeRef::Primitive(Primitive::String),
        TypeRef::Collection(inner) => fix_enum_refs(inner, enums),
        _ => {}
    }
}
