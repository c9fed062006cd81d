//! Unit tests of the lowering rules, on small hand-built page facts (one rule per test).

use super::lower;
use crate::diagnostics::{Code, Diagnostic};
use crate::facts::*;
use crate::schema::{Method, Schema, TypeId, TypeKind, TypeRef};

fn named(name: &str) -> TypeExpr {
    TypeExpr::Named { name: name.into(), link: None }
}
fn linked(name: &str) -> TypeExpr {
    TypeExpr::Named { name: name.into(), link: Some(format!("../resources/{}.md", name.to_ascii_lowercase())) }
}
fn prim(p: Primitive) -> TypeExpr {
    TypeExpr::Primitive(p)
}
fn coll(t: TypeExpr) -> TypeExpr {
    TypeExpr::Collection(Box::new(t))
}

fn row(line: u32, name: &str, ty: TypeExpr) -> PropertyRow {
    PropertyRow {
        line,
        name: name.into(),
        type_raw: format!("{ty:?}"),
        ty,
        description: String::new(),
        markers: Markers::default(),
        possible_values: Vec::new(),
        required: None,
    }
}
fn with_values(mut r: PropertyRow, values: &[&str]) -> PropertyRow {
    r.possible_values = values.iter().map(|v| v.to_string()).collect();
    r
}
fn with_markers(mut r: PropertyRow, m: Markers) -> PropertyRow {
    r.markers = m;
    r
}
fn table(context: TableContext, line: u32, rows: Vec<PropertyRow>) -> Table {
    Table { context, heading: String::new(), line, rows }
}

fn resource(path: &str, name: &str, tables: Vec<Table>) -> PageFacts {
    PageFacts {
        path: path.into(),
        version: Some(ApiVersion::Beta),
        kind: Some(PageKind::Resource),
        title: Some(Spanned { value: format!("{name} resource type"), line: 1 }),
        resource_name: Some(Spanned { value: name.into(), line: 1 }),
        tables,
        ..Default::default()
    }
}

fn template(raw: &str) -> RequestPath {
    RequestPath::Template(PathTemplate { raw: raw.into(), pieces: vec![PathPiece::Literal(raw.into())], query: None })
}

fn api(path: &str, title: &str, method: &str, req: RequestPath, resource: &str, tables: Vec<Table>) -> PageFacts {
    PageFacts {
        path: path.into(),
        version: Some(ApiVersion::Beta),
        kind: Some(PageKind::Api),
        title: Some(Spanned { value: title.into(), line: 1 }),
        requests: vec![RequestLine { line: 5, method: method.into(), path: req }],
        request_body_resource: Some(Spanned { value: linked(resource), line: 8 }),
        tables,
        ..Default::default()
    }
}

fn j(line: u32, value: JsonValue) -> Json {
    Json { line, value }
}
fn s(line: u32, v: &str) -> Json {
    j(line, JsonValue::String(v.into()))
}
fn obj(line: u32, members: Vec<(&str, Json)>) -> Json {
    j(line, JsonValue::Object(members.into_iter().map(|(k, v)| (k.to_string(), v)).collect()))
}
fn request_block(line: u32, body: Json) -> CodeBlock {
    CodeBlock {
        block_type: BlockType::Request,
        line,
        annotation: Default::default(),
        request: Some(("PATCH".into(), "https://graph.microsoft.com/beta/x".into())),
        status: None,
        body: Some(JsonBody { line: body.line, value: body }),
    }
}

fn run(pages: &[PageFacts]) -> (Schema, Vec<Diagnostic>) {
    let refs: Vec<&PageFacts> = pages.iter().collect();
    lower(ApiVersion::Beta, &refs)
}

fn codes_at(diags: &[Diagnostic], code: Code) -> Vec<(String, u32)> {
    diags.iter().filter(|d| d.code == code).map(|d| (d.span.file.clone(), d.span.line)).collect()
}

fn ty_of(schema: &Schema, ty: &str, prop: &str) -> Option<TypeRef> {
    let t = schema.type_def(&TypeId::new("microsoft.graph", ty))?;
    schema.all_properties(t).into_iter().find(|p| p.wire_name == prop).map(|p| p.ty.clone())
}

