//! prose: facts stated in sentences rather than tables: the request-body resource, an empty
//! request body, the response type, the page-level base type, the namespace line.

use super::markers::name_at_start;
use super::text::{find_ci, is_identifier, leading_link, trim, trim_wrapped, LinkTarget};
use super::type_cell::{parse_type, RefResolver};
use crate::facts::TypeExpr;

/// A fact found in a paragraph, with the byte offset (in the paragraph) where it was stated.
pub type Found<T> = Option<(T, usize)>;

/// Phrases introducing the resource a request body is made of.
const BODY_RESOURCE: &[&str] = &["representation of", "representation for"];
/// Phrases saying a request has no body.
const BODY_EMPTY: &[&str] = &[
    "do not supply a request body",
    "don't supply a request body",
    "don\u{2019}t supply a request body",
    "do not provide a request body",
    "don't provide a request body",
];
/// Phrases introducing a page-level base type (catalog §5).
const INHERITS: &[&str] = &["inherits from", "derived from", "derives from", "inherited from"];
/// Words that may stand between an inheritance phrase and the type (`Inherits from base class [x]`).
const INHERITS_FILLERS: &[&str] = &["the", "base", "class", "type", "abstract", "resource", "entity"];

/// `In the request body, supply a JSON representation of the [x](../resources/x.md) object`.
pub fn request_body_resource(para: &str, refs: RefResolver<'_>) -> Found<TypeExpr> {
    BODY_RESOURCE.iter().find_map(|p| {
        let at = find_ci(para, p)?;
        let after = at + p.len();
        let rel = para[after..].find('[')?;
        // The link must follow closely ("of the [x]", "of the parameters of an [x]") in the
        // same sentence; "with the `id` of the [x]" and "(that is, a [x], [y] ...)" name
        // something else than the body.
        let gap = &para[after..after + rel];
        if gap.len() > 40 || gap.contains(['.', '`', '(']) {
            return None;
        }
        let ty = link_type(&para[after + rel..], refs)?;
        Some((ty.0, at))
    })
}

pub fn request_body_empty(para: &str) -> bool {
    BODY_EMPTY.iter().any(|p| find_ci(para, p).is_some())
}

/// `returns a `200 OK` response code and [a|an|updated] [x](...) object` /
/// `... and a collection of [x](...) objects` -> the type, a collection when said so.
pub fn response_type(para: &str, refs: RefResolver<'_>) -> Found<TypeExpr> {
    let at = find_ci(para, "response code")?;
    let after = at + "response code".len();
    let tail = &para[after..];
    // The type is a link (`[group](group.md)`) or, on some pages, a bold name (`**alert**`).
    let rel = tail.find(['[', '*'])?;
    let between = &tail[..rel];
    // The sentence must still be going: a period means the name belongs to something else.
    if between.contains(". ") || between.len() > 60 {
        return None;
    }
    // `**[x](x.md)**`: a bold link is a link.
    let rel = if tail[rel..].starts_with("**[") { rel + 2 } else { rel };
    let (ty, rest) = if tail[rel..].starts_with('[') {
        link_type(&tail[rel..], refs).or_else(|| prose_link(&tail[rel..], refs))?
    } else {
        bold_name(&tail[rel..])?
    };
    let rest = rest.trim_start_matches('*').trim_start().to_ascii_lowercase();
    let collection =
        find_ci(between, "collection of").is_some() || rest.starts_with("objects") || rest.starts_with("collection");
    let ty = match ty {
        TypeExpr::Collection(_) => ty,
        t if collection => TypeExpr::Collection(Box::new(t)),
        t => t,
    };
    Some((ty, at))
}

/// `**alert**` at the start of `s` -> the named type and the text after it.
fn bold_name(s: &str) -> Option<(TypeExpr, &str)> {
    let body = s.strip_prefix("**")?;
    let end = body.find("**")?;
    let name = body[..end].trim();
    is_identifier(name).then(|| (TypeExpr::Named { name: name.to_string(), link: None }, &body[end + 2..]))
}

