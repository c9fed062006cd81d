//! The important facts of the five seed pages in `docs/`, as `parse::parse_page` reads them.

use graph_docgen::diagnostics::Code;
use graph_docgen::facts::{
    ApiVersion, BlockType, PageFacts, PageKind, PathPiece, Primitive, PropertyRow, RequestPath, TableContext, TypeExpr,
};
use graph_docgen::parse::parse_page;

fn seed(path: &str) -> PageFacts {
    let file = format!("{}/../docs/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
    parse_page(path, &text)
}

/// (line, method, raw path, parameter names) of every request line; broken ones as `BROKEN`.
fn requests(f: &PageFacts) -> Vec<(u32, String, String, Vec<String>)> {
    f.requests
        .iter()
        .map(|r| match &r.path {
            RequestPath::Template(t) => {
                let params = t
                    .pieces
                    .iter()
                    .filter_map(|p| match p {
                        PathPiece::Param(p) => Some(p.names.join("|")),
                        PathPiece::Literal(_) => None,
                    })
                    .collect();
                (r.line, r.method.clone(), t.raw.clone(), params)
            }
            RequestPath::Broken(_) => (r.line, r.method.clone(), "BROKEN".into(), vec![]),
        })
        .collect()
}

fn req(line: u32, method: &str, raw: &str, params: &[&str]) -> (u32, String, String, Vec<String>) {
    (line, method.into(), raw.into(), params.iter().map(|s| s.to_string()).collect())
}

fn lines_of(f: &PageFacts, code: Code) -> Vec<u32> {
    f.diagnostics.iter().filter(|d| d.code == code).map(|d| d.span.line).collect()
}

fn body_rows(f: &PageFacts) -> &[PropertyRow] {
    let tables: Vec<_> = f.tables.iter().filter(|t| t.context == TableContext::RequestBody).collect();
    assert_eq!(tables.len(), 1, "{}: one request-body table", f.path);
    &tables[0].rows
}

fn row<'a>(rows: &'a [PropertyRow], name: &str) -> &'a PropertyRow {
    rows.iter().find(|r| r.name == name).unwrap_or_else(|| panic!("no row {name}"))
}

fn named(name: &str, link: Option<&str>) -> TypeExpr {
    TypeExpr::Named { name: name.into(), link: link.map(Into::into) }
}

fn blocks(f: &PageFacts) -> Vec<(BlockType, u32)> {
    f.blocks.iter().map(|b| (b.block_type, b.line)).collect()
}

#[test]
fn seed_000_connectorgroup_2015_style() {
    let f = seed("beta/api/connectorgroup-update.md");
    assert_eq!(f.version, Some(ApiVersion::Beta));
    assert_eq!(f.kind, Some(PageKind::Api));
    assert_eq!(f.title.as_ref().map(|t| (t.value.as_str(), t.line)), Some(("Update connectorGroups", 1)));
    assert!(f.front_matter.doc_type.is_none());
    assert_eq!(f.summary, "Update the properties of connectorgroup object.");
    assert_eq!(requests(&f), [req(18, "PATCH", "/connectorGroups/{id}", &["id"])]);

    let perms: Vec<_> = f.permissions.iter().map(|p| (p.line, p.kind.as_str(), p.scopes.len())).collect();
    assert_eq!(
        perms,
        [
            (11, "Delegated (work or school account)", 2),
            (12, "Delegated (personal Microsoft account)", 0),
            (13, "Application", 1)
        ]
    );

    let rows = body_rows(&f);
    assert_eq!(
        rows.iter().map(|r| (r.line, r.name.as_str())).collect::<Vec<_>>(),
        [(30, "connectorGroupType"), (31, "name")]
    );
    let t = row(rows, "connectorGroupType");
    assert_eq!((t.type_raw.as_str(), &t.ty), ("string", &TypeExpr::Primitive(Primitive::String)));
    assert_eq!(t.possible_values, ["applicationProxy"]);
    assert_eq!(row(rows, "name").ty, TypeExpr::Primitive(Primitive::String));

    assert_eq!(
        f.response_type.as_ref().map(|r| (&r.value, r.line)),
        Some((&named("connectorGroup", Some("../resources/connectorgroup.md")), 35))
    );
    assert!(f.request_body_resource.is_none(), "2015 pages say 'supply the values for relevant fields'");
    assert_eq!(blocks(&f), [(BlockType::Request, 39), (BlockType::Response, 55)]);
    assert_eq!(
        f.blocks[1].annotation.get("@odata.type").and_then(|v| v.as_str()),
        Some("microsoft.graph.connectorGroup")
    );
    // The fence after each annotation reaches the example reader: method and body are read.
    assert_eq!(f.blocks[0].request.as_ref().map(|r| r.0.as_str()), Some("PATCH"));
    assert!(f.blocks.iter().all(|b| b.body.is_some()), "both examples carry a JSON body");
    assert!(lines_of(&f, Code::TodoPlaceholder).is_empty());
}

