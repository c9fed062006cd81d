//! tree: reads a docs tree from disk into decoded [`crate::SourcePage`]s.
//!
//! Layout: `root/v1.0/**.md` and `root/beta/**.md` are pages; anything else at the top level
//! is reported (except the suppression file). Symbolic links are never followed, so nothing
//! outside the root is read; they are reported instead. Pages are listed first (a directory
//! level at a time, its directories in parallel), then read and decoded in parallel; the
//! result is sorted by path whatever the directory order or the thread count.

use crate::diagnostics::{Code, Diagnostic, Span};
use crate::SourcePage;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Pages larger than this are skipped (`GD0004`); the largest real page is under 1 MiB.
pub const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

/// The one top-level file that is not a version folder and not reported.
pub const SUPPRESSIONS_FILE: &str = "docgen-suppressions.toml";

/// Top-level folders that hold pages.
const VERSION_DIRS: &[&str] = &["v1.0", "beta"];

/// Reads every `*.md` page under `root/v1.0` and `root/beta`, sorted by path.
pub fn read_tree(root: &Path) -> (Vec<SourcePage>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let root_name = root.display().to_string();
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    match sorted_entries(root) {
        Err(e) => {
            diags.push(Diagnostic::new(Code::Io, Span::line(&root_name, 1), format!("cannot read the docs root: {e}")))
        }
        Ok(entries) => {
            let mut version_dirs = Vec::new();
            for (name, path, kind) in entries {
                match kind {
                    Kind::Symlink => diags.push(symlink_diag(&name)),
                    Kind::Dir if VERSION_DIRS.contains(&name.as_str()) => version_dirs.push((path, name)),
                    Kind::File if name == SUPPRESSIONS_FILE => {}
                    _ => diags.push(Diagnostic::new(
                        Code::UnknownVersionDir,
                        Span::line(&name, 1),
                        format!("`{name}` is outside the version folders (v1.0/, beta/); it was skipped"),
                    )),
                }
            }
            list_pages(version_dirs, &mut files, &mut diags);
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));

    let read: Vec<(Option<SourcePage>, Vec<Diagnostic>)> =
        files.par_iter().map(|(rel, abs)| read_page(rel, abs)).collect();
    let mut pages = Vec::with_capacity(read.len());
    for (page, d) in read {
        pages.extend(page);
        diags.extend(d);
    }
    if pages.is_empty() {
        diags.push(Diagnostic::new(
            Code::EmptyTree,
            Span::line(&root_name, 1),
            format!("no pages found under `{root_name}/v1.0` or `{root_name}/beta`"),
        ));
    }
    (pages, diags)
}

enum Kind {
    File,
    Dir,
    Symlink,
    Other,
}

/// Directory entries sorted by name, typed without following links.
fn sorted_entries(dir: &Path) -> std::io::Result<Vec<(String, PathBuf, Kind)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        // `DirEntry::file_type` does not follow symbolic links.
        let ft = entry.file_type()?;
        let kind = if ft.is_symlink() {
            Kind::Symlink
        } else if ft.is_dir() {
            Kind::Dir
        } else if ft.is_file() {
            Kind::File
        } else {
            Kind::Other
        };
        out.push((entry.file_name().to_string_lossy().into_owned(), entry.path(), kind));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// Collects `(relative path, absolute path)` of every `*.md` file under the `dirs` (each with
/// its relative path), one directory level at a time: the directories of a level are read in
/// parallel (listing the corpus's 11,290 pages was a tenth of a regen's serial time), and
/// there is no recursion, so no tree depth can overflow the stack. Files and diagnostics come
/// out in the same order whatever the thread count.
fn list_pages(dirs: Vec<(PathBuf, String)>, files: &mut Vec<(String, PathBuf)>, diags: &mut Vec<Diagnostic>) {
    let mut level = dirs;
    while !level.is_empty() {
        let read: Vec<_> = level.par_iter().map(|(dir, rel)| (rel, sorted_entries(dir))).collect();
        let mut next = Vec::new();
        for (rel, entries) in read {
            let entries = match entries {
                Ok(e) => e,
                Err(e) => {
                    diags.push(Diagnostic::new(Code::Io, Span::line(rel, 1), format!("cannot read directory: {e}")));
                    continue;
                }
            };
            for (name, path, kind) in entries {
                let child = format!("{rel}/{name}");
                match kind {
                    Kind::Symlink => diags.push(symlink_diag(&child)),
                    Kind::Dir => next.push((path, child)),
                    // Only `*.md` are pages: images, includes' assets and the stray `*.md.txt`
                    // are not.
                    Kind::File if name.ends_with(".md") => files.push((child, path)),
                    Kind::File | Kind::Other => {}
                }
            }
        }
        level = next;
    }
}

