//! type_cell: a property table's Type cell -> [`TypeExpr`], for every spelling of the corpus
//! (catalog §3 and `docs-format-type-strings.tsv`). Names keep the docs' spelling; resolving
//! them is `lower`'s job.

use super::text::{decode_entities, leading_link, strip_decoration, trim, LinkTarget};
use crate::facts::{Primitive, TypeExpr};

/// Primitive spellings, compared case-insensitively after an optional `Edm.` prefix.
/// The OData names come first; the rest are non-Edm words the docs use, with their meaning.
const PRIMITIVE_WORDS: &[(&str, Primitive)] = &[
    ("string", Primitive::String),
    ("boolean", Primitive::Boolean),
    ("byte", Primitive::Byte),
    ("sbyte", Primitive::SByte),
    ("int16", Primitive::Int16),
    ("int32", Primitive::Int32),
    ("int64", Primitive::Int64),
    ("single", Primitive::Single),
    ("double", Primitive::Double),
    ("decimal", Primitive::Decimal),
    ("datetimeoffset", Primitive::DateTimeOffset),
    ("date", Primitive::Date),
    ("timeofday", Primitive::TimeOfDay),
    ("duration", Primitive::Duration),
    ("guid", Primitive::Guid),
    ("binary", Primitive::Binary),
    ("stream", Primitive::Stream),
    ("json", Primitive::Json),
    // `bool` (4 cells, backticked): C# spelling of Boolean.
    ("bool", Primitive::Boolean),
    // `int`/`Int` (39) and `Integer` (13): the docs mean a 32-bit integer.
    ("int", Primitive::Int32),
    ("integer", Primitive::Int32),
    // `long` (C#): 64-bit.
    ("long", Primitive::Int64),
    // `Float` (3): OData's 32-bit float is Single.
    ("float", Primitive::Single),
    // `number` (22) / `numeric` (20): unspecified numbers, widest float is safest.
    ("number", Primitive::Double),
    ("numeric", Primitive::Double),
    // `DateTime`/`datetime` (54) and `Timestamp` (4): Graph only has DateTimeOffset.
    ("datetime", Primitive::DateTimeOffset),
    ("timestamp", Primitive::DateTimeOffset),
    // `GUID`/`uuid`: same as Guid (case already folded).
    ("uuid", Primitive::Guid),
    // `Url`/`Uri` (4): strings on the wire.
    ("url", Primitive::String),
    ("uri", Primitive::String),
    // `Object` (3), `JSON object` (6), `Untyped JSON object` (4): free-form JSON.
    ("object", Primitive::Json),
    ("json object", Primitive::Json),
    ("untyped json object", Primitive::Json),
    ("untyped json", Primitive::Json),
];

/// Words meaning "an enum, name not given" (`Enumeration`, `enum`).
const ANONYMOUS_ENUM_WORDS: &[&str] = &["enumeration", "enum", "string (enum)", "string enum"];

/// Resolves a reference-style link label (`[identitySet][]`) to its target, if the page
/// defines it.
pub type RefResolver<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Parses a Type cell. Never fails: unknown shapes give [`TypeExpr::Unparsed`].
pub fn parse_type(raw: &str, refs: RefResolver<'_>) -> TypeExpr {
    let s = normalise(raw);
    parse_inner(&s, refs, 0)
}

/// Entities decoded, TABs/NBSPs as spaces, whitespace collapsed.
fn normalise(raw: &str) -> String {
    // Most cells ("String", "[group](group.md) collection") are ASCII without an entity, a
    // control character or a run of spaces: nothing to change.
    let b = raw.as_bytes();
    let unchanged = b.iter().all(|&c| c > b' ' && c < 0x80 && c != b'&' || c == b' ')
        && !raw.starts_with(' ')
        && !raw.ends_with(' ')
        && !raw.contains("  ");
    if unchanged {
        return raw.to_string();
    }
    normalise_any(raw)
}

