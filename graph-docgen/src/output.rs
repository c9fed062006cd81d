//! output: writes the generated files into a crate directory, or checks them (`--check`).
//!
//! The generator owns exactly two things in the output crate: the directory `src/generated/`
//! (completely: a file not produced by this run is deleted, so a renamed type leaves no orphan)
//! and the block of `Cargo.toml` between [`BEGIN_MARKER`] and [`END_MARKER`]. In the file map
//! that `emit` returns, the key [`FEATURES_KEY`] (`"Cargo.toml#features"`) holds the text that
//! replaces that block; every other key must lie under `src/generated/`.
//!
//! Writing is all-or-nothing for `src/generated/`: the complete new tree is built in the sibling
//! `src/.generated.new`, then swapped in with two renames (old -> `src/.generated.old`, new ->
//! `src/generated`) and the backup deleted. A run interrupted between the renames is repaired
//! by the next one (the backup is moved back before anything else). Nothing is written or
//! deleted outside the output directory, and a non-empty directory that is not a generated
//! crate is refused ([`Code::OutputNotGenerated`]).
//!
//! When the output directory is missing or empty, a crate is scaffolded first from a
//! [`Scaffold`]: the hand-written part of the repo's `graph-models` (`Cargo.toml` made
//! standalone, `src/lib.rs`, `src/runtime/**`), read from the workspace at run time so that the
//! scaffold can never drift from the crate it copies.
//!
//! Comparison normalises line endings (`\r\n` -> `\n`) so a checkout with CRLF endings is not
//! reported stale; check mode sees every file on disk, tracked by git or not.

use crate::diagnostics::{Code, Diagnostic, Span};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;

/// Key of the file map whose content replaces the generated block of `Cargo.toml`.
pub const FEATURES_KEY: &str = "Cargo.toml#features";
/// The directory the generator owns, relative to the crate root.
pub const GENERATED_DIR: &str = "src/generated";
/// First line of the generated block in `Cargo.toml` (the marker lines themselves are kept).
pub const BEGIN_MARKER: &str = "# BEGIN GENERATED FEATURES";
/// Last line of the generated block in `Cargo.toml`.
pub const END_MARKER: &str = "# END GENERATED FEATURES";

/// Staging and backup directories, siblings of `src/generated` (names start with a dot so that
/// cargo and editors ignore them if a run is killed).
const STAGING_DIR: &str = "src/.generated.new";
const BACKUP_DIR: &str = "src/.generated.old";
const CARGO_TOML: &str = "Cargo.toml";
const CARGO_TOML_TMP: &str = ".Cargo.toml.new";

/// How one file differs between what is on disk and what the generator produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Delta {
    /// Produced, not on disk.
    Missing,
    /// On disk with other content.
    Stale,
    /// On disk under `src/generated/`, not produced (an orphan).
    Extra,
}

impl Delta {
    /// The word for a check report: `missing`, `stale`, `extra`.
    pub fn check_word(self) -> &'static str {
        match self {
            Delta::Missing => "missing",
            Delta::Stale => "stale",
            Delta::Extra => "extra",
        }
    }
    /// The word for what a write did: `added`, `changed`, `removed`.
    pub fn write_word(self) -> &'static str {
        match self {
            Delta::Missing => "added",
            Delta::Stale => "changed",
            Delta::Extra => "removed",
        }
    }
}

/// One differing file. `path` is relative to the crate root; the features block is reported as
/// [`FEATURES_KEY`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct FileDelta {
    pub path: String,
    pub delta: Delta,
}

impl FileDelta {
    /// The path for people: the features key reads as `Cargo.toml (generated features block)`.
    pub fn shown(&self) -> std::borrow::Cow<'_, str> {
        if self.path == FEATURES_KEY {
            "Cargo.toml (generated features block)".into()
        } else {
            self.path.as_str().into()
        }
    }
}

/// What a write would do (or, after [`write()`], what it did).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// The output directory held no crate: one is (to be) scaffolded first.
    pub scaffold: bool,
    /// Differences, sorted by path.
    pub deltas: Vec<FileDelta>,
}

