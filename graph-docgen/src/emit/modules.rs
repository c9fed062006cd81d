//! modules: the file layout of `src/generated/` and what each file holds.
//!
//! ```text
//! src/generated/<version>/mod.rs                declares the files below, re-exports the types
//! src/generated/<version>/types.rs              structs of `microsoft.graph` in `core`
//! src/generated/<version>/types_<workload>.rs   structs of one workload, gated by its feature
//! src/generated/<version>/enums.rs              enums, same split (`enums_<workload>.rs`)
//! src/generated/<version>/requests.rs           the public `requests` module: `core` builders,
//!                                               re-exports of the gated `requests_<workload>.rs`
//! src/generated/<version>/<ns>/mod.rs           one module per sub-namespace (`call_records`)
//! src/generated/<version>/<ns>/{types,enums}[_<workload>].rs
//! ```
//! Each file holds items sorted by Rust name. Types and enums live in private modules
//! re-exported by their namespace module, so the public path is `graph_models::beta::Group`
//! whatever the workload, and a new type touches one file. Gating happens only here, on the
//! module declarations (`#[cfg(feature = "groups")] mod types_groups;`); which group an item
//! belongs to is decided in [`super::features`]. Every gated file sits next to where the
//! ungated one would, so the relative paths built by `types::type_path` do not change.

use super::ast;
use super::enums::emit_enum;
use super::features::{feature_of, module_suffix, Grouping, CORE};
use super::format::inner_doc_attrs;
use super::patch::emit_builder;
use super::structs::{emit_struct, Cycles};
use crate::names::NameMap;
use crate::rustdoc;
use crate::schema::Schema;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::collections::BTreeMap;

/// One file to print: its path relative to the crate root and its tokens.
pub struct FileTokens {
    pub path: String,
    /// The file's inner docs and module declarations.
    pub tokens: TokenStream,
    /// Its items, already printed (in parallel, see `render_items`) and in file order; the
    /// file is `tokens` printed, then these. Kept apart until then so that each byte of the
    /// 30 MB of items is copied once, into a file string sized up front.
    pub body: Vec<String>,
}

#[derive(Default)]
struct ModuleItems {
    /// (Rust name, printed item), sorted by name when the file is assembled.
    types: Vec<(String, String)>,
    enums: Vec<(String, String)>,
}

/// A `//!` line; `text` is markdown built here from escaped pieces.
fn file_doc(text: &str) -> TokenStream {
    inner_doc_attrs(&[format!(" {text}")])
}

fn sorted_items(mut items: Vec<(String, String)>) -> Vec<String> {
    items.sort_by(|a, b| a.0.cmp(&b.0));
    items.into_iter().map(|(_, t)| t).collect()
}

