//! example: an annotated fenced block -> request line / status / headers stripped, JSON body read.
//!
//! The HTTP framing is split off first ([`split_http`]): an optional request line
//! (`PATCH https://…`) or status line (`HTTP/1.1 200 OK`, `HTTP 201 Created`), then groups of
//! `Header: value` lines (with or without blank lines around them; 2016 responses start
//! directly with `Content-type:`). Whatever remains is the body. It is read as JSON only when
//! it can be JSON (the Content-Type says so or it starts with `{`/`[`); binary placeholders,
//! `text/plain` counts and empty bodies are no body, not a defect.

use super::text::{trim, trim_end, trim_start};
use crate::diagnostics::{Code, Diagnostic, Span};
use crate::facts::{BlockType, CodeBlock, JsonBody};
use crate::parse::json::{group_tolerances, parse_json, JsonError};

/// HTTP methods recognised on a request line.
const METHODS: &[&str] = &["GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS"];

/// The parts of a fence's content.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HttpParts<'a> {
    /// `(method, url)` as written.
    pub request: Option<(String, String)>,
    /// Status code of a status line.
    pub status: Option<u16>,
    /// `(name, value)` of each header line, in order.
    pub headers: Vec<(&'a str, &'a str)>,
    /// The body text (trailing whitespace kept as is); empty when there is none.
    pub body: &'a str,
    /// Page line of the body's first line.
    pub body_line: u32,
}

impl HttpParts<'_> {
    /// The first Content-Type header value, if any.
    pub fn content_type(&self) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("content-type")).map(|(_, v)| *v)
    }

    /// Whether the body is meant to be JSON: the Content-Type says so, or it starts like JSON.
    pub fn body_is_json(&self) -> bool {
        let body = self.body.trim_start();
        if body.is_empty() {
            return false;
        }
        body.starts_with('{')
            || body.starts_with('[')
            || self.content_type().is_some_and(|ct| ct.to_ascii_lowercase().contains("json"))
    }

    /// Whether a Content-Type header names a type that is not JSON (`application/zip`,
    /// `text/plain`): such a body is data, and `[Zip file containing …]` is not an array.
    pub fn content_type_is_not_json(&self) -> bool {
        self.content_type().is_some_and(|ct| !ct.to_ascii_lowercase().contains("json"))
    }
}

/// Splits a fence's content (first line = page line `first_line`) into framing and body.
pub fn split_http(code: &str, first_line: u32) -> HttpParts<'_> {
    let mut parts = HttpParts { body_line: first_line, ..Default::default() };
    // (page line, byte offset of the line start, line text)
    let mut lines = Vec::new();
    let mut offset = 0usize;
    for (i, l) in code.split('\n').enumerate() {
        let line = first_line.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
        lines.push((line, offset, l));
        offset += l.len() + 1;
    }
    let mut i = skip_blank(&lines, 0);
    if let Some((_, _, first)) = lines.get(i) {
        if let Some(req) = request_line(first) {
            parts.request = Some(req);
            i += 1;
        } else if let Some(status) = status_line(first) {
            parts.status = Some(status);
            i += 1;
        }
    }
    // Header groups, possibly separated by blank lines.
    loop {
        let j = skip_blank(&lines, i);
        let mut k = j;
        while let Some(h) = lines.get(k).and_then(|(_, _, l)| header_line(l)) {
            parts.headers.push(h);
            k += 1;
        }
        if k == j {
            break;
        }
        i = k;
    }
    let i = skip_blank(&lines, i);
    if let Some((line, off, _)) = lines.get(i) {
        parts.body_line = *line;
        parts.body = code.get(*off..).unwrap_or("");
    }
    parts
}

fn skip_blank(lines: &[(u32, usize, &str)], mut i: usize) -> usize {
    while lines.get(i).is_some_and(|(_, _, l)| trim(l).is_empty()) {
        i += 1;
    }
    i
}

/// `PATCH https://…` / `GET /me` / `DELETE/identity/…` (no space, seen once).
fn request_line(line: &str) -> Option<(String, String)> {
    let line = trim(line);
    let method = METHODS.iter().find(|m| {
        line.get(..m.len()).is_some_and(|p| p.eq_ignore_ascii_case(m))
            && line.get(m.len()..).is_some_and(|rest| rest.starts_with([' ', '\t', '/']))
    })?;
    let url = trim(line.get(method.len()..)?);
    // A URL must follow; `Get the user` prose is not a request line.
    if url.is_empty() || (url.contains(' ') && !url.starts_with('/') && !url.starts_with("http")) {
        return None;
    }
    Some((method.to_string(), url.to_string()))
}

