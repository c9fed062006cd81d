//! The README's diagnostic code table is generated from `Code::ALL`; this keeps it in sync.
//! To update: replace the block between the markers with `cargo xtask explain --all`.

const BEGIN: &str = "<!-- BEGIN CODE TABLE (cargo xtask explain --all) -->\n";
const END: &str = "<!-- END CODE TABLE -->";

#[test]
fn readme_code_table_matches_the_code_list() {
    let path = xtask::workspace_root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md exists").replace("\r\n", "\n");
    let start = readme.find(BEGIN).map(|i| i + BEGIN.len()).expect("README has the BEGIN CODE TABLE marker");
    let len = readme.get(start..).and_then(|rest| rest.find(END)).expect("README has the END CODE TABLE marker");
    let table = readme.get(start..start + len).unwrap_or_default();
    assert_eq!(table, graph_docgen::render::code_table(), "README code table is stale: paste `cargo xtask explain --all` between the markers");
}
