//! annotation: the JSON inside `<!-- { "blockType": ... } -->` comments.
//!
//! Annotations are read with the lenient [`parse_json`] reader: a malformed one (trailing
//! comma, raw newline in a string, `isCollection: true`) is recovered and reported as
//! `GD0105`, and one that cannot be read at all is reported and ignored. Comments that are not
//! JSON objects (`uuid: ...` stamps, `markdownlint-disable`, prose, commented-out markdown)
//! are not annotations and give `None` without a diagnostic.

use crate::diagnostics::{Code, Diagnostic, Span};
use crate::parse::json::{group_tolerances, parse_json, JsonError};

/// Annotation keys whose value is a boolean; the docs sometimes quote it (`"truncated":
/// "true"` 41 times, `"isCollection": "true"` 19, `"openType": "false"` 2 in 2021), so a
/// `"true"`/`"false"` string under one of these keys is read as the boolean.
const BOOLEAN_KEYS: &[&str] = &[
    "truncated",
    "isCollection",
    "openType",
    "isComposable",
    "idempotent",
    "abstract",
    "isAbstract",
    "isEmpty",
    "isMediaEntity",
    "expectError",
    "opaqueUrl",
];

/// `body` is the text between `<!--` and `-->`, starting on page line `first_line`.
/// Returns `None` for comments that are not JSON annotations (uuid stamps, markdownlint, prose).
pub fn parse_annotation(
    body: &str,
    first_line: u32,
    path: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<serde_json::Map<String, serde_json::Value>> {
    if !looks_like_json_object(body) {
        return None;
    }
    let parsed = match parse_json(body, first_line) {
        Ok(p) => p,
        Err(e) => {
            let (line, col) = match &e {
                JsonError::Syntax { line, col, .. } => (*line, *col),
                JsonError::TooDeep { line } => (*line, 1),
            };
            diags.push(Diagnostic::new(
                Code::MalformedAnnotation,
                Span::new(path, line, col),
                format!("annotation comment could not be read ({e}); it was ignored"),
            ));
            return None;
        }
    };
    for (line, what) in &group_tolerances(&parsed.tolerated) {
        diags.push(Diagnostic::new(
            Code::MalformedAnnotation,
            Span::line(path, *line),
            format!("annotation comment is not valid JSON: {what}; it was read leniently"),
        ));
    }
    let serde_json::Value::Object(mut map) = parsed.json.to_value() else {
        return None;
    };
    // The annotation's few members are looked up in the key list, rather than each of the
    // eleven keys in the map (a tree search each, ~1,400 instructions an annotation).
    for (key, v) in map.iter_mut() {
        let quoted = match v.as_str().map(str::trim) {
            Some(s) if s.eq_ignore_ascii_case("true") => true,
            Some(s) if s.eq_ignore_ascii_case("false") => false,
            _ => continue,
        };
        if BOOLEAN_KEYS.contains(&key.as_str()) {
            *v = serde_json::Value::Bool(quoted);
        }
    }
    Some(map)
}

/// A JSON annotation starts with `{` followed (after whitespace) by a key and a colon, or by
/// `}`; `{page-id}`-style placeholders in commented-out prose do not.
fn looks_like_json_object(body: &str) -> bool {
    let Some(inner) = body.trim_start().strip_prefix('{') else {
        return false;
    };
    let inner = inner.trim_start();
    if inner.starts_with('}') || inner.starts_with('"') || inner.starts_with('\'') {
        return true;
    }
    // Unquoted key: an identifier directly followed by `:` (`isCollection: true`).
    let key_end = inner.find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '@' | '.' | '$' | '-')));
    match key_end {
        Some(end) if end > 0 => inner.get(end..).is_some_and(|rest| rest.trim_start().starts_with(':')),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn non_annotation_comments_are_none_without_diagnostics() {
        let cases = [
            " uuid: 8fcb5dbc-d5aa-4681-8e31-b001d5168d79\n2015-10-25 14:57:30 UTC ",
            " markdownlint-disable MD001 ",
            " TODO: * Define {page-id} ",
            "\n## Properties\n| Property | Type |\n|:--|:--|\n",
            " {page-id} is the id ",
            "",
            " [1, 2] ",
        ];
        for body in cases {
            let mut diags = Vec::new();
            assert_eq!(parse_annotation(body, 1, "a.md", &mut diags), None, "{body:?}");
            assert!(diags.is_empty(), "{body:?}: {diags:?}");
        }
    }

    /// `(body, expected map, expected GD0105 lines)`; the body starts on page line 10.
    #[test]
    fn annotation_variants() {
        let cases: Vec<(&str, serde_json::Value, Vec<u32>)> = vec![
            (
                " {\n  \"blockType\": \"request\",\n  \"name\": \"update_group\"\n} ",
                json!({"blockType": "request", "name": "update_group"}),
                vec![],
            ),
            ("{ \"blockType\": \"ignored\" }", json!({"blockType": "ignored"}), vec![]),
            (
                "{\n  \"blockType\": \"response\",\n  \"truncated\": \"true\",\n  \"isCollection\": \"True\",\n  \"openType\": \"false\"\n}",
                json!({"blockType": "response", "truncated": true, "isCollection": true, "openType": false}),
                vec![],
            ),
            (
                // Only the boolean keys: a `"true"` name stays a string, a quoted other word too.
                "{\n  \"name\": \"true\",\n  \"truncated\": \" TRUE \",\n  \"openType\": \"yes\"\n}",
                json!({"name": "true", "truncated": true, "openType": "yes"}),
                vec![],
            ),
            (
                "{\n  \"blockType\": \"response\",\n  \"truncated\": true,\n}",
                json!({"blockType": "response", "truncated": true}),
                vec![12],
            ),
            (
                "{\n  \"blockType\": \"response\",\n  isCollection: true\n}",
                json!({"blockType": "response", "isCollection": true}),
                vec![12],
            ),
            (
                "{\n  \"type\": \"#page.annotation\",\n  \"description\": \"Update\nconnector\"\n}",
                json!({"type": "#page.annotation", "description": "Update\nconnector"}),
                vec![12],
            ),
            (
                "{\n  \"type\": \"#page.annotation\",\n  \"description\": \"User delete x,\n  \"keywords\": \"\"\n}",
                json!({"type": "#page.annotation", "description": "User delete x,", "keywords": ""}),
                vec![12, 13],
            ),
            (
                "{\n  \"description\": translationLanguageOverride resource\"\n}",
                json!({"description": "translationLanguageOverride resource\""}),
                vec![11],
            ),
            (
                "{\n  \"blockType\": \"resource\"\n  \"@odata.type\": \"microsoft.graph.x\"\n}",
                json!({"blockType": "resource", "@odata.type": "microsoft.graph.x"}),
                vec![12],
            ),
        ];
        for (body, expected, lines) in cases {
            let mut diags = Vec::new();
            let got = parse_annotation(body, 10, "beta/api/x.md", &mut diags);
            assert_eq!(got.map(serde_json::Value::Object), Some(expected), "{body:?}");
            let got_lines: Vec<u32> = diags.iter().map(|d| d.span.line).collect();
            assert_eq!(got_lines, lines, "{body:?}: {diags:?}");
            assert!(diags.iter().all(|d| d.code == Code::MalformedAnnotation && d.span.file == "beta/api/x.md"));
        }
    }

    #[test]
    fn unreadable_annotation_is_reported_and_ignored() {
        let body = "{\n  \"type\": \"#page.annotation\",\n  \"description\" \"User delete x\"\n}";
        let mut diags = Vec::new();
        assert_eq!(parse_annotation(body, 40, "v1.0/api/x.md", &mut diags), None);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].code, Code::MalformedAnnotation);
        assert!(diags[0].message.contains("ignored"), "{}", diags[0].message);
    }
}