#[test]
fn seed_001_connector_template_with_todos() {
    let f = seed("beta/api/connector-update.md");
    assert_eq!(f.kind, Some(PageKind::Api));
    assert_eq!(f.front_matter.title.as_deref(), Some("Update connector"));
    assert_eq!(f.front_matter.doc_type.as_deref(), Some("apiPageType"));
    assert_eq!(f.front_matter.ms_prod, None, "a TODO placeholder is not a workload");
    assert_eq!(f.namespace.as_ref().map(|n| (n.value.as_str(), n.line)), Some(("microsoft.graph", 12)));
    assert_eq!(f.title.as_ref().map(|t| t.line), Some(10));
    assert_eq!(lines_of(&f, Code::TodoPlaceholder), [4, 6, 21, 22, 23, 48, 49, 50, 51]);
    assert!(f.permissions.is_empty(), "TODO permission rows are dropped");
    assert_eq!(requests(&f), [req(32, "PATCH", "/connectors/{connectorsId}", &["connectorsId"])]);
    assert_eq!(
        f.request_body_resource.as_ref().map(|r| (&r.value, r.line)),
        Some((&named("connector", Some("../resources/connector.md")), 42))
    );

    let rows = body_rows(&f);
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.markers.todo));
    let id = row(rows, "id");
    assert_eq!(id.markers.inherited_from.as_deref(), Some("entity"));
    let status = row(rows, "status");
    assert_eq!(status.line, 51);
    assert_eq!(status.ty, named("connectorStatus", None));
    assert_eq!(status.possible_values, ["active", "inactive"]);

    assert_eq!(
        f.response_type.as_ref().map(|r| r.value.clone()),
        Some(named("connector", Some("../resources/connector.md")))
    );
    assert_eq!(blocks(&f), [(BlockType::Request, 62), (BlockType::Response, 82)]);
}

#[test]
fn seed_002_externalconnection_broken_path() {
    let f = seed("beta/api/externalconnection-update.md");
    assert_eq!(requests(&f), [req(32, "PATCH", "BROKEN", &[])]);
    assert!(
        matches!(&f.requests[0].path, RequestPath::Broken(s) if s.contains("Collection URI for microsoft.graph.externalConnection"))
    );
    assert_eq!(lines_of(&f, Code::BrokenPath), [32]);
    assert_eq!(lines_of(&f, Code::TodoPlaceholder), [4, 6, 21, 22, 23, 48, 49, 50, 51]);
    let rows = body_rows(&f);
    assert_eq!(row(rows, "configuration").ty, named("configuration", Some("../resources/configuration.md")));
    assert_eq!(
        f.request_body_resource.as_ref().map(|r| r.value.clone()),
        Some(named("externalConnection", Some("../resources/externalconnection.md")))
    );
    assert_eq!(blocks(&f), [(BlockType::Request, 62), (BlockType::Response, 84)]);
}

