//! Fuzz target: the lenient JSON reader of examples. Any text gives a value or an error,
//! never a panic or a stack overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = graph_docgen::parse::json::parse_json(&text, 1);
    // The same text at a large first line: line arithmetic must not overflow.
    let _ = graph_docgen::parse::json::parse_json(&text, u32::MAX - 1);
});
