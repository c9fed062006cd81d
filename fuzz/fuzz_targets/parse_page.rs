//! Fuzz target: arbitrary bytes, decoded like the tree reader does (lossy UTF-8), into the
//! page parser. The parser must return facts for any text and never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Both a resource and an API path: the path decides the page kind's default.
    for path in ["v1.0/resources/fuzz.md", "beta/api/fuzz-update.md"] {
        let facts = graph_docgen::parse::parse_page(path, &text);
        assert_eq!(facts.path, path);
    }
});