#[test]
fn seed_003_group_v1_2015_style() {
    let f = seed("v1.0/api/group-update.md");
    assert_eq!(f.version, Some(ApiVersion::V1_0));
    assert_eq!(f.kind, Some(PageKind::Api));
    assert_eq!(requests(&f), [req(9, "PATCH", "/groups/<id>", &["id"])]);
    assert_eq!(lines_of(&f, Code::PathParameter), [9]);

    // The optional-headers table has Name|Type|Description but is not a property table.
    let headers: Vec<_> = f.tables.iter().filter(|t| t.context == TableContext::Other).collect();
    assert_eq!(headers.len(), 1);
    assert_eq!((headers[0].line, headers[0].rows[0].name.as_str()), (12, "X-Sample-Header"));

    let rows = body_rows(&f);
    assert_eq!(rows.len(), 17);
    assert_eq!(rows[0].line, 21);
    let p = |p| TypeExpr::Primitive(p);
    let cases = [
        ("accessType", named("groupAccessType", None)),
        ("allowExternalSenders", p(Primitive::Boolean)),
        ("description", p(Primitive::String)),
        ("onPremisesLastSyncDateTime", p(Primitive::DateTimeOffset)),
        ("unseenCount", p(Primitive::Int32)),
    ];
    for (name, ty) in cases {
        assert_eq!(row(rows, name).ty, ty, "{name}");
    }
    assert!(row(rows, "displayName").markers.cannot_be_cleared);
    assert!(!row(rows, "description").markers.cannot_be_cleared);
    assert!(row(rows, "proxyAddresses").markers.not_nullable);
    assert_eq!(rows.iter().filter(|r| r.description.is_empty()).count(), 9);
    assert_eq!(
        f.response_type.as_ref().map(|r| (r.value.clone(), r.line)),
        Some((named("group", Some("../resources/group.md")), 40))
    );
    assert_eq!(blocks(&f), [(BlockType::Request, 44), (BlockType::Response, 66)]);
}

#[test]
fn seed_004_group_template() {
    let f = seed("beta/api/group-update.md");
    assert_eq!(
        requests(&f),
        [
            req(31, "PATCH", "/groups/{groupsId}", &["groupsId"]),
            req(32, "PATCH", "/me/joinedGroups/{groupId}", &["groupId"]),
            req(33, "PATCH", "/users/{usersId}/joinedGroups/{groupId}", &["usersId", "groupId"]),
        ]
    );
    assert_eq!(lines_of(&f, Code::TodoPlaceholder), [21, 23]);
    let perms: Vec<_> = f.permissions.iter().map(|p| (p.line, p.scopes.len())).collect();
    assert_eq!(perms, [(22, 0)]);
    assert_eq!(f.front_matter.ms_prod, None);

    let rows = body_rows(&f);
    assert_eq!(rows.len(), 46);
    assert_eq!(rows.iter().filter(|r| r.description.is_empty()).count(), 43);
    assert_eq!(row(rows, "id").markers.inherited_from.as_deref(), Some("entity"));
    assert_eq!(row(rows, "deletedDateTime").markers.inherited_from.as_deref(), Some("directoryObject"));
    assert_eq!(
        row(rows, "assignedLabels").ty,
        TypeExpr::Collection(Box::new(named("assignedLabel", Some("../resources/assignedlabel.md"))))
    );
    assert_eq!(row(rows, "groupTypes").ty, TypeExpr::Collection(Box::new(TypeExpr::Primitive(Primitive::String))));
    let access = row(rows, "accessType");
    assert_eq!((access.line, &access.ty), (83, &TypeExpr::AnonymousEnum));
    assert_eq!(access.possible_values, ["none", "private", "secret", "public"]);

    assert_eq!(
        f.request_body_resource.as_ref().map(|r| r.value.clone()),
        Some(named("group", Some("../resources/group.md")))
    );
    assert_eq!(f.response_type.as_ref().map(|r| r.line), Some(98));
    assert_eq!(blocks(&f), [(BlockType::Request, 104), (BlockType::Response, 198)]);
}