#[test]
fn merge_conflict_resource_page_wins_and_both_spans_are_named() {
    let pages = [
        resource(
            "beta/resources/drive.md",
            "drive",
            vec![table(TableContext::Properties, 10, vec![row(12, "quota", prim(Primitive::Int64))])],
        ),
        api(
            "beta/api/drive-update.md",
            "Update drive",
            "PATCH",
            template("/drives/{id}"),
            "drive",
            vec![table(TableContext::RequestBody, 20, vec![row(22, "quota", prim(Primitive::String))])],
        ),
    ];
    let (schema, diags) = run(&pages);
    assert_eq!(ty_of(&schema, "drive", "quota"), Some(TypeRef::Primitive(Primitive::Int64)));
    let d: Vec<_> = diags.iter().filter(|d| d.code == Code::TypeConflict).collect();
    assert_eq!(d.len(), 1, "{diags:#?}");
    assert_eq!((d[0].span.file.as_str(), d[0].span.line), ("beta/api/drive-update.md", 22));
    assert_eq!((d[0].related[0].0.file.as_str(), d[0].related[0].0.line), ("beta/resources/drive.md", 12));
}

#[test]
fn same_table_twice_with_two_types_is_gd0404() {
    let pages = [resource(
        "beta/resources/item.md",
        "item",
        vec![table(
            TableContext::Properties,
            3,
            vec![row(5, "size", prim(Primitive::Int32)), row(6, "size", prim(Primitive::String))],
        )],
    )];
    let (schema, diags) = run(&pages);
    assert_eq!(codes_at(&diags, Code::PropertyTypeConflict), [("beta/resources/item.md".to_string(), 6)]);
    assert_eq!(ty_of(&schema, "item", "size"), Some(TypeRef::Primitive(Primitive::Int32)));
    let item = schema.type_def(&TypeId::new("microsoft.graph", "item")).expect("item");
    assert_eq!(item.properties.len(), 1);
}

#[test]
fn inheritance_cycle_is_broken_deterministically() {
    let mut a = resource(
        "beta/resources/a.md",
        "a",
        vec![table(TableContext::Properties, 3, vec![row(4, "x", prim(Primitive::String))])],
    );
    a.inherits_from = Some(Spanned { value: linked("b"), line: 2 });
    let mut b = resource(
        "beta/resources/b.md",
        "b",
        vec![table(TableContext::Properties, 3, vec![row(4, "y", prim(Primitive::String))])],
    );
    b.inherits_from = Some(Spanned { value: linked("a"), line: 2 });
    let (schema, diags) = run(&[a.clone(), b.clone()]);
    assert_eq!(codes_at(&diags, Code::InheritanceCycle).len(), 1, "{diags:#?}");
    let base = |n: &str| schema.type_def(&TypeId::new("microsoft.graph", n)).and_then(|t| t.base.clone());
    // The greatest key on the cycle (`b`) loses its base.
    assert_eq!(base("a"), Some(TypeId::new("microsoft.graph", "b")));
    assert_eq!(base("b"), None);
    // Same result whatever the page order.
    let (again, diags2) = run(&[b, a]);
    assert_eq!(serde_json::to_string(&schema.types).ok(), serde_json::to_string(&again.types).ok());
    assert_eq!(diags, diags2);
}

#[test]
fn unresolvable_base_is_gd0406() {
    let mut a = resource(
        "beta/resources/a.md",
        "a",
        vec![table(TableContext::Properties, 3, vec![row(4, "x", prim(Primitive::String))])],
    );
    a.inherits_from = Some(Spanned { value: named("nowhere"), line: 2 });
    let (schema, diags) = run(&[a]);
    assert_eq!(codes_at(&diags, Code::UnknownBaseType), [("beta/resources/a.md".to_string(), 2)]);
    assert_eq!(schema.type_def(&TypeId::new("microsoft.graph", "a")).and_then(|t| t.base.clone()), None);
}

#[test]
fn unknown_bare_type_is_raw_json_and_link_is_opaque() {
    let pages = [resource(
        "beta/resources/group.md",
        "group",
        vec![table(
            TableContext::Properties,
            3,
            vec![row(4, "accessType", named("groupAccessType")), row(5, "configuration", linked("configuration"))],
        )],
    )];
    let (schema, diags) = run(&pages);
    assert_eq!(ty_of(&schema, "group", "accessType"), Some(TypeRef::Unknown("groupAccessType".into())));
    assert_eq!(codes_at(&diags, Code::UnknownType), [("beta/resources/group.md".to_string(), 4)]);
    let conf = TypeId::new("microsoft.graph", "configuration");
    assert_eq!(ty_of(&schema, "group", "configuration"), Some(TypeRef::Complex(conf.clone())));
    assert_eq!(schema.type_def(&conf).map(|t| t.kind), Some(TypeKind::Opaque));
    assert_eq!(codes_at(&diags, Code::UndescribedType), [("beta/resources/group.md".to_string(), 5)]);
}

