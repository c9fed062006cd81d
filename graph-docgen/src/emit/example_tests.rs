//! example_tests: the docs' own JSON examples as `#[test]`s inside graph-models
//! (`src/generated/<version>/example_tests.rs`, compiled only under `cfg(test)`).
//!
//! One test per example tied to a generated type or builder ([`crate::examples`]):
//! * a response (or other value) example deserializes into its type and re-serializes to the
//!   same JSON (compared as `serde_json::Value`), item by item for collections;
//! * a PATCH request example is rebuilt by the generated builder, one typed setter (or
//!   `clear_` for `null`) per member, and `to_json()` must equal the example.
//!
//! Nothing is left out silently: every doc defect a diagnostic names is listed on the test with
//! its code and file:line; a value that does not fit its type is also removed from the expected
//! JSON (the generated type could not hold it), a property in no table is kept (lowering added
//! it to the type). JSON representations are schema sketches,
//! not values, so they get no test (the library-side checks cover them).
//!
//! Only rendered when [`super::EmitOptions::example_tests`] is on (the seed tree `docs/`):
//! thousands of tests would make the full crate slow to compile.

use super::format::format_file;
use crate::diagnostics::{Code, Diagnostic, Span};
use crate::examples::{walk, Example, ExampleSet, Reason, Target};
use crate::facts::{BlockType, Json};
use crate::names::NameMap;
use crate::schema::{Schema, TypeRef};
use crate::Generated;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::collections::BTreeMap;

/// The line the version's `mod.rs` gets so that the tests are compiled under `cargo test`.
const MOD_LINE: &str = "#[cfg(test)]\nmod example_tests;\n";

/// Adds the example test files of every version to `generated.files` (and declares them in
/// the version's `mod.rs`). Rendering failures become `GD0702` diagnostics.
pub fn add(generated: &mut Generated) {
    let set = ExampleSet::build(generated);
    let mut new_files = BTreeMap::new();
    let mut diags = Vec::new();
    for schema in &generated.schemas {
        // The same naming as the emitted files (polymorphic enums included: a relationship's
        // check must decode `Vec<DirectoryObjectKind>`, as the field holds); its diagnostics
        // were reported when they were emitted.
        let super::VersionPlan { names, grouping, .. } = super::plan_version(schema);
        let tests: Vec<TokenStream> = set
            .examples
            .iter()
            .filter(|e| e.version == schema.version)
            .filter_map(|e| test_for(schema, &names, &grouping, e))
            .collect();
        if tests.is_empty() {
            continue;
        }
        let dir = format!("src/generated/{}", schema.version.module());
        let path = format!("{dir}/example_tests.rs");
        let doc =
            format!(" Tests generated from the JSON examples of the Microsoft Graph {} docs.", schema.version.as_str());
        let tokens = quote! {
            #![doc = #doc]
            #![allow(clippy::all)]
            // A file may hold only request tests or only response tests.
            #[allow(unused_imports)]
            use crate::runtime::example_checks::{json, round_trip};
            #[allow(unused_imports)]
            use crate::runtime::serde_json;

            #(#tests)*
        };
        match format_file(tokens) {
            Ok(text) => {
                new_files.insert(path, text);
                let mod_rs = format!("{dir}/mod.rs");
                if let Some(m) = generated.files.get_mut(&mod_rs) {
                    m.push_str(MOD_LINE);
                }
            }
            Err(message) => diags.push(Diagnostic::new(
                Code::GeneratedCodeInvalid,
                Span::line(path, 1),
                format!("example tests are not a Rust file ({message}); the file was not written"),
            )),
        }
    }
    generated.files.extend(new_files);
    generated.diagnostics.extend(diags);
    generated.diagnostics.sort();
}

