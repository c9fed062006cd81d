//! Hostile inputs: the parser returns facts and diagnostics, never panics.

use graph_docgen::diagnostics::Code;
use graph_docgen::facts::PageFacts;
use graph_docgen::parse::parse_page;

fn codes(f: &PageFacts) -> Vec<Code> {
    f.diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn hostile_inputs_give_facts_and_diagnostics() {
    let wide_row = format!("# T\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n{}\n", "|x".repeat(10_000));
    let deep_quote = format!("# T\n\n{} deep\n", ">".repeat(10_000));
    let deep_list = format!("# T\n\n{}x\n", "- ".repeat(5_000));
    let brackets = format!("# T\n\n|Property|Type|Description|\n|-|-|-|\n|a|{}|d|\n", "[".repeat(5_000));
    let big_table =
        format!("# T\n## Properties\n|Property|Type|Description|\n|-|-|-|\n{}", "|a|String|d|\n".repeat(20_000));
    // (name, input, diagnostics that must be present)
    let cases: Vec<(&str, String, Vec<Code>)> = vec![
        ("empty", String::new(), vec![Code::MissingTitle]),
        ("only dashes", "---".into(), vec![Code::MissingTitle]),
        ("dashes twice", "---\n---\n".into(), vec![Code::MissingTitle]),
        ("nul bytes", "# T\u{0}\n\u{0}\u{0}|a|b|\n|-|-|\n".into(), vec![]),
        ("unclosed fence", "# T\n## HTTP request\n```http\nGET /me\n".into(), vec![Code::UnclosedFence]),
        (
            "unclosed comment",
            "# T\n<!-- {\n\"blockType\": \"request\"\n## Properties\n|Property|Type|\n|-|-|\n|a|String|\n".into(),
            vec![Code::UnclosedComment],
        ),
        ("10,000-cell row", wide_row, vec![Code::TableShape]),
        ("deep blockquote", deep_quote, vec![]),
        ("deep list", deep_list, vec![]),
        ("unclosed brackets", brackets, vec![]),
        ("20,000 rows", big_table, vec![]),
        (
            "multi-byte everywhere",
            "---\ntitle: \"é\u{2019}\"\n---\n# ÿ enum type\n|Member|Value|\n|-|-|\n|é|ü|\n".into(),
            vec![],
        ),
        (
            "annotation without fence",
            "# T\n<!-- { \"blockType\": \"response\" } -->\n## Next\n".into(),
            vec![Code::AnnotationWithoutBlock],
        ),
        ("lone CR and entities", "# T\r\r&#xFFFFFFFF; &#0; &#;\r|a|\r".into(), vec![]),
        (
            "type column only",
            "# T\n## Properties\n|Type|Description|\n|-|-|\n|String|x|\n".into(),
            vec![Code::MissingColumn],
        ),
    ];
    for (name, input, want) in cases {
        let facts = parse_page("beta/api/hostile.md", &input);
        assert_eq!(facts.path, "beta/api/hostile.md", "{name}");
        let got = codes(&facts);
        for code in &want {
            assert!(got.contains(code), "{name}: expected {code:?} in {got:?}");
        }
        for d in &facts.diagnostics {
            assert!(d.span.line >= 1, "{name}: diagnostic without a line: {d:?}");
        }
    }
}

#[test]
fn unclosed_comment_hides_tables_but_says_so() {
    let f = parse_page(
        "beta/resources/x.md",
        "# x resource type\n<!--\n## Properties\n|Property|Type|\n|-|-|\n|a|String|\n",
    );
    assert!(f.tables.is_empty());
    assert_eq!(
        f.diagnostics.iter().filter(|d| d.code == Code::UnclosedComment).map(|d| d.span.line).collect::<Vec<_>>(),
        [2]
    );
}

#[test]
fn commented_out_tables_are_not_tables() {
    let f = parse_page("beta/resources/x.md", "# x resource type\n## Properties\n<!--\n|Property|Type|\n|-|-|\n|old|String|\n-->\n|Property|Type|\n|-|-|\n|new|String|\n");
    let names: Vec<_> = f.tables.iter().flat_map(|t| t.rows.iter().map(|r| r.name.as_str())).collect();
    assert_eq!(names, ["new"]);
}
