//! program: the "small program using one workload" of issue 4 — a binary crate the benchmark
//! writes next to the generated crate and builds with `cargo build`, depending on it with only
//! one version and one workload feature.
//!
//! The program decodes and re-encodes a few structs of the workload and builds one PATCH body,
//! which is what a program calling Microsoft Graph for that workload does. What it costs to
//! build is graph-models with those features (the library) plus the code generation of the
//! types the program reaches (generated functions are `#[inline]`, so they are compiled where
//! they are used).

use std::collections::BTreeMap;
use std::path::Path;

/// What the program uses.
#[derive(Clone, Copy, Debug)]
pub struct Usage<'a> {
    /// `"v1_0,groups"`: the version and workload features the program enables.
    pub features: &'a str,
    /// Structs it decodes besides the first ones of the workload's own file: the resource a
    /// program for this workload is about, which lives in the always-compiled core when other
    /// workloads use it too (`Group`).
    pub structs: &'static [&'static str],
    /// The PATCH builder it uses, when the workload has it (else the workload's first).
    pub builder: &'static str,
}

/// The workload the program uses, when the generated crate has it: groups in v1.0, because
/// `group` is the docs' running example and what the seed pages describe. Otherwise the
/// largest workload is used (see [`super::phase::largest_workload_feature`]), without extras.
pub const PREFERRED: Usage<'static> = Usage { features: "v1_0,groups", structs: &["Group"], builder: "UpdateGroup" };

/// How many structs of the workload the program decodes and encodes.
const STRUCTS: usize = 5;

/// The program's files (`Cargo.toml`, `src/main.rs`) for `version,workload` given as the
/// feature list (`"v1_0,groups"`); `read` gives a generated file by its path in the crate
/// (`src/generated/v1_0/types_groups.rs`). `None` when the workload has no struct.
pub fn program_files(
    read: &dyn Fn(&str) -> Option<String>,
    usage: &Usage<'_>,
    graph_models: &Path,
) -> Option<BTreeMap<String, String>> {
    let (version, workload) = usage.features.split_once(',')?;
    let module = workload.replace('-', "_");
    let file = |kind: &str| read(&format!("src/generated/{version}/{kind}_{module}.rs"));
    let types = file("types").unwrap_or_default();
    let structs = item_names(&types, "pub struct ");
    if structs.is_empty() {
        return None;
    }
    let requests = file("requests").unwrap_or_default();
    let builders = item_names(&requests, "pub struct ");
    let builder = builders.iter().find(|b| **b == usage.builder).or(builders.first());

    let mut main = String::from(
        "//! A small program using a few types of one workload (written by `cargo xtask bench`).\n\
         use graph_models::runtime::serde_json;\n\n\
         fn main() {\n",
    );
    for name in usage.structs.iter().chain(structs.iter().take(STRUCTS)) {
        main.push_str(&format!(
            "    let value: graph_models::{version}::{name} =\n        \
             serde_json::from_str(r#\"{{\"id\":\"1\",\"unknown\":[1]}}\"#).expect(\"decodes\");\n    \
             println!(\"{{}}\", serde_json::to_string(&value).expect(\"encodes\"));\n"
        ));
    }
    if let Some(builder) = builder {
        main.push_str(&format!(
            "    println!(\"{{}}\", graph_models::{version}::requests::{builder}::new().to_json());\n"
        ));
    }
    main.push_str("}\n");

    let manifest = format!(
        "[package]\nname = \"one-workload-program\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\ngraph-models = {{ path = {path:?}, default-features = false, features = [{version:?}, {workload:?}] }}\n\n\
         [workspace]\n",
        path = graph_models.display().to_string(),
    );
    Some(BTreeMap::from([("Cargo.toml".to_string(), manifest), ("src/main.rs".to_string(), main)]))
}

/// Names of the top-level items starting with `prefix` (`pub struct `), in file order.
fn item_names<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    text.lines()
        .filter_map(|l| l.strip_prefix(prefix))
        .filter_map(|rest| rest.split(|c: char| !(c.is_alphanumeric() || c == '_')).next())
        .filter(|name| !name.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generated() -> impl Fn(&str) -> Option<String> {
        let files = BTreeMap::from([
            (
                "src/generated/v1_0/types_groups.rs".to_string(),
                "/// doc\n#[derive(Default)]\npub struct Group {\n}\npub struct GroupSetting {}\n".to_string(),
            ),
            (
                "src/generated/v1_0/requests_groups.rs".to_string(),
                "pub struct UpdateGroup {\n}\npub struct UpdateGroupSetting {\n}\n".to_string(),
            ),
            ("src/generated/beta/types_cloud_pc.rs".to_string(), "pub struct CloudPc {}\n".to_string()),
        ]);
        move |path: &str| files.get(path).cloned()
    }

    #[test]
    fn the_program_uses_the_workload_structs_and_a_builder() {
        let usage = Usage { features: "v1_0,groups", structs: &["Group"], builder: "UpdateGroupSetting" };
        let files = program_files(&generated(), &usage, Path::new("/gen/graph-models")).expect("a program");
        let main = &files["src/main.rs"];
        let decoded: Vec<&str> =
            main.lines().filter_map(|l| l.trim().strip_prefix("let value: graph_models::v1_0::")).collect();
        assert_eq!(decoded, ["Group =", "Group =", "GroupSetting ="], "the extra struct first, then the file's");
        assert!(main.contains("graph_models::v1_0::requests::UpdateGroupSetting::new().to_json()"), "{main}");
        let manifest = &files["Cargo.toml"];
        assert!(
            manifest.contains(
                r#"graph-models = { path = "/gen/graph-models", default-features = false, features = ["v1_0", "groups"] }"#
            ),
            "{manifest}"
        );
        assert!(manifest.contains("[workspace]"), "standalone: {manifest}");
    }

    #[test]
    fn module_names_use_underscores_and_a_missing_workload_gives_none() {
        let only = |features| Usage { features, structs: &[], builder: "" };
        let files = program_files(&generated(), &only("beta,cloud-pc"), Path::new("/g")).expect("a program");
        assert!(files["src/main.rs"].contains("graph_models::beta::CloudPc"));
        assert!(!files["src/main.rs"].contains("requests::"), "no builder file: no builder line");
        assert!(program_files(&generated(), &only("beta,mail"), Path::new("/g")).is_none());
        assert!(program_files(&generated(), &only("no-comma"), Path::new("/g")).is_none());
        // No preferred builder: the workload's first.
        let files = program_files(&generated(), &only("v1_0,groups"), Path::new("/g")).expect("a program");
        assert!(files["src/main.rs"].contains("requests::UpdateGroup::new()"));
    }
}
