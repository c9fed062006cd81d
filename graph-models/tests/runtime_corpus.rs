//! Measures the scalar parsers on the real docs corpus (`/work/shared/graph-docs`, or the
//! directory in `GRAPH_DOCS`): every quoted string in the pages that looks like a date-time,
//! date, time of day or duration is parsed, and what parses must write back the same text.
//! Prints a visible SKIP when the corpus is absent.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use graph_models::runtime::{Date, DateTimeOffset, Duration, TimeOfDay};
use serde_json::Value;

// Generated code spells `crate::runtime::…`.
mod runtime {
    pub use graph_models::runtime::*;
}

/// A small model in the generated shape with properties most Graph entities have; every other
/// property of a real example lands in `additional_properties`.
#[derive(Default)]
pub struct Entity {
    pub id: ::std::option::Option<::std::string::String>,
    pub display_name: ::std::option::Option<::std::string::String>,
    pub created_date_time: ::std::option::Option<crate::runtime::DateTimeOffset>,
    pub last_modified_date_time: ::std::option::Option<crate::runtime::DateTimeOffset>,
    pub value: ::std::option::Option<::std::vec::Vec<Entity>>,
    pub odata_type: ::std::option::Option<::std::string::String>,
    pub additional_properties: crate::runtime::Extra,
}
impl crate::runtime::Model for Entity {
    const ODATA_TYPE: &'static str = "microsoft.graph.entity";
    const FIELDS: &'static [&'static str] = &["id", "displayName", "createdDateTime", "lastModifiedDateTime", "value"];
    fn slot(&self, index: usize) -> ::std::option::Option<&dyn crate::runtime::Slot> {
        ::std::option::Option::Some(match index {
            0 => &self.id,
            1 => &self.display_name,
            2 => &self.created_date_time,
            3 => &self.last_modified_date_time,
            4 => &self.value,
            _ => return ::std::option::Option::None,
        })
    }
    fn slot_mut(&mut self, index: usize) -> ::std::option::Option<&mut dyn crate::runtime::Slot> {
        ::std::option::Option::Some(match index {
            0 => &mut self.id,
            1 => &mut self.display_name,
            2 => &mut self.created_date_time,
            3 => &mut self.last_modified_date_time,
            4 => &mut self.value,
            _ => return ::std::option::Option::None,
        })
    }
    crate::runtime::model_accessors!();
}
crate::runtime::impl_model_traits!(Entity);

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
    if digit(0)
        && digit(1)
        && at(2, b':')
        && digit(3)
        && digit(4)
        && b.iter().all(|c| c.is_ascii_digit() || b":.".contains(c))
    {
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

/// The bodies of ```` ```json ```` fences of a page (info string `json`, any case or spacing).
fn json_blocks(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let trimmed = line.trim();
        match current.as_mut() {
            None if trimmed.starts_with("```")
                && trimmed.trim_start_matches('`').trim().eq_ignore_ascii_case("json") =>
            {
                current = Some(String::new());
            }
            Some(_) if trimmed.starts_with("```") => blocks.extend(current.take()),
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    blocks
}

#[test]
fn real_json_examples_round_trip_through_a_model() {
    let Some(root) = corpus_root() else {
        println!("SKIP: docs corpus not found (set GRAPH_DOCS)");
        return;
    };
    let mut files = Vec::new();
    markdown_files(&root, &mut files);
    let (mut blocks, mut objects, mut decoded) = (0usize, 0usize, 0usize);
    let mut rejected: BTreeMap<String, usize> = BTreeMap::new();
    let mut mismatches = Vec::new();
    for file in &files {
        let Ok(bytes) = std::fs::read(file) else { continue };
        for block in json_blocks(&String::from_utf8_lossy(&bytes)) {
            blocks += 1;
            // Only well-formed objects: the docs' broken JSON is graph-docgen's business.
            let Ok(original @ Value::Object(_)) = serde_json::from_str::<Value>(&block) else { continue };
            objects += 1;
            match serde_json::from_str::<Entity>(&block) {
                Ok(entity) => {
                    decoded += 1;
                    let back = serde_json::to_value(&entity).unwrap_or(Value::Null);
                    if back != original && mismatches.len() < 5 {
                        mismatches.push(format!("{}: {block}", file.display()));
                    }
                }
                Err(error) => {
                    let message = error.to_string();
                    let kind = message.split(" at line").next().unwrap_or(&message).chars().take(90).collect();
                    *rejected.entry(kind).or_default() += 1;
                }
            }
        }
    }
    println!("{blocks} json blocks, {objects} well-formed objects, {decoded} decoded and re-encoded exactly");
    let mut top: Vec<_> = rejected.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (kind, count) in top.iter().take(8) {
        println!("    rejected {count:>5} x {kind}");
    }
    assert!(mismatches.is_empty(), "decoded but not re-encoded exactly: {mismatches:#?}");
    assert!(decoded > 0, "the corpus has JSON examples");
}
