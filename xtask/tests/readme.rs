//! The README's diagnostic code table is generated from `Code::ALL`; this keeps it in sync.
//! To update it: `cargo xtask readme`.

#[test]
fn readme_code_table_matches_the_code_list() {
    let path = xtask::workspace_root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md exists").replace("\r\n", "\n");
    let updated = xtask::readme_with_code_table(&readme).expect("README has the CODE TABLE markers");
    assert!(updated == readme, "README code table is stale: run `cargo xtask readme`");
}

#[test]
fn table_replacement_keeps_the_rest() {
    let table = graph_docgen::render::code_table();
    let cases = [
        (
            format!("intro\n{}old\n{}\nafter\n", xtask::README_TABLE_BEGIN, xtask::README_TABLE_END),
            Some(format!("intro\n{}{table}{}\nafter\n", xtask::README_TABLE_BEGIN, xtask::README_TABLE_END)),
        ),
        (
            format!("{}{}", xtask::README_TABLE_BEGIN, xtask::README_TABLE_END),
            Some(format!("{}{table}{}", xtask::README_TABLE_BEGIN, xtask::README_TABLE_END)),
        ),
        ("no markers".to_string(), None),
        (format!("{}never closed", xtask::README_TABLE_BEGIN), None),
    ];
    for (input, want) in cases {
        assert_eq!(xtask::readme_with_code_table(&input), want, "{input}");
    }
}
