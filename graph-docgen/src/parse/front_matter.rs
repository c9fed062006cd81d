//! front_matter: the `---` YAML header (title, description, ms.prod, doc_type), read line by
//! line: the docs only ever use flat `key: value` pairs, and a YAML parser would reject the
//! malformed ones (`"apiPageType" `) that still carry the information.

use super::markers::has_todo;
use super::text::{trim, trim_end};
use crate::facts::FrontMatter;

/// The front matter and the 1-based line of its closing `---` (0 when the page has none).
pub fn parse(text: &str) -> (FrontMatter, u32) {
    let mut fm = FrontMatter::default();
    let mut lines = text.lines();
    if lines.next().map(trim_end) != Some("---") {
        return (fm, 0);
    }
    let mut pairs = Vec::new();
    let mut end = 0u32;
    for (i, line) in lines.enumerate() {
        let t = trim_end(line);
        if t == "---" || t == "..." {
            end = u32::try_from(i + 2).unwrap_or(u32::MAX);
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            pairs.push((trim(k).to_string(), unquote(v)));
        }
    }
    if end == 0 {
        // An opening `---` that never closes is a thematic break, not front matter.
        return (FrontMatter::default(), 0);
    }
    for (k, v) in pairs {
        // A `**TODO ...**` value is a placeholder, not information (it is reported by the
        // page-wide TODO scan).
        let v = (!v.is_empty() && !has_todo(&v)).then_some(v);
        match k.as_str() {
            "title" => fm.title = v,
            "description" => fm.description = v,
            "ms.prod" => fm.ms_prod = v,
            "doc_type" => fm.doc_type = v.map(|v| normalise_doc_type(&v)),
            _ => {}
        }
    }
    (fm, end)
}

/// Removes surrounding whitespace and one pair of matching quotes.
fn unquote(v: &str) -> String {
    let v = trim(v);
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return trim(&v[1..v.len() - 1]).to_string();
        }
    }
    v.to_string()
}

/// Misspellings of `doc_type` values seen in the corpus, each with its meaning.
const DOC_TYPE_ALIASES: &[(&str, &str)] = &[
    // 7 pages: typo with a trailing underscore.
    ("resourcePageType_", "resourcePageType"),
    // 2 multi-enum pages.
    ("enumTypes", "enumPageType"),
];

/// `"apiPageType" ` -> `apiPageType`; aliases resolved.
pub fn normalise_doc_type(v: &str) -> String {
    let v: String = v.chars().filter(|c| !c.is_whitespace() && *c != '"' && *c != '\'').collect();
    DOC_TYPE_ALIASES.iter().find(|(a, _)| *a == v).map(|(_, n)| n.to_string()).unwrap_or(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_type_spellings() {
        let cases = [
            ("apiPageType", "apiPageType"),
            ("\"apiPageType\" ", "apiPageType"),
            ("'resourcePageType'", "resourcePageType"),
            ("resourcePageType_", "resourcePageType"),
            ("enumTypes", "enumPageType"),
        ];
        for (input, want) in cases {
            assert_eq!(normalise_doc_type(input), want, "{input}");
        }
    }

    #[test]
    fn reads_keys() {
        let text = "---\ntitle: \"Update group\"\ndescription: 'Upd: x'\nms.prod: \"groups\" \ndoc_type: \"apiPageType\" \nauthor: x\n---\n# T\n";
        let (fm, end) = parse(text);
        assert_eq!(end, 7);
        assert_eq!(fm.title.as_deref(), Some("Update group"));
        assert_eq!(fm.description.as_deref(), Some("Upd: x"));
        assert_eq!(fm.ms_prod.as_deref(), Some("groups"));
        assert_eq!(fm.doc_type.as_deref(), Some("apiPageType"));
    }

    #[test]
    fn no_or_unclosed_front_matter() {
        for text in ["# T\n", "---\n", "---\ntitle: x\n", ""] {
            let (fm, end) = parse(text);
            assert_eq!(end, 0, "{text:?}");
            assert!(fm.title.is_none());
        }
        let (fm, _) = parse("---\nms.prod: \"\"\nauthor: x\n---\n");
        assert_eq!(fm.ms_prod, None);
        let (fm, _) = parse("---\nms.prod: \"**TODO: Add MS prod.**\"\n---\n");
        assert_eq!(fm.ms_prod, None);
    }
}
