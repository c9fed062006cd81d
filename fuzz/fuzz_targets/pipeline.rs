//! Fuzz target: the whole pipeline. The input is split at `0x01` bytes into up to six pages of
//! a small docs tree (v1.0 and beta, api/ and resources/), each decoded by the tree reader's
//! `decode` (BOM, CRLF, invalid UTF-8, NUL); then `generate` must not panic and every
//! generated `.rs` file must parse as Rust.
#![no_main]

use graph_docgen::diagnostics::Code;
use graph_docgen::{generate, Options, SourcePage};
use libfuzzer_sys::fuzz_target;

/// Where the pieces of the input go, in order.
const PATHS: &[&str] = &[
    "v1.0/resources/fuzz.md",
    "v1.0/api/fuzz-update.md",
    "beta/resources/fuzz.md",
    "beta/api/fuzz-update.md",
    "v1.0/resources/other.md",
    "beta/api/fuzz-get.md",
];

fuzz_target!(|data: &[u8]| {
    let mut pages = Vec::new();
    for (bytes, path) in data.split(|&b| b == 1).zip(PATHS) {
        let (text, _diags) = graph_docgen::tree::decode(path, bytes);
        if let Some(text) = text {
            pages.push(SourcePage { path: path.to_string(), text });
        }
    }
    let generated = generate(pages, &Options::default());
    // Emit drops a file that does not parse and reports GD0702: that is a generator bug too.
    if let Some(d) = generated.diagnostics.0.iter().find(|d| d.code == Code::GeneratedCodeInvalid) {
        panic!("generator built invalid Rust: {}", d.message);
    }
    for (path, text) in &generated.files {
        if path.ends_with(".rs") {
            if let Err(e) = syn::parse_file(text) {
                panic!("generated {path} does not parse: {e}\n{text}");
            }
        }
    }
});
