//! http_block: lines of the `## HTTP request` code blocks -> [`RequestPath`]s and
//! [`PathTemplate`]s with typed parameters (every spelling of catalog §6).

use super::text::trim;
use crate::facts::{ParamPosition, PathParam, PathPiece, PathTemplate, RequestPath};

/// Methods a request line may start with.
const METHODS: &[&str] = &["GET", "POST", "PATCH", "PUT", "DELETE"];

/// Markers of template-generator placeholders standing where a path should be
/// (`** Collection URI for microsoft.graph.x not found`, `** Entity URI for ...`).
const BROKEN_MARKERS: &[&str] = &["**", "URI for", "not found"];

/// What one line of an HTTP-request block is.
#[derive(Clone, Debug)]
pub enum RequestLineKind {
    Blank,
    /// A request; `trailing` is text after the path that was ignored (e.g. `HTTP/1.1`).
    Request {
        method: String,
        path: RequestPath,
        trailing: Option<String>,
    },
    /// Not `METHOD /path`: a header, C# code, a lone `or`.
    Junk,
}

pub fn parse_line(line: &str) -> RequestLineKind {
    let t = trim(line);
    if t.is_empty() {
        return RequestLineKind::Blank;
    }
    // Bytes: an ASCII letter is one byte, and a multi-byte character ends the word either way.
    let word_len = t.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (word, rest) = t.split_at(word_len);
    let Some(method) = METHODS.iter().find(|m| m.eq_ignore_ascii_case(word)) else {
        return RequestLineKind::Junk;
    };
    // `DELETE/identity/...`: the space after the method is missing.
    if !(rest.starts_with([' ', '\t', '/'])) {
        return RequestLineKind::Junk;
    }
    let rest = trim(rest);
    if rest.is_empty() {
        return RequestLineKind::Junk;
    }
    if BROKEN_MARKERS.iter().any(|m| rest.contains(m)) && rest.contains("**") {
        return RequestLineKind::Request {
            method: method.to_string(),
            path: RequestPath::Broken(rest.to_string()),
            trailing: None,
        };
    }
    let (path, trailing) = split_trailing(rest);
    let path = normalise_path(path);
    let trailing = trailing.filter(|t| !t.eq_ignore_ascii_case("HTTP/1.1"));
    RequestLineKind::Request { method: method.to_string(), path: RequestPath::Template(parse_path(&path)), trailing }
}

/// Splits the path from text after it at the first whitespace outside `{}`, `()` and quotes
/// (`{tenant id}` and `(period='D7')` keep their spaces). A query string runs to the end of
/// the line (`?$filter=x eq 'y'`), less a trailing `HTTP/1.1`.
fn split_trailing(s: &str) -> (&str, Option<String>) {
    let mut depth = 0i32;
    let mut quote = false;
    for (i, c) in s.char_indices() {
        if c == '?' && depth <= 0 {
            let query = s.trim_end();
            let query = query.strip_suffix("HTTP/1.1").map(str::trim_end).unwrap_or(query);
            return (query, None);
        }
        match c {
            '{' | '(' | '<' => depth += 1,
            '}' | ')' | '>' => depth -= 1,
            '\'' => quote = !quote,
            c if c.is_whitespace() && depth <= 0 && !quote => {
                let rest = s[i..].trim();
                return (&s[..i], (!rest.is_empty()).then(|| rest.to_string()));
            }
            _ => {}
        }
    }
    (s, None)
}

/// Absolute URLs lose scheme, host and version segment; `~/x` and `x` become `/x`.
fn normalise_path(p: &str) -> String {
    let mut p = p.trim();
    for scheme in ["https://", "http://"] {
        if p.len() >= scheme.len() && p.is_char_boundary(scheme.len()) && p[..scheme.len()].eq_ignore_ascii_case(scheme)
        {
            let after = &p[scheme.len()..];
            p = after.find('/').map(|i| &after[i..]).unwrap_or("/");
            if let Some(rest) = p.strip_prefix('/') {
                let (first, tail) = rest.split_once('/').unwrap_or((rest, ""));
                if is_version_segment(first) {
                    p = if tail.is_empty() { "/" } else { &rest[first.len()..] };
                }
            }
        }
    }
    let p = p.strip_prefix('~').unwrap_or(p);
    if p.starts_with('/') {
        p.to_string()
    } else {
        format!("/{p}")
    }
}

fn is_version_segment(s: &str) -> bool {
    matches!(s.to_ascii_lowercase().as_str(), "v1.0" | "beta" | "v1" | "{ver}" | "{version}" | "localtest")
}

/// Splits a path (query string included or not) into literals and parameters.
pub fn parse_path(raw: &str) -> PathTemplate {
    let (path, query) = match raw.split_once('?') {
        Some((p, q)) => (p, Some(q.to_string())),
        None => (raw, None),
    };
    let mut pieces: Vec<PathPiece> = Vec::new();
    let mut literal = String::new();
    let mut rest = path;
    while let Some(i) = rest.find(['{', '<']) {
        let open = rest[i..].chars().next().unwrap_or('{');
        let close = if open == '{' { '}' } else { '>' };
        let Some(end) = rest[i + 1..].find(close) else {
            break;
        };
        let inner = &rest[i + 1..i + 1 + end];
        let names: Vec<String> = inner.split('|').map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).collect();
        // `<br>`-like or empty brackets are text, not parameters.
        let plausible = !names.is_empty() && !inner.contains(['{', '<', '/']);
        literal.push_str(&rest[..i]);
        if !plausible {
            literal.push_str(&rest[i..i + 2 + end]);
            rest = &rest[i + 2 + end..];
            continue;
        }
        let after = &rest[i + 2 + end..];
        let position = position(&literal, after, &names);
        if !literal.is_empty() {
            pieces.push(PathPiece::Literal(std::mem::take(&mut literal)));
        }
        pieces.push(PathPiece::Param(PathParam { raw: inner.to_string(), names, position }));
        rest = after;
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        pieces.push(PathPiece::Literal(literal));
    }
    PathTemplate { raw: path.to_string(), pieces, query }
}