/// A link whose text is prose (`[synchronization error](x.md)`): the target names the type,
/// so both are kept for `lower`.
fn prose_link<'a>(s: &'a str, refs: RefResolver<'_>) -> Option<(TypeExpr, &'a str)> {
    let link = leading_link(s)?;
    let target = match link.target {
        LinkTarget::Inline(t) => Some(t.to_string()),
        LinkTarget::Reference(label) => refs(label),
    }?;
    // Only links to pages (types); anchors and external URLs are prose.
    if !target.ends_with(".md") {
        return None;
    }
    Some((TypeExpr::Named { name: link.text.trim().to_string(), link: Some(target) }, link.rest))
}

/// `Inherits from [entity](entity.md).`, `Derived from [x](x.md)`, `It is derived from
/// microsoft.graph.x.`, `Inherits from **baseItem**`.
pub fn inherits_from(para: &str, refs: RefResolver<'_>) -> Found<TypeExpr> {
    // Every phrase ends in "from", rarer in prose than the letters the phrases start with:
    // most paragraphs are settled by one search instead of four.
    find_ci(para, " from")?;
    INHERITS.iter().filter_map(|p| find_ci(para, p).map(|at| (at, p.len()))).min().and_then(|(at, len)| {
        let mut rest = para[at + len..].trim_start();
        // Skip filler words.
        loop {
            let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let word = &rest[..word_len];
            if !rest.starts_with('[') && INHERITS_FILLERS.iter().any(|f| f.eq_ignore_ascii_case(word)) {
                rest = rest[word_len..].trim_start();
            } else {
                break;
            }
        }
        if rest.starts_with('[') {
            // `[Conditional Access Session Control](conditionalaccesssessioncontrol.md)`:
            // the text is prose, the target names the type.
            return link_type(rest, refs).or_else(|| prose_link(rest, refs)).map(|(t, _)| (t, at));
        }
        let name = name_at_start(rest)?;
        Some((TypeExpr::Named { name, link: None }, at))
    })
}

/// `Namespace: microsoft.graph.callRecords` -> the namespace (decoration and a trailing `.`
/// removed).
pub fn namespace(para: &str) -> Option<String> {
    let first = trim(para.lines().next()?);
    let rest = first.get(..10).filter(|p| p.eq_ignore_ascii_case("namespace:")).map(|_| &first[10..])?;
    let ns = trim_wrapped(rest, b"`*").trim_end_matches('.');
    (!ns.is_empty()).then(|| ns.to_string())
}