#[test]
fn prose_enums_named_bare_anonymous_and_string() {
    let pages = [api(
        "beta/api/connector-update.md",
        "Update connector",
        "PATCH",
        template("/connectors/{id}"),
        "connector",
        vec![table(
            TableContext::RequestBody,
            10,
            vec![
                with_values(row(11, "status", named("connectorStatus")), &["active", "inactive"]),
                with_values(row(12, "accessType", TypeExpr::AnonymousEnum), &["none", "private"]),
                with_values(row(13, "kind", prim(Primitive::String)), &["a", "b", "unknownFutureValue"]),
                with_values(row(14, "size", prim(Primitive::Int32)), &["1", "2"]),
            ],
        )],
    )];
    let (schema, diags) = run(&pages);
    let id = |n: &str| TypeId::new("microsoft.graph", n);
    let cases = [
        ("status", "connectorStatus", vec!["active", "inactive"], false),
        ("accessType", "connectorAccessType", vec!["none", "private"], false),
        ("kind", "connectorKind", vec!["a", "b", "unknownFutureValue"], true),
    ];
    for (prop, enum_name, members, evolvable) in cases {
        assert_eq!(ty_of(&schema, "connector", prop), Some(TypeRef::Enum(id(enum_name))), "{prop}");
        let e = schema.enum_def(&id(enum_name)).expect(enum_name);
        assert!(e.from_prose);
        assert_eq!(e.evolvable, evolvable, "{enum_name}");
        assert_eq!(e.members.iter().map(|m| m.wire_name.as_str()).collect::<Vec<_>>(), members);
        let op = schema.operations.first().expect("operation");
        assert_eq!(
            op.body.iter().find(|f| f.wire_name == prop).map(|f| f.ty.clone()),
            Some(TypeRef::Enum(id(enum_name)))
        );
    }
    assert_eq!(
        ty_of(&schema, "connector", "size"),
        Some(TypeRef::Primitive(Primitive::Int32)),
        "numbers are not enums"
    );
    assert_eq!(codes_at(&diags, Code::EnumFromProse).len(), 3);
}

#[test]
fn examples_add_properties_fix_collections_and_check_enum_values() {
    let mut page = api(
        "beta/api/group-update.md",
        "Update group",
        "PATCH",
        template("/groups/{id}"),
        "group",
        vec![table(
            TableContext::RequestBody,
            10,
            vec![
                row(11, "groupTypes", prim(Primitive::String)),
                with_values(row(12, "accessType", TypeExpr::AnonymousEnum), &["none", "private"]),
                row(13, "label", linked("assignedLabel")),
                row(14, "title", prim(Primitive::String)),
            ],
        )],
    );
    page.blocks.push(request_block(
        30,
        obj(
            31,
            vec![
                ("@odata.type", s(32, "#microsoft.graph.group")),
                ("groupTypes", j(33, JsonValue::Array(vec![s(34, "Unified")]))),
                ("accessType", s(36, "String")),
                ("title", s(37, "String")),
                ("unseenCount", j(38, JsonValue::Number("11".into()))),
                (
                    "label",
                    obj(39, vec![("@odata.type", s(40, "microsoft.graph.assignedLabel")), ("labelId", s(41, "x"))]),
                ),
            ],
        ),
    ));
    let (schema, diags) = run(&[page]);
    let file = "beta/api/group-update.md".to_string();
    // GD0305: the example's array wins, table and example lines named.
    let conflict: Vec<_> = diags.iter().filter(|d| d.code == Code::TableExampleConflict).collect();
    assert_eq!(conflict.len(), 1);
    assert_eq!(conflict[0].span.line, 33);
    assert_eq!(conflict[0].related[0].0.line, 11);
    let string_coll = TypeRef::Collection(Box::new(TypeRef::Primitive(Primitive::String)));
    assert_eq!(ty_of(&schema, "group", "groupTypes"), Some(string_coll.clone()));
    let op = schema.operations.first().expect("operation");
    assert_eq!(op.body.iter().find(|f| f.wire_name == "groupTypes").map(|f| f.ty.clone()), Some(string_coll));
    // GD0303 for the enum placeholder, not for the string placeholder.
    assert_eq!(codes_at(&diags, Code::ExampleValueMismatch), [(file.clone(), 36)]);
    // GD0304: example-only properties, typed by shape, nested types made from `@odata.type`.
    assert_eq!(ty_of(&schema, "group", "unseenCount"), Some(TypeRef::Primitive(Primitive::Int32)));
    assert_eq!(ty_of(&schema, "assignedLabel", "labelId"), Some(TypeRef::Primitive(Primitive::String)));
    assert_eq!(codes_at(&diags, Code::ExampleOnlyProperty), [(file.clone(), 38), (file, 41)]);
    assert_eq!(codes_at(&diags, Code::UndescribedType), Vec::<(String, u32)>::new());
}

