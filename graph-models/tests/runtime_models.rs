//! Models written by hand exactly as the emitter generates them (DESIGN.md "The generated
//! crate"), decoded and encoded through the runtime: round trips, unknown properties, nulls,
//! `@odata.type`, open enums, flags, polymorphism, decode options and bad input.

use serde_json::{json, Value};

// Generated code spells `crate::runtime::…`; in graph-models that is the runtime itself.
mod runtime {
    pub use graph_models::runtime::*;
}

// ---- generated-shape code (as the emitter writes it) ----------------------------------------

/// Represents an Azure AD group.
///
/// Source: `beta/resources/group.md`
#[derive(Default)]
pub struct Group {
    pub id: ::std::option::Option<::std::string::String>,
    pub display_name: ::std::option::Option<::std::string::String>,
    pub assigned_labels: ::std::option::Option<::std::vec::Vec<AssignedLabel>>,
    pub visibility: ::std::option::Option<GroupVisibility>,
    pub created_date_time: ::std::option::Option<crate::runtime::DateTimeOffset>,
    pub member_count: ::std::option::Option<i32>,
    pub quota: ::std::option::Option<i64>,
    pub score: ::std::option::Option<crate::runtime::Double>,
    pub parent: ::std::option::Option<::std::boxed::Box<Group>>,
    pub extras: ::std::option::Option<::serde_json::Value>,
    pub flags: ::std::option::Option<crate::runtime::Flags<GroupVisibility>>,
    /// `@odata.type` as received, written back when set.
    pub odata_type: ::std::option::Option<::std::string::String>,
    /// Properties the docs do not describe, kept so that re-serializing loses nothing.
    pub additional_properties: crate::runtime::Extra,
}
impl crate::runtime::Model for Group {
    const ODATA_TYPE: &'static str = "microsoft.graph.group";
    const FIELDS: &'static [&'static str] = &[
        "id",
        "displayName",
        "assignedLabels",
        "visibility",
        "createdDateTime",
        "memberCount",
        "quota",
        "score",
        "parent",
        "extras",
        "flags",
    ];
    fn slot(&self, index: usize) -> ::std::option::Option<&dyn crate::runtime::Slot> {
        ::std::option::Option::Some(match index {
            0 => &self.id,
            1 => &self.display_name,
            2 => &self.assigned_labels,
            3 => &self.visibility,
            4 => &self.created_date_time,
            5 => &self.member_count,
            6 => &self.quota,
            7 => &self.score,
            8 => &self.parent,
            9 => &self.extras,
            10 => &self.flags,
            _ => return ::std::option::Option::None,
        })
    }
    fn slot_mut(&mut self, index: usize) -> ::std::option::Option<&mut dyn crate::runtime::Slot> {
        ::std::option::Option::Some(match index {
            0 => &mut self.id,
            1 => &mut self.display_name,
            2 => &mut self.assigned_labels,
            3 => &mut self.visibility,
            4 => &mut self.created_date_time,
            5 => &mut self.member_count,
            6 => &mut self.quota,
            7 => &mut self.score,
            8 => &mut self.parent,
            9 => &mut self.extras,
            10 => &mut self.flags,
            _ => return ::std::option::Option::None,
        })
    }
    crate::runtime::model_accessors!();
}
crate::runtime::impl_model_traits!(Group);

#[derive(Default)]
pub struct AssignedLabel {
    pub label_id: ::std::option::Option<::std::string::String>,
    pub display_name: ::std::option::Option<::std::string::String>,
    pub odata_type: ::std::option::Option<::std::string::String>,
    pub additional_properties: crate::runtime::Extra,
}
impl crate::runtime::Model for AssignedLabel {
    const ODATA_TYPE: &'static str = "microsoft.graph.assignedLabel";
    // The field table generated code writes (`Group` above spells the same impl out by hand).
    crate::runtime::model_fields! {
        0 label_id = "labelId",
        1 display_name = "displayName",
    }
}
crate::runtime::impl_model_traits!(AssignedLabel);

