//! `emit::example_tests` on a small fixture tree: one test per example, declared under
//! `cfg(test)` in the version's mod.rs, known defects listed and left out.

use graph_docgen::emit::example_tests;
use graph_docgen::{generate, Options, SourcePage};

const RESOURCE: &str = "---\ntitle: \"widget resource type\"\ndoc_type: resourcePageType\n---\n\n# widget resource type\n\nNamespace: microsoft.graph\n\nA thing.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n|id|String|Identifier. Read-only.|\n|size|Int32|The size.|\n|label|String|The label.|\n\n## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"microsoft.graph.widget\"\n} -->\n\n```json\n{\n  \"id\": \"String (identifier)\",\n  \"size\": 1024,\n  \"label\": \"String\"\n}\n```\n";

const API: &str = "---\ntitle: \"Update widget\"\ndoc_type: apiPageType\n---\n\n# Update widget\n\nNamespace: microsoft.graph\n\nUpdate a widget.\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nPATCH /widgets/{id}\n```\n\n## Request body\n\nIn the request body, supply a JSON representation of the [widget](../resources/widget.md) object.\n\n| Property | Type | Description |\n|:--|:--|:--|\n|size|Int32|The size.|\n|label|String|The label.|\n\n## Response\n\nIf successful, this method returns a `200 OK` response code and an updated [widget](../resources/widget.md) object in the response body.\n\n## Example\n\n### Request\n\n<!-- {\n  \"blockType\": \"request\",\n  \"name\": \"update_widget\"\n} -->\n```http\nPATCH https://graph.microsoft.com/beta/widgets/1\nContent-type: application/json\n\n{\n  \"size\": 3,\n  \"label\": null\n}\n```\n\n### Response\n\n<!-- {\n  \"blockType\": \"response\",\n  \"@odata.type\": \"microsoft.graph.widget\"\n} -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{\n  \"id\": \"1\",\n  \"size\": \"big\",\n  \"label\": \"x\"\n}\n```\n";

#[test]
fn one_test_per_example_with_exclusions() {
    let pages = vec![
        SourcePage { path: "beta/resources/widget.md".into(), text: RESOURCE.into() },
        SourcePage { path: "beta/api/widget-update.md".into(), text: API.into() },
    ];
    let mut g = generate(pages, &Options::default());
    assert!(!g.files.contains_key("src/generated/beta/example_tests.rs"), "off unless asked for");
    example_tests::add(&mut g);
    let tests = g.files.get("src/generated/beta/example_tests.rs").expect("rendered");
    let mod_rs = g.files.get("src/generated/beta/mod.rs").expect("mod.rs");
    assert!(mod_rs.contains("#[cfg(test)]\nmod example_tests;"), "{mod_rs}");
    assert!(!g.files.contains_key("src/generated/v1_0/example_tests.rs"), "no v1.0 examples, no file");
    // Request -> builder with a typed setter and `clear_` for null; response -> round trip.
    assert_eq!(tests.matches("#[test]").count(), 2, "{tests}");
    assert!(tests.contains("fn widget_update_md_l"), "{tests}");
    assert!(tests.contains("super::requests::UpdateWidget::new()"), "{tests}");
    assert!(tests.contains(".size(") && tests.contains(".clear_label()"), "{tests}");
    assert!(tests.contains("round_trip::<super::Widget>(&doc, \"\")"), "{tests}");
    // The mismatching `size` of the response is left out, with its code and place.
    assert!(
        tests.contains("/// Excluded `/size`: GD0303 example-value-mismatch at beta/api/widget-update.md:"),
        "{tests}"
    );
    assert!(!tests.contains("\\\"big\\\""), "{tests}");
    // The representation is a schema sketch: no test.
    assert!(!tests.contains("representation"), "{tests}");
}

const GADGET: &str = "---\ntitle: \"gadget resource type\"\ndoc_type: resourcePageType\n---\n\n# gadget resource type\n\nNamespace: microsoft.graph\n\nA thing with parts.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n|id|String|Identifier. Read-only.|\n\n## Relationships\n\n| Relationship | Type | Description |\n|:--|:--|:--|\n|parts|[part](part.md) collection|The parts.|\n|owner|[part](part.md)|The owning part.|\n|spare|[part](part.md)|A spare part.|\n|broken|[part](part.md)|A broken part.|\n\n## Example\n\n<!-- {\n  \"blockType\": \"response\",\n  \"@odata.type\": \"microsoft.graph.gadget\"\n} -->\n```json\n{\n  \"id\": \"1\",\n  \"parts\": [{\"id\": \"p1\"}],\n  \"owner\": {\"id\": \"p2\"},\n  \"spare\": null,\n  \"broken\": {\"id\": \"p3\", \"size\": \"big\"}\n}\n```\n";

const PART: &str = "---\ntitle: \"part resource type\"\ndoc_type: resourcePageType\n---\n\n# part resource type\n\nNamespace: microsoft.graph\n\nA part.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n|id|String|Identifier.|\n|size|Int32|The size.|\n";

/// A relationship is a `Nav` (held as JSON), so the example test of the object holding it
/// gets a typed round trip of each relationship the example shows: `parts` and `owner`, not
/// the `null` `spare`, nor `broken`, which a value mismatch removed from the expected JSON.
#[test]
fn relationships_in_an_example_get_their_own_typed_round_trip() {
    let pages = vec![
        SourcePage { path: "v1.0/resources/gadget.md".into(), text: GADGET.into() },
        SourcePage { path: "v1.0/resources/part.md".into(), text: PART.into() },
    ];
    let mut g = generate(pages, &Options::default());
    example_tests::add(&mut g);
    let tests = g.files.get("src/generated/v1_0/example_tests.rs").expect("rendered");
    let types = g.files.get("src/generated/v1_0/types.rs").expect("types");
    assert!(types.contains("pub parts: Option<crate::runtime::Nav<Vec<super::Part>>>"), "{types}");
    assert!(tests.contains("round_trip::<super::Gadget>(&doc, \"\");"), "{tests}");
    assert!(tests.contains("round_trip::<Vec<super::Part>>(&doc, \"/parts\");"), "{tests}");
    assert!(tests.contains("round_trip::<super::Part>(&doc, \"/owner\");"), "{tests}");
    assert!(!tests.contains("\"/spare\""), "a null relationship has nothing to decode: {tests}");
    assert!(tests.contains("/// Excluded `/broken`: GD0303"), "{tests}");
    assert!(!tests.contains("\"/broken\")"), "a pruned relationship gets no check: {tests}");
}