#[test]
fn patch_without_body_table_uses_resource_properties() {
    let res = resource(
        "beta/resources/team.md",
        "team",
        vec![
            table(
                TableContext::Properties,
                3,
                vec![
                    row(4, "displayName", prim(Primitive::String)),
                    with_markers(
                        row(5, "webUrl", prim(Primitive::String)),
                        Markers { read_only: true, ..Default::default() },
                    ),
                    with_markers(
                        row(6, "name", prim(Primitive::String)),
                        Markers { not_nullable: true, ..Default::default() },
                    ),
                ],
            ),
            table(TableContext::Relationships, 8, vec![row(9, "channels", coll(linked("channel")))]),
        ],
    );
    let mut page = api("beta/api/team-update.md", "Update team", "PATCH", template("/teams/{id}"), "team", vec![]);
    page.permissions.push(Permission {
        line: 3,
        kind: "Application".into(),
        scopes: vec!["Team.ReadWrite.All".into()],
    });
    let (schema, diags) = run(&[res, page]);
    let op = schema.operations.first().expect("operation");
    assert!(op.body_from_resource);
    let fields: Vec<_> = op.body.iter().map(|f| (f.wire_name.as_str(), f.clearable)).collect();
    assert_eq!(fields, [("displayName", true), ("name", false)]);
    assert_eq!(codes_at(&diags, Code::NoRequestBodyTable), [("beta/api/team-update.md".to_string(), 5)]);
    assert_eq!(op.permissions.len(), 1);
    assert_eq!(op.permissions[0].scopes, ["Team.ReadWrite.All"]);
}

#[test]
fn body_rows_cannot_be_cleared_read_only_reported_and_inherited_rows_go_to_base() {
    let page = api(
        "beta/api/group-update.md",
        "Update group",
        "PATCH",
        template("/groups/{id}"),
        "group",
        vec![table(
            TableContext::RequestBody,
            10,
            vec![
                with_markers(
                    row(11, "id", prim(Primitive::String)),
                    Markers { inherited_from: Some("entity".into()), ..Default::default() },
                ),
                with_markers(
                    row(12, "deletedDateTime", prim(Primitive::DateTimeOffset)),
                    Markers { inherited_from: Some("directoryObject".into()), ..Default::default() },
                ),
                with_markers(
                    row(13, "displayName", prim(Primitive::String)),
                    Markers { cannot_be_cleared: true, ..Default::default() },
                ),
                with_markers(
                    row(14, "createdDateTime", prim(Primitive::DateTimeOffset)),
                    Markers { read_only: true, ..Default::default() },
                ),
            ],
        )],
    );
    let (schema, diags) = run(&[page]);
    let id = |n: &str| TypeId::new("microsoft.graph", n);
    let def = |n: &str| schema.type_def(&id(n)).expect(n);
    assert_eq!(def("group").base, Some(id("directoryObject")));
    assert_eq!(def("directoryObject").base, Some(id("entity")));
    assert!(def("entity").properties.iter().any(|p| p.wire_name == "id"));
    assert!(!def("group").properties.iter().any(|p| p.wire_name == "id"), "inherited rows belong to the base");
    assert_eq!(def("group").kind, TypeKind::Entity);
    let op = schema.operations.first().expect("operation");
    assert_eq!(op.body.len(), 3, "every body row but the read-only one stays in the builder");
    assert!(!op.body.iter().any(|f| f.wire_name == "createdDateTime"), "read-only: no PATCH setter");
    assert_eq!(op.body.iter().find(|f| f.wire_name == "displayName").map(|f| f.clearable), Some(false));
    assert_eq!(codes_at(&diags, Code::ReadOnlyInPatch), [("beta/api/group-update.md".to_string(), 14)]);
}

