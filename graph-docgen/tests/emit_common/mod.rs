#![allow(dead_code)] // shared by several test binaries, each uses a part
//! Shared by the emit tests: the hand-built fixture schema (each item exercises one emission
//! rule) and the scratch-crate compile check.

use graph_docgen::diagnostics::Span;
use graph_docgen::emit::FEATURES_KEY;
use graph_docgen::schema::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn span(file: &str, line: u32) -> Span {
    Span::line(file, line)
}

fn prop(wire: &str, ty: TypeRef, description: &str, line: u32) -> Property {
    Property {
        wire_name: wire.into(),
        ty,
        description: description.into(),
        navigation: false,
        read_only: false,
        nullable: None,
        key: false,
        source: span("beta/resources/fixture.md", line),
    }
}

fn prim(p: Primitive) -> TypeRef {
    TypeRef::Primitive(p)
}

fn complex(ns: &str, name: &str) -> TypeRef {
    TypeRef::Complex(TypeId::new(ns, name))
}

fn coll(t: TypeRef) -> TypeRef {
    TypeRef::Collection(Box::new(t))
}

const G: &str = "microsoft.graph";

fn ty(
    ns: &str,
    name: &str,
    kind: TypeKind,
    base: Option<&str>,
    properties: Vec<Property>,
    description: &str,
) -> TypeDef {
    TypeDef {
        id: TypeId::new(ns, name),
        kind,
        base: base.map(|b| TypeId::new(G, b)),
        properties,
        description: description.into(),
        workload: None,
        key_property: None,
        open_type: false,
        is_abstract: false,
        sources: vec![span(&format!("beta/resources/{name}.md"), 1)],
    }
}

fn member(wire: &str, description: &str) -> EnumMember {
    EnumMember { wire_name: wire.into(), value: None, description: description.into() }
}

fn body(wire: &str, ty: TypeRef, clearable: bool, line: u32) -> BodyField {
    BodyField {
        wire_name: wire.into(),
        ty,
        description: format!("The new `{wire}`."),
        clearable,
        required: false,
        source: span("beta/api/group-update.md", line),
    }
}

fn param(raw: &str, names: &[&str], position: ParamPosition) -> PathPiece {
    PathPiece::Param(PathParam { raw: raw.into(), names: names.iter().map(|n| n.to_string()).collect(), position })
}

fn lit(s: &str) -> PathPiece {
    PathPiece::Literal(s.into())
}

fn path(raw: &str, pieces: Vec<PathPiece>) -> PathTemplate {
    PathTemplate { raw: raw.into(), pieces, query: None }
}