/// A type whose docs list no properties (`model_fields! {}`): everything lands in the extras.
#[derive(Default)]
pub struct AccessAction {
    pub odata_type: ::std::option::Option<::std::string::String>,
    pub additional_properties: crate::runtime::Extra,
}
impl crate::runtime::Model for AccessAction {
    const ODATA_TYPE: &'static str = "microsoft.graph.accessAction";
    crate::runtime::model_fields! {}
}
crate::runtime::impl_model_traits!(AccessAction);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum GroupVisibility {
    Public,
    Private,
    HiddenMembership,
    UnknownFutureValue,
    /// A value this crate does not know (a newer member); kept verbatim and sent back as is.
    Other(::std::string::String),
}
impl crate::runtime::GraphEnum for GroupVisibility {
    const MEMBERS: &'static [&'static str] = &["public", "private", "hiddenMembership", "unknownFutureValue"];
    fn from_wire(s: &str) -> Self {
        match s {
            "public" => Self::Public,
            "private" => Self::Private,
            "hiddenMembership" => Self::HiddenMembership,
            "unknownFutureValue" => Self::UnknownFutureValue,
            _ => Self::Other(s.into()),
        }
    }
    fn as_wire(&self) -> &str {
        match self {
            Self::Public => "public",
            Self::Private => "private",
            Self::HiddenMembership => "hiddenMembership",
            Self::UnknownFutureValue => "unknownFutureValue",
            Self::Other(s) => s,
        }
    }
}
crate::runtime::impl_serde_for_enum!(GroupVisibility);

/// A derived type of `Group` for the polymorphism test.
#[derive(Default)]
pub struct Team {
    pub id: ::std::option::Option<::std::string::String>,
    pub display_name: ::std::option::Option<::std::string::String>,
    pub is_archived: ::std::option::Option<bool>,
    pub odata_type: ::std::option::Option<::std::string::String>,
    pub additional_properties: crate::runtime::Extra,
}
impl crate::runtime::Model for Team {
    const ODATA_TYPE: &'static str = "microsoft.graph.team";
    const FIELDS: &'static [&'static str] = &["id", "displayName", "isArchived"];
    fn slot(&self, index: usize) -> ::std::option::Option<&dyn crate::runtime::Slot> {
        ::std::option::Option::Some(match index {
            0 => &self.id,
            1 => &self.display_name,
            2 => &self.is_archived,
            _ => return ::std::option::Option::None,
        })
    }
    fn slot_mut(&mut self, index: usize) -> ::std::option::Option<&mut dyn crate::runtime::Slot> {
        ::std::option::Option::Some(match index {
            0 => &mut self.id,
            1 => &mut self.display_name,
            2 => &mut self.is_archived,
            _ => return ::std::option::Option::None,
        })
    }
    crate::runtime::model_accessors!();
}
crate::runtime::impl_model_traits!(Team);

#[derive(Clone, Debug, PartialEq)]
pub enum GroupKind {
    Team(Team),
    /// The base type, or a derived type this crate does not know.
    Other(Group),
}
impl crate::runtime::Polymorphic for GroupKind {
    const BASE_TYPE: &'static str = "microsoft.graph.group";
    fn for_odata_type(odata_type: &str) -> ::std::option::Option<Self> {
        match odata_type {
            "microsoft.graph.team" => ::std::option::Option::Some(Self::Team(::std::default::Default::default())),
            _ => ::std::option::Option::None,
        }
    }
    fn base() -> Self {
        Self::Other(::std::default::Default::default())
    }
    fn is_base(&self) -> bool {
        matches!(self, Self::Other(_))
    }
    fn as_model(&self) -> &dyn crate::runtime::DynModel {
        match self {
            Self::Team(v) => v,
            Self::Other(v) => v,
        }
    }
    fn as_model_mut(&mut self) -> &mut dyn crate::runtime::DynModel {
        match self {
            Self::Team(v) => v,
            Self::Other(v) => v,
        }
    }
}
crate::runtime::impl_serde_for_polymorphic!(GroupKind);

// ---- tests ------------------------------------------------------------------------------------

use graph_models::runtime::{decode, DecodeOptions, Flags, GraphEnum};

/// Decodes `text`, encodes the result and compares the two JSON values (same keys, same values).
fn assert_round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(text: &str) -> T {
    let value: T = serde_json::from_str(text).expect("decodes");
    let back = serde_json::to_value(&value).expect("encodes");
    let original: Value = serde_json::from_str(text).expect("valid JSON");
    assert_eq!(back, original, "round trip of {text}");
    value
}