#[test]
fn broken_path_keeps_operation_without_paths() {
    let page = api(
        "beta/api/externalconnection-update.md",
        "Update connections",
        "PATCH",
        RequestPath::Broken("** Collection URI for microsoft.graph.externalConnection not found".into()),
        "externalConnection",
        vec![table(TableContext::RequestBody, 10, vec![row(11, "name", prim(Primitive::String))])],
    );
    let (schema, diags) = run(&[page]);
    let op = schema.operations.first().expect("operation kept");
    assert_eq!(op.method, Method::Patch);
    assert!(op.paths.is_empty());
    assert_eq!(op.body.len(), 1);
    assert_eq!(op.resource, Some(TypeId::new("microsoft.graph", "externalConnection")));
    assert_eq!(codes_at(&diags, Code::NoRequestPaths), [("beta/api/externalconnection-update.md".to_string(), 5)]);
}

#[test]
fn enum_pages_and_links_to_them() {
    let mut e = PageFacts {
        path: "beta/resources/connectorstatus.md".into(),
        version: Some(ApiVersion::Beta),
        kind: Some(PageKind::Enum),
        enums: vec![EnumFacts {
            name: "connectorStatus".into(),
            line: 3,
            description: String::new(),
            members: vec![
                EnumMemberFacts { name: "active".into(), value: Some(0), description: String::new(), line: 6 },
                EnumMemberFacts {
                    name: "unknownFutureValue".into(),
                    value: Some(1),
                    description: String::new(),
                    line: 7,
                },
            ],
            flags: false,
        }],
        ..Default::default()
    };
    e.title = Some(Spanned { value: "connectorStatus enum type".into(), line: 1 });
    let res = resource(
        "beta/resources/connector.md",
        "connector",
        vec![table(
            TableContext::Properties,
            3,
            vec![with_values(row(4, "status", linked("connectorStatus")), &["active", "inactive"])],
        )],
    );
    let (schema, diags) = run(&[res, e]);
    let id = TypeId::new("microsoft.graph", "connectorStatus");
    assert_eq!(ty_of(&schema, "connector", "status"), Some(TypeRef::Enum(id.clone())));
    let def = schema.enum_def(&id).expect("enum");
    assert!(def.evolvable && !def.from_prose);
    assert_eq!(
        def.members.iter().map(|m| m.wire_name.as_str()).collect::<Vec<_>>(),
        ["active", "unknownFutureValue", "inactive"]
    );
    assert_eq!(codes_at(&diags, Code::EnumMembersConflict), [("beta/resources/connector.md".to_string(), 4)]);
}

#[test]
fn output_does_not_depend_on_page_order() {
    let mut pages = vec![
        resource(
            "beta/resources/a.md",
            "a",
            vec![table(TableContext::Properties, 3, vec![row(4, "x", prim(Primitive::Int32))])],
        ),
        api(
            "beta/api/a-update.md",
            "Update a",
            "PATCH",
            template("/a/{id}"),
            "a",
            vec![table(
                TableContext::RequestBody,
                5,
                vec![row(6, "x", prim(Primitive::String)), row(7, "y", named("zz"))],
            )],
        ),
        resource(
            "beta/resources/b.md",
            "b",
            vec![table(TableContext::Properties, 3, vec![row(4, "x", prim(Primitive::String))])],
        ),
    ];
    let (s1, d1) = run(&pages);
    pages.reverse();
    let (s2, d2) = run(&pages);
    assert_eq!(serde_json::to_string(&s1).ok(), serde_json::to_string(&s2).ok());
    assert_eq!(d1, d2);
    assert!(!d1.is_empty());
}

