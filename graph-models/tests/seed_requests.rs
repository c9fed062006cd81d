//! Each seed page's PATCH request example, rebuilt with the generated builder: the JSON body the
//! builder sends must be the example's body, property for property and value for value.
//!
//! The expected bodies are read from the pages themselves (`docs/`), so a doc change that the
//! generated code does not follow fails here. The only differences allowed are the doc defects
//! graph-docgen reports, each listed below with its diagnostic.

#![cfg(any(feature = "v1_0", feature = "beta"))]

use graph_models::runtime::BaseUrl;
use serde_json::{Map, Value};

/// The JSON body of the page's `"blockType": "request"` example (request line and headers
/// skipped, up to the closing fence).
fn request_example(page: &str) -> Value {
    let mut lines = page.lines().skip_while(|l| !l.contains("\"blockType\": \"request\""));
    let mut lines = lines.by_ref().skip_while(|l| !l.trim_start().starts_with("```")).skip(1);
    let body: Vec<&str> = lines
        .by_ref()
        .skip_while(|l| !l.trim_start().starts_with('{'))
        .take_while(|l| !l.trim_start().starts_with("```"))
        .collect();
    let text = body.join("\n");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("example body is not JSON ({e}):\n{text}"))
}

/// Values of an example body, deserialized into whatever type the setter takes.
struct Example(Map<String, Value>);

impl Example {
    fn new(value: Value) -> Self {
        match value {
            Value::Object(map) => Example(map),
            other => panic!("example body is not an object: {other}"),
        }
    }
    fn get<T: serde::de::DeserializeOwned>(&self, key: &str) -> T {
        let v = self.0.get(key).unwrap_or_else(|| panic!("example has no `{key}`")).clone();
        serde_json::from_value(v).unwrap_or_else(|e| panic!("`{key}` does not fit its setter: {e}"))
    }
}

/// Calls `builder.setter(example[wire])` for each pair; `as T` names the value's type where the
/// setter is generic (`impl Into<String>`).
macro_rules! rebuild {
    ($builder:expr, $example:expr, { $($setter:ident: $wire:literal $(as $t:ty)?,)* }) => {{
        let b = $builder;
        $( let b = b.$setter($example.get$(::<$t>)?($wire)); )*
        b
    }};
}

/// The builder does not send the resource's own `@odata.type` (Graph takes the type from the
/// URL); the template pages put it in their request examples.
#[cfg(feature = "beta")]
fn without_top_level_odata_type(mut v: Value) -> Value {
    if let Value::Object(m) = &mut v {
        m.remove("@odata.type");
    }
    v
}

#[cfg(feature = "v1_0")]
#[test]
fn v1_0_update_group() {
    use graph_models::v1_0::requests::UpdateGroup;
    let page = include_str!("../../docs/v1.0/api/group-update.md");
    let expected = request_example(page);
    let ex = Example::new(expected.clone());
    let builder = rebuild!(UpdateGroup::new(), ex, {
        description: "description" as String,
        display_name: "displayName" as String,
        // GD0305: the table says `string`, the example (and the type) a collection.
        group_types: "groupTypes",
        mail: "mail" as String,
        mail_enabled: "mailEnabled",
        mail_nickname: "mailNickname" as String,
    });
    assert_eq!(builder.to_json(), expected);
    // `<id>` in the docs' path: one segment, percent-encoded.
    let req = builder.groups(&BaseUrl::graph(), "a/b").unwrap();
    assert_eq!(req.method(), http::Method::PATCH);
    assert_eq!(req.uri(), "https://graph.microsoft.com/v1.0/groups/a%2Fb");
    assert_eq!(serde_json::from_slice::<Value>(req.body()).unwrap(), expected);
}

#[cfg(feature = "beta")]
#[test]
fn beta_update_connector_groups() {
    use graph_models::beta::requests::UpdateConnectorGroups;
    let page = include_str!("../../docs/beta/api/connectorgroup-update.md");
    // GD0300: the example has a trailing comma after its last property; the rest is JSON.
    let fixed = page.replace("\"connectorGroupType-value\",\n}", "\"connectorGroupType-value\"\n}");
    let expected = request_example(&fixed);
    let ex = Example::new(expected.clone());
    let builder = rebuild!(UpdateConnectorGroups::new(), ex, {
        name: "name" as String,
        // GD0303: a placeholder, not a member of the enum; kept verbatim as `Other`.
        connector_group_type: "connectorGroupType",
    });
    assert_eq!(builder.to_json(), expected);
    let req = builder.connector_groups(&BaseUrl::graph(), "42").unwrap();
    assert_eq!(req.uri(), "https://graph.microsoft.com/beta/connectorGroups/42");
}