impl Plan {
    pub fn is_up_to_date(&self) -> bool {
        !self.scaffold && self.deltas.is_empty()
    }
}

/// The hand-written files of a new crate, keyed by path relative to the crate root
/// (`Cargo.toml`, `src/lib.rs`, `src/runtime/...`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scaffold {
    pub files: BTreeMap<String, String>,
}

impl Scaffold {
    /// Reads the hand-written part of `<workspace>/graph-models`: its `Cargo.toml` (made
    /// standalone by [`standalone_manifest`]), `src/lib.rs` and everything under `src/runtime/`.
    pub fn from_workspace(workspace: &Path) -> Result<Scaffold, Vec<Diagnostic>> {
        let crate_dir = workspace.join("graph-models");
        // Paths outside the output directory: reported as they are (absolute from `cargo xtask`).
        let at = |p: &Path| Span::line(p.display().to_string(), 0);
        let read = |p: &Path| {
            fs::read_to_string(p).map_err(|e| vec![Diagnostic::new(Code::Io, at(p), format!("cannot read: {e}"))])
        };
        let ws_manifest = read(&workspace.join(CARGO_TOML))?;
        let manifest_path = crate_dir.join(CARGO_TOML);
        let manifest = read(&manifest_path)?;
        let manifest = standalone_manifest(&manifest, &ws_manifest)
            .map_err(|msg| vec![Diagnostic::new(Code::Io, at(&manifest_path), msg)])?;
        let mut files = BTreeMap::new();
        files.insert(CARGO_TOML.to_string(), manifest);
        files.insert("src/lib.rs".to_string(), read(&crate_dir.join("src/lib.rs"))?);
        let runtime = crate_dir.join("src/runtime");
        if runtime.is_dir() {
            let mut found = BTreeMap::new();
            walk_files(&runtime, "src/runtime", &mut found)
                .map_err(|e| vec![Diagnostic::new(Code::Io, at(&runtime), format!("cannot read: {e}"))])?;
            for (rel, entry) in found {
                let path = crate_dir.join(&rel);
                match entry {
                    DiskFile::Text(text) => {
                        files.insert(rel, text);
                    }
                    DiskFile::Other => {
                        return Err(vec![Diagnostic::new(
                            Code::Io,
                            at(&path),
                            "runtime file is not UTF-8 text or is a symlink; cannot scaffold from it",
                        )])
                    }
                }
            }
        }
        Ok(Scaffold { files })
    }
}