#[test]
fn examples_leave_open_types_alone_and_skip_placeholder_keys() {
    let mut open = resource(
        "beta/resources/fieldvalueset.md",
        "fieldValueSet",
        vec![table(TableContext::Properties, 3, vec![row(4, "id", prim(Primitive::String))])],
    );
    open.blocks.push(CodeBlock {
        block_type: BlockType::Resource,
        line: 9,
        annotation: [("openType".to_string(), serde_json::Value::Bool(true))].into_iter().collect(),
        request: None,
        status: None,
        body: None,
    });
    let mut closed = resource(
        "beta/resources/item.md",
        "item",
        vec![table(TableContext::Properties, 3, vec![row(4, "id", prim(Primitive::String))])],
    );
    let body = obj(11, vec![("String-value", s(12, "x")), ("size", j(13, JsonValue::Number("3".into())))]);
    closed.blocks.push(CodeBlock {
        block_type: BlockType::Resource,
        line: 10,
        annotation: Default::default(),
        request: None,
        status: None,
        body: Some(JsonBody { line: 11, value: body }),
    });
    let open_body = obj(21, vec![("@odata.type", s(22, "microsoft.graph.fieldValueSet")), ("Title", s(23, "x"))]);
    closed.blocks.push(CodeBlock {
        block_type: BlockType::Example,
        line: 20,
        annotation: Default::default(),
        request: None,
        status: None,
        body: Some(JsonBody { line: 21, value: open_body }),
    });
    let (schema, diags) = run(&[open, closed]);
    let item = schema.type_def(&TypeId::new("microsoft.graph", "item")).expect("item");
    let names: Vec<_> = item.properties.iter().map(|p| p.wire_name.as_str()).collect();
    assert_eq!(names, ["id", "size"], "placeholder keys are reported, not added");
    assert_eq!(
        codes_at(&diags, Code::ExampleOnlyProperty),
        [("beta/resources/item.md".to_string(), 12), ("beta/resources/item.md".to_string(), 13)]
    );
    let fvs = schema.type_def(&TypeId::new("microsoft.graph", "fieldValueSet")).expect("fieldValueSet");
    assert!(fvs.open_type);
    assert_eq!(fvs.properties.len(), 1, "an open type's extra members are data");
}

#[test]
fn an_id_with_a_values_phrase_stays_a_string() {
    let pages = [resource(
        "beta/resources/conn.md",
        "conn",
        vec![table(
            TableContext::Properties,
            3,
            vec![with_values(row(4, "id", prim(Primitive::String)), &["None", "Directory"])],
        )],
    )];
    let (schema, _) = run(&pages);
    assert_eq!(ty_of(&schema, "conn", "id"), Some(TypeRef::Primitive(Primitive::String)));
    assert!(schema.enums.is_empty());
}

#[test]
fn a_values_only_row_agrees_with_the_named_enum_holding_them() {
    let mut facet = resource(
        "beta/resources/itemfacet.md",
        "itemFacet",
        vec![table(TableContext::Properties, 3, vec![row(4, "allowedAudiences", linked("allowedAudiences"))])],
    );
    facet.enums.push(EnumFacts {
        name: "allowedAudiences".into(),
        line: 20,
        description: String::new(),
        members: ["me", "family", "everyone"]
            .iter()
            .map(|m| EnumMemberFacts { name: m.to_string(), value: None, description: String::new(), line: 21 })
            .collect(),
        flags: false,
    });
    let inherited = Markers { inherited_from: Some("itemFacet".into()), ..Default::default() };
    let agrees = with_markers(
        with_values(row(5, "allowedAudiences", prim(Primitive::String)), &["me", "family"]),
        inherited.clone(),
    );
    let differs =
        with_markers(with_values(row(5, "allowedAudiences", prim(Primitive::String)), &["me", "nobody"]), inherited);
    let a = resource(
        "beta/resources/itemaddress.md",
        "itemAddress",
        vec![table(TableContext::Properties, 3, vec![agrees])],
    );
    let b =
        resource("beta/resources/itemphone.md", "itemPhone", vec![table(TableContext::Properties, 3, vec![differs])]);
    let (schema, diags) = run(&[facet, a, b]);
    let allowed = TypeRef::Enum(TypeId::new("microsoft.graph", "allowedAudiences"));
    assert_eq!(ty_of(&schema, "itemFacet", "allowedAudiences"), Some(allowed));
    assert_eq!(codes_at(&diags, Code::TypeConflict), [("beta/resources/itemphone.md".to_string(), 5)]);
    assert!(
        schema.enums.len() == 1,
        "the unused prose enums are dropped: {:?}",
        schema.enums.keys().collect::<Vec<_>>()
    );
}

#[test]
fn deeply_nested_example_does_not_overflow() {
    let mut value = s(100, "x");
    for i in 0..5000u32 {
        value = j(
            99,
            if i % 2 == 0 { JsonValue::Array(vec![value]) } else { JsonValue::Object(vec![("a".into(), value)]) },
        );
    }
    let mut page = api("beta/api/deep-update.md", "Update deep", "PATCH", template("/deep/{id}"), "deep", vec![]);
    page.blocks.push(request_block(30, obj(31, vec![("deep", value)])));
    let (schema, _) = run(&[page]);
    assert!(schema.type_def(&TypeId::new("microsoft.graph", "deep")).is_some());
}
