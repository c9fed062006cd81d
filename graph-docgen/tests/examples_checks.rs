//! Fixture tests of the example checks and cross-checks (`graph_docgen::examples`): for every
//! diagnostic kind, one small docs tree that triggers it and one that does not.

use graph_docgen::diagnostics::{Code, Diagnostic};
use graph_docgen::examples::{ExampleSet, Reason, Target};
use graph_docgen::{generate, Generated, Options, SourcePage};

fn run(pages: &[(&str, &str)]) -> (Generated, ExampleSet) {
    let pages = pages.iter().map(|(p, t)| SourcePage { path: p.to_string(), text: t.to_string() }).collect();
    let g = generate(pages, &Options::default());
    let set = ExampleSet::build(&g);
    (g, set)
}

/// Every diagnostic of a run: lowering's and the example checks' own.
fn all(g: &Generated, set: &ExampleSet) -> Vec<Diagnostic> {
    g.diagnostics.iter().chain(set.diagnostics.iter()).cloned().collect()
}

fn lines_of(diags: &[Diagnostic], code: Code) -> Vec<(String, u32)> {
    diags.iter().filter(|d| d.code == code).map(|d| (d.span.file.clone(), d.span.line)).collect()
}

/// A resource page: properties rows (`name|Type|Description`), then a JSON representation.
fn resource(name: &str, rows: &[&str], representation: &str) -> String {
    format!(
        "---\ntitle: \"{name} resource type\"\ndoc_type: resourcePageType\n---\n\n# {name} resource type\n\nNamespace: microsoft.graph\n\nA thing.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n{}\n\n## JSON representation\n\n<!-- {{\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"microsoft.graph.{name}\"\n}} -->\n\n```json\n{representation}\n```\n",
        rows.iter().map(|r| format!("|{r}|")).collect::<Vec<_>>().join("\n")
    )
}

/// An update page for `name` with a request-body table and one request/response pair.
fn update(name: &str, body_rows: &[&str], request: &str, response: &str) -> String {
    format!(
        "---\ntitle: \"Update {name}\"\ndoc_type: apiPageType\n---\n\n# Update {name}\n\nNamespace: microsoft.graph\n\nUpdate a {name}.\n\n## HTTP request\n\n<!-- {{ \"blockType\": \"ignored\" }} -->\n```http\nPATCH /{name}s/{{id}}\n```\n\n## Request body\n\nIn the request body, supply a JSON representation of the [{name}](../resources/{name}.md) object.\n\n| Property | Type | Description |\n|:--|:--|:--|\n{}\n\n## Response\n\nIf successful, this method returns a `200 OK` response code and an updated [{name}](../resources/{name}.md) object in the response body.\n\n## Example\n\n### Request\n\n<!-- {{\n  \"blockType\": \"request\",\n  \"name\": \"update_{name}\"\n}} -->\n```http\nPATCH https://graph.microsoft.com/beta/{name}s/1\nContent-type: application/json\n\n{request}\n```\n\n### Response\n\n<!-- {{\n  \"blockType\": \"response\",\n  \"truncated\": true,\n  \"@odata.type\": \"microsoft.graph.{name}\"\n}} -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{response}\n```\n",
        body_rows.iter().map(|r| format!("|{r}|")).collect::<Vec<_>>().join("\n")
    )
}

const WIDGET_ROWS: &[&str] = &["id|String|Identifier. Read-only.", "size|Int32|The size.", "label|String|The label."];

fn widget_tree(request: &str, response: &str, representation: &str) -> (Generated, ExampleSet) {
    let res = resource("widget", WIDGET_ROWS, representation);
    let api = update("widget", &["size|Int32|The size.", "label|String|The label."], request, response);
    run(&[("beta/resources/widget.md", &res), ("beta/api/widget-update.md", &api)])
}

const GOOD_REPR: &str = "{\n  \"id\": \"String (identifier)\",\n  \"size\": 1024,\n  \"label\": \"String\"\n}";

