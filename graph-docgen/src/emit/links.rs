//! links: which generated item a link in the generated docs may point at, as an intra-doc link.
//!
//! Every item's docs (structs, fields, enums, enum members, builders, setters) link to
//! generated items the same way: a docs link to the resource page of a struct becomes an
//! intra-doc link to that struct (`crate::v1_0::Group`), and a builder setter links to the
//! field it sets (`crate::v1_0::Group::display_name`), but only when the target is compiled
//! whenever the linking item is ([`compiled_with`]); with any other feature set `cargo doc`
//! would report a broken link. Everything else stays an absolute learn.microsoft.com link
//! (`rustdoc::doc_lines_linked`), or a plain code span for a setter.

use super::features::{compiled_with, Grouping};
use crate::names::NameMap;
use crate::schema::{Schema, TypeKind};
use std::collections::{BTreeMap, BTreeSet};

/// The page a type's description was most likely read from, for resolving its relative links:
/// the first resource page among its sources (API pages only mention a type), else the first.
pub fn description_page(sources: &[crate::diagnostics::Span]) -> &str {
    sources.iter().find(|s| s.file.contains("/resources/")).or(sources.first()).map(|s| s.file.as_str()).unwrap_or("")
}

/// Fills `names.doc_links` / `names.struct_links`: where each struct is for an intra-doc link,
/// and which resource page describes which struct, so that a link to that page becomes an
/// intra-doc link (`crate::v1_0::Group`).
///
/// A struct is read from several resource pages (`user.md`, `intune-devices-user.md`), and a
/// page may describe several types. A page links to one of the structs read from it: one named
/// like the page (`user.md`, or the last `-` part: `intune-shared-deviceconfiguration.md` ->
/// `deviceConfiguration`) before one whose description came from it, the first by key among
/// equals. A page only other structs' properties were read from links to nothing (no guess).
pub fn name_doc_links(schema: &Schema, names: &mut NameMap, grouping: &Grouping) {
    // page -> (rank, path, group); the lowest rank wins, the first seen among equals.
    let mut best: BTreeMap<String, ((bool, bool), String, String)> = BTreeMap::new();
    for t in schema.types.values().filter(|t| t.kind != TypeKind::Opaque) {
        let key = t.id.key();
        let Some(tn) = names.type_name(&key) else { continue };
        let mut path = format!("crate::{}", names.version_module);
        if let Some(m) = &tn.module {
            path.push_str("::");
            path.push_str(m);
        }
        path.push_str("::");
        path.push_str(&tn.name);
        let group = grouping.type_group(&key).to_string();
        let described = description_page(&t.sources).to_ascii_lowercase();
        let name = t.id.name().to_ascii_lowercase();
        let pages: BTreeSet<String> =
            t.sources.iter().map(|s| s.file.to_ascii_lowercase()).filter(|f| f.contains("/resources/")).collect();
        for page in pages {
            let named = page_names(&page, &name);
            let is_description = page == described;
            if !named && !is_description {
                continue;
            }
            let rank = (!named, !is_description);
            if best.get(&page).is_none_or(|(r, _, _)| rank < *r) {
                best.insert(page, (rank, path.clone(), group.clone()));
            }
        }
        names.struct_links.insert(key, (path, group));
    }
    names.doc_links = best.into_iter().map(|(page, (_, path, group))| (page, (path, group))).collect();
}

/// Whether the lower-cased resource `page` is named after the lower-cased type `name`: its file
/// stem is the name, or its last `-` part is (the docs prefix pages with their area,
/// `intune-devices-user.md`, `callrecords-session.md`).
fn page_names(page: &str, name: &str) -> bool {
    let stem = page.rsplit('/').next().unwrap_or(page).trim_end_matches(".md");
    stem == name || stem.rsplit('-').next() == Some(name)
}

/// The page -> intra-doc path resolver for the docs of an item of feature group `group`
/// (struct, enum or builder, and their fields, members and setters).
pub fn item_links<'a>(names: &'a NameMap, group: &'a str) -> impl Fn(&str) -> Option<String> + 'a {
    move |page: &str| {
        let (path, target) = names.doc_links.get(page)?;
        compiled_with(target, group).then(|| path.clone())
    }
}

/// The intra-doc path of the field of struct `key` with wire name `wire`
/// (`crate::v1_0::Group::display_name`), for docs of an item of feature group `group`.
pub fn field_link(names: &NameMap, key: &str, wire: &str, group: &str) -> Option<String> {
    let (path, target) = names.struct_links.get(key)?;
    let field = names.field(key, wire)?;
    compiled_with(target, group).then(|| format!("{path}::{field}"))
}

#[cfg(test)]
mod tests {
    use super::super::{enums, patch};
    use super::*;
    use crate::diagnostics::Span;
    use crate::schema::{
        ApiVersion, BodyField, EnumDef, EnumMember, Method, Operation, Primitive, Property, TypeDef, TypeId, TypeRef,
    };