/// A beta schema covering every rule of the emitter.
pub fn beta() -> Schema {
    let mut s = Schema::new(ApiVersion::Beta);
    let mut types = vec![
        ty(
            G,
            "entity",
            TypeKind::Entity,
            None,
            vec![prop("id", prim(Primitive::String), "The unique identifier.", 10)],
            "The base of every entity.",
        ),
        ty(
            G,
            "directoryObject",
            TypeKind::Entity,
            Some("entity"),
            vec![prop("deletedDateTime", prim(Primitive::DateTimeOffset), "When it was deleted.", 11)],
            "A directory object. See [group](group.md) and <https://example.com>.",
        ),
        ty(
            G,
            "group",
            TypeKind::Entity,
            Some("directoryObject"),
            vec![
                prop("displayName", prim(Primitive::String), "The name.<br>Required.", 20),
                prop("visibility", TypeRef::Enum(TypeId::new(G, "groupVisibility")), "Who can see it.", 21),
                prop("meetingDays", TypeRef::Enum(TypeId::new(G, "weekDays")), "A flags enum field.", 22),
                prop("members", coll(complex(G, "directoryObject")), "The members.", 23),
                prop("owner", complex(G, "directoryObject"), "Not a cycle: no box.", 24),
                prop("lastCall", complex("microsoft.graph.callRecords", "session"), "Into a sub-namespace.", 25),
                prop("mystery", complex(G, "mystery"), "An undescribed type.", 26),
                prop("legacy", TypeRef::Unknown("Edm.Whatever".into()), "An unresolved type.", 27),
            ],
            "A group.\n\n```rust\nlet g = Group::default();\n```",
        ),
        ty(
            G,
            "primitiveBag",
            TypeKind::Complex,
            None,
            [
                ("aString", Primitive::String),
                ("aBoolean", Primitive::Boolean),
                ("aByte", Primitive::Byte),
                ("anSByte", Primitive::SByte),
                ("anInt16", Primitive::Int16),
                ("anInt32", Primitive::Int32),
                ("anInt64", Primitive::Int64),
                ("aSingle", Primitive::Single),
                ("aDouble", Primitive::Double),
                ("aDecimal", Primitive::Decimal),
                ("aDateTimeOffset", Primitive::DateTimeOffset),
                ("aDate", Primitive::Date),
                ("aTimeOfDay", Primitive::TimeOfDay),
                ("aDuration", Primitive::Duration),
                ("aGuid", Primitive::Guid),
                ("aBinary", Primitive::Binary),
                ("aStream", Primitive::Stream),
                ("aJson", Primitive::Json),
            ]
            .into_iter()
            .enumerate()
            .map(|(i, (w, p))| prop(w, prim(p), "", 30 + i as u32))
            .chain([prop("manyInts", coll(prim(Primitive::Int32)), "A collection of primitives.", 60)])
            .collect(),
            "Every primitive type.",
        ),
        ty(
            G,
            "folder",
            TypeKind::Complex,
            None,
            vec![
                prop("parent", complex(G, "folder"), "Self reference: boxed.", 70),
                prop("children", coll(complex(G, "folder")), "Through a Vec: not boxed.", 71),
                prop("ping", complex(G, "pong"), "Two-type cycle: boxed.", 72),
            ],
            "A self-referencing type.",
        ),
        ty(
            G,
            "pong",
            TypeKind::Complex,
            None,
            vec![prop("back", complex(G, "folder"), "Back to folder: boxed.", 73)],
            "",
        ),
        ty(
            G,
            "keywords",
            TypeKind::Complex,
            None,
            [
                "type",
                "Type",
                "self",
                "match",
                "fn",
                "displayName",
                "DisplayName",
                "display-name",
                "@odata.type",
                "additionalProperties",
                "3dModel",
                "café",
            ]
            .iter()
            .enumerate()
            .map(|(i, w)| prop(w, prim(Primitive::String), "", 80 + i as u32))
            .collect(),
            "Field names that are keywords or collide.",
        ),
        ty(G, "fooBar", TypeKind::Complex, None, vec![], "Collides with foo_bar."),
        ty(G, "foo_bar", TypeKind::Complex, None, vec![], "Collides with fooBar."),
        ty(
            G,
            "Option",
            TypeKind::Complex,
            None,
            vec![prop("some", prim(Primitive::Boolean), "", 90)],
            "Named like a prelude type.",
        ),
        ty(G, "mystery", TypeKind::Opaque, None, vec![], ""),
        ty(
            "microsoft.graph.callRecords",
            "session",
            TypeKind::Entity,
            Some("entity"),
            vec![
                prop("caller", complex(G, "keywords"), "Back to the root namespace.", 100),
                prop("kind", TypeRef::Enum(TypeId::new("microsoft.graph.callRecords", "callType")), "", 101),
            ],
            "A call session.",
        ),
    ];
    // The callRecords session is an entity in a sub-namespace whose base is `microsoft.graph.entity`.
    for t in types.drain(..) {
        s.types.insert(t.id.key(), t);
    }
    let enums = vec![
        EnumDef {
            id: TypeId::new(G, "groupVisibility"),
            members: vec![
                member("public", "Anyone."),
                member("private", "Members only."),
                member("JIS B4", ""),
                member("Other", "Collides with the catch-all."),
                member("type", ""),
                member("public", "A duplicate."),
                member("unknownFutureValue", "Evolvable enum sentinel."),
            ],
            flags: false,
            evolvable: true,
            description: "Visibility of a group.".into(),
            workload: None,
            from_prose: false,
            sources: vec![span("beta/resources/groupvisibility.md", 1)],
        },
        EnumDef {
            id: TypeId::new(G, "weekDays"),
            members: vec![member("monday", ""), member("tuesday", "")],
            flags: true,
            evolvable: false,
            description: "Days, as flags.".into(),
            workload: None,
            from_prose: false,
            sources: vec![span("beta/resources/weekdays.md", 1)],
        },
        EnumDef {
            id: TypeId::new("microsoft.graph.callRecords", "callType"),
            members: vec![],
            flags: false,
            evolvable: false,
            description: "No members known.".into(),
            workload: None,
            from_prose: true,
            sources: vec![span("beta/resources/callrecords-session.md", 9)],
        },
    ];
    for e in enums {
        s.enums.insert(e.id.key(), e);
    }
    s.operations = vec![
        Operation {
            title: "Update group".into(),
            page: "beta/api/group-update.md".into(),
            method: Method::Patch,
            description: "Update the properties of a [group](../resources/group.md).".into(),
            workload: None,
            paths: vec![
                path("/groups/{id}", vec![lit("/groups/"), param("id", &["id"], ParamPosition::Segment)]),
                path(
                    "/users/{id | userPrincipalName}/joinedGroups/{group-id}",
                    vec![
                        lit("/users/"),
                        param("id | userPrincipalName", &["id", "userPrincipalName"], ParamPosition::Segment),
                        lit("/joinedGroups/"),
                        param("group-id", &["group-id"], ParamPosition::Segment),
                    ],
                ),
                path(
                    "/sites('{site-id}')/drive/root:/{item-path}:",
                    vec![
                        lit("/sites('"),
                        param("site-id", &["site-id"], ParamPosition::Quoted),
                        lit("')/drive/root:/"),
                        param("item-path", &["item-path"], ParamPosition::ItemPath),
                        lit(":"),
                    ],
                ),
            ],
            resource: Some(TypeId::new(G, "group")),
            body: vec![
                body("displayName", prim(Primitive::String), false, 40),
                body("description", prim(Primitive::String), true, 41),
                body("visibility", TypeRef::Enum(TypeId::new(G, "groupVisibility")), true, 42),
                body("meetingDays", TypeRef::Enum(TypeId::new(G, "weekDays")), true, 43),
                body("owner", complex(G, "directoryObject"), true, 44),
                body("tags", coll(prim(Primitive::String)), true, 45),
                body("body", prim(Primitive::Int32), true, 46),
                body("default", prim(Primitive::Boolean), false, 47),
                body("clone", prim(Primitive::Boolean), false, 48),
            ],
            body_from_resource: false,
            response: None,
            permissions: vec![
                Permission {
                    kind: "Delegated (work or school account)".into(),
                    scopes: vec!["Group.ReadWrite.All".into()],
                },
                Permission { kind: "Delegated (personal Microsoft account)".into(), scopes: vec![] },
            ],
            source: span("beta/api/group-update.md", 1),
        },
        Operation {
            title: "Update externalConnection".into(),
            page: "beta/api/externalconnection-update.md".into(),
            method: Method::Patch,
            description: "Update a connection.".into(),
            workload: None,
            paths: vec![],
            resource: None,
            body: vec![body("name", prim(Primitive::String), true, 30)],
            body_from_resource: false,
            response: None,
            permissions: vec![],
            source: span("beta/api/externalconnection-update.md", 1),
        },
        Operation {
            title: "Get group".into(),
            page: "beta/api/group-get.md".into(),
            method: Method::Get,
            description: "Not a PATCH: no builder.".into(),
            workload: None,
            paths: vec![path("/groups/{id}", vec![lit("/groups/"), param("id", &["id"], ParamPosition::Segment)])],
            resource: None,
            body: vec![],
            body_from_resource: false,
            response: None,
            permissions: vec![],
            source: span("beta/api/group-get.md", 1),
        },
    ];
    s
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// The `key = value` lines of one `[section]` of a TOML file (enough for the workspace manifest).
fn section(toml: &str, name: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut inside = false;
    for line in toml.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            inside = t == format!("[{name}]");
            continue;
        }
        if inside {
            if let Some((k, v)) = t.split_once('=') {
                out.insert(k.trim().to_string(), v.trim().to_string());
            }
        }
    }
    out
}