#[test]
fn clean_examples_pass_and_report_nothing() {
    let (g, set) =
        widget_tree("{\n  \"size\": 3,\n  \"label\": \"x\"\n}", "{\n  \"id\": \"1\",\n  \"size\": 3\n}", GOOD_REPR);
    let f = set.figures();
    assert_eq!((f.found, f.checked, f.passed, f.failed), (3, 3, 3, 0), "{:#?}", set.examples);
    assert!(set.diagnostics.is_empty(), "{:#?}", set.diagnostics);
    // The request is tied to the builder, the response and the representation to the type.
    let targets: Vec<&Target> = set.examples.iter().map(|e| &e.target).collect();
    assert!(targets.iter().any(|t| matches!(t, Target::Builder { .. })), "{targets:?}");
    assert_eq!(
        targets.iter().filter(|t| matches!(t, Target::Type { id, .. } if id.0 == "microsoft.graph.widget")).count(),
        2
    );
    assert!(lines_of(&all(&g, &set), Code::ExampleValueMismatch).is_empty());
}

#[test]
fn value_mismatch_is_counted_once_and_not_reported_twice() {
    let (g, set) = widget_tree("{\n  \"size\": \"big\"\n}", "{\n  \"id\": \"1\"\n}", GOOD_REPR);
    let f = set.figures();
    assert_eq!(f.failed_by_reason.get(&Reason::ValueMismatch), Some(&1), "{f:#?}");
    // Lowering reported it (GD0303 at the value's line); the example checks do not repeat it.
    assert_eq!(
        lines_of(&all(&g, &set), Code::ExampleValueMismatch),
        vec![("beta/api/widget-update.md".to_string(), value_line())]
    );
}

/// The line of `"size": "big"` in the update page of the value-mismatch test.
fn value_line() -> u32 {
    let api = update("widget", &["size|Int32|The size.", "label|String|The label."], "{\n  \"size\": \"big\"\n}", "{}");
    api.lines().position(|l| l.contains("\"big\"")).map(|i| i as u32 + 1).unwrap_or(0)
}

#[test]
fn property_not_in_table() {
    let (_, set) = widget_tree("{\n  \"size\": 1\n}", "{\n  \"id\": \"1\",\n  \"colour\": \"red\"\n}", GOOD_REPR);
    let f = set.figures();
    assert_eq!(f.failed_by_reason.get(&Reason::PropertyNotInTable), Some(&1), "{f:#?}");
    let (_, set) = widget_tree("{\n  \"size\": 1\n}", "{\n  \"id\": \"1\",\n  \"label\": \"red\"\n}", GOOD_REPR);
    assert_eq!(set.figures().failed_by_reason.get(&Reason::PropertyNotInTable), None);
}

#[test]
fn invalid_json_is_a_failure_with_its_parse_code() {
    let (_, set) = widget_tree("{\n  \"size\": 1,\n}", "{\n  \"id\": \"1\"\n}", GOOD_REPR);
    let bad: Vec<_> = set.examples.iter().filter(|e| e.reasons().contains(&Reason::InvalidJson)).collect();
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].findings[0].diagnostic.code, Code::JsonTolerated);
    let (_, set) = widget_tree("{ size: [[[ }", "{\n  \"id\": \"1\"\n}", GOOD_REPR);
    let bad: Vec<_> = set.examples.iter().filter(|e| e.reasons().contains(&Reason::InvalidJson)).collect();
    assert_eq!(bad.len(), 1, "{:#?}", set.examples);
    assert_eq!(bad[0].findings[0].diagnostic.code, Code::JsonInvalid);
    assert!(bad[0].body.is_none());
}