/// Turns a workspace member's manifest into a standalone one: `x.workspace = true` fields and
/// dependencies get the workspace's values (member `features` added to the workspace's), and an
/// empty `[workspace]` table stops cargo from looking for a parent workspace.
pub fn standalone_manifest(member: &str, workspace: &str) -> Result<String, String> {
    use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, Value};
    let ws: DocumentMut = workspace.parse().map_err(|e| format!("workspace Cargo.toml: {e}"))?;
    let mut doc: DocumentMut = member.parse().map_err(|e| format!("Cargo.toml: {e}"))?;
    let inherits = |item: &Item| item.get("workspace").and_then(|w| w.as_bool()).unwrap_or(false);

    if let Some(package) = doc.get_mut("package").and_then(Item::as_table_like_mut) {
        let keys: Vec<String> = package.iter().filter(|(_, v)| inherits(v)).map(|(k, _)| k.to_string()).collect();
        for key in keys {
            let value = ws
                .get("workspace")
                .and_then(|w| w.get("package"))
                .and_then(|p| p.get(&key))
                .ok_or_else(|| format!("package.{key} inherits from the workspace, which does not set it"))?;
            package.insert(&key, value.clone());
        }
    }

    for section in ["dependencies", "dev-dependencies", "build-dependencies"] {
        let Some(deps) = doc.get_mut(section).and_then(Item::as_table_like_mut) else { continue };
        let names: Vec<String> = deps.iter().filter(|(_, v)| inherits(v)).map(|(k, _)| k.to_string()).collect();
        for name in names {
            let base =
                ws.get("workspace").and_then(|w| w.get("dependencies")).and_then(|d| d.get(&name)).ok_or_else(
                    || format!("{section}.{name} inherits from the workspace, which does not declare it"),
                )?;
            let mut merged = InlineTable::new();
            if let Some(version) = base.as_str() {
                merged.insert("version", Value::from(version));
            } else if let Some(t) = base.as_table_like() {
                for (k, v) in t.iter() {
                    if let Some(v) = v.as_value() {
                        merged.insert(k, v.clone());
                    }
                }
            }
            if let Some(member_dep) = deps.get(&name).and_then(Item::as_table_like) {
                for (k, v) in member_dep.iter() {
                    let Some(v) = v.as_value() else { continue };
                    match k {
                        "workspace" => {}
                        "features" => {
                            let mut all: Array =
                                merged.get("features").and_then(Value::as_array).cloned().unwrap_or_default();
                            for f in v.as_array().into_iter().flatten() {
                                all.push(f.clone());
                            }
                            merged.insert("features", Value::Array(all));
                        }
                        _ => {
                            merged.insert(k, v.clone());
                        }
                    }
                }
            }
            merged.fmt();
            deps.insert(&name, Item::Value(Value::InlineTable(merged)));
        }
    }

    let mut empty = Table::new();
    empty.set_implicit(false);
    doc.insert("workspace", Item::Table(empty));
    Ok(doc.to_string())
}

/// Line endings normalised, so a CRLF checkout compares equal to LF output.
fn normalise(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A file found on disk under the generated tree.
#[derive(Debug)]
enum DiskFile {
    Text(String),
    /// Not UTF-8, or a symlink (never followed): always differs from generated text.
    Other,
}

/// Collects every file under `dir` (recursively, symlinks not followed) keyed by
/// `prefix/relative/path`.
fn walk_files(dir: &Path, prefix: &str, out: &mut BTreeMap<String, DiskFile>) -> io::Result<()> {
    use rayon::prelude::*;
    let mut found = Vec::new();
    list_files(dir, prefix, &mut found)?;
    // A generated tree is ~30 MB in a few hundred files: read in parallel, reported in order.
    let read: Vec<io::Result<(String, DiskFile)>> = found
        .into_par_iter()
        .map(|(rel, path)| match path {
            Some(path) => {
                let bytes = fs::read(path)?;
                Ok((rel, String::from_utf8(bytes).map(DiskFile::Text).unwrap_or(DiskFile::Other)))
            }
            None => Ok((rel, DiskFile::Other)),
        })
        .collect();
    for entry in read {
        let (rel, file) = entry?;
        out.insert(rel, file);
    }
    Ok(())
}

/// The files under `dir` in walk order, keyed like [`walk_files`]: the path of each regular
/// file, `None` for anything else that is not a directory (symlinks are not followed).
fn list_files(dir: &Path, prefix: &str, out: &mut Vec<(String, Option<std::path::PathBuf>)>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = format!("{prefix}/{name}");
        let kind = entry.file_type()?;
        if kind.is_dir() {
            list_files(&entry.path(), &rel, out)?;
        } else if kind.is_file() {
            out.push((rel, Some(entry.path())));
        } else {
            out.push((rel, None));
        }
    }
    Ok(())
}

/// Where a diagnostic about `path` points: relative to the output directory (`""` for the
/// directory itself) so it renders as `<out as typed>/<rel>`; absolute when outside it.
fn span_of(out: &Path, path: &Path) -> Span {
    let file = match path.strip_prefix(out) {
        Ok(rel) => rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"),
        Err(_) => path.display().to_string(),
    };
    Span::line(file, 0)
}

fn io_diag(out: &Path, path: &Path, what: &str, err: &io::Error) -> Diagnostic {
    Diagnostic::new(Code::Io, span_of(out, path), format!("{what}: {err}"))
}