fn symlink_diag(rel: &str) -> Diagnostic {
    Diagnostic::new(Code::Symlink, Span::line(rel, 1), format!("`{rel}` is a symbolic link; it was not followed"))
}

fn read_page(rel: &str, abs: &Path) -> (Option<SourcePage>, Vec<Diagnostic>) {
    use std::io::Read;
    let io_error = |e: std::io::Error| {
        (None, vec![Diagnostic::new(Code::Io, Span::line(rel, 1), format!("cannot read page: {e}"))])
    };
    // One open per page: the size is checked on the open file (a huge file is never loaded)
    // and the buffer allocated once.
    let mut file = match std::fs::File::open(abs) {
        Ok(f) => f,
        Err(e) => return io_error(e),
    };
    let len = match file.metadata() {
        Ok(m) if m.len() > MAX_PAGE_BYTES as u64 => return (None, vec![too_large(rel, m.len())]),
        Ok(m) => m.len() as usize,
        Err(e) => return io_error(e),
    };
    let mut bytes = Vec::with_capacity(len + 1);
    if let Err(e) = file.read_to_end(&mut bytes) {
        return io_error(e);
    }
    let (text, diags) = decode_owned(rel, bytes);
    (text.map(|text| SourcePage { path: rel.to_string(), text }), diags)
}

fn too_large(rel: &str, len: u64) -> Diagnostic {
    Diagnostic::new(
        Code::PageTooLarge,
        Span::line(rel, 1),
        format!("page is {len} bytes, over the {MAX_PAGE_BYTES}-byte limit; it was skipped"),
    )
}

/// Decodes one page: UTF-8 BOM stripped, CRLF and lone CR turned into LF, invalid UTF-8 read
/// with replacement characters (`GD0002`); NUL bytes or mostly-control content (`GD0003`) and
/// oversized input (`GD0004`) give `None`.
pub fn decode(path: &str, bytes: &[u8]) -> (Option<String>, Vec<Diagnostic>) {
    decode_owned(path, bytes.to_vec())
}

/// [`decode`] of a buffer it may keep: valid UTF-8 (nearly every page) becomes the page text
/// without a copy.
pub fn decode_owned(path: &str, mut bytes: Vec<u8>) -> (Option<String>, Vec<Diagnostic>) {
    if bytes.len() > MAX_PAGE_BYTES {
        return (None, vec![too_large(path, bytes.len() as u64)]);
    }
    if let Some(why) = binary_reason(&bytes) {
        return (None, vec![Diagnostic::new(Code::NotText, Span::line(path, line_of(&bytes, why.0)), why.1)]);
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let mut diags = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            diags.push(Diagnostic::new(
                Code::InvalidUtf8,
                Span::line(path, line_of(e.as_bytes(), at)),
                format!("invalid UTF-8 at byte {at}; read with replacement characters"),
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    (Some(normalize_newlines(text)), diags)
}

/// `(byte offset, message)` when the bytes are not text: any NUL byte, or more than 10% of
/// control characters other than TAB, LF, CR and FF (binary files without NULs).
fn binary_reason(bytes: &[u8]) -> Option<(usize, String)> {
    let is_control = |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C);
    // One branch-free pass settles nearly every page (a NUL is a control byte); byte-wide
    // counters per chunk let it vectorize 32 bytes at a time. The add wraps explicitly (a chunk
    // of 255 bytes cannot overflow a u8): an overflow-checked `+`, as the dev profile that
    // `cargo xtask regen` runs compiles it, does not vectorize.
    let controls: usize = bytes
        .chunks(255)
        .map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &b| n.wrapping_add(u8::from(is_control(b))))))
        .sum();
    if controls == 0 {
        return None;
    }
    if let Some(at) = memchr::memchr(0, bytes) {
        return Some((at, format!("NUL byte at byte {at}: not a text page; it was skipped")));
    }
    if controls * 10 > bytes.len() {
        let at = bytes.iter().position(|&b| is_control(b)).unwrap_or(0);
        return Some((
            at,
            format!("{controls} control bytes in {} bytes: binary content; it was skipped", bytes.len()),
        ));
    }
    None
}