#[test]
fn representation_mismatch_gd0306() {
    // Trigger: a Boolean placeholder for an Int32, and `label` missing from the sketch.
    let (_, set) = widget_tree(
        "{\n  \"size\": 1\n}",
        "{\n  \"id\": \"1\"\n}",
        "{\n  \"id\": \"String (identifier)\",\n  \"size\": \"Boolean\"\n}",
    );
    let found = lines_of(&set.diagnostics, Code::RepresentationMismatch);
    assert_eq!(found.len(), 2, "{:#?}", set.diagnostics);
    assert!(set.diagnostics.iter().any(|d| d.message.contains("`size`") && d.message.contains("a Boolean")));
    assert!(set
        .diagnostics
        .iter()
        .any(|d| d.message.contains("`label`") && d.message.contains("not in the JSON representation")));
    assert_eq!(set.figures().failed_by_reason.get(&Reason::RepresentationMismatch), Some(&1));
    // No trigger: placeholders of the right kind (`"Int32"` names a number).
    let (_, set) = widget_tree(
        "{\n  \"size\": 1\n}",
        "{\n  \"id\": \"1\"\n}",
        "{\n  \"id\": \"String (identifier)\",\n  \"size\": \"Int32\",\n  \"label\": \"String\"\n}",
    );
    assert!(lines_of(&set.diagnostics, Code::RepresentationMismatch).is_empty(), "{:#?}", set.diagnostics);
}

#[test]
fn generator_bugs_gd0307_gd0308() {
    // Simulated generator bugs: the type loses a table property; the type is not generated.
    let res = resource("widget", WIDGET_ROWS, GOOD_REPR);
    let api = update(
        "widget",
        &["size|Int32|The size."],
        "{\n  \"size\": 1\n}",
        "{\n  \"id\": \"1\",\n  \"label\": \"x\"\n}",
    );
    let pages = vec![
        SourcePage { path: "beta/resources/widget.md".into(), text: res },
        SourcePage { path: "beta/api/widget-update.md".into(), text: api },
    ];
    let mut g = generate(pages.clone(), &Options::default());
    let set = ExampleSet::build(&g);
    assert!(lines_of(&set.diagnostics, Code::TablePropertyNotGenerated).is_empty());
    assert!(lines_of(&set.diagnostics, Code::ExampleTargetMissing).is_empty());
    for s in &mut g.schemas {
        if let Some(t) = s.types.get_mut("microsoft.graph.widget") {
            t.properties.retain(|p| p.wire_name != "label");
        }
    }
    let set = ExampleSet::build(&g);
    assert_eq!(lines_of(&set.diagnostics, Code::TablePropertyNotGenerated).len(), 1, "{:#?}", set.diagnostics);
    assert_eq!(set.figures().failed_by_reason.get(&Reason::PropertyInTableNotInType), Some(&1));
    for s in &mut g.schemas {
        s.types.remove("microsoft.graph.widget");
    }
    let set = ExampleSet::build(&g);
    assert!(!lines_of(&set.diagnostics, Code::ExampleTargetMissing).is_empty(), "{:#?}", set.diagnostics);
}

#[test]
fn patch_field_not_in_resource_gd0603() {
    let res = resource("widget", WIDGET_ROWS, GOOD_REPR);
    let api = update(
        "widget",
        &["size|Int32|The size.", "weight|Int32|Not a widget property."],
        "{\n  \"size\": 1\n}",
        "{\n  \"id\": \"1\"\n}",
    );
    let (_, set) = run(&[("beta/resources/widget.md", &res), ("beta/api/widget-update.md", &api)]);
    let found = lines_of(&set.diagnostics, Code::PatchFieldNotInResource);
    assert_eq!(found.len(), 1, "{:#?}", set.diagnostics);
    assert!(set.diagnostics.iter().any(|d| d.code == Code::PatchFieldNotInResource && d.message.contains("`weight`")));
    let (_, set) = widget_tree("{\n  \"size\": 1\n}", "{\n  \"id\": \"1\"\n}", GOOD_REPR);
    assert!(lines_of(&set.diagnostics, Code::PatchFieldNotInResource).is_empty());
}