/// Where a parameter's value goes, from the text around it.
fn position(before: &str, after: &str, names: &[String]) -> ParamPosition {
    if before.ends_with('\'') && after.starts_with('\'') {
        return ParamPosition::Quoted;
    }
    let pathish = names.iter().any(|n| n.to_ascii_lowercase().contains("path"));
    if pathish || before.ends_with(":/") || (before.ends_with(':') && after.starts_with(':')) {
        return ParamPosition::ItemPath;
    }
    ParamPosition::Segment
}

#[cfg(test)]
mod tests {
    use super::*;
    use ParamPosition::*;

    fn template(line: &str) -> PathTemplate {
        match parse_line(line) {
            RequestLineKind::Request { path: RequestPath::Template(t), .. } => t,
            other => panic!("{line}: {other:?}"),
        }
    }

    fn params(t: &PathTemplate) -> Vec<(Vec<String>, ParamPosition)> {
        t.pieces
            .iter()
            .filter_map(|p| match p {
                PathPiece::Param(p) => Some((p.names.clone(), p.position)),
                PathPiece::Literal(_) => None,
            })
            .collect()
    }

    fn lits(t: &PathTemplate) -> String {
        t.pieces
            .iter()
            .map(|p| match p {
                PathPiece::Literal(l) => l.clone(),
                PathPiece::Param(_) => "*".into(),
            })
            .collect()
    }

    #[test]
    fn path_styles() {
        let v = |names: &[&str], pos| (names.iter().map(|s| s.to_string()).collect::<Vec<_>>(), pos);
        let cases = vec![
            ("PATCH /groups/{id}", "/groups/*", vec![v(&["id"], Segment)]),
            ("PATCH /groups/{groupsId}", "/groups/*", vec![v(&["groupsId"], Segment)]),
            (
                "GET /teams/{team-id}/channels/{channel_id}",
                "/teams/*/channels/*",
                vec![v(&["team-id"], Segment), v(&["channel_id"], Segment)],
            ),
            (
                "GET /users/{id | userPrincipalName}/photo",
                "/users/*/photo",
                vec![v(&["id", "userPrincipalName"], Segment)],
            ),
            ("GET /users/{id|userPrincipalName}", "/users/*", vec![v(&["id", "userPrincipalName"], Segment)]),
            (
                "PUT /me/drive/root:/{item-path}:/content",
                "/me/drive/root:/*:/content",
                vec![v(&["item-path"], ItemPath)],
            ),
            ("GET /users('{id}')", "/users('*')", vec![v(&["id"], Quoted)]),
            (
                "GET /reports/getX(period='{period_value}')",
                "/reports/getX(period='*')",
                vec![v(&["period_value"], Quoted)],
            ),
            ("PATCH /groups/<id>", "/groups/*", vec![v(&["id"], Segment)]),
            ("GET /x/{tenant id}/y", "/x/*/y", vec![v(&["tenant id"], Segment)]),
            ("DELETE/identity/b2xUserFlows/{id}", "/identity/b2xUserFlows/*", vec![v(&["id"], Segment)]),
            ("GET https://graph.microsoft.com/v1.0/me/events", "/me/events", vec![]),
            ("GET policies/tokenLifetimePolicies", "/policies/tokenLifetimePolicies", vec![]),
            ("GET ~/onPremisesPublishingProfiles/{id}", "/onPremisesPublishingProfiles/*", vec![v(&["id"], Segment)]),
            ("get /me", "/me", vec![]),
        ];
        for (line, want_lits, want_params) in cases {
            let t = template(line);
            assert_eq!(lits(&t), want_lits, "{line}");
            assert_eq!(params(&t), want_params, "{line}");
        }
    }

    #[test]
    fn query_and_trailing() {
        let t = template("GET /me/messages?$select=subject,from");
        assert_eq!(t.raw, "/me/messages");
        assert_eq!(t.query.as_deref(), Some("$select=subject,from"));
        let t = template("GET /security/alerts?$filter={property} eq '{property-value}'&$top=5 HTTP/1.1");
        assert_eq!(t.raw, "/security/alerts");
        assert_eq!(t.query.as_deref(), Some("$filter={property} eq '{property-value}'&$top=5"));
        match parse_line("GET /me HTTP/1.1") {
            RequestLineKind::Request { trailing, .. } => assert_eq!(trailing, None),
            other => panic!("{other:?}"),
        }
        match parse_line("GET /me extra words") {
            RequestLineKind::Request { trailing, .. } => {
                assert_eq!(trailing.as_deref(), Some("extra words"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn broken_blank_junk() {
        assert!(matches!(parse_line("   "), RequestLineKind::Blank));
        assert!(matches!(
            parse_line("PATCH ** Collection URI for microsoft.graph.externalConnection not found"),
            RequestLineKind::Request { path: RequestPath::Broken(ref s), .. } if s.starts_with("** Collection URI")
        ));
        assert!(matches!(
            parse_line("GET ** Entity URI for x not found"),
            RequestLineKind::Request { path: RequestPath::Broken(_), .. }
        ));
        for junk in ["or", "Content-Type: application/json", "string sharingUrl = \"x\";", "GETTER /x", "POST"] {
            assert!(matches!(parse_line(junk), RequestLineKind::Junk), "{junk}");
        }
    }
}