    fn ty(name: &str, workload: Option<&str>, description: &str) -> TypeDef {
        TypeDef {
            id: TypeId::new("microsoft.graph", name),
            kind: TypeKind::Entity,
            base: None,
            properties: vec![Property {
                wire_name: "displayName".into(),
                ty: TypeRef::Primitive(Primitive::String),
                description: String::new(),
                navigation: false,
                read_only: false,
                nullable: None,
                key: false,
                source: Span::line(format!("v1.0/resources/{name}.md"), 1),
            }],
            description: description.into(),
            workload: workload.map(str::to_string),
            key_property: None,
            open_type: false,
            is_abstract: false,
            sources: vec![Span::line(format!("v1.0/resources/{name}.md"), 1)],
        }
    }

    fn update(resource: &str, workload: Option<&str>) -> Operation {
        Operation {
            title: format!("Update {resource}"),
            page: format!("v1.0/api/{resource}-update.md"),
            method: Method::Patch,
            description: format!("Update a [{resource}](../resources/{resource}.md)."),
            workload: workload.map(str::to_string),
            paths: vec![],
            resource: Some(TypeId::new("microsoft.graph", resource)),
            body: vec![BodyField {
                wire_name: "displayName".into(),
                ty: TypeRef::Primitive(Primitive::String),
                description: "The name, as on the [team](../resources/team.md).".into(),
                clearable: true,
                required: false,
                source: Span::line(format!("v1.0/api/{resource}-update.md"), 1),
            }],
            body_from_resource: false,
            response: None,
            permissions: vec![],
            source: Span::line(format!("v1.0/api/{resource}-update.md"), 1),
        }
    }

    /// `team` and the enum are core, `group` is in `groups` and `device` in `intune`; the
    /// builders update a group (groups), a device (intune, so not compiled with a core item)
    /// and a team (core).
    fn schema() -> Schema {
        let mut s = Schema::new(ApiVersion::V1_0);
        for t in [
            ty("team", None, "A team."),
            ty("group", Some("groups"), "A group, see [team](team.md) and [device](device.md)."),
            ty("device", Some("intune"), "A device."),
        ] {
            s.types.insert(t.id.key(), t);
        }
        let e = EnumDef {
            id: TypeId::new("microsoft.graph", "visibility"),
            members: vec![EnumMember {
                wire_name: "shared".into(),
                value: None,
                description: "Shared with the [team](team.md) but not the [group](group.md).".into(),
            }],
            flags: false,
            evolvable: false,
            description: "Who sees a [team](team.md).".into(),
            workload: None,
            from_prose: false,
            sources: vec![Span::line("v1.0/resources/enums.md", 1)],
        };
        s.enums.insert(e.id.key(), e);
        s.operations.push(update("group", Some("groups")));
        s.operations.push(update("device", None));
        s.operations.push(update("team", Some("teams")));
        s
    }

    fn names_and_grouping(s: &Schema) -> (NameMap, Grouping) {
        let (mut names, _) = NameMap::build(s);
        let grouping = Grouping::compute(s, names.builders.keys().copied());
        name_doc_links(s, &mut names, &grouping);
        (names, grouping)
    }

    /// The `#[doc]` texts of `items`, one per line, as rustdoc reads them.
    fn docs(items: Vec<syn::Item>) -> String {
        let text = super::super::format::print_items(items);
        text.lines().filter_map(|l| l.trim().strip_prefix("///")).collect::<Vec<_>>().join("\n")
    }

    const TEAM: &str = "[team](crate::v1_0::Team)";
    const ABS_GROUP: &str = "[group](https://learn.microsoft.com/graph/api/resources/group?view=graph-rest-1.0)";

    #[test]
    fn description_page_prefers_resource_pages() {
        let spans = |files: &[&str]| files.iter().map(|f| Span::line(*f, 1)).collect::<Vec<_>>();
        let cases: &[(&[&str], &str)] = &[
            (&["beta/api/group-update.md", "beta/resources/group.md"], "beta/resources/group.md"),
            (&["beta/api/group-update.md"], "beta/api/group-update.md"),
            (&[], ""),
        ];
        for (files, want) in cases {
            assert_eq!(description_page(&spans(files)), *want);
        }
    }