/// The type a link at the start of `s` names, and the text after the link.
fn link_type<'a>(s: &'a str, refs: RefResolver<'_>) -> Option<(TypeExpr, &'a str)> {
    let link = leading_link(s)?;
    let whole = &s[..s.len() - link.rest.len()];
    match parse_type(whole, refs) {
        // Link text that is not a type name (`[the group](x.md)`): nothing to take.
        TypeExpr::Unparsed => None,
        t => Some((t, link.rest)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_refs(_: &str) -> Option<String> {
        None
    }
    fn n(name: &str, link: Option<&str>) -> TypeExpr {
        TypeExpr::Named { name: name.into(), link: link.map(Into::into) }
    }

    #[test]
    fn body_resource() {
        let cases = [
            ("In the request body, supply a JSON representation of the [connector](../resources/connector.md) object.", Some(n("connector", Some("../resources/connector.md")))),
            ("In the request body, supply a JSON representation for the [group](../resources/group.md) object.", Some(n("group", Some("../resources/group.md")))),
            ("In the request body, supply a JSON representation of [tab](../resources/teamstab.md) object.", Some(n("tab", Some("../resources/teamstab.md")))),
            ("In the request body, supply the values for relevant fields that should be updated.", None),
            ("supply a JSON representation of the object. See [x](x.md).", None),
            ("supply a JSON representation of the parameters of an [accessPackage](a.md) object.", Some(n("accessPackage", Some("a.md")))),
            ("provide a JSON representation with the `id` of the [identityProvider](i.md) you want to add.", None),
        ];
        for (p, want) in cases {
            assert_eq!(request_body_resource(p, &no_refs).map(|f| f.0), want, "{p}");
        }
        assert!(request_body_empty("Do not supply a request body for this method."));
        assert!(!request_body_empty("Supply a request body."));
    }

    #[test]
    fn responses() {
        let cases = [
            ("If successful, this method returns a `200 OK` response code and updated [group](../resources/group.md) object in the response body.", Some(n("group", Some("../resources/group.md")))),
            ("If successful, this method returns a `200 OK` response code and an updated [connector](../resources/connector.md) object.", Some(n("connector", Some("../resources/connector.md")))),
            ("If successful, this method returns a `200 OK` response code and a collection of [user](../resources/user.md) objects in the response body.", Some(TypeExpr::Collection(Box::new(n("user", Some("../resources/user.md")))))),
            ("If successful, this method returns a `204 No Content` response code. See [errors](x.md).", None),
            ("If successful, this method returns `204 No Content` response code.", None),
            ("If successful, this method returns a `200 OK` response code and collection of **alert** objects in the response body.", Some(TypeExpr::Collection(Box::new(n("alert", None))))),
            ("If successful, this method returns a `200 OK` response code and a collection of [synchronization error](../resources/x.md) objects.", Some(TypeExpr::Collection(Box::new(n("synchronization error", Some("../resources/x.md")))))),
            ("If successful, this method returns a `200 OK` response code and a **[x](x.md)** object.", Some(n("x", Some("x.md")))),
            ("If successful, this method returns a `202 Accepted` response code and an `Operation-Location` header. Poll [the status](x.md).", None),
        ];
        for (p, want) in cases {
            assert_eq!(response_type(p, &no_refs).map(|f| f.0), want, "{p}");
        }
    }

    #[test]
    fn inheritance() {
        let cases = [
            ("Inherits from [entity](entity.md).", Some(n("entity", Some("entity.md")))),
            ("Derived from [baseItem](baseitem.md).", Some(n("baseItem", Some("baseitem.md")))),
            (
                "This resource type inherits from [directoryObject](directoryobject.md).",
                Some(n("directoryObject", Some("directoryobject.md"))),
            ),
            ("Inherits from base class [x](x.md)", Some(n("x", Some("x.md")))),
            ("It is derived from microsoft.graph.mobileApp.", Some(n("microsoft.graph.mobileApp", None))),
            ("Inherited from **baseItem**", Some(n("baseItem", None))),
            (
                "The **drive** resource is derived from [**baseItem**](baseitem.md) and inherits",
                Some(n("baseItem", Some("baseitem.md"))),
            ),
            (
                "Inherits from [Conditional Access Session Control](x.md).",
                Some(n("Conditional Access Session Control", Some("x.md"))),
            ),
            ("Represents a group.", None),
        ];
        for (p, want) in cases {
            assert_eq!(inherits_from(p, &no_refs).map(|f| f.0), want, "{p}");
        }
    }

    #[test]
    fn namespaces() {
        let cases = [
            ("Namespace: microsoft.graph", Some("microsoft.graph")),
            ("Namespace: microsoft.graph.callRecords", Some("microsoft.graph.callRecords")),
            ("Namespace: microsoft.graph.", Some("microsoft.graph")),
            ("namespace: `microsoft.graph.termStore`", Some("microsoft.graph.termStore")),
            ("The namespace is x", None),
            ("Namespace:", None),
        ];
        for (p, want) in cases {
            assert_eq!(namespace(p).as_deref(), want, "{p}");
        }
    }
}