/// A key is acceptable if it is [`FEATURES_KEY`] or a plain relative path under `src/generated/`
/// (no `..`, `.`, empty, absolute or backslash components): the guarantee that nothing is written
/// outside the output directory or outside what the generator owns.
fn key_is_owned(key: &str) -> bool {
    if key == FEATURES_KEY {
        return true;
    }
    let Some(rest) = key.strip_prefix(GENERATED_DIR).and_then(|r| r.strip_prefix('/')) else { return false };
    !rest.is_empty()
        && rest.split('/').all(|c| {
            !c.is_empty() && c != "." && c != ".." && !c.contains(['\\', ':', '\0']) && !c.starts_with(".generated")
        })
}

/// What decides that a directory may be written into.
#[derive(Debug, PartialEq, Eq)]
enum DirState {
    /// Missing or empty: scaffold a crate.
    Empty,
    /// A generated crate: a `Cargo.toml` carrying [`BEGIN_MARKER`], or a `src/generated/` whose
    /// files all carry an `@generated` first line (a crate whose emitter manages no features),
    /// or the backup of an interrupted swap.
    Generated,
    /// Anything else, such as another project's own `src/generated/`: refused.
    Foreign,
}

/// The marker every generated file's first line carries (the usual `@generated` convention).
const GENERATED_TAG: &str = "@generated";

fn dir_state(out: &Path) -> io::Result<DirState> {
    match fs::read_dir(out) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(DirState::Empty),
        Err(e) => return Err(e),
        Ok(mut entries) => {
            if entries.next().is_none() {
                return Ok(DirState::Empty);
            }
        }
    }
    if out.join(BACKUP_DIR).is_dir() {
        return Ok(DirState::Generated);
    }
    match fs::read_to_string(out.join(CARGO_TOML)) {
        Ok(text) if text.lines().any(|l| l.trim() == BEGIN_MARKER) => return Ok(DirState::Generated),
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let generated = out.join(GENERATED_DIR);
    if generated.is_dir() {
        let mut found = BTreeMap::new();
        walk_files(&generated, GENERATED_DIR, &mut found)?;
        let all_tagged = found.values().all(|f| match f {
            DiskFile::Text(t) => t.lines().next().is_some_and(|l| l.contains(GENERATED_TAG)),
            DiskFile::Other => false,
        });
        if all_tagged {
            return Ok(DirState::Generated);
        }
    }
    Ok(DirState::Foreign)
}