const REALISTIC_GROUP: &str = r##"{
  "@odata.type": "#microsoft.graph.group",
  "id": "02bd9fd6-8f93-4758-87c3-1fb73740a315",
  "displayName": "HR Taskforce",
  "assignedLabels": [
    {"labelId": "9d7d2a6c", "displayName": "Confidential", "@odata.etag": "W/\"1\""},
    {"labelId": "11", "displayName": null}
  ],
  "visibility": "hiddenMembership",
  "createdDateTime": "2021-03-04T05:06:07.1234567Z",
  "memberCount": 42,
  "quota": 9007199254740993,
  "score": "NaN",
  "parent": {"id": "p1", "displayName": "Parent", "parent": null, "visibility": "someNewValue"},
  "extras": {"any": [1, "two", {"three": 3}]},
  "flags": "public,someFlag",
  "mail": null,
  "resourceProvisioningOptions": ["Team"],
  "onPremisesExtensionAttributes": {"extensionAttribute1": "x"}
}"##;

#[test]
fn field_tables_of_the_macro_map_indices_to_fields() {
    use graph_models::runtime::Model;
    assert_eq!(AssignedLabel::FIELDS, ["labelId", "displayName"]);
    let label: AssignedLabel = assert_round_trip(r#"{"labelId":"l1","displayName":"Secret","other":[1]}"#);
    assert_eq!(label.label_id.as_deref(), Some("l1"));
    assert_eq!(label.display_name.as_deref(), Some("Secret"));
    assert!(label.slot(1).is_some() && label.slot(2).is_none());
    let empty: AccessAction = assert_round_trip(r##"{"@odata.type":"#microsoft.graph.accessAction","a":1}"##);
    assert!(AccessAction::FIELDS.is_empty() && empty.slot(0).is_none());
    assert_eq!(empty.odata_type.as_deref(), Some("#microsoft.graph.accessAction"));
    assert_eq!(empty.additional_properties.len(), 1);
}

#[test]
fn realistic_object_round_trips_exactly() {
    let group: Group = assert_round_trip(REALISTIC_GROUP);
    assert_eq!(group.odata_type.as_deref(), Some("#microsoft.graph.group"));
    assert_eq!(group.display_name.as_deref(), Some("HR Taskforce"));
    assert_eq!(group.visibility, Some(GroupVisibility::HiddenMembership));
    assert_eq!(group.member_count, Some(42));
    assert_eq!(group.quota, Some(9_007_199_254_740_993));
    assert!(group.score.is_some_and(|s| s.get().is_nan()));
    let labels = group.assigned_labels.as_deref().unwrap_or_default();
    assert_eq!(labels.len(), 2);
    assert_eq!(labels[0].additional_properties.get("@odata.etag"), Some(&json!("W/\"1\"")));
    assert_eq!(labels[1].display_name, None);
    assert!(labels[1].additional_properties.was_null("displayName"));
    let parent = group.parent.as_deref().expect("nested parent");
    assert_eq!(parent.visibility, Some(GroupVisibility::Other("someNewValue".into())));
    assert!(parent.additional_properties.was_null("parent"));
    assert_eq!(group.additional_properties.len(), 3, "mail, resourceProvisioningOptions, onPremises…");
    assert_eq!(group.additional_properties.get("mail"), Some(&Value::Null));
    assert_eq!(
        group.flags.as_ref().map(|f| f.as_slice().to_vec()),
        Some(vec![GroupVisibility::Public, GroupVisibility::Other("someFlag".into())])
    );
}

#[test]
fn serialization_order_is_odata_type_fields_then_unknown() {
    let text = r##"{"zeta":1,"displayName":"d","@odata.type":"#microsoft.graph.group","id":"i","alpha":2}"##;
    let group: Group = serde_json::from_str(text).expect("decodes");
    let out = serde_json::to_string(&group).expect("encodes");
    assert_eq!(out, r##"{"@odata.type":"#microsoft.graph.group","id":"i","displayName":"d","zeta":1,"alpha":2}"##);
}

#[test]
fn nulls_decode_to_none_and_encode_back_only_where_received() {
    let group: Group = serde_json::from_str(r#"{"displayName":null,"@odata.type":null}"#).expect("decodes");
    assert_eq!(group.display_name, None);
    assert_eq!(group.odata_type, None);
    assert_eq!(serde_json::to_string(&group).ok().as_deref(), Some(r#"{"@odata.type":null,"displayName":null}"#));
    // A value set after decoding wins over the remembered null.
    let mut changed = group.clone();
    changed.display_name = Some("x".into());
    assert_eq!(serde_json::to_value(&changed).ok(), Some(json!({"@odata.type": null, "displayName": "x"})));
    // A model built in code writes no nulls at all.
    let fresh = Group { id: Some("1".into()), ..Group::default() };
    assert_eq!(serde_json::to_string(&fresh).ok().as_deref(), Some(r#"{"id":"1"}"#));
    // Duplicate keys: the last one wins, also for null-ness.
    let dup: Group = serde_json::from_str(r#"{"id":null,"id":"2"}"#).expect("decodes");
    assert_eq!(serde_json::to_string(&dup).ok().as_deref(), Some(r#"{"id":"2"}"#));
}

#[test]
fn unknown_enum_values_are_kept_and_written_back() {
    let cases = [
        ("\"public\"", GroupVisibility::Public, true),
        ("\"unknownFutureValue\"", GroupVisibility::UnknownFutureValue, true),
        ("\"brandNew\"", GroupVisibility::Other("brandNew".into()), false),
        ("\"\"", GroupVisibility::Other(String::new()), false),
        ("\"Public\"", GroupVisibility::Other("Public".into()), false),
    ];
    for (text, expected, known) in cases {
        let value: GroupVisibility = serde_json::from_str(text).expect("never fails on a string");
        assert_eq!(value, expected, "{text}");
        assert_eq!(value.is_known(), known, "{text}");
        assert_eq!(serde_json::to_string(&value).ok().as_deref(), Some(text));
    }
    assert_eq!(GroupVisibility::HiddenMembership.to_string(), "hiddenMembership");
    assert!(serde_json::from_str::<GroupVisibility>("3").is_err(), "a number is not an enum value");
}

#[test]
fn flags_parse_and_write_back() {
    let cases: [(&str, &[GroupVisibility]); 5] = [
        ("", &[]),
        ("public", &[GroupVisibility::Public]),
        ("public,private", &[GroupVisibility::Public, GroupVisibility::Private]),
        ("private, public", &[GroupVisibility::Private, GroupVisibility::Public]),
        ("public,newOne", &[GroupVisibility::Public, GroupVisibility::Other("newOne".to_owned())]),
    ];
    for (text, members) in cases {
        let flags: Flags<GroupVisibility> = Flags::parse(text);
        assert_eq!(flags.to_string(), text, "text round trip");
        assert_eq!(flags.as_slice(), members, "{text}");
        let json = serde_json::to_string(text).unwrap_or_default();
        let decoded: Flags<GroupVisibility> = serde_json::from_str(&json).expect("decodes");
        assert_eq!(decoded, flags);
        assert_eq!(serde_json::to_string(&decoded).ok(), Some(json));
    }
    let unknown: Flags<GroupVisibility> = Flags::parse("public,newOne");
    assert!(unknown.contains(&GroupVisibility::Other("newOne".into())));
    let mut built = Flags::new();
    built.insert(GroupVisibility::Private);
    built.insert(GroupVisibility::Public);
    built.insert(GroupVisibility::Private);
    assert_eq!(built.to_string(), "private,public");
    built.remove(&GroupVisibility::Private);
    assert_eq!(built.to_string(), "public");
}

#[test]
fn polymorphic_values_pick_their_variant_from_odata_type() {
    // `@odata.type` first: streaming path.
    let team: GroupKind =
        assert_round_trip(r##"{"@odata.type":"#microsoft.graph.team","id":"t","isArchived":true,"x":1}"##);
    match &team {
        GroupKind::Team(t) => {
            assert_eq!(t.is_archived, Some(true));
            assert_eq!(t.additional_properties.get("x"), Some(&json!(1)));
        }
        GroupKind::Other(g) => panic!("expected a team, got {g:?}"),
    }
    // `@odata.type` later: buffered path, same result.
    let later: GroupKind =
        assert_round_trip(r##"{"id":"t","isArchived":true,"x":1,"@odata.type":"#microsoft.graph.team"}"##);
    assert_eq!(later, team);
    // Unknown derived type and no type: the base variant keeps everything.
    let unknown: GroupKind =
        assert_round_trip(r##"{"@odata.type":"#microsoft.graph.future","id":"f","isArchived":false}"##);
    assert!(
        matches!(&unknown, GroupKind::Other(g) if g.additional_properties.get("isArchived") == Some(&json!(false)))
    );
    let plain: GroupKind = assert_round_trip(r#"{"id":"g","displayName":"G"}"#);
    assert!(matches!(plain, GroupKind::Other(_)));
    let empty: GroupKind = assert_round_trip("{}");
    assert!(matches!(empty, GroupKind::Other(_)));
    // A derived variant built in code tells the service its type.
    let built = GroupKind::Team(Team { id: Some("n".into()), ..Team::default() });
    assert_eq!(
        serde_json::to_string(&built).ok().as_deref(),
        Some(r##"{"@odata.type":"#microsoft.graph.team","id":"n"}"##)
    );
    // In a collection.
    let list: Vec<GroupKind> = assert_round_trip(r##"[{"@odata.type":"#microsoft.graph.team"},{"id":"g"}]"##);
    assert!(matches!(list.as_slice(), [GroupKind::Team(_), GroupKind::Other(_)]));
}

#[test]
fn decode_options_can_discard_unknown_properties() {
    let kept: Group = decode(REALISTIC_GROUP, DecodeOptions::default()).expect("decodes");
    assert_eq!(kept.additional_properties.len(), 3);
    let dropped: Group = decode(REALISTIC_GROUP, DecodeOptions::discard_unknown()).expect("decodes");
    assert_eq!(dropped.additional_properties.len(), 0);
    let labels = dropped.assigned_labels.as_deref().unwrap_or_default();
    assert_eq!(labels.first().map(|l| l.additional_properties.len()), Some(0), "nested too");
    assert_eq!(dropped.display_name, kept.display_name);
    // The option does not leak past the call.
    let after: Group = serde_json::from_str(REALISTIC_GROUP).expect("decodes");
    assert_eq!(after, kept);
}

#[test]
fn bad_input_is_an_error_with_a_position_not_a_panic() {
    let cases = [
        (r#"{"memberCount": "many"}"#, "invalid type"),
        (r#"{"createdDateTime": "yesterday"}"#, "invalid DateTimeOffset"),
        (r#"{"assignedLabels": {"labelId": 1}}"#, "invalid type"),
        (r#"{"parent": [1]}"#, "JSON object (microsoft.graph.group)"),
        (r#"{"memberCount": 99999999999}"#, "invalid value"),
        (r#""just a string""#, "JSON object (microsoft.graph.group)"),
        (r#"{"id": "x""#, "EOF"),
        (r#"{"score": "Infinity"}"#, "invalid Double"),
        // The same errors deeper down keep their message and get one position.
        (r#"{"parent": {"parent": {"createdDateTime": "x"}}}"#, "invalid DateTimeOffset"),
        (r#"{"parent": {"memberCount": 2147483648}}"#, "expected i32"),
        (r#"{"assignedLabels": [{"labelId": 5}]}"#, "invalid type: integer `5`, expected a string"),
        (r#"{"assignedLabels": [null]}"#, "null, expected a collection element"),
        (r#"{"assignedLabels": [{}, 3]}"#, "JSON object (microsoft.graph.assignedLabel)"),
        (r#"{"parent": {"visibility": 1}}"#, "expected an enum member string"),
        (r#"{"flags": ["public"]}"#, "expected a comma-separated flags string"),
        (r#"{"parent": {"extras": [1, }}"#, "expected value"),
    ];
    for (text, needle) in cases {
        let error = serde_json::from_str::<Group>(text).expect_err(text).to_string();
        assert!(error.contains(needle), "{text}: {error}");
        assert_eq!(error.matches(" at line ").count(), 1, "{text}: one position in {error}");
    }
}

#[test]
fn models_work_with_other_deserializers_than_json_text() {
    // serde_json::Value is a different Deserializer type: the visitor is generic over it.
    let value: Value = serde_json::from_str(REALISTIC_GROUP).expect("valid");
    let group: Group = serde_json::from_value(value.clone()).expect("decodes from Value");
    assert_eq!(serde_json::to_value(&group).ok(), Some(value));
    let from_slice: Group = serde_json::from_slice(REALISTIC_GROUP.as_bytes()).expect("decodes from bytes");
    assert_eq!(from_slice, group);
}

#[test]
fn unknown_properties_read_edit_and_merge_like_values() {
    // A repeated unknown key keeps its first position and its last value; escapes, numbers and
    // nesting come back as the `Value`s decoding them directly gives.
    let text = r#"{"b":1,"id":"g","a":{"x":[1.5,-2,"\u00e9\"\n"],"y":null},"b":true,"c":1e300}"#;
    let group: Group = serde_json::from_str(text).expect("decodes");
    let extra = &group.additional_properties;
    assert_eq!(extra.iter().map(|(k, _)| k).collect::<Vec<_>>(), ["b", "a", "c"]);
    assert_eq!(extra.len(), 3);
    assert_eq!(extra.get("b"), Some(&json!(true)));
    let direct: Value = serde_json::from_str(text).expect("valid");
    assert_eq!(extra.get("a"), direct.get("a"));
    assert_eq!(extra.get("c"), direct.get("c"));
    assert_eq!(serde_json::to_value(&group).ok().as_ref(), Some(&direct));

    // Changing them after decoding.
    let mut edited = group.clone();
    assert_eq!(edited.additional_properties.insert("b", json!(2)), Some(json!(true)));
    assert_eq!(edited.additional_properties.remove("a"), direct.get("a").cloned());
    assert_eq!(serde_json::to_string(&edited).ok().as_deref(), Some(r#"{"id":"g","b":2,"c":1e+300}"#));
    assert_ne!(edited, group);

    // Still shareable across threads (the parsed values are cached behind a `OnceLock`).
    fn send_sync<T: Send + Sync>(_: &T) {}
    send_sync(&group);

    // Decoding into a model that already has unknown properties merges them.
    let mut target = edited;
    let mut de = serde_json::Deserializer::from_str(r#"{"c":3,"d":4}"#);
    graph_models::runtime::deserialize_into(&mut de, &mut target).expect("decodes");
    assert_eq!(serde_json::to_string(&target).ok().as_deref(), Some(r#"{"id":"g","b":2,"c":3,"d":4}"#));
}

/// The same shape with serde's derive, for the decode benchmark only.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct DerivedGroup {
    #[serde(rename = "@odata.type")]
    odata_type: Option<String>,
    id: Option<String>,
    display_name: Option<String>,
    assigned_labels: Option<Vec<DerivedLabel>>,
    visibility: Option<String>,
    created_date_time: Option<String>,
    member_count: Option<i32>,
    quota: Option<i64>,
    score: Option<Value>,
    parent: Option<Box<DerivedGroup>>,
    extras: Option<Value>,
    flags: Option<String>,
    #[serde(flatten)]
    additional_properties: serde_json::Map<String, Value>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct DerivedLabel {
    label_id: Option<String>,
    display_name: Option<String>,
    #[serde(flatten)]
    additional_properties: serde_json::Map<String, Value>,
}

/// `cargo test --release -p graph-models --test runtime_models -- --ignored --nocapture`
#[test]
#[ignore = "benchmark; run explicitly in release mode"]
fn decode_benchmark() {
    fn time<T>(label: &str, mb: f64, f: impl Fn() -> T) -> f64 {
        let start = std::time::Instant::now();
        for _ in 0..5 {
            std::hint::black_box(f());
        }
        let rate = mb / (start.elapsed().as_secs_f64() / 5.0);
        println!("  {label:<34} {rate:>8.1} MB/s");
        rate
    }
    let inputs = [
        ("strings only", r#"{"id":"02bd9fd6-8f93-4758-87c3-1fb73740a315","displayName":"HR Taskforce"}"#),
        (
            "typed scalars",
            r#"{"createdDateTime":"2021-03-04T05:06:07.1234567Z","memberCount":42,"quota":9007199254740993,"score":1.5,"visibility":"public"}"#,
        ),
        (
            "nested + collection",
            r#"{"assignedLabels":[{"labelId":"a","displayName":"b"},{"labelId":"c"}],"parent":{"id":"p","displayName":"q"}}"#,
        ),
        (
            "unknown properties",
            r#"{"id":"i","mail":"m@x.com","resourceProvisioningOptions":["Team"],"onPremisesExtensionAttributes":{"extensionAttribute1":"x"}}"#,
        ),
        ("realistic", REALISTIC_GROUP),
    ];
    for (label, one) in inputs {
        let one: Value = serde_json::from_str(one).expect("valid");
        let text = serde_json::to_string(&vec![one; 20_000]).unwrap_or_default();
        let mb = text.len() as f64 / 1e6;
        println!("{label}:");
        let ours = time("runtime Model", mb, || serde_json::from_str::<Vec<Group>>(&text).map(|v| v.len()));
        time("runtime Model (discard unknown)", mb, || {
            decode::<Vec<Group>>(&text, DecodeOptions::discard_unknown()).map(|v| v.len())
        });
        let derived =
            time("serde derive + flatten", mb, || serde_json::from_str::<Vec<DerivedGroup>>(&text).map(|v| v.len()));
        time("serde_json::Value", mb, || serde_json::from_str::<Value>(&text).map(|v| v.is_array()));
        let groups: Vec<Group> = serde_json::from_str(&text).unwrap_or_default();
        time("runtime Model encode", mb, || serde_json::to_vec(&groups).map(|v| v.len()));
        println!("  runtime / derive: {:.2}", ours / derived);
    }
}

#[test]
fn extra_keeps_order_and_compares_as_a_json_object() {
    use graph_models::runtime::Extra;
    let mut a = Extra::new();
    assert!(a.is_empty());
    assert_eq!(a.insert("b", json!(1)), None);
    assert_eq!(a.insert("a", json!(2)), None);
    assert_eq!(a.insert("b", json!(3)), Some(json!(1)), "replaced in place");
    assert_eq!(a.iter().map(|(k, _)| k).collect::<Vec<_>>(), ["b", "a"]);
    let mut b = Extra::new();
    b.insert("a", json!(2));
    b.insert("b", json!(3));
    assert_eq!(a, b, "order does not matter");
    b.insert("c", Value::Null);
    assert_ne!(a, b);
    assert_eq!(b.remove("c"), Some(Value::Null));
    assert_eq!(b.remove("c"), None);
    assert_eq!((b.len(), b.get("a")), (2, Some(&json!(2))));
    b.clear();
    assert!(b.is_empty() && b.get("a").is_none());
    // Remembered nulls are forgotten on request, and then no longer written.
    let mut group: Group = serde_json::from_str(r#"{"id":null}"#).expect("decodes");
    assert!(group.additional_properties.was_null("id"));
    group.additional_properties.forget_null("id");
    assert_eq!(serde_json::to_string(&group).ok().as_deref(), Some("{}"));
}

#[test]
fn clone_eq_and_debug_go_slot_by_slot() {
    let text = r##"{"@odata.type":"#microsoft.graph.group","id":"g1","displayName":null,"assignedLabels":[{"labelId":"l1","x":1}],"memberCount":3,"unknownProp":{"a":[1,2]}}"##;
    let group: Group = serde_json::from_str(text).expect("decodes");
    let copy = group.clone();
    // Everything is cloned: fields, nested models with their own unknown data, `@odata.type`,
    // unknown properties and the remembered explicit null.
    assert_eq!(copy, group);
    assert_eq!(serde_json::to_string(&copy).unwrap(), serde_json::to_string(&group).unwrap());
    assert_eq!(copy.assigned_labels.as_ref().unwrap()[0].additional_properties.len(), 1);

    // Each kind of difference breaks equality.
    let differ = |f: &dyn Fn(&mut Group)| {
        let mut other = group.clone();
        f(&mut other);
        other != group
    };
    assert!(differ(&|g| g.id = Some("g2".into())));
    assert!(differ(&|g| g.member_count = None));
    assert!(differ(&|g| g.assigned_labels.as_mut().unwrap()[0].label_id = None));
    assert!(differ(&|g| g.odata_type = None));
    assert!(differ(&|g| {
        g.additional_properties.insert("unknownProp", serde_json::json!(false));
    }));
    assert!(differ(&|g| g.additional_properties.forget_null("displayName")));

    // Debug shows the set properties by wire name, then `@odata.type` and the unknown data.
    let debug = format!("{:?}", copy.assigned_labels.as_ref().unwrap()[0]);
    assert_eq!(debug, r#"AssignedLabel { labelId: "l1", additional_properties: {"x": 1} }"#);
    let debug = format!("{group:?}");
    assert!(debug.starts_with(r#"Group { id: "g1", assignedLabels: [AssignedLabel { labelId: "l1""#), "{debug}");
    assert!(debug.contains(r##"memberCount: 3, @odata.type: "#microsoft.graph.group""##), "{debug}");
    assert!(!debug.contains("displayName:"), "unset fields are left out: {debug}");
    assert!(
        debug.ends_with(r#"additional_properties: {"unknownProp": {"a":[1,2]}, (null): ["displayName"]} }"#),
        "{debug}"
    );
    assert_eq!(format!("{:?}", Group::default()), "Group");
}
