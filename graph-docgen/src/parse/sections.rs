//! sections: what a heading announces (table contexts, HTTP request, request body, response,
//! permissions) and what kind of page the headings and title describe.

use super::text::trim;
use crate::facts::{PageKind, TableContext};

/// A heading of the page (tab-group pseudo headings and `[!INCLUDE]` setext artefacts excluded).
#[derive(Clone, Debug)]
pub struct Heading {
    pub level: u8,
    /// Plain text: markdown decoration removed, trimmed, trailing `:` removed.
    pub text: String,
    pub line: u32,
}

/// What a section is about, from its heading text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Properties,
    Relationships,
    RequestBody,
    Parameters,
    /// `Members`, `x values`, `enum` headings.
    Members,
    HttpRequest,
    Response,
    Permissions,
    /// Request/response headers: tables there are `Other` even under a property-ish parent.
    Headers,
    JsonRepresentation,
    Examples,
    Other,
}

/// Heading text -> section. Order matters: the first matching rule wins.
pub fn classify(text: &str) -> Section {
    // An ASCII heading (nearly all) is matched as it is, ignoring ASCII case, which is what
    // lower-casing it would give; any other is lower-cased first (`K`, the Kelvin sign,
    // lower-cases to an ASCII `k`).
    if text.is_ascii() {
        classify_lower(trim(text))
    } else {
        classify_lower(trim(&text.to_lowercase()))
    }
}

/// (rule, section): substring rules of [`classify`], checked in order.
const RULES: &[(&str, Section)] = &[
    ("http request", Section::HttpRequest),
    ("request body", Section::RequestBody),
    ("header", Section::Headers),
    ("permission", Section::Permissions),
    ("relationship", Section::Relationships),
    ("json representation", Section::JsonRepresentation),
    ("propert", Section::Properties),
    ("parameter", Section::Parameters),
    ("member", Section::Members),
    ("enum", Section::Members),
    ("example", Section::Examples),
];

/// For each byte, the rules (bit `r` for `RULES[r]`) whose first letter it is, in either case.
static RULES_STARTING_WITH: [u16; 256] = rules_by_first_byte();

const fn rules_by_first_byte() -> [u16; 256] {
    assert!(RULES.len() <= 16);
    let mut table = [0u16; 256];
    let mut r = 0;
    while r < RULES.len() {
        let first = RULES[r].0.as_bytes()[0];
        table[first.to_ascii_lowercase() as usize] |= 1 << r;
        table[first.to_ascii_uppercase() as usize] |= 1 << r;
        r += 1;
    }
    table
}

/// [`classify`] of trimmed text, lower-case or compared ignoring ASCII case.
fn classify_lower(t: &str) -> Section {
    if t.eq_ignore_ascii_case("response") || t.eq_ignore_ascii_case("responses") {
        return Section::Response;
    }
    let b = t.as_bytes();
    let ends_with_values = b.len() >= 7 && b[b.len() - 7..].eq_ignore_ascii_case(b" values");
    if ends_with_values || t.eq_ignore_ascii_case("values") {
        return Section::Members;
    }
    // The first rule contained anywhere, found in one walk over the heading rather than one
    // substring search per rule (this runs for each of the corpus's ~115,000 headings): at
    // each position, the earliest rule starting there that is earlier than any found so far.
    // Most positions start no rule at all, which one table look-up settles.
    let mut first = RULES.len();
    for i in 0..b.len() {
        let mut candidates = RULES_STARTING_WITH[usize::from(b[i])] & ((1 << first) - 1);
        while candidates != 0 {
            let r = candidates.trailing_zeros() as usize;
            let k = RULES[r].0.as_bytes();
            if b.get(i..i + k.len()).is_some_and(|w| w.eq_ignore_ascii_case(k)) {
                first = r;
                break;
            }
            candidates &= candidates - 1;
        }
    }
    RULES.get(first).map(|(_, s)| *s).unwrap_or(Section::Other)
}

