//! Path hijacking: an id holding `/`, `?`, `#`, `%`, `..`, spaces or non-ASCII text cannot change
//! the request's path, add a query or a fragment. Checked through the runtime path helpers the
//! generated request constructors call (`PathBuilder` then `PatchBody::to_request`), on the final
//! `http::Request` URI.

use graph_models::runtime::path::{item_path, quoted, PathBuilder, PathError};
use graph_models::runtime::{BaseUrl, PatchBody, RequestError};
use percent_encoding::percent_decode_str;

/// Ids an attacker (or an unlucky user) might pass.
const HOSTILE_IDS: &[&str] = &[
    "a/b",
    "../../users",
    "..",
    ".",
    "...",
    "x?$select=secret",
    "x#fragment",
    "100%",
    "%2F%2e%2e",
    "with space",
    "tab\there",
    "new\nline",
    "é/ü",
    "a\\b",
    "'quoted'",
    "x&y=z",
    "@odata.nextLink",
    "https://evil.example/x",
    "//evil.example",
];

/// `PATCH https://graph.microsoft.com/v1.0/groups/{id}/members` built as a constructor does.
fn request(id: &str) -> Result<http::Request<Vec<u8>>, RequestError> {
    let path = PathBuilder::new().lit("/groups/").segment("group-id", id).lit("/members").finish()?;
    PatchBody::new().to_request(http::Method::PATCH, &BaseUrl::graph(), "v1.0", &path)
}

#[test]
fn segment_ids_stay_one_segment_without_query_or_fragment() {
    for id in HOSTILE_IDS {
        let req = request(id).unwrap_or_else(|e| panic!("{id:?}: {e}"));
        let uri = req.uri();
        assert_eq!(uri.host(), Some("graph.microsoft.com"), "{id:?}");
        assert_eq!(uri.query(), None, "{id:?}: {uri}");
        assert!(!uri.to_string().contains('#'), "{id:?}: {uri}");
        let segments: Vec<&str> = uri.path().split('/').collect();
        // "", "v1.0", "groups", <id>, "members"
        assert_eq!(segments.len(), 5, "{id:?}: {uri}");
        assert_eq!(segments.first().copied(), Some(""), "{id:?}");
        assert_eq!(segments.get(1).copied(), Some("v1.0"), "{id:?}");
        assert_eq!(segments.get(2).copied(), Some("groups"), "{id:?}");
        assert_eq!(segments.get(4).copied(), Some("members"), "{id:?}");
        let encoded = segments.get(3).copied().unwrap_or_default();
        // No segment that a URL normaliser would resolve (`.`/`..`), and the id comes back whole.
        assert!(encoded != "." && encoded != "..", "{id:?}: {uri}");
        assert!(!encoded.contains(['/', '?', '#', ' ']), "{id:?}: {encoded}");
        assert_eq!(percent_decode_str(encoded).decode_utf8().as_deref(), Ok(*id), "{id:?}: {encoded}");
    }
}

#[test]
fn expected_encodings() {
    // (id, encoded segment)
    let cases: &[(&str, &str)] = &[
        ("a/b", "a%2Fb"),
        ("..", "%2E%2E"),
        ("x?y", "x%3Fy"),
        ("x#y", "x%23y"),
        ("100%", "100%25"),
        ("%2F", "%252F"),
        ("with space", "with%20space"),
        ("plain-id_1.2~3", "plain-id_1.2~3"),
        ("é", "%C3%A9"),
    ];
    for (id, want) in cases {
        let path = PathBuilder::new().lit("/g/").segment("id", id).finish();
        assert_eq!(path.as_deref(), Ok(format!("/g/{want}").as_str()), "{id:?}");
    }
}

#[test]
fn an_empty_id_is_an_error_not_a_shorter_path() {
    let err = request("").expect_err("empty id");
    assert!(matches!(err, RequestError::Path(PathError::Empty { parameter: "group-id" })), "{err:?}");
}

#[test]
fn quoted_literals_and_item_paths_cannot_escape() {
    // An OData literal: the quote is doubled, the rest encoded; the result is one segment.
    for id in HOSTILE_IDS {
        let lit = quoted(id);
        assert!(lit.starts_with('\'') && lit.ends_with('\''), "{id:?}: {lit}");
        assert!(!lit.contains(['/', '?', '#', ' ']), "{id:?}: {lit}");
        let inner = lit.get(1..lit.len() - 1).unwrap_or_default();
        assert!(!inner.replace("''", "").contains('\''), "{id:?}: an unpaired quote ends the literal: {lit}");
    }
    assert_eq!(quoted("O'Neil/x"), "'O''Neil%2Fx'");
    // A drive item path keeps its `/` separators but no part can climb or add a query.
    assert_eq!(item_path("docs/a b?.txt").as_deref(), Ok("docs/a%20b%3F.txt"));
    for bad in ["../x", "a/../b", "a/./b", "a//b", "/a", "a/", ""] {
        assert!(item_path(bad).is_err(), "{bad:?} accepted");
    }
}

#[test]
fn a_base_url_cannot_carry_a_query_or_fragment() {
    for url in [
        "https://graph.microsoft.com?x=1",
        "https://graph.microsoft.com#f",
        "file:///etc/passwd",
        "graph.microsoft.com",
    ] {
        assert!(BaseUrl::new(url).is_err(), "{url} accepted");
    }
}

/// The generated builders of `docs/` (beta `group-update.md`: `/users/{usersId}/joinedGroups/{groupId}`)
/// with hostile ids in both positions: still four segments after the version, no query.
#[cfg(feature = "beta")]
#[test]
fn generated_builders_keep_their_path_shape() {
    use graph_models::beta::requests::UpdateGroup;
    for user in HOSTILE_IDS {
        for group in ["g", "../..", "x?y#z"] {
            let req = UpdateGroup::new()
                .users_joined_groups(&BaseUrl::graph(), user, group)
                .unwrap_or_else(|e| panic!("{user:?} {group:?}: {e}"));
            let uri = req.uri();
            assert_eq!(uri.query(), None, "{user:?} {group:?}: {uri}");
            let segments: Vec<&str> = uri.path().split('/').collect();
            assert_eq!(segments.len(), 6, "{user:?} {group:?}: {uri}");
            assert_eq!(segments.get(1..3), Some(&["beta", "users"][..]), "{uri}");
            assert_eq!(segments.get(4).copied(), Some("joinedGroups"), "{uri}");
            let decoded: Vec<String> = [3, 5]
                .iter()
                .map(|&i| {
                    percent_decode_str(segments.get(i).copied().unwrap_or_default()).decode_utf8_lossy().into_owned()
                })
                .collect();
            assert_eq!(decoded, [user.to_string(), group.to_string()], "{uri}");
        }
    }
    // An empty id is refused by the generated constructor, not turned into `//`.
    assert!(UpdateGroup::new().users_joined_groups(&BaseUrl::graph(), "", "g").is_err());
}