#[cfg(feature = "beta")]
#[test]
fn beta_update_connector() {
    use graph_models::beta::requests::UpdateConnector;
    let expected = request_example(include_str!("../../docs/beta/api/connector-update.md"));
    let ex = Example::new(expected.clone());
    let builder = rebuild!(UpdateConnector::new(), ex, {
        machine_name: "machineName" as String,
        external_ip: "externalIp" as String,
        // GD0303: "String" is a template placeholder, not a connectorStatus member.
        status: "status",
    });
    assert_eq!(builder.to_json(), without_top_level_odata_type(expected));
    let req = builder.connectors(&BaseUrl::graph(), "c1").unwrap();
    assert_eq!(req.uri(), "https://graph.microsoft.com/beta/connectors/c1");
}

#[cfg(feature = "beta")]
#[test]
fn beta_update_connections_has_no_path() {
    use graph_models::beta::requests::UpdateConnections;
    let expected = request_example(include_str!("../../docs/beta/api/externalconnection-update.md"));
    let ex = Example::new(expected.clone());
    // GD0200/GD0202: the page has no usable path, so the builder has no request constructor;
    // the body is still complete.
    let builder = rebuild!(UpdateConnections::new(), ex, {
        name: "name" as String,
        description: "description" as String,
        // GD0401: `configuration` is never described; it keeps whatever JSON it is given.
        configuration: "configuration",
    });
    assert_eq!(builder.to_json(), without_top_level_odata_type(expected));
}

#[cfg(feature = "beta")]
#[test]
fn beta_update_group() {
    use graph_models::beta::requests::UpdateGroup;
    let expected = request_example(include_str!("../../docs/beta/api/group-update.md"));
    let ex = Example::new(expected.clone());
    let builder = rebuild!(UpdateGroup::new(), ex, {
        deleted_date_time: "deletedDateTime",
        assigned_labels: "assignedLabels",
        assigned_licenses: "assignedLicenses",
        classification: "classification" as String,
        description: "description" as String,
        display_name: "displayName" as String,
        group_types: "groupTypes",
        has_members_with_license_errors: "hasMembersWithLicenseErrors",
        is_assignable_to_role: "isAssignableToRole",
        license_processing_state: "licenseProcessingState",
        mail: "mail" as String,
        mail_enabled: "mailEnabled",
        mail_nickname: "mailNickname" as String,
        mdm_app_id: "mdmAppId" as String,
        membership_rule: "membershipRule" as String,
        membership_rule_processing_state: "membershipRuleProcessingState" as String,
        on_premises_domain_name: "onPremisesDomainName" as String,
        on_premises_last_sync_date_time: "onPremisesLastSyncDateTime",
        on_premises_net_bios_name: "onPremisesNetBiosName" as String,
        on_premises_provisioning_errors: "onPremisesProvisioningErrors",
        on_premises_sam_account_name: "onPremisesSamAccountName" as String,
        on_premises_security_identifier: "onPremisesSecurityIdentifier" as String,
        on_premises_sync_enabled: "onPremisesSyncEnabled",
        preferred_data_location: "preferredDataLocation" as String,
        preferred_language: "preferredLanguage" as String,
        proxy_addresses: "proxyAddresses",
        renewed_date_time: "renewedDateTime",
        resource_behavior_options: "resourceBehaviorOptions",
        resource_provisioning_options: "resourceProvisioningOptions",
        security_enabled: "securityEnabled",
        security_identifier: "securityIdentifier" as String,
        theme: "theme" as String,
        visibility: "visibility" as String,
        // GD0303: "String" is a template placeholder, not a groupAccessType member.
        access_type: "accessType",
        allow_external_senders: "allowExternalSenders",
        auto_subscribe_new_members: "autoSubscribeNewMembers",
        is_favorite: "isFavorite",
        is_subscribed_by_mail: "isSubscribedByMail",
        unseen_count: "unseenCount",
        unseen_conversations_count: "unseenConversationsCount",
        unseen_messages_count: "unseenMessagesCount",
        hide_from_outlook_clients: "hideFromOutlookClients",
        hide_from_address_lists: "hideFromAddressLists",
        is_archived: "isArchived",
    });
    assert_eq!(builder.to_json(), without_top_level_odata_type(expected));
    // Three documented paths, each with its own typed parameters.
    let base = BaseUrl::new("https://localhost:8443").unwrap();
    assert_eq!(builder.groups(&base, "g 1").unwrap().uri(), "https://localhost:8443/beta/groups/g%201");
    assert_eq!(
        builder.me_joined_groups(&base, "g?1").unwrap().uri(),
        "https://localhost:8443/beta/me/joinedGroups/g%3F1"
    );
    assert_eq!(
        builder.users_joined_groups(&base, "u#1", "g").unwrap().uri(),
        "https://localhost:8443/beta/users/u%231/joinedGroups/g"
    );
}

#[cfg(feature = "beta")]
#[test]
fn three_states_per_field() {
    use graph_models::beta::requests::UpdateGroup;
    let untouched = UpdateGroup::new();
    assert_eq!(untouched.to_json(), serde_json::json!({}));
    let cleared = UpdateGroup::new().clear_description();
    assert_eq!(cleared.to_json(), serde_json::json!({ "description": null }));
    let set = UpdateGroup::new().clear_description().description("x");
    assert_eq!(set.to_json(), serde_json::json!({ "description": "x" }));
}