/// `beta/api/group-update.md`, line 198, response -> `group_update_md_l198_response`.
fn test_name(e: &Example) -> proc_macro2::Ident {
    let page = e.page.split_once('/').map(|(_, rest)| rest).unwrap_or(&e.page);
    let page = page.strip_prefix("api/").unwrap_or(page);
    let kind = match e.block_type {
        BlockType::Request => "request",
        BlockType::Response => "response",
        BlockType::Resource => "representation",
        BlockType::Example => "example",
    };
    let raw = format!("{page}_l{}_{kind}", e.line);
    let ident: String =
        raw.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' }).collect();
    format_ident!("{}", ident)
}

/// Token streams hold no `//` comments, so the source and every exclusion go on the test as
/// doc lines (prettyplease prints them as `///`), where a reader of a failing test sees them.
fn doc_lines(lines: &[String]) -> TokenStream {
    let attrs = lines.iter().map(|l| {
        let l = format!(" {l}");
        quote! { #[doc = #l] }
    });
    quote! { #(#attrs)* }
}

/// The example with every member a finding names removed, and the comment for each.
fn pruned(e: &Example, body: &Json) -> (serde_json::Value, Vec<String>) {
    let mut value = body.to_value();
    let mut notes = Vec::new();
    let mut pointers: Vec<(Vec<String>, String)> = Vec::new();
    for f in &e.findings {
        let d = &f.diagnostic;
        let at = format!("{} {} at {}:{}", d.code.id(), d.code.name(), d.span.file, d.span.line);
        if f.pointer.is_empty() {
            let what =
                if f.reason == Reason::InvalidJson { "the body was read leniently" } else { "the whole example" };
            notes.push(format!("Known doc defect ({what}): {at}: {}", d.message));
        } else if f.reason != Reason::ValueMismatch {
            // Lowering gave the type what the example shows, so the member still round-trips.
            notes.push(format!("Known doc defect, kept `/{}`: {at}: {}", f.pointer.join("/"), d.message));
        } else {
            notes.push(format!("Excluded `/{}`: {at}: {}", f.pointer.join("/"), d.message));
            pointers.push((f.pointer.clone(), at));
        }
    }
    // Deepest and last first, so removing one member never shifts another's array index.
    pointers.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| index_key(&b.0).cmp(&index_key(&a.0))));
    pointers.dedup_by(|a, b| a.0 == b.0);
    for (p, _) in &pointers {
        remove(&mut value, p);
    }
    for p in &e.lower_cased {
        if lower_case(&mut value, p) {
            notes.push(format!(
                "Expected `/{}` lower-cased: graph-models writes GUIDs lower-case (DESIGN.md, field types).",
                p.join("/")
            ));
        }
    }
    (value, notes)
}

fn index_key(p: &[String]) -> Vec<(usize, String)> {
    p.iter().map(|s| (s.parse::<usize>().unwrap_or(0), s.clone())).collect()
}

fn remove(v: &mut serde_json::Value, ptr: &[String]) {
    let Some((last, parents)) = ptr.split_last() else { return };
    let mut cur = v;
    for seg in parents {
        cur = match cur {
            serde_json::Value::Object(m) => match m.get_mut(seg) {
                Some(x) => x,
                None => return,
            },
            serde_json::Value::Array(xs) => match seg.parse::<usize>().ok().and_then(|i| xs.get_mut(i)) {
                Some(x) => x,
                None => return,
            },
            _ => return,
        };
    }
    match cur {
        serde_json::Value::Object(m) => {
            m.remove(last);
        }
        serde_json::Value::Array(xs) => {
            if let Some(i) = last.parse::<usize>().ok().filter(|i| *i < xs.len()) {
                xs.remove(i);
            }
        }
        _ => {}
    }
}

/// Lower-cases the string at `ptr`; false when there is none (it was removed as a defect).
fn lower_case(v: &mut serde_json::Value, ptr: &[String]) -> bool {
    let pointer = json_pointer(ptr);
    match v.pointer_mut(&pointer) {
        Some(serde_json::Value::String(s)) => {
            *s = s.to_ascii_lowercase();
            true
        }
        _ => false,
    }
}

/// The JSON pointer (RFC 6901: `~` -> `~0`, `/` -> `~1`) of a path of member names and indices.
fn json_pointer(segments: &[String]) -> String {
    segments.iter().map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1"))).collect()
}

