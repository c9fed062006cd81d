//! qualify: namespace spellings and type-name cleanup, so that every later pass compares
//! names in one form (`microsoft.graph.termStore` whatever case a page used).

use crate::facts::{PageFacts, Primitive};
use crate::parse::text::{trim, trim_wrapped};
use std::collections::BTreeMap;

/// The namespace of pages without a `Namespace:` line.
pub(crate) const ROOT: &str = "microsoft.graph";

/// One spelling per namespace (compared case-insensitively).
#[derive(Debug, Default)]
pub(crate) struct Namespaces {
    /// Lower-cased namespace -> chosen spelling.
    canonical: BTreeMap<String, String>,
}

impl Namespaces {
    /// Picks, for each case-folded namespace, the spelling most pages use (ties: the smallest
    /// string), so the choice does not depend on page order.
    pub(crate) fn new(pages: &[&PageFacts]) -> Namespaces {
        let mut counts: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for p in pages {
            if let Some(ns) = &p.namespace {
                let t = trim_ns(&ns.value);
                if !t.is_empty() {
                    *counts.entry(t.to_ascii_lowercase()).or_default().entry(t.to_string()).or_default() += 1;
                }
            }
        }
        let mut canonical = BTreeMap::new();
        for (lower, spellings) in counts {
            // max count, then smallest spelling: iterate sorted, keep strictly greater counts.
            let mut best: Option<(&String, usize)> = None;
            for (s, n) in &spellings {
                if best.is_none_or(|(_, bn)| *n > bn) {
                    best = Some((s, *n));
                }
            }
            if let Some((s, _)) = best {
                canonical.insert(lower, s.clone());
            }
        }
        canonical.insert(ROOT.to_string(), ROOT.to_string());
        Namespaces { canonical }
    }

    /// `microsoft.graph.` -> `microsoft.graph`; `microsoft.graph.termstore` -> the chosen spelling.
    pub(crate) fn normalize(&self, raw: &str) -> String {
        let t = trim_ns(raw);
        if t.is_empty() {
            return ROOT.to_string();
        }
        self.canonical.get(&t.to_ascii_lowercase()).cloned().unwrap_or_else(|| t.to_string())
    }

    /// A namespace some page declares (or `microsoft.graph`), in any case.
    pub(crate) fn is_known(&self, namespace: &str) -> bool {
        self.canonical.contains_key(&trim_ns(namespace).to_ascii_lowercase())
    }

    /// The namespace a page's bare names live in.
    pub(crate) fn of_page(&self, page: &PageFacts) -> String {
        match &page.namespace {
            Some(ns) => self.normalize(&ns.value),
            None => ROOT.to_string(),
        }
    }

    /// Splits a cleaned name into (namespace if qualified, simple name).
    /// `microsoft.graph.callRecords.session` -> (`microsoft.graph.callRecords`, `session`).
    pub(crate) fn split(&self, name: &str) -> (Option<String>, String) {
        match name.rsplit_once('.') {
            Some((ns, simple)) if !simple.is_empty() => (Some(self.normalize(ns)), simple.to_string()),
            _ => (None, name.to_string()),
        }
    }
}

fn trim_ns(raw: &str) -> &str {
    trim_wrapped(raw, b"`").trim_end_matches('.')
}

/// A type name as written in a cell, link text or `@odata.type`, reduced to
/// `[A-Za-z0-9_.]` (`#microsoft.graph.group` -> `microsoft.graph.group`,
/// `Collection(microsoft.graph.x)` -> `microsoft.graph.x`, `` `group` `` -> `group`).
/// `None` when what is left is not a name (spaces, punctuation, empty, leading digit).
pub(crate) fn clean_name(raw: &str) -> Option<String> {
    let mut s = trim_wrapped(raw, b"`*#");
    for prefix in ["Collection(", "collection("] {
        if let Some(inner) = s.strip_prefix(prefix).and_then(|r| r.strip_suffix(')')) {
            s = trim(inner);
        }
    }
    s = s.trim_start_matches('#');
    if let Some(stripped) = s.strip_suffix(" enum") {
        s = trim(stripped);
    }
    let ok = !s.is_empty()
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        && !s.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && !s.ends_with('.');
    ok.then(|| s.to_string())
}

/// `stream`, `Edm.String`, `string`: an `@odata.type` that names a primitive, not a type.
pub(crate) fn primitive_of(name: &str) -> Option<Primitive> {
    use Primitive::*;
    let n = trim(name).to_ascii_lowercase();
    let n = n.strip_prefix("edm.").unwrap_or(&n);
    Some(match n {
        "string" => String,
        "boolean" => Boolean,
        "byte" => Byte,
        "sbyte" => SByte,
        "int16" => Int16,
        "int32" => Int32,
        "int64" => Int64,
        "single" => Single,
        "double" => Double,
        "decimal" => Decimal,
        "datetimeoffset" => DateTimeOffset,
        "date" => Date,
        "timeofday" => TimeOfDay,
        "duration" => Duration,
        "guid" => Guid,
        "binary" => Binary,
        "stream" => Stream,
        _ => return None,
    })
}