/// [`normalise`] of any cell.
fn normalise_any(raw: &str) -> String {
    let s = decode_entities(raw);
    s.split(|c: char| c.is_whitespace() || c == '\u{A0}').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn parse_inner(s: &str, refs: RefResolver<'_>, depth: u32) -> TypeExpr {
    // Recursion only peels decorations and collection wrappers; bound it anyway.
    if depth > 8 || s.is_empty() {
        return TypeExpr::Unparsed;
    }
    let s = trim(s);
    // Whole-cell decoration: `` `String` ``, `**dateTimeTimeZone**`.
    let undecorated = strip_wrappers(s);
    if undecorated != s {
        return parse_inner(undecorated, refs, depth + 1);
    }
    let lower = s.to_ascii_lowercase();

    // `Collection(X)`, `collection(X)`.
    if lower.starts_with("collection(") && s.ends_with(')') {
        let inner = &s["collection(".len()..s.len() - 1];
        return collection(parse_inner(inner, refs, depth + 1));
    }
    // `Collection of X`, `array of X`.
    for prefix in ["collection of ", "array of "] {
        if lower.starts_with(prefix) {
            return collection(parse_inner(&s[prefix.len()..], refs, depth + 1));
        }
    }
    // `X[]`.
    if let Some(inner) = s.strip_suffix("[]") {
        if !inner.ends_with(']') {
            return collection(parse_inner(inner, refs, depth + 1));
        }
    }
    // Links, inline or reference style; text after the link may say `collection`.
    if s.starts_with('[') {
        if let Some(ty) = parse_link_cell(s, refs, depth) {
            return ty;
        }
    }
    // `X collection` (any case).
    if lower.ends_with(" collection") {
        let inner = &s[..s.len() - " collection".len()];
        return collection(parse_inner(inner, refs, depth + 1));
    }
    // `(Optional) String`: a leading parenthetical is a remark.
    if s.starts_with('(') {
        if let Some(close) = s.find(')') {
            let rest = s[close + 1..].trim();
            if !rest.is_empty() && !s[1..close].contains(" or ") {
                return parse_inner(rest, refs, depth + 1);
            }
        }
    }
    if ANONYMOUS_ENUM_WORDS.contains(&lower.as_str()) {
        return TypeExpr::AnonymousEnum;
    }
    if let Some(p) = primitive(&lower) {
        return TypeExpr::Primitive(p);
    }
    // Alternatives (`X or Y`, `X/Y`, `(a or b or c)`): one type when all agree, else raw JSON,
    // which keeps every alternative.
    if let Some(ty) = alternatives(s, refs, depth) {
        return ty;
    }
    // `string (url)`, `String (optional)`: a trailing parenthetical is a remark.
    if let Some(open) = s.find(" (") {
        if s.ends_with(')') {
            return parse_inner(&s[..open], refs, depth + 1);
        }
    }
    // `string, maximum size 20`: the remark follows a comma.
    if let Some((head, _)) = s.split_once(',') {
        let ty = parse_inner(head, refs, depth + 1);
        if ty != TypeExpr::Unparsed {
            return ty;
        }
    }
    // `alertFeedback enum`, `error object`: a type name followed by a kind word.
    for suffix in [" enum", " object", " enumeration", " type"] {
        if lower.ends_with(suffix) {
            let head = &s[..s.len() - suffix.len()];
            if is_type_name(head) {
                return named(head, None);
            }
        }
    }
    if is_type_name(s) {
        return named(s, None);
    }
    TypeExpr::Unparsed
}

fn collection(inner: TypeExpr) -> TypeExpr {
    match inner {
        TypeExpr::Unparsed => TypeExpr::Unparsed,
        t => TypeExpr::Collection(Box::new(t)),
    }
}

/// Peels one layer of backticks / bold / italics around the whole cell.
fn strip_wrappers(s: &str) -> &str {
    for w in ["**", "__", "`", "*", "_"] {
        if s.len() > 2 * w.len() && s.starts_with(w) && s.ends_with(w) {
            return trim(&s[w.len()..s.len() - w.len()]);
        }
    }
    s
}

/// `[T](target)`, `[T][]`, `[**T**][ref]`, `[T]`, each optionally followed by `collection`,
/// `enum` or a remark.
fn parse_link_cell(s: &str, refs: RefResolver<'_>, depth: u32) -> Option<TypeExpr> {
    let link = leading_link(s)?;
    let text = strip_decoration(link.text);
    let target = match link.target {
        LinkTarget::Inline(t) => Some(t.to_string()),
        LinkTarget::Reference(label) => refs(label).or_else(|| refs(&strip_decoration(label))),
    };
    let rest = trim(link.rest);
    let rest_lower = rest.to_ascii_lowercase();
    if rest_lower.starts_with("or ") || rest_lower.starts_with("/") {
        return None; // alternatives, handled by the caller
    }
    let base = if let Some(p) = primitive(&text.to_ascii_lowercase()) {
        TypeExpr::Primitive(p)
    } else if is_type_name(&text) {
        named(&text, target)
    } else {
        let _ = depth;
        return None;
    };
    // `collection`, `collection.` followed by prose, `(optional)`, `enum`: only `collection`
    // changes the type.
    if rest_lower.starts_with("collection") {
        return Some(TypeExpr::Collection(Box::new(base)));
    }
    Some(base)
}

fn alternatives(s: &str, refs: RefResolver<'_>, depth: u32) -> Option<TypeExpr> {
    let body = s.strip_prefix('(').and_then(|b| b.strip_suffix(')')).unwrap_or(s);
    let parts: Vec<&str> = if body.contains(" or ") {
        body.split(" or ").collect()
    } else if body.contains('/') && !body.contains('(') && !body.contains('[') {
        body.split('/').collect()
    } else {
        return None;
    };
    let types: Vec<TypeExpr> = parts.iter().map(|p| parse_inner(trim(p), refs, depth + 1)).collect();
    if types.contains(&TypeExpr::Unparsed) {
        return None;
    }
    let first = types.first()?.clone();
    if types.iter().all(|t| *t == first) {
        Some(first)
    } else {
        Some(TypeExpr::Primitive(Primitive::Json))
    }
}

fn primitive(lower: &str) -> Option<Primitive> {
    let word = trim(lower.strip_prefix("edm.").unwrap_or(lower));
    PRIMITIVE_WORDS.iter().find(|(w, _)| *w == word).map(|(_, p)| *p)
}

/// A type name: an identifier, possibly namespace-qualified (`microsoft.graph.callRecords.x`).
fn is_type_name(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        && !s.ends_with('.')
}

fn named(name: &str, link: Option<String>) -> TypeExpr {
    TypeExpr::Named { name: name.to_string(), link }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_cells_normalise_as_any_cell() {
        for raw in ["String", "Collection(String)", "[group](group.md) collection", "Int32 (optional)", "a b"] {
            assert_eq!(normalise(raw), normalise_any(raw), "{raw:?}");
        }
        assert_eq!(normalise(" String  collection\t"), "String collection");
        assert_eq!(normalise("Date&nbsp;Time\u{a0}Offset"), "Date Time Offset");
    }

    fn no_refs(_: &str) -> Option<String> {
        None
    }

    fn n(name: &str, link: Option<&str>) -> TypeExpr {
        TypeExpr::Named { name: name.into(), link: link.map(Into::into) }
    }
    fn p(p: Primitive) -> TypeExpr {
        TypeExpr::Primitive(p)
    }
    fn c(t: TypeExpr) -> TypeExpr {
        TypeExpr::Collection(Box::new(t))
    }

    #[test]
    fn spellings() {
        use Primitive::*;
        let cases = vec![
            ("String", p(String)),
            ("string", p(String)),
            (" String\t", p(String)),
            ("Edm.Int32", p(Int32)),
            ("`Edm.boolean `", p(Boolean)),
            ("`DateTimeOffset`", p(DateTimeOffset)),
            ("**dateTimeOffset**", p(DateTimeOffset)),
            ("DateTimeOffSet", p(DateTimeOffset)),
            ("GUID", p(Guid)),
            ("int", p(Int32)),
            ("Integer", p(Int32)),
            ("number", p(Double)),
            ("DateTime", p(DateTimeOffset)),
            ("Timestamp", p(DateTimeOffset)),
            ("Json", p(Json)),
            ("JSON object", p(Json)),
            ("Untyped JSON object", p(Json)),
            ("string (url)", p(String)),
            ("String (optional)", p(String)),
            ("(Optional) String", p(String)),
            ("string, maximum size 20", p(String)),
            ("String collection", c(p(String))),
            ("Collection(String)", c(p(String))),
            ("collection(string)", c(p(String))),
            ("Collection of String", c(p(String))),
            ("(boolean or string or number) collection", c(p(Json))),
            ("string/number", p(Json)),
            ("Enumeration", TypeExpr::AnonymousEnum),
            ("enum", TypeExpr::AnonymousEnum),
            ("String (enum)", TypeExpr::AnonymousEnum),
            ("groupAccessType", n("groupAccessType", None)),
            ("Recipient collection", c(n("Recipient", None))),
            ("microsoft.graph.ediscovery.sourceType", n("microsoft.graph.ediscovery.sourceType", None)),
            ("Collection(microsoft.graph.columnDefinition)", c(n("microsoft.graph.columnDefinition", None))),
            ("alertFeedback enum", n("alertFeedback", None)),
            ("error object", n("error", None)),
            ("[group](../resources/group.md)", n("group", Some("../resources/group.md"))),
            ("[group](group.md) collection", c(n("group", Some("group.md")))),
            (
                "Collection([keyValuePair](../resources/keyvaluepair.md))",
                c(n("keyValuePair", Some("../resources/keyvaluepair.md"))),
            ),
            ("[DateTimeOffset](timestamp.md)", p(DateTimeOffset)),
            (
                "[teamVisibilityType](../resources/teamvisibilitytype.md) (optional)",
                n("teamVisibilityType", Some("../resources/teamvisibilitytype.md")),
            ),
            (
                "[educationOutcome](educationOutcome.md) collection. Holds grades",
                c(n("educationOutcome", Some("educationOutcome.md"))),
            ),
            ("[fileHashType](filehashtypeenumtype.md) enum", n("fileHashType", Some("filehashtypeenumtype.md"))),
            ("[a](a.md) or [b](b.md)", p(Json)),
            ("[identitySet][]", n("identitySet", None)),
            ("[**driveItem**][driveItem] collection", c(n("driveItem", None))),
            ("", TypeExpr::Unparsed),
            ("** Unknown Type `x.y` ** collection", TypeExpr::Unparsed),
            ("Moment in time. DateTimeOffset", TypeExpr::Unparsed),
        ];
        for (input, want) in cases {
            assert_eq!(parse_type(input, &no_refs), want, "{input:?}");
        }
    }

    #[test]
    fn reference_links_resolve_through_the_page() {
        let refs = |label: &str| {
            (label.eq_ignore_ascii_case("identityset")).then(|| "../resources/identityset.md".to_string())
        };
        assert_eq!(parse_type("[identitySet][]", &refs), n("identitySet", Some("../resources/identityset.md")));
        assert_eq!(
            parse_type("Collection([identitySet][])", &refs),
            c(n("identitySet", Some("../resources/identityset.md")))
        );
    }
}
