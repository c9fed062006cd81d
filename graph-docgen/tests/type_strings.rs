//! Every Type-cell spelling of the measured corpus (`../shared/docs-format-type-strings.tsv`)
//! goes through `type_cell::parse_type`; at least 99.5% of the 2021 property-like cells
//! (weighted by count) must parse to something other than `Unparsed`.

use graph_docgen::facts::TypeExpr;
use graph_docgen::parse::type_cell::parse_type;
use std::path::PathBuf;

fn tsv_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/docs-format-type-strings.tsv")
}

#[test]
fn corpus_type_strings_parse() {
    let path = tsv_path();
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("SKIP: {} not found", path.display());
        return;
    };
    let no_refs = |_: &str| None;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let (Some(raw_col), Some(count_col)) = (col("type_string"), col("count_2021_proplike")) else {
        panic!("unexpected TSV header {header:?}");
    };
    let (mut total, mut parsed, mut rows) = (0u64, 0u64, 0usize);
    let mut unparsed = Vec::new();
    for line in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        let raw = cells.get(raw_col).copied().unwrap_or("").replace("\\t", "\t");
        let count: u64 = cells.get(count_col).and_then(|c| c.parse().ok()).unwrap_or(0);
        rows += 1;
        let ty = parse_type(&raw, &no_refs);
        total += count;
        if ty == TypeExpr::Unparsed {
            unparsed.push((count, raw));
        } else {
            parsed += count;
        }
    }
    unparsed.sort_by_key(|u| std::cmp::Reverse(u.0));
    println!("{rows} distinct strings; 2021 cells parsed {parsed} of {total}");
    for (count, raw) in &unparsed {
        println!("UNPARSED {count:>5}  {raw}");
    }
    assert!(rows > 3000, "TSV looks truncated: {rows} rows");
    let share = parsed as f64 / total.max(1) as f64;
    assert!(share >= 0.995, "only {:.3}% of 2021 type cells parse", share * 100.0);
}
