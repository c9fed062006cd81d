//! PATCH bodies (three states, order), path encoding (no value can change the template's
//! segments) and the requests built from them, through a builder written exactly as the
//! emitter generates it.

use graph_models::runtime::path::{self, PathBuilder, PathError};
use graph_models::runtime::{BaseUrl, Patch, PatchBody, RequestError};
use serde_json::json;

mod runtime {
    pub use graph_models::runtime::*;
}

// ---- generated-shape code (as the emitter writes it) ----------------------------------------

/// Update group (`PATCH /groups/{id}`). Source: `beta/api/group-update.md`
#[derive(Clone, Debug, Default)]
pub struct UpdateGroup {
    body: crate::runtime::PatchBody,
}
impl UpdateGroup {
    pub fn new() -> Self {
        ::std::default::Default::default()
    }
    pub fn display_name(mut self, value: impl ::std::convert::Into<::std::string::String>) -> Self {
        self.body.set("displayName", &value.into());
        self
    }
    pub fn description(mut self, value: impl ::std::convert::Into<::std::string::String>) -> Self {
        self.body.set("description", &value.into());
        self
    }
    pub fn clear_description(mut self) -> Self {
        self.body.clear("description");
        self
    }
    pub fn member_count(mut self, value: i32) -> Self {
        self.body.set("memberCount", &value);
        self
    }
    pub fn expiration(mut self, value: crate::runtime::DateTimeOffset) -> Self {
        self.body.set("expirationDateTime", &value);
        self
    }
    pub fn body(&self) -> &crate::runtime::PatchBody {
        &self.body
    }
    pub fn to_json(&self) -> ::serde_json::Value {
        self.body.to_json()
    }
    /// `PATCH {base}/beta/groups/{id}`
    pub fn groups(
        &self,
        base: &crate::runtime::BaseUrl,
        id: &str,
    ) -> ::std::result::Result<crate::runtime::http::Request<::std::vec::Vec<u8>>, crate::runtime::RequestError> {
        let path = crate::runtime::path::PathBuilder::new().lit("/groups/").segment("id", id).finish()?;
        self.body.to_request(crate::runtime::http::Method::PATCH, base, "beta", &path)
    }
    /// `PATCH {base}/beta/users('{userPrincipalName}')/drive/root:/{item-path}:`
    pub fn user_drive_item(
        &self,
        base: &crate::runtime::BaseUrl,
        user_principal_name: &str,
        item_path: &str,
    ) -> ::std::result::Result<crate::runtime::http::Request<::std::vec::Vec<u8>>, crate::runtime::RequestError> {
        let path = crate::runtime::path::PathBuilder::new()
            .lit("/users(")
            .quoted(user_principal_name)
            .lit(")/drive/root:/")
            .item_path("item-path", item_path)
            .lit(":")
            .finish()?;
        self.body.to_request(crate::runtime::http::Method::PATCH, base, "beta", &path)
    }
}

// ---- tests ------------------------------------------------------------------------------------