/// 1-based line of byte `at`, counting LF, CRLF and lone CR as one line break each.
fn line_of(bytes: &[u8], at: usize) -> u32 {
    let prefix = bytes.get(..at).unwrap_or(bytes);
    let mut line = 1u32;
    let mut prev_cr = false;
    for &b in prefix {
        match b {
            b'\n' if prev_cr => {}
            b'\n' | b'\r' => line = line.saturating_add(1),
            _ => {}
        }
        prev_cr = b == b'\r';
    }
    line
}

fn normalize_newlines(s: String) -> String {
    if memchr::memchr(b'\r', s.as_bytes()).is_none() {
        return s;
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// A fresh directory under the system temp dir, removed on drop.
    struct TempDir(PathBuf);
    impl TempDir {
        fn new(tag: &str) -> TempDir {
            static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
            let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let dir = std::env::temp_dir().join(format!("graph-docgen-tree-{tag}-{}-{n}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).expect("temp dir");
            TempDir(dir)
        }
        fn write(&self, rel: &str, bytes: &[u8]) {
            let p = self.0.join(rel);
            if let Some(parent) = p.parent() {
                fs::create_dir_all(parent).expect("mkdir");
            }
            fs::write(p, bytes).expect("write");
        }
    }
    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn codes(diags: &[Diagnostic]) -> Vec<(Code, String, u32)> {
        diags.iter().map(|d| (d.code, d.span.file.clone(), d.span.line)).collect()
    }

    #[test]
    fn decode_variants() {
        /// `(input bytes, expected text or None, expected (code, line) diagnostics)`.
        type Case = (&'static [u8], Option<&'static str>, Vec<(Code, u32)>);
        let cases: Vec<Case> = vec![
            (b"# T\n", Some("# T\n"), vec![]),
            (b"", Some(""), vec![]),
            (b"\xEF\xBB\xBF# T\r\nx\r\n", Some("# T\nx\n"), vec![]),
            (b"a\rb\r\nc\n\rd", Some("a\nb\nc\n\nd"), vec![]),
            (b"ok\r\nline2 \xFF end\n", Some("ok\nline2 \u{FFFD} end\n"), vec![(Code::InvalidUtf8, 2)]),
            (b"a\nb\n\x00c", None, vec![(Code::NotText, 3)]),
            (b"\x01\x02\x03\x04abc", None, vec![(Code::NotText, 1)]),
            (b"tab\there\x0c\n", Some("tab\there\x0c\n"), vec![]),
        ];
        for (bytes, text, expected) in cases {
            let (got, diags) = decode("v1.0/x.md", bytes);
            assert_eq!(got.as_deref(), text, "{bytes:?}");
            let got_codes: Vec<(Code, u32)> = diags.iter().map(|d| (d.code, d.span.line)).collect();
            assert_eq!(got_codes, expected, "{bytes:?}");
        }
        let big = vec![b'a'; MAX_PAGE_BYTES + 1];
        let (got, diags) = decode("beta/big.md", &big);
        assert!(got.is_none());
        assert_eq!(codes(&diags), vec![(Code::PageTooLarge, "beta/big.md".to_string(), 1)]);
    }

    #[test]
    fn reads_nested_pages_sorted_and_reports_strays() {
        let t = TempDir::new("nested");
        t.write("beta/api/b.md", b"# b\r\n");
        t.write("beta/api/a.md", b"\xEF\xBB\xBF# a\n");
        t.write("v1.0/resources/deep/er/x.md", b"# x\n");
        t.write("v1.0/resources/t.md.txt", b"not a page");
        t.write("v1.0/resources/image.png", b"\x89PNG\x00");
        t.write("v1.0/api/empty.md", b"");
        t.write("v1.0/api/nul.md", b"a\x00");
        t.write("includes/snippet.md", b"# s\n");
        t.write("README.md", b"# readme\n");
        t.write(SUPPRESSIONS_FILE, b"");
        let (pages, diags) = read_tree(&t.0);
        let paths: Vec<&str> = pages.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, vec!["beta/api/a.md", "beta/api/b.md", "v1.0/api/empty.md", "v1.0/resources/deep/er/x.md"]);
        let texts: Vec<&str> = pages.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, vec!["# a\n", "# b\n", "", "# x\n"]);
        assert_eq!(
            codes(&diags),
            vec![
                (Code::UnknownVersionDir, "README.md".to_string(), 1),
                (Code::UnknownVersionDir, "includes".to_string(), 1),
                (Code::NotText, "v1.0/api/nul.md".to_string(), 1),
            ]
        );
    }

    #[test]
    fn empty_and_missing_trees_are_errors() {
        let t = TempDir::new("empty");
        fs::create_dir_all(t.0.join("v1.0/api")).expect("mkdir");
        let (pages, diags) = read_tree(&t.0);
        assert!(pages.is_empty());
        assert_eq!(diags.iter().map(|d| d.code).collect::<Vec<_>>(), vec![Code::EmptyTree]);
        assert_eq!(diags[0].severity, crate::diagnostics::Severity::Error);

        let (pages, diags) = read_tree(&t.0.join("does-not-exist"));
        assert!(pages.is_empty());
        assert_eq!(diags.iter().map(|d| d.code).collect::<Vec<_>>(), vec![Code::Io, Code::EmptyTree]);
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_reported_not_followed() {
        let outside = TempDir::new("outside");
        outside.write("secret.md", b"# secret\n");
        outside.write("dir/inner.md", b"# inner\n");
        let t = TempDir::new("links");
        t.write("v1.0/api/real.md", b"# real\n");
        std::os::unix::fs::symlink(outside.0.join("secret.md"), t.0.join("v1.0/api/link.md")).expect("symlink");
        std::os::unix::fs::symlink(outside.0.join("dir"), t.0.join("v1.0/linked-dir")).expect("symlink");
        std::os::unix::fs::symlink(outside.0.join("dir"), t.0.join("beta")).expect("symlink");
        let (pages, diags) = read_tree(&t.0);
        assert_eq!(pages.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(), vec!["v1.0/api/real.md"]);
        assert_eq!(
            codes(&diags),
            vec![
                (Code::Symlink, "beta".to_string(), 1),
                (Code::Symlink, "v1.0/linked-dir".to_string(), 1),
                (Code::Symlink, "v1.0/api/link.md".to_string(), 1),
            ]
        );
    }

    #[test]
    fn vanished_page_is_an_io_error() {
        let t = TempDir::new("vanished");
        let (page, diags) = read_page("beta/gone.md", &t.0.join("gone.md"));
        assert!(page.is_none());
        assert_eq!(codes(&diags), vec![(Code::Io, "beta/gone.md".to_string(), 1)]);
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_page_is_an_io_error() {
        use std::os::unix::fs::PermissionsExt;
        let t = TempDir::new("unreadable");
        t.write("beta/a.md", b"# a\n");
        t.write("beta/locked.md", b"# locked\n");
        let locked = t.0.join("beta/locked.md");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
        if fs::read(&locked).is_ok() {
            eprintln!("SKIP unreadable_page_is_an_io_error: running with permission to read mode-000 files");
            return;
        }
        let (pages, diags) = read_tree(&t.0);
        assert_eq!(pages.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(), vec!["beta/a.md"]);
        assert_eq!(codes(&diags), vec![(Code::Io, "beta/locked.md".to_string(), 1)]);
    }
}