/// graph-models' manifest made standalone: `x.workspace = true` replaced by the workspace's
/// value, the generated features block replaced, an empty `[workspace]` table added.
fn standalone_manifest(manifest: &str, workspace: &str, features: &str) -> String {
    let package = section(workspace, "workspace.package");
    let deps = section(workspace, "workspace.dependencies");
    let mut out = String::new();
    let mut in_generated = false;
    for line in manifest.lines() {
        let t = line.trim();
        if t == "# BEGIN GENERATED FEATURES" {
            in_generated = true;
            out.push_str(line);
            out.push('\n');
            out.push_str(features);
            continue;
        }
        if t == "# END GENERATED FEATURES" {
            in_generated = false;
        }
        if in_generated {
            continue;
        }
        match t.strip_suffix(".workspace = true") {
            Some(key) => {
                let value = package.get(key).or_else(|| deps.get(key)).cloned().unwrap_or_default();
                out.push_str(&format!("{key} = {value}\n"));
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out.push_str("\n[workspace]\n");
    out
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Writes `files` into a standalone copy of graph-models under `target/<name>/crate` and runs
/// `cargo check` (and, if `doc`, `cargo doc`) with warnings denied. `Ok(false)` when there is
/// no runtime to compile against.
#[allow(dead_code)]
pub fn check_crate(files: &BTreeMap<String, String>, name: &str, doc: bool) -> Result<bool, String> {
    let root = workspace_root();
    let models =
        std::env::var_os("EMIT_COMPILE_MODELS_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("graph-models"));
    if !models.join("src/runtime").is_dir() {
        return Ok(false);
    }
    let target_dir = root.join("target").join(name);
    let krate = target_dir.join("crate");
    let _ = std::fs::remove_dir_all(&krate);
    let io = |e: std::io::Error| e.to_string();
    std::fs::create_dir_all(krate.join("src")).map_err(io)?;
    let manifest = std::fs::read_to_string(models.join("Cargo.toml")).map_err(io)?;
    let workspace = std::fs::read_to_string(root.join("Cargo.toml")).map_err(io)?;
    let features = files.get(FEATURES_KEY).cloned().unwrap_or_default();
    std::fs::write(krate.join("Cargo.toml"), standalone_manifest(&manifest, &workspace, &features)).map_err(io)?;
    if let Ok(lock) = std::fs::read(root.join("Cargo.lock")) {
        std::fs::write(krate.join("Cargo.lock"), lock).map_err(io)?;
    }
    std::fs::copy(models.join("src/lib.rs"), krate.join("src/lib.rs")).map_err(io)?;
    copy_dir(&models.join("src/runtime"), &krate.join("src/runtime")).map_err(io)?;
    for (path, text) in files.iter().filter(|(k, _)| k.as_str() != FEATURES_KEY) {
        let target = krate.join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        std::fs::write(target, text).map_err(io)?;
    }
    // `check` for the code, `doc` for the doc comments (broken links, HTML, bare URLs).
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let commands: &[(&str, &str)] =
        if doc { &[("check", "RUSTFLAGS"), ("doc", "RUSTDOCFLAGS")] } else { &[("check", "RUSTFLAGS")] };
    for (command, flags_var) in commands {
        let mut cmd = Command::new(&cargo);
        cmd.args([command, "--offline", "--all-features", "--lib", "--quiet", "--manifest-path"])
            .arg(krate.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", &target_dir)
            .env(flags_var, "-D warnings");
        if *command == "doc" {
            cmd.arg("--no-deps");
        }
        let output = cmd.output().map_err(io)?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            // `--offline` keeps tests off the network, so a package graph-models needs but
            // the local registry lacks (a fresh machine that ran only `-p graph-docgen`) fails
            // here; say how to fix it rather than leave a download error.
            let hint = if stderr.contains("--offline was specified") {
                "\n(the registry cache lacks a graph-models dependency: run `cargo fetch` once)"
            } else {
                ""
            };
            return Err(format!(
                "cargo {command} of the generated code failed:\n{}{hint}",
                stderr.chars().take(30000).collect::<String>()
            ));
        }
    }
    Ok(true)
}
