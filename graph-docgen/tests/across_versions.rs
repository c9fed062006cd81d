//! A PATCH constraint stated by the v1.0 docs carries to the same beta property when the beta
//! row is silent, and only then.

use graph_docgen::diagnostics::Code;
use graph_docgen::schema::{Method, Schema};
use graph_docgen::{generate, Options, SourcePage};

fn page(path: &str, rows: &str) -> SourcePage {
    let text = format!(
        "# Update thing\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nPATCH /things/{{id}}\n```\n\n\
         ## Request body\n\nIn the request body, supply a JSON representation of the [thing](../resources/thing.md) object.\n\n\
         |Property|Type|Description|\n|:---|:---|:---|\n{rows}\n\n## Response\n\nIf successful, this method returns a `200 OK` response code.\n"
    );
    SourcePage { path: path.into(), text }
}

fn clearable(schema: &Schema, wire: &str) -> bool {
    let op = schema.operations.iter().find(|o| o.method == Method::Patch).expect("a PATCH operation");
    op.body.iter().find(|f| f.wire_name == wire).expect("the body field").clearable
}

#[test]
fn v1_constraint_applies_to_silent_beta_rows_only() {
    let v1 = page(
        "v1.0/api/thing-update.md",
        "|displayName|String|The name. It cannot be cleared during updates.|\n|label|String|A label. It cannot be cleared during updates.|",
    );
    let beta = page("beta/api/thing-update.md", "|displayName|String||\n|label|String|A label, clearable in beta.|");
    let out = generate(vec![v1, beta], &Options::default());
    let [v1, beta] = out.schemas.as_slice() else { panic!("two schemas") };
    assert!(!clearable(v1, "displayName") && !clearable(v1, "label"));
    assert!(!clearable(beta, "displayName"), "silent beta row takes the v1.0 constraint");
    assert!(clearable(beta, "label"), "a beta row with its own description keeps its own word");
    let carried: Vec<_> = out.diagnostics.iter().filter(|d| d.code == Code::ConstraintFromOtherVersion).collect();
    assert_eq!(carried.len(), 1, "{carried:?}");
    assert_eq!(carried[0].span.file, "beta/api/thing-update.md");
    assert_eq!(carried[0].related[0].0.file, "v1.0/api/thing-update.md");
}

#[test]
fn seed_beta_group_display_name_is_not_clearable() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs");
    let (pages, _) = graph_docgen::tree::read_tree(&root);
    let out = generate(pages, &Options::default());
    let beta = out.schemas.iter().find(|s| s.version.as_str() == "beta").expect("beta");
    let op = beta.operations.iter().find(|o| o.page == "beta/api/group-update.md").expect("group update");
    let f = op.body.iter().find(|f| f.wire_name == "displayName").expect("displayName");
    assert!(!f.clearable);
    let d = out.diagnostics.iter().find(|d| d.code == Code::ConstraintFromOtherVersion).expect("a note");
    assert_eq!(
        (d.span.file.as_str(), d.related[0].0.file.as_str()),
        ("beta/api/group-update.md", "v1.0/api/group-update.md")
    );
}