#[test]
fn read_only_in_patch_gd0602() {
    let res = resource("widget", WIDGET_ROWS, GOOD_REPR);
    let api = update(
        "widget",
        &["id|String|Identifier.", "size|Int32|The size."],
        "{\n  \"size\": 1\n}",
        "{\n  \"id\": \"1\"\n}",
    );
    let (g, set) = run(&[("beta/resources/widget.md", &res), ("beta/api/widget-update.md", &api)]);
    assert_eq!(lines_of(&all(&g, &set), Code::ReadOnlyInPatch).len(), 1, "{:#?}", g.diagnostics);
    let (g, set) = widget_tree("{\n  \"size\": 1\n}", "{\n  \"id\": \"1\"\n}", GOOD_REPR);
    assert!(lines_of(&all(&g, &set), Code::ReadOnlyInPatch).is_empty());
}

#[test]
fn same_type_described_differently_gd0403() {
    let a = resource("gadget", &["size|Int32|The size."], "{\n  \"size\": 1\n}");
    let b = resource("gadget", &["size|String|The size, as text."], "{\n  \"size\": \"String\"\n}");
    let (g, set) = run(&[("beta/resources/gadget.md", &a), ("beta/resources/gadget-extra.md", &b)]);
    assert_eq!(lines_of(&all(&g, &set), Code::TypeConflict).len(), 1, "{:#?}", g.diagnostics);
    let (g, set) = run(&[("beta/resources/gadget.md", &a), ("beta/resources/gadget-extra.md", &a)]);
    assert!(lines_of(&all(&g, &set), Code::TypeConflict).is_empty());
}

#[test]
fn type_link_broken_gd0407() {
    let other = resource("part", &["name|String|The name."], "{\n  \"name\": \"String\"\n}");
    let bad = resource("widget", &["part|[part](parts.md)|Broken link.", "other|[part](../resources/Part.md)|Fine: case-insensitive."], "{\n  \"part\": {\"@odata.type\": \"microsoft.graph.part\"},\n  \"other\": {\"@odata.type\": \"microsoft.graph.part\"}\n}");
    let (_, set) = run(&[("beta/resources/widget.md", &bad), ("beta/resources/part.md", &other)]);
    let found = lines_of(&set.diagnostics, Code::TypeLinkBroken);
    assert_eq!(found.len(), 1, "{:#?}", set.diagnostics);
    assert!(set.diagnostics.iter().any(|d| d.code == Code::TypeLinkBroken && d.message.contains("parts.md")));
}

#[test]
fn possible_values_mismatch_gd0504() {
    let enum_page = "---\ntitle: \"shade enum type\"\ndoc_type: enumPageType\n---\n\n# shade enum type\n\nNamespace: microsoft.graph\n\n| Member | Value | Description |\n|:--|:--|:--|\n|red|0|Red.|\n|green|1|Green.|\n";
    let bad = resource(
        "widget",
        &["shade|[shade](shade.md)|The shade. Possible values are: `red`, `blue`."],
        "{\n  \"shade\": \"String\"\n}",
    );
    let good = resource(
        "widget",
        &["shade|[shade](shade.md)|The shade. Possible values are: `red`, `green`."],
        "{\n  \"shade\": \"String\"\n}",
    );
    let (_, set) = run(&[("beta/resources/widget.md", &bad), ("beta/resources/shade.md", enum_page)]);
    let found: Vec<_> = set.diagnostics.iter().filter(|d| d.code == Code::PossibleValuesMismatch).collect();
    assert_eq!(found.len(), 1, "{:#?}", set.diagnostics);
    assert!(found[0].message.contains("`blue`") && !found[0].message.contains("`red`"));
    let (_, set) = run(&[("beta/resources/widget.md", &good), ("beta/resources/shade.md", enum_page)]);
    assert!(lines_of(&set.diagnostics, Code::PossibleValuesMismatch).is_empty(), "{:#?}", set.diagnostics);
}