/// The context of a table below the heading `stack` (outermost first): the nearest heading
/// that says something decides; headers sections always give `Other`.
pub fn table_context(stack: &[Heading]) -> TableContext {
    for h in stack.iter().rev() {
        let section = classify(&h.text);
        // The H1 title only matters when it names an enum (`# x enum type` + member table);
        // `# deviceHealthScriptBooleanParameter resource type` is not a parameters section.
        if h.level <= 1 && section != Section::Members {
            continue;
        }
        match section {
            Section::Properties => return TableContext::Properties,
            Section::Relationships => return TableContext::Relationships,
            Section::RequestBody => return TableContext::RequestBody,
            Section::Parameters => return TableContext::Parameters,
            Section::Members => return TableContext::Members,
            Section::Headers | Section::Response | Section::Permissions | Section::HttpRequest | Section::Examples => {
                return TableContext::Other
            }
            Section::JsonRepresentation | Section::Other => {}
        }
    }
    TableContext::Other
}

/// Headings that make a page a type page when present. Exact (case-insensitive) matches
/// only: conceptual pages have `#### Update worksheet properties` and the like.
const TYPE_PAGE_HEADINGS: &[&str] = &["properties", "relationships", "json representation", "property", "relationship"];

pub fn is_type_page_heading(text: &str) -> bool {
    let text = trim(text);
    TYPE_PAGE_HEADINGS.iter().any(|h| h.eq_ignore_ascii_case(text))
}

/// Title suffixes of type pages, longest first, with the kind they announce.
const TITLE_SUFFIXES: &[(&str, PageKind)] = &[
    (" resource type", PageKind::Resource),
    // Typo on two beta pages (`media resouce type`).
    (" resouce type", PageKind::Resource),
    (" complex type", PageKind::Resource),
    (" enum type", PageKind::Enum),
    (" enumeration type", PageKind::Enum),
    (" enumeration", PageKind::Enum),
    (" enum", PageKind::Enum),
    (" values", PageKind::Enum),
    (" resource", PageKind::Resource),
    (" facet", PageKind::Resource),
    (" object", PageKind::Resource),
    (" type", PageKind::Resource),
];

/// `group resource type` -> (`group`, Resource). `None` for free-form titles.
pub fn title_type(title: &str) -> Option<(String, PageKind)> {
    let t = title.trim();
    // `accessReview resource type (deprecated)`, `teamsTabConfiguration resource type (Open Type)`:
    // a trailing remark in parentheses.
    let t = match t.rfind(" (") {
        Some(open) if t.ends_with(')') => t[..open].trim_end(),
        _ => t,
    };
    for (suffix, kind) in TITLE_SUFFIXES {
        let n = suffix.len();
        if t.len() > n && t.is_char_boundary(t.len() - n) && t[t.len() - n..].eq_ignore_ascii_case(suffix) {
            let name = t[..t.len() - n].trim().trim_matches('`').trim();
            let name = name.strip_prefix("microsoft.graph.").unwrap_or(name);
            let single = !name.is_empty() && !name.contains(char::is_whitespace);
            let generic = name.eq_ignore_ascii_case("enum");
            return (single && !generic).then(|| (name.to_string(), *kind));
        }
    }
    None
}

/// What the content says, for `page_kind`.
#[derive(Clone, Debug, Default)]
pub struct ContentSignals {
    pub title: Option<String>,
    pub has_http_request: bool,
    pub has_type_sections: bool,
    pub has_member_tables: bool,
    pub has_property_tables: bool,
}

/// `doc_type` value -> kind.
pub fn doc_type_kind(doc_type: &str) -> Option<PageKind> {
    match doc_type {
        "apiPageType" => Some(PageKind::Api),
        "resourcePageType" => Some(PageKind::Resource),
        "enumPageType" => Some(PageKind::Enum),
        "conceptualPageType" => Some(PageKind::Conceptual),
        _ => None,
    }
}