#[test]
fn patch_fields_have_three_states_in_touch_order() {
    let update = UpdateGroup::new().description("old").display_name("Team").member_count(3).clear_description();
    let states: Vec<(&str, &Patch)> = update.body().iter().collect();
    assert_eq!(
        states,
        vec![
            ("description", &Patch::Clear),
            ("displayName", &Patch::Set(json!("Team"))),
            ("memberCount", &Patch::Set(json!(3))),
        ]
    );
    // Setting twice replaces in place; untouched fields are absent.
    let update = update.description("new");
    assert_eq!(update.body().get("description"), Some(&Patch::Set(json!("new"))));
    assert_eq!(update.body().get("mail"), None);
    assert_eq!(
        update.body().to_vec().ok().map(String::from_utf8),
        Some(Ok(r#"{"description":"new","displayName":"Team","memberCount":3}"#.to_owned()))
    );
    assert_eq!(update.to_json(), json!({"displayName": "Team", "description": "new", "memberCount": 3}));
    // An empty builder sends an empty object.
    assert_eq!(UpdateGroup::new().body().to_vec().ok(), Some(b"{}".to_vec()));
    // A typed value goes through its own Serialize.
    let when = "2021-03-04T05:06:07+03:00".parse().expect("valid");
    assert_eq!(
        UpdateGroup::new().expiration(when).to_json(),
        json!({"expirationDateTime": "2021-03-04T05:06:07+03:00"})
    );
    // Back to untouched.
    let mut body = PatchBody::new();
    body.clear("a");
    body.set("b", &true);
    body.reset("a");
    assert_eq!(body.to_vec().ok(), Some(br#"{"b":true}"#.to_vec()));
}

#[test]
fn patch_values_that_cannot_be_serialized_are_reported_not_sent() {
    let mut body = PatchBody::new();
    let bad: std::collections::HashMap<(u8, u8), u8> = [((1, 2), 3)].into_iter().collect();
    body.set("bad", &bad);
    body.set("good", &1);
    assert_eq!(body.get("bad"), None);
    assert!(matches!(body.to_vec(), Err(RequestError::Body(message)) if message.contains("bad")));
}

#[test]
fn segment_values_cannot_change_the_path() {
    let cases = [
        ("abc-123_.~", "abc-123_.~"),
        ("a/b", "a%2Fb"),
        ("a?b=c", "a%3Fb%3Dc"),
        ("a#frag", "a%23frag"),
        ("100%", "100%25"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("...", "%2E%2E%2E"),
        ("a..b", "a..b"),
        ("with space", "with%20space"),
        ("é€😀", "%C3%A9%E2%82%AC%F0%9F%98%80"),
        ("O'Neil", "O%27Neil"),
        ("a:b@c", "a%3Ab%40c"),
        ("../../me", "..%2F..%2Fme"),
    ];
    let base = BaseUrl::graph();
    for (value, encoded) in cases {
        assert_eq!(path::segment(value).as_deref(), Ok(encoded), "{value}");
        let request = UpdateGroup::new().groups(&base, value).expect(value);
        let uri = request.uri();
        assert_eq!(uri.path(), format!("/beta/groups/{encoded}"), "{value}");
        assert_eq!(uri.path().split('/').count(), 4, "segments of {value}");
        assert_eq!(uri.query(), None, "{value}");
    }
    assert!(matches!(
        UpdateGroup::new().groups(&base, ""),
        Err(RequestError::Path(PathError::Empty { parameter: "id" }))
    ));
}

#[test]
fn quoted_literals_double_quotes_and_stay_in_their_segment() {
    let cases = [
        ("alice@contoso.com", "'alice%40contoso.com'"),
        ("O'Neil", "'O''Neil'"),
        ("''", "''''''"),
        ("", "''"),
        ("a/b')?x", "'a%2Fb''%29%3Fx'"),
        ("é", "'%C3%A9'"),
    ];
    for (value, encoded) in cases {
        assert_eq!(path::quoted(value), encoded, "{value}");
    }
}

#[test]
fn item_paths_are_encoded_segment_by_segment() {
    let ok = [
        ("file.txt", "file.txt"),
        ("folder/sub folder/file #1.txt", "folder/sub%20folder/file%20%231.txt"),
        ("a:b/c?d", "a%3Ab/c%3Fd"),
        ("..a/b..", "..a/b.."),
        ("Ünïcode/%41", "%C3%9Cn%C3%AFcode/%2541"),
    ];
    let base = BaseUrl::graph();
    for (value, encoded) in ok {
        assert_eq!(path::item_path(value).as_deref(), Ok(encoded), "{value}");
        let request = UpdateGroup::new().user_drive_item(&base, "bob@x.com", value).expect(value);
        assert_eq!(request.uri().path(), format!("/beta/users('bob%40x.com')/drive/root:/{encoded}:"), "{value}");
        assert_eq!(request.uri().query(), None);
    }
    for bad in ["", "/abs", "a//b", "a/", "..", ".", "a/../b", "a/./b"] {
        let result = UpdateGroup::new().user_drive_item(&base, "bob", bad);
        assert!(
            matches!(&result, Err(RequestError::Path(e)) if matches!(e, PathError::Empty { parameter: "item-path" } | PathError::BadItemPathPart { parameter: "item-path", .. })),
            "{bad:?}: {result:?}"
        );
        assert!(result.is_err_and(|e| e.to_string().contains("item-path")));
    }
}

#[test]
fn path_builder_keeps_the_first_error() {
    let result = PathBuilder::new().lit("/a/").segment("first", "").lit("/").item_path("second", "..").finish();
    assert_eq!(result, Err(PathError::Empty { parameter: "first" }));
}

#[test]
fn requests_carry_method_uri_headers_and_body() {
    let base = BaseUrl::new("https://localhost:8080/").expect("valid base");
    let request =
        UpdateGroup::new().display_name("Library Assist").clear_description().groups(&base, "g 1").expect("builds");
    assert_eq!(request.method(), http::Method::PATCH);
    assert_eq!(request.uri().to_string(), "https://localhost:8080/beta/groups/g%201");
    assert_eq!(
        request.headers().get(http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()),
        Some("application/json")
    );
    assert_eq!(request.headers().len(), 1);
    assert_eq!(request.body().as_slice(), br#"{"displayName":"Library Assist","description":null}"#);

    let graph = UpdateGroup::new().groups(&BaseUrl::graph(), "x").expect("builds");
    assert_eq!(graph.uri().to_string(), "https://graph.microsoft.com/beta/groups/x");

    let direct = PatchBody::new().into_request(http::Method::PATCH, &BaseUrl::graph(), "v1.0", "/me").expect("builds");
    assert_eq!(direct.uri().to_string(), "https://graph.microsoft.com/v1.0/me");
    assert_eq!(direct.body().as_slice(), b"{}");
}

#[test]
fn base_urls_are_validated() {
    let ok = [
        ("https://graph.microsoft.com", "https://graph.microsoft.com"),
        ("https://localhost:8080", "https://localhost:8080"),
        ("http://127.0.0.1:3000/", "http://127.0.0.1:3000"),
        ("https://proxy.example/graph/", "https://proxy.example/graph"),
    ];
    for (url, kept) in ok {
        assert_eq!(BaseUrl::new(url).map(|b| b.to_string()).ok().as_deref(), Some(kept), "{url}");
    }
    for bad in
        ["", "graph.microsoft.com", "ftp://x", "https://", "https://x?a=b", "https://x/#f", "https://x y", "/relative"]
    {
        assert!(matches!(BaseUrl::new(bad), Err(RequestError::BaseUrl { .. })), "{bad:?}");
    }
}
