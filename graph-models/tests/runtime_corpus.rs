//! Measures the scalar parsers on the real docs corpus (`/work/shared/graph-docs`, or the
//! directory in `GRAPH_DOCS`): every quoted string in the pages that looks like a date-time,
//! date, time of day or duration is parsed, and what parses must write back the same text.
//! Prints a visible SKIP when the corpus is absent.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use graph_models::runtime::{Date, DateTimeOffset, Duration, TimeOfDay};

fn corpus_root() -> Option<PathBuf> {
    let root = std::env::var_os("GRAPH_DOCS").map_or_else(|| PathBuf::from("/work/shared/graph-docs"), PathBuf::from);
    root.is_dir().then_some(root)
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            markdown_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// The contents of `"…"` strings on a line (no escapes inside; good enough for scalars).
fn quoted_strings(line: &str) -> impl Iterator<Item = &str> {
    line.split('"').skip(1).step_by(2)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    DateTimeOffset,
    Date,
    TimeOfDay,
    Duration,
}

fn classify(s: &str) -> Option<Kind> {
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let date = (0..4).all(digit) && at(4, b'-') && digit(5) && digit(6) && at(7, b'-') && digit(8) && digit(9);
    if date && b.len() == 10 {
        return Some(Kind::Date);
    }
    if date && at(10, b'T') {
        return Some(Kind::DateTimeOffset);
    }
    if digit(0) && digit(1) && at(2, b':') && digit(3) && digit(4) && b.iter().all(|c| c.is_ascii_digit() || b":.".contains(c)) {
        return Some(Kind::TimeOfDay);
    }
    let body = s.strip_prefix('-').unwrap_or(s);
    if body.len() > 1
        && body.starts_with('P')
        && body.bytes().skip(1).all(|c| c.is_ascii_digit() || b"YMWDTHS.".contains(&c))
        && body.bytes().any(|c| c.is_ascii_digit())
    {
        return Some(Kind::Duration);
    }
    None
}

/// `Some(written back)` when `s` parses as `kind`.
fn reparse(kind: Kind, s: &str) -> Option<String> {
    match kind {
        Kind::DateTimeOffset => s.parse::<DateTimeOffset>().ok().map(|v| v.to_string()),
        Kind::Date => s.parse::<Date>().ok().map(|v| v.to_string()),
        Kind::TimeOfDay => s.parse::<TimeOfDay>().ok().map(|v| v.to_string()),
        Kind::Duration => s.parse::<Duration>().ok().map(|v| v.to_string()),
    }
}

#[test]
fn scalar_parsers_on_the_docs_corpus() {
    let Some(root) = corpus_root() else {
        println!("SKIP: docs corpus not found (set GRAPH_DOCS)");
        return;
    };
    let mut files = Vec::new();
    markdown_files(&root, &mut files);
    // kind -> (seen, parsed, distinct rejected samples)
    let mut stats: BTreeMap<Kind, (usize, usize, BTreeMap<String, usize>)> = BTreeMap::new();
    let mut mismatches = Vec::new();
    for file in &files {
        let Ok(bytes) = std::fs::read(file) else { continue };
        let text = String::from_utf8_lossy(&bytes);
        for line in text.lines() {
            for s in quoted_strings(line) {
                let Some(kind) = classify(s) else { continue };
                let entry = stats.entry(kind).or_default();
                entry.0 += 1;
                match reparse(kind, s) {
                    Some(back) if back == s => entry.1 += 1,
                    Some(back) => mismatches.push(format!("{s} -> {back}")),
                    None => *entry.2.entry(s.to_owned()).or_default() += 1,
                }
            }
        }
    }
    println!("corpus: {} pages under {}", files.len(), root.display());
    for (kind, (seen, parsed, rejected)) in &stats {
        println!("{kind:?}: {seen} strings, {parsed} parsed and written back exactly, {} rejected", seen - parsed);
        let mut top: Vec<_> = rejected.iter().collect();
        top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (sample, count) in top.iter().take(8) {
            println!("    rejected {count:>5} x {sample:?}");
        }
    }
    assert!(mismatches.is_empty(), "parsed but not written back exactly: {mismatches:?}");
    assert!(!stats.is_empty(), "the corpus has scalar strings");
}