/// `HTTP/1.1 200 OK`, `HTTP/2 204`, `HTTP 201 Created`.
fn status_line(line: &str) -> Option<u16> {
    let rest = trim(line).strip_prefix("HTTP")?;
    let rest = rest.strip_prefix('/').map_or(rest, |r| r.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.'));
    let code = trim_start(rest).split(|c: char| !c.is_ascii_digit()).next()?;
    if code.len() != 3 {
        return None;
    }
    code.parse().ok()
}

/// `Name: value` with an RFC 7230 token name; `https://…` is not a header.
fn header_line(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.split_once(':')?;
    let name = trim_end(name);
    let is_token = !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !is_token || value.starts_with("//") {
        return None;
    }
    Some((name, trim(value)))
}

/// `code` is the fence content; its first line is page line `code_first_line`.
pub fn parse_code_block(
    block_type: BlockType,
    annotation: serde_json::Map<String, serde_json::Value>,
    annotation_line: u32,
    code: &str,
    code_first_line: u32,
    path: &str,
    diags: &mut Vec<Diagnostic>,
) -> CodeBlock {
    let parts = split_http(code, code_first_line);
    let body = if parts.body_is_json() {
        match parse_json(parts.body, parts.body_line) {
            // A body its Content-Type calls non-JSON is used only when it is strict JSON.
            Ok(p) if parts.content_type_is_not_json() && !p.is_strict() => None,
            Err(_) if parts.content_type_is_not_json() => None,
            Ok(p) => {
                for (line, what) in &group_tolerances(&p.tolerated) {
                    diags.push(Diagnostic::new(
                        Code::JsonTolerated,
                        Span::line(path, *line),
                        format!("example body is not strict JSON: {what}"),
                    ));
                }
                Some(JsonBody { line: parts.body_line, value: p.json })
            }
            Err(JsonError::Syntax { line, col, message }) => {
                diags.push(Diagnostic::new(
                    Code::JsonInvalid,
                    Span::new(path, line, col),
                    format!("example body is not JSON: {message}"),
                ));
                None
            }
            Err(JsonError::TooDeep { line }) => {
                diags.push(Diagnostic::new(
                    Code::JsonTooDeep,
                    Span::line(path, line),
                    format!("example body nests deeper than {} levels", crate::parse::json::MAX_DEPTH),
                ));
                None
            }
        }
    } else {
        None
    };
    CodeBlock { block_type, line: annotation_line, annotation, request: parts.request, status: parts.status, body }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::JsonValue;

    fn block(code: &str, diags: &mut Vec<Diagnostic>) -> CodeBlock {
        parse_code_block(BlockType::Request, serde_json::Map::new(), 9, code, 10, "beta/api/x.md", diags)
    }

    /// `(code, request, status, headers, body_line or None)`; fence content starts on line 10.
    #[test]
    fn framing_variants() {
        type Row = (
            &'static str,
            Option<(&'static str, &'static str)>,
            Option<u16>,
            Vec<(&'static str, &'static str)>,
            Option<u32>,
        );
        let rows: Vec<Row> = vec![
            (
                "PATCH https://graph.microsoft.com/v1.0/groups/{id}\nContent-type: application/json\nContent-length: 2\n\n{}",
                Some(("PATCH", "https://graph.microsoft.com/v1.0/groups/{id}")),
                None,
                vec![("Content-type", "application/json"), ("Content-length", "2")],
                Some(14),
            ),
            (
                "PATCH https://graph.microsoft.com/beta/connectors/{connectorsId}\nContent-Type: application/json\n{\n}",
                Some(("PATCH", "https://graph.microsoft.com/beta/connectors/{connectorsId}")),
                None,
                vec![("Content-Type", "application/json")],
                Some(12),
            ),
            (
                "POST https://graph.microsoft.com/v1.0/me/events\n\nContent-type: application/json\n\n{}",
                Some(("POST", "https://graph.microsoft.com/v1.0/me/events")),
                None,
                vec![("Content-type", "application/json")],
                Some(14),
            ),
            ("GET https://graph.microsoft.com/v1.0/me\n", Some(("GET", "https://graph.microsoft.com/v1.0/me")), None, vec![], None),
            ("DELETE/identity/b2xUserFlows/{id}", Some(("DELETE", "/identity/b2xUserFlows/{id}")), None, vec![], None),
            ("HTTP/1.1 200 OK\nContent-type: application/json\n\n{}", None, Some(200), vec![("Content-type", "application/json")], Some(13)),
            ("HTTP/1.1 204 No Content", None, Some(204), vec![], None),
            ("HTTP 201 Created\n{}", None, Some(201), vec![], Some(11)),
            ("HTTP/2 202\nLocation: https://x/y\n", None, Some(202), vec![("Location", "https://x/y")], None),
            ("Content-type: application/json\n{\n  \"a\": 1\n}", None, None, vec![("Content-type", "application/json")], Some(11)),
            ("\n\n{\n  \"a\": 1\n}", None, None, vec![], Some(12)),
            ("https://graph.microsoft.com/v1.0/me\n", None, None, vec![], Some(10)),
        ];
        for (code, request, status, headers, body_line) in rows {
            let p = split_http(code, 10);
            assert_eq!(p.request, request.map(|(m, u)| (m.to_string(), u.to_string())), "{code:?}");
            assert_eq!(p.status, status, "{code:?}");
            assert_eq!(p.headers, headers, "{code:?}");
            let got = (!p.body.trim().is_empty()).then_some(p.body_line);
            assert_eq!(got, body_line, "{code:?}");
        }
    }

    #[test]
    fn non_json_bodies_give_no_body_and_no_warning() {
        let cases = [
            "HTTP/1.1 200 OK\nContent-Type: application/octet-stream\n\n<bytes 0-25 of the file>",
            "HTTP/1.1 200 OK\nContent-type: text/plain\n\n893",
            "HTTP/1.1 200 OK\nContent-type: image/jpeg\n\nBinary data for the image",
            "HTTP/1.1 206 Partial Content\n\n<bytes 0-25 of the file>",
            "HTTP/1.1 204 No Content\n",
            "GET https://graph.microsoft.com/v1.0/me/photo/$value",
            "",
            "HTTP/1.1 200 OK\nContent-type: text/csv\n\nData as of,User principal name\n2017-09-01,a@b.c",
            "POST https://x/appDefinitions\nContent-type: application/zip\n\n[Zip file containing a Teams app package]",
            "HTTP/1.1 200 OK\nContent-Type: text/plain\n\n{ not json",
        ];
        for code in cases {
            let mut diags = Vec::new();
            let b = block(code, &mut diags);
            assert!(b.body.is_none(), "{code:?}");
            assert!(diags.is_empty(), "{code:?}: {diags:?}");
        }
    }

    #[test]
    fn json_bodies_are_read_with_diagnostics_at_the_right_line() {
        /// (code, body expected, [(code, line, message fragment)])
        type Case = (&'static str, bool, Vec<(Code, u32, &'static str)>);
        let cases: Vec<Case> = vec![
            ("HTTP/1.1 200 OK\nContent-type: application/json\n\n{\"a\": 1}", true, vec![]),
            (
                "PATCH https://x/y\nContent-type: application/json\n\n{\n  \"a\": 1,\n}",
                true,
                vec![(Code::JsonTolerated, 14, "trailing comma")],
            ),
            (
                "PATCH https://x/y\n\n{\n  /* c */\n  \"a\": 00:00:00\n}",
                true,
                vec![
                    (Code::JsonTolerated, 13, "`/* */` comment"),
                    (Code::JsonTolerated, 14, "non-JSON literal kept as a string: `00:00:00`"),
                ],
            ),
            (
                "HTTP/1.1 200 OK\nContent-type: application/json\n\n<bytes 0-25 of the file>",
                false,
                vec![(Code::JsonInvalid, 13, "not JSON")],
            ),
            ("HTTP/1.1 200 OK\n\n{\n  \"a\": \"b\n", false, vec![(Code::JsonInvalid, 13, "unterminated string")]),
        ];
        for (code, has_body, expected) in cases {
            let mut diags = Vec::new();
            let b = block(code, &mut diags);
            assert_eq!(b.body.is_some(), has_body, "{code:?}");
            assert_eq!(diags.len(), expected.len(), "{code:?}: {diags:?}");
            for (d, (c, line, frag)) in diags.iter().zip(&expected) {
                assert_eq!((d.code, d.span.line), (*c, *line), "{code:?}: {d:?}");
                assert!(d.message.contains(frag), "{code:?}: {}", d.message);
                assert_eq!(d.span.file, "beta/api/x.md");
            }
        }
        // Many of one kind: one warning at the first line, the others counted.
        let mut diags = Vec::new();
        let code = "HTTP/1.1 200 OK\n\n{\n  a: 1,\n  b: 2,\n  \"c\": [1,],\n}";
        assert!(block(code, &mut diags).body.is_some());
        let got: Vec<(u32, &str)> = diags.iter().map(|d| (d.span.line, d.message.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (13, "example body is not strict JSON: unquoted key: `a` (and 1 more, on line 14)"),
                (15, "example body is not strict JSON: trailing comma (and 1 more, on line 15)"),
            ]
        );
        // A strict JSON body under a non-JSON Content-Type is still read.
        let mut diags = Vec::new();
        let code = "HTTP/1.1 200 OK\nContent-Type: text/plain\n\n{\"a\": 1}";
        assert!(block(code, &mut diags).body.is_some());
        assert!(diags.is_empty());
        let deep = format!("HTTP/1.1 200 OK\n\n{}", "[".repeat(500));
        let mut diags = Vec::new();
        assert!(block(&deep, &mut diags).body.is_none());
        assert_eq!(diags.iter().map(|d| (d.code, d.span.line)).collect::<Vec<_>>(), vec![(Code::JsonTooDeep, 12)]);
    }

    #[test]
    fn body_keeps_lines_and_annotation_is_passed_through() {
        let mut ann = serde_json::Map::new();
        ann.insert("name".into(), "update_group".into());
        let mut diags = Vec::new();
        let code = "PATCH https://graph.microsoft.com/v1.0/groups/{id}\nContent-type: application/json\n\n{\n  \"displayName\": \"x\"\n}\n";
        let b = parse_code_block(BlockType::Request, ann.clone(), 20, code, 22, "v1.0/api/group-update.md", &mut diags);
        assert!(diags.is_empty());
        assert_eq!(b.line, 20);
        assert_eq!(b.annotation, ann);
        let body = b.body.expect("body");
        assert_eq!(body.line, 25);
        let member = body.value.get("displayName").expect("member");
        assert_eq!((member.line, &member.value), (26, &JsonValue::String("x".into())));
    }

    /// The seed page's request example ends a member with a comma before `}` (page line 50).
    #[test]
    fn seed_connectorgroup_update_trailing_comma_line() {
        let page = include_str!("../../../docs/beta/api/connectorgroup-update.md");
        let annotation = page.find("\"blockType\": \"request\"").expect("request annotation");
        let start = annotation + page.get(annotation..).and_then(|r| r.find("```http\n")).expect("request fence");
        let first_line = u32::try_from(page.get(..start).unwrap_or("").matches('\n').count()).unwrap_or(0) + 2;
        let code = page.get(start + "```http\n".len()..).and_then(|r| r.split("\n```").next()).expect("fence content");
        let mut diags = Vec::new();
        let b = block_at(code, first_line, &mut diags);
        assert!(b.body.is_some());
        let got: Vec<(Code, u32)> = diags.iter().map(|d| (d.code, d.span.line)).collect();
        assert_eq!(got, vec![(Code::JsonTolerated, 50)]);
        assert!(diags.iter().all(|d| d.message.contains("trailing comma")));
    }

    /// Random framing and JSON fragments never panic, and every diagnostic lies inside the block.
    #[test]
    fn never_panics_on_garbage() {
        let pieces = [
            "PATCH https://x/{id}\n",
            "HTTP/1.1 200 OK\n",
            "HTTP 201\n",
            "Content-Type: application/json\n",
            "Content-type: text/plain\n",
            "\n",
            "{",
            "}",
            "[",
            "]",
            "\"a\": ",
            "'b'",
            ",",
            "...",
            "00:00",
            "/*",
            "//",
            "\u{a0}",
            "é",
            "<bytes>",
            "\"",
            "DELETE/x",
            "HTTP",
            ":",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..5_000 {
            let mut code = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 30) as usize;
            for i in 0..len {
                let k = (seed.rotate_left(i as u32 * 5) % pieces.len() as u64) as usize;
                code.push_str(pieces[k]);
            }
            let lines = u32::try_from(code.matches('\n').count()).unwrap_or(0);
            let mut diags = Vec::new();
            let _ = block(&code, &mut diags);
            for d in &diags {
                assert!((10..=10 + lines).contains(&d.span.line), "{code:?}: {d:?}");
            }
            let mut diags = Vec::new();
            let _ = crate::parse::annotation::parse_annotation(&code, 3, "x.md", &mut diags);
        }
    }

    fn block_at(code: &str, first_line: u32, diags: &mut Vec<Diagnostic>) -> CodeBlock {
        parse_code_block(
            BlockType::Request,
            serde_json::Map::new(),
            1,
            code,
            first_line,
            "beta/api/connectorgroup-update.md",
            diags,
        )
    }
}