    #[test]
    fn every_resource_page_named_after_a_struct_links_to_it() {
        let mut s = Schema::new(ApiVersion::V1_0);
        let with_sources = |name: &str, pages: &[&str]| {
            let mut t = ty(name, None, "");
            t.sources = pages.iter().map(|p| Span::line(format!("v1.0/resources/{p}.md"), 1)).collect();
            t
        };
        for t in [
            // Sources are sorted: the description page of `user` is the intune one.
            with_sources("user", &["intune-devices-user", "user"]),
            // `calendar.md` also shows a `calendarColor` table; `event` was described on `aaa.md`,
            // which `zzz` describes too.
            with_sources("calendar", &["calendar"]),
            with_sources("calendarColor", &["calendar"]),
            with_sources("event", &["aaa", "event-overview"]),
            with_sources("zzz", &["aaa"]),
        ] {
            s.types.insert(t.id.key(), t);
        }
        let (names, _) = names_and_grouping(&s);
        let links: Vec<(&str, &str)> =
            names.doc_links.iter().map(|(page, (path, _))| (page.as_str(), path.as_str())).collect();
        assert_eq!(
            links,
            [
                ("v1.0/resources/aaa.md", "crate::v1_0::Event"),
                ("v1.0/resources/calendar.md", "crate::v1_0::Calendar"),
                ("v1.0/resources/intune-devices-user.md", "crate::v1_0::User"),
                ("v1.0/resources/user.md", "crate::v1_0::User"),
            ]
        );
        assert!(page_names("beta/resources/callrecords-session.md", "session"));
        assert!(!page_names("beta/resources/callrecords-session.md", "callrecords"));
    }

    #[test]
    fn the_link_rule_is_the_feature_rule() {
        let s = schema();
        let (names, grouping) = names_and_grouping(&s);
        assert_eq!(grouping.type_group("microsoft.graph.group"), "groups");
        let core = item_links(&names, "core");
        let groups = item_links(&names, "groups");
        assert_eq!(core("v1.0/resources/team.md").as_deref(), Some("crate::v1_0::Team"));
        assert_eq!(core("v1.0/resources/group.md"), None);
        assert_eq!(groups("v1.0/resources/group.md").as_deref(), Some("crate::v1_0::Group"));
        assert_eq!(groups("v1.0/resources/device.md"), None);
        let group = "microsoft.graph.group";
        assert_eq!(
            field_link(&names, group, "displayName", "groups").as_deref(),
            Some("crate::v1_0::Group::display_name")
        );
        assert_eq!(field_link(&names, group, "displayName", "core"), None);
        assert_eq!(field_link(&names, group, "nope", "groups"), None);
    }

    #[test]
    fn enum_and_member_docs_link_types() {
        let s = schema();
        let (names, _) = names_and_grouping(&s);
        let e = s.enums.get("microsoft.graph.visibility").unwrap_or_else(|| unreachable!());
        let text = docs(enums::emit_enum(&s, &names, e, "core"));
        assert!(text.contains(&format!(" Who sees a {TEAM}.")), "{text}");
        // The member links the core team, and `group` (only with the feature `groups`) absolutely.
        assert!(text.contains(&format!(" Shared with the {TEAM} but not the {ABS_GROUP}.")), "{text}");
    }

    #[test]
    fn builders_and_setters_link_what_is_compiled_with_them() {
        let s = schema();
        let (names, grouping) = names_and_grouping(&s);
        let builder = |index: usize| {
            let op = s.operations.get(index).unwrap_or_else(|| unreachable!());
            let bn = names.builders.get(&index).unwrap_or_else(|| unreachable!());
            docs(patch::emit_builder(&s, &names, op, bn, grouping.builder_group(index)))
        };
        // Update group (groups): its own struct and the core team are linked.
        let text = builder(0);
        assert!(text.contains(" Update a [group](crate::v1_0::Group)."), "{text}");
        assert!(text.contains(&format!(" The name, as on the {TEAM}.")), "{text}");
        assert!(text.contains(" Sets [`displayName`](crate::v1_0::Group::display_name)."), "{text}");
        assert!(text.contains(" Sends `null` for [`displayName`](crate::v1_0::Group::display_name), clearing it."));
        // Update device (core): the intune struct and its field may be missing, so the page
        // link is absolute and the setter names the wire name only.
        let text = builder(1);
        assert!(
            text.contains(
                " Update a [device](https://learn.microsoft.com/graph/api/resources/device?view=graph-rest-1.0)."
            ),
            "{text}"
        );
        assert!(text.contains(" Sets `displayName`."), "{text}");
        // Update team (teams) links the core struct and field.
        let text = builder(2);
        assert!(text.contains(" Sets [`displayName`](crate::v1_0::Team::display_name)."), "{text}");
    }

    #[test]
    fn struct_docs_link_only_what_is_compiled_with_them() {
        let s = schema();
        let (names, _) = names_and_grouping(&s);
        let t = s.types.get("microsoft.graph.group").unwrap_or_else(|| unreachable!());
        let cycles = super::super::structs::Cycles::new(&s);
        let text = docs(super::super::structs::emit_struct(&s, &names, &cycles, t, "groups"));
        assert!(
            text.contains(&format!(
                " A group, see {TEAM} and [device](https://learn.microsoft.com/graph/api/resources/device?view=graph-rest-1.0)."
            )),
            "{text}"
        );
    }
}