fn json_text(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// The Rust path of a generated struct, seen from `example_tests.rs` (a child of the version module).
fn type_path(names: &NameMap, key: &str) -> Option<TokenStream> {
    let tn = names.type_name(key)?;
    let name = format_ident!("{}", tn.name);
    Some(match &tn.module {
        Some(m) => {
            let m = format_ident!("{}", m);
            quote! { super::#m::#name }
        }
        None => quote! { super::#name },
    })
}

/// `#[cfg(all(feature = ...))]` for a test that uses items of these groups (none for core), so
/// that `cargo test` with only some workload features enabled still compiles.
fn features_cfg<'a>(groups: impl IntoIterator<Item = &'a str>) -> TokenStream {
    let features: std::collections::BTreeSet<&str> =
        groups.into_iter().filter_map(super::features::feature_of).collect();
    if features.is_empty() {
        return TokenStream::new();
    }
    let features = features.into_iter();
    quote! { #[cfg(all(#(feature = #features),*))] }
}

fn test_for(
    schema: &Schema,
    names: &NameMap,
    grouping: &super::features::Grouping,
    e: &Example,
) -> Option<TokenStream> {
    let body = e.body.as_ref()?;
    if e.block_type == BlockType::Resource {
        return None;
    }
    let name = test_name(e);
    let (value, mut notes) = pruned(e, body);
    let text = json_text(&value);
    match &e.target {
        Target::Type { id, collection } => {
            let mut checks = Vec::new();
            let mut groups = Vec::new();
            for (item, ptr) in walk::items(body, *collection) {
                let ty = item
                    .get("@odata.type")
                    .and_then(Json::as_str)
                    .and_then(|r| find_key(schema, r))
                    .unwrap_or_else(|| id.key());
                let Some(path) = schema
                    .types
                    .get(&ty)
                    .filter(|t| t.kind != crate::schema::TypeKind::Opaque)
                    .and_then(|_| type_path(names, &ty))
                else {
                    continue;
                };
                groups.push(grouping.type_group(&ty).to_string());
                let pointer = json_pointer(&ptr);
                checks.push(quote! { round_trip::<#path>(&doc, #pointer); });
                checks.extend(relationship_checks(schema, names, &ty, &value, &pointer));
            }
            if checks.is_empty() {
                return None;
            }
            notes.insert(0, format!("Source: `{}:{}` (shows `{id}`).", e.page, e.line));
            let docs = doc_lines(&notes);
            let cfg = features_cfg(groups.iter().map(String::as_str));
            Some(quote! {
                #docs
                #cfg
                #[test]
                fn #name() {
                    let doc = json(#text);
                    #(#checks)*
                }
            })
        }
        Target::Builder { operation, .. } => {
            let op = schema.operations.get(*operation)?;
            let bn = names.builders.get(operation)?;
            let builder = format_ident!("{}", bn.name);
            let mut calls = Vec::new();
            let mut expected = serde_json::Map::new();
            let obj = value.as_object()?;
            for (k, v) in obj {
                let Some((i, field)) = op.body.iter().enumerate().find(|(_, f)| f.wire_name == *k) else {
                    notes.push(format!("Excluded `/{k}`: the `{}` builder has no setter for it (an annotation or a member in no table).", bn.name));
                    continue;
                };
                let Some((set, clear)) = bn.setters.get(i) else { continue };
                if v.is_null() {
                    if field.clearable {
                        let clear = format_ident!("{}", clear);
                        calls.push(quote! { .#clear() });
                        expected.insert(k.clone(), v.clone());
                    } else {
                        notes.push(format!(
                            "Excluded `/{k}`: `null` in the example, but the docs say `{k}` cannot be cleared."
                        ));
                    }
                    continue;
                }
                let set = format_ident!("{}", set);
                let arg = json_text(v);
                let call = if matches!(field.ty, TypeRef::Primitive(crate::facts::Primitive::String)) {
                    quote! { .#set(serde_json::from_str::<::std::string::String>(#arg).unwrap_or_else(|e| panic!("{}: {e}", #k))) }
                } else {
                    quote! { .#set(serde_json::from_str(#arg).unwrap_or_else(|e| panic!("{}: {e}", #k))) }
                };
                calls.push(call);
                expected.insert(k.clone(), v.clone());
            }
            let expected = json_text(&serde_json::Value::Object(expected));
            notes.insert(0, format!("Source: `{}:{}` (PATCH body of `{}`).", e.page, e.line, op.title));
            let docs = doc_lines(&notes);
            let cfg = features_cfg([grouping.builder_group(*operation)]);
            Some(quote! {
                #docs
                #cfg
                #[test]
                fn #name() {
                    let built = super::requests::#builder::new() #(#calls)* ;
                    assert_eq!(built.to_json(), json(#expected));
                }
            })
        }
        Target::Untied(_) => None,
    }
}

/// A relationship is a `runtime::Nav` that round-trips as the JSON it received, so the check
/// of the object holding it would not decode it: each relationship the example shows (and the
/// pruning kept) gets its own typed round trip, `round_trip::<Vec<super::DirectoryObjectKind>>
/// (&doc, "/members")`.
fn relationship_checks(
    schema: &Schema,
    names: &NameMap,
    key: &str,
    value: &serde_json::Value,
    pointer: &str,
) -> Vec<TokenStream> {
    let Some(t) = schema.types.get(key) else { return Vec::new() };
    let from = super::types::Origin { module: None };
    let mut checks = Vec::new();
    for p in schema.all_properties(t).into_iter().filter(|p| super::types::is_nav(p)) {
        let member = format!("{pointer}{}", json_pointer(std::slice::from_ref(&p.wire_name)));
        if value.pointer(&member).is_none_or(serde_json::Value::is_null) {
            continue;
        }
        let ty = super::types::rust_type(&p.ty, schema, names, from, false);
        checks.push(quote! { round_trip::<#ty>(&doc, #member); });
    }
    checks
}

/// The schema key of a type named as an `@odata.type` value.
fn find_key(schema: &Schema, raw: &str) -> Option<String> {
    let s = raw.trim().trim_start_matches('#').to_ascii_lowercase();
    if schema.types.contains_key(&s) {
        return Some(s);
    }
    let q = format!("microsoft.graph.{s}");
    schema.types.contains_key(&q).then_some(q)
}

#[cfg(test)]
mod tests {
    use super::remove;
    use serde_json::json;

    #[test]
    fn tests_are_gated_by_the_features_they_use() {
        let cases: &[(&[&str], &str)] = &[
            (&["core"], ""),
            (&[], ""),
            (&["groups", "core", "groups"], "# [cfg (all (feature = \"groups\"))]"),
            (&["intune", "groups"], "# [cfg (all (feature = \"groups\" , feature = \"intune\"))]"),
        ];
        for (groups, want) in cases {
            assert_eq!(super::features_cfg(groups.iter().copied()).to_string(), *want, "{groups:?}");
        }
    }

    #[test]
    fn remove_by_pointer() {
        let cases = [
            (json!({"a": 1, "b": 2}), vec!["a"], json!({"b": 2})),
            (json!({"a": [1, 2, 3]}), vec!["a", "1"], json!({"a": [1, 3]})),
            (json!({"a": {"b": {"c": 1, "d": 2}}}), vec!["a", "b", "c"], json!({"a": {"b": {"d": 2}}})),
            // Paths that lead nowhere change nothing.
            (json!({"a": [1]}), vec!["a", "5"], json!({"a": [1]})),
            (json!({"a": 1}), vec!["x", "y"], json!({"a": 1})),
            (json!({"a": 1}), vec![], json!({"a": 1})),
        ];
        for (mut v, ptr, want) in cases {
            let ptr: Vec<String> = ptr.into_iter().map(str::to_string).collect();
            remove(&mut v, &ptr);
            assert_eq!(v, want, "{ptr:?}");
        }
    }
}
