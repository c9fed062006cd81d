//! modules: the file layout of `src/generated/` and what each file holds.
//!
//! ```text
//! src/generated/<version>/mod.rs            declares the files below, re-exports the types
//! src/generated/<version>/types.rs          structs of `microsoft.graph`, sorted by Rust name
//! src/generated/<version>/enums.rs          enums of `microsoft.graph`, sorted by Rust name
//! src/generated/<version>/requests.rs       PATCH builders, sorted by Rust name
//! src/generated/<version>/<ns>/mod.rs       one module per sub-namespace (`call_records`)
//! src/generated/<version>/<ns>/{types,enums}.rs
//! ```
//! Types and enums live in private `types` / `enums` modules re-exported by their namespace
//! module, so the public path is `graph_models::beta::Group` and a new type touches one file.

use super::enums::emit_enum;
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
    pub tokens: TokenStream,
}

#[derive(Default)]
struct ModuleItems {
    /// (Rust name, tokens), sorted by name before printing.
    types: Vec<(String, TokenStream)>,
    enums: Vec<(String, TokenStream)>,
}

/// A `//!` line; `text` is markdown built here from escaped pieces.
fn file_doc(text: &str) -> TokenStream {
    inner_doc_attrs(&[format!(" {text}")])
}

fn sorted_items(mut items: Vec<(String, TokenStream)>) -> TokenStream {
    items.sort_by(|a, b| a.0.cmp(&b.0));
    let tokens = items.into_iter().map(|(_, t)| t);
    quote! { #(#tokens)* }
}

/// The files of one version.
pub fn version_files(schema: &Schema, names: &NameMap) -> Vec<FileTokens> {
    let version = schema.version;
    let root = format!("src/generated/{}", version.module());
    let cycles = Cycles::new(schema);
    let mut modules: BTreeMap<Option<String>, ModuleItems> = BTreeMap::new();
    modules.entry(None).or_default();
    for t in schema.types.values() {
        if let Some(tn) = names.type_name(&t.id.key()) {
            let item = emit_struct(schema, names, &cycles, t);
            modules.entry(tn.module.clone()).or_default().types.push((tn.name.clone(), item));
        }
    }
    for e in schema.enums.values() {
        if let Some(tn) = names.type_name(&e.id.key()) {
            let item = emit_enum(schema, names, e);
            modules.entry(tn.module.clone()).or_default().enums.push((tn.name.clone(), item));
        }
    }
    let mut builders: Vec<(String, TokenStream)> = Vec::new();
    for (index, bn) in &names.builders {
        if let Some(op) = schema.operations.get(*index) {
            builders.push((bn.name.clone(), emit_builder(schema, names, op, bn)));
        }
    }

    let mut files = Vec::new();
    let mut submodules = Vec::new();
    let mut root_decls = TokenStream::new();
    for (module, items) in modules {
        let dir = match &module {
            Some(m) => format!("{root}/{m}"),
            None => root.clone(),
        };
        let ns_label = match &module {
            Some(m) => format!("Microsoft Graph {}, namespace module {}", version.as_str(), rustdoc::code_span(m)),
            None => format!("Microsoft Graph {} ({})", version.as_str(), rustdoc::code_span(crate::names::ROOT_NAMESPACE)),
        };
        let mut decls = Vec::new();
        if !items.types.is_empty() {
            decls.push(quote! { mod types; pub use self::types::*; });
            let doc = file_doc(&format!("Structs of {ns_label}."));
            let body = sorted_items(items.types);
            files.push(FileTokens { path: format!("{dir}/types.rs"), tokens: quote! { #doc #body } });
        }
        if !items.enums.is_empty() {
            decls.push(quote! { mod enums; pub use self::enums::*; });
            let doc = file_doc(&format!("Enums of {ns_label}."));
            let body = sorted_items(items.enums);
            files.push(FileTokens { path: format!("{dir}/enums.rs"), tokens: quote! { #doc #body } });
        }
        match module {
            Some(m) => {
                let doc = file_doc(&format!("Types of {ns_label}."));
                files.push(FileTokens { path: format!("{dir}/mod.rs"), tokens: quote! { #doc #(#decls)* } });
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
        let doc = file_doc(&format!("PATCH request builders of Microsoft Graph {}.", version.as_str()));
        let body = sorted_items(builders);
        files.push(FileTokens { path: format!("{root}/requests.rs"), tokens: quote! { #doc #body } });
        quote! { pub mod requests; }
    };
    let doc = file_doc(&format!(
        "Models of Microsoft Graph {} ({} and its sub-namespaces).",
        version.as_str(),
        rustdoc::code_span(crate::names::ROOT_NAMESPACE)
    ));
    files.push(FileTokens { path: format!("{root}/mod.rs"), tokens: quote! { #doc #root_decls #(pub mod #subs;)* #requests } });
    files
}