/// Whether an `@odata.type` / `Collection(...)` string says "collection".
pub(crate) fn is_collection_spelling(raw: &str) -> bool {
    raw.trim().to_ascii_lowercase().starts_with("collection(")
}

/// `connector` + `status` -> `connectorStatus`: the name of an enum that only a property's
/// prose defines (owner type name + property name with its first letter upper-cased).
pub(crate) fn owner_member_name(owner: &str, property: &str) -> String {
    let mut chars = property.chars();
    match chars.next() {
        Some(first) => format!("{owner}{}{}", first.to_ascii_uppercase(), chars.as_str()),
        None => owner.to_string(),
    }
}

/// Whether `path` is not the type's own page (`user.md` for `user`): sorts the own page of a
/// type before pages that extend it (`intune-shared-user.md`) among pages of the same rank.
pub(crate) fn not_own_page(path: &str, type_name: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    // `file == "{type_name}.md"` ignoring ASCII case, without building the name (this runs in
    // sort comparators).
    let (file, name) = (file.as_bytes(), type_name.as_bytes());
    let own = file.len() == name.len() + 3
        && file[..name.len()].eq_ignore_ascii_case(name)
        && file[name.len()..].eq_ignore_ascii_case(b".md");
    !own
}

/// A usable `ms.prod` (TODO placeholders and empty strings are not workloads).
pub(crate) fn workload(page: &PageFacts) -> Option<String> {
    let w = page.front_matter.ms_prod.as_deref()?.trim();
    let usable = !w.is_empty() && !w.contains("TODO") && !w.contains(char::is_whitespace);
    usable.then(|| w.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Spanned;

    fn page(path: &str, ns: Option<&str>) -> PageFacts {
        PageFacts {
            path: path.into(),
            namespace: ns.map(|v| Spanned { value: v.into(), line: 3 }),
            ..Default::default()
        }
    }

    #[test]
    fn own_page_is_the_type_name_ignoring_ascii_case() {
        assert!(!not_own_page("v1.0/resources/user.md", "user"));
        assert!(!not_own_page("v1.0/resources/User.MD", "uSer"));
        assert!(!not_own_page("user.md", "user"));
        assert!(not_own_page("v1.0/resources/intune-shared-user.md", "user"));
        assert!(not_own_page("v1.0/resources/users.md", "user"));
        assert!(not_own_page("v1.0/resources/user.txt", "user"));
        assert!(not_own_page("v1.0/resources/ü.md", "u"));
        assert!(!not_own_page("v1.0/resources/ü.md", "ü"));
    }

    #[test]
    fn namespaces_pick_one_spelling() {
        let a = page("a.md", Some("microsoft.graph.termStore"));
        let b = page("b.md", Some("microsoft.graph.termstore"));
        let c = page("c.md", Some("microsoft.graph.termStore"));
        let d = page("d.md", Some("microsoft.graph."));
        let e = page("e.md", None);
        let ns = Namespaces::new(&[&b, &a, &c, &d, &e]);
        let cases = [
            (&a, "microsoft.graph.termStore"),
            (&b, "microsoft.graph.termStore"),
            (&d, "microsoft.graph"),
            (&e, "microsoft.graph"),
        ];
        for (p, want) in cases {
            assert_eq!(ns.of_page(p), want, "{}", p.path);
        }
        assert_eq!(
            ns.split("microsoft.graph.TERMSTORE.term"),
            (Some("microsoft.graph.termStore".to_string()), "term".to_string())
        );
        assert_eq!(ns.split("group"), (None, "group".to_string()));
    }

    #[test]
    fn clean_names() {
        let cases = [
            ("group", Some("group")),
            ("#microsoft.graph.group", Some("microsoft.graph.group")),
            ("Collection(microsoft.graph.x)", Some("microsoft.graph.x")),
            ("`itemBody`", Some("itemBody")),
            ("**importance**", Some("importance")),
            ("alertFeedback enum", Some("alertFeedback")),
            ("string, maximum size 20", None),
            ("", None),
            ("1abc", None),
        ];
        for (raw, want) in cases {
            assert_eq!(clean_name(raw).as_deref(), want, "{raw}");
        }
    }

    #[test]
    fn owner_member_names() {
        assert_eq!(owner_member_name("group", "accessType"), "groupAccessType");
        assert_eq!(owner_member_name("connectorGroup", "connectorGroupType"), "connectorGroupConnectorGroupType");
    }
}