/// Replaces the lines between the markers of `manifest` with `block`. `None` when the markers
/// are missing or out of order.
pub fn replace_features_block(manifest: &str, block: &str) -> Option<String> {
    let lines: Vec<&str> = manifest.split_inclusive('\n').collect();
    let begin = lines.iter().position(|l| l.trim() == BEGIN_MARKER)?;
    let end = begin + 1 + lines.get(begin + 1..)?.iter().position(|l| l.trim() == END_MARKER)?;
    let mut out = String::with_capacity(manifest.len() + block.len());
    for l in lines.get(..=begin)? {
        out.push_str(l);
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(block);
    if !block.is_empty() && !block.ends_with('\n') {
        out.push('\n');
    }
    for l in lines.get(end..)? {
        out.push_str(l);
    }
    Some(out)
}

fn missing_block() -> Diagnostic {
    Diagnostic::new(
        Code::MissingGeneratedBlock,
        Span::line(CARGO_TOML, 0),
        format!("no `{BEGIN_MARKER}` ... `{END_MARKER}` block for the generated features"),
    )
}

/// Everything [`survey`] learnt about the output directory, for [`check`] and [`write()`].
struct Survey {
    plan: Plan,
    /// The new `Cargo.toml` text when the features block changes.
    new_manifest: Option<String>,
    generated_changed: bool,
}

fn survey(
    out: &Path,
    files: &BTreeMap<String, String>,
    scaffold_manifest: Option<&str>,
) -> Result<Survey, Vec<Diagnostic>> {
    let bad: Vec<Diagnostic> = files
        .keys()
        .filter(|k| !key_is_owned(k))
        .map(|k| {
            Diagnostic::new(
                Code::OutputPathNotOwned,
                Span::line(k.clone(), 0),
                format!("the generator produced `{k}`, which is not under `{GENERATED_DIR}/`"),
            )
        })
        .collect();
    if !bad.is_empty() {
        return Err(bad);
    }
    let state = dir_state(out).map_err(|e| vec![io_diag(out, out, "cannot read", &e)])?;
    if state == DirState::Foreign {
        return Err(vec![Diagnostic::new(
            Code::OutputNotGenerated,
            Span::line("", 0),
            format!(
                "not empty and not a generated crate (no `{BEGIN_MARKER}` in Cargo.toml, no `{GENERATED_DIR}/` of `{GENERATED_TAG}` files); refusing to write into it"
            ),
        )]);
    }
    let scaffold = state == DirState::Empty;

    let mut on_disk = BTreeMap::new();
    // An interrupted swap leaves only the backup: compare against it, [`write`] restores it.
    let existing = [GENERATED_DIR, BACKUP_DIR].into_iter().map(|d| out.join(d)).find(|p| p.is_dir());
    if let Some(dir) = &existing {
        walk_files(dir, GENERATED_DIR, &mut on_disk).map_err(|e| vec![io_diag(out, dir, "cannot read", &e)])?;
    }

    let mut deltas = Vec::new();
    for (path, text) in files.iter().filter(|(k, _)| k.as_str() != FEATURES_KEY) {
        match on_disk.get(path) {
            None => deltas.push(FileDelta { path: path.clone(), delta: Delta::Missing }),
            Some(DiskFile::Text(old)) if normalise(old) == normalise(text) => {}
            Some(_) => deltas.push(FileDelta { path: path.clone(), delta: Delta::Stale }),
        }
    }
    for path in on_disk.keys().filter(|k| !files.contains_key(*k)) {
        deltas.push(FileDelta { path: path.clone(), delta: Delta::Extra });
    }
    let generated_changed = !deltas.is_empty() || (existing.is_none() && !scaffold);

    let manifest_path = out.join(CARGO_TOML);
    let manifest = match scaffold_manifest {
        Some(text) if scaffold => Some(text.to_string()),
        _ => match fs::read_to_string(&manifest_path) {
            Ok(t) => Some(t),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(vec![io_diag(out, &manifest_path, "cannot read", &e)]),
        },
    };
    // No features key: emit does not manage features, and the block is left as it is (emptying
    // it would break `default = [...]` features that name versions).
    let block = files.get(FEATURES_KEY).map(String::as_str);
    let mut new_manifest = None;
    match (manifest, block) {
        (_, None) => {}
        (Some(old), Some(block)) => match replace_features_block(&old, block) {
            Some(new) if normalise(&new) == normalise(&old) => {}
            Some(new) => {
                // In a crate being scaffolded the block is new, not stale.
                let delta = if scaffold { Delta::Missing } else { Delta::Stale };
                deltas.push(FileDelta { path: FEATURES_KEY.to_string(), delta });
                new_manifest = Some(new);
            }
            // Without markers an empty block is trivially in place; content has nowhere to go.
            None if block.is_empty() => {}
            None => return Err(vec![missing_block()]),
        },
        (None, Some(_)) if scaffold => deltas.push(FileDelta { path: FEATURES_KEY.to_string(), delta: Delta::Missing }),
        // A crate with `src/generated/` but no manifest: the block has nowhere to go.
        (None, Some(_)) => return Err(vec![missing_block()]),
    }
    deltas.sort();
    Ok(Survey { plan: Plan { scaffold, deltas }, new_manifest, generated_changed })
}

/// Compares `files` with the crate in `out` without writing anything (`--check`).
pub fn check(out: &Path, files: &BTreeMap<String, String>) -> Result<Plan, Vec<Diagnostic>> {
    survey(out, files, None).map(|s| s.plan)
}

/// Writes `files` into the crate in `out` (scaffolding it first from `scaffold()` when `out` is
/// missing or empty) and returns what changed. Up to date -> nothing is touched, so mtimes and
/// cargo's caches survive. On error the previous crate is left as it was.
pub fn write(
    out: &Path,
    files: &BTreeMap<String, String>,
    scaffold: impl FnOnce() -> Result<Scaffold, Vec<Diagnostic>>,
) -> Result<Plan, Vec<Diagnostic>> {
    let io_err = |p: &Path, what: &str| {
        let p = p.to_path_buf();
        let what = what.to_string();
        let out = out.to_path_buf();
        move |e: io::Error| vec![io_diag(&out, &p, &what, &e)]
    };
    // Validate and classify before touching anything.
    let first = survey(out, files, None)?;
    let scaffold_files = if first.plan.scaffold { Some(scaffold()?) } else { None };
    let survey = match &scaffold_files {
        Some(s) => survey(out, files, s.files.get(CARGO_TOML).map(String::as_str))?,
        None => first,
    };
    let staging = out.join(STAGING_DIR);
    if survey.plan.is_up_to_date() && !out.join(BACKUP_DIR).exists() {
        // Only a staging dir left by a killed run is ours to remove; nothing else is touched.
        remove_if_exists(out, &staging)?;
        return Ok(survey.plan);
    }

    if let Some(s) = &scaffold_files {
        // Cargo.toml goes last: a scaffold killed half-way has no manifest and is refused
        // (and reported) by the next run instead of being mistaken for a finished crate.
        fs::create_dir_all(out).map_err(io_err(out, "cannot create"))?;
        for (rel, text) in s.files.iter().filter(|(k, _)| k.as_str() != CARGO_TOML) {
            write_file(out, &out.join(rel), text)?;
        }
    }

    let generated = out.join(GENERATED_DIR);
    let backup = out.join(BACKUP_DIR);
    if !generated.exists() && backup.is_dir() {
        fs::rename(&backup, &generated).map_err(io_err(&backup, "cannot restore"))?;
    }
    if survey.generated_changed || scaffold_files.is_some() {
        remove_if_exists(out, &staging)?;
        fs::create_dir_all(&staging).map_err(io_err(&staging, "cannot create"))?;
        // Written in parallel (the first error in path order is reported); nothing is visible
        // until the staging directory is swapped in below.
        let written: Vec<Result<(), Vec<Diagnostic>>> = {
            use rayon::prelude::*;
            let files: Vec<(&String, &String)> = files.iter().filter(|(k, _)| k.as_str() != FEATURES_KEY).collect();
            files
                .into_par_iter()
                .map(|(rel, text)| {
                    let inner = rel.strip_prefix(GENERATED_DIR).unwrap_or(rel).trim_start_matches('/');
                    write_file(out, &staging.join(inner), text)
                })
                .collect()
        };
        written.into_iter().collect::<Result<Vec<()>, _>>()?;
        remove_if_exists(out, &backup)?;
        if generated.exists() {
            fs::rename(&generated, &backup).map_err(io_err(&generated, "cannot move aside"))?;
        }
        if let Err(e) = fs::rename(&staging, &generated) {
            // Put the previous tree back so the crate stays intact.
            let _ = fs::rename(&backup, &generated);
            return Err(io_err(&staging, "cannot move into place")(e));
        }
    }
    remove_if_exists(out, &backup)?;
    remove_if_exists(out, &staging)?;

    let manifest = match (&scaffold_files, &survey.new_manifest) {
        (_, Some(new)) => Some(new.clone()),
        (Some(s), None) => s.files.get(CARGO_TOML).cloned(),
        (None, None) => None,
    };
    if let Some(text) = manifest {
        let tmp = out.join(CARGO_TOML_TMP);
        write_file(out, &tmp, &text)?;
        fs::rename(&tmp, out.join(CARGO_TOML)).map_err(io_err(&tmp, "cannot move into place"))?;
    }
    Ok(survey.plan)
}

fn write_file(out: &Path, path: &Path, text: &str) -> Result<(), Vec<Diagnostic>> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| vec![io_diag(out, parent, "cannot create", &e)])?;
    }
    fs::write(path, text).map_err(|e| vec![io_diag(out, path, "cannot write", &e)])
}