/// Page kind from content; `None` when the content alone does not say.
pub fn content_kind(s: &ContentSignals) -> Option<PageKind> {
    // An HTTP request section is decisive: no type page has one, while free-form API titles
    // can end in a type-ish word (`List values`).
    if s.has_http_request {
        return Some(PageKind::Api);
    }
    let titled = s.title.as_deref().and_then(title_type).map(|(_, k)| k);
    if titled == Some(PageKind::Enum) {
        return Some(PageKind::Enum);
    }
    if titled == Some(PageKind::Resource) || s.has_type_sections || s.has_property_tables {
        return Some(PageKind::Resource);
    }
    if s.has_member_tables {
        return Some(PageKind::Enum);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        let cases = [
            ("Properties", Section::Properties),
            ("operationError Properties", Section::Properties),
            ("Relationships", Section::Relationships),
            ("HTTP Requests", Section::HttpRequest),
            ("HTTP request (to upload a new file)", Section::HttpRequest),
            ("Request body", Section::RequestBody),
            ("Optional request headers", Section::Headers),
            ("Query parameters", Section::Parameters),
            ("Members", Section::Members),
            ("allowInvitesFrom values", Section::Members),
            ("Response", Section::Response),
            ("JSON Representation", Section::JsonRepresentation),
            ("Permissions", Section::Permissions),
            ("Methods", Section::Other),
            // Rules later in the list but earlier in the text lose; case and non-ASCII text.
            ("Example request headers", Section::Headers),
            ("Members of the request body", Section::RequestBody),
            ("  RESPONSES ", Section::Response),
            ("Status VALUES", Section::Members),
            ("Eigenschaften (propert\u{e9})", Section::Properties),
            ("\u{c9}num\u{e9}ration ENUM", Section::Members),
            ("M\u{e9}thodes", Section::Other),
            ("PAR\u{c4}METER Parameter", Section::Parameters),
            ("", Section::Other),
        ];
        for (t, want) in cases {
            assert_eq!(classify(t), want, "{t}");
        }
    }

    #[test]
    fn contexts_use_the_nearest_meaningful_heading() {
        let h = |level, text: &str| Heading { level, text: text.into(), line: 1 };
        assert_eq!(table_context(&[h(1, "x"), h(2, "Properties"), h(3, "Sub")]), TableContext::Properties);
        assert_eq!(table_context(&[h(2, "Request body"), h(3, "Request headers")]), TableContext::Other);
        assert_eq!(table_context(&[h(1, "x")]), TableContext::Other);
        assert_eq!(table_context(&[h(1, "scriptParameter resource type")]), TableContext::Other);
        assert_eq!(table_context(&[h(1, "status enum type")]), TableContext::Members);
        assert_eq!(table_context(&[h(2, "Properties"), h(3, "status values")]), TableContext::Members);
    }

    #[test]
    fn titles() {
        let cases = [
            ("group resource type", Some(("group", PageKind::Resource))),
            ("connectorStatus enum type", Some(("connectorStatus", PageKind::Enum))),
            ("microsoft.graph.x resource type", Some(("x", PageKind::Resource))),
            ("Enum values", None),
            ("Update group", None),
            ("List members of a group", None),
            ("`itemReference` resource type", Some(("itemReference", PageKind::Resource))),
            ("accessReview resource type (deprecated)", Some(("accessReview", PageKind::Resource))),
            ("media resouce type", Some(("media", PageKind::Resource))),
            ("Working with Excel (preview)", None),
        ];
        for (t, want) in cases {
            assert_eq!(title_type(t), want.map(|(n, k)| (n.to_string(), k)), "{t}");
        }
    }

    #[test]
    fn kinds() {
        let api = ContentSignals { title: Some("Update group".into()), has_http_request: true, ..Default::default() };
        assert_eq!(content_kind(&api), Some(PageKind::Api));
        let res = ContentSignals { title: Some("group resource type".into()), ..Default::default() };
        assert_eq!(content_kind(&res), Some(PageKind::Resource));
        let en = ContentSignals { title: Some("Enum values".into()), has_member_tables: true, ..Default::default() };
        assert_eq!(content_kind(&en), Some(PageKind::Enum));
        assert_eq!(content_kind(&ContentSignals::default()), None);
    }
}