/// One item to emit; its syn nodes are built and printed inside a rayon task because syn nodes
/// cannot cross threads.
enum Item<'a> {
    Struct(&'a crate::schema::TypeDef),
    Enum(&'a crate::schema::EnumDef),
    Builder(usize, &'a crate::names::BuilderNames),
}

/// See [`render_items`]: a task of this many items takes well under a millisecond.
const ITEMS_PER_TASK: usize = 4;

/// Builds and prints every item of a version in parallel: most of regen's time is here.
/// Returns (module, group, Rust name, kind, text) in input order, so output stays deterministic.
fn render_items<'a>(
    schema: &'a Schema,
    names: &'a NameMap,
    grouping: &'a Grouping,
    cycles: &'a Cycles,
    items: Vec<Item<'a>>,
) -> Vec<(Option<String>, String, String, &'static str, String)> {
    use rayon::prelude::*;
    // Small tasks: items are in schema order, so the heavy ones cluster (intune's builders run
    // to thousands of lines), and rayon's default splitting could leave one core rendering such
    // a run alone at the end.
    items
        .into_par_iter()
        .with_max_len(ITEMS_PER_TASK)
        .filter_map(|item| {
            let (module, group, name, kind, items) = match item {
                Item::Struct(t) => {
                    let key = t.id.key();
                    let tn = names.type_name(&key)?;
                    let group = grouping.type_group(&key).to_string();
                    let items = with_feature_note(emit_struct(schema, names, cycles, t, &group), &group);
                    (tn.module.clone(), group, tn.name.clone(), "types", items)
                }
                Item::Enum(e) => {
                    let key = e.id.key();
                    let tn = names.type_name(&key)?;
                    let group = grouping.enum_group(&key).to_string();
                    let items = with_feature_note(emit_enum(schema, names, e, &group), &group);
                    (tn.module.clone(), group, tn.name.clone(), "enums", items)
                }
                Item::Builder(index, bn) => {
                    let op = schema.operations.get(index)?;
                    let group = grouping.builder_group(index).to_string();
                    let items = with_feature_note(emit_builder(schema, names, op, bn, &group), &group);
                    (None, group, bn.name.clone(), "builders", items)
                }
            };
            Some((module, group, name, kind, super::format::print_items(items)))
        })
        .collect()
}

/// `mod <base>[_<group>]; pub use self::<...>::*;`, gated unless core; and the module name.
fn gated_module(base: &str, group: &str) -> (String, TokenStream) {
    let name = if group == CORE { base.to_string() } else { format!("{base}_{}", module_suffix(group)) };
    let ident = format_ident!("{}", name);
    let cfg = feature_of(group).map(|f| quote! { #[cfg(feature = #f)] }).unwrap_or_default();
    (name, quote! { #cfg mod #ident; #cfg pub use self::#ident::*; })
}

/// The `//!` label of a group's file.
fn group_label(group: &str) -> String {
    match feature_of(group) {
        Some(f) => format!(", workload {} (cargo feature {})", rustdoc::code_span(group), rustdoc::code_span(f)),
        None => format!(", always compiled (group {})", rustdoc::code_span(CORE)),
    }
}

/// `items` with a last doc paragraph naming the cargo feature that compiles them, so that the
/// rustdoc of every gated item says which feature to enable. The note goes after the first
/// item's leading `#[doc]` attributes (before them it would become the summary line); core
/// items are left as they are.
fn with_feature_note(mut items: Vec<syn::Item>, group: &str) -> Vec<syn::Item> {
    let Some(feature) = feature_of(group) else { return items };
    let note = format!(
        " Available with the cargo feature {} (workload {}).",
        rustdoc::code_span(feature),
        rustdoc::code_span(group)
    );
    let Some(attrs) = items.first_mut().and_then(item_attrs) else { return items };
    let docs = attrs.iter().take_while(|a| a.path().is_ident("doc")).count();
    attrs.splice(docs..docs, [ast::doc(""), ast::doc(&note)]);
    items
}

/// The outer attributes of the item kinds that come first in what emit builds (a struct, an
/// enum, the alias of an opaque type).
fn item_attrs(item: &mut syn::Item) -> Option<&mut Vec<syn::Attribute>> {
    match item {
        syn::Item::Struct(i) => Some(&mut i.attrs),
        syn::Item::Enum(i) => Some(&mut i.attrs),
        syn::Item::Type(i) => Some(&mut i.attrs),
        _ => None,
    }
}

/// The files of one version.
pub fn version_files(schema: &Schema, names: &NameMap, grouping: &Grouping) -> Vec<FileTokens> {
    let version = schema.version;
    let root = format!("src/generated/{}", version.module());
    let cycles = Cycles::new(schema);
    // namespace module -> group -> items
    let mut modules: BTreeMap<Option<String>, BTreeMap<String, ModuleItems>> = BTreeMap::new();
    modules.entry(None).or_default();
    let mut builders: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let items = schema
        .types
        .values()
        .map(Item::Struct)
        .chain(schema.enums.values().map(Item::Enum))
        .chain(names.builders.iter().map(|(i, bn)| Item::Builder(*i, bn)))
        .collect();
    for (module, group, name, kind, text) in render_items(schema, names, grouping, &cycles, items) {
        match kind {
            "types" => modules.entry(module).or_default().entry(group).or_default().types.push((name, text)),
            "enums" => modules.entry(module).or_default().entry(group).or_default().enums.push((name, text)),
            _ => builders.entry(group).or_default().push((name, text)),
        }
    }

    let mut files = Vec::new();
    let mut submodules = Vec::new();
    let mut root_decls = TokenStream::new();
    for (module, mut groups) in modules {
        let dir = match &module {
            Some(m) => format!("{root}/{m}"),
            None => root.clone(),
        };
        let ns_label = match &module {
            Some(m) => format!("Microsoft Graph {}, namespace module {}", version.as_str(), rustdoc::code_span(m)),
            None => {
                format!("Microsoft Graph {} ({})", version.as_str(), rustdoc::code_span(crate::names::ROOT_NAMESPACE))
            }
        };
        let mut decls = Vec::new();
        for (what, base) in [("Structs", "types"), ("Enums", "enums")] {
            // Core first (ungated), then the workloads by name.
            let mut ordered: Vec<(&String, &mut ModuleItems)> = groups.iter_mut().collect();
            ordered.sort_by_key(|(g, _)| (g.as_str() != CORE, g.as_str()));
            for (group, items) in ordered {
                let items = std::mem::take(if base == "types" { &mut items.types } else { &mut items.enums });
                if items.is_empty() {
                    continue;
                }
                let (file, decl) = gated_module(base, group);
                decls.push(decl);
                let doc = file_doc(&format!("{what} of {ns_label}{}.", group_label(group)));
                let body = sorted_items(items);
                files.push(FileTokens { path: format!("{dir}/{file}.rs"), tokens: doc, body });
            }
        }
        match module {
            Some(m) => {
                let doc = file_doc(&format!("Types of {ns_label}."));
                files.push(FileTokens {
                    path: format!("{dir}/mod.rs"),
                    tokens: quote! { #doc #(#decls)* },
                    body: Vec::new(),
                });
                submodules.push(m);
            }
            // The version module's own declarations go into its mod.rs, below.
            None => root_decls = quote! { #(#decls)* },
        }
    }
    let subs = submodules.iter().map(|m| format_ident!("{}", m));
    let requests = if builders.is_empty() {
        TokenStream::new()
    } else {
        // `requests` is public; gated groups are private siblings it re-exports, so that their
        // builders sit at the same depth as the core ones (`super::` is the version module).
        let mut decls = Vec::new();
        let mut reexports = Vec::new();
        let mut core = Vec::new();
        for (group, items) in builders {
            let body = sorted_items(items);
            match feature_of(&group) {
                None => core = body,
                Some(f) => {
                    let name = format!("requests_{}", module_suffix(&group));
                    let ident = format_ident!("{}", name);
                    let doc = file_doc(&format!(
                        "PATCH request builders of Microsoft Graph {}{}, re-exported by `requests`.",
                        version.as_str(),
                        group_label(&group)
                    ));
                    files.push(FileTokens { path: format!("{root}/{name}.rs"), tokens: doc, body });
                    decls.push(quote! { #[cfg(feature = #f)] mod #ident; });
                    reexports.push(quote! { #[cfg(feature = #f)] pub use super::#ident::*; });
                }
            }
        }
        let doc = file_doc(&format!(
            "PATCH request builders of Microsoft Graph {}: those of `core` here, each workload's behind its feature.",
            version.as_str()
        ));
        files.push(FileTokens {
            path: format!("{root}/requests.rs"),
            tokens: quote! { #doc #(#reexports)* },
            body: core,
        });
        quote! { pub mod requests; #(#decls)* }
    };
    let doc = file_doc(&format!(
        "Models of Microsoft Graph {} ({} and its sub-namespaces).",
        version.as_str(),
        rustdoc::code_span(crate::names::ROOT_NAMESPACE)
    ));
    files.push(FileTokens {
        path: format!("{root}/mod.rs"),
        tokens: quote! { #doc #root_decls #(pub mod #subs;)* #requests },
        body: Vec::new(),
    });
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_note_follows_the_leading_docs() {
        let note = "///\n/// Available with the cargo feature `groups` (workload `groups`).\n";
        let cases: &[(TokenStream, &str, String)] = &[
            (
                quote! { #[doc = " A group."] #[doc = " More."] #[derive(Clone)] pub struct G; },
                "groups",
                format!("/// A group.\n/// More.\n{note}#[derive(Clone)]\npub struct G;\n"),
            ),
            (quote! { #[derive(Clone)] pub struct G; }, "groups", format!("{note}#[derive(Clone)]\npub struct G;\n")),
            (
                quote! { #[doc = " A group."] pub type G = u8; },
                "groups",
                format!("/// A group.\n{note}pub type G = u8;\n"),
            ),
            (quote! { #[doc = " Core."] pub struct C; }, CORE, "/// Core.\npub struct C;\n".to_string()),
        ];
        for (item, group, want) in cases {
            let file: syn::File = syn::parse2(item.clone()).unwrap_or_else(|e| unreachable!("{e}"));
            let items = with_feature_note(file.items, group);
            assert_eq!(super::super::format::print_items(items), *want, "{item}");
        }
    }
}