/// Removes one of our own staging/backup directories (never anything the caller named).
fn remove_if_exists(out: &Path, path: &Path) -> Result<(), Vec<Diagnostic>> {
    match fs::remove_dir_all(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(vec![io_diag(out, path, "cannot remove", &e)]),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_keys() {
        let table = [
            ("src/generated/mod.rs", true),
            ("src/generated/beta/group.rs", true),
            (FEATURES_KEY, true),
            ("src/lib.rs", false),
            ("Cargo.toml", false),
            ("src/generated", false),
            ("src/generated/", false),
            ("src/generated/../lib.rs", false),
            ("src/generated/./a.rs", false),
            ("src/generated//a.rs", false),
            ("src/generated/a\\..\\b.rs", false),
            ("/src/generated/a.rs", false),
            ("src/generatedx/a.rs", false),
            ("src/generated/.generated.new/a.rs", false),
        ];
        for (key, ok) in table {
            assert_eq!(key_is_owned(key), ok, "{key}");
        }
    }

    #[test]
    fn features_block_replacement() {
        let m = "[features]\ndefault = []\n# BEGIN GENERATED FEATURES\nold = []\n# END GENERATED FEATURES\n[dependencies]\n";
        let table = [
            ("a = []\nb = [\"a\"]\n", "[features]\ndefault = []\n# BEGIN GENERATED FEATURES\na = []\nb = [\"a\"]\n# END GENERATED FEATURES\n[dependencies]\n"),
            ("x = []", "[features]\ndefault = []\n# BEGIN GENERATED FEATURES\nx = []\n# END GENERATED FEATURES\n[dependencies]\n"),
            ("", "[features]\ndefault = []\n# BEGIN GENERATED FEATURES\n# END GENERATED FEATURES\n[dependencies]\n"),
        ];
        for (block, want) in table {
            assert_eq!(replace_features_block(m, block).as_deref(), Some(want));
        }
        assert_eq!(replace_features_block("[features]\n", "a = []"), None);
        assert_eq!(replace_features_block("# END GENERATED FEATURES\n# BEGIN GENERATED FEATURES\n", "a = []"), None);
    }

    #[test]
    fn manifest_made_standalone() {
        let ws = "[workspace]\nmembers = [\"m\"]\n[workspace.package]\nedition = \"2021\"\nlicense = \"MIT\"\n[workspace.dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\nhttp = \"1\"\n";
        let member = "[package]\nname = \"m\"\nedition.workspace = true\nlicense.workspace = true\n\n[dependencies]\nserde.workspace = true\nhttp = { workspace = true, features = [\"std\"], optional = true }\nlocal = \"0.1\"\n";
        let out = standalone_manifest(member, ws).expect("converts");
        let doc: toml_edit::DocumentMut = out.parse().expect("valid toml");
        assert_eq!(doc["package"]["edition"].as_str(), Some("2021"));
        assert_eq!(doc["package"]["license"].as_str(), Some("MIT"));
        assert_eq!(doc["dependencies"]["serde"]["version"].as_str(), Some("1"));
        assert_eq!(doc["dependencies"]["serde"]["features"].as_array().map(|a| a.len()), Some(1));
        assert_eq!(doc["dependencies"]["http"]["version"].as_str(), Some("1"));
        assert_eq!(doc["dependencies"]["http"]["optional"].as_bool(), Some(true));
        assert_eq!(doc["dependencies"]["http"]["features"].as_array().map(|a| a.len()), Some(1));
        assert_eq!(doc["dependencies"]["local"].as_str(), Some("0.1"));
        assert!(doc["workspace"].as_table().is_some_and(|t| t.is_empty()));
        assert!(!out.contains("workspace = true"));
        assert!(standalone_manifest("[dependencies]\nnope.workspace = true\n", ws).is_err());
    }
}
